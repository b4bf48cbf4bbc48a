"""Check: points, schemes and cards come out exactly as another checkout of pastpaper makes them.

A speed-up must change nothing a user sees. This script writes every point, every mark
scheme and every card (all their fields, as JSON lines) of the seed, the built-in example,
the corpus of notes (benchmarks/data/notes) and the generated 5 MB notes of
benchmarks/import_speed.py, made by the pastpaper it is run with, and compares them with
the same made by another checkout: run it once with that one's ``src`` on PYTHONPATH and
``--write``, then with this one's and ``--against``.

    PYTHONPATH=/tmp/before/src python benchmarks/same_outputs.py --write /tmp/before.jsonl
    PYTHONPATH=src python benchmarks/same_outputs.py --against /tmp/before.jsonl

It prints each course's counts and, at the first difference, the line each side wrote.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pastpaper
from import_speed import EXAMPLE, generate
from pastpaper.course import Course
from pastpaper.ingest import read_notes
from pastpaper.schemes.points import REASON_COMMANDS, family_points, worded_kinds
from pastpaper.schemes.scheme import build_scheme
from pastpaper.study.cards import cards_of
from schemes_speed import SEED

NOTES = Path(__file__).resolve().parent / "data" / "notes"


def courses(megabytes: float) -> Iterator[tuple[str, Course]]:
    yield SEED.name, read_notes(SEED).course
    yield "khrushchev-reform.txt", read_notes(EXAMPLE / "khrushchev-reform.txt").course
    for path in sorted(NOTES.iterdir()):
        if path.suffix in (".txt", ".md", ".docx"):
            yield path.name, read_notes(path).course
    if megabytes:
        with tempfile.TemporaryDirectory() as folder:
            notes = Path(folder) / "notes.txt"
            size = generate(notes, megabytes)
            yield f"generated {megabytes:g} MB", read_notes(notes, max_bytes=size + 1).course


def lines(name: str, course: Course) -> Iterator[str]:
    """Every point, worded kind, scheme and card of the course, one JSON line each."""
    for t, topic in enumerate(course.topics):
        for f, family in enumerate(topic.families):
            where = f"{name} topic {t} family {f}"
            for point in family_points(family):
                yield json.dumps(["point", where, point.model_dump(mode="json")])
            explains = any(q.command_word in REASON_COMMANDS for q in family.questions)
            yield json.dumps(["worded", where, worded_kinds(family.notes, explains)])
            for question in family.questions:
                for reference in (False, True):
                    scheme = build_scheme(question, family, reference=reference)
                    yield json.dumps(["scheme", where, scheme.model_dump(mode="json")])
    for card in cards_of(course):
        yield json.dumps(["card", name, card.model_dump(mode="json")])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--write", type=Path, help="write the outputs to this file")
    which.add_argument("--against", type=Path, help="compare the outputs with this file")
    parser.add_argument("--mb", type=float, default=5.0, help="generated notes (0: none)")
    args = parser.parse_args()
    print(f"pastpaper from {Path(pastpaper.__file__).parent}")

    other = args.against.open(encoding="utf-8") if args.against else None
    out = args.write.open("w", encoding="utf-8") if args.write else None
    total = hashlib.sha256()
    for name, course in courses(args.mb):
        counts: dict[str, int] = {}
        for line in lines(name, course):
            kind = line[2 : line.index('"', 2)]
            counts[kind] = counts.get(kind, 0) + 1
            total.update(line.encode() + b"\n")
            if out is not None:
                out.write(line + "\n")
            elif other is not None:
                theirs = other.readline().rstrip("\n")
                if theirs != line:
                    print(f"DIFFERENT in {name}:")
                    print(f"  theirs: {theirs[:2000]}\n  ours:   {line[:2000]}")
                    raise SystemExit(1)
        print(f"{name}: " + ", ".join(f"{n} {kind}s" for kind, n in counts.items()))
    if other is not None and other.readline():
        print("DIFFERENT: the other file goes on")
        raise SystemExit(1)
    print(f"sha256 {total.hexdigest()}")
    print("written" if out is not None else "SAME: every point, scheme and card")


if __name__ == "__main__":
    main()
