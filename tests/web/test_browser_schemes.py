"""The scheme editor in a real Chromium: a teacher who owns a course drops a point of a
question's scheme, reads the dry run (her student's answer with its old and new mark),
applies it with a reason and finds the new version in the history; axe-core finds nothing
on the editor, the dry run or the applied page."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pastpaper.app import Pastpaper
from pastpaper.ingest import read_notes
from pastpaper.store import Store
from web.conftest import NOW, PASSWORD
from web.test_browser import accessibility_problems
from web.test_browser_review import sign_in

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Page

    from pastpaper.settings import Settings


def owned_course(settings: Settings, seed_path: Path) -> tuple[int, str, str, int | None]:
    """Ms Reed owns a copy of the seed course; Sam, in her class, answered its 1962
    "Describe ..." question with its first point's words. The question, that point's id and
    text, and Sam's mark."""
    with Store.open(settings.db) as store:
        core = Pastpaper(store, None, settings, lambda: NOW)
        people = store.people
        reed = people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=NOW)
        sam = people.add_user("sam", "Sam Okafor", "student", password=PASSWORD, now=NOW)
        course = read_notes(seed_path).course
        saved = store.save_course(course, source="upload:ms.reed", owner_id=reed.id, now=NOW)
        school_class = people.add_class("ms.reed", "11B", now=NOW)
        people.assign_course(school_class.id, saved.slug)
        people.enrol("sam", school_class.id, now=NOW)
        question = next(
            q for q in store.questions(saved.slug) if q.marks and q.command_word == "describe"
        ).id
        top = core.scheme(question).scheme.creditable[0].point
        done = core.acting_for(sam).submit_answer(question, top.text)
        return question, top.id, top.text, done.marking.mark if done.marking else None


def test_a_teacher_drops_a_point_reads_the_dry_run_and_applies_it(
    page: Page, served: str, web_settings: Settings, seed_path: Path
) -> None:
    question, point_id, point_text, sams_mark = owned_course(web_settings, seed_path)
    assert sams_mark
    sign_in(page, served, "ms.reed")
    page.goto(f"{served}/questions/{question}")
    page.get_by_role("link", name="Mark scheme").click()
    page.get_by_role("heading", name=re.compile("^Mark scheme:")).wait_for()
    assert page.get_by_text("No edits yet").is_visible()
    assert accessibility_problems(page) == []

    point = page.locator(f"#point-{point_id}")
    assert point.get_by_text(point_text, exact=True).is_visible()
    point.get_by_role("button", name=re.compile("^Drop")).click()
    page.get_by_role("heading", name="What this change would do").wait_for()
    assert page.get_by_text(f"Drop the point “{point_text}”.").is_visible()
    row = page.get_by_role("row").filter(has_text="Sam Okafor")
    cells = row.get_by_role("cell").all_inner_texts()
    assert cells[1] == str(sams_mark)
    new_mark = int(cells[2].split("/")[0])
    assert new_mark < sams_mark and point_text in cells[4]
    assert accessibility_problems(page) == []

    page.get_by_label("Why the scheme changes").fill("The point is too general for 6 marks")
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("heading", name="Version 1 of the scheme is in force").wait_for()
    assert page.get_by_role("row").filter(has_text="Sam Okafor").is_visible()
    assert accessibility_problems(page) == []

    page.get_by_role("link", name="Back to the mark scheme").click()
    history = page.get_by_role("row").filter(has_text="The point is too general for 6 marks")
    assert history.get_by_role("cell").all_inner_texts()[:2] == ["1", "30 Nov 2026, 09:00 UTC"]
    assert "ms.reed" in history.inner_text()
    left_out = page.locator(f"#left-{point_id}")
    assert left_out.get_by_text("dropped by the teacher").is_visible()
    assert left_out.get_by_role("button", name=re.compile("^Put back")).is_visible()
    assert accessibility_problems(page) == []

    with Store.open(web_settings.db) as store:
        [answer] = store.answers.for_question(question)
    assert answer.mark == new_mark
