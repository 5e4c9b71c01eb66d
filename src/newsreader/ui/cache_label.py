"""Which cache the window is on: "Local profile", or the shared cache's server.

A permanent label in the status bar (its tooltip says more), and the window title's
suffix on a shared cache, so two windows on two caches are told apart.  Only the
host, port and database are shown: never the user or the password.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from newsreader.core.shared_cache import CacheServer


class CacheLabel(QLabel):
    """The status bar's word on the cache the window reads."""

    def __init__(self, server: CacheServer | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cacheLabel")
        self._server = server
        self.retranslate()

    def retranslate(self) -> None:
        if self._server is None:
            self.setText(QCoreApplication.translate("MainWindow", "Local profile"))
            self.setToolTip(
                QCoreApplication.translate(
                    "MainWindow", "Articles are kept in this computer's profile"
                )
            )
        else:
            self.setText(
                QCoreApplication.translate("MainWindow", "Shared cache: %1").replace(
                    "%1", str(self._server)
                )
            )
            self.setToolTip(
                QCoreApplication.translate(
                    "MainWindow",
                    "Articles come from the shared cache on %1; this window does not "
                    "fetch on its own (Refresh still does)",
                ).replace("%1", str(self._server))
            )

    def window_title(self, name: str) -> str:
        """The window's title: the app's *name*, and the shared cache's server after it."""
        return name if self._server is None else f"{name} — {self._server}"
