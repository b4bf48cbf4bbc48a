"""The scheme editor of one question: its points in rank order with where the notes say
them, the points left out and why, the marks, and every version of its edits. A change is
never applied blind: its form goes to a dry run (every answer whose mark would change), and
only that page's Apply, with a reason, makes it the scheme's next version.

The edit waiting between the dry run and Apply travels in the dry run's form, as the JSON
of the ``SchemeEdit``, with the change that made it and the version it was made against;
the layer checks it all again when it comes back (``Pastpaper.apply_pending_edit``).
A teacher who sees the course but does not own it reads the scheme; a student gets 403.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel, StringConstraints

from pastpaper.app.schemes import KINDS, change_from_form, pending_edit
from pastpaper.errors import InputError
from pastpaper.web.auth import core, teaching
from pastpaper.web.pages import render
from pastpaper.web.params import RowId

__all__ = ["router"]

router = APIRouter()

Teacher = Annotated[Any, Depends(teaching)]
Entry = Annotated[str, StringConstraints(max_length=20_000)]


class ChangeForm(BaseModel):
    """A change as the editor's forms send it (``change_from_form`` reads it)."""

    action: Entry = ""
    point: Entry = ""
    text: Entry = ""
    kind: Entry = ""
    accept: Entry = ""
    marks: Entry = ""
    version: Entry = ""


class ApplyForm(ChangeForm):
    """A dry run's form: the change again, the edit it made, the version it was made
    against, and why the scheme changes."""

    edit: Entry = ""
    based_on: Entry = ""
    reason: Entry = ""


@router.get("/questions/{question_id}/scheme")
def scheme_page(request: Request, user: Teacher, question_id: RowId) -> Response:
    return _editor(request, question_id)


@router.post("/questions/{question_id}/scheme/dry-run")
def dry_run(
    request: Request, user: Teacher, question_id: RowId, form: Annotated[ChangeForm, Form()]
) -> Response:
    entered = _entered(form)
    try:
        dry = core(request).scheme_dry_run(question_id, change_from_form(entered))
    except InputError as error:
        return _editor(request, question_id, 400, error=str(error), entered=entered)
    return _dry_run(request, dry, entered)


@router.post("/questions/{question_id}/scheme/apply")
def apply(
    request: Request, user: Teacher, question_id: RowId, form: Annotated[ApplyForm, Form()]
) -> Response:
    app = core(request)
    try:
        based_on = int(form.based_on) if form.based_on.strip() else None
    except ValueError:
        based_on = -1  # damaged: refused below as a scheme that moved on
    try:
        done = app.apply_pending_edit(
            question_id, pending_edit(form.edit), form.reason, based_on=based_on
        )
    except InputError as error:
        # The dry run again, as the scheme now stands, with the reason typed kept.
        entered = _entered(form)
        try:
            dry = app.scheme_dry_run(question_id, change_from_form(entered))
        except InputError as again:
            return _editor(request, question_id, 400, error=f"{error}; {again}")
        return _dry_run(request, dry, entered, 400, error=str(error), reason=form.reason)
    return render(
        request,
        "scheme_applied.html",
        f"Version {done.version} of the scheme",
        done=done,
        question_id=question_id,
    )


def _entered(form: ChangeForm) -> dict[str, str]:
    return {name: getattr(form, name) for name in ChangeForm.model_fields}


def _editor(
    request: Request,
    question_id: int,
    status_code: int = 200,
    error: str = "",
    entered: dict[str, str] | None = None,
) -> Response:
    page = core(request).scheme_page(question_id)
    return render(
        request,
        "scheme.html",
        f"Mark scheme of question {question_id}",
        status_code,
        page=page,
        kinds=KINDS,
        error=error,
        entered=entered or {},
    )


def _dry_run(
    request: Request,
    dry: Any,
    entered: dict[str, str],
    status_code: int = 200,
    error: str = "",
    reason: str = "",
) -> Response:
    return render(
        request,
        "scheme_dry_run.html",
        "What this change would do",
        status_code,
        dry=dry,
        entered=entered,
        edit_json="null" if dry.edit is None else dry.edit.model_dump_json(exclude_defaults=True),
        error=error,
        reason=reason,
    )
