"""The mark book's reader and writer: every record of the answers gives one row, in order,
and no student's answer ends up on another student's row, whatever the CSV looks like.

These run without the embedding model; tests/test_cli.py marks CSVs end to end.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pastpaper.errors import InputError, PastpaperError, SettingsError
from pastpaper.marking import MAX_ANSWER_CHARS
from pastpaper.marking.markbook import (
    ADDED_COLUMNS,
    Outcome,
    mark_book_text,
    parse_delimiter,
    read_mark_book,
)

HEADER = b"student,question,answer\n"


def rows_of(data: bytes, delimiter: str | None = None) -> list[tuple[int, str, str, str]]:
    """(line, student, answer, the first words of the reason) for each row read."""
    sheet, _ = read_mark_book(data, "answers.csv", delimiter)
    return [(r.line, r.student, r.answer, " ".join(r.problem.split()[:2])) for r in sheet.rows]


# -- records ------------------------------------------------------------------------------


def test_a_quote_left_open_costs_its_own_line_and_no_one_elses_answer() -> None:
    data = HEADER + (
        b'A1,6,"He closed the ministries in 1957.\n'
        b"A2,6,He set up 150 sovnarkhozy.\n"
        b"A3,6,He scrapped the Fifth Plan.\n"
    )
    assert rows_of(data) == [
        (2, "A1", '"He closed the ministries in 1957.', "unclosed quote:"),
        (3, "A2", "He set up 150 sovnarkhozy.", ""),
        (4, "A3", "He scrapped the Fifth Plan.", ""),
    ]


def test_a_quote_left_open_does_not_pair_with_a_later_quoted_answer() -> None:
    data = HEADER + (
        b'A1,6,"He closed the ministries\n'
        b"A2,6,He set up sovnarkhozy.\n"
        b'A3,6,"He scrapped the Fifth Plan,\nand began a Seven Year Plan."\n'
        b'A4,6,"\nHe split the Party in two."\n'
        b'A5,6,"He wanted ""goulash communism""."\n'
    )
    assert rows_of(data) == [
        (2, "A1", '"He closed the ministries', "unclosed quote:"),
        (3, "A2", "He set up sovnarkhozy.", ""),
        (4, "A3", "He scrapped the Fifth Plan,\nand began a Seven Year Plan.", ""),
        (6, "A4", "\nHe split the Party in two.", ""),
        (8, "A5", 'He wanted "goulash communism".', ""),
    ]


def test_a_quote_left_open_before_an_answer_that_starts_on_a_new_line() -> None:
    # Read as it stands, A1's quote would close on B1's opening quote, at a line end, and
    # swallow B1's first line; the loose quote B1's last line would then hold shows it.
    data = HEADER + b'A1,6,"Left open\nB1,6,"\nx,y,[end]"\n'
    assert rows_of(data) == [
        (2, "A1", '"Left open', "unclosed quote:"),
        (3, "B1", "\nx,y,[end]", ""),
    ]


def test_a_quote_left_open_does_not_take_in_a_faulty_row_below_it() -> None:
    # Taken whole, A1's record would read cleanly and leave one faulty line (B1's last)
    # where cutting it leaves two (A1, A2); but A2 starts like a row, so A1 stops before it.
    data = HEADER + b'A1,6,"Left open\nA2,6,too, many, fields\nB1,6,"\nsecond line"\n'
    assert rows_of(data) == [
        (2, "A1", '"Left open', "unclosed quote:"),
        (3, "A2", "too, many, fields", "too many"),
        (4, "B1", "\nsecond line", ""),
    ]


def test_a_quote_left_open_with_the_question_last() -> None:
    # No line A1 runs over starts like a row (B1's question is on its next line), but the
    # loose quote taking it whole would leave behind shows the quote was left open.
    data = b'student,answer,question\nA1,"Left open,6\nB1,",\nsecond",6\n'
    assert rows_of(data) == [
        (2, "A1", '"Left open,6', "unclosed quote:"),
        (3, "B1", ",\nsecond", ""),
    ]


def test_a_well_formed_csv_is_read_as_the_csv_module_reads_it() -> None:
    text = (
        "student,question,answer,set\r\n"
        'A1,6,"Two lines,\r\nwith a comma and ""quotes""",7B\r\n'
        'A2,6,He said "no" to it,7B\r\n'
        'A3,"6","",\r\n'
        'A4,6,"\n\n",7C'
    )
    sheet, notices = read_mark_book(text.encode(), "answers.csv")
    expected = list(csv.reader(io.StringIO(text, newline="")))
    assert [list(r.values) for r in sheet.rows] == expected[1:]
    assert [r.line for r in sheet.rows] == [2, 4, 5, 6]
    assert [r.problem for r in sheet.rows] == ["", "", "empty answer", "empty answer"]
    assert notices == []


