"""The first-run banner: suggested sources, the language, until the reader is done with it.

A fresh profile shows the demo with a banner above the list offering the suggested
sources, adding one's own, and the interface language.  The banner comes back at
every start until the reader dismisses it or subscribes to something (the demo
itself does not count); then the ``welcome_done`` setting says so for good.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction

from newsreader.ui.action_registry import ActionId, ActionRegistry
from newsreader.ui.info_bar import InfoBar

#: The languages offered in the banner, each named in itself.
LANGUAGE_NAMES = (("ar", "العربية"), ("en", "English"))


class Welcome(QObject):
    """Shows the first-run banner in ``info_bar`` and says when the reader is done.

    Signals:
        languageChosen(str): the reader picked this interface language in the banner.
        done(): the reader dismissed the banner or subscribed: never show it again.
    """

    languageChosen = Signal(str)
    done = Signal()

    def __init__(self, info_bar: InfoBar, registry: ActionRegistry, parent: QObject) -> None:
        super().__init__(parent)
        self._bar = info_bar
        self._registry = registry
        self._showing = False
        self._languages: list[QAction] = []
        for code, name in LANGUAGE_NAMES:
            action = QAction(name, self)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self._choose(c))
            self._languages.append(action)
        info_bar.closed.connect(self._on_closed)

    def offer(self) -> None:
        """Show the banner (again, in the language now in effect)."""
        self._showing = True
        self._bar.show_message(
            QCoreApplication.translate(
                "MainWindow",
                "Welcome! You are reading demo articles. Subscribe to a set of suggested "
                "news sources, or add your own.",
            ),
            [
                self._registry[ActionId.ADD_SUGGESTED],
                self._registry[ActionId.ADD_FEED],
                *self._languages,
            ],
        )
        tip = QCoreApplication.translate("MainWindow", "Interface language")
        for action in self._languages:
            action.setToolTip(tip)

    def subscribed(self, demo: bool) -> None:
        """Subscriptions changed; unless it was the demo loading, the banner has served."""
        if not demo and self._showing:
            self._finish()

    def _choose(self, code: str) -> None:
        self.languageChosen.emit(code)
        if self._showing:
            # the bar hides itself after the click: then show it in the new language
            QTimer.singleShot(0, self, self.offer)

    def _on_closed(self) -> None:
        if self._showing:
            self._finish()

    def _finish(self) -> None:
        self._showing = False
        self.done.emit()
