"""Fixtures for the web app: the app in-process through httpx's ASGI transport, and the app
served by uvicorn on this machine for a real Chromium (Debian's, driven by Playwright).

The browser tests need Debian's Chromium (``apt-get install chromium``; ``.ci/run`` installs
it). Where it is missing they are skipped, except in CI (``CI`` set), where that fails.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from pastpaper.settings import Settings
from pastpaper.web import create_app

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = Path(os.environ.get("PASTPAPER_TEST_CHROMIUM", "/usr/bin/chromium"))
#: How Chromium is started on these machines: no sandbox (root in a container), no GPU, and
#: nothing that would reach the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: The time the app's clock gives in the tests: a school day, in term.
NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
PASSWORD = "correct horse battery"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that drive Chromium after the in-process ones: Playwright's sync API
    keeps an event loop running in the session's thread while its browser is open, and
    anyio's tests cannot start theirs beside it."""
    in_browser = [item for item in items if "browser" in getattr(item, "fixturenames", ())]
    others = [item for item in items if item not in in_browser]
    items[:] = others + in_browser


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def web_settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "web.db"), secret_key="k" * 40)  # type: ignore[arg-type]


@pytest.fixture
def web_app(web_settings: Settings) -> Iterator[FastAPI]:
    app = create_app(web_settings, clock=lambda: NOW)
    yield app
    app.state.core.store.close()


@pytest.fixture
async def client(web_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=web_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as visitor:
        yield visitor


async def send_form(
    client: httpx.AsyncClient, page: str, action: str, data: dict[str, Any]
) -> httpx.Response:
    """Open ``page`` and send its form to ``action`` with ``data``, as a browser would: with
    the CSRF token the page put in the form."""
    shown = await client.get(page)
    assert shown.status_code == 200, shown.text
    token = re.search(r'name="csrftoken" value="([^"]+)"', shown.text)
    assert token, f"{page} has no form with a CSRF token"
    return await client.post(action, data={"csrftoken": token.group(1), **data})


# -- a real browser ----------------------------------------------------------------------


# One browser a module, not a session: Playwright's sync API keeps an event loop running in
# this thread while it is open, and the in-process tests (anyio) of a module collected after
# a browser test's would fail to start theirs.
async def sign_in(client: httpx.AsyncClient, login: str) -> None:
    """Sign ``client`` in as ``login`` (whose password is PASSWORD), as a browser would,
    after forgetting whoever it was before."""
    client.cookies.clear()
    signed = await send_form(client, "/sign-in", "/sign-in", {"login": login, "password": PASSWORD})
    assert signed.status_code == 303, signed.text


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is not at {CHROMIUM}: apt-get install chromium")
        pytest.skip(f"Chromium is not at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def served(web_settings: Settings) -> Iterator[str]:
    """The web app served by uvicorn on a free port of 127.0.0.1; its address."""
    app = create_app(web_settings, clock=lambda: NOW)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in a fresh browser context; a test fails if the page broke the site's
    Content-Security-Policy (an inline script, a style or script from elsewhere)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    opened = context.new_page()
    refused: list[str] = []
    opened.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield opened
    context.close()
    assert refused == [], f"the page broke its Content-Security-Policy: {refused}"
