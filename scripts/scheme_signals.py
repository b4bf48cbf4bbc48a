"""Could meaning tell a question's points from its siblings'? A measurement, not a feature.

``scripts/scheme_check.py`` finds the schemes' precision short of the issue's 0.8: most
extra points belong to a sibling question of the same notes, or are narrative beside the
reasons in a paragraph the hand list credits in part. This script tries the two ways of
reading meaning that are at hand, on every creditable point of every corpus scheme, and
prints what each would do to precision and recall if it removed points:

1. the marking model (all-MiniLM-L6-v2): a point leaves a question when its paragraph (or
   the point itself) is closer to a sibling question than to this one by more than a
   margin;
2. a filter learnt from the hand lists: logistic regression on what the scheme already
   knows of each point (command word by kind, relevance, whether its own words give the
   link, verdicts, turns, headings, how many siblings claim its paragraph, its rank) and
   the model's similarities, chosen leave-one-file-out: each notes file is marked by a
   filter fitted on the other eight, as a teacher's notes would be;
3. the same kind of filter on the point's own vector (by the question's command word), and
   on its product with the question's: whether the model's reading of a point alone tells
   narrative from a reason.

Recall here counts the hand entries still matched by a kept point, as scheme_check does.

    python scripts/scheme_signals.py
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scheme_check import SCHEMES, Entry, matches, read_hand_list

from pastpaper.marking.embed import embedder
from pastpaper.schemes.parts import claimants
from pastpaper.schemes.points import Point
from pastpaper.schemes.scheme import build_scheme

_COMMANDS = ("why", "explain", "describe", "in what ways", "how far", "to what extent")
_KINDS = ("feature", "reason", "consequence", "evidence", "quotation")


@dataclass
class Row:
    """One creditable point of one question's scheme, with what could tell it apart."""

    notes: str
    question: int  # which scheme (numbered over the corpus)
    point: Point
    listed: bool  # on the hand list
    features: list[float]
    margin_paragraph: float  # best sibling's similarity to the paragraph, less this one's
    margin_point: float
    vector: list[float]  # the point's own vector, by command word, and times the question's


def rows() -> tuple[list[Row], dict[int, list[Entry]]]:
    model = embedder()
    found: list[Row] = []
    hands: dict[int, list[Entry]] = {}
    for path in sorted(SCHEMES.glob("*.yaml")):
        _, listed = read_hand_list(path)
        for question, family, entries in listed:
            number = len(hands)
            hands[number] = entries
            credited = build_scheme(question, family).creditable
            if not credited:
                continue
            texts = [q.text for q in family.questions]
            mine = texts.index(question.text)
            owners = claimants(texts, family.notes)
            asked = model.encode(texts)
            paragraphs = model.encode([family.notes[p.point.source.note] for p in credited])
            points = model.encode([p.point.text for p in credited])
            command = question.command_word
            for at, scheme_point in enumerate(credited):
                point = scheme_point.point
                by_paragraph, by_point = asked @ paragraphs[at], asked @ points[at]
                others = [q for q in range(len(texts)) if q != mine]
                margin_paragraph = max((by_paragraph[q] for q in others), default=-1.0)
                margin_point = max((by_point[q] for q in others), default=-1.0)
                margin_paragraph -= by_paragraph[mine]
                margin_point -= by_point[mine]
                kind_by_command = [
                    float(point.kind == kind and command == c) for kind in _KINDS for c in _COMMANDS
                ]
                features = [
                    *kind_by_command,
                    scheme_point.relevance,
                    at / len(credited),
                    len(owners[point.source.note]) / len(texts),
                    float(len(texts) > 1),
                    float(margin_paragraph),
                    float(margin_point),
                    float(by_paragraph[mine]),
                    float(by_point[mine]),
                ]
                found.append(
                    Row(
                        path.stem,
                        number,
                        point,
                        any(matches(point, e) for e in entries),
                        features,
                        float(margin_paragraph),
                        float(margin_point),
                        _by_command(points[at], command) + list(points[at] * asked[mine]),
                    )
                )
    return found, hands


def _by_command(vector: np.ndarray, command: str) -> list[float]:
    """The vector in the block of its command word's kind of question, zeros elsewhere."""
    blocks = [np.zeros_like(vector) for _ in _KIND_OF_QUESTION]
    blocks[_KIND_OF_QUESTION.index(_ASKS.get(command, "judge"))] = vector
    return [float(v) for v in np.concatenate(blocks)]


_KIND_OF_QUESTION = ("why", "describe", "judge")
_ASKS = {"why": "why", "explain": "why", "describe": "describe", "in what ways": "describe"}


def _held_out(features: np.ndarray, found: list[Row], strength: float) -> np.ndarray:
    """Each point's chance of being on the list, from a filter fitted on the other files."""
    listed = np.array([r.listed for r in found])
    files = np.array([r.notes for r in found])
    chance = np.zeros(len(found))
    for held_out in sorted(set(files)):
        train = files != held_out
        fitted = LogisticRegression(C=strength, max_iter=3000)
        fitted.fit(features[train], listed[train])
        chance[~train] = fitted.predict_proba(features[~train])[:, 1]
    return chance


def score(found: list[Row], keep: list[bool], hands: dict[int, list[Entry]]) -> str:
    kept = [r for r, k in zip(found, keep, strict=True) if k]
    listed = sum(r.listed for r in kept)
    hand = sum(len(entries) for entries in hands.values())
    matched = sum(
        any(matches(r.point, e) for r in kept if r.question == number)
        for number, entries in hands.items()
        for e in entries
    )
    return (
        f"precision {listed / len(kept):.3f} ({listed}/{len(kept)})  "
        f"recall {matched / hand:.3f} ({matched}/{hand})"
    )


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    found, hands = rows()
    print(f"every creditable point kept:        {score(found, [True] * len(found), hands)}")
    print("\n1. The marking model: a point leaves when a sibling is closer by more than m")
    for name, margin in (("its paragraph", "margin_paragraph"), ("the point", "margin_point")):
        for m in (0.0, 0.05, 0.1, 0.15):
            keep = [getattr(r, margin) <= m for r in found]
            print(f"   by {name:13} m={m:.2f}: {score(found, keep, hands)}")
    print("\n2. A filter learnt from the hand lists, each file held out in turn")
    chance = _held_out(np.array([r.features for r in found]), found, 1.0)
    for threshold in (0.3, 0.4, 0.5, 0.6):
        keep = list(chance >= threshold)
        print(f"   kept from chance {threshold:.1f}:         {score(found, keep, hands)}")
    print("\n3. The same on the points' own vectors, each file held out in turn")
    chance = _held_out(np.array([r.vector for r in found]), found, 1.0)
    for threshold in (0.4, 0.5, 0.6):
        keep = list(chance >= threshold)
        print(f"   kept from chance {threshold:.1f}:         {score(found, keep, hands)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
