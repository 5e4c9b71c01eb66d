"""search

The full-text search index (SQLite FTS5, or tsvector columns with a GIN index on
PostgreSQL: every article's headline, lead, content, categories, comments and notes,
prepared by newsreader.core.search_text), built here for the articles already
stored on PostgreSQL and by 0009_search_index on SQLite; and the saved_searches table.

Revision ID: 0003_search
Revises: 0002
Create Date: 2026-12-07 04:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_search"
down_revision = "0002"
branch_labels = None
depends_on = None

#: As the index stood at this revision (storage/search_fts5.py makes it for new profiles).
_COLUMNS = ", ".join(
    c
    for field in ("title", "lead", "body", "categories", "comments", "notes")
    for c in (field, f"{field}_stems")
)
_FIELDS = ("title", "lead", "body", "categories", "comments", "notes")
#: PostgreSQL's index at this revision: a tsvector column a field, and their whole.
_POSTGRESQL = (
    "CREATE TABLE search_index (id BIGINT PRIMARY KEY, "
    + ", ".join(f"{f} tsvector NOT NULL DEFAULT ''" for f in _FIELDS)
    + ", document tsvector GENERATED ALWAYS AS ("
    + " || ".join(_FIELDS)
    + ") STORED)",
    "CREATE INDEX ix_search_index_document ON search_index USING gin (document)",
    "CREATE TABLE search_index_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


def upgrade() -> None:
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_searches")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # tsvector columns and a GIN index (storage/search_postgres.py), filled by
        # 0010_user_state: today's code writes each user's notes tagged as theirs, which
        # needs that revision's columns
        for statement in _POSTGRESQL:
            op.execute(statement)
    elif bind.dialect.name == "sqlite":
        op.execute(f"CREATE VIRTUAL TABLE search_index USING fts5({_COLUMNS}, tokenize = 'ascii')")
        # Filled by 0009_search_index, which makes the index contentless: today's code
        # writes the SQLite index in that form only.


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TABLE search_index_state")
    if dialect in ("sqlite", "postgresql"):
        op.execute("DROP TABLE search_index")
    op.drop_table("saved_searches")
