"""topic counts

Each topic key's articles and unread articles per feed (``topic_counts``), kept by
triggers as articles, categories, read marks and copies change.  The triggers and the
first count are made by 0010_user_state (which gives the table its per-user form);
this revision makes the table only.  Nothing existing changes.

Revision ID: 0008_topic_counts
Revises: 0007_full_articles
Create Date: 2026-12-07 07:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_topic_counts"
down_revision = "0007_full_articles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "topic_counts",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("unread", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["feed_id"],
            ["feeds.id"],
            name=op.f("fk_topic_counts_feed_id_feeds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "feed_id", name=op.f("pk_topic_counts")),
    )
    # The triggers that keep it and the counts themselves come with 0010_user_state,
    # which makes this table again with each user's reads beside it: today's triggers
    # are written for that schema.


def downgrade() -> None:
    from newsreader.storage.topic_counts import drop_triggers

    for statement in drop_triggers(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_table("topic_counts")
