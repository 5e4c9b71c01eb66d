"""Comment threads end to end: a real HTTP server on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from newsreader.core.errors import ArticleNotFoundError
from newsreader.core.parsed import ParsedEntry
from newsreader.core.types import ArticleQuery, Comment, Direction
from newsreader.fetch.parse import parse_feed
from newsreader.reader import Reader
from newsreader.reader.comments import CommentsMixin
from newsreader.storage.comments import attach_replies
from newsreader.storage.models import CommentRow
from newsreader.update.comments import build_thread
from tests.conftest import FIXTURES
from tests.helpers.feeds import deep_replies_feed, slow_to_parse
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.profile import (
    database_of,
    parse_pool_of,
    replace_parse_pool,
)

COMMENT_FIXTURES = FIXTURES / "comments"


def reader_class() -> type[Any]:
    """``Reader`` once it includes the comments mixin; until then, the two combined."""
    if issubclass(Reader, CommentsMixin):
        return Reader
    return type("CommentsReader", (CommentsMixin, Reader), {})


@pytest.fixture
def reader(tmp_path: Path, profile_db_url: str | None) -> Iterator[Any]:
    """A profile on each back end: its own SQLite file, or a PostgreSQL database."""
    with reader_class().open(tmp_path / "profile", profile_db_url) as r:
        yield r


def base_url(server: FeedServer) -> str:
    return server.url("/").rstrip("/")


def serve_fixture(server: FeedServer, tmp_path: Path, name: str, path: str) -> Path:
    """Serve a fixture (with ``{{BASE}}`` made this server's address) from an editable copy."""
    text = (COMMENT_FIXTURES / name).read_text(encoding="utf-8")
    copy = tmp_path / f"served-{path.strip('/').replace('/', '_')}-{name}"
    copy.write_text(text.replace("{{BASE}}", base_url(server)), encoding="utf-8")
    server.serve_file(path, copy)
    return copy


def serve_blog(server: FeedServer, tmp_path: Path) -> None:
    serve_fixture(server, tmp_path, "wordpress_posts.rss", "/feed/")
    serve_fixture(server, tmp_path, "bakery_comments.rss", "/2026/11/bakery/feed/")
    serve_fixture(server, tmp_path, "hostile_comments.rss", "/2026/11/market/feed/")


def article_id(reader: Any, link_end: str) -> int:
    for summary in reader.list_articles():
        if (summary.link or "").endswith(link_end) or summary.guid.endswith(link_end):
            return int(summary.id)
    raise AssertionError(f"no article ending in {link_end}")


# --- RSS: wfw:commentRss, slash:comments, <comments> -------------------------------------


def test_wordpress_comments_keep_each_comments_own_direction(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    reader.add_feed(feed_server.url("/feed/"))
    bakery = reader.get_article(article_id(reader, "/bakery/"))
    assert bakery.direction is Direction.RTL
    assert bakery.comments_feed_url == feed_server.url("/2026/11/bakery/feed/")
    assert bakery.comments_url == feed_server.url("/2026/11/bakery/#comments")
    assert bakery.comment_count == 2
    assert reader.comments_status(bakery.id).status == "new"

    status = reader.refresh_comments(bakery.id)
    assert (status.status, status.new, status.updated, status.error) == ("ok", 2, 0, None)
    assert status.fetched is not None

    thread = reader.list_comments(bakery.id)
    assert [c.author for c in thread] == ["أبو خليل", "Martin"]
    arabic, english = thread
    assert arabic.direction is Direction.RTL
    assert english.direction is Direction.LTR  # the comments feed says <language>ar</language>
    assert "Fridays" in english.content_html
    assert english.link == feed_server.url("/2026/11/bakery/#comment-12")
    assert english.published == datetime(2026, 11, 20, 9, 40, tzinfo=UTC)
    assert all(c.parent_id is None and c.depth == 0 for c in thread)
    assert reader.list_comments(bakery.id, newest_first=True) == [english, arabic]
    after = reader.comments_status(bakery.id)
    assert (after.status, after.fetched) == ("ok", status.fetched)


def test_article_without_comments_feed_and_unknown_article(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    reader.add_feed(feed_server.url("/feed/"))
    bins = article_id(reader, "/holiday-bins/")
    assert reader.refresh_comments(bins).status == "none"
    assert reader.comments_status(bins).status == "none"
    assert reader.list_comments(bins) == []
    with pytest.raises(ArticleNotFoundError):
        reader.list_comments(9999)
    with pytest.raises(ArticleNotFoundError):
        reader.refresh_comments(9999)


def test_second_fetch_is_conditional_and_stores_nothing_twice(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    reader.add_feed(feed_server.url("/feed/"))
    bakery = article_id(reader, "/bakery/")
    assert reader.refresh_comments(bakery).status == "ok"
    again = reader.refresh_comments(bakery)
    assert (again.status, again.new, again.updated) == ("not_modified", 0, 0)
    last = feed_server.requests_for("/2026/11/bakery/feed/")[-1]
    assert "if-none-match" in last.headers
    assert len(reader.list_comments(bakery)) == 2


def test_unchanged_body_without_validators_is_not_parsed_again(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    body = (COMMENT_FIXTURES / "bakery_comments.rss").read_text(encoding="utf-8")
    feed_server.route(
        "/2026/11/bakery/feed/", Response(body=body.replace("{{BASE}}", base_url(feed_server)))
    )
    reader.add_feed(feed_server.url("/feed/"))
    bakery = article_id(reader, "/bakery/")
    assert reader.refresh_comments(bakery).status == "ok"
    assert reader.refresh_comments(bakery).status == "not_modified"
    assert len(reader.list_comments(bakery)) == 2


def test_edited_comment_is_updated_in_place(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    served = serve_fixture(feed_server, tmp_path, "bakery_comments.rss", "/2026/11/bakery/feed/")
    reader.add_feed(feed_server.url("/feed/"))
    bakery = article_id(reader, "/bakery/")
    reader.refresh_comments(bakery)
    before = {c.author: c for c in reader.list_comments(bakery)}

    served.write_text(
        served.read_text(encoding="utf-8").replace(
            "وكان طازجًا ولذيذًا.", "وكان طازجًا ولذيذًا، لكن السكر كثير قليلًا."
        ),
        encoding="utf-8",
    )
    result = reader.refresh_comments(bakery)
    assert (result.status, result.new, result.updated) == ("ok", 0, 1)
    after = {c.author: c for c in reader.list_comments(bakery)}
    assert len(after) == 2
    assert after["أبو خليل"].id == before["أبو خليل"].id
    assert "السكر كثير" in after["أبو خليل"].content_html
    assert after["Martin"] == before["Martin"]


def test_the_same_comments_feed_fills_every_copy_of_a_post(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    serve_fixture(feed_server, tmp_path, "wordpress_posts.rss", "/category/local/feed/")
    reader.add_feed(feed_server.url("/feed/"))
    reader.add_feed(feed_server.url("/category/local/feed/"))
    # Listed once (a syndicated copy), but each feed's view holds its own copy.
    views = [ArticleQuery(feed_id=f.id) for f in reader.list_feeds()]
    copies = [
        a.id for q in views for a in reader.list_articles(q) if (a.link or "").endswith("/bakery/")
    ]
    assert len(copies) == 2
    for copy in copies:
        reader.refresh_comments(copy)
        assert len(reader.list_comments(copy)) == 2


# --- faults ----------------------------------------------------------------------------


def test_broken_comment_feeds_fail_only_their_article_and_keep_cached_comments(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    feed_server.route("/2026/11/market/feed/", Response(status=500, body="database down"))
    reader.add_feed(feed_server.url("/feed/"))
    bakery, market = article_id(reader, "/bakery/"), article_id(reader, "/market/")

    failed = reader.refresh_comments(market)
    assert failed.status == "error" and "500" in (failed.error or "")
    assert reader.comments_status(market).error == failed.error
    assert reader.refresh_comments(bakery).status == "ok"

    feed_server.route(
        "/2026/11/bakery/feed/",
        Response(
            body='<?xml version="1.0"?><rss version="2.0"><channel><title>تعليقات</title>'
            "<item><guid>cut-1</guid><title>بواسطة: سعيد</title><description>كلام</description>"
            "</item><item><title>بواسطة",
            content_type="text/xml",
        ),
    )
    broken = reader.refresh_comments(bakery)
    assert broken.status == "error" and "not well-formed" in (broken.error or "")
    authors = [c.author for c in reader.list_comments(bakery)]
    assert {"أبو خليل", "Martin"} <= set(authors)  # the cached thread stays
    status = reader.comments_status(bakery)
    assert (status.status, status.error) == ("error", broken.error)

    serve_fixture(feed_server, tmp_path, "bakery_comments.rss", "/2026/11/bakery/feed/")
    assert reader.refresh_comments(bakery).status in ("ok", "not_modified")
    assert reader.comments_status(bakery).error is None


def test_comment_feeds_are_parsed_in_a_worker_that_a_hostile_one_cannot_hang(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    from newsreader.update.parse_pool import ParsePool, too_slow_message

    serve_blog(feed_server, tmp_path)
    reader.add_feed(feed_server.url("/feed/"))  # parsed in a worker too
    assert parse_pool_of(reader).pids()
    replace_parse_pool(reader, ParsePool(time_limit=0.2))
    feed_server.route("/2026/11/market/feed/", Response(body=slow_to_parse()))
    bakery, market = article_id(reader, "/bakery/"), article_id(reader, "/market/")

    stuck = reader.refresh_comments(market)

    assert (stuck.status, stuck.error) == ("error", too_slow_message(0.2))
    assert reader.refresh_comments(bakery).status == "ok"
    assert reader.list_comments(bakery)


def test_hostile_comment_html_is_sanitized(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    reader.add_feed(feed_server.url("/feed/"))
    market = article_id(reader, "/market/")
    assert reader.refresh_comments(market).status == "ok"
    [comment] = reader.list_comments(market)
    html = comment.content_html.lower()
    assert "خبر محزن" in comment.content_html
    for danger in ("<script", "document.cookie", "onerror", "onclick", "javascript:", "<iframe"):
        assert danger not in html
    assert comment.direction is Direction.RTL


# --- Atom threading (RFC 4685) ------------------------------------------------------------


def test_atom_replies_are_threaded_depth_first(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_fixture(feed_server, tmp_path, "garden_post.atom", "/garden/feed.atom")
    serve_fixture(feed_server, tmp_path, "garden_replies.atom", "/garden/posts/5/replies.atom")
    reader.add_feed(feed_server.url("/garden/feed.atom"))
    [summary] = reader.list_articles()
    assert summary.comment_count == 3  # thr:count
    assert reader.refresh_comments(summary.id).new == 6  # the post itself is not a comment

    thread = reader.list_comments(summary.id)
    short = [(c.guid.rsplit(":", 1)[1], c.depth) for c in thread]
    assert short == [
        ("reply-1", 0),
        ("reply-2", 1),
        ("reply-3", 2),
        ("reply-5", 1),
        ("reply-4", 0),
        ("reply-6", 0),  # answers a comment that is gone: shown at the top level
    ]
    ids = {c.guid.rsplit(":", 1)[1]: c.id for c in thread}
    parents = {c.guid.rsplit(":", 1)[1]: c.parent_id for c in thread}
    assert parents == {
        "reply-1": None,
        "reply-2": ids["reply-1"],
        "reply-3": ids["reply-2"],
        "reply-5": ids["reply-1"],
        "reply-4": None,
        "reply-6": None,
    }
    newest = [c.guid.rsplit(":", 1)[1] for c in reader.list_comments(summary.id, newest_first=True)]
    assert newest == ["reply-6", "reply-4", "reply-1", "reply-5", "reply-2", "reply-3"]
    directions = {c.author: c.direction for c in thread}
    assert directions["Greta"] is Direction.LTR and directions["نادية"] is Direction.RTL
    assert reader.get_article(summary.id).comment_count == 6  # more stored than announced


def test_five_thousand_comments_in_thread_order(reader: Any, feed_server: FeedServer) -> None:
    replies = feed_server.url("/big/replies.atom")
    post = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>مدونة</title><id>tag:big</id>'
        "<entry><title>موضوع ساخن</title><id>tag:big,2026:post</id>"
        f'<link rel="replies" type="application/atom+xml" href="{replies}"/>'
        "<updated>2026-11-01T00:00:00Z</updated><summary>نقاش طويل</summary></entry></feed>"
    )
    feed_server.route("/big/feed.atom", Response(body=post, content_type="application/atom+xml"))
    feed_server.route(
        "/big/replies.atom",
        Response(body=deep_replies_feed(5000), content_type="application/atom+xml"),
    )
    reader.add_feed(feed_server.url("/big/feed.atom"))
    [summary] = reader.list_articles()
    assert reader.refresh_comments(summary.id).new == 5000

    thread = reader.list_comments(summary.id)
    assert [c.guid for c in thread] == [f"tag:big,2026:c{n}" for n in range(5000)]
    assert [c.depth for c in thread] == [n % 5 for n in range(5000)]
    assert all(
        (c.parent_id is None) == (n % 5 == 0)
        and (c.parent_id is None or c.parent_id == thread[n - 1].id)
        for n, c in enumerate(thread)
    )


# --- thread building (pure) -------------------------------------------------------------


def _comment(n: int, minutes: int) -> Comment:
    return Comment(
        id=n,
        article_id=1,
        guid=f"c{n}",
        parent_id=None,
        author=None,
        published=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes),
        content_html="",
        direction=Direction.LTR,
    )


def test_a_very_deep_chain_needs_no_recursion() -> None:
    depth = 3000
    items = [(_comment(n, n), f"c{n - 1}" if n else None) for n in range(depth)]
    thread = build_thread(list(reversed(items)))
    assert [c.depth for c in thread] == list(range(depth))
    assert thread[-1].parent_id == depth - 2


def test_reply_loops_and_self_replies_still_show_every_comment() -> None:
    items = [
        (_comment(1, 1), "c2"),  # 1 and 2 answer each other
        (_comment(2, 2), "c1"),
        (_comment(3, 3), "c3"),  # answers itself
        (_comment(4, 0), None),
    ]
    thread = build_thread(items)
    assert [(c.id, c.parent_id, c.depth) for c in thread] == [
        (4, None, 0),
        (3, None, 0),
        (1, None, 0),  # a loop is cut at its oldest comment
        (2, 1, 1),
    ]


# --- prefetch -------------------------------------------------------------------------------


def test_prefetch_fetches_starred_and_recently_opened_articles_only(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    serve_fixture(feed_server, tmp_path, "garden_post.atom", "/garden/feed.atom")
    serve_fixture(feed_server, tmp_path, "garden_replies.atom", "/garden/posts/5/replies.atom")
    reader.add_feed(feed_server.url("/feed/"))
    reader.add_feed(feed_server.url("/garden/feed.atom"))
    bakery, market = article_id(reader, "/bakery/"), article_id(reader, "/market/")
    reader.mark_starred([bakery])
    reader.mark_opened(market)

    cancelled = threading.Event()
    cancelled.set()
    assert reader.prefetch_comments(cancel=cancelled) == 0
    assert reader.prefetch_comments() == 2
    fetched = {r.path for r in feed_server.requests}
    assert {"/2026/11/bakery/feed/", "/2026/11/market/feed/"} <= fetched
    assert "/garden/posts/5/replies.atom" not in fetched  # neither starred nor opened
    assert len(reader.list_comments(bakery)) == 2
    assert reader.prefetch_comments() == 0  # fetched moments ago


# --- site-wide comment feeds ---------------------------------------------------------------


def test_site_wide_comments_are_attached_to_their_articles(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    serve_fixture(feed_server, tmp_path, "sitewide_comments.rss", "/comments/feed/")
    blog = reader.subscribe(feed_server.url("/feed/"))
    assert reader.refresh(feed_ids=[blog], images=False).new == 3
    site_comments = reader.subscribe(feed_server.url("/comments/feed/"))
    reader.refresh(feed_ids=[site_comments], images=False)

    # a subscribed feed lists every entry, those attached as comments too
    listed = reader.list_articles(_feed_query(site_comments))
    assert len(listed) == 4
    assert feed_server.url("/2019/03/old-post/#comment-3") in {a.link for a in listed}

    bakery, market = article_id(reader, "/bakery/"), article_id(reader, "/market/")
    thread = reader.list_comments(bakery)
    assert [(c.author, c.depth) for c in thread] == [("ريم", 0), ("Tom", 1)]
    assert thread[1].parent_id == thread[0].id
    assert thread[1].direction is Direction.LTR
    assert [c.author for c in reader.list_comments(market)] == ["كريم"]

    # The article's own (flat) comments feed adds its comments beside them, once each,
    # and repeating Tom's reply without threading does not lift it to the top level.
    own_feed = tmp_path / "bakery-with-tom.rss"
    tom = (
        "<item><title>Tom</title><dc:creator>Tom</dc:creator>"
        f"<link>{base_url(feed_server)}/2026/11/bakery/#comment-22</link>"
        f'<guid isPermaLink="false">{base_url(feed_server)}/2026/11/bakery/#comment-22</guid>'
        "<description>Agreed, and they open early.</description>"
        "<pubDate>Fri, 20 Nov 2026 11:30:00 +0000</pubDate></item></channel>"
    )
    own_feed.write_text(
        (COMMENT_FIXTURES / "bakery_comments.rss")
        .read_text(encoding="utf-8")
        .replace("{{BASE}}", base_url(feed_server))
        .replace("</channel>", tom),
        encoding="utf-8",
    )
    feed_server.serve_file("/2026/11/bakery/feed/", own_feed)
    assert reader.refresh_comments(bakery).new == 2
    reader.refresh(all_feeds=True)
    thread = reader.list_comments(bakery)
    assert [(c.author, c.depth) for c in thread] == [
        ("أبو خليل", 0),
        ("Martin", 0),
        ("ريم", 0),
        ("Tom", 1),
    ]


def _site_and_comments_outcome(reader: Any, base: str) -> dict[str, Any]:
    """What a profile holds after a site's feed and its comments feed were stored.

    Addresses are given without the server's base, so profiles can be compared.
    """

    def local(url: str | None) -> str:
        return (url or "").removeprefix(base)

    listed = {
        feed.title: sorted(local(a.link) for a in reader.list_articles(_feed_query(feed.id)))
        for feed in reader.list_feeds()
    }
    comments = {
        local(a.link): sorted(
            (local(c.guid), c.author, c.parent_id is None, c.content_html, c.direction.value)
            for c in reader.list_comments(a.id)
        )
        for a in reader.list_articles()
        if "#comment-" not in (a.link or "")
    }
    counts = {local(a.link): a.comment_count for a in reader.list_articles()}
    return {"listed": listed, "comments": comments, "counts": counts}


@pytest.mark.parametrize("together", [True, False], ids=["one-refresh", "separate-refreshes"])
def test_a_site_wide_comments_feed_lists_its_entries_whatever_the_order(
    feed_server: FeedServer, tmp_path: Path, together: bool
) -> None:
    """Subscribed in either order, refreshed together or one after the other: the
    comments feed lists all its entries and the site's articles get the same comments."""
    serve_blog(feed_server, tmp_path)
    serve_fixture(feed_server, tmp_path, "wordpress_site_comments.rss", "/comments/feed/")
    urls = {"site": feed_server.url("/feed/"), "comments": feed_server.url("/comments/feed/")}
    outcomes = []
    for n, order in enumerate(itertools.permutations(urls)):
        with reader_class().open(tmp_path / f"profile-{together}-{n}") as reader:
            ids = [reader.subscribe(urls[name]) for name in order]
            if together:
                reader.refresh(feed_ids=ids, images=False)
            else:
                for feed_id in ids:
                    reader.refresh(feed_ids=[feed_id], images=False)
            outcome = _site_and_comments_outcome(reader, base_url(feed_server))
            # Another refresh of both (the replies' feed read in full again) changes nothing.
            reader.refresh(all_feeds=True, images=False)
            assert _site_and_comments_outcome(reader, base_url(feed_server)) == outcome, order
            outcomes.append((order, outcome))
    first = outcomes[0][1]
    assert first["listed"]["Comments for مدونة الحارة"] == [
        "/2024/02/library-guide/#comment-12",
        "/2026/11/bakery/#comment-53",
        "/2026/11/bakery/#comment-54",
        "/2026/11/holiday-bins/#comment-57",
        "/2026/11/market/#comment-55",
    ]
    assert len(first["listed"]["مدونة الحارة"]) == 3
    assert [c[1] for c in first["comments"]["/2026/11/bakery/"]] == ["نادر", "Leila"]
    assert [c[1] for c in first["comments"]["/2026/11/holiday-bins/"]] == ["Dana"]
    assert first["comments"]["/2026/11/bakery/"][1][4] == "ltr"
    assert first["counts"]["/2026/11/bakery/"] == 2
    for order, outcome in outcomes[1:]:
        assert outcome == first, order


def test_replies_stored_before_their_article_are_attached_when_it_arrives(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    serve_fixture(feed_server, tmp_path, "sitewide_comments.rss", "/comments/feed/")
    site_comments = reader.subscribe(feed_server.url("/comments/feed/"))
    reader.refresh(feed_ids=[site_comments], images=False)
    blog = reader.subscribe(feed_server.url("/feed/"))
    reader.refresh(feed_ids=[blog], images=False)

    bakery, market = article_id(reader, "/bakery/"), article_id(reader, "/market/")
    # attached by their permalinks, at the top level: the feed's threading comes next
    assert sorted(c.author for c in reader.list_comments(bakery)) == ["Tom", "ريم"]
    assert [c.author for c in reader.list_comments(market)] == ["كريم"]
    assert len(reader.list_articles(_feed_query(site_comments))) == 4

    # the comments feed is read in full at its next fetch, which threads Tom's reply
    reader.refresh(feed_ids=[site_comments], images=False)
    thread = reader.list_comments(bakery)
    assert [(c.author, c.depth) for c in thread] == [("ريم", 0), ("Tom", 1)]


def _feed_query(feed_id: int) -> Any:
    from newsreader.core.types import ArticleQuery

    return ArticleQuery(feed_id=feed_id)


def test_replies_in_the_same_feed_as_their_post(reader: Any, feed_server: FeedServer) -> None:
    feed_server.serve_file("/thread.atom", FIXTURES / "feeds" / "atom_threading.xml")
    reader.subscribe(feed_server.url("/thread.atom"))
    assert reader.refresh(images=False).new == 1
    [post] = reader.list_articles()
    assert post.title == "حديقة الحي تحتاج إلى مقاعد جديدة"
    thread = reader.list_comments(post.id)
    assert [(c.guid.rsplit(":", 1)[1], c.depth) for c in thread] == [
        ("comment-71", 0),
        ("comment-72", 1),
    ]


def test_attach_replies_costs_no_query_for_a_feed_without_replies(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    copy = serve_fixture(feed_server, tmp_path, "wordpress_posts.rss", "/feed/")
    parsed = parse_feed(copy.read_bytes(), url=feed_server.url("/feed/"))
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(database_of(reader).engine, "before_cursor_execute", count)
    try:
        with database_of(reader).session() as session:
            rest, attached, held = attach_replies(
                session, parsed.entries, source_url="x", now=datetime.now(UTC)
            )
    finally:
        event.remove(database_of(reader).engine, "before_cursor_execute", count)
    assert (len(rest), attached, held) == (3, 0, 0)
    assert statements == []


def test_attach_replies_leaves_unrelated_replies_as_articles(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    copy = serve_fixture(feed_server, tmp_path, "sitewide_comments.rss", "/comments/feed/")
    parsed = parse_feed(copy.read_bytes(), url=feed_server.url("/comments/feed/"))
    with database_of(reader).session() as session:
        rest, attached, held = attach_replies(
            session, parsed.entries, source_url="x", now=datetime.now(UTC)
        )
        assert session.scalars(select(CommentRow.id)).all() == []
    assert (len(rest), attached, held) == (4, 0, 0)  # no article of this blog is known


def _reply(key: str, to: str) -> ParsedEntry:
    return ParsedEntry(
        key=key,
        title="",
        link=None,
        author="قارئ",
        summary=None,
        content_html=f"<p>رد {key}</p>",
        published=None,
        updated=None,
        language=None,
        direction=Direction.RTL,
        in_reply_to=to,
    )


def test_attach_replies_follows_long_chains_and_leaves_loops_alone(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    serve_blog(feed_server, tmp_path)
    blog = reader.add_feed(feed_server.url("/feed/"))
    bakery = article_id(reader, "/bakery/")
    post_key = reader.get_article(bakery).guid
    chain = [_reply(f"r{n}", f"r{n - 1}" if n else post_key) for n in range(2000)]
    loop = [_reply("x", "y"), _reply("y", "x")]
    entries = list(reversed(chain)) + loop
    with database_of(reader).session() as session:
        rest, attached, held = attach_replies(
            session, entries, source_url="s", now=datetime.now(UTC), feed_id=blog.id
        )
    assert (attached, held) == (2000, 0)
    assert [e.key for e in rest] == ["x", "y"]  # replies to the feed's own post: comments
    thread = reader.list_comments(bakery)
    assert [c.guid for c in thread] == [f"r{n}" for n in range(2000)]
    assert thread[-1].depth == 1999
    assert reader.get_article(bakery).comment_count == 2000


def test_comments_stored_meanwhile_by_another_process_are_not_an_error(
    reader: Any, feed_server: FeedServer, tmp_path: Path
) -> None:
    """The window and its refresh process fetch the same comments feed at once."""
    serve_blog(feed_server, tmp_path)
    reader.add_feed(feed_server.url("/feed/"))
    bakery = article_id(reader, "/bakery/")
    # A second Reader on the same database stands for the refresh process.
    with reader_class().open(tmp_path / "profile", database_of(reader).url) as other:
        engine = database_of(reader).engine
        raced: list[bool] = []

        def other_process_first(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
            if statement.startswith("INSERT INTO comments") and not raced:
                raced.append(True)
                assert other.refresh_comments(bakery).new == 2

        event.listen(engine, "before_cursor_execute", other_process_first)
        try:
            status = reader.refresh_comments(bakery)
        finally:
            event.remove(engine, "before_cursor_execute", other_process_first)
    assert raced == [True]
    assert (status.status, status.error) == ("ok", None)
    assert status.new == 0  # the other process stored both
    assert len(reader.list_comments(bakery)) == 2
