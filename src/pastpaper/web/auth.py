"""Who is asking: the signed-in user, from the session cookie.

A view says what it needs with a dependency: ``Depends(signed_in)`` for anyone signed in,
``Depends(teaching)`` for a teacher or an admin. A browser that is not signed in is sent to
the sign-in page (and back afterwards); an API call gets 401. A script may send a personal
API token instead of the cookie (``Authorization: Bearer pp_...``).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import HTTPException, Request

__all__ = ["core", "signed_in", "teaching"]


class SignInNeeded(HTTPException):
    """Raised for a request that needs a user and has none."""


def core(request: Request) -> Any:
    """The application layer, acting for the user who asks (or for nobody): whichever a
    view asks for first, the user or the layer, the layer acts for that user."""
    base = request.app.state.core
    user = current_user(request)
    return base if user is None else base.acting_for(user)


def current_user(request: Request) -> Any:
    """The user this request comes from, or None; remembered on ``request.state``."""
    if hasattr(request.state, "user"):
        return request.state.user
    user = None
    base = request.app.state.core
    if (token := bearer_token(request)) is not None:
        # A token speaks for itself alone: a bad one is refused, whatever the cookie says;
        # and only to the API: it cannot change a password or make more tokens.
        if not request.url.path.startswith("/api/"):
            raise HTTPException(401, "API tokens work only under /api; sign in for the pages")
        user = base.user_for_token(token)
        if user is None:
            raise HTTPException(401, "that API token is not known here, or was revoked")
    elif (token := request.session.get("session")) is not None:
        user = base.session_user(str(token))
        if user is None:
            request.session.clear()  # signed out elsewhere, expired, or the account removed
    request.state.user = user
    return user


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer ...`` header, or None without one. (The CSRF
    check lets such a request through: a browser never adds that header on its own.)"""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip()


def signed_in(request: Request) -> Any:
    """Dependency: the signed-in user; otherwise off to sign in, or 401 for the API."""
    user = current_user(request)
    if user is None:
        if request.url.path.startswith("/api/"):
            raise HTTPException(401, "sign in first, or send an API token")
        back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise HTTPException(303, "sign in first", {"Location": f"/sign-in?next={quote(back)}"})
    return user


def teaching(request: Request) -> Any:
    """Dependency: a signed-in teacher or admin; a student gets 403."""
    user = signed_in(request)
    if user.role not in ("teacher", "admin"):
        raise HTTPException(403, "this page is for teachers")
    return user
