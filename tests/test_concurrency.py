"""Several processes on one store at once: each one finishes, none is turned away.

Real processes (``python -m pastpaper``) on a real SQLite file, and on a real PostgreSQL
server when PASTPAPER_TEST_POSTGRES names one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from conftest import POSTGRES, ROOT, new_database
from pastpaper.ingest import read_notes
from pastpaper.store import Saved, Store

#: The processes import this checkout's code, whatever the environment installed.
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
}

#: How many fresh databases each race is run on (a PostgreSQL database is slower to make).
ROUNDS = {"sqlite": 20, "postgresql": 5}
IMPORT_ROUNDS = {"sqlite": 5, "postgresql": 3}

KINDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(not POSTGRES, reason="set PASTPAPER_TEST_POSTGRES (CI does)"),
    ),
]


def together(*commands: list[str]) -> list[subprocess.CompletedProcess[str]]:
    """Start every command at once; wait for them all."""
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "pastpaper", *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
        )
        for command in commands
    ]
    finished = []
    for process in started:
        stdout, stderr = process.communicate(timeout=120)
        finished.append(
            subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
        )
    return finished


def test_the_processes_run_this_checkout() -> None:
    [found] = together(["--help"])
    assert found.returncode == 0
    check = subprocess.run(
        [sys.executable, "-c", "import pastpaper; print(pastpaper.__file__)"],
        capture_output=True,
        text=True,
        env=ENV,
        check=True,
    )
    assert check.stdout.strip() == str(ROOT / "src" / "pastpaper" / "__init__.py")


@pytest.mark.parametrize("kind", KINDS)
def test_two_processes_opening_a_new_database_at_once_both_find_it_ready(
    kind: str, tmp_path: Path
) -> None:
    """One migrates, under a lock; the other waits for it, then finds the tables made."""
    for round_ in range(ROUNDS[kind]):
        with new_database(kind, tmp_path) as db:
            results = together(*[["--db", db, "courses"]] * 2)
        assert [(round_, r.returncode, r.stdout, r.stderr) for r in results] == [
            (round_, 0, "No courses yet. Import notes with: pastpaper import NOTES.txt\n", "")
        ] * 2


@pytest.mark.parametrize("kind", KINDS)
def test_two_imports_of_one_new_course_at_once_both_succeed(
    kind: str, tmp_path: Path, seed_path: Path
) -> None:
    """The first import to write makes the course; the other then finds it and updates it."""
    for round_ in range(IMPORT_ROUNDS[kind]):
        with new_database(kind, tmp_path) as db:
            results = together(*[["--db", db, "import", str(seed_path)]] * 2)
            assert [(round_, r.returncode, r.stderr) for r in results] == [(round_, 0, "")] * 2
            verbs = sorted(r.stdout.split()[0] for r in results)
            assert verbs == ["Imported", "Updated"], f"round {round_}"
            with Store.open(db) as store:
                [course] = store.courses()
            assert (course.slug, course.questions) == ("khrushchevs-attempts-at-modernisation", 7)


def test_saves_of_one_new_course_from_four_threads_at_once_all_succeed(
    db_url: str, seed_path: Path
) -> None:
    course = read_notes(seed_path).course
    start = threading.Barrier(4)

    def save(store: Store) -> Saved:
        start.wait()
        return store.save_course(course, source="seed.txt")

    with Store.open(db_url) as store, ThreadPoolExecutor(4) as pool:
        saved = list(pool.map(save, [store] * 4))
        assert [(c.slug, c.questions) for c in store.courses()] == [
            ("khrushchevs-attempts-at-modernisation", 7)
        ]
    assert sorted(s.created for s in saved) == [False, False, False, True]


def _open_at(path: str, barrier: Any) -> str:
    """Open a store the moment the other processes do; what happened, in a word or a message."""
    barrier.wait()
    try:
        Store.open(path).close()
    except Exception as error:  # the test reports whatever it was
        return f"{type(error).__name__}: {error}"
    return "ok"


def test_processes_opening_a_new_sqlite_file_at_the_same_instant_all_succeed(
    tmp_path: Path,
) -> None:
    """Four processes released at once onto each new file: switching a new file to WAL is
    where SQLite gave up at once ("database is locked"), in about 1 round in 16 before."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager, context.Pool(4) as pool:
        for round_ in range(60):
            barrier = manager.Barrier(4)
            path = str(tmp_path / f"{round_}.db")
            results = pool.starmap(_open_at, [(path, barrier)] * 4)
            assert results == ["ok"] * 4, (round_, results)
