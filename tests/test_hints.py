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
