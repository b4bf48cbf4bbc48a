"""Exports: the seed's cards as an Anki package, its past papers and cards as a Moodle quiz."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import genanki
import pytest

from pastpaper.course import Course
from pastpaper.errors import OutputError
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.schemes.scheme import DEFAULT_MARKS
from pastpaper.study.cards import Card, cards_of
from pastpaper.study.exports import (
    BASIC_MODEL_ID,
    CLOZE_MODEL_ID,
    SHORT_ANSWER_WORDS,
    deck_id,
    moodle_xml,
    write_anki,
    write_moodle,
)
from pastpaper.study.sharing import schemes_and_cards

MONDAY = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
TUESDAY = datetime(2024, 3, 5, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> tuple[Course, list[Card]]:
    course = read_notes(seed_path).course
    return course, cards_of(course)


def collection(package: Path) -> sqlite3.Connection:
    """The SQLite collection inside an .apkg, copied out next to it."""
    with zipfile.ZipFile(package) as archive:
        assert "collection.anki2" in archive.namelist()
        copy = package.with_suffix(".anki2")
        copy.write_bytes(archive.read("collection.anki2"))
    return sqlite3.connect(copy)


def exported(course: Course, cards: list[Card], path: Path, now: datetime) -> sqlite3.Connection:
    write_anki(course, cards, path, now=now)
    return collection(path)


# -- Anki -------------------------------------------------------------------------------------


def test_the_package_holds_a_note_per_card(seed: tuple[Course, list[Card]], tmp_path: Path) -> None:
    course, cards = seed
    db = exported(course, cards, tmp_path / "seed.apkg", MONDAY)
    by_model = dict(db.execute("SELECT mid, count(*) FROM notes GROUP BY mid").fetchall())
    assert by_model == {
        BASIC_MODEL_ID: sum(c.kind == "basic" for c in cards),
        CLOZE_MODEL_ID: sum(c.kind == "cloze" for c in cards),
    }
    # One Anki card per note: a cloze note hides a single thing.
    assert db.execute("SELECT count(*) FROM cards").fetchone() == (len(cards),)


def test_a_basic_note_has_front_back_source_and_tags(
    seed: tuple[Course, list[Card]], tmp_path: Path
) -> None:
    course, cards = seed
    db = exported(course, cards, tmp_path / "seed.apkg", MONDAY)
    fields, tags = db.execute(
        "SELECT flds, tags FROM notes WHERE sfld = 'When did Stalin die?'"
    ).fetchone()
    assert fields.split("\x1f") == [
        "When did Stalin die?",
        "March 1953",
        "In March 1953 Stalin died",
    ]
    assert tags.split() == [
        "khrushchevs-attempts-at-modernisation::topic-4",
        "khrushchevs-attempts-at-modernisation::topic-4::family-1",
    ]


def test_cloze_notes_use_the_cloze_note_type(
    seed: tuple[Course, list[Card]], tmp_path: Path
) -> None:
    course, cards = seed
    db = exported(course, cards, tmp_path / "seed.apkg", MONDAY)
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    assert models[str(CLOZE_MODEL_ID)]["type"] == 1  # Anki's cloze type
    assert [f["name"] for f in models[str(CLOZE_MODEL_ID)]["flds"]] == ["Text", "Source"]
    assert models[str(BASIC_MODEL_ID)]["type"] == 0
    texts = [
        row[0] for row in db.execute("SELECT flds FROM notes WHERE mid = ?", (CLOZE_MODEL_ID,))
    ]
    assert (
        "Inmates of the {{c1::gulags}} were released.\x1f"
        "Inmates of the gulags were released and cities had their names changed"
    ) in texts


def test_the_deck_is_named_after_the_course_and_keeps_its_id(
    seed: tuple[Course, list[Card]], tmp_path: Path
) -> None:
    course, cards = seed
    db = exported(course, cards, tmp_path / "seed.apkg", MONDAY)
    decks = json.loads(db.execute("SELECT decks FROM col").fetchone()[0])
    assert decks[str(deck_id(course.slug))]["name"] == course.title
    assert deck_id(course.slug) == deck_id("khrushchevs-attempts-at-modernisation")
    assert deck_id(course.slug) != deck_id("another-course")
    assert 1 << 30 <= deck_id(course.slug) < 1 << 31


def test_exporting_again_keeps_every_guid(seed: tuple[Course, list[Card]], tmp_path: Path) -> None:
    course, cards = seed
    monday = exported(course, cards, tmp_path / "monday.apkg", MONDAY)
    tuesday = exported(course, cards, tmp_path / "tuesday.apkg", TUESDAY)
    query = "SELECT guid, flds FROM notes ORDER BY guid"
    assert monday.execute(query).fetchall() == tuesday.execute(query).fetchall()
    assert {g for (g,) in monday.execute("SELECT guid FROM notes")} == {
        genanki.guid_for(c.id) for c in cards
    }
    # The later export is newer, so importing it into Anki updates the notes.
    later = "SELECT max(mod) FROM notes"
    assert tuesday.execute(later).fetchone()[0] > monday.execute(later).fetchone()[0]


def test_the_same_cards_at_the_same_time_give_the_same_collection(
    seed: tuple[Course, list[Card]], tmp_path: Path
) -> None:
    course, cards = seed
    first = exported(course, cards, tmp_path / "first.apkg", MONDAY)
    second = exported(course, cards, tmp_path / "second.apkg", MONDAY)
    for table in ("notes", "cards", "col"):
        query = f"SELECT * FROM {table} ORDER BY id"
        assert first.execute(query).fetchall() == second.execute(query).fetchall()


def test_fields_are_escaped_as_html(tmp_path: Path) -> None:
    course = parse_notes(
        "4: Khrushchev\n\n1999: Describe the changes. (6)\n\n"
        "In 1957 Khrushchev set up the ‘R&D’ councils for <industry>."
    ).course
    db = exported(course, cards_of(course), tmp_path / "escaped.apkg", MONDAY)
    texts = [row[0].split("\x1f")[0] for row in db.execute("SELECT flds FROM notes")]
    assert texts == [
        "When did Khrushchev set up the ‘R&amp;D’ councils for &lt;industry&gt;?",
        "In {{c1::1957}} Khrushchev set up the ‘R&amp;D’ councils for &lt;industry&gt;.",
    ]


def test_a_package_that_cannot_be_written_is_an_output_error(
    seed: tuple[Course, list[Card]], tmp_path: Path
) -> None:
    course, cards = seed
    with pytest.raises(OutputError, match="cannot write"):
        write_anki(course, cards, tmp_path / "missing" / "seed.apkg", now=MONDAY)


# -- Moodle -----------------------------------------------------------------------------------


def quiz(course: Course, cards: list[Card]) -> list[ET.Element]:
    root = ET.fromstring(moodle_xml(course, cards))
    assert root.tag == "quiz"
    return root.findall("question")


def text_of(question: ET.Element, tag: str) -> str:
    return question.findtext(f"{tag}/text") or ""


def test_the_quiz_has_a_category_per_topic_an_essay_per_question_and_short_answers(
    seed: tuple[Course, list[Card]],
) -> None:
    course, cards = seed
    questions = quiz(course, cards)
    short = [c for c in cards if c.kind == "basic" and len(c.back.split()) <= SHORT_ANSWER_WORDS]
    assert Counter(q.get("type") for q in questions) == {
        "category": 1,
        "essay": 7,
        "shortanswer": len(short),
    }
    assert questions[0].findtext("category/text") == (
        "$course$/top/Khrushchev's attempts at modernisation./4: Khrushchev’s attempts at "
        "modernisation"
    )
    # Cards whose answers nobody would type word for word are not short-answer questions.
    assert not any(
        "Why" in text_of(q, "questiontext") for q in questions if q.get("type") == "shortanswer"
    )


def test_an_essay_carries_its_marks_year_and_mark_scheme(seed: tuple[Course, list[Card]]) -> None:
    course, cards = seed
    essays = [q for q in quiz(course, cards) if q.get("type") == "essay"]
    why = next(q for q in essays if "Why did Khrushchev introduce" in text_of(q, "questiontext"))
    assert why.findtext("defaultgrade") == "5"
    assert text_of(why, "questiontext") == (
        "<p>Why did Khrushchev introduce a policy of de-Stalinisation?</p><p>(2000, 5 marks)</p>"
    )
    grader = text_of(why, "graderinfo")
    assert grader.startswith(
        "2000: Why did Khrushchev introduce a policy of de-Stalinisation? [5 marks]<br>"
    )
    assert "Candidates may refer to:" in grader
    assert why.find("graderinfo").get("format") == "html"  # type: ignore[union-attr]
    assert "<li>" in text_of(why, "generalfeedback")
    assert all(q.findtext("responseformat") == "editor" for q in essays)


def test_an_essay_without_printed_marks_is_graded_out_of_the_schemes(
    seed: tuple[Course, list[Card]],
) -> None:
    course, cards = seed
    essays = [q for q in quiz(course, cards) if q.get("type") == "essay"]
    first = essays[0]
    assert text_of(first, "name").startswith("1998 Describe the key features")
    assert first.findtext("defaultgrade") == str(DEFAULT_MARKS)
    assert f"(1998, {DEFAULT_MARKS} marks, none printed)" in text_of(first, "questiontext")


def test_a_short_answer_accepts_the_cards_answer(seed: tuple[Course, list[Card]]) -> None:
    course, cards = seed
    short = {
        text_of(q, "questiontext"): q for q in quiz(course, cards) if q.get("type") == "shortanswer"
    }
    died = short["<p>When did Stalin die?</p>"]
    assert [(a.get("fraction"), a.findtext("text")) for a in died.findall("answer")] == [
        ("100", "March 1953")
    ]
    assert text_of(died, "generalfeedback") == "<p>In March 1953 Stalin died</p>"
    virgin = short["<p>What did Khrushchev introduce in agriculture?</p>"]
    assert [a.findtext("text") for a in virgin.findall("answer")] == [
        "the Virgin Lands scheme",
        "Virgin Lands scheme",
    ]


def test_the_quiz_escapes_what_the_notes_say() -> None:
    course = parse_notes(
        "4: Khrushchev & reform/renewal\n\n1999: Why did <Khrushchev> fall & fail? (4)\n\n"
        "In 1964 the Presidium removed Khrushchev & Mikoyan."
    ).course
    xml = moodle_xml(course, cards_of(course))
    essay = next(q for q in ET.fromstring(xml).findall("question") if q.get("type") == "essay")
    assert text_of(essay, "questiontext").startswith(
        "<p>Why did &lt;Khrushchev&gt; fall &amp; fail?</p>"
    )
    assert "reform//renewal" in xml  # a slash in a category's name is not a step down the tree


def test_write_moodle_writes_the_quiz(seed: tuple[Course, list[Card]], tmp_path: Path) -> None:
    course, cards = seed
    path = tmp_path / "quiz.xml"
    write_moodle(course, cards, path)
    assert path.read_text(encoding="utf-8") == moodle_xml(course, cards)
    with pytest.raises(OutputError, match="cannot write"):
        write_moodle(course, cards, tmp_path / "missing" / "quiz.xml")


def test_the_quiz_from_schemes_built_in_shares_is_the_quiz(
    seed: tuple[Course, list[Card]],
) -> None:
    course, cards = seed
    schemes, made = schemes_and_cards(course, processes=2)
    assert made == cards
    assert moodle_xml(course, cards, schemes) == moodle_xml(course, cards)
    # Schemes of other questions, or out of order, would put a wrong scheme under a question.
    with pytest.raises(ValueError, match="not the course's questions' schemes, in order"):
        moodle_xml(course, cards, schemes[::-1])
    with pytest.raises(ValueError, match="not the course's questions' schemes"):
        moodle_xml(course, cards, schemes[1:])


def test_a_short_answer_accepts_a_date_or_figure_written_the_usual_other_ways() -> None:
    course = parse_notes(
        "2: Spain\n\n2001: Describe the Second Republic. (6)\n\n"
        "- The Second Republic was declared on 14/4/1931.\n"
        "- Italy sent about 75,000 troops to Spain.\n"
        "- The government moved three times.\n"
    ).course
    quiz_ = ET.fromstring(moodle_xml(course, cards_of(course)))
    answers = {
        q.findtext("questiontext/text"): [a.findtext("text") for a in q.findall("answer")]
        for q in quiz_.findall("question")
        if q.get("type") == "shortanswer"
    }
    declared = answers["<p>When was the Second Republic declared?</p>"]
    assert declared[0] == "14/4/1931" and "14 April 1931" in declared
    assert any(forms[0] == "about 75,000" and "75000" in forms for forms in answers.values())
    assert ["three", "3"] in answers.values()
