"""Small feed documents built in tests, so each test shows the data it relies on."""

from __future__ import annotations

import functools
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
