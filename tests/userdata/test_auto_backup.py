"""Automatic backups: a set a day, user-only, the last seven kept; a repair restores the newest."""

from __future__ import annotations

import io
import json
import os
import stat
from datetime import datetime, timedelta
from pathlib import Path

import listparser

from newsreader.cli.main import main
from newsreader.core.paths import app_paths
from newsreader.reader import Reader
from newsreader.userdata import auto_backup
from newsreader.userdata.repair import database_lost, repair_profile
from tests.helpers.feedserver import FeedServer
from tests.helpers.profile import database_of
from tests.userdata.test_repair import damage_table, marks, profile  # noqa: F401  (fixture)

DAY = datetime(2026, 12, 7, 12, 0).astimezone()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def write_on(reader: Reader, when: datetime) -> auto_backup.BackupSet | None:
    folder = reader.backups_folder
    assert folder is not None
    return auto_backup.write_backup(
        database_of(reader), folder, pending_file=reader.pending_state_file, now=when
    )


def test_a_backup_holds_subscriptions_marks_and_notes_user_only(profile: Path) -> None:  # noqa: F811
    with Reader.open(profile) as reader:
        backup = reader.write_backup()
        assert backup is not None
        assert reader.list_backups() == [backup]
        feeds = {f.url for f in reader.list_feeds()}
    folder = app_paths(profile).data / "backups"
    assert backup.userdata.parent == folder
    assert mode(folder) == 0o700
    assert mode(backup.userdata) == 0o600 and mode(backup.opml) == 0o600
    document = json.loads(backup.userdata.read_text(encoding="utf-8"))
    assert document["format"] == "newsreader-userdata"
    assert {s["url"] for s in document["subscriptions"]} == feeds
    noted = [n["text"] for a in document["articles"] for n in a["notes"]]
    assert sorted(noted) == sorted(["ملاحظة على الخبر السابع", "a note on b-1"])
    assert sum(a["starred"] for a in document["articles"]) == 2
    # the OPML is for any feed reader
    parsed = listparser.parse(backup.opml.read_bytes())
    assert {f.url for f in parsed.feeds} == feeds
    assert not [p for p in folder.iterdir() if p.name.startswith(".part-")]


def test_one_set_a_day_and_the_last_seven_days_kept(profile: Path) -> None:  # noqa: F811
    with Reader.open(profile) as reader:
        for day in range(10):
            write_on(reader, DAY + timedelta(days=day))
        write_on(reader, DAY + timedelta(days=9, hours=3))  # the same day again: replaced
        kept = reader.list_backups()
    assert len(kept) == auto_backup.KEEP
    assert [b.day for b in kept] == [(DAY + timedelta(days=d)).date() for d in range(9, 2, -1)]
    files = sorted(p.name for p in kept[0].userdata.parent.iterdir())
    assert len(files) == 2 * auto_backup.KEEP


def test_the_daily_backup_is_written_once_a_day(profile: Path) -> None:  # noqa: F811
    with Reader.open(profile) as reader:
        db, folder = database_of(reader), reader.backups_folder
        assert folder is not None
        first = auto_backup.backup_if_due(db, folder, now=DAY)
        assert first is not None
        reader.mark_read([a.id for a in reader.list_articles()])
        assert auto_backup.backup_if_due(db, folder, now=DAY + timedelta(hours=5)) is None
        assert auto_backup.backup_if_due(db, folder, now=DAY + timedelta(days=1)) is not None


def test_an_empty_profile_is_never_backed_up(tmp_path: Path) -> None:
    with Reader.open(tmp_path / "empty") as reader:
        assert reader.write_backup() is None
        assert reader.backup_if_due() is None
        assert reader.list_backups() == []


def test_a_lost_database_comes_back_from_the_newest_backup(
    profile: Path,  # noqa: F811
    feed_server: FeedServer,
) -> None:
    paths = app_paths(profile)
    with Reader.open(profile) as reader:
        before = marks(reader)
        folders = sorted((f.url, f.folder, f.pinned) for f in reader.list_feeds())
        write_on(reader, DAY - timedelta(days=2))  # an older set: not the one restored
        reader.mark_starred([a.id for a in reader.list_articles() if a.guid == "b-5"])
        before = marks(reader)
        reader.write_backup()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    assert database_lost(paths)
    err = io.StringIO()  # no command starts an empty database in its place
    assert main(["--data-dir", str(profile), "articles"], out=io.StringIO(), err=err) == 1
    assert "'newsreader repair' starts it again from the newest backup" in err.getvalue()
    assert not paths.database.exists()
    out = io.StringIO()
    assert main(["--data-dir", str(profile), "repair"], out=out, err=io.StringIO()) == 0
    assert "restored from the backup" in out.getvalue()
    assert not database_lost(paths)
    with Reader.open(profile) as reader:
        assert sorted((f.url, f.folder, f.pinned) for f in reader.list_feeds()) == folders
        reader.refresh(all_feeds=True)  # the articles come back, and their marks with them
        assert marks(reader) == before


def test_a_damaged_database_gets_back_what_only_the_backup_still_holds(
    profile: Path,  # noqa: F811
) -> None:
    paths = app_paths(profile)
    with Reader.open(profile) as reader:
        before = marks(reader)
        reader.write_backup()
    damage_table(paths.database, "notes")  # the notes can no longer be read from the file
    report = repair_profile(paths, force=True)
    assert report.repaired and report.backup is not None and report.kept_as is not None
    with Reader.open(profile) as reader:
        reader.refresh(all_feeds=True)
        assert marks(reader) == before


def test_an_unreadable_newest_backup_gives_way_to_the_one_before(
    profile: Path,  # noqa: F811
) -> None:
    with Reader.open(profile) as reader:
        older = write_on(reader, DAY - timedelta(days=1))
        newest = write_on(reader, DAY)
    assert older is not None and newest is not None
    newest.userdata.write_bytes(b'{"format": "newsreader-userdata", "vers')
    found = auto_backup.newest_readable(newest.userdata.parent)
    assert found is not None and found[0] == older


def test_no_database_and_no_backup_is_nothing_to_repair(tmp_path: Path) -> None:
    paths = app_paths(tmp_path / "new")
    assert not database_lost(paths)
    assert not repair_profile(paths).repaired
    out = io.StringIO()
    assert main(["--data-dir", str(tmp_path / "new"), "repair"], out=out) == 0
    assert out.getvalue() == "there is no database here, and no backup: nothing to repair\n"
    assert not os.path.exists(paths.database)
