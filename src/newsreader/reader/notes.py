"""The part of :class:`~newsreader.reader.Reader` about the user's private notes."""

from __future__ import annotations

from newsreader.core.types import Note
from newsreader.reader.profile import ProfileParts
from newsreader.storage import notes as note_store


class NotesMixin(ProfileParts):
    """Private notes on articles: kept apart from the articles, never touched by a refresh."""

    def list_notes(self, article_id: int) -> list[Note]:
        with self._db.session() as session:
            return note_store.list_notes(session, article_id)

    def add_note(self, article_id: int, text: str) -> Note:
        """A new private note (empty text is refused with a :class:`NewsreaderError`)."""
        with self._db.session() as session:
            return note_store.add_note(session, article_id, text)

    def update_note(self, note_id: int, text: str) -> Note:
        with self._db.session() as session:
            return note_store.update_note(session, note_id, text)

    def delete_note(self, note_id: int) -> None:
        with self._db.session() as session:
            note_store.delete_note(session, note_id)

    def search_notes(self, text: str) -> list[int]:
        """Ids of the articles whose notes contain every word of ``text``."""
        with self._db.session() as session:
            return note_store.search_notes(session, text)
