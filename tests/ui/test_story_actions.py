"""StoryActions on its own: corrections to stories from the sidebar and the article list."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QTreeView

from newsreader.core.types import ArticleQuery, Topic
from newsreader.reader import Reader
from newsreader.ui.action_registry import ActionRegistry
from newsreader.ui.article_actions import ArticleActions
from newsreader.ui.models.sidebar import SidebarModel, TotalRole
from newsreader.ui.story_actions import (
    CHOICE_HEADLINE_CHARS,
    CHOICE_SOURCES_CHARS,
    StoryActions,
    merge_choice,
)
from newsreader.ui.tasks import TaskRunner
from tests.helpers.feedserver import FeedServer
from tests.helpers.story_news import by_guid, serve_stories
from tests.helpers.window_parts import article_list_for, sidebar_for

pytestmark = pytest.mark.gui


@dataclass
class Parts:
    stories: StoryActions
    model: SidebarModel
    view: QTreeView
    reader: Reader
    ids: dict[str, int]


@pytest.fixture
def story_profile(tmp_path: Path, feed_server: FeedServer):
    with Reader.open(tmp_path / "p") as reader:
        serve_stories(feed_server, reader)
        reader.refresh()
        yield reader


def build(qtbot, reader: Reader) -> Parts:
    model, view = sidebar_for(qtbot, reader)
    stories = StoryActions(reader, TaskRunner(synchronous=True), model, view, view)
    stories.storiesChanged.connect(lambda _key: model.reload())  # the window's re-read
    return Parts(stories, model, view, reader, by_guid(reader))


def story_key(parts: Parts, guid: str) -> str:
    story = parts.reader.story_of(parts.ids[guid])
    assert story is not None
    return f"topic:story:{story.id}"


def sidebar_menu(parts: Parts, key: str) -> QMenu:
    menu = QMenu(parts.view)
    entry = parts.model.entry_at(parts.model.index_for_key(key))
    assert entry is not None
    parts.stories.fill_sidebar_menu(menu, entry)
    return menu


def action(menu: QMenu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def test_a_storys_menu_offers_merge_and_split_and_other_rows_nothing(
    qtbot, story_profile: Reader
) -> None:
    parts = build(qtbot, story_profile)
    menu = sidebar_menu(parts, story_key(parts, "ferry-a"))
    assert [a.text() for a in menu.actions()] == ["", "Merge with Story…", "Split Story"]
    assert all(a.isEnabled() for a in menu.actions()[1:])
    assert sidebar_menu(parts, "smart:all").isEmpty()
    assert sidebar_menu(parts, "section:stories").isEmpty()


def test_merging_asks_which_story_and_the_merged_one_is_shown(qtbot, story_profile: Reader) -> None:
    parts = build(qtbot, story_profile)
    ferry_key, fair_key = story_key(parts, "ferry-a"), story_key(parts, "fair-a")
    fair_title = parts.model.index_for_key(fair_key).data()
    parts.stories.set_view(ferry_key)  # the ferry's story is on show
    offered: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        offered.extend(dialog.comboBoxItems())
        dialog.setTextValue(offered[0])
        dialog.accept()

    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(parts.stories.storiesChanged) as changed:
        action(sidebar_menu(parts, ferry_key), "Merge with Story…").trigger()
    # the fair's story, by its headline, its count and its three sources
    [choice] = offered
    assert fair_title in choice and "3 articles" in choice
    fair_sources = parts.model.entry_at(parts.model.index_for_key(fair_key)).topic.sources
    assert len(fair_sources) == 3 and all(name in choice for name in fair_sources)
    assert changed.args == [fair_key]  # the story on show went into this one
    assert ferry_key not in parts.model.all_keys()
    assert parts.model.index_for_key(fair_key).data(TotalRole) == 6
    [merged] = story_profile.stories()
    assert len(merged.article_ids) == 6


def test_a_merge_cancelled_changes_nothing(qtbot, story_profile: Reader) -> None:
    parts = build(qtbot, story_profile)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    entry = parts.model.entry_at(parts.model.index_for_key(story_key(parts, "ferry-a")))
    with qtbot.assertNotEmitted(parts.stories.storiesChanged):
        parts.stories.ask_merge(entry.topic)
    assert len(story_profile.stories()) == 2


def test_splitting_from_the_menu_parts_a_story_at_its_seam(qtbot, story_profile: Reader) -> None:
    parts = build(qtbot, story_profile)
    ferry = story_profile.story_of(parts.ids["ferry-a"])
    fair = story_profile.story_of(parts.ids["fair-a"])
    story_profile.merge_stories(fair.id, ferry.id)
    parts.model.reload()
    with qtbot.waitSignal(parts.stories.storiesChanged) as changed:
        action(sidebar_menu(parts, f"topic:story:{ferry.id}"), "Split Story").trigger()
    assert changed.args == [""]
    parts_now = {frozenset(s.article_ids) for s in story_profile.stories()}
    assert parts_now == {
        frozenset(parts.ids[g] for g in ("ferry-a", "ferry-b", "ferry-c")),
        frozenset(parts.ids[g] for g in ("fair-a", "fair-b", "fair-c")),
    }


def test_not_part_of_this_story_is_offered_only_while_a_story_is_shown(
    qtbot, story_profile: Reader
) -> None:
    parts = build(qtbot, story_profile)
    ferry = story_profile.story_of(parts.ids["ferry-a"])
    articles, _view = article_list_for(qtbot, story_profile, ArticleQuery(story_id=ferry.id))
    summary = articles.article_at(0)
    menu = QMenu(parts.view)
    parts.stories.set_view("smart:all")
    parts.stories.fill_article_menu(menu, summary)
    assert menu.isEmpty()
    parts.stories.set_view(f"topic:story:{ferry.id}")
    parts.stories.fill_article_menu(menu, None)  # no row under the pointer
    assert menu.isEmpty()
    parts.stories.fill_article_menu(menu, summary)
    with qtbot.waitSignal(parts.stories.storiesChanged) as changed:
        action(menu, "Not Part of This Story").trigger()
    assert changed.args == [""]
    after = story_profile.story(ferry.id)
    assert after is not None and summary.id not in after.article_ids
    articles.set_query(ArticleQuery(story_id=ferry.id))
    assert articles.rowCount() == 2


def test_a_correction_that_fails_is_reported(qtbot, story_profile: Reader) -> None:
    parts = build(qtbot, story_profile)
    with qtbot.waitSignal(parts.stories.taskFailed) as failed:
        parts.stories.merge(999, 998)
    assert "no story 999" in str(failed.args[0])


# a popup menu on the offscreen platform asks for what it cannot give
@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the keyboard)$")
def test_the_lists_context_menu_carries_not_part_of_this_story(
    qtbot, story_profile: Reader
) -> None:
    parts = build(qtbot, story_profile)
    ferry = story_profile.story_of(parts.ids["ferry-a"])
    model, view = article_list_for(
        qtbot, story_profile, ArticleQuery(story_id=ferry.id), shown=True
    )
    marks = ArticleActions(
        story_profile,
        TaskRunner(synchronous=True),
        QUndoStack(view),
        ActionRegistry(view),
        model,
        view,
        read_delay_ms=0,
        parent=view,
    )
    marks.menuOpening.connect(parts.stories.fill_article_menu)
    parts.stories.set_view(f"topic:story:{ferry.id}")
    seen: list[list[str]] = []

    def look() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        seen.append([a.text() for a in menu.actions()])
        menu.close()

    QTimer.singleShot(0, look)
    marks.show_menu(view.visualRect(model.index(0, 0)).center())
    assert seen and seen[0][-1] == "Not Part of This Story"


def test_a_merge_choice_names_the_count_and_the_sources_and_elides_long_ones(qapp) -> None:
    short = Topic("Ferry aground off Crete", 2, 1, id="story:1", kind="story", sources=("A", "B"))
    assert (
        merge_choice(short)
        == "\u2068Ferry aground off Crete\u2069 — 2 articles — \u2068A · B\u2069"
    )
    long = Topic(
        "حريق " * 40,
        12,
        0,
        id="story:2",
        kind="story",
        sources=tuple(f"Very long source name number {n}" for n in range(6)),
    )
    choice = merge_choice(long)
    headline, count, sources = choice.split(" — ")
    assert count == "12 articles"
    assert headline.startswith("\u2068حريق") and headline.endswith("…\u2069")
    assert len(headline) == CHOICE_HEADLINE_CHARS + 2  # the isolate's two marks
    assert sources.endswith("…\u2069") and len(sources) == CHOICE_SOURCES_CHARS + 2
    assert sources.startswith("\u2068Very long source name number 0 · ")
    few = Topic("x", 4, 0, id="story:3", kind="story", sources=("A", "B", "C", "D", "E"))
    assert merge_choice(few).endswith("A · B · C +2\u2069")
    alone = Topic("x", 1, 0, id="story:4", kind="story")
    assert merge_choice(alone) == "\u2068x\u2069 — 1 article"
