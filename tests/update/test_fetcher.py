"""The fetcher's passes: due feeds claimed in batches, fetched, stored, given back; the
pause until the next one; stopping.

Against a real HTTP server on 127.0.0.1 and a real SQLite file (the command line's
tests run it on PostgreSQL too, and as several processes at once).
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from newsreader.core.errors import StorageError
from newsreader.core.types import FeedStatus, RefreshSummary
from newsreader.core.update_records import FetchJob
from newsreader.reader import Reader
from newsreader.storage.database import Database
from newsreader.storage.models import FeedRow
from newsreader.update.fetcher import MIN_PAUSE, Fetcher
from newsreader.update.pipeline import Refresher
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Request, Response
from tests.helpers.profile import database_of, parse_pool_of, transport_of

LOGGER = "newsreader.update.fetcher"


def make_fetcher(reader: Reader, stop: threading.Event | None = None, **options: Any) -> Fetcher:
    refresher = Refresher(
        database_of(reader), transport_of(reader), parse_pool=parse_pool_of(reader)
    )
    return Fetcher(database_of(reader), refresher, stop=stop or threading.Event(), **options)


def lease_owners(db: Database) -> set[str | None]:
    with db.session() as session:
        return set(session.scalars(select(FeedRow.lease_owner)))


def set_feeds(db: Database, **values: Any) -> None:
    with db.session() as session:
        session.execute(update(FeedRow).values(**values))


def test_a_pass_fetches_every_due_feed_in_batches_and_gives_the_leases_back(
    reader: Reader, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    for n in range(7):
        feed_server.route(f"/f{n}", Response(body=rss(numbered(2, f"f{n}"))))
        reader.subscribe(feed_server.url(f"/f{n}"))
    feed_server.route("/broken", Response(status=500))
    broken = reader.subscribe(feed_server.url("/broken"))
    batches: list[list[int]] = []
    fetcher = make_fetcher(reader, batch=3)
    run_jobs = fetcher.refresher.run_jobs

    def counting(jobs: list[FetchJob], **options: Any) -> RefreshSummary:
        batches.append([j.feed_id for j in jobs])
        return run_jobs(jobs, **options)

    fetcher.refresher.run_jobs = counting  # type: ignore[method-assign]
    caplog.set_level(logging.INFO, LOGGER)

    report = fetcher.run_pass()

    assert [len(b) for b in batches] == [3, 3, 2]
    assert len(report.summary.feeds) == 8
    assert (report.summary.new, report.summary.failed) == (14, 1)
    assert len(reader.list_articles()) == 14
    assert lease_owners(database_of(reader)) == {None}
    lines = [(r.levelno, r.getMessage()) for r in caplog.records if r.name == LOGGER]
    warnings = [m for level, m in lines if level == logging.WARNING]
    assert warnings == [
        f"feed {broken} {feed_server.url('/broken')}: error: HTTP 500 Internal Server Error"
    ]
    [summary_line] = [m for level, m in lines if m.startswith("pass:")]
    assert summary_line.startswith("pass: 8 feeds fetched, 14 new articles, 0 updated, 1 errors")
    # nothing is due now: the next pass fetches nothing
    assert fetcher.run_pass().summary.feeds == ()
    assert len(feed_server.requests_for("/f0")) == 1


def test_a_feed_due_again_at_once_is_fetched_once_a_pass(
    reader: Reader, feed_server: FeedServer
) -> None:
    feed_server.route("/eager", Response(body=rss(numbered(1, "eager"))))
    reader.subscribe(feed_server.url("/eager"))
    set_feeds(database_of(reader), interval=0)  # due again the moment it is stored
    fetcher = make_fetcher(reader, batch=1)

    assert len(fetcher.run_pass().summary.feeds) == 1
    assert len(feed_server.requests_for("/eager")) == 1
    assert lease_owners(database_of(reader)) == {None}
    assert fetcher.pause() == MIN_PAUSE  # it is due: the next pass comes soon


def test_the_pause_lasts_until_the_next_feed_is_due_or_the_interval(reader: Reader) -> None:
    db = database_of(reader)
    fetcher = make_fetcher(reader, interval=300)
    assert fetcher.pause() == 300  # no feeds at all

    reader.subscribe("http://127.0.0.1:9/later")
    set_feeds(db, next_fetch=datetime.now(UTC) + timedelta(hours=2), status="ok")
    assert fetcher.pause() == 300

    set_feeds(db, next_fetch=datetime.now(UTC) + timedelta(seconds=60))
    assert MIN_PAUSE < fetcher.pause() <= 60

    set_feeds(db, next_fetch=datetime.now(UTC) - timedelta(seconds=60))
    assert fetcher.pause() == MIN_PAUSE


def test_stopping_ends_the_pass_before_the_next_batch_and_gives_every_lease_back(
    reader: Reader, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    stop = threading.Event()

    def stopping(_request: Request) -> Response:
        stop.set()  # as SIGTERM would, while the first batch is being fetched
        return Response(body=rss(numbered(1, "x")))

    for n in range(6):
        feed_server.route(f"/f{n}", stopping)
        reader.subscribe(feed_server.url(f"/f{n}"))
    caplog.set_level(logging.INFO, LOGGER)
    fetcher = make_fetcher(reader, stop, batch=2, interval=3600)

    fetcher.run()  # returns, without waiting for the interval

    assert len(feed_server.requests) <= 2  # the first batch only
    assert lease_owners(database_of(reader)) == {None}
    messages = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    assert messages[0].startswith("fetcher started")
    assert "stopped early" in messages[-2]
    assert messages[-1] == "fetcher stopped"


def test_passes_follow_each_other_until_stopped_each_with_the_work_after_the_news(
    reader: Reader, feed_server: FeedServer
) -> None:
    feed_server.route("/f", Response(body=rss(numbered(2, "f"))))
    reader.subscribe(feed_server.url("/f"))
    set_feeds(database_of(reader), interval=0)  # due at every pass
    stop = threading.Event()
    heard: list[tuple[int, int]] = []

    def follow_up(summary: RefreshSummary, started: datetime, cancel: threading.Event) -> None:
        assert cancel is stop and started <= datetime.now(UTC)
        heard.append((len(summary.feeds), summary.new))
        if len(heard) == 2:
            stop.set()

    make_fetcher(reader, stop, interval=0.01, follow_up=follow_up).run()

    assert heard == [(1, 2), (1, 0)]
    assert len(feed_server.requests_for("/f")) == 2


def test_once_is_one_pass(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/f", Response(body=rss(numbered(2, "f"))))
    reader.subscribe(feed_server.url("/f"))
    set_feeds(database_of(reader), interval=0)

    make_fetcher(reader).run(once=True)

    assert len(feed_server.requests_for("/f")) == 1


def test_a_pass_that_fails_on_the_database_is_logged_and_the_next_one_runs(
    reader: Reader, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    feed_server.route("/f", Response(body=rss(numbered(2, "f"))))
    reader.subscribe(feed_server.url("/f"))
    stop = threading.Event()
    fetcher = make_fetcher(reader, stop, interval=0.01)
    jobs = fetcher.refresher.jobs
    calls: list[int] = []

    def failing_once(**options: Any) -> list[FetchJob]:
        calls.append(1)
        if len(calls) == 1:
            raise StorageError("the database server went away")
        if len(calls) == 3:
            stop.set()
        return jobs(**options)

    fetcher.refresher.jobs = failing_once  # type: ignore[method-assign]
    caplog.set_level(logging.INFO, LOGGER)

    fetcher.run()

    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert errors == ["the pass failed: the database server went away"]
    assert reader.get_feed(reader.list_feeds()[0].id).status is FeedStatus.OK


def test_a_batch_and_an_interval_must_be_positive(reader: Reader) -> None:
    with pytest.raises(ValueError, match="batch"):
        make_fetcher(reader, batch=0)
    with pytest.raises(ValueError, match="interval"):
        make_fetcher(reader, interval=0)
