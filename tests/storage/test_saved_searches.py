"""Saved searches in the database: kept, listed, renamed and removed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsreader.core.errors import NewsreaderError
from newsreader.storage import saved_searches as saved
from newsreader.storage.database import Database
from tests.helpers import storage

db = storage.db


def test_save_list_rename_remove(db: Database) -> None:
    with db.session() as session:
        gold = saved.save(session, "  الذهب  ", "ذهب OR gold")
        old = saved.save(session, "Old", "x", created=datetime(2020, 1, 1, tzinfo=UTC))
    assert gold.name == "الذهب" and gold.query == "ذهب OR gold"
    with db.session() as session:
        assert [s.id for s in saved.list_saved(session)] == [old.id, gold.id]
        renamed = saved.rename(session, gold.id, "Gold")
    assert (renamed.id, renamed.name, renamed.query) == (gold.id, "Gold", "ذهب OR gold")
    with db.session() as session:
        saved.remove(session, old.id)
        assert [s.name for s in saved.list_saved(session)] == ["Gold"]


def test_blank_names_and_queries_and_unknown_ids_are_refused(db: Database) -> None:
    with db.session() as session:
        with pytest.raises(NewsreaderError, match="name"):
            saved.save(session, " ", "x")
        with pytest.raises(NewsreaderError, match="query"):
            saved.save(session, "x", "")
        with pytest.raises(saved.SavedSearchNotFoundError):
            saved.remove(session, 99)
        with pytest.raises(saved.SavedSearchNotFoundError):
            saved.rename(session, 99, "y")


other = storage.other


def test_each_user_keeps_their_own_saved_searches(db: Database, other: Database) -> None:
    with db.session() as session:
        mine = saved.save(session, "ذهب", "الذهب")
    with other.session() as session:
        saved.save(session, "Bridges", "bridge")
        assert [s.name for s in saved.list_saved(session)] == ["Bridges"]
        with pytest.raises(saved.SavedSearchNotFoundError):
            saved.rename(session, mine.id, "taken")
        with pytest.raises(saved.SavedSearchNotFoundError):
            saved.remove(session, mine.id)
    with db.session() as session:
        assert [s.name for s in saved.list_saved(session)] == ["ذهب"]
