"""WindowLayout on its own: a window's layout and selection saved and put back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QSplitter, QTreeView, QWidget

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.models.article_list import ArticleListModel
from newsreader.ui.models.sidebar import SidebarModel, build_snapshot
from newsreader.ui.window_layout import WindowLayout
from tests.helpers.window_parts import article_list_for, sidebar_for

pytestmark = pytest.mark.gui


@dataclass
class Parts:
    layout: WindowLayout
    window: QMainWindow
    main: QSplitter
    content: QSplitter
    sidebar_model: SidebarModel
    sidebar_view: QTreeView
    model: ArticleListModel
    view: QTreeView


def build(qtbot, reader: Reader, state: Path | None, *, counted: bool = True) -> Parts:
    sidebar_model, sidebar_view = sidebar_for(qtbot, reader, counted=counted)
    model, view = article_list_for(qtbot, reader)
    window = QMainWindow()
    qtbot.addWidget(window)
    content = QSplitter(Qt.Orientation.Vertical, window)
    content.addWidget(view)
    content.addWidget(QWidget())
    main = QSplitter(Qt.Orientation.Horizontal, window)
    main.addWidget(sidebar_view)
    main.addWidget(content)
    window.setCentralWidget(main)
    layout = WindowLayout(window, (main, content), sidebar_model, sidebar_view, model, view, state)
    return Parts(layout, window, main, content, sidebar_model, sidebar_view, model, view)


def test_the_layout_and_selection_come_back(qtbot, profile: Reader, tmp_path: Path) -> None:
    state = tmp_path / "window.ini"
    first = build(qtbot, profile, state)
    first.window.resize(760, 540)
    first.window.show()
    qtbot.waitExposed(first.window)
    first.main.setSizes([200, 560])
    first.content.setSizes([220, 300])
    first.model.set_query(ArticleQuery(order="source"))
    first.sidebar_view.collapse(first.sidebar_model.index_for_key("section:topics"))
    main_sizes, content_sizes = first.main.sizes(), first.content.sizes()
    first.layout.save("feed:2", 42)
    assert state.is_file()

    second = build(qtbot, profile, state)
    said: list[object] = []
    second.layout.viewRestored.connect(said.append)
    second.layout.articleRestored.connect(said.append)
    with qtbot.waitSignal(second.layout.restored):
        second.layout.restore()
    assert said == ["feed:2", 42]
    second.window.show()
    qtbot.waitExposed(second.window)
    assert (second.window.width(), second.window.height()) == (760, 540)
    assert second.main.sizes() == main_sizes
    assert second.content.sizes() == content_sizes
    assert second.model.query().order == "source"
    assert not second.sidebar_view.isExpanded(second.sidebar_model.index_for_key("section:topics"))


def test_the_layout_alone_leaves_the_selection(qtbot, profile: Reader, tmp_path: Path) -> None:
    state = tmp_path / "window.ini"
    build(qtbot, profile, state).layout.save("feed:2", 42)
    again = build(qtbot, profile, state)
    with (
        qtbot.assertNotEmitted(again.layout.viewRestored),
        qtbot.assertNotEmitted(again.layout.articleRestored),
    ):
        again.layout.restore(selection=False)


def test_folders_come_collapsed_once_the_count_brings_them(
    qtbot, profile: Reader, tmp_path: Path
) -> None:
    state = tmp_path / "window.ini"
    first = build(qtbot, profile, state)
    first.sidebar_view.expandAll()
    first.sidebar_view.collapse(first.sidebar_model.index_for_key("folder:World"))
    first.layout.save(None, None)

    second = build(qtbot, profile, state, counted=False)
    second.layout.restore()
    assert "folder:World" not in second.sidebar_model.all_keys()
    second.sidebar_model.apply_snapshot(build_snapshot(profile))
    second.sidebar_view.expandAll()  # as new folders are shown
    second.layout.collapse_pending()
    assert not second.sidebar_view.isExpanded(second.sidebar_model.index_for_key("folder:World"))
    assert second.sidebar_view.isExpanded(second.sidebar_model.index_for_key("section:feeds"))


def test_without_a_state_file_nothing_is_kept(qtbot, profile: Reader) -> None:
    parts = build(qtbot, profile, None)
    parts.layout.save("feed:2", 1)
    with qtbot.assertNotEmitted(parts.layout.restored):
        parts.layout.restore()
