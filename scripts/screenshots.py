"""Screenshots of the web app's pages, at a phone's width and a laptop's, for the README and
for looking over the pages by eye.

    python scripts/screenshots.py                  # every page, into docs/screenshots/
    python scripts/screenshots.py --out /tmp/shots

It makes a new database in a temporary folder with the seed course (../shared/seed, or the
built-in example when the seed is not there), a teacher, a class and a demo student who has
answered one question and reviewed one card; serves the app with uvicorn on 127.0.0.1; and
drives Debian's Chromium through Playwright (launched as the tests launch it) to write
``PAGE-phone.png`` (390x844) and ``PAGE-laptop.png`` (1366x768) for each page: the pages a
visitor sees, then every page the app has for a signed-in student (found from its routes,
so new pages are taken too; a page with an id in its address gets the first one there is).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PASTPAPER_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "khrushchev-modernisation.txt"
CHROMIUM = Path(os.environ.get("PASTPAPER_TEST_CHROMIUM", "/usr/bin/chromium"))
#: As tests/web/conftest.py launches it: nothing that reaches the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SIZES = {"phone": (390, 844), "laptop": (1366, 768)}
PASSWORD = "a demo password"
ANSWER = (
    "Khrushchev wanted to raise living standards, so he moved investment towards consumer "
    "goods and housing. The Virgin Lands scheme of 1954 was meant to grow more grain, and "
    "at first the harvests rose."
)

sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        settings, ids = make_school(Path(folder))
        with served(settings) as address:
            written = shoot(address, ids, args.out)
    for path in written:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def make_school(folder: Path) -> tuple[Any, dict[str, str]]:
    """A new database with the seed course, a teacher, a class, and a student who has
    practised a little; the settings, and the ids that pages with an id in their address
    are shown with."""
    from pastpaper.app import Pastpaper
    from pastpaper.settings import Settings
    from pastpaper.store import Store
    from pastpaper.study.schedule import Rating

    os.environ["XDG_DATA_HOME"] = str(folder / "data")  # answers kept in files go here
    settings = Settings(db=str(folder / "shots.db"), secret_key="screenshots-" * 4)  # type: ignore[arg-type]
    now = datetime.now(UTC)
    with Store.open(settings.db) as store:
        app = Pastpaper(store, None, settings, lambda: now)
        reports = [app.import_file(SEED)] if SEED.is_file() else app.import_examples()
        slug = reports[0].saved.slug
        people = store.people
        people.add_user("ms.reed", "Ms Reed", "admin", password=PASSWORD, now=now)
        school_class = people.add_class("ms.reed", "11B History", now=now)
        people.assign_course(school_class.id, slug)
        people.set_class_exam_date(school_class.id, (now + timedelta(days=150)).date())
        sam = people.add_user("sam", "Sam Okafor", "student", password=PASSWORD, now=now)
        people.enrol("sam", school_class.id, now=now)
        student = app.acting_for(sam)
        question = next(q for q in student.questions(course=slug) if q.marks)
        done = student.practise(question.id, ANSWER, started=now, seconds=question.marks * 60)
        card = student.review_cards(limit=1)[0]
        student.rate(card, Rating.Good)
        # The teacher's side: notes uploaded and waiting to be saved, a class's CSV marked,
        # a few more answers to moderate, one moderated.
        teacher = app.acting_for(people.user("ms.reed"))
        waiting = teacher.upload_notes(SEED.name, SEED.read_bytes()) if SEED.is_file() else None
        for n, (login, name) in enumerate([("ada", "Ada Byrne"), ("ben", "Ben Cho")]):
            people.add_user(login, name, "student", password=PASSWORD, now=now)
            people.enrol(login, school_class.id, now=now)
            written = ANSWER.split(". ")[n].rstrip(".") + "."
            app.acting_for(people.user(login)).practise(
                question.id, written, started=now, seconds=question.marks * 60
            )
        teacher.moderate_answers(
            school_class.id,
            question.id,
            [done.attempt_id],
            mark=question.marks - 1,
            reason="names the Virgin Lands and its first harvests",
        )
        sheet = io.StringIO()
        writer = csv.writer(sheet)
        writer.writerow(["student", "question", "answer"])
        for n, sentence in enumerate(ANSWER.split(". ")):
            writer.writerow([f"S{n}", question.id, sentence])
        job = teacher.start_csv_job(sheet.getvalue().encode(), "11B-mock-exam.csv")
        app.run_job(job.id)
        ids = {
            "question_id": str(question.id),
            "attempt_id": str(done.attempt_id),
            "card_id": card.id,
            "slug": slug,
            "course": slug,
            "code": school_class.join_code,
            "class_id": str(school_class.id),
            "job_id": str(job.id),
        }
        if waiting is not None:
            ids["token"] = waiting.token
    return settings, ids


@contextmanager
def served(settings: Any) -> Iterator[str]:
    """The app served by uvicorn on a free port of 127.0.0.1; its address."""
    import uvicorn

    from pastpaper.web import create_app

    app = create_app(settings)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise SystemExit("uvicorn did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


#: The pages for teachers (and admins), shot signed in as the teacher: those beginning so,
#: and those of one question ending so (its mark scheme).
TEACHING = ("/classes", "/notes", "/jobs")
TEACHING_ENDINGS = ("/scheme",)


def for_teachers(path: str) -> bool:
    """Whether the page is one for teachers."""
    return path.startswith(TEACHING) or path.endswith(TEACHING_ENDINGS)


def student_pages(ids: dict[str, str]) -> list[tuple[str, str]]:
    """Every page a signed-in user opens: (name, path), from the app's routes."""
    from pastpaper.settings import Settings
    from pastpaper.web import create_app

    skip = ("/setup", "/sign-in", "/sign-up", "/sign-out")
    pages = []
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(Settings(db=str(Path(folder) / "routes.db"), secret_key="r" * 40))  # type: ignore[arg-type]
        spec = app.openapi()  # every route but those kept out of it, as /api/docs is
        app.state.core.store.close()
    paths = [path for path, methods in spec["paths"].items() if "get" in methods]
    for path in [*paths, "/api/docs"]:
        if path in skip or (path.startswith("/api/") and path != "/api/docs"):
            continue
        if path.endswith((".apkg", ".csv", ".yaml")) or path.endswith("/progress"):
            continue  # a download or a fragment, not a page
        needed = re.findall(r"\{(\w+)\}", path)
        if any(name not in ids for name in needed):
            continue
        filled = path.format(**{name: ids[name] for name in needed})
        name = path.strip("/").replace("/", "-").replace("{", "").replace("}", "") or "home"
        pages.append((name, filled))
    return pages


