"""Timeline: the dated events of the seed's notes, earliest first, and the picture of them."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pastpaper.course import Course, Question, QuestionFamily, Topic
from pastpaper.errors import OutputError
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.schemes.points import family_points
from pastpaper.study.cards import cards_of
from pastpaper.study.charts import RIGHT_TO_LEFT_NOT_DRAWN
from pastpaper.study.timeline import Event, timeline, timelines
from pastpaper.study.timeline_chart import timeline_chart, timeline_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend
    from matplotlib.transforms import Bbox

EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "pastpaper" / "examples"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def events_of(notes: str) -> list[Event]:
    return timeline(parse_notes(f"4: Khrushchev\n\n2000: Why? (5)\n\n{notes}").course)


def test_the_seed_timeline(seed_path: Path) -> None:
    events = timeline(read_notes(seed_path).course)
    assert [(e.label, e.text) for e in events] == [
        ("March 1953", "Stalin died"),
        ("February 1956", "Khrushchev attacked Stalin in the Secret Speech"),
        (
            "1957",
            "Khrushchev closed down most of the large planning ministries in Moscow and set up "
            "150 regional economic councils (sovnarkhozy)",
        ),
        (
            "1956–1960",
            "The Sixth Five Year Plan once again emphasised reaching targets in heavy industry",
        ),
        (
            "1959",
            "The Seventh Five Year Plan which was launched in 1959 tried to boost crucial "
            "secondary industries such as chemicals, fertilisers…",
        ),
    ]
    assert [(e.date, e.start, e.end_year) for e in events] == [
        ("March 1953", (1953, 3, None), None),
        ("February 1956", (1956, 2, None), None),
        ("1957", (1957, None, None), None),
        ("1956 - 1960", (1956, None, None), 1960),
        ("1959", (1959, None, None), None),
    ]
    assert [(e.family, e.note) for e in events] == [(0, 0), (1, 0), (2, 1), (2, 2), (2, 2)]
    assert {e.topic for e in events} == {"Khrushchev’s attempts at modernisation"}


def test_the_secret_speech_told_twice_is_one_event_at_its_most_precise_date(
    seed_path: Path,
) -> None:
    # Family 1 says "In that year [1956] Khrushchev gave his secret speech"; family 2 says
    # "In February 1956 Khrushchev attacked Stalin in the Secret Speech".
    speeches = [e for e in timeline(read_notes(seed_path).course) if "peech" in e.text]
    assert [(e.date, e.family) for e in speeches] == [("February 1956", 1)]

    first_telling = events_of("In 1956 Khrushchev gave his secret speech to the congress.")
    assert [(e.date, e.text) for e in first_telling] == [
        ("1956", "Khrushchev gave his secret speech to the congress")
    ]


def test_the_built_in_example_timeline() -> None:
    events = timeline(read_notes(EXAMPLE / "khrushchev-reform.txt").course)
    assert [(e.label, e.topic[:8], e.note) for e in events] == [
        ("March 1953", "Khrushch", 0),
        ("February 1956", "Khrushch", 0),
        ("1957", "Khrushch", 1),
        ("1956–1960", "Khrushch", 2),
        ("1959", "Khrushch", 2),
        ("1962", "The fall", 2),
        ("1962", "The fall", 3),
        ("1963", "The fall", 1),
        ("October 1964", "The fall", 0),
    ]
    # "In February of that year he addressed ..." follows "by 1956 Khrushchev had emerged":
    # the "he" is the one the card names.
    assert events[1].text == (
        "Nikita Khrushchev addressed the Twentieth Party Congress in what became known as the "
        "Secret Speech"
    )


@pytest.mark.parametrize(
    ("notes", "dates"),
    [
        ("On 5 March 1953 Stalin died.", [("5 March 1953", (1953, 3, 5), None)]),
        ("On March 5th, 1953 Stalin died.", [("March 5th, 1953", (1953, 3, 5), None)]),
        ("The Plan ran 1956-60 without success.", [("1956-60", (1956, None, None), 1960)]),
        ("It ran from 1956 to 1960 in all.", [("1956 to 1960", (1956, None, None), 1960)]),
        ("It ran between 1956 and 1960.", [("1956 and 1960", (1956, None, None), 1960)]),
        (
            "In 1956 he spoke. The following year he set up the sovnarkhozy.",
            [("1956", (1956, None, None), None), ("1957", (1957, None, None), None)],
        ),
        (
            "Leadership was shared until 1956. In May of that year he spoke.",
            [("May 1956", (1956, 5, None), None)],
        ),
        ("He set up 150 councils and 2000 farms.", [("2000", (2000, None, None), None)]),
        (
            "Industry grew in the 1950’s and 1960s.",
            [("1950s", (1950, None, None), 1959), ("1960s", (1960, None, None), 1969)],
        ),
        ("On 4/8/1914 Britain declared war.", [("4/8/1914", (1914, 8, 4), None)]),
        ("On 4.8.1914 Britain declared war.", [("4.8.1914", (1914, 8, 4), None)]),
        ("On 31/2/1914 nothing at all.", []),
        ("Britain declared war in Aug 1914.", [("Aug 1914", (1914, 8, None), None)]),
        ("Shares fell on Sept. 3rd, 1929.", [("Sept. 3rd, 1929", (1929, 9, 3), None)]),
        ("The slump lasted 1929–33 in America.", [("1929–33", (1929, None, None), 1933)]),
        ("Printing came to Venice c. 1469.", [("c. 1469", (1469, None, None), None)]),
        ("Caesar was stabbed in 44 BC.", [("44 BC", (-44, None, None), None)]),
        # A day and month in figures before a year with its era.
        ("On 15/3/44 BC Caesar was stabbed.", [("15/3/44 BC", (-44, 3, 15), None)]),
        ("On 15.3.44 BC Caesar was stabbed.", [("15.3.44 BC", (-44, 3, 15), None)]),
        ("On 1/6/43 AD Claudius landed.", [("1/6/43 AD", (43, 6, 1), None)]),
        ("Claudius landed in AD 43.", [("AD 43", (43, None, None), None)]),
        ("Troops left by the summer of 1925.", []),
        ("Few voted for them by the 1930s.", []),
        ("Khrushchev was leader by 1956, up to 1964.", []),
        ("He ruled for twenty-five years. That year nothing happened.", []),
    ],
)
def test_dates_as_notes_write_them(
    notes: str, dates: list[tuple[str, tuple[int, int | None, int | None], int | None]]
) -> None:
    assert [(e.date, e.start, e.end_year) for e in events_of(notes)] == dates


def test_two_dates_in_one_sentence_are_two_events_told_by_their_clauses() -> None:
    events = events_of("Stalin was buried in 1953 and Khrushchev denounced him in 1956.")
    assert [(e.date, e.text) for e in events] == [
        ("1953", "Stalin was buried in 1953"),
        ("1956", "Khrushchev denounced him in 1956"),
    ]


@pytest.mark.parametrize(
    ("notes", "told"),
    [
        (  # terse items, each date straight after what it dates: one event each, once
            "- Arkwright: water frame 1769, first factory at Cromford 1771 - used water power",
            [
                ("1769", "Arkwright: water frame 1769"),
                ("1771", "First factory at Cromford 1771 - used water power"),
            ],
        ),
        (
            "- later railways, e.g. Stockton & Darlington 1825, Liverpool & Manchester 1830",
            [
                ("1825", "Later railways, e.g. Stockton & Darlington 1825"),
                ("1830", "Liverpool & Manchester 1830"),
            ],
        ),
        (  # prose dates with "in" or "of", and a date set off by commas, are read as before
            "The Kaiser's Kruger Telegram of 1896, congratulating the Boers, and his Daily "
            "Telegraph interview of 1908 angered British opinion.",
            [
                (
                    "1896",
                    "The Kaiser's Kruger Telegram of 1896, congratulating the Boers, and his "
                    "Daily Telegraph interview of 1908 angered British opinion",
                ),
                (
                    "1908",
                    "The Kaiser's Kruger Telegram of 1896, congratulating the Boers, and his "
                    "Daily Telegraph interview of 1908 angered British opinion",
                ),
            ],
        ),
    ],
)
def test_terse_dated_items_are_an_event_each(notes: str, told: list[tuple[str, str]]) -> None:
    assert [(e.date, e.text) for e in events_of(notes)] == told


def test_events_are_in_date_order_whatever_order_the_notes_tell_them() -> None:
    events = events_of(
        "The Seventh Plan began in 1959. The Sixth Plan (1956 - 1960) failed. "
        "In February 1956 he spoke out. In 1956 the camps were opened."
    )
    assert [e.label for e in events] == ["1956", "February 1956", "1956–1960", "1959"]


def test_notes_with_no_dates_give_an_empty_timeline_and_still_a_chart(tmp_path: Path) -> None:
    assert events_of("Khrushchev wanted more consumer goods.") == []
    family = QuestionFamily(questions=(Question(text="Why?"),), notes=("No dates here.",))
    empty = Course(title="Undated", topics=(Topic(title="Undated", families=(family,)),))
    assert timeline(empty) == []
    timeline_chart([], tmp_path / "timeline.svg")
    assert ElementTree.parse(tmp_path / "timeline.svg").getroot().tag.endswith("svg")


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_the_seed_timeline_chart_is_written(seed_path: Path, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"timeline{suffix}"
    timeline_chart(timeline(read_notes(seed_path).course), target)
    if suffix == ".svg":
        assert ElementTree.parse(target).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    else:
        assert target.read_bytes().startswith(PNG_SIGNATURE)


def test_a_timeline_chart_with_another_suffix_is_refused(seed_path: Path, tmp_path: Path) -> None:
    events = timeline(read_notes(seed_path).course)
    with pytest.raises(OutputError, match=r"timeline\.jpg: a chart is written as \.svg or \.png"):
        timeline_chart(events, tmp_path / "timeline.jpg")
    assert not (tmp_path / "timeline.jpg").exists()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["In", "March", "1953", "1956 - 1960", "that year", "until", "from", "to", "and"]
            ),
            st.integers(min_value=900, max_value=2200).map(str),
            st.text(alphabet="abcXYZ ,.-–()’", max_size=8),
        ),
        min_size=1,
        max_size=25,
    ).map(" ".join)
)
def test_any_notes_give_a_timeline_in_date_order(notes: str) -> None:
    family = QuestionFamily(questions=(Question(text="Why?"),), notes=(notes + " x",))
    events = timeline(Course(title="Any", topics=(Topic(title="Any", families=(family,)),)))
    middles = [e.start[0] + (e.end_year or e.start[0]) for e in events]
    assert middles == sorted(middles)
    for event in events:
        assert event.text
        assert event.end_year is None or event.end_year > event.start[0]


def test_how_each_kind_of_date_is_labelled_and_ordered() -> None:
    events = events_of(
        "Claudius landed in AD 43. Caesar was stabbed in 44 BC. Jazz spread in the 1920s. "
        "Printing came to Venice c. 1469. The Armada sailed in 1588."
    )
    assert [(e.label, e.circa, e.decade) for e in events] == [
        ("44 BC", False, False),
        ("AD 43", False, False),
        ("c. 1469", True, False),
        ("1588", False, False),
        ("1920s", False, True),
    ]


def test_a_day_and_month_without_a_year_take_the_year_named_before_them() -> None:
    events = events_of(
        "On 28 June 1914 the Archduke was shot in Sarajevo.\n\n"
        "The crisis, day by day:\n"
        "- 23 July: Vienna sent Belgrade an ultimatum it could hardly accept.\n"
        "- 1 August: Berlin declared war on St Petersburg, and on 3 August on Paris."
    )
    assert [(e.label, e.text) for e in events] == [
        ("28 June 1914", "The Archduke was shot in Sarajevo"),
        ("23 July 1914", "Vienna sent Belgrade an ultimatum it could hardly accept"),
        ("1 August 1914", "Berlin declared war on St Petersburg, and on 3 August on Paris"),
        ("3 August 1914", "Berlin declared war on St Petersburg, and on 3 August on Paris"),
    ]
    assert events_of("On 23 July an ultimatum was sent.") == []  # no year to take


@pytest.mark.parametrize(
    ("notes", "told"),
    [
        (
            "Britain declared war on 4 August 1914 because of the 1839 Treaty of London.",
            [
                (
                    "4 August 1914",
                    "Britain declared war on 4 August 1914 because of the 1839 Treaty of London",
                )
            ],
        ),
        (
            "Britain fought for Belgium, whose neutrality it had promised to uphold in the "
            "Treaty of London of 1839.",
            [],
        ),
        ("Britain went to war due to the guarantee of 1839.", []),
        (
            "Union membership rose from under three million in 1933.",
            [("1933", "Union membership rose from under three million in 1933")],
        ),
        (
            "Under the Treaty of Versailles of 1919 the German army was held to 100,000 men "
            "in 1921.",
            [
                (
                    "1921",
                    "Under the Treaty of Versailles of 1919 the German army was held to 100,000 "
                    "men in 1921",
                )
            ],
        ),
        (
            "In 2012 a Cambridge historian called the statesmen of 1914 sleepwalkers.",
            [("2012", "A Cambridge historian called the statesmen of 1914 sleepwalkers")],
        ),
        ("By 1928 German output had overtaken its level of 1913.", []),
        (
            "Russia, still sore after its defeat by Japan in 1905, gave way in March 1909.",
            [
                (
                    "March 1909",
                    "Russia, still sore after its defeat by Japan in 1905, gave way in March 1909",
                )
            ],
        ),
        (
            "Treaty of Berlin, April 1926: a pact with Moscow, renewing the friendship begun "
            "at Rapallo in 1922.",
            [
                (
                    "April 1926",
                    "Treaty of Berlin: a pact with Moscow, renewing the friendship begun at "
                    "Rapallo in 1922",
                )
            ],
        ),
        (
            "The design school, founded at Weimar in 1919, moved to Dessau in 1925.",
            [("1925", "The design school, founded at Weimar in 1919, moved to Dessau in 1925")],
        ),
        (
            "Italy stayed neutral in August 1914 and joined the Allies in May 1915.",
            [
                ("August 1914", "Italy stayed neutral in August 1914"),
                # Who joined: the event takes the subject its clause was cut from.
                ("May 1915", "Italy joined the Allies in May 1915"),
            ],
        ),
        (
            # ... the nearest that has one, and a clause after ", and" with its own subject
            # is an event of its own; where the clauses before have no date of their own,
            # the date is theirs too and the event keeps them.
            "He legalised black trade unions in 1979, repealed the mixed marriages ban in "
            "1985 and abolished the pass laws in 1986. In 1986 the USA passed the Act, and "
            "banks such as Chase Manhattan refused to roll over loans in 1985. The project "
            "built leaky dams and planted some 40,000 trees from 2009.",
            [
                ("1979", "He legalised black trade unions in 1979"),
                ("1985", "He repealed the mixed marriages ban in 1985"),
                ("1985", "Banks such as Chase Manhattan refused to roll over loans in 1985"),
                ("1986", "He abolished the pass laws in 1986"),
                ("1986", "The USA passed the Act"),
                ("2009", "The project built leaky dams and planted some 40,000 trees from 2009"),
            ],
        ),
        (
            "The Navy Laws of 1898 and 1900 planned a German battle fleet.",
            [
                ("1898", "The Navy Laws of 1898 and 1900 planned a German battle fleet"),
                ("1900", "The Navy Laws of 1898 and 1900 planned a German battle fleet"),
            ],
        ),
        (
            "Rearmament, Lend-Lease (March 1941) and war after Pearl Harbor in December 1941 "
            "ended the slump.",
            [
                (
                    "March 1941",
                    "Rearmament, Lend-Lease and war after Pearl Harbor in December 1941 ended "
                    "the slump",
                ),
                (
                    "December 1941",
                    "Rearmament, Lend-Lease and war after Pearl Harbor in December 1941 ended "
                    "the slump",
                ),
            ],
        ),
        (
            "The new service mixed the wording of the 1549 and 1552 books.",
            [],
        ),
        # a date in brackets after what came before ("after the Bay of Pigs (April 1961)")
        # dates that, by its name, not the event the sentence tells
        (
            "At the Vienna summit, 3-4 June 1961, Khrushchev judged Kennedy weak after the Bay "
            "of Pigs (April 1961) and renewed the ultimatum.",
            [
                ("April 1961", "The Bay of Pigs"),
                (
                    "3–4 June 1961",
                    "At the Vienna summit, Khrushchev judged Kennedy weak after the Bay of Pigs "
                    "(April 1961) and renewed the ultimatum",
                ),
            ],
        ),
        (
            "After Sharpeville (21 March 1960), the ANC was banned on 8 April 1960. Despite "
            "the murder of Chris Hani on 10 April 1993, elections were held in April 1994.",
            [
                ("21 March 1960", "Sharpeville"),
                (
                    "8 April 1960",
                    "After Sharpeville (21 March 1960), the ANC was banned on 8 April 1960",
                ),
                ("10 April 1993", "The murder of Chris Hani"),
                (
                    "April 1994",
                    "Despite the murder of Chris Hani on 10 April 1993, elections were held in "
                    "April 1994",
                ),
            ],
        ),
        # ... but not a clause ("After Luther died"), nor a thing whose owner the name
        # alone does not say ("its defeat by Japan")
        (
            "Russia, still weak after its defeat by Japan in 1904-05, backed down in March 1909.",
            [
                (
                    "March 1909",
                    "Russia, still weak after its defeat by Japan in 1904-05, backed down in "
                    "March 1909",
                )
            ],
        ),
        # another date in brackets dates its own thing, and leaves each label; a span that
        # heads a sentence with a closer date in it is no event of its own
        (
            "Heavy defeats at Tannenberg (Aug. 1914) and the Masurian Lakes (Sept. 1914).",
            [
                ("August 1914", "Heavy defeats at Tannenberg and the Masurian Lakes"),
                ("September 1914", "Heavy defeats at Tannenberg and the Masurian Lakes"),
            ],
        ),
        (
            "- 1905-06: Bloody Sunday (9/1/1905) set off revolution.",
            [("9 January 1905", "Bloody Sunday set off revolution")],
        ),
        # a day span in figures; what would have been is no event
        (
            "- July Days (3-4/7/1917): armed workers demanded Soviet power.",
            [("3–4 July 1917", "July Days: armed workers demanded Soviet power")],
        ),
        ("Without Lenin's pressure the vote of 10/10/1917 would prob. not have happened.", []),
        # two phrases of place and date: each event has its own; a clause of time cut
        # from its main clause tells what happened then
        (
            "The Union suffered heavy defeats at Fredericksburg in December 1862 and at "
            "Chancellorsville in May 1863.",
            [
                (
                    "December 1862",
                    "The Union suffered heavy defeats at Fredericksburg in December 1862",
                ),
                ("May 1863", "The Union suffered heavy defeats at Chancellorsville in May 1863"),
            ],
        ),
        # trial 27: a phrase of cause with a verb after it governs no date; what someone
        # remembered is of its own time; a year given as one or the next is one event;
        # things listed with their dates before what they all did are each an event
        (
            "Eden's health collapsed under the strain and he resigned on 9 January 1957.",
            [
                (
                    "9 January 1957",
                    "Eden's health collapsed under the strain and he resigned on 9 January 1957",
                )
            ],
        ),
        ("Eden remembered the failure of appeasement in the 1930s.", []),
        # a last clause of what had happened before is no part of the event
        (
            "The French victory at Fleurus on 26 June 1794 drove the Austrians out of Belgium, "
            "and the Vendée revolt had been crushed.",
            [
                (
                    "26 June 1794",
                    "The French victory at Fleurus on 26 June 1794 drove the Austrians out of "
                    "Belgium",
                )
            ],
        ),
        # a clause in brackets with its own verb tells what happened at its date
        (
            "Without birth certificates (compulsory registration only began in 1837) it was "
            "easy to lie about a child's age.",
            [("1837", "Compulsory registration only began in 1837")],
        ),
        # ... not a participle's phrase about the thing before it
        (
            "The Civil Rights Act (signed by Johnson on 2 July 1964) banned segregation.",
            [
                (
                    "2 July 1964",
                    "The Civil Rights Act (signed by Johnson on 2 July 1964) banned segregation",
                )
            ],
        ),
        (
            "In 1815-20 many weavers earned less than half of what they had earned in the 1790s.",
            [
                (
                    "1815–1820",
                    "Many weavers earned less than half of what they had earned in the 1790s",
                )
            ],
        ),
        (
            "In 1064 or 1065 Harold was shipwrecked in Ponthieu.",
            [("c. 1064", "In 1064 or 1065 Harold was shipwrecked in Ponthieu")],
        ),
        (
            "Kay's flying shuttle (1733), Hargreaves's spinning jenny (c. 1764) and "
            "Arkwright's water frame (1769) transformed cotton spinning.",
            [
                ("1733", "Kay's flying shuttle transformed cotton spinning"),
                ("c. 1764", "Hargreaves's spinning jenny transformed cotton spinning"),
                ("1769", "Arkwright's water frame transformed cotton spinning"),
            ],
        ),
        # a word that stresses the date keeps it in the label
        (
            "In July 1961 alone c. 30,000 people left.",
            [("July 1961", "In July 1961 alone c. 30,000 people left")],
        ),
    ],
)
def test_an_event_stands_at_its_own_date_not_at_a_date_it_cites(
    notes: str, told: list[tuple[str, str]]
) -> None:
    assert [(e.label, e.text) for e in events_of(notes)] == told


ALLIANCES = """4: The alliances

