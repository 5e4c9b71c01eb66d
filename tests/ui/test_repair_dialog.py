"""The window offers to repair a damaged database instead of only refusing to start."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from newsreader import app
from newsreader.core.errors import DatabaseDamagedError
from newsreader.core.paths import app_paths
from newsreader.reader import Reader
from newsreader.ui import repair_dialog
from newsreader.ui.i18n import Translations
from newsreader.ui.repair_dialog import repaired_text
from newsreader.userdata.repair import RepairReport
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.userdata.test_repair import damage_table

pytestmark = pytest.mark.gui


def window_args(data_dir: Path) -> argparse.Namespace:
    return argparse.Namespace(
        data_dir=str(data_dir), db=None, lang="en", size=None, screenshot=None
    )


@pytest.fixture
def damaged_profile(tmp_path: Path, feed_server: FeedServer) -> Path:
    feed_server.route("/a.rss", Response(body=rss(numbered(3, "a"), title="Desk")))
    data_dir = tmp_path / "profile"
    with Reader.open(data_dir) as reader:
        reader.add_feed(feed_server.url("/a.rss"), folder="World")
    damage_table(app_paths(data_dir).database, "folders")
    app_paths(data_dir).database.write_bytes(b"no longer a database" * 50)
    return data_dir


def test_the_report_is_worded_in_the_interface_language(
    app_translations: Translations, tmp_path: Path
) -> None:
    report = RepairReport(
        repaired=True,
        kept_as=tmp_path / "newsreader.sqlite3.damaged-x",
        subscriptions=1,
        articles=12,
        stray_notes_file=tmp_path / "notes.txt",
    )
    english = repaired_text(report).splitlines()
    assert english[0] == "1 subscription restored."
    assert english[1] == "Marks and notes of 12 articles come back as the feeds are refreshed."
    # a path reads left to right inside any sentence (an embedding around it)
    assert english[3].endswith(f"\u202a{tmp_path / 'notes.txt'}\u202c.")
    app_translations.apply("ar")
    try:
        arabic = repaired_text(report).splitlines()
    finally:
        app_translations.apply("en")
    assert arabic[0] == "استُعيد اشتراك واحد."
    assert arabic[1] == "تعود علامات 12 خبرًا وملاحظاتها مع تحديث المصادر."


def test_a_damaged_database_is_repaired_when_the_user_agrees(
    qapp, damaged_profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    opened: list[int] = []
    monkeypatch.setattr(repair_dialog, "ask_to_repair", lambda reason: asked.append(reason) or True)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)  # the report box, closed at once
    monkeypatch.setattr(
        app, "_run_window", lambda _app, reader, *_: opened.append(len(reader.list_feeds())) or 0
    )
    assert app.run_app(window_args(damaged_profile)) == 0
    assert "damaged" in asked[0]
    assert opened == [0]  # a new, empty database: the old one held nothing readable
    kept = list(app_paths(damaged_profile).data.glob("newsreader.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"no longer a database")


def test_a_damaged_database_is_left_as_it_is_when_the_user_quits(
    qapp, damaged_profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = app_paths(damaged_profile).database
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    monkeypatch.setattr(repair_dialog, "ask_to_repair", lambda reason: False)
    monkeypatch.setattr(app, "_run_window", lambda *_: pytest.fail("no window without a database"))
    assert app.run_app(window_args(damaged_profile)) == 1
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert list(database.parent.glob("*.damaged-*")) == []


def test_damage_met_last_time_is_offered_for_repair_at_start(
    qapp, tmp_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_server.route("/a.rss", Response(body=rss(numbered(3, "a"), title="Desk")))
    data_dir = tmp_path / "profile"
    with Reader.open(data_dir) as reader:
        reader.add_feed(feed_server.url("/a.rss"), folder="World")
    damage_table(app_paths(data_dir).database, "articles")
    with Reader.open(data_dir) as reader, pytest.raises(DatabaseDamagedError):
        reader.list_articles(limit=10)  # a session meets the damage
    asked: list[str] = []
    opened: list[list[str]] = []
    monkeypatch.setattr(repair_dialog, "ask_to_repair", lambda reason: asked.append(reason) or True)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    monkeypatch.setattr(
        app,
        "_run_window",
        lambda _app, reader, *_: opened.append([f.folder for f in reader.list_feeds()]) or 0,
    )
    assert app.run_app(window_args(data_dir)) == 0
    assert len(asked) == 1
    assert opened == [["World"]]  # the subscription came back, in its folder


def test_a_lost_database_is_started_again_from_the_backup_at_start(
    qapp, tmp_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_server.route("/a.rss", Response(body=rss(numbered(3, "a"), title="Desk")))
    data_dir = tmp_path / "profile"
    with Reader.open(data_dir) as reader:
        reader.add_feed(feed_server.url("/a.rss"), folder="World")
        reader.write_backup()
    app_paths(data_dir).database.unlink()
    opened: list[list[str | None]] = []
    monkeypatch.setattr(
        app,
        "_run_window",
        lambda _app, reader, *_: opened.append([f.folder for f in reader.list_feeds()]) or 0,
    )
    # offscreen nobody can be asked: restoring only adds to a new, empty database
    assert app.run_app(window_args(data_dir)) == 0
    assert opened == [["World"]]


def test_the_restore_is_offered_and_its_report_names_the_backup(
    qapp, app_translations: Translations, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "profile"
    with Reader.open(data_dir) as reader:
        opml = (
            b'<opml version="2.0"><body><outline xmlUrl="http://127.0.0.1:9/f.xml"/></body></opml>'
        )
        reader.import_opml(opml)  # nothing fetched
        reader.write_backup()
    paths = app_paths(data_dir)
    paths.database.unlink()
    monkeypatch.setattr(repair_dialog, "ask_to_restore", lambda: False)
    assert repair_dialog.offer_restore(paths) is None
    assert not paths.database.exists()
    shown: list[str] = []
    monkeypatch.setattr(repair_dialog, "ask_to_restore", lambda: True)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    report = repair_dialog.offer_restore(paths)
    assert report is not None and report.backup is not None
    assert shown[0].splitlines()[0] == "1 subscription restored."
    assert shown[0].splitlines()[-1] == f"Restored from the backup \u202a{report.backup}\u202c."


def test_the_window_backs_up_after_start_and_when_it_closes(
    qtbot, profile: Reader, tmp_path: Path
) -> None:
    from newsreader.ui.main_window import MainWindow
    from newsreader.ui.tasks import TaskRunner

    window = MainWindow(
        profile, tasks=TaskRunner(synchronous=True), auto_refresh=False, state_file=tmp_path / "w"
    )
    qtbot.addWidget(window)
    app._back_up_daily(window, profile).stop()
    qtbot.wait(50)
    assert profile.list_backups() == []  # not while the window starts
    timer = app._back_up_daily(window, profile, first_after_ms=10)
    try:
        qtbot.waitUntil(lambda: bool(profile.list_backups()))
        [first] = profile.list_backups()  # the day's set, soon after start
        assert timer.isActive()
        stored = first.userdata.read_bytes()
        profile.mark_starred([profile.list_articles()[0].id])
        app._back_up_daily(window, profile, first_after_ms=0).stop()
        qtbot.wait(50)
        assert first.userdata.read_bytes() == stored  # the day has its set: not again
        app._back_up_now(profile)  # closing: the day's set replaced with what is new
        assert profile.list_backups() == [first]
        assert first.userdata.read_bytes() != stored
    finally:
        timer.stop()
        window.shutdown()
