"""Load: a year group on one server. Simulates students (default 50) for some minutes
(default 5) against a real ``pastpaper serve`` on 127.0.0.1 over a fresh database (SQLite,
or the PostgreSQL database ``--db`` names, which must hold no courses yet), with
``--workers`` uvicorn workers. Each student signs in, then, with a pause of 1 to 4 seconds
between steps as a person reading takes, reviews a card, saves a draft, or submits an answer
to a seed question and reads its feedback. Meanwhile the first teacher uploads a class's CSV
of 500 answers to bulk-mark (and follows its progress to the mark book), and the second
moderates: opens the groups of the class's answers to the question the students answer and
sets a mark for the first answer of the largest group, again and again.

Every request is bounded (a 60 s timeout); nothing leaves this machine. At the end it prints
requests a second, p50/p95/p99 per route and every error, then stops the server and checks
the store: every submission that got its redirect is there exactly once, with its mark; every
review that was acknowledged is there once; every student's last acknowledged draft is the
draft the store holds; the bulk job kept all 500 rows, each marked or with its reason; every
moderation acknowledged is there once. It exits 1 if a check fails.

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

from class_answers import class_csv
from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.store import Store
from schemes_speed import SEED
from web_speed import SENTENCES, free_port, serve

PASSWORD = "load test password"
TIMEOUT = 60.0
BULK_ROWS = 500


@dataclass
class Tally:
    """What the run saw: request times by route, errors, and what the server acknowledged."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter[str] = field(default_factory=Counter)
    submitted: dict[str, tuple[str, int]] = field(default_factory=dict)  # answer: (login, id)
    reviews: Counter[str] = field(default_factory=Counter)  # login: reviews acknowledged
    drafts: dict[str, str] = field(default_factory=dict)  # login: last draft acknowledged
    job: int | None = None  # the bulk-marking job started
    job_seconds: float | None = None  # from the upload to the mark book
    moderations: int = 0  # moderations acknowledged
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


async def bulk_marker(base: str, login: str, rows: bytes, tally: Tally, until: float) -> None:
    """Upload a class's CSV to mark, follow the job to its mark book, then watch the pages."""
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as client:
        if not await sign_in(tally, client, login):
            return
        page = await timed(tally, client, "GET /jobs", "GET", "/jobs")
        if page is None:
            return
        began = time.perf_counter()
        sent = await timed(
            tally,
            client,
            "POST /jobs/csv",
            "POST",
            "/jobs/csv",
            data={"csrftoken": field_of(page, "csrftoken")},
            files={"answers": ("class.csv", rows, "text/csv")},
        )
        if sent is None or sent.status_code != 303:
            return
        where = sent.headers["location"]
        tally.job = int(where.rsplit("/", 1)[1])
        while time.monotonic() < until:
            await asyncio.sleep(1)
            shown = await timed(
                tally,
                client,
                "GET /jobs/{id}/progress",
                "GET",
                f"{where}/progress",
                headers={"hx-request": "true"},
            )
            if shown is not None and shown.headers.get("hx-refresh") == "true":
                break  # the job is over: the page would load its mark book
        tally.job_seconds = time.perf_counter() - began
        await timed(tally, client, "GET /jobs/{id}", "GET", where)
        while time.monotonic() < until:
            await asyncio.sleep(random.uniform(3, 6))
            await timed(tally, client, "GET /jobs/{id}", "GET", where)


async def moderator(
    base: str, login: str, class_id: int, question: int, tally: Tally, until: float
) -> None:
    """Open the groups of the class's answers to the question and moderate one answer."""
    api = f"/api/classes/{class_id}/questions/{question}"
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT) as client:
        if not await sign_in(tally, client, login):
            return
        while time.monotonic() < until:
            await asyncio.sleep(random.uniform(3, 6))
            await timed(
                tally,
                client,
                "GET /classes/{id}/questions/{qid}/moderate",
                "GET",
                f"/classes/{class_id}/questions/{question}/moderate",
            )
            groups = await timed(tally, client, "GET /api/.../groups", "GET", f"{api}/groups")
            if groups is None:
                continue
            found = groups.json().get("groups") or []
            if not found or not found[0].get("answers"):
                continue
            first = found[0]["answers"][0]
            done = await timed(
                tally,
                client,
                "POST /api/.../moderations",
                "POST",
                f"{api}/moderations",
                json={
                    "attempt_ids": [first["attempt_id"]],
                    "mark": 1,
                    "reason": "load test: checked by hand",
                },
                headers={"x-csrftoken": client.cookies.get("csrftoken", "")},
            )
            if done is not None and done.status_code == 200:
                tally.moderations += 1


async def run(
    base: str, school: School, students: int, teachers: int, seconds: float, rows: bytes
) -> Tally:
    tally = Tally()
    until = time.monotonic() + seconds
    working = [student(base, f"student{s}", school, tally, until) for s in range(students)]
    if teachers >= 1:
        working.append(bulk_marker(base, "teacher0", rows, tally, until))
    if teachers >= 2:
        working.append(
            moderator(base, "teacher1", school.classes[1], school.answered, tally, until)
        )
    await asyncio.gather(*working)
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
        if tally.job is not None:
            rows = store.jobs.rows(tally.job)
            job = store.jobs.get(tally.job)
            unfinished = [r.row for r in rows if not r.finished]
            if len(rows) != BULK_ROWS:
                problems.append(f"the bulk job kept {len(rows)} rows of {BULK_ROWS}")
            if unfinished or job.status != "done":
                problems.append(
                    f"the bulk job is {job.status} with {len(unfinished)} rows unmarked"
                )
        kept = sum(
            1
            for login in people
            for attempt in store.memory.attempts(people[login].id)
            for moderation in store.answers.moderations(attempt.id)
            if moderation.reason == "load test: checked by hand"
        )
        if kept != tally.moderations:
            problems.append(f"{tally.moderations} moderations acknowledged, {kept} stored")
    return problems


def report(tally: Tally, seconds: float) -> None:
    total = sum(len(t) for t in tally.times.values())
    print(f"{total} requests in {seconds:.0f} s: {total / seconds:.1f} a second")
    print(f"{'route':44} {'n':>6} {'p50 ms':>9} {'p95 ms':>9} {'p99 ms':>9}")
    for route, times in sorted(tally.times.items()):
        ms = sorted(t * 1000 for t in times)
        cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
        print(f"{route:44} {len(ms):6} {cuts[49]:9.1f} {cuts[94]:9.1f} {cuts[98]:9.1f}")
    if tally.feedback:
        ms = sorted(t * 1000 for t in tally.feedback)
        cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
        print(f"submit to feedback: p50 {cuts[49]:.0f} ms, p95 {cuts[94]:.0f} ms (n={len(ms)})")
    print(f"errors: {sum(tally.errors.values())}")
    for what, count in tally.errors.most_common():
        print(f"  {count:5}  {what}")
    print(
        f"acknowledged: {len(tally.submitted)} submissions, {sum(tally.reviews.values())} "
        f"reviews, {len(tally.drafts)} students' drafts, {tally.moderations} moderations"
    )
    if tally.job_seconds is not None:
        print(f"bulk marking of {BULK_ROWS} rows: {tally.job_seconds:.1f} s to the mark book")


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
        school = prepare(db, args.students, max(args.teachers, 2))
        with Store.open(db) as store:
            rows = class_csv(store, BULK_ROWS)
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
                    rows,
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
