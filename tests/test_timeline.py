"""Timeline: the dated events of the seed's notes, earliest first, and the picture of them."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pastpaper.course import Course, Question, QuestionFamily, Topic
from pastpaper.errors import OutputError
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.timeline import Event, timeline, timeline_chart

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
    # "In February of that year he addressed ..." follows "by 1956 Khrushchev had emerged".
    assert events[1].text == (
        "He addressed the Twentieth Party Congress in what became known as the Secret Speech"
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
        ("Industry grew in the 1950’s and 1960s.", []),
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
