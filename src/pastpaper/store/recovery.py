"""Answers the store could not take, kept in files until they can be submitted.

A student's answer is saved in the database before it is marked. When the database cannot
be written (a read-only file, a lock held too long, a full disk, a server gone), the answer
goes to a file of its own in the ``recovered`` folder of the user's data folder, and the next
practice session offers to submit it. A file is removed only once its answer is in the store.

>>> import tempfile
>>> from datetime import UTC, datetime
>>> folder = Path(tempfile.mkdtemp())
>>> now = datetime(2027, 5, 1, 9, 30, tzinfo=UTC)
>>> answer = Recovered(question_id=3, course="c", topic="t", question="Why?", answer="So.",
...     started_at=now, submitted_at=now, seconds_allowed=300, database="sqlite:///a.db",
...     cause="the disk is full")
>>> path = keep(answer, folder)
>>> [r.answer for r in waiting("sqlite:///a.db", folder)[0]]
['So.']
>>> waiting("sqlite:///b.db", folder)[0]
[]
"""

from __future__ import annotations

import tempfile
import uuid
from datetime import datetime
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ValidationError

from pastpaper.errors import Notice, OutputError
from pastpaper.files import JSON, write_file

__all__ = ["Recovered", "default_folder", "forget", "keep", "waiting"]


def default_folder() -> Path:
    """Where answers wait: ``recovered`` in the user's data folder (beside the database)."""
    return Path(platformdirs.user_data_dir("pastpaper", appauthor=False)) / "recovered"


class Recovered(BaseModel):
    """An answer as it was submitted, and why the store did not take it."""

    question_id: int
    course: str
    topic: str
    question: str
    answer: str
    started_at: datetime
    submitted_at: datetime
    seconds_allowed: int
    #: The database it was meant for (``Store.name``): its question ids mean nothing elsewhere.
    database: str
    #: Whose answer it is (``User.id`` in that database); None in files written before
    #: there were users, which the submitting user takes.
    user_id: int | None = None
    cause: str
    #: The file it is kept in, once kept or read back.
    path: Path | None = None


def keep(answer: Recovered, folder: Path | None = None) -> Path:
    """Write the answer to a new file in ``folder`` (made if need be); the file's path.

    If the folder cannot be made or written, the system's temporary folder is tried; an
    OutputError means neither could take it, and the caller must show the answer itself.
    """
    folder = folder or default_folder()
    stamp = answer.submitted_at.strftime("%Y%m%dT%H%M%S")
    name = f"answer-{stamp}-question-{answer.question_id}-{uuid.uuid4().hex[:8]}.json"
    text = answer.model_dump_json(indent=2, exclude={"path"})
    errors = []
    for place in (folder, Path(tempfile.gettempdir()) / "pastpaper-recovered"):
        try:
            place.mkdir(parents=True, exist_ok=True)
            write_file(place / name, text, kind=JSON)
            return place / name
        except (OSError, OutputError) as error:
            errors.append(f"{place}: {error}")
    raise OutputError("cannot keep the answer in a file (" + "; ".join(errors) + ")")


def waiting(database: str, folder: Path | None = None) -> tuple[list[Recovered], list[Notice]]:
    """The answers for ``database`` waiting in ``folder``, oldest first, and a notice for each
    file that cannot be read as a kept answer (it is left where it is)."""
    folder = folder or default_folder()
    found: list[Recovered] = []
    notices: list[Notice] = []
    for path in sorted(folder.glob("answer-*.json")):
        try:
            kept = Recovered.model_validate_json(path.read_bytes())
        except (OSError, ValidationError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not a kept answer"
            notices.append(Notice(f"left as it is: {reason}", str(path)))
            continue
        if kept.database == database:
            found.append(kept.model_copy(update={"path": path}))
    found.sort(key=lambda r: (r.submitted_at, str(r.path)))
    return found, notices


def forget(answer: Recovered) -> None:
    """Remove the file of an answer that is now in the store."""
    if answer.path is not None:
        answer.path.unlink(missing_ok=True)
