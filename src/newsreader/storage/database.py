"""Opening the database: engine, SQLite pragmas, schema migrations.

One :class:`Database` per process; one short :class:`~sqlalchemy.orm.Session` per unit
of work per thread (``with db.session() as s``).  SQLite runs in WAL mode so the GUI
reads while the refresh writes.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session as Session  # a unit of work, as the layers above name it
from sqlalchemy.orm import sessionmaker

from newsreader.core.errors import DatabaseDamagedError, StorageConflictError, StorageError
from newsreader.core.files import private_file, tighten

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The newest migration; checked against Alembic's scripts by the tests.
HEAD_REVISION = "0010_user_state"
#: Whose state a session reads and writes when the OS cannot say who is running.
FALLBACK_USER = "newsreader"


def default_user() -> str:
    """The user whose state is read and written unless another is named: the OS user."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name, no passwd entry
        return FALLBACK_USER
    return name or FALLBACK_USER


def session_user(session: Session) -> str:
    """The user a session reads and writes the state of (its ``info["user"]``).

    Every session a :class:`Database` makes carries its user; a session made some
    other way (a migration's) stands for the OS user.
    """
    user = session.info.get("user")
    return user if isinstance(user, str) and user else default_user()


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA temp_store=MEMORY")
        # 4 MB per connection: measured as fast as 20 MB for a cold refresh of 10,000
        # articles and for switching views over 100,000, and 16 MB lighter.
        cursor.execute("PRAGMA cache_size=-4000")
    finally:
        cursor.close()


class Database:
    """An engine over one database, migrated to the current schema on open."""

    def __init__(self, url: str, *, migrate: bool = True, user: str | None = None) -> None:
        self.url = url
        #: Whose read and starred marks, notes, topics and saved searches the sessions
        #: read and write; articles, feeds and comments are everyone's.
        self.user = user or default_user()
        self.is_sqlite = url.startswith("sqlite")
        try:
            self.engine: Engine = self._make_engine(url)
            if migrate:
                self._migrate()
        except StorageError:
            raise
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            message = f"cannot open the database {self._where()}: {_reason(exc)}"
            if _is_damage(exc):
                raise DatabaseDamagedError(message) from exc
            raise StorageError(message) from exc
        except SQLAlchemyError as exc:
            raise StorageError(f"cannot open the database {self._where()}: {_reason(exc)}") from exc
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, info={"user": self.user})
        if migrate:
            self._check_search_documents()

    def _check_search_documents(self) -> None:
        """Rebuild the search index if its documents were prepared by another version."""
        from newsreader.storage.search import check_documents

        with self.session() as session:
            check_documents(session)

    def _where(self) -> str:
        return self.url.removeprefix("sqlite:///") if self.is_sqlite else self.url.split("@")[-1]

    @staticmethod
    def _make_engine(url: str) -> Engine:
        if url.startswith("sqlite"):
            _keep_private(url)
            engine = create_engine(
                url, connect_args={"timeout": 10, "check_same_thread": False}, future=True
            )
            event.listen(engine, "connect", _set_sqlite_pragmas)
            with engine.connect() as conn:  # fail now, with a clear message, on a corrupt file
                conn.execute(text("PRAGMA schema_version")).scalar()
            return engine
        try:
            return create_engine(url, pool_pre_ping=True, future=True)
        except ImportError as exc:  # the URL names a driver that is not installed
            hint = " (pip install 'newsreader[postgresql]')" if "psycopg" in str(exc) else ""
            raise StorageError(f"no driver for {url.split(':', 1)[0]}: {exc}{hint}") from exc

    def _current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def _migrate(self) -> None:
        current = self._current_revision()
        if current == HEAD_REVISION:
            return  # the common case: skip importing Alembic at start-up
        if current is None and self._is_empty():
            self._create_schema()
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        log.info("database %s migrated to %s", self._where(), HEAD_REVISION)

    def _is_empty(self) -> bool:
        with self.engine.connect() as conn:
            return not inspect(conn).get_table_names()

    def _create_schema(self) -> None:
        """A new database: the current schema at once, marked as migrated to the head.

        What running every migration gives (the tests compare the two), without
        importing Alembic, which costs a first start about 10 MB and 0.1 s.
        """
        from newsreader.storage.models import Base

        version = Table(
            "alembic_version",
            MetaData(),
            Column("version_num", String(32), nullable=False),
            PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
        )
        with self.engine.begin() as conn:
            Base.metadata.create_all(conn)
            version.create(conn)
            conn.execute(version.insert().values(version_num=HEAD_REVISION))
        log.info("database %s created at %s", self._where(), HEAD_REVISION)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on error.

        Database faults (locked, disk full, corrupt) come out as :class:`StorageError`.
        """
        session = self._sessions()
        try:
            yield session
            session.commit()
        except (OperationalError, DatabaseError) as exc:
            session.rollback()
            message = f"database error: {_reason(exc)}"
            if _is_damage(exc):
                self._remember_damage()
                raise DatabaseDamagedError(message) from exc
            if _is_conflict(exc):
                raise StorageConflictError(message) from exc
            raise StorageError(message) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def damage_marker(self) -> Path | None:
        """The file that says damage was met in this (SQLite) database, to check at start."""
        if not self.is_sqlite or ":memory:" in self.url:
            return None
        return damage_marker_for(Path(self._where()))

    def _remember_damage(self) -> None:
        """A page could not be read: the next start checks the whole file (and can repair)."""
        marker = self.damage_marker
        if marker is not None:
            try:
                marker.touch()
            except OSError as exc:
                log.warning("cannot note the damage in %s: %s", marker, exc)


def _keep_private(url: str) -> None:
    """The database file is its owner's alone, and so are its WAL and shared memory.

    SQLite gives the ``-wal`` and ``-shm`` files the permissions of the database, so a
    new database starts as an empty private file; an existing one (and its companions)
    is tightened.  A file SQLite cannot read is SQLite's error, reported as ever.
    """
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    if path.parent.is_dir():
        with contextlib.suppress(OSError):
            private_file(path)
    for companion in ("-wal", "-shm", "-journal"):
        tighten(path.with_name(path.name + companion))


def damage_marker_for(database: Path) -> Path:
    """Beside the database: damage was met while it was in use."""
    return database.with_name(database.name + ".damage-seen")


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip().splitlines()[0]


#: PostgreSQL's codes for another writer getting there first: a unique key taken, a
#: serialization failure, a deadlock, a lock not available.
_CONFLICT_STATES = frozenset({"23505", "40001", "40P01", "55P03"})


def _is_conflict(exc: BaseException) -> bool:
    """Another writer got there first: a unique key it just took, or its lock."""
    if getattr(getattr(exc, "orig", None), "sqlstate", None) in _CONFLICT_STATES:
        return True
    message = _first_line(exc)
    return (isinstance(exc, IntegrityError) and "UNIQUE" in message) or "locked" in message


def _is_damage(exc: BaseException) -> bool:
    message = _first_line(exc)
    return "file is not a database" in message or "malformed" in message


def _reason(exc: BaseException) -> str:
    message = _first_line(exc)
    if _is_damage(exc):
        return f"the file is damaged or not a Newsreader database ({message})"
    if "database or disk is full" in message:
        return "the disk is full"
    if "locked" in message:
        return "the database is busy (another Newsreader may be writing)"
    return message
