"""Measure the marker against human marks on a marking set (``../shared/data`` format).

For each dataset and split: n, Pearson r, RMSE and mean absolute error on the marks' own
scale, quadratic weighted kappa where marks are whole numbers, accuracy and macro-F1 on
correct/incorrect (a mark of at least half the maximum counts as correct), and answers
marked per second.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel, ConfigDict

from pastpaper.course import Course
from pastpaper.errors import InputError, NothingToMark
from pastpaper.marking.calibration import Calibration
from pastpaper.marking.marker import LazyModel, Marker, Model, reference_scheme
from pastpaper.schemes.scheme import MarkScheme, build_scheme
from pastpaper.text import match_key

__all__ = [
    "CORRECT_SHARE",
    "QUESTION_LIKENESS",
    "Result",
    "evaluate",
    "macro_f1",
    "measure",
    "read_marking_set",
    "scheme_for",
    "scores",
]

#: How alike (difflib's ratio, 0-1) a marking set's question must be to one of the notes' to
#: be taken for it: the same question worded a little differently, not another question.
QUESTION_LIKENESS = 0.6
#: An answer is "correct", for accuracy and macro-F1, from this share of its marks.
CORRECT_SHARE = 0.5

_FIELDS = (
    "dataset",
    "split",
    "question_id",
    "question",
    "reference",
    "max_marks",
    "answer",
    "score",
)


class Result(BaseModel):
    model_config = ConfigDict(frozen=True)

    dataset: str
    split: str
    n: int
    pearson: float | None
    rmse: float
    mae: float
    qwk: float | None
    accuracy: float | None
    macro_f1: float | None
    answers_per_second: float
    #: Answers to questions that cannot be marked (NothingToMark), counted as 0 in the figures.
    not_marked: int = 0


def read_marking_set(path: Path, split: str | None = None) -> list[dict[str, Any]]:
    """The answers of a marking set, checked: a bad line is named, not skipped."""
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot be read as UTF-8 JSON Lines ({error})", path) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"is not JSON ({error.msg})", path, number) from None
        if not isinstance(row, dict):
            raise InputError("is not a JSON object with an answer's fields", path, number)
        missing = [name for name in _FIELDS if name not in row]
        if missing:
            raise InputError(f"lacks {', '.join(missing)}", path, number)
        problem = _wrong_type(row)
        if problem:
            raise InputError(problem, path, number)
        if split is None or row["split"] == split:
            rows.append(row)
    if not rows:
        raise InputError(f"has no answers{f' in the split {split!r}' if split else ''}", path)
    return rows


def _wrong_type(row: dict[str, Any]) -> str | None:
    for name in ("dataset", "split", "question_id", "question", "answer"):
        if not isinstance(row[name], str):
            return f"its {name} is not text"
    for name in ("score", "max_marks"):
        if isinstance(row[name], bool) or not isinstance(row[name], int | float):
            return f"its {name} is not a number"
    if row["max_marks"] <= 0 or not 0 <= row["score"] <= row["max_marks"]:
        return "its score must lie between 0 and its max_marks, which must be above 0"
    reference = row["reference"]
    if not isinstance(reference, list) or not all(isinstance(r, str) for r in reference):
        return "its reference is not a list of texts"
    return None


def measure(
    marker: Marker,
    rows: list[dict[str, Any]],
    course: Course | None = None,
    progress: Callable[[int], None] = lambda done: None,
    workers: int = 0,
) -> list[Result]:
    """Mark every answer with ``marker`` and compare with the human marks, per dataset and
    split. Answers are marked in bulk (``Marker.mark_many``): here, or by ``workers`` worker
    processes; ``progress`` hears how many are done.
    """
    schemes: dict[tuple[str, str], MarkScheme] = {}
    for row in rows:
        key = (row["dataset"], row["question_id"])
        if key not in schemes:
            schemes[key] = scheme_for(row, course)
    started = time.perf_counter()
    items = [(row["answer"], schemes[(row["dataset"], row["question_id"])]) for row in rows]
    given = marker.mark_many(items, progress, workers)
    groups: dict[tuple[str, str], list[tuple[float, float, float]]] = defaultdict(list)
    refused: Counter[tuple[str, str]] = Counter()
    for row, outcome in zip(rows, given, strict=True):
        group = (row["dataset"], row["split"])
        if isinstance(outcome, NothingToMark):
            refused[group] += 1  # it earns 0 from this marker, and is counted apart
        earned = 0.0 if isinstance(outcome, NothingToMark) else float(outcome.mark)
        groups[group].append((float(row["score"]), earned, float(row["max_marks"])))
    # Answers a second over the whole run, encoding included, the same for every group.
    rate = len(rows) / (time.perf_counter() - started)
    return [
        _result(dataset, split, marks, rate).model_copy(
            update={"not_marked": refused[(dataset, split)]}
        )
        for (dataset, split), marks in sorted(groups.items())
    ]


def evaluate(
    rows: list[dict[str, Any]],
    model: Model | Callable[[], Model],
    calibration: Calibration,
    course: Course | None = None,
    progress: Callable[[int], None] = lambda done: None,
    workers: int = 0,
) -> list[Result]:
    """``measure`` for a caller that holds a model (or what gives one, when first needed)
    and a calibration rather than a Marker."""
    if hasattr(model, "encode"):
        marker = Marker(cast("Model", model), calibration)
    else:
        marker = Marker(LazyModel(model), calibration)
    return measure(marker, rows, course, progress, workers)


def scheme_for(row: dict[str, Any], course: Course | None) -> MarkScheme:
    """The scheme a marking set's answer is marked by: from its reference, or from the
    notes' question closest to its own."""
    marks = math.ceil(float(row["max_marks"]))
    if row["reference"]:
        return reference_scheme(row["question"], row["reference"], marks)
    if course is None:
        raise InputError(
            f"question {row['question_id']} of {row['dataset']} has no reference: give the "
            "notes that answer it with --notes"
        )
    wanted = match_key(row["question"])
    likeness, family, question = max(
        (
            (SequenceMatcher(None, match_key(q.text), wanted).ratio(), f, q)
            for _, f, q in course.questions()
        ),
        key=lambda item: item[0],
        default=(0.0, None, None),
    )
    if family is None or question is None or likeness < QUESTION_LIKENESS:
        raise InputError(
            f"question {row['question_id']} of {row['dataset']} ({row['question'][:60]!r}) is "
            "not one of the notes' questions; give the notes that answer it with --notes"
        )
    return build_scheme(question.model_copy(update={"marks": marks}), family)


