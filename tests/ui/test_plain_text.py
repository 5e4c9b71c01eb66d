"""Text from feeds and servers is shown as written, never read as HTML by Qt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from newsreader.core.types import FeedStatus
from newsreader.reader import Reader
from newsreader.ui.main_window import MainWindow
from newsreader.ui.models.article_list import Column
from newsreader.ui.plain_text import plain_question, tooltip_text
from tests.helpers.feedserver import FeedServer, Response
from tests.ui.conftest import serve
from tests.ui.test_main_window import make_window

pytestmark = pytest.mark.gui

FEED_TITLE = "<b>Tech</b> desk"
HEADLINE = "Why <img src=x> tags & a < b > c still matter"
REASON = "<b>Overloaded</b> <i>try later</i>"

#: An Atom feed whose titles are declared plain text: the angle brackets are meant.
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">&lt;b&gt;Tech&lt;/b&gt; desk</title>
  <id>urn:plain-text-test</id>
  <updated>2026-11-20T10:00:00Z</updated>
  <entry>
    <title type="text">Why &lt;img src=x&gt; tags &amp; a &lt; b &gt; c still matter</title>
    <id>urn:plain-text-test:1</id>
    <updated>2026-11-20T10:00:00Z</updated>
    <content type="text">A body.</content>
  </entry>
</feed>
"""


def shown(text: str) -> str:
    """What Qt puts on screen for *text* given to a label in auto format or a tooltip."""
    document = QTextDocument()
    if QtGuiNamespace.mightBeRichText(text):
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document.toPlainText()


@pytest.mark.parametrize(
    "text",
    [
        FEED_TITLE,
        HEADLINE,
        "HTTP 599 " + REASON,
        "عنوان <img src=x> تجريبي\nوسطر ثانٍ",
        "Tom & Jerry",
        "plain words",
    ],
)
def test_a_tooltip_shows_its_text_literally(text: str) -> None:
    assert shown(tooltip_text(text)) == text


def test_a_tooltip_is_left_alone_when_qt_would_not_misread_it() -> None:
    assert tooltip_text("Tom & Jerry") == "Tom & Jerry"
    assert tooltip_text(None) == ""


@pytest.fixture
def hostile_window(qtbot, tmp_path: Path, feed_server: FeedServer) -> Iterator[MainWindow]:
    reader = Reader.open(tmp_path / "profile")
    reader.add_feed(serve(feed_server, "/plain.atom", ATOM))
    feed_server.route("/busy.xml", Response(status=599, reason=REASON))
    busy = reader.subscribe(feed_server.url("/busy.xml"), title="Busy")
    [result] = reader.refresh(feed_ids=[busy]).feeds
    assert result.status is FeedStatus.ERROR and REASON in (result.error or "")
    win = make_window(qtbot, reader, tmp_path / "w.ini")
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.shutdown()
        reader.close()


def test_feed_and_article_titles_are_not_read_as_html(hostile_window: MainWindow) -> None:
    win = hostile_window
    [feed] = [f for f in win.reader.list_feeds() if f.title == FEED_TITLE]
    assert win.select_view(f"feed:{feed.id}")
    assert win.title_row.title.text() == FEED_TITLE
    assert win.title_row.title.textFormat() == Qt.TextFormat.PlainText

    title_cell = win.article_model.index(0, Column.TITLE)
    assert title_cell.data() == HEADLINE
    assert shown(title_cell.data(Qt.ItemDataRole.ToolTipRole)) == HEADLINE

    feed_tip = win.sidebar_model.index_for_key(f"feed:{feed.id}").data(Qt.ItemDataRole.ToolTipRole)
    assert shown(feed_tip).startswith(FEED_TITLE)


def test_a_servers_error_text_is_not_read_as_html(hostile_window: MainWindow) -> None:
    win = hostile_window
    [busy] = [f for f in win.reader.list_feeds() if f.title == "Busy"]
    assert win.select_view(f"feed:{busy.id}")
    assert win.title_row.error_text.isVisibleTo(win)
    assert win.title_row.error_text.textFormat() == Qt.TextFormat.PlainText
    assert REASON in shown(win.title_row.error_text.toolTip())
    assert REASON in shown(win.title_row.error_icon.toolTip())


def test_a_question_quoting_a_feed_title_shows_it_as_written(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[str, Qt.TextFormat]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append((box.text(), box.textFormat()))
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer)
    assert plain_question(parent, "Unsubscribe", f"Unsubscribe from “{FEED_TITLE}”?")
    assert seen == [(f"Unsubscribe from “{FEED_TITLE}”?", Qt.TextFormat.PlainText)]
