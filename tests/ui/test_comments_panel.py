"""The comments panel, its thread model and delegate (offscreen, real widgets)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QDesktopServices, QImage
from pytestqt.qtbot import QtBot

from newsreader.core.types import Article, Comment, Direction
from newsreader.reader import Reader
from newsreader.ui.comments_panel import CommentsPanel
from newsreader.ui.models.comment_list import (
    BATCH_SIZE,
    AuthorRole,
    CommentListModel,
    DepthRole,
    DirectionRole,
    TextRole,
)
from newsreader.ui.worker import TaskRunner

pytestmark = pytest.mark.gui

NOW = datetime.now(UTC)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    reader = Reader.open(tmp_path_factory.mktemp("demo"))
    reader.load_demo()
    try:
        yield reader
    finally:
        reader.close()


def make_comments(count: int, article_id: int = 1) -> list[Comment]:
    """A thread alternating Arabic and English comments, replies nested up to depth 3."""
    comments = []
    for i in range(count):
        arabic = i % 2 == 0
        text = (
            f"<p>تعليق رقم {i} على الخبر، شكرًا للكاتب.</p>"
            if arabic
            else f"<p>Comment {i}: thanks for the clear report.</p>"
        )
        comments.append(
            Comment(
                id=i + 1,
                article_id=article_id,
                guid=f"c-{i}",
                parent_id=None,
                author="سلمى" if arabic else "John",
                published=NOW - timedelta(minutes=i),
                content_html=text * (1 + i % 3),
                direction=Direction.RTL if arabic else Direction.LTR,
                depth=i % 4,
            )
        )
    return comments


class ThreadReader:
    """A Reader that also answers ``list_comments`` with a given thread per article."""

    def __init__(self, reader: Reader, threads: dict[int, Sequence[Comment]]) -> None:
        self._reader = reader
        self._threads = threads
        self.asked: list[int] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)

    def list_comments(self, article_id: int) -> list[Comment]:
        self.asked.append(article_id)
        return list(self._threads.get(article_id, ()))


def find(reader: Reader, predicate: Any) -> Article:
    for article_id in reader.article_ids():
        article = reader.get_article(article_id)
        if predicate(article):
            return article
    raise AssertionError("no such demo article")


def make_panel(qtbot: QtBot, reader: Any, **kwargs: Any) -> CommentsPanel:
    kwargs.setdefault("runner", TaskRunner(synchronous=True))
    panel = CommentsPanel(reader, **kwargs)
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


# -- count and link -------------------------------------------------------------------


def test_shows_the_count_and_the_comments_page_link(
    qtbot: QtBot, demo: Reader, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()))
    )
    article = find(demo, lambda a: a.comment_count and a.comments_url)
    panel = make_panel(qtbot, demo)

    with qtbot.waitSignal(panel.countChanged) as changed:
        panel.set_article(article.id)
    assert changed.args == [article.comment_count]
    assert panel.findChild(type(panel._title), "commentsTitle").text() == (
        f"Comments ({article.comment_count})"
    )
    link = panel.findChild(type(panel._link), "commentsLink")
    assert link.isVisible()
    assert f'href="{article.comments_url}"' in link.text()
    assert str(article.comment_count) in panel._status.text()

    link.linkActivated.emit(article.comments_url)
    link.linkActivated.emit("javascript:alert(1)")
    link.linkActivated.emit("file:///etc/passwd")
    assert opened == [article.comments_url]


def test_no_count_and_no_article(qtbot: QtBot, demo: Reader) -> None:
    article = find(demo, lambda a: a.comment_count is None and not a.comments_url)
    panel = make_panel(qtbot, demo)
    panel.set_article(find(demo, lambda a: bool(a.comment_count)).id)

    with qtbot.waitSignal(panel.countChanged) as changed:
        panel.set_article(article.id)
    assert changed.args == [0]
    assert panel._title.text() == "Comments"
    assert "does not say" in panel._status.text()
    assert not panel._link.isVisible()
    assert not panel.view.isVisible()

    panel.set_article(None)
    assert panel.article_id() is None and panel.count() == 0
    assert panel._title.text() == "Comments"
    assert not panel._status.isVisible()
    panel.set_article(10**9)  # gone meanwhile: treated like no article
    assert panel.article_id() is None


# -- the thread -----------------------------------------------------------------------


def test_thread_is_listed_lazily_and_counted(qtbot: QtBot, demo: Reader) -> None:
    article = find(demo, lambda a: True)
    reader = ThreadReader(demo, {article.id: make_comments(5000, article.id)})
    panel = make_panel(qtbot, reader)

    with qtbot.waitSignal(panel.commentsLoaded) as loaded:
        panel.set_article(article.id)
    assert loaded.args == [article.id]
    assert reader.asked == [article.id]
    assert panel.view.isVisible()
    assert panel._title.text() == "Comments (5000)"
    assert panel.count() == 5000
    assert panel.model.total() == 5000
    assert panel.model.rowCount() == BATCH_SIZE  # the rest comes as the view scrolls

    started = time.perf_counter()
    for _ in range(100):
        panel.view.scrollToBottom()
        qtbot.wait(1)
        if not panel.model.canFetchMore(QModelIndex()):
            break
    assert panel.model.rowCount() == 5000
    panel.view.scrollToBottom()
    bottom = QPoint(10, panel.view.viewport().height() - 4)
    qtbot.waitUntil(lambda: panel.view.indexAt(bottom).row() > 4900)
    assert time.perf_counter() - started < 10  # no widget per comment, no stall


def test_a_late_thread_of_the_previous_article_is_dropped(qtbot: QtBot, demo: Reader) -> None:
    first, second = demo.article_ids()[:2]
    reader = ThreadReader(demo, {first: make_comments(30, first), second: make_comments(3, second)})
    runner = TaskRunner()  # a real pool: answers arrive later, in any order
    panel = make_panel(qtbot, reader, runner=runner)

    with qtbot.waitSignal(panel.commentsLoaded, check_params_cb=lambda a: a == second):
        panel.set_article(first)
        panel.set_article(second)
    runner.wait_for_done(5000)
    qtbot.wait(20)
    assert panel.model.total() == 3
    assert {panel.model.comment(row).article_id for row in range(3)} == {second}  # type: ignore[union-attr]


def test_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = CommentListModel()
    model.set_comments(make_comments(5000))
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 5000
    qtmodeltester.check(model)
    model.clear()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_model_roles_carry_each_comments_own_direction() -> None:
    model = CommentListModel()
    model.set_comments(make_comments(4))
    arabic, english = model.index(0, 0), model.index(1, 0)
    assert arabic.data(DirectionRole) == Qt.LayoutDirection.RightToLeft
    assert english.data(DirectionRole) == Qt.LayoutDirection.LeftToRight
    assert english.data(AuthorRole) == "John"
    assert english.data(DepthRole) == 1
    assert english.data(TextRole) == "Comment 1: thanks for the clear report.\n\n" + (
        "Comment 1: thanks for the clear report."
    )
    assert "<p>" not in str(arabic.data(Qt.ItemDataRole.DisplayRole))


def ink_span(image: QImage, top: int, bottom: int) -> tuple[int, int]:
    """Leftmost and rightmost x of dark pixels between two rows of *image*."""
    xs = [
        x
        for y in range(top, bottom)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).lightness() < 100
    ]
    assert xs, "nothing painted"
    return min(xs), max(xs)


@pytest.mark.parametrize(
    "ui_direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_each_comment_is_painted_in_its_own_direction(
    qtbot: QtBot, demo: Reader, ui_direction: Qt.LayoutDirection
) -> None:
    article = find(demo, lambda a: a.direction is Direction.RTL)
    short = [
        Comment(1, article.id, "a", None, "سلمى", NOW, "<p>رأي قصير</p>", Direction.RTL),
        Comment(2, article.id, "b", None, "John", NOW, "<p>Short view</p>", Direction.LTR),
    ]
    panel = make_panel(qtbot, ThreadReader(demo, {article.id: short}))
    panel.setLayoutDirection(ui_direction)
    panel.set_article(article.id)
    qtbot.wait(10)

    view = panel.view
    image = view.viewport().grab().toImage()
    width = view.viewport().width()
    rtl_rect = view.visualRect(panel.model.index(0, 0))
    ltr_rect = view.visualRect(panel.model.index(1, 0))
    left, right = ink_span(image, rtl_rect.top() + 2, rtl_rect.bottom() - 2)
    assert right > width * 0.8 and left > width * 0.3  # Arabic hugs the right edge
    left, right = ink_span(image, ltr_rect.top() + 2, ltr_rect.bottom() - 2)
    assert left < width * 0.2 and right < width * 0.7  # English hugs the left edge
