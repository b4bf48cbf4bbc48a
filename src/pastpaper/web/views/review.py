"""Reviewing cards: one card at a time, the answer shown (or typed, then checked), a rating,
the next card; and at the end a summary of the session.

A review session spans requests: the points seen so far, the ratings given and the soonest
date a card comes back are kept in the signed session cookie. Which card comes next is the
application's rule (``Pastpaper.next_card``), given the points seen. With JavaScript the
card's region is swapped in place (htmx) and keys 1 to 4 rate, space shows the answer
(static/review.js); without it, the same forms post and the page is loaded again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from pastpaper.errors import InputError
from pastpaper.study.schedule import Rating
from pastpaper.text import shorten
from pastpaper.web.auth import core, signed_in
from pastpaper.web.pages import render

__all__ = ["RATINGS", "router", "when"]

router = APIRouter()

#: The ratings as the buttons show them, by the key that gives each.
RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
#: Where the session's record lives in the session cookie.
KEY = "review"
#: How many cards a session holds unless the address asks for another number (``?cards=``).
SESSION_CARDS = 20
MOST_CARDS = 100


def when(moment: datetime) -> str:
    """A date and time as a page shows it: "Tue 1 Dec 2026, 09:10 UTC"."""
    return f"{moment:%a} {moment.day} {moment:%b %Y, %H:%M} {moment.tzname() or ''}".strip()


def _record(request: Request, course: str | None, cards: int = 0) -> dict[str, Any]:
    """This browser's review session of ``course``; a new one if it was of another. A
    session not yet begun takes ``cards`` as its length, if it is given."""
    record = request.session.get(KEY)
    if not isinstance(record, dict) or record.get("course") != course:
        record = {"course": course, "points": [], "ratings": [0, 0, 0, 0], "soonest": None}
    if cards and not 1 <= cards <= MOST_CARDS:
        raise InputError(f"a session holds 1 to {MOST_CARDS} cards, not {cards}")
    if cards and not record["points"]:
        record["limit"] = cards
    request.session[KEY] = record
    return record


def _here(course: str | None, **more: str) -> str:
    """The review page's address for ``course``, with ``more`` in its query."""
    query = {k: v for k, v in {"course": course or "", **more}.items() if v}
    return "/review" + (f"?{urlencode(query)}" if query else "")


@router.get("/review")
def review_page(
    request: Request,
    user: Annotated[Any, Depends(signed_in)],
    course: str = "",
    show: str = "",
    typed: str = "",
    cards: int = 0,
    finish: bool = False,
) -> Response:
    app = core(request)
    record = _record(request, course or None, cards)
    limit = record.get("limit", SESSION_CARDS)
    if finish:
        card, revealed = None, False
    elif show:
        card, revealed = app.card(show), True
    else:
        card, revealed = app.next_card(course or None, record["points"], limit), False
    suggested = app.suggested_rating(card, typed) if card is not None and typed else None
    last = request.session.pop("review_last", None)
    return render(
        request,
        "review.html",
        "Review cards",
        card=card,
        revealed=revealed,
        typed=typed,
        suggested=int(suggested) if suggested is not None else None,
        course=course,
        record=record,
        ratings=RATINGS,
        last=last,
        soonest=when(datetime.fromisoformat(record["soonest"])) if record["soonest"] else None,
        days_to_exam=app.days_to_exam(),
        exam_date=app.exam_date(),
        finish=_here(course or None, finish="1"),
    )


@router.post("/review/restart")
def restart(
    request: Request, user: Annotated[Any, Depends(signed_in)], course: Annotated[str, Form()] = ""
) -> Response:
    """Begin a new session: the cards seen in the last one may come again (if due)."""
    request.session.pop(KEY, None)
    request.session.pop("review_last", None)
    return RedirectResponse(_here(course or None), status_code=303)


@router.post("/review/{card_id}")
def rate(
    request: Request,
    card_id: str,
    user: Annotated[Any, Depends(signed_in)],
    rating: Annotated[str, Form()],
    course: Annotated[str, Form()] = "",
    typed: Annotated[str, Form()] = "",
) -> Response:
    if rating not in {str(key) for key in RATINGS}:
        raise InputError(f"a rating is 1, 2, 3 or 4 (Again, Hard, Good, Easy), not {rating!r}")
    reviewed = core(request).review(card_id, Rating(int(rating)), typed or None)
    record = _record(request, course or None)
    if reviewed.card.point_id not in record["points"]:
        record["points"] = [*record["points"], reviewed.card.point_id]
    ratings = list(record["ratings"])
    ratings[int(rating) - 1] += 1
    record["ratings"] = ratings
    if record["soonest"] is None or reviewed.due < datetime.fromisoformat(record["soonest"]):
        record["soonest"] = reviewed.due.isoformat()
    request.session[KEY] = record
    request.session["review_last"] = {
        "rating": RATINGS[int(rating)],
        "due": when(reviewed.due),
        "front": shorten(reviewed.card.shown, 80),
    }
    return RedirectResponse(_here(course or None), status_code=303)
