"""Practising a question against the clock, and the feedback on an attempt.

The answer being written is saved as a draft while the student types (htmx, every couple of
seconds), when they leave the page (``navigator.sendBeacon``, static/practise.js) and, without
JavaScript, with the form's "Save draft" button; opening the page again shows it. Submitting
keeps the answer, marks it, removes the draft and goes to the feedback (303), which only the
attempt's owner can see.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from pastpaper.errors import PastpaperError
from pastpaper.web.auth import core, signed_in
from pastpaper.web.highlight import pieces
from pastpaper.web.pages import flash, render
from pastpaper.web.params import RowId

__all__ = ["router"]

router = APIRouter()

SignedIn = Annotated[Any, Depends(signed_in)]


def _moment(text: str) -> datetime | None:
    """A time sent back by the form (ISO 8601), or None for one that cannot be read."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


@router.get("/questions/{question_id}/practise")
def practise_page(request: Request, question_id: RowId, user: SignedIn) -> Response:
    page = core(request).practise_page(question_id)
    return render(request, "practise.html", f"Practise question {question_id}", page=page)


@router.post("/questions/{question_id}/draft")
def save_draft(
    request: Request,
    question_id: RowId,
    user: SignedIn,
    answer: Annotated[str, Form()] = "",
    started: Annotated[str, Form()] = "",
) -> Response:
    """Keep the answer so far: a line of status for htmx, nothing for a beacon, and back to
    the page for the form's own button."""
    htmx = request.headers.get("hx-request") == "true"
    try:
        saved = core(request).save_draft(question_id, answer, _moment(started))
    except PastpaperError as error:
        if not htmx:
            raise
        return HTMLResponse(f"Not saved: {_escape(str(error))}", status_code=200)
    if htmx:
        return HTMLResponse(f"Draft saved at {saved.saved_at:%H:%M:%S} UTC")
    if request.headers.get("sec-fetch-mode") == "no-cors" or "beacon" in request.query_params:
        return Response(status_code=204)
    flash(request, "Your draft is saved.")
    return RedirectResponse(f"/questions/{question_id}/practise", status_code=303)


@router.post("/questions/{question_id}/practise")
def submit(
    request: Request,
    question_id: RowId,
    user: SignedIn,
    answer: Annotated[str, Form()] = "",
    started: Annotated[str, Form()] = "",
    submission: Annotated[str, Form()] = "",
) -> Response:
    app = core(request)
    if submission:  # the page's form: sent twice, it is one attempt
        attempt_id = app.submit_once(question_id, answer, _moment(started), submission)
    else:
        attempt_id = app.submit_answer(question_id, answer, _moment(started)).attempt_id
    return RedirectResponse(f"/attempts/{attempt_id}", status_code=303)


@router.get("/attempts/{attempt_id}")
def feedback(request: Request, attempt_id: RowId, user: SignedIn) -> Response:
    found = core(request).feedback(attempt_id)
    shown = (
        pieces(found.attempt.answer, found.marking, found.numbers)
        if found.marking is not None
        else []
    )
    title = f"Feedback on attempt {attempt_id}"
    return render(request, "feedback.html", title, feedback=found, pieces=shown)


def _escape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))
