"""Fuzzing the readers: whatever text or bytes they are given, they raise nothing but a
PastpaperError, and the notes parser keeps every word.

Each test runs PASTPAPER_FUZZ_EXAMPLES examples (50 unless set), so the suite stays quick;
``python benchmarks/fuzz.py --minutes N`` runs them again and again for longer.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from functools import cache
from pathlib import Path

import docx
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pastpaper.course import Course
from pastpaper.errors import PastpaperError
from pastpaper.ingest import dump_course, load_course, parse_notes, read_notes
from test_coursefile import courses
from test_parser_properties import lost_words, notes

settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("PASTPAPER_FUZZ_EXAMPLES", "50")),
    deadline=None,  # a slow example is not a failure here; benchmarks/fuzz.py prints time
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
fuzz = settings.get_profile("fuzz")

# -- what the readers are given ---------------------------------------------------------------

any_notes = st.one_of(st.text(), notes)


@cache
def docx_sample() -> bytes:
    document = docx.Document()
    document.add_heading("Soviet Union", level=0)
    document.add_heading("4: Khrushchev", level=1)
    document.add_paragraph("2000: Why did Khrushchev denounce Stalin? (5)")
    document.add_paragraph("To secure his own position.")
    document.add_table(rows=1, cols=2).cell(0, 1).text = "The Secret Speech, 1956."
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


@cache
def pdf_sample() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in ["Khrushchev", "", "2001: Why did Khrushchev fall? (10)", "", "Cuba, 1962."]:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def mutations(base: bytes) -> st.SearchStrategy[bytes]:
    """``base`` with a few of its byte runs replaced, and perhaps cut short."""
    edit = st.tuples(st.integers(0, len(base)), st.integers(0, 16), st.binary(max_size=16))

    def apply(edits: list[tuple[int, int, bytes]], end: int) -> bytes:
        data = bytearray(base)
        for at, length, new in edits:
            data[at : at + length] = new
        return bytes(data[:end])

    return st.builds(apply, st.lists(edit, max_size=6), st.integers(0, len(base)))


any_bytes = st.one_of(
    st.binary(),
    st.builds(
        bytes.__add__,
        st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"]),
        st.binary(),
    ),
    st.builds(str.encode, any_notes, st.sampled_from(["utf-8", "utf-16-le", "utf-16"])),
    st.deferred(lambda: mutations(docx_sample())),
    st.deferred(lambda: mutations(pdf_sample())),
)

# Pieces of YAML syntax, and values YAML reads as something other than text.
YAML_PIECES = [
    *["&a ", "*a", "!!python/object:os.system ", "!custom ", "!!str ", "!!int ", "!!float "],
    *["!!binary ", "!!set ", "!!timestamp ", "! ", "<<: ", "? ", "- ", ": ", "|\n", ">-\n"],
    *["{", "}", "[", "]", ", ", '"', "'", "#", "\n", "  ", "\t", "---\n", "...\n", "\\"],
    *["%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\x85", "\u2028", "\ufeff", "\x07", "0x1F"],
    *["1e999", "-.inf", "~", "null", "2001-13-45", "2001-02-03", "yes", "no", "9" * 5000],
    *["title: ", "topics:\n", "- title: ", "families:\n", "notes: ", "questions:\n"],
    *["marks: ", "scheme: ", "add: ", "accept: ", "drop: ", "pastpaper: 1\n", "pastpaper: 2\n"],
]


def edited(text: str, edits: list[tuple[float, int, str]]) -> str:
    """``text`` with pieces put in at fractions of its length, each over ``cut`` characters."""
    for at, cut, piece in edits:
        index = int(at * len(text))
        text = text[:index] + piece + text[index + cut :]
    return text


yaml_edit = st.tuples(
    st.floats(0, 1), st.integers(0, 4), st.sampled_from(YAML_PIECES) | st.text(max_size=8)
)
yaml_shaped = st.builds(
    edited, courses.map(dump_course), st.lists(yaml_edit, min_size=1, max_size=8)
)

# -- the properties ---------------------------------------------------------------------------


@fuzz
@given(any_notes, st.booleans())
def test_the_notes_parser_keeps_every_word_of_any_text(text: str, markdown: bool) -> None:
    try:
        course = parse_notes(text, "notes.md" if markdown else "notes.txt", markdown=markdown)
    except PastpaperError as error:
        assert not text.strip(), error
        return
    lost = lost_words(text, course.course)
    assert not lost, f"lost words: {sorted(lost)}"


@fuzz
@given(any_notes.filter(lambda text: "\x00" not in text), st.sampled_from([".txt", ".md"]))
def test_a_notes_file_keeps_every_word_of_its_text(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"notes{suffix}"
        path.write_text(text, encoding="utf-8", newline="")
        try:
            course = read_notes(path).course
        except PastpaperError:
            return  # empty, or too full of control characters to be text
    lost = lost_words(text, course)
    assert not lost, f"lost words: {sorted(lost)}"


@fuzz
@given(any_bytes, st.sampled_from([".txt", ".md", ".docx", ".pdf", ".yaml", ""]))
def test_a_file_of_any_bytes_is_read_or_refused(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"notes{suffix}"
        path.write_bytes(data)
        with contextlib.suppress(PastpaperError):
            read_notes(path)


@fuzz
@given(st.text())
def test_any_text_as_a_course_file_is_read_or_refused(text: str) -> None:
    with contextlib.suppress(PastpaperError):
        load_course(text, "course.yaml")


@fuzz
@given(yaml_shaped)
def test_an_edited_course_file_is_read_whole_or_refused(text: str) -> None:
    try:
        course = load_course(text, "course.yaml")
    except PastpaperError:
        return
    # What was read is kept: written out and read again, it is the same course.
    assert load_course(dump_course(course)) == course


def test_the_samples_are_read_before_they_are_mutated(tmp_path: Path) -> None:
    # Mutations of a file that is not read to begin with would test only the refusal.
    for suffix, data in [(".docx", docx_sample()), (".pdf", pdf_sample())]:
        path = tmp_path / f"sample{suffix}"
        path.write_bytes(data)
        course: Course = read_notes(path).course
        assert [q.year for _, _, q in course.questions()] in ([2000], [2001])
