"""The JSON API under ``/api``: the student's operations, for scripts and other apps.

A request is signed in by the session cookie (a write then needs the CSRF token in the
``x-csrftoken`` header, as every form does) or by a personal API token
(``Authorization: Bearer pp_...``; made at /account/tokens). Each operation calls one method
of ``Pastpaper``; what a student may see is decided there. Errors are ``{"error": "..."}``
(``server.py``): 401 without a user, 404 for what is not there or not theirs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from pastpaper.app.bank import CourseRow, QuestionRow, QuestionView
from pastpaper.app.records import AttemptRow, Profile, Rated, Submitted
from pastpaper.app.study import CardView, TopicRow
from pastpaper.web.auth import core, signed_in
from pastpaper.web.params import RowId

__all__ = ["router"]


class Problem(BaseModel):
    """What every failed call answers: what went wrong, in words a person can act on."""

    error: str


_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Not signed in, or the API token is not known"},
    404: {"model": Problem, "description": "Not there, or not yours"},
}

router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)

User = Annotated[Any, Depends(signed_in)]


class AnswerIn(BaseModel):
    """An answer to submit: its text, and optionally when writing began and the time allowed
    (by default: no time taken, and one minute a mark or as the settings say)."""

    answer: str = Field(max_length=50_000)
    started_at: datetime | None = None
    seconds_allowed: int | None = Field(default=None, gt=0, le=24 * 3600)


class RatingIn(BaseModel):
    """A card's rating: 1 again, 2 hard, 3 good, 4 easy; and what was typed, if anything."""

    rating: Literal[1, 2, 3, 4]
    typed: str | None = Field(default=None, max_length=5_000)


class CardOut(BaseModel):
    """A card to review: its front as shown (a cloze's hidden words as [...]) and its back."""

    id: str
    kind: str
    front: str
    back: str
    topic: str
    point_id: str
    due: datetime | None

    @classmethod
    def of(cls, card: CardView) -> CardOut:
        return cls(
            id=card.id,
            kind=card.kind,
            front=card.shown,
            back=card.back,
            topic=card.topic,
            point_id=card.point_id,
            due=card.due,
        )


class NextCard(BaseModel):
    """The card to review next, or None when nothing is due."""

    card: CardOut | None


@router.get("/me")
def me(request: Request, user: User) -> Profile:
    """Who is signed in, and their exam date."""
    return core(request).profile()  # type: ignore[no-any-return]


@router.get("/courses")
def courses(request: Request, user: User) -> list[CourseRow]:
    """The courses of the user's classes (a teacher: every course)."""
    return core(request).courses()  # type: ignore[no-any-return]


@router.get("/courses/{slug}/questions")
def course_questions(request: Request, user: User, slug: str) -> list[QuestionRow]:
    """A course's questions, by topic and family."""
    return core(request).questions(course=slug)  # type: ignore[no-any-return]


@router.get("/questions/{question_id}")
def question(request: Request, user: User, question_id: RowId) -> QuestionView:
    """A question, the same question in other years, and its notes."""
    return core(request).question(question_id)  # type: ignore[no-any-return]


@router.post("/questions/{question_id}/attempts", status_code=201)
def submit(request: Request, user: User, question_id: RowId, body: AnswerIn) -> Submitted:
    """Submit an answer: it is kept first, then marked; the attempt's id and the marking."""
    return core(request).submit_attempt(  # type: ignore[no-any-return]
        question_id, body.answer, started=body.started_at, seconds=body.seconds_allowed
    )


@router.get("/attempts")
def attempts(request: Request, user: User, course: str | None = None) -> list[AttemptRow]:
    """The user's own attempts (of one course), oldest first."""
    return core(request).attempts(course)  # type: ignore[no-any-return]


@router.get("/attempts/{attempt_id}")
def attempt(request: Request, user: User, attempt_id: RowId) -> AttemptRow:
    """One of the user's own attempts, with its marking."""
    return core(request).attempt(attempt_id)  # type: ignore[no-any-return]


@router.get("/review/next")
def review_next(request: Request, user: User, course: str | None = None) -> NextCard:
    """The card to review next; its card is null when nothing is due."""
    card = core(request).next_card(course)
    return NextCard(card=None if card is None else CardOut.of(card))


@router.post("/review/{card_id}")
def review(request: Request, user: User, card_id: str, body: RatingIn) -> Rated:
    """Rate a card; when it is due again."""
    return core(request).rate_card(card_id, body.rating, body.typed)  # type: ignore[no-any-return]


@router.get("/progress")
def progress(request: Request, user: User, course: str | None = None) -> list[TopicRow]:
    """Per topic: cards, new and due, predicted recall, and the marks over time."""
    return core(request).progress(course)  # type: ignore[no-any-return]
