"""The feed's "Whole Articles" submenu: off, on, or automatic, as the sidebar offers it.

The feed's setting is read when the menu opens (one row by its key) and written on
the task runner's serial lane, like the other marks the user sets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from newsreader.core.errors import NewsreaderError
from newsreader.core.full_articles import FullArticleMode
from newsreader.reader import Reader
from newsreader.ui.tasks import TaskRunner


def mode_names() -> dict[FullArticleMode, str]:
    """Each setting as the menu and Preferences name it."""
    return {
        FullArticleMode.OFF: QCoreApplication.translate(
            "WholeArticles", "Off: the Feed's Text Only"
        ),
        FullArticleMode.AUTO: QCoreApplication.translate(
            "WholeArticles", "Automatic: When the Feed Gives Only Summaries"
        ),
        FullArticleMode.ON: QCoreApplication.translate("WholeArticles", "On: Every Article"),
    }


def add_whole_article_menu(
    menu: QMenu,
    reader: Reader,
    tasks: TaskRunner,
    feed_id: int,
    failed: Callable[[BaseException], None],
) -> QMenu:
    """Add the submenu for *feed_id* to *menu*; a choice is saved on *tasks*."""
    submenu = menu.addMenu(QCoreApplication.translate("WholeArticles", "Whole Articles"))
    submenu.setObjectName("wholeArticlesMenu")
    try:
        current = reader.full_articles_mode(feed_id)
    except NewsreaderError:
        current = FullArticleMode.OFF
    group = QActionGroup(submenu)
    group.setExclusive(True)
    for mode, name in mode_names().items():
        action = QAction(name, submenu)
        action.setCheckable(True)
        action.setChecked(mode is current)
        action.setData(mode.value)
        group.addAction(action)
        submenu.addAction(action)
        action.triggered.connect(
            lambda _checked=False, chosen=mode: tasks.run_serial(
                lambda: reader.set_full_articles(feed_id, chosen), None, failed
            )
        )
    return submenu
