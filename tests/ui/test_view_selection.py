"""ViewSelection on its own: views chosen, filtered and sorted, and the title row naming them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTreeView

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.models.article_list import ArticleListModel, Column
from newsreader.ui.models.sidebar import SidebarModel, build_snapshot
from newsreader.ui.title_row import TitleRow
from newsreader.ui.view_selection import ViewSelection
from tests.helpers.window_parts import article_list_for, sidebar_for

pytestmark = pytest.mark.gui


@dataclass
class Parts:
    views: ViewSelection
    sidebar_model: SidebarModel
    sidebar_view: QTreeView
    model: ArticleListModel
    view: QTreeView
    row: TitleRow
    registry: ActionRegistry


def build(qtbot, reader: Reader, *, counted: bool = True) -> Parts:
    sidebar_model, sidebar_view = sidebar_for(qtbot, reader, counted=counted)
    model, view = article_list_for(qtbot, reader)
    row = TitleRow()
    qtbot.addWidget(row)
    row.show()
    registry = ActionRegistry(row)
    views = ViewSelection(sidebar_model, sidebar_view, model, view, row, registry, row)
    return Parts(views, sidebar_model, sidebar_view, model, view, row, registry)


@pytest.fixture
def parts(qtbot, profile: Reader) -> Iterator[Parts]:
    built = build(qtbot, profile)
    yield built
    built.views.stop()


def feed_ids_shown(model: ArticleListModel) -> set[int]:
    return {model.article_at(row).feed_id for row in range(model.rowCount())}


def test_choosing_a_view_reads_its_list_and_says_so(parts: Parts, qtbot) -> None:
    changed: list[str] = []
    parts.views.viewChanged.connect(changed.append)
    with qtbot.waitSignal(parts.views.viewShown):
        assert parts.views.select("feed:2")
    assert changed == ["feed:2"]
    assert parts.views.current_key == "feed:2"
    assert feed_ids_shown(parts.model) == {2}
    assert parts.model.rowCount() == 20
    assert parts.sidebar_model.key_at(parts.sidebar_view.currentIndex()) == "feed:2"
    assert parts.row.title.text() == "World Desk"
    assert parts.row.counts.text() == "20 articles · 20 unread"


def test_clicking_a_sidebar_row_shows_its_view(parts: Parts, qtbot) -> None:
    topic = parts.sidebar_model.index_for_key("topic:c:economy")
    with qtbot.waitSignal(parts.views.viewChanged) as changed:
        parts.sidebar_view.setCurrentIndex(topic)
    assert changed.args == ["topic:c:economy"]
    assert parts.model.rowCount() == 35  # اقتصاد (Arabic feed) and Economy (English feed)
    assert parts.row.title.text() == "Economy"


def test_an_unknown_view_is_refused(parts: Parts, qtbot) -> None:
    parts.views.select("smart:all")
    with qtbot.assertNotEmitted(parts.views.viewChanged):
        assert not parts.views.select("feed:99")
    assert parts.views.current_key == "smart:all"


def test_the_filter_box_narrows_the_view_and_keeps_the_current_article(parts: Parts, qtbot) -> None:
    parts.views.select("feed:2")
    with qtbot.waitSignals([parts.views.relisting, parts.views.relisted], order="strict"):
        parts.row.filter_edit.setText("Item 1")  # applied after a pause
    titles = [parts.model.article_at(r).title for r in range(parts.model.rowCount())]
    assert titles and all("Item 1" in title for title in titles)
    assert parts.row.counts.text() == f"{len(titles)} matches"
    with qtbot.assertNotEmitted(parts.views.viewShown):  # the same view, read again
        parts.views.apply_filter()


def test_keys_that_leave_the_filter_box_apply_it_and_go_to_the_list(parts: Parts, qtbot) -> None:
    parts.views.select("smart:all")
    parts.row.filter_edit.setText("Item 1")
    with qtbot.waitSignal(parts.views.listEntered):
        QTest.keyClick(parts.row.filter_edit, Qt.Key.Key_Escape)
    assert parts.row.filter_edit.text() == ""
    assert not parts.views.filter_timer.isActive()
    assert parts.model.rowCount() == 50  # no filter any more, at once


def test_sorting_by_source_follows_the_header_and_the_menu(parts: Parts) -> None:
    parts.views.select("smart:all")
    header = parts.view.header()
    header.setSortIndicator(Column.SOURCE, Qt.SortOrder.AscendingOrder)
    assert parts.model.query().order == "source"
    assert parts.registry[ActionId.SORT_BY_SOURCE].isChecked()
    assert not parts.registry[ActionId.SORT_BY_DATE].isChecked()
    sources = [parts.model.article_at(r).feed_title for r in range(parts.model.rowCount())]
    assert sources == sorted(sources, key=str.casefold)

    parts.views.set_order("date")
    assert parts.model.query().order == "date"
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.TIME,
        Qt.SortOrder.DescendingOrder,
    )
    assert parts.registry[ActionId.SORT_BY_DATE].isChecked()


def test_another_order_from_the_menu_reads_the_view_again(parts: Parts, qtbot) -> None:
    parts.views.select("smart:all")
    with qtbot.waitSignals([parts.views.relisting, parts.views.relisted], order="strict"):
        parts.views.set_order("source")
    assert parts.model.query().order == "source"
    assert parts.view.header().sortIndicatorSection() == Column.SOURCE
    with qtbot.assertNotEmitted(parts.views.relisting):  # already in that order
        parts.views.set_order("source")


def test_live_is_always_newest_first(parts: Parts, qtbot) -> None:
    parts.views.select("smart:live")
    assert parts.model.horizon() is not None
    with qtbot.assertNotEmitted(parts.views.relisting):
        parts.views.set_order("source")
    assert parts.model.query().order == "date"
    assert parts.row.counts.text() == f"{parts.model.rowCount()} articles"


def test_a_view_is_shown_from_its_key_before_the_sidebar_is_counted(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile, counted=False)
    assert "feed:2" not in parts.sidebar_model.all_keys()
    with qtbot.waitSignal(parts.views.viewChanged) as changed:
        assert parts.views.select("feed:2")
    assert changed.args == ["feed:2"]
    assert feed_ids_shown(parts.model) == {2}
    assert not parts.sidebar_view.currentIndex().isValid()

    parts.sidebar_model.apply_snapshot(build_snapshot(profile))
    with qtbot.assertNotEmitted(parts.views.viewShown):  # the list read before is kept
        parts.views.settle_pending_view()
    assert parts.sidebar_model.key_at(parts.sidebar_view.currentIndex()) == "feed:2"
    assert parts.row.title.text() == "World Desk"
    parts.views.stop()


def test_a_pending_view_that_went_away_gives_way_to_all_articles(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile, counted=False)
    parts.views.select("feed:2")
    profile.remove_feed(2)
    parts.sidebar_model.apply_snapshot(build_snapshot(profile))
    with qtbot.waitSignal(parts.views.viewChanged) as changed:
        parts.views.settle_pending_view()
    assert changed.args == ["smart:all"]
    parts.views.stop()


def test_after_a_change_the_wanted_view_or_the_current_one_is_shown(
    parts: Parts, profile: Reader, qtbot
) -> None:
    parts.views.select("feed:1")
    with qtbot.waitSignal(parts.views.viewChanged) as changed:
        parts.views.show_after_change("feed:2")
    assert changed.args == ["feed:2"]

    with qtbot.waitSignal(parts.views.viewShown):  # the same view, read afresh
        parts.views.show_after_change("")
    assert parts.views.current_key == "feed:2"

    profile.remove_feed(2)
    parts.sidebar_model.apply_snapshot(build_snapshot(profile))
    with qtbot.waitSignal(parts.views.viewChanged) as changed:
        parts.views.show_after_change("")
    assert changed.args == ["smart:all"]
    assert parts.model.rowCount() == 30


def test_clearing_shows_nothing(parts: Parts) -> None:
    parts.views.select("smart:all")
    parts.views.clear()
    assert parts.views.current_key is None
    assert parts.model.rowCount() == 0


def test_a_failed_update_is_said_in_the_title_row(qtbot, tmp_path: Path) -> None:
    with Reader.open(tmp_path / "p") as reader:
        feed_id = reader.subscribe("http://127.0.0.1:9/feed.xml", title="Nowhere")
        reader.refresh(all_feeds=True)
        parts = build(qtbot, reader)
        parts.views.select(f"feed:{feed_id}")
        row = parts.row
        assert row.error_icon.isVisibleTo(row) and row.error_text.isVisibleTo(row)
        assert row.error_text.text().startswith("Last update failed:")
        assert "http://127.0.0.1:9/feed.xml" in row.error_text.toolTip()  # which feed
        assert row.error_icon.toolTip() == row.error_text.toolTip()
        parts.views.select("smart:all")
        assert not row.error_text.isVisibleTo(row)
        parts.views.stop()


def test_a_search_is_a_view_of_its_own_and_ends_where_it_began(
    parts: Parts, qtbot, profile: Reader
) -> None:
    parts.views.select("feed:2")
    rows = profile.list_articles(ArticleQuery(search="energy"), limit=5)
    with qtbot.waitSignal(parts.views.viewChanged) as changed:
        parts.views.show_search("energy", rows, 20)
    assert changed.args == ["search:energy"]
    assert parts.model.rowCount() == 5  # the page given, as it was read
    assert parts.model.query().search == "energy"
    assert parts.row.title.text() == "Search: energy"
    assert parts.row.counts.text() == "20 matches"
    assert not parts.sidebar_view.currentIndex().isValid()
    parts.views.show_search("energy -item", [], 0)  # typing on: still where it began
    assert parts.row.counts.text() == "0 matches"
    with qtbot.waitSignal(parts.views.viewChanged) as changed:
        parts.views.end_search()
    assert changed.args == ["feed:2"]
    assert parts.row.title.text() == "World Desk"
    # a search kept as the last session's view comes back as the view it replaced
    parts.views.show_search("energy", rows, 20)
    assert parts.views.reselect("search:energy")
    assert parts.views.current_key == "feed:2"


def test_sidebar_headers_are_no_views(parts: Parts, qtbot) -> None:
    parts.views.select("smart:all")
    section = parts.sidebar_model.index_for_key("section:feeds")
    with qtbot.assertNotEmitted(parts.views.viewChanged):
        parts.views.on_sidebar_current(section, QModelIndex())
    assert parts.views.current_key == "smart:all"
