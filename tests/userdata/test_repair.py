"""A damaged database: a clear error, then a repair that keeps the user's own data."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from pathlib import Path

import pytest

from newsreader.cli.main import main
from newsreader.core.errors import DatabaseDamagedError
from newsreader.core.paths import app_paths
from newsreader.reader import Reader
from newsreader.storage.salvage import database_is_sound
from newsreader.userdata.repair import damage_suspected, repair_profile
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Response


def damage_table(database: Path, table: str) -> None:
    """Overwrite the root page of ``table``: none of its rows can be reached any more."""
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    conn.close()
    with database.open("r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xee" * page_size)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def profile(tmp_path: Path, feed_server: FeedServer) -> Path:
    """A profile with two feeds (one in a folder), marks and notes; closed again."""
    feed_server.route("/a.rss", Response(body=rss(numbered(12, "a"), title="أخبار أ")))
    feed_server.route("/b.rss", Response(body=rss(numbered(8, "b"), title="News B")))
    data_dir = tmp_path / "profile"
    with Reader.open(data_dir) as reader:
        a = reader.add_feed(feed_server.url("/a.rss"), folder="عربي")
        b = reader.add_feed(feed_server.url("/b.rss"))
        reader.set_feed_pinned(b.id, True)
        ids = {x.guid: x.id for x in reader.list_articles()}
        reader.mark_starred([ids["a-3"], ids["b-2"]])
        reader.mark_read([ids["a-5"]])
        reader.add_note(ids["a-7"], "ملاحظة على الخبر السابع")
        reader.add_note(ids["b-1"], "a note on b-1")
        assert {a.title, b.title} == {"أخبار أ", "News B"}
    return data_dir


def marks(reader: Reader) -> dict[str, tuple[bool, bool, list[str]]]:
    """Read, starred and notes of every article with any, by guid."""
    found = {}
    for article in reader.list_articles():
        notes = [n.text for n in reader.list_notes(article.id)]
        if article.read or article.starred or notes:
            found[article.guid] = (article.read, article.starred, notes)
    return found


def test_a_sound_database_is_left_alone(profile: Path) -> None:
    database = app_paths(profile).database
    before = digest(database)
    assert database_is_sound(database)
    report = repair_profile(app_paths(profile))
    assert not report.repaired
    assert digest(database) == before
    assert list(database.parent.glob("*.damaged-*")) == []


def test_a_damaged_table_gives_a_clear_error_and_a_repair_brings_the_rest_back(
    profile: Path,
) -> None:
    paths = app_paths(profile)
    damage_table(paths.database, "article_state")
    damaged = digest(paths.database)
    with pytest.raises(Exception, match="damaged"), Reader.open(profile) as reader:
        reader.list_articles(limit=100)
    report = repair_profile(paths)
    assert report.repaired and report.kept_as is not None
    assert digest(report.kept_as) == damaged  # set aside untouched, never deleted
    assert report.damaged_tables == ("article_state",)
    assert report.subscriptions == 2
    with Reader.open(profile) as reader:
        feeds = {f.title or f.url: f for f in reader.list_feeds()}
        assert sorted(f.folder or "" for f in feeds.values()) == ["", "عربي"]
        assert [f.pinned for f in feeds.values()].count(True) == 1
        assert reader.refresh().failed == 0  # the feeds bring the articles back
        # the marks were in the damaged table; the notes come back on their articles
        assert marks(reader) == {
            "a-7": (False, False, ["ملاحظة على الخبر السابع"]),
            "b-1": (False, False, ["a note on b-1"]),
        }


def test_notes_whose_article_is_lost_are_kept_in_a_text_file(profile: Path) -> None:
    paths = app_paths(profile)
    damage_table(paths.database, "articles")
    report = repair_profile(paths)
    assert report.repaired and "articles" in report.damaged_tables
    assert report.stray_notes_file is not None
    kept = report.stray_notes_file.read_text(encoding="utf-8")
    assert "ملاحظة على الخبر السابع" in kept and "a note on b-1" in kept
    with Reader.open(profile) as reader:
        assert len(reader.list_feeds()) == 2


def test_a_forced_repair_of_a_sound_database_keeps_every_mark(profile: Path) -> None:
    with Reader.open(profile) as reader:
        before = marks(reader)
    report = repair_profile(app_paths(profile), force=True)
    assert report.repaired and report.articles == 5 and report.notes == 2
    with Reader.open(profile) as reader:
        assert marks(reader) == {}  # nothing cached yet: the marks wait for the articles
        reader.refresh()
        assert marks(reader) == before


def test_the_command_line_points_to_repair_and_repairs(profile: Path) -> None:
    damage_table(app_paths(profile).database, "folders")
    out, err = io.StringIO(), io.StringIO()
    # the schema is read at open; a damaged folders table shows when it is used
    code = main(["--data-dir", str(profile), "feeds", "list"], out=out, err=err)
    assert code == 1 and "damaged" in err.getvalue()
    assert "'newsreader repair'" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert main(["--data-dir", str(profile), "repair"], out=out, err=err) == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("the damaged database is kept as ")
    assert "restored 2 subscriptions" in lines[1]
    assert "folders" in lines[-1]
    out = io.StringIO()
    assert main(["--data-dir", str(profile), "repair"], out=out, err=err) == 0
    assert out.getvalue().startswith("the database is sound")


def test_a_file_that_is_no_database_at_all_is_said_so_at_open(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "p").ensure()
    paths.database.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseDamagedError):
        Reader.open(tmp_path / "p")
    err = io.StringIO()
    assert main(["--data-dir", str(tmp_path / "p"), "feeds", "list"], err=err) == 1
    assert "newsreader repair" in err.getvalue()
    report = repair_profile(paths)
    assert report.repaired and report.subscriptions == 0
    with Reader.open(tmp_path / "p") as reader:
        assert reader.list_feeds() == []


def test_damage_met_in_use_is_checked_at_the_next_start(profile: Path) -> None:
    paths = app_paths(profile)
    marker = paths.database.with_name("newsreader.sqlite3.damage-seen")
    assert not damage_suspected(paths)
    damage_table(paths.database, "articles")
    # opening reads too little to notice; using the table does
    with Reader.open(profile) as reader, pytest.raises(DatabaseDamagedError):
        reader.list_articles(limit=50)
    assert marker.exists()
    assert damage_suspected(paths)  # the whole file checked: still damaged
    assert repair_profile(paths).repaired
    assert not marker.exists() and not damage_suspected(paths)


def test_a_stale_damage_mark_on_a_sound_file_is_cleared(profile: Path) -> None:
    paths = app_paths(profile)
    marker = paths.database.with_name("newsreader.sqlite3.damage-seen")
    marker.touch()
    assert not damage_suspected(paths)
    assert not marker.exists()


def test_a_repair_brings_every_user_s_marks_back_as_theirs(profile: Path) -> None:
    with Reader.open(profile, user="salma") as reader:
        ids = {x.guid: x.id for x in reader.list_articles()}
        reader.mark_starred([ids["a-1"]])
        reader.add_note(ids["a-3"], "salma's note")
        reader.save_search("Harbour", "harbour")
        theirs = marks(reader)
    with Reader.open(profile) as reader:
        mine = marks(reader)
    assert theirs == {"a-1": (False, True, []), "a-3": (False, False, ["salma's note"])}
    report = repair_profile(app_paths(profile), force=True)
    assert report.repaired and report.articles == 7 and report.notes == 3
    assert (profile / "pending-state-salma.json").exists()
    with Reader.open(profile, user="salma") as reader:
        reader.refresh()
        assert marks(reader) == theirs
        assert [s.name for s in reader.saved_searches()] == ["Harbour"]
    with Reader.open(profile) as reader:
        reader.refresh()
        assert marks(reader) == mine
        assert reader.saved_searches() == []
