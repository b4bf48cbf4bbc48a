"""Our own development sets (benchmarks/data): written here, in our own words, for choosing
the marker's features by leaving a whole data set out. They must stay well-formed marking
sets, and each history set must answer the questions its notes ask."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT
from pastpaper.ingest import read_notes
from pastpaper.marking.evaluate import read_marking_set
from pastpaper.text import match_key

DATA = ROOT / "benchmarks" / "data"

#: Each graded history set and the notes that answer its questions.
HISTORY = {
    "history-weimar.jsonl": "weimar-recovery.txt",
    "history-ww1.jsonl": "causes-ww1.txt",
    "history-new-deal.jsonl": "new-deal.txt",
    "history-elizabeth.jsonl": "elizabeth-religion.txt",
}
#: The shapes of reference the other sets hold, and how many answers each must have at least.
SHAPES = {
    "short-answers.jsonl": 100,
    "model-answers.jsonl": 60,
    "criteria-answers.jsonl": 60,
}


@pytest.mark.parametrize("name", sorted([*HISTORY, *SHAPES]))
def test_each_set_is_a_well_formed_marking_set_with_unique_answers(name: str) -> None:
    rows = read_marking_set(DATA / name)  # checks every field's type and each score's range
    assert {row["split"] for row in rows} == {"dev"}
    ids = Counter(row["answer_id"] for row in rows)
    assert [answer for answer, n in ids.items() if n > 1] == []
    assert all(row["answer"].strip() and row.get("feedback", "").strip() for row in rows)


@pytest.mark.parametrize(("answers", "notes"), sorted(HISTORY.items()))
def test_each_graded_history_set_answers_the_questions_its_notes_ask(
    answers: str, notes: str
) -> None:
    course = read_notes(DATA / "notes" / notes).course
    asked = {match_key(question.text): question for _, _, question in course.questions()}
    assert len({f for t in course.topics for f in t.families if f.questions}) >= 3
    rows = read_marking_set(DATA / answers)
    unknown = {row["question"] for row in rows if match_key(row["question"]) not in asked}
    assert unknown == set()
    for row in rows:
        question = asked[match_key(row["question"])]
        assert question.marks in (None, row["max_marks"]), row["answer_id"]
        assert row["reference"] == []
        assert float(row["score"]).is_integer()


def test_the_sets_are_as_large_and_as_varied_as_the_protocol_needs() -> None:
    history = [row for name in HISTORY for row in read_marking_set(DATA / name)]
    assert len(history) >= 150
    for name, least in SHAPES.items():
        rows = read_marking_set(DATA / name)
        assert len(rows) >= least, name
        marks = Counter(row["score"] for row in rows)
        assert len(marks) >= 2, f"{name}: every answer has the same mark"
    model = read_marking_set(DATA / "model-answers.jsonl")
    assert all(len(row["reference"]) == 1 for row in model)
    assert max(row["score"] for row in model) == 5  # marks reach the top of the scale
    short = read_marking_set(DATA / "short-answers.jsonl")
    assert all(1 <= len(row["reference"]) <= 6 and row["max_marks"] == 1 for row in short)


def test_the_history_questions_span_the_command_words() -> None:
    words = {
        question.command_word
        for notes in HISTORY.values()
        for _, _, question in read_notes(DATA / "notes" / notes).course.questions()
    }
    assert {"describe", "why", "in what ways"} <= words
    assert words & {"how far", "to what extent"}


def test_the_notes_are_written_differently_from_the_seed(seed_path: Path) -> None:
    """Reasons given without 'because', facts in lists: the wording the seed never uses."""
    for notes in HISTORY.values():
        text = (DATA / "notes" / notes).read_text(encoding="utf-8")
        assert "\n- " in text, notes
        assert text.lower().count("because") <= 2, notes
