"""Choose and fit the marker's judges by leaving one data set out; write the calibration.

The protocol (PROTOCOL, recorded in the calibration): every choice (which features a judge
weighs, whether data sets weigh alike) is made by cross-validation in which each held-out
fold is a whole data set, because a teacher's questions come from none of ours. The data
sets are the ``train`` splits of ../shared/data (SciEntsBank, Beetle, SAF, each its own
fold) and our development sets in benchmarks/data (short answers with acceptable-answer
lists, scoring guides with examples, five-mark questions with one model answer). No other
split is read here. With the choices made, each judge is fitted on all the sets of its
shape, and its held-out figures are printed and kept with it:

- point by point (notes and lists of points): a logistic regression on each train answer's
  closest claim and reference point (pastpaper.marking.FEATURES), from SemEval and SAF;
- ``accepted`` (and ``criteria``, whose correct examples are acceptable answers): a
  logistic regression on the whole answer (pastpaper.marking.judges.ANSWER_FEATURES), from every
  one-mark question with short references, threshold at the best macro-F1;
- ``model``: a linear regression from the whole answer to the share of the marks, from the
  questions with one reference.

How many train answers use each word piece goes to src/pastpaper/marking/piece_answers.json; the
rest to src/pastpaper/marking/calibration.json.

    python scripts/calibrate.py [--data ../shared/data] [--version 2026-12-01.1]
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from rich.progress import track
from scipy.stats import pearsonr
from sklearn.linear_model import LinearRegression, LogisticRegression

from pastpaper.marking import (
    FEATURES,
    claim_texts,
    match_features,
    match_scores,
    read_as_marked,
    reference_scheme,
)
from pastpaper.marking.calibration import AnswerModel, Calibration
from pastpaper.marking.embed import embedder
from pastpaper.marking.evaluate import macro_f1
from pastpaper.marking.judges import ANSWER_FEATURES, accepts, answer_features, placed
from pastpaper.schemes.references import read_reference
from pastpaper.schemes.scheme import MarkScheme

ROOT = Path(__file__).resolve().parents[1]
CALIBRATION = ROOT / "src" / "pastpaper" / "marking" / "calibration.json"
PROTOCOL = "leave one data set out, version 1"
SHARED_SETS = ("semeval2013.jsonl", "saf-english.jsonl")
OWN_SETS = ("short-answers.jsonl", "criteria-answers.jsonl", "model-answers.jsonl")
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.01), 2)
#: Candidates for the share of the marks at which an answer earns them all.
FULL_SHARES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4)
#: Candidates for the longest acceptable answer, in words, judged as a phrase (0: no split).
SPLITS = (0, 6, 12)

#: Which features a whole-answer judge may weigh: the candidates compared held out.
_MEANING = (
    "reference_similarity",
    "in_context",
    "answer_similarity",
    "similarity",
    "unasked_similarity",
)
_FORMS = ("form_recall", "contains", "numbers_differ")
_PIECES = ("piece_recall", "pieces_close", "pieces_near")
_BREVITY = ("length", "precision", "piece_precision", "piece_f1", "overlap")
# Brevity alone never costs a mark, so no judge weighs the answer's length or how much of
# it is beyond the reference (extra correct detail is no fault): those are not candidates.
ACCEPTED_CANDIDATES: dict[str, tuple[str, ...]] = {
    "cosine": ("reference_similarity",),
    "meaning": _MEANING,
    "meaning, forms": _MEANING + _FORMS,
    "meaning, forms, pieces": _MEANING + _FORMS + _PIECES,
    "all but brevity": tuple(
        f for f in ANSWER_FEATURES if f not in (*_BREVITY, "coverage", "reverses", "verbatim")
    ),
}
MODEL_CANDIDATES: dict[str, tuple[str, ...]] = {
    "cosine": ("reference_similarity",),
    "meaning": ("reference_similarity", "in_context", "coverage"),
    "meaning, pieces": ("reference_similarity", "in_context", "coverage", "piece_recall"),
    "meaning, pieces, forms": (
        "reference_similarity",
        "in_context",
        "coverage",
        "piece_recall",
        "form_recall",
        "recall",
    ),
}


@dataclass
class Rows:
    """Answers of one shape: features, gold, and the data set each belongs to."""

    values: list[np.ndarray] = field(default_factory=list)
    against: list[np.ndarray | None] = field(default_factory=list)  # vs incorrect examples
    gold: list[float] = field(default_factory=list)
    sets: list[str] = field(default_factory=list)
    tops: list[np.ndarray] = field(default_factory=list)  # the reference judged as an answer
    bottoms: list[np.ndarray] = field(default_factory=list)  # the question judged so
    longest: list[int] = field(default_factory=list)  # words of the longest reference

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return np.array(self.values), np.array(self.gold), np.array(self.sets)


def _columns(names: tuple[str, ...]) -> list[int]:
    return [ANSWER_FEATURES.index(n) for n in names]


def _weights(sets: np.ndarray, balanced: bool) -> np.ndarray:
    """Each answer's weight: 1, or so that every data set weighs the same."""
    if not balanced:
        return np.ones(len(sets))
    counts = Counter(sets.tolist())
    return np.array([len(sets) / (len(counts) * counts[s]) for s in sets])


