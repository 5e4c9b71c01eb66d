"""topics

The key each category is merged by (filled when the topics are next read), and the
user's own state of topics: merged into another, renamed, hidden.

Revision ID: 0004_topics
Revises: 0003_search
Create Date: 2026-12-07 04:05:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_topics"
down_revision = "0003_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("categories", schema=None) as batch_op:
        batch_op.add_column(sa.Column("key", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_categories_key"), ["key"], unique=False)
    _fill_keys()

    op.create_table(
        "topic_state",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("merged_into", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_topic_state")),
    )
    with op.batch_alter_table("topic_state", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_topic_state_merged_into"), ["merged_into"], unique=False
        )


def _fill_keys() -> None:
    """Every stored category gets its key now, as the writer gives new ones theirs."""
    from newsreader.core.topics import topic_key

    bind = op.get_bind()
    categories = sa.table("categories", sa.column("id"), sa.column("name"), sa.column("key"))
    rows = bind.execute(sa.select(categories.c.id, categories.c.name)).all()
    for category_id, name in rows:
        bind.execute(
            categories.update().where(categories.c.id == category_id).values(key=topic_key(name))
        )


def downgrade() -> None:
    with op.batch_alter_table("topic_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_state_merged_into"))
    op.drop_table("topic_state")

    with op.batch_alter_table("categories", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_categories_key"))
        batch_op.drop_column("key")
