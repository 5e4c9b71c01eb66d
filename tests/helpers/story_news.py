"""News of two events, each told by three feeds, dated in the last hours (for stories).

Written for Newsreader's tests: a ferry grounded off Crete (English) and a book fair
opening in Fez (Arabic).  :func:`serve_stories` serves them on a :class:`FeedServer`
and subscribes a Reader, so a refresh groups each event into a story of its own.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newsreader.reader import Reader
from tests.helpers.feeds import Item, rss
from tests.helpers.feedserver import FeedServer, Response

NOW = datetime.now(UTC).replace(microsecond=0)

FERRY = [
    Item(
        guid="ferry-a",
        title="Ferry with 300 passengers runs aground off Crete near Heraklion",
        body="<p>A ferry carrying 300 passengers ran aground off Heraklion in Crete on"
        " Sunday; coastguard boats took everyone ashore.</p>",
        link="http://127.0.0.1:1/a/ferry",
        published=NOW - timedelta(hours=6),
    ),
    Item(
        guid="ferry-b",
        title="Crete: all 300 passengers rescued after ferry grounding at Heraklion",
        body="<p>The coastguard said all 300 passengers of the ferry that ran aground near"
        " Heraklion were brought safely to port.</p>",
        link="http://127.0.0.1:2/b/crete-ferry",
        published=NOW - timedelta(hours=5),
    ),
    Item(
        guid="ferry-c",
        title="Heraklion ferry grounding: inquiry opened into Crete accident",
        body="<p>Greek authorities opened an inquiry into how a ferry with 300 passengers"
        " ran aground off Heraklion, Crete.</p>",
        link="http://127.0.0.1:3/c/ferry-inquiry",
        published=NOW - timedelta(hours=4),
    ),
]
FAIR = [
    Item(
        guid="fair-a",
        title="افتتاح معرض فاس الدولي للكتاب بمشاركة مئة وعشرين دار نشر",
        body="<p>افتتح معرض فاس الدولي للكتاب أبوابه بمشاركة مئة وعشرين دار نشر من"
        " أربعة عشر بلدا.</p>",
        link="http://127.0.0.1:1/a/fez-fair",
        published=NOW - timedelta(hours=3),
    ),
    Item(
        guid="fair-b",
        title="معرض فاس للكتاب يستقبل زواره الأوائل ومئة وعشرون ناشرا حاضرون",
        body="<p>استقبل معرض فاس الدولي للكتاب زواره الأوائل، ويشارك فيه مئة وعشرون ناشرا.</p>",
        link="http://127.0.0.1:2/b/fez-books",
        published=NOW - timedelta(hours=2),
    ),
    Item(
        guid="fair-c",
        title="فاس: دور النشر تعرض جديدها في معرض الكتاب الدولي",
        body="<p>تعرض مئة وعشرون دار نشر جديدها في معرض فاس الدولي للكتاب الذي افتتح اليوم.</p>",
        link="http://127.0.0.1:3/c/fez",
        published=NOW - timedelta(hours=1),
    ),
]
FEEDS = {"/a": "Alpha", "/b": "Beta", "/c": "Gamma"}


def serve_stories(server: FeedServer, reader: Reader | None = None) -> list[str]:
    """Serve each feed its telling of both events; subscribe *reader*; the feeds' URLs."""
    urls = []
    for n, (path, title) in enumerate(FEEDS.items()):
        items = [FERRY[n], FAIR[n]]
        server.route(path, Response(body=rss(items, title=title, language="ar")))
        urls.append(server.url(path))
        if reader is not None:
            reader.subscribe(urls[-1])
    return urls


def by_guid(reader: Reader) -> dict[str, int]:
    """Article id by guid, for every listed article."""
    return {a.guid: a.id for a in reader.list_articles()}
