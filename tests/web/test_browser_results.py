"""A class's results in a real Chromium: the teacher opens them from the class's page, reads
a student's marks in the grid and the point missed most, follows it to the question across
the class, and downloads the CSV; axe-core finds nothing on either page."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from pastpaper.app import Pastpaper
from pastpaper.store import Store
from test_results import BO, answered
from web.conftest import NOW, PASSWORD
from web.test_browser import accessibility_problems
from web.test_browser_review import sign_in

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from pastpaper.settings import Settings

WEEKS = [datetime(2026, 11, day, 10, 0, tzinfo=UTC) for day in (3, 10, 17)]


def make_class(settings: Settings) -> None:
    """Ms Reed's 11B: Ann and Bo answer the example course's second question in three weeks
    and its eighth once; Cy has done nothing."""
    with Store.open(settings.db) as store:
        core = Pastpaper(store, None, settings, lambda: NOW)
        people = store.people
        people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=NOW)
        for login, name in (("ann", "Ann Lee"), ("bo", BO), ("cy", "Cy Dee")):
            people.add_user(login, name, "student", now=NOW)
        slug = core.import_examples()[0].saved.slug
        questions = [q.id for q in store.questions(course=slug)]
        group = people.add_class("ms.reed", "11B", now=NOW)
        for login in ("ann", "bo", "cy"):
            people.enrol(login, group.id, now=NOW)
        people.assign_course(group.id, slug)
        for n, when in enumerate(WEEKS):
            answered(core, "ann", questions[1], 4 + n, when, ("P1",))
            answered(core, "bo", questions[1], 2 + 2 * n, when, ("P1", "P2"))
        answered(core, "bo", questions[7], 3, WEEKS[-1], ("P8",))


def test_a_teacher_reads_the_results_and_follows_a_missed_point(
    page: Page, served: str, web_settings: Settings
) -> None:
    make_class(web_settings)
    sign_in(page, served, "ms.reed")
    page.get_by_role("link", name="Classes", exact=True).click()
    page.get_by_role("link", name="11B").click()
    page.get_by_role("link", name="Results").click()
    page.get_by_role("heading", name="Results of 11B").wait_for()
    ann = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Ann Lee"))
    assert "60%" in ann.inner_text() and "6 of 10 marks; 1 of 7 questions" in ann.inner_text()
    bo = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=BO + " bo"))
    assert "3 of 10 marks" in bo.inner_text()
    assert page.get_by_role("img", name="Marks for question 2").is_visible()
    assert page.get_by_role("img", name="The class's mean mark by week").is_visible()
    assert accessibility_problems(page) == []

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the grid as CSV").click()
    assert download.value.suggested_filename == "11b-results.csv"

    missed = page.get_by_role("table").filter(has_text="Missed by")
    assert missed.get_by_role("row").nth(1).inner_text().startswith("point P1")
    missed.get_by_role("link").first.click()
    page.get_by_role("heading", name="Question 2 in 11B").wait_for()
    cy = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Cy Dee cy"))
    assert "not answered" in cy.inner_text()
    assert accessibility_problems(page) == []
