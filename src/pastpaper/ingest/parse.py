"""The grammar of revision notes: title, topic headings, question groups and their notes.

The seed format (DESIGN.md, "Input") and its Markdown form share one grammar:

    Khrushchev's attempts at modernisation.          title: a short first line on its own
    4: Khrushchev's attempts at modernisation        topic: number, colon, title, on its own
    1999: In what ways did ... ?        (10)         question: year, colon, text, (marks)
    Q: Why did ... ? (5)                             question with no year
    In March 1953 Stalin died. ...                   notes: paragraphs until the next question

In Markdown, a lone first ``#`` heading is the course and the next level of headings are
topics (``## 4: Title`` or ``## Title``); deeper headings are kept as notes. A heading that
is a whole question line with its marks (``### 1999: Why did ...? (10)``) is a question at
any depth. Under a question, a self-test pair (``Q: ...`` with no marks over ``A: ...``) is
notes. Every line of the file lands in the course: nothing is dropped, only classified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from pastpaper.course import MAX_MARKS, Course, Question, QuestionFamily, Topic, command_word
from pastpaper.errors import InputError, Notice, clip, where
from pastpaper.ingest.sources import Source
from pastpaper.language import PAPER_YEAR
from pastpaper.text import LIST_ITEM, normalise

__all__ = ["parse_source"]

_BULLET = r"(?:[-*+]\s+)?"
# Bold around a question's year or label counts only if it is closed: "**2002:**", "**Q1**:".
_OPEN = r"(?P<bold>\*\*|__)?"
_SEP = r"(?:(?(bold)(?P=bold))\s*(?P<sep>[:.)])|\s*(?P<sep_>[:.)])(?(bold)(?P=bold)))"
# A dash between a year and its question has spaces round it and no year after it: "2001 -
# Why ...?", not "1914-18" or "1914 - 1918".
# A year with only a space after it is read too where the line asks and carries marks:
# "2020 Why did the treaty fail? (8)".
_YEAR_LINE = re.compile(
    rf"^\s*{_BULLET}{_OPEN}(?P<year>{PAPER_YEAR})"
    rf"(?:{_SEP}\s+|(?(bold)(?P=bold))\s+(?P<dash>[-–—])\s+(?!\d)|(?P<bare>[ \t]+)(?=[A-Z]))"
    r"(?P<text>\S.*)$"
)
# "Q: ...", "Q (2001): ...", and numbered ones, whose label is kept: "Q1: ...", "Question 2. ..."
_Q_LINE = re.compile(
    rf"^\s*{_BULLET}{_OPEN}(?P<label>(?:Q|Question)"
    rf"(?:\s*(?:\(?(?P<year>{PAPER_YEAR})\)?|(?P<number>\d{{1,3}}[a-z]?)))?)"
    rf"{_SEP}\s*(?P<text>\S.*)$",
    re.IGNORECASE,
)
# The answer to a self-test question in the notes: "A: ...", "**A:** ...", "Answer 2: ...".
_ANSWER = re.compile(rf"^\s*{_BULLET}{_OPEN}(?:A|Ans|Answer)(?:\s*\d{{1,3}}[a-z]?)?{_SEP}", re.I)
# "4: Title" (a line on its own in text notes), or as a heading also "4. Title", "Topic 4) Title"
# (No pattern here lets two runs of spaces meet, as "\s*(?:x)?\s*" or ".*?\s*$" would: on a
# long run of spaces, matching one would take time in its square or cube.)
_TOPIC = re.compile(
    r"^\s*(?:topic\s+)?(?P<number>\d{1,3})\s*(?P<sep>[:.)])\s*(?P<title>\S.*)$", re.I
)
# A Markdown heading; its text still holds any closing hashes ("## Title ##"): see _heading.
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*)$")
# Marks at the end of a line: "(10)", "[10]", "(10 marks)", "**(10)**" (bold only if closed).
# Negative and fractional marks, "(-3)" or "(2.5)", are read too, to be reported.
_MARKS = re.compile(
    r"[(\[]\s*(?P<marks>[-\u2212]?\d+(?:[.,]\d+)?)\s*(?:marks?\s*)?[)\]]", re.IGNORECASE
)
_TITLE_MAX = 150
# A part of a question, lettered or numbered: "(b) Why did ...? (6)", "ii) How far ...".
_SUB_LINE = re.compile(r"^\s*\(?(?:[a-h]|[ivx]{1,4})\)\s+\S")


@dataclass
class _Family:
    questions: list[Question] = field(default_factory=list)
    question_lines: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Topic:
    number: int | None
    title: str
    line: int
    families: list[_Family] = field(default_factory=list)


@dataclass
class _Parser:
    source: Source
    notices: list[Notice] = field(default_factory=list)
    topics: list[_Topic] = field(default_factory=list)
    paragraph: list[str] = field(default_factory=list)
    title: str | None = None

    def notice(self, index: int, message: str) -> None:
        self.notices.append(Notice(message, self.source.name, self.source.line(index)))

    # -- structure --------------------------------------------------------------------

    def topic(self) -> _Topic:
        if not self.topics:
            # Text before any topic heading belongs to a topic named after the course.
            self.topics.append(_Topic(None, self.title or _title_from(self.source.name), 0))
        return self.topics[-1]

    def family(self) -> _Family:
        topic = self.topic()
        if not topic.families:
            topic.families.append(_Family())
        return topic.families[-1]

    def end_paragraph(self) -> None:
        if self.paragraph:
            self.family().notes.append("\n".join(self.paragraph))
            self.paragraph = []

    def add_question(self, index: int, question: Question) -> None:
        self.end_paragraph()
        topic = self.topic()
        if not topic.families or topic.families[-1].notes:
            topic.families.append(_Family())
        family = topic.families[-1]
        family.questions.append(question)
        family.question_lines.append(index)

    def add_topic(self, index: int, number: int | None, title: str) -> None:
        self.end_paragraph()
        self.topics.append(_Topic(number, title, index))

    # -- lines ------------------------------------------------------------------------

    def run(self) -> Course:
        lines = self.source.lines
        headings = self._heading_plan()
        # Headings that are questions leave the title to the first line, as in text notes.
        titled = any(role != "question" for role, _ in headings.values())
        first = _first_text_line(lines)
        for index, line in enumerate(lines):
            if not line.strip():
                self.end_paragraph()
                continue
            if index in headings:
                role, text = headings[index]
                if role == "course":
                    self.title = text
                elif role == "topic":
                    number, title = _split_topic(text)
                    self.add_topic(index, number, title)
                elif role == "question" and (asked := self._question_at(index, text)) is not None:
                    self.add_question(index, asked)
                else:
                    self.end_paragraph()
                    self.paragraph.append(line)
                    self.end_paragraph()
                continue
            standalone = _blank(lines, index - 1) and _blank(lines, index + 1)
            if index == first and standalone and not titled and _is_title(line):
                self.title = line.strip()
                continue
            question = self._question_at(index, line)
            if question is not None and not self._self_test(index, question):
                self.add_question(index, question)
                continue
            if self._continue_question(index, line) or self._sub_question(index, line):
                continue
            if standalone and not self.source.markdown and _is_topic_line(line):
                self.add_topic(index, *_split_topic(line))
                continue
            if self.paragraph and _heads_a_list(lines, index, self.paragraph[-1]):
                self.end_paragraph()  # "Results:" under a list: a new part, as after a blank
            self.paragraph.append(line.rstrip())
        self.end_paragraph()
        return self.build()

    def _heading_plan(self) -> dict[int, tuple[str, str]]:
        """Markdown headings and their roles: the course title, a topic, a question, or notes.

        A heading that is a whole question line, marks and all ("### 2019: Describe ... (6)"),
        is a question at any depth; the others set the levels of the course and its topics.
        """
        if not self.source.markdown:
            return {}
        found = []
        plan: dict[int, tuple[str, str]] = {}
        for index, line in enumerate(self.source.lines):
            match = _HEADING.match(line)
            text = _heading_text(match["text"]) if match else ""
            if not match or not text:
                continue
            if _is_heading_question(text):
                plan[index] = ("question", text)
            else:
                found.append((index, len(match["hashes"]), text))
        if not found:
            return plan
        top = min(level for _, level, _ in found)
        at_top = [item for item in found if item[1] == top]
        topic_level = top
        if len(at_top) == 1 and at_top[0] is found[0]:
            plan[found[0][0]] = ("course", found[0][2])
            deeper = [level for _, level, _ in found if level > top]
            topic_level = min(deeper) if deeper else 0
        for index, level, text in found:
            if index not in plan:
                plan[index] = ("topic" if level == topic_level else "notes", text)
        return plan

    def _self_test(self, index: int, question: Question) -> bool:
        """Is this a question the notes ask themselves, "Q: ..." over "A: ...", not a paper's?

        Under a past-paper question, a ``Q:`` line with no year and no marks whose next line
        of text is an answer (``A: ...``) is the student's own self-test: notes of that
        question, not a question of its own.
        """
        if question.year is not None or question.marks is not None:
            return False
        families = self.topics[-1].families if self.topics else []
        if not families or not families[-1].questions:
            return False
        lines = self.source.lines
        after = next((lines[i] for i in range(index + 1, len(lines)) if lines[i].strip()), "")
        return _ANSWER.match(after) is not None

    def _question_at(self, index: int, line: str) -> Question | None:
        parsed = _question(line)
        if parsed is None:
            return None
        year, text = parsed
        return self._with_marks(index, year, text)

    def _with_marks(self, index: int, year: int | None, text: str) -> Question:
        """The question with its marks split off its text; impossible marks stay in the text."""
        body, written = _split_marks(text)
        unclosed = _unclosed_marks(text) if written is None else None
        if unclosed is not None:  # "Why did W happen? (6 marks": read, and said
            body, marks_written, number = unclosed
            written = f"({number})"
            self.notice(
                index,
                f"the marks '{clip(marks_written, 30)}' have no closing bracket; read as "
                f"{number} marks",
            )
        marks = None if written is None else _mark_total(written)
        if written is not None and marks is None:
            shown = clip(written, 30)
            self.notice(
                index,
                f"marks {shown} are not a whole number between 1 and {MAX_MARKS}; the question "
                f"was imported with no marks and '{shown}' kept in its text: correct it in "
                "the course file",
            )
            body = _strip_bold(text)
        return Question(year=year, text=body, marks=marks)

    def _sub_question(self, index: int, line: str) -> bool:
        """Add a part of the question on the line above, on a line of its own with its letter
        and marks but no year ("2007: (a) Describe ... (4)" over "(b) Why did ...? (6)"): a
        question of that year."""
        if self.paragraph or not self.topics or not self.topics[-1].families:
            return False
        family = self.topics[-1].families[-1]
        if family.notes or not family.question_lines or family.question_lines[-1] != index - 1:
            return False
        if not _SUB_LINE.match(line):
            return False
        question = self._with_marks(index, family.questions[-1].year, line.strip())
        if question.marks is None and not question.text.endswith("?"):
            return False
        self.add_question(index, question)
        return True

    def _continue_question(self, index: int, line: str) -> bool:
        """Join a question wrapped onto the next line (common in PDF and DOCX) back together.

        The next line continues the question only if the question has no marks yet and the
        line is its marks alone, or it has no question mark either and the line ends with one
        of them.
        """
        if self.paragraph or not self.topics or not self.topics[-1].families:
            return False
        family = self.topics[-1].families[-1]
        if family.notes or not family.question_lines or family.question_lines[-1] != index - 1:
            return False
        last = family.questions[-1]
        rest = _strip_bold(line)
        if last.marks is not None or len(rest) > _TITLE_MAX:
            return False
        marks = _marks_at_end(rest)
        marks_alone = marks is not None and not marks[0]
        ends = rest.endswith("?") or marks is not None
        if not marks_alone and (last.text.endswith("?") or not ends):
            return False
        family.questions[-1] = self._with_marks(index, last.year, f"{last.text} {rest}")
        family.question_lines[-1] = index
        return True

    def build(self) -> Course:
        topics = []
        first_line: dict[int, int] = {}
        for topic in self.topics:
            if topic.number is not None:
                seen = first_line.setdefault(topic.number, topic.line)
                if seen != topic.line:
                    self.notice(
                        topic.line,
                        f"topic {topic.number} was already started on "
                        f"{where(None, self.source.line(seen))}; the two are kept as separate "
                        "topics",
                    )
            families = []
            for family in topic.families:
                if family.questions and not family.notes:
                    self.notice(
                        family.question_lines[0],
                        "these questions have no notes under them; they were imported "
                        "without notes",
                    )
                families.append(
                    QuestionFamily(questions=tuple(family.questions), notes=tuple(family.notes))
                )
            topics.append(Topic(number=topic.number, title=topic.title, families=tuple(families)))
        title = self.title or _title_from(self.source.name)
        if not any(family.questions for topic in topics for family in topic.families):
            self.notices.append(
                Notice(
                    "no past-paper questions found (lines like '1999: Why did ...? (10)'); "
                    "the text was imported as notes only",
                    self.source.name,
                )
            )
        return Course(title=title, topics=tuple(topics))


def _question(line: str) -> tuple[int | None, str] | None:
    """Year and text (marks included) of a question line, or None if it is not a question."""
    match = _YEAR_LINE.match(line)
    dated = match is not None
    match = match or _Q_LINE.match(line)
    if match is None:
        return None
    text = _strip_bold(match["text"])
    if not dated and match["number"]:
        text = f"{match['label'].strip()}{match['sep'] or match['sep_']} {text}"
    body, marks = _split_marks(text)
    if not body:
        return None
    # A dated line in the notes ("1957: sovnarkhozy set up") is not a question: a question
    # asks (command word or question mark) or carries marks.
    asks = body.endswith("?") or command_word(body) != "other"
    if dated and marks is None and not asks:
        return None
    # A timeline line in the notes ("1917 - How the Bolsheviks took power") has a dash too: a
    # question after a dash asks with a question mark or carries marks.
    if dated and match["dash"] and marks is None and not body.endswith("?"):
        return None
    if dated and match["bare"] and (marks is None or not asks):
        return None  # "1917 Lenin returned to Petrograd (3)": a line of notes
    return (int(match["year"]) if match["year"] else None), text


def _is_heading_question(text: str) -> bool:
    """Is a heading's text a question line with its marks, not a topic such as "1914: the
    July Crisis" (a date, no marks) or "1917: Revolution (1917)" (no marks could be 1917)?"""
    parsed = _question(text)
    written = None if parsed is None else _split_marks(parsed[1])[1]
    return written is not None and _mark_total(written) is not None


