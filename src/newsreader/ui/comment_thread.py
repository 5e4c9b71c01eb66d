"""The comment thread of the article on display: read from the profile, fetched from its feed.

Opening an article reads the thread already stored at once, then fetches the
article's comments feed (after a short pause, so skimming through the list with
the keyboard does not fire a request per headline) and reads the thread again
when new comments landed.  Both happen on worker threads through the
:class:`~newsreader.reader.Reader` (a popular article can carry thousands of
comments and a comment server can be slow or gone); answers that arrive after
another article was chosen are dropped, and of several reads of the same thread
only the latest is shown.  What the thread looks like is the
:class:`~newsreader.ui.comments_panel.CommentsPanel`'s business.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from newsreader.core.errors import NewsreaderError
from newsreader.core.types import Article, Comment, CommentsStatus
from newsreader.reader import Reader
from newsreader.ui.tasks import TaskRunner, run_task, weak_callback

log = logging.getLogger(__name__)

# The comments feed is fetched this long after an article is shown.
FETCH_DELAY_MS = 300


@dataclass(frozen=True, slots=True)
class _Opened:
    """What is read, off the GUI thread, when an article is shown."""

    article: Article
    comments: list[Comment]
    status: CommentsStatus


def _read_article(reader: Reader, article_id: int, newest_first: bool) -> _Opened:
    """Runs on a worker thread: the article, its saved thread and how fresh it is."""
    article = reader.get_article(article_id)
    comments = reader.list_comments(article_id, newest_first=newest_first)
    return _Opened(article, comments, reader.comments_status(article_id))


class CommentThread(QObject):
    """Reads and fetches the comments of one article at a time.

    Signals:
        threadRead(object, bool): the comments to show (a sequence of ``Comment``),
            and whether the reader's place in the thread should be kept.
        changed(): the article, the thread's freshness or the fetching changed.
        articleGone(): the article was deleted meanwhile: it is as if none were shown.
        commentsLoaded(int): the thread of this article id was read and shown.
        fetchStarted(int): the comments feed of this article id is being fetched.
        fetchFinished(int): that fetch ended (well or not) and its outcome is shown.
    """

    threadRead = Signal(object, bool)
    changed = Signal()
    articleGone = Signal()
    commentsLoaded = Signal(int)
    fetchStarted = Signal(int)
    fetchFinished = Signal(int)

    def __init__(
        self,
        reader: Reader,
        parent: QObject | None = None,
        *,
        runner: TaskRunner | None = None,
        fetch_delay_ms: int = FETCH_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        # Without a runner of its own, the thread uses the application's shared one,
        # which outlives any widget: a fetch still under way when the panel goes
        # away then reports to nobody instead of to a deleted object.
        self._run_task = runner.run_task if runner is not None else run_task
        self._article_id: int | None = None
        self._article: Article | None = None
        self._status: CommentsStatus | None = None
        self._fetching = False
        self._newest_first = False
        # Bumped when another article is shown: older answers are dropped.
        self._generation = 0
        # Bumped per read of the thread: only the latest read is shown.
        self._load_serial = 0
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(max(0, fetch_delay_ms))
        self._fetch_timer.timeout.connect(self.refresh)

    # -- what is known ------------------------------------------------------------

    def article_id(self) -> int | None:
        return self._article_id

    def article(self) -> Article | None:
        """The article on display, once it was read (``None`` until then)."""
        return self._article

    def status(self) -> CommentsStatus | None:
        """How the last fetch of this article's comments ended (``None``: not known yet)."""
        return self._status

    def is_fetching(self) -> bool:
        """Whether the comments feed of the article on display is being fetched."""
        return self._fetching

    def newest_first(self) -> bool:
        return self._newest_first

    # -- what the panel asks for ------------------------------------------------------

    def set_article(self, article_id: int | None) -> None:
        """Read the thread of *article_id* (``None``: no article selected)."""
        self._generation += 1
        self._load_serial += 1
        self._article_id = article_id
        self._article = None
        self._status = None
        self._fetching = False
        self._fetch_timer.stop()
        self.changed.emit()
        if article_id is None:
            return
        generation, serial = self._generation, self._load_serial
        self._background(
            partial(_read_article, self._reader, article_id, self._newest_first),
            self._on_opened,
            self._on_open_failed,
            generation,
            serial,
        )

    @Slot()
    def refresh(self) -> None:
        """Fetch the comments feed of the article on display now."""
        self._fetch_timer.stop()
        article = self._article
        if article is None or not article.comments_feed_url or self._fetching:
            return
        self._fetching = True
        generation = self._generation
        self._background(
            partial(self._reader.refresh_comments, article.id),
            self._on_fetched,
            self._on_fetch_failed,
            generation,
            article.id,
        )
        self.changed.emit()
        self.fetchStarted.emit(article.id)

    def set_newest_first(self, newest_first: bool) -> None:
        """Read the thread newest first (replies stay under what they answer)."""
        if newest_first == self._newest_first:
            return
        self._newest_first = newest_first
        if self._article_id is not None:  # also when the first read is still under way
            self._reload(keep_position=False)

    # -- reading the thread ---------------------------------------------------------

    def _background(
        self,
        func: Callable[[], Any],
        on_done: Callable[..., None],
        on_error: Callable[..., None],
        *args: Any,
    ) -> None:
        """Run *func* on a worker thread, then ``on_done(*args, result)`` on this one.

        ``on_error(*args, error)`` instead when it raised.  Neither is called once
        this object is gone.
        """
        self._run_task(func, weak_callback(on_done, *args), weak_callback(on_error, *args))

    def _on_opened(self, generation: int, serial: int, opened: _Opened) -> None:
        if generation != self._generation:
            return  # the reader moved on to another article meanwhile
        self._article = opened.article
        if self._status is None:
            self._status = opened.status
        if serial == self._load_serial:
            self.threadRead.emit(opened.comments, False)
        if opened.article.comments_feed_url:
            self._fetch_timer.start()
        self.changed.emit()
        if serial == self._load_serial:
            self.commentsLoaded.emit(opened.article.id)

    def _on_open_failed(self, generation: int, _serial: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(error, NewsreaderError):  # deleted meanwhile: like no article
            log.info("no comments for article %s: %s", self._article_id, error)
            self._article_id = None
            self.articleGone.emit()
        else:
            log.error("could not read the comments", exc_info=error)
        self.changed.emit()

    def _reload(self, *, keep_position: bool, after_fetch: bool = False) -> None:
        """Read the thread again (after a fetch, or in the other order).

        With *after_fetch*, the fetch counts as finished once the thread is shown.
        """
        article_id = self._article_id
        if article_id is None:
            return
        self._load_serial += 1
        self._background(
            partial(self._reader.list_comments, article_id, newest_first=self._newest_first),
            self._on_thread,
            self._on_thread_failed,
            self._generation,
            self._load_serial,
            article_id,
            keep_position,
            after_fetch,
        )

    def _on_thread(
        self,
        generation: int,
        serial: int,
        article_id: int,
        keep_position: bool,
        after_fetch: bool,
        comments: Sequence[Comment],
    ) -> None:
        if generation != self._generation:
            return
        if serial == self._load_serial:
            self.threadRead.emit(comments, keep_position)
            self.changed.emit()
            self.commentsLoaded.emit(article_id)
        if after_fetch:
            self._fetch_done(article_id)

    def _on_thread_failed(
        self,
        generation: int,
        _serial: int,
        article_id: int,
        _keep_position: bool,
        after_fetch: bool,
        error: BaseException,
    ) -> None:
        if generation != self._generation:
            return
        log.warning("could not read the comments: %s", error)
        if after_fetch:
            self._fetch_done(article_id)

    # -- fetching ---------------------------------------------------------------------

    def _on_fetched(self, generation: int, article_id: int, status: CommentsStatus) -> None:
        if generation != self._generation:
            return  # a fetch for an article the reader already left
        self._status = status
        if status.new or status.updated:
            self._reload(keep_position=True, after_fetch=True)
        else:
            self._fetch_done(article_id)

    def _on_fetch_failed(self, generation: int, article_id: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        log.warning("fetching the comments of article %s failed: %s", article_id, error)
        self._status = CommentsStatus("error", error=str(error) or type(error).__name__)
        self._fetch_done(article_id)

    def _fetch_done(self, article_id: int) -> None:
        self._fetching = False
        self.changed.emit()
        self.fetchFinished.emit(article_id)
