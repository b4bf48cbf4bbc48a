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
    # Each title is cut at a word, and says so.
    assert "de-Stalin;" not in missing.stderr
    assert missing.stderr.count("…") == 3


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
    # No answer given and nothing on stdin (a script run without input): an error, not a 0.
    empty = runner.invoke(app, ["--db", str(db), "mark", "3"], input="")
    assert empty.exit_code == 1
    assert "no answer on stdin" in empty.output


def mark_book(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


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
    out = cli(db, "mark", "--csv", str(answers), "-o", str(book), code=1)
    assert out == (
        f"Marked 1 of 3 rows; 2 not marked (see the column 'not marked because'); wrote {book}.\n"
    )
    assert book.read_text(encoding="utf-8").splitlines()[0] == (
        "student,question,answer,set,mark,max,points credited,feedback,line,not marked because"
    )
    rows = mark_book(book)
    assert [(r["student"], r["set"], r["line"]) for r in rows] == [
        ("ann", "A", "2"),
        ("bob", "A", "3"),
        ("cat", "B", "4"),
    ]
    assert (rows[0]["mark"], rows[0]["max"], rows[0]["not marked because"]) == ("2", "6", "")
    assert "Inmates of the gulags were released" in rows[0]["points credited"]
    assert rows[1]["mark"] == "" and rows[1]["not marked because"].startswith("no question 99")
    assert (rows[2]["mark"], rows[2]["not marked because"]) == ("", "empty answer")
    again = runner.invoke(app, ["--db", str(db), "mark", "--csv", str(answers), "-o", str(book)])
    assert again.exit_code == 1
    assert again.stderr == (
        f"error: {book} exists; choose another file or pass --force to replace it\n"
    )
    cli(db, "mark", "--csv", str(answers), "-o", str(book), "--force", code=1)


def test_a_quote_left_open_in_a_class_csv_costs_one_row(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    answers = tmp_path / "class.csv"
    answers.write_text(
        "student,question,answer\n"
        'A1,6,"He closed the ministries in 1957.\n'
        "A2,6,He set up 150 sovnarkhozy.\n"
        "A3,6,He scrapped the Fifth Plan.\n",
        encoding="utf-8",
    )
    book = tmp_path / "marks.csv"
    out = cli(db, "mark", "--csv", str(answers), "-o", str(book), code=1)
    assert out == (
        f"Marked 2 of 3 rows; 1 not marked (see the column 'not marked because'); wrote {book}.\n"
    )
    rows = mark_book(book)
    assert [(r["student"], r["answer"], r["line"], r["mark"]) for r in rows] == [
        ("A1", '"He closed the ministries in 1957.', "2", ""),
        ("A2", "He set up 150 sovnarkhozy.", "3", "1"),  # the notes' 150 councils
        ("A3", "He scrapped the Fifth Plan.", "4", "1"),
    ]
    assert rows[0]["not marked because"] == (
        "unclosed quote: a quote that opens a field on this line is not closed, so the line "
        "was read as a row of its own"
    )
    assert rows[2]["points credited"] == "Stalin’s Fifth Five Year Plan was scrapped"


def test_a_row_with_more_fields_than_the_header_is_kept_whole_and_not_marked(
    tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    answers = tmp_path / "class.csv"
    answers.write_text(
        "student,question,answer\nA1,6,He set up, 105 sovnarkhozy, in 1957\n", encoding="utf-8"
    )
    book = tmp_path / "marks.csv"
    cli(db, "mark", "--csv", str(answers), "-o", str(book), code=1)
    [row] = mark_book(book)
    assert (row["answer"], row["mark"], row["not marked because"]) == (
        "He set up, 105 sovnarkhozy, in 1957",
        "",
        "too many fields: 5, where the header has 3 (an answer with commas in it must be in "
        "quotes)",
    )


def test_an_answer_of_any_length_is_marked_on_its_first_20000_characters(
    tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    long = "He scrapped the Fifth Plan. " * 5_000  # over the csv module's 131,072 limit
    answers = tmp_path / "class.csv"
    answers.write_text(f"student,question,answer\nA1,6,{long}\n", encoding="utf-8")
    book = tmp_path / "marks.csv"
    result = runner.invoke(app, ["--db", str(db), "mark", "--csv", str(answers), "-o", str(book)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Marked 1 of 1 row; wrote {book}.\n"
    assert result.stderr == (
        f"warning: {answers}, line 2: the answer is 140,000 characters long; only the first "
        "20,000 are marked (the mark book keeps it whole)\n"
    )
    text = book.read_bytes().decode("utf-8")
    assert f"\r\nA1,6,{long},1,6,Stalin’s Fifth Five Year Plan was scrapped," in text
    assert ",the answer is 140,000 characters long; only the first 20,000 were marked;" in (
        text.replace('"', "")
    )


def test_a_cp1252_csv_with_semicolons_and_a_capitalised_header(
    tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    answers = tmp_path / "class.csv"
    answers.write_bytes(
        "Student;Question;Answer\nann;6;Stalin’s Fifth Plan was scrapped, in 1957\n".encode(
            "cp1252"
        )
    )
    book = tmp_path / "marks.csv"
    result = runner.invoke(app, ["--db", str(db), "mark", "--csv", str(answers), "-o", str(book)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"warning: {answers}, line 2: the file is not UTF-8 (byte 0x92 here); read this line as "
        "Windows-1252: check its quotes and accents, or save the file as UTF-8\n"
    )
    # Written as it came (semicolons), with a byte-order mark so the spreadsheet reads the ’.
    lines = book.read_text(encoding="utf-8").splitlines()
    assert lines[0] == (
        "\ufeffStudent;Question;Answer;mark;max;points credited;feedback;line;not marked because"
    )
    assert lines[1].startswith("ann;6;Stalin’s Fifth Plan was scrapped, in 1957;1;6;")


def test_the_separator_can_be_given_and_a_header_without_the_columns_is_explained(
    tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    tabs = tmp_path / "class.tsv"
    tabs.write_text("student\tquestion\tanswer\nann\t6\tHe scrapped the Fifth Plan.\n")
    book = tmp_path / "marks.csv"
    out = cli(db, "mark", "--csv", str(tabs), "-o", str(book), "--delimiter", "tab")
    assert out == f"Marked 1 of 1 row; wrote {book}.\n"
    for args, message in [
        (
            ["--csv", str(tabs), "-o", "x.csv", "--delimiter", ";"],
            f"{tabs}, line 1: the header has no column 'student', 'question', 'answer' (split "
            "at semicolons, as --delimiter says, its columns are 'student\\tquestion\\tanswer'); "
            "the answers need columns named student, question and answer, separated by commas, "
            "semicolons or tabs, or by the separator given with --delimiter",
        ),
        (
            ["--csv", str(tabs), "-o", "x.csv", "--delimiter", "|"],
            "--delimiter '|' is not a separator pastpaper reads; give ',', ';' or 'tab'",
        ),
        (["3", "--answer", "x", "--delimiter", ";"], "--delimiter goes with --csv ANSWERS.csv"),
    ]:
        result = runner.invoke(app, ["--db", str(db), "mark", *args])
        assert (result.exit_code, result.stderr) == (1, f"error: {message}\n")


#: The first bytes of a PNG picture: its signature and the start of its header chunk.
PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def test_the_mark_book_is_never_written_over_the_answers_or_the_database(
    tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    answers = tmp_path / "class.csv"
    answers.write_text("student,question,answer\nann,6,x\n", encoding="utf-8")
    picture = tmp_path / "chart.png"
    picture.write_bytes(PNG_HEAD)
    for target, force, message in [
        (answers, True, f"{answers} is the file being read (class.csv); write to another file"),
        (db, True, f"{db} is the database in use; write to another file"),
        (
            picture,
            True,
            f"{picture} is not a CSV file, so it is left as it is (even with --force); "
            "write to another file",
        ),
        (
            tmp_path / "no" / "marks.csv",
            False,
            f"{tmp_path / 'no' / 'marks.csv'}: cannot write: the folder {tmp_path / 'no'} "
            "does not exist",
        ),
    ]:
        args = ["--db", str(db), "mark", "--csv", str(answers), "-o", str(target)]
        result = runner.invoke(app, args + ["--force"] * force)
        assert (result.exit_code, result.stderr) == (1, f"error: {message}\n")
    assert answers.read_text(encoding="utf-8") == "student,question,answer\nann,6,x\n"
    assert picture.read_bytes() == PNG_HEAD


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
        "not_marked",
    }
    assert (result["dataset"], result["split"], result["n"]) == ("seed-khrushchev", "spec", 16)
    assert result["not_marked"] == 0
    assert result["mae"] <= 1.0
    no_notes = runner.invoke(app, ["--db", str(tmp_path / "bank.db"), "eval", str(data)])
    assert (
        no_notes.exit_code == 1 and "give the notes that answer it with --notes" in no_notes.stderr
    )


def test_command_modules_import_only_the_shared_parts_of_the_cli() -> None:
    """No circle: a command module imports options and render, never another command."""
    import ast

    import pastpaper.cli

    folder = Path(pastpaper.cli.__file__).parent
    shared = {"pastpaper.cli.options", "pastpaper.cli.render"}
    for path in sorted(folder.glob("*.py")):
        if path.name == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module is not None
        } | {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        from_cli = {name for name in imported if name.startswith("pastpaper.cli")}
        allowed = shared - {f"pastpaper.cli.{path.stem}"}  # render imports neither
        if path.stem == "render":
            allowed = set()
        assert from_cli <= allowed, (path.name, from_cli)


def test_a_course_with_no_questions_says_so_rather_than_no_questions_yet(
    db_url: str, seed_path: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "wall.txt"
    notes.write_text("The Berlin Wall.\n\nThe wall went up in August 1961.\n", encoding="utf-8")
    cli(db_url, "import", str(seed_path))
    cli(db_url, "import", str(notes))
    out = " ".join(cli(db_url, "questions", "--course", "the-berlin-wall").split())
    assert out.startswith("No questions in course 'the-berlin-wall': its notes had no")
    assert "No questions yet" not in out


def test_import_counts_the_lines_of_notes_written_as_lists(db_url: str, tmp_path: Path) -> None:
    """A list of bullets is one paragraph: the count says how many lines it holds, so four
    paragraphs of 63 bullets do not read as notes lost."""
    notes = tmp_path / "kett.txt"
    notes.write_text(
        "Kett's rebellion, 1549.\n\n4: Kett\n\n2016: Why did Kett rebel in 1549? (6)\n\n"
        "- enclosure took common grazing\n- rents rose\n- Somerset's commissions raised hopes\n",
        encoding="utf-8",
    )
    out = cli(db_url, "import", str(notes))
    assert out.rstrip().endswith("1 question, 1 notes paragraph (3 lines)")
