"""Reviews outlive their cards: each keeps the course, topic and front of the card it was
of, and loses only the link when the card is deleted with its course.

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
