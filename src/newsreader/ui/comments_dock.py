"""The comments dock: the full panel, or a slim bar when there is nothing to show.

Most articles have no comments and no notes; a panel a third of the window wide
saying so wastes the room the list and the article need.  Then the dock folds to
a slim bar (the comment icon and the count) at the window's trailing edge; a click
on the bar opens the panel, and the panel's fold button folds it again.  Folding
by hand is the reader's choice and is kept between sessions (in the window's
state file); opening by hand holds for the article on show.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from newsreader.ui.comments_panel import CommentsPanel
from newsreader.ui.icons import Icon, icon

#: The folded dock's width, in pixels at the default font.
SLIM_WIDTH = 40
#: The open panel's share of the window's width, and its bounds in pixels.
OPEN_SHARE = 0.24
OPEN_MIN = 240
OPEN_MAX = 420
_STATE_KEY = "comments/folded"


class CommentsDock(QObject):
    """Folds and opens ``dock``, which holds ``panel``, as there is something to show.

    Signals:
        foldedChanged(bool): the dock folded to its slim bar (True) or opened.
    """

    foldedChanged = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        dock: QDockWidget,
        panel: CommentsPanel,
        state_file: Path | None,
    ) -> None:
        super().__init__(dock)
        self._window = window
        self._dock = dock
        self._panel = panel
        self._state_file = state_file
        self._folded_by_user = self._load_choice()
        self._opened_for: int | None = None
        self._folded: bool | None = None

        self.bar = QToolButton(dock)
        self.bar.setObjectName("commentsBar")
        self.bar.setAutoRaise(True)
        self.bar.setIcon(icon(Icon.COMMENTS))
        self.bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.bar.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.bar.clicked.connect(self.open_panel)
        self._stack = QStackedWidget(dock)
        self._stack.addWidget(panel)
        self._stack.addWidget(self.bar)
        dock.setWidget(self._stack)
        # the panel's header is the one title: no dock title bar above it
        dock.setTitleBarWidget(QWidget(dock))

        panel.contentChanged.connect(lambda _has: self.update())
        panel.countChanged.connect(lambda _count: self._update_bar())
        panel.collapseRequested.connect(self.fold_panel)
        self.retranslate()
        self.update()

    def is_folded(self) -> bool:
        return bool(self._folded)

    @Slot()
    def open_panel(self) -> None:
        """Open the panel (a click on the bar): for this article even if it is empty."""
        self._set_choice(False)
        self._opened_for = self._panel.article_id()
        self.update()

    @Slot()
    def fold_panel(self) -> None:
        """Fold the panel to its bar (the panel's fold button), until opened again."""
        self._set_choice(True)
        self._opened_for = None
        self.update()

    @Slot()
    def update(self) -> None:
        """Fold or open the dock for what the panel has to show now."""
        article = self._panel.article_id()
        if self._opened_for is not None and self._opened_for != article:
            self._opened_for = None
        wanted = self._folded_by_user or (
            not self._panel.has_content() and self._opened_for is None
        )
        self._update_bar()
        if wanted == self._folded:
            return
        self._folded = wanted
        if wanted:
            self._stack.setCurrentWidget(self.bar)
            self._dock.setMinimumWidth(self._slim_width())
            self._dock.setMaximumWidth(self._slim_width())
        else:
            self._stack.setCurrentWidget(self._panel)
            self._dock.setMinimumWidth(OPEN_MIN // 2)
            self._dock.setMaximumWidth(16_777_215)
            width = round(self._window.width() * OPEN_SHARE)
            self._window.resizeDocks(
                [self._dock], [max(OPEN_MIN, min(OPEN_MAX, width))], Qt.Orientation.Horizontal
            )
        self.foldedChanged.emit(wanted)

    def retranslate(self) -> None:
        text = QCoreApplication.translate("CommentsPanel", "Show the comments panel")
        self.bar.setToolTip(text)
        self.bar.setAccessibleName(text)

    def _update_bar(self) -> None:
        count = self._panel.count()
        self.bar.setText(str(count) if count else "")

    def _slim_width(self) -> int:
        hint: QSize = self.bar.sizeHint()
        return max(SLIM_WIDTH, hint.width() + 4)

    def _settings(self) -> QSettings | None:
        if self._state_file is None:
            return None
        return QSettings(str(self._state_file), QSettings.Format.IniFormat)

    def _load_choice(self) -> bool:
        state = self._settings()
        if state is None:
            return False
        return str(state.value(_STATE_KEY, "false")).lower() == "true"

    def _set_choice(self, folded: bool) -> None:
        self._folded_by_user = folded
        state = self._settings()
        if state is not None:
            state.setValue(_STATE_KEY, "true" if folded else "false")
            state.sync()
