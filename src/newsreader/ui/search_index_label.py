"""The search index's rebuild, fed a batch at a time off the GUI thread, and said so.

After an upgrade that prepares search documents differently, the database empties
its search index when it is opened and rebuilds it newest articles first
(:meth:`Reader.continue_search_index`).  While the window is open this part feeds the
rebuild one short transaction at a time on the task runner's serial queue (so the
user's marks and a refresh's writes get their turn between batches), and a label in
the status bar says how many articles are left: until it goes, a search finds the
newest news and not yet the oldest.  Nothing is shown when the index is whole.  A
step that fails (the database busy too long, a shared cache's server gone) is tried
again half a minute later.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from newsreader.reader import Reader
from newsreader.ui.tasks import TaskRunner

#: Articles indexed per background step: a step holds the database's write lock
#: for a tenth of a second or so.
STEP_ARTICLES = 200
#: Steps between two recounts of what is left.
STEPS_PER_COUNT = 10
#: After a step failed (the database busy or gone), the wait before trying again.
RETRY_MS = 30_000
#: Pixels on either side of the label's text.
LABEL_MARGIN = 12


class SearchIndexLabel(QLabel):
    """The status bar's word on a search index being rebuilt; hidden otherwise."""

    def __init__(self, reader: Reader, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchIndexLabel")
        self.setContentsMargins(LABEL_MARGIN, 0, LABEL_MARGIN, 0)  # apart from its neighbours
        self._reader = reader
        self._tasks = tasks
        self._remaining = 0
        self._steps = 0
        self._stopped = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.start)
        self.hide()

    def start(self) -> None:
        """Look (off the GUI thread) whether the index is being rebuilt; feed it if so."""
        self._tasks.run_task(self._reader.search_index_remaining, self._counted, self._failed)

    def stop(self) -> None:
        """No further steps (the window is closing); one under way ends by itself."""
        self._stopped = True
        self._retry.stop()

    @property
    def remaining(self) -> int:
        """Articles the rebuild had yet to reach when last counted (0: none or done)."""
        return self._remaining

    def _counted(self, remaining: object) -> None:
        self._remaining = int(remaining)  # type: ignore[call-overload]
        if not self._remaining:
            self.hide()
            return
        self.retranslate()
        self.show()
        self._step()

    def _step(self) -> None:
        if self._stopped:
            return
        self._tasks.run_serial(
            lambda: self._reader.continue_search_index(STEP_ARTICLES), self._stepped, self._failed
        )

    def _stepped(self, more: object) -> None:
        if not more:
            self._remaining = 0
            self.hide()
            return
        self._steps += 1
        self._remaining = max(1, self._remaining - STEP_ARTICLES)
        self.retranslate()
        if self._steps % STEPS_PER_COUNT == 0:  # counted again now and then, not every step
            self.start()
        else:
            self._step()

    def _failed(self, _error: BaseException) -> None:
        # the database was busy too long (a long write elsewhere) or went away: try
        # again later; meanwhile searches find what the index holds
        self.hide()
        if not self._stopped:
            self._retry.start()

    def retranslate(self) -> None:
        self.setText(
            QCoreApplication.translate(
                "MainWindow", "Rebuilding the search index: %n articles left", "", self._remaining
            )
        )
        self.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "The search index is being made again for this version; until it is done, "
                "a search finds the newest articles but not yet the oldest",
            )
        )
