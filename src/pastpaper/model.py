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

from typing import Any, Self

from pydantic import BaseModel, ConfigDict

__all__ = ["Frozen"]


class Frozen(BaseModel):
    """A pydantic model that cannot be changed after it is made, and takes no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def model_construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:
        """The model made from trusted values without validation, as pydantic makes it.

        Where every field is given by its name (as where pastpaper makes its points,
        schemes and cards by the tens of thousands), it is made directly: pydantic's own
        looks for aliases and defaults field by field, which took most of the time.

        >>> class Mark(Frozen):
        ...     marks: int
        ...     out_of: int = 4
        >>> Mark.model_construct(marks=3, out_of=4) == Mark(marks=3)
        True
        """
        fields = cls.__pydantic_fields__
        if len(values) != len(fields) or not _plain_fields(cls) or values.keys() != fields.keys():
            return super().model_construct(_fields_set, **values)
        made = cls.__new__(cls)
        _set(made, "__dict__", {name: values[name] for name in fields})  # in declared order
        _set(made, "__pydantic_fields_set__", set(values) if _fields_set is None else _fields_set)
        _set(made, "__pydantic_extra__", None)  # extra="forbid": none kept
        _set(made, "__pydantic_private__", None)
        return made


_set = object.__setattr__
_PLAIN: dict[type[BaseModel], bool] = {}


def _plain_fields(model: type[BaseModel]) -> bool:
    """Has the model no alias, no extra values kept and no hook after construction: nothing
    but its fields to set?"""
    if (plain := _PLAIN.get(model)) is None:
        plain = not model.__pydantic_post_init__ and not model.__pydantic_root_model__
        plain = plain and model.model_config.get("extra") != "allow"
        plain = plain and all(
            f.alias is None and f.validation_alias is None
            for f in model.__pydantic_fields__.values()
        )
        _PLAIN[model] = plain
    return plain
