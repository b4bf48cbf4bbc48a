"""Fuzzing the marker: any text or bytes as an answer is marked, or refused with a
PastpaperError; never a traceback. The number of examples is PASTPAPER_FUZZ_EXAMPLES
(a short run by default; benchmarks/fuzz.py runs them for longer)."""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import SEED
from pastpaper.cli import app
from pastpaper.errors import PastpaperError
from pastpaper.ingest import read_notes
from pastpaper.marking import Marking, mark, reference_scheme
from pastpaper.marking.calibration import calibration
from pastpaper.marking.embed import embedder
from pastpaper.schemes.scheme import MarkScheme, build_scheme

# Each takes no arguments, so that benchmarks/fuzz.py can run it for longer.
FUZZ = settings(
    max_examples=int(os.environ.get("PASTPAPER_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
runner = CliRunner()

# Text as students paste it: words of the notes, numbers, punctuation, bullets, line breaks,
# and anything else Unicode holds (controls, combining marks, right-to-left letters, NUL).
WORDS = st.sampled_from(
    ["Khrushchev", "Stalin", "1956", "sovnarkhozy", "gulag", "•", "-", "\n", "(", ")", "'", "."]
)
ANSWERS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=60).map(" ".join),
)


@cache
def schemes() -> list[MarkScheme]:
    course = read_notes(SEED).course
    family = course.topics[0].families[1]
    return [
        build_scheme(family.questions[0], family),
        reference_scheme("What is the capital of France?", ["Paris", "the city of Paris"], 1),
        reference_scheme(
            "Why did Khrushchev denounce Stalin?",
            ["He wanted to secure his own position. He blamed Stalin for the terror."],
            5,
        ),
    ]


def marked_or_refused(answer: str, scheme: MarkScheme) -> Marking | None:
    try:
        return mark(answer, scheme, embedder(), calibration())
    except PastpaperError:
        return None


@FUZZ
@given(answer=ANSWERS, which=st.integers(0, 2))
def test_any_text_is_marked_in_range_with_spans_inside_the_answer(answer: str, which: int) -> None:
    scheme = schemes()[which]
    result = marked_or_refused(answer, scheme)
    if result is None:
        return
    assert 0 <= result.mark <= scheme.max_marks
    for span in [c.span for c in result.credited] + [i.span for i in result.inaccuracies]:
        assert 0 <= span.start <= span.end <= len(answer)


@FUZZ
@given(data=st.binary(max_size=600))
def test_any_bytes_given_to_mark_give_a_mark_or_a_clear_error(data: bytes) -> None:
    answer = Path(tempfile.mkdtemp()) / "answer.txt"
    answer.write_bytes(data)
    result = runner.invoke(app, ["--db", str(seeded_bank()), "mark", "4", "--file", str(answer)])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 1:
        assert result.stderr.startswith("error: ")


@cache
def seeded_bank() -> Path:
    db = Path(tempfile.mkdtemp()) / "bank.db"
    assert runner.invoke(app, ["--db", str(db), "import", str(SEED)]).exit_code == 0
    return db
