"""A list the notes give after a colon ("The Charter set out six demands: a, b, ... and f")
is as many points as it has items, as an examiner credits each; a list of single words, a
list under a label and a name with what is said of it between commas stay one point; cards
ask about the list whole. So is a series of deeds or statements in one sentence ("the Nazis
banned trade unions, abolished the other parties, controlled the press and set up the
Gestapo"); two verbs sharing one object ("the SS arrested and shot Röhm") stay one point;
a bold label run into a list item ("- **The media.** In ...") is structure, not a point.
Every note here was written for these tests."""

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


# -- series of deeds, shared objects, bold labels ---------------------------------------------

GLEICHSCHALTUNG = "\n\n".join(
    [
        "The Nazi state.",
        "1: Making a dictatorship",
        "2017: Describe how the Nazis removed opposition in 1933. (8)",
        "On 2 May 1933 the Nazis banned trade unions, abolished the other parties, controlled "
        "the press and set up the Gestapo.",
        "On the night of 30 June 1934 the SS arrested and shot Röhm and other SA leaders.",
    ]
)


def test_a_series_of_deeds_is_a_point_for_each_and_shared_objects_stay_whole() -> None:
    assert texts(GLEICHSCHALTUNG) == [
        "On 2 May 1933 the Nazis banned trade unions",
        "abolished the other parties",
        "controlled the press",
        "set up the Gestapo",
        # "the SS arrested" alone would say nothing: who was arrested is who was shot.
        "On the night of 30 June 1934 the SS arrested and shot Röhm and other SA leaders",
    ]


@pytest.mark.parametrize(
    ("paragraph", "points"),
    [
        (  # clauses with their own subjects, after a colon, with a comma before "and"
            "Other groups also mattered: the NAACP won court cases, SNCC organised students, "
            "and CORE ran the Freedom Rides.",
            [
                "Other groups also mattered",
                "the NAACP won court cases",
                "SNCC organised students",
                "CORE ran the Freedom Rides",
            ],
        ),
        (  # what stands before the subject stays with the first deed
            "In 1933, Hitler banned the KPD, closed its offices and arrested its leaders.",
            ["In 1933, Hitler banned the KPD", "closed its offices", "arrested its leaders"],
        ),
        (
            "In 1913 Germany passed a new army law, France lengthened military service to "
            "three years and Russia began a great programme of rearmament.",
            [
                "In 1913 Germany passed a new army law",
                "France lengthened military service to three years",
                "Russia began a great programme of rearmament",
            ],
        ),
    ],
)
def test_series_in_other_shapes_are_cut_into_their_parts(paragraph: str, points: list[str]) -> None:
    assert texts(one_paragraph(paragraph)) == points


@pytest.mark.parametrize(
    ("paragraph", "first"),
    [
        # A participle that describes, with its agent, after an adverb, or with "that".
        (
            "The trade unions were replaced by a Labour Front, led by Robert Ley, and strikes "
            "were banned.",
            "The trade unions were replaced by a Labour Front, led by Robert Ley",
        ),
        (
            "The plots were small, badly kept secrets and Walsingham's spies knew of them.",
            "The plots were small, badly kept secrets",
        ),
        (
            "He sailed on to Cuba, convinced that he had reached Asia, and he wrote to the "
            "monarchs.",
            "He sailed on to Cuba, convinced that he had reached Asia",
        ),
        # An opening participle is no subject; a name with what is said of it is no series.
        (
            "Twice humiliated, Germany felt more encircled than ever and it built more ships.",
            "Twice humiliated, Germany felt more encircled than ever",
        ),
        (
            "Shanty towns of the homeless, nicknamed Hoovervilles, stood outside most big "
            "cities and the police broke up the camps.",
            "Shanty towns of the homeless, nicknamed Hoovervilles, stood outside most big cities",
        ),
        # A clause that leans on the one before, and an -ing word's.
        (
            "Prices rose, although wages fell behind, and workers struck in the spring.",
            "Prices rose, although wages fell behind",
        ),
        (  # a clause that opens the sentence and leans on the main clause after it
            "After he was shot in 1963, Lyndon Johnson used his skill with Congress and the "
            "bill passed.",
            "After he was shot in 1963, Lyndon Johnson used his skill with Congress",
        ),
        (
            "Hitler attacked the Church, hoping to win Protestant votes, and he closed Catholic "
            "schools.",
            "Hitler attacked the Church, hoping to win Protestant votes",
        ),
    ],
)
def test_what_is_no_series_keeps_its_commas(paragraph: str, first: str) -> None:
    assert texts(one_paragraph(paragraph))[0] == first