def _split_marks(text: str) -> tuple[str, str | None]:
    """``("Why ...? (10)")`` -> ``("Why ...?", "(10)")``; text without marks is returned as is.

    The marks are returned as written: ``_mark_total`` says whether they are a mark total.
    """
    found = _marks_at_end(text)
    if found is None or not found[0]:
        return _strip_bold(text), None
    return _strip_bold(found[0]), found[1]


_UNCLOSED = re.compile(r"[(\[][ \t]*(?P<marks>\d{1,3})[ \t]*(?:marks?)?[ \t]*", re.IGNORECASE)


def _unclosed_marks(text: str) -> tuple[str, str, str] | None:
    """The question before marks whose bracket is never closed ("Why ...? (6 marks"), the
    marks as written and their number; or None. (Found from the last bracket, as
    ``_marks_at_end`` finds marks.)"""
    rest = text.rstrip()
    opening = max(rest.rfind("("), rest.rfind("["))
    found = _UNCLOSED.fullmatch(rest, opening) if opening > 0 else None
    if found is None:
        return None
    return _strip_bold(rest[:opening].rstrip()), rest[opening:], found["marks"]


def _marks_at_end(text: str) -> tuple[str, str] | None:
    """The text before the marks that end ``text`` (maybe empty), and the marks as written.

    The marks are found from the end of the line, not with a regular-expression search: a
    search costs time in the square (or cube) of a long run of spaces in the line.
    """
    rest = text.rstrip()
    bold = rest[-2:] if rest.endswith(("**", "__")) else ""
    rest = rest[: len(rest) - len(bold)].rstrip()
    opening = max(rest.rfind("("), rest.rfind("["))
    found = _MARKS.fullmatch(rest, opening) if opening >= 0 else None
    if found is None:
        return None
    before = rest[:opening].rstrip()
    if bold:
        if not before.endswith(bold):
            return None
        before = before[:-2]
    return before.rstrip(), found[0]


