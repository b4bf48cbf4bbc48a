"""The mark book: a class's answers in a CSV file, and one row out for every record in.

``read_mark_book(data, name)`` reads the answers strictly against the header;
``mark_sheet`` marks the rows that can be marked and gives the reason for each one that
cannot; ``mark_book_text`` writes the mark book. Reading and writing are pure (bytes in,
text out), so they can be tested on any input without the embedding model.

Reading
-------
The file may be UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark, or
Windows-1252 (with a warning). Its columns are separated by commas, semicolons or tabs: the
one of the three under which the header names the columns ``student``, ``question`` and
``answer`` (in any case, with spaces around them or not), unless the caller gives it.
Blank lines, and rows with nothing in any field (spreadsheets write them below the data),
are left out; every other record gives one row.

A record is read as CSV has it (RFC 4180): a field in double quotes may hold the separator,
line ends and quotes written twice (``""``); a quote inside a field that is not in quotes is
kept as it stands. A quote left open looks just like a field in quotes that runs over line
ends, and would swallow the rows below it, so a record that runs over a line end is taken
only if

1. it reads cleanly: its quotes close where its fields end, no quote is loose inside a
   field, and it has the header's number of fields;
2. none of the lines it runs over starts like a row: plain fields (no quotes, or quotes
   around them only) up to the question column, and a whole number there;
3. it leaves the rest of the file with fewer records that do not read cleanly than cutting
   it would (a quote left open that closes on a later row's opening quote leaves that
   row's closing quote loose).

Otherwise its first line is a row of its own, not marked because of the unclosed quote,
and reading starts again on the next line. So a file whose quotes all close is read as any
CSV reader reads it, unless a line inside an answer starts like a row (prose with a bare
number where the question column falls). When the question column comes before the answer
(as in ``student,question,answer``), a quote left open costs its own row and never takes
in another's; when it comes after, it still could in a rare file: the row below has a
field in quotes, before its question, that starts with a line break or the separator, and
the lines between hold other faults.

A row is not marked, with its reason, when its quote is left open (as above), when text
follows a field's closing quote, when it has more or fewer fields than the header (more:
the extra fields are kept in its last column, joined by the separator), when its answer is
empty, or (found when marking) when its question is not in the bank. A faulty field (a
quote left open, text after a closing quote) is kept as written, quotes and all. An answer
longer than ``MAX_ANSWER_CHARS`` is marked on its first ``MAX_ANSWER_CHARS`` characters,
with a warning; the mark book keeps it whole.

>>> data = b'student,question,answer\\nA1,6,"Left open\\nA2,6,Fine\\n'
>>> sheet, notices = read_mark_book(data, "s")
>>> [(row.line, row.student, row.problem[:14]) for row in sheet.rows]
[(2, 'A1', 'unclosed quote'), (3, 'A2', '')]
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pastpaper.errors import InputError, NotFound, NothingToMark, Notice, SettingsError
from pastpaper.ingest.sources import decode_text
from pastpaper.marking import MAX_ANSWER_CHARS

if TYPE_CHECKING:
    from pastpaper.marking import Marking
    from pastpaper.schemes.scheme import MarkScheme

    #: What marking an answer gave: its marking, or why its question cannot be marked.
    Marked = Marking | NothingToMark

__all__ = [
    "ADDED_COLUMNS",
    "ANSWER_COLUMNS",
    "DELIMITERS",
    "AnswerSheet",
    "MarkBookReport",
    "Outcome",
    "Row",
    "mark_book_text",
    "mark_sheet",
    "outcome_of",
    "parse_delimiter",
    "read_mark_book",
    "scheme_or_reason",
]

#: The columns a class's answers must have, and the ones the mark book adds after them.
ANSWER_COLUMNS = ("student", "question", "answer")
ADDED_COLUMNS = ("mark", "max", "points credited", "feedback", "line", "not marked because")
#: The separators a CSV may use, as messages name them.
DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}

_QUOTE = '"'
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Row:
    """One record of the answers: its first line, its fields (as many as the header has) and,
    when it cannot be marked as it stands, why."""

    line: int
    values: tuple[str, ...]
    student: str
    question: str
    answer: str
    problem: str = ""


@dataclass(frozen=True)
class AnswerSheet:
    """A class's answers as read: the header as written, its separator, and every row."""

    name: str
    header: tuple[str, ...]
    delimiter: str
    rows: tuple[Row, ...]
    #: Written before the mark book when the answers were not plain UTF-8, so that the
    #: spreadsheet that saved them reads the mark book's accents right.
    byte_order_mark: bool = False


