"""The quick paths of issue 12's speed work give exactly what the plain ones gave.

Each test states the plain way (as the code did it before) and checks the quick one against
it on the notes of the repository and on generated text: a speed-up changes no point, scheme
or card. ``benchmarks/same_outputs.py`` compares whole courses, the 5 MB notes among them,
with another checkout.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pastpaper.course import Course
from pastpaper.ingest import read_notes
from pastpaper.schemes import scheme as scheme_module
from pastpaper.schemes import sentences as sentences_module
from pastpaper.schemes.clauses import DATE, _has_digit
from pastpaper.schemes.points import clear_caches, family_points, sentence_spans
from pastpaper.schemes.terms import Fact, make_fact
from pastpaper.study import cards as cards_module
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
