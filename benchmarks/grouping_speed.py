"""Benchmark moderation's grouping: 300 answers to one question grouped by meaning and points.

    python benchmarks/grouping_speed.py [--data ../shared] [--answers 300] [--runs 3]

The answers are made from the seed's notes: sentences of the family that answers 2000's
"Describe the key features of de-Stalinisation" in varied combinations (one to six of them,
some with a clause cut off, some the same answer again in other case), so they run from a
line to a paragraph. They are marked first (not timed); then the grouping alone is timed:
each answer's sentences encoded (``answer_meanings``) and the answers clustered
(``group_answers``), as the moderation page does. Cold: a model of its own that has encoded
nothing (the worst case: nothing kept from marking), on one thread and on a thread a core
(as the server's model runs); warm: the marker's own
model, which keeps what marking encoded (as the server process that marked them does).
Other work on the machine shares its cores, so the CPU time the process used is printed
beside the time on the clock: with one thread and the cores free, the two agree.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pastpaper.course import Question, QuestionFamily
from pastpaper.ingest import read_notes
from pastpaper.marking import Marker
from pastpaper.marking.embed import Embedder
from pastpaper.marking.grouping import answer_meanings, answer_sentences, group_answers
from pastpaper.schemes.scheme import build_scheme

ROOT = Path(__file__).resolve().parents[1]


def question(seed: Path) -> tuple[Question, QuestionFamily]:
    course = read_notes(seed).course
    for topic in course.topics:
        for family in topic.families:
            for q in family.questions:
                if q.year == 2000 and q.text.startswith("Describe"):
                    return q, family
    raise SystemExit("the seed has no 2000 'Describe' question")


def answers(family: QuestionFamily, count: int, rng: random.Random) -> list[str]:
    """``count`` answers made of the family's notes sentences, in varied combinations."""
    sentences = [s for note in family.notes for s in answer_sentences(note) if len(s) > 20]
    made: list[str] = []
    while len(made) < count:
        if made and rng.random() < 0.1:
            made.append(rng.choice(made).lower())  # the same answer again
            continue
        chosen = rng.sample(sentences, rng.randint(1, 6))
        if rng.random() < 0.3:
            first = chosen[0].split(",")[0]
            chosen[0] = first if first.endswith(".") else first + "."
        made.append(" ".join(chosen))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--answers", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    asked, family = question(args.data / "seed" / "khrushchev-modernisation.txt")
    scheme = build_scheme(asked, family)
    texts = answers(family, args.answers, random.Random(16))
    words = [len(t.split()) for t in texts]
    print(
        f"{len(texts)} answers of {min(words)} to {max(words)} words (median "
        f"{statistics.median(words):.0f}) to {asked.year}: {asked.text}"
    )
    marker = Marker.load()
    started = time.perf_counter()
    markings = marker.mark_many([(t, scheme) for t in texts])
    print(f"marked in {time.perf_counter() - started:.1f} s (not part of the grouping)")
    credited = [frozenset(c.point_id for c in m.credited) for m in markings]  # type: ignore[union-attr]
    encoders: list[tuple[str, Callable[[], Callable[[list[str]], Any]]]] = [
        ("cold, one thread", lambda: Embedder(threads=1).encode),
        ("cold, a thread a core", lambda: Embedder().encode),
        ("warm", lambda: marker.model.encode),
    ]
    for label, encode in encoders:
        times, cpu = [], []
        for _ in range(args.runs):
            model = encode()
            model(["warm the runtime up"])  # the model's load is not the grouping's
            started, used = time.perf_counter(), time.process_time()
            meanings = answer_meanings(texts, model)
            groups = group_answers(texts, meanings, credited)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
        print(
            f"grouping, {label}: best {min(times):.2f} s, median {statistics.median(times):.2f} s "
            f"over {args.runs} runs (CPU time: best {min(cpu):.2f} s); {len(groups)} groups, "
            f"the largest of {len(groups[0])}"
        )


if __name__ == "__main__":
    main()
