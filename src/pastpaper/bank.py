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
    store: Store,
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    replace: bool = False,
) -> ImportReport:
    """Read one notes or course file and save it.

    Importing a file again updates the course it made. A course file updates the course its
    slug names; so does any file with ``replace``. A notes file whose course title is taken
    by another file's course becomes a course of its own (``slug-2``), with a warning.
    """
    imported = read_notes(path, max_bytes=max_bytes)
    source = str(Path(path).resolve())
    is_course_file = imported.kind == "course"
    saved = store.save_course(imported.course, source=source, replace=replace or is_course_file)
    notices = list(imported.notices)
    if saved.clashed_with is not None:
        notices.append(
            Notice(
                f"a course '{imported.course.slug}' imported from {saved.clashed_with} is "
                f"already in the bank, so this file became the course '{saved.slug}'; to "
                "update the other course from this file instead, import it with --replace",
                str(path),
            )
        )
    return ImportReport(str(path), imported.course, saved, notices)


def export_course(store: Store, ref: str) -> str:
    """The text of the course file for a stored course (by slug or id)."""
    return dump_course(store.course(ref))


def example_paths(stack: ExitStack) -> Iterator[Path]:
    """The built-in example notes, as paths that stay valid while ``stack`` is open."""
    folder = resources.files("pastpaper") / "examples"
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".txt"):
            yield stack.enter_context(resources.as_file(entry))
