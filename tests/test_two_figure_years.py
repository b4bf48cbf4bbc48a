"""Years in two figures, as terse notes write them: "14 Oct 62", "Oct 62", "'62", "13.08.61".

Each is read as a year where dates are read (the timeline, a scheme's periods, a point's
facts, the cards), in the century of the four-figure years the notes name before it, or
the 20th century where they name none. Figures anywhere else stay numbers.
"""

from __future__ import annotations

from pastpaper.course import Course
from pastpaper.ingest import parse_notes
from pastpaper.schemes.clauses import DATE
from pastpaper.schemes.points import family_points
from pastpaper.schemes.scheme import build_scheme
from pastpaper.schemes.terms import facts
from pastpaper.study.cards import cards_of
from pastpaper.study.dates import mentions
from pastpaper.study.timeline import timeline

# Notes on the Suez crisis and Hungary, made up for these tests, with one year in four
# figures and the rest in two.
SUEZ = """\
- Nasser took the canal on 26 Jul 56 and closed it to Israeli ships
- 29 Oct: Israel invaded Sinai, as agreed in secret at Sevres
- Nov 56: Britain and France landed at Port Said
- In '57 the last British troops left the canal zone
- The Hungarian rising began 23.10.56 in Budapest
- Soviet tanks crushed it, 4/11/56, and Nagy was later shot"""


def course_of(notes: str, question: str = "Describe the Suez crisis of 1956. (6)") -> Course:
    return parse_notes(f"7: Suez\n\n2014: {question}\n\n{notes}").course


def test_the_timeline_reads_years_in_two_figures() -> None:
    events = timeline(course_of(SUEZ))
    assert [(e.label, e.text) for e in events] == [
        ("26 July 1956", "Nasser took the canal on 26 Jul 56 and closed it to Israeli ships"),
        ("23 October 1956", "The Hungarian rising began 23.10.56 in Budapest"),
        ("29 October 1956", "Israel invaded Sinai, as agreed in secret at Sevres"),
        ("November 1956", "Britain and France landed at Port Said"),
        ("4 November 1956", "Soviet tanks crushed it, and Nagy was later shot"),
        ("1957", "The last British troops left the canal zone"),
    ]


def test_a_two_figure_year_takes_the_century_of_the_notes_before_it() -> None:
    notes = """\
- Bad harvests in 1846 and 1847 drove up the price of bread
- In '48 crowds rose in Paris, Vienna and Berlin
- 31 Oct 48: Windischgraetz took Vienna back by force"""
    events = timeline(course_of(notes, "Describe the revolutions in Europe before 1850. (6)"))
    assert [(e.label, e.text) for e in events] == [
        ("1846", "Bad harvests in 1846 and 1847 drove up the price of bread"),
        ("1847", "Bad harvests in 1846 and 1847 drove up the price of bread"),
        ("1848", "Crowds rose in Paris, Vienna and Berlin"),
        ("31 October 1848", "Windischgraetz took Vienna back by force"),
    ]
    # With no four-figure year before it, a year in two figures is in the 20th century.
    assert [(m.written, m.year) for m in mentions("In '48 Israel was founded")] == [("'48", 1948)]


def test_the_scheme_keeps_points_dated_in_two_figures() -> None:
    course = course_of(SUEZ, "Describe the events of the Suez crisis, Jul-Nov 1956. (6)")
    family = course.topics[0].families[0]
    scheme = build_scheme(family.questions[0], family)
    assert [(p.point.text, p.why_not) for p in scheme.points if not p.creditable] == [
        (
            "In '57 the last British troops left the canal zone",
            "dated 1957, after the time the question asks about",
        )
    ]
    assert len(scheme.creditable) == 7


def test_the_scheme_takes_the_century_from_the_notes() -> None:
    notes = """\
- Bad harvests in 1846 and 1847 drove up the price of bread
- In '48 crowds rose in Paris, Vienna and Berlin"""
    course = course_of(notes, "Describe the revolutions in Europe before 1850. (6)")
    family = course.topics[0].families[0]
    scheme = build_scheme(family.questions[0], family)
    # Read as 1948, the rising would be after the time the question asks about.
    assert sorted((p.point.text, p.creditable) for p in scheme.points) == [
        ("Bad harvests in 1846 and 1847 drove up the price of bread", True),
        ("In '48 crowds rose in Paris, Vienna and Berlin", True),
    ]
    # and the point states the year 1848, which an answer's "1848" matches
    rising = family_points(family)[1]
    assert [f.value for f in rising.facts if f.kind == "year"] == ["1848"]


def test_a_point_states_the_whole_year() -> None:
    family = course_of(SUEZ).topics[0].families[0]
    stated = {
        p.text: [(f.kind, f.value) for f in p.facts if f.kind != "name"]
        for p in family_points(family)
    }
    assert stated["Nasser took the canal on 26 Jul 56"] == [
        ("number", "26"),
        ("year", "1956"),
    ]
    assert stated["Nov 56: Britain and France landed at Port Said"] == [("year", "1956")]
    assert stated["In '57 the last British troops left the canal zone"] == [("year", "1957")]
    assert stated["The Hungarian rising began 23.10.56 in Budapest"] == [("date", "23.10.56")]


