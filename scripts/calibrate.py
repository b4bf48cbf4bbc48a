"""Fit the marker's calibration on the train splits of the marking sets; write it.

Only answers whose split is ``train`` are read (../shared/data/README.md: calibrate on
train, report on the rest). For each answer, the features of its closest claim and
reference point (pastpaper.marking.FEATURES) are taken; a logistic regression learns from
them whether the answer is correct (a mark of at least half the maximum), and the
threshold on its chance that gives the best macro-F1 over all train answers is chosen.
Both go to src/pastpaper/calibration.json, with the figures they reach on train.

    python scripts/calibrate.py [--data ../shared/data] [--version 2026-11-28.1]
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from pastpaper.calibration import Calibration
from pastpaper.embed import embedder
from pastpaper.evaluate import macro_f1
from pastpaper.marking import FEATURES, claim_texts, match_features, match_scores, reference_scheme

ROOT = Path(__file__).resolve().parents[1]
SETS = ("semeval2013.jsonl", "saf-english.jsonl")
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.01), 2)


def _fit(
    closest: np.ndarray, truth: np.ndarray, answers: list[np.ndarray], version: str
) -> Calibration:
    """Weights from each answer's closest pair; then the threshold on the chance, taken
    over all of an answer's pairs as marking takes it, that gives the best macro-F1."""
    model = LogisticRegression(max_iter=1000).fit(closest, truth)
    fitted = Calibration(
        version=version,
        features=FEATURES,
        weights=tuple(round(float(w), 5) for w in model.coef_[0]),
        intercept=round(float(model.intercept_[0]), 5),
        threshold=0.5,
        fact_similarity=0.7,
    )
    best = np.array([float(match_scores(f, fitted).max()) for f in answers])
    _, threshold = max(
        (macro_f1(truth.tolist(), (best >= t).astype(int).tolist()), float(t)) for t in THRESHOLDS
    )
    return fitted.model_copy(update={"threshold": threshold})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--version", default=f"{date.today().isoformat()}.1")
    args = parser.parse_args()

    by_question: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for name in SETS:
        for line in (args.data / name).open(encoding="utf-8"):
            row = json.loads(line)
            if row["split"] == "train":
                by_question[(row["dataset"], row["question_id"])].append(row)
    encode = embedder().encode
    answers: list[np.ndarray] = []  # each answer's features, claims × points × FEATURES
    gold: list[int] = []
    groups: list[int] = []
    for number, rows in enumerate(by_question.values()):
        first = rows[0]
        scheme = reference_scheme(
            first["question"], first["reference"], math.ceil(float(first["max_marks"]))
        )
        claims = [claim_texts(row["answer"], scheme) or [row["answer"]] for row in rows]
        encode([text for texts in claims for text in texts])
        for row, texts in zip(rows, claims, strict=True):
            answers.append(match_features(texts, scheme.creditable, encode, first["question"]))
            gold.append(int(float(row["score"]) >= 0.5 * float(row["max_marks"])))
            groups.append(number)
    # Learn from each answer's closest pair: the one a marker would judge it by.
    closest = np.array([f.reshape(-1, len(FEATURES))[f[:, :, 0].argmax()] for f in answers])
    truth = np.array(gold)
    # How well this generalises to questions it has not seen: folds that keep each
    # question's answers together, as the unseen-questions splits do; in each, the whole
    # fit (weights, then threshold) is made on the other folds.
    guessed = np.zeros_like(truth)
    for fit, held in GroupKFold(n_splits=5).split(closest, truth, groups):
        part = _fit(closest[fit], truth[fit], [answers[i] for i in fit], args.version)
        chances = np.array([float(match_scores(answers[i], part).max()) for i in held])
        guessed[held] = (chances >= part.threshold).astype(int)
    cross_f1 = macro_f1(truth.tolist(), guessed.tolist())
    fitted = _fit(closest, truth, answers, args.version)
    best = np.array([float(match_scores(f, fitted).max()) for f in answers])
    threshold = fitted.threshold
    f1 = macro_f1(truth.tolist(), (best >= threshold).astype(int).tolist())
    accuracy = float(((best >= threshold).astype(int) == truth).mean())
    fitted = fitted.model_copy(
        update={
            "threshold": threshold,
            "fitted_on": tuple(f"{name}: train" for name in SETS),
            "train_figures": {
                "answers": float(len(truth)),
                "macro_f1": round(f1, 4),
                "macro_f1_unseen_question_folds": round(cross_f1, 4),
                "accuracy": round(accuracy, 4),
            },
        }
    )
    target = ROOT / "src" / "pastpaper" / "calibration.json"
    target.write_text(fitted.model_dump_json(indent=2) + "\n", encoding="utf-8")
    print(f"{len(truth)} train answers: weights {fitted.weights}, intercept {fitted.intercept}")
    print(f"threshold {threshold}: macro-F1 {f1:.4f}, accuracy {accuracy:.4f} on train")
    print(f"macro-F1 {cross_f1:.4f} on train questions held out (5 folds by question)")
    print(f"written to {target}")


if __name__ == "__main__":
    main()
