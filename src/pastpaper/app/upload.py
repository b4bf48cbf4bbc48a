"""Notes in, through the web: a teacher uploads notes (text, Markdown, DOCX, PDF) or a course
file, sees what was found before anything is saved, then confirms; a re-import over a course
they may change shows first which questions and notes paragraphs are new, kept and removed.

The bytes uploaded wait on the server between the preview and the confirmation, so the
browser never has to send them again unchanged: each upload is a folder ``uploads/<token>``
beside the SQLite database (in the data folder for a database served elsewhere), holding the
bytes and who uploaded them under what name. The token is random and bound to its user: for
anybody else it is not there. An upload is removed once it is saved, or when it is discarded,
or a day after it was made; a refusal at confirmation (the course became another's) keeps it.

A course made by an upload is owned by its teacher and remembers where it came from as
``web:<user id>:<file name>``: the same teacher uploading a file of the same name again
updates that course; another teacher's upload of the same file is a course of its own.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select

from pastpaper.app.bank import Bank, export_course
from pastpaper.course import Course, Question, QuestionFamily, question_key, topic_key
from pastpaper.errors import Forbidden, InputError, NotFound, Notice
from pastpaper.ingest import Imported, read_upload
from pastpaper.model import Frozen
from pastpaper.settings import Settings, default_db_path
from pastpaper.store import CourseSummary
from pastpaper.store.sync import Tree, family_key, match_ids, similar_text, stored_family_key
from pastpaper.store.tables import COURSES
from pastpaper.text import match_key

__all__ = [
    "Changes",
    "CourseFile",
    "FamilyFound",
    "QuestionFound",
    "TopicFound",
    "UploadPreview",
    "UploadSaved",
    "Uploads",
    "Warned",
    "course_changes",
    "uploads_folder",
]

#: How long an upload waits for its confirmation before it is cleared away.
UPLOAD_LIFETIME = timedelta(days=1)

#: The longest file name an upload keeps (its suffix is kept whole).
NAME_LIMIT = 120

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32}$")
_META = "upload.json"
_DATA = "data"


class QuestionFound(Frozen):
    """A question as the file gives it."""

    year: int | None
    text: str
    marks: int | None
    command_word: str

    @classmethod
    def of(cls, question: Question) -> QuestionFound:
        return cls(
            year=question.year,
            text=question.text,
            marks=question.marks,
            command_word=question.command_word,
        )


class FamilyFound(Frozen):
    """Questions on one theme, and the notes paragraphs that answer them."""

    questions: tuple[QuestionFound, ...]
    notes: tuple[str, ...]


class TopicFound(Frozen):
    number: int | None
    title: str
    families: tuple[FamilyFound, ...]


class Warned(Frozen):
    """A warning about the file: where (a line, or a label such as ``paragraph 12``) and what."""

    line: str | None
    message: str

    @classmethod
    def of(cls, notice: Notice) -> Warned:
        line = None if notice.line is None else str(notice.line)
        return cls(line=line, message=notice.message)


class Counts(Frozen):
    topics: int
    families: int
    questions: int
    notes: int


class Changes(Frozen):
    """What saving a file over a stored course would do to it."""

    questions_added: tuple[QuestionFound, ...]
    questions_kept: int
    questions_removed: tuple[QuestionFound, ...]
    notes_added: tuple[str, ...]
    notes_kept: int
    notes_removed: tuple[str, ...]


class CourseRef(Frozen):
    slug: str
    title: str


class UploadPreview(Frozen):
    """What an uploaded file holds, before anything is saved; ``updates`` is the stored
    course that confirming would update (None: a new course) and ``changes`` what it would
    change there."""

    token: str
    name: str
    kind: Literal["text", "markdown", "docx", "pdf", "course"]
    title: str
    slug: str
    counts: Counts
    topics: tuple[TopicFound, ...]
    warnings: tuple[Warned, ...]
    updates: CourseRef | None = None
    changes: Changes | None = None


class UploadSaved(Frozen):
    """What confirming an upload saved."""

    slug: str
    title: str
    created: bool
    questions_added: int
    questions_kept: int
    questions_removed: int
    warnings: tuple[str, ...] = ()


class CourseFile(Frozen):
    """A course as a course file: the name to save it under and its text."""

    name: str
    text: str


def uploads_folder(settings: Settings) -> Path:
    """Where uploads wait: beside the SQLite database, else in the user's data folder."""
    if "://" not in settings.db:
        return Path(settings.db).expanduser().resolve().parent / "uploads"
    return default_db_path().parent / "uploads"


