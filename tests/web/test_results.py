"""A class's results in-process, for every route and role: its teacher and an admin see the
page, the CSV, one question and the JSON; another teacher gets 404, a student 403, a
stranger is sent to sign in (401 from the API). Names are shown as text, never as markup.
On a real SQLite file with the built-in example course."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import httpx
import pytest
from fastapi import FastAPI

from pastpaper.app import Pastpaper
from test_results import BO, answered
from web.conftest import NOW, PASSWORD, sign_in

pytestmark = pytest.mark.anyio

WEEK = datetime(2026, 11, 10, 10, 0, tzinfo=UTC)


class Results:
    """Ms Reed's 11B (Ann and Bo, the example course): Ann answered question 2 (7 of 10,
    missing P1) and Bo question 2 (4, moderated to 6, missing P1 and P2); Mr Cole teaches
    nothing of it; Jo is an admin."""

    def __init__(self, app: FastAPI) -> None:
        core: Pastpaper = app.state.core
        people = core.store.people
        for login, name, role in (
            ("ms.reed", "Ms Reed", "teacher"),
            ("mr.cole", "Mr Cole", "teacher"),
            ("jo", "Jo Admin", "admin"),
            ("ann", "Ann Lee", "student"),
            ("bo", BO, "student"),
        ):
            people.add_user(login, name, role, password=PASSWORD, now=NOW)
        slug = core.import_examples()[0].saved.slug
        questions = core.store.questions(course=slug)
        self.question = questions[1].id
        self.group = people.add_class("ms.reed", "11B", now=NOW)
        for login in ("ann", "bo"):
            people.enrol(login, self.group.id, now=NOW)
        people.assign_course(self.group.id, slug)
        answered(core, "ann", self.question, 7, WEEK, ("P1",))
        bos = answered(core, "bo", self.question, 4, WEEK, ("P1", "P2"))
        core.store.answers.moderate(
            [bos], mark=6, reason="fair", moderator_id=people.user("ms.reed").id, now=NOW
        )
        base = f"/classes/{self.group.id}/results"
        self.urls = {
            "page": base,
            "csv": f"{base}.csv",
            "question": f"{base}/questions/{self.question}",
            "api": f"/api{base}",
            "api question": f"/api{base}/questions/{self.question}",
        }


@pytest.fixture
async def world(web_app: FastAPI) -> AsyncIterator[Results]:
    yield Results(web_app)


async def test_the_teacher_reads_the_results_page(
    client: httpx.AsyncClient, world: Results
) -> None:
    await sign_in(client, "ms.reed")
    class_page = await client.get(f"/classes/{world.group.id}")
    assert f'<a href="{world.urls["page"]}">Results</a>' in class_page.text
    page = await client.get(world.urls["page"])
    assert page.status_code == 200
    text = page.text
    assert "<h1>Results of 11B</h1>" in text
    assert "<script>alert(1)</script>" not in text
    assert "Bo, &#34;the &lt;script&gt;alert(1)&lt;/script&gt;&#34; Chan" in text
    assert '70% <span class="hint">7 of 10 marks; 1 of 7 questions</span>' in text
    assert '60% <span class="hint">6 of 10 marks; 1 of 7 questions</span>' in text
    assert "no marks; 0 of 2 questions" in text
    assert "<td>point P1</td>" in text and "2 of 2 (100%)" in text and "1 of 2 (50%)" in text
    assert 'class="results-chart"' in text and "2 students answered; mean 6.5 of 10." in text
    assert "9 November 2026" in text and '<td class="number">65.0%</td>' in text
    assert f'href="{world.urls["csv"]}"' in text


async def test_the_csv_is_a_download_with_every_student(
    client: httpx.AsyncClient, world: Results
) -> None:
    await sign_in(client, "ms.reed")
    got = await client.get(world.urls["csv"])
    assert got.status_code == 200
    assert got.headers["content-type"] == "text/csv; charset=utf-8"
    assert got.headers["content-disposition"] == 'attachment; filename="11b-results.csv"'
    rows = list(csv.reader(io.StringIO(got.text)))
    assert [row[:5] for row in rows[1:]] == [
        ["ann", "Ann Lee", "70", "7", "10"],
        ["bo", BO, "60", "6", "10"],
    ]


async def test_one_question_across_the_class(client: httpx.AsyncClient, world: Results) -> None:
    await sign_in(client, "ms.reed")
    page = await client.get(world.urls["question"])
    assert page.status_code == 200
    assert "7 of 10" in page.text and '6 of 10 <span class="hint">moderated</span>' in page.text
    assert "<td>point P2</td>" in page.text
    missing = await client.get(f"/classes/{world.group.id}/results/questions/99999")
    assert missing.status_code == 404


async def test_the_api_gives_the_same_figures(client: httpx.AsyncClient, world: Results) -> None:
    await sign_in(client, "ms.reed")
    got = (await client.get(world.urls["api"])).json()
    assert got["name"] == "11B"
    [ann, bo] = got["students"]
    assert (ann["login"], ann["topics"][0]["earned"], ann["topics"][0]["percent"]) == (
        "ann",
        7,
        70.0,
    )
    assert (bo["name"], bo["topics"][0]["earned"]) == (BO, 6)
    assert [(p["point_id"], p["missed"], p["share"]) for p in got["missed"]] == [
        ("P1", 2, 1.0),
        ("P2", 1, 0.5),
    ]
    assert got["weeks"] == [{"week": "2026-11-09", "attempts": 2, "percent": 65.0}]
    one = (await client.get(world.urls["api question"])).json()
    assert [s["mark"] for s in one["students"]] == [7, 6]


@pytest.mark.parametrize("login", ["ms.reed", "jo"])
async def test_the_teacher_and_an_admin_reach_every_results_route(
    client: httpx.AsyncClient, world: Results, login: str
) -> None:
    await sign_in(client, login)
    for name, url in world.urls.items():
        got = await client.get(url)
        assert got.status_code == 200, (name, got.status_code)


async def test_another_teacher_finds_nothing_and_a_student_is_refused(
    client: httpx.AsyncClient, world: Results
) -> None:
    await sign_in(client, "mr.cole")
    for name, url in world.urls.items():
        got = await client.get(url)
        assert got.status_code == 404, (name, got.status_code)
        assert "Ann Lee" not in got.text
    client.cookies.clear()
    await sign_in(client, "ann")
    for name, url in world.urls.items():
        got = await client.get(url)
        assert got.status_code == 403, (name, got.status_code)
        assert "Bo," not in got.text and "7 of 10" not in got.text


async def test_a_stranger_is_sent_to_sign_in(client: httpx.AsyncClient, world: Results) -> None:
    for name, url in world.urls.items():
        got = await client.get(url)
        if url.startswith("/api/"):
            assert got.status_code == 401, name
        else:
            assert got.status_code == 303, name
            assert got.headers["location"].startswith("/sign-in"), name