def test_a_row_with_too_many_or_too_few_fields_is_kept_with_the_reason() -> None:
    data = HEADER + b"A1,6,He set up, 105 sovnarkhozy, in 1957\nA2,6\nA3,6,Fine\n"
    sheet, _ = read_mark_book(data, "answers.csv")
    assert [(r.values, r.problem) for r in sheet.rows] == [
        (
            ("A1", "6", "He set up, 105 sovnarkhozy, in 1957"),
            "too many fields: 5, where the header has 3 (an answer with commas in it must "
            "be in quotes)",
        ),
        (("A2", "6", ""), "too few fields: 2, where the header has 3"),
        (("A3", "6", "Fine"), ""),
    ]


def test_text_after_a_closing_quote_is_a_stray_quote() -> None:
    data = HEADER + b'A1,6,"Peaceful coexistence" was his aim\nA2,6,Fine\n'
    sheet, _ = read_mark_book(data, "answers.csv")
    assert [(r.answer, r.problem) for r in sheet.rows] == [
        (
            '"Peaceful coexistence" was his aim',  # as written, quotes and all
            "stray quote: text follows a field's closing quote; inside a field in quotes, "
            'write a quote twice ("")',
        ),
        ("Fine", ""),
    ]


def test_blank_lines_and_empty_rows_are_not_rows_but_an_empty_answer_is() -> None:
    data = b"\n" + HEADER + b"\nA1,6,   \n,,\n\t\nA2,6,Fine\n,,\n"
    assert rows_of(data) == [(4, "A1", "   ", "empty answer"), (7, "A2", "Fine", "")]


def test_an_answer_of_any_length_is_read_whole_and_its_cut_is_announced() -> None:
    long = "He set up sovnarkhozy. " * 10_000
    sheet, notices = read_mark_book(HEADER + f"A1,6,{long}\n".encode(), "answers.csv")
    assert len(long) > 131_072 > MAX_ANSWER_CHARS == 20_000
    assert sheet.rows[0].answer == long and sheet.rows[0].problem == ""
    assert [str(n) for n in notices] == [
        "answers.csv, line 2: the answer is 230,000 characters long; only the first 20,000 "
        "are marked (the mark book keeps it whole)"
    ]


# -- encodings and separators ---------------------------------------------------------------


def test_utf8_with_a_byte_order_mark_cp1252_and_utf16_are_read() -> None:
    text = "student,question,answer\nA1,6,Stalin’s statues came down\n"
    for data, warning in [
        (text.encode("utf-8"), None),
        (text.encode("utf-8-sig"), None),
        (
            text.encode("cp1252"),
            "answers.csv, line 2: the file is not UTF-8 (byte 0x92 here); read this line as "
            "Windows-1252: check its quotes and accents, or save the file as UTF-8",
        ),
        (
            text.encode("utf-16"),
            "answers.csv: the file is UTF-16, not UTF-8; it was read as UTF-16",
        ),
    ]:
        sheet, notices = read_mark_book(data, "answers.csv")
        assert sheet.rows[0].answer == "Stalin’s statues came down"
        assert [str(n) for n in notices] == ([] if warning is None else [warning])
        # The mark book gets a byte-order mark unless the answers were plain UTF-8, so a
        # spreadsheet reads its accents as it read the answers'.
        assert sheet.byte_order_mark == (data != text.encode("utf-8"))


