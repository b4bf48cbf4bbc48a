"""Accounts in the web app, in-process: the first account, signing in and out, joining a
class with its code, changing a password; CSRF and the session cookie."""

from __future__ import annotations

import hashlib
from importlib import resources

import httpx
import pytest
from fastapi import FastAPI

from web.conftest import NOW, PASSWORD, send_form

pytestmark = pytest.mark.anyio


async def make_first_account(client: httpx.AsyncClient) -> httpx.Response:
    return await send_form(
        client,
        "/setup",
        "/setup",
        {"login": "ms.reed", "display_name": "Ms Reed", "password": PASSWORD, "again": PASSWORD},
    )


async def test_a_fresh_store_asks_for_the_first_account(client: httpx.AsyncClient) -> None:
    assert (await client.get("/")).headers["location"] == "/setup"
    assert (await client.get("/sign-in")).headers["location"] == "/setup"
    made = await make_first_account(client)
    assert (made.status_code, made.headers["location"]) == (303, "/")
    home = await client.get("/")
    assert home.status_code == 200
    assert "Hello, Ms Reed" in home.text and "There are no notes in pastpaper yet" in home.text


async def test_the_first_account_is_an_admin_and_the_only_one_made_that_way(
    client: httpx.AsyncClient, web_app: FastAPI
) -> None:
    await make_first_account(client)
    [admin] = [u for u in web_app.state.core.store.people.users() if u.has_password]
    assert (admin.login, admin.role) == ("ms.reed", "admin")
    client.cookies.clear()
    again = await client.get("/setup")
    assert again.headers["location"] == "/sign-in"  # the setup page is gone for good


async def test_signing_in_and_out(client: httpx.AsyncClient) -> None:
    await make_first_account(client)
    await send_form(client, "/", "/sign-out", {})
    assert (await client.get("/")).headers["location"] == "/sign-in"
    wrong = await send_form(
        client, "/sign-in", "/sign-in", {"login": "ms.reed", "password": "not it at all"}
    )
    unknown = await send_form(
        client, "/sign-in", "/sign-in", {"login": "nobody", "password": PASSWORD}
    )
    # An unknown login and a wrong password read the same: the page tells nobody who exists.
    for refused in (wrong, unknown):
        assert refused.status_code == 400
        assert "That login and password do not match an account." in refused.text
    assert "nobody" in unknown.text  # the login typed is kept in the form
    right = await send_form(
        client, "/sign-in", "/sign-in", {"login": "ms.reed", "password": PASSWORD}
    )
    assert right.headers["location"] == "/"
    assert "Hello, Ms Reed" in (await client.get("/")).text


async def test_a_page_that_needs_a_user_sends_a_stranger_to_sign_in_and_back(
    client: httpx.AsyncClient,
) -> None:
    await make_first_account(client)
    client.cookies.clear()
    asked = await client.get("/account")
    assert asked.status_code == 303
    assert asked.headers["location"] == "/sign-in?next=/account"
    back = await send_form(
        client,
        "/sign-in?next=/account",
        "/sign-in",
        {"login": "ms.reed", "password": PASSWORD, "next": "/account"},
    )
    assert back.headers["location"] == "/account"
    # Only this site's pages: a link elsewhere is not followed after signing in.
    client.cookies.clear()
    away = await send_form(
        client,
        "/sign-in",
        "/sign-in",
        {"login": "ms.reed", "password": PASSWORD, "next": "//evil.example/x"},
    )
    assert away.headers["location"] == "/"


async def test_a_student_joins_a_class_with_its_code(
    client: httpx.AsyncClient, web_app: FastAPI
) -> None:
    await make_first_account(client)
    people = web_app.state.core.store.people
    school_class = people.add_class("ms.reed", "11B History", now=NOW)
    client.cookies.clear()
    joined = await send_form(
        client,
        f"/sign-up?code={school_class.join_code}",
        "/sign-up",
        {
            "code": school_class.join_code.lower(),
            "login": "sam",
            "display_name": "Sam Okafor",
            "password": PASSWORD,
            "again": PASSWORD,
        },
    )
    assert joined.headers["location"] == "/"
    home = await client.get("/")
    assert "Welcome, Sam Okafor: you are in the class." in home.text
    assert people.school_class(school_class.id).students == ("sam",)
    assert people.user("sam").role == "student"


async def test_a_wrong_join_code_makes_no_account_and_keeps_what_was_typed(
    client: httpx.AsyncClient, web_app: FastAPI
) -> None:
    await make_first_account(client)
    client.cookies.clear()
    refused = await send_form(
        client,
        "/sign-up",
        "/sign-up",
        {
            "code": "NOSUCH99",
            "login": "sam",
            "display_name": "Sam Okafor",
            "password": PASSWORD,
            "again": PASSWORD,
        },
    )
    assert refused.status_code == 400
    assert "no class has the join code NOSUCH99" in refused.text
    assert 'value="Sam Okafor"' in refused.text
    assert "sam" not in [u.login for u in web_app.state.core.store.people.users()]


