"""The store: the question bank in SQLite (default) or PostgreSQL, migrated by Alembic.

    store = Store.open("bank.db")
    saved = store.save_course(course)        # insert, or update in place on re-import
    store.questions(course="khrushchevs-attempts-at-modernisation")

Re-importing a course updates it: a topic, family, question or note that is still there
keeps its id, so ids can be written down and used again. A course's flashcards are made
when it is saved, in the same transaction; reading them writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace as replace_fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    create_engine,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import (
    DataError,
    IntegrityError,
    InternalError,
    OperationalError,
    SQLAlchemyError,
)

from pastpaper.course import Course, QuestionFamily
from pastpaper.errors import NotFound, StoreError
from pastpaper.settings import default_db_path
from pastpaper.store.guard import reported
from pastpaper.store.migrate import migrate
from pastpaper.store.sync import (
    Saved,
    Sync,
    cards_made_from,
    question_of,
    stored_course,
    write_course_cards,
)
from pastpaper.store.tables import (
    ATTEMPTS,
    CARDS,
    COURSE_OWNERS,
    COURSES,
    FAMILIES,
    NOTES,
    QUESTIONS,
    REVIEWS,
    TOPICS,
)
from pastpaper.store.transactions import prepare, writing
from pastpaper.text import match_key, shorten

if TYPE_CHECKING:
    from pastpaper.store.answers import Answers
    from pastpaper.store.drafts import Drafts
    from pastpaper.store.jobs import Jobs
    from pastpaper.store.memory import Memory
    from pastpaper.store.people import People
    from pastpaper.store.sessions import Sessions
    from pastpaper.store.sign_ins import SignIns
    from pastpaper.store.teaching import Teaching
    from pastpaper.store.tokens import Tokens
    from pastpaper.store.vectors import TextVectors

__all__ = [
    "CourseSummary",
    "DeletedCourse",
    "QuestionDetail",
    "QuestionInfo",
    "Saved",
    "Store",
    "StoredFamily",
    "database_path",
    "database_url",
]


@dataclass(frozen=True)
class CourseSummary:
    id: int
    slug: str
    title: str
    topics: int
    questions: int
    notes: int
    updated_at: datetime
    owner_id: int | None = None  # who owns it; None: the installation's (command line)


@dataclass(frozen=True)
class DeletedCourse:
    """What ``delete_course`` removed, and how much of the student's work it kept."""

    slug: str
    title: str
    questions: int
    cards: int
    attempts_kept: int
    reviews_kept: int


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


@dataclass(frozen=True)
class StoredFamily:
    """A question family as stored: its id, its questions' ids and the family as plain data."""

    id: int
    course: str
    topic: str
    question_ids: list[int]
    family: QuestionFamily


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for a path or URL; PostgreSQL URLs get the psycopg 3 driver."""
    text = str(db)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text.removeprefix(prefix)
    return text


def database_path(db: str | Path) -> Path | None:
    """The file of a SQLite database given as a path or URL; None for a server's database."""
    url = database_url(db)
    if not url.startswith("sqlite:///") or url == "sqlite:///:memory:":
        return None
    return _sqlite_file(url.removeprefix("sqlite:///"))


def _sqlite_file(database: str) -> Path:
    """The file of SQLite's database name, also when written as a URI (``file:PATH?mode=ro``
    with ``uri=true``, as for a read-only database)."""
    name, _, query = database.partition("?")
    if name.startswith("file:") and "uri=true" in query.split("&"):
        return Path(name.removeprefix("file:"))
    return Path(database)


