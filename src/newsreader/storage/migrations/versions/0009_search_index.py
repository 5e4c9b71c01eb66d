"""search index

The search index becomes contentless: FTS5 keeps the index and the column sizes
bm25 needs, not a copy of the prepared text (three quarters of what indexing
wrote).  Deletes give the index the document made again from the stored article;
``search_index_extra`` keeps the comments and notes fields as indexed and
``search_index_state`` the document version (see storage/search_fts5.py).  The
index is rebuilt here from the articles; no user data is touched.  SQLite only:
on other databases nothing changes.

Revision ID: 0009_search_index
Revises: 0008_topic_counts
Create Date: 2026-12-07 09:30:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

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
    from newsreader.storage.search import build_index
    from newsreader.storage.search_fts5 import CREATE_STATEMENTS

    op.execute("DROP TABLE IF EXISTS search_index")
    for statement in CREATE_STATEMENTS:
        op.execute(statement)
    build_index(Session(bind=bind))


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    from newsreader.storage.search import documents_of

    op.execute("DROP TABLE search_index_state")
    op.execute("DROP TABLE search_index_extra")
    op.execute("DROP TABLE search_index")
    op.execute(f"CREATE VIRTUAL TABLE search_index USING fts5({_COLUMNS}, tokenize = 'ascii')")
    session = Session(bind=bind)
    insert = sa.text(
        f"INSERT INTO search_index (rowid, {_COLUMNS}) "
        f"VALUES (:id, {', '.join(':' + c for c in _COLUMNS.split(', '))})"
    )
    ids = list(session.scalars(sa.text("SELECT id FROM articles ORDER BY id")))
    for start in range(0, len(ids), 1000):
        rows = documents_of(session, ids[start : start + 1000])
        if rows:
            session.execute(insert, rows)
