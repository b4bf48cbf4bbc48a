"""Benchmark: every card of a course, and points, schemes and cards together.

Prints, for the seed course (../shared/seed, or a file given with --notes) and for the
generated 5 MB notes file of benchmarks/import_speed.py:

- cards: ``cards_of(course)`` in this one process, from a cold points cache, so the time
  includes reading every family's points;
- of which points: the same points read alone, so the cards' own share can be told apart;
- cards in N processes: the same cards made in as many processes as ``cards_of`` uses by
  default for the course (one per core, for a course with a megabyte of notes or more), as
  ``pastpaper cards`` and an import make them;
- points, schemes and cards together: every scheme (benchmarks/schemes_speed.py), then
  every card, one after the other in one process. The issue's target is under 5 s for the
  5 MB file.

Each figure is wall-clock seconds, with the process's CPU seconds in brackets: on a machine
shared with other work the CPU time is the steadier of the two (it counts this process
alone, not the others that make cards with it).

    python benchmarks/cards_speed.py [--notes FILE] [--mb 5]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from import_speed import generate
from pastpaper.course import Course
from pastpaper.ingest import read_notes
from pastpaper.schemes.points import clear_caches, family_points
from pastpaper.schemes.scheme import clear_caches as clear_scheme_caches
from pastpaper.study.cards import cards_of, clear_cards
from pastpaper.study.sharing import schemes_and_cards, share_count
from pastpaper.study.statements import clear_statements
from schemes_speed import SEED, every_scheme

Seconds = tuple[float, float]  # wall clock, CPU


def timed(work: Callable[[], object]) -> Seconds:
    clear_caches()  # as a first `pastpaper cards` would: no points read yet
    clear_scheme_caches()  # nor any family read for its schemes
    clear_statements()  # nor any point read as a statement
    clear_cards()  # nor any term read for a card
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def every_point(course: Course) -> None:
    for topic in course.topics:
        for family in topic.families:
            family_points(family)


def together(course: Course) -> None:
    every_scheme(course)
    cards_of(
        course, processes=1
    )  # every point is read already: more processes would cut them again


def report(name: str, course: Course, runs: int) -> None:
    print(f"{name}: {len(cards_of(course))} cards" + (f" (best of {runs})" if runs > 1 else ""))
    shares = share_count(course, None)
    for label, work in [
        ("cards", lambda: cards_of(course, processes=1)),
        ("of which points", lambda: every_point(course)),
        (f"cards in {shares} processes", lambda: cards_of(course, processes=shares)),
        ("points, schemes and cards", lambda: together(course)),
        (
            f"the same in {shares} processes",
            lambda: schemes_and_cards(course, processes=shares),
        ),
    ]:
        if label.startswith(("cards in 1 ", "the same in 1 ")):
            continue  # (the course is made in one process: the first line says it)
        wall, cpu = min(timed(work) for _ in range(runs))
        print(f"  {label + ':':31} {wall:.3f} s  (CPU {cpu:.3f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, default=SEED, help="the course to time")
    parser.add_argument("--mb", type=float, default=5.0, help="size of the generated file (MB)")
    args = parser.parse_args()

    seed = read_notes(args.notes).course
    cards_of(seed)  # loads the word list and stemmer: the figures are for a warm process
    report(args.notes.name, seed, runs=5)

    with tempfile.TemporaryDirectory() as folder:
        notes = Path(folder) / "notes.txt"
        size = generate(notes, args.mb)
        big = read_notes(notes, max_bytes=size + 1).course
    report(f"generated {size / 1e6:.1f} MB notes", big, runs=1)


if __name__ == "__main__":
    main()
