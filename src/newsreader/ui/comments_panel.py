"""The comments panel: what readers said about the article on display.

From top to bottom: a header with "Comments (N)" and a link to the comments page on
the source's site (opened in the system browser), a line saying what is known
when no thread is at hand ("No comments", or that the source does not give a
count), the thread itself as a lazy list, and room for the reader's private notes
below it.

The thread is read on a worker thread (a popular article can have thousands of
comments) and shown through a model and a painting delegate, never a widget per
comment.  Reading threads needs ``Reader.list_comments(article_id)``; against a
core without it the panel still shows the count and the link.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QEvent, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from newsreader.core.errors import NewsreaderError
from newsreader.core.types import Comment
from newsreader.reader import Reader
from newsreader.ui.delegates.comment_delegate import CommentDelegate
from newsreader.ui.models.comment_list import CommentListModel
from newsreader.ui.worker import TaskRunner

log = logging.getLogger(__name__)

# Only these kinds of address are handed to the system browser.
WEB_SCHEMES = frozenset({"http", "https"})


class CommentsPanel(QWidget):
    """Comment count, comments page link and thread of one article.

    Signals:
        countChanged(int): the number of comments shown in the header changed
            (0 when unknown or no article).
        commentsLoaded(int): the thread of this article id was read and shown.
    """

    countChanged = Signal(int)
    commentsLoaded = Signal(int)

    def __init__(
        self,
        reader: Reader,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._runner = runner or TaskRunner(self)
        self._article_id: int | None = None
        self._feed_count: int | None = None
        self._comments_url: str | None = None
        self._count = 0
        self._generation = 0

        self._title = QLabel(self)
        self._title.setObjectName("commentsTitle")
        title_font = QFont(self._title.font())
        title_font.setBold(True)
        self._title.setFont(title_font)

        self._link = QLabel(self)
        self._link.setObjectName("commentsLink")
        self._link.setTextFormat(Qt.TextFormat.RichText)
        self._link.setOpenExternalLinks(False)
        self._link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self._link.linkActivated.connect(self._open_link)

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self._title)
        header.addStretch(1)
        header.addWidget(self._link)

        self._status = QLabel(self)
        self._status.setObjectName("commentsStatus")
        self._status.setWordWrap(True)
        self._status.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.model = CommentListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("commentsView")
        self.delegate = CommentDelegate(self.view)
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.hide()

        # Where the reader's private notes on the article go (filled by the notes
        # editor; empty and hidden until then).
        self.notes_area = QWidget(self)
        self.notes_area.setObjectName("notesArea")
        QVBoxLayout(self.notes_area).setContentsMargins(0, 0, 0, 0)
        self.notes_area.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addWidget(self._status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes_area)
        layout.addStretch(0)

        self._update_header()

    # -- public API ---------------------------------------------------------------

    def article_id(self) -> int | None:
        return self._article_id

    def count(self) -> int:
        """The number in the header: the thread's size, else the source's count."""
        return self._count

    def set_article(self, article_id: int | None) -> None:
        """Show the comments of *article_id* (``None``: no article selected)."""
        self._generation += 1
        self._article_id = article_id
        self._feed_count = None
        self._comments_url = None
        self.model.clear()
        self.view.hide()
        if article_id is not None:
            try:
                article = self._reader.get_article(article_id)
            except NewsreaderError as exc:
                log.warning("no comments for article %s: %s", article_id, exc)
                self._article_id = None
            else:
                self._feed_count = article.comment_count
                self._comments_url = _web_url(article.comments_url)
        self._update_header()
        loader = getattr(self._reader, "list_comments", None)
        if self._article_id is not None and callable(loader):
            self._load_thread(loader, self._article_id)

    # -- the thread ---------------------------------------------------------------

    def _load_thread(self, loader: Callable[[int], Sequence[Comment]], article_id: int) -> None:
        generation = self._generation
        self._runner.run_task(
            partial(loader, article_id),
            partial(self._on_thread, generation, article_id),
            partial(self._on_thread_error, generation),
        )

    def _on_thread(self, generation: int, article_id: int, comments: Sequence[Comment]) -> None:
        if generation != self._generation:
            return  # the reader moved on to another article meanwhile
        self.model.set_comments(comments)
        self.view.setVisible(self.model.total() > 0)
        self._update_header()
        self.commentsLoaded.emit(article_id)

    def _on_thread_error(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            log.warning("could not read the comments: %s", error)

    # -- header -------------------------------------------------------------------

    def _update_header(self) -> None:
        total = self.model.total()
        known = total > 0 or self._feed_count is not None
        count = total if total > 0 else (self._feed_count or 0)
        if self._article_id is None:
            self._title.setText(self.tr("Comments"))
            self._status.setText("")
        elif known:
            self._title.setText(self.tr("Comments (%n)", "", count))
        else:
            self._title.setText(self.tr("Comments"))
        if self._article_id is not None:
            self._status.setText(self._status_text(total))
        self._status.setVisible(bool(self._status.text()))
        if self._comments_url:
            label = html.escape(self.tr("Open the comments page"))
            self._link.setText(f'<a href="{html.escape(self._comments_url)}">{label}</a>')
            self._link.setToolTip(self._comments_url)
            self._link.show()
        else:
            self._link.clear()
            self._link.hide()
        if count != self._count:
            self._count = count
            self.countChanged.emit(count)

    def _status_text(self, loaded: int) -> str:
        if loaded > 0:
            return ""
        if self._feed_count is None:
            return self.tr("This source does not say how many comments there are.")
        if self._feed_count == 0:
            return self.tr("No comments")
        return self.tr("%n comment(s) on the source's website", "", self._feed_count)

    @Slot(str)
    def _open_link(self, href: str) -> None:
        url = QUrl(href)
        if url.isValid() and url.scheme().lower() in WEB_SCHEMES:
            QDesktopServices.openUrl(url)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_header()
        elif event.type() == QEvent.Type.FontChange:
            self.delegate.forget_sizes()
        super().changeEvent(event)


def _web_url(url: str | None) -> str | None:
    """*url* if it is an http(s) address, else ``None`` (nothing else is opened)."""
    if not url:
        return None
    parsed = QUrl(url.strip())
    return url.strip() if parsed.isValid() and parsed.scheme().lower() in WEB_SCHEMES else None
