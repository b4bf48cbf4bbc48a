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

import copyreg
from typing import Any, Self

from pydantic import BaseModel, ConfigDict

__all__ = ["Frozen"]


class Frozen(BaseModel):
    """A pydantic model that cannot be changed after it is made, and takes no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def model_construct(cls, _fields_set: set[str] | None = None, **values: Any) -> Self:
        """The model made from trusted values without validation, as pydantic makes it.

        Where every field is given by its name or has a default that is never copied (None,
        a number, a string, an empty tuple), as where pastpaper makes its points, scheme
        points and cards by the tens of thousands, it is made directly: pydantic's own looks
        for aliases and copies defaults field by field, which took most of the time.

        >>> class Mark(Frozen):
        ...     marks: int
        ...     out_of: int = 4
        >>> Mark.model_construct(marks=3) == Mark(marks=3)
        True
        """
        shape = _shape(cls)
        if shape is None:
            return super().model_construct(_fields_set, **values)
        names, fields, defaults = shape
        if tuple(values) == names:
            data = values  # every field, in the order declared: pydantic's dict, as it is
        elif values.keys() <= fields and fields - values.keys() <= defaults.keys():
            # in the order the fields are declared, as pydantic's
            data = {name: values[name] if name in values else defaults[name] for name in names}
        else:
            return super().model_construct(_fields_set, **values)
        made = cls.__new__(cls)
        _set(made, "__dict__", data)
        _set(made, "__pydantic_fields_set__", set(values) if _fields_set is None else _fields_set)
        _set(made, "__pydantic_extra__", None)  # extra="forbid": none kept
        _set(made, "__pydantic_private__", None)
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its class, its fields' values and which were set, and made again from
        them as ``model_construct`` makes it: pydantic's own pickling keeps a dict of its
        state for each value, and unpacks it again, which took a third longer for the tens
        of thousands of scheme points another process sends (``study.sharing``). A model
        with private values (none has any yet) is pickled as pydantic pickles it.
        """
        if self.__pydantic_private__ is not None or self.__pydantic_extra__ is not None:
            # (as pydantic pickles it: copyreg.__newobj__ is what pickle calls its default)
            return (copyreg.__newobj__, (type(self),), self.__getstate__())  # type: ignore[attr-defined]
        return (_unpickled, (type(self), self.__dict__, self.__pydantic_fields_set__))


_set = object.__setattr__
_Shape = tuple[tuple[str, ...], frozenset[str], dict[str, Any]]
_SHAPES: dict[type[BaseModel], _Shape | None] = {}


def _shape(model: type[BaseModel]) -> _Shape | None:
    """The model's fields in the order declared (and as a set), and the defaults pydantic
    would use as they are, not copies, by field; None where the model has more than its
    fields to set (an alias, extra values kept, a hook after construction), which
    pydantic's own ``model_construct`` handles."""
    if model in _SHAPES:
        return _SHAPES[model]
    defaults: dict[str, Any] = {}
    plain = not model.__pydantic_post_init__ and not model.__pydantic_root_model__
    plain = plain and model.model_config.get("extra") != "allow"
    for name, field in model.__pydantic_fields__.items():
        if field.alias is not None or field.validation_alias is not None:
            plain = False
        if field.default_factory is None and not field.is_required():
            default = field.get_default(call_default_factory=True)
            if default is field.default:  # pydantic copies none of it
                defaults[name] = default
    names = tuple(model.__pydantic_fields__)
    _SHAPES[model] = (names, frozenset(names), defaults) if plain else None
    return _SHAPES[model]


def _unpickled(model: type[Frozen], values: dict[str, Any], fields_set: set[str]) -> Frozen:
    """A model made again from what ``Frozen.__reduce__`` pickled."""
    made = model.__new__(model)
    _set(made, "__dict__", values)
    _set(made, "__pydantic_fields_set__", fields_set)
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made
