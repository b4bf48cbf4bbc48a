"""Browsing the questions, practising one and reading the feedback, in-process: what each
page shows, what the store holds after each form, CSRF refused without its token, and a
student kept to their own classes' courses and their own attempts (404 otherwise)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from pastpaper.app import Pastpaper
from web.conftest import NOW, PASSWORD, send_form, sign_in

pytestmark = pytest.mark.anyio

#: An answer to the seed's first question that earns some of its points.
GOOD = (
    "In his Secret Speech of 1956 Khrushchev denounced Stalin's cult of personality and his "
    "purges. Millions of political prisoners were released from the Gulag labour camps. "
    "Stalin's body was removed from Lenin's mausoleum and places named after Stalin were "
    "renamed."
)


@dataclass
class Bank:
    """The web app's store with the seed course (given to Sam's class) and the examples (no
    class of Sam's has them)."""

    core: Pastpaper
    seed: str
    other: str
    question: int  # the seed's first question
    hidden: int  # a question of the other course

    def user(self, login: str) -> Pastpaper:
        return self.core.acting_for(self.core.store.people.user(login))


@pytest.fixture
def bank(web_app: FastAPI, seed_path: Path) -> Bank:
    core = web_app.state.core
    seed = core.import_file(seed_path).saved.slug
    other = next(r.saved.slug for r in core.import_examples() if r.saved.slug != seed)
    people = core.store.people
    people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=NOW)
    for login, name in (("sam", "Sam Okafor"), ("ada", "Ada Lind")):
        people.add_user(login, name, "student", password=PASSWORD, now=NOW)
    history = people.add_class("ms.reed", "11B", now=NOW)
    people.enrol("sam", history.id, now=NOW)
    people.enrol("ada", history.id, now=NOW)
    people.assign_course(history.id, seed)
    question = core.questions(course=seed)[0].id
    hidden = core.questions(course=other)[0].id
    return Bank(core, seed, other, question, hidden)


def token_of(page: httpx.Response) -> str:
    found = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
    assert found
    return found.group(1)


async def test_the_courses_a_student_may_see(client: httpx.AsyncClient, bank: Bank) -> None:
    await sign_in(client, "sam")
    page = await client.get("/courses")
    assert page.status_code == 200
    assert f'href="/courses/{bank.seed}"' in page.text
    assert f'href="/courses/{bank.other}"' not in page.text
    await sign_in(client, "ms.reed")
    every = await client.get("/courses")
    assert f'href="/courses/{bank.other}"' in every.text  # a teacher sees every course


async def test_a_course_page_lists_its_questions(client: httpx.AsyncClient, bank: Bank) -> None:
    await sign_in(client, "sam")
    page = await client.get(f"/courses/{bank.seed}")
    assert page.status_code == 200
    for q in bank.core.questions(course=bank.seed):
        assert f'href="/questions/{q.id}"' in page.text
    first = bank.core.questions(course=bank.seed)[1]
    row = re.search(
        rf'<tr><td>{first.year}</td><td><a href="/questions/{first.id}">.*?</tr>', page.text
    )
    assert row and f">{first.marks}<" in row.group(0) and first.command_word in row.group(0)
    assert "<caption>Question group 1</caption>" in page.text


async def test_a_question_page(client: httpx.AsyncClient, bank: Bank) -> None:
    await sign_in(client, "sam")
    view = bank.core.question(bank.question)
    page = await client.get(f"/questions/{bank.question}")
    assert page.status_code == 200
    assert "<summary>Show notes</summary>" in page.text and "<details" in page.text
    assert f'href="/questions/{bank.question}/practise"' in page.text
    for other in view.family_questions:
        if other.id != bank.question:
            assert f'href="/questions/{other.id}"' in page.text
    assert "You have not tried this question yet." in page.text


async def test_another_class_course_and_question_are_not_found(
    client: httpx.AsyncClient, bank: Bank
) -> None:
    await sign_in(client, "sam")
    for path in (
        f"/courses/{bank.other}",
        f"/questions/{bank.hidden}",
        f"/questions/{bank.hidden}/practise",
        "/courses/no-such-course",
        "/questions/999999",
    ):
        page = await client.get(path)
        assert page.status_code == 404, path
        assert "Not found" in page.text
    shown = await client.get(f"/questions/{bank.question}/practise")
    token = token_of(shown)
    for action in (f"/questions/{bank.hidden}/draft", f"/questions/{bank.hidden}/practise"):
        refused = await client.post(action, data={"csrftoken": token, "answer": GOOD})
        assert refused.status_code == 404, action
    assert bank.core.store.drafts.all(bank.user("sam").user.id) == []
    assert bank.core.store.memory.attempts(bank.user("sam").user.id) == []


async def test_a_stranger_is_sent_to_sign_in(client: httpx.AsyncClient, bank: Bank) -> None:
    for path in ("/courses", f"/questions/{bank.question}/practise", "/attempts/1"):
        page = await client.get(path)
        assert page.status_code == 303 and page.headers["location"].startswith("/sign-in")


async def test_the_practise_page_shows_the_time_and_the_draft(
    client: httpx.AsyncClient, bank: Bank
) -> None:
    await sign_in(client, "sam")
    question = bank.core.questions(course=bank.seed)[1]  # 10 marks
    page = await client.get(f"/questions/{question.id}/practise")
    assert page.status_code == 200
    assert "Time the exam allows: 10 minutes" in page.text
    assert 'data-seconds="600"' in page.text
    assert 'hx-trigger="input changed delay:2s"' in page.text
    assert "practise.js" in page.text
    assert re.search(r'<textarea id="answer" name="answer"[^>]*></textarea>', page.text)


