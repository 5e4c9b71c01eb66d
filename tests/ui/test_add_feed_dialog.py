"""The Add Feed dialog: a served feed added in the background, a site's feeds to tick,
and what went wrong said inside the dialog."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from newsreader.core.errors import FeedExistsError, NewsreaderError, StorageError
from newsreader.reader import Reader
from newsreader.ui.add_feed_dialog import AddFeedDialog, describe_error, subscribe_each
from newsreader.ui.i18n import Translations
from newsreader.ui.tasks import TaskRunner
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.window_parts import HeldRunner
from tests.ui.conftest import make_rss, serve

pytestmark = pytest.mark.gui

#: Time allowed for a lookup on the local server to come back.
WAIT_MS = 10_000


def make_dialog(
    qtbot: Any, reader: Reader, runner: TaskRunner, folders: Sequence[str] = ()
) -> AddFeedDialog:
    dialog = AddFeedDialog(reader, runner, folders)
    qtbot.addWidget(dialog)
    return dialog


def subscribe_button(dialog: AddFeedDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def site_page(server: FeedServer, feeds: list[tuple[str, str]]) -> str:
    """A web page at / that links to *feeds* ((path, title) pairs)."""
    links = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="{title}" href="{path}">'
        for path, title in feeds
    )
    server.route("/", Response(body=f"<html><head>{links}</head></html>", content_type="text/html"))
    return server.url("/")


def test_add_feed_dialog_shows_errors_inline(
    qtbot, profile: Reader, feed_server: FeedServer
) -> None:
    feed_server.route("/missing.xml", Response(status=404, body="no"))
    dialog = AddFeedDialog(profile, TaskRunner(synchronous=True), ["World"])
    qtbot.addWidget(dialog)
    dialog.url_edit.setText(feed_server.url("/missing.xml"))
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0 and "404" in dialog.message.text()
    url = serve(feed_server, "/good.xml", make_rss(3, prefix="good"))
    dialog.url_edit.setText(url)
    dialog.folder_combo.setCurrentText("World")
    dialog.buttons.accepted.emit()
    assert dialog.result() == AddFeedDialog.DialogCode.Accepted
    assert dialog.feed is not None and dialog.feed.folder == "World"


def test_add_feed_dialog_offers_a_sites_feeds_to_tick(
    qtbot, tmp_path: Path, feed_server: FeedServer
) -> None:
    reader = Reader.open(tmp_path / "p")
    serve(feed_server, "/all.xml", make_rss(3, title="كل الأخبار", language="ar", prefix="all"))
    serve(feed_server, "/sport.xml", make_rss(2, title="Sport", prefix="sport"))
    feed_server.route("/gone.xml", Response(status=404, body="no"))
    links = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="{title}" href="{path}">'
        for path, title in (
            ("/all.xml", "كل الأخبار"),
            ("/sport.xml", "Sport"),
            ("/gone.xml", "Archive"),
        )
    )
    page = f"<html><head>{links}</head></html>"
    feed_server.route("/", Response(body=page, content_type="text/html; charset=utf-8"))
    dialog = AddFeedDialog(reader, TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    try:
        dialog.url_edit.setText(feed_server.url("/"))
        dialog.buttons.accepted.emit()
        assert dialog.result() == 0  # still open: which ones?
        items = [dialog.choices.item(row) for row in range(dialog.choices.count())]
        assert [i.text().strip("\u202a\u202b\u202c") for i in items] == [
            "كل الأخبار",
            "Sport",
            "Archive",
        ]
        assert [i.checkState() for i in items] == [
            Qt.CheckState.Checked,
            Qt.CheckState.Unchecked,
            Qt.CheckState.Unchecked,
        ]
        assert "3 feeds" in dialog.message.text()
        assert reader.list_feeds() == []

        items[1].setCheckState(Qt.CheckState.Checked)
        items[2].setCheckState(Qt.CheckState.Checked)
        dialog.buttons.accepted.emit()
        # two followed, the dead one said, and the dialog stays for it
        assert dialog.result() == 0
        assert (
            "404" in dialog.message.text() and feed_server.url("/gone.xml") in dialog.message.text()
        )
        assert sorted(f.title for f in reader.list_feeds()) == ["Sport", "كل الأخبار"]
        assert not items[0].flags() & Qt.ItemFlag.ItemIsEnabled
        assert dialog.feed is not None and dialog.feed.title == "كل الأخبار"

        items[2].setCheckState(Qt.CheckState.Unchecked)
        dialog.buttons.accepted.emit()
        assert "Tick at least one feed." in dialog.message.text()

        dialog.url_edit.setText(feed_server.url("/sport.xml"))
        dialog.url_edit.textEdited.emit(dialog.url_edit.text())
        assert dialog.choices.isHidden()
        dialog.buttons.accepted.emit()
        assert "already subscribed" in dialog.message.text()
    finally:
        reader.close()


# -- looking a feed up in the background --------------------------------------------------


def test_a_served_feed_is_looked_up_in_the_background_and_added(
    qtbot: Any, reader: Reader, feed_server: FeedServer
) -> None:
    url = serve(feed_server, "/desk.xml", make_rss(4, title="World Desk", prefix="desk"))
    runner = HeldRunner()
    dialog = make_dialog(qtbot, reader, runner, ["World", "Sport"])
    assert [dialog.folder_combo.itemText(i) for i in range(3)] == ["", "World", "Sport"]
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.url_edit.setText(f"  {url}  ")
    dialog.folder_combo.setCurrentText("Sport")
    qtbot.mouseClick(subscribe_button(dialog), Qt.MouseButton.LeftButton)

    # while it is looked up, the dialog says so and takes no second request
    assert dialog.message.isVisible() and dialog.message.text() == "Looking for the feed…"
    assert not subscribe_button(dialog).isEnabled()
    assert not dialog.url_edit.isEnabled() and not dialog.folder_combo.isEnabled()
    assert reader.list_feeds() == [] and len(runner.held) == 1
    with qtbot.waitSignal(dialog.accepted):
        runner.release()
    assert dialog.feed is not None and dialog.feeds == [dialog.feed]
    assert (dialog.feed.url, dialog.feed.title, dialog.feed.folder) == (url, "World Desk", "Sport")
    assert [f.article_count for f in reader.list_feeds()] == [4]


def test_on_a_worker_thread_the_dialog_stays_free(
    qtbot: Any, reader: Reader, feed_server: FeedServer
) -> None:
    url = serve(feed_server, "/threaded.xml", make_rss(2, prefix="threaded"))
    dialog = make_dialog(qtbot, reader, TaskRunner())
    dialog.show()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.url_edit.setText(url)
        subscribe_button(dialog).click()
        assert not subscribe_button(dialog).isEnabled()  # back at once, the answer to come
    assert dialog.feed is not None and dialog.feed.url == url


def test_a_dropped_link_is_looked_up_as_if_typed(
    qtbot: Any, reader: Reader, feed_server: FeedServer
) -> None:
    url = serve(feed_server, "/dropped.xml", make_rss(1, prefix="dropped"))
    dialog = make_dialog(qtbot, reader, TaskRunner(synchronous=True))
    dialog.start(url)
    assert dialog.url_edit.text() == url
    assert dialog.result() == AddFeedDialog.DialogCode.Accepted
    assert dialog.feed is not None and dialog.feed.url == url


# -- what went wrong, in the dialog -----------------------------------------------------------


def error_said(qtbot: Any, reader: Reader, address: str) -> AddFeedDialog:
    dialog = make_dialog(qtbot, reader, TaskRunner(synchronous=True))
    dialog.url_edit.setText(address)
    dialog.buttons.accepted.emit()
    assert dialog.result() == 0  # still open, to try again
    assert dialog.message.isVisibleTo(dialog)
    assert QApplication.activeModalWidget() is None  # no message box on top
    assert subscribe_button(dialog).isEnabled() and dialog.url_edit.isEnabled()
    return dialog


def test_what_went_wrong_is_said_in_the_dialog_in_red(
    qtbot: Any, reader: Reader, feed_server: FeedServer
) -> None:
    page = "<html><head><title>A blog</title></head><body>No feeds here</body></html>"
    feed_server.route("/page.html", Response(body=page, content_type="text/html"))
    feed_server.route("/empty.xml", Response(body=""))
    reader.add_feed(serve(feed_server, "/have.xml", make_rss(1, prefix="have")))
    said = {
        "": "Type the address of a feed or of a web site.",
        "   ": "Type the address of a feed or of a web site.",
        feed_server.url("/page.html"): "No feed was found at this address.",
        feed_server.url("/empty.xml"): "This address does not give a readable feed: "
        "The server sent an empty document",
        feed_server.url("/gone.xml"): "The address could not be fetched: "
        "The feed was not found on the server (HTTP 404)",
        "http://127.0.0.1:9/feed.xml": "The address could not be fetched: "
        "The server refused the connection",
        feed_server.url("/have.xml"): "You are already subscribed to this feed.",
    }
    for address, message in said.items():
        dialog = error_said(qtbot, reader, address)
        assert dialog.message.text() == message, address
        red = dialog.message.palette().color(QPalette.ColorRole.WindowText)
        assert red == Qt.GlobalColor.red, address
    assert len(reader.list_feeds()) == 1
    assert feed_server.requests_for("/") == []  # an empty address is never looked up


def test_the_dialog_speaks_arabic(qtbot: Any, reader: Reader, arabic: Translations) -> None:
    dialog = error_said(qtbot, reader, "")
    assert dialog.message.text() == "اكتب عنوان خلاصة أو موقع ويب."
    assert dialog.windowTitle() == "إضافة مصدر"


def test_every_kind_of_failure_has_its_sentence(qapp) -> None:
    assert describe_error(FeedExistsError("x")) == "You are already subscribed to this feed."
    assert describe_error(StorageError("database error: the disk is full")) == (
        "database error: the disk is full"  # the core's own words when no sentence fits
    )
    assert describe_error(ValueError("boom")) == "Unexpected error: ValueError: boom"


# -- several feeds, ticked -----------------------------------------------------------------


def test_each_offered_feed_reads_in_its_own_direction(
    qtbot: Any, reader: Reader, feed_server: FeedServer
) -> None:
    address = site_page(feed_server, [("/ar.xml", "أخبار اليوم"), ("/en.xml", "Sport")])
    dialog = make_dialog(qtbot, reader, TaskRunner(synchronous=True))
    dialog.buttons.accepted.emit()  # nothing typed yet: said in red
    dialog.start(address)
    items = [dialog.choices.item(row) for row in range(dialog.choices.count())]
    assert [item.text() for item in items] == ["\u202bأخبار اليوم\u202c", "\u202aSport\u202c"]
    assert [item.toolTip() for item in items] == [
        feed_server.url("/ar.xml"),
        feed_server.url("/en.xml"),
    ]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in items] == [
        feed_server.url("/ar.xml"),
        feed_server.url("/en.xml"),
    ]
    assert dialog.message.text() == "This site offers 2 feeds. Tick the ones to follow."
    colour = dialog.message.palette().color(QPalette.ColorRole.WindowText)
    assert colour == dialog.palette().color(QPalette.ColorRole.WindowText)  # a note, not an error


def test_subscribing_to_several_goes_on_past_a_failure(
    qapp, reader: Reader, feed_server: FeedServer
) -> None:
    first = serve(feed_server, "/one.xml", make_rss(2, title="One", prefix="one"))
    have = serve(feed_server, "/have.xml", make_rss(1, title="Have", prefix="have"))
    gone = feed_server.url("/gone.xml")
    last = serve(feed_server, "/two.xml", make_rss(1, title="Two", prefix="two"))
    reader.add_feed(have)
    outcome = subscribe_each(reader, [first, have, gone, last], "Picked")
    assert [f.title for f in outcome.added] == ["One", "Two"]
    assert outcome.done_urls == {first, have, last}  # followed already counts as done
    [(url, error)] = outcome.failed
    assert url == gone and isinstance(error, NewsreaderError) and "404" in str(error)
    assert {f.folder for f in reader.list_feeds() if f.title != "Have"} == {"Picked"}


def test_the_address_is_kept_left_to_right(qtbot: Any, reader: Reader) -> None:
    dialog = make_dialog(qtbot, reader, TaskRunner(synchronous=True))
    dialog.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert dialog.url_edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