def _fit_chance(
    values: np.ndarray, truth: np.ndarray, sets: np.ndarray, names: tuple[str, ...], balanced: bool
) -> AnswerModel:
    """A logistic judge on ``names``; its threshold the best macro-F1 where it was fitted."""
    x = values[:, _columns(names)]
    model = LogisticRegression(max_iter=5000).fit(x, truth, sample_weight=_weights(sets, balanced))
    chance = model.predict_proba(x)[:, 1]
    _, threshold = max(
        (macro_f1(truth.tolist(), (chance >= t).astype(int).tolist()), float(t)) for t in THRESHOLDS
    )
    return AnswerModel(
        features=names,
        weights=tuple(round(float(w), 5) for w in model.coef_[0]),
        intercept=round(float(model.intercept_[0]), 5),
        threshold=threshold,
    )


def _chance(values: np.ndarray, judge: AnswerModel) -> np.ndarray:
    logits = values[:, _columns(judge.features)] @ np.array(judge.weights) + judge.intercept
    return 1 / (1 + np.exp(-logits))


def _said(rows: Rows, index: np.ndarray, judges: dict[str, AnswerModel], split: int) -> np.ndarray:
    """The judges' verdicts on some answers, incorrect examples weighed as marking does."""
    verdict = np.zeros(len(index), dtype=int)
    for n, i in enumerate(index):
        judge = judges[_kind(rows.longest[i], split)]
        verdict[n] = accepts(rows.values[i], rows.against[i], judge)
    return verdict


def _kind(longest: int, split: int) -> str:
    """'phrases' where every acceptable answer has at most ``split`` words (0: no split)."""
    return "phrases" if split and longest <= split else "accepted"


def _fit_judges(
    rows: Rows, index: np.ndarray, names: tuple[str, ...], balanced: bool, split: int
) -> dict[str, AnswerModel]:
    values, gold, sets = rows.arrays()
    truth = (gold >= 0.5).astype(int)
    kinds = np.array([_kind(rows.longest[i], split) for i in range(len(gold))])
    judges = {}
    for kind in ("accepted", "phrases") if split else ("accepted",):
        part = index[kinds[index] == kind]
        judges[kind] = _fit_chance(values[part], truth[part], sets[part], names, balanced)
    return judges


def _held_out(
    rows: Rows, names: tuple[str, ...], balanced: bool, split: int
) -> dict[str, dict[str, float]]:
    """Leave each data set out: fit on the others, measure on it."""
    _, gold, sets = rows.arrays()
    truth = (gold >= 0.5).astype(int)
    figures = {}
    for held in sorted(set(sets.tolist())):
        judges = _fit_judges(rows, np.flatnonzero(sets != held), names, balanced, split)
        index = np.flatnonzero(sets == held)
        said = _said(rows, index, judges, split)
        figures[held] = {
            "macro_f1": round(macro_f1(truth[index].tolist(), said.tolist()), 4),
            "accuracy": round(float((said == truth[index]).mean()), 4),
        }
    return figures


