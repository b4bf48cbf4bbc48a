"""Browsing the question bank: the courses a user may see, a course's questions by topic and
family, and one question with the rest of its family, its notes and the user's attempts.

A course or question of another class's is NotFound in the layer, so a 404 page here.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from pastpaper.web.auth import core, signed_in
from pastpaper.web.pages import render
from pastpaper.web.params import RowId

__all__ = ["router"]

router = APIRouter()

SignedIn = Annotated[Any, Depends(signed_in)]


@router.get("/courses")
def courses(request: Request, user: SignedIn) -> Response:
    found = core(request).courses()
    return render(request, "courses.html", "Questions", courses=found)


@router.get("/courses/{slug}")
def course(request: Request, slug: str, user: SignedIn) -> Response:
    page = core(request).course_page(slug)
    return render(request, "course.html", page.course.title, page=page)


@router.get("/questions/{question_id}")
def question(request: Request, question_id: RowId, user: SignedIn) -> Response:
    page = core(request).question_page(question_id)
    return render(request, "question.html", f"Question {question_id}", page=page)
