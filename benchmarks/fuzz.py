"""Fuzz pastpaper's readers for a while, and print what was run and what was found.

    python benchmarks/fuzz.py [--minutes 1] [--batch 200] [--target NAME]

Each target is a hypothesis property test that takes no arguments (tests/test_fuzz.py,
test_markbook.py, test_fuzz_marking.py).
The script runs each target again and again, ``--batch`` new random examples a run
(PASTPAPER_FUZZ_EXAMPLES), sharing the time evenly among them until it is up. It prints
how many examples each target ran, and each failure with the smallest example hypothesis
found for it; a target that fails is not run again. To add a target, add its test module
and name to TARGETS.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"

#: (module in tests/, property test in it): what the script fuzzes.
TARGETS: list[tuple[str, str]] = [
    ("test_fuzz", "test_the_notes_parser_keeps_every_word_of_any_text"),
    ("test_fuzz", "test_a_notes_file_keeps_every_word_of_its_text"),
    ("test_fuzz", "test_a_file_of_any_bytes_is_read_or_refused"),
    ("test_fuzz", "test_any_text_as_a_course_file_is_read_or_refused"),
    ("test_fuzz", "test_an_edited_course_file_is_read_whole_or_refused"),
    ("test_markbook", "test_any_bytes_are_read_or_refused_with_a_message"),
    ("test_markbook", "test_every_record_gives_one_row_holding_its_own_answer"),
    ("test_fuzz_marking", "test_any_text_is_marked_in_range_with_spans_inside_the_answer"),
    (
        "test_fuzz_marking",
        "test_any_bytes_given_to_mark_give_a_mark_or_a_clear_error",
    ),
]


@dataclass
class Run:
    """One target's share of the time: how much it ran, and what it found."""

    module: str
    name: str
    test: Callable[[], None]
    runs: int = 0
    examples: int = 0
    seconds: float = 0.0
    failure: str | None = None


def load(module: str, name: str, batch: int) -> Run:
    # The tests read PASTPAPER_FUZZ_EXAMPLES when imported, so it is set first.
    os.environ["PASTPAPER_FUZZ_EXAMPLES"] = str(batch)
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    test = getattr(importlib.import_module(module), name)
    if not hasattr(test, "hypothesis"):
        raise SystemExit(f"{module}.{name} is not a hypothesis test")
    return Run(module, name, test)


def describe(error: BaseException) -> str:
    """What failed, where, and hypothesis's smallest failing example."""
    if isinstance(error, BaseExceptionGroup):  # hypothesis found several distinct failures
        return "\n".join(describe(inner) for inner in error.exceptions)
    message = str(error)
    if len(message) > 500:
        message = message[:499] + "…"
    lines = [f"{type(error).__name__}: {message}"]
    frames = traceback.extract_tb(error.__traceback__)[-4:]
    lines += [f"  at {frame.filename}:{frame.lineno} in {frame.name}" for frame in frames]
    lines += [f"  {note}" for note in getattr(error, "__notes__", [])]
    return "\n".join(lines)


def fuzz(runs: list[Run], seconds: float, batch: int) -> None:
    """Run the targets until ``seconds`` are up, the one that has had least time next."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        waiting = [run for run in runs if run.failure is None]
        if not waiting:
            return
        run = min(waiting, key=lambda waiting_run: waiting_run.seconds)
        start = time.monotonic()
        try:
            run.test()
        except Exception as error:
            run.failure = describe(error)
        else:
            run.examples += batch
        run.runs += 1
        run.seconds += time.monotonic() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to fuzz")
    parser.add_argument("--batch", type=int, default=200, help="examples in each run")
    parser.add_argument(
        "--target", action="append", help="fuzz only this test (may be given more than once)"
    )
    args = parser.parse_args()
    chosen = [(m, n) for m, n in TARGETS if not args.target or n in args.target]
    if not chosen:
        raise SystemExit(f"no such target; the targets are: {', '.join(n for _, n in TARGETS)}")
    runs = [load(module, name, args.batch) for module, name in chosen]

    started = time.monotonic()
    fuzz(runs, args.minutes * 60, args.batch)
    elapsed = time.monotonic() - started

    print(
        f"fuzzed for {elapsed / 60:.1f} min, {args.batch} examples a run, python "
        f"{sys.version.split()[0]}"
    )
    width = max(len(run.name) for run in runs)
    print(f"{'target':{width}} {'runs':>5} {'examples':>9} {'time':>6}  result")
    for run in runs:
        result = "ok" if run.failure is None else "FAILED"
        print(f"{run.name:{width}} {run.runs:5} {run.examples:9,} {run.seconds:5.0f}s  {result}")
    failures = [run for run in runs if run.failure is not None]
    for run in failures:
        print(f"\n{run.module}.{run.name} failed:\n{run.failure}")
        print(
            f"  again: PASTPAPER_FUZZ_EXAMPLES={args.batch} pytest {TESTS.name}/{run.module}.py "
            f"-k {run.name}"
        )
    if failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
