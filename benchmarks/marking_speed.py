"""Benchmark the marker: start to first mark, one answer's latency, bulk answers a second.

    python benchmarks/marking_speed.py [--data ../shared/data]

- start: from the process's start to the first Marking (imports and model load included);
- latency: one answer at a time, answers the model has not seen (p50 and p95 over 200
  answers), once warm: against the seed's schemes (point by point), and short answers
  against SciEntsBank unseen-questions references (judged whole; each question's
  reference encoded by an earlier answer, as when a class is marked);
- bulk: every answer of SciEntsBank unseen-domains (4,562), claims encoded in batches, as
  ``pastpaper eval`` and ``mark --csv`` do; answers a second, end to end.
Targets: start at most 8 s, p95 at most 150 ms, bulk at least 100 answers a second.
"""

from __future__ import annotations

import argparse
import time

STARTED = time.perf_counter()

from pathlib import Path  # noqa: E402

from pastpaper.calibration import calibration  # noqa: E402
from pastpaper.embed import embedder  # noqa: E402
from pastpaper.evaluate import evaluate, read_marking_set  # noqa: E402
from pastpaper.ingest import read_notes  # noqa: E402
from pastpaper.marking import mark, reference_scheme  # noqa: E402
from pastpaper.scheme import build_scheme  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WORDS = "Khrushchev Stalin speech gulags censorship statues KGB released relaxed reduced".split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    seed = read_notes(args.data.parent / "seed" / "khrushchev-modernisation.txt").course
    schemes = [build_scheme(q, f) for _, f, q in seed.questions()]
    model, calibrated = embedder(), calibration()
    mark("Censorship was relaxed.", schemes[0], model, calibrated)
    print(f"start to first mark: {time.perf_counter() - STARTED:.2f} s  (target <= 8 s)")

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

    rows = read_marking_set(args.data / "semeval2013.jsonl", "unseen-questions")
    short = [r for r in rows if r["dataset"] == "semeval2013-scientsbank"]
    schemes_of = {
        r["question_id"]: reference_scheme(r["question"], r["reference"], 1) for r in short
    }
    warmed: set[str] = set()
    latencies = []
    for row in short:
        if row["question_id"] not in warmed:
            warmed.add(row["question_id"])
            mark(row["answer"], schemes_of[row["question_id"]], model, calibrated)
        elif len(latencies) < 200:
            start = time.perf_counter()
            mark(row["answer"], schemes_of[row["question_id"]], model, calibrated)
            latencies.append(time.perf_counter() - start)
    _report("one short answer, warm, judged whole", latencies)

    rows = read_marking_set(args.data / "semeval2013.jsonl", "unseen-domains")
    start = time.perf_counter()
    evaluate(rows, model, calibrated)
    seconds = time.perf_counter() - start
    print(
        f"bulk: {len(rows)} answers in {seconds:.1f} s, {len(rows) / seconds:.0f} answers a second"
        "  (target >= 100)"
    )


def _report(what: str, latencies: list[float]) -> None:
    latencies.sort()
    p50, p95 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.95)]
    print(f"{what}: p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms  (target p95 <= 150 ms)")


if __name__ == "__main__":
    main()
