"""The marker's calibration: the numbers that decide when a claim earns a point.

They are fitted by ``scripts/calibrate.py`` on the ``train`` splits of the marking sets in
``../shared/data`` (never on any other split) and kept, with how they were fitted, in
``calibration.json`` beside this module. Each Marking names the calibration it used.

There are two kinds of judgement. Point by point (``weights``): each claim of the answer
against each creditable point, for notes and mark-scheme-like references. Whole answer
(``judges``, by the reference's shape, ``pastpaper.schemes.references``): a one-mark question with
short acceptable answers, or a scoring guide with examples, is judged on the whole answer
at once; a question of several marks with one model answer is judged whole and its share
mapped onto the marks. How often each word piece occurs in train answers
(``piece_answers.json``) weighs the pieces when an answer is aligned with its reference: a
rare piece tells more than a common one. ``protocol`` names how the choices were made.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from pydantic import Field

from pastpaper.errors import PastpaperError
from pastpaper.model import Frozen
from pastpaper.schemes.references import Reference

__all__ = ["AnswerModel", "Calibration", "calibration"]


class AnswerModel(Frozen):
    """A judge of whole answers to one shape of reference: a logistic regression (the
    chance that an answer earns the mark, against ``threshold``) or, for a model answer, a
    linear one (the share of the marks; at ``threshold``, or the model answer's own share
    if that is less, an answer earns them all)."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float
    threshold: float = Field(description="chance at which the answer earns the mark")
    fitted_on: tuple[str, ...] = ()
    train_figures: dict[str, float] = Field(default_factory=dict)


class Calibration(Frozen):
    version: str
    features: tuple[str, ...] = Field(description="what is weighed, in order")
    weights: tuple[float, ...] = Field(description="a logistic regression's weights")
    intercept: float
    threshold: float = Field(description="chance at which a claim earns a point")
    fact_similarity: float = Field(
        description="similarity at which a claim is taken to state the point, so a wrong year "
        "or number in it is an inaccuracy (set, not fitted: the train splits have no facts)"
    )
    # Terse answers ("CWA: 4,000,000 jobs") fall under ``threshold``, fitted on whole short
    # answers; these two were chosen with each of the four history development sets left
    # out in turn (set, not fitted). Model answers and acceptable answers keep ``threshold``.
    notes_threshold: float = Field(
        default=0.38, description="chance at which a claim earns a point of notes"
    )
    notes_similarity: float = Field(
        default=0.4,
        description="the least similarity of meaning a claim needs besides to earn a point of "
        "notes: a long claim about something else makes no point",
    )
    fitted_on: tuple[str, ...] = ()
    train_figures: dict[str, float] = Field(default_factory=dict)
    protocol: str = Field(
        default="", description="how features, thresholds and judges were chosen, and its version"
    )
    phrase_words: int = Field(
        default=0,
        description="acceptable answers of at most this many words have a judge of their own, "
        "'phrases' (0: none)",
    )
    judges: dict[str, AnswerModel] = Field(
        default_factory=dict,
        description="whole-answer judgement by the reference's shape: 'accepted' (and a "
        "scoring guide's examples), 'phrases' (the same, of a few words) or 'model'",
    )
    piece_answers: dict[str, int] = Field(
        default_factory=dict,
        exclude=True,
        description="how many train answers use each word piece (kept in piece_answers.json)",
    )
    answers_counted: int = Field(default=0, description="train answers the pieces came from")

    def judge_for(self, reference: Reference) -> AnswerModel | None:
        """The whole-answer judge for a reference's shape; None: marked point by point."""
        if reference.shape == "model":
            return self.judges.get("model")
        if reference.shape not in ("accepted", "criteria"):
            return None
        texts = reference.accepted or reference.criteria
        if self.phrase_words and all(len(t.split()) <= self.phrase_words for t in texts):
            return self.judges.get("phrases")
        return self.judges.get("accepted")

    @property
    def marker_version(self) -> str:
        from pastpaper import __version__

        return f"pastpaper {__version__}, calibration {self.version}"


@cache
def calibration() -> Calibration:
    """The calibration shipped with this version of pastpaper."""
    folder = resources.files("pastpaper.marking")
    try:
        fitted = json.loads((folder / "calibration.json").read_text(encoding="utf-8"))
        pieces = json.loads((folder / "piece_answers.json").read_text(encoding="utf-8"))
    except OSError as error:
        raise PastpaperError(
            f"pastpaper's calibration is missing from this install ({error}); reinstall pastpaper"
        ) from None
    return Calibration.model_validate({**fitted, "piece_answers": pieces})
