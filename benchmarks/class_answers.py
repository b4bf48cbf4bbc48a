"""A class's CSV of answers to the seed's questions, for timing bulk marking: each answer is
made of sentences of its question's own notes, some in a different order, some cut short,
some with a sentence of another topic's notes mixed in, from one sentence to a page long, so
that marks vary as a real class's do. Seeded, so the same rows come out each time.

    python benchmarks/class_answers.py DB --rows 1000 > class.csv   (DB: a bank with the seed)
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import re
import sys
from pathlib import Path

from pastpaper.store import Store

#: Where a sentence of the notes ends.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(notes: list[str]) -> list[str]:
    """The notes' sentences that read as sentences (a few words at least)."""
    found = [s.strip() for paragraph in notes for s in _SENTENCE_END.split(paragraph)]
    return [s for s in found if len(s.split()) >= 4]


def question_notes(store: Store) -> list[tuple[int, list[str]]]:
    """Every question of the bank with its notes' sentences (those with any)."""
    out = []
    for course in store.courses():
        for question in store.questions(course.slug):
            said = sentences(store.question(question.id).notes)
            if said:
                out.append((question.id, said))
    return out


def answer(own: list[str], other: list[str], chance: random.Random) -> str:
    """An answer: a few of its notes' sentences, in any order, perhaps one cut short and one
    from elsewhere; one to twenty-four sentences."""
    length = chance.choice([1, 2, 3, 4, 6, 8, 12, 24])
    picked = [chance.choice(own) for _ in range(length)]
    if chance.random() < 0.3:
        picked.insert(chance.randrange(len(picked) + 1), chance.choice(other))
    if chance.random() < 0.2:
        words = picked[-1].split()
        picked[-1] = " ".join(words[: max(3, len(words) // 2)])
    return " ".join(picked)


def class_csv(store: Store, rows: int, seed: int = 16) -> bytes:
    """``rows`` answers, as a class's CSV (student, question, answer)."""
    chance = random.Random(seed)
    questions = question_notes(store)
    everything = [s for _, said in questions for s in said]
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["student", "question", "answer"])
    for n in range(rows):
        question, own = chance.choice(questions)
        writer.writerow([f"S{n % 30 + 1:02d}", question, answer(own, everything, chance)])
    return buffer.getvalue().encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path, help="a bank with the seed course imported")
    parser.add_argument("--rows", type=int, default=1000)
    args = parser.parse_args()
    store = Store.open(args.db)
    try:
        sys.stdout.buffer.write(class_csv(store, args.rows))
    finally:
        store.close()


if __name__ == "__main__":
    main()
