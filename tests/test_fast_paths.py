"""The quick paths of issue 12's speed work give exactly what the plain ones gave.

Each test states the plain way (as the code did it before) and checks the quick one against
it on the notes of the repository and on generated text: a speed-up changes no point, scheme
or card. ``benchmarks/same_outputs.py`` compares whole courses, the 5 MB notes among them,
with another checkout.
"""

from __future__ import annotations

import importlib
import pickle
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pastpaper import course as course_module
from pastpaper import language
from pastpaper.course import Course
from pastpaper.ingest import read_notes
from pastpaper.schemes import clauses, kinds, parts, periods, points, terms
from pastpaper.schemes import scheme as scheme_module
from pastpaper.schemes import sentences as sentences_module
from pastpaper.schemes.clauses import DATE, _has_digit
from pastpaper.schemes.points import clear_caches, family_points, sentence_spans
from pastpaper.schemes.terms import Fact, make_fact
from pastpaper.study import cards as cards_module
from pastpaper.study import dates, questions
from pastpaper.study.cards import cards_of
from pastpaper.text import _TRANSLATE, has_phrase, match_key, normalise

ROOT = Path(__file__).resolve().parents[1]
NOTES = sorted((ROOT / "benchmarks" / "data" / "notes").glob("*.txt"))


