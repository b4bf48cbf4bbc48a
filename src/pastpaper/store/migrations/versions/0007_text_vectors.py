"""Text vectors: a scheme's and a reference's texts as the embedding model encodes them,
kept so that a new process marking against a stored course does not encode them again
(``pastpaper.store.vectors``). Keyed by the model's identity and the text's SHA-256: a
new model, or a new export of it, reads none of another's.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "text_vectors",
        sa.Column("model", sa.String(120), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("pieces", sa.Text, nullable=True),
        sa.Column("vectors", sa.LargeBinary, nullable=False),
        sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("model", "text_hash", name="pk_text_vectors"),
    )
    op.create_index("ix_text_vectors_written_at", "text_vectors", ["written_at"])


def downgrade() -> None:
    op.drop_index("ix_text_vectors_written_at", table_name="text_vectors")
    op.drop_table("text_vectors")
