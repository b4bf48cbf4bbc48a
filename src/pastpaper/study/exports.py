"""Exports: cards to an Anki package, past papers and cards to a Moodle quiz.

Anki (``write_anki``): one deck per course, its id made from the course slug; two note types,
"pastpaper basic" (Front, Back, Source) and "pastpaper cloze" (Text, Source), whose ids are
fixed; each note's GUID made from its card's id, and tags for its topic and family. Importing
a later export of the same course therefore updates the notes already in Anki instead of
adding copies (Anki keeps the newer note, so each export is stamped with the time it is made).

Moodle (``moodle_xml``): a Moodle XML quiz with a category per topic. Each past-paper question
is an ``essay`` question graded out of its marks (the scheme's, where none were printed), with
the mark scheme's instructions as information for graders. Each question card whose answer
can be typed in a few words ("1957", "the Virgin Lands scheme") is a ``shortanswer`` question;
longer answers, which a typed reply would never match, stay in Anki.
"""

from __future__ import annotations

import hashlib
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from pastpaper.bulk import collection_paused
from pastpaper.course import Course, Question, Topic, topic_key
from pastpaper.files import APKG, XML, write_file
from pastpaper.language import BOUNDS, ROUGHLY, as_number
from pastpaper.schemes.scheme import MarkScheme, build_scheme
from pastpaper.study.cards import Card

__all__ = [
    "BASIC_MODEL_ID",
    "CLOZE_MODEL_ID",
    "SHORT_ANSWER_WORDS",
    "deck_id",
    "moodle_xml",
    "write_anki",
    "write_moodle",
]

# Chosen once: Anki knows a note type by its id, so these must never change.
BASIC_MODEL_ID = 1_570_912_463
CLOZE_MODEL_ID = 1_570_912_464

#: The longest answer, in words, a short-answer question expects a student to type.
SHORT_ANSWER_WORDS = 4

_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.cloze { font-weight: bold; color: #1a5fb4; }
.source { margin-top: 1.5em; font-size: 14px; color: #666; }"""


def deck_id(slug: str) -> int:
    """The Anki deck id of a course: the same for every export of it."""
    digest = int(hashlib.sha1(f"pastpaper deck {slug}".encode()).hexdigest()[:8], 16)
    return (1 << 30) + digest % (1 << 30)  # Anki's ids for decks are positive and below 2**31


# -- Anki -------------------------------------------------------------------------------------


def write_anki(
    course: Course,
    cards: Iterable[Card],
    path: str | Path,
    *,
    now: datetime,
    force: bool = False,
    protect: Iterable[Path | None] = (),
) -> None:
    """Write ``cards`` as an Anki package (``.apkg``) of one deck named after the course.

    ``now`` stamps the notes; the same cards and ``now`` give the
    same collection inside the package. An existing file is replaced only with ``force``, and
    only if it is an Anki package (a zip); never a ``protect``ed one (see ``write_file``).
    """
    import genanki  # only exports need it

    basic, cloze = _models(genanki)
    deck = genanki.Deck(deck_id(course.slug), course.title)
    for card in cards:
        model = basic if card.kind == "basic" else cloze
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[_html(f) for f in _fields(card)],
                tags=list(card.tags),
                guid=genanki.guid_for(card.id),
            )
        )
    stamp = now.timestamp()
    package = genanki.Package(deck)
    write_file(
        path,
        lambda temporary: package.write_to_file(str(temporary), timestamp=stamp),
        kind=APKG,
        force=force,
        protect=protect,
    )


def _models(genanki: Any) -> tuple[Any, Any]:
    source = "<div class=source>{{Source}}</div>"
    basic = genanki.Model(
        BASIC_MODEL_ID,
        "pastpaper basic",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}" + source,
            }
        ],
        css=_CSS,
    )
    cloze = genanki.Model(
        CLOZE_MODEL_ID,
        "pastpaper cloze",
        fields=[{"name": "Text"}, {"name": "Source"}],
        templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}", "afmt": "{{cloze:Text}}" + source}],
        css=_CSS,
        model_type=genanki.Model.CLOZE,
    )
    return basic, cloze


def _fields(card: Card) -> list[str]:
    # A cloze note's text holds what it hides; its back is only for pastpaper's own use.
    return (
        [card.front, card.back, card.source] if card.kind == "basic" else [card.front, card.source]
    )


def _html(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


# -- Moodle -----------------------------------------------------------------------------------


def write_moodle(
    course: Course,
    cards: Iterable[Card],
    path: str | Path,
    *,
    force: bool = False,
    protect: Iterable[Path | None] = (),
    schemes: Sequence[MarkScheme] | None = None,
) -> None:
    """Write ``moodle_xml(course, cards, schemes)`` to ``path``; an existing file is replaced
    only with ``force``, and only if it is XML."""
    xml = moodle_xml(course, cards, schemes)
    write_file(path, xml, kind=XML, force=force, protect=protect)


def moodle_xml(
    course: Course, cards: Iterable[Card], schemes: Sequence[MarkScheme] | None = None
) -> str:
    """The course's past papers and short question cards as a Moodle XML quiz. ``schemes``:
    each question's scheme, in the order of the notes, if already built (as
    ``pastpaper.study.sharing.schemes_and_cards`` builds them)."""
    if schemes is not None and [s.question for s in schemes] != [
        q for topic in course.topics for family in topic.families for q in family.questions
    ]:
        raise ValueError("the schemes given are not the course's questions' schemes, in order")
    # A scheme for every question of the course: built in bulk, as a course's cards are.
    with collection_paused():
        return _moodle_xml(course, cards, iter(schemes) if schemes is not None else None)


def _moodle_xml(course: Course, cards: Iterable[Card], schemes: Iterator[MarkScheme] | None) -> str:
    by_topic: dict[str, list[Card]] = {}
    for card in cards:
        if card.kind == "basic" and len(card.back.split()) <= SHORT_ANSWER_WORDS:
            by_topic.setdefault(topic_key(card.topic_number, card.topic), []).append(card)
    quiz = ET.Element("quiz")
    for topic in course.topics:
        quiz.append(_category(course, topic))
        for family in topic.families:
            for question in family.questions:
                scheme = next(schemes) if schemes is not None else build_scheme(question, family)
                quiz.append(_essay(question, scheme))
        for card in by_topic.get(topic.key, []):
            quiz.append(_short_answer(card))
    ET.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, "unicode") + "\n"


