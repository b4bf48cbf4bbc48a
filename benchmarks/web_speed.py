"""Benchmark: the questions, practice and feedback pages as a student meets them, from a real
``pastpaper serve`` (uvicorn, one worker) on 127.0.0.1, over a fresh SQLite database with the
seed course imported and one student in a class given it.

Prints, for each page, the median (p50) and 95th percentile (p95) of the time from sending
the request to having the whole page, warm (each page opened once before timing), and for
submitting a 300-word answer: the time from sending the form to having the feedback page
(the POST, which keeps and marks the answer, plus the GET it is redirected to), p50 and p95
over the submits after a first one, whose time, the marker's model loading in it, is given
on its own. Every request goes to this machine only; the loops are bounded.

    python benchmarks/web_speed.py [--notes FILE] [--runs 40] [--submits 20]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.store import Store
from schemes_speed import SEED

PASSWORD = "benchmark password"
#: Sentences of an answer to the seed's first question (de-Stalinisation); repeated and
#: varied to make an answer of 300 words.
SENTENCES = [
    "In his Secret Speech of 1956 Khrushchev denounced Stalin's cult of personality and purges.",
    "Millions of political prisoners were released from the Gulag labour camps.",
    "Stalin's body was removed from Lenin's mausoleum and places named after Stalin were renamed.",
    "There was a cultural thaw in which writers were allowed more freedom than before.",
    "Khrushchev wanted to show that the party could rule without terror.",
    "He also used the attack on Stalin against his rivals in the leadership.",
]


def answer_of(words: int) -> str:
    """An answer of about ``words`` words, made of the sentences above in turn."""
    out: list[str] = []
    count = 0
    while count < words:
        sentence = SENTENCES[len(out) % len(SENTENCES)]
        out.append(sentence)
        count += len(sentence.split())
    return " ".join(out)


def prepare(db: Path, notes: Path) -> tuple[str, int]:
    """The seed course given to a student's class; its slug and first question's id."""
    settings = Settings(db=str(db))
    store = Store.open(db)
    try:
        core = Pastpaper(store, None, settings, lambda: datetime.now(UTC))
        slug = core.import_file(notes).saved.slug
        people = store.people
        now = core.now()
        people.add_user("teacher", "Teacher", "teacher", password=PASSWORD, now=now)
        people.add_user("student", "Student", "student", password=PASSWORD, now=now)
        group = people.add_class("teacher", "Benchmark class", now=now)
        people.enrol("student", group.id, now=now)
        people.assign_course(group.id, slug)
        return slug, core.questions(course=slug)[0].id
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(
    db: Path | str, port: int, workers: int = 1, env: dict[str, str] | None = None
) -> subprocess.Popen[bytes]:
    """``pastpaper serve`` (with ``workers`` workers) in a process of its own, over ``db``;
    returns once it answers."""
    env = {**os.environ, **(env or {}), "PASTPAPER_DB": str(db)}
    command = [sys.executable, "-m", "pastpaper", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"pastpaper serve stopped at once (exit {server.returncode})")
        try:
            httpx.get(f"http://127.0.0.1:{port}/sign-in", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.terminate()
    raise SystemExit("pastpaper serve did not answer within 90 s")


def token(page: httpx.Response) -> str:
    found = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
    assert found, f"no CSRF token on {page.url}"
    return found.group(1)


def timed_get(client: httpx.Client, path: str) -> float:
    began = time.perf_counter()
    page = client.get(path)
    took = time.perf_counter() - began
    assert page.status_code == 200, (path, page.status_code)
    return took


def submit(client: httpx.Client, question: int, answer: str) -> tuple[float, str]:
    """Send an answer and read the feedback; the time taken and the feedback's path."""
    form = token(client.get(f"/questions/{question}/practise"))
    began = time.perf_counter()
    sent = client.post(
        f"/questions/{question}/practise", data={"csrftoken": form, "answer": answer}
    )
    assert sent.status_code == 303, sent.text[:300]
    feedback = client.get(sent.headers["location"])
    took = time.perf_counter() - began
    assert feedback.status_code == 200 and 'id="mark"' in feedback.text
    return took, sent.headers["location"]


def percentiles(times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]
    return f"p50 {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   (n={len(ms)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=Path, default=SEED)
    parser.add_argument("--runs", type=int, default=40, help="timed requests a page")
    parser.add_argument("--submits", type=int, default=20, help="timed answers sent")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "web.db"
        slug, question = prepare(db, args.notes)
        port = free_port()
        server = serve(db, port)
        try:
            run(f"http://127.0.0.1:{port}", slug, question, args.runs, args.submits)
        finally:
            server.terminate()
            server.wait(timeout=20)


def run(base: str, slug: str, question: int, runs: int, submits: int) -> None:
    answer = answer_of(300)
    with httpx.Client(base_url=base, timeout=120) as client:
        signed = client.post(
            "/sign-in",
            data={
                "csrftoken": token(client.get("/sign-in")),
                "login": "student",
                "password": PASSWORD,
            },
        )
        assert signed.status_code == 303, signed.text[:300]
        first, feedback = submit(client, question, answer)
        print(f"answer: {len(answer.split())} words; first submit (model loads): {first:.2f} s")
        client.post(
            f"/questions/{question}/draft",
            data={"answer": answer[:200]},
            headers={"x-csrftoken": client.cookies["csrftoken"], "hx-request": "true"},
        )
        pages = {
            "/courses": "/courses",
            "/courses/{slug}": f"/courses/{slug}",
            "/questions/{id}": f"/questions/{question}",
            "/questions/{id}/practise": f"/questions/{question}/practise",
            "/attempts/{id}": feedback,
            "/": "/",
            "/review": "/review",
            "/progress": "/progress",
            "/courses/{slug}/trends": f"/courses/{slug}/trends",
            "/courses/{slug}/timeline": f"/courses/{slug}/timeline",
            "/account": "/account",
            "/api/progress": "/api/progress",
        }
        print("page render, warm:")
        for name, path in pages.items():
            timed_get(client, path)  # warm
            times = [timed_get(client, path) for _ in range(runs)]
            print(f"  {name:26} {percentiles(times)}")
        times = [submit(client, question, answer)[0] for _ in range(submits)]
        print(f"submit to feedback, 300 words: {percentiles(times)}")


if __name__ == "__main__":
    main()
