"""Trends: which families and command words the seed's questions show, year by year, and
the chart of them written as SVG or PNG."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from pastpaper.course import Course, Question, QuestionFamily, Topic
from pastpaper.errors import OutputError
from pastpaper.ingest import read_notes
from pastpaper.study.trends import (
    TrendRow,
    command_words_by_year,
    family_grid,
    trends,
    trends_chart,
    undated,
    years,
)

TOPIC = "Khrushchev’s attempts at modernisation"
DESCRIBE = "Describe the key features of de-Stalinisation."
WHY = "Why did Khrushchev introduce a policy of de-Stalinisation?"
WAYS = "In what ways did Khrushchev try to modernise Soviet…"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def seed_rows(seed_path: Path) -> list[TrendRow]:
    return trends(read_notes(seed_path).course)


def course_of(*families: QuestionFamily) -> Course:
    return Course(title="Made up", topics=(Topic(number=1, title="Made up", families=families),))


def test_the_seed_gives_one_row_per_question_in_the_order_of_the_notes(seed_path: Path) -> None:
    rows = seed_rows(seed_path)
    assert [(row.family, row.year, row.command_word, row.marks) for row in rows] == [
        (DESCRIBE, 1998, "describe", None),
        (DESCRIBE, 1999, "in what ways", 10),
        (DESCRIBE, 2000, "describe", 6),
        (WHY, 2000, "why", 5),
        (WHY, 2001, "why", 10),
        (WAYS, 2000, "in what ways", 6),
        (WAYS, 2001, "in what ways", 15),
    ]
    assert {row.topic for row in rows} == {TOPIC}
    assert rows[1].question == (
        "In what ways did Khrushchev carry out his policy of de-Stalinisation in the Soviet "
        "Union in the 1950’s?"
    )


def test_the_seed_family_by_year_grid_holds_each_questions_marks(seed_path: Path) -> None:
    assert family_grid(seed_rows(seed_path)) == {
        DESCRIBE: {1998: None, 1999: 10, 2000: 6},
        WHY: {2000: 5, 2001: 10},
        WAYS: {2000: 6, 2001: 15},
    }


def test_the_seed_command_words_by_year(seed_path: Path) -> None:
    rows = seed_rows(seed_path)
    assert years(rows) == [1998, 1999, 2000, 2001]
    assert command_words_by_year(rows) == {
        1998: {"describe": 1},
        1999: {"in what ways": 1},
        2000: {"describe": 1, "why": 1, "in what ways": 1},
        2001: {"why": 1, "in what ways": 1},
    }


def test_a_family_asked_twice_in_one_year_adds_up_the_marks() -> None:
    family = QuestionFamily(
        questions=(
            Question(year=2003, text="Describe the Virgin Lands scheme.", marks=4),
            Question(year=2003, text="Why did the Virgin Lands scheme fail?", marks=6),
            Question(year=2005, text="Describe the agro-towns."),
        )
    )
    rows = trends(course_of(family))
    assert family_grid(rows) == {"Describe the agro-towns.": {2003: 10, 2005: None}}
    assert command_words_by_year(rows) == {2003: {"describe": 1, "why": 1}, 2005: {"describe": 1}}


def test_families_worded_alike_are_told_apart() -> None:
    family = QuestionFamily(questions=(Question(year=2000, text="Why did Khrushchev fall?"),))
    rows = trends(course_of(family, family))
    assert [row.family for row in rows] == [
        "Why did Khrushchev fall?",
        "Why did Khrushchev fall? (2)",
    ]


def test_questions_without_a_year_are_listed_but_left_off_the_chart(tmp_path: Path) -> None:
    family = QuestionFamily(
        questions=(
            Question(text="Describe the Secret Speech.", marks=6),
            Question(year=2001, text="Why did Khrushchev attack Stalin?", marks=10),
        )
    )
    rows = trends(course_of(family))
    assert [(row.year, row.marks) for row in rows] == [(None, 6), (2001, 10)]
    assert undated(rows) == [rows[0]]
    assert family_grid(rows) == {"Describe the Secret Speech.": {2001: 10}}

    left_off = trends_chart(rows, tmp_path / "trends.svg")
    assert left_off == [rows[0]]
    assert (tmp_path / "trends.svg").stat().st_size > 0


def test_a_course_with_no_years_has_empty_tables_and_still_gets_a_chart(tmp_path: Path) -> None:
    family = QuestionFamily(questions=(Question(text="Describe the Secret Speech."),))
    rows = trends(course_of(family))
    assert len(rows) == 1
    assert years(rows) == []
    assert family_grid(rows) == {"Describe the Secret Speech.": {}}
    assert command_words_by_year(rows) == {}

    assert trends_chart(rows, tmp_path / "trends.png") == rows
    assert (tmp_path / "trends.png").read_bytes().startswith(PNG_SIGNATURE)
    assert trends(Course(title="Nothing yet")) == []


def test_the_seed_trends_chart_is_a_valid_svg(seed_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "trends.svg"
    assert trends_chart(seed_rows(seed_path), target) == []
    root = ElementTree.parse(target).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_the_seed_trends_chart_is_a_valid_png(seed_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "Trends.PNG"
    trends_chart(seed_rows(seed_path), target)
    assert target.read_bytes().startswith(PNG_SIGNATURE)


@pytest.mark.parametrize("name", ["trends.pdf", "trends", "trends.svg.txt"])
def test_a_chart_file_that_is_not_svg_or_png_is_refused(
    seed_path: Path, tmp_path: Path, name: str
) -> None:
    with pytest.raises(OutputError, match=r"a chart is written as \.svg or \.png"):
        trends_chart(seed_rows(seed_path), tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_a_chart_is_not_written_over_an_existing_file_unless_forced(
    seed_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "trends.svg"
    target.write_text("<svg>mine</svg>")
    with pytest.raises(OutputError, match=r"trends\.svg exists$") as refused:
        trends_chart(seed_rows(seed_path), target)
    assert refused.value.remedy == "force"  # the library says what is wrong; the CLI, the flag
    assert target.read_text() == "<svg>mine</svg>"
    trends_chart(seed_rows(seed_path), target, force=True)
    assert ElementTree.parse(target).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_a_chart_in_a_missing_folder_is_a_clean_error(seed_path: Path, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        trends_chart(seed_rows(seed_path), tmp_path / "missing" / "trends.svg")


def test_matplotlib_is_imported_only_to_draw_a_chart() -> None:
    code = (
        "import sys, pastpaper.study.trends, pastpaper.study.timeline; "
        "print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
