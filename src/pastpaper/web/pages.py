"""Rendering: one function turns a view's context into a page, the same way for every page.

Every page gets the signed-in user, the CSRF token its forms carry, the navigation for the
user's role, and any message left for it by the request before (a redirect after a form).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from pastpaper import __version__

__all__ = ["flash", "render", "templates"]

templates = Jinja2Templates(
    env=Environment(
        loader=PackageLoader("pastpaper.web", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
)

#: The links at the top of every page, by role: (label, path).
NAV: dict[str, list[tuple[str, str]]] = {
    "student": [
        ("Home", "/"),
        ("Questions", "/courses"),
        ("Review", "/review"),
        ("Progress", "/progress"),
    ],
    "teacher": [
        ("Home", "/"),
        ("Questions", "/courses"),
        ("Classes", "/classes"),
        ("Notes in", "/notes"),
        ("Marking", "/jobs"),
    ],
    # People are managed with `pastpaper users` until the teachers' pages (issue 16) add a page.
    "admin": [
        ("Home", "/"),
        ("Questions", "/courses"),
        ("Classes", "/classes"),
        ("Notes in", "/notes"),
        ("Marking", "/jobs"),
    ],
}


def flash(request: Request, message: str) -> None:
    """Leave ``message`` for the next page this browser sees (after a redirect)."""
    request.session.setdefault("flashes", []).append(message)


def render(
    request: Request, template: str, title: str, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """The page ``template`` with ``context``, and what every page shows."""
    user = getattr(request.state, "user", None)
    csrftoken = request.scope.get("csrftoken")
    page = {
        "title": title,
        "user": user,
        "nav": NAV.get(user.role, []) if user is not None else [],
        "active": request.url.path,
        "csrftoken": csrftoken() if callable(csrftoken) else "",
        "flashes": request.session.pop("flashes", []) if "session" in request.scope else [],
        "version": __version__,
        **context,
    }
    return templates.TemplateResponse(request, template, page, status_code=status_code)
