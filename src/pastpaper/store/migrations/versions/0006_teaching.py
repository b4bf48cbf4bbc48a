"""Teaching: who owns a course, every version of a question's mark scheme, a teacher's
moderated marks, and bulk-marking jobs with their rows; and failed sign-ins, counted so that
guessing passwords is slowed however many server processes there are; and web sessions,
so that signing out or changing a password ends them on the server, not only in a browser;
and the key each submitted answer was sent with, so that a double click makes one attempt.

A course with no owner (one made at the command line, and every course made before this
migration) is the installation's, which every teacher may read and only an admin may change.
Owners are a table of their own, so that the courses table, which much refers to, is not
copied on SQLite.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _when(name: str, nullable: bool = False) -> sa.Column[datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _by(name: str, table: str) -> sa.ForeignKeyConstraint:
    """A reference to the user who did it, kept as none when the user is deleted."""
    return sa.ForeignKeyConstraint(
        [name], ["users.id"], name=f"fk_{table}_{name}_users", ondelete="SET NULL"
    )


def upgrade() -> None:
    op.create_table(
        "course_owners",
        sa.Column("course_id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(
            ["course_id"],
            ["courses.id"],
            name="fk_course_owners_course_id_courses",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name="fk_course_owners_owner_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("course_id", name="pk_course_owners"),
    )
    op.create_index("ix_course_owners_owner_id", "course_owners", ["owner_id"])
    op.create_table(
        "scheme_versions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("question_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("scheme", sa.Text, nullable=True),
        sa.Column("author_id", sa.Integer, nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        _when("created_at"),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name="fk_scheme_versions_question_id_questions",
            ondelete="CASCADE",
        ),
        _by("author_id", "scheme_versions"),
        sa.UniqueConstraint("question_id", "version", name="uq_scheme_versions_question_id"),
        sa.PrimaryKeyConstraint("id", name="pk_scheme_versions"),
    )
    op.create_table(
        "moderations",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("attempt_id", sa.Integer, nullable=False),
        sa.Column("mark", sa.Integer, nullable=False),
        sa.Column("machine_mark", sa.Integer, nullable=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("moderator_id", sa.Integer, nullable=True),
        _when("created_at"),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["attempts.id"],
            name="fk_moderations_attempt_id_attempts",
            ondelete="CASCADE",
        ),
        _by("moderator_id", "moderations"),
        sa.PrimaryKeyConstraint("id", name="pk_moderations"),
    )
    op.create_index("ix_moderations_attempt_id", "moderations", ["attempt_id"])
    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("question_id", sa.Integer, nullable=True),
        sa.Column("class_id", sa.Integer, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("done", sa.Integer, nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("sheet", sa.Text, nullable=True),
        _when("created_at"),
        _when("started_at", nullable=True),
        _when("finished_at", nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name="fk_jobs_owner_id_users", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name="fk_jobs_question_id_questions",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["class_id"], ["classes.id"], name="fk_jobs_class_id_classes", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_jobs"),
    )
    op.create_index("ix_jobs_owner_id", "jobs", ["owner_id"])
    op.create_table(
        "job_rows",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("job_id", sa.Integer, nullable=False),
        sa.Column("row", sa.Integer, nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("student", sa.Text, nullable=False),
        sa.Column("question_id", sa.Integer, nullable=True),
        sa.Column("attempt_id", sa.Integer, nullable=True),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("mark", sa.Integer, nullable=True),
        sa.Column("max_marks", sa.Integer, nullable=True),
        sa.Column("marking", sa.Text, nullable=True),
        sa.Column("error", sa.Text, nullable=True),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name="fk_job_rows_job_id_jobs", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name="fk_job_rows_question_id_questions",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["attempts.id"],
            name="fk_job_rows_attempt_id_attempts",
            ondelete="SET NULL",
        ),
        sa.UniqueConstraint("job_id", "row", name="uq_job_rows_job_id"),
        sa.PrimaryKeyConstraint("id", name="pk_job_rows"),
    )

    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("login", sa.Text, nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        _when("failed_at"),
        sa.PrimaryKeyConstraint("id", name="pk_sign_in_failures"),
    )
    op.create_index("ix_sign_in_failures_login", "sign_in_failures", ["login"])
    op.create_index("ix_sign_in_failures_address", "sign_in_failures", ["address"])
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer, nullable=False),
        _when("created_at"),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_web_sessions_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("token_hash", name="pk_web_sessions"),
    )
    op.create_index("ix_web_sessions_user_id", "web_sessions", ["user_id"])
    op.create_table(
        "submission_keys",
        sa.Column("user_id", sa.Integer, nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("attempt_id", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_submission_keys_user_id_users", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["attempts.id"],
            name="fk_submission_keys_attempt_id_attempts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "key", name="pk_submission_keys"),
    )


def downgrade() -> None:
    op.drop_table("submission_keys")
    op.drop_index("ix_web_sessions_user_id", table_name="web_sessions")
    op.drop_table("web_sessions")
    op.drop_index("ix_sign_in_failures_address", table_name="sign_in_failures")
    op.drop_index("ix_sign_in_failures_login", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
    op.drop_table("job_rows")
    op.drop_index("ix_jobs_owner_id", table_name="jobs")
    op.drop_table("jobs")
    op.drop_index("ix_moderations_attempt_id", table_name="moderations")
    op.drop_table("moderations")
    op.drop_table("scheme_versions")
    op.drop_index("ix_course_owners_owner_id", table_name="course_owners")
    op.drop_table("course_owners")
