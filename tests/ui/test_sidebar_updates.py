"""SidebarUpdates on its own: counts re-read in the background, one at a time, and merged."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView

from newsreader.reader import Reader
from newsreader.ui.models.sidebar import SECTION_STORIES, SidebarModel, UnreadRole
from newsreader.ui.sidebar_updates import SidebarUpdates
from newsreader.ui.tasks import TaskRunner
from tests.fetch.test_images import png_bytes
from tests.helpers.feeds import rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.story_news import FERRY, serve_stories
from tests.helpers.window_parts import HeldRunner, sidebar_for
from tests.ui.conftest import make_rss, serve

pytestmark = pytest.mark.gui


@dataclass
class Parts:
    updates: SidebarUpdates
    model: SidebarModel
    view: QTreeView


def build(qtbot, reader: Reader, tasks: TaskRunner) -> Parts:
    model, view = sidebar_for(qtbot, reader, counted=False)
    return Parts(SidebarUpdates(reader, tasks, model, view, view), model, view)


def unread(parts: Parts, key: str) -> int:
    return parts.model.index_for_key(key).data(UnreadRole)


def test_the_first_count_fills_the_sidebar_and_says_it_has_subscriptions(
    qtbot, profile: Reader
) -> None:
    parts = build(qtbot, profile, TaskRunner(synchronous=True))
    assert not parts.model.is_counted()
    counted: list[bool] = []
    parts.updates.firstCounted.connect(counted.append)
    with qtbot.waitSignals([parts.updates.countsUpdated, parts.updates.firstCounted]):
        parts.updates.load()
    assert counted == [True]
    assert parts.model.is_counted()
    assert {"feed:1", "feed:2", "folder:World", "topic:c:economy"} <= set(parts.model.all_keys())
    # new sections and folders come unfolded
    assert parts.view.isExpanded(parts.model.index_for_key("section:feeds"))
    assert parts.view.isExpanded(parts.model.index_for_key("folder:World"))


def test_a_fresh_profile_says_it_has_no_subscriptions(qtbot, tmp_path: Path) -> None:
    with Reader.open(tmp_path / "fresh") as reader:
        parts = build(qtbot, reader, TaskRunner(synchronous=True))
        with qtbot.waitSignal(parts.updates.firstCounted) as first:
            parts.updates.load()
        assert first.args == [False]


def test_counts_follow_the_marks(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile, TaskRunner(synchronous=True))
    parts.updates.load()
    assert unread(parts, "smart:all") == 50
    profile.mark_read([1, 2, 3])
    with qtbot.waitSignal(parts.updates.countsUpdated):
        parts.updates.schedule_counts()  # after a short wait
    assert unread(parts, "smart:all") == 47
    assert unread(parts, "feed:1") == 27


def test_one_read_at_a_time_and_a_request_meanwhile_waits_for_the_next(
    qtbot, profile: Reader
) -> None:
    runner = HeldRunner()
    parts = build(qtbot, profile, runner)
    answered: list[object] = []
    parts.updates.recounted.connect(answered.append)
    parts.updates.load()
    assert len(runner.held) == 1
    parts.updates.recount("after the import")  # asked while the first read runs
    parts.updates.update_counts()
    assert len(runner.held) == 1  # no second read at the same time
    with qtbot.waitSignal(parts.updates.firstCounted):
        runner.release_one()
    assert answered == []  # that snapshot was read before the request
    assert len(runner.held) == 1  # one more read follows for both requests
    runner.release_one()
    assert answered == ["after the import"]
    assert runner.held == []


def test_a_failed_read_is_reported_and_still_answers(qtbot, profile: Reader, monkeypatch) -> None:
    def broken() -> None:
        raise OSError("database is locked")

    monkeypatch.setattr(profile, "list_feeds", broken)
    parts = build(qtbot, profile, TaskRunner(synchronous=True))
    with (
        qtbot.waitSignal(parts.updates.taskFailed) as failed,
        qtbot.waitSignal(parts.updates.firstCounted),
    ):
        parts.updates.load()
    assert str(failed.args[0]) == "database is locked"
    assert not parts.model.is_counted()


def test_feed_icons_are_stored_and_shown(qtbot, tmp_path: Path, feed_server: FeedServer) -> None:
    site = feed_server.url("/").rstrip("/")
    feed_server.route("/favicon.ico", Response(body=png_bytes(16, 16), content_type="image/png"))
    rss = make_rss(2, prefix="icon").replace(
        "<link>http://127.0.0.1/icon</link>", f"<link>{site}/</link>", 1
    )
    with Reader.open(tmp_path / "p") as reader:
        feed = reader.add_feed(serve(feed_server, "/icon.xml", rss))
        parts = build(qtbot, reader, TaskRunner(synchronous=True))
        parts.updates.load()
        node = parts.model.index_for_key(f"feed:{feed.id}")
        generic = node.data(Qt.ItemDataRole.DecorationRole).cacheKey()
        with qtbot.waitSignal(parts.updates.iconsUpdated):
            parts.updates.cache_icons([feed.id])
        assert reader.feed_icon(feed.id) is not None
        assert node.data(Qt.ItemDataRole.DecorationRole).cacheKey() != generic


def test_a_refresh_gathers_events_for_longer(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile, TaskRunner(synchronous=True))
    parts.updates.set_refreshing(True)
    parts.updates.schedule_counts()
    refreshing = parts.updates._timer.remainingTime()
    parts.updates.stop()
    parts.updates.set_refreshing(False)
    parts.updates.schedule_counts()
    assert parts.updates._timer.remainingTime() < refreshing
    parts.updates.stop()


def test_stories_come_live_as_articles_arrive_and_the_one_on_show_stays(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    with Reader.open(tmp_path / "p") as reader:
        # the first refresh brings one telling of each event: no story yet
        for n, path in enumerate(("/a", "/b", "/c")):
            serve(feed_server, path, rss([FERRY[n]] if n == 0 else [], title=path))
            reader.subscribe(feed_server.url(path))
        reader.refresh()
        parts = build(qtbot, reader, TaskRunner(synchronous=True))
        with qtbot.waitSignal(parts.updates.countsUpdated):
            parts.updates.update_counts()
        assert SECTION_STORIES not in parts.model.all_keys()

        # the next refresh brings the other tellings: the story is listed
        serve_stories(feed_server)
        reader.refresh(all_feeds=True)
        with qtbot.waitSignal(parts.updates.countsUpdated):
            parts.updates.update_counts()
        ids = {a.guid: a.id for a in reader.list_articles()}
        ferry = reader.story_of(ids["ferry-a"])
        assert ferry is not None
        key = f"topic:story:{ferry.id}"
        assert parts.model.parent(parts.model.index_for_key(key)) == parts.model.index_for_key(
            SECTION_STORIES
        )
        assert unread(parts, key) == 3

        # on show and read to the end, it stays; another view chosen, it drops out
        parts.view.setCurrentIndex(parts.model.index_for_key(key))
        reader.mark_read([ids["ferry-a"], ids["ferry-b"], ids["ferry-c"]])
        with qtbot.waitSignal(parts.updates.countsUpdated):
            parts.updates.update_counts()
        assert unread(parts, key) == 0
        parts.view.setCurrentIndex(parts.model.index_for_key("smart:all"))
        with qtbot.waitSignal(parts.updates.countsUpdated):
            parts.updates.update_counts()
        assert key not in parts.model.all_keys()


def test_during_a_refresh_new_counts_wait_for_a_frame_of_their_own(qtbot, profile: Reader) -> None:
    from newsreader.ui.frame_throttle import FrameQueue

    model, view = sidebar_for(qtbot, profile, counted=False)
    frames = FrameQueue(interval_ms=40)
    updates = SidebarUpdates(
        profile, TaskRunner(synchronous=True), model, view, view, frames=frames
    )
    parts = Parts(updates, model, view)
    updates.load()  # no refresh running: merged at once
    assert unread(parts, "smart:all") == 50
    profile.mark_read([1, 2, 3])
    updates.set_refreshing(True)
    frames.call(lambda: None)  # the list's new rows took this frame
    updates.update_counts_now()
    assert unread(parts, "smart:all") == 50 and frames.waiting == 1
    with qtbot.waitSignal(updates.countsUpdated, timeout=5000):
        pass
    assert unread(parts, "smart:all") == 47
