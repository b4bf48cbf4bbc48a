"""The store: the question bank in SQLite (default) or PostgreSQL, migrated by Alembic.

    store = Store.open("bank.db")
    saved = store.save_course(course)        # insert, or update in place on re-import
    store.questions(course="khrushchevs-attempts-at-modernisation")

Re-importing a course updates it: a topic, family, question or note that is still there
keeps its id, so ids can be written down and used again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from pastpaper.course import Course, Question, QuestionFamily, Topic, question_key, topic_key
from pastpaper.errors import NotFound, StoreError
from pastpaper.store.migrate import migrate
from pastpaper.store.tables import CourseRow, FamilyRow, NoteRow, QuestionRow, TopicRow
from pastpaper.text import match_key

__all__ = ["CourseSummary", "QuestionDetail", "QuestionInfo", "Saved", "Store", "database_url"]

_courses: Table = CourseRow.__table__  # type: ignore[assignment]
_topics: Table = TopicRow.__table__  # type: ignore[assignment]
_families: Table = FamilyRow.__table__  # type: ignore[assignment]
_questions: Table = QuestionRow.__table__  # type: ignore[assignment]
_notes: Table = NoteRow.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class Saved:
    """What saving a course did."""

    course_id: int
    slug: str
    created: bool
    questions_added: int
    questions_kept: int
    questions_removed: int


@dataclass(frozen=True)
class CourseSummary:
    id: int
    slug: str
    title: str
    topics: int
    questions: int
    notes: int
    updated_at: datetime


@dataclass(frozen=True)
class QuestionInfo:
    id: int
    course: str
    topic: str
    topic_number: int | None
    family: int
    year: int | None
    text: str
    marks: int | None
    command_word: str


@dataclass(frozen=True)
class QuestionDetail:
    """A question with the rest of its family and the notes that answer it."""

    question: QuestionInfo
    course_title: str
    family_questions: list[QuestionInfo]
    notes: list[str]


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for a path or URL; PostgreSQL URLs get the psycopg 3 driver."""
    text = str(db)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text.removeprefix(prefix)
    return text


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Store:
    """The question bank in a database. Open with ``Store.open(path_or_url)``."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, db: str | Path) -> Store:
        """Open (creating and migrating as needed) the database at a path or URL."""
        url = database_url(db)
        if url.startswith("sqlite:///"):
            path = Path(url.removeprefix("sqlite:///"))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(
                    f"cannot create the folder for the database {path}: {error.strerror}; "
                    "give another place with --db PATH"
                ) from None
        try:
            engine = create_engine(url)
        except (SQLAlchemyError, ImportError, ValueError) as error:
            raise StoreError(f"cannot use the database URL {db}: {error}") from None
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        migrate(engine, str(db))
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ------------------------------------------------------------------------

    def save_course(self, course: Course, *, now: datetime | None = None) -> Saved:
        """Insert the course, or update the course with the same slug in place."""
        now = now or datetime.now(UTC)
        try:
            return self._save(course, now)
        except (IntegrityError, OperationalError) as error:
            # Two imports of one new course at once: the loser's transaction rolled back whole.
            raise StoreError(
                f"the course {course.slug} could not be saved ({error.orig}); nothing was "
                "changed: run the import again"
            ) from None

    def _save(self, course: Course, now: datetime) -> Saved:
        with self.engine.begin() as conn:
            course_id = conn.scalar(select(_courses.c.id).where(_courses.c.slug == course.slug))
            created = course_id is None
            if course_id is None:
                course_id = conn.scalar(
                    insert(_courses)
                    .values(slug=course.slug, title=course.title, created_at=now, updated_at=now)
                    .returning(_courses.c.id)
                )
            else:
                conn.execute(
                    update(_courses)
                    .where(_courses.c.id == course_id)
                    .values(title=course.title, updated_at=now)
                )
            assert course_id is not None
            return _Sync(conn, course_id).run(course, created)

    # -- reading ------------------------------------------------------------------------

    def courses(self) -> list[CourseSummary]:
        """Every course, with how many topics, questions and notes paragraphs it holds."""
        counts = {name: dict(self._count(column)) for name, column in _COUNTED.items()}
        with self.engine.connect() as conn:
            rows = conn.execute(select(_courses).order_by(_courses.c.id)).all()
        return [
            CourseSummary(
                id=row.id,
                slug=row.slug,
                title=row.title,
                topics=counts["topics"].get(row.id, 0),
                questions=counts["questions"].get(row.id, 0),
                notes=counts["notes"].get(row.id, 0),
                updated_at=row.updated_at,
            )
            for row in rows
        ]

    def _count(self, table: Table) -> list[tuple[int, int]]:
        query = select(_topics.c.course_id, func.count()).select_from(_topics)
        if table is not _topics:
            query = query.join(_families, _families.c.topic_id == _topics.c.id)
        if table is _questions or table is _notes:
            query = query.join(table, table.c.family_id == _families.c.id)
        with self.engine.connect() as conn:
            return [(row[0], row[1]) for row in conn.execute(query.group_by(_topics.c.course_id))]

    def course_id(self, ref: str) -> int:
        """The id of a course given by slug or id; NotFound lists the courses there are."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(_courses.c.id, _courses.c.slug)).all()
        for row in rows:
            if ref in (row.slug, str(row.id)):
                return int(row.id)
        known = ", ".join(row.slug for row in rows) or "none yet (import some notes first)"
        raise NotFound(f"no course '{ref}'; the courses are: {known}")

    def questions(self, course: str | None = None, topic: str | None = None) -> list[QuestionInfo]:
        """The question bank, in the order of the notes; filtered by course and topic if given.

        ``topic`` is a topic number or a word of its title.
        """
        query = _question_query()
        if course is not None:
            query = query.where(_courses.c.id == self.course_id(course))
        with self.engine.connect() as conn:
            found = [_info(row) for row in conn.execute(query)]
        if topic is not None:
            wanted = match_key(topic)
            found = [
                q for q in found if wanted == str(q.topic_number) or wanted in match_key(q.topic)
            ]
            if not found:
                raise NotFound(f"no questions in a topic '{topic}' (give a number or a title word)")
        return found

    def question(self, question_id: int) -> QuestionDetail:
        """One question, the other questions of its family, and the notes that answer them."""
        with self.engine.connect() as conn:
            row = conn.execute(_question_query().where(_questions.c.id == question_id)).first()
            if row is None:
                raise NotFound(f"no question {question_id}; 'pastpaper questions' lists their ids")
            info = _info(row)
            family = [
                _info(r)
                for r in conn.execute(
                    _question_query().where(_questions.c.family_id == info.family)
                )
            ]
            notes = list(
                conn.scalars(
                    select(_notes.c.text)
                    .where(_notes.c.family_id == info.family)
                    .order_by(_notes.c.position)
                )
            )
        return QuestionDetail(info, row.course_title, family, notes)

    def course(self, ref: str) -> Course:
        """The whole course, as plain data (what ``export`` writes)."""
        course_id = self.course_id(ref)
        with self.engine.connect() as conn:
            head = conn.execute(select(_courses).where(_courses.c.id == course_id)).one()
            tree = _Tree.load(conn, course_id)
        topics = []
        for topic in tree.topics:
            families = [
                QuestionFamily(
                    questions=tuple(
                        Question(
                            year=q.year, text=q.text, marks=q.marks, command_word=q.command_word
                        )
                        for q in tree.questions.get(family.id, ())
                    ),
                    notes=tuple(n.text for n in tree.notes.get(family.id, ())),
                )
                for family in tree.families.get(topic.id, ())
            ]
            topics.append(Topic(number=topic.number, title=topic.title, families=tuple(families)))
        return Course(title=head.title, slug=head.slug, topics=tuple(topics))


