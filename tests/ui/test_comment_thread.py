"""CommentThread on its own: a thread read from the profile, fetched and read again."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.core.types import Comment
from newsreader.reader import Reader
from newsreader.ui.comment_thread import CommentThread
from newsreader.ui.tasks import TaskRunner
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.window_parts import HeldRunner
from tests.ui.test_comments_panel import WAIT_MS, add_blog

pytestmark = pytest.mark.gui


def authors(comments: list[Comment]) -> list[str]:
    return [comment.author for comment in comments]


def test_the_saved_thread_first_then_the_fetched_one_in_place(
    qtbot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    thread = CommentThread(reader, runner=TaskRunner(), fetch_delay_ms=0)
    reads: list[tuple[list[str], bool]] = []
    thread.threadRead.connect(lambda comments, keep: reads.append((authors(comments), keep)))
    with qtbot.waitSignals(
        [thread.commentsLoaded, thread.fetchStarted, thread.commentsLoaded, thread.fetchFinished],
        order="strict",
        timeout=WAIT_MS,
    ):
        thread.set_article(ids["bakery"])
    assert reads == [([], False), (["أبو خليل", "Martin"], True)]
    assert thread.article() is not None and thread.article().id == ids["bakery"]
    assert thread.status() is not None and thread.status().status == "ok"
    assert not thread.is_fetching()
    assert len(reader.list_comments(ids["bakery"])) == 2


def test_the_other_order_is_read_again(
    qtbot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    reader.refresh_comments(ids["bakery"])
    thread = CommentThread(reader, runner=TaskRunner(synchronous=True), fetch_delay_ms=60_000)
    thread.set_article(ids["bakery"])
    with qtbot.waitSignal(thread.threadRead) as read:
        thread.set_newest_first(True)
    assert authors(read.args[0]) == ["Martin", "أبو خليل"] and read.args[1] is False
    with qtbot.assertNotEmitted(thread.threadRead):  # already in that order
        thread.set_newest_first(True)


def test_answers_for_an_article_left_meanwhile_are_dropped(
    qtbot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    runner = HeldRunner()
    thread = CommentThread(reader, runner=runner, fetch_delay_ms=60_000)
    loaded: list[int] = []
    thread.commentsLoaded.connect(loaded.append)
    thread.set_article(ids["bakery"])
    thread.set_article(ids["garden"])
    runner.release()
    assert loaded == [ids["garden"]]
    assert thread.article().id == ids["garden"]


def test_an_article_deleted_meanwhile_is_as_none(qtbot, reader: Reader) -> None:
    thread = CommentThread(reader, runner=TaskRunner(synchronous=True))
    with qtbot.waitSignal(thread.articleGone):
        thread.set_article(987_654)
    assert thread.article_id() is None and thread.article() is None


def test_a_failed_fetch_keeps_the_saved_thread_and_says_why(
    qtbot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    feed_server.route("/2026/11/bakery/feed/", Response(status=500, body="database down"))
    thread = CommentThread(reader, runner=TaskRunner(), fetch_delay_ms=0)
    reads: list[list[str]] = []
    thread.threadRead.connect(lambda comments, _keep: reads.append(authors(comments)))
    with qtbot.waitSignal(thread.fetchFinished, timeout=WAIT_MS):
        thread.set_article(ids["bakery"])
    assert reads == [[]]  # the saved thread, not read again after the failure
    assert not thread.is_fetching()
    status = thread.status()
    assert status is not None and status.status == "error" and "500" in (status.error or "")


def test_an_article_without_a_comments_feed_is_not_fetched(
    qtbot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    add_blog(reader, feed_server, tmp_path)
    plain = next(a for a in reader.list_articles() if "holiday-bins" in (a.link or ""))
    thread = CommentThread(reader, runner=TaskRunner(synchronous=True), fetch_delay_ms=0)
    with qtbot.assertNotEmitted(thread.fetchStarted):
        thread.set_article(plain.id)
        thread.refresh()
    assert thread.article() is not None and not thread.article().comments_feed_url
