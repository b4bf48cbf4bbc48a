"""The moderation pages and their JSON API in-process, for every role: Ms Reed moderates
her class's answers to a question in groups, sees each override with who and when, teaches
the scheme once the course is hers (a dry run first), and reads the agreement; the student
sees the teacher's mark on their feedback; another teacher gets 404, a student 403, a
stranger the sign-in page (or 401 from the API). Real SQLite file, real model."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from pastpaper.app import Pastpaper
from web.conftest import NOW, PASSWORD, send_form, sign_in

pytestmark = pytest.mark.anyio

WAR = "Stalin won the Second World War"
ANSWERS = {
    "ana": "Khrushchev made the Secret Speech in 1956 and attacked Stalin's terror and his "
    "cult of personality.",
    "ben": "In 1956 he gave a secret speech which condemned Stalin's terror and the "
    "personality cult around him.",
    "eve": "Stalin won the Second World War and made the Soviet Union a superpower.",
    "fay": "Stalin won the Second World War and made the Soviet Union a superpower.",
}


class Moderation:
    """Ms Reed teaches 11B (the seed course; four students have answered 2000's "Describe
    the key features of de-Stalinisation"); Mr Cole teaches 12A; Jo is an admin."""

    def __init__(self, app: FastAPI, seed_path: Path) -> None:
        core: Pastpaper = app.state.core
        people = core.store.people
        for login, name, role in (
            ("ms.reed", "Ms Reed", "teacher"),
            ("mr.cole", "Mr Cole", "teacher"),
            ("jo", "Jo Admin", "admin"),
        ):
            people.add_user(login, name, role, password=PASSWORD, now=NOW)
        core.import_file(seed_path)
        self.course = core.store.courses()[0]
        self.b = people.add_class("ms.reed", "11B", now=NOW)
        people.add_class("mr.cole", "12A", now=NOW)
        people.assign_course(self.b.id, self.course.slug)
        self.question = next(
            q for q in core.store.questions() if q.year == 2000 and q.text.startswith("Describe")
        )
        self.attempts: dict[str, int] = {}
        for login, text in ANSWERS.items():
            student = people.add_user(login, login.title(), "student", password=PASSWORD, now=NOW)
            people.enrol(login, self.b.id, now=NOW)
            done = core.acting_for(student).submit_answer(self.question.id, text)
            self.attempts[login] = done.attempt_id
        self.core = core
        self.base = f"/classes/{self.b.id}/questions/{self.question.id}"
        self.api = f"/api/classes/{self.b.id}/questions/{self.question.id}"

    def give_course_to_reed(self) -> None:
        self.core.store.teaching.set_owner(
            self.course.id, self.core.store.people.user("ms.reed").id
        )

    def routes(self) -> list[tuple[str, str, dict[str, object]]]:
        """Every moderation route, filled in, with a body that would be taken."""
        eve = self.attempts["eve"]
        form = {"attempt_id": str(eve), "mark": "0", "reason": "off the question"}
        lesson = {"point_id": "p8f1bdd", "phrase": WAR, "earns": False}
        return [
            ("GET", f"/classes/{self.b.id}/moderate", {}),
            ("GET", f"{self.base}/moderate", {}),
            ("POST", f"{self.base}/moderate", {"data": form}),
            ("GET", f"{self.base}/moderate/answers/{eve}", {}),
            ("POST", f"{self.base}/moderate/answers/{eve}", {"data": form}),
            ("POST", f"{self.base}/moderate/answers/{eve}/teach", {"data": lesson}),
            ("GET", f"{self.base}/agreement", {}),
            ("GET", f"{self.api}/groups", {}),
            ("POST", f"{self.api}/moderations", {"json": {"attempt_ids": [eve], "mark": 0}}),
            ("GET", f"{self.api}/answers/{eve}", {}),
            ("POST", f"{self.api}/answers/{eve}/teach", {"json": lesson}),
            ("GET", f"{self.api}/agreement", {}),
        ]

    def moderations(self) -> int:
        return sum(len(self.core.store.answers.moderations(a)) for a in self.attempts.values())


@pytest.fixture
async def world(web_app: FastAPI, seed_path: Path) -> AsyncIterator[Moderation]:
    yield Moderation(web_app, seed_path)


async def test_the_teacher_moderates_a_group_and_the_student_sees_the_mark(
    client: httpx.AsyncClient, world: Moderation
) -> None:
    await sign_in(client, "ms.reed")
    index = await client.get(f"/classes/{world.b.id}/moderate")
    assert index.status_code == 200 and world.question.text in index.text
    sheet = await client.get(f"{world.base}/moderate")
    assert sheet.status_code == 200 and "Each student's newest attempt is shown" in sheet.text
    every = await client.get(f"{world.base}/moderate?every=true")
    assert every.status_code == 200 and "Every attempt is shown" in every.text
    groups = re.findall(r'<section class="card moderation-group" id="(group-\d+)"', sheet.text)
    assert len(groups) >= 2
    # The two identical answers share a group: its form ticks both.
    war = next(
        part
        for part in sheet.text.split('<section class="card moderation-group"')
        if f'name="attempt_id" value="{world.attempts["eve"]}"' in part
    )
    assert f'name="attempt_id" value="{world.attempts["fay"]}"' in war
    assert f'name="attempt_id" value="{world.attempts["ana"]}"' not in war
    attempts = [world.attempts["eve"], world.attempts["fay"]]
    refused = await send_form(
        client,
        f"{world.base}/moderate",
        f"{world.base}/moderate",
        {"attempt_id": [str(a) for a in attempts], "mark": "0", "reason": ""},
    )
    assert refused.status_code == 400 and "needs a reason" in refused.text
    not_number = await send_form(
        client,
        f"{world.base}/moderate",
        f"{world.base}/moderate",
        {"attempt_id": [str(a) for a in attempts], "mark": "none", "reason": "x"},
    )
    assert not_number.status_code == 400 and "whole number" in not_number.text
    assert world.moderations() == 0
    done = await send_form(
        client,
        f"{world.base}/moderate",
        f"{world.base}/moderate",
        {"attempt_id": [str(a) for a in attempts], "mark": "0", "reason": "the war is not it"},
    )
    assert done.status_code == 303
    after = await client.get(done.headers["location"])
    assert "2 answers now have the mark 0." in after.text
    assert "the war is not it: ms.reed" in after.text
    history = await client.get(f"{world.base}/moderate/answers/{attempts[0]}")
    assert "the war is not it" in history.text and "ms.reed" in history.text
    assert NOW.strftime("%d %b %Y, %H:%M") in history.text
    # Eve signs in and reads her teacher's mark on her feedback.
    await sign_in(client, "eve")
    feedback = await client.get(f"/attempts/{attempts[0]}")
    assert feedback.status_code == 200
    assert "Your teacher's mark: 0 / 6 (the war is not it)" in feedback.text


async def test_one_answer_is_moderated_from_its_page(
    client: httpx.AsyncClient, world: Moderation
) -> None:
    await sign_in(client, "jo")  # an admin moderates any class
    ana = world.attempts["ana"]
    page = f"{world.base}/moderate/answers/{ana}"
    done = await send_form(client, page, page, {"mark": "5", "reason": "well developed"})
    assert done.status_code == 303 and done.headers["location"] == page
    shown = await client.get(page)
    assert "well developed" in shown.text and "jo" in shown.text
    bad = await send_form(client, page, page, {"mark": "9", "reason": "too many"})
    assert bad.status_code == 400 and "from 0 to 6" in bad.text


async def test_teaching_the_scheme_shows_the_dry_run_then_applies_it(
    client: httpx.AsyncClient, world: Moderation
) -> None:
    await sign_in(client, "ms.reed")
    eve = world.attempts["eve"]
    page = f"{world.base}/moderate/answers/{eve}"
    shown = await client.get(page)
    assert "You cannot teach this scheme" in shown.text and "<fieldset disabled" in shown.text
    forbidden = await send_form(
        client, page, page + "/teach", {"point_id": "p8f1bdd", "phrase": WAR, "earns": "no"}
    )
    assert forbidden.status_code == 403
    world.give_course_to_reed()
    shown = await client.get(page)
    assert "You cannot teach" not in shown.text
    [credited] = re.findall(r'<option value="(\w+)" selected>', shown.text)
    before = {a.login: a.mark for a in world.core.store.answers.for_question(world.question.id)}
    not_there = await send_form(
        client, page, page + "/teach", {"point_id": credited, "phrase": "the KGB", "earns": "no"}
    )
    assert not_there.status_code == 400 and "is not in answer" in not_there.text
    preview = await send_form(
        client, page, page + "/teach", {"point_id": credited, "phrase": WAR, "earns": "no"}
    )
    assert preview.status_code == 200 and "Answers whose mark would change" in preview.text
    rows = re.findall(r"<tr>\s*<td>(\w+)</td>", preview.text)
    assert sorted(rows) == ["Eve", "Fay"]
    assert {a.login: a.mark for a in world.core.store.answers.for_question(world.question.id)} == (
        before
    )
    token = re.search(r'name="csrftoken" value="([^"]+)"', preview.text)
    assert token
    fields = {"point_id": credited, "phrase": WAR, "earns": "no", "apply": "yes"}
    no_reason = await client.post(
        page + "/teach", data={"csrftoken": token.group(1), **fields, "reason": ""}
    )
    assert no_reason.status_code == 400 and "say why" in no_reason.text
    applied = await client.post(
        page + "/teach", data={"csrftoken": token.group(1), **fields, "reason": "war is not it"}
    )
    assert applied.status_code == 303
    after_page = await client.get(applied.headers["location"])
    assert "The scheme is now version 1: 2 answers changed mark." in after_page.text
    after = {a.login: a.mark for a in world.core.store.answers.for_question(world.question.id)}
    assert (after["eve"] or 0) < (before["eve"] or 0) and after["ana"] == before["ana"]


async def test_the_agreement_page_and_api_give_the_figures(
    client: httpx.AsyncClient, world: Moderation
) -> None:
    await sign_in(client, "ms.reed")
    empty = await client.get(f"{world.base}/agreement")
    assert (
        empty.status_code == 200 and "You have moderated 0 of the class's 4 answers" in empty.text
    )
    token = client.cookies["csrftoken"]
    marks = {a.login: a.mark for a in world.core.store.answers.for_question(world.question.id)}
    for login, mark in (("ana", marks["ana"]), ("eve", 0)):
        sent = await client.post(
            f"{world.api}/moderations",
            json={"attempt_ids": [world.attempts[login]], "mark": mark, "reason": "mine"},
            headers={"x-csrftoken": token},
        )
        assert sent.status_code == 200, sent.text
        assert sent.json() == {"attempt_ids": [world.attempts[login]]}
    report = (await client.get(f"{world.api}/agreement")).json()
    assert report["moderated"] == 2 and report["answers"] == 4
    same = 1 + (marks["eve"] == 0)
    assert report["exact"] == same / 2
    assert report["points"][0]["credited_marked_down"] == 1
    page = await client.get(f"{world.base}/agreement")
    assert f'<dd id="exact">{same * 50}%</dd>' in page.text
    assert report["points"][0]["point"]["text"] in page.text


async def test_the_api_groups_and_teaches_as_the_pages_do(
    client: httpx.AsyncClient, world: Moderation
) -> None:
    world.give_course_to_reed()
    await sign_in(client, "ms.reed")
    sheet = (await client.get(f"{world.api}/groups")).json()
    assert sheet["answers"] == 4 and sheet["may_teach"] is True
    groups = [{a["login"] for a in g["answers"]} for g in sheet["groups"]]
    assert {"eve", "fay"} in groups
    eve = world.attempts["eve"]
    answer = (await client.get(f"{world.api}/answers/{eve}")).json()
    [credited] = answer["answer"]["credited"]
    token = client.cookies["csrftoken"]
    dry = await client.post(
        f"{world.api}/answers/{eve}/teach",
        json={"point_id": credited["point_id"], "phrase": WAR, "earns": False},
        headers={"x-csrftoken": token},
    )
    assert dry.status_code == 200, dry.text
    lesson = dry.json()
    assert lesson["remarking"]["version"] is None
    assert sorted(c["login"] for c in lesson["remarking"]["changes"]) == ["eve", "fay"]
    bad = await client.post(
        f"{world.api}/moderations",
        json={"attempt_ids": [eve], "mark": 0, "reason": ""},
        headers={"x-csrftoken": token},
    )
    assert bad.status_code == 400 and "needs a reason" in bad.json()["error"]


async def test_every_moderation_route_for_every_role(
    client: httpx.AsyncClient, world: Moderation
) -> None:
    await client.get("/sign-in")
    token = client.cookies["csrftoken"]
    for method, url, body in world.routes():
        answer = await client.request(method, url, headers={"x-csrftoken": token}, **body)  # type: ignore[arg-type]
        if url.startswith("/api/"):
            assert answer.status_code == 401, (method, url, answer.status_code)
        else:
            assert answer.status_code == 303, (method, url)
            assert answer.headers["location"].startswith("/sign-in"), (method, url)
    for login, expected in (("eve", 403), ("mr.cole", 404)):
        await sign_in(client, login)
        token = client.cookies["csrftoken"]
        for method, url, body in world.routes():
            answer = await client.request(method, url, headers={"x-csrftoken": token}, **body)  # type: ignore[arg-type]
            assert answer.status_code == expected, (login, method, url, answer.status_code)
            assert ANSWERS["ana"] not in answer.text
    assert world.moderations() == 0
    world.give_course_to_reed()
    for login in ("ms.reed", "jo"):
        await sign_in(client, login)
        token = client.cookies["csrftoken"]
        for method, url, body in world.routes():
            answer = await client.request(method, url, headers={"x-csrftoken": token}, **body)  # type: ignore[arg-type]
            assert answer.status_code in (200, 303), (login, method, url, answer.status_code)
    assert world.moderations() == 6  # three routes moderate: each of the two used them all
