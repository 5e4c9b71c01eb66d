"""Keeping the sidebar current: its counts, its first count at start-up, feed icons.

Counting grows with the cache, so the sidebar is re-read on the task runner and the
snapshot merged here (selection and expansion are kept).  One re-read runs at a
time; events that ask for one meanwhile (marks, a refresh storing feed after feed)
are gathered into a single re-read that follows, longer apart while a refresh runs.
The first count finishes restoring the last session (collapsed folders, the view
that was shown) and says whether the profile has subscriptions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from newsreader.ui.models.sidebar import NodeKind, SidebarEntry, build_snapshot

if TYPE_CHECKING:
    from newsreader.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Waits that gather bursts of events into one re-read (longer while a refresh runs).
COUNTS_DELAY_MS = 250
COUNTS_DELAY_REFRESHING_MS = 3000


class SidebarUpdates(QObject):
    """Re-reads the main window's sidebar in the background and stores feed icons."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        # one re-read at a time; callbacks wait for a fresh one
        self._running = False
        self._again = False
        self._waiting: list[Callable[[], None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNTS_DELAY_MS)
        self._timer.timeout.connect(self.update_counts)

    def load(self) -> None:
        """Read the first counts; the last session's folders and view are settled then."""
        self.update_counts(then=self._on_first_counts)

    def schedule_counts(self) -> None:
        """Re-read the sidebar's counts shortly; what happens meanwhile is read once.

        The wait is not restarted by later events, so a long burst (a refresh storing
        feed after feed) still updates the counts regularly.
        """
        if not self._timer.isActive():
            refreshing = self._window.refresh_service.is_running
            delay = COUNTS_DELAY_REFRESHING_MS if refreshing else COUNTS_DELAY_MS
            self._timer.start(delay)

    def update_counts_now(self) -> None:
        """Re-read the counts at once instead of when the scheduled wait ends."""
        self._timer.stop()
        self.update_counts()

    def update_counts(self, then: Callable[[], None] | None = None) -> None:
        """Re-read the sidebar in the background and merge it (keeps selection and expansion).

        One re-read runs at a time; asked again meanwhile, one more follows it.
        ``then`` runs here once a snapshot read after this call was merged.
        """
        if then is not None:
            self._waiting.append(then)
        if self._running:
            self._again = True
            return
        self._running = True
        callbacks, self._waiting = self._waiting, []
        w = self._window
        reader = w.reader

        def finish() -> None:
            self._running = False
            for callback in callbacks:
                callback()
            if self._again:
                self._again = False
                self.update_counts()

        def apply(snapshot: tuple[SidebarEntry, ...]) -> None:
            had = set(w.sidebar_model.all_keys())
            w.sidebar_model.apply_snapshot(snapshot)
            self._expand_new(had)
            w.views.update_view_title()
            w.views.update_view_counts()
            w.countsUpdated.emit()
            finish()

        def failed(error: BaseException) -> None:
            w.show_task_error(error)
            finish()

        w.tasks.run_task(lambda: build_snapshot(reader), apply, failed)

    def _on_first_counts(self) -> None:
        """The sidebar has all its nodes now: finish restoring the last session."""
        w = self._window
        w.window_layout.collapse_pending()
        w.views.settle_pending_view()
        w.sidebarLoaded.emit(w.sidebar_model.has_subscriptions())

    def _expand_new(self, had: set[str]) -> None:
        model = self._window.sidebar_model
        for key in model.all_keys():
            if key in had:
                continue
            index = model.index_for_key(key)
            entry = model.entry_at(index)
            if entry is not None and entry.kind in (NodeKind.SECTION, NodeKind.FOLDER):
                self._window.sidebar_view.expand(index)

    # -- feed icons ----------------------------------------------------------------------

    def on_icons_stored(self) -> None:
        """Feed icons were stored: repaint the sidebar with them."""
        w = self._window
        w.sidebar_model.icons_changed()
        w.sidebar_view.viewport().update()  # icons are looked up as rows are painted
        w.iconsUpdated.emit()

    def cache_icons(self, feed_ids: Sequence[int] | None = None) -> None:
        """Store the icons of ``feed_ids`` (default: every feed) in the background."""
        reader = self._window.reader
        if reader.paths is None:
            return

        def work() -> int:
            return reader.cache_feed_icons(feed_ids)

        self._window.tasks.run_task(
            work,
            lambda stored: self.on_icons_stored() if stored else None,
            lambda error: log.warning("storing feed icons failed: %s", error),
        )

    def stop(self) -> None:
        """Stop the counts' timer (the window is shutting down)."""
        self._timer.stop()
