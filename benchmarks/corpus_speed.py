"""Benchmark: points, schemes and cards of the corpus of notes, from cold caches.

The generated notes of benchmarks/import_speed.py repeat the built-in example's families
topic after topic, so whatever is kept by its text (a sentence's points, a statement's
cards) is mostly found again there. The corpus (benchmarks/data/notes) says each thing once:
this times every point, scheme and card of each of its courses with every cache emptied
first, the best of ``--runs``, and prints the total over the courses.

Each figure is wall-clock seconds, with the process's CPU seconds in brackets.

    python benchmarks/corpus_speed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pastpaper.course import Course
from pastpaper.ingest import read_notes
from pastpaper.schemes.points import clear_caches
from pastpaper.schemes.scheme import clear_caches as clear_scheme_caches
from pastpaper.study.cards import cards_of
from schemes_speed import every_scheme

NOTES = Path(__file__).resolve().parent / "data" / "notes"


def together(course: Course) -> None:
    every_scheme(course)
    cards_of(course)


def cold(course: Course) -> tuple[float, float]:
    """Wall-clock and CPU seconds of points, schemes and cards, every cache emptied first
    (run with an earlier checkout's ``src`` too, which may have fewer caches to empty)."""
    clear_caches()
    clear_scheme_caches()
    try:
        from pastpaper.study.statements import clear_statements
    except ImportError:
        pass
    else:
        clear_statements()
    wall, cpu = time.perf_counter(), time.process_time()
    together(course)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each course (best kept)")
    args = parser.parse_args()
    courses = [
        read_notes(path).course
        for path in sorted(NOTES.iterdir())
        if path.suffix in (".txt", ".md", ".docx")
    ]
    together(courses[0])  # loads the word list and stemmer: the figures are for a warm process
    wall = cpu = 0.0
    for course in courses:
        best = min(cold(course) for _ in range(args.runs))
        wall, cpu = wall + best[0], cpu + best[1]
    print(f"corpus ({len(courses)} courses), points, schemes and cards, best of {args.runs} each:")
    print(f"  {wall:.3f} s  (CPU {cpu:.3f} s)")


if __name__ == "__main__":
    main()
