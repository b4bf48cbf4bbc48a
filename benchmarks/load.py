"""Load: a year group on one server. Simulates students (default 50) for some minutes
(default 5) against a real ``pastpaper serve`` on 127.0.0.1 over a fresh database (SQLite,
or the PostgreSQL database ``--db`` names, which must hold no courses yet), with
``--workers`` uvicorn workers. Each student signs in, then, with a pause of 1 to 4 seconds
between steps as a person reading takes, reviews a card, saves a draft, or submits an answer
to a seed question and reads its feedback. Teachers (default 2) open their classes' pages
and the mark book pages meanwhile.

Every request is bounded (a 60 s timeout); nothing leaves this machine. At the end it prints
requests a second, p50/p95/p99 per route and every error, then stops the server and checks
the store: every submission that got its redirect is there exactly once, with its mark; every
review that was acknowledged is there once; every student's last acknowledged draft is the
draft the store holds. It exits 1 if a check fails.

    python benchmarks/load.py [--students 50] [--teachers 2] [--minutes 5] [--workers 1]
                              [--db postgresql://user:pass@127.0.0.1/empty_db]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.store import Store
from schemes_speed import SEED
from web_speed import SENTENCES, free_port, serve

PASSWORD = "load test password"
TIMEOUT = 60.0


@dataclass
class Tally:
    """What the run saw: request times by route, errors, and what the server acknowledged."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    submitted: dict[str, tuple[str, int]] = field(default_factory=dict)  # answer: (login, id)
    reviews: Counter[str] = field(default_factory=Counter)  # login: reviews acknowledged
    drafts: dict[str, str] = field(default_factory=dict)  # login: last draft acknowledged
    feedback: list[float] = field(default_factory=list)  # submit to feedback, seconds


@dataclass(frozen=True)
class School:
    slug: str
    answered: int  # the question students submit answers to
    drafted: int  # the question they keep drafts of (never submitted, so never cleared)
    classes: list[int]


def prepare(db: str, students: int, teachers: int) -> School:
    """The seed course given to ``teachers`` classes that share ``students`` students."""
    store = Store.open(db)
    try:
        if store.courses():
            raise SystemExit(f"{db} already holds courses: give an empty database")
        core = Pastpaper(store, None, Settings(db=db), lambda: datetime.now(UTC))
        slug = core.import_file(SEED).saved.slug
        marked = [q.id for q in core.questions(course=slug) if q.marks]
        people, now = store.people, core.now()
        classes = []
        for t in range(teachers):
            people.add_user(f"teacher{t}", f"Teacher {t}", "teacher", password=PASSWORD, now=now)
            group = people.add_class(f"teacher{t}", f"Class {t}", now=now)
            people.assign_course(group.id, slug)
            classes.append(group.id)
        for s in range(students):
            people.add_user(f"student{s}", f"Student {s}", "student", password=PASSWORD, now=now)
            people.enrol(f"student{s}", classes[s % len(classes)], now=now)
        return School(slug, marked[0], marked[1], classes)
    finally:
        store.close()


def field_of(page: httpx.Response, name: str) -> str:
    found = re.search(rf'name="{name}" value="([^"]+)"', page.text)
    if not found:
        raise LookupError(f"no {name} on {page.url}")
    return found.group(1)


async def timed(
    tally: Tally, client: httpx.AsyncClient, route: str, method: str, path: str, **sent: object
) -> httpx.Response | None:
    """One request, timed under ``route``; None (and an error counted) if it failed."""
    began = time.perf_counter()
    try:
        response = await client.request(method, path, **sent)  # type: ignore[arg-type]
    except httpx.TransportError as error:
        tally.errors[f"{route}: {type(error).__name__}"] += 1
        return None
    tally.times[route].append(time.perf_counter() - began)
    if response.status_code >= 400:
        tally.errors[f"{route}: {response.status_code}"] += 1
        return None
    return response


