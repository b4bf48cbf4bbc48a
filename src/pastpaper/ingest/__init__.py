"""Ingest: notes files (text, Markdown, DOCX, PDF) and course files in, a Course out."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pastpaper.course import Course
from pastpaper.errors import Notice
from pastpaper.ingest.coursefile import dump_course, load_course
from pastpaper.ingest.parse import parse_source
from pastpaper.ingest.sources import Format, Source, read_source, source_of_bytes, split_lines
from pastpaper.settings import Settings, megabytes

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Imported",
    "dump_course",
    "load_course",
    "parse_notes",
    "read_notes",
    "read_upload",
]

#: The largest notes file read unless told otherwise.
DEFAULT_MAX_BYTES = megabytes(Settings.model_fields["max_mb"].default)


@dataclass(frozen=True)
class Imported:
    """A course read from one file, and the warnings about what was imported as best it could."""

    course: Course
    notices: list[Notice] = field(default_factory=list)
    kind: Format = "text"


def parse_notes(text: str, name: str = "notes.txt", *, markdown: bool = False) -> Imported:
    """Parse notes already in memory.

    >>> notes = "2000: Why did Khrushchev denounce Stalin? (5)\\n\\nTo secure power."
    >>> [q.marks for _, _, q in parse_notes(notes).course.questions()]
    [5]
    """
    course, notices = parse_source(Source(name, split_lines(text), markdown=markdown))
    return Imported(course, notices)


def read_notes(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Imported:
    """Read a notes file or a course file, whatever its format; raise InputError if it cannot be."""
    return _imported(*read_source(Path(path), max_bytes))


def read_upload(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Imported:
    """Read a notes file or course file already in memory (an upload named ``name``), as
    ``read_notes`` reads one on disk."""
    return _imported(*source_of_bytes(data, name, max_bytes))


def _imported(kind: Format, source: Source) -> Imported:
    if kind == "course":
        course = load_course("\n".join(source.lines), source.name)
        return Imported(course, source.notices, kind)
    course, notices = parse_source(source)
    return Imported(course, notices, kind)