def scores(gold: list[float], given: list[float], maximum: list[float]) -> dict[str, float | None]:
    """The field's figures for marks given against gold marks."""
    import numpy as np
    from scipy.stats import pearsonr
    from sklearn.metrics import cohen_kappa_score

    g, p = np.array(gold), np.array(given)
    wrong = p - g
    whole = all(float(x).is_integer() for x in [*gold, *given])
    binary_gold = [int(x >= CORRECT_SHARE * m) for x, m in zip(gold, maximum, strict=True)]
    binary_given = [int(x >= CORRECT_SHARE * m) for x, m in zip(given, maximum, strict=True)]
    varied = len(set(gold)) > 1 and len(set(given)) > 1
    return {
        "pearson": float(pearsonr(g, p).statistic) if varied else None,
        "rmse": float(np.sqrt((wrong**2).mean())),
        "mae": float(np.abs(wrong).mean()),
        "qwk": float(cohen_kappa_score(g.astype(int), p.astype(int), weights="quadratic"))
        if whole and varied
        else None,
        "accuracy": float(np.mean(np.array(binary_gold) == np.array(binary_given))),
        "macro_f1": macro_f1(binary_gold, binary_given),
    }


def macro_f1(gold: list[int], given: list[int]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, given, average="macro", zero_division=0))


def _result(
    dataset: str, split: str, marks: list[tuple[float, float, float]], rate: float
) -> Result:
    gold, given, maximum = (list(column) for column in zip(*marks, strict=True))
    figures = scores(gold, given, maximum)
    return Result(
        dataset=dataset,
        split=split,
        n=len(marks),
        answers_per_second=round(rate, 1),
        **{k: (round(v, 4) if v is not None else None) for k, v in figures.items()},  # type: ignore[arg-type]
    )