_COUNTED = {"topics": _topics, "questions": _questions, "notes": _notes}


def _question_query() -> Any:
    return (
        select(
            _questions,
            _courses.c.slug.label("course_slug"),
            _courses.c.title.label("course_title"),
            _topics.c.title.label("topic_title"),
            _topics.c.number.label("topic_number"),
        )
        .join(_families, _families.c.id == _questions.c.family_id)
        .join(_topics, _topics.c.id == _families.c.topic_id)
        .join(_courses, _courses.c.id == _topics.c.course_id)
        .order_by(_courses.c.id, _topics.c.position, _families.c.position, _questions.c.position)
    )


def _info(row: Any) -> QuestionInfo:
    return QuestionInfo(
        id=row.id,
        course=row.course_slug,
        topic=row.topic_title,
        topic_number=row.topic_number,
        family=row.family_id,
        year=row.year,
        text=row.text,
        marks=row.marks,
        command_word=row.command_word,
    )


@dataclass
class _Tree:
    """A stored course's rows, grouped by parent id, each list in position order."""

    topics: list[Any]
    families: dict[int, list[Any]]
    questions: dict[int, list[Any]]
    notes: dict[int, list[Any]]

    @classmethod
    def load(cls, conn: Connection, course_id: int) -> _Tree:
        topics = conn.execute(
            select(_topics).where(_topics.c.course_id == course_id).order_by(_topics.c.position)
        ).all()
        in_course = select(_topics.c.id).where(_topics.c.course_id == course_id)
        families = conn.execute(
            select(_families)
            .where(_families.c.topic_id.in_(in_course))
            .order_by(_families.c.position)
        ).all()
        family_ids = select(_families.c.id).where(_families.c.topic_id.in_(in_course))
        children = {
            table: conn.execute(
                select(table).where(table.c.family_id.in_(family_ids)).order_by(table.c.position)
            ).all()
            for table in (_questions, _notes)
        }
        return cls(
            topics=list(topics),
            families=_group(families, "topic_id"),
            questions=_group(children[_questions], "family_id"),
            notes=_group(children[_notes], "family_id"),
        )


