"""The quick paths of the cards' speed work give exactly what the plain ones gave.

As in ``test_fast_paths.py``: each test states the plain way (as the code did it before) and
checks the quick one against it, on the notes of the repository and on generated text.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pastpaper.ingest import read_notes
from pastpaper.schemes.points import family_points
from pastpaper.study import questions, statements
from pastpaper.study.cards import Card, places_of, read_share, without_duplicates
from pastpaper.text import match_key

ROOT = Path(__file__).resolve().parents[1]
NOTES = sorted((ROOT / "benchmarks" / "data" / "notes").glob("*.txt"))


def plain_written_alone(note: str, word: str) -> bool:
    """A word written alone in a note, as the pattern found it."""
    return re.search(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", note) is not None


WRITTEN = st.text(alphabet=st.sampled_from(list("ab .-'’_1é\n")))


@given(WRITTEN, WRITTEN.filter(bool))
def test_a_word_is_written_alone_where_the_pattern_finds_it(note: str, word: str) -> None:
    assert statements._written_alone(note, word) == plain_written_alone(note, word)


def test_words_of_the_notes_are_written_alone_where_the_pattern_finds_them(
    seed_path: Path,
) -> None:
    for path in [seed_path, *NOTES]:
        text = path.read_text(encoding="utf-8")
        lowered = text.lower()
        for word in sorted(set(re.findall(r"[A-Z][\w’'.-]*", text)))[:300]:
            word = word.lower()
            assert statements._written_alone(lowered, word) == plain_written_alone(lowered, word)


def plain_without_duplicates(cards: list[Card]) -> list[Card]:
    """without_duplicates as it was: one set of every kind of key."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for card in cards:
        keys = {
            ("id", card.id),
            ("front", match_key(card.front)),
            (card.kind, match_key(card.source), match_key(card.back)),
        }
        if not keys & seen:
            seen |= keys
            kept.append(card)
    return kept


def test_duplicates_are_left_out_as_before(seed_path: Path) -> None:
    for path in [seed_path, *NOTES]:
        course = read_notes(path).course
        places = places_of(course)
        share = read_share(course.slug, places)
        made = share.cards(course.slug, set(), share.casing, share.people)
        # Cards that share only an id, only a front, or only what they hide, as well as whole
        # cards made twice.
        again = [
            *made,
            *(card.model_copy(update={"front": "!" + card.front, "back": "!"}) for card in made),
            *(card.model_copy(update={"id": card.id + "x", "back": "?"}) for card in made),
            *(
                card.model_copy(update={"id": card.id + "y", "front": "?" + card.front})
                for card in made
            ),
            *reversed(made),
        ]
        assert list(without_duplicates(again)) == plain_without_duplicates(again)


DATED = st.text(
    alphabet=st.sampled_from(list("in on from to between March Sept BC AD c. 'ˈ-–/,019 "))
)


@given(DATED)
def test_a_date_after_a_verb_always_holds_a_digit(text: str) -> None:
    # A question's rest is searched for a date only where it holds a digit.
    if questions._DATED_REST.search(text):
        assert re.search(r"\d", text)


def test_dates_after_verbs_in_the_notes_hold_digits(seed_path: Path) -> None:
    for path in [seed_path, *NOTES]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if questions._DATED_REST.search(line):
                assert re.search(r"\d", line)


RANGED = st.lists(
    st.sampled_from(
        "five or six 5 6 between and 1 2 million two thirds quarters shots , . - 1,000".split()
    ),
    min_size=1,
)


@given(RANGED, st.integers(min_value=0))
def test_a_number_asked_as_a_range_holds_the_number_given(words: list[str], which: int) -> None:
    # A number is read as a range only where the clause's rest holds the number as given.
    text = " ".join(words)
    number = words[which % len(words)]
    assert number in questions._as_range(text, number)


def test_numbers_of_the_notes_asked_as_ranges_hold_the_numbers_given(seed_path: Path) -> None:
    for path in [seed_path, *NOTES]:
        for topic in read_notes(path).course.topics:
            for family in topic.families:
                for point in family_points(family, lists=False):
                    for fact in point.facts:
                        if fact.kind == "number":
                            assert fact.value in questions._as_range(point.text, fact.value)
