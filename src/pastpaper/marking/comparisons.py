"""Comparisons a text makes, and an answer that turns a reference's comparison round.

"Sound travels faster than light" says the opposite of "light travels faster than sound"
and of "sound travels slower than light", though each has the other's words and the model
finds them alike. A comparison is read as a property, a direction (more or less of it),
and the words on each side of it: what is compared (before the comparative, in its clause)
and what it is compared with (after "than"). Two comparisons of one property disagree
when their directions differ with the sides the same way round, or agree with the sides
swapped. "It is less dense" against "corn syrup is denser than water" has no sides to
swap: the directions alone disagree.

>>> reverses("sound travels faster than light", ["light travels faster than sound"])
True
>>> reverses("sound is slower than light", ["light travels faster than sound"])
False
>>> reverses("It is less dense", ["Corn syrup is denser than water"])
True
>>> reverses("light is faster", ["sound travels slower than light"])
False
>>> reverses("the fewer blocks it carries, the further it goes",
...          ["the more blocks the truck carries, the less far it travels"])
False
>>> reverses("the one damaged most was less hard", ["the harder coin scratches the other"])
False
>>> reverses("a lower volume", ["the pitch was higher"])
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from pastpaper.language import RIVAL_SIDE, WORD, side, spelt_out
from pastpaper.schemes.scheme import content_stems

__all__ = ["Comparison", "clear_caches", "comparisons", "reverses", "swaps_side"]

#: Properties named by either end of their scale: the second of each pair is "less" of the
#: first. Irregular comparatives are spelt out; the rest are made by rule.
_OPPOSITES = (
    ("fast", "slow"),
    ("quick", "slow"),
    ("large", "small"),
    ("big", "small"),
    ("great", "small"),
    ("high", "low"),
    ("long", "short"),
    ("tall", "short"),
    ("heavy", "light"),
    ("hot", "cold"),
    ("warm", "cool"),
    ("old", "young"),
    ("rich", "poor"),
    ("strong", "weak"),
    ("hard", "easy"),
    ("late", "early"),
    ("expensive", "cheap"),
    ("wide", "narrow"),
    ("deep", "shallow"),
    ("thick", "thin"),
    ("dense", "sparse"),
    ("loud", "quiet"),
    ("bright", "dark"),
    ("wet", "dry"),
    ("safe", "dangerous"),
    ("good", "bad"),
    ("many", "few"),
    ("much", "little"),
    ("near", "far"),
)
_IRREGULAR = {
    "better": "good",
    "best": "good",
    "worse": "bad",
    "worst": "bad",
    "more": "many",
    "most": "many",
    "less": "little",
    "least": "little",
    "fewer": "few",
    "fewest": "few",
    "further": "far",
    "farther": "far",
}


def _comparative(adjective: str) -> str:
    """The "-er" form of a one-syllable adjective: "fast" "faster", "big" "bigger"."""
    if adjective.endswith("e"):
        return adjective + "r"
    if adjective.endswith("y"):
        return adjective[:-1] + "ier"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwy]", adjective):
        return adjective + adjective[-1] + "er"
    return adjective + "er"


@cache
def _scale() -> dict[str, tuple[str, int]]:
    """Each comparative word: the property it speaks of, and +1 for more of it, -1 for less."""
    found: dict[str, tuple[str, int]] = {}
    for more, less in _OPPOSITES:
        for word, direction in ((more, 1), (less, -1)):
            found.setdefault(_comparative(word), (more, direction))
    for word, base in _IRREGULAR.items():
        for more, less in _OPPOSITES:
            if base in (more, less):
                found[word] = (more, 1 if base == more else -1)
                break
    return found


#: Words of quantity that make the next word the property compared: "more dense".
_QUANTITY = {"more": 1, "less": -1, "fewer": -1}
#: Words that turn a comparison round: "sound does not travel faster than light".
NEGATIONS_SET = frozenset({"not", "never", "no", "nor", "neither"})

#: Where a clause ends: the sides of a comparison stay within one.
_CLAUSE = re.compile(r"[,;:.!?()]|\b(?:and|but|so|because|since|while|when|which|who)\b")
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class Comparison:
    """One comparison: its property, +1 (more) or -1 (less), and the content stems of what
    is compared (``compared``) and of what it is compared with, after "than" (``against``)."""

    property: str
    direction: int
    compared: frozenset[str]
    against: frozenset[str]


def comparisons(text: str) -> list[Comparison]:
    """The comparisons a text makes, clause by clause: "faster than", "less dense", "more
    people", "fewer crops"; a "not" before the comparative in its clause turns it round."""
    return list(_comparisons(text))


