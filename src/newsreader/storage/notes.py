"""The user's private notes on articles: plain text, stored only in the local database.

Each note is its writer's: the session's user lists, changes, deletes and searches
their own notes only; another user's note is as if it were not there.

A note's direction comes from its own words, so an English remark on an Arabic
article reads left to right; a note without letters (a date, a number) takes the
article's direction.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from newsreader.core.errors import ArticleNotFoundError, NewsreaderError
from newsreader.core.text import detect_direction, normalize_arabic
from newsreader.core.types import Direction, Note
from newsreader.storage import search as search_index
from newsreader.storage.database import session_user
from newsreader.storage.feeds import now_utc
from newsreader.storage.models import ArticleRow, NoteRow


class NoteNotFoundError(NewsreaderError):
    """No note has the given id."""


def _note(row: NoteRow) -> Note:
    return Note(
        id=row.id,
        article_id=row.article_id,
        text=row.text,
        direction=Direction(row.direction),
        created=row.created,
        updated=row.updated,
    )


def clean_text(text: str) -> str:
    """The note as stored: surrounding blank space trimmed; empty text is refused."""
    cleaned = text.strip()
    if not cleaned:
        raise NewsreaderError("a note cannot be empty")
    return cleaned


def _article_direction(session: Session, article_id: int) -> Direction:
    direction = session.scalar(select(ArticleRow.direction).where(ArticleRow.id == article_id))
    if direction is None:
        raise ArticleNotFoundError(f"no article with id {article_id}")
    return Direction(direction)


def note_direction(session: Session, article_id: int, text: str) -> Direction:
    """The direction of the note's own words, else its article's (raises for no article)."""
    fallback = _article_direction(session, article_id)
    return detect_direction(text, default=fallback) or fallback


def _row(session: Session, note_id: int) -> NoteRow:
    row = session.get(NoteRow, note_id)
    if row is None or row.user_name != session_user(session):
        raise NoteNotFoundError(f"no note with id {note_id}")
    return row


def list_notes(session: Session, article_id: int) -> list[Note]:
    """The article's notes, oldest first."""
    _article_direction(session, article_id)  # a clear error for an unknown article
    rows = session.scalars(
        select(NoteRow)
        .where(NoteRow.article_id == article_id, NoteRow.user_name == session_user(session))
        .order_by(NoteRow.created, NoteRow.id)
    )
    return [_note(r) for r in rows]


def add_note(
    session: Session,
    article_id: int,
    text: str,
    *,
    created: datetime | None = None,
    updated: datetime | None = None,
) -> Note:
    """Store a new note; ``created``/``updated`` are given when restoring a backup."""
    cleaned = clean_text(text)
    direction = note_direction(session, article_id, cleaned)
    now = now_utc()
    row = NoteRow(
        user_name=session_user(session),
        article_id=article_id,
        text=cleaned,
        direction=direction.value,
        created=created or now,
        updated=updated or created or now,
    )
    session.add(row)
    session.flush()
    search_index.reindex_notes(session, [article_id])
    return _note(row)


def update_note(session: Session, note_id: int, text: str) -> Note:
    row = _row(session, note_id)
    cleaned = clean_text(text)
    row.text = cleaned
    row.direction = note_direction(session, row.article_id, cleaned).value
    row.updated = now_utc()
    session.flush()
    search_index.reindex_notes(session, [row.article_id])
    return _note(row)


def delete_note(session: Session, note_id: int) -> None:
    row = _row(session, note_id)
    session.delete(row)
    session.flush()
    search_index.reindex_notes(session, [row.article_id])


def search_notes(session: Session, text: str) -> list[int]:
    """Ids of the articles whose notes hold every word of ``text``, newest note first.

    The words may be spread over several notes of one article.  Matching folds
    Arabic spelling variants and case, like the article filter; the notes table
    is small (the user wrote every row), so it is searched in memory.
    """
    words = [normalize_arabic(w) for w in text.split()]
    if not words:
        return []
    found: dict[int, str] = {}
    order: list[int] = []
    rows = session.execute(
        select(NoteRow.article_id, NoteRow.text)
        .where(NoteRow.user_name == session_user(session))
        .order_by(NoteRow.updated.desc(), NoteRow.id.desc())
    )
    for article_id, note_text in rows:
        if article_id not in found:
            order.append(article_id)
            found[article_id] = ""
        found[article_id] += "\n" + normalize_arabic(note_text)
    return [a for a in order if all(w in found[a] for w in words)]
