"""The refresh service: refreshes in their own thread, one at a time, timed, cancellable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsreader.core.types import FollowUpEnd, FollowUpReport, RefreshSummary
from newsreader.reader import Reader
from newsreader.ui.refresh_service import RefreshService, refresh_and_follow_up
from tests.helpers.feedserver import FeedServer, Response
from tests.ui.conftest import make_rss, serve

pytestmark = pytest.mark.gui


@pytest.fixture
def slow_reader(tmp_path: Path, feed_server: FeedServer) -> Iterator[Reader]:
    """A profile of one feed whose server takes a moment to answer."""
    url = serve(feed_server, "/slow.xml", make_rss(3, prefix="slow"))
    reader = Reader.open(tmp_path / "p")
    reader.subscribe(url)
    feed_server.route("/slow.xml", Response(body=make_rss(3, prefix="slow"), delay=0.5))
    try:
        yield reader
    finally:
        reader.close()


@pytest.fixture
def service(qtbot, slow_reader: Reader) -> Iterator[RefreshService]:
    refreshes = RefreshService(slow_reader, in_process=False)
    yield refreshes
    refreshes.shutdown()


def test_a_refresh_runs_in_its_thread_and_reports_each_step(
    qtbot, service: RefreshService, slow_reader: Reader
) -> None:
    running: list[bool] = []
    service.runningChanged.connect(running.append)
    progress: list[tuple[Any, int, int]] = []
    service.progress.connect(lambda result, done, total: progress.append((result, done, total)))
    with qtbot.waitSignal(service.started):
        assert service.refresh(all_feeds=True)
    assert service.is_running
    with qtbot.waitSignal(service.finished, timeout=20_000) as finished:
        pass
    summary = finished.args[0]
    assert isinstance(summary, RefreshSummary) and summary.new == 3
    qtbot.waitUntil(lambda: not service.is_running, timeout=20_000)
    assert running == [True, False]
    assert [(done, total) for _, done, total in progress] == [(1, 1)]
    assert len(slow_reader.list_articles()) == 3


def test_one_refresh_at_a_time(qtbot, service: RefreshService) -> None:
    assert service.refresh(all_feeds=True)
    assert not service.refresh(all_feeds=True)  # refused while the first runs
    with qtbot.waitSignal(service.runningChanged, timeout=20_000) as stopped:
        pass
    assert stopped.args == [False]
    assert service.refresh(all_feeds=True)  # and taken again afterwards
    qtbot.waitUntil(lambda: not service.is_running, timeout=20_000)


def test_a_cancel_while_idle_does_not_stop_the_next_refresh(qtbot, service: RefreshService) -> None:
    service.cancel()
    with qtbot.waitSignal(service.finished, timeout=20_000) as finished:
        service.refresh(all_feeds=True)
    assert finished.args[0].new == 3
    qtbot.waitUntil(lambda: not service.is_running, timeout=20_000)


def test_refreshes_run_on_a_timer(qtbot, service: RefreshService) -> None:
    assert not service.is_timer_active()
    service.set_interval(0.001)  # every 60 ms
    assert service.is_timer_active()
    with qtbot.waitSignal(service.started, timeout=5000):
        pass
    service.set_interval(0)
    assert not service.is_timer_active()
    qtbot.waitUntil(lambda: not service.is_running, timeout=20_000)


def test_only_a_profile_another_process_can_open_is_refreshed_in_one(qapp, tmp_path: Path) -> None:
    with Reader.open(tmp_path / "p") as reader:
        RefreshService(reader, in_process=True).shutdown()  # a profile on disk
    with (
        Reader.open(tmp_path / "m", "sqlite://") as memory,
        pytest.raises(ValueError, match="another process"),
    ):
        RefreshService(memory, in_process=True)


def test_a_broken_refresh_is_one_failed_event(reader: Reader, monkeypatch) -> None:
    def broken(**_options: object) -> None:
        raise OSError("database is locked")

    monkeypatch.setattr(reader, "refresh", broken)
    events: list[tuple[Any, ...]] = []
    refresh_and_follow_up(reader, True, None, _NeverSet(), events.append)
    assert events == [("started",), ("failed", "database is locked")]


class _NeverSet:
    def is_set(self) -> bool:
        return False


def test_pictures_are_reported_after_the_news(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    from PySide6.QtGui import QImage

    picture = QImage(4, 4, QImage.Format.Format_RGB32)
    picture.fill(0xFF00FF00)
    picture.save(str(tmp_path / "p.png"))
    feed_server.serve_file("/p.png", tmp_path / "p.png")
    body = f'&lt;p&gt;x&lt;/p&gt;&lt;img src="{feed_server.url("/p.png")}" alt="green"&gt;'
    feed = make_rss(1, prefix="pic").replace("<description>", f"<description>{body}", 1)
    reader = Reader.open(tmp_path / "p")
    reader.subscribe(serve(feed_server, "/pic.xml", feed))
    service = RefreshService(reader, in_process=False)
    order: list[str] = []
    service.finished.connect(lambda _summary: order.append("news"))
    service.imagesStored.connect(lambda count: order.append(f"pictures {count}"))
    try:
        with qtbot.waitSignal(service.imagesStored, timeout=20_000) as stored:
            assert service.refresh(all_feeds=True)
        assert stored.args == [1]
        assert order == ["news", "pictures 1"]
    finally:
        service.shutdown()
        reader.close()


def test_a_refresh_asked_for_during_the_pictures_stops_them_and_starts_at_once(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    # Pictures that take long to come: the work after the news is still under way
    # when the next refresh is asked for.
    images = "".join(
        f'&lt;img src="{feed_server.url(f"/slow{n}.png")}" alt="{n}"&gt;' for n in range(6)
    )
    for n in range(6):
        feed_server.route(f"/slow{n}.png", Response(body=b"GIF89a", delay=3.0))
    feed = make_rss(1, prefix="pic").replace("<description>", f"<description>{images}", 1)
    reader = Reader.open(tmp_path / "p")
    reader.subscribe(serve(feed_server, "/pic.xml", feed))
    service = RefreshService(reader, in_process=False)
    running: list[bool] = []
    service.runningChanged.connect(running.append)
    ended: list[FollowUpReport] = []
    service.followUpEnded.connect(ended.append)
    try:
        with qtbot.waitSignal(service.followUpProgress, timeout=20_000):
            assert service.refresh(all_feeds=True)
        assert service.is_following_up
        with qtbot.waitSignals([service.followUpEnded, service.started], timeout=20_000):
            assert service.refresh(all_feeds=True)  # taken, not refused
        assert ended[0].ended is FollowUpEnd.CANCELLED
        with qtbot.waitSignal(service.finished, timeout=20_000) as second:
            pass
        assert second.args[0].feeds  # the second refresh fetched the feed again
        service.cancel()
        qtbot.waitUntil(lambda: not service.is_running, timeout=20_000)
        assert running == [True, False]  # one stretch of work, never idle between
    finally:
        service.shutdown()
        reader.close()


def test_whole_articles_stored_after_the_news_draw_the_article_again(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    from tests.helpers.feeds import Item, article_page, rss

    feed_server.route("/news/park", Response(body=article_page(), content_type="text/html"))
    item = Item(guid="p", title="حديقة", body="<p>سطر.</p>", link=feed_server.url("/news/park"))
    reader = Reader.open(tmp_path / "p")
    feed_id = reader.subscribe(serve(feed_server, "/whole.xml", rss([item])))
    reader.set_full_articles(feed_id, "on")
    service = RefreshService(reader, in_process=False)
    try:
        with qtbot.waitSignal(service.imagesStored, timeout=30_000) as stored:
            assert service.refresh(all_feeds=True)
        assert stored.args == [1]  # the whole article (its picture is not served)
        (article,) = reader.list_articles()
        assert reader.full_text(article.id) is not None
    finally:
        service.shutdown()
        reader.close()
