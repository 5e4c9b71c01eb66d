"""The refresh pipeline: due feeds fetched on threads, parsed, stored in batches.

Against a real HTTP server on 127.0.0.1 and a real SQLite file; the whole refresh
through a Reader is tested in tests/reader/test_refresh.py.
"""

from __future__ import annotations

import pytest

from newsreader.core.types import FeedStatus
from newsreader.reader import Reader
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Response
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
