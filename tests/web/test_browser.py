"""The web app in a real Chromium (Debian's, through Playwright), served by uvicorn here:
what a person does with a mouse and a keyboard, and an accessibility check of each page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from web.conftest import NOW, PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from pastpaper.settings import Settings


def accessibility_problems(page: Page) -> list[str]:
    """What axe-core (shipped inside axe-playwright-python, run in the page) finds wrong:
    missing labels, low contrast, headings out of order, and the rest of its rules."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} places)" for v in found.response["violations"]
    ]


def test_a_teacher_makes_the_first_account_and_a_student_joins(
    page: Page, served: str, web_settings: Settings
) -> None:
    page.goto(served)
    assert page.url == f"{served}/setup"
    assert accessibility_problems(page) == []
    page.get_by_label("Your name").fill("Ms Reed")
    page.get_by_label("Login name").fill("ms.reed")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.get_by_role("button", name="Make the account").click()
    page.get_by_role("heading", name="Hello, Ms Reed").wait_for()
    assert accessibility_problems(page) == []

    from pastpaper.store import Store

    store = Store.open(web_settings.db)
    code = store.people.add_class("ms.reed", "11B", now=NOW).join_code
    store.close()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("heading", name="Sign in").wait_for()
    assert accessibility_problems(page) == []
    page.get_by_role("link", name="Join a class with its code").click()
    assert accessibility_problems(page) == []
    page.get_by_label("Join code").fill(code)
    page.get_by_label("Your name").fill("Sam Okafor")
    page.get_by_label("Login name").fill("sam")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_text("Welcome, Sam Okafor: you are in the class.").wait_for()
    assert page.get_by_role("heading", name="Hello, Sam Okafor").is_visible()
