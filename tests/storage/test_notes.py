"""Private notes in the database: their text, direction, times, order and search.

The Reader's note methods are tested through a real profile in tests/reader/test_notes.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, select

from newsreader.core.errors import ArticleNotFoundError, NewsreaderError
from newsreader.core.types import Direction
from newsreader.storage import notes as note_store
from newsreader.storage.database import Database
from newsreader.storage.models import ArticleRow
from newsreader.storage.notes import NoteNotFoundError
from tests.helpers import storage
from tests.helpers.storage import subscribe

#: The shared fixture, visible to the tests below.
db = storage.db

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


@pytest.fixture
def articles(db: Database) -> dict[str, int]:
    """An Arabic and an English article, by key."""
    feed_id = subscribe(db, "https://news.example/feed")
    with db.session() as session:
        session.execute(
            insert(ArticleRow),
            [
                {"feed_id": feed_id, "key": key, "first_seen": T0, "sort_time": T0, "direction": d}
                for key, d in (("ar", "rtl"), ("en", "ltr"))
            ],
        )
        return {key: aid for key, aid in session.execute(select(ArticleRow.key, ArticleRow.id))}


def test_a_notes_text_is_trimmed_and_never_empty() -> None:
    assert note_store.clean_text("  \n سطر أول\nسطر ثان \t") == "سطر أول\nسطر ثان"
    with pytest.raises(NewsreaderError, match="empty"):
        note_store.clean_text(" \n\t ")


def test_a_notes_direction_is_its_own_words_else_its_articles(
    db: Database, articles: dict[str, int]
) -> None:
    with db.session() as session:
        assert note_store.note_direction(session, articles["ar"], "See page 4") is Direction.LTR
        assert note_store.note_direction(session, articles["en"], "راجع الصفحة") is Direction.RTL
        assert note_store.note_direction(session, articles["ar"], "2026-11-20") is Direction.RTL
        assert note_store.note_direction(session, articles["en"], "١٢٣") is Direction.LTR
        with pytest.raises(ArticleNotFoundError):
            note_store.note_direction(session, 404, "text")


def test_a_restored_note_keeps_its_times(db: Database, articles: dict[str, int]) -> None:
    with db.session() as session:
        both = note_store.add_note(
            session, articles["ar"], "قديمة", created=T0, updated=T0 + timedelta(days=1)
        )
        created_only = note_store.add_note(session, articles["ar"], "أقدم", created=T0)
        new = note_store.add_note(session, articles["ar"], "جديدة")

    assert (both.created, both.updated) == (T0, T0 + timedelta(days=1))
    assert (created_only.created, created_only.updated) == (T0, T0)
    assert new.created == new.updated and new.created > T0


def test_an_articles_notes_are_listed_oldest_first(db: Database, articles: dict[str, int]) -> None:
    with db.session() as session:
        later = note_store.add_note(session, articles["en"], "second", created=T0 + timedelta(1))
        first = note_store.add_note(session, articles["en"], "first", created=T0)
        same_time = note_store.add_note(session, articles["en"], "third", created=T0 + timedelta(1))
        note_store.add_note(session, articles["ar"], "another article's")

        listed = note_store.list_notes(session, articles["en"])

    assert [n.id for n in listed] == [first.id, later.id, same_time.id]
    with db.session() as session, pytest.raises(ArticleNotFoundError):
        note_store.list_notes(session, 404)


def test_editing_a_note_changes_its_words_direction_and_time_only(
    db: Database, articles: dict[str, int]
) -> None:
    with db.session() as session:
        note = note_store.add_note(session, articles["en"], "draft", created=T0)
        edited = note_store.update_note(session, note.id, "  مسودة  ")

    assert (edited.id, edited.article_id, edited.created) == (note.id, note.article_id, T0)
    assert (edited.text, edited.direction) == ("مسودة", Direction.RTL)
    assert edited.updated > T0


def test_an_unknown_note_is_a_clear_error(db: Database, articles: dict[str, int]) -> None:
    assert issubclass(NoteNotFoundError, NewsreaderError)
    with db.session() as session:
        with pytest.raises(NoteNotFoundError):
            note_store.update_note(session, 404, "text")
        with pytest.raises(NoteNotFoundError):
            note_store.delete_note(session, 404)
        note = note_store.add_note(session, articles["en"], "short-lived")
        note_store.delete_note(session, note.id)
        assert note_store.list_notes(session, articles["en"]) == []


def test_search_finds_every_word_and_lists_the_newest_note_first(
    db: Database, articles: dict[str, int]
) -> None:
    with db.session() as session:
        note_store.add_note(session, articles["ar"], "السوق", created=T0)
        note_store.add_note(session, articles["ar"], "Monday", created=T0 + timedelta(hours=1))
        note_store.add_note(session, articles["en"], "monday market", created=T0 + timedelta(2))

        assert note_store.search_notes(session, "monday") == [articles["en"], articles["ar"]]
        assert note_store.search_notes(session, "السوق MONDAY") == [articles["ar"]]  # two notes
        assert note_store.search_notes(session, "monday tuesday") == []
        assert note_store.search_notes(session, " \t ") == []


#: The second user's view of the same database.
other = storage.other


def test_each_user_lists_writes_and_deletes_their_own_notes(
    db: Database, other: Database, articles: dict[str, int]
) -> None:
    with db.session() as session:
        mine = note_store.add_note(session, articles["ar"], "ملاحظتي عن الخبر")
    with other.session() as session:
        theirs = note_store.add_note(session, articles["ar"], "a note of my own")
        assert [n.text for n in note_store.list_notes(session, articles["ar"])] == [
            "a note of my own"
        ]
        assert note_store.search_notes(session, "ملاحظتي") == []
        with pytest.raises(NoteNotFoundError):  # another user's note is as if not there
            note_store.update_note(session, mine.id, "changed")
        with pytest.raises(NoteNotFoundError):
            note_store.delete_note(session, mine.id)
    with db.session() as session:
        assert [n.text for n in note_store.list_notes(session, articles["ar"])] == [
            "ملاحظتي عن الخبر"
        ]
        assert note_store.search_notes(session, "own") == []
        assert note_store.search_notes(session, "ملاحظتي") == [articles["ar"]]
        note_store.delete_note(session, mine.id)
    with other.session() as session:
        assert [n.id for n in note_store.list_notes(session, articles["ar"])] == [theirs.id]