def _fit_share(
    values: np.ndarray, share: np.ndarray, sets: np.ndarray, names: tuple[str, ...], balanced: bool
) -> AnswerModel:
    model = LinearRegression().fit(
        values[:, _columns(names)], share, sample_weight=_weights(sets, balanced)
    )
    return AnswerModel(
        features=names,
        weights=tuple(round(float(w), 5) for w in model.coef_),
        intercept=round(float(model.intercept_), 5),
        threshold=1.0,
    )


def _scaled(rows: Rows, index: np.ndarray, judge: AnswerModel) -> np.ndarray:
    """Shares placed on the question's scale as marking places them
    (pastpaper.marking.judges.placed); where marking would fall back to point by point, 0."""
    columns = _columns(judge.features)
    weights = np.array(judge.weights)

    def share(found: list[np.ndarray], i: int) -> float:
        return float(found[i][columns] @ weights) + judge.intercept

    fractions = [
        placed(share(rows.values, i), share(rows.bottoms, i), share(rows.tops, i), judge.threshold)
        for i in index
    ]
    return np.array([0.0 if f is None else f for f in fractions])


def _held_out_scale(
    rows: Rows, names: tuple[str, ...], balanced: bool, marks: np.ndarray, full: float = 1.0
) -> dict[str, dict[str, float]]:
    values, gold, sets = rows.arrays()
    figures = {}
    for held in sorted(set(sets.tolist())):
        fit = sets != held
        judge = _fit_share(values[fit], gold[fit], sets[fit], names, balanced)
        judge = judge.model_copy(update={"threshold": full})
        index = np.flatnonzero(~fit)
        given = np.floor(_scaled(rows, index, judge) * marks[index] + 0.5)
        wanted = gold[index] * marks[index]
        figures[held] = {
            "pearson": round(float(pearsonr(wanted, given).statistic), 4),
            "rmse": round(float(np.sqrt(((given - wanted) ** 2).mean())), 4),
            "top_reached": float(given.max() >= marks[index].max()),
        }
    return figures


def _mean(figures: dict[str, dict[str, float]], key: str) -> float:
    return float(np.mean([f[key] for f in figures.values()]))


