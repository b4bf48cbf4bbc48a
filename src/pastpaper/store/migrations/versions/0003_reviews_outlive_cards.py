"""Reviews outlive their cards: each keeps the course, topic and front of the card it was
of, and loses only the link when the card is deleted with its course. A course remembers
the notes file it was made from (``notes_source``), whatever course file updated it since.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_COPIED = ("course", "topic", "front")

#: The card's own values, for the reviews written before this migration.
_FILL = """
UPDATE reviews SET
    course = (SELECT courses.slug FROM cards JOIN courses ON courses.id = cards.course_id
              WHERE cards.id = reviews.card_id),
    topic = (SELECT cards.topic FROM cards WHERE cards.id = reviews.card_id),
    front = (SELECT cards.front FROM cards WHERE cards.id = reviews.card_id)
"""


def upgrade() -> None:
    op.add_column("courses", sa.Column("notes_source", sa.Text(), nullable=True))
    # What is known of older courses: the file they were last imported from, unless a
    # course file.
    op.execute(
        "UPDATE courses SET notes_source = source WHERE source NOT LIKE '%.yaml' "
        "AND source NOT LIKE '%.yml'"
    )
    for name in _COPIED:
        op.add_column("reviews", sa.Column(name, sa.Text(), nullable=True))
    op.execute(_FILL)
    # On SQLite this copies the table; nothing refers to reviews, so nothing cascades.
    with op.batch_alter_table("reviews") as batch:
        for name in _COPIED:
            batch.alter_column(name, existing_type=sa.Text(), nullable=False)
        batch.alter_column("card_id", existing_type=sa.String(40), nullable=True)
        batch.drop_constraint("fk_reviews_card_id_cards", type_="foreignkey")
        batch.create_foreign_key(
            "fk_reviews_card_id_cards", "cards", ["card_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    # A review whose card is gone cannot be kept by the older tables.
    op.execute("DELETE FROM reviews WHERE card_id IS NULL")
    with op.batch_alter_table("reviews") as batch:
        batch.drop_constraint("fk_reviews_card_id_cards", type_="foreignkey")
        batch.create_foreign_key(
            "fk_reviews_card_id_cards", "cards", ["card_id"], ["id"], ondelete="CASCADE"
        )
        batch.alter_column("card_id", existing_type=sa.String(40), nullable=False)
        for name in _COPIED:
            batch.drop_column(name)
    with op.batch_alter_table("courses") as batch:
        batch.drop_column("notes_source")
