"""The marker's calibration: the numbers that decide when a claim earns a point.

They are fitted by ``scripts/calibrate.py`` on the ``train`` splits of the marking sets in
``../shared/data`` (never on any other split) and kept, with how they were fitted, in
``calibration.json`` beside this module. Each Marking names the calibration it used.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Calibration", "calibration"]


class Calibration(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str
    features: tuple[str, ...] = Field(description="what is weighed, in order")
    weights: tuple[float, ...] = Field(description="a logistic regression's weights")
    intercept: float
    threshold: float = Field(description="chance at which a claim earns a point")
    fact_similarity: float = Field(
        description="similarity at which a claim is taken to state the point, so a wrong year "
        "or number in it is an inaccuracy (set, not fitted: the train splits have no facts)"
    )
    fitted_on: tuple[str, ...] = ()
    train_figures: dict[str, float] = Field(default_factory=dict)

    @property
    def marker_version(self) -> str:
        from pastpaper import __version__

        return f"pastpaper {__version__}, calibration {self.version}"


@cache
def calibration() -> Calibration:
    """The calibration shipped with this version of pastpaper."""
    text = (resources.files("pastpaper") / "calibration.json").read_text(encoding="utf-8")
    return Calibration.model_validate(json.loads(text))