def _read(data: Path) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The train answers of the shared sets and our development sets, by question."""
    paths = [data / name for name in SHARED_SETS] + [
        ROOT / "benchmarks" / "data" / name for name in OWN_SETS
    ]
    by_question: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for path in paths:
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if row["split"] in ("train", "dev"):
                by_question[(row["dataset"], row["question_id"])].append(row)
    return by_question


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--version", default=f"{date.today().isoformat()}.1")
    parser.add_argument(
        "--cache", type=Path, help="keep the features here, and read them back if it exists"
    )
    parser.add_argument(
        "--keep-point-judge",
        action="store_true",
        help="keep the shipped point-by-point judge and refit only the judges of references",
    )
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        point, accepted, scale, scale_marks, counts, answered = pickle.loads(
            args.cache.read_bytes()
        )
    else:
        point, accepted, scale, scale_marks, counts, answered = _features(args)
        if args.cache:
            args.cache.write_bytes(
                pickle.dumps((point, accepted, scale, scale_marks, counts, answered))
            )
    if args.keep_point_judge:
        # Refitting it moves how notes are marked, which is chosen with the history sets
        # left out in turn (scripts/why_order.py, pastpaper eval): keep it unless that is
        # checked again.
        shipped = Calibration.model_validate_json(CALIBRATION.read_text(encoding="utf-8"))
        kept = ("weights", "intercept", "threshold", "fitted_on", "train_figures")
        point = point.model_copy(update={k: getattr(shipped, k) for k in kept})
        print(f"point by point: kept from calibration {shipped.version}")
    _choose_and_write(args, point, accepted, scale, scale_marks, counts, answered)


def _features(
    args: argparse.Namespace,
) -> tuple[Calibration, Rows, Rows, list[float], Counter[str], int]:
    """The point-by-point judge, and every train answer's features for the others."""
    by_question = _read(args.data)
    model = embedder()
    schemes: dict[tuple[str, str], MarkScheme] = {
        key: reference_scheme(
            rows[0]["question"], rows[0]["reference"], math.ceil(float(rows[0]["max_marks"]))
        )
        for key, rows in by_question.items()
    }
    shared = {k: rows for k, rows in by_question.items() if rows[0]["split"] == "train"}
    # How many train answers of the shared sets use each word piece, as the marker reads them.
    counts: Counter[str] = Counter()
    for key, rows in track(shared.items(), description="word pieces", transient=True):
        wholes = [read_as_marked(row["answer"], schemes[key]) for row in rows]
        for names, _ in model.pieces(wholes):
            counts.update(set(names))
    answered = sum(len(rows) for rows in shared.values())
    base = Calibration(
        version=args.version,
        features=FEATURES,
        weights=(0.0,) * len(FEATURES),
        intercept=0.0,
        threshold=0.5,
        fact_similarity=0.7,
        piece_answers=dict(counts),
        answers_counted=answered,
    )

    point = _point_by_point(shared, schemes, base)
    accepted, scale = Rows(), Rows()
    scale_marks: list[float] = []
    for key, rows in track(by_question.items(), description="whole answers", transient=True):
        scheme = schemes[key]
        found = read_reference(rows[0]["reference"], scheme.max_marks)
        one_reference = len(rows[0]["reference"]) == 1 and found.shape != "criteria"
        reads = [read_as_marked(row["answer"], scheme) for row in rows]
        model.pieces(reads)
        model.encode([c for read in reads for c in claim_texts(read, scheme)])
        if found.shape in ("accepted", "criteria"):
            texts = found.accepted or found.criteria
            for row, read in zip(rows, reads, strict=True):
                if not row["answer"].strip():
                    continue
                accepted.values.append(answer_features(read, texts, scheme, model, base).values)
                accepted.against.append(
                    answer_features(read, found.rejected, scheme, model, base).values
                    if found.rejected
                    else None
                )
                accepted.gold.append(float(row["score"]) / float(row["max_marks"]))
                accepted.sets.append(row["dataset"])
                accepted.longest.append(max(len(t.split()) for t in texts))
        if one_reference:
            top = answer_features(found.accepted[0], found.accepted, scheme, model, base).values
            asked = rows[0]["question"]
            bottom = answer_features(asked, found.accepted, scheme, model, base).values
            for row, read in zip(rows, reads, strict=True):
                if not row["answer"].strip():
                    continue
                scale.values.append(
                    answer_features(read, found.accepted, scheme, model, base).values
                )
                scale.gold.append(float(row["score"]) / float(row["max_marks"]))
                scale.sets.append(row["dataset"])
                scale.tops.append(top)
                scale.bottoms.append(bottom)
                scale_marks.append(float(scheme.max_marks))

    return point, accepted, scale, scale_marks, counts, answered