class Store:
    """The question bank in a database. Open with ``Store.open(path_or_url)``."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, db: str | Path) -> Store:
        """Open (creating and migrating as needed) the database at a path or URL."""
        url = database_url(db)
        path = database_path(db)
        if path is not None and not path.parent.is_dir():
            _make_data_folder(path.parent)
        try:
            # A server's connections are checked before use, so one the server dropped (a
            # restart) is replaced instead of failing a request.
            engine = create_engine(url, pool_pre_ping=path is None)
        except ImportError as error:
            hint = " (install it with: pip install 'pastpaper[postgres]')"
            raise StoreError(
                f"cannot use the database {db}: its driver is not installed ({error})"
                + (hint if "psycopg" in str(error) else "")
            ) from None
        except (SQLAlchemyError, ValueError) as error:
            raise StoreError(f"cannot use the database URL {db}: {error}") from None
        prepare(engine)
        migrate(engine, str(db))
        opened = cls(engine)
        opened._make_missing_cards()
        return opened

    def _make_missing_cards(self) -> None:
        """Make the cards of courses saved before cards were made on saving (databases from
        before migration 0004, whose cards were made when first read). Usually there are
        none, and nothing is written. A database that cannot be written (read-only) is
        left as it is: the next open that can write makes them."""
        stale = select(COURSES.c.id).where(
            COURSES.c.cards_made_at.is_(None) | (COURSES.c.cards_made_at < COURSES.c.updated_at)
        )
        try:
            with self.engine.connect() as conn:
                course_ids = list(conn.scalars(stale))
            for course_id in course_ids:
                with writing(self.engine) as conn:
                    # Another process opening the database may have made them meanwhile.
                    if conn.scalar(stale.where(COURSES.c.id == course_id)) is not None:
                        write_course_cards(conn, course_id, datetime.now(UTC))
        except (OperationalError, InternalError):  # read-only: SQLite's, PostgreSQL's
            return

    @property
    def path(self) -> Path | None:
        """The database's file, for SQLite; None for a server's database."""
        database = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or not database or database == ":memory:":
            return None
        if self.engine.url.query.get("uri") == "true":
            database += "?uri=true"
        return _sqlite_file(database)

    @property
    def name(self) -> str:
        """The database as a user names it: the SQLite file's path, or the server's URL with
        its password hidden. The same database opened two ways has the same name."""
        path = self.path
        if path is not None:
            return str(path.resolve())
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def memory(self) -> Memory:
        """Each user's cards, reviews and attempts, in this database."""
        from pastpaper.store.memory import Memory

        return Memory(self.engine)

    @property
    def drafts(self) -> Drafts:
        """Each user's unsent answers in the web app, in this database."""
        from pastpaper.store.drafts import Drafts

        return Drafts(self.engine)

    @property
    def jobs(self) -> Jobs:
        """Bulk-marking jobs and every row of each, in this database."""
        from pastpaper.store.jobs import Jobs

        return Jobs(self.engine)

    @property
    def answers(self) -> Answers:
        """Every student's attempts to a question, their re-marking and moderation."""
        from pastpaper.store.answers import Answers

        return Answers(self.engine)

    @property
    def sessions(self) -> Sessions:
        """The web app's signed-in browsers."""
        from pastpaper.store.sessions import Sessions

        return Sessions(self.engine)

    @property
    def sign_ins(self) -> SignIns:
        """Failed sign-ins, by login and by address."""
        from pastpaper.store.sign_ins import SignIns

        return SignIns(self.engine)

    @property
    def teaching(self) -> Teaching:
        """Who owns each course, and every version of each question's scheme edits."""
        from pastpaper.store.teaching import Teaching

        return Teaching(self.engine)

    @property
    def people(self) -> People:
        """The users and classes, in this database."""
        from pastpaper.store.people import People

        return People(self.engine)

    @property
    def tokens(self) -> Tokens:
        """The users' personal API tokens (their hashes), in this database."""
        from pastpaper.store.tokens import Tokens

        return Tokens(self.engine)

    @property
    def vectors(self) -> TextVectors:
        """The embedding model's vectors of schemes' and references' texts, kept."""
        from pastpaper.store.vectors import TextVectors

        return TextVectors(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    def save_course(
        self,
        course: Course,
        *,
        source: str | None = None,
        replace: bool = False,
        keep_schemes: bool = False,
        now: datetime | None = None,
        owner_id: int | None = None,
    ) -> Saved:
        """Save a course: update the one imported from the same ``source`` before, else add it.

        A course from another source that has the same slug is never overwritten unless
        ``replace`` is set: the new one is saved as ``slug-2`` (``-3``, ...) instead.
        With ``keep_schemes`` the stored questions keep the teacher's scheme edits (notes
        carry none); otherwise the course's own scheme edits replace them. ``owner_id``: who
        owns a course this adds (None: the installation); a course updated keeps its owner.
        """
        now = now or datetime.now(UTC)
        tries = _SAVE_TRIES
        while True:
            try:
                return self._save(course, source, replace, keep_schemes, now, owner_id)
            except IntegrityError as error:
                # Two imports of one new course at once (on PostgreSQL; SQLite's writers
                # queue): the loser's transaction rolled back whole, and run again it
                # finds the winner's course and updates it.
                tries -= 1
                if tries == 0:
                    raise StoreError(
                        f"the course {course.slug} was being saved by other imports at the "
                        f"same time ({error.orig}); nothing was changed: run this import again"
                    ) from None
            except (OperationalError, DataError) as error:
                raise StoreError(
                    f"cannot write the course {course.slug} to the database: {error.orig}; "
                    "nothing was changed"
                ) from None

    def _save(
        self,
        course: Course,
        source: str | None,
        replace: bool,
        keep_schemes: bool,
        now: datetime,
        owner_id: int | None,
    ) -> Saved:
        with writing(self.engine) as conn:
            base = course.slug
            rows = conn.execute(
                select(COURSES.c.id, COURSES.c.slug, COURSES.c.source).where(
                    (COURSES.c.slug == base) | COURSES.c.slug.startswith(f"{base}-")
                )
            ).all()
            variants = [r for r in rows if r.slug == base or _is_variant(r.slug, base)]
            holder = next((r for r in variants if r.slug == base), None)
            target = holder if replace else None
            if target is None and source is not None:
                target = next((r for r in variants if r.source == source), None)
            if target is None and holder is not None and holder.source is None:
                target = holder  # saved without a source (through the API): update it
            # What the target's cards were made from, read before it is written over.
            cards_from = None if target is None else cards_made_from(conn, target.id)
            clash = None
            if target is None:
                slug = base
                if holder is not None:
                    taken = {r.slug for r in variants}
                    slug = next(
                        f"{base}-{n}"
                        for n in range(2, len(taken) + 3)
                        if f"{base}-{n}" not in taken
                    )
                    clash = holder.source
                course_id = conn.scalar(
                    insert(COURSES)
                    .values(
                        slug=slug,
                        title=course.title,
                        source=source,
                        notes_source=source if keep_schemes else None,
                        created_at=now,
                        updated_at=now,
                    )
                    .returning(COURSES.c.id)
                )
                if owner_id is not None:
                    conn.execute(
                        insert(COURSE_OWNERS).values(course_id=course_id, owner_id=owner_id)
                    )
            else:
                course_id, slug = target.id, target.slug
                made_from = {"notes_source": source} if keep_schemes else {}
                conn.execute(
                    update(COURSES)
                    .where(COURSES.c.id == course_id)
                    .values(title=course.title, source=source, updated_at=now, **made_from)
                )
            assert course_id is not None
            saved = Sync(conn, course_id).run(
                course, created=target is None, schemes=not keep_schemes
            )
            write_course_cards(conn, course_id, now, cards_from)
            return replace_fields(saved, slug=slug, clashed_with=clash)

    @reported
    def delete_course(self, ref: str) -> DeletedCourse:
        """Delete a course (by slug or id): its topics, questions, notes and cards.

        What the student did is kept: attempts at its questions keep the question's text,
        and reviews of its cards keep the card's front (they lose only the link).
        """
        with writing(self.engine) as conn:
            course_id = _course_id(conn, ref)
            row = conn.execute(select(COURSES).where(COURSES.c.id == course_id)).one()
            questions = conn.scalar(
                select(func.count())
                .select_from(QUESTIONS)
                .join(FAMILIES, FAMILIES.c.id == QUESTIONS.c.family_id)
                .join(TOPICS, TOPICS.c.id == FAMILIES.c.topic_id)
                .where(TOPICS.c.course_id == course_id)
            )
            cards = conn.scalar(
                select(func.count()).select_from(CARDS).where(CARDS.c.course_id == course_id)
            )
            attempts = conn.scalar(
                select(func.count()).select_from(ATTEMPTS).where(ATTEMPTS.c.course == row.slug)
            )
            reviews = conn.scalar(
                select(func.count()).select_from(REVIEWS).where(REVIEWS.c.course == row.slug)
            )
            # The foreign keys do the rest: topics, families, questions, notes, cards and
            # question schedules go with the course; attempts and reviews are unlinked.
            conn.execute(delete(COURSES).where(COURSES.c.id == course_id))
        return DeletedCourse(
            slug=row.slug,
            title=row.title,
            questions=questions or 0,
            cards=cards or 0,
            attempts_kept=attempts or 0,
            reviews_kept=reviews or 0,
        )

    # -- reading ------------------------------------------------------------------------

    @reported
    def courses(self) -> list[CourseSummary]:
        """Every course, with how many topics, questions and notes paragraphs it holds."""
        counts = {name: dict(self._count(column)) for name, column in _COUNTED.items()}
        with self.engine.connect() as conn:
            rows = conn.execute(select(COURSES).order_by(COURSES.c.id)).all()
            owners = dict(
                conn.execute(select(COURSE_OWNERS.c.course_id, COURSE_OWNERS.c.owner_id)).all()
            )
        return [
            CourseSummary(
                id=row.id,
                slug=row.slug,
                title=row.title,
                topics=counts["topics"].get(row.id, 0),
                questions=counts["questions"].get(row.id, 0),
                notes=counts["notes"].get(row.id, 0),
                updated_at=row.updated_at,
                owner_id=owners.get(row.id),
            )
            for row in rows
        ]

    def _count(self, table: Table) -> list[tuple[int, int]]:
        query = select(TOPICS.c.course_id, func.count()).select_from(TOPICS)
        if table is not TOPICS:
            query = query.join(FAMILIES, FAMILIES.c.topic_id == TOPICS.c.id)
        if table is QUESTIONS or table is NOTES:
            query = query.join(table, table.c.family_id == FAMILIES.c.id)
        with self.engine.connect() as conn:
            return [(row[0], row[1]) for row in conn.execute(query.group_by(TOPICS.c.course_id))]

    @reported
    def course_id(self, ref: str) -> int:
        """The id of a course given by slug or id; NotFound lists the courses there are."""
        with self.engine.connect() as conn:
            return _course_id(conn, ref)

    def summary(self, ref: str) -> CourseSummary:
        """One course's line of ``courses``, by slug or id."""
        course_id = self.course_id(ref)
        return next(c for c in self.courses() if c.id == course_id)

    @reported
    def corrected_since(self, notes: str) -> tuple[str, str] | None:
        """The course made from the notes file ``notes`` that another file (a course file)
        has updated since, as (slug, that file); None if there is none."""
        query = select(COURSES.c.slug, COURSES.c.source).where(
            (COURSES.c.notes_source == notes)
            & COURSES.c.source.is_not(None)
            & (COURSES.c.source != notes)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else (row.slug, row.source)

    @reported
    def questions(self, course: str | None = None, topic: str | None = None) -> list[QuestionInfo]:
        """The question bank, in the order of the notes; filtered by course and topic if given.

        ``topic`` is a topic number or a word of its title.
        """
        query = _question_query()
        if course is not None:
            query = query.where(COURSES.c.id == self.course_id(course))
        with self.engine.connect() as conn:
            found = [_info(row) for row in conn.execute(query)]
        if topic is not None:
            wanted = match_key(topic)
            if wanted.isdigit():
                found = [q for q in found if str(q.topic_number) == wanted]
            else:
                found = [q for q in found if wanted in match_key(q.topic)]
            if not found:
                raise NotFound(f"no questions in a topic '{topic}' (give a number or a title word)")
        return found

    @reported
    def question(self, question_id: int) -> QuestionDetail:
        """One question, the other questions of its family, and the notes that answer them."""
        with self.engine.connect() as conn:
            row = conn.execute(_question_query().where(QUESTIONS.c.id == question_id)).first()
            if row is None:
                raise NotFound(f"no question {question_id}{_nearest(conn, question_id)}")
            info = _info(row)
            family = [
                _info(r)
                for r in conn.execute(_question_query().where(QUESTIONS.c.family_id == info.family))
            ]
            notes = list(
                conn.scalars(
                    select(NOTES.c.text)
                    .where(NOTES.c.family_id == info.family)
                    .order_by(NOTES.c.position)
                )
            )
        return QuestionDetail(info, row.course_title, family, notes)

    @reported
    def family(self, family_id: int) -> StoredFamily:
        """One question family, with its questions (and their scheme edits) and notes."""
        with self.engine.connect() as conn:
            rows = conn.execute(_question_query().where(QUESTIONS.c.family_id == family_id)).all()
            head = conn.execute(
                select(FAMILIES.c.id, TOPICS.c.title, COURSES.c.slug)
                .join(TOPICS, TOPICS.c.id == FAMILIES.c.topic_id)
                .join(COURSES, COURSES.c.id == TOPICS.c.course_id)
                .where(FAMILIES.c.id == family_id)
            ).first()
            if head is None:
                raise NotFound(f"no question family {family_id}; 'pastpaper questions' lists them")
            notes = conn.scalars(
                select(NOTES.c.text)
                .where(NOTES.c.family_id == family_id)
                .order_by(NOTES.c.position)
            ).all()
        family = QuestionFamily(questions=tuple(map(question_of, rows)), notes=tuple(notes))
        return StoredFamily(family_id, head.slug, head.title, [row.id for row in rows], family)

    @reported
    def course(self, ref: str) -> Course:
        """The whole course, as plain data (what ``export`` writes)."""
        course_id = self.course_id(ref)
        with self.engine.connect() as conn:
            return stored_course(conn, course_id)


_COUNTED = {"topics": TOPICS, "questions": QUESTIONS, "notes": NOTES}

#: How many times a save that met another import's new course is tried (see save_course).
_SAVE_TRIES = 3


def _make_data_folder(folder: Path) -> None:
    """Make the user's data folder, where the default database lives. Any other folder must
    exist already, so that a mistyped --db is an error, not an empty database somewhere."""
    if folder != default_db_path().expanduser().resolve().parent:
        if folder.exists():
            raise StoreError(
                f"{folder} is a file, not a folder, so the database cannot be made in it; "
                "give another place with --db PATH_OR_URL"
            )
        raise StoreError(
            f"the folder {folder} does not exist, so the database cannot be made there; "
            "create the folder first, or give another place with --db PATH_OR_URL"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"cannot create the folder for the database {folder}: {error.strerror}; "
            "give another place with --db PATH_OR_URL"
        ) from None


def _course_id(conn: Connection, ref: str) -> int:
    rows = conn.execute(select(COURSES.c.id, COURSES.c.slug)).all()
    for row in rows:
        if ref in (row.slug, str(row.id)):
            return int(row.id)
    known = ", ".join(row.slug for row in rows) or "none yet (import some notes first)"
    raise NotFound(f"no course '{ref}'; the courses are: {known}")


def _question_query() -> Any:
    return (
        select(
            QUESTIONS,
            COURSES.c.slug.label("course_slug"),
            COURSES.c.title.label("course_title"),
            TOPICS.c.title.label("topic_title"),
            TOPICS.c.number.label("topic_number"),
        )
        .join(FAMILIES, FAMILIES.c.id == QUESTIONS.c.family_id)
        .join(TOPICS, TOPICS.c.id == FAMILIES.c.topic_id)
        .join(COURSES, COURSES.c.id == TOPICS.c.course_id)
        .order_by(COURSES.c.id, TOPICS.c.position, FAMILIES.c.position, QUESTIONS.c.position)
    )


def _nearest(conn: Any, question_id: int) -> str:
    """A hint naming the questions whose ids are closest to one that does not exist."""
    rows = conn.execute(_question_query()).all()
    if not rows:
        return "; the bank is empty: import notes first (pastpaper import NOTES.txt)"
    close = sorted(rows, key=lambda r: (abs(r.id - question_id), r.id))[:3]
    named = "; ".join(f"{r.id}: {shorten(r.text, 50)}" for r in sorted(close, key=lambda r: r.id))
    return f"; did you mean {named}? ('pastpaper questions' lists them all)"


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


def _is_variant(slug: str, base: str) -> bool:
    """``history-2`` is a variant of ``history``; ``history-revision`` is not."""
    suffix = slug.removeprefix(f"{base}-")
    return suffix != slug and suffix.isdigit()
