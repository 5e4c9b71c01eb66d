"""The refresh pipeline: due feeds → fetch → parse → decide → store, one result per feed.

Fetching runs on a thread pool (I/O), parsing in worker processes (feedparser is
CPU-bound Python, and a worker can be stopped when a hostile feed hangs or crashes
it; see :mod:`newsreader.update.parse_pool`), and one writer stores results in
batched transactions so readers are never blocked long.  One feed's failure is that
feed's result; it never stops the run.  A :class:`Refresher` given no parse pool
parses in its fetching threads (profiling uses that).

A refresh leases the feeds it fetches (``storage.feeds.claim_jobs``) and gives each
lease back when the feed's result is stored, so a feed is never fetched by two
refreshes at once, whether they run in one process, in two, or on two machines
over one PostgreSQL database (``newsreader fetcher``, :mod:`newsreader.update.fetcher`).
A feed another refresh holds is left out; a lease whose holder died runs out after
:data:`LEASE_SECONDS`, or at once when the holder was a process of this machine that
is gone (killed, say): a refresh takes such leases back before it claims.
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import hashlib
import logging
import os
import secrets
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from newsreader.core.errors import (
    FeedGoneError,
    FetchError,
    NewsreaderError,
    RetryLaterError,
)
from newsreader.core.parsed import ParsedFeed
from newsreader.core.types import FeedResult, FeedStatus, RefreshSummary
from newsreader.core.update_records import FeedUpdate, FetchJob
from newsreader.fetch.parse_worker import parse_or_error
from newsreader.fetch.transport import Transport
from newsreader.storage import feeds as feed_store
from newsreader.storage.database import Database
from newsreader.update.parse_pool import STOPPED, ParsePool
from newsreader.update.store import FeedStore
from newsreader.update.stories import group_new_articles

log = logging.getLogger(__name__)

#: Called after each feed is stored: (result, feeds done, feeds in the run).
ProgressCallback = Callable[[FeedResult, int, int], None]

#: The writer commits at least this often, so readers see progress.
BATCH_SECONDS = 0.5
#: ... and sooner once this many parsed entries wait (they are held in memory) ...
BATCH_ENTRIES = 250
#: ... or this many feeds: an unchanged feed costs one row's update, a transaction
#: costs more than that.
BATCH_FEEDS = 100
#: Feed bodies held in memory at once (being fetched, waiting or being parsed).
MAX_BODIES = 32
#: How long a feed's lease lasts unless renewed: a refresh that died gives its
#: feeds back after this long.
LEASE_SECONDS = 300.0
#: A running refresh renews its leases this often (a fraction of their length).
LEASE_RENEW_SECONDS = LEASE_SECONDS / 5


def _pid_namespace() -> str:
    """Which process numbering this process sees (two containers on one host differ)."""
    try:
        return os.readlink("/proc/self/ns/pid").removeprefix("pid:").strip("[]")
    except OSError:
        return "-"


def new_lease_owner() -> str:
    """A name for one refresher's leases: host, process numbering and process (for
    people reading the table, and to tell a dead local holder), and a random part,
    unique even when a process runs several."""
    host = socket.gethostname()[:60]
    return f"{host}:{_pid_namespace()}:{os.getpid()}:{secrets.token_hex(4)}"


def holder_is_gone(owner: str) -> bool:
    """Whether *owner* names a process of this machine (same host, same process
    numbering) that no longer runs.  Anything else, or any doubt, is ``False``: that
    lease runs out by itself."""
    host, _, rest = owner.partition(":")
    namespace, _, rest = rest.partition(":")
    pid_text, _, _ = rest.partition(":")
    if os.name != "posix" or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if host != socket.gethostname()[:60] or namespace != _pid_namespace() or namespace == "-":
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return True
    except OSError:  # it exists, under another user
        return False
    return False


@dataclass(frozen=True, slots=True)
class _Fetched:
    """A body that needs parsing."""

    job: FetchJob
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    body_hash: str
    new_url: str | None


def fetch_job(transport: Transport, job: FetchJob) -> FeedUpdate | _Fetched:
    """Fetch one feed; a finished :class:`FeedUpdate` unless its body must be parsed."""
    try:
        response = transport.get(job.url, etag=job.etag, last_modified=job.last_modified)
    except FeedGoneError as exc:
        return FeedUpdate(job.feed_id, job.url, FeedStatus.GONE, error=str(exc))
    except RetryLaterError as exc:
        return FeedUpdate(
            job.feed_id, job.url, FeedStatus.ERROR, error=str(exc), retry_after=exc.retry_after
        )
    except FetchError as exc:
        return FeedUpdate(job.feed_id, job.url, FeedStatus.ERROR, error=str(exc))
    except Exception as exc:
        log.exception("fetching %s failed", job.url)
        return FeedUpdate(job.feed_id, job.url, FeedStatus.ERROR, error=f"fetch failed: {exc}")
    if response.not_modified:
        return FeedUpdate(
            job.feed_id,
            job.url,
            FeedStatus.NOT_MODIFIED,
            etag=response.etag,
            last_modified=response.last_modified,
            new_url=response.permanent_url,
        )
    body_hash = hashlib.sha256(response.body).hexdigest()
    if body_hash == job.body_hash:  # the server ignored our validators, the body is the same
        return FeedUpdate(
            job.feed_id,
            job.url,
            FeedStatus.NOT_MODIFIED,
            etag=response.etag,
            last_modified=response.last_modified,
            new_url=response.permanent_url,
        )
    return _Fetched(
        job,
        response.body,
        response.content_type,
        response.etag,
        response.last_modified,
        body_hash,
        response.permanent_url,
    )


def _finish(fetched: _Fetched, parsed: ParsedFeed | str) -> FeedUpdate:
    job = fetched.job
    if isinstance(parsed, str):
        return FeedUpdate(
            job.feed_id, job.url, FeedStatus.ERROR, error=parsed, new_url=fetched.new_url
        )
    return FeedUpdate(
        job.feed_id,
        job.url,
        FeedStatus.OK,
        parsed=parsed,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        body_hash=fetched.body_hash,
        new_url=fetched.new_url,
    )


class Refresher:
    """Runs one refresh over a database with a transport; reusable."""

    def __init__(
        self,
        db: Database,
        transport: Transport,
        *,
        fetch_threads: int = 16,
        parse_pool: ParsePool | None = None,
        group_stories: bool = True,
        lease_owner: str | None = None,
    ) -> None:
        self.db = db
        self.transport = transport
        self.fetch_threads = fetch_threads
        self.parse_pool = parse_pool
        #: Group the new articles into stories once they are stored (benchmarks turn it off).
        self.group_stories = group_stories
        #: Whose leases this refresher's feeds hold.
        self.lease_owner = lease_owner or new_lease_owner()

    def jobs(
        self,
        *,
        feed_ids: Sequence[int] | None,
        include_not_due: bool,
        limit: int | None = None,
    ) -> list[FetchJob]:
        """The feeds to fetch, leased to this refresher (see ``storage.feeds.claim_jobs``);
        :meth:`run_jobs` gives the leases back."""
        now = datetime.now(UTC)
        with self.db.session() as session:
            for owner in feed_store.lease_owners(session, now):
                if holder_is_gone(owner):
                    log.info("taking back the feeds' leases of %s, a process that is gone", owner)
                    feed_store.release_leases(session, owner)
            return feed_store.claim_jobs(
                session,
                self.lease_owner,
                feed_ids=feed_ids,
                include_not_due=include_not_due,
                now=now,
                until=now + timedelta(seconds=LEASE_SECONDS),
                limit=limit,
            )

    def release_leases(self, feed_ids: Sequence[int] | None = None) -> None:
        """Give back the leases this refresher holds on *feed_ids*, or all of them (a
        failure is logged: they run out by themselves)."""
        try:
            with self.db.session() as session:
                feed_store.release_leases(session, self.lease_owner, feed_ids)
        except NewsreaderError:
            log.exception("the feeds' leases could not be given back; they run out by themselves")

    def run(
        self,
        *,
        feed_ids: Sequence[int] | None = None,
        include_not_due: bool = False,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> RefreshSummary:
        jobs = self.jobs(feed_ids=feed_ids, include_not_due=include_not_due)
        return self.run_jobs(jobs, progress=progress, cancel=cancel)

    def run_jobs(
        self,
        jobs: Sequence[FetchJob],
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> RefreshSummary:
        if not jobs:
            return RefreshSummary(())
        try:
            return self._run_jobs(jobs, progress, cancel)
        finally:
            self.release_leases()

    def _run_jobs(
        self,
        jobs: Sequence[FetchJob],
        progress: ProgressCallback | None,
        cancel: threading.Event | None,
    ) -> RefreshSummary:
        started = datetime.now(UTC)
        use_processes = self.parse_pool is not None
        results: list[FeedResult] = []
        ready: list[FeedUpdate] = []
        writer = FeedStore()
        last_write = last_renewal = time.monotonic()
        waiting_entries = 0  # parsed entries in ``ready``

        def renew() -> None:
            nonlocal last_renewal
            if time.monotonic() - last_renewal < LEASE_RENEW_SECONDS:
                return
            last_renewal = time.monotonic()
            until = datetime.now(UTC) + timedelta(seconds=LEASE_SECONDS)
            with self.db.session() as session:
                feed_store.renew_leases(session, self.lease_owner, until)

        def hold(update: FeedUpdate) -> None:
            nonlocal waiting_entries
            ready.append(update)
            if update.parsed is not None:
                waiting_entries += len(update.parsed.entries)

        def write(force: bool = False) -> None:
            nonlocal last_write, waiting_entries
            if not ready:
                return
            if (
                not force
                and waiting_entries < BATCH_ENTRIES
                and len(ready) < BATCH_FEEDS
                and time.monotonic() - last_write < BATCH_SECONDS
            ):
                return
            waiting_entries = 0
            now = datetime.now(UTC)
            with self.db.session() as session:
                batch = writer.store_many(session, ready, now)
                feed_store.release_leases(session, self.lease_owner, [u.feed_id for u in ready])
            ready.clear()
            last_write = time.monotonic()
            for result in batch:
                results.append(result)
                if progress is not None:
                    progress(result, len(results), len(jobs))

        # Fetching is much faster than parsing: keep only a window of bodies in memory
        # (being fetched, waiting, or being parsed) instead of the whole refresh.
        to_fetch = deque(jobs)
        waiting: deque[_Fetched] = deque()
        fetching: set[cf.Future[Any]] = set()
        parsing: dict[cf.Future[Any], _Fetched] = {}
        max_parsing = 6 * (self.parse_pool.processes if self.parse_pool else 1)
        threads = cf.ThreadPoolExecutor(min(self.fetch_threads, len(jobs)), "fetch")
        try:
            while to_fetch or waiting or fetching or parsing:
                if cancel is not None and cancel.is_set():
                    break
                while to_fetch and len(fetching) + len(waiting) + len(parsing) < MAX_BODIES:
                    job = to_fetch.popleft()
                    fetching.add(
                        threads.submit(self._fetch_and_maybe_parse, job, not use_processes)
                    )
                while waiting and len(parsing) < max_parsing:
                    body = waiting.popleft()
                    assert self.parse_pool is not None
                    parse = self.parse_pool.submit(body.body, body.job.url, body.content_type)
                    parsing[parse] = dataclasses.replace(body, body=b"")
                done, _ = cf.wait(
                    [*fetching, *parsing], timeout=0.1, return_when=cf.FIRST_COMPLETED
                )
                for future in done:
                    if future in fetching:
                        fetching.discard(future)
                        outcome: FeedUpdate | _Fetched = future.result()
                        if isinstance(outcome, _Fetched):
                            waiting.append(outcome)
                        else:
                            hold(outcome)
                    else:
                        fetched = parsing.pop(future)
                        parsed = STOPPED if future.cancelled() else future.result()
                        hold(_finish(fetched, parsed))
                write()
                renew()
        finally:
            for future in fetching:
                future.cancel()
            # On cancel, fetches under way end by their own timeouts; nobody waits for them.
            threads.shutdown(wait=not fetching, cancel_futures=True)
        write(force=True)
        if self.group_stories and any(r.new for r in results):
            group_new_articles(self.db, started)
        return RefreshSummary(tuple(results))

    def _fetch_and_maybe_parse(self, job: FetchJob, parse_here: bool) -> FeedUpdate | _Fetched:
        outcome = fetch_job(self.transport, job)
        if parse_here and isinstance(outcome, _Fetched):
            return _finish(outcome, parse_or_error(outcome.body, job.url, outcome.content_type))
        return outcome
