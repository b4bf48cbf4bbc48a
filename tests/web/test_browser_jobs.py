"""Bulk marking in a real Chromium, on a real server with its worker thread: a teacher
uploads a class's CSV of 30 answers, watches the progress bar (htmx asking for it every
second) reach the mark book, sorts it by mark and finds the CSV to download; axe-core finds
nothing on the pages."""

from __future__ import annotations

import csv
import io
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


def thirty_answers(settings: Settings) -> bytes:
    """30 answers to the seed's questions, each a sentence or two of its question's notes,
    and one left empty (a row that cannot be marked, kept with its reason)."""
    with Store.open(settings.db) as store:
        seed = store.courses()[0].slug
        questions = [
            (q.id, " ".join(store.question(q.id).notes[:1]).split(". ")[:2])
            for q in store.questions(seed)
        ]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["student", "question", "answer", "set"])
    for n in range(30):
        question, sentences = questions[n % len(questions)]
        answer = "" if n == 7 else ". ".join(sentences[: n % 2 + 1])
        writer.writerow([f"S{n + 1:02d}", question, answer, "11B"])
    return buffer.getvalue().encode()


def test_a_teacher_uploads_30_answers_and_watches_the_progress_reach_the_mark_book(
    page: Page, served: str, web_settings: Settings, seed_path: Path, tmp_path: Path
) -> None:
    make_school(web_settings, seed_path)
    with Store.open(web_settings.db) as store:
        store.people.set_password("ms.reed", PASSWORD)
    answers = tmp_path / "11B.csv"
    answers.write_bytes(thirty_answers(web_settings))
    sign_in(page, served, "ms.reed")
    page.get_by_role("link", name="Marking", exact=True).click()
    page.get_by_role("heading", name="Bulk marking").wait_for()
    assert accessibility_problems(page) == []

    page.get_by_label("CSV file").set_input_files(str(answers))
    page.get_by_role("button", name="Mark the file").click()
    page.get_by_role("heading", name="11B.csv").wait_for()
    assert re.fullmatch(rf"{served}/jobs/\d+", page.url)
    seen = []
    bar = page.locator(".job-progress progress")
    book = page.get_by_role("heading", name="Mark book")
    for _ in range(600):  # the page is never reloaded by the test: htmx brings each change
        if book.is_visible():
            break
        if bar.count():
            seen.append((bar.get_attribute("value"), bar.get_attribute("max")))
        page.wait_for_timeout(200)
    assert book.is_visible(), f"the mark book never came; the bar showed {seen}"
    assert seen and all(total == "30" for _, total in seen)
    assert page.get_by_role("status").filter(has_text="Marked: all 30 rows done").is_visible()
    assert page.get_by_text("29 of 30 rows marked").is_visible()
    rows = page.locator("table.mark-book tbody tr")
    assert rows.count() == 30
    assert rows.nth(7).locator("td").last.inner_text() == "empty answer"
    assert accessibility_problems(page) == []

    page.get_by_role("link", name="Mark", exact=True).click()
    page.get_by_role("columnheader", name="Mark ▲").wait_for()
    marks = [
        int(text.split(" / ")[0])
        for text in page.locator("table.mark-book tbody tr td:nth-child(5)").all_inner_texts()
        if text.strip()
    ]
    assert marks == sorted(marks) and len(marks) == 29
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the mark book (CSV)").click()
    saved = tmp_path / "book.csv"
    download.value.save_as(saved)
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "student,question,answer,set,mark,max,points credited,feedback,line,not marked because"
    )
    assert len(lines) == 31