def plain_normalise(text: str) -> str:
    """normalise as it was: NFC, the table, every run of spaces one, none at the ends."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).translate(_TRANSLATE)).strip()


# Text made of what normalise changes: every character of its table, spaces of all kinds,
# letters that NFC composes ("e" and a combining acute), and plain ASCII.
SPECIAL = [chr(code) for code in _TRANSLATE] + list(" \t\n\r\x0b\x0c\x1c\x85\u2003\u3000")
TEXT = st.text(
    alphabet=st.sampled_from([*SPECIAL, "e", "\u0301", "é", "A", ".", "'", '"', "-", "x"])
)


@given(TEXT)
def test_normalise_is_the_plain_normalise(text: str) -> None:
    assert normalise(text) == plain_normalise(text)


@given(st.text())
def test_normalise_is_the_plain_normalise_on_any_text(text: str) -> None:
    assert normalise(text) == plain_normalise(text)


def test_normalise_is_the_plain_normalise_on_every_line_of_the_notes(seed_path: Path) -> None:
    for path in [seed_path, *NOTES]:
        for line in path.read_text(encoding="utf-8").splitlines():
            assert normalise(line) == plain_normalise(line)


@given(st.text())
def test_a_digit_is_found_as_isdigit_finds_it(text: str) -> None:
    assert _has_digit(text) == any(c.isdigit() for c in text)


def test_every_digit_of_unicode_is_found() -> None:
    # "²" and "①" are digits to str.isdigit but not decimal ones: \d alone misses them.
    digits = [chr(code) for code in range(0x110000) if chr(code).isdigit()]
    assert not all(re.match(r"\d", d) for d in digits)  # the test checks the hard case
    assert all(_has_digit(f"in {d} years") for d in digits)


@given(st.text(alphabet=st.sampled_from(list("Aug Sept BC AD c. circa -–/,1234567890 "))))
def test_a_date_always_holds_a_digit(text: str) -> None:
    # The cards look for dates only in text with a digit.
    if DATE.search(text):
        assert re.search(r"\d", text)


@given(st.text(alphabet=st.sampled_from(list("ab -soviet"))), st.sampled_from(["soviet", "a b"]))
def test_has_phrase_is_the_plain_search(text: str, phrase: str) -> None:
    plain = re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text) is not None
    assert has_phrase(text, phrase) == plain


def test_a_fact_is_made_once_and_equal_to_a_new_one() -> None:
    assert make_fact("year", "1956") == Fact(kind="year", value="1956")
    assert make_fact("year", "1956") is make_fact("year", "1956")
    assert make_fact("name", "Stalin") != make_fact("number", "Stalin")


def test_sentence_spans_are_the_sentences_cut_again(seed_path: Path) -> None:
    for path in [seed_path, *NOTES]:
        for note in path.read_text(encoding="utf-8").split("\n\n"):
            assert sentence_spans(note) == list(sentences_module._sentences(note))


def plain_relevance(
    words: set[str], around: set[str], own: set[str], spread: Counter[str]
) -> float:
    """The relevance of a point to a question as it was worked out for each point."""
    if not own:
        return 0.0
    weight = {stem: 1.0 / (1 + spread.get(stem, 0)) for stem in own}
    total = sum(weight.values())
    direct = sum(weight[s] for s in own & words)
    nearby = sum(weight[s] for s in own & (around - words))
    return (direct + 0.5 * nearby) / total


STEMS = st.sets(st.sampled_from([f"s{n}" for n in range(12)]))


@given(
    STEMS,
    STEMS,
    STEMS,
    st.dictionaries(st.sampled_from([f"s{n}" for n in range(12)]), st.integers(0, 9)),
)
def test_relevance_is_the_plain_relevance(
    words: set[str], around: set[str], own: set[str], counts: dict[str, int]
) -> None:
    spread = Counter(counts)
    # The point's paragraph holds its words and those around them.
    paragraph = frozenset(words | around)
    quick = scheme_module._relevance(own, spread, [paragraph])(frozenset(words), 0)
    # The same sums over sets, whose order varies with the process's hash seed: equal to
    # the last bit or two ("0.5000000000000001"), and a scheme rounds them to three places.
    assert quick == pytest.approx(plain_relevance(words, around, own, spread), abs=1e-12)


def plain_given_away(hidden: list[str], visible: str) -> bool:
    shown = re.findall(r"[^\W\d_]+", match_key(visible))
    stem = cards_module._stem
    for word in hidden:
        for other in shown:
            if any(len(s) >= 5 and s in w for s, w in ((stem(word), other), (stem(other), word))):
                return True
    return False


@given(
    st.lists(st.sampled_from(["uncultivated", "cultivation", "gulags", "lands", "released"])),
    st.lists(st.sampled_from(["the", "cultivation", "of", "Lands", "gulag", "release", "x"])),
)
def test_a_word_given_away_is_found_as_before(hidden: list[str], visible: list[str]) -> None:
    text = " ".join(visible)
    assert cards_module._given_away(hidden, text) == plain_given_away(hidden, text)


def courses(seed_path: Path) -> list[Course]:
    return [read_notes(path).course for path in [seed_path, *NOTES]]


def test_points_kept_for_the_cards_are_the_points_cut_anew(seed_path: Path) -> None:
    for course in courses(seed_path):
        families = [f for t in course.topics for f in t.families]
        kept = [family_points(f) for f in families]
        clear_caches()
        assert [family_points(f) for f in families] == kept


def test_cards_after_schemes_are_the_cards_from_a_cold_start(seed_path: Path) -> None:
    for course in courses(seed_path):
        for topic in course.topics:
            for family in topic.families:
                for question in family.questions:
                    scheme_module.build_scheme(question, family)
        warm = cards_of(course)
        clear_caches()
        scheme_module.clear_caches()
        assert cards_of(course) == warm


# Patterns searched through whole texts that open with a lookahead of the characters their
# match may start with: ``re`` cannot tell that through a leading \\b or lookbehind, and tries
# every alternative at every place of the text without it.
LOOKAHEADS = {
    "clauses._NAMED_BESIDE": clauses._NAMED_BESIDE,
    "clauses._ENCLOSED": clauses._ENCLOSED,
    "points._JOIN": points._JOIN,
    "points._ELLIPTICAL": points._ELLIPTICAL,
    "points._LAST_CLAUSE": points._LAST_CLAUSE,
    "points._THAT_YEAR": points._THAT_YEAR,
    "points._OPENED_SUBJECT": points._OPENED_SUBJECT,
    "points._HEADING_YEAR": points._HEADING_YEAR,
    "periods._VIEW": periods._VIEW,
    "periods._CENTURY": periods._CENTURY,
    "questions._DATED_REST": questions._DATED_REST,
    "questions._PURPOSE": questions._PURPOSE,
    "parts._WEIGHS_ALL": parts._WEIGHS_ALL,
    "terms._NUMBER": terms._NUMBER,
    "terms._SAID_IN_BRACKETS": terms._SAID_IN_BRACKETS,
    "scheme._RESULTS": scheme_module._RESULTS,
    "scheme._WEIGHS_WHAT_FOLLOWED": scheme_module._WEIGHS_WHAT_FOLLOWED,
    "scheme._FOUR_FIGURES": scheme_module._FOUR_FIGURES,
    "dates._DAY_MONTH_BEFORE": dates._DAY_MONTH_BEFORE,
    "dates._PAIR": dates._PAIR,
    "course._SENTENCE": course_module._SENTENCE,
    "sentences._DANGLING": sentences_module._DANGLING,
    "sentences._INLINE_NUMBER": sentences_module._INLINE_NUMBER,
    "sentences._GLUED": sentences_module._GLUED,
    **{f"kinds._KIND_CUES[{kind}]": cue for kind, cue in kinds._KIND_CUES},
}
_PARSER: Any = importlib.import_module("re._parser")  # (no public way to read a pattern)
_C: Any = importlib.import_module("re._constants")
_CATEGORIES = {
    _C.CATEGORY_DIGIT: [chr(c) for c in range(0x110000) if re.fullmatch(r"\d", chr(c))],
    _C.CATEGORY_SPACE: [chr(c) for c in range(0x110000) if re.fullmatch(r"\s", chr(c))],
}


def first_characters(items: Any) -> tuple[set[str], bool]:
    """The characters a parsed pattern's match may start with, and whether it may be empty.
    Lookarounds and anchors are passed over: the set may only be too large."""
    found: set[str] = set()
    for op, av in items:
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue
        if op is _C.LITERAL:
            return found | {chr(av)}, False
        if op is _C.IN:
            for kind, value in av:
                if kind is _C.LITERAL:
                    found.add(chr(value))
                elif kind is _C.RANGE:
                    found.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    found.update(_CATEGORIES[value])  # (\\d or \\s; any other fails here)
            return found, False
        if op is _C.BRANCH:
            empty = False
            for branch in av[1]:
                chars, may_be_empty = first_characters(branch)
                found |= chars
                empty = empty or may_be_empty
        elif op is _C.SUBPATTERN:
            assert not (av[1] or av[2]), "a group's own flags: not read here"
            chars, empty = first_characters(av[3])
            found |= chars
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
            chars, body_empty = first_characters(av[2])
            found |= chars
            empty = av[0] == 0 or body_empty
        else:
            raise AssertionError(f"{op} first: not read here")
        if not empty:
            return found, False
    return found, True


@pytest.mark.parametrize("name", LOOKAHEADS)
def test_a_lookahead_in_front_lets_through_whatever_the_pattern_may_start_with(name: str) -> None:
    pattern = LOOKAHEADS[name]
    lookahead = re.match(r"\(\?=(\[(?:\\.|[^\]])*\]|\\d|\\s|\w)\)", pattern.pattern)
    assert lookahead is not None, "it opens with the lookahead"
    rest = _PARSER.parse(pattern.pattern[lookahead.end() :], pattern.flags)
    starts, may_be_empty = first_characters(rest)
    assert not may_be_empty
    allowed = re.compile(lookahead[1], pattern.flags)
    assert [c for c in sorted(starts) if not allowed.fullmatch(c)] == []


# The shorthands in pieces, in either case, with the letters other than ASCII that re reads
# case-blind as ASCII ones (İ, ı, ſ, the Kelvin sign) and another that is none of them.
SHORTHAND_TEXT = st.lists(
    st.sampled_from(
        [
            *("w/", "o", "in", "b/c", "btwn", "gov", "t", "'", "’", "s", "wd", "shd", "ppl"),
            *("yrs", "G", "W", " ", ".", "é", "\u0130", "\u0131", "\u017f", "\u212a", "x"),
        ]
    )
).map("".join)


@given(SHORTHAND_TEXT)
def test_shorthands_are_written_out_as_the_pattern_alone_writes_them(text: str) -> None:
    assert language.spelt_out(text) == language._SHORTHAND.sub(language._written_out, text)


# Text made of what the casing and signpost patterns turn on: capitals after words, commas,
# brackets and quotes, runs of spaces and line breaks, and the words a signpost says.
CASING_TEXT = st.lists(
    st.sampled_from(
        [
            *(" ", "  ", "\n", "\t", ",", ";", ")", "’", "'", "”", ".", "-", "é", "É", "2"),
            *("Stalin", "Stalin’s", "war", "However", "the", "other", "only", "ONLY", "Other"),
            *("reasons", "factors", "was", "not", "There", "were", "also", "important", "too"),
        ]
    )
).map("".join)
PLAIN_PROPER = re.compile(r"(?<=[\w,;)’'”])\s+([A-Z][\w’'-]*)(?!\s+[A-Z])")


@given(CASING_TEXT)
def test_proper_words_are_found_as_with_the_lookbehind_in_front(text: str) -> None:
    assert clauses._PROPER.findall(text) == PLAIN_PROPER.findall(text)


def test_proper_words_of_the_notes_are_found_as_with_the_lookbehind_in_front(
    seed_path: Path,
) -> None:
    for path in [seed_path, *NOTES]:
        text = path.read_text(encoding="utf-8")
        assert clauses._PROPER.findall(text) == PLAIN_PROPER.findall(text)


@given(CASING_TEXT)
def test_a_signpost_is_found_as_the_pattern_alone_finds_it(text: str) -> None:
    assert points._is_signpost(text) == (points._SIGNPOST.fullmatch(text) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "However, the war was not the only reason",
        "There were also OTHER factors",
        "Other causes mattered too",
        "However, other factors were also important",
    ],
)
def test_signposts_are_found_past_the_quick_look(text: str) -> None:
    assert points._is_signpost(text)


# Text made of the pieces of dates: figures, eras, quotes, the words of "that year" and "the
# following year" in either case, and the other words that start with a "t".
DATE_TEXT = st.lists(
    st.sampled_from(
        [
            *(" ", "  ", "\n", ",", ".", "/", "-", "’", "'", "s", "1956", "48", "5", "0", "AD"),
            *("BC", "that", "THAT", "That", "the", "The", "THE", "same", "following", "next"),
            *("year", "Year", "summer", "then", "they", "thus", "March", "July", "Tsar", "\u212a"),
        ]
    )
).map("".join)
DATE_LOOKAHEAD = r"(?=[\dA’']|(?i:th(?:at|e) ))"
PLAIN_DATE = re.compile(dates._DATE.pattern.removeprefix(DATE_LOOKAHEAD), dates._DATE.flags)


def date_matches(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [(found.span(), found.groupdict()) for found in pattern.finditer(text)]


def test_the_plain_date_pattern_is_the_pattern_without_its_lookahead() -> None:
    assert dates._DATE.pattern == DATE_LOOKAHEAD + PLAIN_DATE.pattern
    assert PLAIN_DATE.pattern.startswith("(?:(?<!")


@given(DATE_TEXT)
def test_dates_are_found_as_without_the_lookahead(text: str) -> None:
    assert date_matches(dates._DATE, text) == date_matches(PLAIN_DATE, text)


def test_dates_of_the_notes_are_found_as_without_the_lookahead(seed_path: Path) -> None:
    for path in [seed_path, *NOTES]:
        text = path.read_text(encoding="utf-8")
        assert date_matches(dates._DATE, text) == date_matches(PLAIN_DATE, text)


# Text made of what a name's words turn on: capitals, figures and ordinals, the small words
# inside names and words that start as they do, quotes, hyphens and spaces.
NAME_TEXT = st.lists(
    st.sampled_from(
        [
            *(" ", "\n", ",", ".", "’", "'", "-", "16th", "101st", "2", "é", "É", "_"),
            *("of", "the", "de", "della", "del", "von", "van", "bin", "ibn", "y", "v", "zu"),
            *("offer", "these", "dense", "vote", "yes", "bind", "Duke", "Norfolk", "Kraft"),
        ]
    )
).map("".join)
PLAIN_NAME_TOKEN = re.compile(
    r"(?<![\w’'-])[’'-]*+("
    r"[^\W\da-z_](?:[\w’'-]*\w)?|"
    r"\d{1,3}(?:st|nd|rd|th)(?![\w’'-])|"
    rf"(?:{'|'.join(sorted(terms._LINKS, key=len, reverse=True))})(?![’'-]*\w)"
    r")"
)


def name_tokens(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [found.span(1) for found in pattern.finditer(text)]


@given(NAME_TEXT)
def test_name_tokens_are_found_as_without_the_look_at_first_letters(text: str) -> None:
    assert name_tokens(terms._NAME_TOKEN, text) == name_tokens(PLAIN_NAME_TOKEN, text)


def test_name_tokens_of_the_notes_are_found_as_without_the_look_at_first_letters(
    seed_path: Path,
) -> None:
    for path in [seed_path, *NOTES]:
        text = path.read_text(encoding="utf-8")
        assert name_tokens(terms._NAME_TOKEN, text) == name_tokens(PLAIN_NAME_TOKEN, text)


def test_frozen_values_are_pickled_as_pydantic_pickles_them(seed_path: Path) -> None:
    course = read_notes(seed_path).course
    family = course.topics[0].families[0]
    schemes = [scheme_module.build_scheme(q, family) for q in family.questions]
    values: list[Any] = [course, *schemes, *family_points(family), *cards_of(course)]
    for value in values:
        again = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        # pydantic's own pickling, as Frozen.__reduce__ replaces it
        plain = pickle.loads(pickle.dumps(value.__getstate__(), protocol=2))
        assert type(again) is type(value)
        assert again == value
        assert again.__dict__ == plain["__dict__"]
        assert again.__pydantic_fields_set__ == plain["__pydantic_fields_set__"]
        assert again.__pydantic_extra__ is None and again.__pydantic_private__ is None
        assert again.model_dump() == value.model_dump()


# What clauses.DATE and clauses._UNIT looked at first before they looked past the words that
# start with "c", "e", "m" or "l": a character each may start with.
CLAUSE_DATE_LOOKAHEAD = r"(?=[\dACDFJMNOS’']|c(?:\.|irca))"
UNIT_LOOKAHEAD = r"(?=[\d£$€’'ACDFJMNOS]|c(?:a?\.|irca)|(?:early|mid|late)-)"
PLAIN_CLAUSE_DATE = re.compile(
    r"(?=[\dcACDFJMNOS’'])" + clauses.DATE.pattern.removeprefix(CLAUSE_DATE_LOOKAHEAD),
    clauses.DATE.flags,
)
PLAIN_UNIT = re.compile(
    r"(?=[\d£$€’'cemlACDFJMNOS])"
    + clauses._UNIT.pattern.removeprefix(UNIT_LOOKAHEAD).replace(
        clauses.DATE.pattern, PLAIN_CLAUSE_DATE.pattern
    ),
    clauses._UNIT.flags,
)
UNIT_TEXT = st.lists(
    st.sampled_from(
        [
            *(" ", "\t", "-", ".", ",", "/", "%", "£", "’", "'", "5", "12", "1956", "1,000", "m"),
            *("c", "c.", "ca.", "circa", "early", "mid", "late", "cost", "mile", "AD", "BC"),
            *("March", "Jan", "Sept", "to", "and", "ft", "in", "s", "\u212a", "\u017f", "C"),
        ]
    )
).map("".join)


def test_the_plain_date_and_unit_patterns_are_the_patterns_less_their_lookaheads() -> None:
    assert clauses.DATE.pattern.startswith(CLAUSE_DATE_LOOKAHEAD)
    assert clauses._UNIT.pattern.startswith(UNIT_LOOKAHEAD)
    assert clauses.DATE.pattern in clauses._UNIT.pattern
    assert PLAIN_CLAUSE_DATE.pattern in PLAIN_UNIT.pattern


@given(UNIT_TEXT)
def test_dates_and_units_are_found_as_with_a_first_character_alone(text: str) -> None:
    for pattern, plain in ((clauses.DATE, PLAIN_CLAUSE_DATE), (clauses._UNIT, PLAIN_UNIT)):
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_dates_and_units_of_the_notes_are_found_as_with_a_first_character_alone(
    seed_path: Path,
) -> None:
    for path in [seed_path, *NOTES]:
        text = path.read_text(encoding="utf-8")
        for pattern, plain in ((clauses.DATE, PLAIN_CLAUSE_DATE), (clauses._UNIT, PLAIN_UNIT)):
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in plain.finditer(text)
            ]


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "-", "'", "’", "1", "_", "é", "\n", "."])))
def test_words_are_counted_as_far_as_needed_as_they_are_counted_whole(text: str) -> None:
    for most in range(5):
        assert points._at_most_words(text, most) == (len(language.WORD.findall(text)) <= most)
