"""The refresh pipeline end to end: a real HTTP server on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from newsreader.core.types import ArticleQuery, FeedStatus
from newsreader.reader import Reader
from newsreader.storage.models import FeedRow
from tests.conftest import FIXTURES
from tests.helpers.feeds import Item, numbered, rss, slow_to_parse
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.profile import (
    database_of,
    parse_pool_of,
    replace_parse_pool,
)


def subscribe(reader: Reader, server: FeedServer, path: str) -> int:
    return reader.subscribe(server.url(path))


def statuses(summary: object) -> dict[str, str]:
    return {r.url.rsplit("/", 1)[-1]: r.status.value for r in summary.feeds}  # type: ignore[attr-defined]


def test_first_refresh_stores_articles_and_second_is_not_modified(
    reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(numbered(5, categories=["اقتصاد"])), encoding="utf-8")
    feed_server.serve_file("/feed.xml", feed)
    feed_id = subscribe(reader, feed_server, "/feed.xml")

    first = reader.refresh()
    assert [(r.status, r.new) for r in first.feeds] == [(FeedStatus.OK, 5)]
    second = reader.refresh(all_feeds=True)
    assert [(r.status, r.new) for r in second.feeds] == [(FeedStatus.NOT_MODIFIED, 0)]
    conditional = feed_server.requests_for("/feed.xml")[-1]
    assert "if-none-match" in conditional.headers
    assert reader.count_articles(ArticleQuery(feed_id=feed_id)) == (5, 5)
    assert [t.name for t in reader.topics(language="ar")] == ["اقتصاد"]
    assert [t.name for t in reader.topics(language="en")] == ["Economy"]  # the alias table's


def test_only_due_feeds_are_fetched_without_all(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/a", Response(body=rss(numbered(1))))
    subscribe(reader, feed_server, "/a")
    assert len(reader.refresh().feeds) == 1
    assert reader.refresh().feeds == ()  # fetched just now: next due in an interval
    assert len(reader.refresh(all_feeds=True).feeds) == 1


def test_unchanged_body_without_validators_is_not_parsed_again(
    reader: Reader, feed_server: FeedServer
) -> None:
    feed_server.route("/plain", Response(body=rss(numbered(3))))  # no ETag, no Last-Modified
    subscribe(reader, feed_server, "/plain")
    assert reader.refresh().feeds[0].status is FeedStatus.OK
    assert reader.refresh(all_feeds=True).feeds[0].status is FeedStatus.NOT_MODIFIED


def test_updated_feed_changes_articles_in_place_and_keeps_user_state(
    reader: Reader, feed_server: FeedServer
) -> None:
    items = numbered(3)
    feed_server.route("/f", Response(body=rss(items)))
    feed_id = subscribe(reader, feed_server, "/f")
    reader.refresh()
    before = {a.guid: a for a in reader.list_articles(ArticleQuery(feed_id=feed_id))}
    reader.mark_read([before["item-0"].id])
    reader.mark_starred([before["item-1"].id])

    items[0].title = "عنوان معدّل"
    items[1].body = "<p>نص جديد بعد التصحيح.</p>"
    feed_server.route("/f", Response(body=rss([*items, Item(guid="item-9", title="جديد")])))
    result = reader.refresh(all_feeds=True).feeds[0]
    assert (result.new, result.updated) == (1, 2)

    after = {a.guid: a for a in reader.list_articles(ArticleQuery(feed_id=feed_id))}
    assert len(after) == 4
    assert after["item-0"].id == before["item-0"].id
    assert after["item-0"].title == "عنوان معدّل"
    assert after["item-0"].read and not after["item-0"].starred
    assert after["item-1"].starred and not after["item-1"].read
    assert "نص جديد" in (reader.get_article(after["item-1"].id).content_html or "")


def test_one_failing_feed_never_stops_the_others(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/ok", Response(body=rss(numbered(2))))
    feed_server.route("/missing", Response(status=404))
    feed_server.route("/broken", Response(status=500))
    feed_server.route(
        "/html", Response(body="<html><p>no feed</p></html>", content_type="text/html")
    )
    for path in ("/ok", "/missing", "/broken", "/html"):
        subscribe(reader, feed_server, path)
    summary = reader.refresh()
    assert statuses(summary) == {"ok": "ok", "missing": "error", "broken": "error", "html": "error"}
    assert summary.failed == 3 and summary.new == 2
    errors = {f.url.rsplit("/", 1)[-1]: f.error for f in reader.list_feeds()}
    assert errors["missing"] == "HTTP 404 Not Found"
    assert "500" in (errors["broken"] or "")
    assert errors["html"]
    assert errors["ok"] is None


def test_repeated_failures_back_off(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/down", Response(status=503))
    feed_id = subscribe(reader, feed_server, "/down")
    waits = []
    for _ in range(3):
        reader.refresh(feed_ids=[feed_id])
        feed = reader.get_feed(feed_id)
        assert feed.next_fetch is not None and feed.last_fetched is not None
        waits.append(feed.next_fetch - feed.last_fetched)
    assert reader.get_feed(feed_id).error_count == 3
    assert waits[0] < waits[1] < waits[2]


def test_gone_feed_is_marked_and_not_polled(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/gone", Response(status=410))
    feed_id = subscribe(reader, feed_server, "/gone")
    reader.refresh()
    assert reader.get_feed(feed_id).status is FeedStatus.GONE
    assert reader.refresh(all_feeds=True).feeds == ()
    assert len(feed_server.requests_for("/gone")) == 1


def test_retry_after_keeps_a_feed_back_even_from_a_forced_refresh(
    reader: Reader, feed_server: FeedServer
) -> None:
    feed_server.route("/busy", Response(status=429, headers={"Retry-After": "3600"}))
    feed_id = subscribe(reader, feed_server, "/busy")
    reader.refresh()
    feed = reader.get_feed(feed_id)
    assert feed.next_fetch is not None
    assert feed.next_fetch - datetime.now(UTC) > timedelta(minutes=59)
    assert reader.refresh(all_feeds=True).feeds == ()
    assert len(feed_server.requests_for("/busy")) == 1


def test_permanent_redirect_updates_the_stored_url(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/old", Response(status=301, headers={"Location": "/new"}))
    feed_server.route("/new", Response(body=rss(numbered(1))))
    feed_server.route("/temp", Response(status=302, headers={"Location": "/new2"}))
    feed_server.route("/new2", Response(body=rss(numbered(1, "t"))))
    moved = subscribe(reader, feed_server, "/old")
    temp = subscribe(reader, feed_server, "/temp")
    reader.refresh()
    assert reader.get_feed(moved).url == feed_server.url("/new")
    assert reader.get_feed(temp).url == feed_server.url("/temp")


def test_redirect_loop_is_an_error_for_that_feed(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/a", Response(status=302, headers={"Location": "/b"}))
    feed_server.route("/b", Response(status=302, headers={"Location": "/a"}))
    feed_id = subscribe(reader, feed_server, "/a")
    reader.refresh()
    feed = reader.get_feed(feed_id)
    assert feed.status is FeedStatus.ERROR
    assert "loop" in (feed.error or "")


def test_malformed_feed_keeps_the_entries_before_the_fault(
    reader: Reader, feed_server: FeedServer
) -> None:
    feed_server.serve_file("/bad.xml", FIXTURES / "feeds" / "malformed.xml")
    feed_id = subscribe(reader, feed_server, "/bad.xml")
    result = reader.refresh().feeds[0]
    assert result.status is FeedStatus.OK
    assert result.new >= 1
    assert reader.get_feed(feed_id).error  # the damage is reported on the feed


@pytest.mark.parametrize("conditional", [True, False], ids=["304", "same-body"])
def test_the_damage_is_still_reported_while_the_feed_is_unchanged(
    reader: Reader, feed_server: FeedServer, tmp_path: Path, conditional: bool
) -> None:
    served = tmp_path / "feed.xml"
    served.write_bytes((FIXTURES / "feeds" / "malformed.xml").read_bytes())
    feed_server.serve_file("/bad.xml", served, conditional=conditional)
    feed_id = subscribe(reader, feed_server, "/bad.xml")
    reader.refresh()
    warning = reader.get_feed(feed_id).error
    assert warning

    again = reader.refresh(all_feeds=True).feeds[0]
    assert again.status is FeedStatus.NOT_MODIFIED
    assert reader.get_feed(feed_id).error == warning  # the stored body is still damaged

    served.write_bytes((FIXTURES / "feeds" / "rss20_ar.xml").read_bytes())  # repaired
    assert reader.refresh(all_feeds=True).feeds[0].status is FeedStatus.OK
    assert reader.get_feed(feed_id).error is None
    reader.refresh(all_feeds=True)
    assert reader.get_feed(feed_id).error is None


def test_a_failed_fetch_then_304_leaves_no_error(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.serve_file("/f.xml", FIXTURES / "feeds" / "rss20_ar.xml")
    feed_id = subscribe(reader, feed_server, "/f.xml")
    reader.refresh()
    feed_server.route("/f.xml", Response(status=500))
    reader.refresh(all_feeds=True)
    assert reader.get_feed(feed_id).error
    feed_server.serve_file("/f.xml", FIXTURES / "feeds" / "rss20_ar.xml")
    assert reader.refresh(all_feeds=True).feeds[0].status is FeedStatus.NOT_MODIFIED
    assert reader.get_feed(feed_id).error is None


def test_entity_bomb_and_external_entities_are_harmless(
    reader: Reader, feed_server: FeedServer
) -> None:
    feed_server.serve_file("/bomb.xml", FIXTURES / "feeds" / "entity_bomb.xml")
    feed_server.serve_file("/xxe.xml", FIXTURES / "feeds" / "external_entity.xml")
    subscribe(reader, feed_server, "/bomb.xml")
    subscribe(reader, feed_server, "/xxe.xml")
    reader.refresh()
    for a in reader.list_articles():
        article = reader.get_article(a.id)
        text = (article.title or "") + (article.content_html or "")
        assert len(text) < 100_000
        assert "lol" * 100 not in text
    hosts = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
    if hosts:
        assert all(
            hosts not in (reader.get_article(a.id).content_html or "")
            for a in reader.list_articles()
        )
    # the external entity pointing at the test server was never fetched
    assert [r.path for r in feed_server.requests if r.path not in ("/bomb.xml", "/xxe.xml")] == []


def test_many_feeds_are_parsed_in_worker_processes(reader: Reader, feed_server: FeedServer) -> None:
    ids = []
    for n in range(10):
        feed_server.route(f"/m{n}", Response(body=rss(numbered(20, f"m{n}"))))
        ids.append(subscribe(reader, feed_server, f"/m{n}"))
    summary = reader.refresh()
    assert summary.new == 200 and summary.failed == 0
    assert reader.count_articles() == (200, 200)


def test_cancel_stops_a_refresh_and_its_follow_ups(reader: Reader, feed_server: FeedServer) -> None:
    import threading

    from tests.helpers.feedserver import Request

    release = threading.Event()

    def held(_request: Request) -> Response:
        release.wait(10)  # answered when the test ends (a bound, not a pace)
        return Response(body=rss(numbered(1, "held")))

    feed_server.route("/quick", Response(body=rss(numbered(1, "quick"))))
    subscribe(reader, feed_server, "/quick")
    for n in range(3):
        feed_server.route(f"/held/{n}", held)
        subscribe(reader, feed_server, f"/held/{n}")
    cancel = threading.Event()
    steps: list[object] = []

    try:
        summary = reader.refresh(
            progress=lambda *_: cancel.set(),  # cancelled as the first feed is stored
            cancel=cancel,
            on_follow_up=lambda step, count: steps.append(step),
        )
    finally:
        release.set()

    assert [r.url for r in summary.feeds] == [feed_server.url("/quick")]
    assert summary.new == 1
    assert steps == [] and summary.follow_ups == ()


def test_add_feed_subscribes_fetches_and_discovers(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/news.rss", Response(body=rss(numbered(4), title="موجز الأخبار")))
    page = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/news.rss">'
        "</head><body>صفحة</body></html>"
    )
    feed_server.route("/page.html", Response(body=page, content_type="text/html; charset=utf-8"))
    feed = reader.add_feed(feed_server.url("/page.html"), folder="عربي")
    assert feed.url == feed_server.url("/news.rss")
    assert feed.title == "موجز الأخبار"
    assert feed.folder == "عربي"
    assert feed.article_count == 4


def test_a_page_with_several_feeds_offers_them_when_asked(
    reader: Reader, feed_server: FeedServer
) -> None:
    from newsreader.core.errors import SeveralFeedsError

    feed_server.route("/all.rss", Response(body=rss(numbered(3), title="كل الأخبار")))
    feed_server.route("/sport.rss", Response(body=rss(numbered(2), title="رياضة")))
    page = (
        "<html><head>"
        '<link rel="alternate" type="application/rss+xml" title="كل الأخبار" href="/all.rss">'
        '<link rel="alternate" type="application/rss+xml" title="رياضة" href="/sport.rss">'
        "</head><body>صفحة</body></html>"
    )
    feed_server.route("/home.html", Response(body=page, content_type="text/html; charset=utf-8"))
    fetched_before = len(feed_server.requests)
    with pytest.raises(SeveralFeedsError) as several:
        reader.add_feed(feed_server.url("/home.html"), choose=True)
    assert [(o.url, o.title) for o in several.value.options] == [
        (feed_server.url("/all.rss"), "كل الأخبار"),
        (feed_server.url("/sport.rss"), "رياضة"),
    ]
    assert len(feed_server.requests) == fetched_before + 1  # the page only
    assert reader.list_feeds() == []  # nothing subscribed yet
    # without asking, the first is taken, as before
    feed = reader.add_feed(feed_server.url("/home.html"))
    assert (feed.url, feed.article_count) == (feed_server.url("/all.rss"), 3)


def test_add_feed_refuses_unreachable_urls_and_pages_without_feeds(
    reader: Reader, feed_server: FeedServer
) -> None:
    from newsreader.core.errors import FeedExistsError, FetchError, NotAFeedError

    feed_server.route(
        "/plain.html",
        Response(body="<html><body>لا شيء هنا</body></html>", content_type="text/html"),
    )
    with pytest.raises(NotAFeedError):
        reader.add_feed(feed_server.url("/plain.html"))
    with pytest.raises(FetchError):
        reader.add_feed(feed_server.url("/nothing-here"))
    feed_server.route("/ok.rss", Response(body=rss(numbered(1))))
    reader.add_feed(feed_server.url("/ok.rss"))
    with pytest.raises(FeedExistsError):
        reader.add_feed(feed_server.url("/ok.rss"))
    assert len(reader.list_feeds()) == 1


def test_opml_import_does_not_fetch_and_export_round_trips(
    reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    opml = f"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>x</title></head><body>
<outline text="عربي">
<outline type="rss" text="الأولى" xmlUrl="{feed_server.url("/one")}"/></outline>
<outline type="rss" text="Two" xmlUrl="{feed_server.url("/two")}"/>
</body></opml>""".encode()
    assert reader.import_opml(opml) == 2
    assert reader.import_opml(opml) == 0
    assert feed_server.requests == []
    exported = reader.export_opml()
    with Reader.open(tmp_path / "other") as other:
        assert other.import_opml(exported) == 2
        assert {(f.url, f.folder, f.title) for f in other.list_feeds()} == {
            (feed_server.url("/one"), "عربي", "الأولى"),
            (feed_server.url("/two"), None, "Two"),
        }


