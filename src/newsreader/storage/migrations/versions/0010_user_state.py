"""user state

Several people can share one database (a PostgreSQL cache): each keeps their own
read, starred and opened marks, notes, topic merges, names and hidden topics, and
saved searches.  ``article_state``, ``notes``, ``topic_state`` and ``saved_searches``
gain ``user_name`` (NOT NULL; the marks' key becomes ``(user_name, article_id)``, the
topics' ``(user_name, key)``).  The rows there were go to the OS user who runs this
migration (``getpass.getuser()``, the user Newsreader names when ``--user`` is not
given), so whoever upgraded a profile sees exactly what they saw before.  Story
corrections stay shared: they change the grouping everyone sees.

``topic_counts`` keeps each key's articles per feed for everyone, and the new
``topic_reads`` how many of them each user read (their triggers are made again).  The
search index is built again: notes are indexed as their writer's own words, which no
other user's search finds.  SQLite rebuilds the changed tables (Alembic's batch mode);
PostgreSQL alters them in place.

Revision ID: 0010_user_state
Revises: 0009_search_index
Create Date: 2026-12-07 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0010_user_state"
down_revision = "0009_search_index"
branch_labels = None
depends_on = None

#: The user's tables, each with its primary key once ``user_name`` is in it (None: an id).
_USER_TABLES = {
    "article_state": ("user_name", "article_id"),
    "notes": None,
    "topic_state": ("user_name", "key"),
    "saved_searches": None,
}


def upgrade() -> None:
    from newsreader.storage.database import default_user
    from newsreader.storage.topic_counts import create_triggers, drop_triggers, rebuild

    bind = op.get_bind()
    dialect = bind.dialect.name
    # the triggers read article_state as it was; an SQLite rebuild of it needs them gone
    for statement in drop_triggers(dialect):
        op.execute(statement)
    op.drop_table("topic_counts")

    owner = default_user()
    for table, key in _USER_TABLES.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("user_name", sa.Text(), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET user_name = :owner").bindparams(owner=owner))
        if table == "article_state":
            # made again after the rebuild (SQLite's batch mode does not carry a
            # partial index's condition)
            op.drop_index("ix_article_state_starred_only", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.alter_column("user_name", existing_type=sa.Text(), nullable=False)
            if key is not None:
                batch.drop_constraint(f"pk_{table}", type_="primary")
                batch.create_primary_key(f"pk_{table}", list(key))
            if table == "article_state":
                # the marks of an article (every user's) go with it: found by this
                batch.create_index("ix_article_state_article_id", ["article_id"], unique=False)
    op.create_index(
        "ix_article_state_starred_only",
        "article_state",
        ["starred"],
        unique=False,
        sqlite_where=sa.text("starred = 1"),
        postgresql_where=sa.text("starred"),
    )

    op.create_table(
        "topic_counts",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["feed_id"],
            ["feeds.id"],
            name=op.f("fk_topic_counts_feed_id_feeds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("key", "feed_id", name=op.f("pk_topic_counts")),
    )
    op.create_table(
        "topic_reads",
        sa.Column("user_name", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.Column("read", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["feed_id"],
            ["feeds.id"],
            name=op.f("fk_topic_reads_feed_id_feeds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_name", "key", "feed_id", name=op.f("pk_topic_reads")),
    )
    for statement in create_triggers(dialect):
        op.execute(statement)
    session = Session(bind=bind)
    rebuild(session)

    from newsreader.storage.search import build_index

    build_index(session)


def downgrade() -> None:
    """Back to one user: the OS user's state is kept, every other user's is dropped."""
    from newsreader.storage.database import default_user
    from newsreader.storage.topic_counts import drop_triggers

    bind = op.get_bind()
    for statement in drop_triggers(bind.dialect.name):
        op.execute(statement)
    op.drop_table("topic_reads")
    op.drop_table("topic_counts")
    owner = default_user()
    for table, key in _USER_TABLES.items():
        op.execute(
            sa.text(f"DELETE FROM {table} WHERE user_name != :owner").bindparams(owner=owner)
        )
        if table == "article_state":
            op.drop_index("ix_article_state_starred_only", table_name=table)
        with op.batch_alter_table(table) as batch:
            if table == "article_state":
                batch.drop_index("ix_article_state_article_id")
            if key is not None:
                batch.drop_constraint(f"pk_{table}", type_="primary")
                batch.create_primary_key(f"pk_{table}", [c for c in key if c != "user_name"])
            batch.drop_column("user_name")
    op.create_index(
        "ix_article_state_starred_only",
        "article_state",
        ["starred"],
        unique=False,
        sqlite_where=sa.text("starred = 1"),
        postgresql_where=sa.text("starred"),
    )
    # 0008_topic_counts's table (counted again by the revision that needs it)
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
    # the notes in the index are tagged by user: an older version builds it again
    if sa.inspect(bind).has_table("search_index_state"):
        op.execute("DELETE FROM search_index_state WHERE name = 'documents'")
