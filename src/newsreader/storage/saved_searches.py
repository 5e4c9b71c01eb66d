"""Saved searches: a name and a query the user keeps (shown as topics of their own).

Each is its user's: the session's user sees and changes their own only.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsreader.core.errors import NewsreaderError
from newsreader.core.types import SavedSearch
from newsreader.storage.database import session_user
from newsreader.storage.feeds import now_utc
from newsreader.storage.models import SavedSearchRow


class SavedSearchNotFoundError(NewsreaderError):
    """No saved search has the given id."""


def _saved(row: SavedSearchRow) -> SavedSearch:
    return SavedSearch(id=row.id, name=row.name, query=row.query, created=row.created)


def _clean(value: str, what: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise NewsreaderError(f"a saved search needs a {what}")
    return cleaned


def _row(session: Session, search_id: int) -> SavedSearchRow:
    row = session.get(SavedSearchRow, search_id)
    if row is None or row.user_name != session_user(session):
        raise SavedSearchNotFoundError(f"no saved search with id {search_id}")
    return row


def list_saved(session: Session) -> list[SavedSearch]:
    """Every saved search, in the order they were saved."""
    rows = session.scalars(
        select(SavedSearchRow)
        .where(SavedSearchRow.user_name == session_user(session))
        .order_by(SavedSearchRow.created, SavedSearchRow.id)
    )
    return [_saved(r) for r in rows]


def save(
    session: Session, name: str, query: str, *, created: datetime | None = None
) -> SavedSearch:
    """Keep *query* under *name* (blank ones are refused); ``created`` when restoring."""
    row = SavedSearchRow(
        user_name=session_user(session),
        name=_clean(name, "name"),
        query=_clean(query, "query"),
        created=created or now_utc(),
    )
    session.add(row)
    session.flush()
    return _saved(row)


def rename(session: Session, search_id: int, name: str) -> SavedSearch:
    row = _row(session, search_id)
    row.name = _clean(name, "name")
    session.flush()
    return _saved(row)


def remove(session: Session, search_id: int) -> None:
    session.delete(_row(session, search_id))