def _group(rows: Iterable[Any], parent: str) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for row in rows:
        grouped.setdefault(getattr(row, parent), []).append(row)
    return grouped


def _numbered(keys: Iterable[Hashable]) -> list[tuple[Hashable, int]]:
    """Make keys unique by counting repeats: [a, b, a] -> [(a, 0), (b, 0), (a, 1)]."""
    seen: dict[Hashable, int] = {}
    numbered = []
    for key in keys:
        seen[key] = seen.get(key, -1) + 1
        numbered.append((key, seen[key]))
    return numbered


def _keyed(rows: list[Any], key: Callable[[Any], Hashable]) -> dict[tuple[Hashable, int], int]:
    """Stored rows' ids by their (numbered) key."""
    return {k: row.id for k, row in zip(_numbered(key(r) for r in rows), rows, strict=True)}


class _Sync:
    """Write a course over its stored version, keeping the id of everything that is still there."""

    def __init__(self, conn: Connection, course_id: int):
        self.conn = conn
        self.course_id = course_id
        self.removed: list[tuple[Table, list[int]]] = []
        self.inserted: dict[Table, int] = {}

    def run(self, course: Course, created: bool) -> Saved:
        old = _Tree.load(self.conn, self.course_id)
        old_families = [f for t in old.topics for f in old.families.get(t.id, ())]
        old_questions = [q for f in old_families for q in old.questions.get(f.id, ())]
        old_notes = [n for f in old_families for n in old.notes.get(f.id, ())]

        topic_ids = self.write(
            _topics,
            old=_keyed(old.topics, lambda t: topic_key(t.number, t.title)),
            keys=[topic.key for topic in course.topics],
            rows=[
                {"course_id": self.course_id, "position": i, "number": t.number, "title": t.title}
                for i, t in enumerate(course.topics)
            ],
        )
        family_parents = [
            (topic_id, position, family)
            for topic_id, topic in zip(topic_ids, course.topics, strict=True)
            for position, family in enumerate(topic.families)
        ]
        family_ids = self.write(
            _families,
            old=_keyed(old_families, lambda f: _stored_family_key(f, old)),
            keys=[_family_key(topic_id, pos, fam) for topic_id, pos, fam in family_parents],
            rows=[{"topic_id": t, "position": p} for t, p, _ in family_parents],
        )
        new_questions = [
            (family_id, position, question)
            for family_id, (_, _, family) in zip(family_ids, family_parents, strict=True)
            for position, question in enumerate(family.questions)
        ]
        question_ids = self.write(
            _questions,
            old=_keyed(old_questions, lambda q: question_key(q.year, q.text)),
            keys=[question.key for _, _, question in new_questions],
            rows=[
                {
                    "family_id": family_id,
                    "position": position,
                    "year": q.year,
                    "text": q.text,
                    "marks": q.marks,
                    "command_word": q.command_word,
                }
                for family_id, position, q in new_questions
            ],
        )
        new_notes = [
            (family_id, position, text)
            for family_id, (_, _, family) in zip(family_ids, family_parents, strict=True)
            for position, text in enumerate(family.notes)
        ]
        self.write(
            _notes,
            old=_keyed(old_notes, lambda n: (n.family_id, match_key(n.text))),
            keys=[(family_id, match_key(text)) for family_id, _, text in new_notes],
            rows=[
                {"family_id": family_id, "position": position, "text": text}
                for family_id, position, text in new_notes
            ],
        )
        # Children first, after every survivor has been moved to its new parent.
        for table, ids in reversed(self.removed):
            for chunk in _chunks(ids, 5000):
                self.conn.execute(delete(table).where(table.c.id.in_(chunk)))
        removed_questions = next((len(ids) for t, ids in self.removed if t is _questions), 0)
        kept = len(question_ids) - self.inserted[_questions]
        return Saved(
            course_id=self.course_id,
            slug=course.slug,
            created=created,
            questions_added=self.inserted[_questions],
            questions_kept=kept,
            questions_removed=removed_questions,
        )

    def write(
        self,
        table: Table,
        old: dict[tuple[Hashable, int], int],
        keys: Sequence[Hashable],
        rows: list[dict[str, Any]],
    ) -> list[int]:
        """Update the rows whose key was stored before, insert the rest; return ids in order."""
        ids: list[int | None] = [old.pop(key, None) for key in _numbered(keys)]
        updates = [{"_id": i, **row} for i, row in zip(ids, rows, strict=True) if i is not None]
        fresh = [row for i, row in zip(ids, rows, strict=True) if i is None]
        if updates:
            columns: dict[str, Any] = {name: bindparam(name) for name in rows[0]}
            statement = update(table).where(table.c.id == bindparam("_id")).values(columns)
            self.conn.execute(statement, updates)
        new_ids: list[int] = []
        if fresh:
            result = self.conn.execute(
                insert(table).returning(table.c.id, sort_by_parameter_order=True), fresh
            )
            new_ids = list(result.scalars())
        self.inserted[table] = len(fresh)
        self.removed.append((table, sorted(old.values())))
        fresh_ids = iter(new_ids)
        return [i if i is not None else next(fresh_ids) for i in ids]


def _family_key(topic_id: int, position: int, family: QuestionFamily) -> Hashable:
    # A family is known by its first question; a family of notes alone by its place.
    if family.questions:
        return (topic_id, family.questions[0].key)
    return (topic_id, "notes", position)


def _stored_family_key(row: Any, tree: _Tree) -> Hashable:
    questions = tree.questions.get(row.id)
    if questions:
        return (row.topic_id, question_key(questions[0].year, questions[0].text))
    return (row.topic_id, "notes", row.position)


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
