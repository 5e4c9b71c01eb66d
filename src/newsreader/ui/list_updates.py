"""Keeping the article list current: reading more rows, merging new ones, ageing.

The list is read a page at a time, and only while its loaded rows are about to run
out on screen.  New articles (a refresh landing) are merged at its head: the head
is re-read on the task runner, one re-read at a time, and the rows the user looks
at stay where they are.  Every minute the relative times are repainted and the
"Live" view drops rows that aged out of its horizon.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from newsreader.core.types import ArticleSummary
from newsreader.reader import Reader
from newsreader.ui.frame_throttle import FrameQueue
from newsreader.ui.models.article_list import ArticleListModel, Column
from newsreader.ui.tasks import TaskRunner

#: Waits that gather bursts of new articles into one merge (longer while a refresh runs).
MERGE_DELAY_MS = 800
MERGE_DELAY_REFRESHING_MS = 1000
#: The time column is repainted this often so "5 minutes ago" stays true.
CLOCK_MS = 60_000


class ListUpdates(QObject):
    """Reads and merges rows of the article list as the cache changes.

    Signals:
        merged(): new rows were merged into the list.
        expired(): rows that aged out of the Live view's horizon were dropped.
        taskFailed(object): re-reading the list's head failed with this exception.
    """

    merged = Signal()
    expired = Signal()
    taskFailed = Signal(object)

    def __init__(
        self,
        reader: Reader,
        tasks: TaskRunner,
        article_model: ArticleListModel,
        article_view: QTreeView,
        parent: QObject | None = None,
        *,
        frames: FrameQueue | None = None,
    ) -> None:
        """``frames``: while a refresh runs, new rows are merged in their own frame
        (not in the one that repaints the sidebar's new counts)."""
        super().__init__(parent)
        self._reader = reader
        self._frames = frames
        self._tasks = tasks
        self._model = article_model
        self._view = article_view
        self._refreshing = False
        # the list's head: one re-read at a time
        self._running = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(MERGE_DELAY_MS)
        self._timer.timeout.connect(self.merge_new_articles)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_MS)
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()

    def rows_run_out(self) -> bool:
        """The list's fetch gate: are the loaded rows about to run out on screen?

        Views ask for more rows whenever their layout is redone (on show, after a
        merge); reading a page each time would grow the list and slow every later
        merge.  Rows are read while the last loaded one is within two screens of the
        top row shown.
        """
        view = self._view
        rows = self._model.rowCount()
        if rows == 0:
            return True
        row_height = max(1, view.sizeHintForRow(0))
        screen = view.viewport().height() // row_height + 1
        bar = view.verticalScrollBar()
        if view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem:
            top = bar.value()
        else:
            top = bar.value() // row_height
        return top + 2 * screen >= rows

    def set_refreshing(self, refreshing: bool) -> None:
        """Whether a refresh runs (merges then wait a little longer)."""
        self._refreshing = refreshing

    def schedule_merge(self) -> None:
        """Merge new rows into the list shortly (not restarted by later events)."""
        if not self._timer.isActive():
            delay = MERGE_DELAY_REFRESHING_MS if self._refreshing else MERGE_DELAY_MS
            self._timer.start(delay)

    def merge_now(self) -> None:
        """Merge new rows at once instead of when the scheduled wait ends."""
        self._timer.stop()
        self.merge_new_articles()

    def merge_new_articles(self) -> None:
        """Re-read the head of the list in the background and merge new rows in.

        One re-read runs at a time; asked again meanwhile, one more follows it.
        """
        if self._running:
            self._again = True
            return
        self._running = True
        query, limit, generation = self._model.head_request()
        reader = self._reader

        def finish() -> None:
            self._running = False
            if self._again:
                self._again = False
                self.merge_new_articles()

        def merge(rows: list[ArticleSummary]) -> None:
            self._apply_merge(rows, generation, limit)
            finish()

        def apply(rows: list[ArticleSummary]) -> None:
            if self._refreshing and self._frames is not None:
                self._frames.call(lambda: merge(rows))
            else:
                merge(rows)

        def failed(error: BaseException) -> None:
            self.taskFailed.emit(error)
            finish()

        self._tasks.run_task(lambda: reader.list_articles(query, limit=limit), apply, failed)

    def _apply_merge(self, rows: list[ArticleSummary], generation: int, limit: int) -> None:
        model = self._model
        view = self._view
        bar = view.verticalScrollBar()
        at_top = bar.value() == bar.minimum()
        anchor_index = view.indexAt(QPoint(4, 4))
        anchor = model.article_at(anchor_index.row()) if anchor_index.isValid() else None
        if not model.merge(rows, generation, limit):
            return
        if at_top:  # the user is watching the newest: show what came in
            bar.setValue(bar.minimum())
        elif anchor is not None:
            row = model.row_of(anchor.id)
            if row is not None:
                view.scrollTo(
                    model.index(row, Column.TITLE),
                    QAbstractItemView.ScrollHint.PositionAtTop,
                )
        self.merged.emit()

    def _on_clock(self) -> None:
        """Every minute: relative times age, and so do the Live view's rows."""
        model = self._model
        model.refresh_times()
        if model.expire():
            self.expired.emit()

    def stop(self) -> None:
        """Stop the merge's and the clock's timers (the window is shutting down)."""
        self._timer.stop()
        self._clock.stop()
