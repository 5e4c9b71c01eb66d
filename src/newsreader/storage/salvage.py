"""What can still be read of the user's own data in a damaged database file.

Feeds bring articles back; what only the user made (subscriptions with their
folders, read and starred marks, notes) is read here table by table with the
standard library's ``sqlite3``, read-only: no ORM, no migrations, no writes to the
damaged file.  A table is read in ``rowid`` order; where a page cannot be read, the
scan starts again further on, each time twice as far, so the rows beyond the damage
are still found.  Columns are looked up by name, so a file from an older schema
gives what it has.

The marks, notes and saved searches of every user are read, each user's apart
(``user_name``; a file from before users had names gives them all to the OS user).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsreader.core.backup_records import (
    ArticleRecord,
    NoteRecord,
    SavedSearchRecord,
    SubscriptionRecord,
    UserData,
)
from newsreader.storage.database import default_user

__all__ = ["Salvage", "open_read_only", "salvage_user_data", "stray_notes_text"]

log = logging.getLogger(__name__)

#: A scan that has skipped this far past the last row read gives up.
_GIVE_UP_GAP = 1 << 40


@dataclass(frozen=True, slots=True)
class Salvage:
    """The users' data read back from a damaged file."""

    #: The subscriptions, and the OS user's marks, notes and saved searches.
    data: UserData
    #: Notes whose article could not be named (its row was unreadable): their text is
    #: all that is left, and it is kept.
    stray_notes: tuple[NoteRecord, ...] = ()
    #: Tables in which some rows could not be read.
    damaged_tables: tuple[str, ...] = ()
    #: Every other user's marks, notes and saved searches, by user name.
    others: tuple[tuple[str, UserData], ...] = ()


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file at ``path``."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def database_is_sound(path: Path) -> bool:
    """Whether SQLite finds the file whole (``PRAGMA quick_check``), read-only."""
    try:
        conn = open_read_only(path)
    except sqlite3.Error:
        return False
    try:
        return [row[0] for row in conn.execute("PRAGMA quick_check")] == ["ok"]
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def salvage_user_data(path: Path) -> Salvage:
    """Subscriptions, marks and notes readable in the database file at ``path``."""
    try:
        conn = open_read_only(path)
    except sqlite3.Error as exc:
        log.warning("cannot open %s to salvage it: %s", path, exc)
        return Salvage(UserData(datetime.now(UTC)), damaged_tables=("(the whole file)",))
    try:
        return _Salvager(conn).run()
    finally:
        conn.close()


class _Salvager:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.damaged: list[str] = []

    def run(self) -> Salvage:
        folders = {row[0]: row[1] for row in self.rows("folders", ("id", "name"))}
        feeds = self.rows("feeds", ("id", "url", "title", "site_url", "folder_id", "pinned"))
        feed_urls = {row[0]: row[1] for row in feeds if row[1]}
        subscriptions = [
            SubscriptionRecord(
                url=url,
                title=title or None,
                folder=folders.get(folder_id),
                site_url=site_url or None,
                pinned=bool(pinned),
            )
            for _, url, title, site_url, folder_id, pinned in feeds
            if url
        ]
        owner = default_user()
        state: dict[tuple[str, int], tuple[Any, ...]] = {
            (row[0] or owner, row[1]): row[2:]
            for row in self.rows(
                "article_state",
                ("user_name", "article_id", "read", "starred", "read_at", "starred_at"),
            )
            if row[2] or row[3]
        }
        notes: dict[tuple[str, int], list[NoteRecord]] = {}
        for user, article_id, text, created, updated in self.rows(
            "notes", ("user_name", "article_id", "text", "created", "updated")
        ):
            if text:
                made = _time(created) or datetime.now(UTC)
                notes.setdefault((user or owner, article_id), []).append(
                    NoteRecord(text, made, _time(updated) or made)
                )
        wanted = {article_id for _user, article_id in (*state, *notes)}
        articles = {
            row[0]: (feed_urls.get(row[1]), row[2])
            for row in self.rows("articles", ("id", "feed_id", "key"))
            if row[0] in wanted
        }
        records: dict[str, list[ArticleRecord]] = {}
        stray: list[NoteRecord] = []
        for user, article_id in sorted(set(state) | set(notes)):
            feed_url, key = articles.get(article_id, (None, None))
            if not feed_url or not key:
                stray.extend(notes.get((user, article_id), ()))
                continue
            read, starred, read_at, starred_at = state.get(
                (user, article_id), (False, False, None, None)
            )
            records.setdefault(user, []).append(
                ArticleRecord(
                    feed_url=feed_url,
                    key=key,
                    read=bool(read),
                    starred=bool(starred),
                    read_at=_time(read_at) if read else None,
                    starred_at=_time(starred_at) if starred else None,
                    notes=tuple(notes.get((user, article_id), ())),
                )
            )
        searches: dict[str, list[SavedSearchRecord]] = {}
        for user, name, query, created in self.rows(
            "saved_searches", ("user_name", "name", "query", "created")
        ):
            if name and query:
                searches.setdefault(user or owner, []).append(
                    SavedSearchRecord(name, query, _time(created) or datetime.now(UTC))
                )
        now = datetime.now(UTC)
        data = UserData(
            now,
            tuple(subscriptions),
            tuple(records.get(owner, ())),
            tuple(searches.get(owner, ())),
        )
        others = tuple(
            (user, UserData(now, (), tuple(records.get(user, ())), tuple(searches.get(user, ()))))
            for user in sorted((set(records) | set(searches)) - {owner})
        )
        return Salvage(data, tuple(stray), tuple(self.damaged), others)

    def rows(self, table: str, wanted: Sequence[str]) -> list[tuple[Any, ...]]:
        """The readable rows of ``table``; a column it lacks reads as None."""
        present = self._columns(table)
        if present is None:
            return []
        selected = ", ".join(c if c in present else "NULL" for c in wanted)
        found, complete = _scan(self.conn, table, selected)
        if not complete:
            self.damaged.append(table)
            log.info("salvage: rows of %s could not all be read", table)
        return found

    def _columns(self, table: str) -> set[str] | None:
        try:
            info = self.conn.execute(f"PRAGMA table_info({table})").fetchall()
        except sqlite3.DatabaseError:
            self.damaged.append(table)
            return None
        if not info:
            return None  # not in this file's schema
        return {row[1] for row in info}


def _scan(conn: sqlite3.Connection, table: str, columns: str) -> tuple[list[tuple[Any, ...]], bool]:
    """Rows in rowid order, past any unreadable pages; and whether all could be read."""
    rows: list[tuple[Any, ...]] = []
    after = -(1 << 63)
    gap = 1
    complete = True
    query = f"SELECT rowid, {columns} FROM {table} WHERE rowid > ? ORDER BY rowid"
    while True:
        try:
            for row in conn.execute(query, (after,)):
                rows.append(tuple(row[1:]))
                after = row[0]
                gap = 1
            return rows, complete
        except sqlite3.DatabaseError:
            complete = False
            if after == -(1 << 63):
                after = 0  # rowids start at 1
            after += gap
            gap *= 2
            if gap > _GIVE_UP_GAP:
                return rows, False


def _time(value: object) -> datetime | None:
    """A stored time (naive UTC text) as an aware datetime; None if unreadable."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def stray_notes_text(notes: Iterable[NoteRecord]) -> str:
    """Notes whose article is lost, as plain text for the user to keep."""
    parts = []
    for note in notes:
        stamp = note.created.strftime("%Y-%m-%d %H:%M UTC")
        parts.append(f"--- {stamp}\n{note.text}\n")
    return "\n".join(parts)
