"""ArticleNavigation on its own: the current article, moving between articles, the reading pane."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtWidgets import QTreeView

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.article_navigation import ArticleNavigation
from newsreader.ui.models.article_list import ArticleListModel
from newsreader.ui.reading_pane import ReadingPane
from newsreader.ui.tasks import TaskRunner
from tests.helpers.window_parts import article_list_for

pytestmark = pytest.mark.gui


@dataclass
class Parts:
    navigation: ArticleNavigation
    model: ArticleListModel
    view: QTreeView
    pane: ReadingPane
    opened: list[int]


@pytest.fixture
def parts(qtbot, profile: Reader, monkeypatch) -> Iterator[Parts]:
    opened: list[int] = []
    record = profile.mark_opened

    def mark_opened(article_id: int) -> Any:
        opened.append(article_id)
        return record(article_id)

    monkeypatch.setattr(profile, "mark_opened", mark_opened)
    model, view = article_list_for(qtbot, profile, ArticleQuery(feed_id=1))
    pane = ReadingPane(profile)
    qtbot.addWidget(pane)
    navigation = ArticleNavigation(profile, TaskRunner(synchronous=True), model, view, pane)
    yield Parts(navigation, model, view, pane, opened)


def test_a_current_row_is_shown_in_the_pane_and_noted_as_opened(parts: Parts, qtbot) -> None:
    first = parts.model.article_at(0).id
    changed: list[object] = []
    parts.navigation.currentArticleChanged.connect(changed.append)
    with qtbot.waitSignals(
        [
            parts.navigation.currentRowChanged,
            parts.navigation.articleShown,
            parts.navigation.articleSelected,
        ],
        order="strict",
    ):
        assert parts.navigation.select_first_article()
    assert changed == [first]
    assert parts.navigation.current_article_id() == first
    assert parts.navigation.current_summary().id == first
    assert parts.pane.current_article_id() == first
    assert parts.opened == [first]


def test_the_same_article_again_is_not_shown_again(parts: Parts, qtbot) -> None:
    parts.navigation.select_first_article()
    first = parts.navigation.current_article_id()
    parts.view.selectionModel().clearCurrentIndex()
    with qtbot.assertNotEmitted(parts.navigation.articleShown):
        parts.navigation.set_current_row(0)
    assert parts.opened == [first]


def test_moving_goes_row_by_row(parts: Parts, qtbot) -> None:
    ids = parts.model.loaded_ids()
    parts.navigation.move_article(1)  # nothing current: the first row
    assert parts.navigation.current_article_id() == ids[0]
    parts.navigation.move_article(1)
    parts.navigation.move_article(1)
    assert parts.navigation.current_article_id() == ids[2]
    with qtbot.waitSignal(parts.navigation.articleSelected) as selected:
        parts.navigation.move_article(-1)
    assert selected.args == [ids[1]]


def test_the_next_unread_article_skips_read_ones(parts: Parts, profile: Reader) -> None:
    ids = parts.model.loaded_ids()
    profile.mark_read(ids[1:4])
    parts.model.reload()
    parts.navigation.select_first_article()
    assert parts.navigation.next_unread()
    assert parts.navigation.current_article_id() == ids[4]


def test_no_more_unread_articles_is_said(parts: Parts, profile: Reader, qtbot) -> None:
    profile.mark_read(parts.model.loaded_ids())
    parts.model.reload()
    with qtbot.waitSignal(parts.navigation.statusMessage) as said:
        assert not parts.navigation.next_unread()
    assert said.args == ["No more unread articles in this view", 4000]


def test_space_pages_through_the_article_before_moving_on(parts: Parts, monkeypatch, qtbot) -> None:
    ids = parts.model.loaded_ids()
    parts.navigation.select_first_article()
    pages = [True, False]
    monkeypatch.setattr(parts.pane, "scroll_page_down", lambda: pages.pop(0))
    with qtbot.assertNotEmitted(parts.navigation.articleSelected):
        parts.navigation.scroll_or_next_unread()  # a screen further down
    parts.navigation.scroll_or_next_unread()  # at the end: the next unread one
    assert parts.navigation.current_article_id() == ids[1]


def test_the_current_article_stays_current_while_the_view_is_read_again(
    parts: Parts, qtbot
) -> None:
    parts.navigation.set_current_row(5)
    article = parts.navigation.current_article_id()
    parts.navigation.hold_current()
    parts.model.set_query(ArticleQuery(feed_id=1, order="source"))
    with qtbot.assertNotEmitted(parts.navigation.articleShown):  # quietly: no new showing
        parts.navigation.restore_held()
    assert parts.navigation.current_summary().id == article
    assert parts.opened == [article]


def test_a_related_article_outside_the_view_is_shown_anyway(
    parts: Parts, profile: Reader, qtbot
) -> None:
    other = profile.list_articles(ArticleQuery(feed_id=2))[0].id
    changed: list[object] = []
    parts.navigation.currentArticleChanged.connect(changed.append)
    with (
        qtbot.waitSignal(parts.navigation.articleShown) as shown,
        qtbot.assertNotEmitted(parts.navigation.articleSelected),
    ):
        parts.pane.relatedActivated.emit(other)
    assert shown.args == [other]
    assert changed == [other]
    assert parts.pane.current_article_id() == other
    assert parts.navigation.current_summary() is None  # the list has no row for it


def test_a_related_article_in_the_view_becomes_its_current_row(parts: Parts, qtbot) -> None:
    article = parts.model.article_at(7).id
    with qtbot.waitSignal(parts.navigation.articleSelected) as selected:
        parts.navigation.show_article_anywhere(article)
    assert selected.args == [article]
    assert parts.view.currentIndex().row() == 7


def test_forgetting_the_current_article_empties_the_pane(parts: Parts, qtbot) -> None:
    parts.navigation.select_first_article()
    changed: list[object] = []
    parts.navigation.currentArticleChanged.connect(changed.append)
    with qtbot.waitSignal(parts.navigation.paneCleared):
        parts.navigation.forget_current()
    assert changed == [None]
    assert parts.navigation.current_article_id() is None
    assert parts.pane.current_article_id() is None


def test_entering_the_list_makes_the_first_row_current_only_without_one(parts: Parts) -> None:
    parts.navigation.enter_list()
    assert parts.view.currentIndex().row() == 0
    parts.navigation.set_current_row(3)
    parts.navigation.enter_list()
    assert parts.view.currentIndex().row() == 3


def test_an_article_further_down_is_found_by_reading_more_pages(qtbot, big_profile: Reader) -> None:
    model, view = article_list_for(qtbot, big_profile)
    pane = ReadingPane(big_profile)
    qtbot.addWidget(pane)
    navigation = ArticleNavigation(big_profile, TaskRunner(synchronous=True), model, view, pane)
    loaded = model.rowCount()
    deep = big_profile.list_articles(ArticleQuery(), limit=loaded + 5)[-1].id
    assert not navigation.select_article(deep, pages=0)
    assert navigation.select_article(deep, pages=1)
    assert navigation.current_article_id() == deep
    assert model.rowCount() > loaded
