"""The status bar's refresh corner: progress, what a refresh brought, and the offline sign.

Results come from real refreshes of a real profile against the local feed server (and
a port nobody listens on, for a computer that seems offline).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton

from newsreader.core.types import FeedResult, FeedStatus, FollowUpProgress, RefreshSummary
from newsreader.reader import Reader
from newsreader.ui.i18n import Translations
from newsreader.ui.refresh_status import RefreshStatus, is_connection_error, looks_offline
from tests.helpers.feedserver import FeedServer, Response
from tests.ui.conftest import make_rss, serve

pytestmark = pytest.mark.gui

#: Nobody listens here: connecting is refused at once.
NOWHERE = "http://127.0.0.1:9/feed.xml"


@pytest.fixture
def status(qtbot: Any) -> RefreshStatus:
    widget = RefreshStatus()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def reader(tmp_path: Path) -> Iterator[Reader]:
    with Reader.open(tmp_path / "profile") as opened:
        yield opened


def refresh(reader: Reader) -> tuple[RefreshSummary, list[tuple[FeedResult, int, int]]]:
    """Refresh every feed; the summary and each feed's progress report, in order."""
    reports: list[tuple[FeedResult, int, int]] = []
    summary = reader.refresh(
        all_feeds=True, progress=lambda *report: reports.append(report), follow_ups=()
    )
    return summary, reports


def bar(status: RefreshStatus) -> QProgressBar:
    return status.findChild(QProgressBar)


def stop_button(status: RefreshStatus) -> QToolButton:
    return status.findChild(QToolButton)


def offline_words(status: RefreshStatus) -> QLabel:
    [label] = [w for w in status.findChildren(QLabel) if w.text() in ("Offline", "غير متصل")]
    return label


def test_a_refresh_is_followed_feed_by_feed(
    status: RefreshStatus, reader: Reader, feed_server: FeedServer
) -> None:
    for name, count in (("a", 3), ("b", 2)):
        feed = serve(feed_server, f"/{name}.xml", make_rss(count, prefix=name))
        reader.subscribe(feed)
    assert not bar(status).isVisible() and not stop_button(status).isVisible()

    status.started()
    assert status.text() == "Checking for new articles…"
    assert bar(status).isVisible() and (bar(status).minimum(), bar(status).maximum()) == (0, 0)
    assert stop_button(status).isVisible() and stop_button(status).toolTip() == "Stop refreshing"

    summary, reports = refresh(reader)
    assert len(reports) == 2
    status.progress(*reports[0])
    first = reports[0][0].new
    assert status.text() == f"Updating feeds: 1 of 2 · {first} new"
    assert (bar(status).maximum(), bar(status).value()) == (2, 1)
    status.progress(*reports[1])
    assert status.text() == "Updating feeds: 2 of 2 · 5 new"  # counted over the feeds
    assert bar(status).value() == 2

    status.finished(summary)
    assert status.text() == "5 new articles"
    assert not bar(status).isVisible() and not stop_button(status).isVisible()
    assert not status.is_offline


def test_nothing_new_and_nothing_to_do_are_said_plainly(
    status: RefreshStatus, reader: Reader, feed_server: FeedServer
) -> None:
    reader.add_feed(serve(feed_server, "/a.xml", make_rss(2, prefix="a")))
    status.started()
    summary, reports = refresh(reader)  # the same two articles again
    status.progress(*reports[0])
    assert status.text() == "Updating feeds: 1 of 1"  # no "0 new"
    status.finished(summary)
    assert status.text() == "0 new articles"
    status.started()
    status.finished(RefreshSummary(()))  # nothing was due
    assert status.text() == "Everything is up to date"


def test_failed_feeds_are_counted_not_listed(
    status: RefreshStatus, reader: Reader, feed_server: FeedServer
) -> None:
    reader.subscribe(serve(feed_server, "/a.xml", make_rss(1, prefix="a")))
    feed_server.route("/down.xml", Response(status=503, body="busy"))
    reader.subscribe(feed_server.url("/down.xml"))
    status.started()
    summary, _ = refresh(reader)
    status.finished(summary)
    assert status.text() == "1 new article · 1 feed failed"
    assert not status.is_offline  # the server answered: a feed's trouble, not the network's


def test_a_computer_that_reaches_no_feed_is_offline_until_one_is_reached(
    status: RefreshStatus, reader: Reader, feed_server: FeedServer
) -> None:
    reader.subscribe(NOWHERE)
    reader.subscribe(NOWHERE.replace("feed.xml", "other.xml"))
    status.started()
    summary, _ = refresh(reader)
    assert [r.status for r in summary.feeds] == [FeedStatus.ERROR] * 2
    assert all(is_connection_error(r) for r in summary.feeds)  # the core's own words
    status.finished(summary)
    assert status.is_offline and offline_words(status).isVisible()
    assert status.text() == "0 new articles · 2 feeds failed"
    assert "offline" in offline_words(status).toolTip()

    reader.subscribe(serve(feed_server, "/back.xml", make_rss(1, prefix="back")))
    status.started()
    status.finished(refresh(reader)[0])
    assert not status.is_offline and not offline_words(status).isVisible()


def test_a_refresh_that_could_not_run_says_why(status: RefreshStatus) -> None:
    status.started()
    status.failed("Database error: the disk is full (database or disk is full)")
    assert status.text() == "Refresh failed: The disk is full: the change was not saved"
    assert "database or disk" not in status.text()  # said in the user's words
    assert not bar(status).isVisible()
    status.show_text("Demo loaded")
    assert status.text() == "Demo loaded"


