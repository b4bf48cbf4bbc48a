"""Bulk marking's pages and API in-process, for every role: a teacher uploads a class's CSV
and follows its job to the mark book (a table sorted on the server, and its CSV); marks a
class's attempts; another teacher finds nothing of it (404), an admin sees it, a student
reaches none of it (403), a stranger is sent to sign in. On a real SQLite file with the seed.

The in-process app runs no worker thread (httpx does not run the app's lifespan), so a test
runs a job with the worker's own function, ``run_job``, where the server's thread would."""

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

#: What htmx sends with each request it makes.
HTMX = {"hx-request": "true"}


class Marking:
    """Ms Reed teaches 11B (Sam in it) and Mr Cole nobody; Jo is an admin; the seed is in."""

    def __init__(self, app: FastAPI, seed_path: Path) -> None:
        core: Pastpaper = app.state.core
        people = core.store.people
        for login, name, role in (
            ("ms.reed", "Ms Reed", "teacher"),
            ("mr.cole", "Mr Cole", "teacher"),
            ("jo", "Jo Admin", "admin"),
            ("sam", "Sam Okafor", "student"),
        ):
            people.add_user(login, name, role, password=PASSWORD, now=NOW)
        core.import_file(seed_path)
        self.b = people.add_class("ms.reed", "11B", now=NOW)
        people.enrol("sam", self.b.id, now=NOW)
        self.questions = [q.id for q in core.questions()[:2]]
        self.core = core

    def csv(self) -> bytes:
        first, second = self.questions
        return (
            "student,question,answer\n"
            f"A1,{first},Khrushchev wanted the Virgin Lands to feed the towns.\n"
            f"A2,{second},The sovnarkhozy replaced the ministries in 1957.\n"
            f"A3,{first},\n"
            "A4,99999,Maize\n"
        ).encode()

    def as_user(self, login: str) -> Pastpaper:
        return self.core.acting_for(self.core.store.people.user(login))


@pytest.fixture
async def world(web_app: FastAPI, seed_path: Path) -> AsyncIterator[Marking]:
    yield Marking(web_app, seed_path)


async def upload(
    client: httpx.AsyncClient, data: bytes | None, name: str = "11B.csv"
) -> httpx.Response:
    """Send the upload form of /jobs as a browser does: the CSRF token first, then the file."""
    shown = await client.get("/jobs")
    token = re.search(r'name="csrftoken" value="([^"]+)"', shown.text)
    assert token, shown.text
    # No file chosen: a browser sends the field with no name and nothing in it.
    chosen = (name, data, "text/csv") if data is not None else ("", b"", "application/octet-stream")
    return await client.post(
        "/jobs/csv", data={"csrftoken": token.group(1)}, files={"answers": chosen}
    )


