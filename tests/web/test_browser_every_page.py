"""Every page of the web app in a real Chromium, checked by axe-core: the routes are read from
the app's OpenAPI description, so a page added later is checked the day it is added. A page
Sam (a student) is refused (403: a page for teachers) is checked again as his teacher."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.store import Store
from pastpaper.web import create_app
from web.conftest import NOW, PASSWORD
from web.test_browser import accessibility_problems

if TYPE_CHECKING:
    from playwright.sync_api import Page

ANSWER = (
    "Khrushchev wanted to make Soviet farming produce more food, so he ploughed the Virgin "
    "Lands of Kazakhstan, and he denounced Stalin in the Secret Speech of 1956."
)


def pages(settings: Settings, seed_path: Path) -> list[str]:
    """The pages a person opens (GET, not the JSON API), with Sam's own things in them."""
    store = Store.open(settings.db)
    try:
        core = Pastpaper(store, None, settings, lambda: NOW)
        people = store.people
        people.add_user("ms.reed", "Ms Reed", "teacher", password=PASSWORD, now=NOW)
        sam = people.add_user("sam", "Sam Okafor", "student", password=PASSWORD, now=NOW)
        slug = core.import_file(seed_path).saved.slug
        group = people.add_class("ms.reed", "11B", now=NOW)
        people.enrol("sam", group.id, now=NOW)
        people.assign_course(group.id, slug)
        as_sam = core.acting_for(sam)
        question = as_sam.questions(course=slug)[0].id
        attempt = as_sam.practise(question, ANSWER, started=NOW, seconds=600).attempt_id
        waiting = core.acting_for(people.user("ms.reed")).upload_notes(
            seed_path.name, seed_path.read_bytes()
        )
        as_reed = core.acting_for(people.user("ms.reed"))
        rows = f"student,question,answer\nsam,{question},{ANSWER}\nada,{question},\n"
        job = as_reed.start_csv_job(rows.encode(), "11B.csv").id
        core.run_job(job)
        values = {
            "token": waiting.token,
            "slug": slug,
            "question_id": question,
            "attempt_id": attempt,
            "class_id": group.id,
            "job_id": job,
        }
        app = create_app(settings, clock=lambda: NOW)
        paths = [
            path
            for path, operations in app.openapi()["paths"].items()
            if "get" in operations and not path.startswith("/api/")
        ]
        app.state.core.store.close()
    finally:
        store.close()
    return [re.sub(r"\{(\w+)\}", lambda m: str(values[m.group(1)]), p) for p in paths]


def job_id(paths: list[str]) -> str:
    """The job whose page is among the paths."""
    return next(m.group(1) for p in paths if (m := re.fullmatch(r"/jobs/(\d+)", p)))


def sign_in(page: Page, served: str, login: str, name: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{served}/sign-in")
    page.get_by_label("Login name").fill(login)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name=f"Hello, {name}").wait_for()


def test_axe_finds_nothing_on_any_page(
    page: Page, served: str, web_settings: Settings, seed_path: Path
) -> None:
    shown = pages(web_settings, seed_path)
    sign_in(page, served, "sam", "Sam Okafor")
    problems = {}
    for_teachers = []
    for path in shown:
        if path.endswith((".apkg", ".yaml", ".csv")) or path in ("/setup", "/sign-in", "/sign-up"):
            continue  # a download; the pages for strangers are checked signed out elsewhere
        response = page.goto(f"{served}{path}")
        assert response is not None
        if response.status == 403:
            for_teachers.append(path)
        found = accessibility_problems(page)  # the page, or the page saying it is not his
        if found:
            problems[path] = found
    sign_in(page, served, "ms.reed", "Ms Reed")
    for path in for_teachers:
        response = page.goto(f"{served}{path}")
        assert response is not None and response.status == 200, path
        found = accessibility_problems(page)
        if found:
            problems[f"{path} (teacher)"] = found
    assert len(shown) >= 12
    assert "/classes" in for_teachers
    assert "/notes" in for_teachers
    assert any(path.startswith("/notes/uploads/") for path in for_teachers)
    assert f"/jobs/{job_id(shown)}" in for_teachers
    assert problems == {}
