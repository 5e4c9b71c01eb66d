"""ListUpdates on its own: new rows merged at the list's head, more rows read only when needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel

from newsreader.core.types import ArticleQuery
from newsreader.reader import Reader
from newsreader.ui.list_updates import ListUpdates
from newsreader.ui.models.article_list import PAGE_SIZE, Column
from newsreader.ui.tasks import TaskRunner
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.window_parts import HeldRunner, article_list_for
from tests.ui.conftest import make_rss, serve

pytestmark = pytest.mark.gui


def test_new_articles_are_merged_above_the_current_row(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    url = serve(feed_server, "/f.xml", make_rss(10, prefix="m"))
    with Reader.open(tmp_path / "p") as reader:
        reader.add_feed(url)
        model, view = article_list_for(qtbot, reader, shown=True)
        updates = ListUpdates(reader, TaskRunner(synchronous=True), model, view, view)
        view.selectionModel().setCurrentIndex(
            model.index(3, Column.TITLE), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        current = model.article_at(3).id
        feed_server.route("/f.xml", Response(body=make_rss(14, prefix="m", start=-4)))
        reader.refresh(all_feeds=True)
        with qtbot.waitSignal(updates.merged):
            updates.merge_now()
        assert model.rowCount() == 14
        assert model.article_at(0).title.startswith("Item -4")
        assert view.currentIndex().row() == 7  # the same article, four rows down
        assert model.article_at(7).id == current


def test_a_scheduled_merge_waits_and_merges_once(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    url = serve(feed_server, "/f.xml", make_rss(5, prefix="s"))
    with Reader.open(tmp_path / "p") as reader:
        reader.add_feed(url)
        model, view = article_list_for(qtbot, reader)
        updates = ListUpdates(reader, TaskRunner(synchronous=True), model, view, view)
        feed_server.route("/f.xml", Response(body=make_rss(7, prefix="s", start=-2)))
        reader.refresh(all_feeds=True)
        merges: list[None] = []
        updates.merged.connect(lambda: merges.append(None))
        updates.set_refreshing(True)
        updates.schedule_merge()
        updates.schedule_merge()  # the wait is not started again
        with qtbot.waitSignal(updates.merged, timeout=5000):
            pass
        assert model.rowCount() == 7
        assert merges == [None]


def test_one_reread_at_a_time(qtbot, profile: Reader) -> None:
    runner = HeldRunner()
    model, view = article_list_for(qtbot, profile)
    updates = ListUpdates(profile, runner, model, view, view)
    updates.merge_now()
    updates.merge_now()
    assert len(runner.held) == 1
    runner.release_one()
    assert len(runner.held) == 1  # the second re-read follows the first
    runner.release()


def test_a_failed_reread_is_reported(qtbot, profile: Reader, monkeypatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("database is locked")

    model, view = article_list_for(qtbot, profile)
    updates = ListUpdates(profile, TaskRunner(synchronous=True), model, view, view)
    monkeypatch.setattr(profile, "list_articles", broken)
    with qtbot.waitSignal(updates.taskFailed) as failed:
        updates.merge_now()
    assert str(failed.args[0]) == "database is locked"


def test_rows_are_read_only_near_the_end_of_what_is_loaded(qtbot, big_profile: Reader) -> None:
    model, view = article_list_for(qtbot, big_profile, shown=True)
    updates = ListUpdates(big_profile, TaskRunner(synchronous=True), model, view, view)
    model.set_fetch_gate(updates.rows_run_out)
    model.set_query(ArticleQuery())
    assert not updates.rows_run_out()  # the top of a long list: the view may not read more
    assert not model.canFetchMore()
    assert model.rowCount() == PAGE_SIZE
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE)


def test_an_empty_list_always_wants_rows(qtbot, tmp_path: Path) -> None:
    with Reader.open(tmp_path / "p") as reader:
        model, view = article_list_for(qtbot, reader)
        updates = ListUpdates(reader, TaskRunner(synchronous=True), model, view, view)
        assert updates.rows_run_out()


def test_during_a_refresh_new_rows_wait_for_a_frame_of_their_own(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    from newsreader.ui.frame_throttle import FrameQueue

    url = serve(feed_server, "/f.xml", make_rss(5, prefix="q"))
    with Reader.open(tmp_path / "p") as reader:
        reader.add_feed(url)
        model, view = article_list_for(qtbot, reader)
        frames = FrameQueue(interval_ms=40)
        runner = TaskRunner(synchronous=True)
        updates = ListUpdates(reader, runner, model, view, view, frames=frames)
        feed_server.route("/f.xml", Response(body=make_rss(7, prefix="q", start=-2)))
        reader.refresh(all_feeds=True)
        updates.merge_now()  # no refresh running: merged at once
        assert model.rowCount() == 7
        feed_server.route("/f.xml", Response(body=make_rss(9, prefix="q", start=-4)))
        reader.refresh(all_feeds=True)
        updates.set_refreshing(True)
        shown: list[str] = []
        frames.call(lambda: shown.append("the sidebar's new counts"))  # this frame is taken
        updates.merge_now()
        assert model.rowCount() == 7 and frames.waiting == 1  # the rows wait their frame
        with qtbot.waitSignal(updates.merged, timeout=5000):
            pass
        assert model.rowCount() == 9