async def test_changing_a_password(client: httpx.AsyncClient) -> None:
    await make_first_account(client)
    form = {"current": "wrong password", "password": "a new one here", "again": "a new one here"}
    refused = await send_form(client, "/account", "/account/password", form)
    assert refused.status_code == 400 and "the current password is not right" in refused.text
    form["current"] = PASSWORD
    changed = await send_form(client, "/account", "/account/password", form)
    assert changed.headers["location"] == "/account"
    await send_form(client, "/", "/sign-out", {})
    old = await send_form(
        client, "/sign-in", "/sign-in", {"login": "ms.reed", "password": PASSWORD}
    )
    assert old.status_code == 400
    new = await send_form(
        client, "/sign-in", "/sign-in", {"login": "ms.reed", "password": "a new one here"}
    )
    assert new.status_code == 303


async def test_a_form_without_its_csrf_token_is_refused(client: httpx.AsyncClient) -> None:
    await make_first_account(client)
    forged = await client.post("/sign-out", data={})
    assert forged.status_code == 403
    assert "without the token" in forged.text
    assert "Hello, Ms Reed" in (await client.get("/")).text  # still signed in
    wrong = await client.post("/sign-out", data={"csrftoken": "made-up"})
    assert wrong.status_code == 403


async def test_the_session_cookie_is_signed_http_only_and_same_site(
    client: httpx.AsyncClient,
) -> None:
    made = await make_first_account(client)
    cookie = next(c for c in made.headers.get_list("set-cookie") if "pastpaper_session=" in c)
    assert "httponly" in cookie.lower() and "samesite=lax" in cookie.lower()
    client.cookies.set("pastpaper_session", "eyJ1c2VyIjogMX0=.forged.signature")
    assert (await client.get("/")).headers["location"] == "/sign-in"


async def test_htmx_is_served_from_the_package_as_vendored(client: httpx.AsyncClient) -> None:
    served = await client.get("/static/htmx.min.js")
    assert served.status_code == 200
    assert "javascript" in served.headers["content-type"]
    shipped = resources.files("pastpaper.web") / "static" / "VENDORED.md"
    [row] = [line for line in shipped.read_text().splitlines() if line.startswith("| htmx")]
    assert hashlib.sha256(served.content).hexdigest() == row.split("|")[-2].strip()


async def test_an_unknown_page_is_a_page_that_says_so(client: httpx.AsyncClient) -> None:
    missing = await client.get("/no/such/page")
    assert missing.status_code == 404
    assert "<h1>Not found</h1>" in missing.text


async def test_a_multipart_form_is_checked_for_its_token_too(client: httpx.AsyncClient) -> None:
    """A form with a file (multipart) carries its CSRF token as any form does: refused
    without it, taken with it."""
    await make_first_account(client)
    page = await client.get("/account")
    token = page.text.split('name="csrftoken" value="')[1].split('"')[0]
    files = {"notes": ("notes.txt", b"1: A topic\n", "text/plain")}
    refused = await client.post("/sign-out", files=files)
    assert refused.status_code == 403
    taken = await client.post("/sign-out", data={"csrftoken": token}, files=files)
    assert (taken.status_code, taken.headers["location"]) == (303, "/sign-in")


async def test_sign_in_is_refused_for_a_while_after_too_many_failures(
    client: httpx.AsyncClient,
) -> None:
    await make_first_account(client)
    await send_form(client, "/", "/sign-out", {})
    for _ in range(5):
        wrong = await send_form(
            client, "/sign-in", "/sign-in", {"login": "ms.reed", "password": "not it at all"}
        )
        assert wrong.status_code == 400
    held = await send_form(
        client, "/sign-in", "/sign-in", {"login": "ms.reed", "password": PASSWORD}
    )
    assert held.status_code == 429
    assert int(held.headers["retry-after"]) > 0
    assert "Too many failed sign-ins for this login: try again in 15 minutes." in held.text
    assert (await client.get("/")).headers["location"] == "/sign-in"  # not signed in


async def test_a_password_change_ends_every_other_session_and_sign_out_ends_this_one(
    client: httpx.AsyncClient, web_app: FastAPI
) -> None:
    await make_first_account(client)
    transport = httpx.ASGITransport(app=web_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as laptop:
        signed = await send_form(
            laptop, "/sign-in", "/sign-in", {"login": "ms.reed", "password": PASSWORD}
        )
        assert signed.status_code == 303
        assert "Hello, Ms Reed" in (await laptop.get("/")).text
        stolen = dict(laptop.cookies)  # a copy of the laptop's session cookie
        form = {"current": PASSWORD, "password": "a new one here", "again": "a new one here"}
        changed = await send_form(client, "/account", "/account/password", form)
        assert changed.headers["location"] == "/account"
        assert "signed out everywhere else" in (await client.get("/account")).text
        # The laptop's session, begun with the old password, is over.
        assert (await laptop.get("/")).headers["location"] == "/sign-in"
    # This browser's own session began again and goes on.
    assert "Hello, Ms Reed" in (await client.get("/")).text
    copied = dict(client.cookies)  # this browser's cookie, copied before signing out
    await send_form(client, "/", "/sign-out", {})
    assert (await client.get("/")).headers["location"] == "/sign-in"
    # Neither cookie opens anything now: the sessions ended on the server, not only here.
    for cookies in (stolen, copied):
        async with httpx.AsyncClient(
            transport=transport, base_url="http://testserver", cookies=cookies
        ) as replayed:
            assert (await replayed.get("/")).headers["location"] == "/sign-in"
