"""A profile made by every released Newsreader opens in this one with nothing lost.

tests/fixtures/schema holds one database per released schema revision, made by
``make_schema_fixtures.py`` with that revision's own Alembic script.  Each is opened
the way the app opens a profile (``Reader.open``: upgraded to the newest revision,
whatever migrations have been added since), then read back through the Reader.
SQLite only: the released profiles are SQLite files (the migrations run on PostgreSQL
in test_migrations.py).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from newsreader.reader import Reader
from newsreader.storage.database import HEAD_REVISION, MIGRATIONS_DIR

SCHEMA_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "schema"
FIXTURES = sorted(SCHEMA_FIXTURES.glob("profile-*.sqlite3"))
EXPECTED = json.loads((SCHEMA_FIXTURES / "expected.json").read_text(encoding="utf-8"))


def revisions() -> list[str]:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return [s.revision for s in ScriptDirectory.from_config(config).walk_revisions()]


def test_every_released_revision_has_a_fixture() -> None:
    """A revision newer than head-1 is released once the next one is added: make its fixture
    then (tests/fixtures/schema/make_schema_fixtures.py)."""
    have = {path.stem.removeprefix("profile-") for path in FIXTURES}
    released = set(revisions()) - {HEAD_REVISION}
    assert released <= have, f"no fixture for {sorted(released - have)}"
    assert have <= set(revisions())


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_old_profile_is_upgraded_with_marks_notes_and_folders_intact(
    tmp_path: Path, fixture: Path
) -> None:
    profile = tmp_path / "profile"
    profile.mkdir()
    database = profile / "newsreader.sqlite3"
    shutil.copyfile(fixture, database)
    # from 0010 on, the marks and notes in the fixture are its own user's
    keyed = _revision_of(fixture) >= "0010"
    with Reader.open(profile, user=EXPECTED["user_from_0010"] if keyed else None) as reader:
        feeds = {f.url: {"folder": f.folder, "pinned": f.pinned} for f in reader.list_feeds()}
        assert feeds == EXPECTED["feeds"]
        url_of = {f.id: f.url for f in reader.list_feeds()}
        rows = reader.list_articles()
        categories = reader.categories_of([a.id for a in rows])
        found = {}
        for summary in rows:
            article = reader.get_article(summary.id)
            found[f"{url_of[article.feed_id]} {article.guid}"] = {
                "read": article.read,
                "starred": article.starred,
                "notes": [n.text for n in reader.list_notes(article.id)],
                "categories": sorted(categories.get(article.id, [])),
                "enclosures": [e.url for e in article.enclosures],
            }
        assert found == EXPECTED["articles"]
        comments = {
            name: len(reader.list_comments(summary.id))
            for summary in rows
            if (name := f"{url_of[summary.feed_id]} {summary.guid}") in EXPECTED["comments"]
        }
        assert comments == EXPECTED["comments"]
        # an index of documents made another way is rebuilt as the window would
        while reader.continue_search_index():
            pass
        # the notes are searched as the upgrading user's own, and another's start empty
        noted = [r.id for r in rows if r.guid == "a-1"]
        found_notes = reader.search("قارن")
        assert found_notes.complete
        assert [h.article.id for h in found_notes.hits] == noted
        with Reader.open(profile, user="another user") as other:
            assert other.search("قارن").hits == ()
            assert other.count_articles()[1] == len(rows)
            assert all(not a.read and not a.starred for a in other.list_articles())
            assert all(other.list_notes(a.id) == [] for a in rows)
        # and the upgraded profile takes new marks as any other
        some = rows[0].id
        reader.mark_starred([some], not rows[0].starred)
        assert reader.get_article(some).starred is not rows[0].starred
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
    finally:
        conn.close()


def _revision_of(fixture: Path) -> str:
    return fixture.stem.removeprefix("profile-")


def test_the_fixtures_themselves_are_left_as_they_were() -> None:
    for fixture in FIXTURES:
        conn = sqlite3.connect(f"file:{fixture}?mode=ro", uri=True)
        try:
            [(revision,)] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            conn.close()
        assert fixture.name == f"profile-{revision}.sqlite3"
