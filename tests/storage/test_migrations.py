"""Upgrading a database made by an older Newsreader, and keeping models and migrations alike.

The migrations run on SQLite and on PostgreSQL: the tests taking ``database_url`` run on
both; the ones comparing SQLite's own index lists (and downgrades) on SQLite only."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Connection, create_engine, inspect, text

from newsreader.core.types import ArticleQuery
from newsreader.storage import articles as store
from newsreader.storage.database import HEAD_REVISION, MIGRATIONS_DIR, Database, sqlite_url
from newsreader.storage.models import Base

#: The indexes migration 0002 adds, and the one it replaces.
QUERY_INDEXES = {
    "ix_articles_first_seen",
    "ix_articles_video_sort",
    "ix_articles_key",
    "ix_articles_link",
    "ix_article_state_starred_only",
    "ix_comments_key",
}
REPLACED = "ix_article_state_starred"
#: The indexes migration 0004_topics adds.
TOPIC_INDEXES = {"ix_categories_key", "ix_topic_state_merged_into"}
#: The index migration 0010_user_state adds (an article's marks, every user's).
USER_INDEXES = {"ix_article_state_article_id"}
#: The indexes of the story tables (migration 0005_stories).
STORY_INDEXES = {
    "ix_stories_updated",
    "ix_story_articles_story_id",
    "ix_article_copies_canonical_id",
    "ix_story_signatures_sort_time",
}


def _url(where: Path | str) -> str:
    return sqlite_url(where) if isinstance(where, Path) else where


def _migrate(where: Path | str, revision: str, *, down: bool = False) -> None:
    """Move the database (an SQLite file, or a URL) to ``revision`` with Alembic itself."""
    engine = create_engine(_url(where))
    try:
        with engine.begin() as conn:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS_DIR))
            config.attributes["connection"] = conn
            if down:
                command.downgrade(config, revision)
            else:
                command.upgrade(config, revision)
    finally:
        engine.dispose()


def _fill_at_0001(where: Path | str) -> None:
    """A feed, two articles and the user's marks, written as the 0001 schema stood."""
    engine = create_engine(_url(where))
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO feeds (id, url, title, pinned, added, status, error_count,"
                    " interval) VALUES (1, 'http://127.0.0.1:9/feed', 'الأخبار', FALSE,"
                    " '2026-03-01 08:00:00', 'ok', 0, 1800)"
                )
            )
            for article_id, key, video in ((1, "guid-1", True), (2, "guid-2", False)):
                conn.execute(
                    text(
                        "INSERT INTO articles (id, feed_id, key, title, link, first_seen,"
                        " sort_time, direction, has_video, content_hash) VALUES (:id, 1, :key,"
                        " 'عنوان', :link, '2026-03-01 09:00:00', :time, 'rtl', :video, '')"
                    ),
                    {
                        "id": article_id,
                        "key": key,
                        "link": f"http://127.0.0.1:9/{key}",
                        "time": f"2026-03-01 0{article_id}:00:00",
                        "video": video,
                    },
                )
            conn.execute(
                text(
                    "INSERT INTO article_state (article_id, read, starred, read_at, starred_at)"
                    " VALUES (1, TRUE, TRUE, '2026-03-02 10:00:00', '2026-03-02 10:05:00'),"
                    " (2, TRUE, FALSE, '2026-03-02 11:00:00', NULL)"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO comments (article_id, key, content_html, direction, first_seen,"
                    " content_hash) VALUES (1, 'c-1', '<p>تعليق</p>', 'rtl',"
                    " '2026-03-02 12:00:00', '')"
                )
            )
    finally:
        engine.dispose()


def _revision(conn: Connection) -> str | None:
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _index_names(conn: Connection) -> set[str]:
    """The named indexes of the models' tables (not those of keys, nor the search index's)."""
    inspector = inspect(conn)
    return {
        index["name"]
        for table in inspector.get_table_names()
        if not table.startswith("search_index")
        for index in inspector.get_indexes(table)
        if index["name"] and "duplicates_constraint" not in index
    }


def _index_set(conn: Connection) -> set[tuple[object, ...]]:
    """Every index of every table: its table, columns, uniqueness and condition.

    Named indexes are compared by their CREATE statement too, which carries the
    condition of a partial index; unnamed ones (of unique constraints and primary
    keys) by what they index.
    """
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            text(
                "SELECT tablename, indexname, indexdef FROM pg_indexes"
                " WHERE schemaname = 'public' AND tablename != 'alembic_version'"
            )
        )
        return {tuple(row) for row in rows}
    found: set[tuple[object, ...]] = set()
    tables = [
        name
        for (name,) in conn.execute(
            text(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        )
    ]
    for table in tables:
        for _seq, name, unique, origin, partial in conn.exec_driver_sql(
            f'PRAGMA index_list("{table}")'
        ):
            columns = tuple(r[2] for r in conn.exec_driver_sql(f'PRAGMA index_info("{name}")'))
            sql = conn.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :n"),
                {"n": name},
            ).scalar()
            label = name if origin == "c" else origin
            found.add((table, label, columns, unique, partial, " ".join((sql or "").split())))
    return found


