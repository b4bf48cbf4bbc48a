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

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

__all__ = ["Frozen", "trusted"]

M = TypeVar("M", bound="Frozen")


class Frozen(BaseModel):
    """A pydantic model that cannot be changed after it is made, and takes no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


_set = object.__setattr__


def trusted(model: type[M], fields: set[str], values: dict[str, Any]) -> M:
    """A model made without validation from ``values``, which give every field, in the
    order the model declares them, each of its type: what ``model.model_construct(fields,
    **values)`` makes, at a fraction of its cost (it looks for aliases and defaults field
    by field, and a bank's points and cards are made by the tens of thousands).
    ``fields`` is the set of every field's name, which the models may share.

    >>> class Mark(Frozen):
    ...     marks: int
    >>> trusted(Mark, {"marks"}, {"marks": 3}) == Mark(marks=3)
    True
    """
    made = model.__new__(model)
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", fields)
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made
