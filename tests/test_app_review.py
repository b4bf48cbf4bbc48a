"""A review session spread over requests, and what a student may study, through the
application layer: the next card given the points seen, only the courses of the student's
classes, the charts as SVG text and the Anki package in memory."""

from __future__ import annotations

import re
import zipfile
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest

from pastpaper.app import Pastpaper
from pastpaper.errors import NotFound
from pastpaper.settings import Settings
from pastpaper.store import Store
from pastpaper.study.schedule import Rating

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture
def bank(tmp_path: Path, seed_path: Path) -> Pastpaper:
    store = Store.open(tmp_path / "bank.db")
    app = Pastpaper(store, None, Settings(db=str(tmp_path / "bank.db")), lambda: NOW)
    app.import_file(seed_path)
    app.import_examples()
    return app


@pytest.fixture
def student(bank: Pastpaper) -> Pastpaper:
    """Sam, in a class that studies the seed course only."""
    people = bank.store.people
    seed = bank.courses()[0].slug
    people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
    sam = people.add_user("sam", "Sam Okafor", "student", now=NOW)
    history = people.add_class("ms.reed", "11B", now=NOW)
    people.enrol("sam", history.id, now=NOW)
    people.assign_course(history.id, seed)
    return bank.acting_for(sam)


def test_next_card_goes_through_the_session_one_point_at_a_time(bank: Pastpaper) -> None:
    course = bank.courses()[0].slug
    session = bank.review_cards(course, limit=100)
    seen: list[str] = []
    shown = []
    while (card := bank.next_card(course, seen, limit=100)) is not None:
        shown.append(card.id)
        bank.review(card.id, Rating.Good)
        seen.append(card.point_id)
    # The same cards, in the same order, as one call gives: each point once.
    assert shown == [c.id for c in session]
    assert len(set(seen)) == len(seen)


def test_next_card_skips_the_points_seen_even_while_their_cards_are_due(bank: Pastpaper) -> None:
    course = bank.courses()[0].slug
    first = bank.next_card(course, [])
    assert first is not None
    bank.review(first.id, Rating.Again)  # due again within minutes: still not this session
    second = bank.next_card(course, [first.point_id])
    assert second is not None and second.point_id != first.point_id
    assert bank.next_card(course, [first.point_id, second.point_id], limit=2) is None


def test_a_review_is_kept_and_says_when_the_card_is_due(bank: Pastpaper) -> None:
    card = bank.next_card(None, [])
    assert card is not None and card.due is None
    reviewed = bank.review(card.id, Rating.Easy, "Stalin died")
    assert reviewed.due > NOW and reviewed.rating == Rating.Easy
    assert bank.card(card.id).due == reviewed.due


def test_a_student_studies_only_the_courses_of_their_classes(
    bank: Pastpaper, student: Pastpaper
) -> None:
    seed, example = (c.slug for c in bank.courses())
    assert {c.stored.course_id for c in student.cards()} == {bank.store.course_id(seed)}
    session = student.review_cards(limit=1000)
    assert session and all(c.id in {s.id for s in student.cards(seed)} for c in session)
    hidden = bank.cards(example)[0]
    for refused in (
        lambda: student.cards(example),
        lambda: student.review_cards(example),
        lambda: student.next_card(example, []),
        lambda: student.card(hidden.id),
        lambda: student.review(hidden.id, Rating.Good),
        lambda: student.progress(example),
        lambda: student.trends(example),
        lambda: student.timeline(example),
        lambda: student.anki_package(example),
    ):
        with pytest.raises(NotFound):
            refused()
    assert bank.card(hidden.id).due is None  # the refused review was not kept
    assert {t.course for t in student.progress()} == {seed}
    assert student.timeline() == bank.timeline(seed)
    assert student.trends() == bank.trends(seed)


def test_my_attempts_are_only_my_own(bank: Pastpaper, student: Pastpaper) -> None:
    question = student.questions()[0]
    bank.keep_draft(question.id, "The local user's answer.", NOW, 600)
    assert student.my_attempts() == []
    kept = student.keep_draft(question.id, "Sam's answer, kept half-way.", NOW, 600)
    assert [a.id for a in student.my_attempts()] == [kept]


def test_the_charts_as_text_are_the_files_the_command_line_writes(
    bank: Pastpaper, tmp_path: Path
) -> None:
    course = bank.courses()[0].slug
    rows = bank.trends(course)
    bank.trends_chart(rows, tmp_path / "trends.svg")
    written = (tmp_path / "trends.svg").read_text(encoding="utf-8")
    shown = bank.trends_svg(rows)
    assert shown.startswith("<svg") and same_drawing(written, shown)
    events = bank.timeline(course)
    bank.timeline_chart(events, tmp_path / "timeline.svg")
    written = (tmp_path / "timeline.svg").read_text(encoding="utf-8")
    assert same_drawing(written, bank.timeline_svg(events))


def same_drawing(file: str, inline: str) -> bool:
    """Whether a chart's file and the SVG shown inline draw the same: the file is the
    inline text after the XML declaration, but for the ids of clip paths and markers,
    which matplotlib draws at random for each rendering."""

    def plain(svg: str) -> str:
        return re.sub(r"\b[mp][0-9a-f]{10}\b", "ID", svg)

    return file.startswith("<?xml") and plain(file).endswith(plain(inline))


def test_the_anki_package_in_memory_is_the_file_export_writes(
    bank: Pastpaper, tmp_path: Path
) -> None:
    course = bank.courses()[0].slug
    made = bank.export_anki(course, tmp_path / "deck.apkg")
    package = zipfile.ZipFile(BytesIO(bank.anki_package(course)))
    written = zipfile.ZipFile(tmp_path / "deck.apkg")
    # The same files inside (the zip's own clock stamps may differ by a second).
    assert made > 0 and "collection.anki2" in package.namelist()
    assert package.namelist() == written.namelist()
    assert all(package.read(name) == written.read(name) for name in package.namelist())
