"""Keeping the sidebar current: its counts, its stories, its first count at start-up, feed icons.

Counting grows with the cache, so the sidebar is re-read on the task runner and the
snapshot merged here (selection and expansion are kept).  One re-read runs at a
time; events that ask for one meanwhile (marks, a refresh storing feed after feed)
are gathered into a single re-read that follows, longer apart while a refresh runs.
The first count finishes restoring the last session (collapsed folders, the view
that was shown) and says whether the profile has subscriptions; a re-read asked
for after the subscriptions changed says when it is in, so the view to show next
is chosen from the new sidebar.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTreeView

from newsreader.reader import Reader
from newsreader.ui.frame_throttle import FrameQueue
from newsreader.ui.models.sidebar import (
    NodeKind,
    SidebarEntry,
    SidebarModel,
    build_snapshot,
    interface_language,
    story_id_of_key,
)
from newsreader.ui.sidebar_part import SidebarPart
from newsreader.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

#: Waits that gather bursts of events into one re-read (longer while a refresh runs).
COUNTS_DELAY_MS = 250
COUNTS_DELAY_REFRESHING_MS = 3000

#: Stands for the first count among the re-reads waited for.
_FIRST_COUNT = object()


class SidebarUpdates(SidebarPart):
    """Re-reads the sidebar in the background and stores feed icons.

    Signals:
        countsUpdated(): a re-read snapshot was merged into the sidebar.
        firstCounted(bool): the first count is in (or failed); True when the
            profile has subscriptions.
        recounted(object): the re-read asked for with :meth:`recount` and this
            tag is in (or failed).
        iconsUpdated(): feed icons were stored and the sidebar repainted with them.
        taskFailed(object): re-reading failed with this exception.
    """

    countsUpdated = Signal()
    firstCounted = Signal(bool)
    recounted = Signal(object)
    iconsUpdated = Signal()
    taskFailed = Signal(object)

    def __init__(
        self,
        reader: Reader,
        tasks: TaskRunner,
        sidebar_model: SidebarModel,
        sidebar_view: QTreeView,
        parent: QObject | None = None,
        *,
        frames: FrameQueue | None = None,
    ) -> None:
        """``frames``: while a refresh runs, new counts are merged in their own frame
        (not in the one that repaints the list's new rows)."""
        super().__init__(reader, tasks, sidebar_model, sidebar_view, parent)
        self._refreshing = False
        self._frames = frames
        # one re-read at a time; tags wait for a fresh one
        self._running = False
        self._again = False
        self._waiting: list[object] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNTS_DELAY_MS)
        self._timer.timeout.connect(self.update_counts)

    def load(self) -> None:
        """Read the first counts; ``firstCounted`` says when they are in."""
        self._read(_FIRST_COUNT)

    def set_refreshing(self, refreshing: bool) -> None:
        """Whether a refresh runs (counts are then re-read less often)."""
        self._refreshing = refreshing

    def schedule_counts(self) -> None:
        """Re-read the sidebar's counts shortly; what happens meanwhile is read once.

        The wait is not restarted by later events, so a long burst (a refresh storing
        feed after feed) still updates the counts regularly.
        """
        if not self._timer.isActive():
            delay = COUNTS_DELAY_REFRESHING_MS if self._refreshing else COUNTS_DELAY_MS
            self._timer.start(delay)

    def update_counts_now(self) -> None:
        """Re-read the counts at once instead of when the scheduled wait ends."""
        self._timer.stop()
        self.update_counts()

    def update_counts(self) -> None:
        """Re-read the sidebar in the background and merge it (keeps selection and expansion)."""
        self._read(None)

    def recount(self, tag: object) -> None:
        """Re-read the sidebar; ``recounted(tag)`` once a snapshot read after this call is in."""
        self._read(tag)

    def _read(self, tag: object | None) -> None:
        """One re-read at a time; asked again meanwhile, one more follows it.

        ``tag`` is answered once a snapshot read after this call was merged (or
        its reading failed).
        """
        if tag is not None:
            self._waiting.append(tag)
        if self._running:
            self._again = True
            return
        self._running = True
        tags, self._waiting = self._waiting, []
        reader = self._reader

        def finish() -> None:
            self._running = False
            for waiting in tags:
                if waiting is _FIRST_COUNT:
                    self.firstCounted.emit(self._model.has_subscriptions())
                else:
                    self.recounted.emit(waiting)
            if self._again:
                self._again = False
                self.update_counts()

        def merge(snapshot: tuple[SidebarEntry, ...]) -> None:
            had = set(self._model.all_keys())
            self._model.apply_snapshot(snapshot)
            self._expand_new(had)
            self.countsUpdated.emit()
            finish()

        def apply(snapshot: tuple[SidebarEntry, ...]) -> None:
            if self._refreshing and self._frames is not None:
                self._frames.call(lambda: merge(snapshot))
            else:
                merge(snapshot)

        def failed(error: BaseException) -> None:
            self.taskFailed.emit(error)
            finish()

        language = interface_language()  # read here: the locale is the GUI thread's
        # the story on show stays listed, even read to the end
        keep = story_id_of_key(self._model.key_at(self._view.currentIndex()))
        self._tasks.run_task(
            lambda: build_snapshot(reader, language=language, keep_story=keep), apply, failed
        )

    def _expand_new(self, had: set[str]) -> None:
        model = self._model
        for key in model.all_keys():
            if key in had:
                continue
            index = model.index_for_key(key)
            entry = model.entry_at(index)
            if entry is not None and entry.kind in (NodeKind.SECTION, NodeKind.FOLDER):
                self._view.expand(index)

    # -- feed icons ----------------------------------------------------------------------

    def on_icons_stored(self) -> None:
        """Feed icons were stored: repaint the sidebar with them."""
        self._model.icons_changed()
        self._view.viewport().update()  # icons are looked up as rows are painted
        self.iconsUpdated.emit()

    def cache_icons(self, feed_ids: Sequence[int] | None = None) -> None:
        """Store the icons of ``feed_ids`` (default: every feed) in the background."""
        reader = self._reader
        if reader.paths is None:
            return

        def work() -> int:
            return reader.cache_feed_icons(feed_ids)

        self._tasks.run_task(
            work,
            lambda stored: self.on_icons_stored() if stored else None,
            lambda error: log.warning("storing feed icons failed: %s", error),
        )

    def stop(self) -> None:
        """Stop the counts' timer (the window is shutting down)."""
        self._timer.stop()
