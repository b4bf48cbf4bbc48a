"""Notes in, for teachers: upload notes or a course file (as a new course, or again over a
course of one's own), read the preview of what was found, then save it or discard it; and
download any course one may see as a course file. The same under ``/api/notes`` for scripts.

The rules (who may upload, re-import over what, how long an upload waits, what a file must
hold) are the application layer's (``pastpaper.app.upload``); a view reads the form, calls one
method, and renders what comes back or the message of what went wrong.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from pastpaper.app.upload import UploadPreview, UploadSaved
from pastpaper.errors import InputError
from pastpaper.web.auth import core, teaching
from pastpaper.web.pages import flash, render
from pastpaper.web.views.api import Problem

__all__ = ["api_router", "router"]

router = APIRouter()

Teacher = Annotated[Any, Depends(teaching)]

_API_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The file cannot be read, or holds no question"},
    401: {"model": Problem, "description": "Not signed in, or the API token is not known"},
    403: {"model": Problem, "description": "Not a teacher, or not a course of yours to change"},
    404: {"model": Problem, "description": "Not there, or not yours"},
}

api_router = APIRouter(prefix="/api/notes", tags=["api"], responses=_API_ERRORS)

_YAML = "application/yaml; charset=utf-8"


async def _read(file: UploadFile | None, limit: int) -> tuple[str, bytes, int]:
    """The upload's name, its first ``limit`` + 1 bytes (enough to know it is too large)
    and its whole size: a huge file is not read whole into memory to be refused."""
    if file is None:
        raise InputError("choose a file to upload: notes (.txt, .md, .docx, .pdf) or .yaml")
    data = await file.read(limit + 1)
    size = file.size if file.size is not None else len(data)
    return file.filename or "", data, size


def _notes_page(
    request: Request, status_code: int = 200, error: str = "", course: str = ""
) -> Response:
    app = core(request)
    return render(
        request,
        "notes.html",
        "Notes in",
        status_code,
        courses=app.courses(),
        changeable={c.slug for c in app.changeable_courses()},
        chosen=course,
        error=error,
        limit_mb=app.settings.max_mb,
    )


@router.get("/notes")
def notes_page(request: Request, user: Teacher, course: str = "") -> Response:
    return _notes_page(request, course=course)


@router.post("/notes")
async def upload(
    request: Request,
    user: Teacher,
    file: Annotated[UploadFile | None, File()] = None,
    course: Annotated[str, Form()] = "",
) -> Response:
    app = core(request)
    try:
        name, data, size = await _read(file, app.settings.max_bytes)
        preview = app.upload_notes(name, data, course.strip() or None, size=size)
    except InputError as error:
        return _notes_page(request, 400, str(error), course)
    return RedirectResponse(f"/notes/uploads/{preview.token}", status_code=303)


@router.get("/notes/uploads/{token}")
def preview_page(request: Request, user: Teacher, token: str) -> Response:
    preview = core(request).upload_preview(token)
    return render(request, "upload.html", f"Preview of {preview.name}", preview=preview)


@router.post("/notes/uploads/{token}/confirm")
def confirm(request: Request, user: Teacher, token: str) -> Response:
    saved = core(request).confirm_upload(token)
    verb = "is a new course" if saved.created else "is updated"
    change = (
        ""
        if saved.created
        else f" ({saved.questions_added} new, {saved.questions_kept} kept, "
        f"{saved.questions_removed} removed)"
    )
    flash(request, f"{saved.title} {verb}{change}: it is saved as {saved.slug}.")
    for warning in saved.warnings:
        flash(request, warning)
    return RedirectResponse("/notes", status_code=303)


@router.post("/notes/uploads/{token}/discard")
def discard(request: Request, user: Teacher, token: str) -> Response:
    name = core(request).discard_upload(token)
    flash(request, f"{name} was discarded; nothing of it was saved.")
    return RedirectResponse("/notes", status_code=303)


@router.get("/notes/{slug}/course.yaml")
def course_file(request: Request, user: Teacher, slug: str) -> Response:
    found = core(request).course_file(slug)
    return PlainTextResponse(
        found.text,
        media_type=_YAML,
        headers={"Content-Disposition": f'attachment; filename="{found.name}"'},
    )


# -- the same for scripts ------------------------------------------------------------------


@api_router.post("", status_code=201)
async def api_upload(
    request: Request,
    user: Teacher,
    file: Annotated[
        UploadFile | None, File(description="notes (.txt .md .docx .pdf) or .yaml")
    ] = None,
    course: Annotated[str | None, Form(description="a course of yours to re-import over")] = None,
) -> UploadPreview:
    """Upload notes or a course file: what it holds, kept unsaved until it is confirmed
    (with ``course``: what it would change in that course)."""
    app = core(request)
    name, data, size = await _read(file, app.settings.max_bytes)
    return app.upload_notes(name, data, course or None, size=size)  # type: ignore[no-any-return]


@api_router.get("/uploads/{token}")
def api_preview(request: Request, user: Teacher, token: str) -> UploadPreview:
    """The preview of an upload waiting to be confirmed."""
    return core(request).upload_preview(token)  # type: ignore[no-any-return]


@api_router.post("/uploads/{token}/confirm")
def api_confirm(request: Request, user: Teacher, token: str) -> UploadSaved:
    """Save the upload: a new course of yours, or the course it re-imports over."""
    return core(request).confirm_upload(token)  # type: ignore[no-any-return]


@api_router.delete("/uploads/{token}", status_code=204)
def api_discard(request: Request, user: Teacher, token: str) -> Response:
    """Discard the upload unsaved."""
    core(request).discard_upload(token)
    return Response(status_code=204)


@api_router.get(
    "/{slug}/course-file",
    response_class=PlainTextResponse,
    responses={200: {"content": {_YAML: {}}, "description": "The course file (YAML)"}},
)
def api_course_file(request: Request, user: Teacher, slug: str) -> Response:
    """A course you may see, as the course file ``pastpaper export`` writes."""
    found = core(request).course_file(slug)
    return PlainTextResponse(found.text, media_type=_YAML)
