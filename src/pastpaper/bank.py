"""Question-bank operations that join ingest and store: what the CLI, web app and API call."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pastpaper.course import Course
from pastpaper.errors import Notice
from pastpaper.ingest import DEFAULT_MAX_BYTES, dump_course, read_notes
from pastpaper.store import Saved, Store

__all__ = ["ImportReport", "example_paths", "export_course", "import_file"]


@dataclass(frozen=True)
class ImportReport:
    path: str
    course: Course
    saved: Saved
    notices: list[Notice] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        families = [f for t in self.course.topics for f in t.families]
        return {
            "topics": len(self.course.topics),
            "families": sum(1 for f in families if f.questions),
            "questions": sum(len(f.questions) for f in families),
            "notes": sum(len(f.notes) for f in families),
        }


def import_file(
    store: Store, path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> ImportReport:
    """Read one notes or course file and save it; a course already there is updated."""
    imported = read_notes(path, max_bytes=max_bytes)
    saved = store.save_course(imported.course)
    return ImportReport(str(path), imported.course, saved, imported.notices)


def export_course(store: Store, ref: str) -> str:
    """The text of the course file for a stored course (by slug or id)."""
    return dump_course(store.course(ref))


def example_paths(stack: ExitStack) -> Iterator[Path]:
    """The built-in example notes, as paths that stay valid while ``stack`` is open."""
    folder = resources.files("pastpaper") / "examples"
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".txt"):
            yield stack.enter_context(resources.as_file(entry))
