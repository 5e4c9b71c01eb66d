"""RefreshCommands on its own: the refresh commands over a real refresh, and what it passes on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from newsreader.core.types import FeedResult, FeedStatus, RefreshSummary
from newsreader.reader import Reader
from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.models.sidebar import SidebarModel, build_snapshot
from newsreader.ui.refresh_commands import RefreshCommands
from newsreader.ui.refresh_service import RefreshService
from tests.helpers.feedserver import FeedServer, Response
from tests.ui.conftest import make_rss, serve

pytestmark = pytest.mark.gui


@dataclass
class Parts:
    commands: RefreshCommands
    service: RefreshService
    registry: ActionRegistry
    sidebar: SidebarModel
    host: QWidget


def build(qtbot, reader: Reader, *, notifications: bool = False) -> Parts:
    host = QWidget()
    qtbot.addWidget(host)
    service = RefreshService(reader, host, in_process=False)
    registry = ActionRegistry(host)
    sidebar = SidebarModel(reader, host)
    sidebar.apply_snapshot(build_snapshot(reader))
    commands = RefreshCommands(service, registry, sidebar, notifications=notifications, parent=host)
    return Parts(commands, service, registry, sidebar, host)


@pytest.fixture
def news(tmp_path: Path, feed_server: FeedServer) -> Iterator[tuple[Reader, FeedServer]]:
    url = serve(feed_server, "/n.xml", make_rss(5, prefix="n"))
    reader = Reader.open(tmp_path / "p")
    reader.add_feed(url)
    feed_server.route("/n.xml", Response(body=make_rss(8, prefix="n", start=-3), delay=0.3))
    try:
        yield reader, feed_server
    finally:
        reader.close()


def test_a_refresh_with_news_passes_on_what_it_changed(qtbot, news) -> None:
    reader, _ = news
    parts = build(qtbot, reader)
    try:
        said: list[str] = []
        for signal in ("countsChanged", "articlesArrived", "refreshEnded", "articlesChanged"):
            getattr(parts.commands, signal).connect(lambda name=signal: said.append(name))
        with qtbot.waitSignal(parts.service.runningChanged) as running:
            parts.commands.refresh()
        assert running.args == [True]
        assert not parts.registry[ActionId.REFRESH].isEnabled()
        assert parts.registry[ActionId.CANCEL_REFRESH].isEnabled()
        with qtbot.waitSignal(parts.service.runningChanged, timeout=20_000) as stopped:
            pass
        assert stopped.args == [False]
        assert parts.registry[ActionId.REFRESH].isEnabled()
        assert not parts.registry[ActionId.CANCEL_REFRESH].isEnabled()
        assert said == ["countsChanged", "articlesArrived", "refreshEnded", "articlesChanged"]
        assert len(reader.list_articles()) == 8
    finally:
        parts.service.shutdown()


def test_a_second_refresh_meanwhile_is_refused_in_words(qtbot, news) -> None:
    reader, _ = news
    parts = build(qtbot, reader)
    try:
        parts.commands.refresh()
        with qtbot.waitSignal(parts.commands.statusMessage) as said:
            parts.commands.refresh()
        assert said.args == ["A refresh is already running", 3000]
        with qtbot.waitSignal(parts.commands.refreshEnded, timeout=20_000):
            pass
    finally:
        parts.service.shutdown()


def test_a_refresh_without_news_changes_no_rows(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    url = serve(feed_server, "/same.xml", make_rss(3, prefix="same"))
    with Reader.open(tmp_path / "p") as reader:
        reader.add_feed(url)
        parts = build(qtbot, reader)
        try:
            with (
                qtbot.assertNotEmitted(parts.commands.articlesChanged),
                qtbot.waitSignal(parts.commands.refreshEnded, timeout=20_000),
            ):
                parts.commands.refresh()
        finally:
            parts.service.shutdown()


SUMMARY = RefreshSummary(
    (
        FeedResult(1, "http://127.0.0.1/1", FeedStatus.OK, new=3),
        FeedResult(2, "http://127.0.0.1/2", FeedStatus.OK, new=2),
        FeedResult(3, "http://127.0.0.1/3", FeedStatus.ERROR, error="down"),
    )
)


def test_the_tray_says_how_many_arrived_and_how_many_from_pinned_sources(
    qtbot, profile: Reader
) -> None:
    parts = build(qtbot, profile)
    try:
        commands = parts.commands
        assert commands.notification_text(SUMMARY) is None  # switched off
        commands.set_notifications(True)
        assert commands.notification_text(RefreshSummary(())) is None  # nothing new
        assert commands.notification_text(SUMMARY) == "5 new articles"
        profile.set_feed_pinned(1, True)
        parts.sidebar.apply_snapshot(build_snapshot(profile))
        assert commands.notification_text(SUMMARY) == "5 new articles\n3 in important sections"
    finally:
        parts.service.shutdown()
