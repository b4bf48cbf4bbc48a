"""Moderation in a real Chromium: Ms Reed opens her class's answers to a question, sets the
mark of the group holding Eve's answer, and Eve, signed in, reads her teacher's mark on her
feedback; axe-core finds nothing on the moderation pages (the answers in groups, one
answer, the dry run of teaching the scheme, the agreement)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pastpaper.app import Pastpaper
from pastpaper.store import Store
from web.conftest import NOW, PASSWORD
from web.test_browser import accessibility_problems
from web.test_browser_every_page import sign_in

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Page

    from pastpaper.settings import Settings

WAR = "Stalin won the Second World War and made the Soviet Union a superpower."
SPEECH = "Khrushchev made the Secret Speech in 1956 and attacked Stalin's terror."


def make_class(settings: Settings, seed_path: Path) -> tuple[int, int, int]:
    """Ms Reed's 11B studies the seed, hers to change; Eve and Fay gave one answer to 2000's
    "Describe ..." and Ana another. The class's id, the question's, and Eve's attempt."""
    with Store.open(settings.db) as store:
        core = Pastpaper(store, None, settings, lambda: NOW)
        people = store.people
        reed = people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=NOW)
        core.import_file(seed_path)
        course = store.courses()[0]
        store.teaching.set_owner(course.id, reed.id)
        group = people.add_class("ms.reed", "11B", now=NOW)
        people.assign_course(group.id, course.slug)
        question = next(
            q for q in store.questions() if q.year == 2000 and q.text.startswith("Describe")
        )
        attempts = {}
        for login, answer in (("eve", WAR), ("fay", WAR), ("ana", SPEECH)):
            student = people.add_user(login, login.title(), "student", password=PASSWORD, now=NOW)
            people.enrol(login, group.id, now=NOW)
            done = core.acting_for(student).submit_answer(question.id, answer)
            attempts[login] = done.attempt_id
        return group.id, question.id, attempts["eve"]


def test_a_teacher_moderates_a_group_and_the_student_sees_the_mark(
    page: Page, served: str, web_settings: Settings, seed_path: Path
) -> None:
    class_id, question_id, eve = make_class(web_settings, seed_path)
    sign_in(page, served, "ms.reed", "Ms Reed")
    page.goto(f"{served}/classes/{class_id}")
    page.get_by_role("link", name="Moderate the class's answers").click()
    page.get_by_role("heading", name="Moderate 11B").wait_for()
    assert accessibility_problems(page) == []
    page.get_by_role("link", name=re.compile("^2000: Describe the key features")).click()
    page.get_by_role("heading", name="Moderate: 11B").wait_for()
    assert accessibility_problems(page) == []

    group = page.locator("section.moderation-group").filter(
        has=page.get_by_role("link", name="Eve", exact=True)
    )
    # The same answer, the same group; another answer, another group.
    assert group.get_by_role("link", name="Fay", exact=True).is_visible()
    assert group.get_by_role("link", name="Ana", exact=True).count() == 0
    heading = group.get_by_role("heading").inner_text()
    number = re.search(r"Group (\d+)", heading)
    assert number, heading
    group.get_by_label("Mark for the ticked answers").fill("0")
    group.get_by_label("Reason").fill("the war is not de-Stalinisation")
    group.get_by_role("button", name=f"Set the mark of group {number.group(1)}").click()
    page.get_by_role("status").filter(has_text="2 answers now have the mark 0.").wait_for()
    assert page.get_by_text("the war is not de-Stalinisation: ms.reed").count() == 2

    page.get_by_role("link", name="Eve", exact=True).click()
    page.get_by_role("heading", name="Eve's answer").wait_for()
    assert page.get_by_role("cell", name="the war is not de-Stalinisation").is_visible()
    assert accessibility_problems(page) == []
    page.get_by_label("These words do not earn the point").check()
    page.get_by_label("Words of the answer").fill("Stalin won the Second World War")
    page.get_by_role("button", name="See what would change").click()
    page.get_by_role("heading", name="Teach the scheme: what would change").wait_for()
    assert page.get_by_role("cell", name="Fay").is_visible()
    assert accessibility_problems(page) == []
    page.goto(f"{served}/classes/{class_id}/questions/{question_id}/agreement")
    page.get_by_role("heading", name="Agreement: 11B").wait_for()
    assert accessibility_problems(page) == []

    sign_in(page, served, "eve", "Eve")
    page.goto(f"{served}/attempts/{eve}")
    page.get_by_role("heading", name="Feedback").wait_for()
    said = page.locator("#teachers-mark").inner_text()
    assert said.startswith("Your teacher's mark: 0 / 6 (the war is not de-Stalinisation)")
