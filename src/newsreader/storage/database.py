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
import sys
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

from newsreader.core.errors import (
    DatabaseDamagedError,
    StorageConflictError,
    StorageError,
    StorageUnavailableError,
)
from newsreader.core.files import private_file, tighten
from newsreader.core.shared_cache import CacheServer

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: The newest migration; checked against Alembic's scripts by the tests.
HEAD_REVISION = "0011_feed_leases"
#: Whose state a session reads and writes when the OS cannot say who is running.
FALLBACK_USER = "newsreader"


#: Seconds a new connection to a database server may take before it counts as failed.
CONNECT_TIMEOUT_S = 5
#: libpq's keepalives, so an idle connection whose network went away is found dead
#: within about half a minute instead of the system's two hours, and a limit on data
#: sent and never acknowledged (ten seconds), for one in use.
_SERVER_CONNECT_ARGS: dict[str, Any] = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}


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


def server_connect_args(url: str) -> dict[str, Any]:
    """The connection settings a server's connections get, unless the URL sets them."""
    given = make_url(url).query
    return {k: v for k, v in _SERVER_CONNECT_ARGS.items() if k not in given}


def cache_server(url: str) -> CacheServer | None:
    """The server a database URL names (None for SQLite): what a window may show of it."""
    if url.startswith("sqlite"):
        return None
    parsed = make_url(url)
    return CacheServer(parsed.host or "localhost", parsed.port or 5432, parsed.database or "")


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
            if _is_unreachable(exc):
                raise self._unreachable(exc) from exc
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
        server = cache_server(self.url)
        return self.url.removeprefix("sqlite:///") if server is None else str(server)

    @property
    def server(self) -> CacheServer | None:
        """The database server this cache is on; None for an SQLite file."""
        return cache_server(self.url)

    def _unreachable(self, exc: BaseException) -> StorageUnavailableError:
        return StorageUnavailableError(
            f"cannot reach the database server {self._where()}: {_unreachable_reason(exc)}"
        )

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
            # pre-ping: a connection the server dropped (a restart) is replaced, not used
            return create_engine(
                url, pool_pre_ping=True, connect_args=server_connect_args(url), future=True
            )
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
            _roll_back(session)
            if _is_unreachable(exc):
                raise self._unreachable(exc) from exc
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


def _roll_back(session: Session) -> None:
    """Roll back after an error; a connection that is gone cannot, and needs not."""
    try:
        session.rollback()
    except (OperationalError, DatabaseError) as exc:
        log.debug("rollback after a lost connection: %s", _first_line(exc))


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


#: PostgreSQL's codes for a server that is going away or will not let us in: shutting
#: down, starting up, too many connections, a password or role refused.
_UNREACHABLE_STATES = frozenset({"57P01", "57P02", "57P03", "53300", "28000", "28P01"})


def _is_unreachable(exc: BaseException) -> bool:
    """The server could not be reached, refused us, or the connection to it was lost.

    Connecting fails without a SQLSTATE (refused, timed out, the password refused):
    psycopg's ``OperationalError`` alone says so; a lost connection is a class 08
    state, or SQLAlchemy's word that it invalidated the connection.
    """
    if getattr(exc, "connection_invalidated", False):
        return True
    psycopg = sys.modules.get("psycopg")  # loaded if the error can be one of its own
    orig = getattr(exc, "orig", exc)
    if psycopg is None or not isinstance(orig, psycopg.Error):
        return False
    state = orig.sqlstate
    if state is None:  # connecting failed (or timed out: a subclass), or the socket broke
        return isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError)
    return state.startswith("08") or state in _UNREACHABLE_STATES


#: psycopg's words for why a connection failed, and how they are said to the user.
_UNREACHABLE_REASONS = (
    ("connection refused", "the server refused the connection (is it running?)"),
    ("timeout expired", "the server did not answer in time (is the network down?)"),
    ("password authentication failed", "the password was refused"),
    ("no password supplied", "the server asks for a password and none was given"),
    ("does not exist", ""),  # a role or database: the server's own words say which
    ("could not translate host name", "the host name is not known"),
    ("name or service not known", "the host name is not known"),
    ("administrator command", "the server closed the connection (shut down or restarted)"),
    ("server closed the connection", "the server closed the connection"),
    ("the database system is starting up", "the server is starting up"),
    ("the database system is shutting down", "the server is shutting down"),
    ("too many", "the server has too many connections"),
)


def _unreachable_reason(exc: BaseException) -> str:
    """Why the server could not be reached, in one line without addresses or secrets."""
    orig = getattr(exc, "orig", exc)
    text = " ".join(str(orig).split())
    lowered = text.lower()
    for words, reason in _UNREACHABLE_REASONS:
        if words in lowered:
            if reason:
                return reason
            break
    # psycopg's "connection failed: connection to server at "h" (a), port p failed: why"
    return text.rsplit("failed:", 1)[-1].strip() or "the connection failed"


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
