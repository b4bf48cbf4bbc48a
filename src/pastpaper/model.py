"""The base of pastpaper's plain data: values that never change once made.

Every result the library hands out (a course, a point, a scheme, a marking, a card, an
event) is frozen, so that a cache or a caller can keep it without a copy, and strict, so
that a misspelt field is an error rather than a value quietly dropped.

    >>> class Mark(Frozen):
    ...     marks: int
    >>> Mark(marks=3).model_dump()
    {'marks': 3}
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["Frozen"]


class Frozen(BaseModel):
    """A pydantic model that cannot be changed after it is made, and takes no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")
