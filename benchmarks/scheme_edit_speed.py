"""How long the scheme editor takes over a class's answers: the editor's page, a change's dry
run (every answer marked again under the edited scheme, nothing written) and applying it
(the same, and the marks and the new version written), on a new SQLite file with the seed
course and a class whose students all answered one question.

    python benchmarks/scheme_edit_speed.py                 # 300 answers
    python benchmarks/scheme_edit_speed.py --answers 1000

Each answer is two or three of the scheme's points in the notes' words, so the answers
differ and a dropped point changes some marks. Prints the time of each step in seconds
(the page: the median of 5), and how many marks the change moved.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from pastpaper.app import Pastpaper
from pastpaper.app.schemes import SchemeChange
from pastpaper.ingest import read_notes
from pastpaper.settings import Settings
from pastpaper.store import Store

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "khrushchev-modernisation.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--seed", type=Path, default=SEED, help="the seed notes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, Store.open(str(Path(folder) / "b.db")) as store:
        core = Pastpaper(store, None, Settings(), lambda: NOW)
        people = store.people
        reed = people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
        saved = store.save_course(
            read_notes(args.seed).course, source="upload", owner_id=reed.id, now=NOW
        )
        group = people.add_class("ms.reed", "11B", now=NOW)
        people.assign_course(group.id, saved.slug)
        question = next(
            q for q in store.questions(saved.slug) if q.marks and q.command_word == "describe"
        ).id
        teacher = core.acting_for(reed)
        points = [p.point.text for p in teacher.scheme(question).scheme.creditable]
        started = time.perf_counter()
        for n in range(args.answers):
            login = f"s{n:04d}"
            student = people.add_user(login, f"Student {n}", "student", now=NOW)
            people.enrol(login, group.id, now=NOW)
            chosen = [points[(n * step) % len(points)] for step in (1, 7, 13)[: 2 + n % 2]]
            core.acting_for(student).submit_answer(question, ". ".join(chosen) + ".")
        print(f"{args.answers} answers submitted and marked: {time.perf_counter() - started:.1f} s")

        times = []
        for _ in range(5):
            started = time.perf_counter()
            teacher.scheme_page(question)
            times.append(time.perf_counter() - started)
        print(f"the editor's page (median of 5): {statistics.median(times):.3f} s")

        change = SchemeChange(
            action="drop", point=teacher.scheme(question).scheme.points[0].point.id
        )
        started = time.perf_counter()
        dry = teacher.scheme_dry_run(question, change)
        print(
            f"dry run, dropping the first point: {time.perf_counter() - started:.2f} s "
            f"({len(dry.remarking.changes)} of {dry.remarking.answers} marks would change)"
        )
        started = time.perf_counter()
        done = teacher.apply_pending_edit(question, dry.edit, "benchmark", based_on=dry.based_on)
        print(
            f"applied as version {done.version}: {time.perf_counter() - started:.2f} s "
            f"({len(done.changes)} marks changed)"
        )


if __name__ == "__main__":
    main()
