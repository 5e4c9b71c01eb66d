"""The feed's "Whole Articles" submenu over a real profile (offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from newsreader.core.full_articles import FullArticleMode
from newsreader.reader import Reader
from newsreader.ui.tasks import TaskRunner
from newsreader.ui.whole_article_menu import add_whole_article_menu

pytestmark = pytest.mark.gui


def test_the_submenu_shows_the_setting_and_a_choice_saves_it(qtbot: QtBot, tmp_path: Path) -> None:
    failures: list[BaseException] = []
    with Reader.open(tmp_path / "profile") as reader:
        feed_id = reader.import_opml(
            b'<opml version="2.0"><body><outline type="rss" text="x"'
            b' xmlUrl="http://127.0.0.1:9/feed.xml"/></body></opml>'
        )
        (feed,) = reader.list_feeds()
        reader.set_full_articles(feed.id, FullArticleMode.AUTO)
        menu = QMenu()
        submenu = add_whole_article_menu(
            menu, reader, TaskRunner(synchronous=True), feed.id, failures.append
        )
        actions = submenu.actions()
        assert [a.data() for a in actions] == ["off", "auto", "on"]
        assert [a.isChecked() for a in actions] == [False, True, False]

        actions[2].trigger()

        assert reader.full_articles_mode(feed.id) is FullArticleMode.ON
        assert failures == [] and feed_id == 1
        menu.deleteLater()
