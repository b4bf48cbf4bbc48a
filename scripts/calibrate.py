"""Fit the marker's calibration on the train splits of the marking sets; write it.

Only answers whose split is ``train`` are read (../shared/data/README.md: calibrate on
train, report on the rest). Three judges are fitted, each a logistic regression that
learns whether an answer is correct (a mark of at least half the maximum), with the
threshold on its chance that gives the best macro-F1 on the answers it learnt from:

- point by point, from every train answer: the features of its closest claim and
  reference point (pastpaper.marking.FEATURES);
- a short answer judged whole against one model answer, from the train answers to
  questions with one short reference (pastpaper.marking.ANSWER_FEATURES);
- the same against several acceptable answers, from the questions with several.

How many train answers use each word piece goes to src/pastpaper/piece_answers.json; the
rest to src/pastpaper/calibration.json, with the figures each judge reaches on train and
on train questions held out of its fit (5 folds that keep a question's answers together).

    python scripts/calibrate.py [--data ../shared/data] [--version 2026-11-28.1]
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from pastpaper.calibration import AnswerModel, Calibration
from pastpaper.embed import embedder
from pastpaper.evaluate import macro_f1
from pastpaper.marking import (
    ANSWER_FEATURES,
    FEATURES,
    answer_features,
    claim_texts,
    match_features,
    match_scores,
    read_as_marked,
    reference_scheme,
    short_answer_kind,
)

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


def _fit_judge(values: np.ndarray, truth: np.ndarray) -> AnswerModel:
    """A whole-answer judge: weights, then the threshold with the best macro-F1."""
    model = LogisticRegression(max_iter=5000).fit(values, truth)
    chance = model.predict_proba(values)[:, 1]
    _, threshold = max(
        (macro_f1(truth.tolist(), (chance >= t).astype(int).tolist()), float(t)) for t in THRESHOLDS
    )
    return AnswerModel(
        features=ANSWER_FEATURES,
        weights=tuple(round(float(w), 5) for w in model.coef_[0]),
        intercept=round(float(model.intercept_[0]), 5),
        threshold=threshold,
    )


def _judge(
    values: np.ndarray, truth: np.ndarray, groups: np.ndarray, sets: list[str]
) -> AnswerModel:
    """Fit a whole-answer judge on all of ``values``, with its figures on train and on
    train questions held out of the fit."""
    from pastpaper.marking import answer_chance

    guessed = np.zeros_like(truth)
    for fit, held in GroupKFold(n_splits=5).split(values, truth, groups):
        part = _fit_judge(values[fit], truth[fit])
        chances = np.array([answer_chance(values[i], part) for i in held])
        guessed[held] = (chances >= part.threshold).astype(int)
    judge = _fit_judge(values, truth)
    said = np.array([answer_chance(v, judge) >= judge.threshold for v in values]).astype(int)
    return judge.model_copy(
        update={
            "fitted_on": tuple(sorted(set(sets))),
            "train_figures": {
                "answers": float(len(truth)),
                "macro_f1": round(macro_f1(truth.tolist(), said.tolist()), 4),
                "macro_f1_unseen_question_folds": round(
                    macro_f1(truth.tolist(), guessed.tolist()), 4
                ),
                "accuracy": round(float((said == truth).mean()), 4),
            },
        }
    )


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
    model = embedder()
    encode = model.encode
    schemes = {
        key: reference_scheme(
            rows[0]["question"], rows[0]["reference"], math.ceil(float(rows[0]["max_marks"]))
        )
        for key, rows in by_question.items()
    }
    # How many train answers use each word piece, as the marker reads them.
    counts: Counter[str] = Counter()
    for key, rows in by_question.items():
        wholes = [read_as_marked(row["answer"], schemes[key]) for row in rows]
        for names, _ in model.pieces(wholes):
            counts.update(set(names))
    answered = sum(len(rows) for rows in by_question.values())
    answers: list[np.ndarray] = []  # each answer's features, claims × points × FEATURES
    gold: list[int] = []
    groups: list[int] = []
    # Short answers judged whole, by kind of reference: features, gold, question, set.
    short: dict[str, tuple[list[np.ndarray], list[int], list[int], list[str]]] = defaultdict(
        lambda: ([], [], [], [])
    )
    for number, (key, rows) in enumerate(by_question.items()):
        first, scheme = rows[0], schemes[key]
        kind = short_answer_kind(scheme)
        claims = [claim_texts(row["answer"], scheme) or [row["answer"]] for row in rows]
        encode([text for texts in claims for text in texts])
        for row, texts in zip(rows, claims, strict=True):
            pairs = match_features(texts, scheme.creditable, encode, first["question"])
            answers.append(pairs)
            correct = int(float(row["score"]) >= 0.5 * float(row["max_marks"]))
            gold.append(correct)
            groups.append(number)
            if kind is not None and row["answer"].strip():
                values, _ = answer_features(
                    read_as_marked(row["answer"], scheme), scheme, model, counts, answered
                )
                found = short[kind]
                found[0].append(values)
                found[1].append(correct)
                found[2].append(number)
                found[3].append(f"{row['dataset']}: train")
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
    judges = {
        kind: _judge(np.array(values), np.array(truth_), np.array(groups_), sets)
        for kind, (values, truth_, groups_, sets) in sorted(short.items())
    }
    fitted = fitted.model_copy(
        update={
            "short_answers": judges,
            "answers_counted": answered,
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
    pieces = target.with_name("piece_answers.json")
    pieces.write_text(json.dumps(dict(sorted(counts.items())), ensure_ascii=False) + "\n")
    print(f"{len(truth)} train answers: weights {fitted.weights}, intercept {fitted.intercept}")
    print(f"threshold {threshold}: macro-F1 {f1:.4f}, accuracy {accuracy:.4f} on train")
    print(f"macro-F1 {cross_f1:.4f} on train questions held out (5 folds by question)")
    for kind, judge in judges.items():
        figures = judge.train_figures
        print(
            f"short answers against {kind} reference(s), {figures['answers']:.0f} answers: "
            f"macro-F1 {figures['macro_f1']:.4f} on train, "
            f"{figures['macro_f1_unseen_question_folds']:.4f} on questions held out"
        )
    print(f"written to {target} and {pieces}")


if __name__ == "__main__":
    main()
