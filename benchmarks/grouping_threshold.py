"""Choose the moderation grouping's threshold and point weight on a hand-grouped set.

    python benchmarks/grouping_threshold.py [--data ../shared]

``benchmarks/data/grouping/moderation-groups.jsonl`` holds answers of our own to four of the
seed's questions, each with the group a teacher would put it in (same meaning, same
points): three questions are the ``dev`` split the settings were chosen on, one is
``held-out``, written after they were chosen and scored once. Each answer is marked against
its question's scheme by the installed marker, its meaning read by the marker's model
(``pastpaper.marking.grouping``), and the dev questions' answers grouped over a grid of
thresholds and point weights; printed: the adjusted Rand index against the hand grouping
(1 is the same grouping, 0 what chance gives), the mean over the questions and the lowest;
then, with the shipped settings, each question's index (the held-out one too) and groups.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

from pastpaper.app.base import installed_marker
from pastpaper.course import Course, Question, QuestionFamily
from pastpaper.ingest import read_notes
from pastpaper.marking.grouping import (
    POINT_WEIGHT,
    THRESHOLD,
    answer_meanings,
    group_answers,
)
from pastpaper.schemes.scheme import build_scheme

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data" / "grouping" / "moderation-groups.jsonl"


def find(course: Course, asked: str) -> tuple[Question, QuestionFamily]:
    """The seed's question whose "year: text" begins with ``asked``."""
    for topic in course.topics:
        for family in topic.families:
            for question in family.questions:
                if f"{question.year}: {question.text}".startswith(asked):
                    return question, family
    raise SystemExit(f"no question of the seed begins {asked!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    course = read_notes(args.data / "seed" / "khrushchev-modernisation.txt").course
    rows = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    by_question: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_question[row["question"]].append(row)
    marker = installed_marker()
    prepared = []
    for asked, answers in by_question.items():
        question, family = find(course, asked)
        scheme = build_scheme(question, family)
        texts = [a["answer"] for a in answers]
        credited = [
            frozenset(c.point_id for c in marker.mark(text, scheme).credited) for text in texts
        ]
        meanings = answer_meanings(texts, marker.model.encode)
        split = answers[0]["split"]
        prepared.append((asked, texts, credited, meanings, [a["group"] for a in answers], split))
    dev = [p[:5] for p in prepared if p[5] == "dev"]
    print(f"{len(rows)} answers to {len(prepared)} questions, hand-grouped; {len(dev)} dev")
    print("threshold  weight  mean ARI  lowest")
    best = (-1.0, 0.0, 0.0)
    for weight in (0.0, 0.15, 0.3, 0.45, 0.6):
        for threshold in (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8):
            scores = [
                adjusted_rand_score(
                    hand, _labels(group_answers(t, m, c, threshold=threshold, point_weight=weight))
                )
                for _, t, c, m, hand in dev
            ]
            mean = sum(scores) / len(scores)
            print(f"{threshold:9.2f}  {weight:6.2f}  {mean:8.3f}  {min(scores):6.3f}")
            if mean > best[0]:
                best = (mean, threshold, weight)
    print(f"best: threshold {best[1]}, weight {best[2]}: mean ARI {best[0]:.3f}")
    print(f"shipped: threshold {THRESHOLD}, weight {POINT_WEIGHT}")
    for asked, texts, credited, meanings, hand, split in prepared:
        groups = group_answers(texts, meanings, credited)
        score = adjusted_rand_score(hand, _labels(groups))
        print(f"\n{asked} ({split}: ARI {score:.3f})")
        for members in groups:
            print("  " + " | ".join(f"[{hand[i]}] {texts[i][:40]}" for i in members))


def _labels(groups: list[list[int]]) -> list[int]:
    """A group number for each answer, in the answers' order."""
    labels = {i: g for g, members in enumerate(groups) for i in members}
    return [labels[i] for i in range(len(labels))]


if __name__ == "__main__":
    main()
