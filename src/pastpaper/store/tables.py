"""The database tables as SQLAlchemy 2 models; the Alembic migrations create them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "API_TOKENS",
    "ATTEMPTS",
    "CARDS",
    "CARD_STATES",
    "CLASSES",
    "CLASS_COURSES",
    "COURSES",
    "COURSE_OWNERS",
    "DRAFTS",
    "ENROLMENTS",
    "FAMILIES",
    "JOBS",
    "JOB_ROWS",
    "MODERATIONS",
    "NOTES",
    "QUESTIONS",
    "QUESTION_SCHEDULES",
    "REVIEWS",
    "ROLES",
    "SCHEME_VERSIONS",
    "SIGN_IN_FAILURES",
    "SUBMISSION_KEYS",
    "TEXT_VECTORS",
    "TOPICS",
    "USERS",
    "WEB_SESSIONS",
    "ApiTokenRow",
    "AttemptRow",
    "Base",
    "CardRow",
    "CardStateRow",
    "ClassCourseRow",
    "ClassRow",
    "CourseOwnerRow",
    "CourseRow",
    "DraftRow",
    "EnrolmentRow",
    "FamilyRow",
    "JobRow",
    "JobRowRow",
    "ModerationRow",
    "NoteRow",
    "QuestionRow",
    "QuestionScheduleRow",
    "ReviewRow",
    "SchemeVersionRow",
    "SignInFailureRow",
    "SubmissionKeyRow",
    "TextVectorRow",
    "TopicRow",
    "UserRow",
    "WebSessionRow",
    "in_utc",
]

_NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def in_utc(moment: datetime) -> datetime:
    """A stored time in UTC: SQLite hands times back without their zone (they were written
    in UTC), PostgreSQL in the server's zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=_NAMING)