#: How many texts' comparisons and sides are kept: every answer to a question is set beside
#: the same references.
_KEPT = 2048


@lru_cache(maxsize=_KEPT)
def _comparisons(text: str) -> tuple[Comparison, ...]:
    scale = _scale()
    found = []
    for clause in _CLAUSE.split(spelt_out(text).lower()):
        tokens = _TOKEN.findall(clause)
        for i, token in enumerate(tokens):
            after = tokens[i + 1] if i + 1 < len(tokens) else ""
            if token in _QUANTITY and after and after not in ("than", "of"):
                # "more dense", "less dense", "fewer crops": the next word is the property.
                prop, direction, rest = after, _QUANTITY[token], tokens[i + 2 :]
            elif token in scale:
                (prop, direction), rest = scale[token], tokens[i + 1 :]
            else:
                continue
            before = tokens[:i]
            if any(word in NEGATIONS_SET or word.endswith("n't") for word in before):
                direction = -direction
            # What is compared stands before the comparative or just after it ("a lower
            # volume"); what it is compared with, after "than".
            if "than" in rest:
                described, against = rest[: rest.index("than")], rest[rest.index("than") + 1 :]
            else:
                described, against = rest, []
            compared = frozenset(content_stems(" ".join(before + described)))
            found.append(
                Comparison(prop, direction, compared, frozenset(content_stems(" ".join(against))))
            )
    return tuple(found)


def _disagree(answer: Comparison, reference: Comparison) -> bool | None:
    """Whether two comparisons of one property disagree; None where they cannot be set
    side by side (other properties, or sides that share no word either way round)."""
    if answer.property != reference.property:
        return None
    same = len(answer.compared & reference.compared) + len(answer.against & reference.against)
    swapped = len(answer.compared & reference.against) + len(answer.against & reference.compared)
    if same == swapped:
        if same or answer.compared or answer.against:
            # Both ways round alike, or the answer compares something the reference does
            # not name ("whichever was damaged most was less hard" against "the harder
            # coin scratches the other"): only a bare "it is less dense" is set beside it.
            return None
        return answer.direction != reference.direction
    round_about = -1 if swapped > same else 1
    return answer.direction * round_about != reference.direction


def reverses(answer: str, references: Sequence[str]) -> bool:
    """The answer turns round a comparison that a reference makes, and agrees with none of
    the references that make it: "sound travels faster than light" against "light travels
    faster than sound"."""
    said = _comparisons(answer)
    if len(said) != 1:
        # Two comparisons tie one change to another ("the more blocks, the less distance"),
        # and can be turned round together and still be right ("fewer blocks, further").
        return False
    verdicts = []
    for reference in references:
        wanted = _comparisons(reference)
        if len(wanted) == 1:
            verdict = _disagree(said[0], wanted[0])
            if verdict is not None:
                verdicts.append(verdict)
    return bool(verdicts) and all(verdicts)


def swaps_side(answer: str, references: Sequence[str]) -> bool:
    """The answer puts the other side on what the references name with one side, and no
    reference names it with the answer's: "to keep the West Germans out" against "to stop
    East Germans escaping to the West".

    >>> swaps_side("to keep the West Germans out", ["to stop East Germans escaping"])
    True
    >>> swaps_side("East Germans were escaping to the West", ["to stop East Germans leaving"])
    False
    >>> swaps_side("the south pole", ["the north pole attracts the south pole"])
    False
    """
    said = _sided(answer)
    if not said:
        return False
    wanted = {pair for reference in references for pair in _sided(reference)}
    return any(
        (RIVAL_SIDE[kind], what) in wanted and (kind, what) not in wanted for kind, what in said
    )


@lru_cache(maxsize=_KEPT)
def _sided(text: str) -> frozenset[tuple[str, str]]:
    """(the side, the stem of the word it goes with) for each side a text puts on a word:
    "West Germans" is ("west", "german")."""
    words = WORD.findall(text)
    found = set()
    for word, following in pairwise(words):
        kind = side(word)
        if kind not in RIVAL_SIDE:
            continue
        stems = content_stems(following)
        if len(stems) == 1:
            found.add((kind, next(iter(stems))))
    return frozenset(found)


def clear_caches() -> None:
    """Forget the texts read before (for benchmarks that time the work itself)."""
    _comparisons.cache_clear()
    _sided.cache_clear()