def test_removed_feed_takes_its_articles_with_it(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/x", Response(body=rss(numbered(2, categories=["رياضة"]))))
    feed_id = subscribe(reader, feed_server, "/x")
    reader.refresh()
    reader.remove_feed(feed_id)
    assert reader.list_articles() == []
    assert reader.topics() == []


def test_demo_loads_offline(reader: Reader) -> None:
    summary = reader.load_demo()
    assert summary.failed == 0
    assert summary.new > 20
    feeds = reader.list_feeds()
    assert len(feeds) >= 4
    assert {f.folder for f in feeds} - {None}
    directions = {a.direction.value for a in reader.list_articles()}
    assert directions == {"rtl", "ltr"}
    # pictures are in the offline cache, so the demo reads with its images
    with_images = [reader.get_article(a.id) for a in reader.list_articles()]
    lead_images = [a.image_url for a in with_images if a.image_url]
    assert lead_images
    cached = [reader.local_image(url) for url in lead_images]
    assert all(path is not None and path.stat().st_size > 0 for path in cached)
    # and its stories: two events told by two feeds each, current in the sidebar
    stories = reader.current_stories()
    assert len(stories) == 2
    assert all(s.count == 2 and len(s.sources) == 2 for s in stories)


def test_feed_rows_keep_validators(reader: Reader, feed_server: FeedServer, tmp_path: Path) -> None:
    feed = tmp_path / "v.xml"
    feed.write_text(rss(numbered(1)), encoding="utf-8")
    feed_server.serve_file("/v.xml", feed)
    feed_id = subscribe(reader, feed_server, "/v.xml")
    reader.refresh()
    with database_of(reader).session() as session:
        row = session.scalar(select(FeedRow).where(FeedRow.id == feed_id))
        assert row is not None and row.etag and row.last_modified and row.body_hash


FORMATS = [
    ("rss091.xml", "application/rss+xml"),
    ("rss10_rdf.xml", "application/rdf+xml"),
    ("rss20_ar.xml", "application/rss+xml; charset=utf-8"),
    ("atom03.xml", "application/atom+xml"),
    ("atom10_en.xml", "application/atom+xml"),
    ("rss_windows1256_declared.xml", "application/xml"),
    ("rss_windows1256_undeclared.xml", None),
    ("mixed_direction.xml", "application/rss+xml"),
]


@pytest.mark.parametrize(("name", "content_type"), FORMATS)
def test_every_format_and_encoding_is_stored_through_the_server(
    reader: Reader, feed_server: FeedServer, name: str, content_type: str | None
) -> None:
    from newsreader.fetch.parse import parse_feed

    data = (FIXTURES / "feeds" / name).read_bytes()
    feed_server.route("/" + name, Response(body=data, content_type=content_type))
    feed_id = subscribe(reader, feed_server, "/" + name)
    result = reader.refresh().feeds[0]
    expected = parse_feed(data, url=feed_server.url("/" + name), content_type=content_type)
    assert result.status is FeedStatus.OK, result.error
    assert result.new == len(expected.entries) > 0
    stored = {a.title for a in reader.list_articles(ArticleQuery(feed_id=feed_id))}
    assert stored == {e.title for e in expected.entries}


def test_windows_1256_arabic_reads_right_without_a_declaration(
    reader: Reader, feed_server: FeedServer
) -> None:
    data = (FIXTURES / "feeds" / "rss_windows1256_undeclared.xml").read_bytes()
    source = data.decode("cp1256")
    feed_server.route("/legacy", Response(body=data, content_type=None))
    subscribe(reader, feed_server, "/legacy")
    reader.refresh()
    titles = [a.title for a in reader.list_articles()]
    assert titles and all(t in source for t in titles)
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in t) for t in titles)


