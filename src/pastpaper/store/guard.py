"""Database failures, reported as errors a user can act on."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import SQLAlchemyError

from pastpaper.errors import StoreError

__all__ = ["reported"]

P = ParamSpec("P")
R = TypeVar("R")


def reported(method: Callable[P, R]) -> Callable[P, R]:
    """A database that fails while being read or written is a StoreError, not a traceback."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except SQLAlchemyError as error:
            reason = getattr(error, "orig", None) or error
            raise StoreError(
                f"the database could not be read or written ({reason}); if another program "
                "changed it, use a fresh one with --db"
            ) from None

    return wrapper
