"""An answer's word pieces aligned with a reference's: each piece matched by its closest in
the other text (cosine of their vectors in context, ``Embedder.pieces``), and weighed by how
rare it is in train answers, so that "hyperinflation" tells more than "the". Short answers
are judged partly by it (``pastpaper.marking.judges``: piece_recall ... pieces_near).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pastpaper.marking.calibration import Calibration

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from pastpaper.marking.embed import Pieces

__all__ = ["CLOSE", "NEAR", "Weigh", "aligned", "rarity_weights"]

#: What weighs a text's word pieces, one weight each.
Weigh = Callable[[tuple[str, ...]], "npt.NDArray[np.float64]"]

#: How much a word piece of the question counts in the alignment: answers echo the question.
_QUESTION_PIECE = 0.3
#: The cosines at which a reference's piece is matched closely (the same word, or nearly)
#: and nearly (a related word): pieces_close and pieces_near, which the judges were fitted on.
CLOSE = 0.7
NEAR = 0.5


def rarity_weights(calibration: Calibration, question: Pieces) -> Weigh:
    """Each piece weighed by its rarity: the log of how many of the calibration's
    ``answers_counted`` train answers there are to each one that uses it (``piece_answers``),
    and less (``_QUESTION_PIECE``) where the question has it too."""
    import numpy as np

    asked_names = set(question[0])
    piece_answers, counted = calibration.piece_answers, calibration.answers_counted

    def weight(names: tuple[str, ...]) -> npt.NDArray[np.float64]:
        return np.array(
            [
                math.log((counted + 1) / (piece_answers.get(n, 0) + 1))
                * (_QUESTION_PIECE if n in asked_names else 1.0)
                for n in names
            ]
        )

    return weight


def aligned(answer: Pieces, references: Sequence[Pieces], weight: Weigh) -> list[float]:
    """The alignment of the answer with the reference it aligns best with (by F1; the first
    on a tie): recall, precision, F1, and the shares matched CLOSE and NEAR."""
    best = [0.0] * 5
    for n, pieces in enumerate(references):
        found = _aligned(answer, pieces, weight)
        if found[2] > best[2] or n == 0:
            best = found
    return best


def _aligned(answer: Pieces, reference: Pieces, weight: Weigh) -> list[float]:
    """Recall, precision and F1 of the two texts' word pieces, each matched by its closest
    in the other text and weighed by its rarity; then the weighed share of the reference's
    pieces matched at a cosine of CLOSE and of NEAR."""
    (answer_names, answer_vectors), (reference_names, reference_vectors) = answer, reference
    if not answer_names or not reference_names:
        return [0.0] * 5
    cosine = reference_vectors @ answer_vectors.T
    to_answer, to_reference = cosine.max(axis=1), cosine.max(axis=0)
    weights, answer_weights = weight(reference_names), weight(answer_names)
    total = max(float(weights.sum()), 1e-6)
    recall = float((to_answer * weights).sum()) / total
    precision = float((to_reference * answer_weights).sum()) / max(
        float(answer_weights.sum()), 1e-6
    )
    f1 = 2 * recall * precision / (recall + precision) if recall + precision > 0 else 0.0
    close = float(((to_answer >= CLOSE) * weights).sum()) / total
    near = float(((to_answer >= NEAR) * weights).sum()) / total
    return [recall, precision, f1, close, near]