def _indexes_of(where: Path | str) -> set[tuple[object, ...]]:
    engine = create_engine(_url(where))
    try:
        with engine.connect() as conn:
            return _index_set(conn)
    finally:
        engine.dispose()


def test_a_0001_database_is_upgraded_with_its_data_and_gains_the_query_indexes(
    database_url: str,
) -> None:
    path = database_url
    _migrate(path, "0001")
    _fill_at_0001(path)
    engine = create_engine(path)
    with engine.connect() as conn:
        assert _revision(conn) == "0001"
        before = _index_names(conn)
    engine.dispose()
    assert REPLACED in before and not (QUERY_INDEXES & before)

    db = Database(path)  # what opening the profile does
    with db.engine.connect() as conn:
        assert _revision(conn) == HEAD_REVISION
        after = _index_names(conn)
    assert after >= QUERY_INDEXES
    assert REPLACED not in after
    assert after >= TOPIC_INDEXES
    assert after - QUERY_INDEXES - TOPIC_INDEXES - STORY_INDEXES - USER_INDEXES == before - {
        REPLACED
    }
    with db.session() as session:
        starred = store.list_articles(session, ArticleQuery(starred=True))
        assert [(a.id, a.title, a.read, a.starred) for a in starred] == [(1, "عنوان", True, True)]
        assert store.count_articles(session, ArticleQuery()) == (2, 0)
        assert store.count_articles(session, ArticleQuery(video=True)) == (1, 0)
        article = store.get_article(session, 1)
        assert article.feed_title == "الأخبار"
        assert article.link == "http://127.0.0.1:9/guid-1"
        assert article.first_seen.isoformat() == "2026-03-01T09:00:00+00:00"
        second = store.get_article(session, 2)
        assert second.read and not second.starred
        assert session.execute(text("SELECT key FROM comments")).scalars().all() == ["c-1"]
    db.close()


def test_a_new_database_has_the_indexes_the_models_declare(tmp_path: Path) -> None:
    """Migrations and models.py cannot drift apart: the same indexes, conditions and all."""
    from_models = tmp_path / "models.sqlite3"
    engine = create_engine(sqlite_url(from_models))
    Base.metadata.create_all(engine)
    engine.dispose()

    migrated_empty = tmp_path / "new.sqlite3"
    _migrate(migrated_empty, "head")
    created = tmp_path / "created.sqlite3"
    Database(sqlite_url(created)).close()  # a new profile: made from the models

    upgraded = tmp_path / "old.sqlite3"
    _migrate(upgraded, "0001")
    _fill_at_0001(upgraded)
    Database(sqlite_url(upgraded)).close()

    declared = _indexes_of(from_models)
    assert {label for _table, label, *_rest in declared} >= QUERY_INDEXES
    assert _indexes_of(migrated_empty) == declared
    assert _indexes_of(created) == declared
    assert _indexes_of(upgraded) == declared


def test_downgrading_0002_gives_back_the_0001_indexes(tmp_path: Path) -> None:
    at_0001 = tmp_path / "a.sqlite3"
    _migrate(at_0001, "0001")
    round_trip = tmp_path / "b.sqlite3"
    _migrate(round_trip, "0002")
    _migrate(round_trip, "0001", down=True)
    assert _indexes_of(round_trip) == _indexes_of(at_0001)


def test_0004_gives_stored_categories_their_topic_keys(database_url: str) -> None:
    path = database_url
    _migrate(path, "0002")
    at_0002 = _indexes_of(path)
    engine = create_engine(path)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO categories (id, name) VALUES (1, 'الاقتصاد'), (2, 'PS3')"))
    engine.dispose()
    _migrate(path, "0004_topics")
    engine = create_engine(path)
    with engine.connect() as conn:
        keys = dict(conn.execute(text("SELECT name, key FROM categories")).all())
        assert keys == {"الاقتصاد": "economy", "PS3": "ps3"}
        assert _index_names(conn) >= TOPIC_INDEXES
    engine.dispose()
    _migrate(path, "0002", down=True)
    assert _indexes_of(path) == at_0002


def _schema_of(where: Path | str) -> dict[str, object]:
    """Tables with their columns, keys, constraints and indexes, as the database reports them."""
    engine = create_engine(_url(where))
    try:
        with engine.connect() as conn:
            inspector = inspect(conn)
            schema: dict[str, object] = {}
            for table in sorted(inspector.get_table_names()):
                columns = [
                    (c["name"], str(c["type"]), c["nullable"], c.get("default"))
                    for c in inspector.get_columns(table)
                ]
                schema[table] = (
                    columns,
                    inspector.get_pk_constraint(table),
                    sorted(map(repr, inspector.get_foreign_keys(table))),
                    sorted(map(repr, inspector.get_unique_constraints(table))),
                )
            schema["indexes"] = _index_set(conn)
            schema["revision"] = _revision(conn)
            return schema
    finally:
        engine.dispose()


