"""Hints name commands that work, as written, for the command that prints them."""

from __future__ import annotations

import shlex
from pathlib import Path

from typer.testing import CliRunner

from pastpaper.cli import app

runner = CliRunner()


def test_the_demos_next_steps_work_as_written_in_a_bank_that_had_courses(
    tmp_path: Path,
) -> None:
    db = str(tmp_path / "bank.db")
    notes = tmp_path / "weimar.txt"
    notes.write_text(
        "Weimar Germany\n\n1: Weimar\n\n2019: Why did hyperinflation hit Germany in 1923? (6)\n\n"
        "The French occupied the Ruhr in January 1923.\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["--db", db, "import", str(notes)]).exit_code == 0
    demo = runner.invoke(app, ["--db", db, "demo"])
    assert demo.exit_code == 0, demo.output
    next_line = next(line for line in demo.stdout.splitlines() if line.startswith("Next: "))
    steps = [shlex.split(step) for step in next_line.removeprefix("Next: ").split(" · ")]
    runnable = [s[1:] for s in steps if s[1] in {"show", "scheme", "export-anki", "timeline"}]
    assert len(runnable) == 4
    for step in runnable:
        if "-o" in step:
            step[step.index("-o") + 1] = str(tmp_path / "deck.apkg")
        result = runner.invoke(app, ["--db", db, *step])
        assert result.exit_code == 0, (step, result.output)
    shown = runner.invoke(app, ["--db", db, *runnable[0]])
    assert "Describe the main features of de-Stalinisation." in shown.stdout


def test_an_answer_file_that_is_not_utf8_is_named_in_plain_words(
    tmp_path: Path, seed_path: Path
) -> None:
    db = str(tmp_path / "bank.db")
    assert runner.invoke(app, ["--db", db, "import", str(seed_path)]).exit_code == 0
    answer = tmp_path / "answer.txt"
    answer.write_bytes("Stalin’s café".encode("cp1252"))
    for command in (["mark", "4"], ["practise", "4"]):
        result = runner.invoke(app, ["--db", db, *command, "--file", str(answer)])
        assert (result.exit_code, result.stderr) == (
            1,
            f"error: {answer}: the answer is not UTF-8 text (byte 7 is 0x92); save it as UTF-8 "
            "and give it with --file\n",
        ), command


def test_mark_refuses_a_question_id_beside_a_class_csv(tmp_path: Path) -> None:
    answers = tmp_path / "class.csv"
    answers.write_text("student,question,answer\nann,4,x\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["--db", str(tmp_path / "b.db"), "mark", "4", "--csv", str(answers), "-o", "m.csv"],
    )
    assert result.exit_code == 1
    assert "give a QUESTION_ID and an answer, or --csv ANSWERS.csv, not both" in result.stderr
    assert not (tmp_path / "m.csv").exists()


def test_a_course_file_value_is_quoted_as_it_was_written(tmp_path: Path) -> None:
    from pastpaper.errors import InputError
    from pastpaper.ingest import load_course

    text = (
        "title: T\ntopics:\n- title: A\n  families:\n  - questions:\n"
        "    - year: 1998-01-01\n      text: Why did Khrushchev fall?\n"
    )
    try:
        load_course(text, "c.yaml")
    except InputError as error:
        assert "not '1998-01-01'" in str(error)
        assert "datetime" not in str(error)
    else:
        raise AssertionError("a date as a year was accepted")


def test_a_course_slug_longer_than_a_name_is_refused(tmp_path: Path) -> None:
    from pastpaper.errors import InputError
    from pastpaper.ingest import load_course

    try:
        load_course(f"title: T\nslug: {'a' * 100_000}\ntopics: []\n", "c.yaml")
    except InputError as error:
        assert "c.yaml, line 2" in str(error)
        assert len(str(error)) < 600
    else:
        raise AssertionError("a slug of 100,000 characters was accepted")
