"""Personal API tokens in the web app: the page that makes (shows once), lists and revokes
them, in-process and in a real Chromium with axe-core's checks; and the API's page there."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import httpx
import pytest
from fastapi import FastAPI

from web.conftest import NOW, PASSWORD, send_form

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from pastpaper.settings import Settings


async def student(client: httpx.AsyncClient, web_app: FastAPI, login: str) -> None:
    """``login``, a student with a password, signed in in ``client``."""
    people = web_app.state.core.store.people
    people.add_user(login, login.title(), "student", password=PASSWORD, now=NOW)
    client.cookies.clear()
    await send_form(client, "/sign-in", "/sign-in", {"login": login, "password": PASSWORD})


@pytest.mark.anyio
async def test_a_token_is_made_shown_once_used_and_revoked(
    client: httpx.AsyncClient, web_app: FastAPI
) -> None:
    await student(client, web_app, "sam")
    made = await send_form(client, "/account/tokens", "/account/tokens", {"name": "my script"})
    assert made.status_code == 200
    token = re.search(r'value="(pp_[^"]+)"', made.text)
    assert token, made.text
    bearer = {"Authorization": f"Bearer {token.group(1)}"}
    listed = await client.get("/account/tokens")
    assert "my script" in listed.text and token.group(1) not in listed.text
    assert "never" in listed.text  # not used yet
    assert (await client.get("/api/me", headers=bearer)).json()["login"] == "sam"
    # Only the API: a token cannot open the pages, nor make another token.
    client.cookies.clear()
    for path in ("/account", "/account/tokens"):
        assert (await client.get(path, headers=bearer)).status_code == 401
    more = await client.post("/account/tokens", data={"name": "more"}, headers=bearer)
    assert more.status_code == 401
    await send_form(client, "/sign-in", "/sign-in", {"login": "sam", "password": PASSWORD})
    [row] = web_app.state.core.acting_for(web_app.state.core.store.people.user("sam")).tokens()
    revoked = await send_form(client, "/account/tokens", f"/account/tokens/{row.id}/revoke", {})
    assert revoked.status_code == 303
    after = await client.get("/account/tokens")
    assert "The token is revoked" in after.text and "my script" not in after.text
    assert (await client.get("/api/me", headers=bearer)).status_code == 401


@pytest.mark.anyio
async def test_tokens_are_their_owners_alone(client: httpx.AsyncClient, web_app: FastAPI) -> None:
    core = web_app.state.core
    await student(client, web_app, "ana")
    await send_form(client, "/account/tokens", "/account/tokens", {"name": "ana's phone"})
    [anas] = core.acting_for(core.store.people.user("ana")).tokens()
    await student(client, web_app, "sam")
    page = await client.get("/account/tokens")
    assert "ana's phone" not in page.text and "You have no tokens." in page.text
    refused = await send_form(client, "/account/tokens", f"/account/tokens/{anas.id}/revoke", {})
    assert refused.status_code == 404
    assert core.acting_for(core.store.people.user("ana")).tokens() == [anas]


@pytest.mark.anyio
async def test_the_token_forms_need_a_name_a_user_and_the_csrf_token(
    client: httpx.AsyncClient, web_app: FastAPI
) -> None:
    assert (await client.get("/account/tokens")).headers["location"].startswith("/sign-in")
    await student(client, web_app, "sam")
    unnamed = await send_form(client, "/account/tokens", "/account/tokens", {"name": "  "})
    assert unnamed.status_code == 400 and "give the token a name" in unnamed.text
    forged = await client.post("/account/tokens", data={"name": "forged"})
    assert forged.status_code == 403
    assert web_app.state.core.acting_for(web_app.state.core.store.people.user("sam")).tokens() == []


def test_the_tokens_page_and_the_api_page_in_a_browser(
    page: Page, served: str, web_settings: Settings
) -> None:
    from pastpaper.store import Store
    from web.test_browser import accessibility_problems

    store = Store.open(web_settings.db)
    store.people.add_user("sam", "Sam Okafor", "student", password=PASSWORD, now=NOW)
    store.close()
    outside: list[str] = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith(served) else None,
    )
    page.goto(f"{served}/sign-in?next=/account/tokens")
    page.get_by_label("Login name").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="API tokens").wait_for()
    assert accessibility_problems(page) == []
    page.get_by_label("Name").fill("revision script")
    page.get_by_role("button", name="Make a token").click()
    page.get_by_role("heading", name="Your new token").wait_for()
    assert page.get_by_role("textbox", name="Token").input_value().startswith("pp_")
    assert accessibility_problems(page) == []
    page.get_by_role("button", name="Revoke revision script").click()
    page.get_by_text("The token is revoked").wait_for()
    page.goto(f"{served}/api/docs")
    page.get_by_role("heading", name="The JSON API").wait_for()
    assert accessibility_problems(page) == []
    assert outside == []
