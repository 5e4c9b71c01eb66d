"""TopicActions on its own: the sidebar's topic commands, from its context menu."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QTreeView

from newsreader.reader import Reader
from newsreader.ui.action_registry import ActionRegistry
from newsreader.ui.info_bar import InfoBar
from newsreader.ui.models.sidebar import SECTION_TOPICS, SidebarModel, TotalRole
from newsreader.ui.subscription_actions import SubscriptionActions
from newsreader.ui.tasks import TaskRunner
from newsreader.ui.topic_actions import TopicActions
from tests.helpers.window_parts import sidebar_for

pytestmark = pytest.mark.gui


@dataclass
class Parts:
    topics: TopicActions
    model: SidebarModel
    view: QTreeView


def build(qtbot, reader: Reader) -> Parts:
    model, view = sidebar_for(qtbot, reader)
    topics = TopicActions(reader, TaskRunner(synchronous=True), model, view, view)
    topics.topicsChanged.connect(model.reload)  # what the window's re-read does
    return Parts(topics, model, view)


def menu_for(parts: Parts, key: str) -> QMenu:
    menu = QMenu(parts.view)
    entry = parts.model.entry_at(parts.model.index_for_key(key))
    assert entry is not None
    parts.topics.fill_menu(menu, entry)
    return menu


def texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions()]


def submenu(menu: QMenu, text: str) -> QMenu:
    action = next(a for a in menu.actions() if a.text() == text)
    found = action.menu()
    assert isinstance(found, QMenu)
    return found


def test_a_topics_menu_offers_rename_merge_and_hide(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile)
    menu = menu_for(parts, "topic:c:sport")
    assert texts(menu) == ["", "Rename Topic…", "Merge Into", "Hide Topic"]
    assert texts(submenu(menu, "Merge Into")) == ["Economy"]


def test_merging_from_the_menu_puts_two_topics_together(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile)
    into = submenu(menu_for(parts, "topic:c:sport"), "Merge Into")
    with qtbot.waitSignal(parts.topics.topicsChanged):
        into.actions()[0].trigger()
    assert "topic:c:sport" not in parts.model.all_keys()
    assert parts.model.index_for_key("topic:c:economy").data(TotalRole) == 50


def test_a_hidden_topic_can_be_shown_again(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile)
    assert texts(menu_for(parts, SECTION_TOPICS)) == []  # nothing hidden yet
    with qtbot.waitSignal(parts.topics.topicsChanged):
        next(
            a for a in menu_for(parts, "topic:c:sport").actions() if a.text() == "Hide Topic"
        ).trigger()
    assert "topic:c:sport" not in parts.model.all_keys()
    section = menu_for(parts, SECTION_TOPICS)
    hidden = submenu(section, "Show Hidden Topic")
    assert texts(hidden) == ["Sport"]  # only Arabic feeds tag it: named from the alias table
    assert "Show Hidden Topic" in texts(menu_for(parts, "topic:c:economy"))
    with qtbot.waitSignal(parts.topics.topicsChanged):
        hidden.actions()[0].trigger()
    assert "topic:c:sport" in parts.model.all_keys()
    assert parts.model.hidden_topics() == ()


def test_renaming_asks_for_the_new_name(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        assert dialog.textValue() == "Sport" and "Sport" in dialog.labelText()
        dialog.setTextValue("  كرة القدم ")
        dialog.accept()

    QTimer.singleShot(0, answer)
    rename = next(
        a for a in menu_for(parts, "topic:c:sport").actions() if a.text() == "Rename Topic…"
    )
    with qtbot.waitSignal(parts.topics.topicsChanged):
        rename.trigger()
    assert parts.model.index_for_key("topic:c:sport").data() == "كرة القدم"
    assert {t.name for t in profile.topics() if t.kind == "category"} == {"Economy", "كرة القدم"}


def test_a_rename_cancelled_changes_nothing(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    topic = parts.model.entry_at(parts.model.index_for_key("topic:c:sport")).topic
    with qtbot.assertNotEmitted(parts.topics.topicsChanged):
        parts.topics.ask_rename(topic)
    assert parts.model.index_for_key("topic:c:sport").data() == "Sport"


def test_a_change_that_fails_is_reported(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile)
    with qtbot.waitSignal(parts.topics.taskFailed) as failed:
        parts.topics.merge("c:sport", "c:nothing")
    assert "no topic c:nothing" in str(failed.args[0])


# a popup menu on the offscreen platform asks for what it cannot give
@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")
def test_the_sidebars_context_menu_carries_the_topic_commands(qtbot, profile: Reader) -> None:
    model, view = sidebar_for(qtbot, profile)
    subscriptions = SubscriptionActions(
        profile,
        TaskRunner(synchronous=True),
        ActionRegistry(view),
        model,
        view,
        InfoBar(view),
        auto_refresh=False,
        parent=view,
    )
    topics = TopicActions(profile, TaskRunner(synchronous=True), model, view, view)
    subscriptions.menuOpening.connect(topics.fill_menu)
    view.expandAll()
    view.show()
    qtbot.waitExposed(view)
    shown: list[list[str]] = []

    def look() -> None:
        popup = QApplication.activePopupWidget()
        assert isinstance(popup, QMenu)
        shown.append(texts(popup))
        popup.close()

    QTimer.singleShot(0, look)
    subscriptions.show_menu(view.visualRect(model.index_for_key("topic:c:sport")).center())
    assert len(shown) == 1
    assert shown[0][0] == "Mark &All as Read"
    assert shown[0][-3:] == ["Rename Topic…", "Merge Into", "Hide Topic"]
    # the section's menu has nothing to offer while no topic is hidden: none opens
    subscriptions.show_menu(view.visualRect(model.index_for_key(SECTION_TOPICS)).center())
    assert QApplication.activePopupWidget() is None


def test_a_saved_search_can_be_renamed_or_removed(qtbot, profile: Reader) -> None:
    saved = profile.save_search("النفط", "نفط")
    parts = build(qtbot, profile)
    key = f"topic:s:{saved.id}"
    menu = menu_for(parts, key)
    assert texts(menu) == ["", "Rename Topic…", "Remove Topic"]
    with qtbot.waitSignal(parts.topics.topicsChanged):
        menu.actions()[-1].trigger()
    assert key not in parts.model.all_keys()
    assert profile.saved_searches() == []
