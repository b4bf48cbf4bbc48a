"""The PostgreSQL server stopped under a running web app, then started again: meanwhile
every request gets a clear 503 page saying nothing was done, an answer submitted is kept in
a file (not lost) and no attempt is half-written; afterwards the app works again without a
restart. Needs a PostgreSQL server this test may stop (CI's: root and pg_ctlcluster)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from conftest import POSTGRES, new_database
from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.web import create_app
from web.conftest import NOW, PASSWORD, send_form

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.skipif(
        not POSTGRES or shutil.which("pg_ctlcluster") is None or os.geteuid() != 0,
        reason="needs a local PostgreSQL server it may stop (set PASTPAPER_TEST_POSTGRES; CI)",
    ),
]


def ready() -> bool:
    return subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0


def cluster(action: str) -> None:
    """Stop the local PostgreSQL server, or start it (if it is not running) and wait for it."""
    if action == "start" and ready():
        return
    versions = sorted(
        os.listdir("/usr/lib/postgresql"), key=lambda v: [int(p) for p in v.split(".")]
    )
    fast = ["-m", "fast"] if action == "stop" else []
    subprocess.run(["pg_ctlcluster", versions[-1], "main", action, *fast], check=True)
    if action == "start":
        for _ in range(60):
            if ready():
                return
            time.sleep(0.5)
        raise AssertionError("PostgreSQL did not come back")


@pytest.fixture
async def school(
    tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[httpx.AsyncClient, Pastpaper, int]]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with new_database("postgresql", tmp_path) as url:
        app = create_app(Settings(db=url, secret_key="d" * 40), clock=lambda: NOW)  # type: ignore[arg-type]
        core: Pastpaper = app.state.core
        slug = core.import_file(seed_path).saved.slug
        people = core.store.people
        people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=NOW)
        people.add_user("sam", "Sam Okafor", "student", password=PASSWORD, now=NOW)
        group = people.add_class("ms.reed", "11B", now=NOW)
        people.enrol("sam", group.id, now=NOW)
        people.assign_course(group.id, slug)
        question = next(q.id for q in core.questions() if q.marks)
        transport = httpx.ASGITransport(app=app)
        try:
            async with httpx.AsyncClient(
                transport=transport, base_url="http://testserver"
            ) as client:
                yield client, core, question
        finally:
            cluster("start")  # whatever happened, the server is left running
            core.store.close()


async def test_a_database_that_stops_gives_503_and_loses_nothing(
    school: tuple[httpx.AsyncClient, Pastpaper, int],
) -> None:
    client, core, question = school
    signed = await send_form(client, "/sign-in", "/sign-in", {"login": "sam", "password": PASSWORD})
    assert signed.status_code == 303
    path = f"/questions/{question}/practise"
    page = await client.get(path)
    assert page.status_code == 200
    form = {
        "csrftoken": re.search(r'name="csrftoken" value="([^"]+)"', page.text).group(1),  # type: ignore[union-attr]
        "submission": re.search(r'name="submission" value="([^"]+)"', page.text).group(1),  # type: ignore[union-attr]
        "answer": "He released prisoners from the Gulag in the thaw.",
        "started": "",
    }
    cluster("stop")
    down = await client.get("/courses")
    assert down.status_code == 503
    assert "not answering just now" in down.text
    assert down.headers["retry-after"] == "5"
    sent = await client.post(path, data=form)
    assert sent.status_code == 503
    assert "not answering just now" in sent.text
    assert form["answer"] in sent.text  # given back whole, to send again
    cluster("start")
    for _ in range(20):  # the pool finds its connections gone and makes new ones
        back = await client.get("/courses")
        if back.status_code == 200:
            break
    assert back.status_code == 200
    sam = core.store.people.user("sam")
    assert core.store.memory.attempts(sam.id) == []  # nothing half-written
    again = await client.post(path, data=form)
    assert again.status_code == 303
    [attempt] = core.store.memory.attempts(sam.id)
    assert attempt.answer == form["answer"] and attempt.mark is not None
