"""Grouping a class's answers to one question by what they say, so that a teacher moderates a
group at once: answers that mean the same and earned the same points fall together.

Each answer is read two ways. Its meaning: the mean of its sentences' unit vectors (so an
answer of any length counts every sentence, not only the first the model can read), made a
unit vector again. Its points: the set of point ids the marker credited. Two answers are
apart by a weighted sum of the two distances (cosine distance of the meanings, Jaccard
distance of the points), and groups are made by average-linkage agglomerative clustering,
cut at a distance threshold. Answers the same once normalised are one answer before the
clustering, so they always share a group.

    texts = ["Stalin's statues came down.", "stalin's statues came down.", "Gulags closed."]
    meanings = answer_meanings(texts, marker.model.encode)
    group_answers(texts, meanings, [{"p1"}, {"p1"}, {"p2"}])   # [[0, 1], [2]]

``THRESHOLD`` and ``POINT_WEIGHT`` were chosen on a hand-grouped development set of our own
(``benchmarks/data/grouping/moderation-groups.jsonl``; ``benchmarks/grouping_threshold.py``
prints the adjusted Rand index over a range of both).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pastpaper.schemes.points import sentence_spans
from pastpaper.text import match_key

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "POINT_WEIGHT",
    "THRESHOLD",
    "answer_meanings",
    "answer_sentences",
    "group_answers",
    "same_answer_key",
]

#: Where the clustering stops joining groups: the average distance between two groups'
#: answers above which they stay apart.
THRESHOLD = 0.6
#: How much the points credited count against the meaning (0: meaning alone; 1: points alone).
POINT_WEIGHT = 0.45


def same_answer_key(text: str) -> str:
    """What two answers share when they are the same answer: normalised, case-folded, and
    without punctuation at the ends.

    >>> same_answer_key("  The Virgin Lands scheme. ") == same_answer_key("the virgin lands scheme")
    True
    """
    return match_key(text).strip(" .,;:!?'\"")


def answer_sentences(text: str) -> list[str]:
    """The sentences of an answer, each as written; the whole answer if it has none."""
    found = [text[a:b].strip() for a, b in sentence_spans(text)]
    found = [s for s in found if s]
    return found or [text.strip() or "(blank)"]


def answer_meanings(
    texts: Sequence[str],
    encode: Callable[[list[str]], npt.NDArray[np.float32]],
) -> npt.NDArray[np.float32]:
    """One unit vector a text: the mean of its sentences' vectors from ``encode`` (which
    gives one unit vector a text, as the marker's model does), normalised; every sentence
    of every text encoded in one batch."""
    import numpy as np

    sentences = [answer_sentences(t) for t in texts]
    flat = [s for each in sentences for s in each]
    vectors = encode(flat) if flat else np.zeros((0, 1), dtype=np.float32)
    meanings = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
    at = 0
    for i, each in enumerate(sentences):
        mean = vectors[at : at + len(each)].mean(axis=0)
        at += len(each)
        norm = float(np.linalg.norm(mean))
        meanings[i] = mean / norm if norm > 0 else mean
    return meanings


def group_answers(
    texts: Sequence[str],
    meanings: npt.NDArray[np.float32],
    credited: Sequence[frozenset[str] | set[str]],
    *,
    threshold: float = THRESHOLD,
    point_weight: float = POINT_WEIGHT,
) -> list[list[int]]:
    """The answers (by index) in groups, largest first (then in the order the answers came);
    each group's answers in the order they came. ``meanings`` holds a unit vector an answer
    (``answer_meanings``), ``credited`` the point ids each earned."""
    if not (len(texts) == len(meanings) == len(credited)):
        raise ValueError("texts, meanings and credited points must be as many as each other")
    if not texts:
        return []
    # The same answer twice is one answer to the clustering: it cannot be split.
    firsts: dict[str, int] = {}
    one_of = [firsts.setdefault(same_answer_key(t), i) for i, t in enumerate(texts)]
    distinct = sorted(firsts.values())
    labels = _clusters(
        meanings[distinct], [frozenset(credited[i]) for i in distinct], threshold, point_weight
    )
    label_of = dict(zip(distinct, labels, strict=True))
    groups: dict[int, list[int]] = {}
    for i, first in enumerate(one_of):
        groups.setdefault(label_of[first], []).append(i)
    return sorted(groups.values(), key=lambda members: (-len(members), members[0]))


def _clusters(
    meanings: npt.NDArray[np.float32],
    credited: list[frozenset[str]],
    threshold: float,
    point_weight: float,
) -> list[int]:
    """A cluster label for each answer, by average linkage cut at ``threshold``."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = len(credited)
    if n == 1:
        return [0]
    meaning = np.clip(1.0 - meanings @ meanings.T, 0.0, 2.0)
    points = _jaccard_distances(credited)
    combined = (1.0 - point_weight) * meaning + point_weight * points
    np.fill_diagonal(combined, 0.0)
    combined = (combined + combined.T) / 2
    tree = linkage(squareform(combined, checks=False), method="average")
    return [int(label) for label in fcluster(tree, t=threshold, criterion="distance")]


def _jaccard_distances(credited: list[frozenset[str]]) -> npt.NDArray[np.float64]:
    """Between every two answers, 1 less the share of their points they have in common;
    0 when neither has any."""
    import numpy as np

    ids = sorted(set().union(*credited))
    column = {pid: j for j, pid in enumerate(ids)}
    has = np.zeros((len(credited), len(ids)), dtype=np.float64)
    for i, points in enumerate(credited):
        for pid in points:
            has[i, column[pid]] = 1.0
    common = has @ has.T
    sizes = has.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - common
    shared: npt.NDArray[np.float64] = np.divide(
        common, union, out=np.ones_like(common), where=union > 0
    )
    return 1.0 - shared
