"""A large course's cards made in several processes: the same cards, in the same order."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pastpaper.course import Course
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.schemes.scheme import build_scheme
from pastpaper.study import sharing
from pastpaper.study.cards import cards_of, places_of
from pastpaper.study.sharing import schemes_and_cards, share_count, shares_of

NOTES = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "notes"


def course_of(*families: str) -> Course:
    """A course of one topic per family, each family one question and its notes."""
    text = "\n\n".join(
        f"{number}: Topic {number}\n\n1999: Describe the changes. (6)\n\n{notes}"
        for number, notes in enumerate(families, 1)
    )
    return parse_notes(text).course


def test_the_seed_makes_the_same_cards_in_two_and_three_processes(seed_path: Path) -> None:
    course = read_notes(seed_path).course
    alone = cards_of(course, processes=1)
    assert cards_of(course, processes=2) == alone
    assert cards_of(course, processes=3) == alone


@pytest.mark.parametrize("name", ["causes-ww1.txt", "cold-war-origins.md", "new-deal.txt"])
def test_corpus_files_make_the_same_cards_in_two_processes(name: str) -> None:
    course = read_notes(NOTES / name).course
    _, second = shares_of(places_of(course), 2)
    assert second.stop > second.start  # two shares, neither empty
    assert cards_of(course, processes=2) == cards_of(course, processes=1)


@pytest.mark.parametrize("name", ["causes-ww1.txt", "caesar-republic.docx"])
def test_schemes_and_cards_in_two_processes_are_those_of_one(name: str) -> None:
    course = read_notes(NOTES / name).course
    schemes, cards = schemes_and_cards(course, processes=2)
    each = [
        build_scheme(question, family)
        for topic in course.topics
        for family in topic.families
        for question in family.questions
    ]
    assert schemes == each
    assert cards == cards_of(course, processes=1)
    assert schemes_and_cards(course, processes=1) == (each, cards)


def test_a_name_in_five_points_across_the_shares_is_common_to_the_course() -> None:
    # Three points name Molotov in each family: five or more only with both shares counted.
    molotov = (
        "In 1955 Molotov opposed the visit to Belgrade. In 1956 Molotov criticised the "
        "Secret Speech. In 1957 Molotov led the Anti-Party Group."
    )
    course = course_of(molotov, molotov.replace("Belgrade", "Warsaw"))
    assert [s.stop - s.start for s in shares_of(places_of(course), 2)] == [1, 1]
    alone = cards_of(course, processes=1)
    assert not any(card.kind == "cloze" and card.back == "Molotov" for card in alone)
    assert cards_of(course, processes=2) == alone


def test_a_person_known_from_one_share_is_asked_about_as_a_person_in_the_other() -> None:
    # Only the second family says Zhukov is a person ("he"): the first's card asks "Who".
    first = "In 1957 Khrushchev dismissed Zhukov from the Presidium."
    second = "Zhukov had saved Khrushchev in June 1957. He commanded the army."
    course = course_of(first, second)
    alone = cards_of(course, processes=1)
    assert "Who did Khrushchev dismiss from the Presidium in 1957?" in {c.front for c in alone}
    assert cards_of(course, processes=2) == alone


def test_a_course_is_shared_in_order_by_the_length_of_its_notes() -> None:
    course = course_of(*(f"In {1950 + n} Khrushchev spoke to {n} farmers." for n in range(9)))
    shares = shares_of(places_of(course), 3)
    assert [s.start for s in shares] == [0, shares[0].stop, shares[1].stop]
    assert shares[-1].stop == 9
    assert all(s.stop > s.start for s in shares)


def test_how_many_processes_a_course_gets(seed_path: Path) -> None:
    seed = read_notes(seed_path).course
    assert share_count(seed, None) == 1  # a course this short is made in this process
    assert share_count(seed, 2) == 2
    with pytest.raises(ValueError, match="processes must be 1 or more, not 0"):
        share_count(seed, 0)


@contextmanager
def other_process() -> Iterator[sharing._Other]:
    """Another process as ``cards_of`` starts one, told where its modules are."""
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", sharing._SERVE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        other = sharing._Other(process, errors)
        try:
            other.send(sharing._import_path())
            yield other
        finally:
            other.to.close()
            other.back.close()
            process.wait()


def test_a_process_that_fails_sends_its_traceback_instead_of_cards() -> None:
    with other_process() as other:
        other.send(("a-course", "not a list of families"))
        with pytest.raises(RuntimeError, match=r"(?s)a process making cards failed:.*Error"):
            other.first()


def test_a_process_stopped_by_a_signal_is_an_error_that_says_so(seed_path: Path) -> None:
    course = read_notes(seed_path).course
    with other_process() as other:
        other.send((course.slug, places_of(course)[:1], False))
        names, _, _ = other.first()  # it started and read its share
        other.process.kill()
        with pytest.raises(RuntimeError, match="was stopped by SIGKILL before it sent them"):
            other.send(names)
            other.receive()


def test_where_another_process_cannot_start_its_share_is_made_in_this_one(
    seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    course = read_notes(seed_path).course
    alone = cards_of(course, processes=1)
    # No Python there at all, and a program that runs but never starts pastpaper.
    for python in ("/nonexistent/python", shutil.which("false")):
        if python is None:
            continue
        monkeypatch.setattr(sys, "executable", python)
        assert cards_of(course, processes=2) == alone, python
    monkeypatch.setattr(sys, "executable", "")  # an embedded Python's: none is started
    assert share_count(course, None) == 1
