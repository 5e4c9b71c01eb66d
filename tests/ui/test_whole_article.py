"""The whole-article bar (offscreen) and the article the page renders with the whole text."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from newsreader.core.full_articles import FullText
from newsreader.core.types import Article, Direction
from newsreader.ui.whole_article import Shown, WholeArticleBar, with_whole_text

pytestmark = pytest.mark.gui

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def article(**changes: object) -> Article:
    values: dict[str, object] = {
        "id": 1,
        "feed_id": 1,
        "feed_title": "الأخبار",
        "guid": "g",
        "title": "حديقة جديدة",
        "link": "http://127.0.0.1:9/park",
        "author": None,
        "summary": "سطر",
        "content_html": "<p>سطر</p>",
        "published": T0,
        "updated": None,
        "first_seen": T0,
        "language": "ar",
        "direction": Direction.RTL,
        "read": False,
        "starred": False,
        "image_url": "http://127.0.0.1:9/park.jpg",
        "image_caption": "الحديقة",
    }
    values.update(changes)
    return Article(**values)  # type: ignore[arg-type]


def test_the_whole_text_becomes_the_body_without_repeating_headline_or_picture() -> None:
    html = (
        '<div dir="rtl"><h1>حديقة جديدة</h1><figure><img src="http://127.0.0.1:9/park.jpg">'
        "</figure><p>النص الكامل</p></div>"
    )
    shown = with_whole_text(article(), FullText(1, html, T0))
    assert shown.content_html is not None
    assert "<h1>" not in shown.content_html and "النص الكامل" in shown.content_html
    assert shown.content_html.startswith('<div dir="rtl">')
    assert shown.image_url is None  # the whole text shows it
    assert shown.title == "حديقة جديدة"
    assert shown.summary is None  # the page's own lead is in the whole text


def test_another_headline_and_another_picture_stay() -> None:
    html = "<h1>عنوان آخر على الموقع</h1><p>النص الكامل</p>"
    shown = with_whole_text(article(), FullText(1, html, T0))
    assert shown.content_html is not None and "<h1>عنوان آخر" in shown.content_html
    assert shown.image_url == "http://127.0.0.1:9/park.jpg"


def test_the_bar_says_what_is_shown_and_asks_for_the_other(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    bar = WholeArticleBar(holder)
    holder.show()
    assert not bar.isVisible()  # nothing to say until told

    bar.show_state(Shown.WHOLE)
    assert bar.isVisible() and bar.button.text() == "Show the feed's version"
    with qtbot.waitSignal(bar.wholeWanted) as asked:
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert asked.args == [False]

    bar.show_state(Shown.FEED)
    with qtbot.waitSignal(bar.wholeWanted) as asked:
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert asked.args == [True]

    bar.show_state(Shown.NONE)
    assert bar.button.text() == "Fetch the whole article"
    with qtbot.waitSignal(bar.fetchWanted):
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)

    bar.show_state(Shown.FETCHING)
    assert not bar.button.isVisible()


def test_an_error_is_shown_as_plain_text(qtbot: QtBot) -> None:
    bar = WholeArticleBar()
    qtbot.addWidget(bar)
    bar.show_state(Shown.NONE, "<b>HTTP 404</b> (http://127.0.0.1:9/park)")
    assert bar.label.textFormat() == Qt.TextFormat.PlainText
    assert bar.label.text().endswith("<b>HTTP 404</b> (http://127.0.0.1:9/park)")
    assert bar.button.text() == "Try again"
