"""Opening, migrating and protecting the database file.

The tests taking ``database_url`` run on SQLite and on PostgreSQL; the others test what
only an SQLite file has (WAL, pragmas, damage, file permissions)."""

from __future__ import annotations

import socket
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, select, text

from newsreader.core.errors import StorageConflictError, StorageError, StorageUnavailableError
from newsreader.core.shared_cache import CacheServer
from newsreader.reader import Reader
from newsreader.storage.database import (
    FALLBACK_USER,
    HEAD_REVISION,
    MIGRATIONS_DIR,
    Database,
    cache_server,
    default_user,
    server_connect_args,
    session_user,
    sqlite_url,
)
from newsreader.storage.models import FeedRow


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_new_database_is_migrated_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path / "n.sqlite3"))
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10000
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert revision == HEAD_REVISION
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    assert {"feeds", "articles", "article_state", "notes", "comments", "images"} <= tables
    db.close()


def test_schema_from_migrations_matches_the_models(database_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from newsreader.storage.models import Base
    from newsreader.storage.search_fts5 import outside_models

    # Alembic itself, as when an older profile is upgraded (a new one is made from
    # the models directly).
    engine = create_engine(database_url)
    with engine.begin() as conn:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        context = MigrationContext.configure(conn, opts={"include_name": outside_models})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []


def test_a_damaged_file_is_a_clear_error_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "newsreader.sqlite3"
    garbage = b"this is not a database at all" * 200
    path.write_bytes(garbage)
    with pytest.raises(StorageError, match="damaged or not a Newsreader database"):
        Reader.open(tmp_path)
    assert path.read_bytes() == garbage


def test_a_key_another_writer_took_is_a_conflict_worth_trying_again(database_url: str) -> None:
    db = Database(database_url)
    try:
        added = datetime.now(UTC)
        with db.session() as session:
            session.add(FeedRow(url="http://127.0.0.1:9/feed", added=added))
        with (
            pytest.raises(StorageConflictError, match=r"(?i)unique"),
            db.session() as session,
        ):
            session.add(FeedRow(url="http://127.0.0.1:9/feed", added=added))
        # a missing value is a bug, not a race: not worth trying again
        with pytest.raises(StorageError) as other, db.session() as session:
            session.add(FeedRow(url="http://127.0.0.1:9/other"))
        assert not isinstance(other.value, StorageConflictError)
    finally:
        db.close()


def test_readers_are_not_blocked_while_a_write_is_open(tmp_path: Path) -> None:
    with Reader.open(tmp_path) as reader:
        reader.subscribe("http://127.0.0.1:9/a")
        raw = sqlite3.connect(tmp_path / "newsreader.sqlite3")
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("UPDATE feeds SET title = 'x'")
        # WAL: the GUI's read goes through while the refresh holds the write lock
        assert [f.url for f in reader.list_feeds()] == ["http://127.0.0.1:9/a"]
        raw.rollback()
        raw.close()


def test_times_are_stored_as_utc_whatever_their_zone(database_url: str) -> None:
    db = Database(database_url)
    cairo = timezone(timedelta(hours=2))
    moments = {
        "utc": datetime(2026, 11, 24, 8, 30, tzinfo=UTC),
        "cairo": datetime(2026, 11, 24, 10, 30, tzinfo=cairo),
        "naive": datetime(2026, 11, 24, 8, 30),
    }
    with db.session() as session:
        for name, moment in moments.items():
            session.add(FeedRow(url=f"https://example.test/{name}", title=name, added=moment))
    with db.engine.connect() as conn:
        stored = dict(conn.execute(text("SELECT title, added FROM feeds")).all())
    # SQLite keeps text, PostgreSQL a timestamp without a zone: both the UTC time
    as_stored = "2026-11-24 08:30:00.000000" if db.is_sqlite else datetime(2026, 11, 24, 8, 30)
    assert stored == dict.fromkeys(moments, as_stored)
    with db.session() as session:
        loaded = {row.title: row.added for row in session.scalars(select(FeedRow))}
    assert loaded == dict.fromkeys(moments, datetime(2026, 11, 24, 8, 30, tzinfo=UTC))
    db.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_its_wal_are_the_owners_alone(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    db = Database(sqlite_url(path))
    try:
        with db.session() as session:
            session.add(FeedRow(url="http://127.0.0.1:9/feed", added=datetime.now(UTC)))
        files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
        assert all(f.exists() for f in files)
        assert [_mode(f) for f in files] == [0o600] * 3
    finally:
        db.close()


def test_a_readable_database_is_tightened_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    db = Database(sqlite_url(path))
    with db.session() as session:
        session.add(FeedRow(url="http://127.0.0.1:9/feed", added=datetime.now(UTC)))
    db.close()
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        if (tmp_path / name).exists():
            (tmp_path / name).chmod(0o644)

    db = Database(sqlite_url(path))
    try:
        assert _mode(path) == 0o600
        with db.session() as session:
            assert session.scalars(select(FeedRow.url)).all() == ["http://127.0.0.1:9/feed"]
    finally:
        db.close()


def test_a_url_whose_driver_is_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if it were not installed
    with pytest.raises(StorageError, match=r"no driver for postgresql\+psycopg.*newsreader\["):
        Database("postgresql+psycopg://someone@127.0.0.1:9/news")


def test_a_server_that_does_not_answer_is_a_clear_error_without_the_password() -> None:
    with pytest.raises(StorageUnavailableError) as error:
        Database("postgresql+psycopg://someone:secret@127.0.0.1:9/news")
    assert str(error.value) == (
        "cannot reach the database server 127.0.0.1:9/news: "
        "the server refused the connection (is it running?)"
    )


def test_a_server_that_never_answers_is_given_up_on_with_a_clear_error() -> None:
    with socket.socket() as silent:  # takes connections and never says a word
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        with pytest.raises(StorageUnavailableError) as error:
            Database(f"postgresql+psycopg://someone@127.0.0.1:{port}/news?connect_timeout=2")
    assert str(error.value) == (
        f"cannot reach the database server 127.0.0.1:{port}/news: "
        "the server did not answer in time (is the network down?)"
    )


def test_a_server_lost_after_opening_is_told_by_each_unit_of_work() -> None:
    db = Database("postgresql+psycopg://someone:secret@127.0.0.1:9/news", migrate=False)
    try:
        with (
            pytest.raises(
                StorageUnavailableError, match=r"127\.0\.0\.1:9/news: the server refused"
            ),
            db.session() as session,
        ):
            session.execute(select(1))
    finally:
        db.close()


def test_a_server_is_named_without_user_or_password_and_keeps_its_url_settings() -> None:
    url = "postgresql+psycopg://someone:secret@db.example/news?connect_timeout=30"
    assert cache_server(url) == CacheServer("db.example", 5432, "news")
    assert cache_server(sqlite_url(Path("/tmp/x.sqlite3"))) is None
    args = server_connect_args(url)
    assert "connect_timeout" not in args  # the URL's own wins
    assert args["keepalives"] == 1
    assert server_connect_args("postgresql+psycopg://db.example/news")["connect_timeout"] == 5


def test_a_sqlite_profile_opens_and_searches_without_the_postgresql_dialect(
    tmp_path: Path,
) -> None:
    """SQLAlchemy's PostgreSQL dialect is loaded only for such a database: not at every
    start of the window (SQLite only: a PostgreSQL database needs it)."""
    script = (
        "import sys\n"
        "from newsreader.storage import search\n"
        "from newsreader.storage.database import Database, sqlite_url\n"
        f"db = Database(sqlite_url(__import__('pathlib').Path({str(tmp_path)!r}) / 'p.sqlite3'))\n"
        "with db.session() as session:\n"
        "    search.search(session, 'ذهب', limit=5)\n"
        "db.close()\n"
        "print([m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]"


def test_every_session_carries_its_user_the_os_user_unless_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    url = sqlite_url(tmp_path / "users.sqlite3")
    mine, theirs = Database(url), Database(url, user="سلمى")
    try:
        assert mine.user == default_user() == getpass.getuser()
        with mine.session() as session:
            assert session_user(session) == getpass.getuser()
        with theirs.session() as session:
            assert session_user(session) == "سلمى"
    finally:
        mine.close()
        theirs.close()

    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_login)
    assert default_user() == FALLBACK_USER
    with Reader.open(tmp_path / "profile") as reader:
        assert reader.user == FALLBACK_USER
    with Reader.open(tmp_path / "profile", user="omar") as reader:
        assert reader.user == "omar"