def test_binary_or_empty_files_are_refused_by_name() -> None:
    with pytest.raises(InputError, match=r"^marks.xlsx: the file is not a CSV file of text"):
        read_mark_book(b"PK\x03\x04\x00\x00\x00\x00\x08\x00", "marks.xlsx")
    with pytest.raises(
        InputError,
        match=r"^answers.csv, line 3: the file is not a CSV file of text \(it holds a NUL",
    ):
        read_mark_book(HEADER + b"A1,6,Fine\nA2,6,He den\x00ounced Stalin\n", "answers.csv")
    with pytest.raises(InputError, match=r"^answers.csv: the file is empty; a mark book needs"):
        read_mark_book(b"\r\n \n", "answers.csv")


def test_the_separator_is_found_from_the_header() -> None:
    assert rows_of(b"student;question;answer\nA1;6;He set up sovnarkhozy, in 1957\n") == [
        (2, "A1", "He set up sovnarkhozy, in 1957", "")
    ]
    assert rows_of(b"Student\tQuestion\tAnswer\nA1\t6\tHe; they\n") == [(2, "A1", "He; they", "")]
    assert rows_of(b"student;question;answer\nA1;6;x,y\n", ";") == [(2, "A1", "x,y", "")]


def test_a_header_without_the_columns_says_what_it_found_and_how_to_give_the_separator() -> None:
    with pytest.raises(InputError) as error:
        read_mark_book(b"name|question|text\nann|3|x\n", "answers.csv")
    assert str(error.value) == (
        "answers.csv, line 1: the header has no column 'student', 'question', 'answer' (split "
        "at commas, its columns are 'name|question|text'); the answers need columns named "
        "student, question and answer, separated by commas, semicolons or tabs, or by the "
        "separator given with --delimiter"
    )
    with pytest.raises(InputError) as error:
        read_mark_book(b"student;question;answer\nA1;6;x\n", "answers.csv", "\t")
    assert str(error.value).startswith(
        "answers.csv, line 1: the header has no column 'student', 'question', 'answer' (split "
        "at tabs, as --delimiter says, its columns are 'student;question;answer');"
    )
    with pytest.raises(InputError, match=r"line 2: the header has more than one column 'answer'"):
        read_mark_book(b"\nstudent,answer,question,Answer\n", "answers.csv")


def test_parse_delimiter_takes_a_comma_a_semicolon_or_a_tab() -> None:
    assert [parse_delimiter(t) for t in [",", ";", "tab", "TAB", "\\t", "\t"]] == [
        ",",
        ";",
        "\t",
        "\t",
        "\t",
        "\t",
    ]
    with pytest.raises(SettingsError, match=r"--delimiter '\|' is not a separator"):
        parse_delimiter("|")


# -- writing ----------------------------------------------------------------------------------


def test_the_mark_book_has_the_answers_columns_once_then_its_own() -> None:
    data = b"Student , QUESTION,Answer,set,Mark\nA1,6,x,7B,3\nA2,6,,7B,\n"
    sheet, notices = read_mark_book(data, "answers.csv")
    outcomes = [Outcome(2, 6, "a point", "missed: b"), Outcome(reason="empty answer")]
    assert mark_book_text(sheet, outcomes) == (
        "Student , QUESTION,Answer,set,mark,max,points credited,feedback,line,"
        "not marked because\r\n"
        "A1,6,x,7B,2,6,a point,missed: b,2,\r\n"
        "A2,6,,7B,,,,,3,empty answer\r\n"
    )
    assert [str(n) for n in notices] == [
        "answers.csv, line 1: the column Mark of the answers are written afresh in the mark "
        "book (it adds columns of those names)"
    ]


