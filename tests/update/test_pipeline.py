"""The refresh pipeline: due feeds fetched on threads, parsed, stored in batches.

Against a real HTTP server on 127.0.0.1 and a real SQLite file; the whole refresh
through a Reader is tested in tests/reader/test_refresh.py.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsreader.core.types import FeedResult, FeedStatus, RefreshSummary
from newsreader.core.update_records import FeedUpdate, FetchJob
from newsreader.fetch.http import FetchResponse, HttpClient
from newsreader.fetch.transport import RoutingTransport
from newsreader.reader import Reader
from newsreader.storage import feeds as feed_store
from newsreader.storage.database import Database, sqlite_url
from newsreader.update import pipeline
from newsreader.update.pipeline import Refresher, fetch_job
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Request, Response
from tests.helpers.profile import database_of, parse_pool_of, transport_of


def subscribe(reader: Reader, server: FeedServer, path: str) -> int:
    return reader.subscribe(server.url(path))


def statuses(summary: object) -> dict[str, str]:
    return {r.url.rsplit("/", 1)[-1]: r.status.value for r in summary.feeds}  # type: ignore[attr-defined]


def _stored_batches(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """Entries per feed of each batch the writer stores, with the time limit out of play."""
    from newsreader.update import pipeline
    from newsreader.update.store import FeedStore

    monkeypatch.setattr(pipeline, "BATCH_SECONDS", 3600.0)
    batches: list[list[int]] = []
    store_many = FeedStore.store_many

    def counting(self, session, updates, now):  # type: ignore[no-untyped-def]
        batches.append([len(u.parsed.entries) if u.parsed else 0 for u in updates])
        return store_many(self, session, updates, now)

    monkeypatch.setattr(FeedStore, "store_many", counting)
    return batches


def test_unchanged_feeds_are_stored_in_few_transactions(
    reader: Reader, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsreader.update import pipeline

    for n in range(130):
        feed_server.route(f"/u{n}", Response(body=rss(numbered(1, f"u{n}"))))
        subscribe(reader, feed_server, f"/u{n}")
    reader.refresh(images=False)
    batches = _stored_batches(monkeypatch)
    summary = reader.refresh(all_feeds=True, images=False)
    assert {r.status for r in summary.feeds} == {FeedStatus.NOT_MODIFIED}
    assert sum(len(b) for b in batches) == 130
    assert 1 <= len(batches) <= 2
    assert all(len(b) >= pipeline.BATCH_FEEDS for b in batches[:-1])


def test_parsed_entries_are_stored_before_many_pile_up(
    reader: Reader, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsreader.update import pipeline

    monkeypatch.setattr(pipeline, "BATCH_ENTRIES", 100)
    for n in range(10):
        # one feed after another, so each is stored as it comes rather than in a burst
        body = rss(numbered(40, f"e{n}"))
        feed_server.route(f"/e{n}", Response(body=body, delay=0.1 * n))
        subscribe(reader, feed_server, f"/e{n}")
    batches = _stored_batches(monkeypatch)
    assert reader.refresh(images=False).new == 400
    assert len(batches) >= 3  # 400 entries, a write once 100 wait
    assert all(sum(b) >= 100 for b in batches[:-1])


def test_a_refresher_without_a_pool_parses_in_its_fetching_threads(
    reader: Reader, feed_server: FeedServer
) -> None:
    from newsreader.update.pipeline import Refresher

    for n in range(3):
        feed_server.route(f"/threads/{n}", Response(body=rss(numbered(2, prefix=f"t{n}-"))))
        subscribe(reader, feed_server, f"/threads/{n}")
    feed_server.route("/threads/broken", Response(body="<html><body>no feed</body></html>"))
    subscribe(reader, feed_server, "/threads/broken")

    summary = Refresher(database_of(reader), transport_of(reader), parse_pool=None).run()

    assert summary.new == 6 and not parse_pool_of(reader).started
    assert statuses(summary) == {"0": "ok", "1": "ok", "2": "ok", "broken": "error"}


# -- one feed's fetch ------------------------------------------------------------------------


class _Broken:
    """A transport with a bug: every fetch raises what no transport should."""

    def get(self, url: str, **_options: object) -> FetchResponse:
        raise RuntimeError("transport bug")

    def close(self) -> None:
        pass


@pytest.fixture
def http() -> Iterator[HttpClient]:
    with HttpClient(connect_timeout=1, read_timeout=5, total_timeout=10) as client:
        yield client


def job(server: FeedServer, path: str, **validators: str | None) -> FetchJob:
    return FetchJob(
        1,
        server.url(path),
        validators.get("etag"),
        validators.get("last_modified"),
        validators.get("body_hash"),
    )


def test_a_fetch_that_fails_is_the_feeds_outcome(
    feed_server: FeedServer, http: HttpClient, caplog: pytest.LogCaptureFixture
) -> None:
    feed_server.route("/gone", Response(status=410))
    feed_server.route("/busy", Response(status=429, headers={"Retry-After": "120"}))

    gone = fetch_job(http, job(feed_server, "/gone"))
    busy = fetch_job(http, job(feed_server, "/busy"))
    missing = fetch_job(http, job(feed_server, "/missing"))
    with caplog.at_level(logging.ERROR, logger="newsreader.update.pipeline"):
        bug = fetch_job(_Broken(), job(feed_server, "/any"))

    assert isinstance(gone, FeedUpdate) and gone.status is FeedStatus.GONE and gone.error
    assert isinstance(busy, FeedUpdate)
    assert (busy.status, busy.retry_after) == (FeedStatus.ERROR, 120)
    assert isinstance(missing, FeedUpdate)
    assert (missing.status, missing.error, missing.retry_after) == (
        FeedStatus.ERROR,
        "HTTP 404 Not Found",
        None,
    )
    assert isinstance(bug, FeedUpdate)
    assert (bug.status, bug.error) == (FeedStatus.ERROR, "fetch failed: transport bug")
    assert "transport bug" in caplog.text


def test_a_304_ends_the_fetch_with_the_servers_validators(
    feed_server: FeedServer, http: HttpClient, tmp_path: Path
) -> None:
    document = tmp_path / "feed.xml"
    document.write_text(rss(numbered(1)), encoding="utf-8")
    feed_server.serve_file("/feed.xml", document)
    first = http.get(feed_server.url("/feed.xml"))

    outcome = fetch_job(http, job(feed_server, "/feed.xml", etag=first.etag))

    assert outcome == FeedUpdate(
        1,
        feed_server.url("/feed.xml"),
        FeedStatus.NOT_MODIFIED,
        etag=first.etag,
        last_modified=first.last_modified,
    )


def test_a_body_like_the_last_one_is_not_parsed_again(
    feed_server: FeedServer, http: HttpClient
) -> None:
    body = rss(numbered(1)).encode()
    feed_server.route("/plain", Response(body=body))  # no validators at all

    same = fetch_job(http, job(feed_server, "/plain", body_hash=hashlib.sha256(body).hexdigest()))
    other = fetch_job(http, job(feed_server, "/plain", body_hash="0" * 64))

    assert isinstance(same, FeedUpdate) and same.status is FeedStatus.NOT_MODIFIED
    assert not isinstance(other, FeedUpdate)  # a new body: to be parsed
    assert other.body == body and other.body_hash == hashlib.sha256(body).hexdigest()


# -- a run ------------------------------------------------------------------------------------


@pytest.fixture
def refresh_db(tmp_path: Path) -> Iterator[Database]:
    database = Database(sqlite_url(tmp_path / "refresh.sqlite3"))
    yield database
    database.close()


def subscribe_all(db: Database, urls: list[str]) -> list[int]:
    with db.session() as session:
        return [feed_store.add_feed(session, url) for url in urls]


def test_every_feed_ends_with_one_result_whatever_becomes_of_it(
    feed_server: FeedServer, http: HttpClient, refresh_db: Database
) -> None:
    feed_server.route("/a", Response(body=rss(numbered(2, "a"))))
    feed_server.route("/b", Response(body=rss(numbered(3, "b"))))
    feed_server.route("/page", Response(body="<html><body>no feed</body></html>"))
    urls = [feed_server.url(p) for p in ("/a", "/b", "/missing", "/page")]
    urls.append("https://bug.invalid/feed")
    ids = subscribe_all(refresh_db, urls)
    transport = RoutingTransport({"https://bug.invalid/": _Broken()}, http=http)
    heard: list[tuple[int, int, int]] = []

    def progress(result: FeedResult, done: int, total: int) -> None:
        heard.append((result.feed_id, done, total))

    summary = Refresher(refresh_db, transport, parse_pool=None).run(progress=progress)

    assert sorted(r.feed_id for r in summary.feeds) == sorted(ids)
    assert [(done, total) for _, done, total in heard] == [(n, 5) for n in range(1, 6)]
    assert [feed_id for feed_id, _, _ in heard] == [r.feed_id for r in summary.feeds]
    by_url = {r.url: r for r in summary.feeds}
    assert (by_url[urls[0]].new, by_url[urls[1]].new) == (2, 3)
    assert {by_url[u].status for u in urls[2:]} == {FeedStatus.ERROR}
    assert (summary.new, summary.failed) == (5, 3)


def test_a_run_without_jobs_fetches_nothing(http: HttpClient, refresh_db: Database) -> None:
    assert Refresher(refresh_db, http, parse_pool=None).run_jobs([]) == RefreshSummary(())


def test_only_the_feeds_asked_for_are_fetched(
    feed_server: FeedServer, http: HttpClient, refresh_db: Database
) -> None:
    for path in ("/a", "/b"):
        feed_server.route(path, Response(body=rss(numbered(1, path))))
    first, _second = subscribe_all(refresh_db, [feed_server.url("/a"), feed_server.url("/b")])

    summary = Refresher(refresh_db, http, parse_pool=None).run(feed_ids=[first])

    assert [r.feed_id for r in summary.feeds] == [first]
    assert feed_server.requests_for("/b") == []


def test_a_permanent_redirect_is_kept_even_when_the_new_address_is_no_feed(
    feed_server: FeedServer, http: HttpClient, refresh_db: Database
) -> None:
    feed_server.route("/old", Response(status=301, headers={"Location": "/new"}))
    feed_server.route("/new", Response(body="<html><body>moved</body></html>"))
    [feed_id] = subscribe_all(refresh_db, [feed_server.url("/old")])

    [result] = Refresher(refresh_db, http, parse_pool=None).run().feeds

    assert (result.status, result.url) == (FeedStatus.ERROR, feed_server.url("/new"))
    with refresh_db.session() as session:
        assert feed_store.get_feed(session, feed_id).url == feed_server.url("/new")


def test_cancel_ends_the_run_with_the_feeds_stored_so_far(
    feed_server: FeedServer,
    http: HttpClient,
    refresh_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "BATCH_FEEDS", 1)  # each feed is stored as it comes
    release = threading.Event()

    def held(_request: Request) -> Response:
        release.wait(10)  # until the test ends (a bound, not a pace)
        return Response(body=rss(numbered(1, "held")))

    feed_server.route("/quick", Response(body=rss(numbered(1, "quick"))))
    for n in range(3):
        feed_server.route(f"/held/{n}", held)
    urls = [feed_server.url("/quick"), *(feed_server.url(f"/held/{n}") for n in range(3))]
    quick, *others = subscribe_all(refresh_db, urls)
    cancel = threading.Event()

    try:
        summary = Refresher(refresh_db, http, parse_pool=None).run(
            progress=lambda *_: cancel.set(), cancel=cancel
        )
    finally:
        release.set()

    assert [(r.feed_id, r.new) for r in summary.feeds] == [(quick, 1)]
    with refresh_db.session() as session:
        assert {feed_store.get_feed(session, i).status for i in others} == {FeedStatus.NEW}


# -- leases: one refresh of a feed at a time ------------------------------------------------


def lease_owners(db: Database) -> dict[int, str | None]:
    from sqlalchemy import select

    from newsreader.storage.models import FeedRow

    with db.session() as session:
        return {i: o for i, o in session.execute(select(FeedRow.id, FeedRow.lease_owner))}


def test_a_refresh_leaves_out_the_feeds_another_one_is_fetching(
    feed_server: FeedServer, http: HttpClient, refresh_db: Database
) -> None:
    for path in ("/mine", "/theirs"):
        feed_server.route(path, Response(body=rss(numbered(1, path))))
    mine, theirs = subscribe_all(refresh_db, [feed_server.url("/mine"), feed_server.url("/theirs")])
    other = Refresher(refresh_db, http, parse_pool=None)
    assert [j.feed_id for j in other.jobs(feed_ids=[theirs], include_not_due=False)] == [theirs]

    summary = Refresher(refresh_db, http, parse_pool=None).run(include_not_due=True)

    assert [r.feed_id for r in summary.feeds] == [mine]
    assert feed_server.requests_for("/theirs") == []
    assert lease_owners(refresh_db) == {mine: None, theirs: other.lease_owner}
    other.release_leases()
    assert Refresher(refresh_db, http, parse_pool=None).run().feeds[0].feed_id == theirs


def test_each_lease_is_given_back_as_its_feed_is_stored(
    feed_server: FeedServer,
    http: HttpClient,
    refresh_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "BATCH_FEEDS", 1)  # each feed is stored as it comes
    release = threading.Event()

    def held(_request: Request) -> Response:
        release.wait(10)  # until the first feed is stored (a bound, not a pace)
        return Response(body=rss(numbered(1, "held")))

    feed_server.route("/quick", Response(body=rss(numbered(1, "quick"))))
    feed_server.route("/held", held)
    quick, slow = subscribe_all(refresh_db, [feed_server.url("/quick"), feed_server.url("/held")])
    refresher = Refresher(refresh_db, http, parse_pool=None)
    seen: list[dict[int, str | None]] = []

    def progress(result: FeedResult, done: int, total: int) -> None:
        seen.append(lease_owners(refresh_db))
        release.set()

    try:
        refresher.run(progress=progress)
    finally:
        release.set()

    assert seen[0] == {quick: None, slow: refresher.lease_owner}
    assert lease_owners(refresh_db) == {quick: None, slow: None}


def test_a_cancelled_refresh_gives_back_the_leases_of_feeds_it_did_not_store(
    feed_server: FeedServer, http: HttpClient, refresh_db: Database
) -> None:
    release = threading.Event()

    def held(_request: Request) -> Response:
        release.wait(10)
        return Response(body=rss(numbered(1, "held")))

    for n in range(3):
        feed_server.route(f"/held/{n}", held)
    subscribe_all(refresh_db, [feed_server.url(f"/held/{n}") for n in range(3)])
    cancel = threading.Event()
    cancel.set()

    try:
        summary = Refresher(refresh_db, http, parse_pool=None).run(cancel=cancel)
    finally:
        release.set()

    assert summary.feeds == ()
    assert set(lease_owners(refresh_db).values()) == {None}


def test_a_long_refresh_renews_its_leases(
    feed_server: FeedServer,
    http: HttpClient,
    refresh_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy import select

    from newsreader.storage.models import FeedRow

    monkeypatch.setattr(pipeline, "LEASE_RENEW_SECONDS", 0.0)  # at every turn of the loop
    renewed = threading.Event()
    leases_seen: list[object] = []

    def held(_request: Request) -> Response:
        with refresh_db.session() as session:
            first = session.scalar(select(FeedRow.lease_until))
        for _ in range(100):  # until a renewal moved the lease on (a bound, not a pace)
            with refresh_db.session() as session:
                now = session.scalar(select(FeedRow.lease_until))
            if now != first:
                leases_seen.extend([first, now])
                renewed.set()
                break
            renewed.wait(0.05)
        return Response(body=rss(numbered(1, "held")))

    feed_server.route("/held", held)
    subscribe_all(refresh_db, [feed_server.url("/held")])

    [result] = Refresher(refresh_db, http, parse_pool=None).run().feeds

    assert result.status is FeedStatus.OK
    assert renewed.is_set()
    first, later = leases_seen
    assert later > first  # type: ignore[operator]


def _owner_of(pid: int, *, host: str | None = None) -> str:

    host_part, namespace, _, token = pipeline.new_lease_owner().split(":")
    return f"{host or host_part}:{namespace}:{pid}:{token}"


def _gone_pid() -> int:
    import subprocess
    import sys

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    return int(ended.stdout)


def test_a_holder_is_gone_only_when_it_was_a_process_of_this_machine_that_ended() -> None:
    import os
    import subprocess
    import sys

    assert pipeline.holder_is_gone(_owner_of(_gone_pid()))
    assert not pipeline.holder_is_gone(_owner_of(os.getpid()))  # this very process
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as running:
        try:
            assert not pipeline.holder_is_gone(_owner_of(running.pid))
        finally:
            running.kill()
    assert not pipeline.holder_is_gone(_owner_of(_gone_pid(), host="elsewhere.example"))
    host, _, pid, token = _owner_of(_gone_pid()).split(":")
    assert not pipeline.holder_is_gone(f"{host}:4026531999:{pid}:{token}")  # another container
    assert not pipeline.holder_is_gone("look")  # not one of ours
    assert not pipeline.holder_is_gone("a:b:c:d")


def test_the_leases_of_a_killed_refresh_on_this_machine_are_taken_back_at_once(
    feed_server: FeedServer, http: HttpClient, refresh_db: Database
) -> None:
    for path in ("/killed", "/remote"):
        feed_server.route(path, Response(body=rss(numbered(1, path))))
    killed, remote = subscribe_all(
        refresh_db, [feed_server.url("/killed"), feed_server.url("/remote")]
    )
    dead_here = Refresher(refresh_db, http, parse_pool=None, lease_owner=_owner_of(_gone_pid()))
    dead_here.jobs(feed_ids=[killed], include_not_due=False)
    elsewhere = _owner_of(_gone_pid(), host="elsewhere.example")
    Refresher(refresh_db, http, parse_pool=None, lease_owner=elsewhere).jobs(
        feed_ids=[remote], include_not_due=False
    )

    summary = Refresher(refresh_db, http, parse_pool=None).run()

    assert [r.feed_id for r in summary.feeds] == [killed]
    assert lease_owners(refresh_db) == {killed: None, remote: elsewhere}
