"""Undoable marks on a real undo stack: undo and redo put the Reader's marks back and forth.

One profile serves the module; each test starts with every article unread and unstarred.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtGui import QUndoStack

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.undo_commands import SetReadCommand, SetStarredCommand
from tests.helpers.feedserver import FeedServer
from tests.ui.conftest import make_rss, serve


class ReaderMarks:
    """Marks written straight through the Reader (the window's ArticleActions also
    updates its rows and counts; the commands only need somewhere to apply them)."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader

    def apply_read(self, article_ids: Sequence[int], read: bool) -> None:
        self._reader.mark_read(article_ids, read)

    def apply_starred(self, article_ids: Sequence[int], starred: bool) -> None:
        self._reader.mark_starred(article_ids, starred)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    with FeedServer() as server, Reader.open(tmp_path_factory.mktemp("marks")) as reader:
        reader.add_feed(serve(server, "/one.xml", make_rss(30, prefix="one")))
        # other items than the first feed's: the same text in two feeds is one article
        reader.add_feed(serve(server, "/two.xml", make_rss(5, prefix="two", start=30)))
        yield reader


@pytest.fixture
def profile(shared: Reader) -> Reader:
    """The module's profile, every article unread and unstarred."""
    every = shared.article_ids()
    shared.mark_read(every, False)
    shared.mark_starred(every, False)
    return shared


@pytest.fixture
def stack(qapp) -> QUndoStack:
    return QUndoStack()


def read_ids(reader: Reader) -> set[int]:
    return {a.id for a in reader.list_articles(limit=100) if a.read}


def starred_ids(reader: Reader) -> set[int]:
    return {a.id for a in reader.list_articles(ArticleQuery(starred=True), limit=100)}


def test_a_read_mark_is_undone_and_redone(profile: Reader, stack: QUndoStack) -> None:
    ids = profile.article_ids(ArticleQuery(feed_id=1))[:3]
    stack.push(SetReadCommand(ReaderMarks(profile), ids, True, "Mark as Read"))
    assert read_ids(profile) == set(ids)  # pushing does it
    assert stack.undoText() == "Mark as Read"
    stack.undo()
    assert read_ids(profile) == set()
    assert stack.redoText() == "Mark as Read"
    stack.redo()
    assert read_ids(profile) == set(ids)


def test_marking_unread_is_undone_back_to_read(profile: Reader, stack: QUndoStack) -> None:
    ids = profile.article_ids(ArticleQuery(feed_id=2))[:2]
    profile.mark_read(ids)
    stack.push(SetReadCommand(ReaderMarks(profile), ids[:1], False, "Mark as Unread"))
    assert read_ids(profile) == {ids[1]}
    stack.undo()
    assert read_ids(profile) == set(ids)


def test_a_star_is_undone_and_redone(profile: Reader, stack: QUndoStack) -> None:
    first, second = profile.article_ids()[:2]
    marks = ReaderMarks(profile)
    stack.push(SetStarredCommand(marks, [first], True, "Star"))
    stack.push(SetStarredCommand(marks, [second], True, "Star"))
    assert starred_ids(profile) == {first, second}
    stack.undo()
    assert starred_ids(profile) == {first}
    stack.undo()
    assert starred_ids(profile) == set()
    stack.redo()
    assert starred_ids(profile) == {first}
    stack.push(SetStarredCommand(marks, [first], False, "Remove Star"))
    assert starred_ids(profile) == set() and not stack.canRedo()
    stack.undo()
    assert starred_ids(profile) == {first}
    assert read_ids(profile) == set()  # stars never touch the read marks


def test_marks_written_in_the_background_are_not_written_again(
    profile: Reader, stack: QUndoStack
) -> None:
    ids = profile.mark_all_read(ArticleQuery(feed_id=1))  # done already, as mark-all does
    assert len(ids) == 30
    profile.mark_read(ids[:1], False)  # and then one was marked unread again
    stack.push(SetReadCommand(ReaderMarks(profile), ids, True, "Mark All as Read", done=True))
    assert read_ids(profile) == set(ids[1:])  # pushing wrote nothing
    stack.undo()
    assert read_ids(profile) == set()
    stack.redo()  # from now on redo writes
    assert read_ids(profile) == set(ids)
    stack.undo()
    stack.redo()
    assert read_ids(profile) == set(ids)


def test_a_command_keeps_the_articles_it_was_given(profile: Reader, stack: QUndoStack) -> None:
    ids = profile.article_ids()[:2]
    given = list(ids)
    stack.push(SetReadCommand(ReaderMarks(profile), given, True, "Mark as Read"))
    given.clear()  # the caller's list, reused
    stack.undo()
    assert read_ids(profile) == set()
    stack.redo()
    assert read_ids(profile) == set(ids)
