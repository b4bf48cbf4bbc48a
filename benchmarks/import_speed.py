"""Benchmark: import a generated 5 MB notes file into a fresh SQLite database.

Prints the time to parse, to save, to re-import (the update path) and the peak memory (of
this process, and of the largest other process that made some of the cards).
Targets: under 5 s and under 300 MB for the first import.

    python benchmarks/import_speed.py [--mb 5]
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

from pastpaper.ingest import read_notes
from pastpaper.store import Store

EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "pastpaper" / "examples"
TOPIC = re.compile(r"^\d{1,3}: ")


def generate(path: Path, megabytes: float) -> int:
    """Write notes in the seed format: topic after topic of the example's question families.

    Each topic (numbered 1, 2, 3, ...) holds every family of the built-in example, with the
    questions made distinct, as a real bank's would be.
    """
    body = (EXAMPLE / "khrushchev-reform.txt").read_text(encoding="utf-8")
    # The example's families, without its title and topic heading lines.
    families = "\n".join(line for line in body.splitlines()[1:] if not TOPIC.match(line)).strip()
    target = int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as out:
        out.write("Benchmark notes.\n\n")
        number = 0
        while out.tell() < target:
            number += 1
            if number > 999:
                raise SystemExit("the file would need more than 999 topics; ask for fewer MB")
            out.write(f"{number}: Khrushchev, part {number}\n\n")
            out.write(families.replace("Khrushchev", f"Khrushchev ({number})") + "\n\n")
    return path.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the notes file (MB)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        notes = Path(folder) / "notes.txt"
        size = generate(notes, args.mb)
        store = Store.open(Path(folder) / "bench.db")

        start = time.perf_counter()
        course = read_notes(notes, max_bytes=size + 1).course
        parsed = time.perf_counter()
        store.save_course(course)
        saved = time.perf_counter()
        peak_first = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        # A large course's cards are made in other processes too (pastpaper.study.sharing).
        peak_other = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        again = read_notes(notes, max_bytes=size + 1).course
        store.save_course(again)
        updated = time.perf_counter()
        store.close()

    questions = sum(1 for _ in course.questions())
    # The figures mean something only if the file was read as written.
    assert [t.number for t in course.topics] == list(range(1, len(course.topics) + 1))
    assert questions == 9 * len(course.topics), questions
    notes_count = sum(len(f.notes) for t in course.topics for f in t.families)
    print(
        f"notes file:        {size / 1e6:.1f} MB, {len(course.topics)} topics, "
        f"{questions} questions, {notes_count} notes paragraphs"
    )
    print(f"parse:             {parsed - start:.2f} s")
    print(f"save (new):        {saved - parsed:.2f} s")
    print(f"first import:      {saved - start:.2f} s  (target < 5 s)")
    print(f"re-import (update): {updated - saved:.2f} s")
    print(f"peak memory:       {peak_first:.0f} MB after the first import (target < 300 MB)")
    if peak_other:
        print(f"  of another process making cards: {peak_other:.0f} MB at its peak")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
