"""topic counts

Each topic key's articles and unread articles per feed (``topic_counts``), kept by
triggers as articles, categories, read marks and copies change, and counted once
here from the articles already stored.  Nothing existing changes.

Revision ID: 0008_topic_counts
Revises: 0007_full_articles
Create Date: 2026-12-07 07:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

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
    bind = op.get_bind()
    from newsreader.storage.topic_counts import create_triggers, rebuild

    # SQLite triggers, or PL/pgSQL functions and their triggers on PostgreSQL
    for statement in create_triggers(bind.dialect.name):
        op.execute(statement)
    rebuild(Session(bind=bind))


def downgrade() -> None:
    from newsreader.storage.topic_counts import drop_triggers

    for statement in drop_triggers(op.get_bind().dialect.name):
        op.execute(statement)
    op.drop_table("topic_counts")
