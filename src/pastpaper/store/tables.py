"""The database tables as SQLAlchemy 2 models; the Alembic migrations create them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "COURSES",
    "FAMILIES",
    "NOTES",
    "QUESTIONS",
    "TOPICS",
    "Base",
    "CourseRow",
    "FamilyRow",
    "NoteRow",
    "QuestionRow",
    "TopicRow",
]

_NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


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
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


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
