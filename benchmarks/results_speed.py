"""Benchmark: a class's results page, warm, for a class of 30 students with 50 marked
attempts each (the built-in example course: 9 questions in 2 topics), some moderated, and
20 reviewed cards each, on a fresh SQLite file.

Prints the median (p50) and 95th percentile (p95) over ``--runs`` of: the application
layer's ``class_results`` alone; the whole page (GET /classes/{id}/results, signed in as the
teacher, through the app in-process: routing, the layer, the SVG charts and the template,
no network); the CSV download; and how many SELECTs one page makes. Each is opened once
before timing. The attempts are written straight into the table (their markings shaped as
the marker's: credited spans and missed points), as the setting up is not what is measured.

    python benchmarks/results_speed.py [--students 30] [--attempts 50] [--runs 30]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import event, insert

from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.store import Store
from pastpaper.store.tables import ATTEMPTS
from pastpaper.study.practice import rate_card
from pastpaper.study.schedule import Plan, Rating
from pastpaper.web import create_app

PASSWORD = "benchmark password"
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def marking(mark: int, max_marks: int, n: int) -> str:
    """A Marking as the marker writes it: four points credited with their spans, four missed."""
    credited = [
        {
            "point_id": f"p{i}",
            "point_text": f"Khrushchev's point number {i}, as the notes put it at some length.",
            "span": {"start": 40 * i, "end": 40 * i + 35, "text": "a stretch of the answer " * 2},
            "similarity": 0.81,
            "developed": i % 2 == 0,
        }
        for i in range(4)
    ]
    missed = [
        {
            "point_id": f"m{(n + i) % 7}",
            "point_text": f"A point the answer did not make, number {(n + i) % 7}.",
            "source": "The sentence of the notes the point comes from, as written there.",
        }
        for i in range(4)
    ]
    return json.dumps(
        {
            "mark": mark,
            "max_marks": max_marks,
            "credited": credited,
            "missed": missed,
            "inaccuracies": [],
            "warnings": [],
            "marker_version": "benchmark",
        }
    )


def prepare(db: Path, students: int, attempts: int) -> int:
    """The class and what its students did; the class's id."""
    store = Store.open(db)
    try:
        core = Pastpaper(store, None, Settings(db=str(db)), lambda: NOW)
        slug = core.import_examples()[0].saved.slug
        questions = store.questions(course=slug)
        people = store.people
        people.add_user("teacher", "Teacher", "teacher", password=PASSWORD, now=NOW)
        group = people.add_class("teacher", "Benchmark class", now=NOW)
        people.assign_course(group.id, slug)
        rows = []
        for s in range(students):
            user = people.add_user(f"s{s:02}", f"Student {s}", "student", now=NOW)
            people.enrol(user.login, group.id, now=NOW)
            for a in range(attempts):
                question = questions[(s + a) % len(questions)]
                top = question.marks or 10
                when = NOW - timedelta(days=120) + timedelta(hours=57 * a + s)
                mark = (s * 7 + a * 3) % (top + 1)
                rows.append(
                    {
                        "user_id": user.id,
                        "question_id": question.id,
                        "course": question.course,
                        "topic": question.topic,
                        "question": question.text,
                        "answer": "An answer of a few hundred words. " * 40,
                        "started_at": when - timedelta(minutes=20),
                        "submitted_at": when,
                        "seconds_allowed": 600,
                        "mark": mark,
                        "max_marks": top,
                        "marking": marking(mark, top, s + a),
                    }
                )
            cards = store.memory.cards(user.id)[:20]
            for n, card in enumerate(cards):
                rate_card(store, user.id, card, Rating.Good, Plan(), NOW - timedelta(days=n))
        with store.engine.begin() as conn:
            conn.execute(insert(ATTEMPTS), rows)
        moderated = [a.attempt_id for a in store.answers.for_question(questions[1].id)][::3]
        teacher = people.user("teacher").id
        store.answers.moderate(moderated, mark=5, reason="fair", moderator_id=teacher, now=NOW)
        return group.id
    finally:
        store.close()


def timings(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm
    took = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        took.append(time.perf_counter() - began)
    return took


def report(name: str, took: list[float]) -> None:
    p50 = statistics.median(took) * 1000
    p95 = statistics.quantiles(took, n=20)[-1] * 1000
    print(f"{name:<34} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   ({len(took)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--attempts", type=int, default=50)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "results.db"
        began = time.perf_counter()
        class_id = prepare(db, args.students, args.attempts)
        print(
            f"{args.students} students x {args.attempts} attempts made in "
            f"{time.perf_counter() - began:.1f} s"
        )
        settings = Settings(db=str(db))
        app = create_app(settings, clock=lambda: NOW)
        with TestClient(app) as client:
            form = client.get("/sign-in")
            found = re.search(r'name="csrftoken" value="([^"]+)"', form.text)
            assert found
            signed = client.post(
                "/sign-in",
                data={"csrftoken": found.group(1), "login": "teacher", "password": PASSWORD},
                follow_redirects=False,
            )
            assert signed.status_code == 303, signed.text
            core = app.state.core.acting_for(app.state.core.store.people.user("teacher"))
            report("layer: class_results", timings(lambda: core.class_results(class_id), args.runs))
            url = f"/classes/{class_id}/results"

            def page() -> None:
                assert client.get(url).status_code == 200

            def download() -> None:
                assert client.get(f"{url}.csv").status_code == 200

            report("page: GET /classes/{id}/results", timings(page, args.runs))
            report("CSV: GET /classes/{id}/results.csv", timings(download, args.runs))
            selects: list[str] = []

            def note(*said: object) -> None:
                if str(said[2]).startswith("SELECT"):
                    selects.append(str(said[2]))

            event.listen(core.store.engine, "before_cursor_execute", note)
            page()
            event.remove(core.store.engine, "before_cursor_execute", note)
            print(f"SELECTs for one page: {len(selects)}")


if __name__ == "__main__":
    main()
