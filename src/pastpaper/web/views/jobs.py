"""Bulk marking, for teachers: upload a class's CSV of answers, or mark a class's attempts at
a question; the job runs in the background (``pastpaper.app.jobs``) and its page shows a
progress bar, kept up to date by htmx asking for a small fragment every second, and then the
mark book, a table sorted on the server by the column asked for, and its CSV. The same
operations are in the JSON API under ``/api/jobs``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from pastpaper.app.jobs import SORTS, JobView, MarkBook
from pastpaper.errors import InputError
from pastpaper.marking.markbook import parse_delimiter
from pastpaper.web.auth import core, teaching
from pastpaper.web.pages import render
from pastpaper.web.params import BodyId, RowId
from pastpaper.web.views.api import Problem

__all__ = ["MAX_UPLOAD_BYTES", "router"]

#: The largest CSV of answers taken: many times a year group's answers to a paper.
MAX_UPLOAD_BYTES = 20_000_000

router = APIRouter()
api = APIRouter(
    prefix="/api/jobs",
    tags=["api"],
    responses={
        401: {"model": Problem, "description": "Not signed in, or the API token is not known"},
        403: {"model": Problem, "description": "For teachers only"},
        404: {"model": Problem, "description": "Not there, or not yours"},
    },
)

Teacher = Annotated[Any, Depends(teaching)]
Order = Literal["asc", "desc"]


async def _read_upload(upload: UploadFile | None) -> tuple[bytes, str]:
    """The uploaded file's bytes and name; InputError for none, or one too large."""
    if upload is None or not upload.filename:
        raise InputError("choose the CSV file of the class's answers to upload")
    data = await upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(
            f"the file is larger than {MAX_UPLOAD_BYTES // 1_000_000} MB; split the class's "
            "answers into smaller files",
            upload.filename,
        )
    return data, upload.filename


def _to_job(job: JobView) -> Response:
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def _jobs_page(request: Request, status_code: int = 200, **problems: str) -> Response:
    app = core(request)
    return render(
        request,
        "jobs.html",
        "Bulk marking",
        status_code,
        jobs=app.jobs(),
        classes=app.classes(),
        problems=problems,
    )


@router.get("/jobs")
def jobs_page(request: Request, user: Teacher) -> Response:
    return _jobs_page(request)


@router.post("/jobs/csv")
async def upload_csv(
    request: Request,
    user: Teacher,
    answers: Annotated[UploadFile | None, File()] = None,
) -> Response:
    try:
        data, name = await _read_upload(answers)
        job = core(request).start_csv_job(data, name)
    except InputError as error:
        return _jobs_page(request, 400, csv=str(error))
    return _to_job(job)


@router.post("/jobs/attempts")
def mark_attempts(
    request: Request,
    user: Teacher,
    class_id: Annotated[str, Form()] = "",
    question_id: Annotated[str, Form()] = "",
    every: Annotated[str, Form()] = "",
) -> Response:
    if not class_id.strip().isdigit():
        return _jobs_page(request, 400, attempts="Choose a class.")
    if not question_id.strip().isdigit():
        problem = f"{question_id!r} is not a question number: give one such as 12."
        return _jobs_page(request, 400, attempts=problem)
    try:
        job = core(request).start_attempts_job(
            int(class_id), int(question_id), every=every == "all"
        )
    except InputError as error:
        return _jobs_page(request, 400, attempts=str(error))
    return _to_job(job)


@router.get("/jobs/{job_id}")
def job_page(
    request: Request, user: Teacher, job_id: RowId, sort: str = "line", order: str = "asc"
) -> Response:
    app = core(request)
    book: MarkBook = app.mark_book(job_id, sort, order == "desc")
    return render(
        request, "job.html", book.job.name, book=book, job=book.job, sorts=SORTS, order=order
    )


@router.get("/jobs/{job_id}/progress")
def job_progress(request: Request, user: Teacher, job_id: RowId) -> Response:
    """The progress bar alone, for htmx to put in place; once the job is over, the page is
    loaded afresh to show the mark book. Opened by itself, it is the job's page."""
    job = core(request).job(job_id)
    if "hx-request" not in request.headers:
        return RedirectResponse(f"/jobs/{job_id}", status_code=303)
    fragment = render(request, "_job_progress.html", job.name, job=job)
    if job.over:
        fragment.headers["HX-Refresh"] = "true"
    return fragment


@router.get("/jobs/{job_id}/mark-book.csv")
def job_csv(request: Request, user: Teacher, job_id: RowId) -> Response:
    return _csv(core(request), job_id)


def _csv(app: Any, job_id: int) -> Response:
    text = app.mark_book_csv(job_id)
    return Response(
        text.encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="mark-book-{job_id}.csv"'},
    )


# -- the JSON API ---------------------------------------------------------------------------


class AttemptsJobIn(BaseModel):
    """Mark a class's attempts at a question: those not yet marked, or every one."""

    class_id: BodyId
    question_id: BodyId
    every: bool = Field(default=False, description="mark every attempt, not only unmarked ones")


@api.get("")
def api_jobs(request: Request, user: Teacher) -> list[JobView]:
    """The user's bulk-marking jobs (an admin: everybody's), newest first."""
    return core(request).jobs()  # type: ignore[no-any-return]


@api.post("", status_code=202, responses={400: {"model": Problem}})
async def api_upload(
    request: Request,
    user: Teacher,
    answers: Annotated[UploadFile | None, File(description="the CSV of the class's answers")] = (
        None
    ),
    delimiter: Annotated[str | None, Form()] = None,
) -> JobView:
    """Start marking a CSV of answers (columns student, question, answer) in the background;
    the job, queued, with every row stored."""
    data, name = await _read_upload(answers)
    given = parse_delimiter(delimiter) if delimiter else None
    return core(request).start_csv_job(data, name, given)  # type: ignore[no-any-return]


@api.post("/attempts", status_code=202, responses={400: {"model": Problem}})
def api_attempts(request: Request, user: Teacher, body: AttemptsJobIn) -> JobView:
    """Start marking a class's attempts at a question in the background."""
    return core(request).start_attempts_job(  # type: ignore[no-any-return]
        body.class_id, body.question_id, every=body.every
    )


@api.get("/{job_id}")
def api_job(request: Request, user: Teacher, job_id: RowId) -> JobView:
    """A job: its status, and how many of its rows are done of how many."""
    return core(request).job(job_id)  # type: ignore[no-any-return]


@api.get("/{job_id}/mark-book")
def api_mark_book(
    request: Request, user: Teacher, job_id: RowId, sort: str = "line", order: Order = "asc"
) -> MarkBook:
    """The job's mark book, sorted by line, student, question, mark or reason."""
    return core(request).mark_book(job_id, sort, order == "desc")  # type: ignore[no-any-return]


@api.get("/{job_id}/mark-book.csv", response_class=Response)
def api_mark_book_csv(request: Request, user: Teacher, job_id: RowId) -> Response:
    """The job's mark book as CSV, as ``pastpaper mark --csv`` writes it."""
    return _csv(core(request), job_id)


router.include_router(api)
