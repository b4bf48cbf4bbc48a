"""A teacher's classes: the list and a new class, then one class's page with its join code,
an invite link, the roster (remove a student), the courses it studies (assign another) and
its exam date. A teacher sees their own classes, an admin every class; a student none (403).
Who may change a class is the application layer's rule (``Pastpaper.remove_student`` and the
rest); a view reads the form, asks for one change and goes back to the class's page.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from pastpaper.errors import PastpaperError
from pastpaper.web.auth import core, teaching
from pastpaper.web.pages import flash, render
from pastpaper.web.params import RowId

__all__ = ["router"]

router = APIRouter()

Teacher = Annotated[Any, Depends(teaching)]
Text = Annotated[str, Form()]


def _to_class(class_id: int) -> Response:
    return RedirectResponse(f"/classes/{class_id}", status_code=303)


@router.get("/classes")
def classes_page(request: Request, user: Teacher) -> Response:
    return render(request, "classes.html", "Classes", classes=core(request).classes())


@router.post("/classes")
def add_class(request: Request, user: Teacher, name: Text = "") -> Response:
    app = core(request)
    try:
        made = app.add_class(user.login, name)
    except PastpaperError as error:
        return render(
            request, "classes.html", "Classes", 400, classes=app.classes(), error=str(error)
        )
    flash(request, f"{made.name} is made: give your students its join code, {made.join_code}.")
    return _to_class(made.id)


@router.get("/classes/{class_id}")
def class_page(request: Request, user: Teacher, class_id: RowId) -> Response:
    app = core(request)
    detail = app.class_detail(class_id)
    return _class(request, app, detail)


def _class(
    request: Request, app: Any, detail: Any, status_code: int = 200, **problems: str
) -> Response:
    """The class's page; ``problems`` names a form's error (course=..., exam=...)."""
    school_class = detail.school_class
    invite = str(request.base_url).rstrip("/") + "/sign-up?code=" + quote(school_class.join_code)
    titles = {course.slug: course.title for course in app.courses()}
    return render(
        request,
        "class.html",
        school_class.name,
        status_code,
        school_class=school_class,
        students=detail.students,
        invite=invite,
        assigned=[(slug, titles.get(slug, slug)) for slug in school_class.courses],
        unassigned=[(s, t) for s, t in titles.items() if s not in school_class.courses],
        problems=problems,
    )


@router.post("/classes/{class_id}/students/{login}/remove")
def remove_student(request: Request, user: Teacher, class_id: RowId, login: str) -> Response:
    school_class = core(request).remove_student(class_id, login)
    flash(request, f"{login} is out of {school_class.name}; what they did stays theirs.")
    return _to_class(class_id)


@router.post("/classes/{class_id}/courses")
def assign_course(request: Request, user: Teacher, class_id: RowId, course: Text = "") -> Response:
    app = core(request)
    if not course.strip():
        return _class(request, app, app.class_detail(class_id), 400, course="Choose a course.")
    school_class = app.assign_course(class_id, course)
    flash(request, f"{school_class.name} now studies {course}.")
    return _to_class(class_id)


@router.post("/classes/{class_id}/exam-date")
def set_exam_date(
    request: Request, user: Teacher, class_id: RowId, exam_date: Text = ""
) -> Response:
    app = core(request)
    try:
        day = date.fromisoformat(exam_date.strip()) if exam_date.strip() else None
    except ValueError:
        problem = f"{exam_date} is not a date: give it as year-month-day, such as 2027-06-14."
        return _class(request, app, app.class_detail(class_id), 400, exam=problem)
    school_class = app.set_class_exam_date(class_id, day)
    said = f"on {day:%-d %B %Y}" if day else "not set"
    flash(request, f"The exam date of {school_class.name} is {said}.")
    return _to_class(class_id)
