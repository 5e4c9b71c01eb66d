"""The comments dock folds to a slim bar when there is nothing to show, and remembers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTextEdit

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.comments_dock import CommentsDock
from newsreader.ui.comments_panel import CommentsPanel
from newsreader.ui.tasks import TaskRunner

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    reader = Reader.open(tmp_path_factory.mktemp("demo"))
    reader.load_demo()
    try:
        yield reader
    finally:
        reader.close()


def docked(qtbot: Any, reader: Reader, state: Path) -> tuple[QMainWindow, CommentsDock]:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QTextEdit(window))
    dock = QDockWidget(window)
    panel = CommentsPanel(reader, dock, runner=TaskRunner(synchronous=True), fetch_delay_ms=60_000)
    window.addDockWidget(right_area(), dock)
    fold = CommentsDock(window, dock, panel, state)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    return window, fold


def right_area() -> Any:
    from PySide6.QtCore import Qt

    return Qt.DockWidgetArea.RightDockWidgetArea


def without_comments(reader: Reader) -> int:
    for summary in reader.list_articles(ArticleQuery()):
        article = reader.get_article(summary.id)
        if not article.comments_feed_url and not article.comment_count:
            return summary.id
    raise AssertionError("the demo has no article without comments")


def with_comments(reader: Reader) -> int:
    for summary in reader.list_articles(ArticleQuery()):
        article = reader.get_article(summary.id)
        if article.comments_feed_url and article.comment_count:
            return summary.id
    raise AssertionError("the demo has no article with comments")


def test_nothing_to_show_folds_the_dock_to_a_slim_bar(
    qtbot: Any, demo: Reader, tmp_path: Path
) -> None:
    window, fold = docked(qtbot, demo, tmp_path / "window.ini")
    panel = fold._panel
    panel.set_article(without_comments(demo))
    qtbot.waitUntil(fold.is_folded)
    qtbot.waitUntil(lambda: fold.bar.isVisible())
    assert window.findChild(QDockWidget).width() <= 60

    panel.set_article(with_comments(demo))
    qtbot.waitUntil(lambda: not fold.is_folded())
    qtbot.waitUntil(lambda: window.findChild(QDockWidget).width() >= 200)
    assert panel.isVisible() and not fold.bar.isVisible()

    fold.bar.click()  # a click on the bar of an empty article opens it for that one
    panel.set_article(without_comments(demo))
    qtbot.waitUntil(fold.is_folded)
    fold.bar.click()
    assert not fold.is_folded()


def test_folding_by_hand_is_kept_between_sessions(qtbot: Any, demo: Reader, tmp_path: Path) -> None:
    state = tmp_path / "window.ini"
    _, fold = docked(qtbot, demo, state)
    fold._panel.set_article(with_comments(demo))
    qtbot.waitUntil(lambda: not fold.is_folded())
    fold._panel.collapseRequested.emit()
    assert fold.is_folded()

    _, again = docked(qtbot, demo, state)
    again._panel.set_article(with_comments(demo))
    qtbot.wait(20)
    assert again.is_folded()  # though this article has comments
    again.bar.click()
    assert not again.is_folded()
    _, third = docked(qtbot, demo, state)
    third._panel.set_article(with_comments(demo))
    qtbot.waitUntil(lambda: not third.is_folded())
