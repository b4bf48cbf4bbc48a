"""The scheme editor in the JSON API: a question's scheme as the editor shows it, a change's
dry run, and applying the edit a dry run gave (the same operations as the pages,
``web.views.schemes``). For teachers and admins; a student gets 403.

    GET  /api/questions/7/scheme
    POST /api/questions/7/scheme/dry-run   {"action": "drop", "point": "p1a2b3c"}
    POST /api/questions/7/scheme/apply     {"edit": {...}, "based_on": null, "reason": "..."}
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from pastpaper.app.remark import Remarking
from pastpaper.app.schemes import SchemeChange, SchemeDryRun, SchemePage
from pastpaper.course import SchemeEdit
from pastpaper.web.auth import core, teaching
from pastpaper.web.params import RowId
from pastpaper.web.views.api import Problem

__all__ = ["router"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The change or edit cannot be made, and why"},
    401: {"model": Problem, "description": "Not signed in, or the API token is not known"},
    403: {"model": Problem, "description": "A student, or a course the user may not change"},
    404: {"model": Problem, "description": "Not there, or not the user's to see"},
}

router = APIRouter(prefix="/api", tags=["schemes"], responses=_ERRORS)

Teacher = Annotated[Any, Depends(teaching)]


class ApplyIn(BaseModel):
    """A dry run's edit to apply: ``edit`` and ``based_on`` as the dry run gave them (the
    edit is refused if the scheme changed since), and why the scheme changes."""

    edit: SchemeEdit | None
    based_on: int | None
    reason: str = Field(max_length=2_000)


@router.get("/questions/{question_id}/scheme")
def scheme(request: Request, user: Teacher, question_id: RowId) -> SchemePage:
    """The question's scheme: its points in rank order, those left out and why, the edits in
    force, every version, and whether the user may change it."""
    return core(request).scheme_page(question_id)  # type: ignore[no-any-return]


@router.post("/questions/{question_id}/scheme/dry-run")
def dry_run(
    request: Request, user: Teacher, question_id: RowId, body: SchemeChange
) -> SchemeDryRun:
    """What one change would make of the scheme, and every answer whose mark it would
    change; nothing is written."""
    return core(request).scheme_dry_run(question_id, body)  # type: ignore[no-any-return]


@router.post("/questions/{question_id}/scheme/apply")
def apply(request: Request, user: Teacher, question_id: RowId, body: ApplyIn) -> Remarking:
    """Make a dry run's edit the scheme's next version and mark the answers again; what
    changed, with the new version."""
    return core(request).apply_pending_edit(  # type: ignore[no-any-return]
        question_id, body.edit, body.reason, based_on=body.based_on
    )
