"""The web app: pages rendered on the server over the application layer, htmx for the parts
that change in place, and a JSON API under ``/api`` on the same operations.

``create_app(settings)`` gives an ASGI app; ``pastpaper serve`` runs it with uvicorn. Every
view parses the request, calls one method of ``Pastpaper``, and renders the result. Sessions
are a signed cookie; every form carries a CSRF token (``asgi-csrf``, as datasette does).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from asgi_csrf import asgi_csrf
from fastapi import APIRouter, FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import HTTPException as FastAPIHTTPException
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import Scope, Send

from pastpaper.app.people import SESSION_LIFETIME
from pastpaper.errors import Forbidden, NotFound, PastpaperError, StoreError
from pastpaper.settings import Settings, load_settings
from pastpaper.web.keys import secret_key
from pastpaper.web.pages import render
from pastpaper.web.security import SecurityHeaders

__all__ = ["create_app"]

_log = logging.getLogger(__name__)

#: How long a session lasts without being used again: a school term's fortnight.
SESSION_SECONDS = int(SESSION_LIFETIME.total_seconds())

#: Titles of the error pages a user may meet, by status.
ERROR_TITLES = {
    400: "That cannot be done",
    403: "Not yours to see",
    404: "Not found",
    405: "Not allowed",
    413: "Too large",
    429: "Too many requests",
    503: "Not available just now",
}


def system_clock() -> datetime:
    """The time now, with its time zone: the clock the served app is given."""
    return datetime.now(UTC)


def create_app(
    settings: Settings | None = None, *, clock: Callable[[], datetime] = system_clock
) -> FastAPI:
    """The web app over the store that ``settings`` name (the CLI's, by default)."""
    settings = settings or load_settings()
    key = secret_key(settings)

    @asynccontextmanager
    async def lifespan(api: FastAPI) -> AsyncIterator[None]:
        # Answers kept but not marked when the server last stopped are marked now, beside
        # the requests (the students see them marked when they next look).
        marking = threading.Thread(
            target=_mark_left_over, args=(api.state.core,), name="left-over", daemon=True
        )
        marking.start()
        # Bulk marking's worker thread, which first takes up jobs a stopped server left.
        api.state.core.start_jobs()
        yield
        api.state.core.stop_jobs()
        marking.join(timeout=30)
        api.state.core.store.close()

    api = FastAPI(
        title="pastpaper",
        version=_version(),
        docs_url=None,  # the API's page is ours, served without a CDN (web.api)
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    api.state.settings = settings
    api.state.core = _core(settings, clock)
    api.mount("/static", StaticFiles(packages=[("pastpaper.web", "static")]), name="static")
    api.add_middleware(
        SessionMiddleware,
        secret_key=key,
        session_cookie="pastpaper_session",
        max_age=SESSION_SECONDS,
        same_site="lax",
        https_only=settings.secure_cookies,
    )
    # Added last, so outermost: a form without its token goes no further.
    api.add_middleware(
        asgi_csrf,
        signing_secret=key,
        cookie_secure=settings.secure_cookies,
        send_csrf_failed=_csrf_failed,
    )
    # Outermost of all, so that every response, a refusal too, carries the headers.
    api.add_middleware(SecurityHeaders, https=settings.secure_cookies)
    api.add_exception_handler(PastpaperError, _pastpaper_error)
    api.add_exception_handler(HTTPException, _http_error)
    api.add_exception_handler(FastAPIHTTPException, _http_error)
    api.add_exception_handler(RequestValidationError, _invalid_request)
    for router in _routers():
        api.include_router(router)
    return api


def _routers() -> list[APIRouter]:
    from pastpaper.web.views import (
        account,
        api,
        api_moderation,
        api_results,
        api_schemes,
        classes,
        home,
        jobs,
        moderation,
        notes,
        practise,
        progress,
        questions,
        results,
        review,
        schemes,
        tokens,
    )

    return [
        account.router,
        home.router,
        questions.router,
        practise.router,
        review.router,
        progress.router,
        api.router,
        tokens.router,
        classes.router,
        notes.router,
        notes.api_router,
        schemes.router,
        api_schemes.router,
        results.router,
        api_results.router,
        jobs.router,
        moderation.router,
        api_moderation.router,
    ]


async def _csrf_failed(scope: Scope, send: Send, message_id: int) -> None:
    """A form sent without this browser's CSRF token: refused, in words a person can act on."""
    body = (
        b"This form came without the token that shows it is from this site, so it was not "
        b"accepted. Go back, reload the page and send it again (anything you typed in an "
        b"answer is kept as a draft)."
    )
    kind = b"text/plain; charset=utf-8"
    if str(scope.get("path", "")).startswith("/api/"):
        body = json.dumps(
            {
                "error": "a write signed in by the session cookie needs the x-csrftoken header "
                "(the csrftoken cookie's value), or send an API token instead"
            }
        ).encode()
        kind = b"application/json"
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [(b"content-type", kind)],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _version() -> str:
    from pastpaper import __version__

    return __version__


def _core(settings: Settings, clock: Callable[[], datetime]) -> Any:
    from pastpaper.app import Pastpaper
    from pastpaper.store import Store

    return Pastpaper(Store.open(settings.db), None, settings, clock)


def _mark_left_over(core: Any) -> None:
    """Mark every answer kept but never marked; a failure is logged, not raised (the
    answers stay kept, to be marked at the next start)."""
    try:
        done = core.mark_everyones_left_over()
    except PastpaperError as error:
        _log.warning("answers left unmarked at the last stop could not be marked: %s", error)
        return
    if done:
        _log.info("marked %d answers left unmarked when the server last stopped", done)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _pastpaper_error(request: Request, error: Exception) -> Response:
    if isinstance(error, StoreError):
        # The database cannot be reached or written: nothing was half-written (each write
        # is one transaction); try again shortly. An answer sent goes back to its writer.
        message = f"The database is not answering just now, so this was not done: {error}"
        return _error(request, 503, message, {"Retry-After": "5"}, await _answer_sent(request))
    status = 404 if isinstance(error, NotFound) else 403 if isinstance(error, Forbidden) else 400
    return _error(request, status, str(error))


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return _error(request, error.status_code, str(error.detail), error.headers)


async def _invalid_request(request: Request, error: Exception) -> Response:
    """A request the API cannot read: 422 with what is wrong, as ``{"error": ...}``."""
    assert isinstance(error, RequestValidationError)
    if not _wants_json(request):
        return await request_validation_exception_handler(request, error)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in e['loc'])}: {e['msg']}" for e in error.errors()
    )
    return JSONResponse({"error": problems}, status_code=422)


async def _answer_sent(request: Request) -> str | None:
    """The answer a form sent with this request, if it sent one (read again from the body
    the request kept), so that a page refusing it can give it back."""
    if request.method != "POST" or _wants_json(request):
        return None
    try:
        answer = (await request.form()).get("answer")
    except Exception:
        return None
    return answer if isinstance(answer, str) and answer.strip() else None


def _error(
    request: Request,
    status: int,
    message: str,
    headers: Mapping[str, str] | None = None,
    answer: str | None = None,
) -> Response:
    """One error response for every failure: JSON under /api, else a page."""
    if 300 <= status < 400 and headers and "Location" in headers:
        return RedirectResponse(headers["Location"], status_code=status)
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    title = ERROR_TITLES.get(status, "Something went wrong")
    page = render(request, "error.html", title, status_code=status, message=message, answer=answer)
    for name, value in (headers or {}).items():
        page.headers[name] = value
    return page