# -- properties -------------------------------------------------------------------------------

#: Line ends a spreadsheet or an editor writes between records.
ENDS = st.sampled_from(["\n", "\r\n"])
#: Pieces of answers, by encoding (cp1252's é never reads as UTF-8 next to ASCII): what a
#: CSV must quote, in every place, the start of an answer too.
PIECES = {
    "utf-8": ["ab", " ", "é’—中", ",", ";", "\t", '"', '""', "'", "\n", "\r\n", "\r", "."],
    "utf-8-sig": ["ab", " ", "é’—", ",", ";", "\t", '"', "'", "\n", "\r\n", "."],
    "utf-16": ["ab", " ", "é’—中", ",", ";", "\t", '"', "'", "\n", "\r\n", "."],
    "cp1252": ["ab", " ", "é", ",", ";", "\t", '"', "'", "\n", "\r\n", "."],
}
FAULTS = {
    "unclosed": "unclosed quote:",
    "stray": "stray quote:",
    "extra": "too many fields:",
    "missing": "too few fields:",
}


@dataclass(frozen=True)
class Made:
    """A record as the generator wrote it: its kind, its first line, its tags, its values."""

    kind: str
    line: int
    tags: tuple[str, ...]
    values: tuple[str, ...]


def field(value: str, delimiter: str, quote: bool) -> str:
    if quote or any(c in value for c in (delimiter, '"', "\r", "\n")):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def answer_files(draw: st.DrawFn) -> tuple[bytes, str | None, list[Made]]:
    """A CSV file of answers, with the records it was made of; some are faulty on purpose."""
    encoding = draw(st.sampled_from(sorted(PIECES)))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    extras = draw(st.lists(st.sampled_from(["set", "notes", "term"]), unique=True, max_size=2))
    kinds = draw(st.lists(st.sampled_from(["good", "good", "good", *FAULTS]), max_size=8))
    columns = draw(st.permutations(["student", "answer", *extras]))
    # Where a quote is left open, the reader's guarantee needs the question, a number, before
    # the columns that may hold line breaks (see pastpaper.marking.markbook): as in most mark books.
    left_open = "unclosed" in kinds
    latest = 1 if columns[0] == "student" else 0
    columns.insert(draw(st.integers(0, latest if left_open else len(columns))), "question")
    questions = ["6", "12", "99"] if left_open else ["6", "12", "x"]
    width = len(columns)
    spelt = [draw(st.sampled_from([c, c.upper(), c.title(), f" {c} "])) for c in columns]
    clean = st.text(alphabet="ab é", max_size=8)
    parts = [draw(st.sampled_from(["", "\n"])), delimiter.join(spelt), draw(ENDS)]
    made: list[Made] = []
    for number, kind in enumerate(kinds):
        tags = (f"[s{number}]", f"[a{number}]")
        one_line = kind != "good"
        pieces = draw(st.lists(st.sampled_from(PIECES[encoding]), max_size=8))
        at = draw(st.integers(0, len(pieces)))
        # An answer that starts with what must be quoted is where a quote left open above
        # could close and go unnoticed: make it common.
        lead = draw(st.sampled_from(["", "", "\n", "\r\n", '"', delimiter]))
        text, at = lead + "".join(pieces), len(lead + "".join(pieces[:at]))
        if one_line:
            text = re.sub(r'[\r\n"]', " ", text)
        values = {
            "student": tags[0],
            "question": draw(st.sampled_from(questions)),
            "answer": text[:at] + tags[1] + text[at:],
        }
        for extra in extras:
            values[extra] = "x" + draw(clean) + f"[{extra}{number}]"
        ordered = [values[c] for c in columns]
        written = [field(v, delimiter, draw(st.integers(0, 3)) == 0) for v in ordered]
        answer = columns.index("answer")
        if kind == "unclosed":
            # Everything after the opening quote is the rest of the line, delimiters and all.
            rest = [re.sub(r'[\r\n"]', " ", v) for v in ordered[answer:]]
            written = [*written[:answer], '"' + delimiter.join(rest)]
        elif kind == "stray":
            cut = draw(st.integers(0, len(values["answer"])))
            inside, outside = values["answer"][:cut], values["answer"][cut:]
            written[answer] = f'"{inside}"{outside.lstrip(delimiter) or "z"}'
        elif kind == "extra":
            written += [field(draw(clean) + "x", delimiter, False)] * draw(st.integers(1, 2))
        elif kind == "missing":
            written = written[: draw(st.integers(1, width - 1))]
        line = 1 + len(re.findall(r"\r\n|\r|\n", "".join(parts)))
        parts.append(delimiter.join(written))
        made.append(Made(kind, line, (*tags, *(f"[{e}{number}]" for e in extras)), tuple(ordered)))
        parts.append(draw(ENDS))
        if draw(st.integers(0, 4)) == 0:  # a blank line, or a row of empty fields
            parts += [draw(st.sampled_from(["", delimiter * (width - 1)])), draw(ENDS)]
    if draw(st.booleans()):
        parts.pop()  # no line end after the last record
    text = "".join(parts)
    data = text.encode(encoding)
    given = draw(st.sampled_from([None, delimiter]))
    return data, given, made