def test_cards_hide_the_whole_date() -> None:
    cards = cards_of(course_of(SUEZ))
    hidden = {c.back for c in cards if c.kind == "cloze"}
    assert {"26 Jul 56", "Nov 56", "'57", "23.10.56"} <= hidden
    assert not hidden & {"26", "56", "57", "Jul"}
    asked = {c.front: c.back for c in cards if c.kind == "basic"}
    assert asked["When did Britain and France land at Port Said?"] == "Nov 56"
    # A curly apostrophe before a year closes no quotation, and a number that is also a
    # date's figures ("page 62") is hidden where it stands, not inside the date.
    notes = """\
- ’58: Khrushchev gave the West six months to leave Berlin
- In '62 some 57 people escaped through a tunnel, as the report on page 62 says"""
    clozes = [c.front for c in cards_of(course_of(notes)) if c.kind == "cloze"]
    assert "{{c1::’58}}: Khrushchev gave the West six months to leave Berlin." in clozes
    assert (
        "In '62 some 57 people escaped through a tunnel, as the report on page {{c1::62}} says."
        in clozes
    )
    assert not any("'{{c1::" in cloze for cloze in clozes)


def test_figures_are_a_year_only_where_a_date_writes_one() -> None:
    read = {
        text: [(m.written, m.year) for m in mentions(text)]
        for text in [
            "14 Oct 62 photos",
            "Oct 62 crisis",
            "May 59 summit",
            "June 61 talks",
            "in '62 the crisis",
            "’58 ultimatum",
            "13.08.61 wall",
            "14/10/62 photos",
            "1/5/60 shot down",
            "61 men",
            "a 62% share",
            "in 59 days",
            "page 62",
            "the U-2",
            "a MiG-21",
            "a B-52",
            "Section 48",
            "Article 231",
            "Apr 1961 invasion",
            "on March 12 the Duma met",
        ]
    }
    assert read == {
        "14 Oct 62 photos": [("14 Oct 62", 1962)],
        "Oct 62 crisis": [("Oct 62", 1962)],
        "May 59 summit": [("May 59", 1959)],
        "June 61 talks": [("June 61", 1961)],
        "in '62 the crisis": [("'62", 1962)],
        "’58 ultimatum": [("’58", 1958)],
        "13.08.61 wall": [("13.08.61", 1961)],
        "14/10/62 photos": [("14/10/62", 1962)],
        "1/5/60 shot down": [("1/5/60", 1960)],
        "61 men": [],
        "a 62% share": [],
        "in 59 days": [],
        "page 62": [],
        "the U-2": [],
        "a MiG-21": [],
        "a B-52": [],
        "Section 48": [],
        "Article 231": [],
        "Apr 1961 invasion": [("Apr 1961", 1961)],
        "on March 12 the Duma met": [],  # a day, as Americans write it
    }
    # The cards' whole dates and a point's facts read them the same way.
    assert [m.group() for m in DATE.finditer("14 Oct 62, Oct 62, in '62; 61 men, page 62")] == [
        "14 Oct 62",
        "Oct 62",
        "'62",
    ]
    numbers = "61 men took a 62% share in 59 days (page 62) of the U-2, MiG-21 and B-52"
    assert [(f.kind, f.value) for f in facts(f"In '62 {numbers}", [])] == [
        ("year", "1962"),
        ("number", "61"),
        ("number", "62"),
        ("number", "59"),
    ]


def test_a_decade_in_two_figures_is_the_decade_of_the_notes() -> None:
    notes = """\
- Railway building boomed in 1845 and 1846
- In the '50s the Great Exhibition's profits built museums in London
- By the late '60s most towns had a station"""
    events = timeline(course_of(notes, "Describe how Britain changed after 1845. (6)"))
    assert [(e.label, e.text) for e in events] == [
        ("1845", "Railway building boomed in 1845 and 1846"),
        ("1846", "Railway building boomed in 1845 and 1846"),
        ("1850s", "The Great Exhibition's profits built museums in London"),
    ]

    # "By the late '60s" reads as "By the late 1860s" does: a bound, the decade's last years.
    def read(text: str) -> list[tuple[str, int, int | None, bool]]:
        return [(m.written, m.year, m.end_year, m.bounds) for m in mentions(text, 1846)]

    late = read("By the late '60s most towns had a station")
    assert late == read("By the late 1860s most towns had a station")
    assert late == [("late 1860s", 1867, 1869, True)]
    # The decade is no year of the point: "the '50s" states no 1950 to mark an answer by.
    assert facts("In the '50s the profits built museums", []) == []


def test_a_two_figure_year_before_any_other_takes_the_century_of_the_questions() -> None:
    notes = (
        "Tudor rebellions.\n\n4: Kett's rebellion\n\n"
        "2016: In what ways did Kett's rebellion threaten the government in 1549? (6)\n\n"
        "- began at Wymondham, Norfolk, July '49, after a local fair\n"
        "- rebels took Norwich, England's second city, 22 July 1549"
    )
    family = parse_notes(notes).course.topics[0].families[0]
    credited = [p.point.text for p in build_scheme(family.questions[0], family).creditable]
    assert "began at Wymondham, Norfolk, July '49, after a local fair" in credited