@dataclass(frozen=True)
class Outcome:
    """What the mark book says of one row: its mark, or why it was not marked."""

    mark: int | None = None
    max_marks: int | None = None
    credited: str = ""
    feedback: str = ""
    reason: str = ""


@dataclass(frozen=True)
class MarkBookReport:
    """What marking a CSV did: rows read, rows marked, and warnings for the user."""

    rows: int
    marked: int
    notices: list[Notice] = field(default_factory=list)

    @property
    def not_marked(self) -> int:
        return self.rows - self.marked


def parse_delimiter(text: str) -> str:
    """The separator given as ``,``, ``;``, ``tab`` or ``\\t`` (a tab typed as it is, too).

    >>> parse_delimiter("tab") == parse_delimiter("\\\\t") == "\\t"
    True
    """
    value = {"tab": "\t", "\\t": "\t"}.get(text.strip().lower(), text)
    if value not in DELIMITERS:
        raise SettingsError(
            f"--delimiter {text!r} is not a separator pastpaper reads; give ',', ';' or 'tab'"
        )
    return value


# -- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Record:
    fields: list[str]
    end: int  # the offset just past the record's line end
    problem: str = ""  # "", "unclosed" or "stray"
    #: For each field: are its quotes as RFC 4180 has them (none, or around it only)?
    plain: list[bool] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        return not self.problem and not any(value.strip() for value in self.fields)


def _stop(delimiter: str) -> re.Pattern[str]:
    """What ends a field: the separator (group 1) or a line end."""
    return re.compile(f"({re.escape(delimiter)})|\r\n|\r|\n")


def _quoted(text: str, at: int) -> tuple[str, int, bool]:
    """The field in quotes whose text starts at ``at``: its value, where it stops, closed?"""
    parts = []
    while True:
        close = text.find(_QUOTE, at)
        if close < 0:
            parts.append(text[at:])
            return "".join(parts), len(text), False
        parts.append(text[at:close])
        if text.startswith(_QUOTE, close + 1):
            parts.append(_QUOTE)
            at = close + 2
        else:
            return "".join(parts), close + 1, True


def _read_record(text: str, at: int, stop: re.Pattern[str]) -> _Record:
    """The record that starts at ``at``, read as RFC 4180 has it. A faulty field (its quote
    left open, or text after its closing quote) is kept exactly as written, quotes and all,
    so the mark book shows what the student wrote."""
    fields: list[str] = []
    plain: list[bool] = []
    problem = ""
    while True:
        if text.startswith(_QUOTE, at):
            begin = at
            value, at, closed = _quoted(text, at + 1)
            if not closed:
                fields.append(text[begin:])
                plain.append(False)
                return _Record(fields, len(text), "unclosed", plain)
            found = stop.search(text, at)
            cut = found.start() if found else len(text)
            plain.append(cut == at)
            if cut > at:
                problem = problem or "stray"
                value = text[begin:cut]
        else:
            found = stop.search(text, at)
            value = text[at : found.start() if found else len(text)]
            plain.append(_QUOTE not in value)
        fields.append(value)
        if found is None:
            return _Record(fields, len(text), problem, plain)
        at = found.end()
        if found.group(1) is None:
            return _Record(fields, at, problem, plain)


@dataclass(frozen=True)
class _Lines:
    """Where each line of the text starts, and where its text ends (before its line end)."""

    starts: list[int]
    ends: list[int]
    numbers: dict[int, int]  # the line that starts at an offset

    @classmethod
    def of(cls, text: str) -> _Lines:
        starts, ends = [0], []
        for found in _LINE_END.finditer(text):
            ends.append(found.start())
            starts.append(found.end())
        ends.append(len(text))
        if starts[-1] == len(text) and len(starts) > 1:  # nothing after the last line end
            starts.pop()
            ends.pop()
        return cls(starts, ends, {start: number for number, start in enumerate(starts)})

    def after(self, record: _Record) -> int:
        """The line after the record (the line count when it runs to the end)."""
        return self.numbers.get(record.end, len(self.starts))


