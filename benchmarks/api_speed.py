"""How fast the JSON API answers, against a real server: ``pastpaper demo --web`` started in
a new folder (the built-in example, the demo student), called over HTTP with a personal API
token, as a script would.

    python benchmarks/api_speed.py             # 50 calls a read, 20 answers marked
    python benchmarks/api_speed.py --reads 200

Each read is called twice first (warm), then timed; the answer submitted is 300 words, and
every call is checked to have succeeded before its time counts. Prints the median and the
95th percentile of each, in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx

#: The demo's example course.
COURSE = "khrushchev-and-the-reform-of-the-soviet-union"
SENTENCES = (
    "Khrushchev wanted to secure his own position against rivals such as Beria and Malenkov. "
    "Stalin's terror had been unacceptable, so the cult of personality was attacked in the "
    "Secret Speech of 1956. He also wanted to improve relations with the West. "
)
ANSWER = " ".join((SENTENCES * 12).split()[:300])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reads", type=int, default=50)
    parser.add_argument("--answers", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        port = free_port()
        env = {**os.environ, "PASTPAPER_SECRET_KEY": "b" * 40, "XDG_DATA_HOME": folder}
        log = Path(folder) / "demo.log"
        command = ["-m", "pastpaper", "--db", str(db), "demo", "--web", "--port", str(port)]
        with log.open("w") as sink:
            server = subprocess.Popen(
                [sys.executable, *command],
                stdout=sink,
                stderr=subprocess.STDOUT,
                env=env,
            )
        try:
            wait_for(server, log, port)
            measure(f"http://127.0.0.1:{port}", token(db), args.reads, args.answers)
        finally:
            server.terminate()
            server.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(server: subprocess.Popen[bytes], log: Path, port: int) -> None:
    """Until the demo serves (it imports and marks its example first)."""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the demo stopped:\n{log.read_text()}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/sign-in")
            return
        except httpx.ConnectError:
            time.sleep(0.2)
    raise SystemExit("the demo did not start serving in 5 minutes")


def token(db: Path) -> str:
    """A personal API token of the demo student's."""
    from pastpaper.app import Pastpaper
    from pastpaper.settings import Settings
    from pastpaper.store import Store

    with Store.open(db) as store:
        app = Pastpaper(store, None, Settings(), lambda: datetime.now(UTC))
        return app.acting_for(store.people.user("student")).make_token("benchmark")


def measure(address: str, secret: str, reads: int, answers: int) -> None:
    headers = {"Authorization": f"Bearer {secret}"}
    with httpx.Client(base_url=address, headers=headers, timeout=60) as api:
        questions = checked(lambda: api.get(f"/api/courses/{COURSE}/questions")).json()
        question = next(q["id"] for q in questions if q["marks"])
        print("| call | median | p95 | calls |\n|---|---|---|---|")
        for path in (
            "/api/me",
            "/api/courses",
            f"/api/courses/{COURSE}/questions",
            f"/api/questions/{question}",
            "/api/review/next",
            "/api/attempts",
            "/api/progress",
        ):
            timed(f"GET {path}", lambda path=path: api.get(path), reads)  # type: ignore[misc]
        body = {"answer": ANSWER}
        url = f"/api/questions/{question}/attempts"
        timed(f"POST {url} (300 words)", lambda: api.post(url, json=body), answers)


def checked(call: Callable[[], httpx.Response]) -> httpx.Response:
    answer = call()
    if answer.status_code >= 300:
        raise SystemExit(f"{answer.request.url}: {answer.status_code} {answer.text}")
    return answer


def timed(label: str, call: Callable[[], httpx.Response], times: int) -> None:
    checked(call)
    checked(call)
    took = []
    for _ in range(times):
        start = time.perf_counter()
        checked(call)
        took.append((time.perf_counter() - start) * 1000)
    took.sort()
    p95 = took[max(0, round(0.95 * len(took)) - 1)]
    print(f"| {label} | {statistics.median(took):.1f} ms | {p95:.1f} ms | {times} |")


if __name__ == "__main__":
    main()
