"""The English the library reads by (pastpaper.language): verbs, years, months, numbers, the
little words; written once, and every module reads by the same lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from pastpaper.language import (
    FACT_YEAR,
    LITTLE_WORDS,
    MONTH_OR_SHORT,
    MONTHS,
    NEGATIONS,
    PAPER_YEAR,
    YEAR,
    as_number,
    base_form,
    has_verb,
    is_past,
    is_verb,
)
from pastpaper.model import Frozen
from pastpaper.schemes.clauses import parse_clause
from pastpaper.schemes.points import Fact, facts, note_points
from pastpaper.schemes.scheme import content_stems
from pastpaper.study.dates import mentions
from pastpaper.text import has_phrase

SOURCE = Path(__file__).parents[1] / "src" / "pastpaper"

IRREGULAR = {
    "became": "become",
    "began": "begin",
    "brought": "bring",
    "fought": "fight",
    "drew": "draw",
    "led": "lead",
    "won": "win",
    "sold": "sell",
    "threw": "throw",
    "withdrew": "withdraw",
    "overthrew": "overthrow",
    "bought": "buy",
}


@pytest.mark.parametrize(("past", "plain"), IRREGULAR.items())
def test_irregular_past_tenses_are_verbs_with_their_plain_form(past: str, plain: str) -> None:
    assert is_verb(past) and is_past(past)
    assert base_form(past) == plain


def test_regular_past_tenses_and_auxiliaries_are_verbs_and_lookalikes_are_not() -> None:
    assert all(is_verb(w) for w in ["closed", "planned", "agreed", "was", "had", "would", "been"])
    # "-ed" words that are no verb, a capitalised word, and "need"/"speed" (no past tense)
    assert not any(is_verb(w) for w in ["hundred", "sacred", "naked", "Closed", "need", "speed"])
    assert [base_form(w) for w in ["closed", "scrapped", "tried", "emphasised"]] == [
        "close",
        "scrap",
        "try",
        "emphasise",
    ]
    # A short stem doubles its consonant before "-ed": "noted" is no "not", "scraped" no
    # "scrap"; and "united" is "unite", though "unit" is the commoner word.
    assert [base_form(w) for w in ["noted", "scraped", "planned", "united", "visited"]] == [
        "note",
        "scrape",
        "plan",
        "unite",
        "visit",
    ]


def test_notes_are_cut_into_points_only_at_the_verbs_that_split() -> None:
    # One detector: the narrower reading at which a sentence becomes two points.
    assert is_verb("died", splits=False) and not is_verb("died", splits=True)
    assert is_verb("used") and not is_verb("used", splits=True)
    assert is_verb("became", splits=True) and is_verb("become", splits=True)
    assert has_verb("Prices rose sharply") and not has_verb("The Secret Speech")
    two = "The wages of workers rose and the price of bread fell in 1957."
    assert [p.text for p in note_points(two, 0)] == [
        "The wages of workers rose",
        "the price of bread fell in 1957",
    ]
    one = "Many peasants left the farms and died of hunger in the towns."
    assert [p.text for p in note_points(one, 0)] == [one[:-1]]


def test_a_clause_of_an_irregular_verb_is_read_whole() -> None:
    clause = parse_clause("In 1961 Khrushchev withdrew the missiles from Cuba")
    assert clause is not None
    assert (clause.lead, clause.subject, clause.aux, clause.verb) == (
        "In 1961",
        "Khrushchev",
        "did",
        "withdraw",
    )


@pytest.mark.parametrize(
    ("text", "lead", "subject"),
    [
        # a name after a preposition and its article is the lead's, up to its comma
        ("On the Dorset coast, two new groynes were built in 1988", "On the Dorset coast",
         "two new groynes"),
        ("In the Reichstag election of May 1928 the Nazis won 12 seats",
         "In the Reichstag election of May 1928", "the Nazis"),
        ("In the Ruhr French troops seized the mines", "In the Ruhr", "French troops"),
    ],
)  # fmt: skip
def test_a_lead_keeps_the_name_its_preposition_governs(text: str, lead: str, subject: str) -> None:
    clause = parse_clause(text)
    assert clause is not None
    assert (clause.lead, clause.subject) == (lead, subject)


def test_no_subject_runs_over_a_clause_and_a_date() -> None:
    # "read" is no past the clause can tell: no card may ask what "Lister read about ... and
    # in 1865" began.
    assert parse_clause("Lister read about germ theory and in 1865 began to use carbolic") is None


@pytest.mark.parametrize(
    ("pattern", "first", "last"),
    [(YEAR, 1000, 2099), (FACT_YEAR, 1500, 2099), (PAPER_YEAR, 1800, 2199)],
)
def test_each_year_pattern_takes_exactly_its_range(pattern: str, first: int, last: int) -> None:
    taken = [y for y in range(100, 10_000) if re.fullmatch(pattern, str(y))]
    assert taken == list(range(first, last + 1))


def test_a_date_may_be_any_year_from_1000_but_a_fact_year_starts_at_1500() -> None:
    text = "In 1215 the barons met 1200 knights; in 1588 the Armada sailed."
    assert [m.year for m in mentions(text)] == [1215, 1200, 1588]
    assert facts(text, []) == [
        Fact(kind="number", value="1215"),
        Fact(kind="number", value="1200"),
        Fact(kind="year", value="1588"),
    ]


@pytest.mark.parametrize(
    ("said", "number"),
    [
        ("twenty-five", "25"),
        ("three hundred and fifty", "350"),
        ("2 million", "2000000"),
        ("12.8 million", "12800000"),
        ("nineteen", "19"),
        ("one thousand", "1000"),
        ("the Politburo", "the Politburo"),
    ],
)
def test_number_words_are_read_as_numbers(said: str, number: str) -> None:
    assert as_number(said) == number


def test_number_words_in_notes_are_facts() -> None:
    found = facts("Some two million peasants moved and twenty-five factories closed", [])
    assert [f.value for f in found if f.kind == "number"] == ["two million", "twenty-five"]


def test_months_full_and_short() -> None:
    assert MONTHS[0] == "January" and MONTHS[8] == "September" and len(MONTHS) == 12
    for written in ["August", "Aug", "Sept.", "Sep", "Dec"]:
        assert re.fullmatch(MONTH_OR_SHORT, written), written
    assert not re.fullmatch(MONTH_OR_SHORT, "Mayor")
    assert [(m.month, m.day) for m in mentions("On 4 Aug 1914 and on 5 Sept 1915")] == [
        (8, 4),
        (9, 5),
    ]


def test_the_little_words_say_nothing() -> None:
    assert re.search(rf"\b(?:{NEGATIONS})\b", "they would never agree")
    assert not re.search(rf"\b(?:{NEGATIONS})\b", "the notion of knowledge")
    assert {"the", "of"} <= LITTLE_WORDS
    # a question's frame ("describe", "policy") is no content to match an answer by
    assert content_stems("Describe the policy of the Virgin Lands") == {"virgin", "land"}


def test_a_phrase_is_found_whole() -> None:
    assert has_phrase("the soviet union", "soviet union")
    assert not has_phrase("sovietised states", "soviet")
    assert not has_phrase("anti-soviet feeling", "soviet")


def test_frozen_data_cannot_change_and_takes_no_unknown_fields() -> None:
    class Mark(Frozen):
        marks: int

    mark = Mark(marks=3)
    with pytest.raises(ValidationError):
        mark.marks = 4
    with pytest.raises(ValidationError):
        Mark(marks=3, mraks=4)  # type: ignore[call-arg]


def _sources() -> list[tuple[str, str]]:
    return [(str(p.relative_to(SOURCE)), p.read_text()) for p in sorted(SOURCE.rglob("*.py"))]


def test_the_english_is_written_once() -> None:
    """Months, year ranges, number words and verb lists live in language.py alone."""
    written_once = [
        r"January\W+February",
        r"1\[5-9\]\\d",
        r"\(\?:18\|19\|20\|21\)",
        r"sixteen\W+seventeen",
        r"fought\W+found",
        r"would could should",
    ]
    for name, text in _sources():
        if name == "language.py":
            continue
        for pattern in written_once:
            assert not re.search(pattern, text), f"{name} writes {pattern} again"


def test_one_frozen_base_for_the_plain_data() -> None:
    frozen = re.compile(r"ConfigDict\(frozen=True, extra=\"forbid\"\)")
    holders = [name for name, text in _sources() if frozen.search(text)]
    assert holders == ["model.py"]
