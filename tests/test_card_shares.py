"""A large course's cards made in several processes: the same cards, in the same order."""

from __future__ import annotations

import io
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from pastpaper.course import Course
from pastpaper.ingest import parse_notes, read_notes
from pastpaper.study import sharing
from pastpaper.study.cards import cards_of
from pastpaper.study.sharing import share_count, shares_of

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
    assert len(shares_of(course, 2)[1].indices(10**6)) and shares_of(course, 2)[1].stop > 1
    assert cards_of(course, processes=2) == cards_of(course, processes=1)


def test_a_name_in_five_points_across_the_shares_is_common_to_the_course() -> None:
    # Three points name Molotov in each family: five or more only with both shares counted.
    molotov = (
        "In 1955 Molotov opposed the visit to Belgrade. In 1956 Molotov criticised the "
        "Secret Speech. In 1957 Molotov led the Anti-Party Group."
    )
    course = course_of(molotov, molotov.replace("Belgrade", "Warsaw"))
    assert [s.stop - s.start for s in shares_of(course, 2)] == [1, 1]
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
    shares = shares_of(course, 3)
    assert [s.start for s in shares] == [0, shares[0].stop, shares[1].stop]
    assert shares[-1].stop == 9
    assert all(s.stop > s.start for s in shares)


def test_how_many_processes_a_course_gets(seed_path: Path) -> None:
    seed = read_notes(seed_path).course
    assert share_count(seed, None) == 1  # a course this short is made in this process
    assert share_count(seed, 2) == 2
    with pytest.raises(ValueError, match="processes must be 1 or more, not 0"):
        share_count(seed, 0)


def test_a_process_that_fails_sends_its_traceback_instead_of_cards() -> None:
    answer = io.BytesIO()
    sharing._make_share(io.BytesIO(pickle.dumps(("not a course", slice(0, 1)))), answer)
    failed = pickle.loads(answer.getvalue())
    assert isinstance(failed, sharing._Failed)
    assert "AttributeError" in failed.trace


def test_a_process_that_stops_without_a_word_is_an_error_that_says_so() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", "raise SystemExit(3)"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    other = sharing._Other(process)
    with pytest.raises(RuntimeError, match=r"stopped \(exit code 3\) without sending them"):
        other.receive()
    process.stdin.close()  # type: ignore[union-attr]
    process.stdout.close()  # type: ignore[union-attr]


def test_where_no_other_process_can_start_the_cards_are_made_in_this_one(
    seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    course = read_notes(seed_path).course
    alone = cards_of(course, processes=1)
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")  # an embedded Python's
    assert cards_of(course, processes=2) == alone
