"""Benchmark: points and mark schemes for every question of a course, once warm.

Prints the time for the seed course (../shared/seed, or a file given with --notes) and for
the generated 5 MB notes file of benchmarks/import_speed.py, with the cards made from its
points. Targets: the seed course in under 1 s once the process is warm; points, schemes and
cards of the 5 MB notes in under 5 s. The 5 MB figures are wall-clock seconds with the
process's CPU seconds in brackets: on a machine shared with other work the CPU time is the
steadier of the two.

    python benchmarks/schemes_speed.py [--notes FILE] [--mb 5]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from import_speed import generate
from pastpaper.course import Course
from pastpaper.ingest import read_notes
from pastpaper.schemes.points import clear_caches, family_points
from pastpaper.schemes.scheme import build_scheme
from pastpaper.schemes.scheme import clear_caches as clear_scheme_caches
from pastpaper.study.cards import cards_of

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "khrushchev-modernisation.txt"


def every_scheme(course: Course) -> tuple[int, int]:
    """Build every family's points and every question's scheme; count them."""
    points = schemes = 0
    for topic in course.topics:
        for family in topic.families:
            points += len(family_points(family))
            for question in family.questions:
                build_scheme(question, family)
                schemes += 1
    return points, schemes


def timed(course: Course) -> tuple[float, int, int]:
    return timed_cpu(course)[:3]


def timed_cpu(course: Course) -> tuple[float, int, int, float]:
    """Wall-clock seconds, points, schemes and CPU seconds of every scheme of the course."""
    clear_caches()  # time the work itself, not a lookup of last run's points
    clear_scheme_caches()
    start, cpu = time.perf_counter(), time.process_time()
    points, schemes = every_scheme(course)
    return time.perf_counter() - start, points, schemes, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=Path, default=SEED, help="the course to time")
    parser.add_argument("--mb", type=float, default=5.0, help="size of the generated file (MB)")
    args = parser.parse_args()

    seed = read_notes(args.notes).course
    cold, points, schemes = timed(seed)  # loads the word list and stemmer
    warm = min(timed(seed)[0] for _ in range(5))
    print(f"{args.notes.name}: {points} points, {schemes} schemes")
    print(f"  first run (cold):  {cold:.3f} s")
    print(f"  warm (best of 5):  {warm:.3f} s  (target < 1 s)")

    with tempfile.TemporaryDirectory() as folder:
        notes = Path(folder) / "notes.txt"
        size = generate(notes, args.mb)
        big = read_notes(notes, max_bytes=size + 1).course
    seconds, points, schemes, cpu = timed_cpu(big)
    start, cpu_start = time.perf_counter(), time.process_time()
    cards = len(cards_of(big))  # from the points just made, as one run doing all three would
    carding, carding_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"generated {size / 1e6:.1f} MB notes: {points} points, {schemes} schemes, {cards} cards")
    print(
        f"  points and schemes (warm): {seconds:.2f} s  (CPU {cpu:.2f} s; "
        f"{points / cpu:.0f} points a CPU second)"
    )
    print(f"  cards from those points:   {carding:.2f} s  (CPU {carding_cpu:.2f} s)")
    print(
        f"  all three:                 {seconds + carding:.2f} s  "
        f"(CPU {cpu + carding_cpu:.2f} s; target < 5 s)"
    )


if __name__ == "__main__":
    main()
