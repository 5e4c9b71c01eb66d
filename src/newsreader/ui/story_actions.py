"""The user's corrections to stories: "Not Part of This Story", "Merge with Story…", "Split Story".

The first is in the article list's context menu while a story is on show
(:meth:`StoryActions.fill_article_menu`); the others in a story's context menu in
the sidebar (:meth:`StoryActions.fill_sidebar_menu`).  They write on the task
runner's serial lane and then say which view to read again (``storiesChanged``);
the corrections are kept in the profile, so later refreshes respect them and
export-data carries them.  The merge picker lists each story by its headline, its
article count and its sources (:func:`merge_choice`), since two stories of one
topic often read alike.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QInputDialog, QMenu

from newsreader.core.types import ArticleSummary, Topic
from newsreader.ui.models.sidebar import (
    NodeKind,
    SidebarEntry,
    story_id_of_key,
    topic_node_key,
)
from newsreader.ui.sidebar_part import SidebarPart


class StoryActions(SidebarPart):
    """Corrections to stories from the sidebar and the article list.

    Signals:
        storiesChanged(str): a correction was written: show the view with this key
            afresh ("" for the view on show) and re-read the sidebar.
        taskFailed(object): writing the correction failed with this exception.
    """

    storiesChanged = Signal(str)
    taskFailed = Signal(object)

    #: The view on show, once :meth:`set_view` was told.
    _view_key: str | None = None

    def set_view(self, key: str) -> None:
        """The view on show (a story's view offers "Not Part of This Story")."""
        self._view_key = key

    # -- the context menus ---------------------------------------------------------------

    def fill_article_menu(self, menu: QMenu, summary: ArticleSummary | None) -> None:
        """Add "Not Part of This Story" to the list's menu while a story is on show."""
        story_id = story_id_of_key(self._view_key)
        if story_id is None or summary is None:
            return
        menu.addSeparator()
        action = menu.addAction(QCoreApplication.translate("MainWindow", "Not Part of This Story"))
        article_id = summary.id
        action.triggered.connect(lambda: self.remove_article(story_id, article_id))

    def fill_sidebar_menu(self, menu: QMenu, entry: SidebarEntry) -> None:
        """Add "Merge with Story…" and "Split Story" to a story's sidebar menu."""
        topic = entry.topic
        if entry.kind != NodeKind.STORY or topic is None:
            return
        story_id = story_id_of_key(entry.key)
        if story_id is None:
            return
        menu.addSeparator()
        merge = menu.addAction(QCoreApplication.translate("MainWindow", "Merge with Story…"))
        merge.setEnabled(bool(self._others(story_id)))
        merge.triggered.connect(lambda: self.ask_merge(topic))
        split = menu.addAction(QCoreApplication.translate("MainWindow", "Split Story"))
        split.setEnabled(topic.count > 1)
        split.triggered.connect(lambda: self.split(story_id))

    def _others(self, story_id: int) -> list[Topic]:
        return [
            t for t in self._model.stories() if story_id_of_key(topic_node_key(t.id)) != story_id
        ]

    # -- the commands --------------------------------------------------------------------

    def ask_merge(self, topic: Topic) -> None:
        """Ask which listed story to merge *topic*'s story with (it goes into that one)."""
        source = story_id_of_key(topic_node_key(topic.id))
        others = self._others(source) if source is not None else []
        if source is None or not others:
            return
        dialog = QInputDialog(self._view.window())
        dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Merge with Story"))
        dialog.setLabelText(
            QCoreApplication.translate("MainWindow", "Merge “%1” with:").replace("%1", topic.name)
        )
        labels = [merge_choice(t) for t in others]
        dialog.setComboBoxItems(labels)
        dialog.setComboBoxEditable(False)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            chosen = dialog.textValue()
            if chosen in labels:
                target = story_id_of_key(topic_node_key(others[labels.index(chosen)].id))
                if target is not None:
                    self.merge(source, target)
        dialog.deleteLater()

    def remove_article(self, story_id: int, article_id: int) -> None:
        reader = self._reader
        self._write(lambda: reader.remove_from_story(story_id, article_id), "")

    def merge(self, source_id: int, target_id: int) -> None:
        """Merge story *source_id* into *target_id*; the merged story is shown if one was."""
        reader = self._reader
        on_show = story_id_of_key(self._view_key) in (source_id, target_id)
        show = topic_node_key(f"story:{target_id}") if on_show else ""
        self._write(lambda: reader.merge_stories(source_id, target_id), show)

    def split(self, story_id: int) -> None:
        reader = self._reader
        self._write(lambda: reader.split_story(story_id), "")

    def _write(self, work: Callable[[], object], show: str) -> None:
        self._tasks.run_serial(
            work,
            lambda _result: self.storiesChanged.emit(show),
            self.taskFailed.emit,
        )


#: How many characters of a story's headline, and of its sources, a merge choice shows.
CHOICE_HEADLINE_CHARS = 70
CHOICE_SOURCES_CHARS = 48
#: How many sources a merge choice names before "+N".
CHOICE_SOURCES = 3


def merge_choice(topic: Topic) -> str:
    """A story as the merge picker lists it: headline, article count and sources.

    Two stories often share a headline's words; the count and the sources tell them
    apart.  Each part is elided when long and isolated, so an Arabic headline and
    English sources keep their own directions in one line.
    """
    count = QCoreApplication.translate("MainWindow", "%n articles", "", topic.count)
    named = list(topic.sources[:CHOICE_SOURCES])
    sources = " · ".join(named)
    if len(topic.sources) > len(named):
        sources += f" +{len(topic.sources) - len(named)}"
    parts = [_isolated(_elided(topic.name, CHOICE_HEADLINE_CHARS)), count]
    if sources:
        parts.append(_isolated(_elided(sources, CHOICE_SOURCES_CHARS)))
    return " — ".join(parts)


def _elided(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _isolated(text: str) -> str:
    """*text* in a first-strong isolate (its direction is its own)."""
    return "\u2068" + text + "\u2069"