async def sign_in(tally: Tally, client: httpx.AsyncClient, login: str) -> bool:
    page = await timed(tally, client, "GET /sign-in", "GET", "/sign-in")
    if page is None:
        return False
    data = {"csrftoken": field_of(page, "csrftoken"), "login": login, "password": PASSWORD}
    done = await timed(tally, client, "POST /sign-in", "POST", "/sign-in", data=data)
    return done is not None and done.status_code == 303


async def review(tally: Tally, client: httpx.AsyncClient, login: str) -> None:
    page = await timed(tally, client, "GET /review", "GET", "/review")
    if page is None:
        return
    shown = re.search(r'name="show" value="([^"]+)"', page.text)
    if shown is None:
        return  # nothing due
    await asyncio.sleep(random.uniform(1, 3))  # recalling the answer
    page = await timed(
        tally, client, "GET /review?show", "GET", "/review", params={"show": shown.group(1)}
    )
    if page is None:
        return
    card = re.search(r'action="/review/([^"/]+)"', page.text)
    if card is None:
        return
    data = {"csrftoken": field_of(page, "csrftoken"), "rating": str(random.choice([2, 3, 3, 4]))}
    rated = await timed(
        tally, client, "POST /review/{card}", "POST", f"/review/{card.group(1)}", data=data
    )
    if rated is not None and rated.status_code in (200, 303):
        tally.reviews[login] += 1


async def draft(tally: Tally, client: httpx.AsyncClient, login: str, school: School) -> None:
    path = f"/questions/{school.drafted}/practise"
    page = await timed(tally, client, "GET /questions/{id}/practise", "GET", path)
    if page is None:
        return
    text = f"{login} draft {time.monotonic_ns()}: " + " ".join(random.sample(SENTENCES, 2))
    data = {"csrftoken": field_of(page, "csrftoken"), "answer": text, "started": ""}
    saved = await timed(
        tally,
        client,
        "POST /questions/{id}/draft",
        "POST",
        f"/questions/{school.drafted}/draft",
        data=data,
    )
    if saved is not None and saved.status_code == 303:
        tally.drafts[login] = text


async def submit(tally: Tally, client: httpx.AsyncClient, login: str, school: School) -> None:
    path = f"/questions/{school.answered}/practise"
    page = await timed(tally, client, "GET /questions/{id}/practise", "GET", path)
    if page is None:
        return
    text = f"{login} answer {time.monotonic_ns()}: " + " ".join(random.sample(SENTENCES, 4))
    data = {
        "csrftoken": field_of(page, "csrftoken"),
        "submission": field_of(page, "submission"),
        "answer": text,
        "started": "",
    }
    began = time.perf_counter()
    sent = await timed(tally, client, "POST /questions/{id}/practise", "POST", path, data=data)
    if sent is None or sent.status_code != 303:
        return
    where = sent.headers["location"]
    tally.submitted[text] = (login, int(where.rsplit("/", 1)[1]))
    shown = await timed(tally, client, "GET /attempts/{id}", "GET", where)
    if shown is not None:
        tally.feedback.append(time.perf_counter() - began)