async def test_a_teacher_uploads_a_csv_and_follows_the_job_to_the_mark_book(
    client: httpx.AsyncClient, world: Marking
) -> None:
    await sign_in(client, "ms.reed")
    sent = await upload(client, world.csv())
    assert sent.status_code == 303
    [job] = world.core.store.jobs.listed()
    assert sent.headers["location"] == f"/jobs/{job.id}"
    waiting = await client.get(f"/jobs/{job.id}")
    assert waiting.status_code == 200
    assert f'hx-get="/jobs/{job.id}/progress"' in waiting.text
    assert "Waiting its turn: 1 of 4 rows done" in waiting.text  # the empty answer, at once
    assert 'max="4" value="1"' in waiting.text
    assert "Mark book" not in waiting.text
    fragment = await client.get(f"/jobs/{job.id}/progress", headers=HTMX)
    assert "HX-Refresh" not in fragment.headers and "<html" not in fragment.text

    world.core.run_job(job.id)  # what the server's worker thread does

    over = await client.get(f"/jobs/{job.id}/progress", headers=HTMX)
    assert over.headers["HX-Refresh"] == "true"
    assert "Marked: all 4 rows done" in over.text and "hx-trigger" not in over.text
    book = await client.get(f"/jobs/{job.id}")
    assert "Mark book" in book.text and "2 of 4 rows marked" in book.text
    # The fragment's address opened by itself (not by htmx) is the job's page.
    alone = await client.get(f"/jobs/{job.id}/progress")
    assert alone.status_code == 303 and alone.headers["location"] == f"/jobs/{job.id}"
    assert "empty answer" in book.text and "no question 99999" in book.text
    listed = await client.get("/jobs")
    assert "11B.csv" in listed.text and "done" in listed.text

    csv = await client.get(f"/jobs/{job.id}/mark-book.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    assert csv.content == world.as_user("ms.reed").mark_book_csv(job.id).encode()


async def test_the_mark_book_sorts_by_the_column_asked_for(
    client: httpx.AsyncClient, world: Marking
) -> None:
    await sign_in(client, "ms.reed")
    await upload(client, world.csv())
    [job] = world.core.store.jobs.listed()
    world.core.run_job(job.id)

    def students(page: str) -> list[str]:
        return re.findall(r"<tr>\s*<td>\d+</td>\s*<td>(A\d)</td>", page)

    assert students((await client.get(f"/jobs/{job.id}")).text) == ["A1", "A2", "A3", "A4"]
    down = await client.get(f"/jobs/{job.id}?sort=student&order=desc")
    assert students(down.text) == ["A4", "A3", "A2", "A1"]
    assert 'aria-sort="descending"' in down.text
    assert f'href="/jobs/{job.id}?sort=student&amp;order=asc"' in down.text
    by_reason = await client.get(f"/jobs/{job.id}?sort=reason")
    assert students(by_reason.text)[-2:] == ["A3", "A4"]  # "empty..." before "no question"
    wrong = await client.get(f"/jobs/{job.id}?sort=answer")
    assert wrong.status_code == 400 and "sorts by line, student" in wrong.text


async def test_a_file_that_cannot_be_marked_is_refused_with_what_is_wrong(
    client: httpx.AsyncClient, world: Marking
) -> None:
    await sign_in(client, "ms.reed")
    nothing = await upload(client, None)
    assert nothing.status_code == 400
    assert "choose the CSV file" in nothing.text
    wrong = await upload(client, b"name,mark\nA1,3\n", "marks.csv")
    assert wrong.status_code == 400
    assert "marks.csv" in wrong.text and "student, question and answer" in wrong.text
    assert world.core.store.jobs.listed() == []


async def test_a_teacher_marks_their_classs_unmarked_attempts(
    client: httpx.AsyncClient, world: Marking
) -> None:
    await sign_in(client, "ms.reed")
    question = world.questions[0]
    none = await send_form(
        client, "/jobs", "/jobs/attempts", {"class_id": world.b.id, "question_id": question}
    )
    assert none.status_code == 400 and "11B has no unmarked attempts" in none.text
    bad = await send_form(
        client, "/jobs", "/jobs/attempts", {"class_id": world.b.id, "question_id": "six"}
    )
    assert bad.status_code == 400 and "is not a question number" in bad.text
    sam = world.core.store.people.user("sam")
    attempt = world.core.store.memory.start_attempt(
        sam.id,
        question_id=question,
        course="c",
        topic="t",
        question="q",
        answer="Khrushchev wanted the Virgin Lands to feed the towns.",
        started_at=NOW,
        submitted_at=NOW,
        seconds_allowed=600,
    )
    started = await send_form(
        client, "/jobs", "/jobs/attempts", {"class_id": world.b.id, "question_id": question}
    )
    assert started.status_code == 303
    job_id = int(started.headers["location"].rsplit("/", 1)[1])
    world.core.run_job(job_id)
    page = await client.get(f"/jobs/{job_id}")
    assert "1 of 1 rows marked" in page.text and "sam" in page.text
    [answer] = world.core.store.answers.for_question(question)
    assert answer.attempt_id == attempt and answer.mark is not None
    cole = world.as_user("mr.cole")
    assert cole.jobs() == []


async def test_only_the_owner_and_an_admin_reach_a_job(
    client: httpx.AsyncClient, world: Marking
) -> None:
    job = world.as_user("ms.reed").start_csv_job(world.csv(), "11B.csv")
    world.core.run_job(job.id)
    paths = [f"/jobs/{job.id}", f"/jobs/{job.id}/progress", f"/jobs/{job.id}/mark-book.csv"]
    await sign_in(client, "mr.cole")
    for path in paths:
        assert (await client.get(path, headers=HTMX)).status_code == 404, path
    assert "11B.csv" not in (await client.get("/jobs")).text
    await sign_in(client, "jo")
    for path in paths:
        assert (await client.get(path, headers=HTMX)).status_code == 200, path
    assert "ms.reed" in (await client.get("/jobs")).text
    await sign_in(client, "sam")
    for path in ["/jobs", *paths]:
        assert (await client.get(path)).status_code == 403, path
    client.cookies.clear()
    for path in ["/jobs", *paths]:
        answer = await client.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/sign-in")


async def test_the_api_starts_a_job_reports_its_progress_and_gives_its_mark_book(
    client: httpx.AsyncClient, world: Marking
) -> None:
    token = world.as_user("ms.reed").make_token("marking script")
    bearer = {"Authorization": f"Bearer {token}"}
    started = await client.post(
        "/api/jobs", headers=bearer, files={"answers": ("11B.csv", world.csv(), "text/csv")}
    )
    assert started.status_code == 202, started.text
    job = started.json()
    assert (job["status"], job["done"], job["total"], job["name"]) == ("queued", 1, 4, "11B.csv")
    world.core.run_job(job["id"])
    status = (await client.get(f"/api/jobs/{job['id']}", headers=bearer)).json()
    assert (status["status"], status["done"], status["total"]) == ("done", 4, 4)
    assert [j["id"] for j in (await client.get("/api/jobs", headers=bearer)).json()] == [job["id"]]
    book = (
        await client.get(f"/api/jobs/{job['id']}/mark-book?sort=mark&order=desc", headers=bearer)
    ).json()
    assert book["header"] == ["student", "question", "answer"] and book["sort"] == "mark"
    # The marked rows first, highest first; those without a mark after, in the file's order.
    assert [row["student"] for row in book["rows"]][2:] == ["A3", "A4"]
    marks = [row["mark"] for row in book["rows"] if row["mark"] is not None]
    assert marks == sorted(marks, reverse=True) and len(marks) == 2
    csv = await client.get(f"/api/jobs/{job['id']}/mark-book.csv", headers=bearer)
    assert csv.content == world.as_user("ms.reed").mark_book_csv(job["id"]).encode()
    semicolons = await client.post(
        "/api/jobs",
        headers=bearer,
        data={"delimiter": "nothing"},
        files={"answers": ("x.csv", b"student;question;answer\nA;1;x\n", "text/csv")},
    )
    assert semicolons.status_code == 400 and "--delimiter" in semicolons.json()["error"]
    attempts = await client.post(
        "/api/jobs/attempts",
        headers=bearer,
        json={"class_id": world.b.id, "question_id": world.questions[0]},
    )
    assert attempts.status_code == 400 and "no unmarked attempts" in attempts.json()["error"]

    cole = {"Authorization": f"Bearer {world.as_user('mr.cole').make_token('x')}"}
    assert (await client.get(f"/api/jobs/{job['id']}", headers=cole)).status_code == 404
    sams = {"Authorization": f"Bearer {world.as_user('sam').make_token('x')}"}
    for path in ("/api/jobs", f"/api/jobs/{job['id']}", f"/api/jobs/{job['id']}/mark-book"):
        assert (await client.get(path, headers=sams)).status_code == 403, path
    refused = await client.post(
        "/api/jobs", headers=sams, files={"answers": ("11B.csv", world.csv(), "text/csv")}
    )
    assert refused.status_code == 403
    assert len(world.core.store.jobs.listed()) == 1
