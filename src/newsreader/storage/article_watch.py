"""New articles stored by another process: PostgreSQL's notifications, and a watermark.

A transaction that stores new articles ends with ``NOTIFY newsreader_articles``
(:func:`notify_new_articles`, called by the refresh's writer; the server delivers it
when the transaction commits, and not at all when it rolls back).  An
:class:`ArticleWatcher` LISTENs on a connection of its own and blocks in ``select``
until a notification comes, it is stopped, or the time is up: no polling while the
notifications flow.

Where there are none (an SQLite cache shared by two processes, a LISTEN connection
lost until it is made again), the watcher compares the cache's watermark
(:func:`article_watermark`: the greatest article id and how many articles there
are, one index-only query) every ``poll_seconds``, sleeping in between.  After its
LISTEN connection is made again, it compares the watermark at once: what was
stored while nobody listened is not missed.
"""

from __future__ import annotations

import contextlib
import logging
import select
import socket
import threading
import time
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sql_select
from sqlalchemy.orm import Session

from newsreader.core.shared_cache import ArticleWatermark
from newsreader.storage.database import Database, server_connect_args
from newsreader.storage.models import ArticleRow

log = logging.getLogger(__name__)

#: The channel new articles are announced on; the payload is the newest article's id.
CHANNEL = "newsreader_articles"
#: How often the watermark is compared when no notification can come.
POLL_SECONDS = 5.0


def notify_new_articles(session: Session, newest_id: int) -> None:
    """Announce new articles to every listener when *session*'s transaction commits.

    Does nothing on SQLite, which has no notifications (its readers compare the
    watermark instead).
    """
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(sql_select(func.pg_notify(CHANNEL, str(newest_id))))


def article_watermark(session: Session) -> ArticleWatermark:
    """The greatest article id and the number of articles: cheap, and moved by any new one."""
    newest, count = session.execute(
        sql_select(func.coalesce(func.max(ArticleRow.id), 0), func.count(ArticleRow.id))
    ).one()
    return ArticleWatermark(int(newest), int(count))


class ArticleWatcher:
    """Waits for new articles in one database: notified on PostgreSQL, compared on SQLite.

    :meth:`wait` runs on one thread at a time (a desktop's watching thread); :meth:`stop`
    may be called from any thread and wakes it.  A server that cannot be reached makes
    :meth:`wait` raise :class:`StorageUnavailableError`; the next call tries again.
    """

    def __init__(
        self, db: Database, *, poll_seconds: float = POLL_SECONDS, listen: bool = True
    ) -> None:
        self._db = db
        self._poll_seconds = poll_seconds
        self._wants_listen = listen and not db.is_sqlite
        self._connection: Any = None  # the psycopg connection that LISTENs
        self._next_listen_try = 0.0
        self._stopped = False
        self._seen = self.watermark()  # first: raises while the server is away
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._wake_reader.setblocking(False)
        self._lock = threading.Lock()  # held while waiting: stop() then leaves the release
        if self._wants_listen:
            self._try_listen()

    @property
    def listening(self) -> bool:
        """Whether notifications reach this watcher now (else it compares watermarks)."""
        return self._connection is not None

    def watermark(self) -> ArticleWatermark:
        """The cache's watermark now (raises :class:`StorageUnavailableError` when down)."""
        with self._db.session() as session:
            return article_watermark(session)

    def wait(self, timeout: float) -> bool:
        """Block up to *timeout* seconds; True when new articles were stored meanwhile.

        Returns False at once once stopped.  Raises :class:`StorageUnavailableError`
        when the server cannot be reached to compare the watermark.
        """
        with self._lock:
            try:
                return self._wait(timeout)
            finally:
                if self._stopped:
                    self._release()

    def _wait(self, timeout: float) -> bool:
        deadline = time.monotonic() + max(0.0, timeout)
        while not self._stopped:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            listen_again = self._connection is None and self._wants_listen
            if listen_again and self._try_listen() and self._moved():
                return True  # stored while nobody listened
            if self._connection is not None:
                if self._wait_notified(min(remaining, self._poll_seconds)):
                    return True
                continue
            self._sleep(min(remaining, self._poll_seconds))
            if not self._stopped and self._moved():
                return True
        return False

    def stop(self) -> None:
        """Wake a :meth:`wait` in progress (it returns False), and end watching for good."""
        self._stopped = True
        with contextlib.suppress(OSError):
            self._wake_writer.send(b"x")
        if self._lock.acquire(blocking=False):  # nobody waits: release now
            try:
                self._release()
            finally:
                self._lock.release()

    close = stop

    # -- inside ----------------------------------------------------------------------

    def _moved(self) -> bool:
        now = self.watermark()
        moved, self._seen = now != self._seen, now
        return moved

    def _sleep(self, seconds: float) -> None:
        """Sleep, woken early by :meth:`stop`."""
        ready, _, _ = select.select([self._wake_reader], [], [], seconds)
        if ready:
            self._drain_wakes()

    def _drain_wakes(self) -> None:
        with contextlib.suppress(OSError):
            while self._wake_reader.recv(64):
                pass

    def _try_listen(self) -> bool:
        """Open the LISTEN connection, at most once per poll interval; whether it is open."""
        now = time.monotonic()
        if now < self._next_listen_try:
            return False
        self._next_listen_try = now + self._poll_seconds
        import psycopg

        engine = self._db.engine
        args, params = engine.dialect.create_connect_args(engine.url)
        try:
            connection = psycopg.connect(
                *args, **{**params, **server_connect_args(self._db.url)}, autocommit=True
            )
            connection.execute(f"LISTEN {CHANNEL}")
        except psycopg.Error as exc:
            log.info("no notifications of new articles for now: %s", exc)
            return False
        self._connection = connection
        log.debug("listening for new articles on %s", self._db.server)
        return True

    def _wait_notified(self, seconds: float) -> bool:
        """Wait on the LISTEN connection: True when notified (or moved while it was lost).

        A lost connection is closed; the watermark says whether anything was stored
        meanwhile (and raises when the server itself is gone).
        """
        import psycopg

        connection = self._connection
        try:
            ready, _, _ = select.select([connection.fileno(), self._wake_reader], [], [], seconds)
            if self._wake_reader in ready:
                self._drain_wakes()
            if connection.fileno() in ready and list(connection.notifies(timeout=0)):
                self._moved()  # the new watermark, for the next comparison
                return True
            return False
        except (psycopg.Error, OSError, ValueError) as exc:
            log.info("the connection that listened for new articles was lost: %s", exc)
            self._close_connection()
            self._next_listen_try = 0.0
        return not self._stopped and self._moved()

    def _close_connection(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                connection.close()

    def _release(self) -> None:
        self._close_connection()
        for end in (self._wake_reader, self._wake_writer):
            with contextlib.suppress(OSError):
                end.close()
