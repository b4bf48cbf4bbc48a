"""Every page shows what people wrote as text: a `<script>` in notes (a course's title, a
question, a notes paragraph), in an answer, and in a person's or a class's name is escaped,
never run, on every page that shows it."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.store import Store
from web.conftest import NOW, PASSWORD, send_form, sign_in

pytestmark = pytest.mark.anyio

EVIL = "<script>alert('x')</script>"
NOTES = f"""Revolts {EVIL}

1: The Peasants' Revolt {EVIL}

2019: Why did the peasants revolt in 1381 {EVIL}? (6)

The poll tax of 1380 was the third in four years {EVIL}, and it fell on the poor hardest.
Wat Tyler led the rebels of Kent to London in June 1381.
"""


@pytest.fixture
def hostile(web_settings: Settings, tmp_path: Path) -> dict[str, int | str]:
    notes = tmp_path / "revolt.txt"
    notes.write_text(NOTES, encoding="utf-8")
    store = Store.open(web_settings.db)
    try:
        app = Pastpaper(store, None, web_settings, lambda: NOW)
        app.import_file(notes)
        [course] = app.courses()
        people = store.people
        people.add_user("ms.reed", f"Ms Reed {EVIL}", "teacher", password=PASSWORD, now=NOW)
        people.add_user("sam", f"Sam {EVIL}", "student", password=PASSWORD, now=NOW)
        school_class = people.add_class("ms.reed", f"11B {EVIL}", now=NOW)
        people.enrol("sam", school_class.id, now=NOW)
        people.assign_course(school_class.id, course.slug)
        [question] = app.questions()
        return {"course": course.slug, "question": question.id, "class": school_class.id}
    finally:
        store.close()


def assert_escaped(page: httpx.Response) -> None:
    assert page.status_code == 200, page.url
    assert "<script>alert" not in page.text, page.url
    assert "&lt;script&gt;alert(" in page.text, page.url


async def test_what_people_wrote_is_shown_as_text_on_every_page(
    client: httpx.AsyncClient, hostile: dict[str, int | str]
) -> None:
    course, question, school_class = hostile["course"], hostile["question"], hostile["class"]
    await sign_in(client, "sam")
    for path in ("/", "/courses", f"/courses/{course}", f"/questions/{question}"):
        assert_escaped(await client.get(path))
    sent = await send_form(
        client,
        f"/questions/{question}/practise",
        f"/questions/{question}/practise",
        {"answer": f"The poll tax {EVIL} was unfair.", "started": ""},
    )
    assert sent.status_code == 303
    assert_escaped(await client.get(sent.headers["location"]))  # the feedback
    assert_escaped(await client.get("/account"))
    await sign_in(client, "ms.reed")
    for path in ("/classes", f"/classes/{school_class}"):
        assert_escaped(await client.get(path))
