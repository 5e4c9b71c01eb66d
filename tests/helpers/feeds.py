"""Small feed documents built in tests, so each test shows the data it relies on."""

from __future__ import annotations

import functools
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape


@dataclass
class Item:
    guid: str
    title: str
    body: str = "<p>نص الخبر.</p>"
    link: str | None = None
    categories: Sequence[str] = field(default_factory=tuple)
    published: datetime | None = None


def rss(items: Sequence[Item], *, title: str = "Test feed", language: str = "ar") -> str:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>",
        f"<language>{language}</language>",
    ]
    base = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    for n, item in enumerate(items):
        when = item.published or base + timedelta(minutes=n)
        parts.append("<item>")
        parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        parts.append(f"<title>{escape(item.title)}</title>")
        if item.link:
            parts.append(f"<link>{escape(item.link)}</link>")
        parts.append(f"<description>{escape(item.body)}</description>")
        parts.append(f"<pubDate>{format_datetime(when)}</pubDate>")
        parts.extend(f"<category>{escape(c)}</category>" for c in item.categories)
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "\n".join(parts)


def numbered(count: int, prefix: str = "item", categories: Sequence[str] = ()) -> list[Item]:
    return [
        Item(guid=f"{prefix}-{n}", title=f"خبر رقم {n} عن {prefix}", categories=categories)
        for n in range(count)
    ]


@functools.cache
def slow_to_parse() -> bytes:
    """A feed of some 11 MB (3,000 long items): more than a second of parsing anywhere."""
    body = "<p>" + 'كلمة عربية مع <b>نص</b> و<a href="/x">رابط</a> ' * 40 + "</p>"
    items = [Item(guid=f"slow-{n}", title=f"خبر طويل {n}", body=body) for n in range(3000)]
    return rss(items).encode()


