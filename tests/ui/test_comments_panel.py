"""The comments panel: a thread fetched, shown, ordered and kept offline (real widgets).

Comment feeds are served by a real HTTP server on 127.0.0.1 and stored in a real
SQLite profile; the panel fetches them on its worker threads as in the app.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from newsreader.core.types import Article, Comment
from newsreader.reader import Reader
from newsreader.ui.comments_panel import CommentsPanel, looks_offline
from newsreader.ui.i18n import Translations
from newsreader.ui.models.comment_list import (
    BATCH_SIZE,
    AuthorRole,
    DepthRole,
    DirectionRole,
    TextRole,
)
from newsreader.ui.notes_editor import NotesEditor
from newsreader.ui.tasks import TaskRunner
from tests.conftest import FIXTURES
from tests.helpers.feedserver import FeedServer, Response
from tests.ui.conftest import make_comments

pytestmark = pytest.mark.gui

NOW = datetime.now(UTC)
COMMENT_FIXTURES = FIXTURES / "comments"
#: Time allowed for a fetch from the local server to land.
WAIT_MS = 10_000


# -- fixtures and helpers ---------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Reader]:
    reader = Reader.open(tmp_path_factory.mktemp("demo"))
    reader.load_demo()
    try:
        yield reader
    finally:
        reader.close()


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[Reader]:
    with Reader.open(tmp_path / "profile") as opened:
        yield opened


def serve_fixture(server: FeedServer, tmp_path: Path, name: str, path: str) -> Path:
    """Serve a comments fixture with ``{{BASE}}`` made this server's address."""
    text = (COMMENT_FIXTURES / name).read_text(encoding="utf-8")
    copy = tmp_path / f"served-{path.strip('/').replace('/', '_')}-{name}"
    copy.write_text(text.replace("{{BASE}}", server.url("/").rstrip("/")), encoding="utf-8")
    server.serve_file(path, copy)
    return copy


def add_blog(reader: Reader, server: FeedServer, tmp_path: Path) -> dict[str, int]:
    """The WordPress-style blog (wfw:commentRss) and the Atom garden (RFC 4685 replies)."""
    serve_fixture(server, tmp_path, "wordpress_posts.rss", "/feed/")
    serve_fixture(server, tmp_path, "bakery_comments.rss", "/2026/11/bakery/feed/")
    serve_fixture(server, tmp_path, "garden_post.atom", "/garden/feed.atom")
    serve_fixture(server, tmp_path, "garden_replies.atom", "/garden/posts/5/replies.atom")
    reader.add_feed(server.url("/feed/"))
    reader.add_feed(server.url("/garden/feed.atom"))
    ids = {}
    for summary in reader.list_articles():
        link = summary.link or ""
        for key in ("bakery", "market", "holiday-bins", "garden/posts/5"):
            if key in link:
                ids[key.split("/")[0]] = summary.id
    return ids


def make_panel(qtbot: QtBot, reader: Any, **kwargs: Any) -> CommentsPanel:
    kwargs.setdefault("fetch_delay_ms", 0)
    panel = CommentsPanel(reader, **kwargs)
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def open_and_fetch(qtbot: QtBot, panel: CommentsPanel, article_id: int) -> None:
    """Show the article and wait until its comments feed was fetched and shown."""
    with qtbot.waitSignal(
        panel.fetchFinished, timeout=WAIT_MS, check_params_cb=lambda a: a == article_id
    ):
        panel.set_article(article_id)


def rows(panel: CommentsPanel) -> list[tuple[str, int]]:
    model = panel.model
    return [
        (model.index(r, 0).data(AuthorRole), model.index(r, 0).data(DepthRole))
        for r in range(model.rowCount())
    ]


def child(panel: CommentsPanel, kind: type[Any], name: str) -> Any:
    found = panel.findChild(kind, name)
    assert found is not None, name
    return found


