"""Fuzzing the marker: any text or bytes as an answer is marked, or refused with a
PastpaperError; never a traceback. The number of examples is PASTPAPER_FUZZ_EXAMPLES
(a short run by default; benchmarks/fuzz.py runs them for longer)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pastpaper.calibration import calibration
from pastpaper.cli import app
from pastpaper.course import Course
from pastpaper.embed import embedder
from pastpaper.errors import PastpaperError
from pastpaper.ingest import read_notes
from pastpaper.marking import Marking, mark, reference_scheme
from pastpaper.scheme import MarkScheme, build_scheme

EXAMPLES = int(os.environ.get("PASTPAPER_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
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


@pytest.fixture(scope="module")
def schemes(seed_path: Path) -> list[MarkScheme]:
    course: Course = read_notes(seed_path).course
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
def test_any_text_is_marked_in_range_with_spans_inside_the_answer(
    schemes: list[MarkScheme], answer: str, which: int
) -> None:
    scheme = schemes[which]
    result = marked_or_refused(answer, scheme)
    if result is None:
        return
    assert 0 <= result.mark <= scheme.max_marks
    for span in [c.span for c in result.credited] + [i.span for i in result.inaccuracies]:
        assert 0 <= span.start <= span.end <= len(answer)


@FUZZ
@given(data=st.binary(max_size=600))
def test_any_bytes_given_to_mark_on_the_command_line_never_give_a_traceback(
    tmp_path_factory: pytest.TempPathFactory, seeded_bank: Path, data: bytes
) -> None:
    answer = tmp_path_factory.mktemp("answer") / "answer.txt"
    answer.write_bytes(data)
    result = runner.invoke(app, ["--db", str(seeded_bank), "mark", "4", "--file", str(answer)])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if result.exit_code == 1:
        assert result.stderr.startswith("error: ")


@pytest.fixture(scope="module")
def seeded_bank(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    db = tmp_path_factory.mktemp("bank") / "bank.db"
    assert runner.invoke(app, ["--db", str(db), "import", str(seed_path)]).exit_code == 0
    return db