def test_the_scheme_credits_each_deed_and_an_answer_earns_a_mark_for_each() -> None:
    family = family_of(GLEICHSCHALTUNG)
    scheme = build_scheme(family.questions[0], family)
    deeds = {"abolished the other parties", "controlled the press", "set up the Gestapo"}
    assert deeds <= {p.point.text for p in scheme.creditable}
    answer = (
        "In May 1933 the Nazis banned the trade unions. They also abolished the other "
        "political parties and took control of the press."
    )
    marking = mark(answer, scheme, embedder(), calibration())
    credited = {c.point_text for c in marking.credited}
    assert {"abolished the other parties", "controlled the press"} <= credited
    assert marking.mark >= 3  # the three deeds were one point, worth at most 2 marks


def test_cards_ask_about_the_series_as_before() -> None:
    """Cards are asked from the sentence as the cutting at "and" leaves it: the series is
    no list of answers to learn one by one."""
    cards = cards_of(parse_notes(GLEICHSCHALTUNG).course)
    assert any(
        "banned trade unions, abolished the other parties, controlled the press" in card.source
        for card in cards
    )
    assert not any(card.source.startswith("abolished") for card in cards)


MEDIA = "\n\n".join(
    [
        "Civil rights.",
        "1: The movement",
        "2019: Why did the civil rights movement make progress in the years 1960-65? (8)",
        "Several factors led to progress:\n\n"
        "- **Non-violent direct action.** The sit-ins that began in Greensboro in February "
        "1960 spread to over fifty towns.\n"
        "- __The media.__ In Birmingham in May 1963 Bull Connor turned fire hoses on "
        "children, which meant millions of Americans saw the brutality on television.",
    ]
)


def test_a_bold_label_run_into_a_list_item_is_no_point() -> None:
    found = family_points(family_of(MEDIA))
    assert [p.text for p in found] == [  # (the line over the list only opens it)
        "The sit-ins that began in Greensboro in February 1960 spread to over fifty towns",
        "In Birmingham in May 1963 Bull Connor turned fire hoses on children, which meant "
        "millions of Americans saw the brutality on television",
    ]
    # The sentence after the label opens as a sentence does: its "The" is no name.
    assert "The" not in found[1].key_terms
    assert not any("*" in p.text or "_" in p.text for p in found)


def test_a_bold_label_of_some_words_run_into_a_paragraph_is_no_point() -> None:
    """A bold label of up to six words opens a paragraph as a heading would, and the bold
    name after it, initials and all, is one point with one name."""
    notes = "\n\n".join(
        [
            "South Africa.",
            "3: The end of apartheid",
            "2018: Describe how apartheid ended. (6)",
            "**De Klerk and the transition.** **F. W. de Klerk** became president in "
            "September 1989. On 2 February 1990 he unbanned the ANC.",
        ]
    )
    found = family_points(family_of(notes))
    assert [p.text for p in found] == [
        "F. W. de Klerk became president in September 1989",
        "On 2 February 1990 he unbanned the ANC",
    ]
    assert "F. W. de Klerk" in found[0].key_terms


def test_a_dash_before_a_cut_is_no_part_of_the_point() -> None:
    notes = "\n\n".join(
        [
            "The Normans.",
            "6: The Church",
            "2018: How successful were William's changes to the English Church? (10)",
            "- clergy told to stop marrying - but not fully enforced",
        ]
    )
    assert [p.text for p in family_points(family_of(notes))] == [
        "clergy told to stop marrying",
        "not fully enforced",
    ]
