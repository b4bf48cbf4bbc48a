"""The question bank as plain data: Course ▶ Topic ▶ QuestionFamily ▶ Question and notes.

A QuestionFamily is one group of past-paper questions on the same theme, asked in
different years, and the notes paragraphs that answer all of them. Every object is frozen
and validated; ``model_dump()`` and ``model_validate()`` are its to-dict and from-dict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from pastpaper.errors import quote
from pastpaper.model import Frozen
from pastpaper.text import match_key, slugify

__all__ = [
    "COMMAND_WORDS",
    "MAX_MARKS",
    "Course",
    "Kind",
    "Question",
    "QuestionFamily",
    "SchemeEdit",
    "TeacherPoint",
    "Topic",
    "command_word",
    "question_key",
    "topic_key",
]

#: The largest mark total a single question can carry; larger numbers are typing mistakes.
MAX_MARKS = 100

#: Command words examiners use, longest first so "how far" wins over "how".
COMMAND_WORDS: tuple[str, ...] = (
    "to what extent",
    "in what ways",
    "how far",
    "how important",
    "how significant",
    "how successful",
    "how effective",
    "account for",
    "describe",
    "explain",
    "assess",
    "evaluate",
    "analyse",
    "examine",
    "discuss",
    "compare",
    "contrast",
    "outline",
    "summarise",
    "identify",
    "state",
    "list",
    "name",
    "why",
    "how",
    "what",
    "which",
    "who",
    "when",
)
_SPELLINGS = {"in what way": "in what ways", "analyze": "analyse", "summarize": "summarise"}
# A part's letter or number before its question: "(a) Describe ...", "b) Why ...", "(ii) How".
_SUB_LABEL = re.compile(r"^\s*\(?(?:[a-h]|[ivx]{1,4})\)\s+")
_COMMAND = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in (*_SPELLINGS, *COMMAND_WORDS)) + r")\b"
)
# A sentence ends at its stop, or past the closing quote or bracket after it: the statement
# a question quotes ("'Koch was more important than Pasteur.' How far do you agree?").
_SENTENCE = re.compile(r"(?=\s)(?:(?<=[.?!:])|(?<=[.?!:][\"')]))\s+")


# A question's command word is read when it is parsed, and again by each part of its family's
# schemes that weighs what it asks.
@lru_cache(maxsize=4096)
def command_word(question: str) -> str:
    """The command word of a question: how it starts, or how a later sentence of it starts.

    >>> command_word("Was Khrushchev a reformer? Explain your answer.")
    'explain'
    >>> command_word("In what ways did Khrushchev carry out de-Stalinisation?")
    'in what ways'
    >>> command_word("'Koch was more important than Pasteur.' How far do you agree?")
    'how far'
    >>> command_word("How united was Italy by 1871?"), command_word("How was Italy ruled?")
    ('how far', 'how')
    >>> command_word("How serious a threat was Chartism?")
    'how far'
    """
    sentences = _SENTENCE.split(match_key(question))
    for sentence in sentences:
        asked = _SUB_LABEL.sub("", sentence).lstrip("\"'(-* ")
        found = _COMMAND.match(asked)
        if found:
            word = found.group(0)
            if word == "how" and _HOW_DEGREE.match(asked):
                return "how far"  # "How united was Italy by 1871?": how far was it united
            return _SPELLINGS.get(word, word)
    return "other"


# "How" and a quality, then the verb: "How united was Italy ...?", "How serious were the
# threats ...?", "How serious a threat was ...?" ask how far, as "How successful" does;
# "How did ...", "How was ... ruled", "How many ..." do not.
_HOW_DEGREE = re.compile(
    r"how (?!(?:did|do|does|was|were|is|are|had|has|have|could|would|can|many|much|long|"
    r"often|soon|far)\b)[a-z]+ (?:an? [a-z]+ )?(?:was|were|is|are|had|has|have been)\b"
)


def question_key(year: int | None, text: str) -> tuple[int | None, str]:
    """What identifies a question within its course from one import to the next."""
    return (year, match_key(text))


def topic_key(number: int | None, title: str) -> str:
    """What identifies a topic within its course: its number, or its title if it has none."""
    return str(number) if number is not None else match_key(title)


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text


Text = Annotated[str, AfterValidator(_not_blank)]


#: What a point does for an answer.
Kind = Literal["feature", "reason", "consequence", "evidence", "quotation"]


class TeacherPoint(Frozen):
    """A creditable point a teacher adds to one question's scheme."""

    id: str | None = Field(default=None, pattern=r"^t[0-9a-z-]+$")
    text: Text
    kind: Kind | None = None
    accept: tuple[Text, ...] = ()


