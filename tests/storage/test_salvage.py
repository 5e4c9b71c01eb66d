"""Reading the user's own data out of a database file, however damaged, without writing to it.

SQLite only: salvage reads a damaged SQLite file (a PostgreSQL server keeps its own
files sound)."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import insert

from newsreader.core.backup_records import ArticleRecord, NoteRecord, SubscriptionRecord
from newsreader.core.types import ArticleQuery
from newsreader.storage import articles as article_store
from newsreader.storage import feeds as feed_store
from newsreader.storage import notes as note_store
from newsreader.storage.database import Database, sqlite_url
from newsreader.storage.models import ArticleRow
from newsreader.storage.salvage import open_read_only, salvage_user_data, stray_notes_text

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def profile_file(path: Path) -> Path:
    """A database made by Newsreader: two feeds, marked and annotated articles, one untouched."""
    db = Database(sqlite_url(path))
    with db.session() as session:
        arabic = feed_store.add_feed(
            session, "https://a.example/feed", folder="عربي", title="أخبار", site_url="https://a/"
        )
        english = feed_store.add_feed(session, "https://b.example/feed")
        feed_store.set_pinned(session, english, True)
        session.execute(
            insert(ArticleRow),
            [
                {"feed_id": feed, "key": key, "first_seen": T0, "sort_time": T0}
                for feed, key in ((arabic, "a1"), (arabic, "a2"), (english, "b1"), (english, "b2"))
            ],
        )
        ids = {a.guid: a.id for a in article_store.list_articles(session, ArticleQuery())}
        article_store.mark_read(session, [ids["a1"]])
        article_store.mark_starred(session, [ids["b1"]])
        article_store.mark_opened(session, ids["b2"])  # opened only: nothing to keep
        note_store.add_note(session, ids["a2"], "ملاحظة", created=T0)
    db.close()
    return path


def test_a_sound_file_gives_back_what_only_the_user_made(tmp_path: Path) -> None:
    path = profile_file(tmp_path / "newsreader.sqlite3")

    salvage = salvage_user_data(path)

    assert (salvage.damaged_tables, salvage.stray_notes) == ((), ())
    assert set(salvage.data.subscriptions) == {
        SubscriptionRecord("https://a.example/feed", "أخبار", "عربي", "https://a/", False),
        SubscriptionRecord("https://b.example/feed", None, None, None, True),
    }
    records = {r.key: r for r in salvage.data.articles}
    assert set(records) == {"a1", "a2", "b1"}
    a1, a2, b1 = records["a1"], records["a2"], records["b1"]
    assert (a1.feed_url, a1.read, a1.starred, a1.starred_at) == (
        "https://a.example/feed",
        True,
        False,
        None,
    )
    assert a1.read_at is not None and a1.read_at.tzinfo is not None
    assert (b1.feed_url, b1.read, b1.starred, b1.read_at) == (
        "https://b.example/feed",
        False,
        True,
        None,
    )
    assert b1.starred_at is not None
    assert a2 == ArticleRecord(
        "https://a.example/feed", "a2", notes=(NoteRecord("ملاحظة", T0, T0),)
    )


def test_the_file_is_only_read(tmp_path: Path) -> None:
    path = profile_file(tmp_path / "newsreader.sqlite3")
    before = digest(path)

    salvage_user_data(path)

    assert digest(path) == before
    conn = open_read_only(path)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM notes")
    finally:
        conn.close()


def test_a_time_beside_a_mark_that_is_off_is_not_kept(tmp_path: Path) -> None:
    path = old_file(
        tmp_path / "stale.sqlite3",
        """
        CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT);
        CREATE TABLE articles (id INTEGER PRIMARY KEY, feed_id INTEGER, key TEXT);
        CREATE TABLE article_state (article_id INTEGER PRIMARY KEY, read BOOLEAN,
                                    starred BOOLEAN, read_at TEXT, starred_at TEXT);
        INSERT INTO feeds VALUES (1, 'https://a.example/feed');
        INSERT INTO articles VALUES (10, 1, 'starred'), (11, 1, 'read');
        INSERT INTO article_state VALUES
            (10, 0, 1, '2026-11-01 08:00:00', '2026-11-20 08:00:00'),
            (11, 1, 0, '2026-11-20 08:00:00', '2026-11-01 08:00:00');
        """,
    )

    records = {r.key: r for r in salvage_user_data(path).data.articles}

    assert (records["starred"].read_at, records["starred"].starred_at) == (None, T0)
    assert (records["read"].read_at, records["read"].starred_at) == (T0, None)


def old_file(path: Path, script: str) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(script)
    conn.commit()
    conn.close()
    return path


def test_a_file_from_an_older_schema_gives_what_it_has(tmp_path: Path) -> None:
    path = old_file(
        tmp_path / "old.sqlite3",
        """
        CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT, title TEXT);
        CREATE TABLE articles (id INTEGER PRIMARY KEY, feed_id INTEGER, key TEXT);
        CREATE TABLE article_state (article_id INTEGER PRIMARY KEY, read BOOLEAN, starred BOOLEAN);
        CREATE TABLE notes (id INTEGER PRIMARY KEY, article_id INTEGER, text TEXT,
                            created TEXT, updated TEXT);
        INSERT INTO feeds VALUES (1, 'https://a.example/feed', ''), (2, NULL, 'no address');
        INSERT INTO articles VALUES (10, 1, 'k10'), (11, 1, 'k11');
        INSERT INTO article_state VALUES (10, 1, 1), (11, 0, 0);
        INSERT INTO notes VALUES (1, 10, 'old note', '2026-11-20 08:00:00.000000', 'garbage'),
                                 (2, 10, '', '2026-11-20 08:00:00', NULL);
        """,
    )

    salvage = salvage_user_data(path)

    assert salvage.data.subscriptions == (SubscriptionRecord("https://a.example/feed"),)
    assert salvage.data.articles == (
        ArticleRecord(
            "https://a.example/feed",
            "k10",
            read=True,
            starred=True,
            notes=(NoteRecord("old note", T0, T0),),  # an unreadable time: the note's own
        ),
    )
    assert salvage.damaged_tables == ()


def test_notes_whose_article_is_lost_are_kept_as_text(tmp_path: Path) -> None:
    path = old_file(
        tmp_path / "lost.sqlite3",
        """
        CREATE TABLE notes (id INTEGER PRIMARY KEY, article_id INTEGER, text TEXT,
                            created TEXT, updated TEXT);
        INSERT INTO notes VALUES (1, 99, 'سطر أول
        سطر ثان', '2026-11-20 08:00:00', NULL);
        """,
    )

    salvage = salvage_user_data(path)

    assert salvage.data.articles == ()
    assert [n.text for n in salvage.stray_notes] == ["سطر أول\n        سطر ثان"]
    text = stray_notes_text(salvage.stray_notes)
    assert text == "--- 2026-11-20 08:00 UTC\nسطر أول\n        سطر ثان\n"


def test_rows_beyond_a_damaged_page_are_still_found(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, article_id INTEGER, text TEXT)")
    conn.executemany(
        "INSERT INTO notes VALUES (?, ?, ?)",
        [(n, 99, f"{n:04} " + "x" * 1500) for n in range(1, 201)],
    )
    conn.commit()
    leaves = [
        page
        for (page,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'notes' AND pagetype = 'leaf' ORDER BY pageno"
        )
    ]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert len(leaves) > 10
    with path.open("r+b") as f:  # one leaf in the middle is lost
        f.seek((leaves[len(leaves) // 2] - 1) * page_size)
        f.write(b"\xee" * page_size)

    salvage = salvage_user_data(path)

    found = [int(n.text[:4]) for n in salvage.stray_notes]
    assert salvage.damaged_tables == ("notes",)
    assert 1 in found and 200 in found  # before and after the damage
    assert 150 < len(found) < 200


def test_a_file_that_is_no_database_gives_nothing_and_says_so(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00 not a database " * 500)

    salvage = salvage_user_data(garbage)

    assert salvage.data.subscriptions == salvage.data.articles == ()
    assert salvage.damaged_tables  # every table it tried
    assert salvage_user_data(tmp_path / "missing.sqlite3").damaged_tables == ("(the whole file)",)


def test_saved_searches_are_salvaged_too(tmp_path: Path) -> None:
    from newsreader.core.backup_records import SavedSearchRecord
    from newsreader.storage import saved_searches

    path = profile_file(tmp_path / "newsreader.sqlite3")
    db = Database(sqlite_url(path))
    with db.session() as session:
        saved_searches.save(session, "الذهب", "ذهب OR gold", created=T0)
    db.close()

    assert salvage_user_data(path).data.saved_searches == (
        SavedSearchRecord("الذهب", "ذهب OR gold", T0),
    )


def test_every_user_s_marks_notes_and_searches_come_back_as_theirs(tmp_path: Path) -> None:
    from newsreader.storage import saved_searches

    path = profile_file(tmp_path / "newsreader.sqlite3")
    other = Database(sqlite_url(path), user="salma")
    with other.session() as session:
        ids = {a.guid: a.id for a in article_store.list_articles(session, ArticleQuery())}
        article_store.mark_starred(session, [ids["a1"]])
        note_store.add_note(session, ids["b2"], "her note", created=T0)
        saved_searches.save(session, "Gold", "gold", created=T0)
    other.close()

    salvage = salvage_user_data(path)
    mine = {r.key: (r.read, r.starred, [n.text for n in r.notes]) for r in salvage.data.articles}
    assert mine == {
        "a1": (True, False, []),
        "a2": (False, False, ["ملاحظة"]),
        "b1": (False, True, []),
    }
    assert salvage.data.saved_searches == ()
    [(user, theirs)] = salvage.others
    assert user == "salma"
    assert theirs.subscriptions == ()  # the subscriptions are everyone's, given once
    assert {r.key: (r.read, r.starred, [n.text for n in r.notes]) for r in theirs.articles} == {
        "a1": (False, True, []),
        "b2": (False, False, ["her note"]),
    }
    assert [s.name for s in theirs.saved_searches] == ["Gold"]
