"""Benchmark: bulk marking in the background of a real ``pastpaper serve`` (uvicorn, one
worker) on 127.0.0.1, over a fresh SQLite database with the seed course imported.

A teacher uploads a class's CSV of answers to the seed's questions (``class_answers.py``:
1,000 rows by default) and the job's progress is read every half second, while the same
teacher opens other pages in turn. Prints the time from sending the upload to the job being
done, rows marked a second, and p50/p95 of the other pages while it ran (one every
``--pause`` seconds, as a few teachers clicking would), and before it (idle, warm), so the
two can be compared. Every request goes to this machine only; the loops
are bounded by ``--limit`` seconds.

    python benchmarks/bulk_web_speed.py [--rows 1000] [--limit 600]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

from class_answers import class_csv
from pastpaper.app import Pastpaper
from pastpaper.settings import Settings
from pastpaper.store import Store
from schemes_speed import SEED
from web_speed import free_port, percentiles, serve, token

PASSWORD = "benchmark password"


def prepare(db: Path, notes: Path, rows: int) -> tuple[str, int, bytes]:
    """The seed course and a teacher; the course's slug, a question's id, the class's CSV."""
    store = Store.open(db)
    try:
        core = Pastpaper(store, None, Settings(db=str(db)), lambda: datetime.now(UTC))
        slug = core.import_file(notes).saved.slug
        store.people.add_user("teacher", "Teacher", "teacher", password=PASSWORD, now=core.now())
        return slug, core.questions(course=slug)[0].id, class_csv(store, rows)
    finally:
        store.close()


def timed(client: httpx.Client, path: str) -> float:
    began = time.perf_counter()
    page = client.get(path)
    took = time.perf_counter() - began
    assert page.status_code == 200, (path, page.status_code)
    return took


def run(base: str, slug: str, question: int, data: bytes, limit: float, pause: float) -> None:
    pages = ["/courses", f"/courses/{slug}", f"/questions/{question}", "/classes", "/jobs"]
    with httpx.Client(base_url=base, timeout=60) as client:
        signed = client.post(
            "/sign-in",
            data={
                "csrftoken": token(client.get("/sign-in")),
                "login": "teacher",
                "password": PASSWORD,
            },
        )
        assert signed.status_code == 303, signed.text[:300]
        idle = [timed(client, pages[n % len(pages)]) for n in range(len(pages) * 8)]
        form = token(client.get("/jobs"))
        began = time.perf_counter()
        sent = client.post(
            "/jobs/csv",
            data={"csrftoken": form},
            files={"answers": ("class.csv", data, "text/csv")},
        )
        uploaded = time.perf_counter() - began
        assert sent.status_code == 303, sent.text[:300]
        job_id = int(sent.headers["location"].rsplit("/", 1)[1])
        busy: list[float] = []
        checked = 0.0
        status: dict[str, object] = {}
        while time.perf_counter() - began < limit:
            if time.perf_counter() - checked >= 0.5:
                checked = time.perf_counter()
                status = client.get(f"/api/jobs/{job_id}").json()
                if status["status"] in ("done", "failed"):
                    break
            busy.append(timed(client, pages[len(busy) % len(pages)]))
            time.sleep(pause)  # a few people's clicks, not a flood that would crowd the marking
        took = time.perf_counter() - began
        rows = data.count(b"\r\n") - 1
        print(f"rows: {rows}; upload answered in {uploaded * 1000:.0f} ms")
        print(f"job {status.get('status')}: {status.get('done')} of {status.get('total')} rows")
        print(f"total time, upload to done: {took:.1f} s   ({rows / took:.1f} rows/s)")
        print(f"other pages, idle:          {percentiles(idle)}")
        print(f"other pages, while marking: {percentiles(busy)}")
        book = client.get(f"/api/jobs/{job_id}/mark-book").json()
        marked = sum(1 for row in book["rows"] if row["mark"] is not None)
        print(f"mark book: {len(book['rows'])} rows, {marked} marked")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=Path, default=SEED)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--limit", type=float, default=600, help="seconds to wait at most")
    parser.add_argument("--pause", type=float, default=0.1, help="seconds between other pages")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "web.db"
        slug, question, data = prepare(db, args.notes, args.rows)
        port = free_port()
        server = serve(db, port)
        try:
            run(f"http://127.0.0.1:{port}", slug, question, data, args.limit, args.pause)
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
