"""Moderation pages: a class's answers to one question in groups (set the mark of a group
or of chosen answers, with why), one answer with every override of its mark and the form
that teaches the scheme from it (a dry run first, then applied), and the agreement between
the machine's marks and the teacher's. The class's teacher or an admin; a student gets 403,
another teacher's class is 404. Every rule is the application layer's (``app/moderation.py``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from pastpaper.errors import Forbidden, InputError, NotFound, PastpaperError
from pastpaper.web.auth import core, teaching
from pastpaper.web.pages import flash, render
from pastpaper.web.params import RowId

__all__ = ["router"]

router = APIRouter()

Teacher = Annotated[Any, Depends(teaching)]
Text = Annotated[str, Form()]


def _base(class_id: int, question_id: int) -> str:
    return f"/classes/{class_id}/questions/{question_id}"


def _mark(text: str) -> int | None:
    """A mark as typed, or None when it is not a whole number."""
    text = text.strip()
    return int(text) if text.isdigit() else None


@router.get("/classes/{class_id}/moderate")
def answered_questions(request: Request, user: Teacher, class_id: RowId) -> Response:
    found = core(request).answered_questions(class_id)
    return render(request, "moderate_questions.html", f"Moderate {found.class_name}", found=found)


@router.get("/classes/{class_id}/questions/{question_id}/moderate")
def moderation_sheet(
    request: Request, user: Teacher, class_id: RowId, question_id: RowId, every: bool = False
) -> Response:
    sheet = core(request).moderation_sheet(class_id, question_id, every_attempt=every)
    return _sheet(request, sheet)


def _sheet(request: Request, sheet: Any, status_code: int = 200, error: str = "") -> Response:
    title = f"Moderate {sheet.class_name}: question {sheet.question_id}"
    return render(request, "moderate.html", title, status_code, sheet=sheet, error=error)


@router.post("/classes/{class_id}/questions/{question_id}/moderate")
def moderate_group(
    request: Request,
    user: Teacher,
    class_id: RowId,
    question_id: RowId,
    attempt_id: Annotated[list[int] | None, Form()] = None,
    mark: Text = "",
    reason: Text = "",
) -> Response:
    app = core(request)
    try:
        done = _moderate(app, class_id, question_id, attempt_id or [], mark, reason)
    except (NotFound, Forbidden):
        raise
    except PastpaperError as error:
        return _sheet(request, app.moderation_sheet(class_id, question_id), 400, str(error))
    flash(request, f"{_answers(len(done))} now {_has(len(done))} the mark {mark.strip()}.")
    return RedirectResponse(_base(class_id, question_id) + "/moderate", status_code=303)


def _moderate(
    app: Any, class_id: int, question_id: int, attempts: list[int], mark: str, reason: str
) -> list[int]:
    """Moderate as the form asked; a mark that is not a number is said in words."""
    value = _mark(mark)
    if value is None:
        raise InputError(f"give the mark as a whole number, not “{mark.strip()}”")
    done: list[int] = app.moderate_answers(
        class_id, question_id, attempts, mark=value, reason=reason
    )
    return done


def _answers(count: int) -> str:
    return "1 answer" if count == 1 else f"{count} answers"


def _has(count: int) -> str:
    return "has" if count == 1 else "have"


@router.get("/classes/{class_id}/questions/{question_id}/moderate/answers/{attempt_id}")
def answer_page(
    request: Request, user: Teacher, class_id: RowId, question_id: RowId, attempt_id: RowId
) -> Response:
    history = core(request).answer_history(class_id, question_id, attempt_id)
    return _answer(request, history)


def _answer(request: Request, history: Any, status_code: int = 200, **problems: str) -> Response:
    title = f"Answer {history.answer.attempt_id} by {history.answer.student}"
    return render(
        request, "moderate_answer.html", title, status_code, history=history, problems=problems
    )


@router.post("/classes/{class_id}/questions/{question_id}/moderate/answers/{attempt_id}")
def moderate_one(
    request: Request,
    user: Teacher,
    class_id: RowId,
    question_id: RowId,
    attempt_id: RowId,
    mark: Text = "",
    reason: Text = "",
) -> Response:
    app = core(request)
    try:
        _moderate(app, class_id, question_id, [attempt_id], mark, reason)
    except (NotFound, Forbidden):
        raise
    except PastpaperError as error:
        history = app.answer_history(class_id, question_id, attempt_id)
        return _answer(request, history, 400, mark=str(error))
    flash(request, f"Answer {attempt_id} now has the mark {mark.strip()}.")
    return RedirectResponse(
        _base(class_id, question_id) + f"/moderate/answers/{attempt_id}", status_code=303
    )


@router.post("/classes/{class_id}/questions/{question_id}/moderate/answers/{attempt_id}/teach")
def teach(
    request: Request,
    user: Teacher,
    class_id: RowId,
    question_id: RowId,
    attempt_id: RowId,
    point_id: Text = "",
    phrase: Text = "",
    earns: Text = "yes",
    apply: Text = "",
    reason: Text = "",
) -> Response:
    """A dry run of the lesson, or (``apply``) the lesson applied."""
    app = core(request)
    does_earn = earns != "no"
    try:
        if apply:
            lesson = app.teach_apply(
                class_id, question_id, attempt_id, point_id, phrase, earns=does_earn, reason=reason
            )
        else:
            lesson = app.teach_preview(
                class_id, question_id, attempt_id, point_id, phrase, earns=does_earn
            )
    except (NotFound, Forbidden):
        raise
    except PastpaperError as error:
        if apply:
            lesson = app.teach_preview(
                class_id, question_id, attempt_id, point_id, phrase, earns=does_earn
            )
            return _lesson(request, class_id, question_id, lesson, 400, str(error))
        history = app.answer_history(class_id, question_id, attempt_id)
        return _answer(request, history, 400, teach=str(error))
    if apply:
        changed = len(lesson.remarking.changes)
        flash(
            request,
            f"The scheme is now version {lesson.remarking.version}: "
            f"{_answers(changed)} changed mark.",
        )
        return RedirectResponse(
            _base(class_id, question_id) + f"/moderate/answers/{attempt_id}", status_code=303
        )
    return _lesson(request, class_id, question_id, lesson)


def _lesson(
    request: Request,
    class_id: int,
    question_id: int,
    lesson: Any,
    status_code: int = 200,
    error: str = "",
) -> Response:
    return render(
        request,
        "teach.html",
        "Teach the scheme: what would change",
        status_code,
        lesson=lesson,
        class_id=class_id,
        question_id=question_id,
        error=error,
    )


@router.get("/classes/{class_id}/questions/{question_id}/agreement")
def agreement(request: Request, user: Teacher, class_id: RowId, question_id: RowId) -> Response:
    report = core(request).agreement(class_id, question_id)
    title = f"Agreement on question {question_id}: {report.class_name}"
    return render(request, "agreement.html", title, report=report)