2001: Describe the alliances before 1914. (6)

Entente Cordiale, April 1904: Britain and France settled their quarrels over Egypt and Morocco.

2004: Why did the alliances make war more likely? (8)

Entente Cordiale, April 1904: Britain and France settled their quarrels over Egypt and Morocco.
Germany felt hemmed in. In 1904 Britain and France settled their quarrels over Egypt and Morocco.
"""


def test_one_event_told_in_two_families_or_twice_is_listed_once() -> None:
    events = timeline(parse_notes(ALLIANCES).course)
    assert [(e.label, e.text, e.family) for e in events] == [
        (
            "April 1904",
            "Entente Cordiale: Britain and France settled their quarrels over Egypt and Morocco",
            0,
        )
    ]


def test_a_thing_named_with_its_date_gives_way_to_a_telling_of_it() -> None:
    # Named in passing first, told in full after: the telling is the event, once.
    events = events_of(
        "After Sharpeville (21 March 1960), the ANC was banned on 8 April 1960.\n\n"
        "At Sharpeville on 21 March 1960 police killed 69 protesters."
    )
    assert [(e.label, e.text) for e in events] == [
        ("21 March 1960", "At Sharpeville on 21 March 1960 police killed 69 protesters"),
        ("8 April 1960", "After Sharpeville (21 March 1960), the ANC was banned on 8 April 1960"),
    ]


def test_two_events_of_one_year_sharing_a_few_words_are_both_listed() -> None:
    events = events_of(
        "In 1935 the Resettlement Administration moved poor families onto better land. "
        "In August 1935 the Social Security Act gave pensions and help to poor families."
    )
    assert [e.label for e in events] == ["1935", "August 1935"]


def course_of(title: str, notes: str) -> Course:
    return parse_notes(f"{title}\n\n1: {title}\n\n2000: Why? (5)\n\n{notes}").course


WEIMAR = course_of(
    "Weimar",
    "In August 1923 Stresemann took office. The Dawes Plan came in 1924. "
    "Stresemann died on 3 October 1929.",
)
NEW_DEAL = course_of(
    "New Deal", "Shares crashed in October 1929. Roosevelt took office on 4 March 1933."
)


def test_several_courses_make_one_timeline_in_date_order() -> None:
    events = timelines([WEIMAR, NEW_DEAL])
    assert [(e.label, e.course) for e in events] == [
        ("August 1923", "Weimar"),
        ("1924", "Weimar"),
        ("October 1929", "New Deal"),
        ("3 October 1929", "Weimar"),
        ("4 March 1933", "New Deal"),
    ]
    # The same notes imported twice are one timeline, not each event twice.
    assert timelines([NEW_DEAL, NEW_DEAL]) == timeline(NEW_DEAL)


# -- the chart ------------------------------------------------------------------------------


def overlap(a: Bbox, b: Bbox) -> bool:
    return bool(a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1)


def key_of(figure: Figure) -> Legend:
    legend = figure.axes[0].get_legend()
    assert legend is not None
    return legend


def event(label_year: int, text: str, course: str, *, end_year: int | None = None) -> Event:
    return Event(
        date=str(label_year),
        start=(label_year, None, None),
        end_year=end_year,
        text=text,
        topic=course,
        family=0,
        note=0,
        course=course,
    )


def test_a_crowded_chart_of_several_courses_has_no_label_over_another_or_the_key() -> None:
    courses = [
        "The causes of the First World War and the July Crisis",
        "Weimar Germany: recovery under Stresemann",
        "The New Deal",
        "Elizabeth I and the religious settlement",
    ]
    long = (
        "A long account of what happened that year, told in many words so that its label "
        "wraps onto three lines of the chart"
    )
    events = [
        event(1900 + (index * 7) % 40, f"{long} ({index})", courses[index % 4])
        for index in range(36)
    ]
    # Spans at the top that end at the far right of the axis put their dates where a key
    # at the side would be.
    events += [
        event(1850, "A span from the left to the right edge", courses[0], end_year=1939),
        event(1855, "Another long span", courses[1], end_year=1939),
    ]
    events.sort(key=lambda e: e.start[0] + (e.end_year or e.start[0]))
    figure = timeline_figure(events)
    figure.draw_without_rendering()  # laid out as it is saved, so its texts can be measured
    axes = figure.axes[0]
    labels = [text for text in axes.get_yticklabels() if text.get_text()] + list(axes.texts)
    assert len(labels) == 2 * len(events)
    boxes = [label.get_window_extent() for label in labels]
    key = key_of(figure).get_window_extent()
    for index, box in enumerate(boxes):
        assert not overlap(box, key), labels[index].get_text()
        for other in boxes[index + 1 :]:
            assert not overlap(box, other)


def test_the_courses_are_told_apart_by_colour_with_a_key() -> None:
    events = timelines([WEIMAR, NEW_DEAL])
    figure = timeline_figure(events)
    axes = figure.axes[0]
    legend = key_of(figure)
    assert legend.get_title().get_text() == "course"
    assert [text.get_text() for text in legend.get_texts()] == ["Weimar", "New Deal"]
    dots = [line.get_color() for line in axes.get_lines()]
    by_course: dict[str, set[object]] = {}
    for colour, each in zip(dots, events, strict=True):
        by_course.setdefault(each.course, set()).add(str(colour))
    assert all(len(colours) == 1 for colours in by_course.values())
    assert by_course["Weimar"] != by_course["New Deal"]


HEBREW = "הכרזת העצמאות של ישראל"
ARABIC = "ثورة يوليو في مصر"


def test_right_to_left_text_is_handed_to_matplotlib_in_visual_order() -> None:
    from arabic_reshaper import reshape
    from bidi import get_display

    events = [
        event(1948, HEBREW, "History of Israel"),
        event(1952, ARABIC, "تاريخ مصر"),
        event(1953, "Stalin died", "History of Israel"),
    ]
    figure = timeline_figure(events)
    axes = figure.axes[0]
    labels = [text.get_text() for text in axes.get_yticklabels()]
    assert labels == [get_display(HEBREW), get_display(reshape(ARABIC)), "Stalin died"]
    assert labels[0] != HEBREW and labels[1] != ARABIC
    keys = [text.get_text() for text in key_of(figure).get_texts()]
    assert keys == ["History of Israel", get_display(reshape("تاريخ مصر"))]


def test_a_chart_says_so_when_it_cannot_order_right_to_left_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "bidi", None)  # as if python-bidi were not installed
    figure = timeline_figure([event(1948, HEBREW, "Israel")])
    assert [text.get_text() for text in figure.texts] == [RIGHT_TO_LEFT_NOT_DRAWN]
    assert [text.get_text() for text in figure.axes[0].get_yticklabels()] == [HEBREW]
    assert timeline_figure([event(1953, "Stalin died", "USSR")]).texts == []


def test_a_chart_with_hebrew_and_arabic_is_written_as_png(tmp_path: Path) -> None:
    target = tmp_path / "timeline.png"
    timeline_chart([event(1948, HEBREW, "Israel"), event(1952, ARABIC, "Egypt")], target)
    assert target.read_bytes().startswith(PNG_SIGNATURE)


def test_the_timeline_command_interleaves_several_courses_by_date(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pastpaper.cli import app

    runner = CliRunner()
    database = tmp_path / "bank.db"
    for name, title, notes in [
        ("weimar.txt", "Weimar", "In August 1923 Stresemann took office. He died in 1929."),
        ("newdeal.txt", "New Deal", "Shares crashed in October 1929. FDR won in 1932."),
    ]:
        (tmp_path / name).write_text(f"{title}\n\n1: {title}\n\n2000: Why? (5)\n\n{notes}\n")
        imported = runner.invoke(app, ["--db", str(database), "import", str(tmp_path / name)])
        assert imported.exit_code == 0, imported.output
    shown = runner.invoke(app, ["--db", str(database), "timeline", "--json"])
    assert shown.exit_code == 0, shown.output
    assert [(row["label"], row["course"]) for row in json.loads(shown.stdout)] == [
        ("August 1923", "Weimar"),
        ("1929", "Weimar"),
        ("October 1929", "New Deal"),
        ("1932", "New Deal"),
    ]


def test_a_date_that_is_the_subject_of_its_sentence_stays_in_the_event() -> None:
    events = events_of("January 2014 was one of the wettest months since records began.")
    assert [(e.label, e.text) for e in events] == [
        ("January 2014", "January 2014 was one of the wettest months since records began")
    ]
    opening = events_of("1915: Great Retreat, Poland lost.")
    assert [(e.label, e.text) for e in opening] == [("1915", "Great Retreat, Poland lost")]


def test_a_short_month_with_a_full_stop_keeps_its_year_and_a_list_dash_is_no_text() -> None:
    events = events_of(
        "- 1761: the Bridgewater Canal opened.\n"
        "- Watt's steam engine patented 5 Jan. 1769, with Boulton from 1775.\n"
        "- 1771 - Arkwright opened a mill at Cromford.\n"
        "- The first train ran on 27th Sept. 1825."
    )
    labels = [(e.label, e.text) for e in events]
    watt = "Watt's steam engine patented 5 Jan. 1769, with Boulton from 1775"
    assert ("5 January 1769", watt) in labels and ("1775", watt) in labels, labels
    assert not any(label.startswith("5 January 1761") for label, _ in labels), labels
    assert ("1771", "Arkwright opened a mill at Cromford") in labels, labels
    assert any(label == "27 September 1825" for label, _ in labels), labels


def test_a_feast_day_is_its_date_and_a_bare_year_to_year_is_a_period() -> None:
    events = events_of(
        "William was crowned in Westminster Abbey on Christmas Day 1066. "
        "Edward the Confessor died on 5 January 1066.\n\n"
        "- Wars of the Roses: 1455 to 1487."
    )
    labels = [(e.label, e.text) for e in events]
    assert [label for label, _ in labels[:2]] == ["5 January 1066", "25 December 1066"], labels
    assert labels[2] == ("1455–1487", "Wars of the Roses"), labels


def test_a_year_with_the_next_after_a_slash_is_that_period() -> None:
    events = events_of("- 1764/5: Hargreaves built the spinning jenny.")
    assert [(e.label, e.text) for e in events] == [
        ("1764–1765", "Hargreaves built the spinning jenny")
    ]


def test_a_long_stretch_without_events_is_cut_out_of_the_chart() -> None:
    """A Roman comparison beside the Industrial Revolution (c. 100 BC, then 1709-1878):
    the empty centuries are cut out and the cut marked, so the modern events fill the
    axis instead of an edge of it, and no year label runs into another."""
    events = [event(-100, "Roman slaves in the mines", "Mills")]
    events += [event(year, f"A mill act of {year}", "Mills") for year in range(1709, 1880, 19)]
    figure = timeline_figure(events)
    figure.draw_without_rendering()
    axes = figure.axes[0]
    low, high = axes.get_xlim()
    dots = [float(np.asarray(line.get_xdata())[0]) for line in axes.get_lines()]
    assert (max(dots) - min(dots[1:])) / (high - low) > 0.8
    assert any(text.get_text() == "//" for text in axes.texts)
    years = [t for t in axes.get_xticklabels() if t.get_text()]
    assert years[0].get_text() == "100 BC" and len(years) >= 3
    boxes = [t.get_window_extent() for t in years]
    assert not any(overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_a_chart_without_a_long_empty_stretch_is_not_cut() -> None:
    figure = timeline_figure([event(1709 + 10 * i, f"Event {i}", "Mills") for i in range(8)])
    assert not any(text.get_text() == "//" for text in figure.axes[0].texts)


def test_a_markdown_tables_rows_are_events_and_its_headings_are_not() -> None:
    notes = (
        "# Independence\n\n## India\n\n2001: Describe the road to independence. (6)\n\n"
        "### Non-cooperation 1920-22\n\n"
        "Gandhi launched non-cooperation in August 1920.\n\n"
        "| Year | Event |\n|------|-------|\n| 1930 | The Salt March |\n| 1947 | Independence |\n"
    )
    course = parse_notes(notes, "india.md").course
    events = [(e.start[0], e.text) for e in timeline(course)]
    assert events == [
        (1920, "Gandhi launched non-cooperation in August 1920"),
        (1930, "The Salt March"),
        (1947, "1947: Independence"),  # one word alone would say too little
    ]
    points = [p.text for t in course.topics for f in t.families for p in family_points(f)]
    assert points == [
        "Gandhi launched non-cooperation in August 1920",
        "1930: The Salt March",
        "1947: Independence",
    ]


def test_a_markdown_table_without_outer_bars_is_read_as_one_with_them() -> None:
    notes = (
        "# Independence\n\n## India\n\n2001: Describe the road to independence. (6)\n\n"
        "Year | Event\n---- | -----\n"
        "1919 | The Amritsar massacre killed hundreds of unarmed protesters.\n"
        "1930 | Gandhi led the Salt March to the sea at Dandi.\n\n"
        "Independence came in August 1947."
    )
    course = parse_notes(notes, "india.md").course
    points = [p.text for t in course.topics for f in t.families for p in family_points(f)]
    assert points == [  # no "Year: Event" header, no rule of dashes, no row run into it
        "1919: The Amritsar massacre killed hundreds of unarmed protesters",
        "1930: Gandhi led the Salt March to the sea at Dandi",
        "Independence came in August 1947",
    ]
    events = [(e.start[0], e.text) for e in timeline(course)]
    assert events[0] == (1919, "The Amritsar massacre killed hundreds of unarmed protesters")
    clozes = {c.back for c in cards_of(course) if c.kind == "cloze"}
    assert "Amritsar" in clozes and "The Amritsar" not in clozes  # a cell opens a sentence
    # A line with a bar over a line of dashes without one is no table's header.
    plain = parse_notes(
        "1: T\n\n2001: Describe it. (4)\n\nThe vote was 52 | 48 in the end\n---\nThen it fell."
    ).course
    assert family_points(plain.topics[0].families[0])[0].text.startswith("The vote was 52")


def test_an_event_is_told_without_the_notes_markdown_marks() -> None:
    notes = (
        "1: South Africa\n\n2019: Describe how apartheid began. (6)\n\n"
        "The **National Party** won the election of *May 1948* under `Malan`."
    )
    course = parse_notes(notes, "sa.md").course
    assert [e.text for e in timeline(course)] == [
        "The National Party won the election of May 1948 under Malan"
    ]


def test_the_early_middle_and_late_years_of_a_decade_are_that_part_of_it() -> None:
    from pastpaper.study.dates import mentions

    read = [
        (m.year, m.end_year, m.written)
        for note in ("In the early 1920s the mark fell.", "In the mid-1960s riots broke out.")
        for m in mentions(note)
    ]
    assert read == [(1920, 1923, "early 1920s"), (1963, 1966, "mid-1960s")]
    late = next(mentions("In the late 1950s the economy grew."))
    assert (late.year, late.end_year) == (1957, 1959)


def test_march_and_may_in_terse_notes_stay_months_and_a_decades_part_bounds_nothing() -> None:
    from pastpaper.schemes.periods import asked_from, asked_until
    from pastpaper.study.dates import mentions

    for note, month in [
        ("Revolution March 1917: Tsar abdicates.", 3),
        ("Dunkirk May 1940", 5),
        ("the Salt March of 1930", None),
    ]:
        assert next(mentions(note)).month == month, note
    # A question on part of a decade asks about the decade, as one on half a century does.
    question = "Describe the German economy in the early 1920s."
    assert (asked_from(question), asked_until(question)) == (1920, (1929, None))
    span = next(mentions("in the early-to-mid 1920s"))
    assert (span.year, span.end_year, span.written) == (1920, 1926, "early-to-mid 1920s")


def test_an_arrow_after_an_opening_date_goes_with_the_date() -> None:
    events = events_of(
        "- 9 March 1958 -> the council was dissolved.\n"
        "- 2 April 1959 => tractor stations were sold off.\n"
        "- 7 May 1960 → Gagarin began his training."
    )
    assert [(e.label, e.text) for e in events] == [
        ("9 March 1958", "The council was dissolved"),
        ("2 April 1959", "Tractor stations were sold off"),
        ("7 May 1960", "Gagarin began his training"),
    ]


def test_a_span_of_days_in_one_month_is_kept_whole_at_its_first_day() -> None:
    events = events_of(
        "- 5 June 1958: the plenum opened.\n"
        "- 3-4 June 1958 Mao visited Moscow for talks.\n"
        "On 10–12 May 1959 the council met in Kiev."
    )
    assert [(e.label, e.start, e.end_day, e.text) for e in events] == [
        ("3–4 June 1958", (1958, 6, 3), 4, "Mao visited Moscow for talks"),
        ("5 June 1958", (1958, 6, 5), None, "The plenum opened"),
        ("10–12 May 1959", (1959, 5, 10), 12, "The council met in Kiev"),
    ]
    # A date in figures is one day, and a year span no span of days.
    assert [e.label for e in events_of("On 4/8/1914 war came. In 1956-60 the plan ran.")] == [
        "4 August 1914",
        "1956–1960",
    ]


def test_a_sentence_opened_by_two_dates_is_told_whole_for_each() -> None:
    events = events_of("In the 1950s and 1960s the Soviet economy grew fast.")
    told = "In the 1950s and 1960s the Soviet economy grew fast"
    assert [(e.label, e.text) for e in events] == [("1950s", told), ("1960s", told)]


def test_a_table_label_and_a_span_told_again_at_its_end_are_one_event_each() -> None:
    """A table's "Relief of Lucknow" beside the prose that tells it on the same day is one
    event, and a line dated by a span and a year inside it is one row (trial 12)."""
    events = events_of(
        "\n\n".join(
            [
                "Lucknow was relieved by Campbell on 17 November 1857 after a long siege.",
                "- Delhi assaults 1857-58 all failed -> reprisals from 1858.",
                "| Date | Event |\n|---|---|\n| 17/11/1857 | Relief of Lucknow |",
            ]
        )
    )
    assert [(e.label, e.text) for e in events] == [
        (
            "17 November 1857",
            "Lucknow was relieved by Campbell on 17 November 1857 after a long siege",
        ),
        ("1857–1858", "Delhi assaults 1857-58 all failed -> reprisals from 1858"),
    ]


def test_a_day_without_a_year_takes_the_year_of_the_events_not_one_looked_back_to() -> None:
    events = events_of(
        "When the Estates-General met at Versailles on 5 May 1789, the first time since "
        "1614, the deputies demanded voting by head. On 17 June they declared themselves "
        "the National Assembly."
    )
    labels = [e.label for e in events]
    assert "17 June 1789" in labels, labels
    assert not any(label.endswith("1614") and label != "1614" for label in labels), labels


def test_a_span_between_two_decades_is_one_event_at_its_start() -> None:
    events = events_of(
        "About 3.5 million people were forcibly removed from their homes between the 1960s "
        "and the 1980s."
    )
    assert [e.label for e in events] == ["1960s"]


def test_a_span_of_decades_or_months_given_with_a_dash_is_one_event() -> None:
    events = events_of(
        'A "black period" 1850s-1870s followed. The Huaihai campaign (November 1948 – '
        "January 1949) destroyed the GMD armies."
    )
    assert [e.label for e in events] == ["1850s", "November 1948–January 1949"]


def test_a_span_of_months_across_years_is_one_event_told_without_its_dates() -> None:
    events = events_of(
        "- Oct 1929 – Jan 1933 Hitler rose from the fringe to power\n"
        "- The war lasted from 4 August 1914 – 11 November 1918 and killed millions\n"
        "- Stresemann was Chancellor Aug 1923 – Nov 1923, then Foreign Minister\n"
        "- Nazi vote: July 1932 – 37 per cent"
    )
    told = {e.label: e.text for e in events}
    assert told["October 1929–January 1933"] == "Hitler rose from the fringe to power"
    assert "4 August 1914–November 1918" in told
    assert "August–November 1923" in told
    assert "July 1932" in told  # a dash before a figure closes no span
    assert len(events) == 4


def test_a_table_row_naming_an_event_with_a_month_in_its_name_is_the_prose_event() -> None:
    events = events_of(
        "In October 1934 around 86,000 Communists broke out and began the Long March.\n\n"
        "| Date | Event |\n| --- | --- |\n| October 1934 | Long March begins |"
    )
    assert [e.label for e in events] == ["October 1934"]


def test_a_date_in_what_someone_said_or_believed_dates_no_event() -> None:
    events = events_of(
        "Eden compared Nasser to Mussolini and believed that appeasement in the 1930s had "
        "been a mistake. Nasser said that the canal would pay for the dam in 1956. "
        "Nasser nationalised the canal on 26 July 1956."
    )
    assert [e.label for e in events] == ["26 July 1956"]


def test_a_span_of_months_with_to_is_one_event_and_a_list_mark_is_no_dash() -> None:
    events = events_of(
        "- Second Empire collapsed; a republic declared in Paris on 4 September 1870\n"
        "- Sept 1870 to Jan 1871: siege of Paris\n"
        "- Paris was shelled from December 1870 until January 1871\n"
        "- Aug 1923: Stresemann became Chancellor\n- Nov 1923: Hitler tried to seize power"
    )
    told = {e.label: e.text for e in events}
    assert told["September 1870–January 1871"] == "Siege of Paris"
    assert "December 1870–January 1871" in told
    assert told["4 September 1870"].startswith("Second Empire collapsed")
    assert told["November 1923"] == "Hitler tried to seize power"
    assert len(events) == 5


def test_a_date_a_thing_is_a_cause_of_dates_no_event() -> None:
    events = events_of(
        "- 10 May 1871: Treaty of Frankfurt, France lost Alsace\n"
        "- French resentment - one of the long-term causes of the war of 1914"
    )
    assert [e.label for e in events] == ["10 May 1871"]


def test_a_rough_span_is_one_event_and_a_short_year_takes_its_century_from_the_questions() -> None:
    events = events_of("Prices roughly doubled between c. 1500 and 1549.")
    assert [e.label for e in events] == ["c. 1500–1549"]
    course = parse_notes(
        "Tudor rebellions, 1536-1570.\n\n4: Kett's rebellion\n\n"
        "2016: In what ways did Kett's rebellion threaten the government in 1549? (6)\n\n"
        "- began at Wymondham, Norfolk, July '49, after a local fair\n"
        "- rebels took Norwich, 22 July 1549"
    ).course
    assert [e.label for e in timeline(course)] == ["July 1549", "22 July 1549"]


def test_the_early_middle_and_late_days_of_a_month_are_in_their_place() -> None:
    """ "late Nov. 1569" comes after "14 November 1569" and says which part of the month it
    is; its event is told without the date."""
    events = events_of(
        "- late Nov. 1569: the rebels turned back before reaching Tutbury\n"
        "- 14 November 1569: the rebels entered Durham Cathedral\n"
        "- mid-January 1570: Leonard Dacre rose in Cumberland\n"
        "- 9 Nov. 1569: the earls rose\n"
        "- early December 1569: Elizabeth's army marched north"
    )
    assert [(e.label, e.text) for e in events] == [
        ("9 November 1569", "The earls rose"),
        ("14 November 1569", "The rebels entered Durham Cathedral"),
        ("late November 1569", "The rebels turned back before reaching Tutbury"),
        ("early December 1569", "Elizabeth's army marched north"),
        ("mid-January 1570", "Leonard Dacre rose in Cumberland"),
    ]


def test_a_span_of_days_across_months_takes_its_year_from_its_end() -> None:
    """ "12 March to 6 April 1930" after a paragraph's "February 1922" is one span in 1930,
    not 12 March 1922; "17 July – 2 August 1945" is one event too."""
    events = events_of(
        "Gandhi called off non-cooperation in February 1922.\n"
        "- 12 March to 6 April 1930: the Salt March. Gandhi walked 240 miles to Dandi.\n"
        "- Potsdam, 17 July – 2 August 1945: Truman and Attlee met Stalin."
    )
    assert [(e.label, e.text) for e in events] == [
        ("February 1922", "Gandhi called off non-cooperation in February 1922"),
        ("12 March–6 April 1930", "The Salt March"),
        ("17 July–2 August 1945", "Potsdam: Truman and Attlee met Stalin"),
    ]


def test_days_with_no_year_take_the_one_year_the_questions_ask_about() -> None:
    course = parse_notes(
        "Revolt.\n\n1: Revolt\n\n"
        "2016: Describe the events of the Peasants' Revolt in June 1381. (8)\n\n"
        "Key events:\n- 13 June: the rebels entered London.\n- 15 June: Wat Tyler was killed."
    ).course
    assert [(e.label, e.text) for e in timeline(course)] == [
        ("13 June 1381", "The rebels entered London"),
        ("15 June 1381", "Wat Tyler was killed"),
    ]
    two_years = parse_notes(
        "Revolt.\n\n1: Revolt\n\n"
        "2016: How far did the revolts of 1381 and 1450 change England? (8)\n\n"
        "- 13 June: the rebels entered London."
    ).course
    assert timeline(two_years) == []


@pytest.mark.parametrize(
    ("notes", "labels"),
    [
        ("Turnout in 1910 was much higher than in 1906.", ["1910"]),
        ("Women had more rights in 1928 than they had had in 1900.", ["1928"]),
        ("Unlike in 1832, the 1867 Reform Act gave the vote to working men in towns.", ["1867"]),
        ("Trade in 1933 was half what it was compared with 1929.", ["1933"]),
        # A figure's "more than" or "fewer than" compares no time: the year is the event's.
        ("Unemployment rose to more than 13 million in 1933.", ["1933"]),
        ("Fewer than 100 people voted in 1911.", ["1911"]),
    ],
)
def test_a_time_a_clause_is_compared_with_dates_no_event(notes: str, labels: list[str]) -> None:
    assert [e.label for e in events_of(notes)] == labels


def test_a_season_is_labelled_and_placed_among_the_years_months() -> None:
    events = events_of(
        "Washington was driven out of New York in the autumn of 1776. Paine published Common "
        "Sense in January 1776. The French joined the war in summer 1778. Prices fell in the "
        "fall of 1929. The army spent the winter of 1777-78 at Valley Forge."
    )
    assert [e.label for e in events] == [
        "January 1776",
        "autumn 1776",
        "1777–1778",
        "summer 1778",
        "autumn 1929",
    ]


@pytest.mark.parametrize(
    ("notes", "labels"),
    [
        ("But the ANC did not change any law in the 1950s.", []),
        ("Italy did not join the war in 1914 but joined the Allies in May 1915.", ["May 1915"]),
        # A "but" after the verb tells what did happen: the event stays.
        ("The Senate did not ratify the treaty in 1920, but it approved the loan.", ["1920"]),
        ("Congress refused to ratify the treaty in 1920.", ["1920"]),
    ],
)
def test_what_did_not_happen_is_no_event(notes: str, labels: list[str]) -> None:
    assert [e.label for e in events_of(notes)] == labels


def test_a_linking_opener_leaves_the_label_and_a_dates_name_heads_it() -> None:
    events = events_of(
        "However, on 15 September 1963 a bomb at the 16th Street Baptist Church killed four "
        "black girls. On 7 March 1965, known as Bloody Sunday, state troopers attacked 600 "
        "marchers. As a result, the royalists were defeated at Marston Moor in July 1644."
    )
    assert [e.text for e in events] == [
        "The royalists were defeated at Marston Moor in July 1644",
        "A bomb at the 16th Street Baptist Church killed four black girls",
        "Bloody Sunday: state troopers attacked 600 marchers",
    ]


def test_a_span_of_days_written_with_to_or_and_is_one_event_from_its_first_day() -> None:
    events = events_of(
        "The march to Montgomery finally went ahead from 21 to 25 March 1965. Talks were "
        "held between 4 and 11 February 1945 at Yalta. The strike lasted until 25 March 1966."
    )
    assert [(e.label, e.start) for e in events] == [
        ("4–11 February 1945", (1945, 2, 4)),
        ("21–25 March 1965", (1965, 3, 21)),
    ]


def test_a_part_of_a_year_labels_and_places_its_event() -> None:
    events = events_of(
        "The army seized the king in June 1647. They handed him over early in 1647. The Rump "
        "met in mid-1648. Troopers attacked marchers on 7 March 1965. In early 1965 few were "
        "registered to vote. In 1648 the army won again and purged Parliament that winter."
    )
    assert [e.label for e in events] == [
        "early 1647",
        "June 1647",
        "1648",
        "winter 1648",  # (a winter may be a year's first months: placed at its start)
        "mid-1648",
        "early 1965",
        "7 March 1965",
    ]


def test_an_events_pronoun_is_the_one_its_card_names() -> None:
    events = events_of(
        "Gandhi began the Salt March in March 1930. On 6 April 1930 he made salt from "
        "seawater. The Berlin airlift began in June 1948. It also led to the North Atlantic "
        "Treaty of April 1949."
    )
    assert [e.text for e in events] == [
        "Gandhi began the Salt March in March 1930",
        "Gandhi made salt from seawater",
        "The Berlin airlift began in June 1948",
        "The Berlin airlift also led to the North Atlantic Treaty of April 1949",
    ]
    # "Gallipoli ruined Churchill": the "he" who resigned may be Churchill; no card, no name
    events = events_of("Gallipoli ruined Churchill. He resigned from the Admiralty in 1915.")
    assert [e.text for e in events] == ["He resigned from the Admiralty in 1915"]


def test_a_clause_of_time_cut_from_its_main_clause_tells_what_happened_then() -> None:
    told = {
        e.label: e.text
        for e in events_of(
            "After Luther died in February 1546, Charles turned his armies on the League, the "
            "alliance the princes had formed in 1531."
        )
    }
    assert told["February 1546"] == "Luther died in February 1546", told


def test_a_change_to_a_figure_by_a_later_year_is_one_span() -> None:
    events = events_of(
        "The number of country banks rose from about a dozen in 1750 to over 300 by 1800.\n\n"
        "By 1928 production had passed its pre-war level of 1913."
    )
    assert (
        "1750–1800",
        "The number of country banks rose from about a dozen in 1750 to over 300 by 1800",
    ) in [(e.label, e.text) for e in events]


def test_a_day_and_month_that_end_a_sentence_are_written_without_its_full_stop() -> None:
    events = events_of(
        "The Estates-General met on 5 May 1789. Its deputies declared themselves the National "
        "Assembly on 17 June. Locked out of their hall, they swore an oath."
    )
    assert "17 June 1789" in [e.date for e in events], [e.date for e in events]


def test_a_table_cell_of_its_own_is_labelled_by_its_rows_first_cell() -> None:
    course = parse_notes(
        "# Partition\n\n## 1: Partition\n\n2015: Describe the princely states. (6)\n\n"
        "| State | Ruler | What happened |\n|---|---|---|\n"
        "| Kashmir | A Hindu maharaja | He joined India on 26 October 1947 after an invasion |\n",
        "partition.md",
        markdown=True,
    ).course
    assert [(e.label, e.text) for e in timeline(course)] == [
        ("26 October 1947", "Kashmir: He joined India on 26 October 1947 after an invasion")
    ]
