"""A feed's failure in the user's words: the core's real messages are all recognised."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsreader.core.errors import NewsreaderError
from newsreader.fetch import parse as parse_module
from newsreader.fetch.http import HttpClient
from newsreader.fetch.parse import parse_feed
from newsreader.fetch.parse_worker import OUT_OF_MEMORY
from newsreader.storage import database
from newsreader.ui.error_text import failure_text, readable_error
from newsreader.ui.i18n import Translations
from newsreader.update.parse_pool import (
    STOPPED,
    start_failed_message,
    stopped_message,
    too_slow_message,
)
from newsreader.update.store import REMOVED
from tests.conftest import FIXTURES
from tests.fetch.http_support import closed_port
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Response


def _message_of(action: Callable[[], object]) -> str:
    try:
        action()
    except NewsreaderError as exc:
        return str(exc)
    raise AssertionError("the action should have failed")


@pytest.fixture
def core_messages(feed_server: FeedServer) -> dict[str, str]:
    """What the core really says, for each kind of failure, made by real failures."""
    for status in (404, 410, 503, 500, 403):
        feed_server.route(f"/{status}", Response(status=status))
    feed_server.route("/loop-a", Response(status=302, headers={"Location": "/loop-b"}))
    feed_server.route("/loop-b", Response(status=302, headers={"Location": "/loop-a"}))
    feed_server.route("/big", Response(body=b"<rss>" + b"x" * 5000))
    feed_server.route("/slow", Response(body="<rss/>", delay=2.0))
    feed_server.route("/broken", Response(body=(FIXTURES / "feeds" / "malformed.xml").read_bytes()))
    feed_server.route("/gz", Response(body=b"not gzip", headers={"Content-Encoding": "gzip"}))
    feed_server.route("/enc", Response(body=b"x", headers={"Content-Encoding": "x-weird"}))
    feed_server.route("/bad-loc", Response(status=302, headers={"Location": "http://[bad/"}))
    with HttpClient(
        connect_timeout=0.5, read_timeout=0.5, total_timeout=1.0, max_bytes=1000
    ) as http:

        def get(path: str) -> Callable[[], object]:
            return lambda: http.get(feed_server.url(path))

        messages = {
            str(status): _message_of(get(f"/{status}")) for status in (404, 410, 503, 500, 403)
        }
        messages["refused"] = _message_of(
            lambda: http.get(f"http://127.0.0.1:{closed_port()}/feed.xml")
        )
        messages["loop"] = _message_of(get("/loop-a"))
        messages["too large"] = _message_of(get("/big"))
        messages["timed out"] = _message_of(get("/slow"))
        messages["corrupt"] = _message_of(get("/gz"))
        messages["encoding"] = _message_of(get("/enc"))
        messages["bad redirect"] = _message_of(get("/bad-loc"))
        messages["invalid url"] = _message_of(lambda: http.get("http://[::1"))
        messages["no host"] = _message_of(lambda: http.get("http:///feed"))
        messages["scheme"] = _message_of(lambda: http.get("ftp://127.0.0.1/feed"))
        broken = http.get(feed_server.url("/broken")).body
    page = (FIXTURES / "feeds" / "html_page.html").read_bytes()
    messages["web page"] = _message_of(
        lambda: parse_feed(page, url="https://example.test/", content_type="text/html")
    )
    messages["empty"] = _message_of(lambda: parse_feed(b"", url="https://example.test/"))
    warning = parse_feed(broken, url="https://example.test/broken").warning
    assert warning is not None
    messages["damaged"] = warning
    # what the parse workers say (tests/update/test_parse_pool.py makes each happen)
    messages["parse too slow"] = too_slow_message(60)
    messages["parser stopped"] = stopped_message("signal SIGKILL")
    messages["parser cannot start"] = start_failed_message("exit code 3")
    messages["refresh stopped"] = STOPPED
    messages["removed"] = REMOVED
    messages["out of memory"] = OUT_OF_MEMORY
    many = rss(numbered(3)).encode()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parse_module, "MAX_ENTRIES", 2)
        cut = parse_feed(many, url="https://example.test/many").warning
    assert cut is not None
    messages["too many items"] = cut
    return messages


def test_every_kind_of_core_failure_is_worded_for_the_user(core_messages: dict[str, str]) -> None:
    worded = {kind: readable_error(message) for kind, message in core_messages.items()}
    unknown = {
        kind: core_messages[kind] for kind, text in worded.items() if text == core_messages[kind]
    }
    assert unknown == {}
    assert worded["404"] == "The feed was not found on the server (HTTP 404)"
    assert worded["refused"] == "The server refused the connection"
    assert worded["damaged"] == "The feed is damaged; 3 articles could still be read"


def test_in_arabic(core_messages: dict[str, str], arabic: Translations) -> None:
    assert readable_error(core_messages["404"]) == "لم يُعثر على المصدر في الخادم (HTTP 404)"
    assert readable_error(core_messages["refused"]) == "رفض الخادم الاتصال"
    assert readable_error(core_messages["damaged"]) == "المصدر تالف، وأمكن قراءة 3 أخبار منه"
    assert readable_error(core_messages["too many items"]) == (
        "يسرد المصدر أخبارًا أكثر من اللازم، فحُفظ أول 2 منها فقط"
    )
    assert failure_text("a: x\nb: y", folder=True) == "تعذّر تحديث مصدرين في هذا المجلد"
    assert (
        readable_error(core_messages["parser stopped"])
        == "توقّف قارئ المصادر أثناء قراءة هذا المصدر"
    )


def test_what_is_not_recognised_is_shown_as_it_is() -> None:
    assert readable_error("something new went wrong") == "something new went wrong"
    assert failure_text("one: x\ntwo: y\nthree: z", folder=True) == (
        "3 feeds in this folder could not be updated"
    )
    assert failure_text("HTTP 500 Internal Server Error") == "The server had an error (HTTP 500)"


def test_adding_a_feed_says_why_in_the_same_words(core_messages: dict[str, str]) -> None:
    from newsreader.core.errors import FetchError
    from newsreader.ui.add_feed_dialog import describe_error

    error = FetchError(core_messages["refused"], url="http://127.0.0.1:9/")
    assert describe_error(error) == (
        "The address could not be fetched: The server refused the connection"
    )


@pytest.fixture
def storage_messages(
    tmp_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> dict[str, str]:
    """What the core says when the profile's database fails, made by real failures."""
    from newsreader.core.paths import app_paths
    from newsreader.reader import Reader
    from tests.helpers.feeds import numbered, rss
    from tests.test_full_disk import _no_room_to_grow
    from tests.userdata.test_repair import damage_table

    messages = {}
    feed_server.route("/a.xml", Response(body=rss(numbered(3, "a"))))
    data = tmp_path / "profile"
    with Reader.open(data) as reader:
        reader.add_feed(feed_server.url("/a.xml"))
        article_id = reader.list_articles()[0].id
    original = database._set_sqlite_pragmas

    def impatient(dbapi_connection: sqlite3.Connection, record: object) -> None:
        original(dbapi_connection, record)
        dbapi_connection.execute("PRAGMA busy_timeout=0")  # fail at once, not in 10 s

    monkeypatch.setattr(database, "_set_sqlite_pragmas", impatient)
    blocker = sqlite3.connect(app_paths(data).database)
    blocker.execute("BEGIN IMMEDIATE")  # another writer holds the database
    try:
        with Reader.open(data) as reader:
            messages["busy"] = _message_of(lambda: reader.mark_read([article_id]))
    finally:
        blocker.rollback()
        blocker.close()
    monkeypatch.undo()
    feed_server.route("/big.xml", Response(body=rss(numbered(200, "big"))))
    with Reader.open(data) as reader:
        reader.subscribe(feed_server.url("/big.xml"))
    _no_room_to_grow(monkeypatch)
    with Reader.open(data) as reader:
        messages["full"] = _message_of(lambda: reader.refresh(images=False))
    monkeypatch.undo()
    damage_table(app_paths(data).database, "articles")
    with Reader.open(data) as reader:
        messages["damaged"] = _message_of(lambda: reader.list_articles(limit=50))
    return messages