class ThreadReader:
    """A Reader that answers ``list_comments`` with a given thread per article."""

    def __init__(self, reader: Reader, threads: dict[int, Sequence[Comment]]) -> None:
        self._reader = reader
        self._threads = threads
        self.asked: list[int] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)

    def list_comments(self, article_id: int, *, newest_first: bool = False) -> list[Comment]:
        self.asked.append(article_id)
        thread = list(self._threads.get(article_id, ()))
        return thread[::-1] if newest_first else thread


def find(reader: Reader, predicate: Any) -> Article:
    for article_id in reader.article_ids():
        article = reader.get_article(article_id)
        if predicate(article):
            return article
    raise AssertionError("no such demo article")


# -- a thread fetched from the server ----------------------------------------------------


def test_opening_an_article_fetches_and_shows_its_thread(
    qtbot: QtBot,
    reader: Reader,
    feed_server: FeedServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toString()))
    )
    ids = add_blog(reader, feed_server, tmp_path)
    panel = make_panel(qtbot, reader)
    counts: list[int] = []
    panel.countChanged.connect(counts.append)
    busy = child(panel, QProgressBar, "commentsBusy")
    busy_while_fetching: list[bool] = []
    panel.fetchStarted.connect(lambda _id: busy_while_fetching.append(busy.isVisible()))

    open_and_fetch(qtbot, panel, ids["bakery"])

    assert busy_while_fetching == [True]
    assert not busy.isVisible()
    assert len(feed_server.requests_for("/2026/11/bakery/feed/")) == 1
    assert rows(panel) == [("أبو خليل", 0), ("Martin", 0)]
    model = panel.model
    # An English comment under an Arabic article keeps its own direction.
    assert model.index(0, 0).data(DirectionRole) == Qt.LayoutDirection.RightToLeft
    assert model.index(1, 0).data(DirectionRole) == Qt.LayoutDirection.LeftToRight
    assert "Fridays" in model.index(1, 0).data(TextRole)
    assert child(panel, QLabel, "commentsTitle").text() == "Comments (2)"
    assert counts[-1] == 2 and panel.count() == 2
    status = child(panel, QLabel, "commentsStatus")
    assert status.text() == "Fetched just now"
    assert "Last fetched" in status.toolTip()

    link = child(panel, QLabel, "commentsLink")
    comments_page = feed_server.url("/2026/11/bakery/#comments")
    assert link.isVisible() and f'href="{comments_page}"' in link.text()
    link.linkActivated.emit(comments_page)
    link.linkActivated.emit("javascript:alert(1)")
    link.linkActivated.emit("file:///etc/passwd")
    assert opened == [comments_page]