def read_mark_book(
    data: bytes, name: str, delimiter: str | None = None
) -> tuple[AnswerSheet, list[Notice]]:
    """Read a class's answers from the bytes of a CSV file; see the module's docstring.

    Raises InputError (naming ``name`` and the line) only when the file as a whole cannot be
    read: not text, empty, or a header without the columns student, question and answer.
    Every record under the header becomes a row, whatever is wrong with it.
    """
    text, notices, byte_order_mark = _decode(data, name)
    lines = _Lines.of(text)
    first = next(
        (i for i, start in enumerate(lines.starts) if text[start : lines.ends[i]].strip()), None
    )
    if first is None:
        raise InputError(
            "the file is empty; a mark book needs a header line naming the columns "
            "student, question and answer, and a line for each answer",
            name,
        )
    # The header is one line: a quote left open in it must not take in the rows below.
    delimiter, header = _header(
        text[lines.starts[first] : lines.ends[first]], name, first + 1, delimiter
    )
    names = [value.strip().lower() for value in header.fields]
    where = {column: names.index(column) for column in ANSWER_COLUMNS}
    rows = []
    width = len(names)
    for line, record in _records(
        text, lines, first + 1, width, where["question"], _stop(delimiter)
    ):
        row = _row(record, line, width, where, delimiter)
        if not row.problem and len(row.answer) > MAX_ANSWER_CHARS:
            notices.append(
                Notice(
                    f"the answer is {len(row.answer):,} characters long; only the first "
                    f"{MAX_ANSWER_CHARS:,} are marked (the mark book keeps it whole)",
                    name,
                    line,
                )
            )
        rows.append(row)
    replaced = [value.strip() for value in header.fields if value.strip().lower() in ADDED_COLUMNS]
    if replaced:
        notices.append(
            Notice(
                f"the column{'s' if len(replaced) > 1 else ''} {', '.join(replaced)} of the "
                "answers are written afresh in the mark book (it adds columns of those names)",
                name,
                first + 1,
            )
        )
    sheet = AnswerSheet(name, tuple(header.fields), delimiter, tuple(rows), byte_order_mark)
    return sheet, notices


def _decode(data: bytes, name: str) -> tuple[str, list[Notice], bool]:
    """The text, warnings about its encoding, and whether to write a byte-order mark back."""
    try:
        text, notices = decode_text(data, name)
    except InputError:
        # Text up to a NUL past its first line: a CSV with a NUL byte in it, named by its line.
        nul = data.find(b"\x00")
        line = data.count(b"\n", 0, nul) + 1 if b"\n" in data[: max(nul, 0)] else None
        held = "a NUL byte, which text never holds" if line else "binary data"
        raise InputError(
            f"the file is not a CSV file of text (it holds {held}, or text in an encoding "
            "other than UTF-8, UTF-16 or Windows-1252); save it from the spreadsheet as CSV",
            name,
            line,
        ) from None
    if data.startswith(codecs.BOM_UTF8) or notices:
        return text, list(notices), True
    try:
        plain = data.decode("utf-8") == text
    except UnicodeDecodeError:
        plain = False
    if plain:
        return text, [], False
    return text, [Notice("the file is UTF-16, not UTF-8; it was read as UTF-16", name)], True


