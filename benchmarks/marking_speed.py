"""Benchmark the marker: start to first mark, one answer's latency, bulk answers a second.

    python benchmarks/marking_speed.py [--data ../shared/data] [--short 2000] [--long 300]

Nothing here reads an unseen-* split (they are run once, for the README's marker table):
short answers are SciEntsBank's train split, long ones SAF's train split.

- start: from the process's start to the first Marking (imports and model load included);
- latency: one answer at a time, once warm, p50 and p95 over 200 answers: against the
  seed's schemes (point by point), and short answers judged whole against their references
  (each question's reference encoded by an earlier answer, as when a class is marked);
- bulk, the same answers three ways, each with a model of its own (nothing cached from
  another way): one answer at a time, as ``mark --csv`` marked before it marked in bulk;
  in this process, claims encoded in batches across answers with ONNX Runtime's threads on
  both cores, as ``eval`` marked before; and shared between two worker processes with one
  thread each (their start and model load included), as both now do from 400 answers;
- a class: ``pastpaper mark --csv`` of 60 answers to the seed's questions, in a new
  process, start included; with ``--before SRC`` also by the code in SRC (for instance
  ``git archive COMMIT src | tar -x -C /tmp/before`` and ``--before /tmp/before/src``).
Other work on the machine shares its cores: the figures are rough.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time

STARTED = time.perf_counter()

from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from pastpaper.ingest import read_notes  # noqa: E402
from pastpaper.marking import mark, reference_scheme  # noqa: E402
from pastpaper.marking.bulk import mark_all  # noqa: E402
from pastpaper.marking.calibration import Calibration, calibration  # noqa: E402
from pastpaper.marking.embed import Embedder, embedder  # noqa: E402
from pastpaper.marking.evaluate import read_marking_set, scheme_for  # noqa: E402
from pastpaper.schemes.scheme import MarkScheme, build_scheme  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WORDS = "Khrushchev Stalin speech gulags censorship statues KGB released relaxed reduced".split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--short", type=int, default=2000, help="short answers for bulk")
    parser.add_argument("--long", type=int, default=300, help="long answers for bulk")
    parser.add_argument(
        "--before", type=Path, help="an earlier checkout's src folder, to time its mark --csv too"
    )
    args = parser.parse_args()
    seed_notes = args.data.parent / "seed" / "khrushchev-modernisation.txt"
    seed = read_notes(seed_notes).course
    schemes = [build_scheme(q, f) for _, f, q in seed.questions()]
    model, calibrated = embedder(), calibration()
    mark("Censorship was relaxed.", schemes[0], model, calibrated)
    print(f"start to first mark: {time.perf_counter() - STARTED:.2f} s")

    latencies = []
    for n in range(200):
        answer = (
            f"In {1950 + n % 10} {WORDS[n % 10]} was {WORDS[(n * 7) % 10]}. "
            f"Prisoners were freed from the camps, answer {n}. The KGB lost power {n} times."
        )
        start = time.perf_counter()
        mark(answer, schemes[n % len(schemes)], model, calibrated)
        latencies.append(time.perf_counter() - start)
    _report("one answer, warm, against the seed's schemes", latencies)

    train = read_marking_set(args.data / "semeval2013.jsonl", "train")
    short = [r for r in train if r["dataset"] == "semeval2013-scientsbank"]
    _short_latency(short, model, calibrated)

    saf = read_marking_set(args.data / "saf-english.jsonl", "train")
    for what, rows in (("short", short[: args.short]), ("long (SAF)", saf[: args.long])):
        schemes_by = {r["question_id"]: scheme_for(r, None) for r in rows}
        items = [(row["answer"], schemes_by[row["question_id"]]) for row in rows]
        _bulk(what, items, calibrated)

    _class_csv(args.data / "seed-answers.jsonl", seed_notes, args.before)


def _short_latency(short: list[dict[str, Any]], model: Embedder, calibrated: Calibration) -> None:
    schemes_of = {
        r["question_id"]: reference_scheme(r["question"], r["reference"], 1) for r in short
    }
    warmed: set[str] = set()
    latencies: list[float] = []
    for row in short:
        if row["question_id"] not in warmed:
            warmed.add(row["question_id"])
            mark(row["answer"], schemes_of[row["question_id"]], model, calibrated)
        elif len(latencies) < 200:
            start = time.perf_counter()
            mark(row["answer"], schemes_of[row["question_id"]], model, calibrated)
            latencies.append(time.perf_counter() - start)
    _report("one short answer, warm, judged whole", latencies)


def _bulk(what: str, items: list[tuple[str, MarkScheme]], calibrated: Calibration) -> None:
    """The same answers marked three ways; the marks must agree."""
    start = time.perf_counter()
    alone = Embedder()
    before = [mark(answer, scheme, alone, calibrated) for answer, scheme in items]
    ways = [("one at a time", time.perf_counter() - start)]
    for name, workers in (("in batches, one process", 0), ("in batches, two workers", 2)):
        start = time.perf_counter()
        marked = mark_all(items, Embedder, calibrated, workers=workers)
        ways.append((name, time.perf_counter() - start))
        if marked != before:
            raise SystemExit(f"{name} gave other marks than one at a time")
    shown = "; ".join(f"{name} {len(items) / seconds:.1f}" for name, seconds in ways)
    print(f"bulk, {len(items)} {what} answers, answers a second: {shown}", flush=True)


def _class_csv(answers: Path, notes: Path, before: Path | None) -> None:
    """``pastpaper mark --csv`` of a class of 60 answers to the seed's questions, timed from
    the start of its process; with the code at ``before`` (a ``src`` folder) too."""
    from pastpaper.store import Store

    rows = read_marking_set(answers)
    sources = {"before": before, "now": ROOT / "src"}
    with tempfile.TemporaryDirectory() as folder:
        # The notes are imported by the earliest code, so that each checkout opens a store it
        # knows (a later one upgrades it), with the same question ids in each copy.
        imported = Path(folder) / "imported.db"
        first = dict(os.environ, PYTHONPATH=str(before or sources["now"]))
        command = [sys.executable, "-m", "pastpaper", "--db", str(imported), "import", str(notes)]
        subprocess.run(command, check=True, capture_output=True, env=first)
        stores = {name: Path(folder) / f"class-{name}.db" for name in sources}
        for db in stores.values():
            shutil.copyfile(imported, db)
        questions = {q.text: q.id for q in Store.open(stores["now"]).questions()}
        sheet = Path(folder) / "answers.csv"
        with sheet.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(["student", "question", "answer"])
            for n in range(60):
                row = rows[n % len(rows)]
                asked = max(questions, key=lambda q: _shared(q, row["question"]))
                writer.writerow([f"S{n:02d}", questions[asked], f"{row['answer']} ({n})"])
        for name, source in sources.items():
            if source is None:
                continue
            book = Path(folder) / f"marks-{name}.csv"
            start = time.perf_counter()
            run = [sys.executable, "-m", "pastpaper", "--db", str(stores[name])]
            command = [*run, "mark", "--csv", str(sheet), "-o", str(book)]
            environment = dict(os.environ, PYTHONPATH=str(source))
            subprocess.run(command, check=True, capture_output=True, env=environment)
            seconds = time.perf_counter() - start
            print(f"a class: mark --csv of 60 answers, start included, {name}: {seconds:.1f} s")


def _shared(a: str, b: str) -> int:
    return len(set(a.lower().split()) & set(b.lower().split()))


def _report(what: str, latencies: list[float]) -> None:
    latencies.sort()
    p50, p95 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.95)]
    print(f"{what}: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms", flush=True)


if __name__ == "__main__":
    main()
