"""Whole articles end to end: feeds of short summaries linking to pages on 127.0.0.1.

A refresh fetches the pages of the feeds set to it (after the news), keeps each
article's body beside the feed's own text, caches its pictures, and stores a clear
error for a page that is not HTML, too big, behind too many redirects, or empty.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.core.full_articles import FullArticleMode
from newsreader.core.types import FollowUp
from newsreader.reader import Reader
from newsreader.update import full_articles as full_update
from tests.fetch.test_images import png_bytes
from tests.helpers.feeds import ARTICLE_PARAGRAPHS, Item, article_page, rss
from tests.helpers.feedserver import FeedServer, Response

HTML = "text/html; charset=utf-8"


def short_feed(server: FeedServer, paths: list[str]) -> str:
    items = [
        Item(guid=f"g{n}", title=f"خبر {n}", body="<p>سطر واحد عن الخبر.</p>", link=server.url(p))
        for n, p in enumerate(paths)
    ]
    return rss(items)


def serve_feed(server: FeedServer, paths: list[str]) -> None:
    server.route("/feed.xml", Response(body=short_feed(server, paths)))


def article_ids_by_link(reader: Reader, server: FeedServer) -> dict[str, int]:
    return {a.link.rsplit("/", 1)[-1]: a.id for a in reader.list_articles() if a.link}


def test_a_short_summary_feed_on_auto_gets_whole_articles_and_their_pictures(
    reader: Reader, feed_server: FeedServer
) -> None:
    feed_server.route("/news/park", Response(body=article_page(), content_type=HTML))
    feed_server.route(
        "/pictures/park.jpg", Response(body=png_bytes(40, 30), content_type="image/png")
    )
    serve_feed(feed_server, ["/news/park"])
    feed_id = reader.subscribe(feed_server.url("/feed.xml"))
    reader.set_full_articles(feed_id, "auto")

    summary = reader.refresh()

    assert summary.followed_up(FollowUp.FULL_ARTICLES) == 1
    (article,) = reader.list_articles()
    text = reader.full_text(article.id)
    assert text is not None and text.html is not None and text.error is None
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in text.html
    assert "عاجل" not in text.html and "tracker" not in text.html
    kept = reader.get_article(article.id)
    assert kept.content_html == "<p>سطر واحد عن الخبر.</p>"  # the feed's own text stays
    picture = feed_server.url("/pictures/park.jpg")
    assert reader.local_image(picture) is not None

    reader.refresh(all_feeds=True)  # tried once: never fetched again by a refresh
    assert len(feed_server.requests_for("/news/park")) == 1


def test_auto_leaves_a_feed_with_whole_articles_alone(
    reader: Reader, feed_server: FeedServer
) -> None:
    long_body = "<p>" + " ".join(ARTICLE_PARAGRAPHS * 3) + "</p>"
    item = Item(guid="g", title="خبر", body=long_body, link=feed_server.url("/news/park"))
    feed_server.route("/feed.xml", Response(body=rss([item])))
    feed_server.route("/news/park", Response(body=article_page(), content_type=HTML))
    feed_id = reader.subscribe(feed_server.url("/feed.xml"))
    reader.set_full_articles(feed_id, FullArticleMode.AUTO)
    reader.refresh()
    assert feed_server.requests_for("/news/park") == []


def test_a_feed_that_is_off_fetches_no_page(reader: Reader, feed_server: FeedServer) -> None:
    feed_server.route("/news/park", Response(body=article_page(), content_type=HTML))
    serve_feed(feed_server, ["/news/park"])
    feed_id = reader.subscribe(feed_server.url("/feed.xml"))
    assert reader.full_articles_mode(feed_id) is FullArticleMode.OFF
    reader.refresh()
    assert feed_server.requests_for("/news/park") == []


def test_bad_pages_get_a_clear_error_each_and_the_good_one_its_text(
    reader: Reader, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(full_update, "MAX_PAGE_BYTES", 64 * 1024)
    feed_server.route("/news/good", Response(body=article_page(), content_type=HTML))
    feed_server.route("/news/picture", Response(body=png_bytes(), content_type="image/png"))
    big = article_page(extra="<p>" + "حشو " * 40_000 + "</p>")
    feed_server.route("/news/big", Response(body=big, content_type=HTML))
    for n in range(8):  # a chain longer than the fence allows
        target = feed_server.url(f"/news/loop{n + 1}")
        feed_server.route(f"/news/loop{n}", Response(status=302, headers={"Location": target}))
    feed_server.route("/news/empty", Response(body="<html><body></body></html>", content_type=HTML))
    feed_server.route("/news/gone", Response(status=404, body="لا شيء", content_type=HTML))
    paths = ["/news/good", "/news/picture", "/news/big", "/news/loop0", "/news/empty", "/news/gone"]
    serve_feed(feed_server, paths)
    feed_id = reader.subscribe(feed_server.url("/feed.xml"))
    reader.set_full_articles(feed_id, FullArticleMode.ON)

    summary = reader.refresh()

    assert summary.followed_up(FollowUp.FULL_ARTICLES) == 1
    ids = article_ids_by_link(reader, feed_server)
    texts = {name: reader.full_text(article_id) for name, article_id in ids.items()}
    assert texts["good"] is not None and texts["good"].html is not None
    errors = {name: t.error for name, t in texts.items() if t is not None and t.html is None}
    assert set(errors) == {"picture", "big", "loop0", "empty", "gone"}
    assert "not HTML (image/png)" in str(errors["picture"])
    assert "big" in str(errors["big"]) and "65536" in str(errors["big"]).replace(",", "")
    assert "redirect" in str(errors["loop0"])
    assert "no article text" in str(errors["empty"])
    assert "404" in str(errors["gone"])
    for name, error in errors.items():
        assert feed_server.url(f"/news/{name}") in str(error)  # each names its page


def test_a_redirect_chain_within_the_fence_is_followed(
    reader: Reader, feed_server: FeedServer
) -> None:
    feed_server.route("/news/a", Response(status=301, headers={"Location": "/news/b"}))
    feed_server.route("/news/b", Response(status=302, headers={"Location": "/story/park"}))
    feed_server.route("/story/park", Response(body=article_page(), content_type=HTML))
    serve_feed(feed_server, ["/news/a"])
    feed_id = reader.subscribe(feed_server.url("/feed.xml"))
    reader.set_full_articles(feed_id, FullArticleMode.ON)
    reader.refresh()
    (article,) = reader.list_articles()
    text = reader.full_text(article.id)
    assert text is not None and text.html is not None
    # relative addresses are resolved against the page it ended at
    assert feed_server.url("/pictures/park.jpg") in text.html


def test_fetching_on_demand_asks_again_conditionally_and_keeps_the_text(
    reader: Reader, feed_server: FeedServer, tmp_path: Path
) -> None:
    page = tmp_path / "park.html"
    page.write_text(article_page(), encoding="utf-8")
    feed_server.serve_file("/news/park.html", page)
    serve_feed(feed_server, ["/news/park.html"])
    reader.subscribe(feed_server.url("/feed.xml"))
    reader.refresh()  # the feed is off: nothing fetched
    (article,) = reader.list_articles()
    assert reader.full_text(article.id) is None

    first = reader.fetch_full_text(article.id)
    second = reader.fetch_full_text(article.id)

    assert first is not None and first.html is not None
    assert second is not None and second.html == first.html and second.error is None
    requests = feed_server.requests_for("/news/park.html")
    assert len(requests) == 2
    assert "if-none-match" in requests[1].headers or "if-modified-since" in requests[1].headers


def test_an_unreachable_host_is_tried_again_by_the_next_refresh(
    reader: Reader, feed_server: FeedServer
) -> None:
    item = Item(guid="g", title="خبر", body="<p>سطر.</p>", link="http://127.0.0.1:9/news/x")
    feed_server.route("/feed.xml", Response(body=rss([item])))
    feed_id = reader.subscribe(feed_server.url("/feed.xml"))
    reader.set_full_articles(feed_id, FullArticleMode.ON)
    reader.refresh()
    (article,) = reader.list_articles()
    assert reader.full_text(article.id) is None  # not recorded: asked again next time
    text = reader.fetch_full_text(article.id)  # the user asked: the error is theirs to see
    assert text is not None and text.html is None and "127.0.0.1:9" in str(text.error)


def test_a_feed_added_follows_the_setting_for_new_feeds(
    reader: Reader, feed_server: FeedServer
) -> None:
    serve_feed(feed_server, ["/news/park"])
    reader.save_settings(reader.settings().with_changes(full_articles="auto"))
    feed = reader.add_feed(feed_server.url("/feed.xml"))
    assert reader.full_articles_mode(feed.id) is FullArticleMode.AUTO
    reader.save_settings(reader.settings().with_changes(full_articles="sometimes"))
    other = Item(guid="o", title="خبر", link=feed_server.url("/news/park"))
    feed_server.route("/other.xml", Response(body=rss([other])))
    assert reader.full_articles_mode(reader.add_feed(feed_server.url("/other.xml")).id) is (
        FullArticleMode.OFF
    )


def test_feeds_imported_from_opml_follow_the_setting_for_new_feeds(reader: Reader) -> None:
    def opml(*urls: str) -> bytes:
        outlines = "".join(f'<outline type="rss" text="f" xmlUrl="{u}"/>' for u in urls)
        return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'.encode()

    reader.import_opml(opml("http://127.0.0.1:9/a.xml"))
    reader.save_settings(reader.settings().with_changes(full_articles="on"))
    assert reader.import_opml(opml("http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml")) == 1
    modes = {f.url: reader.full_articles_mode(f.id) for f in reader.list_feeds()}
    # the one already followed keeps its setting; the new one takes the chosen default
    assert modes == {
        "http://127.0.0.1:9/a.xml": FullArticleMode.OFF,
        "http://127.0.0.1:9/b.xml": FullArticleMode.ON,
    }


def test_a_hostile_page_is_stored_sanitized(reader: Reader, feed_server: FeedServer) -> None:
    first = ARTICLE_PARAGRAPHS[0]
    hostile = article_page(
        extra='<iframe src="http://127.0.0.2:9/x"></iframe><object data="x.swf"></object>'
    ).replace(
        first,
        first + '<img src="/x.png" onerror="steal()"><a href="javascript:steal()">هنا</a>'
        "<script>steal()</script><style>p{display:none}</style>"
        '<span style="position:fixed" onmouseover="steal()">مهم</span>',
    )
    feed_server.route("/news/park", Response(body=hostile, content_type=HTML))
    serve_feed(feed_server, ["/news/park"])
    feed_id = reader.subscribe(feed_server.url("/feed.xml"))
    reader.set_full_articles(feed_id, FullArticleMode.ON)
    reader.refresh()
    (article,) = reader.list_articles()
    text = reader.full_text(article.id)
    assert text is not None and text.html is not None
    for bad in (
        "steal",
        "onerror",
        "onmouseover",
        "javascript:",
        "<iframe",
        "<object",
        "<script",
        "<style",
        "position:fixed",
    ):
        assert bad not in text.html
    assert "مهم" in text.html and first in text.html