def upload_name(given: str) -> str:
    """The name an upload is known by: the last part of the name the browser sent, cut to
    ``NAME_LIMIT`` characters with its suffix kept.

    >>> upload_name("C:\\\\Users\\\\ann\\\\notes.txt")
    'notes.txt'
    """
    name = re.split(r"[\\/]", given.strip())[-1].strip() or "notes.txt"
    name = "".join(ch for ch in name if ch.isprintable())
    if len(name) > NAME_LIMIT:
        suffix = Path(name).suffix[:16]
        name = name[: NAME_LIMIT - len(suffix)] + suffix
    return name


def counts_of(course: Course) -> Counts:
    families = [f for t in course.topics for f in t.families]
    return Counts(
        topics=len(course.topics),
        families=sum(1 for f in families if f.questions),
        questions=sum(len(f.questions) for f in families),
        notes=sum(len(f.notes) for f in families),
    )


def topics_found(course: Course) -> tuple[TopicFound, ...]:
    return tuple(
        TopicFound(
            number=topic.number,
            title=topic.title,
            families=tuple(
                FamilyFound(
                    questions=tuple(map(QuestionFound.of, family.questions)),
                    notes=family.notes,
                )
                for family in topic.families
            ),
        )
        for topic in course.topics
    )


def course_changes(old: Tree, course: Course) -> Changes:
    """Which questions and notes paragraphs saving ``course`` over the stored ``old`` would
    add, keep and remove, matched as the store matches them when it saves (``Sync``), with
    nothing written: an item new to the store gets a made-up id below zero."""
    fresh = iter(range(-1, -1_000_000_000, -1))

    def ids(stored: Any, new: Any, similar: Any = None) -> list[int]:
        found, _ = match_ids(stored, new, similar)
        return [next(fresh) if i is None else i for i in found]

    topic_ids = ids(
        [(t.id, topic_key(t.number, t.title), t.position) for t in old.topics],
        [(topic.key, i) for i, topic in enumerate(course.topics)],
    )
    old_families = [f for t in old.topics for f in old.families.get(t.id, ())]
    families: list[tuple[int, int, QuestionFamily]] = [
        (topic_id, position, family)
        for topic_id, topic in zip(topic_ids, course.topics, strict=True)
        for position, family in enumerate(topic.families)
    ]
    family_ids = ids(
        [(f.id, stored_family_key(f, old), (f.topic_id, f.position)) for f in old_families],
        [(family_key(t, p, family), (t, p)) for t, p, family in families],
    )
    old_questions = [q for f in old_families for q in old.questions.get(f.id, ())]
    new_questions = [
        (family_id, position, question)
        for family_id, (_, _, family) in zip(family_ids, families, strict=True)
        for position, question in enumerate(family.questions)
    ]
    question_ids = ids(
        [(q.id, question_key(q.year, q.text), (q.family_id, q.position)) for q in old_questions],
        [(q.key, (f, p)) for f, p, q in new_questions],
        similar_text,
    )
    old_notes = [n for f in old_families for n in old.notes.get(f.id, ())]
    new_notes = [
        (family_id, position, text)
        for family_id, (_, _, family) in zip(family_ids, families, strict=True)
        for position, text in enumerate(family.notes)
    ]
    note_ids = ids(
        [(n.id, (n.family_id, match_key(n.text)), (n.family_id, n.position)) for n in old_notes],
        [((f, match_key(text)), (f, p)) for f, p, text in new_notes],
        similar_text,
    )
    kept_questions = {i for i in question_ids if i > 0}
    kept_notes = {i for i in note_ids if i > 0}
    return Changes(
        questions_added=tuple(
            QuestionFound.of(q)
            for i, (_, _, q) in zip(question_ids, new_questions, strict=True)
            if i < 0
        ),
        questions_kept=len(kept_questions),
        questions_removed=tuple(
            QuestionFound(year=q.year, text=q.text, marks=q.marks, command_word=q.command_word)
            for q in old_questions
            if q.id not in kept_questions
        ),
        notes_added=tuple(
            text for i, (_, _, text) in zip(note_ids, new_notes, strict=True) if i < 0
        ),
        notes_kept=len(kept_notes),
        notes_removed=tuple(n.text for n in old_notes if n.id not in kept_notes),
    )