async def student(base: str, login: str, school: School, tally: Tally, until: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as client:
        if not await sign_in(tally, client, login):
            return
        while time.monotonic() < until:
            await asyncio.sleep(random.uniform(1, 4))
            step = random.choices(["review", "draft", "submit", "home"], [5, 3, 2, 1])[0]
            if step == "review":
                await review(tally, client, login)
            elif step == "draft":
                await draft(tally, client, login, school)
            elif step == "submit":
                await submit(tally, client, login, school)
            else:
                await timed(tally, client, "GET /", "GET", "/")


async def teacher(base: str, login: str, class_id: int, tally: Tally, until: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as client:
        if not await sign_in(tally, client, login):
            return
        while time.monotonic() < until:
            await asyncio.sleep(random.uniform(2, 6))
            await timed(tally, client, "GET /classes/{id}", "GET", f"/classes/{class_id}")


async def run(base: str, school: School, students: int, teachers: int, seconds: float) -> Tally:
    tally = Tally()
    until = time.monotonic() + seconds
    await asyncio.gather(
        *(student(base, f"student{s}", school, tally, until) for s in range(students)),
        *(teacher(base, f"teacher{t}", school.classes[t], tally, until) for t in range(teachers)),
    )
    return tally


def check(db: str, tally: Tally) -> list[str]:
    """What the store lacks or holds twice of what the server acknowledged."""
    problems = []
    with Store.open(db) as store:
        people = {u.login: u for u in store.people.users()}
        stored: Counter[str] = Counter()
        unmarked = 0
        for login in {login for login, _ in tally.submitted.values()} | set(tally.reviews):
            for attempt in store.memory.attempts(people[login].id):
                stored[attempt.answer] += 1
                unmarked += attempt.mark is None
        for text, (_, attempt_id) in tally.submitted.items():
            if stored[text] != 1:
                problems.append(f"attempt {attempt_id} is in the store {stored[text]} times")
        if unmarked:
            problems.append(f"{unmarked} attempts were left unmarked")
        for login, count in tally.reviews.items():
            kept = len(store.memory.reviews(people[login].id))
            if kept != count:
                problems.append(f"{login}: {count} reviews acknowledged, {kept} stored")
        for login, text in tally.drafts.items():
            drafts = store.drafts
            kept_draft = None
            for question in store.questions():
                found = drafts.get(people[login].id, question.id)
                if found is not None:
                    kept_draft = found.answer
            if kept_draft != text:
                problems.append(f"{login}: the last draft acknowledged is not the one stored")
    return problems


def report(tally: Tally, seconds: float) -> None:
    total = sum(len(t) for t in tally.times.values())
    print(f"{total} requests in {seconds:.0f} s: {total / seconds:.1f} a second")
    print(f"{'route':34} {'n':>6} {'p50 ms':>9} {'p95 ms':>9} {'p99 ms':>9}")
    for route, times in sorted(tally.times.items()):
        ms = sorted(t * 1000 for t in times)
        cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
        print(f"{route:34} {len(ms):6} {cuts[49]:9.1f} {cuts[94]:9.1f} {cuts[98]:9.1f}")
    if tally.feedback:
        ms = sorted(t * 1000 for t in tally.feedback)
        cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
        print(f"submit to feedback: p50 {cuts[49]:.0f} ms, p95 {cuts[94]:.0f} ms (n={len(ms)})")
    print(f"errors: {sum(tally.errors.values())}")
    for what, count in tally.errors.most_common():
        print(f"  {count:5}  {what}")
    print(
        f"acknowledged: {len(tally.submitted)} submissions, {sum(tally.reviews.values())} "
        f"reviews, {len(tally.drafts)} students' drafts"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=50)
    parser.add_argument("--teachers", type=int, default=2)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--db", help="an empty PostgreSQL database's URL (default: SQLite)")
    args = parser.parse_args()
    random.seed(1)
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "load.db")
        school = prepare(db, args.students, max(args.teachers, 1))
        port = free_port()
        env = {"PASTPAPER_SECRET_KEY": "l" * 40, "XDG_DATA_HOME": folder}
        server = serve(db, port, args.workers, env)
        began = time.monotonic()
        try:
            tally = asyncio.run(
                run(
                    f"http://127.0.0.1:{port}",
                    school,
                    args.students,
                    args.teachers,
                    args.minutes * 60,
                )
            )
        finally:
            took = time.monotonic() - began
            server.terminate()
            server.wait(timeout=60)
        print(
            f"{args.students} students, {args.teachers} teachers, {args.workers} worker(s), "
            f"{'PostgreSQL' if args.db else 'SQLite'}, {args.minutes:g} minutes"
        )
        report(tally, took)
        problems = check(db, tally)
        print("store check: " + ("every acknowledged write is there once" if not problems else ""))
        for problem in problems:
            print(f"  {problem}")
        if problems or tally.errors:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
