"""How far the machine's marks agree with a teacher's moderated marks, and which points the
two disagree over most: pure functions over plain pairs of marks.

    figures([(3, 3), (2, 4), (5, 4)])        # Figures(count=3, exact=1/3, within_one=2/3, ...)
    disputed([Judged({"p1"}, set(), machine=3, teacher=2)])   # p1 credited, marked down
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["Disputed", "Figures", "Judged", "disputed", "figures"]


@dataclass(frozen=True)
class Figures:
    """Agreement over ``count`` answers: the share given the same mark, the share within one
    mark, and Pearson's r (None when it is undefined: fewer than two answers, or either
    side gave every answer the same mark)."""

    count: int
    exact: float | None
    within_one: float | None
    pearson: float | None


@dataclass(frozen=True)
class Judged:
    """One answer both marked: the points the machine credited and missed, and the marks."""

    credited: frozenset[str]
    missed: frozenset[str]
    machine: int
    teacher: int


@dataclass(frozen=True)
class Disputed:
    """A point the teacher disagreed over: how often the machine credited it on an answer
    the teacher marked down, and missed it on one the teacher marked up."""

    point_id: str
    credited_marked_down: int
    missed_marked_up: int

    @property
    def total(self) -> int:
        return self.credited_marked_down + self.missed_marked_up


def figures(pairs: Sequence[tuple[int, int]]) -> Figures:
    """Agreement of (machine, teacher) marks.

    >>> figures([(3, 3), (2, 4), (5, 4)]).within_one
    0.6666666666666666
    """
    if not pairs:
        return Figures(0, None, None, None)
    count = len(pairs)
    exact = sum(1 for m, t in pairs if m == t) / count
    within = sum(1 for m, t in pairs if abs(m - t) <= 1) / count
    return Figures(count, exact, within, _pearson(pairs))


def _pearson(pairs: Sequence[tuple[int, int]]) -> float | None:
    if len(pairs) < 2:
        return None
    xs, ys = [float(m) for m, _ in pairs], [float(t) for _, t in pairs]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def disputed(judged: Iterable[Judged]) -> list[Disputed]:
    """The points behind the disagreements, most disputed first (then by id): each point
    the machine credited on an answer the teacher marked lower, or missed on an answer
    the teacher marked higher. Points never disputed are left out."""
    down: dict[str, int] = {}
    up: dict[str, int] = {}
    for answer in judged:
        if answer.teacher < answer.machine:
            for point in answer.credited:
                down[point] = down.get(point, 0) + 1
        elif answer.teacher > answer.machine:
            for point in answer.missed:
                up[point] = up.get(point, 0) + 1
    found = [Disputed(p, down.get(p, 0), up.get(p, 0)) for p in set(down) | set(up)]
    return sorted(found, key=lambda d: (-d.total, d.point_id))
