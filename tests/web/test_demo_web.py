"""``pastpaper demo --web``: the example imported, a demo teacher, class and student made
with printed passwords, and the web app served, where the student can sign in and sees the
example course. The layer's part (``demo_school``) is tested on its own too."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from pastpaper.app import Pastpaper
from pastpaper.errors import PeopleError
from pastpaper.settings import Settings
from pastpaper.store import Store

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def test_the_demo_school_is_made_once_with_new_passwords_each_time(tmp_path: Path) -> None:
    with Store.open(tmp_path / "bank.db") as store:
        app = Pastpaper(store, None, Settings(), lambda: NOW)
        [slug] = [r.saved.slug for r in app.import_examples()]
        first = app.demo_school([slug])
        assert (first.student, first.teacher, first.courses) == ("student", "teacher", (slug,))
        people = store.people
        assert people.verify_password("student", first.student_password)
        assert people.verify_password("teacher", first.teacher_password)
        again = app.demo_school([slug])
        assert again.join_code == first.join_code  # the same class
        assert again.student_password != first.student_password
        assert people.verify_password("student", again.student_password)
        assert not people.verify_password("student", first.student_password)
        [school_class] = people.classes("teacher")
        assert school_class.students == ("student",) and school_class.courses == (slug,)
        student = app.acting_for(people.user("student"))
        assert [c.slug for c in student.courses()] == [slug]


def test_the_demo_leaves_an_account_of_another_role_alone(tmp_path: Path) -> None:
    with Store.open(tmp_path / "bank.db") as store:
        app = Pastpaper(store, None, Settings(), lambda: NOW)
        store.people.add_user("student", "Someone", "admin", password="a long secret", now=NOW)
        with pytest.raises(PeopleError, match="leaves them alone"):
            app.demo_school([])
        assert store.people.verify_password("student", "a long secret")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_demo_web_serves_the_example_to_the_demo_student(tmp_path: Path) -> None:
    port = free_port()
    db = tmp_path / "demo.db"
    env = {**os.environ, "PASTPAPER_SECRET_KEY": "s" * 40, "XDG_DATA_HOME": str(tmp_path)}
    log = tmp_path / "demo.log"
    with log.open("w") as sink:
        served = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pastpaper",
                "--db",
                str(db),
                "demo",
                "--web",
                "--port",
                str(port),
            ],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        deadline = time.monotonic() + 120
        while "pastpaper serves" not in log.read_text():
            assert served.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        printed = log.read_text()
        password = re.search(r"student: login student, password (\S+)", printed)
        assert password, printed
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base) as browser:
            for _ in range(100):
                try:
                    page = browser.get("/sign-in")
                    break
                except httpx.ConnectError:
                    time.sleep(0.1)
            token = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
            assert token
            signed = browser.post(
                "/sign-in",
                data={
                    "csrftoken": token.group(1),
                    "login": "student",
                    "password": password.group(1),
                },
            )
            assert signed.status_code == 303
            courses = browser.get("/api/courses").json()
            assert [c["slug"] for c in courses] == ["khrushchev-and-the-reform-of-the-soviet-union"]
    finally:
        served.terminate()
        served.wait(timeout=20)