def _choose_and_write(
    args: argparse.Namespace,
    point: Calibration,
    accepted: Rows,
    scale: Rows,
    scale_marks: list[float],
    counts: Counter[str],
    answered: int,
) -> None:
    judges, split = _choose_accepted(accepted)
    marks = np.array(scale_marks)
    # The judge marks questions of several marks with one model answer; answers to other
    # questions with one reference help fit it, but it is chosen on the sets it marks.
    several = sorted({s for s, m in zip(scale.sets, scale_marks, strict=True) if m > 1})
    print(
        f"\nmodel answers, {len(scale.gold)}: held out by data set (Pearson r, RMSE in marks); "
        f"chosen on {', '.join(several)}"
    )
    best_scale: tuple[float, str, bool] | None = None
    for name, names in MODEL_CANDIDATES.items():
        for balanced_scale in (False, True):
            figures = _held_out_scale(scale, names, balanced_scale, marks)
            score = _mean({s: figures[s] for s in several}, "pearson")
            shown = ", ".join(f"{s} {f['pearson']:.3f}/{f['rmse']:.2f}" for s, f in figures.items())
            label = "balanced" if balanced_scale else "pooled  "
            print(f"  {name:24} {label} mean {score:.4f}: {shown}")
            if best_scale is None or score > best_scale[0]:
                best_scale = (score, name, balanced_scale)
    assert best_scale is not None
    _, chosen_scale, balanced_scale = best_scale
    values, gold, sets = scale.arrays()
    names = MODEL_CANDIDATES[chosen_scale]
    # With the features chosen by order (Pearson r), the share at which full marks are
    # reached by error (RMSE in marks): the model answer's own, or less where that is more.
    print("  share for full marks (the model answer's own at most):")
    best_full: tuple[float, float] | None = None
    for full in FULL_SHARES:
        figures = _held_out_scale(scale, names, balanced_scale, marks, full)
        error = _mean({s: figures[s] for s in several}, "rmse")
        shown = ", ".join(f"{s} {f['pearson']:.3f}/{f['rmse']:.2f}" for s, f in figures.items())
        print(f"    {full:.2f}: mean RMSE {error:.4f}: {shown}")
        if best_full is None or error < best_full[0]:
            best_full = (error, full)
    assert best_full is not None
    full = best_full[1]
    held_scale = _held_out_scale(scale, names, balanced_scale, marks, full)
    share = _fit_share(values, gold, sets, names, balanced_scale).model_copy(
        update={
            "threshold": full,
            "fitted_on": tuple(sorted(set(sets.tolist()))),
            "train_figures": {
                "answers": float(len(gold)),
                **{f"held_out_pearson {s}": f["pearson"] for s, f in held_scale.items()},
                **{f"held_out_rmse {s}": f["rmse"] for s, f in held_scale.items()},
            },
        }
    )
    print(f"chosen: {chosen_scale}, {'balanced' if balanced_scale else 'pooled'}, full at {full}")

    fitted = point.model_copy(
        update={
            "version": args.version,
            "protocol": PROTOCOL,
            "judges": {**judges, "model": share},
            "phrase_words": split,
            "answers_counted": answered,
        }
    )
    target = CALIBRATION
    target.write_text(fitted.model_dump_json(indent=2) + "\n", encoding="utf-8")
    pieces = target.with_name("piece_answers.json")
    pieces.write_text(json.dumps(dict(sorted(counts.items())), ensure_ascii=False) + "\n")
    print(f"\nwritten to {target} and {pieces}")


def _choose_accepted(rows: Rows) -> tuple[dict[str, AnswerModel], int]:
    """The judges of acceptable answers: features, weighing and whether references of a
    few words get a judge of their own, chosen by the mean held-out macro-F1."""
    print(f"\naccepted answers, {len(rows.gold)}: held out by data set (macro-F1, accuracy)")
    best: tuple[float, str, bool, int] | None = None
    for split in SPLITS:
        for name, names in ACCEPTED_CANDIDATES.items():
            for balanced in (False, True):
                figures = _held_out(rows, names, balanced, split)
                score = _mean(figures, "macro_f1")
                shown = ", ".join(
                    f"{s} {f['macro_f1']:.3f}/{f['accuracy']:.3f}" for s, f in figures.items()
                )
                weighing = "balanced" if balanced else "pooled  "
                print(f"  {split:2} {name:24} {weighing} mean {score:.4f}: {shown}")
                if best is None or score > best[0]:
                    best = (score, name, balanced, split)
    assert best is not None
    _, chosen, balanced, split = best
    names = ACCEPTED_CANDIDATES[chosen]
    held = _held_out(rows, names, balanced, split)
    _, _, sets = rows.arrays()
    judges = _fit_judges(rows, np.arange(len(rows.gold)), names, balanced, split)
    kinds = [_kind(n, split) for n in rows.longest]
    print(f"chosen: {chosen}, {'balanced' if balanced else 'pooled'}, split {split}")
    return {
        kind: judge.model_copy(
            update={
                "fitted_on": tuple(
                    sorted({s for s, k in zip(sets, kinds, strict=True) if k == kind})
                ),
                "train_figures": {
                    "answers": float(kinds.count(kind)),
                    **{f"held_out_macro_f1 {s}": f["macro_f1"] for s, f in held.items()},
                    **{f"held_out_accuracy {s}": f["accuracy"] for s, f in held.items()},
                },
            }
        )
        for kind, judge in judges.items()
    }, split