def test_slow_and_oversized_feeds_fail_alone(tmp_path: Path, feed_server: FeedServer) -> None:
    from newsreader.fetch.http import HttpClient
    from newsreader.fetch.transport import RoutingTransport

    def endless() -> object:
        while True:
            yield b"<rss>" + b"x" * 65536

    feed_server.route("/slow", Response(body=rss(numbered(1)), delay=3))
    feed_server.route("/huge", Response(body=endless()))
    feed_server.route("/fine", Response(body=rss(numbered(2))))
    http = HttpClient(read_timeout=0.5, total_timeout=1.5, max_bytes=256 * 1024)
    with Reader.open(tmp_path / "p", transport=RoutingTransport(http=http)) as reader:
        for path in ("/slow", "/huge", "/fine"):
            subscribe(reader, feed_server, path)
        summary = reader.refresh()
        assert statuses(summary) == {"slow": "error", "huge": "error", "fine": "ok"}
        errors = {f.url.rsplit("/", 1)[-1]: f.error or "" for f in reader.list_feeds()}
        assert "timed out" in errors["slow"]
        assert "size" in errors["huge"] or "large" in errors["huge"]


def test_a_refresh_parses_in_worker_processes(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/one", Response(body=rss(numbered(2, prefix="one"))))
    subscribe(reader, feed_server, "/one")
    assert reader.refresh().new == 2
    pool = parse_pool_of(reader)
    assert pool.started and len(pool.pids()) == 1  # one was needed
    parse_pool_of(reader).shutdown()

    count = 10
    for n in range(count - 1):
        feed_server.route(f"/many/{n}", Response(body=rss(numbered(3, prefix=f"f{n}-"))))
        subscribe(reader, feed_server, f"/many/{n}")
    feed_server.route("/many/broken", Response(body="<html><body>no feed</body></html>"))
    subscribe(reader, feed_server, "/many/broken")

    summary = reader.refresh()

    assert parse_pool_of(reader).started
    by_path = statuses(summary)
    assert by_path.pop("broken") == "error"
    assert set(by_path.values()) == {"ok"} and len(by_path) == count - 1
    assert summary.new == 3 * (count - 1)
    broken = next(r for r in summary.feeds if r.url.endswith("/broken"))
    assert broken.error and "not an RSS or Atom feed" in broken.error
    parse_pool_of(reader).shutdown()
    assert not parse_pool_of(reader).started


def test_a_feed_too_slow_to_parse_fails_alone_and_is_tried_again_next_time(
    reader: Reader, feed_server: FeedServer
) -> None:
    from newsreader.update.parse_pool import ParsePool

    replace_parse_pool(reader, ParsePool(time_limit=0.2))
    fine = 5
    for n in range(fine):
        feed_server.route(f"/fine/{n}", Response(body=rss(numbered(3, prefix=f"f{n}-"))))
        subscribe(reader, feed_server, f"/fine/{n}")
    feed_server.route("/endless", Response(body=slow_to_parse()))
    subscribe(reader, feed_server, "/endless")

    first = reader.refresh()
    feed_server.route("/fine/0", Response(body=rss(numbered(4, prefix="f0-"))))
    second = reader.refresh(all_feeds=True)

    for summary in (first, second):
        by_path = statuses(summary)
        assert by_path.pop("endless") == "error"
        assert set(by_path.values()) == {"ok"} or set(by_path.values()) == {"ok", "not_modified"}
    assert first.new == 3 * fine and second.new == 1
    endless = next(f for f in reader.list_feeds() if f.url.endswith("/endless"))
    assert endless.error == "parsing took longer than 0.2 s; the feed was skipped"
    assert reader.count_articles()[0] == 3 * fine + 1
