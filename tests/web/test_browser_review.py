"""Reviewing cards in a real Chromium with the keyboard only (space shows the answer, 1 to
4 rate), and an accessibility check of the review, progress, trends and timeline pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from web.conftest import PASSWORD
from web.school import make_school
from web.test_browser import accessibility_problems

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Page

    from pastpaper.settings import Settings


RATED = {"1": "Again", "2": "Hard", "3": "Good", "4": "Easy"}


def sign_in(page: Page, served: str, login: str) -> None:
    page.goto(f"{served}/sign-in")
    page.get_by_label("Login name").fill(login)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Hello").wait_for()


def test_a_student_reviews_three_cards_with_the_keyboard_and_sees_the_summary(
    page: Page, served: str, web_settings: Settings, seed_path: Path
) -> None:
    make_school(web_settings, seed_path)
    sign_in(page, served, "sam")
    page.get_by_role("link", name="Review", exact=True).click()
    page.get_by_role("heading", name="Card 1").wait_for()
    assert accessibility_problems(page) == []
    page.goto(f"{served}/review?cards=3")  # a session of three cards
    region = page.locator("#review")
    for number, key in ((1, "3"), (2, "1"), (3, "4")):
        page.get_by_role("heading", name=f"Card {number}").wait_for()
        front = region.locator(".front").inner_text()
        page.keyboard.press(" ")
        region.locator(".back").wait_for()
        # The new card region has the focus, for a screen reader to read it out.
        page.wait_for_function("document.activeElement.id === 'review-heading'")
        if number == 1:
            assert accessibility_problems(page) == []  # the answer shown, with the ratings
        page.keyboard.press(key)
        said = region.get_by_role("status").filter(has_text=f"Rated {RATED[key]}")
        said.wait_for()
        assert front[:20] in said.inner_text() and "is due again" in said.inner_text()
        # Keys go on once the card swapped in is ready (htmx has settled and moved the focus).
        page.wait_for_function("document.activeElement.id === 'review-heading'")
    page.get_by_role("heading", name="Session finished").wait_for()
    assert page.url == f"{served}/review?cards=3"  # swapped in place, not loaded again
    summary = page.locator("dl.summary").inner_text()
    assert "Cards reviewed\n3" in summary
    assert "Again\n1" in summary and "Good\n1" in summary and "Easy\n1" in summary
    assert accessibility_problems(page) == []


def test_progress_trends_and_timeline_pass_the_accessibility_check(
    page: Page, served: str, web_settings: Settings, seed_path: Path
) -> None:
    school = make_school(web_settings, seed_path)
    sign_in(page, served, "sam")
    for address, heading in (
        ("/progress", "Your progress"),
        (f"/courses/{school.seed}/trends", "What is asked in"),
        (f"/courses/{school.seed}/timeline", "Timeline of"),
    ):
        page.goto(served + address)
        page.get_by_role("heading", name=heading).wait_for()
        assert accessibility_problems(page) == [], address


def test_reviewing_works_without_javascript(
    browser: Browser, served: str, web_settings: Settings, seed_path: Path
) -> None:
    make_school(web_settings, seed_path)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, served, "sam")
        page.goto(f"{served}/review")
        assert page.locator(".front").inner_text() == "When did Stalin die?"  # the seed's first
        typed = page.get_by_label("Your answer (optional: type it to have it checked)")
        typed.fill("march 1953")
        page.get_by_role("button", name="Show the answer").click()
        assert page.locator(".back").inner_text().endswith("March 1953")
        assert page.get_by_text("Your answer suggests Good.").is_visible()
        page.get_by_role("button", name="Good").click()
        page.get_by_role("status").filter(has_text="Rated Good").wait_for()
        assert page.get_by_role("heading", name="Card 2").is_visible()
    finally:
        context.close()