def test_a_failing_database_is_worded_for_the_user(
    storage_messages: dict[str, str], arabic: Translations
) -> None:
    assert readable_error(storage_messages["full"]) == "القرص ممتلئ: لم يُحفظ التغيير"
    assert readable_error(storage_messages["damaged"]) == (
        "قاعدة البيانات تالفة: أعد تشغيل قارئ الأخبار لإصلاحها"
    )
    assert (
        readable_error(storage_messages["busy"]) == "قاعدة البيانات مشغولة: حاول مرة أخرى بعد قليل"
    )


def test_a_failure_names_the_address_it_is_about(core_messages: dict[str, str]) -> None:
    url = "http://127.0.0.1:9/feed.xml"
    isolated = "\u2066" + url + "\u2069"
    assert readable_error(core_messages["refused"], url) == (
        f"The server refused the connection ({isolated})"
    )
    assert failure_text(core_messages["404"], address=url).endswith(f"({isolated})")
    assert failure_text("a: x\nb: y", folder=True, address=url) == (
        "2 feeds in this folder could not be updated"
    )
    # the core's message named it; the wording does not, so the address is added
    assert readable_error(f"no feed found at {url}", url) == (
        f"No feed was found at this address ({isolated})"
    )
    assert readable_error(f"something new at {url}", url) == f"something new at {url}"
    assert readable_error(core_messages["refused"]) == "The server refused the connection"


def test_the_address_stays_left_to_right_in_arabic(
    core_messages: dict[str, str], arabic: Translations
) -> None:
    url = "http://127.0.0.1:9/feed.xml"
    assert readable_error(core_messages["refused"], url) == (
        "رفض الخادم الاتصال (\u2066" + url + "\u2069)"
    )
    assert readable_error(core_messages["scheme"]) == "لا يُجلب إلا من عناوين الويب (http وhttps)"