class Uploads(Bank):
    """Upload notes or a course file, preview it, confirm it; download a course file."""

    def require_teaching(self, doing: str) -> None:
        """Forbidden for a student: only a teacher or an admin brings notes in."""
        if self.user.role not in ("teacher", "admin"):
            raise Forbidden(f"only a teacher or an admin can {doing}")

    def upload_notes(
        self, name: str, data: bytes, course: str | None = None, *, size: int | None = None
    ) -> UploadPreview:
        """Read an uploaded notes or course file (at most the settings' ``max_mb``) and keep
        it, unsaved, for ``confirm_upload``; what it holds, and, for a re-import over
        ``course`` (which the user must be allowed to change), what it would change there.
        A file that cannot be read, or holds no question, is an InputError and is not kept.
        ``size``: the whole file's size, when ``data`` is only its beginning (a web server
        reads no more of a file than it needs to know it is too large).
        """
        self.require_teaching("upload notes")
        if course is not None:
            course = self.require_changeable(course).slug
        name = upload_name(name)
        limit = self.settings.max_bytes
        if max(size or 0, len(data)) > limit:
            raise InputError(
                f"the file is {max(size or 0, len(data)) / 1e6:.1f} MB, over the "
                f"{limit / 1e6:.1f} MB limit for one notes file; split it into smaller files",
                name,
            )
        imported = self._read(name, data)
        self._sweep()
        token = secrets.token_urlsafe(24)
        folder = self._folder() / token
        folder.mkdir(parents=True, mode=0o700)
        (folder / _DATA).write_bytes(data)
        meta = {
            "user_id": self.user.id,
            "name": name,
            "course": course,
            "at": self.now().isoformat(),
        }
        (folder / _META).write_text(json.dumps(meta), encoding="utf-8")
        return self._preview(token, name, imported, course)

    def upload_preview(self, token: str) -> UploadPreview:
        """The preview of an upload waiting for confirmation (the user's own)."""
        meta, data = self._upload(token)
        imported = self._read(meta["name"], data)
        return self._preview(token, meta["name"], imported, meta["course"])

    def confirm_upload(self, token: str) -> UploadSaved:
        """Save a waiting upload as a course the user owns, or over the course it re-imports
        (which the user must still be allowed to change); the upload is then removed."""
        meta, data = self._upload(token)
        name = meta["name"]
        imported = self._read(name, data)
        source = f"web:{self.user.id}:{name}"
        slug, replace = self._destination(imported.course, source, meta["course"])
        course_file = imported.kind == "course"
        saved = self.store.save_course(
            imported.course.model_copy(update={"slug": slug}),
            source=source,
            replace=replace,
            keep_schemes=not course_file,
            now=self.now(),
            owner_id=self.user.id,
        )
        shutil.rmtree(self._folder() / token, ignore_errors=True)
        return UploadSaved(
            slug=saved.slug,
            title=imported.course.title,
            created=saved.created,
            questions_added=saved.questions_added,
            questions_kept=saved.questions_kept,
            questions_removed=saved.questions_removed,
            warnings=saved.scheme_messages,
        )

    def discard_upload(self, token: str) -> str:
        """Remove a waiting upload unsaved; its file name."""
        meta, _ = self._upload(token)
        shutil.rmtree(self._folder() / token, ignore_errors=True)
        return str(meta["name"])

    def course_file(self, ref: str) -> CourseFile:
        """A course the user may see, as a course file (what ``export`` writes)."""
        self.require_teaching("download a course file")
        self.require_visible_ref(ref)
        slug = self.store.summary(ref).slug
        return CourseFile(name=f"{slug}.yaml", text=export_course(self.store, slug))

    def changeable_courses(self) -> list[CourseSummary]:
        """The courses the user may re-import over: their own (an admin: every course)."""
        self.require_teaching("upload notes")
        return [c for c in self.store.courses() if self.may_change(c)]

    # -- the parts -----------------------------------------------------------------------

    def _folder(self) -> Path:
        return uploads_folder(self.settings)

    def _read(self, name: str, data: bytes) -> Imported:
        imported = read_upload(data, name, max_bytes=self.settings.max_bytes)
        if not any(True for _ in imported.course.questions()):
            raise InputError(
                "no past-paper questions were found in it: pastpaper looks for lines such "
                "as '1999: Why did Khrushchev denounce Stalin? (10)' (a year, the question, "
                "its marks in brackets)",
                name,
            )
        return imported

    def _upload(self, token: str) -> tuple[dict[str, Any], bytes]:
        """The user's upload ``token``: its description and its bytes; NotFound for one that
        is not theirs, was saved or discarded, or has expired."""
        self.require_teaching("upload notes")
        gone = NotFound(
            "that upload is not waiting any more (it was saved, discarded, or left for over "
            "a day): upload the file again"
        )
        if not _TOKEN.match(token):
            raise gone
        folder = self._folder() / token
        try:
            meta = json.loads((folder / _META).read_text(encoding="utf-8"))
            data = (folder / _DATA).read_bytes()
        except (OSError, ValueError):
            raise gone from None
        if meta.get("user_id") != self.user.id or self._expired(meta):
            raise gone
        return meta, data

    def _expired(self, meta: dict[str, Any]) -> bool:
        try:
            made = datetime.fromisoformat(str(meta["at"]))
        except (KeyError, ValueError):
            return True
        return self.now() - made > UPLOAD_LIFETIME

    def _sweep(self) -> None:
        """Clear away the uploads left unconfirmed for over a day."""
        folder = self._folder()
        if not folder.is_dir():
            return
        for entry in folder.iterdir():
            try:
                meta = json.loads((entry / _META).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # being written now, or not ours
            if self._expired(meta):
                shutil.rmtree(entry, ignore_errors=True)

    def _preview(
        self, token: str, name: str, imported: Imported, course: str | None
    ) -> UploadPreview:
        found = imported.course
        source = f"web:{self.user.id}:{name}"
        slug, _ = self._destination(found, source, course)
        target = self._target(found, source, course)
        changes = None
        if target is not None:
            with self.store.engine.connect() as conn:
                changes = course_changes(Tree.load(conn, target.id), found)
        return UploadPreview(
            token=token,
            name=name,
            kind=imported.kind,
            title=found.title,
            slug=slug,
            counts=counts_of(found),
            topics=topics_found(found),
            warnings=tuple(map(Warned.of, imported.notices)),
            updates=None if target is None else CourseRef(slug=target.slug, title=target.title),
            changes=changes,
        )

    def _target(self, course: Course, source: str, ref: str | None) -> CourseSummary | None:
        """The stored course saving would update: the one re-imported, else the user's own
        course from a file of this name, else None (a new course)."""
        if ref is not None:
            return self.require_changeable(ref)
        with self.store.engine.connect() as conn:
            row = conn.execute(select(COURSES.c.id).where(COURSES.c.source == source)).first()
        if row is None:
            return None
        summary = self.store.summary(str(row.id))
        return summary if self.may_change(summary) else None

    def _destination(self, course: Course, source: str, ref: str | None) -> tuple[str, bool]:
        """The slug to save ``course`` under and whether to replace the course holding it,
        so that the store updates exactly ``_target``'s course, or adds a new one under a
        slug nobody holds (never another's course, whatever its slug)."""
        target = self._target(course, source, ref)
        if target is not None:
            return target.slug, True
        taken = {c.slug for c in self.store.courses()}
        return _free_slug(course.slug, taken), False


def _free_slug(base: str, taken: Iterable[str]) -> str:
    """``base``, or the first of ``base-2``, ``base-3``, ... that no course holds.

    >>> _free_slug("cold-war", ["cold-war", "cold-war-2"])
    'cold-war-3'
    """
    held = set(taken)
    if base not in held:
        return base
    return next(f"{base}-{n}" for n in range(2, len(held) + 3) if f"{base}-{n}" not in held)