def test_the_stop_button_asks_to_cancel(qtbot: Any, status: RefreshStatus) -> None:
    status.started()
    with qtbot.waitSignal(status.cancelRequested):
        qtbot.mouseClick(stop_button(status), Qt.MouseButton.LeftButton)


def feed(url: str, error: str | None, status: FeedStatus = FeedStatus.ERROR) -> FeedResult:
    return FeedResult(1, url, status, error=error)


def test_which_failures_mean_no_network() -> None:
    web = "https://news.example.org/feed"
    for said in (  # the fetch layer's words for a network that is not there
        "connection refused",
        "host not found",
        "timed out while connecting",
        "could not connect: [Errno 113] No route to host",
        "connection lost: [Errno 104] Connection reset by peer",
    ):
        assert is_connection_error(feed(web, said)), said
    assert not is_connection_error(feed(web, "HTTP 503 Service Unavailable (connection reset)"))
    assert not is_connection_error(feed(web, "not a feed"))
    assert not is_connection_error(feed(web, None))
    assert not is_connection_error(feed(web, "connection refused", FeedStatus.OK))
    # the demo's feeds never go over the network: they say nothing about it
    demo = "https://demo.newsreader.invalid/feeds/ar-world.xml"
    assert looks_offline(RefreshSummary((feed(web, "connection refused"), feed(demo, None))))
    assert not looks_offline(RefreshSummary((feed(demo, "connection refused"),)))
    assert not looks_offline(RefreshSummary(()))
    assert not looks_offline(
        RefreshSummary((feed(web, "connection refused"), feed(web, "HTTP 404 Not Found")))
    )


def test_the_corner_speaks_arabic(status: RefreshStatus, arabic: Translations) -> None:
    status.retranslate()
    status.started()
    assert status.text() == "جارٍ البحث عن أخبار جديدة…"
    status.progress(feed("https://a.example/feed", None, FeedStatus.OK), 1, 3)
    assert status.text() == "تحديث المصادر: 1 من 3"
    assert offline_words(status).text() == "غير متصل"
    failed = (
        feed("https://a.example/feed", "HTTP 500"),
        feed("https://b.example/feed", "HTTP 500"),
    )
    status.finished(RefreshSummary(failed))
    assert status.text() == "لا أخبار جديدة · فشل مصدران"  # Arabic's dual


def test_the_pictures_after_the_news_show_their_progress_and_unreachable_sites(
    status: RefreshStatus, reader: Reader, feed_server: FeedServer, qtbot: Any
) -> None:
    # Three pictures on a port nobody listens on, one on the feed server.
    pictures = [f"http://127.0.0.1:9/p{n}.png" for n in range(3)] + [feed_server.url("/ok.gif")]
    feed_server.route("/ok.gif", Response(body=b"GIF89a\x02\x00\x02\x00", content_type="image/gif"))
    body = "".join(f'&lt;img src="{url}" alt="x"&gt;' for url in pictures)
    feed = make_rss(1, prefix="pic").replace("<description>", f"<description>{body}", 1)
    reader.subscribe(serve(feed_server, "/pic.xml", feed))
    steps: list[FollowUpProgress] = []
    summary = reader.refresh(all_feeds=True, on_follow_up_progress=steps.append)
    report = summary.follow_up_report
    assert report is not None

    status.started()
    status.finished(summary)
    shown = []
    for step in steps:
        status.follow_up_progress(step)
        if step.total:  # the start of a step without a count shows nothing new
            shown.append(status.text())
    assert "Pictures: 0 of 4" in shown[0]
    assert shown[-1].startswith("1 new article") and "Pictures: 4 of 4" in shown[-1]
    assert bar(status).isVisible() and stop_button(status).isVisible()

    status.follow_up_ended(report)
    assert not bar(status).isVisible() and not stop_button(status).isVisible()
    unreachable = len(report.skipped_hosts)  # the port, and maybe the site's own icon
    assert f"{unreachable} site{'s' if unreachable > 1 else ''} unreachable" in status.text()
    label = next(w for w in status.findChildren(QLabel) if w.text() == status.text())
    assert "127.0.0.1:9" in label.toolTip()


def test_a_burst_of_progress_is_shown_once_a_frame_ending_in_its_last_state(
    status: RefreshStatus, qtbot: Any
) -> None:
    values: list[int] = []
    bar(status).valueChanged.connect(values.append)
    status.started()
    for done in range(1, 201):
        result = FeedResult(done, f"http://127.0.0.1/{done}.xml", FeedStatus.OK, new=2)
        status.progress(result, done, 200)
    assert values == [1]  # the first at once; the rest wait for the frame to end
    qtbot.waitUntil(lambda: bar(status).value() == 200, timeout=2000)
    assert values == [1, 200]
    assert status.text() == "Updating feeds: 200 of 200 · 400 new"  # every feed counted
    # a result that comes meanwhile is not overwritten by progress that waited
    status.progress(FeedResult(1, "http://127.0.0.1/a.xml", FeedStatus.OK, new=1), 1, 1)
    status.progress(FeedResult(2, "http://127.0.0.1/b.xml", FeedStatus.OK, new=1), 2, 2)
    status.finished(RefreshSummary(()))
    qtbot.wait(50)
    assert status.text() == "Everything is up to date"