def test_a_new_profile_gets_the_schema_the_migrations_make(
    database_url: str, head_database_url: str
) -> None:
    migrated = database_url
    _migrate(migrated, "head")
    created = head_database_url
    Database(created).close()
    assert _schema_of(created) == _schema_of(migrated)
    # ...and Alembic sees it at the head, so later migrations apply to it as to any.
    engine = create_engine(created)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == HEAD_REVISION
    engine.dispose()


def test_opening_a_new_or_current_profile_does_not_import_alembic(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from newsreader.storage.database import Database, sqlite_url\n"
        f"Database(sqlite_url({str(tmp_path / 'n.sqlite3')!r})).close()\n"
        "print(any(name.split('.')[0] == 'alembic' for name in sys.modules))\n"
    )
    for _ in range(2):  # created, then opened as it is
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "False"


def test_0009_makes_the_search_index_contentless_and_0010_fills_it(tmp_path: Path) -> None:
    path = tmp_path / "search.sqlite3"
    _migrate(path, "0002")
    _fill_at_0001(path)  # two articles titled "عنوان"
    _migrate(path, "0008_topic_counts")
    _migrate(path, "0009_search_index")
    engine = create_engine(sqlite_url(path))
    match = "SELECT rowid FROM search_index WHERE search_index MATCH :q ORDER BY rowid"
    try:
        with engine.connect() as conn:
            sql = conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'search_index'"))
            assert "content = ''" in sql
            assert inspect(conn).has_table("search_index_extra")
        _migrate(path, "0008_topic_counts", down=True)
        with engine.connect() as conn:
            assert not inspect(conn).has_table("search_index_extra")
            sql = conn.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'search_index'"))
            assert "content = ''" not in sql  # the old table, keeping its text
        _migrate(path, "head")
        with engine.connect() as conn:
            assert list(conn.scalars(text(match), {"q": "عنوان"})) == [1, 2]
            assert conn.scalar(text("SELECT value FROM search_index_state")) is not None
    finally:
        engine.dispose()


def test_0010_gives_the_state_already_there_to_the_os_user(database_url: str) -> None:
    """Marks, notes, topic state and saved searches made before users had names are the
    upgrading OS user's, on either back end; another user starts with none."""
    from newsreader.storage import notes as note_store
    from newsreader.storage import saved_searches, search
    from newsreader.storage import topics as topic_store
    from newsreader.storage.database import default_user

    path = database_url
    _migrate(path, "0009_search_index")
    _fill_at_0001(path)  # articles 1 and 2 read, 1 starred
    engine = create_engine(path)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO categories (id, name, key) VALUES (1, 'Economy', 'economy')")
        )
        conn.execute(text("INSERT INTO article_categories VALUES (1, 1), (2, 1)"))
        conn.execute(
            text(
                "INSERT INTO notes (article_id, text, direction, created, updated) VALUES"
                " (2, 'قارن بالأمس', 'rtl', '2026-03-02 10:00:00', '2026-03-02 10:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO topic_state (key, merged_into, name, hidden)"
                " VALUES ('economy', NULL, 'Money', FALSE)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO saved_searches (name, query, created)"
                " VALUES ('Gold', 'gold', '2026-03-02 10:00:00')"
            )
        )
    engine.dispose()

    owner, other = Database(path), Database(path, user="someone else")
    try:
        assert owner.user == default_user()
        with owner.session() as session:
            assert store.count_articles(session, ArticleQuery()) == (2, 0)
            assert store.count_articles(session, ArticleQuery(starred=True)) == (1, 0)
            assert [n.text for n in note_store.list_notes(session, 2)] == ["قارن بالأمس"]
            assert [s.name for s in saved_searches.list_saved(session)] == ["Gold"]
            assert [r.name for r in topic_store.state_records(session)] == ["Money"]
            stats, _ = topic_store.topic_stats(session, datetime(2026, 2, 1, tzinfo=UTC))
            assert [(s.key, dict(s.feeds)[1][:2]) for s in stats] == [("economy", (2, 0))]
            assert [h.article.id for h in search.search(session, "قارن").hits] == [2]
        with other.session() as session:
            assert store.count_articles(session, ArticleQuery()) == (2, 2)
            assert store.count_articles(session, ArticleQuery(starred=True)) == (0, 0)
            assert note_store.list_notes(session, 2) == []
            assert saved_searches.list_saved(session) == []
            assert topic_store.state_records(session) == []
            stats, _ = topic_store.topic_stats(session, datetime(2026, 2, 1, tzinfo=UTC))
            assert [(s.key, dict(s.feeds)[1][:2]) for s in stats] == [("economy", (2, 2))]
            assert search.search(session, "قارن").hits == ()
    finally:
        owner.close()
        other.close()