def _header(text: str, name: str, line: int, given: str | None) -> tuple[str, _Record]:
    """The separator and the header line read with it: the separator under which the header
    has the columns student, question and answer, or else an error naming the columns."""
    candidates = [given] if given is not None else list(DELIMITERS)
    reads = {d: _read_record(text, 0, _stop(d)) for d in candidates}
    for delimiter, record in reads.items():
        names = [value.strip().lower() for value in record.fields]
        if not record.problem and all(column in names for column in ANSWER_COLUMNS):
            doubled = [column for column in ANSWER_COLUMNS if names.count(column) > 1]
            if doubled:
                raise InputError(
                    f"the header has more than one column '{doubled[0]}'; keep one, or rename "
                    "the others",
                    name,
                    line,
                )
            return delimiter, record
    # None fits: show the columns as the likeliest separator splits them.
    delimiter = max(candidates, key=lambda d: len(reads[d].fields))
    record = reads[delimiter]
    if record.problem:
        raise InputError(
            "the header line has a quote that is not closed, or text after a closing quote; "
            "write it as student,question,answer",
            name,
            line,
        )
    names = [value.strip().lower() for value in record.fields]
    missing = [column for column in ANSWER_COLUMNS if column not in names]
    found = ", ".join(repr(value.strip()) for value in record.fields)
    told = ", as --delimiter says" if given is not None else ""
    raise InputError(
        f"the header has no column {', '.join(repr(m) for m in missing)} (split at "
        f"{DELIMITERS[delimiter]}s{told}, its columns are {found}); the answers need columns "
        "named student, question and answer, separated by commas, semicolons or tabs, or by "
        "the separator given with --delimiter",
        name,
        line,
    )


def _records(
    text: str, lines: _Lines, first: int, width: int, question: int, stop: re.Pattern[str]
) -> list[tuple[int, _Record]]:
    """The records from line ``first`` on, with their first lines, blanks left out.

    Each line is either the start of a record read as it stands or a faulty record of its
    own; a record over several lines is taken only where the module's docstring says. The
    lines are decided from the last one up, as each decision looks at what follows.
    """
    count = len(lines.starts)
    alone = [_read_record(text[lines.starts[i] : lines.ends[i]], 0, stop) for i in range(count)]
    starts_row = [_starts_row(record, question) for record in alone]
    taken: list[tuple[_Record, int]] = [(record, i + 1) for i, record in enumerate(alone)]
    # faults[i]: how many records that do not read cleanly the text from line i is read as.
    faults = [0] * (count + 1)
    for i in range(count - 1, first - 1, -1):
        faults[i] = faults[i + 1] + (0 if _clean(alone[i], width) else 1)
        if alone[i].problem == "unclosed" and i + 1 < count:
            # The line ends inside quotes: read on, and take the longer record if it passes.
            whole = _read_record(text, lines.starts[i], stop)
            after = lines.after(whole)
            if (
                _clean(whole, width)
                and not any(starts_row[i + 1 : after])
                and faults[after] < faults[i]
            ):
                taken[i] = (whole, after)
                faults[i] = faults[after]
    records = []
    i = first
    while i < count:
        record, following = taken[i]
        if not record.blank:
            records.append((i + 1, record))
        i = following
    return records


def _clean(record: _Record, width: int) -> bool:
    """A record read as RFC 4180 has it, with the header's number of fields (or blank)."""
    return record.blank or (
        not record.problem and len(record.fields) == width and all(record.plain)
    )


def _starts_row(record: _Record, question: int) -> bool:
    """Whether a line read on its own starts like a row: plain fields (no quotes, or quotes
    around them only) up to the question, and a whole number as the question."""
    return (
        len(record.fields) > question
        and all(record.plain[: question + 1])
        and record.fields[question].strip().isascii()
        and record.fields[question].strip().isdigit()
    )


def _row(record: _Record, line: int, width: int, where: dict[str, int], delimiter: str) -> Row:
    fields = record.fields
    values = fields[:width] + [""] * (width - len(fields))
    if len(fields) > width:
        values[-1] = delimiter.join(fields[width - 1 :])
    student, question, answer = (values[where[column]] for column in ANSWER_COLUMNS)
    if record.problem == "unclosed":
        problem = (
            "unclosed quote: a quote that opens a field on this line is not closed, so the "
            "line was read as a row of its own"
        )
    elif record.problem == "stray":
        problem = (
            "stray quote: text follows a field's closing quote; inside a field in quotes, "
            'write a quote twice ("")'
        )
    elif len(fields) != width:
        problem = (
            f"too {'many' if len(fields) > width else 'few'} fields: {len(fields)}, where the "
            f"header has {width}"
        )
        if len(fields) > width:
            problem += f" (an answer with {DELIMITERS[delimiter]}s in it must be in quotes)"
    elif not answer.strip():
        problem = "empty answer"
    else:
        problem = ""
    return Row(line, tuple(values), student, question, answer, problem)


# -- marking ---------------------------------------------------------------------------------


