"""search

The full-text search index (SQLite FTS5: every article's headline, lead, content,
categories, comments and notes, prepared by newsreader.core.search_text), built for
the articles already stored by 0009_search_index; and the saved_searches table.

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
    if bind.dialect.name != "sqlite":
        return
    op.execute(f"CREATE VIRTUAL TABLE search_index USING fts5({_COLUMNS}, tokenize = 'ascii')")
    # Filled by 0009_search_index, which makes the index contentless: today's code
    # writes the index in that form only.


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_index")
    op.drop_table("saved_searches")
