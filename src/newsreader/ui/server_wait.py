"""Waiting at start for a shared cache whose server cannot be reached.

When the window is started on a shared cache and its server does not answer (not
running yet, the network down, a password it refuses), the app does not give up at
once: this dialog names the server and the reason, tries again after 1, 2, 4, 8 and
15 seconds and then every 30, and the window opens as soon as the server answers.
"Try Now" tries at once; "Quit" gives up.  Each try runs on a thread of its own, so
the dialog never waits on the network.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from newsreader.core.errors import StorageUnavailableError
from newsreader.reader import Reader

#: Seconds before each try; the last is repeated until the server answers.
RETRY_DELAYS_S = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0)


class ServerWait(QDialog):
    """Tries to open the shared cache until it opens (accepted) or the user quits."""

    _tried = Signal(object, str)  # the Reader opened (or None), and why not

    def __init__(
        self,
        open_reader: Callable[[], Reader],
        reason: str,
        parent: QWidget | None = None,
        *,
        delays: Sequence[float] = RETRY_DELAYS_S,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverWait")
        self.setWindowTitle("Newsreader")
        self._open = open_reader
        self._delays = tuple(delays)
        self.tries = 0
        self.reader: Reader | None = None
        self._trying = False
        self._message = QLabel(self)
        self._message.setObjectName("serverWaitMessage")
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)  # the reason may quote anything
        buttons = QDialogButtonBox(self)
        self._try_now = buttons.addButton(
            QCoreApplication.translate("ServerWait", "Try Now"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self._quit = buttons.addButton(
            QCoreApplication.translate("ServerWait", "Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self._try_now.clicked.connect(self._try)
        self._quit.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._message)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._try)
        self._tried.connect(self._on_tried, Qt.ConnectionType.QueuedConnection)
        self._show_reason(reason)
        self._wait_for_next()

    def _show_reason(self, reason: str) -> None:
        self._message.setText(
            QCoreApplication.translate("ServerWait", "Cannot reach the shared cache:")
            + "\n"
            + reason
            + "\n\n"
            + QCoreApplication.translate(
                "ServerWait", "Newsreader keeps trying and opens as soon as the server answers."
            )
        )

    def _wait_for_next(self) -> None:
        delay = self._delays[min(self.tries, len(self._delays) - 1)]
        self._timer.start(int(delay * 1000))

    @Slot()
    def _try(self) -> None:
        if self._trying:
            return
        self._timer.stop()
        self._trying = True
        self._try_now.setEnabled(False)
        self.tries += 1
        threading.Thread(target=self._attempt, name="server-wait", daemon=True).start()

    def _attempt(self) -> None:
        try:
            reader = self._open()
        except StorageUnavailableError as exc:
            self._tried.emit(None, str(exc))
        else:
            self._tried.emit(reader, "")

    @Slot(object, str)
    def _on_tried(self, reader: Reader | None, reason: str) -> None:
        self._trying = False
        if reader is not None:
            if self.isVisible():
                self.reader = reader
                self.accept()
            else:  # given up meanwhile: what opened is not used
                reader.close()
            return
        self._try_now.setEnabled(True)
        self._show_reason(reason)
        if self.isVisible():
            self._wait_for_next()

    def reject(self) -> None:
        self._timer.stop()
        super().reject()
