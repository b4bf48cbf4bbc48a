"""No silent zeros (issue 11, part 6): a question nothing can earn a mark on says so, and an
answer mostly not in English is marked and flagged."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pastpaper.cli import app
from pastpaper.errors import NothingToMark
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.marking import mark, reference_scheme
from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import embedder
from pastpaper.schemes.scheme import build_scheme

runner = CliRunner()

#: A family with notes, then a question family the notes never answer.
NOTES = (
    "Cold War\n\n1: The Cold War\n\n"
    "2010: Why did the Berlin Wall go up in 1961? (6)\n\n"
    "Thousands of skilled workers were leaving East Germany for the West every month. "
    "Khrushchev wanted to stop the drain of people.\n\n"
    "2012: Describe the Cuban Missile Crisis. (6)\n"
)


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    notes = tmp_path / "cold-war.txt"
    notes.write_text(NOTES, encoding="utf-8")
    db = tmp_path / "bank.db"
    result = runner.invoke(app, ["--db", str(db), "import", str(notes)])
    assert result.exit_code == 0, result.output
    return db


def test_a_question_no_notes_answer_is_not_marked_0_but_said_so() -> None:
    family = parse_notes(NOTES).course.topics[0].families[1]
    scheme = build_scheme(family.questions[0], family)
    with pytest.raises(NothingToMark) as refused:
        mark("The USSR put missiles on Cuba in 1962.", scheme, embedder(), calibration())
    assert str(refused.value) == (
        "the question 'Describe the Cuban Missile Crisis.' cannot be marked: no notes answer "
        "it, so its mark scheme has no points; add notes that answer it, or points to its "
        "scheme in the course file"
    )


def test_mark_says_why_it_cannot_mark(bank: Path) -> None:
    result = runner.invoke(app, ["--db", str(bank), "mark", "2", "--answer", "Missiles."])
    assert result.exit_code == 1
    assert "cannot be marked: no notes answer it" in result.stderr
    assert "Mark:" not in result.stdout


def test_practise_refuses_before_the_student_writes_a_word(bank: Path) -> None:
    result = runner.invoke(app, ["--db", str(bank), "practise", "2"], input="Missiles.\n")
    assert result.exit_code == 1
    assert "cannot be marked: no notes answer it" in result.stderr
    assert "The clock starts now" not in result.stdout


def test_a_mark_book_row_for_such_a_question_gives_the_reason(bank: Path, tmp_path: Path) -> None:
    answers = tmp_path / "class.csv"
    answers.write_text(
        "student,question,answer\n"
        "ann,1,Skilled workers were fleeing to the West.\n"
        "bob,2,Missiles on Cuba.\n",
        encoding="utf-8",
    )
    book = tmp_path / "marks.csv"
    result = runner.invoke(app, ["--db", str(bank), "mark", "--csv", str(answers), "-o", str(book)])
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(book.read_text(encoding="utf-8"))))
    assert rows[0]["mark"] != "" and rows[0]["not marked because"] == ""
    assert rows[1]["mark"] == ""
    assert "cannot be marked: no notes answer it" in rows[1]["not marked because"]


@pytest.mark.parametrize(
    "answer",
    [
        "Chruschtschow ließ die Mauer bauen, weil zu viele Facharbeiter in den Westen flohen.",
        "Khrouchtchev a fait construire le mur parce que trop d'ouvriers qualifiés fuyaient.",
        "Jruschov mandó construir el muro porque demasiados trabajadores huían al Oeste.",
    ],
)
def test_an_answer_mostly_not_in_english_is_marked_and_flagged(
    seed_path: Path, answer: str
) -> None:
    family = parse_notes(NOTES).course.topics[0].families[0]
    result = mark(answer, build_scheme(family.questions[0], family), embedder(), calibration())
    assert 0 <= result.mark <= 6
    assert any(w.startswith("the answer is mostly not in English") for w in result.warnings)


def test_english_answers_full_of_names_and_terms_are_not_flagged(seed_path: Path) -> None:
    family = read_notes(seed_path).course.topics[0].families[2]
    scheme = build_scheme(family.questions[0], family)
    for answer in (
        "Khrushchev set up 105 sovnarkhozy and scrapped Stalin's Fifth Five Year Plan.",
        "The Virgin Lands scheme ploughed Kazakhstan; Lysenko's ideas failed; maize everywhere.",
        "Gosplan lost power. Sovnarkhozy ran industry. Metal eaters resisted consumer goods.",
    ):
        result = mark(answer, scheme, embedder(), calibration())
        assert not any("not in English" in w for w in result.warnings), answer
    short = reference_scheme("Capital of France?", ["Paris"], 1)
    assert mark("Paris", short, embedder(), calibration()).warnings == ()


SHORT_NOTES = "\n\n".join(
    [
        "Industry.",
        "2: Britain's industrial revolution",
        "2015: How far was steam power the most important cause of industrial growth? (15)",
        "- steam powered mills and pumped water out of mines",
        "- but water power was still used until the 1830s",
    ]
)


def test_a_scheme_too_short_for_its_marks_says_so_with_every_mark() -> None:
    """Three points for 15 marks: even the best answer earns at most 6, and the marking says
    so rather than leaving a teacher to wonder why a full answer scored 6/15."""
    family = parse_notes(SHORT_NOTES).course.topics[0].families[0]
    scheme = build_scheme(family.questions[0], family)
    answer = "Steam powered the mills and pumped mines dry. Yet water power was used until 1830."
    result = mark(answer, scheme, embedder(), calibration())
    assert result.mark <= 6
    assert any(
        w.startswith("the mark scheme has only 3 creditable points")
        and "more than 6 of the 15 marks" in w
        for w in result.warnings
    )
    six = scheme.model_copy(update={"max_marks": 6})
    assert not any(
        "creditable point" in w for w in mark(answer, six, embedder(), calibration()).warnings
    )


def test_eval_counts_the_answers_it_could_not_mark_apart() -> None:
    from pastpaper.marking.evaluate import evaluate

    course = parse_notes(NOTES).course
    rows = [
        {
            "dataset": "mine",
            "split": "dev",
            "question_id": question_id,
            "question": question,
            "reference": [],
            "max_marks": 6,
            "answer": answer,
            "score": 3,
        }
        for question_id, question, answer in [
            ("wall", "Why did the Berlin Wall go up in 1961?", "Workers were fleeing West."),
            ("cuba", "Describe the Cuban Missile Crisis.", "Missiles on Cuba in 1962."),
            ("cuba", "Describe the Cuban Missile Crisis.", "Kennedy blockaded Cuba."),
        ]
    ]
    [result] = evaluate(rows, embedder(), calibration(), course)
    assert (result.n, result.not_marked) == (3, 2)
