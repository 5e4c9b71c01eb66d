"""story corrections

The user's corrections to story grouping: an article taken out of a story, stories
merged or split, kept as pairs of articles (named by feed URL and key) held apart
or together.  Nothing existing changes.

Revision ID: 0006_story_corrections
Revises: 0005_stories
Create Date: 2026-12-07 07:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_story_corrections"
down_revision = "0005_stories"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("feed_url", sa.Text(), nullable=False),
        sa.Column("article_key", sa.Text(), nullable=False),
        sa.Column("other_feed_url", sa.Text(), nullable=False),
        sa.Column("other_key", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_corrections")),
        sa.UniqueConstraint(
            "kind",
            "feed_url",
            "article_key",
            "other_feed_url",
            "other_key",
            name=op.f("uq_story_corrections_kind"),
        ),
    )


def downgrade() -> None:
    op.drop_table("story_corrections")
