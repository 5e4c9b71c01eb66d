"""full articles

A feed's whole-article setting (``feeds.full_articles``: off, on or auto; every
existing feed is off) and the table of articles' whole texts fetched from their
pages (``full_articles``).  The feeds' own summaries and contents are untouched.

Revision ID: 0007_full_articles
Revises: 0006_story_corrections
Create Date: 2026-12-07 06:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_full_articles"
down_revision = "0006_story_corrections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(
            sa.Column("full_articles", sa.String(length=4), server_default="off", nullable=False)
        )
    op.create_table(
        "full_articles",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("full_html", sa.Text(), nullable=True),
        sa.Column("full_fetched", sa.DateTime(), nullable=False),
        sa.Column("full_error", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_full_articles_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_full_articles")),
    )


def downgrade() -> None:
    op.drop_table("full_articles")
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("full_articles")