@settings(max_examples=int(os.environ.get("PASTPAPER_FUZZ_EXAMPLES", "500")), deadline=None)
@given(answer_files())
def test_every_record_gives_one_row_holding_its_own_answer(
    case: tuple[bytes, str | None, list[Made]],
) -> None:
    data, delimiter, made = case
    sheet, _ = read_mark_book(data, "answers.csv", delimiter)
    assert [row.line for row in sheet.rows] == [m.line for m in made]
    for row, record in zip(sheet.rows, made, strict=True):
        assert len(row.values) == len(sheet.header)
        if record.kind == "good":
            assert (row.values, row.problem) == (record.values, "")
        else:
            assert row.problem.startswith(FAULTS[record.kind])
        others = {tag for m in made if m is not record for tag in m.tags}
        assert not [tag for tag in others if any(tag in value for value in row.values)]
    # Written out and read back, the mark book holds the same rows.
    outcomes = [Outcome(reason=row.problem) for row in sheet.rows]
    book, _ = read_mark_book(mark_book_text(sheet, outcomes).encode(), "marks.csv")
    kept = len(sheet.header) - sum(1 for n in sheet.header if n.strip().lower() in ADDED_COLUMNS)
    assert [row.values[:kept] for row in book.rows] == [row.values for row in sheet.rows]
    assert [row.values[-2:] for row in book.rows] == [
        (str(row.line), row.problem) for row in sheet.rows
    ]


csv_like = st.text(alphabet='student,question;answer\t"\n\r aé’\x00\ufeff', max_size=300)


@settings(max_examples=int(os.environ.get("PASTPAPER_FUZZ_EXAMPLES", "500")), deadline=None)
@given(
    st.one_of(
        st.binary(max_size=600),
        st.tuples(csv_like, st.sampled_from(["utf-8", "utf-16", "utf-16-le"])).map(
            lambda pair: pair[0].encode(pair[1])
        ),
        csv_like.map(lambda text: ("student,question,answer\n" + text).encode()),
    ),
    st.sampled_from([None, ",", ";", "\t"]),
)
def test_any_bytes_are_read_or_refused_with_a_message(data: bytes, delimiter: str | None) -> None:
    try:
        sheet, _ = read_mark_book(data, "answers.csv", delimiter)
    except PastpaperError:
        return
    assert all(len(row.values) == len(sheet.header) for row in sheet.rows)
    assert [row.line for row in sheet.rows] == sorted({row.line for row in sheet.rows})