def test_replies_are_nested_and_the_order_toggle_reverses_the_thread(
    qtbot: QtBot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    panel = make_panel(qtbot, reader)
    counts: list[int] = []
    panel.countChanged.connect(counts.append)

    open_and_fetch(qtbot, panel, ids["garden"])

    assert counts == [3, 6]  # the feed's thr:count first, then the comments stored
    assert child(panel, QLabel, "commentsTitle").text() == "Comments (6)"
    assert rows(panel) == [
        ("عم حسن", 0),
        ("نادية", 1),
        ("نادية", 2),
        ("سامي", 1),
        ("Greta", 0),
        ("ليلى", 0),  # answers a deleted comment: top level
    ]
    greta = panel.model.index(4, 0)
    assert greta.data(DirectionRole) == Qt.LayoutDirection.LeftToRight
    assert panel.model.index(2, 0).data(DirectionRole) == Qt.LayoutDirection.RightToLeft

    order = child(panel, QToolButton, "commentsOrder")
    assert order.isVisible() and not order.isChecked()
    with qtbot.waitSignal(panel.commentsLoaded, timeout=WAIT_MS):
        qtbot.mouseClick(order, Qt.MouseButton.LeftButton)
    assert panel.newest_first()
    assert rows(panel) == [
        ("ليلى", 0),
        ("Greta", 0),
        ("عم حسن", 0),
        ("سامي", 1),
        ("نادية", 1),
        ("نادية", 2),
    ]

    # The choice stays for the next article shown.
    open_and_fetch(qtbot, panel, ids["bakery"])
    assert rows(panel) == [("Martin", 0), ("أبو خليل", 0)]
    assert order.isChecked()


def test_the_order_chosen_before_the_thread_arrives_is_the_one_shown(
    qtbot: QtBot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    reader.refresh_comments(ids["garden"])
    panel = make_panel(qtbot, reader, fetch_delay_ms=60_000)
    loaded: list[int] = []
    panel.commentsLoaded.connect(loaded.append)

    panel.set_article(ids["garden"])  # its first read is still under way...
    panel.set_newest_first(True)  # ...when the order changes
    qtbot.waitUntil(lambda: panel.model.total() == 6, timeout=WAIT_MS)
    qtbot.wait(50)

    assert rows(panel)[0] == ("ليلى", 0) and rows(panel)[-1] == ("نادية", 2)
    assert loaded == [ids["garden"]]  # the read in the old order was never shown


def test_offline_keeps_the_saved_thread_and_says_so(
    qtbot: QtBot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    panel = make_panel(qtbot, reader)
    open_and_fetch(qtbot, panel, ids["garden"])
    assert panel.model.total() == 6

    feed_server.stop()
    panel.set_article(None)
    assert panel.model.total() == 0
    loaded: list[int] = []
    panel.commentsLoaded.connect(loaded.append)
    open_and_fetch(qtbot, panel, ids["garden"])

    assert loaded == [ids["garden"]]  # the saved thread, shown before the fetch failed
    assert panel.model.total() == 6
    assert rows(panel)[:2] == [("عم حسن", 0), ("نادية", 1)]
    status = child(panel, QLabel, "commentsStatus")
    assert status.text() == "Offline — showing saved comments"
    assert "The server refused the connection" in status.toolTip()
    assert panel.comments_status() is not None and panel.comments_status().status == "error"
    assert child(panel, QLabel, "commentsTitle").text() == "Comments (6)"
    refresh = child(panel, QToolButton, "commentsRefresh")
    assert refresh.isVisible() and refresh.isEnabled()
    assert not panel.is_fetching()


def test_a_failing_comments_feed_is_not_called_offline(
    qtbot: QtBot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    feed_server.route("/2026/11/bakery/feed/", Response(status=500, body="database down"))
    panel = make_panel(qtbot, reader)
    open_and_fetch(qtbot, panel, ids["bakery"])

    status = child(panel, QLabel, "commentsStatus")
    assert status.text() == "Could not fetch the comments"
    assert "500" in status.toolTip()
    empty = child(panel, QLabel, "commentsEmpty")
    assert empty.isVisible() and empty.text() == "2 comments on the source's website"
    assert looks_offline("connection refused") and not looks_offline("HTTP 500")


def test_a_late_fetch_for_the_previous_article_is_dropped(
    qtbot: QtBot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    slow = (COMMENT_FIXTURES / "bakery_comments.rss").read_text(encoding="utf-8")
    feed_server.route(
        "/2026/11/bakery/feed/",
        Response(body=slow.replace("{{BASE}}", feed_server.url("/").rstrip("/")), delay=0.6),
    )
    runner = TaskRunner()
    panel = make_panel(qtbot, reader, runner=runner)
    finished: list[int] = []
    panel.fetchFinished.connect(finished.append)
    counts: list[int] = []
    panel.countChanged.connect(counts.append)

    with qtbot.waitSignal(panel.fetchStarted, timeout=WAIT_MS):
        panel.set_article(ids["bakery"])
    open_and_fetch(qtbot, panel, ids["garden"])
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)  # the slow answer came
    qtbot.wait(20)

    assert finished == [ids["garden"]]
    assert {panel.model.comment(r).article_id for r in range(6)} == {ids["garden"]}  # type: ignore[union-attr]
    assert panel.model.total() == 6
    assert child(panel, QLabel, "commentsTitle").text() == "Comments (6)"
    assert 2 not in counts[1:]  # the bakery's count never came back
    assert len(reader.list_comments(ids["bakery"])) == 2  # stored, just not shown


def test_a_fetch_that_brings_comments_keeps_the_scroll_position(
    qtbot: QtBot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    def comments_feed(numbers: range) -> str:
        items = "".join(
            f"<item><guid>c{n}</guid><title>c{n}</title><dc:creator>Reader {n}</dc:creator>"
            f"<pubDate>{format_datetime(NOW - timedelta(hours=200 - n))}</pubDate>"
            f"<description>Comment number {n} about the long report.</description></item>"
            for n in numbers
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>c</title>'
            f"<language>en</language>{items}</channel></rss>"
        )

    served = tmp_path / "long-comments.rss"
    served.write_text(comments_feed(range(50, 120)), encoding="utf-8")
    feed_server.serve_file("/long/comments.rss", served)
    post = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:wfw="http://wellformedweb.org/CommentAPI/"><channel><title>Long</title>'
        "<item><title>A long discussion</title><link>http://127.0.0.1/long/1</link>"
        f"<guid>long-1</guid><wfw:commentRss>{feed_server.url('/long/comments.rss')}"
        "</wfw:commentRss><description>Post</description></item></channel></rss>"
    )
    feed_server.route("/long/feed.rss", Response(body=post))
    reader.add_feed(feed_server.url("/long/feed.rss"))
    [article] = reader.list_articles()
    panel = make_panel(qtbot, reader)
    open_and_fetch(qtbot, panel, article.id)
    assert panel.model.total() == 70

    view = panel.view
    target = panel.model.index(30, 0)
    view.scrollTo(target, view.ScrollHint.PositionAtTop)
    qtbot.wait(10)
    top = view.indexAt(QPoint(10, 1))
    assert top.data(AuthorRole) == "Reader 80"

    served.write_text(comments_feed(range(0, 120)), encoding="utf-8")  # 50 older ones
    with qtbot.waitSignal(panel.fetchFinished, timeout=WAIT_MS):
        qtbot.mouseClick(child(panel, QToolButton, "commentsRefresh"), Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    assert panel.model.total() == 120
    assert view.indexAt(QPoint(10, 1)).data(AuthorRole) == "Reader 80"


def test_count_and_link_without_a_comments_feed(
    qtbot: QtBot, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    panel = make_panel(qtbot, reader, runner=TaskRunner(synchronous=True))
    panel.set_article(ids["holiday-bins"])

    assert child(panel, QLabel, "commentsTitle").text() == "Comments"
    empty = child(panel, QLabel, "commentsEmpty")
    assert empty.text() == ""  # most sources never give a count: no sentence about it
    assert not panel.has_content()
    assert not child(panel, QToolButton, "commentsRefresh").isVisible()
    assert not child(panel, QLabel, "commentsLink").isVisible()
    assert not panel.view.isVisible()
    qtbot.wait(20)
    assert not panel.is_fetching()

    panel.set_article(None)
    assert panel.article_id() is None and panel.count() == 0
    assert child(panel, QLabel, "commentsTitle").text() == "Comments"
    assert not child(panel, QLabel, "commentsStatus").isVisible()
    panel.set_article(10**9)  # gone meanwhile: treated like no article
    assert panel.article_id() is None
    assert not panel.notes.isEnabled()


def test_demo_count_is_shown_before_the_thread(qtbot: QtBot, demo: Reader) -> None:
    article = find(demo, lambda a: a.comment_count and a.comments_url and a.comments_feed_url)
    panel = make_panel(qtbot, demo, runner=TaskRunner(synchronous=True), fetch_delay_ms=60_000)

    with qtbot.waitSignal(panel.countChanged) as changed:
        panel.set_article(article.id)
    assert changed.args == [max(article.comment_count or 0, panel.model.total())]
    status = child(panel, QLabel, "commentsStatus")
    assert status.text() in ("Never fetched", "Fetched just now")


# -- a long thread -----------------------------------------------------------------------


def test_thread_is_listed_lazily_and_counted(qtbot: QtBot, demo: Reader) -> None:
    article = find(demo, lambda a: not a.comments_feed_url)
    reader = ThreadReader(demo, {article.id: make_comments(5000, article.id)})
    panel = make_panel(qtbot, reader, runner=TaskRunner(synchronous=True))

    with qtbot.waitSignal(panel.commentsLoaded) as loaded:
        panel.set_article(article.id)
    assert loaded.args == [article.id]
    assert reader.asked == [article.id]
    assert panel.view.isVisible()
    assert child(panel, QLabel, "commentsTitle").text() == "Comments (5000)"
    assert panel.count() == 5000
    assert panel.model.total() == 5000
    assert panel.model.rowCount() == BATCH_SIZE  # the rest comes as the view scrolls

    for _ in range(100):
        panel.view.scrollToBottom()
        qtbot.wait(1)
        if not panel.model.canFetchMore(QModelIndex()):
            break
    assert panel.model.rowCount() == 5000
    panel.view.scrollToBottom()
    bottom = QPoint(10, panel.view.viewport().height() - 4)
    qtbot.waitUntil(lambda: panel.view.indexAt(bottom).row() > 4900)
    # Comments are painted by the delegate: no widget per comment, however many there are.
    assert len(panel.view.viewport().findChildren(QWidget)) < 10


def test_copy_puts_the_comment_text_on_the_clipboard(qtbot: QtBot, demo: Reader) -> None:
    article = find(demo, lambda a: not a.comments_feed_url)
    panel = make_panel(
        qtbot,
        ThreadReader(demo, {article.id: make_comments(3, article.id)}),
        runner=TaskRunner(synchronous=True),
    )
    panel.set_article(article.id)
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    panel.copy_selected()
    assert QGuiApplication.clipboard().text().startswith("Comment 1: thanks")


def test_the_notes_sit_under_the_thread(qtbot: QtBot, demo: Reader) -> None:
    panel = make_panel(qtbot, demo, runner=TaskRunner(synchronous=True), fetch_delay_ms=60_000)
    article = find(demo, lambda a: True)
    panel.set_article(article.id)
    notes = panel.findChild(NotesEditor, "notesEditor")
    assert notes is panel.notes and notes.article_id() == article.id
    assert notes.geometry().top() >= panel.view.parentWidget().geometry().bottom()


@pytest.fixture
def arabic(qapp: Any, tmp_path: Path) -> Iterator[None]:
    translations = Translations(tmp_path / "qm")
    translations.apply("ar")
    try:
        yield
    finally:
        translations.apply("en")


def test_the_panel_speaks_arabic_and_is_mirrored(
    qtbot: QtBot, arabic: None, reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    ids = add_blog(reader, feed_server, tmp_path)
    reader.add_note(ids["garden"], "ملاحظة أولى")
    reader.add_note(ids["garden"], "Second note")
    panel = make_panel(qtbot, reader)
    with qtbot.waitSignal(panel.notes.notesLoaded, timeout=WAIT_MS):
        open_and_fetch(qtbot, panel, ids["garden"])

    assert panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert child(panel, QLabel, "commentsTitle").text() == "التعليقات (6)"
    assert child(panel, QLabel, "commentsStatus").text() == "جُلبت الآن"
    assert child(panel, QToolButton, "commentsOrder").text() == "الأحدث أولًا"
    toggle = child(panel, QToolButton, "notesToggle")
    assert toggle.text().endswith("ملاحظتان خاصتان")  # Arabic's dual, not "2 notes"
    # The title sits at the right, where an Arabic line starts.
    title = child(panel, QLabel, "commentsTitle")
    assert title.mapTo(panel, title.rect().topRight()).x() > panel.width() * 0.6

    feed_server.stop()
    open_and_fetch(qtbot, panel, ids["bakery"])
    assert child(panel, QLabel, "commentsStatus").text() == "غير متصل — لا تعليقات محفوظة"
    assert child(panel, QLabel, "commentsEmpty").text() == "تعليقان على موقع المصدر"
