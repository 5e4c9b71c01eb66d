"""The whole-article step on its own: per-host politeness, the stop, pages parsed apart.

Pages are served on 127.0.0.1 (and 127.0.0.2, another host), fetched through the
Reader's own transport and extracted in real parse workers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from newsreader.core.full_articles import FullArticleMode
from newsreader.reader import Reader
from newsreader.update.full_articles import PER_HOST, FullArticles
from newsreader.update.host_health import HostMemory
from tests.helpers.feeds import Item, article_page, rss
from tests.helpers.feedserver import FeedServer, Request, Response
from tests.helpers.profile import database_of, parse_pool_of, transport_of

HTML = "text/html; charset=utf-8"


class InFlight:
    """A page handler that counts how many requests it answers at the same time."""

    def __init__(self, hold: float = 0.2) -> None:
        self.hold = hold
        self.now = 0
        self.most = 0
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(self.hold)  # long enough for the others to arrive, if they may
        with self._lock:
            self.now -= 1
        return Response(body=article_page(), content_type=HTML)


def fetcher(reader: Reader) -> FullArticles:
    pool = parse_pool_of(reader)
    assert reader.paths is not None
    return FullArticles(database_of(reader), pool.submit_page, reader.paths.images)


def feed_of_pages(
    reader: Reader, server: FeedServer, count: int, page: Callable[[int], str]
) -> None:
    items = [
        Item(guid=f"g{n}", title=f"خبر {n}", body="<p>سطر.</p>", link=page(n)) for n in range(count)
    ]
    server.route("/feed.xml", Response(body=rss(items)))
    feed_id = reader.subscribe(server.url("/feed.xml"))
    reader.refresh(follow_ups=())
    reader.set_full_articles(feed_id, FullArticleMode.ON)


def test_one_site_gets_only_a_few_requests_at_a_time(
    reader: Reader, feed_server: FeedServer
) -> None:
    pages = InFlight()
    for n in range(8):
        feed_server.route(f"/news/{n}", pages)
    feed_of_pages(reader, feed_server, 8, lambda n: feed_server.url(f"/news/{n}"))

    run = fetcher(reader).run(transport_of(reader), stop=threading.Event(), memory=HostMemory())

    assert (run.stored, run.failed, run.left) == (8, 0, 0)
    assert 1 <= pages.most <= PER_HOST


def test_a_stopped_stage_records_nothing_and_leaves_the_pages_for_later(
    reader: Reader, feed_server: FeedServer
) -> None:
    feed_server.route("/news/0", Response(body=article_page(), content_type=HTML))
    feed_of_pages(reader, feed_server, 1, lambda n: feed_server.url(f"/news/{n}"))
    stop = threading.Event()
    stop.set()

    run = fetcher(reader).run(transport_of(reader), stop=stop, memory=HostMemory())

    assert (run.stored, run.failed, run.left) == (0, 0, 1)
    assert feed_server.requests_for("/news/0") == []
    (article,) = reader.list_articles()
    assert reader.full_text(article.id) is None


def test_at_most_the_limit_of_pages_newest_first(reader: Reader, feed_server: FeedServer) -> None:
    for n in range(3):
        feed_server.route(f"/news/{n}", Response(body=article_page(), content_type=HTML))
    feed_of_pages(reader, feed_server, 3, lambda n: feed_server.url(f"/news/{n}"))

    run = fetcher(reader).run(
        transport_of(reader), stop=threading.Event(), memory=HostMemory(), limit=1
    )

    assert (run.stored, run.left) == (1, 0)
    assert [len(feed_server.requests_for(f"/news/{n}")) for n in range(3)] == [0, 0, 1]


def test_a_page_whose_workers_were_shut_down_is_left_for_next_time(
    reader: Reader, feed_server: FeedServer
) -> None:
    from concurrent.futures import Future

    from newsreader.update.parse_pool import STOPPED

    feed_server.route("/news/0", Response(body=article_page(), content_type=HTML))
    feed_of_pages(reader, feed_server, 1, lambda n: feed_server.url(f"/news/{n}"))

    def shut_down_pool(data: bytes, url: str, content_type: str | None) -> Future[object]:
        answer: Future[object] = Future()
        answer.set_result(STOPPED)  # what ParsePool answers once it is shut down
        return answer

    run = FullArticles(database_of(reader), shut_down_pool, None).run(  # type: ignore[arg-type]
        transport_of(reader), stop=threading.Event(), memory=HostMemory()
    )

    assert (run.stored, run.failed, run.left) == (0, 0, 1)
    (article,) = reader.list_articles()
    assert reader.full_text(article.id) is None