def _category(course: Course, topic: Topic) -> ET.Element:
    label = f"{topic.number}: {topic.title}" if topic.number is not None else topic.title
    # Moodle reads "/" as a step down the category tree; "//" is a slash in a name.
    path = "/".join(part.replace("/", "//") for part in ("$course$", "top", course.title, label))
    question = ET.Element("question", type="category")
    _text(question, "category", path, markup=None)
    return question


def _essay(question: Question, scheme: MarkScheme) -> ET.Element:
    year = f"{question.year}, " if question.year else ""
    element = ET.Element("question", type="essay")
    _text(element, "name", _name(f"{question.year or ''} {question.text}".strip()), markup=None)
    _text(
        element,
        "questiontext",
        f"<p>{_html(question.text)}</p><p>({year}{_marks(scheme)})</p>",
    )
    _text(element, "generalfeedback", _feedback(scheme))
    _fields_of(element, defaultgrade=scheme.max_marks, penalty=0, hidden=0)
    _fields_of(element, responseformat="editor", responserequired=1, responsefieldlines=15)
    _fields_of(element, attachments=0, attachmentsrequired=0)
    _text(element, "graderinfo", _html(scheme.instructions()))
    _text(element, "responsetemplate", "")
    return element


def _marks(scheme: MarkScheme) -> str:
    assumed = ", none printed" if scheme.marks_assumed else ""
    return f"{scheme.max_marks} mark{'s' if scheme.max_marks != 1 else ''}{assumed}"


def _feedback(scheme: MarkScheme) -> str:
    """What a student sees after answering: as many of the scheme's best points as marks."""
    points = [p.point.text for p in scheme.creditable][: scheme.max_marks]
    if not points:
        return ""
    items = "".join(f"<li>{_html(p)}</li>" for p in points)
    return f"<p>A full answer could make points such as:</p><ul>{items}</ul>"


def _short_answer(card: Card) -> ET.Element:
    element = ET.Element("question", type="shortanswer")
    _text(element, "name", _name(card.front), markup=None)
    _text(element, "questiontext", f"<p>{_html(card.front)}</p>")
    _text(element, "generalfeedback", f"<p>{_html(card.source)}</p>")
    _fields_of(element, defaultgrade=1, penalty="0.3333333", hidden=0, usecase=0)
    for accepted in _accepted(card.back):
        answer = ET.SubElement(element, "answer", fraction="100", format="moodle_auto_format")
        # In a short answer "*" stands for any text; the notes' asterisks are asterisks.
        ET.SubElement(answer, "text").text = accepted.replace("*", r"\*")
        _text(answer, "feedback", "")
    return element


def _accepted(answer: str) -> list[str]:
    """The answer, and the same without an article, a bracketed gloss or a word that makes a
    figure rough ("Virgin Lands scheme", "65" for "about 65"), a figure without its commas
    ("75000"), a number in words in figures ("3" for "three"), and a date written the other
    usual ways ("21 February 1965" for "21/2/1965", "1538-1540" for "1538-40")."""
    forms = [answer]
    rough = _ROUGHLY.sub("", answer).strip()
    in_figures = as_number(rough.lower())  # "three": "3"
    for short in (
        in_figures if in_figures.isdigit() else "",
        re.sub(r"^(?:the|a|an)\s+", "", answer, flags=re.I).strip(),
        re.sub(r"\s*\([^)]*\)", "", answer).strip(),
        rough,
        rough.replace(",", "") if _THOUSANDS.fullmatch(rough) else "",
        *_dates_written(answer),
    ):
        if short and short not in forms:
            forms.append(short)
    return forms


_ROUGHLY = re.compile(
    rf"^(?:{'|'.join(ROUGHLY + BOUNDS)}|approx\.?|c\.)\s+(?=\S*\d)", re.IGNORECASE
)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")


def _dates_written(answer: str) -> list[str]:
    """An answer that is one date, written the other usual ways; none for any other."""
    from pastpaper.language import MONTHS
    from pastpaper.study.dates import only_date

    date = only_date(answer)
    if date is None:
        return []
    if date.end_year is not None and not date.month and not date.decade:
        return [f"{date.year}-{date.end_year}", f"{date.year} to {date.end_year}"]
    if date.year <= 0 or date.month is None or date.end_year is not None:
        return []
    month = MONTHS[date.month - 1]
    if date.day is None:
        return [f"{month} {date.year}"]
    return [
        f"{date.day} {month} {date.year}",
        f"{month} {date.day}, {date.year}",
        f"{date.day}/{date.month}/{date.year}",
    ]


def _name(text: str) -> str:
    return text if len(text) <= 250 else text[:249].rstrip() + "…"


def _text(parent: ET.Element, tag: str, text: str, *, markup: str | None = "html") -> None:
    """``<tag format="html"><text>...</text></tag>``; ElementTree escapes the text."""
    element = ET.SubElement(parent, tag, {"format": markup} if markup else {})
    ET.SubElement(element, "text").text = text


def _fields_of(parent: ET.Element, **values: object) -> None:
    for tag, value in values.items():
        ET.SubElement(parent, tag).text = str(value)
