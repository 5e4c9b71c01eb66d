"""SubscriptionActions on its own: feeds added, imported, exported, pinned and removed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QTreeView

from newsreader.reader import Reader
from newsreader.ui import subscription_actions
from newsreader.ui.action_registry import ActionRegistry
from newsreader.ui.info_bar import InfoBar
from newsreader.ui.models.sidebar import SidebarModel
from newsreader.ui.subscription_actions import SubscriptionActions, SubscriptionChange
from newsreader.ui.tasks import TaskRunner
from tests.helpers.window_parts import sidebar_for

pytestmark = pytest.mark.gui


@dataclass
class Parts:
    subscriptions: SubscriptionActions
    model: SidebarModel
    view: QTreeView
    info_bar: InfoBar
    registry: ActionRegistry


def build(qtbot, reader: Reader) -> Parts:
    model, view = sidebar_for(qtbot, reader)
    info_bar = InfoBar(view)
    registry = ActionRegistry(view)
    subscriptions = SubscriptionActions(
        reader,
        TaskRunner(synchronous=True),
        registry,
        model,
        view,
        info_bar,
        auto_refresh=False,
        parent=view,
    )
    return Parts(subscriptions, model, view, info_bar, registry)


def test_subscriptions_are_exported_and_imported_elsewhere(
    qtbot, profile: Reader, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "subs.opml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    parts = build(qtbot, profile)
    with qtbot.waitSignal(parts.subscriptions.statusMessage) as said:
        parts.subscriptions.export_opml()
    assert said.args == ["2 subscriptions exported", 5000]
    assert b"World Desk" in target.read_bytes()

    with Reader.open(tmp_path / "other") as other:
        elsewhere = build(qtbot, other)
        changes: list[object] = []
        elsewhere.subscriptions.subscriptionsChanged.connect(changes.append)
        with (
            qtbot.assertNotEmitted(elsewhere.subscriptions.refreshWanted),  # no auto refresh
            qtbot.waitSignal(elsewhere.subscriptions.statusMessage) as said,
        ):
            elsewhere.subscriptions.import_opml()
        assert said.args == ["2 subscriptions added", 5000]
        assert sorted(f.folder or "" for f in other.list_feeds()) == ["", "World"]
        assert changes == [SubscriptionChange()]


def test_a_cancelled_file_dialog_does_nothing(qtbot, profile: Reader, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    parts = build(qtbot, profile)
    with qtbot.assertNotEmitted(parts.subscriptions.subscriptionsChanged):
        parts.subscriptions.import_opml()


def select_feed(parts: Parts, feed_id: int) -> None:
    parts.view.setCurrentIndex(parts.model.index_for_key(f"feed:{feed_id}"))


def test_pinning_the_selected_feed(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile)
    select_feed(parts, 2)
    with qtbot.waitSignal(parts.subscriptions.sidebarChanged):
        parts.subscriptions.toggle_pin()
    assert [f.id for f in profile.list_feeds() if f.pinned] == [2]


def test_removing_a_feed_asks_first(qtbot, profile: Reader, monkeypatch) -> None:
    parts = build(qtbot, profile)
    select_feed(parts, 2)
    answers = [False, True]
    monkeypatch.setattr(subscription_actions, "plain_question", lambda *a, **k: answers.pop(0))
    with qtbot.assertNotEmitted(parts.subscriptions.viewCleared):
        parts.subscriptions.remove_feed()  # answered No
    assert len(profile.list_feeds()) == 2
    with qtbot.waitSignals(
        [parts.subscriptions.viewCleared, parts.subscriptions.subscriptionsChanged],
        order="strict",
    ):
        parts.subscriptions.remove_feed()
    assert [f.id for f in profile.list_feeds()] == [1]


def test_only_feeds_are_pinned_or_removed(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile)
    parts.view.setCurrentIndex(parts.model.index_for_key("folder:World"))
    with qtbot.assertNotEmitted(parts.subscriptions.sidebarChanged):
        parts.subscriptions.toggle_pin()
    with qtbot.assertNotEmitted(parts.subscriptions.viewCleared):
        parts.subscriptions.remove_feed()
    assert not any(f.pinned for f in profile.list_feeds())


def test_after_the_recount_the_view_is_wanted_then_the_demo_said_loaded(
    qtbot, profile: Reader
) -> None:
    parts = build(qtbot, profile)
    said: list[object] = []
    parts.subscriptions.viewWanted.connect(said.append)
    parts.subscriptions.demoLoaded.connect(said.append)
    parts.subscriptions.after_recount(SubscriptionChange(select="feed:2"))
    parts.subscriptions.after_recount(SubscriptionChange(demo=True))
    assert said == ["feed:2", "", True]


def test_the_demo_loads_with_its_icons_and_says_so(qtbot, tmp_path: Path) -> None:
    with Reader.open(tmp_path / "demo") as reader:
        parts = build(qtbot, reader)
        texts: list[str] = []
        changes: list[object] = []
        parts.subscriptions.statusText.connect(texts.append)
        parts.subscriptions.subscriptionsChanged.connect(changes.append)
        with qtbot.waitSignal(parts.subscriptions.subscriptionsChanged, timeout=20_000):
            parts.subscriptions.load_demo()
        assert texts == ["Loading the demo articles…", "Demo loaded"]
        assert changes == [SubscriptionChange(demo=True)]
        assert reader.list_feeds() and reader.list_articles()
