"""Notes in, in a real Chromium: a teacher uploads the seed, reads the preview (seven
questions with their years and marks, the notes paragraphs opened), saves it and finds the
course listed; a bad file gets its message on the page; axe-core finds nothing on the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pastpaper.store import Store
from web.conftest import NOW, PASSWORD
from web.test_browser import accessibility_problems
from web.test_browser_review import sign_in

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Page

    from pastpaper.settings import Settings


def test_a_teacher_uploads_the_seed_reads_the_preview_and_saves_it(
    page: Page, served: str, web_settings: Settings, seed_path: Path, tmp_path: Path
) -> None:
    with Store.open(web_settings.db) as store:
        store.people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=NOW)
    sign_in(page, served, "ms.reed")
    page.get_by_role("link", name="Notes in", exact=True).click()
    page.get_by_role("heading", name="Notes in", exact=True).wait_for()
    assert accessibility_problems(page) == []

    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    page.get_by_label("Notes or course file").set_input_files(junk)
    page.get_by_role("button", name="Upload and preview").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "junk.txt: this is not a text file" in alert.inner_text()
    assert accessibility_problems(page) == []

    page.get_by_label("Notes or course file").set_input_files(seed_path)
    page.get_by_role("button", name="Upload and preview").click()
    page.get_by_role("heading", name=f"Preview of {seed_path.name}").wait_for()
    assert page.locator('[data-count="questions"]').inner_text() == "7 questions"
    rows = page.locator("table.family tbody tr")
    assert rows.count() == 7
    found = [
        (
            rows.nth(i).locator("td").nth(0).inner_text(),
            rows.nth(i).locator("td").nth(2).inner_text(),
        )
        for i in range(7)
    ]
    assert found == [
        ("1998", "not given"),
        ("1999", "10"),
        ("2000", "6"),
        ("2000", "5"),
        ("2001", "10"),
        ("2000", "6"),
        ("2001", "15"),
    ]
    notes = page.locator("details.notes").first
    assert not notes.locator("p").first.is_visible()
    notes.locator("summary").click()
    assert "Stalin died" in notes.locator("p").first.inner_text()
    assert accessibility_problems(page) == []

    page.get_by_role("button", name="Save this course").click()
    page.get_by_role("status").filter(has_text="is a new course").wait_for()
    listed = page.get_by_role("link", name="Khrushchev's attempts at modernisation.", exact=True)
    assert listed.is_visible()
    assert accessibility_problems(page) == []

    page.get_by_role("link", name="Re-import notes for Khrushchev").click()
    chosen = page.get_by_label("What it is").locator("option:checked").inner_text()
    assert chosen == "New notes for Khrushchev's attempts at modernisation."
    page.get_by_label("Notes or course file").set_input_files(seed_path)
    page.get_by_role("button", name="Upload and preview").click()
    page.get_by_text("Questions: 0 new, 7 kept, 0 removed.").wait_for()
    assert accessibility_problems(page) == []
    page.get_by_role("button", name="Apply these changes").click()
    page.get_by_role("status").filter(has_text="is updated (0 new, 7 kept, 0 removed)").wait_for()
    with Store.open(web_settings.db) as store:
        [course] = store.courses()
    assert course.questions == 7 and course.owner_id is not None
