"""The status bar's refresh corner: progress, a cancel button and an offline sign.

Per-feed failures are not reported here one by one (they become sidebar badges);
this widget says how far a refresh is, what it brought, and whether the computer
seems to be offline (every feed that was fetched failed to connect).  Once the news
is in, it shows the pictures coming in after it (with the stop button), and then
whether that work ran out of time or was stopped, and which hosts it could not
reach (in the tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from newsreader.core.types import (
    FeedResult,
    FeedStatus,
    FollowUp,
    FollowUpEnd,
    FollowUpProgress,
    FollowUpReport,
    RefreshSummary,
)
from newsreader.ui.error_text import readable_error
from newsreader.ui.frame_throttle import FrameThrottle
from newsreader.ui.icons import Icon, icon

#: Hosts named in the tooltip after the work after the news; the rest are counted.
_HOSTS_NAMED = 8

#: Words in a fetch error that mean the network itself failed, not the feed.
_CONNECTION_WORDS = (
    "connect",
    "connection",
    "host not found",
    "timed out",
    "network",
    "unreachable",
    "name resolution",
)


def is_connection_error(result: FeedResult) -> bool:
    """Whether a feed failed because no connection could be made."""
    if result.status != FeedStatus.ERROR or not result.error:
        return False
    error = result.error.lower()
    if error.startswith("http "):
        return False
    return any(word in error for word in _CONNECTION_WORDS)


def looks_offline(summary: RefreshSummary) -> bool:
    """Every feed fetched over the network failed to connect."""
    fetched = [r for r in summary.feeds if not r.url.startswith("https://demo.newsreader.invalid/")]
    return bool(fetched) and all(is_connection_error(r) for r in fetched)


class RefreshStatus(QWidget):
    """Shows a refresh's progress in the status bar.

    Signals:
        cancelRequested(): the user pressed the stop button.
    """

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._offline = QLabel(self)
        self._offline.setPixmap(icon(Icon.OFFLINE).pixmap(QSize(16, 16)))
        self._offline_text = QLabel(self)
        self._label = QLabel(self)
        self._bar = QProgressBar(self)
        self._bar.setMaximumWidth(140)
        self._bar.setMaximumHeight(14)
        self._bar.setTextVisible(False)
        self._cancel = QToolButton(self)
        self._cancel.setAutoRaise(True)
        self._cancel.setIcon(icon(Icon.CANCEL))
        self._cancel.clicked.connect(self.cancelRequested)
        for widget in (self._offline, self._offline_text, self._label, self._bar, self._cancel):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        self._new = 0
        self._running = False
        self._result = ""
        # progress is shown at most once a frame (its latest state): a refresh
        # reports many feeds, and the pictures after them, within one frame
        self._frames = FrameThrottle(self)
        self.set_offline(False)
        self._set_running(False)
        self.retranslate()

    # -- what the window reports ------------------------------------------------------

    def started(self) -> None:
        self._frames.cancel()  # what follows is newer than any progress waiting
        self._new = 0
        self._result = ""
        self._label.setToolTip("")
        self._bar.setRange(0, 0)  # busy until the first feed says how many there are
        self._label.setText(self.tr("Checking for new articles…"))
        self._set_running(True)

    def progress(self, result: FeedResult, done: int, total: int) -> None:
        self._new += result.new
        self._frames.call(lambda: self._show_progress(done, total))

    def _show_progress(self, done: int, total: int) -> None:
        self._bar.setRange(0, max(total, 1))
        self._bar.setValue(done)
        self._label.setText(
            self.tr("Updating feeds: %1 of %2").replace("%1", str(done)).replace("%2", str(total))
            + (" · " + self.tr("%n new", "", self._new) if self._new else "")
        )

    def finished(self, summary: RefreshSummary) -> None:
        self._frames.cancel()
        self._set_running(False)
        self.set_offline(looks_offline(summary))
        if not summary.feeds:
            self._result = self.tr("Everything is up to date")
        else:
            self._result = self.tr("%n new articles", "", summary.new)
            if summary.failed:
                self._result += " · " + self.tr("%n feeds failed", "", summary.failed)
        self._label.setText(self._result)

    def follow_up_progress(self, progress: FollowUpProgress) -> None:
        """The work after the news goes on: pictures so far, with the stop button."""
        if progress.step is not FollowUp.IMAGES or not progress.total:
            return
        self._frames.call(lambda: self._show_follow_up(progress))

    def _show_follow_up(self, progress: FollowUpProgress) -> None:
        self._set_running(True)
        self._bar.setRange(0, progress.total)
        self._bar.setValue(progress.done)
        text = (
            self.tr("Pictures: %1 of %2")
            .replace("%1", str(progress.done))
            .replace("%2", str(progress.total))
        )
        if progress.skipped_hosts:
            text += " · " + self.tr("%n sites unreachable", "", progress.skipped_hosts)
        self._label.setText(" · ".join(part for part in (self._result, text) if part))

    def follow_up_ended(self, report: FollowUpReport) -> None:
        """The work after the news is over: say if pictures were left, and why."""
        self._frames.cancel()
        self._set_running(False)
        notes = [self._result] if self._result else []
        if report.ended is FollowUpEnd.OUT_OF_TIME and report.left:
            notes.append(self.tr("%n pictures left for the next refresh", "", report.left))
        elif report.ended is FollowUpEnd.CANCELLED and report.left:
            notes.append(self.tr("Pictures stopped"))
        hosts = report.skipped_hosts
        if hosts:
            notes.append(self.tr("%n sites unreachable", "", len(hosts)))
            lines = [f"{h.host}: {readable_error(h.reason)} ({h.skipped})" for h in hosts]
            if len(lines) > _HOSTS_NAMED:
                more = len(lines) - _HOSTS_NAMED
                lines[_HOSTS_NAMED:] = [self.tr("and %n more", "", more)]
            self._label.setToolTip(
                self.tr("Pictures from these sites will be tried again next time:")
                + "\n"
                + "\n".join(lines)
            )
        self._label.setText(" · ".join(notes))

    def failed(self, message: str) -> None:
        self._frames.cancel()
        self._set_running(False)
        self._label.setText(self.tr("Refresh failed: %1").replace("%1", readable_error(message)))

    def show_text(self, text: str) -> None:
        self._frames.cancel()
        self._label.setText(text)

    # -- state ----------------------------------------------------------------------------

    @property
    def is_offline(self) -> bool:
        return not self._offline.isHidden()

    def text(self) -> str:
        """What the corner says now (progress waiting for the frame's end included)."""
        self._frames.flush()
        return self._label.text()

    def set_offline(self, offline: bool) -> None:
        self._offline.setVisible(offline)
        self._offline_text.setVisible(offline)

    def retranslate(self) -> None:
        self._offline_text.setText(self.tr("Offline"))
        tip = self.tr("No feed could be reached: the computer seems to be offline.")
        self._offline.setToolTip(tip)
        self._offline_text.setToolTip(tip)
        self._cancel.setToolTip(self.tr("Stop refreshing"))

    def _set_running(self, running: bool) -> None:
        self._running = running
        self._bar.setVisible(running)
        self._cancel.setVisible(running)
