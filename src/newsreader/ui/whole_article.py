"""The reading pane's whole-article bar: which version is shown, and a switch to the other.

When an article's page was fetched (:meth:`~newsreader.reader.Reader.full_text`),
the pane shows the whole article by default; this bar above the page says so and
switches back to the feed's own version (and forth).  When there is none yet, it
offers to fetch it, and says why when that failed.  :func:`with_whole_text` makes
the article the page renders (Qt-free).
"""

from __future__ import annotations

import dataclasses
import enum
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from newsreader.core.full_articles import FullText
from newsreader.core.text import html_to_text
from newsreader.core.types import Article
from newsreader.ui.plain_text import plain_label, tooltip_text

_LEADING_H1 = re.compile(r"^((?:\s*<div[^>]*>)*)\s*<h1[^>]*>(.*?)</h1>", re.S)


def with_whole_text(article: Article, text: FullText) -> Article:
    """*article* as the page shows it with its whole text (from *text*) for a body.

    The page's own headline goes when it repeats the article's title, the feed's
    picture when the whole text shows the same one, and the feed's summary (the
    page has its own lead) unless it names an untitled article.
    """
    body = text.html or ""
    found = _LEADING_H1.match(body)
    if found and " ".join(html_to_text(found.group(2)).split()) == " ".join(article.title.split()):
        body = found.group(1) + body[found.end() :]
    image = article.image_url
    if image and image in body:
        image = None
    summary = article.summary if not article.title.strip() else None
    return dataclasses.replace(
        article, content_html=body, summary=summary, image_url=image, image_caption=None
    )


class Shown(enum.Enum):
    """What the bar says about the page on show."""

    HIDDEN = enum.auto()  # no link: nothing to fetch
    NONE = enum.auto()  # never fetched, or it failed (``error``)
    FETCHING = enum.auto()
    WHOLE = enum.auto()  # the whole article, from the site
    FEED = enum.auto()  # the feed's version, though a whole one is there


class WholeArticleBar(QWidget):
    """A slim bar above the article: the version on show and the button for the other.

    Signals:
        wholeWanted(bool): show the whole article (True) or the feed's version.
        fetchWanted(): fetch the article's page now.
    """

    wholeWanted = Signal(bool)
    fetchWanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wholeArticleBar")
        self._shown = Shown.HIDDEN
        self._error: str | None = None
        self.label = plain_label(self)  # an error message is outside text
        self.label.setObjectName("wholeArticleLabel")
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.button = QPushButton(self)
        self.button.setObjectName("wholeArticleButton")
        self.button.setFlat(True)
        self.button.clicked.connect(self._on_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.show_state(Shown.HIDDEN)

    def shown(self) -> Shown:
        return self._shown

    def show_state(self, shown: Shown, error: str | None = None) -> None:
        """Say what is on show (*error*: why the last fetch failed)."""
        self._shown, self._error = shown, error
        self._retranslate()
        self.setVisible(shown is not Shown.HIDDEN)

    def _retranslate(self) -> None:
        shown = self._shown
        if shown is Shown.WHOLE:
            text, button = (
                self.tr("The whole article, from the site"),
                self.tr("Show the feed's version"),
            )
        elif shown is Shown.FEED:
            text, button = self.tr("The feed's version"), self.tr("Show the whole article")
        elif shown is Shown.FETCHING:
            text, button = self.tr("Fetching the whole article…"), ""
        elif self._error:
            text = self.tr("The whole article could not be fetched: %1").replace("%1", self._error)
            button = self.tr("Try again")
        else:
            text, button = (
                self.tr("Only the feed's version is saved"),
                self.tr("Fetch the whole article"),
            )
        self.label.setText(text)
        self.label.setToolTip(tooltip_text(text))
        self.button.setText(button)
        self.button.setVisible(bool(button))

    def _on_clicked(self) -> None:
        if self._shown is Shown.WHOLE:
            self.wholeWanted.emit(False)
        elif self._shown is Shown.FEED:
            self.wholeWanted.emit(True)
        elif self._shown is Shown.NONE:
            self.fetchWanted.emit()
