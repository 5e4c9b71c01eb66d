"""search index

The search index becomes contentless: FTS5 keeps the index and the column sizes
bm25 needs, not a copy of the prepared text (three quarters of what indexing
wrote).  Deletes give the index the document made again from the stored article;
``search_index_extra`` keeps the comments and notes fields as indexed and
``search_index_state`` the document version (see storage/search_fts5.py).  The
index is filled by 0010_user_state, from the articles; no user data is touched.  SQLite only:
on other databases nothing changes.

Revision ID: 0009_search_index
Revises: 0008_topic_counts
Create Date: 2026-12-07 09:30:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "0009_search_index"
down_revision = "0008_topic_counts"
branch_labels = None
depends_on = None

#: The index as migration 0003_search made it (a copy of the prepared text kept).
_COLUMNS = ", ".join(
    c
    for field in ("title", "lead", "body", "categories", "comments", "notes")
    for c in (field, f"{field}_stems")
)


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    from newsreader.storage.search_fts5 import CREATE_STATEMENTS

    op.execute("DROP TABLE IF EXISTS search_index")
    for statement in CREATE_STATEMENTS:
        # filled by 0010_user_state: today's code writes each user's notes tagged as
        # theirs, which needs that revision's columns
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    op.execute("DROP TABLE search_index_state")
    op.execute("DROP TABLE search_index_extra")
    op.execute("DROP TABLE search_index")
    # the old table, empty: the notes of this revision's schema are not what today's
    # code indexes, and 0010_user_state builds the index again
    op.execute(f"CREATE VIRTUAL TABLE search_index USING fts5({_COLUMNS}, tokenize = 'ascii')")
