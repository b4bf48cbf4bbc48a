"""Nothing a teacher gives pastpaper is quietly lost or put somewhere else: a mistyped --db
is an error, and notes never shadow a course corrected through its course file."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pastpaper.cli import app

runner = CliRunner()

SLUG = "khrushchevs-attempts-at-modernisation"


def cli(db: str | Path, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == code, result.output
    return result.stdout


def test_a_db_in_a_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    folder = (tmp_path / "shcool").resolve()
    result = runner.invoke(app, ["--db", str(folder / "bank.db"), "courses"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        f"error: the folder {folder} does not exist, so the database cannot be made there; "
        "create the folder first, or give another place with --db PATH_OR_URL\n",
    )
    assert not folder.exists()


def test_the_default_data_folder_is_made_when_missing(tmp_path: Path, seed_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "new" / "data"), "PASTPAPER_DB": None}
    result = runner.invoke(app, ["courses", "--json"], env=env)
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert (tmp_path / "new" / "data" / "pastpaper" / "pastpaper.db").is_file()


def corrected(tmp_path: Path, seed_path: Path) -> tuple[Path, Path, Path]:
    """The seed notes imported, exported to a course file, corrected there and imported."""
    db, notes, course_file = tmp_path / "bank.db", tmp_path / "notes.txt", tmp_path / "course.yaml"
    notes.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    cli(db, "import", str(notes))
    cli(db, "export", SLUG, "-o", str(course_file))
    text = course_file.read_text(encoding="utf-8")
    course_file.write_text(text.replace("      marks: null", "      marks: 8", 1), encoding="utf-8")
    cli(db, "import", str(course_file))
    return db, notes, course_file


def test_notes_over_a_course_corrected_in_its_course_file_are_refused(
    tmp_path: Path, seed_path: Path
) -> None:
    db, notes, course_file = corrected(tmp_path, seed_path)
    result = runner.invoke(app, ["--db", str(db), "import", str(notes)])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        f"error: {notes}: the course '{SLUG}' was made from these notes and last updated from "
        f"the course file {course_file}, so its edits live there: import {course_file} "
        "instead, or pass --replace to start again from these notes\n",
    )
    # Nothing was saved: one course, with the correction.
    assert [c["slug"] for c in json.loads(cli(db, "courses", "--json"))] == [SLUG]
    assert json.loads(cli(db, "questions", "--json"))[0]["marks"] == 8


def test_other_notes_of_the_same_title_still_become_a_course_of_their_own(
    tmp_path: Path, seed_path: Path
) -> None:
    db, _, _ = corrected(tmp_path, seed_path)
    other = tmp_path / "other.txt"
    other.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["--db", str(db), "import", str(other)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Imported {other} as course {SLUG}-2: ")
    assert [c["slug"] for c in json.loads(cli(db, "courses", "--json"))] == [SLUG, f"{SLUG}-2"]


def test_replace_starts_the_corrected_course_again_from_the_notes(
    tmp_path: Path, seed_path: Path
) -> None:
    db, notes, _ = corrected(tmp_path, seed_path)
    out = cli(db, "import", "--replace", str(notes))
    assert out.startswith(f"Updated {notes} as course {SLUG}: ")
    assert [c["slug"] for c in json.loads(cli(db, "courses", "--json"))] == [SLUG]
    assert json.loads(cli(db, "questions", "--json"))[0]["marks"] is None
    # The notes made it last, so importing them again simply updates it.
    assert cli(db, "import", str(notes)).startswith(f"Updated {notes} as course {SLUG}: ")
