"""People: users (admin, teacher, student), classes with a join code, enrolments, the courses
a class studies and exam dates per class or per student. What a student does belongs to a
user: each user's schedule of a card is a row of ``card_states`` (the ``cards`` rows are
shared content now), and reviews, attempts and question schedules name their user.

Today's single-user data moves to the local user (login "local", an admin without a
password), which the migration makes; nothing is lost.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: The user the command line acts as, and the owner of everything done before people.
LOCAL_LOGIN = "local"

#: The tables whose rows are a user's work, each given the local user as owner.
_OWNED = ("reviews", "attempts")


def _when(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _user_key(table: str, ondelete: str | None = None) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["user_id"], ["users.id"], name=f"fk_{table}_user_id_users", ondelete=ondelete
    )


def upgrade() -> None:
    _create_people()
    local = _add_local_user()
    _move_card_states(local)
    for table in _OWNED:
        op.add_column(table, sa.Column("user_id", sa.Integer(), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET user_id = :local").bindparams(local=local))
        # On SQLite this copies the table; nothing refers to reviews or attempts.
        with op.batch_alter_table(table) as batch:
            batch.alter_column("user_id", existing_type=sa.Integer(), nullable=False)
            batch.create_foreign_key(f"fk_{table}_user_id_users", "users", ["user_id"], ["id"])
            batch.create_index(f"ix_{table}_user_id", ["user_id"])
    _own_question_schedules(local)


def _create_people() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("login", sa.String(80), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=True),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("exam_date", sa.Date(), nullable=True),
        _when("created_at"),
        sa.CheckConstraint("role IN ('admin', 'teacher', 'student')", name="ck_users_role"),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("login", name="uq_users_login"),
    )
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("join_code", sa.String(20), nullable=False),
        sa.Column("exam_date", sa.Date(), nullable=True),
        _when("created_at"),
        sa.ForeignKeyConstraint(["teacher_id"], ["users.id"], name="fk_classes_teacher_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_classes"),
        sa.UniqueConstraint("join_code", name="uq_classes_join_code"),
    )
    op.create_index("ix_classes_teacher_id", "classes", ["teacher_id"])
    op.create_table(
        "enrolments",
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        _when("enrolled_at"),
        sa.ForeignKeyConstraint(
            ["class_id"], ["classes.id"], name="fk_enrolments_class_id_classes", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["users.id"], name="fk_enrolments_student_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("class_id", "student_id", name="pk_enrolments"),
    )
    op.create_index("ix_enrolments_student_id", "enrolments", ["student_id"])
    op.create_table(
        "class_courses",
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"],
            ["classes.id"],
            name="fk_class_courses_class_id_classes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["course_id"],
            ["courses.id"],
            name="fk_class_courses_course_id_courses",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("class_id", "course_id", name="pk_class_courses"),
    )
    op.create_index("ix_class_courses_course_id", "class_courses", ["course_id"])


def _add_local_user() -> int:
    """Make the local user; its id."""
    conn = op.get_bind()
    conn.execute(
        sa.text(
            "INSERT INTO users (login, display_name, password_hash, role, created_at) "
            "VALUES (:login, 'Local user', NULL, 'admin', :now)"
        ),
        {"login": LOCAL_LOGIN, "now": datetime.now(UTC)},
    )
    local = conn.scalar(
        sa.text("SELECT id FROM users WHERE login = :login"), {"login": LOCAL_LOGIN}
    )
    assert local is not None
    return int(local)


def _move_card_states(local: int) -> None:
    """Each reviewed card's schedule becomes the local user's; the cards keep the content."""
    op.create_table(
        "card_states",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.String(40), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        _when("due"),
        _user_key("card_states", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["card_id"], ["cards.id"], name="fk_card_states_card_id_cards", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "card_id", name="pk_card_states"),
    )
    op.create_index("ix_card_states_due", "card_states", ["user_id", "due"])
    op.create_index("ix_card_states_card_id", "card_states", ["card_id"])
    op.execute(
        sa.text(
            "INSERT INTO card_states (user_id, card_id, state, due) "
            "SELECT :local, id, state, due FROM cards WHERE state IS NOT NULL"
        ).bindparams(local=local)
    )
    # Dropped in place (SQLite 3.35+ can): copying the table, as batch mode does, would drop
    # the old one, and reviews and card states refer to it (their links would be cut).
    op.drop_index("ix_cards_due", table_name="cards")
    op.drop_column("cards", "due")
    op.drop_column("cards", "state")


def _own_question_schedules(local: int) -> None:
    """A question's schedule is a user's: keyed by (user, question)."""
    op.add_column("question_schedules", sa.Column("user_id", sa.Integer(), nullable=True))
    op.execute(sa.text("UPDATE question_schedules SET user_id = :local").bindparams(local=local))
    with op.batch_alter_table("question_schedules") as batch:
        batch.alter_column("user_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_constraint("pk_question_schedules", type_="primary")
        batch.create_primary_key("pk_question_schedules", ["user_id", "question_id"])
        batch.create_foreign_key(
            "fk_question_schedules_user_id_users",
            "users",
            ["user_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_index("ix_question_schedules_question_id", ["question_id"])


def downgrade() -> None:
    # The older tables hold one person's work: the local user's is kept, and other users'
    # work cannot be.
    conn = op.get_bind()
    local = conn.scalar(
        sa.text("SELECT id FROM users WHERE login = :login"), {"login": LOCAL_LOGIN}
    )
    for table in ("question_schedules", *_OWNED, "card_states"):
        op.execute(sa.text(f"DELETE FROM {table} WHERE user_id <> :local").bindparams(local=local))
    with op.batch_alter_table("question_schedules") as batch:
        batch.drop_index("ix_question_schedules_question_id")
        batch.drop_constraint("fk_question_schedules_user_id_users", type_="foreignkey")
        batch.drop_constraint("pk_question_schedules", type_="primary")
        batch.create_primary_key("pk_question_schedules", ["question_id"])
        batch.drop_column("user_id")
    for table in _OWNED:
        with op.batch_alter_table(table) as batch:
            batch.drop_index(f"ix_{table}_user_id")
            batch.drop_constraint(f"fk_{table}_user_id_users", type_="foreignkey")
            batch.drop_column("user_id")
    op.add_column("cards", sa.Column("state", sa.Text(), nullable=True))
    op.add_column("cards", _when("due", nullable=True))
    op.create_index("ix_cards_due", "cards", ["due"])
    op.execute(
        "UPDATE cards SET "
        "state = (SELECT state FROM card_states WHERE card_states.card_id = cards.id), "
        "due = (SELECT due FROM card_states WHERE card_states.card_id = cards.id)"
    )
    for table in ("card_states", "class_courses", "enrolments", "classes", "users"):
        op.drop_table(table)
