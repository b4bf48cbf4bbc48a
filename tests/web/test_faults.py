"""A server killed (SIGKILL) while answers are being submitted: every answer the server
acknowledged is there after a restart, once, with its mark; an answer it never acknowledged
is there once or not at all; a draft saved before survives; and an answer kept but not yet
marked when the server died is marked after the restart."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.store import Store
from web.conftest import PASSWORD
from web.test_demo_web import free_port

SUBMISSIONS = 16


def prepare(db: Path, seed_path: Path) -> tuple[int, int]:
    """The seed given to Sam's class; the ids of the question Sam answers and of one he
    has a draft of."""
    with Store.open(db) as store:
        app = Pastpaper(store, None, Settings(db=str(db)), lambda: datetime.now(UTC))
        slug = app.import_file(seed_path).saved.slug
        people, now = store.people, app.now()
        people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=now)
        people.add_user("sam", "Sam Okafor", "student", password=PASSWORD, now=now)
        group = people.add_class("ms.reed", "11B", now=now)
        people.enrol("sam", group.id, now=now)
        people.assign_course(group.id, slug)
        marked = [q.id for q in app.questions(course=slug) if q.marks]
        return marked[0], marked[1]


def start(db: Path, port: int, log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    with log.open("a") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "pastpaper", "--db", str(db), "serve", "--port", str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
    deadline = time.monotonic() + 60
    while True:
        assert server.poll() is None, log.read_text()
        try:
            httpx.get(f"http://127.0.0.1:{port}/sign-in", timeout=2)
            return server
        except httpx.TransportError:
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)


def field(page: httpx.Response, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', page.text)
    assert found, page.text[:500]
    return found.group(1)


def answer(n: int) -> str:
    return f"Answer {n}: Khrushchev denounced Stalin in the Secret Speech to secure his position."


def test_what_a_killed_server_acknowledged_is_there_after_a_restart(
    tmp_path: Path, seed_path: Path
) -> None:
    db, log, port = tmp_path / "school.db", tmp_path / "serve.log", free_port()
    env = {**os.environ, "PASTPAPER_SECRET_KEY": "f" * 40, "XDG_DATA_HOME": str(tmp_path)}
    question, drafted = prepare(db, seed_path)
    base = f"http://127.0.0.1:{port}"
    server = start(db, port, log, env)
    acknowledged: dict[int, int] = {}  # answer number -> attempt id
    try:
        with httpx.Client(base_url=base, timeout=60) as browser:
            page = browser.get("/sign-in")
            signed = browser.post(
                "/sign-in",
                data={"csrftoken": field(page, "csrftoken"), "login": "sam", "password": PASSWORD},
            )
            assert signed.status_code == 303
            path = f"/questions/{question}/practise"
            draft = browser.post(
                f"/questions/{drafted}/draft",
                data={"csrftoken": field(browser.get(path), "csrftoken"), "answer": "My draft"},
            )
            assert draft.status_code == 303  # acknowledged: the draft is kept
            forms = []
            for n in range(SUBMISSIONS):
                page = browser.get(path)
                forms.append(
                    {
                        "csrftoken": field(page, "csrftoken"),
                        "submission": field(page, "submission"),
                        "answer": answer(n),
                        "started": "",
                    }
                )
            cookies = dict(browser.cookies)

        def send(n: int) -> None:
            with httpx.Client(base_url=base, cookies=cookies, timeout=60) as tab:
                try:
                    sent = tab.post(path, data=forms[n])
                except httpx.TransportError:
                    return  # the server died first: not acknowledged
                if sent.status_code == 303:
                    acknowledged[n] = int(sent.headers["location"].rsplit("/", 1)[1])

        sending = [threading.Thread(target=send, args=(n,)) for n in range(SUBMISSIONS)]
        for thread in sending:
            thread.start()
        deadline = time.monotonic() + 60
        while not acknowledged and time.monotonic() < deadline:
            time.sleep(0.01)
        assert acknowledged, log.read_text()
        server.send_signal(signal.SIGKILL)  # mid-flight: others are being kept and marked
        server.wait(timeout=10)
        for thread in sending:
            thread.join(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
    assert len(acknowledged) < SUBMISSIONS, "the server finished before it was killed"

    # An answer kept but not marked when the server died (as one caught between the two).
    with Store.open(db) as store:
        sam = store.people.user("sam")
        info = store.question(question).question
        now = datetime.now(UTC)
        waiting = store.memory.start_attempt(
            sam.id,
            question_id=question,
            course=info.course,
            topic=info.topic,
            question=info.text,
            answer="Kept before the crash: he released prisoners from the Gulag.",
            started_at=now,
            submitted_at=now,
            seconds_allowed=600,
        )
    server = start(db, port, log, env)
    try:
        deadline = time.monotonic() + 120
        while True:
            with Store.open(db) as store:
                attempts = store.memory.attempts(store.people.user("sam").id)
                draft_kept = store.drafts.get(store.people.user("sam").id, drafted)
            if all(a.mark is not None for a in attempts):
                break
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=20)
    by_answer: dict[str, list[int]] = {}
    for attempt in attempts:
        by_answer.setdefault(attempt.answer, []).append(attempt.id)
    assert all(len(ids) == 1 for ids in by_answer.values())  # nothing twice
    for n, attempt_id in acknowledged.items():
        assert by_answer[answer(n)] == [attempt_id]  # every acknowledged answer is there
    assert set(by_answer) <= {answer(n) for n in range(SUBMISSIONS)} | {
        "Kept before the crash: he released prisoners from the Gulag."
    }
    assert waiting in [a.id for a in attempts]
    assert all(a.mark is not None and a.marking for a in attempts)  # every one marked
    assert draft_kept is not None and draft_kept.answer == "My draft"
