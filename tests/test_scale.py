"""Marking a class's answers with Ray (``mark --csv --engine ray``) writes the mark book the
local path writes, row for row, on a Ray of two CPUs started for the test."""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from pastpaper.app import installed_marker
from pastpaper.app.bank import import_file, mark_csv, scheme_of
from pastpaper.cli import app
from pastpaper.errors import PastpaperError
from pastpaper.marking.bulk import mark_all
from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import Embedder
from pastpaper.marking.evaluate import read_marking_set
from pastpaper.marking.scale import REACH_SECONDS, check_reachable, mark_with_ray
from pastpaper.store import Store

# Ray Data warns of its own settings' deprecations when its context is first made.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*")

runner = CliRunner()
# Ray stays on this machine and says nothing to anyone.
QUIET = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_DISABLE_DOCKER_CPU_WARNING": "1"}


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray = pytest.importorskip("ray")
    os.environ.update(QUIET)
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        logging_level="WARNING",
        log_to_driver=False,
        runtime_env={"env_vars": QUIET},
    )
    yield
    ray.shutdown()


def _class_of(questions: list[int], rows: int) -> str:
    """A class's answers: the seed's answers over and over, each to a question of the seed,
    numbered so that no two are the same text; one row with no answer, one to a question
    that is not in the bank."""
    answers = read_marking_set(SHARED / "data" / "seed-answers.jsonl")
    lines = [["student", "question", "answer"]]
    for n in range(rows):
        answer = answers[n % len(answers)]["answer"]
        lines.append([f"S{n:03d}", str(questions[n % len(questions)]), f"{answer} ({n})"])
    lines += [["empty", str(questions[0]), ""], ["lost", "99999", "An answer."]]
    with_commas = [",".join(f'"{field}"' for field in line) for line in lines]
    return "\n".join(with_commas) + "\n"


def test_ray_writes_the_mark_book_the_local_path_writes(
    local_ray: None, tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "bank.db"
    store = Store.open(db)
    import_file(store, seed_path)
    questions = [q.id for q in store.questions()]
    answers = tmp_path / "class.csv"
    answers.write_text(_class_of(questions, 300), encoding="utf-8")
    books = {}
    for engine in ("local", "ray"):
        book = tmp_path / f"marks-{engine}.csv"
        report = mark_csv(store, installed_marker(), answers, book, engine=engine)
        assert (report.rows, report.marked) == (302, 300)
        books[engine] = book.read_text(encoding="utf-8")
    store.close()
    assert books["ray"] == books["local"]
    rows = list(csv.DictReader(books["ray"].splitlines()))
    assert len({row["mark"] for row in rows[:300]}) > 2  # marks differ from answer to answer
    assert rows[-1]["not marked because"].startswith("no question 99999")


def test_marking_without_ray_does_not_import_it() -> None:
    """Only --engine ray imports Ray: the local path (and --help) never pays for it."""
    code = (
        "import sys; from pastpaper.cli import app; from pastpaper.app import bank; "
        "from pastpaper.marking import scale, bulk; "
        "print('ray' in sys.modules)"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert shown.stdout.strip() == "False", shown.stderr


def test_without_ray_the_ray_engine_names_the_extra(tmp_path: Path) -> None:
    """Where Ray is not installed (here: hidden from imports), --engine ray stops before any
    work with a message naming the extra to install."""
    answers = tmp_path / "class.csv"
    answers.write_text("student,question,answer\nA1,1,An answer.\n", encoding="utf-8")
    book = tmp_path / "marks.csv"
    code = (
        "import sys; sys.modules['ray'] = None; from pastpaper.cli import main; "
        f"sys.argv = ['pastpaper', '--db', {str(tmp_path / 'b.db')!r}, 'mark', '--csv', "
        f"{str(answers)!r}, '-o', {str(book)!r}, '--engine', 'ray']; main()"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert shown.returncode == 1
    assert shown.stderr == (
        "error: --engine ray needs Ray, which is not installed; install the extra with "
        "pip install 'pastpaper[scale]' (or use --engine local)\n"
    )
    assert not book.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "spark"], "--engine 'spark' is not an engine; give 'local' or 'ray'"),
        (["--address", "10.0.0.5:6379"], "--address goes with --engine ray"),
    ],
)
def test_engine_and_address_are_checked(tmp_path: Path, args: list[str], message: str) -> None:
    answers = tmp_path / "class.csv"
    answers.write_text("student,question,answer\nA1,1,An answer.\n", encoding="utf-8")
    result = runner.invoke(
        app, ["--db", str(tmp_path / "b.db"), "mark", "--csv", str(answers), "-o", "m.csv", *args]
    )
    assert (result.exit_code, result.stderr) == (1, f"error: {message}\n")


def test_an_address_nobody_answers_at_is_refused_at_once(tmp_path: Path) -> None:
    """--address where no Ray listens stops in seconds, naming it, instead of Ray waiting."""
    pytest.importorskip("ray")
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    answers = tmp_path / "class.csv"
    answers.write_text("student,question,answer\nA1,1,An answer.\n", encoding="utf-8")
    address = f"127.0.0.1:{port}"
    started = time.perf_counter()
    book = tmp_path / "marks.csv"
    where = ["--engine", "ray", "--address", address]
    result = runner.invoke(
        app,
        ["--db", str(tmp_path / "b.db"), "mark", "--csv", str(answers), "-o", str(book), *where],
    )
    assert time.perf_counter() - started < REACH_SECONDS
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"error: cannot reach the Ray cluster at {address}: nothing answers at {address} ("
    )
    assert "ray status on the head" in result.stderr
    assert not book.exists()


def test_an_address_that_is_no_address_is_refused() -> None:
    with pytest.raises(PastpaperError, match="'head:port' is not a Ray cluster's address"):
        check_reachable("head:port")


def test_marks_finished_out_of_order_come_back_in_order(
    local_ray: None, tmp_path: Path, seed_path: Path
) -> None:
    """Chunks of ten, the long answers first: later chunks finish sooner, and each answer
    still gets its own mark, the one the local path gives it."""
    store = Store.open(tmp_path / "bank.db")
    import_file(store, seed_path)
    schemes = [scheme_of(store, q.id) for q in store.questions()]
    store.close()
    answers = [row["answer"] for row in read_marking_set(SHARED / "data" / "seed-answers.jsonl")]
    items = [(f"{answers[n % len(answers)]} ({n})", schemes[n % len(schemes)]) for n in range(120)]
    items.sort(key=lambda item: len(item[0]), reverse=True)
    model = Embedder()
    local = mark_all(items, lambda: model, calibration())
    assert mark_with_ray(items, calibration(), chunk=10) == local