def shoot(address: str, ids: dict[str, str], out: Path) -> list[Path]:
    """Every page at both sizes, in Debian's Chromium; the files written."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.is_file():
        raise SystemExit(f"Chromium is not at {CHROMIUM} (apt-get install chromium)")
    written = []
    pages = student_pages(ids)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for size, (width, height) in SIZES.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            for name, path in [
                ("sign-in", "/sign-in"),
                ("sign-up", f"/sign-up?code={ids['code']}"),
            ]:
                written.append(snap(page, address + path, out / f"{name}-{size}.png"))
            # A teacher's pages as the teacher sees them, the rest as the student.
            for login, shown in (
                ("sam", [p for p in pages if not for_teachers(p[1])]),
                ("ms.reed", [p for p in pages if for_teachers(p[1])]),
            ):
                context.clear_cookies()
                page.goto(address + "/sign-in")
                page.get_by_label("Login name").fill(login)
                page.get_by_label("Password").fill(PASSWORD)
                page.keyboard.press("Enter")
                page.wait_for_url(address + "/")
                for name, path in shown:
                    written.append(snap(page, address + path, out / f"{name}-{size}.png"))
            context.close()
        browser.close()
    return written


def snap(page: Any, url: str, target: Path) -> Path:
    """A screenshot of the whole page at ``url``."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(target), full_page=True)
    return target


if __name__ == "__main__":
    main()
