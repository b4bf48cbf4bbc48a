"""Benchmark marking a class's answers locally and with Ray: answers a second, and a core.

    python benchmarks/scale_speed.py [--answers 200000] [--address ADDR] [--data ../shared/data]

The answers are made from the seed's answers, to the seed's questions: each has two or
three of their sentences, every sentence numbered with the answer's number, so that no
claim is met twice and nothing is marked from a kept vector. They are marked twice, each
way with models of its own: by ``pastpaper.marking.bulk`` as ``mark --csv`` marks locally (worker
processes, one a core), and by ``pastpaper.marking.scale`` as ``mark --csv --engine ray`` does (a
Ray started here on this machine's cores, or the cluster at ``--address``; its start is
timed apart, its actors' model loads are in the marking). The two must give the same marks.
Other work on the machine shares its cores: the figures are rough.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import time
from pathlib import Path

from pastpaper.ingest import read_notes
from pastpaper.marking.bulk import Item, mark_all, workers_for
from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import Embedder
from pastpaper.marking.evaluate import read_marking_set
from pastpaper.marking.scale import mark_with_ray
from pastpaper.schemes.scheme import build_scheme

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=200_000, help="how many to mark")
    parser.add_argument("--address", help="a Ray cluster's address (a Ray started here if not)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    items = _answers(args.data, args.answers)
    calibrated = calibration()

    start = time.perf_counter()
    local = mark_all(items, Embedder, calibrated, workers=workers_for(len(items)))
    cores = max(1, workers_for(len(items)))
    _report("local", len(items), time.perf_counter() - start, cores)

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    import ray

    start = time.perf_counter()
    if args.address is None:
        ray.init(include_dashboard=False, logging_level=logging.ERROR)
    else:
        ray.init(address=args.address, logging_level=logging.ERROR)
    cpus = int(ray.cluster_resources().get("CPU", 1))  # type: ignore[no-untyped-call]
    print(f"ray: started (or joined) in {time.perf_counter() - start:.1f} s, {cpus} CPUs")
    start = time.perf_counter()
    by_ray = mark_with_ray(items, calibrated)
    _report("ray", len(items), time.perf_counter() - start, cpus)
    ray.shutdown()
    if by_ray != local:
        raise SystemExit("Ray gave other marks than the local path")


def _answers(data: Path, count: int) -> list[Item]:
    """``count`` answers, each to one of the seed's questions, no sentence of one repeated."""
    seed = read_notes(data.parent / "seed" / "khrushchev-modernisation.txt").course
    schemes = [build_scheme(question, family) for _, family, question in seed.questions()]
    sentences = [
        sentence
        for row in read_marking_set(data / "seed-answers.jsonl")
        for sentence in re.split(r"(?<=\.)\s+", row["answer"])
        if sentence.strip()
    ]
    items = []
    for n in range(count):
        picked = [sentences[(n * 7 + k * 5) % len(sentences)] for k in range(2 + n % 2)]
        answer = " ".join(f"{s.rstrip('.')} (answer {n})." for s in picked)
        items.append((answer, schemes[n % len(schemes)]))
    return items


def _report(way: str, answers: int, seconds: float, cores: int) -> None:
    rate = answers / seconds
    print(
        f"{way}: {answers:,} answers in {seconds:.1f} s, {rate:.1f} answers a second "
        f"on {cores} cores, {rate / cores:.1f} a core",
        flush=True,
    )


if __name__ == "__main__":
    main()
