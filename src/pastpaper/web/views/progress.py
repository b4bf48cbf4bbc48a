"""A student's progress (per topic, marks over time, their attempts), a course's trends and
timeline with their charts inline, and the download of a course's cards for Anki.

Charts are SVG made on the server: the marks chart by ``web.marks_chart``, the trends and
the timeline by the same matplotlib code the command line writes files with.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from pastpaper.errors import InputError
from pastpaper.text import slugify
from pastpaper.web.auth import core, signed_in
from pastpaper.web.marks_chart import marks_svg
from pastpaper.web.pages import render

__all__ = ["router"]

router = APIRouter()

User = Annotated[Any, Depends(signed_in)]


@router.get("/progress")
def progress_page(request: Request, user: User) -> Response:
    app = core(request)
    topics = app.progress()
    marks = [mark for topic in topics for mark in topic.marks]
    return render(
        request,
        "progress.html",
        "Your progress",
        topics=topics,
        chart=marks_svg(marks),
        attempts=app.my_attempts(),
        courses=app.courses(),
    )


@router.get("/courses/{slug}/trends")
def trends_page(request: Request, slug: str, user: User) -> Response:
    app = core(request)
    rows = app.trends(slug)
    return render(
        request,
        "trends.html",
        f"Trends: {slug}",
        slug=slug,
        rows=rows,
        chart=app.trends_svg(rows),
    )


@router.get("/courses/{slug}/timeline")
def timeline_page(request: Request, slug: str, user: User) -> Response:
    app = core(request)
    events = app.timeline(slug)
    return render(
        request,
        "timeline.html",
        f"Timeline: {slug}",
        slug=slug,
        events=events,
        chart=app.timeline_svg(events),
    )


@router.get("/cards/export.apkg")
def export_cards(request: Request, user: User, course: str = "") -> Response:
    """The course's cards as an Anki package, downloaded as ``<course>.apkg``."""
    if not course:
        raise InputError("say which course's cards to export: /cards/export.apkg?course=SLUG")
    package = core(request).anki_package(course)
    return Response(
        package,
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{slugify(course)}-cards.apkg"'},
    )
