"""pastpaper: turn revision notes into an examiner.

>>> from pastpaper import parse_notes
>>> notes = "4: Khrushchev\\n\\n2000: Why did Khrushchev denounce Stalin? (5)\\n\\nTo rule."
>>> [(q.year, q.marks, q.command_word) for _, _, q in parse_notes(notes).course.questions()]
[(2000, 5, 'why')]
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pastpaper.app import Pastpaper
    from pastpaper.app.bank import ImportReport, export_course, import_file
    from pastpaper.course import Course, Question, QuestionFamily, Topic, command_word
    from pastpaper.errors import InputError, NotFound, Notice, PastpaperError, StoreError
    from pastpaper.ingest import Imported, dump_course, load_course, parse_notes, read_notes
    from pastpaper.settings import Settings
    from pastpaper.store import Store

# Where each public name lives. They are imported on first use, so that `pastpaper --help`
# and `import pastpaper.errors` do not pay for the database and document libraries.
_HOMES = {
    "pastpaper.app": ("Pastpaper",),
    "pastpaper.app.bank": ("ImportReport", "export_course", "import_file"),
    "pastpaper.course": ("Course", "Question", "QuestionFamily", "Topic", "command_word"),
    "pastpaper.errors": ("InputError", "NotFound", "Notice", "PastpaperError", "StoreError"),
    "pastpaper.ingest": ("Imported", "dump_course", "load_course", "parse_notes", "read_notes"),
    "pastpaper.settings": ("Settings",),
    "pastpaper.store": ("Store",),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    if name not in _HOME_OF:
        raise AttributeError(f"module 'pastpaper' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOME_OF[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "Course",
    "ImportReport",
    "Imported",
    "InputError",
    "NotFound",
    "Notice",
    "Pastpaper",
    "PastpaperError",
    "Question",
    "QuestionFamily",
    "Settings",
    "Store",
    "StoreError",
    "Topic",
    "command_word",
    "dump_course",
    "export_course",
    "import_file",
    "load_course",
    "parse_notes",
    "read_notes",
]

__version__ = "0.1.0"