def mark_sheet(
    sheet: AnswerSheet,
    scheme_for: Callable[[int], MarkScheme],
    marker: Callable[[list[tuple[str, MarkScheme]], Callable[[int], None]], list[Marked]],
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> list[Outcome]:
    """Mark every row that can be marked; give the reason for every one that cannot.

    ``scheme_for`` gives a question's scheme by id (raising NotFound for an unknown one);
    ``marker`` marks answers against their schemes all at once (``pastpaper.marking.bulk``), in
    order, saying how many are done; so the model stays at the caller's edge.
    """
    schemes: dict[int, MarkScheme | str] = {}
    found = [scheme_or_reason(row, schemes, scheme_for) for row in sheet.rows]
    markable = [
        (n, (row.answer, scheme))
        for n, (row, scheme) in enumerate(zip(sheet.rows, found, strict=True))
        if not isinstance(scheme, str)
    ]
    unmarkable = len(sheet.rows) - len(markable)
    progress(unmarkable, len(sheet.rows))
    marked = (
        marker(
            [item for _, item in markable],
            lambda done: progress(unmarkable + done, len(sheet.rows)),
        )
        if markable
        else []
    )
    outcomes = [Outcome(reason=reason) if isinstance(reason, str) else None for reason in found]
    for (n, _), result in zip(markable, marked, strict=True):
        outcomes[n] = outcome_of(result)
    return [outcome for outcome in outcomes if outcome is not None]


def scheme_or_reason(
    row: Row, schemes: dict[int, MarkScheme | str], scheme_for: Callable[[int], MarkScheme]
) -> MarkScheme | str:
    """The row's scheme, or the reason it cannot be marked."""
    if row.problem:
        return row.problem
    question = row.question.strip()
    if not (question.isascii() and question.isdigit() and 0 < int(question) < 2**63):
        return f"'{question}' is not a question id (see pastpaper questions)"
    number = int(question)
    if number not in schemes:
        try:
            schemes[number] = scheme_for(number)
        except NotFound as error:
            schemes[number] = str(error)
    return schemes[number]


def outcome_of(result: Marked) -> Outcome:
    """The mark book's columns for an answer's marking (or for why it had none)."""
    if isinstance(result, NothingToMark):
        return Outcome(reason=str(result))
    feedback = list(result.warnings)
    feedback += [f"inaccurate: {i.message}" for i in result.inaccuracies]
    feedback += [f"missed: {m.point_text}" for m in result.missed[:3]]
    return Outcome(
        mark=result.mark,
        max_marks=result.max_marks,
        credited="; ".join(c.point_text for c in result.credited),
        feedback="; ".join(feedback),
    )


# -- writing ---------------------------------------------------------------------------------


def _kept_columns(header: Sequence[str]) -> list[int]:
    """The answers' columns the mark book keeps: all but those named like a column it adds."""
    return [i for i, name in enumerate(header) if name.strip().lower() not in ADDED_COLUMNS]


def mark_book_text(sheet: AnswerSheet, outcomes: Sequence[Outcome]) -> str:
    """The mark book as CSV text: the answers' columns as written, then ``ADDED_COLUMNS``;
    one row for each row of the answers, in their order, with the same separator.

    >>> sheet, _ = read_mark_book(b"Student;Question;Answer\\nA1;6;\\n", "s")
    >>> for line in mark_book_text(sheet, [Outcome(reason="empty answer")]).splitlines():
    ...     print(line)
    Student;Question;Answer;mark;max;points credited;feedback;line;not marked because
    A1;6;;;;;;2;empty answer
    """
    kept = _kept_columns(sheet.header)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=sheet.delimiter, lineterminator="\r\n")
    writer.writerow([*(sheet.header[i] for i in kept), *ADDED_COLUMNS])
    for row, outcome in zip(sheet.rows, outcomes, strict=True):
        writer.writerow(
            [
                *(row.values[i] for i in kept),
                "" if outcome.mark is None else str(outcome.mark),
                "" if outcome.max_marks is None else str(outcome.max_marks),
                outcome.credited,
                outcome.feedback,
                str(row.line),
                outcome.reason,
            ]
        )
    return ("\ufeff" if sheet.byte_order_mark else "") + buffer.getvalue()
