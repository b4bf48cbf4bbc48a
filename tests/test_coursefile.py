"""The canonical course file: it round-trips, and its mistakes are reported by line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pastpaper.course import MAX_MARKS, Course, Question, QuestionFamily, Topic
from pastpaper.errors import InputError
from pastpaper.ingest import dump_course, load_course, read_notes

text = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")
questions = st.builds(
    Question,
    year=st.none() | st.integers(1900, 2100),
    text=text,
    marks=st.none() | st.integers(1, MAX_MARKS),
)
families = st.builds(
    QuestionFamily,
    questions=st.lists(questions, max_size=3).map(tuple),
    notes=st.lists(text, max_size=3).map(tuple),
)
topics = st.builds(
    Topic,
    number=st.none() | st.integers(0, 999),
    title=text,
    families=st.lists(families, max_size=3).map(tuple),
)
courses = st.builds(Course, title=text, topics=st.lists(topics, max_size=3).map(tuple))


@given(courses)
def test_any_course_round_trips_through_its_course_file(course: Course) -> None:
    assert load_course(dump_course(course)) == course


def test_the_seed_round_trips_import_export_import(seed_path: Path, tmp_path: Path) -> None:
    course = read_notes(seed_path).course
    exported = tmp_path / "khrushchev.yaml"
    exported.write_text(dump_course(course), encoding="utf-8")
    assert read_notes(exported).course == course


def test_a_teacher_can_correct_what_the_parser_guessed() -> None:
    corrected = load_course(
        "title: Khrushchev\n"
        "topics:\n"
        "- number: 4\n"
        "  title: Modernisation\n"
        "  families:\n"
        "  - questions:\n"
        "    - {year: 1998, text: Describe de-Stalinisation, marks: 6, command_word: outline}\n"
        "    notes: [Stalin died in March 1953.]\n"
    )
    question = corrected.topics[0].families[0].questions[0]
    assert (question.marks, question.command_word) == (6, "outline")
    assert corrected.slug == "khrushchev"


COURSE = """\
pastpaper: 1
title: Khrushchev
topics:
- number: 4
  title: Modernisation
  families:
  - questions:
    - year: 1998
      text: Describe de-Stalinisation
      marks: {marks}
    {extra}notes:
    - Stalin died in March 1953.
"""


@pytest.mark.parametrize(
    ("marks", "extra", "line", "message"),
    [
        (
            "-1",
            "",
            10,
            "'marks' should be greater than or equal to 1, not -1 "
            "(at topics[0].families[0].questions[0].marks)",
        ),
        ("true", "", 10, "'marks' should be a whole number, not True"),
        ("'10'", "", 10, "'marks' should be a whole number, not '10'"),
        ("6\n      command_word: banana", "", 11, "'banana' is not a command word pastpaper knows"),
        ("6", "mark: 6\n    ", 11, "unknown key 'mark'; check its spelling"),
        ("6", "notes: [one]\n    ", 12, "the key 'notes' is given twice in one place; keep one"),
        ("[6", "", 11, "is not valid YAML"),
    ],
    ids=["negative", "bool", "string", "command-word", "unknown-key", "duplicate-key", "bad-yaml"],
)
def test_mistakes_are_reported_with_the_file_and_line(
    tmp_path: Path, marks: str, extra: str, line: int, message: str
) -> None:
    path = tmp_path / "course.yaml"
    path.write_text(COURSE.format(marks=marks, extra=extra), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_notes(path)
    assert (raised.value.path, raised.value.line) == (str(path), line)
    assert message in str(raised.value)
    assert str(raised.value).startswith(f"{path}, line {line}: ")


def test_a_course_file_of_another_format_version_is_refused() -> None:
    with pytest.raises(InputError, match="format 2; this pastpaper reads format 1"):
        load_course("pastpaper: 2\ntitle: X\n", "x.yaml")


def test_a_huge_topic_number_is_a_mistake_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_text("title: T\ntopics:\n- number: 99999999999999999999999\n  title: X\n")
    with pytest.raises(InputError, match="line 3: 'number' should be less than or equal to 999"):
        read_notes(path)


def test_several_mistakes_are_reported_together(tmp_path: Path) -> None:
    path = tmp_path / "course.yaml"
    path.write_text("title: T\ntopics:\n- number: -1\n  title: X\n  colour: red\n")
    with pytest.raises(InputError) as raised:
        read_notes(path)
    message = str(raised.value)
    assert message.startswith(f"{path}, line 3: 'number' should be greater than or equal to 0")
    assert "(and 1 more: line 5: unknown key 'colour'" in message