async def test_the_timer_goes_on_from_when_the_draft_was_begun(
    client: httpx.AsyncClient, bank: Bank
) -> None:
    await sign_in(client, "sam")
    bank.user("sam").save_draft(bank.question, "begun", NOW - timedelta(minutes=5))
    page = await client.get(f"/questions/{bank.question}/practise")
    assert 'data-gone="300"' in page.text
    started = (NOW - timedelta(minutes=5)).isoformat()
    assert f'name="started" value="{started}"' in page.text


async def test_a_draft_is_saved_by_htmx_and_shown_again(
    client: httpx.AsyncClient, bank: Bank
) -> None:
    await sign_in(client, "sam")
    path = f"/questions/{bank.question}/practise"
    page = await client.get(path)
    token = token_of(page)
    saved = await client.post(
        f"/questions/{bank.question}/draft",
        data={"answer": "In 1956 Khrushchev", "started": NOW.isoformat()},
        headers={"x-csrftoken": token, "hx-request": "true"},
    )
    assert saved.status_code == 200 and "Draft saved at 09:00:00 UTC" in saved.text
    sam = bank.user("sam")
    draft = bank.core.store.drafts.get(sam.user.id, bank.question)
    assert draft is not None and draft.answer == "In 1956 Khrushchev"
    again = await client.get(path)
    assert ">In 1956 Khrushchev</textarea>" in again.text
    assert bank.user("ada").draft(bank.question) is None  # Sam's alone


async def test_a_draft_by_beacon_and_by_the_form_button(
    client: httpx.AsyncClient, bank: Bank
) -> None:
    await sign_in(client, "sam")
    path = f"/questions/{bank.question}/practise"
    token = token_of(await client.get(path))
    beacon = await client.post(
        f"/questions/{bank.question}/draft?beacon=1",
        # as practise.js sends it: the form's fields url-encoded, the token among them
        content=f"csrftoken={token}&answer=by+beacon&started=".encode(),
        headers={
            "content-type": "application/x-www-form-urlencoded;charset=UTF-8",
            "sec-fetch-mode": "no-cors",
        },
    )
    assert beacon.status_code == 204
    sam = bank.user("sam")
    assert sam.draft(bank.question).answer == "by beacon"  # type: ignore[union-attr]
    button = await client.post(
        f"/questions/{bank.question}/draft", data={"csrftoken": token, "answer": "by button"}
    )
    assert (button.status_code, button.headers["location"]) == (303, path)
    assert "Your draft is saved." in (await client.get(path)).text
    assert sam.draft(bank.question).answer == "by button"  # type: ignore[union-attr]


async def test_csrf_is_refused_without_its_token(client: httpx.AsyncClient, bank: Bank) -> None:
    await sign_in(client, "sam")
    await client.get(f"/questions/{bank.question}/practise")
    for action in (f"/questions/{bank.question}/draft", f"/questions/{bank.question}/practise"):
        refused = await client.post(action, data={"answer": GOOD})
        assert refused.status_code == 403, action
    sam = bank.user("sam")
    assert sam.draft(bank.question) is None
    assert sam.attempts_at(bank.question) == []


async def test_submitting_marks_keeps_and_shows_feedback(
    client: httpx.AsyncClient, bank: Bank
) -> None:
    await sign_in(client, "sam")
    path = f"/questions/{bank.question}/practise"
    sam = bank.user("sam")
    sam.save_draft(bank.question, "half of it")
    done = await send_form(client, path, path, {"answer": GOOD, "started": NOW.isoformat()})
    assert done.status_code == 303
    [attempt] = sam.attempts_at(bank.question)
    assert done.headers["location"] == f"/attempts/{attempt.id}"
    assert attempt.answer == GOOD and attempt.mark is not None and attempt.marking is not None
    assert sam.draft(bank.question) is None  # the draft is gone once the answer is kept

    page = await client.get(f"/attempts/{attempt.id}")
    assert page.status_code == 200
    assert f'<span class="big" id="mark">{attempt.mark} / {attempt.max_marks}</span>' in page.text
    credited = re.findall(r'<mark class="credited" tabindex="0" title="Point (\d+): ', page.text)
    assert credited and len(credited) == len(attempt.marking["credited"])
    assert "Points you missed" in page.text
    assert f'href="/questions/{bank.question}/practise">Practise again' in page.text
    question_page = await client.get(f"/questions/{bank.question}")
    assert f'href="/attempts/{attempt.id}"' in question_page.text
    assert f"{attempt.mark} / {attempt.max_marks}" in question_page.text


async def test_an_empty_answer_is_refused_and_the_draft_kept(
    client: httpx.AsyncClient, bank: Bank
) -> None:
    await sign_in(client, "sam")
    path = f"/questions/{bank.question}/practise"
    bank.user("sam").save_draft(bank.question, "  ")
    refused = await send_form(client, path, path, {"answer": "  "})
    assert refused.status_code == 400 and "the answer is empty" in refused.text
    assert bank.user("sam").draft(bank.question) is not None


async def test_another_students_attempt_is_not_found(client: httpx.AsyncClient, bank: Bank) -> None:
    done = bank.user("sam").submit_answer(bank.question, GOOD)
    await sign_in(client, "ada")
    page = await client.get(f"/attempts/{done.attempt_id}")
    assert page.status_code == 404
    assert GOOD[:30] not in page.text
    mine = await client.get(f"/questions/{bank.question}")
    assert f'href="/attempts/{done.attempt_id}"' not in mine.text
    await sign_in(client, "sam")
    assert (await client.get(f"/attempts/{done.attempt_id}")).status_code == 200
