"""Compare families of model for the judge of acceptable answers, each data set left out.

The marker's whole-answer judges are logistic regressions (``scripts/calibrate.py`` chooses
their features, weighing and phrase split). Issue 11's protocol asks that the family of
model be chosen the same way as everything else: this script fits each family below on the
features and split of the shipped calibration, on every train data set but one, and
measures it on the one left out (macro-F1 and accuracy, as the marker decides: the rules on
an acceptable answer given whole, a comparison turned round and the incorrect examples
first, then the model's chance against a threshold chosen where it was fitted). The family
with the best mean over the left-out sets should be the one the marker runs.

    python scripts/calibrate.py --cache /tmp/features.pkl   # once: the train answers' features
    python scripts/model_family.py --cache /tmp/features.pkl

Without the cache file it computes the features itself (as calibrate.py does, 10 to 25
minutes). It reads only the train splits of ../shared/data and our development sets.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import SplineTransformer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import calibrate
from calibrate import THRESHOLDS, Rows, _columns, _features, _kind, _weights

from pastpaper.marking.calibration import AnswerModel, calibration
from pastpaper.marking.evaluate import macro_f1
from pastpaper.marking.judges import accepts

#: The families compared: each makes an unfitted scikit-learn classifier.
FAMILIES: dict[str, Callable[[], Any]] = {
    "logistic (shipped)": lambda: LogisticRegression(max_iter=5000),
    "logistic on splines": lambda: make_pipeline(
        SplineTransformer(n_knots=4, degree=3), LogisticRegression(max_iter=5000)
    ),
    "boosted trees": lambda: HistGradientBoostingClassifier(
        max_iter=200, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=40, random_state=0
    ),
    "random forest": lambda: RandomForestClassifier(
        n_estimators=200, min_samples_leaf=20, random_state=0
    ),
}


class _Fitted:
    """A family's classifier fitted on some answers, and the threshold best there."""

    def __init__(self, make: Callable[[], Any], x: np.ndarray, truth: np.ndarray, w: np.ndarray):
        self.model = make().fit(x, truth, **_sample_weight(make, w))
        chance = self.model.predict_proba(x)[:, 1]
        _, self.threshold = max(
            (macro_f1(truth.tolist(), (chance >= t).astype(int).tolist()), float(t))
            for t in THRESHOLDS
        )

    def chances(self, x: np.ndarray) -> np.ndarray:
        return self.model.predict_proba(x)[:, 1]  # type: ignore[no-any-return]


def _sample_weight(make: Callable[[], Any], weights: np.ndarray) -> dict[str, np.ndarray]:
    """The fit's keyword for answers' weights (a pipeline names its last step's)."""
    model = make()
    if hasattr(model, "steps"):
        return {f"{model.steps[-1][0]}__sample_weight": weights}
    return {"sample_weight": weights}


def held_out(
    rows: Rows, names: tuple[str, ...], split: int, make: Callable[[], Any], balanced: bool
) -> dict[str, tuple[float, float]]:
    """Each data set left out in turn: (macro-F1, accuracy) of the family fitted on the rest."""
    values, gold, sets = rows.arrays()
    truth = (gold >= 0.5).astype(int)
    columns = _columns(names)
    kinds = np.array([_kind(longest, split) for longest in rows.longest])
    figures = {}
    for held in sorted(set(sets.tolist())):
        fitted = {}
        for kind in sorted(set(kinds.tolist())):
            part = np.flatnonzero((sets != held) & (kinds == kind))
            x = values[part][:, columns]
            fitted[kind] = _Fitted(make, x, truth[part], _weights(sets[part], balanced))
        index = np.flatnonzero(sets == held)
        said = []
        for i in index:
            model = fitted[kinds[i]]
            judge = AnswerModel(
                features=names,
                weights=(0.0,) * len(names),
                intercept=0.0,
                threshold=model.threshold,
            )
            chance = float(model.chances(values[i][columns][None, :])[0])
            said.append(int(accepts(rows.values[i], rows.against[i], judge, chance)))
        figures[held] = (
            macro_f1(truth[index].tolist(), said),
            float((np.array(said) == truth[index]).mean()),
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=calibrate.ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, help="calibrate.py's features, read or written")
    parser.add_argument(
        "--balanced", action="store_true", help="weigh the data sets alike (shipped: pooled)"
    )
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        _, accepted, *_ = pickle.loads(args.cache.read_bytes())
    else:
        found = _features(argparse.Namespace(data=args.data, version="model-family"))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(found))
        accepted = found[1]
    shipped = calibration()
    judge = shipped.judges["accepted"]
    split = shipped.phrase_words or 0
    print(
        f"acceptable answers and scoring guides, {len(accepted.gold)} train answers; features of "
        f"calibration {shipped.version} ({len(judge.features)}), phrase split {split}; "
        "held out by data set (macro-F1 / accuracy)"
    )
    for family, make in FAMILIES.items():
        figures = held_out(accepted, judge.features, split, make, args.balanced)
        mean = float(np.mean([f1 for f1, _ in figures.values()]))
        shown = ", ".join(f"{s} {f1:.3f}/{acc:.3f}" for s, (f1, acc) in figures.items())
        print(f"  {family:20} mean {mean:.4f}: {shown}")


if __name__ == "__main__":
    main()
