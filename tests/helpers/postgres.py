"""A throwaway PostgreSQL server for the test session, and a database of its own per test.

The server is a new cluster (``initdb``) in a temporary folder, listening on 127.0.0.1
at a free port (TCP only, no Unix socket), started once for the session with settings
that trade durability for speed (no fsync: nothing in it outlives the run) and stopped
at the end, leaving no process.  Each test gets a new database: an empty one
(``database_url``), or a copy of one made at the current schema once per session
(``head_database_url``, ``profile_db_url``), which costs a few hundredths of a second
instead of creating every table.

PostgreSQL refuses to run as root: as root the cluster belongs to, and the server runs
as, the ``postgres`` system user (or ``nobody``) through ``runuser``, in /tmp when the
usual temporary folder is root's own.  When the server cannot be started the tests
that need it fail, saying why; none is skipped.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

#: Where Debian and Ubuntu put the server's programs (one folder per major version).
DEBIAN_BINARIES = Path("/usr/lib/postgresql")
#: The cluster's superuser; trusted on 127.0.0.1, the only address it listens on.
USER = "newsreader"
#: Settings for a server whose data is thrown away: fast, small, quiet.
SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "shared_buffers": "32MB",
    "max_connections": "100",
    "log_min_messages": "warning",
}
#: The database at the current schema that per-test databases are copied from.
HEAD_TEMPLATE = "newsreader_head"

_BACKENDS = ("sqlite", "postgresql")


class PostgresUnavailable(RuntimeError):
    """The test server could not be found or started."""


def server_binaries() -> Path:
    """The folder of ``initdb`` and ``pg_ctl``: from ``PATH``, else the newest Debian one."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    versions = sorted(
        (p for p in DEBIAN_BINARIES.glob("*/bin") if (p / "pg_ctl").is_file()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if not versions:
        raise PostgresUnavailable(
            "no PostgreSQL server programs (initdb, pg_ctl) on PATH or in "
            f"{DEBIAN_BINARIES}/*/bin: install the Debian package 'postgresql' "
            "(.ci/run does when they are missing)"
        )
    return versions[-1]


def _server_account() -> str | None:
    """The unprivileged user to run the server as, when running as root; else None."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise PostgresUnavailable("running as root and no 'postgres' or 'nobody' user to run as")


def _folder_for(account: str | None) -> str | None:
    """Where the cluster's folder goes: the usual temporary folder, unless the server's
    user could not reach it (root's own), then /tmp."""
    if account is None:
        return None
    here = Path(tempfile.gettempdir()).resolve()
    reachable = all(p.stat().st_mode & 0o001 for p in (here, *here.parents))
    return None if reachable else "/tmp"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """One running test server; :meth:`stop` ends it and removes its files."""

    def __init__(self) -> None:
        self.binaries = server_binaries()
        self.account = _server_account()
        self.folder = Path(tempfile.mkdtemp(prefix="newsreader-pg-", dir=_folder_for(self.account)))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._running = False
        if self.account is not None:
            shutil.chown(self.folder, user=self.account)
        try:
            self._run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust",
                      "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
            self.start_server()
        except PostgresUnavailable:
            self.stop()
            raise

    def start_server(self) -> None:
        """Start the server (again, after :meth:`stop_server`: same files, same port)."""
        if self._running:
            return
        options = " ".join(f"-c {k}={v}" for k, v in SETTINGS.items())
        # TCP only: a socket's path in a deep temporary folder could be too long
        options += f" -c unix_socket_directories='' -p {self.port}"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")  # fmt: skip
        self._running = True

    def stop_server(self) -> None:
        """Stop the server and keep its files (a server going down mid-session)."""
        if self._running:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
            self._running = False

    def add_password_role(self, name: str, password: str) -> None:
        """A role that must give *password* (every other role stays trusted)."""
        self._execute(f"CREATE ROLE {name} LOGIN PASSWORD '{password}'")
        hba = self.data / "pg_hba.conf"
        rule = f"host all {name} 127.0.0.1/32 scram-sha-256\n"
        hba.write_text(rule + hba.read_text())  # the first matching rule wins
        self._run("pg_ctl", "-D", str(self.data), "reload")

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.binaries / program), *args]
        if self.account is not None:
            command = ["runuser", "-u", self.account, "--", *command]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PostgresUnavailable(f"{program} could not run: {exc}") from exc
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
            raise PostgresUnavailable(
                f"{program} failed ({done.returncode}): {done.stderr.strip()}\n{tail}".strip()
            )

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def _execute(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres", autocommit=True
        ) as conn:
            for statement in statements:
                conn.execute(statement)  # type: ignore[arg-type]

    def make_template(self) -> None:
        """The database every ``head`` copy comes from: made from the models once."""
        from newsreader.storage.database import Database

        self._execute(f"CREATE DATABASE {HEAD_TEMPLATE}")
        Database(self.url(HEAD_TEMPLATE)).close()

    def create_database(self, *, template: str = "template0") -> str:
        """A new database (empty, or a copy of *template*); its URL."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self._execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        if self._running:
            with contextlib.suppress(PostgresUnavailable):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
            self._running = False
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """The session's PostgreSQL server (started on first use)."""
    try:
        cluster = Cluster()
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL is needed by this test and cannot be started: {exc}")
    try:
        cluster.make_template()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="module")