#: Posts as social sites publish them: no <title>, the post itself as the description.
UNTITLED_POSTS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>@amal@social.example</title>
<link>http://127.0.0.1/@amal</link><language>ar</language>
<item><guid>http://127.0.0.1/@amal/2</guid><pubDate>Tue, 24 Nov 2026 09:00:00 +0000</pubDate>
<description>&lt;p&gt;وصلت القافلة إلى المدينة بعد رحلة طويلة.
&lt;a href="/tags/سفر"&gt;#سفر&lt;/a&gt;&lt;/p&gt;</description></item>
<item><guid>http://127.0.0.1/@amal/1</guid><pubDate>Mon, 23 Nov 2026 09:00:00 +0000</pubDate>
<description>&lt;p&gt;Trying the new tram line today&lt;/p&gt;</description></item>
</channel></rss>
"""


def long_arabic_items(items: int) -> bytes:
    """An Arabic RSS 2.0 feed whose items carry six-paragraph HTML bodies."""
    paragraph = (
        "<p>افتتحت البلدية صباح اليوم مكتبة عامة جديدة تضم آلاف الكتب والمراجع "
        '<a href="/section/culture">للقراء</a> من جميع الأعمار، وتفتح أبوابها يوميًا.</p>'
    )
    body = "".join(
        f"<item><guid>bench-{n}</guid><title>خبر رقم {n} عن افتتاح المكتبة العامة</title>"
        f"<link>https://news.example.org/a/{n}</link>"
        f"<pubDate>Mon, 03 Mar 2025 10:{n % 60:02d}:00 +0300</pubDate>"
        "<category>ثقافة</category>"
        f"<description><![CDATA[<p>ملخص الخبر رقم {n}.</p>]]></description>"
        f"<content:encoded><![CDATA[{paragraph * 6}]]></content:encoded></item>"
        for n in range(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>أخبار</title><language>ar</language>{body}</channel></rss>"
    ).encode()


def deep_replies_feed(count: int) -> str:
    """An Atom replies feed: every fifth comment starts a chain four replies deep."""
    start = datetime(2026, 11, 1, tzinfo=UTC)
    entries = []
    for n in range(count):
        parent = "tag:big,2026:post" if n % 5 == 0 else f"tag:big,2026:c{n - 1}"
        when = (start + timedelta(minutes=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
        entries.append(
            f"<entry><id>tag:big,2026:c{n}</id><title>رد</title><updated>{when}</updated>"
            f'<thr:in-reply-to ref="{parent}"/><author><name>قارئ {n}</name></author>'
            f'<content type="text">تعليق رقم {n}</content></entry>'
        )
    random.Random(4685).shuffle(entries)  # the feed's order must not matter
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:thr="http://purl.org/syndication/thread/1.0">'
        f"<title>ردود</title><id>tag:big,2026:replies</id>{''.join(entries)}</feed>"
    )


#: The eleven names a captured game podcast puts on every one of its episodes.
PODCAST_TAGS = (
    "Giant Bomb",
    "GiantBomb",
    "Jeff Gerstmann",
    "Ryan Davis",
    "Brad Shoemaker",
    "Vinny Caravella",
    "PC",
    "PS3",
    "Xbox 360",
    "Wii",
    "video games",
)


def podcast(episodes: int = 730, *, newest: datetime | None = None) -> str:
    """A podcast feed shaped like a captured one: every episode carries all of PODCAST_TAGS.

    Episodes are a week apart, the newest at *newest* (default: now).
    """
    newest = newest or datetime.now(UTC)
    items = [
        Item(
            guid=f"episode-{n}",
            title=f"The Bombcast, episode {episodes - n}",
            body="<p>Two hours of talk about this week's games.</p>",
            categories=PODCAST_TAGS,
            published=newest - timedelta(days=7 * n),
        )
        for n in range(episodes)
    ]
    return rss(items, title="The Giant Bombcast", language="en")


def flood_story(when: datetime) -> tuple[Item, Item]:
    """One event told by two newsrooms in their own words: a story for the grouping."""
    first = Item(
        guid="flood-1",
        title="فيضانات تغمر قرى وادي النيل بعد أمطار غزيرة استمرت يومين",
        body="<p>غمرت مياه الفيضانات عشرات القرى في وادي النيل بعد أمطار غزيرة استمرت"
        " يومين، وأعلنت السلطات إجلاء ثلاثة آلاف أسرة.</p>",
        link="http://127.0.0.1:1/news/nile-floods",
        published=when,
    )
    second = Item(
        guid="floods-nile",
        title="إجلاء ثلاثة آلاف أسرة بعد فيضانات وادي النيل",
        body="<p>قالت السلطات إنها أجلت ثلاثة آلاف أسرة من قرى وادي النيل التي غمرتها"
        " الفيضانات بعد يومين من الأمطار الغزيرة.</p>",
        link="http://127.0.0.1:2/world/nile-valley-floods",
        published=when + timedelta(hours=2),
    )
    return first, second


#: The body of the article page tests serve (written for these tests).
ARTICLE_PARAGRAPHS = (
    "افتتحت البلدية صباح اليوم حديقة عامة جديدة على أرض كانت موقفا مهجورا للسيارات وسط المدينة.",
    "وقال رئيس البلدية إن الحديقة تضم ممرات للمشي وملعبا صغيرا للأطفال ومكتبة مفتوحة للجميع.",
    "وزرع متطوعون من المدارس المجاورة أكثر من خمسمئة شجرة خلال الأسابيع الماضية.",
    "ويأمل السكان أن تصبح الحديقة مكانا للقاء العائلات في أمسيات الصيف الطويلة.",
)


def article_page(
    title: str = "حديقة جديدة وسط المدينة",
    paragraphs: Sequence[str] = ARTICLE_PARAGRAPHS,
    *,
    image: str = "/pictures/park.jpg",
    extra: str = "",
) -> str:
    """An Arabic news site's article page: its article, and the site around it."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><script>window.tracker = 1;</script></head><body>"
        '<header><nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a></nav></header>'
        '<div class="breaking-ticker">عاجل: إغلاق طريق الميناء للصيانة</div>'
        f"<article><h1>{escape(title)}</h1>"
        '<div class="meta"><span class="author">منى السالم</span></div>'
        f'<figure><img src="{escape(image)}" alt="الحديقة">'
        "<figcaption>الحديقة يوم الافتتاح <span class='credit'>تصوير: منى السالم</span>"
        "</figcaption></figure>"
        f'<div class="share-bar"><a href="#">شارك الخبر</a></div>{body}'
        '<p class="source">المصدر: مراسلنا</p></article>'
        '<section class="related-news"><h2>أخبار ذات صلة</h2><ul>'
        '<li><a href="/n/2">افتتاح سوق شعبية في الحي القديم</a></li></ul></section>'
        '<section id="comments"><div class="comment">تعليق: فكرة رائعة</div></section>'
        '<div class="cookie-banner">نستخدم ملفات تعريف الارتباط</div>'
        f"{extra}</body></html>"
    )
