"""Accounts: the first account on a fresh store, signing up with a class's join code, signing
in and out, and changing a password.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from pastpaper.errors import PastpaperError, TooManySignIns
from pastpaper.web.auth import core, current_user, signed_in
from pastpaper.web.pages import flash, render

__all__ = ["router"]

router = APIRouter()

Text = Annotated[str, Form()]


def _local(path: str | None) -> str:
    """``path`` if it is a page of this site, else the home page (no open redirect)."""
    if path and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return "/"


def _begin(request: Request, user: Any, to: str = "/") -> Response:
    """Sign ``user`` in: a fresh session (the old one's id is not kept), then go on."""
    request.session.clear()
    request.session["session"] = core(request).begin_session(user)
    return RedirectResponse(_local(to), status_code=303)


@router.get("/setup")
def setup_page(request: Request) -> Response:
    if core(request).has_accounts():
        return RedirectResponse("/sign-in", status_code=303)
    return render(request, "setup.html", "Make the first account")


@router.post("/setup")
def setup(
    request: Request, login: Text, display_name: Text, password: Text, again: Text
) -> Response:
    if core(request).has_accounts():
        return RedirectResponse("/sign-in", status_code=303)
    try:
        _same(password, again)
        user = core(request).first_account(login, display_name, password)
    except PastpaperError as error:
        return render(
            request,
            "setup.html",
            "Make the first account",
            400,
            error=str(error),
            login=login,
            display_name=display_name,
        )
    return _begin(request, user)


@router.get("/sign-in")
def sign_in_page(request: Request, next: str = "/") -> Response:
    if not core(request).has_accounts():
        return RedirectResponse("/setup", status_code=303)
    if current_user(request) is not None:
        return RedirectResponse(_local(next), status_code=303)
    return render(request, "sign_in.html", "Sign in", next=_local(next))


@router.post("/sign-in")
def sign_in(request: Request, login: Text, password: Text, next: Text = "/") -> Response:
    address = request.client.host if request.client is not None else "unknown"
    try:
        user = core(request).sign_in(login, password, address)
    except TooManySignIns as error:
        page = render(
            request,
            "sign_in.html",
            "Sign in",
            429,
            error=str(error),
            login=login,
            next=_local(next),
        )
        page.headers["Retry-After"] = str(error.retry_after)
        return page
    if user is None:
        return render(
            request,
            "sign_in.html",
            "Sign in",
            400,
            error="That login and password do not match an account.",
            login=login,
            next=_local(next),
        )
    return _begin(request, user, next)


@router.post("/sign-out")
def sign_out(request: Request) -> Response:
    if (token := request.session.get("session")) is not None:
        core(request).end_session(str(token))  # the cookie, copied or not, opens nothing now
    request.session.clear()
    flash(request, "You are signed out.")
    return RedirectResponse("/sign-in", status_code=303)


@router.get("/sign-up")
def sign_up_page(request: Request, code: str = "") -> Response:
    return render(request, "sign_up.html", "Join a class", code=code)


@router.post("/sign-up")
def sign_up(
    request: Request, code: Text, login: Text, display_name: Text, password: Text, again: Text
) -> Response:
    address = request.client.host if request.client is not None else "unknown"
    try:
        _same(password, again)
        user = core(request).sign_up(code, login, display_name, password, address)
    except PastpaperError as error:
        held = isinstance(error, TooManySignIns)
        page = render(
            request,
            "sign_up.html",
            "Join a class",
            429 if held else 400,
            error=str(error),
            code=code,
            login=login,
            display_name=display_name,
        )
        if isinstance(error, TooManySignIns):
            page.headers["Retry-After"] = str(error.retry_after)
        return page
    response = _begin(request, user)
    flash(request, f"Welcome, {user.display_name}: you are in the class.")
    return response


@router.get("/account")
def account_page(request: Request, user: Annotated[Any, Depends(signed_in)]) -> Response:
    return render(request, "account.html", "Your account")


@router.post("/account/password")
def change_password(
    request: Request,
    user: Annotated[Any, Depends(signed_in)],
    current: Text,
    password: Text,
    again: Text,
) -> Response:
    try:
        _same(password, again)
        core(request).change_password(current, password, request.session.get("session"))
    except PastpaperError as error:
        return render(request, "account.html", "Your account", 400, error=str(error))
    flash(request, "Your password is changed; you are signed out everywhere else.")
    return RedirectResponse("/account", status_code=303)


def _same(password: str, again: str) -> None:
    if password != again:
        raise PastpaperError("The two passwords are not the same; type the new one twice.")