class CourseRow(Base):
    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(Text)
    # The file the course was last imported from, so another file with the same title
    # becomes a course of its own instead of overwriting this one.
    source: Mapped[str | None] = mapped_column(Text)
    # The notes file the course was made (or last started again) from; importing a course
    # file leaves it, so the notes can be told that a course file now holds the course
    # (migration 0003).
    notes_source: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # When the course's flashcards were last made from its notes (migration 0002); since
    # migration 0004 they are made in the same transaction as the course is saved.
    cards_made_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class TopicRow(Base):
    __tablename__ = "topics"
    __table_args__ = (Index("ix_topics_course_id", "course_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)


class FamilyRow(Base):
    __tablename__ = "families"
    __table_args__ = (Index("ix_families_topic_id", "topic_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)


class QuestionRow(Base):
    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_family_id", "family_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    year: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    marks: Mapped[int | None] = mapped_column(Integer)
    command_word: Mapped[str] = mapped_column(String(40))
    # The teacher's edits to the question's mark scheme (SchemeEdit as JSON), if any.
    scheme: Mapped[str | None] = mapped_column(Text)


class NoteRow(Base):
    __tablename__ = "notes"
    __table_args__ = (Index("ix_notes_family_id", "family_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


# The tables themselves, for queries written with SQLAlchemy Core (fast for bulk writes).
COURSES: Table = CourseRow.__table__  # type: ignore[assignment]
TOPICS: Table = TopicRow.__table__  # type: ignore[assignment]
FAMILIES: Table = FamilyRow.__table__  # type: ignore[assignment]
QUESTIONS: Table = QuestionRow.__table__  # type: ignore[assignment]
NOTES: Table = NoteRow.__table__  # type: ignore[assignment]


# -- people: who uses the bank, the classes they teach and sit in (migration 0004) ----------

#: What a user may be; an admin manages people, a teacher classes, a student practises.
ROLES = ("admin", "teacher", "student")


class UserRow(Base):
    """A person. The local user (login "local", made by migration 0004) has no password:
    it is who the command line acts as on one's own machine."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('admin', 'teacher', 'student')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(Text)
    password_hash: Mapped[str | None] = mapped_column(Text)  # argon2, by pwdlib
    role: Mapped[str] = mapped_column(String(10))
    # The student's own exam date; when there is none, their classes' dates count.
    exam_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ClassRow(Base):
    """A teacher's class, which students join with its code."""

    __tablename__ = "classes"
    __table_args__ = (Index("ix_classes_teacher_id", "teacher_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(Text)
    join_code: Mapped[str] = mapped_column(String(20), unique=True)
    exam_date: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EnrolmentRow(Base):
    """A student in a class."""

    __tablename__ = "enrolments"
    __table_args__ = (Index("ix_enrolments_student_id", "student_id"),)

    class_id: Mapped[int] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True
    )
    student_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ClassCourseRow(Base):
    """A course a class studies."""

    __tablename__ = "class_courses"
    __table_args__ = (Index("ix_class_courses_course_id", "course_id"),)

    class_id: Mapped[int] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True
    )
    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True
    )


USERS: Table = UserRow.__table__  # type: ignore[assignment]
CLASSES: Table = ClassRow.__table__  # type: ignore[assignment]
ENROLMENTS: Table = EnrolmentRow.__table__  # type: ignore[assignment]
CLASS_COURSES: Table = ClassCourseRow.__table__  # type: ignore[assignment]


# -- practice and memory: what a student does is theirs, and is never deleted with the notes --


class CardRow(Base):
    """A flashcard made from a point of the notes: content shared by everyone. Each user's
    schedule of it is a CardStateRow (migration 0004)."""

    __tablename__ = "cards"
    __table_args__ = (Index("ix_cards_course_id", "course_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))
    front: Mapped[str] = mapped_column(Text)
    back: Mapped[str] = mapped_column(Text)
    point_id: Mapped[str] = mapped_column(String(40))
    topic: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(Text)  # JSON list
    # When the notes stopped making this card: it is kept, with its reviews, but not shown.
    retired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CardStateRow(Base):
    """A user's FSRS schedule of a card; there is none until the user first reviews it."""

    __tablename__ = "card_states"
    __table_args__ = (
        Index("ix_card_states_due", "user_id", "due"),
        Index("ix_card_states_card_id", "card_id"),
    )

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    card_id: Mapped[str] = mapped_column(
        ForeignKey("cards.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[str] = mapped_column(Text)  # fsrs card as JSON
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReviewRow(Base):
    """A user's review of a card. The card's course, topic and front are copied in (migration
    0003), so a review outlives its card when the card's course is deleted."""

    __tablename__ = "reviews"
    __table_args__ = (
        Index("ix_reviews_card_id", "card_id"),
        Index("ix_reviews_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    card_id: Mapped[str | None] = mapped_column(ForeignKey("cards.id", ondelete="SET NULL"))
    course: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(Text)
    front: Mapped[str] = mapped_column(Text)
    rating: Mapped[int] = mapped_column(Integer)
    answer: Mapped[str | None] = mapped_column(Text)  # what the student typed, if anything
    reviewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    record: Mapped[str] = mapped_column(Text)  # the schedule's ReviewRecord as JSON


class QuestionScheduleRow(Base):
    """A user's FSRS state of a past-paper question: one answered badly comes back sooner."""

    __tablename__ = "question_schedules"
    __table_args__ = (Index("ix_question_schedules_question_id", "question_id"),)

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    state: Mapped[str] = mapped_column(Text)
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AttemptRow(Base):
    """A user's timed answer to a past-paper question, written down before it is marked.

    The question's text and topic are copied in, so an attempt outlives its question.
    """

    __tablename__ = "attempts"
    __table_args__ = (
        Index("ix_attempts_question_id", "question_id"),
        Index("ix_attempts_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    course: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(Text)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    seconds_allowed: Mapped[int] = mapped_column(Integer)
    mark: Mapped[int | None] = mapped_column(Integer)
    max_marks: Mapped[int | None] = mapped_column(Integer)
    marking: Mapped[str | None] = mapped_column(Text)  # the Marking as JSON


class DraftRow(Base):
    """An answer being written in the web app, saved every few seconds (migration 0005): one
    a user a question, until it is submitted. The question's text is copied in, so a draft
    outlives its question."""

    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("user_id", "question_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    course: Mapped[str] = mapped_column(Text)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ApiTokenRow(Base):
    """A personal API token, for scripts (migration 0005): only its SHA-256 is kept, so the
    database cannot give the token away."""

    __tablename__ = "api_tokens"
    __table_args__ = (Index("ix_api_tokens_user_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


CARDS: Table = CardRow.__table__  # type: ignore[assignment]
CARD_STATES: Table = CardStateRow.__table__  # type: ignore[assignment]
REVIEWS: Table = ReviewRow.__table__  # type: ignore[assignment]
QUESTION_SCHEDULES: Table = QuestionScheduleRow.__table__  # type: ignore[assignment]
ATTEMPTS: Table = AttemptRow.__table__  # type: ignore[assignment]
DRAFTS: Table = DraftRow.__table__  # type: ignore[assignment]
API_TOKENS: Table = ApiTokenRow.__table__  # type: ignore[assignment]


# -- teaching: versions of a scheme, moderated marks, bulk-marking jobs (migration 0006) -----


class CourseOwnerRow(Base):
    """Who owns a course: the teacher who uploaded it, who alone (with an admin) may change
    it. A course without a row is the installation's, made at the command line."""

    __tablename__ = "course_owners"
    __table_args__ = (Index("ix_course_owners_owner_id", "owner_id"),)

    course_id: Mapped[int] = mapped_column(
        ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True
    )
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))


class SchemeVersionRow(Base):
    """One version of a question's scheme edits: every change a teacher makes is a new row,
    so what a mark was given under can always be read back."""

    __tablename__ = "scheme_versions"
    __table_args__ = (UniqueConstraint("question_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    scheme: Mapped[str | None] = mapped_column(Text)  # SchemeEdit as JSON; None: no edits
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ModerationRow(Base):
    """A teacher's mark for an attempt, with the machine's mark it replaced and why; the
    newest row of an attempt is its moderated mark, the older ones its history."""

    __tablename__ = "moderations"
    __table_args__ = (Index("ix_moderations_attempt_id", "attempt_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    mark: Mapped[int] = mapped_column(Integer)
    machine_mark: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class JobRow(Base):
    """A bulk-marking job a teacher started: a class's CSV, or the submitted attempts to one
    question; it runs in the background and counts its rows as they are marked."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_owner_id", "owner_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # "csv" or "attempts"
    name: Mapped[str] = mapped_column(Text)  # the file's name, or what was marked
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    class_id: Mapped[int | None] = mapped_column(ForeignKey("classes.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20))  # queued, running, done, failed
    total: Mapped[int] = mapped_column(Integer)
    done: Mapped[int] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    #: The file's header, separator and byte-order mark as JSON, for writing its mark book.
    sheet: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class JobRowRow(Base):
    """One row of a bulk-marking job: the row as given (every column kept) and its mark."""

    __tablename__ = "job_rows"
    __table_args__ = (UniqueConstraint("job_id", "row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    row: Mapped[int] = mapped_column(Integer)  # its place in the file, from 1
    fields: Mapped[str] = mapped_column(Text)  # the row's columns as JSON, as given
    student: Mapped[str] = mapped_column(Text)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempts.id", ondelete="SET NULL"))
    answer: Mapped[str] = mapped_column(Text)
    mark: Mapped[int | None] = mapped_column(Integer)
    max_marks: Mapped[int | None] = mapped_column(Integer)
    marking: Mapped[str | None] = mapped_column(Text)  # the Marking as JSON
    error: Mapped[str | None] = mapped_column(Text)  # why the row could not be marked


COURSE_OWNERS: Table = CourseOwnerRow.__table__  # type: ignore[assignment]
SCHEME_VERSIONS: Table = SchemeVersionRow.__table__  # type: ignore[assignment]
MODERATIONS: Table = ModerationRow.__table__  # type: ignore[assignment]
JOBS: Table = JobRow.__table__  # type: ignore[assignment]
JOB_ROWS: Table = JobRowRow.__table__  # type: ignore[assignment]


class SignInFailureRow(Base):
    """A sign-in that failed: for which login (case-folded) and from which address."""

    __tablename__ = "sign_in_failures"
    __table_args__ = (
        Index("ix_sign_in_failures_login", "login"),
        Index("ix_sign_in_failures_address", "address"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    login: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


SIGN_IN_FAILURES: Table = SignInFailureRow.__table__  # type: ignore[assignment]


class WebSessionRow(Base):
    """A signed-in browser: the SHA-256 of the session's token (the signed cookie holds the
    token). Signing out removes it; changing a password removes the user's others."""

    __tablename__ = "web_sessions"
    __table_args__ = (Index("ix_web_sessions_user_id", "user_id"),)

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


WEB_SESSIONS: Table = WebSessionRow.__table__  # type: ignore[assignment]


class SubmissionKeyRow(Base):
    """The key an answer was submitted with (the practice form's, or a script's
    Idempotency-Key): the same key again from the same user is the same attempt."""

    __tablename__ = "submission_keys"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))


SUBMISSION_KEYS: Table = SubmissionKeyRow.__table__  # type: ignore[assignment]


class TextVectorRow(Base):
    """A scheme's or a reference's text as one embedding model encodes it (migration 0007):
    its sentence vector and, where the marker weighs them, its word pieces' vectors, so
    that a new process marking against a stored course need not encode them again. Keyed
    by the model's identity and the text's SHA-256; the text itself is not kept."""

    __tablename__ = "text_vectors"
    __table_args__ = (Index("ix_text_vectors_written_at", "written_at"),)

    model: Mapped[str] = mapped_column(String(120), primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    # The word pieces' names, as JSON, or none where only the sentence vector is kept.
    pieces: Mapped[str | None] = mapped_column(Text, nullable=True)
    # float32, little-endian: the sentence vector, then one row a piece.
    vectors: Mapped[bytes] = mapped_column(LargeBinary)
    written_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


TEXT_VECTORS: Table = TextVectorRow.__table__  # type: ignore[assignment]
