"""Practising in a real Chromium (Debian's, through Playwright) against the app served by
uvicorn: browse to a seed question, answer it, see the highlighted feedback; a draft typed
half-way survives closing the page, and leaving the page sends it at once (sendBeacon).
Every page is checked with axe-core."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from playwright.sync_api import expect

from web.conftest import NOW, PASSWORD
from web.test_browser import accessibility_problems

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from pastpaper.settings import Settings

GOOD = (
    "In his Secret Speech of 1956 Khrushchev denounced Stalin's cult of personality and his "
    "purges. Millions of political prisoners were released from the Gulag labour camps. "
    "Stalin's body was removed from Lenin's mausoleum and places named after Stalin were "
    "renamed."
)
HALF = "Khrushchev wanted to modernise farming, so in 1954 he began"


def set_up(settings: Settings, seed_path: Path) -> list[int]:
    """The seed course, given to Sam's class; the ids of its questions."""
    from pastpaper.app import Pastpaper
    from pastpaper.store import Store

    store = Store.open(settings.db)
    try:
        core = Pastpaper(store, None, settings, lambda: NOW)
        slug = core.import_file(seed_path).saved.slug
        people = store.people
        people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=NOW)
        people.add_user("sam", "Sam Okafor", "student", password=PASSWORD, now=NOW)
        group = people.add_class("ms.reed", "11B", now=NOW)
        people.enrol("sam", group.id, now=NOW)
        people.assign_course(group.id, slug)
        return [q.id for q in core.questions(course=slug)]
    finally:
        store.close()


def draft_of(settings: Settings, question_id: int) -> str | None:
    from pastpaper.store import Store

    store = Store.open(settings.db)
    try:
        sam = store.people.user("sam")
        found = store.drafts.get(sam.id, question_id)
        return None if found is None else found.answer
    finally:
        store.close()


def sign_in(page: Page, served: str) -> None:
    page.goto(f"{served}/sign-in")
    page.get_by_label("Login name").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Hello, Sam Okafor").wait_for()


def test_a_student_practises_a_seed_question_and_sees_the_feedback(
    page: Page, served: str, web_settings: Settings, seed_path: Path
) -> None:
    first = set_up(web_settings, seed_path)[0]
    sign_in(page, served)
    page.get_by_role("navigation").get_by_role("link", name="Questions").click()
    page.get_by_role("heading", name="Questions").wait_for()
    assert accessibility_problems(page) == []
    page.locator("ul.course-list a").first.click()
    page.locator("table.family").first.wait_for()
    assert accessibility_problems(page) == []
    page.locator(f'a[href="/questions/{first}"]').first.click()
    page.get_by_text("Show notes").click()  # the notes open without our script
    assert page.locator("details.notes p").first.is_visible()
    assert accessibility_problems(page) == []
    page.get_by_role("link", name="Practise", exact=True).click()
    page.get_by_label("Your answer").wait_for()
    expect(page.locator("#timer-left")).to_have_text(re.compile(r"\d+:\d\d left"))
    page.get_by_role("button", name="Hide the timer").click()
    assert not page.locator("#timer-left").is_visible()
    page.get_by_role("button", name="Show the timer").click()
    assert page.locator("#timer-left").is_visible()
    assert accessibility_problems(page) == []
    page.get_by_label("Your answer").fill(GOOD)
    page.get_by_role("button", name="Submit for marking").click()
    page.get_by_role("heading", name="Feedback").wait_for()
    assert re.fullmatch(r"\d+ / \d+", page.locator("#mark").inner_text())
    credited = page.locator("mark.credited")
    assert credited.count() > 0
    assert (credited.first.get_attribute("title") or "").startswith("Point 1: ")
    assert accessibility_problems(page) == []
    assert draft_of(web_settings, first) is None  # submitted: no draft left


def test_a_half_written_answer_survives_closing_the_page(
    browser: Browser, page: Page, served: str, web_settings: Settings, seed_path: Path
) -> None:
    question = set_up(web_settings, seed_path)[1]
    sign_in(page, served)
    page.goto(f"{served}/questions/{question}/practise")
    page.get_by_label("Your answer").press_sequentially(HALF)
    page.get_by_text("Draft saved at").wait_for()  # htmx sent it while typing
    page.close()

    context = browser.new_context()
    try:
        again = context.new_page()
        sign_in(again, served)
        again.goto(f"{served}/questions/{question}/practise")
        assert again.get_by_label("Your answer").input_value() == HALF
        assert accessibility_problems(again) == []
    finally:
        context.close()


def test_leaving_the_page_sends_the_draft_at_once(
    page: Page, served: str, web_settings: Settings, seed_path: Path
) -> None:
    question = set_up(web_settings, seed_path)[2]
    sign_in(page, served)
    page.goto(f"{served}/questions/{question}/practise")
    page.get_by_label("Your answer").fill(HALF)
    page.goto(f"{served}/courses")  # at once: before htmx's two seconds are up
    deadline = time.monotonic() + 5
    while draft_of(web_settings, question) != HALF:
        assert time.monotonic() < deadline, "the beacon did not bring the draft"
        time.sleep(0.1)