class SchemeEdit(Frozen):
    """A teacher's changes to the mark scheme pastpaper builds for one question.

    Points are named by their ids (``pastpaper points``); the edits survive re-importing
    the notes, and an id the notes no longer have is reported when the course file is read.
    """

    marks: int | None = Field(default=None, ge=1, le=MAX_MARKS, strict=True)
    drop: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    accept: dict[str, tuple[Text, ...]] = Field(default_factory=dict)
    # Phrasings that do not earn a point, though they sound like it (a teacher's correction).
    reject: dict[str, tuple[Text, ...]] = Field(default_factory=dict)
    add: tuple[TeacherPoint, ...] = ()

    def renamed(self, new_ids: dict[str, str]) -> SchemeEdit:
        """The same edits, naming points by new ids where ``new_ids`` gives one."""
        return self.model_copy(
            update={
                "drop": tuple(new_ids.get(p, p) for p in self.drop),
                "required": tuple(new_ids.get(p, p) for p in self.required),
                "accept": {new_ids.get(p, p): phrases for p, phrases in self.accept.items()},
                "reject": {new_ids.get(p, p): phrases for p, phrases in self.reject.items()},
            }
        )

    def point_ids(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Every point id the edit names, with where it stands in the edit."""
        named: list[tuple[tuple[str | int, ...], str]] = []
        named += [(("drop", i), pid) for i, pid in enumerate(self.drop)]
        named += [(("required", i), pid) for i, pid in enumerate(self.required)]
        named += [(("accept", pid), pid) for pid in self.accept]
        named += [(("reject", pid), pid) for pid in self.reject]
        return named


class Question(Frozen):
    """One past-paper question, its text as written; ``marks`` is None where none was printed."""

    year: int | None = Field(default=None, ge=1800, le=2200, strict=True)
    text: Text
    marks: int | None = Field(default=None, ge=1, le=MAX_MARKS, strict=True)
    command_word: str = Field(default="", description="derived from the text when left empty")
    scheme: SchemeEdit | None = None

    @model_validator(mode="before")
    @classmethod
    def _derive_command_word(cls, data: Any) -> Any:
        if (
            isinstance(data, dict)
            and not data.get("command_word")
            and isinstance(data.get("text"), str)
        ):
            data = {**data, "command_word": command_word(data["text"])}
        return data

    @field_validator("command_word")
    @classmethod
    def _known_command_word(cls, word: str) -> str:
        word = " ".join(word.lower().split())
        word = _SPELLINGS.get(word, word)
        if word not in (*COMMAND_WORDS, "other"):
            raise ValueError(
                f"{quote(word)} is not a command word pastpaper knows; use one of: "
                + ", ".join((*COMMAND_WORDS, "other"))
            )
        return word

    @property
    def key(self) -> tuple[int | None, str]:
        return question_key(self.year, self.text)


class QuestionFamily(Frozen):
    """Questions on one theme across years, and the notes paragraphs that answer all of them."""

    questions: tuple[Question, ...] = ()
    notes: tuple[Text, ...] = ()


class Topic(Frozen):
    number: int | None = Field(default=None, ge=0, le=999, strict=True)
    title: Text
    families: tuple[QuestionFamily, ...] = ()

    @property
    def key(self) -> str:
        return topic_key(self.number, self.title)


class Course(Frozen):
    title: Text
    # At most 80 characters: the store's column, and a name to type on the command line.
    slug: str = Field(default="", max_length=80, pattern=r"^$|^[a-z0-9]+(-[a-z0-9]+)*$")
    topics: tuple[Topic, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _derive_slug(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("slug") and isinstance(data.get("title"), str):
            data = {**data, "slug": slugify(data["title"])}
        return data

    def questions(self) -> Iterator[tuple[Topic, QuestionFamily, Question]]:
        """Every question with its topic and family, in the order of the notes."""
        for topic in self.topics:
            for family in topic.families:
                for question in family.questions:
                    yield topic, family, question
