"""The comments panel: what readers said about the article on display, and the user's notes.

From top to bottom: a header with "Comments (N)" (the panel's only title), the
newest/oldest-first toggle, a refresh button and a button that folds the panel; a
line saying how fresh the thread is ("Fetched 5 minutes ago", "Offline — showing
saved comments") beside a link to the comments page on the source's site; a thin
busy strip while the comments feed is being fetched; the thread itself as a lazy
list; and, folded under it, the reader's private notes on the article.

Reading and fetching the thread is the job of a
:class:`~newsreader.ui.comment_thread.CommentThread`; this widget shows what it
reads: the saved thread at once, then again when a fetch brought new comments,
keeping the comment the reader was looking at in place. A failed fetch leaves the
saved thread on screen and says so in the status line, with the full error in its
tooltip.

Comments are painted by a delegate from a list model, never a widget per comment.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsreader.core.types import Article, Comment, CommentsStatus
from newsreader.reader import Reader
from newsreader.ui.comment_thread import FETCH_DELAY_MS, CommentThread
from newsreader.ui.delegates.comment_delegate import CommentDelegate
from newsreader.ui.error_text import readable_error
from newsreader.ui.icons import Icon, icon
from newsreader.ui.links import openable_url
from newsreader.ui.models.comment_list import CommentListModel, short_address
from newsreader.ui.notes_editor import NotesEditor
from newsreader.ui.plain_text import plain_label, tooltip_text
from newsreader.ui.relative_time import absolute_time, relative_time
from newsreader.ui.tasks import TaskRunner

# Only these kinds of address are handed to the system browser.
WEB_SCHEMES = frozenset({"http", "https"})
# How often "Fetched 5 minutes ago" and the comments' times are brought up to date.
CLOCK_MS = 30_000
# Links of one comment offered in its context menu.
MAX_MENU_LINKS = 5
# Words in a fetch error that mean the comment server could not be reached at all.
_OFFLINE_HINTS = (
    "connection",
    "host not found",
    "timed out",
    "network",
    "unreachable",
    "name resolution",
)


def looks_offline(error: str | None) -> bool:
    """Whether a fetch error means the comment server could not be reached."""
    text = (error or "").lower()
    return any(hint in text for hint in _OFFLINE_HINTS)


class CommentsPanel(QWidget):
    """Comment count, freshness, thread and private notes of one article.

    Signals:
        countChanged(int): the number of comments in the header changed (0 when
            unknown or no article).
        contentChanged(bool): whether there is anything to show (comments, a
            comments feed to fetch, notes) changed; with nothing, the panel folds.
        collapseRequested(): the reader asked to fold the panel to a slim bar.
        commentsLoaded(int): the thread of this article id was read and shown
            (the saved one first, again after a fetch brought new comments).
        fetchStarted(int): the comments feed of this article id is being fetched.
        fetchFinished(int): that fetch ended (well or not) and its outcome is shown.
    """

    countChanged = Signal(int)
    contentChanged = Signal(bool)
    collapseRequested = Signal()
    commentsLoaded = Signal(int)
    fetchStarted = Signal(int)
    fetchFinished = Signal(int)

    def __init__(
        self,
        reader: Reader,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        fetch_delay_ms: int = FETCH_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._count = 0
        self._has_content = False
        #: Reads and fetches what this panel shows.
        self.comment_thread = CommentThread(
            reader, self, runner=runner, fetch_delay_ms=fetch_delay_ms
        )

        self._build_header()
        self._build_thread()
        self.notes = NotesEditor(reader, self, runner=runner)
        self.notes.setObjectName("notesEditor")

        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        layout.addLayout(self._header)
        layout.addLayout(self._status_row)
        layout.addWidget(self._busy)
        layout.addWidget(self._stack, 1)
        layout.addWidget(rule)
        layout.addWidget(self.notes)

        thread = self.comment_thread
        thread.threadRead.connect(self._show_thread)
        thread.changed.connect(self._update_header)
        thread.articleGone.connect(lambda: self.notes.set_article(None))
        thread.commentsLoaded.connect(self.commentsLoaded)
        thread.fetchStarted.connect(self.fetchStarted)
        thread.fetchFinished.connect(self.fetchFinished)
        self.notes.countChanged.connect(lambda _count: self._update_content())

        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

        self.retranslate()

    def _build_header(self) -> None:
        self._title = plain_label(self)
        self._title.setObjectName("commentsTitle")
        title_font = QFont(self._title.font())
        title_font.setBold(True)
        self._title.setFont(title_font)

        self._order = QToolButton(self)
        self._order.setObjectName("commentsOrder")
        self._order.setCheckable(True)
        self._order.toggled.connect(self.set_newest_first)

        self._refresh = QToolButton(self)
        self._refresh.setObjectName("commentsRefresh")
        self._refresh.setAutoRaise(True)
        self._refresh.setIcon(icon(Icon.REFRESH))
        self._refresh.clicked.connect(self.refresh)

        self._collapse = QToolButton(self)
        self._collapse.setObjectName("commentsCollapse")
        self._collapse.setAutoRaise(True)
        self._collapse.clicked.connect(self.collapseRequested)

        self._header = QHBoxLayout()
        self._header.setContentsMargins(0, 0, 0, 0)
        self._header.addWidget(self._title, 1)
        self._header.addWidget(self._order)
        self._header.addWidget(self._refresh)
        self._header.addWidget(self._collapse)

        self._status = plain_label(self)  # may quote a server's error
        self._status.setObjectName("commentsStatus")
        self._status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._status.setWordWrap(True)  # a narrow dock gets two lines, never a cut one
        small = QFont(self._status.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.9))
        self._status.setFont(small)

        self._link = QLabel(self)
        self._link.setObjectName("commentsLink")
        self._link.setTextFormat(Qt.TextFormat.RichText)
        self._link.setOpenExternalLinks(False)
        self._link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self._link.setFont(small)
        self._link.linkActivated.connect(self._open_link)

        self._status_row = QHBoxLayout()
        self._status_row.setContentsMargins(0, 0, 0, 0)
        self._status_row.addWidget(self._status, 1)
        self._status_row.addWidget(self._link)

        self._busy = QProgressBar(self)
        self._busy.setObjectName("commentsBusy")
        self._busy.setRange(0, 0)  # no end known: the bar sweeps
        self._busy.setTextVisible(False)
        self._busy.setFixedHeight(4)
        policy = self._busy.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the thread does not jump when it goes
        self._busy.setSizePolicy(policy)
        self._busy.hide()

    def _build_thread(self) -> None:
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
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self._copy_action = QAction(self.view)
        self._copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self._copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self._copy_action.triggered.connect(self.copy_selected)
        self.view.addAction(self._copy_action)

        self._empty = QLabel(self)
        self._empty.setObjectName("commentsEmpty")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._empty.setContentsMargins(8, 16, 8, 8)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self._empty)
        self._stack.addWidget(self.view)

    # -- public API ---------------------------------------------------------------

    def article_id(self) -> int | None:
        return self.comment_thread.article_id()

    def count(self) -> int:
        """The number in the header: the thread's size, else the source's count."""
        return self._count

    def has_content(self) -> bool:
        """Whether there is anything to show: comments, a feed of them, or notes."""
        return self._has_content

    def is_fetching(self) -> bool:
        """Whether the comments feed of the article on display is being fetched."""
        return self.comment_thread.is_fetching()

    def newest_first(self) -> bool:
        return self.comment_thread.newest_first()

    def comments_status(self) -> CommentsStatus | None:
        """How the last fetch of this article's comments ended (``None``: not known yet)."""
        return self.comment_thread.status()

    def set_article(self, article_id: int | None) -> None:
        """Show the comments of *article_id* (``None``: no article selected)."""
        self.model.clear()
        self.notes.set_article(article_id)
        self.comment_thread.set_article(article_id)

    @Slot()
    def refresh(self) -> None:
        """Fetch the comments feed of the article on display now."""
        self.comment_thread.refresh()

    @Slot(bool)
    def set_newest_first(self, newest_first: bool) -> None:
        """Show the newest comments first (replies stay under what they answer)."""
        if newest_first == self.comment_thread.newest_first():
            return
        self.comment_thread.set_newest_first(newest_first)
        self._order.setChecked(newest_first)
        self._update_order_button()

    @Slot()
    def copy_selected(self) -> None:
        """Put the selected comment's text on the clipboard."""
        rows = self.view.selectionModel().selectedRows()
        if rows:
            QGuiApplication.clipboard().setText(self.model.text(rows[0].row()))

    def retranslate(self) -> None:
        ltr = self.layoutDirection() == Qt.LayoutDirection.LeftToRight
        self._collapse.setText("»" if ltr else "«")  # towards the window's trailing edge
        self._collapse.setToolTip(self.tr("Fold the comments panel"))
        self._collapse.setAccessibleName(self.tr("Fold the comments panel"))
        self._refresh.setToolTip(self.tr("Fetch the comments again"))
        self._refresh.setAccessibleName(self.tr("Refresh comments"))
        self.view.setAccessibleName(self.tr("Comments"))
        self._copy_action.setText(self.tr("&Copy Comment"))
        self._update_order_button()
        self._update_header()

    # -- showing the thread ----------------------------------------------------------

    @Slot(object, bool)
    def _show_thread(self, comments: Sequence[Comment], keep_position: bool) -> None:
        anchor = self._scroll_anchor() if keep_position else None
        self.model.set_comments(comments)
        self._stack.setCurrentWidget(self.view if self.model.total() else self._empty)
        if anchor is not None:
            self._restore_anchor(*anchor)
        else:
            self.view.scrollToTop()

    def _scroll_anchor(self) -> tuple[int, int] | None:
        """The comment at the top of the view and how far it is scrolled past.

        ``None`` when the reader has not scrolled: then the thread simply starts at
        its top again.
        """
        if self.view.verticalScrollBar().value() <= 0:
            return None
        index = self.view.indexAt(QPoint(self.view.viewport().width() // 2, 1))
        comment = self.model.comment(index.row()) if index.isValid() else None
        if comment is None:
            return None
        return comment.id, self.view.visualRect(index).top()

    def _restore_anchor(self, comment_id: int, offset: int) -> None:
        row = self.model.row_of(comment_id)
        if row < 0:
            return
        self.model.load_through(row)
        self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() - offset)

    # -- header -------------------------------------------------------------------

    @Slot()
    def _update_header(self) -> None:
        article = self.comment_thread.article()
        total = self.model.total()
        feed_count = article.comment_count if article is not None else None
        count = total if total > 0 else (feed_count or 0)
        if article is None or (total == 0 and feed_count is None):
            self._title.setText(self.tr("Comments"))
        else:
            self._title.setText(self.tr("Comments (%n)", "", count))

        fetching = self.comment_thread.is_fetching()
        has_feed = bool(article is not None and article.comments_feed_url)
        self._refresh.setVisible(has_feed)
        self._refresh.setEnabled(has_feed and not fetching)
        self._order.setVisible(total > 1)
        self._busy.setVisible(fetching)

        text, tip = self._freshness(article, total)
        self._status.setText(text)
        self._status.setToolTip(tooltip_text(tip))
        comments_url = _web_url(article.comments_url if article is not None else None)
        if comments_url:
            label = html.escape(self.tr("Comments page"))
            self._link.setText(f'<a href="{html.escape(comments_url)}">{label}</a>')
            self._link.setToolTip(tooltip_text(comments_url))
        else:
            self._link.clear()
        self._link.setVisible(bool(comments_url))
        self._status.setVisible(bool(text) or bool(comments_url))
        self._empty.setText(self._empty_text(article, total))
        if total == 0:
            self._stack.setCurrentWidget(self._empty)

        if article is None and self.comment_thread.article_id() is not None:
            return  # still reading: keep the old count rather than flash a zero
        if count != self._count:
            self._count = count
            self.countChanged.emit(count)
        self._update_content()

    def _update_content(self) -> None:
        article = self.comment_thread.article()
        has = (
            self._count > 0
            or self.notes.count() > 0
            or bool(article is not None and article.comments_feed_url)
        )
        if has != self._has_content:
            self._has_content = has
            self.contentChanged.emit(has)

    def _freshness(self, article: Article | None, saved: int) -> tuple[str, str]:
        """The status line and its tooltip: how fresh the thread on screen is."""
        if article is None or not article.comments_feed_url:
            return "", ""
        if self.comment_thread.is_fetching():
            return self.tr("Fetching comments…"), ""
        status = self.comment_thread.status()
        if status is None or status.status == "new":
            return self.tr("Never fetched"), self.tr("The comments have not been fetched yet.")
        if status.status == "error":
            error = status.error or "?"
            if looks_offline(status.error):
                text = (
                    self.tr("Offline — showing saved comments")
                    if saved
                    else self.tr("Offline — no saved comments")
                )
            else:
                text = (
                    self.tr("Could not fetch the comments — showing saved ones")
                    if saved
                    else self.tr("Could not fetch the comments")
                )
            reason = readable_error(error, article.comments_feed_url)
            tip = self.tr("Fetching the comments failed: %1").replace("%1", reason)
            if status.fetched is not None:
                tip += "\n" + self.tr("Tried %1").replace("%1", absolute_time(status.fetched))
            return text, tip
        if status.status in ("ok", "not_modified") and status.fetched is not None:
            text = self.tr("Fetched %1").replace("%1", relative_time(status.fetched))
            tip = self.tr("Last fetched %1").replace("%1", absolute_time(status.fetched))
            return text, tip
        return "", ""

    def _empty_text(self, article: Article | None, saved: int) -> str:
        """What stands in the place of an empty thread."""
        if article is None or saved > 0:
            return ""
        status = self.comment_thread.status()
        if article.comments_feed_url:
            if self.comment_thread.is_fetching():
                return self.tr("Looking for comments…")
            if status is not None and status.status in ("ok", "not_modified"):
                return self.tr("No comments yet.")
        if article.comment_count is None:
            return ""  # most sources never say: nothing worth a sentence
        if article.comment_count == 0:
            return self.tr("No comments")
        return self.tr("%n comment(s) on the source's website", "", article.comment_count)

    def _update_order_button(self) -> None:
        self._order.setText(self.tr("Newest first"))
        self._order.setToolTip(
            self.tr("Showing the newest comments first; click for the oldest first")
            if self.comment_thread.newest_first()
            else self.tr("Showing the oldest comments first; click for the newest first")
        )

    @Slot()
    def _tick(self) -> None:
        """Keep "Fetched 5 minutes ago" and the comments' own times true."""
        if self.isVisible():
            text, tip = self._freshness(self.comment_thread.article(), self.model.total())
            self._status.setText(text)
            self._status.setToolTip(tooltip_text(tip))
            self.view.viewport().update()

    # -- links ----------------------------------------------------------------------

    @Slot(str)
    def _open_link(self, href: str) -> None:
        target = openable_url(href, self._reader.demo_copy)
        if target is not None:
            QDesktopServices.openUrl(target)

    @Slot(QPoint)
    def _show_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.view.indexAt(pos)
        comment = self.model.comment(index.row()) if index.isValid() else None
        if comment is None:
            return
        self.view.setCurrentIndex(index)
        menu = QMenu(self.view)
        menu.addAction(self._copy_action)
        page = _web_url(comment.link)
        if page:
            menu.addAction(self.tr("Open Comment on the Website"), partial(self._open_link, page))
        links = self.model.links(index.row())[:MAX_MENU_LINKS]
        if links:
            menu.addSeparator()
        for link in links:
            label = self.tr("Open Link: %1").replace("%1", short_address(link))
            menu.addAction(label, partial(self._open_link, link))
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LayoutDirectionChange):
            self.retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self.delegate.forget_sizes()
        super().changeEvent(event)


def _web_url(url: str | None) -> str | None:
    """*url* if it is an http(s) address, else ``None`` (nothing else is opened)."""
    if not url:
        return None
    parsed = QUrl(url.strip())
    return url.strip() if parsed.isValid() and parsed.scheme().lower() in WEB_SCHEMES else None
