"""Numbers as answers and notes write them, in figures or in words: ``as_number`` writes
each one way, so that "twenty-five" and "25" are the same number, and "2 million" and
"2000000". The marker compares facts with it; typed flashcard answers are rated with it.
"""

from __future__ import annotations

import re

__all__ = ["as_number"]

_UNITS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}


_TENS = {
    w: 10 * n
    for n, w in enumerate("- - twenty thirty forty fifty sixty seventy eighty ninety".split())
    if w != "-"
}


_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def as_number(value: str) -> str:
    """'twenty-five' and '25' are the same number, and so are '2 million' and '2000000'.

    >>> as_number("twenty-five"), as_number("2 million"), as_number("3.5"), as_number("many")
    ('25', '2000000', '3.5', 'many')
    """
    total = current = 0.0
    for word in re.split(r"[\s-]+", value):
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif word in _UNITS or word in _TENS:
            current += _UNITS.get(word, 0) + _TENS.get(word, 0)
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] > 100:
                total, current = total + current, 0.0
        elif word != "and":
            return value
    number = total + current
    return str(int(number)) if number.is_integer() else str(number)
