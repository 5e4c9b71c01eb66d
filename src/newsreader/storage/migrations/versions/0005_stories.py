"""stories

Stories (one event told by several articles), each article's story, syndicated
copies (an article of another feed listed once as its canonical) and the signatures
grouping compares (an article's folded headline and lead terms).  Nothing existing
changes: articles, marks and notes stay as they are.

Revision ID: 0005_stories
Revises: 0004_topics
Create Date: 2026-12-07 04:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_stories"
down_revision = "0004_topics"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("medoid_id", sa.Integer(), nullable=True),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.Column("updated", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["medoid_id"],
            ["articles.id"],
            name=op.f("fk_stories_medoid_id_articles"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    op.create_index(op.f("ix_stories_updated"), "stories", ["updated"], unique=False)
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_story_articles_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"],
            ["stories.id"],
            name=op.f("fk_story_articles_story_id_stories"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_story_articles")),
    )
    op.create_index(
        op.f("ix_story_articles_story_id"), "story_articles", ["story_id"], unique=False
    )
    op.create_table(
        "article_copies",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("canonical_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_copies_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["canonical_id"],
            ["articles.id"],
            name=op.f("fk_article_copies_canonical_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_copies")),
    )
    op.create_index(
        op.f("ix_article_copies_canonical_id"), "article_copies", ["canonical_id"], unique=False
    )
    op.create_table(
        "story_signatures",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("sort_time", sa.DateTime(), nullable=False),
        sa.Column("title_terms", sa.Text(), nullable=False),
        sa.Column("lead_terms", sa.Text(), nullable=False),
        sa.Column("link_key", sa.Text(), nullable=True),
        sa.Column("guid", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_story_signatures_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_story_signatures")),
    )
    op.create_index(
        op.f("ix_story_signatures_sort_time"), "story_signatures", ["sort_time"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_story_signatures_sort_time"), table_name="story_signatures")
    op.drop_table("story_signatures")
    op.drop_index(op.f("ix_article_copies_canonical_id"), table_name="article_copies")
    op.drop_table("article_copies")
    op.drop_index(op.f("ix_story_articles_story_id"), table_name="story_articles")
    op.drop_table("story_articles")
    op.drop_index(op.f("ix_stories_updated"), table_name="stories")
    op.drop_table("stories")
