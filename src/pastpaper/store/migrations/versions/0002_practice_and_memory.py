"""Practice and memory: cards with their FSRS state, reviews, question schedules, attempts;
and when each course's cards were last made.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _when(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.add_column("courses", _when("cards_made_at", nullable=True))
    op.create_table(
        "cards",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("course_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("front", sa.Text(), nullable=False),
        sa.Column("back", sa.Text(), nullable=False),
        sa.Column("point_id", sa.String(40), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=True),
        _when("due", nullable=True),
        _when("retired_at", nullable=True),
        sa.ForeignKeyConstraint(
            ["course_id"], ["courses.id"], name="fk_cards_course_id_courses", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_cards"),
    )
    op.create_index("ix_cards_course_id", "cards", ["course_id"])
    op.create_index("ix_cards_due", "cards", ["due"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.String(40), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        _when("reviewed_at"),
        sa.Column("record", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["card_id"], ["cards.id"], name="fk_reviews_card_id_cards", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_reviews"),
    )
    op.create_index("ix_reviews_card_id", "reviews", ["card_id"])
    op.create_table(
        "question_schedules",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        _when("due"),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name="fk_question_schedules_question_id_questions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("question_id", name="pk_question_schedules"),
    )
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("course", sa.Text(), nullable=False),
        sa.Column("topic", sa.Text(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        _when("started_at"),
        _when("submitted_at"),
        sa.Column("seconds_allowed", sa.Integer(), nullable=False),
        sa.Column("mark", sa.Integer(), nullable=True),
        sa.Column("max_marks", sa.Integer(), nullable=True),
        sa.Column("marking", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name="fk_attempts_question_id_questions",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_attempts"),
    )
    op.create_index("ix_attempts_question_id", "attempts", ["question_id"])


def downgrade() -> None:
    op.drop_table("attempts")
    op.drop_table("question_schedules")
    op.drop_table("reviews")
    op.drop_table("cards")
    op.drop_column("courses", "cards_made_at")
