"""What a route's path or a JSON body may hold, checked before a view runs: an id is a whole
number from 1 to the largest an id column holds (PostgreSQL's integer), so a number past it
is 422 with the reason, not a database error."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from pydantic import Field

__all__ = ["MAX_ROW_ID", "BodyId", "RowId"]

#: The largest id a row can have (a 32-bit signed integer, as PostgreSQL stores ``Integer``).
MAX_ROW_ID = 2**31 - 1

RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="an id, from 1 up")]
#: The same, for an id in a JSON body.
BodyId = Annotated[int, Field(ge=1, le=MAX_ROW_ID)]
