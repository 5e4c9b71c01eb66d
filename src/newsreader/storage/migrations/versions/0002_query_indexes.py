"""query indexes

Indexes for the queries that read a whole table without them: the articles first
seen since a refresh began; the Videos view (a partial index of the articles with a
video, in list order); the Starred view (a partial index of the starred marks,
replacing the index of every mark, which no query used); and the articles and
comments a reply in a site-wide comments feed names by key or link.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 15:23:01.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_first_seen"), ["first_seen"], unique=False)
        batch_op.create_index(
            "ix_articles_video_sort",
            ["sort_time", "id"],
            unique=False,
            sqlite_where=sa.text("has_video = 1"),
            postgresql_where=sa.text("has_video"),
        )
        batch_op.create_index(batch_op.f("ix_articles_key"), ["key"], unique=False)
        batch_op.create_index(batch_op.f("ix_articles_link"), ["link"], unique=False)

    with op.batch_alter_table("article_state", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_state_starred"))
        batch_op.create_index(
            "ix_article_state_starred_only",
            ["starred"],
            unique=False,
            sqlite_where=sa.text("starred = 1"),
            postgresql_where=sa.text("starred"),
        )

    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comments_key"), ["key"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comments_key"))

    with op.batch_alter_table("article_state", schema=None) as batch_op:
        batch_op.drop_index("ix_article_state_starred_only")
        batch_op.create_index(batch_op.f("ix_article_state_starred"), ["starred"], unique=False)

    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_link"))
        batch_op.drop_index(batch_op.f("ix_articles_key"))
        batch_op.drop_index("ix_articles_video_sort")
        batch_op.drop_index(batch_op.f("ix_articles_first_seen"))
