"""Every response carries the security headers: a page, a redirect, an error, a static file,
the API's JSON, a refused form; and behind HTTPS, Strict-Transport-Security too."""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi import FastAPI

from pastpaper.settings import Settings
from pastpaper.web import create_app
from pastpaper.web.security import CONTENT_SECURITY_POLICY
from web.conftest import NOW, PASSWORD

pytestmark = pytest.mark.anyio


def assert_guarded(response: httpx.Response) -> None:
    headers = response.headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


async def test_every_kind_of_response_carries_the_security_headers(
    client: httpx.AsyncClient,
) -> None:
    responses = [
        await client.get("/setup"),  # a page
        await client.get("/"),  # a redirect
        await client.get("/no/such/page"),  # an error page
        await client.get("/static/pastpaper.css"),  # a file
        await client.get("/api/openapi.json"),  # JSON
        await client.post("/sign-in", data={"login": "x", "password": "y"}),  # no CSRF token
    ]
    assert [r.status_code for r in responses] == [200, 303, 404, 200, 200, 403]
    for response in responses:
        assert_guarded(response)
        assert "strict-transport-security" not in response.headers


async def test_behind_https_browsers_are_told_to_keep_to_it(web_settings: Settings) -> None:
    secure = web_settings.model_copy(update={"secure_cookies": True})
    app: FastAPI = create_app(secure, clock=lambda: NOW)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as visitor:
        page = await visitor.get("/setup")
        token = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
        assert token
        made = await visitor.post(
            "/setup",
            data={
                "csrftoken": token.group(1),
                "login": "ms.reed",
                "display_name": "Ms Reed",
                "password": PASSWORD,
                "again": PASSWORD,
            },
        )
    app.state.core.store.close()
    assert_guarded(page)
    assert page.headers["strict-transport-security"] == "max-age=31536000"
    # Behind HTTPS every cookie the app sets goes over HTTPS only.
    cookies = page.headers.get_list("set-cookie") + made.headers.get_list("set-cookie")
    session = [c for c in cookies if c.startswith("pastpaper_session=")]
    assert session and all("secure" in c.lower() for c in session)
    assert all("secure" in c.lower() for c in cookies if c.startswith("csrftoken="))
