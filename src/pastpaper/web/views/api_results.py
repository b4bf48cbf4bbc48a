"""A class's results in the JSON API, for its teacher or an admin: the same figures as the
results page (``Pastpaper.class_results``) and one question across the class. A student gets
403; another teacher's class is 404."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from pastpaper.study.results import ClassResults, QuestionResults
from pastpaper.web.auth import core, signed_in
from pastpaper.web.params import RowId
from pastpaper.web.views.api import Problem

__all__ = ["router"]

router = APIRouter(
    prefix="/api",
    tags=["api"],
    responses={
        401: {"model": Problem, "description": "Not signed in, or the API token is not known"},
        403: {"model": Problem, "description": "Not a teacher of the class"},
        404: {"model": Problem, "description": "Not there, or not yours"},
    },
)

User = Annotated[Any, Depends(signed_in)]


@router.get("/classes/{class_id}/results")
def class_results(request: Request, user: User, class_id: RowId) -> ClassResults:
    """The class's grid of marks and recall by student and topic, the points missed most
    (all of them, most missed first), the marks of each question and the weekly means."""
    return core(request).class_results(class_id)  # type: ignore[no-any-return]


@router.get("/classes/{class_id}/results/questions/{question_id}")
def question_results(
    request: Request, user: User, class_id: RowId, question_id: RowId
) -> QuestionResults:
    """One question of the class's courses: each student's latest mark, its marks'
    distribution and the points missed."""
    return core(request).question_results(class_id, question_id)  # type: ignore[no-any-return]