def _mark_total(written: str) -> int | None:
    """The marks ``(10)`` as a mark total, 10, or None if not a whole number in range."""
    number = _MARKS.fullmatch(written)
    if number is None or not number["marks"].isdecimal():
        return None
    if len(number["marks"].lstrip("0")) > len(str(MAX_MARKS)):  # and int() would be slow
        return None
    marks = int(number["marks"])
    return marks if 1 <= marks <= MAX_MARKS else None


def _is_title(line: str) -> bool:
    short = len(line.strip()) <= _TITLE_MAX
    return short and not _question(line) and not _TOPIC.match(line)


def _is_topic_line(line: str) -> bool:
    # "3: He allied with Bukharin." is a numbered sentence of notes, not a heading.
    text = line.strip()
    heading = len(text) <= _TITLE_MAX and not text.endswith((".", "?", "!", ";"))
    match = _TOPIC.match(line)
    return heading and match is not None and match["sep"] == ":"


def _strip_bold(text: str) -> str:
    """Drop Markdown bold markers around a question: ``**Why ...?**`` -> ``Why ...?``."""
    text = text.strip()
    for marker in ("**", "__"):
        if len(text) > 4 and text.startswith(marker) and text.endswith(marker):
            return text[2:-2].strip()
    return text


def _heading_text(text: str) -> str:
    """A heading's text without the closing hashes: ``Title ##`` -> ``Title``."""
    return text.rstrip().rstrip("#").rstrip()