def _point_by_point(
    shared: dict[tuple[str, str], list[dict[str, Any]]],
    schemes: dict[tuple[str, str], MarkScheme],
    base: Calibration,
) -> Calibration:
    """The point-by-point judge, fitted on every train answer of the shared sets, with its
    figure on each data set held out."""
    model = embedder()
    answers: list[np.ndarray] = []  # each answer's features, claims × points × FEATURES
    gold: list[int] = []
    sets: list[str] = []
    for key, rows in track(shared.items(), description="point by point", transient=True):
        scheme = schemes[key]
        claims = [claim_texts(row["answer"], scheme) or [row["answer"]] for row in rows]
        model.encode([text for texts in claims for text in texts])
        for row, texts in zip(rows, claims, strict=True):
            answers.append(match_features(texts, scheme.creditable, model.encode, row["question"]))
            gold.append(int(float(row["score"]) >= 0.5 * float(row["max_marks"])))
            sets.append(row["dataset"])
    # Learn from each answer's closest pair: the one a marker would judge it by.
    closest = np.array([f.reshape(-1, len(FEATURES))[f[:, :, 0].argmax()] for f in answers])
    truth, groups = np.array(gold), np.array(sets)

    def fit(index: np.ndarray) -> Calibration:
        model = LogisticRegression(max_iter=1000).fit(closest[index], truth[index])
        fitted = base.model_copy(
            update={
                "weights": tuple(round(float(w), 5) for w in model.coef_[0]),
                "intercept": round(float(model.intercept_[0]), 5),
            }
        )
        best = np.array([float(match_scores(answers[i], fitted).max()) for i in index])
        _, threshold = max(
            (macro_f1(truth[index].tolist(), (best >= t).astype(int).tolist()), float(t))
            for t in THRESHOLDS
        )
        return fitted.model_copy(update={"threshold": threshold})

    held_out: dict[str, float] = {}
    for held in sorted(set(sets)):
        part = fit(np.flatnonzero(groups != held))
        index = np.flatnonzero(groups == held)
        said = [int(float(match_scores(answers[i], part).max()) >= part.threshold) for i in index]
        held_out[held] = round(macro_f1(truth[index].tolist(), said), 4)
    fitted = fit(np.arange(len(truth)))
    best = np.array([float(match_scores(f, fitted).max()) for f in answers])
    said = (best >= fitted.threshold).astype(int)
    print(f"point by point, {len(truth)} train answers: weights {fitted.weights}")
    print(f"  macro-F1 on train {macro_f1(truth.tolist(), said.tolist()):.4f}; held out {held_out}")
    return fitted.model_copy(
        update={
            "fitted_on": tuple(f"{name}: train" for name in SHARED_SETS),
            "train_figures": {
                "answers": float(len(truth)),
                "macro_f1": round(macro_f1(truth.tolist(), said.tolist()), 4),
                "accuracy": round(float((said == truth).mean()), 4),
                **{f"held_out_macro_f1 {s}": f for s, f in held_out.items()},
            },
        }
    )


if __name__ == "__main__":
    main()
