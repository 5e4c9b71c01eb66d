"""ArticleNotes on its own: an article's notes read and written through the Reader."""

from __future__ import annotations

import pytest

from newsreader.core.errors import NewsreaderError
from newsreader.core.types import Note
from newsreader.reader import Reader
from newsreader.ui.article_notes import ArticleNotes
from newsreader.ui.tasks import TaskRunner
from tests.helpers.window_parts import HeldRunner

pytestmark = pytest.mark.gui


@pytest.fixture
def article_id(profile: Reader) -> int:
    return profile.list_articles()[0].id


def test_notes_are_listed_added_changed_and_deleted(
    qtbot, profile: Reader, article_id: int
) -> None:
    notes = ArticleNotes(profile, runner=TaskRunner(synchronous=True))
    with qtbot.waitSignal(notes.listed) as listed:
        notes.set_article(article_id)
    assert listed.args == [article_id, [], None]

    with qtbot.waitSignal(notes.saved) as saved:
        notes.add("ملاحظة أولى")
    note: Note = saved.args[0]
    assert [n.text for n in profile.list_notes(article_id)] == ["ملاحظة أولى"]

    with qtbot.waitSignal(notes.saved) as saved:
        notes.change(note.id, "Second thoughts")
    assert saved.args[0].id == note.id
    assert [n.text for n in profile.list_notes(article_id)] == ["Second thoughts"]

    with qtbot.waitSignal(notes.listed) as listed:
        notes.reload(select=note.id)
    assert [n.text for n in listed.args[1]] == ["Second thoughts"]
    assert listed.args[2] == note.id

    with qtbot.waitSignal(notes.deleted) as deleted:
        notes.delete(note.id)
    assert deleted.args == [note.id]
    assert profile.list_notes(article_id) == []


def test_busy_while_a_query_is_under_way(qtbot, profile: Reader, article_id: int) -> None:
    runner = HeldRunner()
    notes = ArticleNotes(profile, runner=runner)
    busy: list[bool] = []
    notes.busyChanged.connect(busy.append)
    notes.set_article(article_id)
    assert notes.is_busy()
    runner.release()
    assert not notes.is_busy()
    assert busy == [False, True, False]


def test_answers_for_an_article_left_meanwhile_are_dropped(
    qtbot, profile: Reader, article_id: int
) -> None:
    other = profile.list_articles()[1].id
    profile.add_note(other, "on the other one")
    runner = HeldRunner()
    notes = ArticleNotes(profile, runner=runner)
    listed: list[int] = []
    notes.listed.connect(lambda shown, _notes, _select: listed.append(shown))
    notes.set_article(article_id)
    notes.set_article(other)
    runner.release()
    assert listed == [other]


def test_a_write_that_cannot_be_made_is_reported(qtbot, profile: Reader, article_id: int) -> None:
    notes = ArticleNotes(profile, runner=TaskRunner(synchronous=True))
    notes.set_article(article_id)
    with qtbot.waitSignal(notes.failed) as failed:
        notes.change(424_242, "a note that is not there")
    assert isinstance(failed.args[0], NewsreaderError)
    assert not notes.is_busy()


def test_without_an_article_nothing_is_read_or_written(qtbot, profile: Reader) -> None:
    notes = ArticleNotes(profile, runner=TaskRunner(synchronous=True))
    with qtbot.assertNotEmitted(notes.listed), qtbot.assertNotEmitted(notes.saved):
        notes.set_article(None)
        notes.add("nowhere to keep it")
        notes.reload()
    assert notes.article_id() is None