def _split_topic(text: str) -> tuple[int | None, str]:
    match = _TOPIC.match(text)
    if match:
        return int(match["number"]), match["title"].strip()
    return None, text.strip()


def _blank(lines: list[str], index: int) -> bool:
    return index < 0 or index >= len(lines) or not lines[index].strip()


def _first_text_line(lines: list[str]) -> int:
    """The first line with text, if more text follows it (a lone line is notes, not a title)."""
    found = [index for index, line in enumerate(lines) if line.strip()][:2]
    return found[0] if len(found) == 2 else -1


def _title_from(name: str) -> str:
    stem = PurePath(name).stem.replace("_", " ").replace("-", " ").strip()
    return normalise(stem).capitalize() or "Notes"


def parse_source(source: Source) -> tuple[Course, list[Notice]]:
    """Parse a Source into a Course; notices say what was imported with a warning."""
    if not any(line.strip() for line in source.lines):
        raise InputError("the file is empty: there is nothing to import", source.name)
    parser = _Parser(source, notices=list(source.notices))
    course = parser.run()
    return course, parser.notices


# A label over a list: a few words with a capital, ending on a colon ("Results:", "Other
# factors:").
_LABEL = re.compile(r"[ \t]*[A-Z][^:.!?]{0,40}:[ \t]*")


def _heads_a_list(lines: list[str], index: int, before: str) -> bool:
    """Does line ``index``, a label, start a new list straight after a list item's line
    (``before``), with no blank line between? Then it opens a part of its own ("- ... as
    Bismarck had hoped" / "Results:" / "- 1-2 September 1870: Battle of Sedan")."""
    return (
        index + 1 < len(lines)
        and _LABEL.fullmatch(lines[index]) is not None
        and LIST_ITEM.match(before) is not None
        and LIST_ITEM.match(lines[index + 1]) is not None
    )
