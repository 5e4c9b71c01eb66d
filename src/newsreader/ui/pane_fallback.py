"""Minimal stand-ins for the reading pane and the comments panel.

The window builds the real widgets from :mod:`newsreader.ui.reading_pane` and
:mod:`newsreader.ui.comments_panel`; when a build of Newsreader lacks one of them
(a trimmed package, a partial checkout) these plain-text versions keep the window
usable.  They show only escaped text, so nothing is ever loaded from the network.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from newsreader.core.errors import NewsreaderError
from newsreader.core.text import html_to_text
from newsreader.core.types import Direction
from newsreader.reader import Reader

_ZOOM_LIMIT = 10


class FallbackReadingPane(QTextBrowser):
    """A plain-text reading pane with the reading pane's interface.

    Signals:
        articleShown(int): the article with this id is displayed.
        relatedActivated(int): never emitted (no related headlines here).
    """

    articleShown = Signal(int)
    relatedActivated = Signal(int)

    def __init__(self, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._zoom = 0
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def show_article(self, article_id: int) -> None:
        try:
            article = self._reader.get_article(article_id)
        except NewsreaderError as exc:
            self.setPlainText(str(exc))
            return
        direction = "rtl" if article.direction == Direction.RTL else "ltr"
        body = (
            html_to_text(article.content_html) if article.content_html else (article.summary or "")
        )
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n") if p.strip())
        self.setHtml(
            f'<div dir="{direction}"><h2>{html.escape(article.title)}</h2>'
            f"<p><i>{html.escape(article.feed_title)}</i></p>{paragraphs}</div>"
        )
        self.articleShown.emit(article_id)

    def clear(self) -> None:
        super().clear()

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    def zoom_reset(self) -> None:
        self.set_zoom(0)

    def zoom_level(self) -> int:
        return self._zoom

    def set_zoom(self, level: int) -> None:
        level = max(-_ZOOM_LIMIT, min(_ZOOM_LIMIT, level))
        QTextBrowser.zoomIn(self, level - self._zoom)
        self._zoom = level

    def scroll_page_down(self) -> bool:
        bar = self.verticalScrollBar()
        if bar.value() >= bar.maximum():
            return False
        bar.setValue(bar.value() + bar.pageStep())
        return True


class FallbackCommentsPanel(QTextBrowser):
    """Says that comments cannot be shown; keeps the panel's interface.

    Signals:
        countChanged(int): the number of comments of the shown article (always 0).
    """

    countChanged = Signal(int)

    def __init__(self, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader = reader

    def set_article(self, article_id: int | None) -> None:
        self.setPlainText(self.tr("Comments are not available in this build."))
        self.countChanged.emit(0)
