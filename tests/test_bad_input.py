"""Bad input: a clear message naming the file and line, never a traceback, never lost text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from pastpaper.cli import app
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.text import words

runner = CliRunner()


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty: there is nothing to import"),
        (b"  \n\n\t\n", "the file is empty: there is nothing to import"),
        (b"\x00\x01\x02binary\xff" * 50, "this is not a text file (it holds binary data)"),
        (
            b"{\\rtf1\\ansi 2010: Why did Henry break with Rome? (6)\\par Henry wanted an heir.}",
            "is a rich-text (RTF) document, which pastpaper cannot read",
        ),
    ],
    ids=["empty", "blank", "binary", "rtf"],
)
def test_unreadable_files_are_refused_with_the_file_named(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    code, out, err = run(tmp_path / "bank.db", "import", str(path))
    assert code == 1
    assert f"error: {path}: {message}" in err.replace("\n", " ")
    assert "Traceback" not in out + err


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "bank.db", "import", str(tmp_path / "nope.txt"))
    assert code == 1
    assert "nope.txt: no such file" in err


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, seed_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run(tmp_path / "bank.db", "import", str(empty), str(seed_path))
    assert code == 1
    assert "empty.txt: the file is empty" in err
    assert "1 of 2 files could not be imported." in err
    assert "Imported" in out and "7 questions" in out


def test_notes_without_questions_are_imported_as_notes_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    text = (
        "Stalin died in March 1953.\nKhrushchev spoke in 1956.\n\nThe sovnarkhozy came in 1957.\n"
    )
    path.write_text(text, encoding="utf-8")
    code, out, err = run(tmp_path / "bank.db", "import", str(path))
    assert code == 0
    assert "warning:" in err and "no past-paper questions found" in err
    assert "0 questions" in out and "2 notes paragraphs" in out
    course = read_notes(path).course
    kept = [note for topic in course.topics for f in topic.families for note in f.notes]
    assert words(" ".join(kept)) == words(text)


@pytest.mark.parametrize("marks", ["0", "999", "-3", "2.5", "1,5", "\u22124"])
def test_impossible_marks_are_reported_on_their_line_and_kept_in_the_text(
    tmp_path: Path, marks: str
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(
        f"Title\n\n2000: Why did Khrushchev fall? (5)\n2001: Why was he removed? ({marks})\n\n"
        "Cuba.\n",
        encoding="utf-8",
    )
    imported = read_notes(path)
    assert [str(n) for n in imported.notices] == [
        f"{path}, line 4: marks ({marks}) are not a whole number between 1 and 100; the "
        "question "
        f"was imported with no marks and '({marks})' kept in its text: correct it in the "
        "course file"
    ]
    question = imported.course.topics[0].families[0].questions[1]
    assert (question.marks, question.text) == (None, f"Why was he removed? ({marks})")


@pytest.mark.parametrize(
    ("lines", "written"),
    [
        (["2000: Why was he removed? [2.5 marks]"], "[2.5 marks]"),
        (["2000: Why was he removed? **(-3)**"], "(-3)"),
        (["2000: Why was he removed", "(2.5)"], "(2.5)"),
    ],
    ids=["brackets", "bold", "next-line"],
)
def test_odd_marks_written_any_way_are_reported_and_kept(lines: list[str], written: str) -> None:
    imported = parse_notes("\n".join(["Title", "", *lines, "", "Cuba."]), "notes.txt")
    [notice] = imported.notices
    assert notice.line == 2 + len(lines)
    assert notice.message == (
        f"marks {written} are not a whole number between 1 and 100; the question was imported "
        f"with no marks and '{written}' kept in its text: correct it in the course file"
    )
    [(_, _, question)] = list(imported.course.questions())
    assert question.marks is None
    assert question.text == " ".join(lines).removeprefix("2000: ")


def test_marks_of_5000_digits_are_reported_not_a_crash() -> None:
    digits = "9" * 5000
    imported = parse_notes(f"Title\n\n2000: Why did he fall? ({digits})\n\nCuba.\n")
    [notice] = imported.notices
    assert notice.message.startswith(f"marks ({'9' * 28}… are not a whole number")
    assert next(q for _, _, q in imported.course.questions()).text.endswith(f"({digits})")


def test_a_cp1252_file_is_read_with_a_warning_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    notes = "Title\n\n2000: Why did Khrushchev attack Stalin’s cult? (5)\n\nThe ‘metal eaters’.\n"
    path.write_bytes(notes.encode("cp1252"))
    imported = read_notes(path)
    assert [str(n) for n in imported.notices] == [
        f"{path}, line 3: the file is not UTF-8 (byte 0x92 here); read this line and 1 other "
        "line (5) as Windows-1252: check their quotes and accents, or save the file as UTF-8"
    ]
    question = imported.course.topics[0].families[0].questions[0]
    assert question.text == "Why did Khrushchev attack Stalin’s cult?"
    assert imported.course.topics[0].families[0].notes == ("The ‘metal eaters’.",)


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.write(b"2000: Why did Khrushchev fall? (5)\n\n")
        file.truncate(50_000_000)
    code, _, err = run(tmp_path / "bank.db", "import", str(path))
    assert code == 1
    flat = " ".join(err.split())
    assert f"{path}: the file is 50.0 MB, over the 20.0 MB limit for one notes file" in flat
    assert "--max-mb" in flat


def test_every_command_that_reads_notes_takes_the_max_mb_its_message_names(
    tmp_path: Path, seed_path: Path
) -> None:
    notes = tmp_path / "big.txt"
    notes.write_bytes(seed_path.read_bytes() + b"\n" + b" " * 1_100_000)
    answers = tmp_path / "answers.jsonl"
    first = (SHARED / "data" / "seed-answers.jsonl").read_text(encoding="utf-8").splitlines()[0]
    answers.write_text(first + "\n", encoding="utf-8")
    command = ["eval", str(answers), "--notes", str(notes), "--json"]
    small = runner.invoke(app, [*command, "--max-mb", "1"])
    assert small.exit_code == 1
    assert "raise the limit with --max-mb or PASTPAPER_MAX_MB" in " ".join(small.stderr.split())
    enough = runner.invoke(app, [*command, "--max-mb", "2"])
    assert enough.exit_code == 0, enough.output
    assert json.loads(enough.stdout)["results"][0]["n"] == 1


def test_a_folder_is_refused(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "bank.db", "import", str(tmp_path))
    assert code == 1
    assert err == f"error: {tmp_path}: is a folder; give the notes files inside it\n"


def test_a_database_that_cannot_be_created_is_reported(tmp_path: Path, seed_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, _, err = run(blocker / "bank.db", "import", str(seed_path))
    assert code == 1
    assert err == (
        f"error: {blocker} is a file, not a folder, so the database cannot be made in it; "
        "give another place with --db PATH_OR_URL\n"
    )


def test_a_bad_setting_is_named_not_a_traceback(tmp_path: Path, seed_path: Path) -> None:
    result = runner.invoke(
        app, ["--db", str(tmp_path / "bank.db"), "import", "--max-mb", "-5", str(seed_path)]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "error: the setting max_mb (--max-mb or PASTPAPER_MAX_MB) cannot be '-5': it must be a "
        "number of megabytes above 0, such as 20\n"
    )
    from_env = runner.invoke(
        app,
        ["--db", str(tmp_path / "bank.db"), "import", str(seed_path)],
        env={"PASTPAPER_MAX_MB": "lots"},
    )
    assert from_env.exit_code == 1
    assert "the setting max_mb (--max-mb or PASTPAPER_MAX_MB) cannot be 'lots'" in from_env.stderr


@pytest.mark.parametrize(
    ("variable", "value", "command", "allowed"),
    [
        ("PASTPAPER_RETENTION", "0.5", ["review"], "a number from 0.7 to 0.99, such as 0.9"),
        ("PASTPAPER_EXAM_DATE", "20/5/2027", ["progress"], "a date written YYYY-MM-DD"),
        ("PASTPAPER_MINUTES_PER_MARK", "-1", ["practise", "2", "--answer", "x"], "a number of"),
        ("PASTPAPER_MAX_MB", "lots", ["import", "notes.txt"], "a number of megabytes"),
    ],
)
def test_a_bad_setting_stops_only_the_commands_that_use_it(
    tmp_path: Path, seed_path: Path, variable: str, value: str, command: list[str], allowed: str
) -> None:
    db = str(tmp_path / "bank.db")
    assert runner.invoke(app, ["--db", db, "import", str(seed_path)]).exit_code == 0
    env = {variable: value}
    for unrelated in (["questions"], ["courses"], ["show", "2"], ["scheme", "2"]):
        result = runner.invoke(app, ["--db", db, *unrelated], env=env)
        assert result.exit_code == 0, (unrelated, result.output)
    used = runner.invoke(app, ["--db", db, *command], env=env)
    assert used.exit_code == 1
    name = variable.removeprefix("PASTPAPER_").lower()
    option = "--" + name.replace("_", "-")
    assert used.stderr.startswith(
        f"error: the setting {name} ({option} or {variable}) cannot be '{value}': it must be "
        + allowed
    ), used.stderr


def test_a_utf8_file_with_one_line_in_windows_1252_keeps_its_other_accents(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(
        "Café politics\n\n2000: Why did Khrushchev fall? (5)\n\n".encode()
        + "The ‘anti-party group’ failed.\n".encode("cp1252")
        + "Brezhnev’s café.\n".encode()
    )
    imported = read_notes(path)
    assert [str(n) for n in imported.notices] == [
        f"{path}, line 5: the file is not UTF-8 (byte 0x91 here); read this line as "
        "Windows-1252: check its quotes and accents, or save the file as UTF-8"
    ]
    assert imported.course.title == "Café politics"
    assert imported.course.topics[0].families[0].notes == (
        "The ‘anti-party group’ failed.\nBrezhnev’s café.",
    )


def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes("2000: Why did Khrushchev fall? (5)\n\nCuba.\n".encode("utf-16-le"))
    question = next(q for _, _, q in read_notes(path).course.questions())
    assert (question.year, question.marks) == (2000, 5)


def test_form_feeds_and_line_separators_stay_inside_lines(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Title\n\nOne\u2028two\x0cthree\n\n2000: Why? (0)\n\nx\n", encoding="utf-8")
    imported = read_notes(path)
    assert imported.course.topics[0].families[0].notes == ("One\u2028two\x0cthree",)
    assert [n.line for n in imported.notices] == [5]


def test_a_course_file_in_windows_1252_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_bytes("title: Khrushchev’s reforms\n".encode("cp1252"))
    imported = read_notes(path)
    assert imported.course.title == "Khrushchev’s reforms"
    assert [n.line for n in imported.notices] == [1]


def test_a_broken_pdf_gets_one_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"garbage " * 100)
    code, _, err = run(tmp_path / "bank.db", "import", str(path))
    assert code == 1
    assert err.startswith(f"error: {path}: is not a readable PDF file (")
    assert len(err.strip().splitlines()) == 1, err


def test_a_single_line_of_notes_is_kept_as_notes_not_taken_as_a_title(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    path.write_text("Stalin died in March 1953.\n", encoding="utf-8")
    course = read_notes(path).course
    assert course.title == "One line"
    assert course.topics[0].families[0].notes == ("Stalin died in March 1953.",)


def test_a_question_without_its_colon_or_closing_bracket_is_read_and_said() -> None:
    """ "2020 Why did Y happen? (8)" is a question, not a point of the notes; marks whose
    bracket is never closed are read, with a warning on their line."""
    notes = (
        "Title\n\n1: Topic\n\n2019: Describe X. (6)\n2020 Why did Y happen? (8)\n\nX and Y.\n\n"
        "2021: Why did W happen? (6 marks\n\nW happened because of V.\n\n"
        "1917 Lenin returned to Petrograd (3)\n"
    )
    imported = parse_notes(notes, "notes.txt")
    questions = [(q.year, q.text, q.marks) for _, _, q in imported.course.questions()]
    assert questions == [
        (2019, "Describe X.", 6),
        (2020, "Why did Y happen?", 8),
        (2021, "Why did W happen?", 6),
    ]
    assert [(n.line, n.message) for n in imported.notices] == [
        (10, "the marks '(6 marks' have no closing bracket; read as 6 marks")
    ]
    # A dated line of notes with a figure in brackets stays notes, every word of it.
    assert "1917 Lenin returned to Petrograd (3)" in imported.course.topics[0].families[1].notes


def test_a_lettered_part_of_a_question_on_its_own_line_is_a_question_of_that_year() -> None:
    notes = (
        "Title\n\n1: The Wars of the Roses\n\n2007: (a) Describe the Battle of Towton. (4)\n"
        "(b) Why did Edward IV win the throne in 1461? (6)\n\nTowton was fought in 1461.\n"
    )
    imported = parse_notes(notes, "notes.txt")
    questions = [
        (q.year, q.text, q.marks, q.command_word) for _, _, q in imported.course.questions()
    ]
    assert questions == [
        (2007, "(a) Describe the Battle of Towton.", 4, "describe"),
        (2007, "(b) Why did Edward IV win the throne in 1461?", 6, "why"),
    ]
    assert imported.course.topics[0].families[0].notes == ("Towton was fought in 1461.",)
