"""Moderation in the JSON API, under ``/api/classes/{class_id}/questions/{question_id}``:
the answers in groups, overrides of their marks, one answer's overrides, teaching the
scheme from an answer (a dry run unless ``apply``), and the agreement between the machine's
marks and the teacher's. For the class's teacher or an admin: a student gets 403, another
teacher's class 404. Each operation calls one method of ``Pastpaper``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from pastpaper.app.moderation import AgreementReport, AnswerHistory, Lesson, ModerationSheet
from pastpaper.web.auth import core, teaching
from pastpaper.web.params import RowId
from pastpaper.web.views.api import Problem

__all__ = ["router"]

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The request asks for what cannot be done"},
    401: {"model": Problem, "description": "Not signed in, or the API token is not known"},
    403: {"model": Problem, "description": "Not a teacher, or the course is not theirs to change"},
    404: {"model": Problem, "description": "Not there, or not the teacher's class"},
}

router = APIRouter(
    prefix="/api/classes/{class_id}/questions/{question_id}",
    tags=["moderation"],
    responses=_ERRORS,
)

Teacher = Annotated[Any, Depends(teaching)]


class ModerationIn(BaseModel):
    """The teacher's mark for these answers (attempt ids), with why: a reason is needed
    unless the mark is the one each already has."""

    attempt_ids: list[int] = Field(min_length=1, max_length=10_000)
    mark: int = Field(ge=0)
    reason: str = Field(default="", max_length=2_000)


class Moderated(BaseModel):
    """The answers moderated."""

    attempt_ids: list[int]


class LessonIn(BaseModel):
    """Words of the answer that earn the point (``earns``) or do not; a dry run unless
    ``apply``, which needs a reason, kept with the scheme's new version."""

    point_id: str = Field(max_length=100)
    phrase: str = Field(max_length=5_000)
    earns: bool = True
    apply: bool = False
    reason: str = Field(default="", max_length=2_000)


@router.get("/groups")
def groups(
    request: Request,
    user: Teacher,
    class_id: RowId,
    question_id: RowId,
    every_attempt: bool = False,
) -> ModerationSheet:
    """The class's answers to the question in groups, largest first (each student's newest
    attempt, or every attempt)."""
    return core(request).moderation_sheet(  # type: ignore[no-any-return]
        class_id, question_id, every_attempt=every_attempt
    )


@router.post("/moderations")
def moderate(
    request: Request, user: Teacher, class_id: RowId, question_id: RowId, body: ModerationIn
) -> Moderated:
    """Set the mark of answers of the class to the question (a group, or one)."""
    done = core(request).moderate_answers(
        class_id, question_id, body.attempt_ids, mark=body.mark, reason=body.reason
    )
    return Moderated(attempt_ids=done)


@router.get("/answers/{attempt_id}")
def answer(
    request: Request, user: Teacher, class_id: RowId, question_id: RowId, attempt_id: RowId
) -> AnswerHistory:
    """One answer with every override of its mark, oldest first."""
    return core(request).answer_history(  # type: ignore[no-any-return]
        class_id, question_id, attempt_id
    )


@router.post("/answers/{attempt_id}/teach")
def teach(
    request: Request,
    user: Teacher,
    class_id: RowId,
    question_id: RowId,
    attempt_id: RowId,
    body: LessonIn,
) -> Lesson:
    """Teach the question's scheme from an answer: the answers whose marks would change
    (a dry run), or, with ``apply``, the scheme's new version and the answers re-marked."""
    app = core(request)
    if body.apply:
        return app.teach_apply(  # type: ignore[no-any-return]
            class_id,
            question_id,
            attempt_id,
            body.point_id,
            body.phrase,
            earns=body.earns,
            reason=body.reason,
        )
    return app.teach_preview(  # type: ignore[no-any-return]
        class_id, question_id, attempt_id, body.point_id, body.phrase, earns=body.earns
    )


@router.get("/agreement")
def agreement(
    request: Request, user: Teacher, class_id: RowId, question_id: RowId
) -> AgreementReport:
    """How often the machine's marks agree with the teacher's over the moderated answers,
    and the points disputed most."""
    return core(request).agreement(class_id, question_id)  # type: ignore[no-any-return]
