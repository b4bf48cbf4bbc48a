"""A teacher's classes in a real Chromium: make a class, read its join code and invite link,
give it a course, set its exam date; axe-core finds nothing on the classes pages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pastpaper.store import Store
from web.conftest import PASSWORD
from web.school import make_school
from web.test_browser import accessibility_problems
from web.test_browser_review import sign_in

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Page

    from pastpaper.settings import Settings


def test_a_teacher_makes_a_class_and_sets_its_exam_date(
    page: Page, served: str, web_settings: Settings, seed_path: Path
) -> None:
    make_school(web_settings, seed_path)
    with Store.open(web_settings.db) as store:
        store.people.set_password("ms.reed", PASSWORD)
    sign_in(page, served, "ms.reed")
    page.get_by_role("link", name="Classes", exact=True).click()
    page.get_by_role("heading", name="Classes", exact=True).wait_for()
    assert page.get_by_role("link", name="11B").is_visible()
    assert accessibility_problems(page) == []

    page.get_by_label("Class name").fill("13C history")
    page.get_by_role("button", name="Make the class").click()
    page.get_by_role("heading", name="13C history").wait_for()
    code = page.locator(".join-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{6,}", code), code
    assert page.get_by_role("status").filter(has_text=code).is_visible()
    invite = page.get_by_label(re.compile("Invite link")).input_value()
    assert invite == f"{served}/sign-up?code={code}"

    page.get_by_label("Course").select_option(index=0)
    page.get_by_role("button", name="Give the class this course").click()
    page.get_by_role("status").filter(has_text="now studies").wait_for()
    page.get_by_label("Exam date").fill("2027-06-14")
    page.get_by_role("button", name="Set the exam date").click()
    page.get_by_text("The exam is on 14 June 2027").wait_for()
    assert accessibility_problems(page) == []

    with Store.open(web_settings.db) as store:
        [made] = [c for c in store.people.classes("ms.reed") if c.name == "13C history"]
    assert made.join_code == code and str(made.exam_date) == "2027-06-14"
    assert len(made.courses) == 1


def test_axe_finds_nothing_on_a_class_with_students(
    page: Page, served: str, web_settings: Settings, seed_path: Path
) -> None:
    make_school(web_settings, seed_path)
    with Store.open(web_settings.db) as store:
        store.people.set_password("ms.reed", PASSWORD)
    sign_in(page, served, "ms.reed")
    page.goto(f"{served}/classes")
    page.get_by_role("link", name="11B").click()
    page.get_by_role("button", name="Remove Sam Okafor").wait_for()
    assert accessibility_problems(page) == []
    page.get_by_role("button", name="Remove Sam Okafor").click()
    page.get_by_role("status").filter(has_text="sam is out of 11B").wait_for()
    assert page.get_by_role("button", name="Remove Sam Okafor").count() == 0
    assert accessibility_problems(page) == []
