"""The CLI, driven in-process with exact output where the output is the point."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from pastpaper.cli import app
from pastpaper.ingest import read_notes

runner = CliRunner()


def cli(db: str | Path, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == code, result.output
    return result.stdout


def test_import_then_list_questions_as_json(db_url: str, seed_path: Path) -> None:
    out = cli(db_url, "import", str(seed_path))
    assert out == (
        f"Imported {seed_path} as course khrushchevs-attempts-at-modernisation: 1 topic, "
        "3 question families, 7 questions, 14 notes paragraphs\n"
    )
    items = json.loads(cli(db_url, "questions", "--json"))
    assert [(q["year"], q["marks"], q["command_word"], q["family"]) for q in items] == [
        (1998, None, "describe", 1),
        (1999, 10, "in what ways", 1),
        (2000, 6, "describe", 1),
        (2000, 5, "why", 2),
        (2001, 10, "why", 2),
        (2000, 6, "in what ways", 3),
        (2001, 15, "in what ways", 3),
    ]
    assert items[0] == {
        "id": 1,
        "course": "khrushchevs-attempts-at-modernisation",
        "topic": "Khrushchev’s attempts at modernisation",
        "topic_number": 4,
        "family": 1,
        "year": 1998,
        "text": "Describe the key features of Khrushchev’s policy of de-Stalinisation",
        "marks": None,
        "command_word": "describe",
    }


def test_importing_again_says_what_changed(tmp_path: Path, seed_path: Path) -> None:
    cli(tmp_path / "bank.db", "import", str(seed_path))
    out = cli(tmp_path / "bank.db", "import", str(seed_path))
    assert "Updated" in out and "(0 new, 7 kept, 0 removed)" in out
    assert len(json.loads(cli(tmp_path / "bank.db", "questions", "--json"))) == 7


def test_courses_lists_counts(tmp_path: Path, seed_path: Path) -> None:
    cli(tmp_path / "bank.db", "import", str(seed_path))
    [course] = json.loads(cli(tmp_path / "bank.db", "courses", "--json"))
    assert (course["slug"], course["topics"], course["questions"], course["notes"]) == (
        "khrushchevs-attempts-at-modernisation",
        1,
        7,
        14,
    )
    assert "khrushchevs-attempts-at-modernisation" in cli(tmp_path / "bank.db", "courses")


def test_show_prints_question_family_and_notes(tmp_path: Path, seed_path: Path) -> None:
    cli(tmp_path / "bank.db", "import", str(seed_path))
    out = cli(tmp_path / "bank.db", "show", "1")
    lines = out.splitlines()
    assert lines[0] == "Describe the key features of Khrushchev’s policy of de-Stalinisation"
    assert lines[1] == (
        "1998 · no marks printed · command word: describe · topic 4: Khrushchev’s attempts "
        "at modernisation · course khrushchevs-attempts-at-modernisation · family 1"
    )
    assert "The same question in other years" in out
    assert "Describe the key features of de-Stalinisation. (6)" in out
    assert "Notes (6 paragraphs)" in out
    assert "Thus Stalingrad became Volgogradthe powers of the KGB" in out
    missing = runner.invoke(app, ["--db", str(tmp_path / "bank.db"), "show", "99"])
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error: no question 99; did you mean 5: Why did Khrushchev")
    assert "6: In what ways" in missing.stderr and "7: In what ways" in missing.stderr


def test_export_writes_a_course_file_that_imports_back(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    target = tmp_path / "course.yaml"
    cli(db, "export", "khrushchevs-attempts-at-modernisation", "-o", str(target))
    assert read_notes(target).course == read_notes(seed_path).course
    again = runner.invoke(app, ["--db", str(db), "export", "1", "-o", str(target)])
    assert again.exit_code == 1
    assert "exists; choose another file or pass --force" in again.stderr
    assert cli(db, "export", "1", "-o", "-") == target.read_text(encoding="utf-8")
    out = cli(db, "import", str(target))
    assert "Updated" in out and "(0 new, 7 kept, 0 removed)" in out


def test_demo_imports_the_built_in_example_and_prints_the_bank(tmp_path: Path) -> None:
    out = cli(tmp_path / "bank.db", "demo")
    assert out.startswith(
        "Imported khrushchev-reform.txt as course khrushchev-and-the-reform-of-the-soviet-union: "
        "2 topics, 4 question families, 9 questions, 18 notes paragraphs\n"
    )
    assert "4: Khrushchev’s attempts at modernisation" in out
    assert "5: The fall of Khrushchev" in out
    assert len(json.loads(cli(tmp_path / "bank.db", "questions", "--json"))) == 9
    # The good answer earns full marks; the weak one's wrong year is caught and corrected.
    assert "Mark: 6 / 6" in out
    assert "[✗] the answer says 1960; the notes say 1953" in out


def test_db_comes_from_the_environment(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "from-env.db"
    result = runner.invoke(app, ["import", str(seed_path)], env={"PASTPAPER_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert db.is_file()


@pytest.mark.parametrize(
    "command",
    [
        "import",
        "courses",
        "questions",
        "show",
        "points",
        "scheme",
        "mark",
        "eval",
        "export",
        "demo",
    ],
)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: pastpaper " in result.stdout


def test_help_does_not_load_the_heavy_parts() -> None:
    # --help must stay fast: no database, DOCX, PDF or YAML library is loaded for it.
    heavy = (
        "docx",
        "pypdf",
        "psycopg",
        "sqlalchemy",
        "alembic",
        "yaml",
        "wordfreq",
        "snowballstemmer",
    )
    code = (
        "import sys; from pastpaper.cli import app; "
        "from typer.testing import CliRunner; CliRunner().invoke(app, ['import', '--help']); "
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_default_database_is_in_the_user_data_folder(tmp_path: Path, seed_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "PASTPAPER_DB": None}
    result = runner.invoke(app, ["import", str(seed_path)], env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "pastpaper" / "pastpaper.db").is_file()


def test_another_file_with_the_same_title_never_overwrites_a_course(tmp_path: Path) -> None:
    db = tmp_path / "bank.db"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "notes.txt", tmp_path / "b" / "notes.txt"
    first.write_text("History revision\n\n2000: Why did Khrushchev fall? (5)\n\nCuba.\n")
    second.write_text("History revision\n\n2003: Why did Henry VIII break with Rome? (8)\n\nX.\n")
    cli(db, "import", str(first))
    result = runner.invoke(app, ["--db", str(db), "import", str(second)])
    assert result.exit_code == 0, result.output
    assert "as course history-revision-2:" in result.stdout
    assert (
        f"warning: {second}: a course 'history-revision' imported from {first} is already in "
        "the bank, so this file became the course 'history-revision-2'"
    ) in result.stderr
    courses = {c["slug"]: c["questions"] for c in json.loads(cli(db, "courses", "--json"))}
    assert courses == {"history-revision": 1, "history-revision-2": 1}
    # Each file goes on updating its own course.
    assert (
        "Updated" in cli(db, "import", str(second))
        and len(json.loads(cli(db, "courses", "--json"))) == 2
    )
    # --replace makes a file update the course of that name, whoever made it.
    out = cli(db, "import", "--replace", str(second))
    assert "as course history-revision:" in out and "(1 new, 0 kept, 1 removed)" in out


def test_a_corrected_question_keeps_its_id(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    course_file = tmp_path / "course.yaml"
    cli(db, "export", "1", "-o", str(course_file))
    text = course_file.read_text(encoding="utf-8")
    corrected = text.replace(
        "Khrushchev’s policy of de-Stalinisation\n      marks: null",
        "Khrushchev’s policy of de-Stalinisation.\n      marks: 8",
    )
    assert corrected != text
    course_file.write_text(corrected, encoding="utf-8")
    out = cli(db, "import", str(course_file))
    assert "(0 new, 7 kept, 0 removed)" in out
    first = json.loads(cli(db, "questions", "--json"))[0]
    assert (first["id"], first["marks"], first["text"][-1]) == (1, 8, ".")
    # The notes it came from would undo the correction: they are refused, with the way on.
    result = runner.invoke(app, ["--db", str(db), "import", str(seed_path)])
    assert result.exit_code == 1
    assert f"was made from these notes and last updated from the course file {course_file}" in (
        " ".join(result.stderr.split())
    )
    assert len(json.loads(cli(db, "courses", "--json"))) == 1
    assert json.loads(cli(db, "questions", "--json"))[0]["marks"] == 8


def test_show_as_json(tmp_path: Path, seed_path: Path) -> None:
    cli(tmp_path / "bank.db", "import", str(seed_path))
    detail = json.loads(cli(tmp_path / "bank.db", "show", "4", "--json"))
    assert (
        detail["question"]["text"] == "Why did Khrushchev introduce a policy of de-Stalinisation?"
    )
    assert [q["year"] for q in detail["family_questions"]] == [2000, 2001]
    assert len(detail["notes"]) == 4


def test_points_as_json(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    found = json.loads(cli(db, "points", "f1", "--json"))
    assert len(found) >= 20
    assert set(found[0]) == {"id", "family", "text", "source", "key_terms", "facts", "kind"}
    assert found[0]["text"] == "In March 1953 Stalin died"
    assert found[0]["source"] == {
        "note": 0,
        "sentence": "In March 1953 Stalin died",
        "sentence_start": 0,
        "start": 0,
        "end": 25,
    }
    assert json.loads(cli(db, "points", "2", "--json")) == found  # question 2 is in family 1
    bad = runner.invoke(app, ["--db", str(db), "points", "x1"])
    assert bad.exit_code == 1 and "is not a question id (3) or a family id (f3)" in bad.stderr


def test_scheme_as_text_and_json(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    text = cli(db, "scheme", "6")
    assert text.startswith(
        "2000: In what ways did Khrushchev try to improve industrial output in the Soviet "
        "Union in the 1950’s and early 1960’s? [6 marks]\n"
    )
    data = json.loads(cli(db, "scheme", "6", "--json"))
    assert (data["question_id"], data["max_marks"], data["marks_assumed"]) == (6, 6, False)
    assert {"id", "text", "kind", "relevance", "creditable", "required", "accept"} <= set(
        data["points"][0]
    )
    assert len(data["left_out"]) == 5


def test_scheme_edits_in_the_course_file_apply_and_survive_the_notes(
    tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    course_file = tmp_path / "course.yaml"
    cli(db, "export", "1", "-o", str(course_file))
    text = course_file.read_text(encoding="utf-8")
    edit = "      command_word: why\n      scheme:\n        marks: 7\n        drop: [p66555d]\n"
    text = text.replace("      command_word: why\n", edit, 1)
    course_file.write_text(text, encoding="utf-8")
    cli(db, "import", str(course_file))
    data = json.loads(cli(db, "scheme", "4", "--json"))
    assert data["max_marks"] == 7
    assert {"id": "p66555d", "why": "dropped by the teacher"} in data["left_out"]
    # Importing the notes again (over the corrected course) keeps the teacher's edits.
    cli(db, "import", "--replace", str(seed_path))
    assert json.loads(cli(db, "scheme", "4", "--json"))["max_marks"] == 7
    assert "scheme:" in cli(db, "export", "1", "-o", "-")


def test_scheme_edits_follow_a_reworded_point(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    notes = tmp_path / "notes.txt"
    notes.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    cli(db, "import", str(notes))
    course_file = tmp_path / "course.yaml"
    cli(db, "export", "1", "-o", str(course_file))
    text = course_file.read_text(encoding="utf-8")
    edit = "      command_word: why\n      scheme:\n        required: [p47944e]\n"
    course_file.write_text(text.replace("      command_word: why\n", edit, 1), encoding="utf-8")
    cli(db, "import", str(course_file))
    # The teacher rewords that point in the notes, and imports them over the course.
    original = "to protect his own position by getting rid of"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace(original, "to protect his position by removing"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["--db", str(db), "import", "--replace", str(notes)])
    assert result.exit_code == 0, result.output
    assert "point p47944e was reworded in the notes; its scheme edits now name p" in result.stderr
    required = [p for p in json.loads(cli(db, "scheme", "4", "--json"))["points"] if p["required"]]
    assert [p["text"][:60] for p in required] == [
        "Khrushchev introduced de-Stalinisation to protect his position by removing"[:60]
    ]
    # The exported course file names the new id, so it imports again as it is.
    cli(db, "export", "1", "-o", str(course_file), "--force")
    assert "Updated" in cli(db, "import", str(course_file))


def test_mark_shows_credit_inaccuracies_and_json(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    answer = "Prisoners were released from the gulags. Stalin died in 1960."
    out = cli(db, "mark", "3", "--answer", answer)
    assert out.startswith("Prisoners were released from the gulags[1]. Stalin died in 1960[✗].")
    assert "Mark: 1 / 6" in out
    assert "[1] Inmates of the gulags were released" in out
    assert "the answer says 1960; the notes say 1953" in out
    data = json.loads(cli(db, "mark", "3", "--answer", answer, "--json"))
    assert {"mark", "max_marks", "credited", "missed", "inaccuracies", "marker_version"} <= set(
        data
    )
    assert data["credited"][0]["span"] == {"start": 0, "end": 39, "text": answer[:39]}
    answer_file = tmp_path / "answer.txt"
    answer_file.write_text(answer, encoding="utf-8")
    assert json.loads(cli(db, "mark", "3", "--file", str(answer_file), "--json"))["mark"] == 1
    assert (
        json.loads(
            runner.invoke(app, ["--db", str(db), "mark", "3", "--json"], input=answer).stdout
        )["mark"]
        == 1
    )


def test_mark_a_class_csv_without_dropping_a_row(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    answers = tmp_path / "class.csv"
    answers.write_text(
        "student,question,answer,set\n"
        "ann,3,Prisoners were released from the gulags. Censorship was relaxed.,A\n"
        "bob,99,Some answer,A\n"
        "cat,3,,B\n",
        encoding="utf-8",
    )
    book = tmp_path / "marks.csv"
    out = cli(db, "mark", "--csv", str(answers), "-o", str(book))
    assert out == f"Marked 2 of 3 answers; wrote {book}.\n"
    rows = list(csv.DictReader(io.StringIO(book.read_text(encoding="utf-8"), newline="")))
    assert [r["student"] for r in rows] == ["ann", "bob", "cat"]
    assert [r["set"] for r in rows] == ["A", "A", "B"]
    assert (rows[0]["mark"], rows[0]["max"]) == ("2", "6")
    assert "Inmates of the gulags were released" in rows[0]["points credited"]
    assert rows[1]["mark"] == "" and rows[1]["not marked because"].startswith("no question 99")
    assert rows[2]["mark"] == "0" and "the answer is empty" in rows[2]["feedback"]
    again = runner.invoke(app, ["--db", str(db), "mark", "--csv", str(answers), "-o", str(book)])
    assert again.exit_code == 1 and "exists; choose another file or pass --force" in again.stderr


def test_a_bad_csv_is_named_with_its_line(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    latin = tmp_path / "latin.csv"
    latin.write_bytes("student,question,answer\nann,3,Stalin’s statues\n".encode("cp1252"))
    result = runner.invoke(app, ["--db", str(db), "mark", "--csv", str(latin), "-o", "x.csv"])
    assert result.exit_code == 1
    assert f"{latin}, line 2: is not UTF-8 (byte 0x92)" in result.stderr
    columns = tmp_path / "columns.csv"
    columns.write_text("name,question,text\nann,3,x\n", encoding="utf-8")
    result = runner.invoke(app, ["--db", str(db), "mark", "--csv", str(columns), "-o", "x.csv"])
    assert f"{columns}, line 1: has no column 'student', 'answer'" in result.stderr


def test_eval_prints_the_fields_figures(tmp_path: Path, seed_path: Path) -> None:
    data = SHARED / "data" / "seed-answers.jsonl"
    out = cli(tmp_path / "bank.db", "eval", str(data), "--notes", str(seed_path), "--json")
    [result] = json.loads(out)["results"]
    assert set(result) == {
        "dataset",
        "split",
        "n",
        "pearson",
        "rmse",
        "mae",
        "qwk",
        "accuracy",
        "macro_f1",
        "answers_per_second",
    }
    assert (result["dataset"], result["split"], result["n"]) == ("seed-khrushchev", "spec", 16)
    assert result["mae"] <= 1.0
    no_notes = runner.invoke(app, ["--db", str(tmp_path / "bank.db"), "eval", str(data)])
    assert (
        no_notes.exit_code == 1 and "give the notes that answer it with --notes" in no_notes.stderr
    )
