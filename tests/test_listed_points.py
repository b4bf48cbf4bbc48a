"""A list the notes give after a colon ("The Charter set out six demands: a, b, ... and f")
is as many points as it has items, as an examiner credits each; a list of single words, a
list under a label and a name with what is said of it between commas stay one point; cards
ask about the list whole. Every note here was written for these tests."""

from __future__ import annotations

import pytest

from pastpaper.course import QuestionFamily
from pastpaper.ingest import parse_notes
from pastpaper.marking import mark
from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import embedder
from pastpaper.schemes.points import family_points
from pastpaper.schemes.scheme import build_scheme
from pastpaper.study.cards import cards_of

CHARTISM = "\n\n".join(
    [
        "Chartism.",
        "1: The Chartists",
        "2019: What were the aims of the Chartists? (6)",
        "The People's Charter of 1838 set out six demands: a vote for every man aged "
        "twenty-one, voting by secret ballot, no property qualification for MPs, payment of "
        "MPs, constituencies of equal size and annual elections to Parliament.",
        "The movement drew on anger at the New Poor Law of 1834.",
    ]
)

DEMANDS = [
    "a vote for every man aged twenty-one",
    "voting by secret ballot",
    "no property qualification for MPs",
    "payment of MPs",
    "constituencies of equal size",
    "annual elections to Parliament",
]


def family_of(notes: str) -> QuestionFamily:
    return parse_notes(notes).course.topics[0].families[0]


def texts(notes: str) -> list[str]:
    return [p.text for p in family_points(family_of(notes))]


def one_paragraph(paragraph: str) -> str:
    return "\n\n".join(["Notes.", "1: A topic", "2020: Describe the topic. (6)", paragraph])


def test_a_list_after_a_clause_and_a_colon_is_a_point_for_each_item() -> None:
    assert texts(CHARTISM) == [
        "The People's Charter of 1838 set out six demands",
        *DEMANDS,
        "The movement drew on anger at the New Poor Law of 1834",
    ]
    point = family_points(family_of(CHARTISM))[3]
    start, end = point.source.start, point.source.end
    assert family_of(CHARTISM).notes[0][start:end] == "no property qualification for MPs"


@pytest.mark.parametrize(
    ("paragraph", "items"),
    [
        # with a comma before the last item's "and", and an "or" list
        (
            "Caesar used his power for lasting reforms: the new calendar of 365 days, land "
            "for veterans, and citizenship for more of the provinces.",
            [
                "the new calendar of 365 days",
                "land for veterans",
                "citizenship for more of the provinces",
            ],
        ),
        (
            "Each village had to make one of three choices: pay the new tax, send men to the "
            "army or give up its common land.",
            ["pay the new tax", "send men to the army", "give up its common land"],
        ),
        (
            "The decree set out the following: a fixed price for bread, a ration card for "
            "each family and a curfew in the capital.",
            ["a fixed price for bread", "a ration card for each family", "a curfew in the capital"],
        ),
        # a figure's comma is no item's end
        (
            "The treaty had three terms: an army of 100,000 men, no air force and reparations "
            "of 132 billion marks.",
            ["an army of 100,000 men", "no air force", "reparations of 132 billion marks"],
        ),
    ],
)
def test_lists_in_other_shapes_are_cut_into_their_items(paragraph: str, items: list[str]) -> None:
    assert texts(one_paragraph(paragraph))[1:] == items


@pytest.mark.parametrize(
    "paragraph",
    [
        # single words: one thing said of the settlement
        "A middle way served several ends at once: unity, order and security.",
        # a claim and its evidence, not a list of what the lead names
        "In doctrine it was Protestant: no Pope, services in English, and a new Prayer Book.",
        "Some said it went nowhere near far enough: Long's Share Our Wealth scheme, "
        "Coughlin's radio sermons and Townsend's pension plan.",
        # a label, not a clause, before the colon: the list is what the label was
        "Relief measures: food for the hungry, shelter for the homeless and work for the "
        "unemployed.",
        # a name and what is said of it between commas, no list
        "Silver came from the Americas: the mountain of Potosí in Peru, found in 1545, "
        "produced more silver than anywhere else.",
        # which "and" lists? ("the blind and disabled and poor families")
        "The Act brought in three things: pensions for the old, help for the blind and "
        "disabled and aid for poor families.",
        # an aside in brackets inside the list
        "Three agencies were set up: the CCC (for young men), the PWA and the TVA in the south.",
        # two items only
        "Two groups gained most: the landowners of the south and the bankers of the north.",
        # prose after the colon, not a list
        "The reasons ran deep: the peasants who had worked the same strips for generations "
        "without ever owning them resented the landlords, the priests who took a tenth and "
        "the tax collectors.",
    ],
)
def test_what_is_no_list_of_phrases_stays_one_point(paragraph: str) -> None:
    assert texts(one_paragraph(paragraph)) == [paragraph.rstrip(".")]


def test_the_scheme_credits_each_item_and_an_answer_earns_a_mark_for_each() -> None:
    family = family_of(CHARTISM)
    scheme = build_scheme(family.questions[0], family)
    assert set(DEMANDS) <= {p.point.text for p in scheme.creditable}
    answer = (
        "The Chartists wanted a vote for all men over twenty-one and a secret ballot. They "
        "also wanted MPs to be paid and elections to Parliament every year."
    )
    marking = mark(answer, scheme, embedder(), calibration())
    credited = {c.point_text for c in marking.credited}
    assert {
        "a vote for every man aged twenty-one",
        "voting by secret ballot",
        "payment of MPs",
        "annual elections to Parliament",
    } <= credited
    assert marking.mark >= 4  # the list was one point, worth at most 2 marks


def test_cards_ask_about_the_list_whole() -> None:
    cards = cards_of(parse_notes(CHARTISM).course)
    listed = [card for card in cards if "Charter" in card.source]
    assert listed
    # Each is asked from the whole sentence (the cloze cards show it all), as before lists
    # were cut; no card asks about a bare item alone ("What was payment of MPs?").
    assert all(all(demand in card.source for demand in DEMANDS) for card in listed)
    cloze = [card.front for card in listed if card.kind == "cloze"]
    assert "The People's Charter of {{c1::1838}} set out six demands: a vote" in "".join(cloze)
    assert any(
        card.front == "How many demands did the People's Charter of 1838 set out?"
        for card in listed
    )
