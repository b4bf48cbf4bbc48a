"""Who reaches what, for every route the app has (read from its OpenAPI description, so a
new route is covered the day it is added): a stranger is sent to sign in (a page) or gets
401 (the API); a student asking for another class's course, question or card, or another
student's attempt or token, gets 403 or 404, and changes nothing."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from pastpaper.app import Pastpaper
from web.conftest import NOW, PASSWORD, send_form

pytestmark = pytest.mark.anyio

#: Routes that name a course in their query rather than their path: (method, path, query).
BY_QUERY = [("GET", "/cards/export.apkg", "course"), ("GET", "/review", "course")]

#: Where the pages for teachers and admins begin: a student gets 403 from each.
FOR_TEACHERS = ("/classes", "/api/classes", "/notes", "/api/notes", "/jobs", "/api/jobs")

#: Pages anybody may open without signing in.
PUBLIC = {"/setup", "/sign-in", "/sign-up", "/", "/api/openapi.json", "/api/docs"}

ANN_ANSWER = "Khrushchev wanted the virgin lands to feed the towns, said Ann alone."


class World:
    """Two classes of one teacher: Sam's studies the seed, Ann's the built-in example. Ann
    has practised, drafted and made a token; Sam has done nothing; Ms Reed has uploaded the
    seed, unsaved. Mr Cole teaches neither."""

    def __init__(self, app: FastAPI, seed_path: Path) -> None:
        core: Pastpaper = app.state.core
        people = core.store.people
        people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=NOW)
        people.add_user("mr.cole", "Mr Cole", "teacher", password=PASSWORD, now=NOW)
        people.add_user("sam", "Sam Okafor", "student", password=PASSWORD, now=NOW)
        ann = people.add_user("ann", "Ann Lee", "student", password=PASSWORD, now=NOW)
        self.seed = core.import_file(seed_path).saved.slug
        self.example = core.import_examples()[0].saved.slug
        sams = people.add_class("ms.reed", "Sam's class", now=NOW)
        anns = people.add_class("ms.reed", "Ann's class", now=NOW)
        self.anns_class = anns.id
        people.enrol("sam", sams.id, now=NOW)
        people.enrol("ann", anns.id, now=NOW)
        people.assign_course(sams.id, self.seed)
        people.assign_course(anns.id, self.example)
        as_ann = core.acting_for(ann)
        self.question = as_ann.questions(course=self.example)[0].id
        self.attempt = as_ann.practise(
            self.question, ANN_ANSWER, started=NOW, seconds=600
        ).attempt_id
        as_ann.save_draft(self.question, "Ann's draft, half written")
        self.card = as_ann.cards(self.example)[0].id
        as_ann.make_token("ann's script")
        self.token = as_ann.tokens()[0].id
        as_reed = core.acting_for(people.user("ms.reed"))
        self.upload = as_reed.upload_notes(seed_path.name, seed_path.read_bytes()).token
        reed = core.acting_for(people.user("ms.reed"))
        self.job = reed.start_csv_job(b"student,question,answer\nann,1,Maize\n", "11C.csv").id
        self.core = core
        self.ann = ann

    def value(self, name: str) -> Any:
        """What to put for a route's path parameter: always something that is not Sam's."""
        values = {
            "slug": self.example,
            "question_id": self.question,
            "attempt_id": self.attempt,
            "card_id": self.card,
            "token_id": self.token,
            "class_id": self.anns_class,
            "login": "ann",
            "token": self.upload,
            "job_id": self.job,
        }
        assert name in values, f"a route has the parameter {{{name}}}: say here what to try"
        return values[name]

    def anns_things(self) -> tuple[Any, ...]:
        """What Ann has, to see that nothing of it changed."""
        as_ann = self.core.acting_for(self.ann)
        return (
            as_ann.draft(self.question),
            [(a.id, a.answer, a.mark) for a in as_ann.attempts()],
            [t.id for t in as_ann.tokens()],
            [(c.id, c.due) for c in as_ann.cards()],
            self.core.store.people.school_class(self.anns_class),
        )


def routes(app: FastAPI) -> list[tuple[str, str]]:
    """Every (method, path) the app serves, from its OpenAPI description."""
    return [
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    ]


def body(method: str, path: str) -> dict[str, Any]:
    """A body that would be taken if the thing asked for were Sam's, so that a refusal is
    about whose it is, not about the body: JSON for the API, a form for a page."""
    if method != "POST":
        return {}
    fields = {"answer": "The Virgin Lands scheme.", "rating": 3, "typed": "", "name": "x"}
    if path.startswith("/api/"):
        return {"json": fields}
    return {"data": {**fields, "rating": "3"}}


def filled(path: str, world: World) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(world.value(m.group(1))), path)


@pytest.fixture
async def world(web_app: FastAPI, seed_path: Path) -> AsyncIterator[World]:
    yield World(web_app, seed_path)


async def test_a_stranger_is_sent_to_sign_in_from_every_private_route(
    client: httpx.AsyncClient, web_app: FastAPI, world: World
) -> None:
    await client.get("/sign-in")  # a CSRF cookie, so that a refusal is not about the token
    token = client.cookies["csrftoken"]
    for method, path in routes(web_app):
        if path in PUBLIC:
            continue
        url = filled(path, world)
        answer = await client.request(method, url, headers={"x-csrftoken": token})
        if path.startswith("/api/"):
            assert answer.status_code == 401, (method, url, answer.status_code)
        else:
            assert answer.status_code == 303, (method, url, answer.status_code)
            assert answer.headers["location"].startswith("/sign-in"), (method, url)


async def test_a_student_reaches_nothing_of_another_class_or_student(
    client: httpx.AsyncClient, web_app: FastAPI, world: World
) -> None:
    signed = await send_form(client, "/sign-in", "/sign-in", {"login": "sam", "password": PASSWORD})
    assert signed.status_code == 303
    token = client.cookies["csrftoken"]
    before = world.anns_things()
    checked = 0
    for method, path in routes(web_app):
        if "{" not in path:
            continue
        url = filled(path, world)
        answer = await client.request(
            method, url, headers={"x-csrftoken": token}, **body(method, path)
        )
        assert answer.status_code in (403, 404), (method, url, answer.status_code)
        assert ANN_ANSWER not in answer.text and "Ann's draft" not in answer.text
        checked += 1
    for method, path, name in BY_QUERY:
        answer = await client.request(method, f"{path}?{name}={world.value('slug')}")
        assert answer.status_code in (403, 404), (method, path, answer.status_code)
        checked += 1
    assert checked >= 8
    assert world.anns_things() == before


async def test_another_teacher_reads_nothing_of_a_class_not_theirs(
    client: httpx.AsyncClient, web_app: FastAPI, world: World
) -> None:
    await send_form(client, "/sign-in", "/sign-in", {"login": "mr.cole", "password": PASSWORD})
    checked = 0
    for method, path in routes(web_app):
        if method != "GET" or "{class_id}" not in path:
            continue
        answer = await client.get(filled(path, world))
        assert answer.status_code in (403, 404), (path, answer.status_code)
        assert "Ann Lee" not in answer.text and ANN_ANSWER not in answer.text, path
        checked += 1
    assert checked >= 4  # the class's page, its results, their CSV, the JSON


async def test_a_students_own_lists_hold_nothing_of_anothers(
    client: httpx.AsyncClient, web_app: FastAPI, world: World
) -> None:
    await send_form(client, "/sign-in", "/sign-in", {"login": "sam", "password": PASSWORD})
    example_title = world.core.course_summary(world.example).title
    for method, path in routes(web_app):
        if method != "GET" or "{" in path or path in ("/api/openapi.json", "/api/docs"):
            continue
        answer = await client.get(path)
        # 400: a route that needs a query (the course of an export) says so, and no more.
        expected = (403,) if path.startswith(FOR_TEACHERS) else (200, 303, 400)
        assert answer.status_code in expected, (path, answer.status_code)
        for secret in (ANN_ANSWER, "Ann's draft", "Ann Lee", example_title):
            assert secret not in answer.text, (path, secret)


async def test_every_link_at_the_top_of_a_page_opens_a_page_for_its_role(
    client: httpx.AsyncClient, web_app: FastAPI, world: World
) -> None:
    from pastpaper.web.pages import NAV

    people = world.core.store.people
    people.add_user("head", "The Head", "admin", password=PASSWORD, now=NOW)
    for login, role in (("sam", "student"), ("ms.reed", "teacher"), ("head", "admin")):
        client.cookies.clear()
        await send_form(client, "/sign-in", "/sign-in", {"login": login, "password": PASSWORD})
        for label, href in NAV[role]:
            opened = await client.get(href)
            assert opened.status_code == 200, (role, label, href, opened.status_code)