def own_cluster() -> Iterator[Cluster]:
    """A server of the module's own, for tests that stop and start it (the session's
    must stay up for everyone else): one per module that imports this, stopped and
    removed at the module's end, whatever happened."""
    try:
        cluster = Cluster()
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL is needed by this test and cannot be started: {exc}")
    try:
        cluster.make_template()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(params=_BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database back end a test runs on: each test using it runs on both."""
    return str(request.param)


def _new_url(request: pytest.FixtureRequest, backend: str, template: str) -> Iterator[str]:
    if backend == "sqlite":
        from newsreader.storage.database import sqlite_url

        tmp_path: Path = request.getfixturevalue("tmp_path")
        yield sqlite_url(tmp_path / f"{template}.sqlite3")
        return
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    url = cluster.create_database(template=template)
    try:
        yield url
    finally:
        cluster.drop_database(url)


@pytest.fixture
def database_url(request: pytest.FixtureRequest, backend: str) -> Iterator[str]:
    """A new, empty database on each back end: an SQLite file that is not there yet, or
    an empty PostgreSQL database."""
    yield from _new_url(request, backend, "template0")


@pytest.fixture
def head_database_url(request: pytest.FixtureRequest, backend: str) -> Iterator[str]:
    """A new database at the current schema on each back end (a PostgreSQL one is a copy
    of the session's; an SQLite one is made when it is opened)."""
    yield from _new_url(request, backend, HEAD_TEMPLATE)


@pytest.fixture(name="backend")
def sqlite_only() -> str:
    """Overrides :func:`backend` where a module tests what only SQLite has (WAL, FTS5,
    salvage of a damaged file): ``backend = postgres.sqlite_only`` in it."""
    return "sqlite"


@pytest.fixture(name="backend")
def postgresql_only() -> str:
    """Overrides :func:`backend` where a module tests what only PostgreSQL has:
    ``backend = postgres.postgresql_only`` in it."""
    return "postgresql"


@pytest.fixture
def new_profile_db(
    request: pytest.FixtureRequest, backend: str
) -> Iterator[Callable[[], str | None]]:
    """Makes a profile's database on each back end, for ``Reader.open`` and ``--db``:
    None on SQLite (the profile's own file, as a user has it), else a new PostgreSQL
    database at the current schema (removed after the test)."""
    made: list[str] = []

    def new() -> str | None:
        if backend == "sqlite":
            return None
        cluster: Cluster = request.getfixturevalue("postgres_cluster")
        made.append(cluster.create_database(template=HEAD_TEMPLATE))
        return made[-1]

    yield new
    if made:
        cluster: Cluster = request.getfixturevalue("postgres_cluster")
        for url in made:
            cluster.drop_database(url)


@pytest.fixture
def profile_db_url(new_profile_db: Callable[[], str | None]) -> str | None:
    """A profile's database on each back end (see :func:`new_profile_db`)."""
    return new_profile_db()


def db_option(db_url: str | None) -> list[str]:
    """The command line's ``--db URL`` for a profile's database (none for SQLite's own)."""
    return ["--db", db_url] if db_url else []
