"""A deterministic corpus of news feeds for the ingest benchmark.

Half of the feeds are Arabic and half English; RSS 2.0 and Atom alternate within
each language.  Every item has a headline, a short lead, a 3–6 paragraph HTML body
of roughly 2–4 KB (paragraphs, a blockquote, a figure with a relative image, a link
and some bold text), 1–3 categories, a publication date and a stable identifier; a
few items carry an enclosure.

The text is assembled from small word lists in this module: it reads like news
copy at a glance but means nothing, which is all a parser and a database need.
Every link points back at the server the corpus is served from (``base_url``):
images are PNGs that :func:`image_bytes` makes up on request, so a reader that
caches article images finds them without going anywhere else.  Only the standard
library is used, so the module runs under any interpreter.

Run it to write the corpus to a directory::

    python benchmarks/corpus.py --feeds 40 --items 50 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import random
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

#: Every feed claims this as its last modification (an HTTP date is derived from it).
CORPUS_DATE = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
RSS_TYPE = "application/rss+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
#: Share of items that carry an enclosure (a podcast episode or a photo).
ENCLOSURE_SHARE = 0.05
#: Where the corpus is served unless told otherwise.
DEFAULT_BASE_URL = "http://127.0.0.1:8080"
#: Prefix of entry and feed identifiers that are not links (a tag URI, never fetched).
TAG_AUTHORITY = "tag:newsreader.invalid,2026"

# --- word lists ----------------------------------------------------------------------

AR_SUBJECTS = (
    "الوزير", "المجلس البلدي", "الحكومة", "الشركة الوطنية", "فريق البحث", "اللجنة العليا",
    "الباحثون", "المزارعون", "الطلاب", "المهندسون", "المصرف المركزي", "هيئة الموانئ",
    "وزارة الصحة", "رئيس البلدية", "المدرب", "المتطوعون", "اتحاد الكرة", "نقابة المعلمين",
    "إدارة المطار", "جمعية حماية البيئة",
)
AR_VERBS = (
    "أعلن", "أطلق", "ناقش", "افتتح", "وقّع", "درس", "أقرّ", "رفض", "استعرض", "دعم",
    "أكد", "كشف عن", "نظّم", "بحث", "تابع", "اقترح",
)
AR_OBJECTS = (
    "خطة", "مبادرة", "دراسة", "ميزانية", "مسابقة", "شبكة", "منحة", "مكتبة", "حديقة",
    "محطة", "اتفاقية", "استراتيجية", "حملة", "منصة", "ورشة",
)
AR_ADJECTIVES = (
    "جديدة", "واسعة", "طموحة", "مشتركة", "عاجلة", "شاملة", "سنوية", "محلية", "وطنية",
    "إقليمية", "رقمية", "صغيرة", "كبيرة", "تجريبية", "خضراء",
)
AR_PLACES = (
    "في العاصمة", "في الرياض", "في القاهرة", "في عمّان", "في تونس", "في بيروت",
    "في الدار البيضاء", "في الدوحة", "في مسقط", "في بغداد", "في الخرطوم", "في الجزائر",
    "على الساحل", "في الريف", "قرب الحدود", "في المدينة القديمة",
)
AR_TIMES = (
    "يوم الاثنين", "صباح الثلاثاء", "مساء الأربعاء", "يوم الخميس", "نهاية الأسبوع",
    "خلال الشهر الماضي", "في الربع الأخير من العام", "بعد اجتماع مطوّل", "أمس", "اليوم",
)
AR_CONNECTORS = (
    "وقال مصدر مطلع إن", "وأضاف البيان أن", "ومن المتوقع أن", "وأشار المتحدث إلى أن",
    "ويرى مراقبون أن", "وأوضح التقرير أن", "وذكرت مصادر محلية أن",
)
AR_PROJECTS = ("المشروع", "الاتفاق", "البرنامج", "القرار", "التقرير", "النظام الجديد")
AR_EFFECTS = (
    "سيسهم في تحسين", "سيساعد على رفع", "قد يؤدي إلى خفض", "سيعمل على تطوير",
    "من شأنه دعم", "قد يغيّر", "سيضاعف",
)
AR_GOALS = (
    "فرص العمل", "أسعار السلع", "حركة المرور", "جودة التعليم", "الخدمات الصحية",
    "الصادرات الزراعية", "الاستثمار المحلي", "شبكة النقل العام", "إنتاج الطاقة",
    "عدد الزوار",
)
AR_PARTICIPANTS = ("مشارك", "زائر", "طالب", "باحث", "متطوع")
AR_EVENTS = ("المؤتمر", "المعرض", "المهرجان", "الماراثون", "الملتقى")
AR_CATEGORIES = (
    "سياسة", "اقتصاد", "رياضة", "ثقافة", "علوم", "صحة", "تقنية", "بيئة", "تعليم", "محليات",
)
AR_CITIES = ("القاهرة", "بيروت", "تونس", "عمّان", "الرباط", "الدوحة", "مسقط", "بغداد")
AR_FEED_NAMES = ("أخبار", "صحيفة", "نشرة", "صدى", "مرآة", "بوابة")
AR_NAMES = ("سارة حداد", "محمد العلي", "ليلى منصور", "يوسف القاسم", "هدى سليمان")

EN_SUBJECTS = (
    "The minister", "The city council", "The government", "A local company",
    "The research team", "The committee", "Farmers", "Students", "Engineers",
    "The central bank", "The port authority", "Health officials", "The mayor",
    "The coach", "Volunteers", "The football association", "The teachers' union",
    "Airport managers", "An environmental group",
)
EN_VERBS = (
    "announced", "launched", "discussed", "opened", "signed", "reviewed", "approved",
    "rejected", "presented", "backed", "confirmed", "unveiled", "organised", "examined",
    "proposed",
)
EN_OBJECTS = (
    "plan", "initiative", "study", "budget", "competition", "network", "grant", "library",
    "park", "station", "agreement", "strategy", "campaign", "platform", "workshop",
)
EN_ADJECTIVES = (
    "new", "broad", "ambitious", "joint", "urgent", "comprehensive", "annual", "local",
    "national", "regional", "digital", "small", "large", "pilot", "green",
)
EN_PLACES = (
    "in the capital", "on the coast", "in the north", "near the border", "in the old town",
    "at the harbour", "in rural districts", "across the region", "in the southern valley",
)
EN_TIMES = (
    "on Monday", "on Tuesday morning", "on Wednesday evening", "on Thursday",
    "at the weekend", "last month", "in the final quarter of the year",
    "after a long meeting", "yesterday", "today",
)
EN_CONNECTORS = (
    "A source familiar with the matter said", "The statement added that",
    "Analysts expect that", "A spokesperson noted that", "Observers believe that",
    "The report explained that", "Local sources said",
)
EN_PROJECTS = ("the project", "the agreement", "the programme", "the decision", "the scheme")
EN_EFFECTS = (
    "will help improve", "could lower", "is expected to raise", "will support",
    "may reshape", "would double",
)
EN_GOALS = (
    "job opportunities", "food prices", "traffic flow", "the quality of schooling",
    "health services", "farm exports", "local investment", "the public transport network",
    "energy output", "visitor numbers",
)
EN_PARTICIPANTS = ("participants", "visitors", "students", "researchers", "volunteers")
EN_EVENTS = ("conference", "fair", "festival", "marathon", "forum")
EN_CATEGORIES = (
    "Politics", "Economy", "Sport", "Culture", "Science", "Health", "Technology",
    "Environment", "Education", "Local",
)
EN_CITIES = ("Harbourton", "Eastvale", "Northbridge", "Millbrook", "Stonehaven", "Riverside")
EN_FEED_NAMES = ("Daily", "Chronicle", "Courier", "Herald", "Gazette", "Dispatch")
EN_NAMES = ("Sara Haddad", "Omar Ali", "Laila Mansour", "Youssef Qasim", "Huda Suleiman")


@dataclass(frozen=True, slots=True)
class Language:
    """Word lists and a few phrasing rules for one language."""

    code: str
    subjects: Sequence[str]
    verbs: Sequence[str]
    objects: Sequence[str]
    adjectives: Sequence[str]
    places: Sequence[str]
    times: Sequence[str]
    connectors: Sequence[str]
    projects: Sequence[str]
    effects: Sequence[str]
    goals: Sequence[str]
    participants: Sequence[str]
    events: Sequence[str]
    categories: Sequence[str]
    cities: Sequence[str]
    feed_names: Sequence[str]
    names: Sequence[str]


ARABIC = Language(
    "ar", AR_SUBJECTS, AR_VERBS, AR_OBJECTS, AR_ADJECTIVES, AR_PLACES, AR_TIMES,
    AR_CONNECTORS, AR_PROJECTS, AR_EFFECTS, AR_GOALS, AR_PARTICIPANTS, AR_EVENTS,
    AR_CATEGORIES, AR_CITIES, AR_FEED_NAMES, AR_NAMES,
)
ENGLISH = Language(
    "en", EN_SUBJECTS, EN_VERBS, EN_OBJECTS, EN_ADJECTIVES, EN_PLACES, EN_TIMES,
    EN_CONNECTORS, EN_PROJECTS, EN_EFFECTS, EN_GOALS, EN_PARTICIPANTS, EN_EVENTS,
    EN_CATEGORIES, EN_CITIES, EN_FEED_NAMES, EN_NAMES,
)


# --- text ----------------------------------------------------------------------------


class Writer:
    """Random sentences, headlines and article bodies in one language."""

    def __init__(self, lang: Language, rng: random.Random) -> None:
        self.lang = lang
        self.rng = rng

    def _pick(self, words: Sequence[str]) -> str:
        return self.rng.choice(words)

    def headline(self) -> str:
        lang = self.lang
        if lang.code == "ar":
            return (
                f"{self._pick(lang.subjects)} {self._pick(lang.verbs)} "
                f"{self._pick(lang.objects)} {self._pick(lang.adjectives)} "
                f"{self._pick(lang.places)}"
            )
        return (
            f"{self._pick(lang.subjects)} {self._pick(lang.verbs)} "
            f"{self._pick(lang.adjectives)} {self._pick(lang.objects)} "
            f"{self._pick(lang.places)}"
        )

    def sentence(self) -> str:
        lang = self.lang
        kind = self.rng.random()
        number = self.rng.randrange(12, 9800)
        if lang.code == "ar":
            if kind < 0.45:
                return (
                    f"{self._pick(lang.verbs)} {self._pick(lang.subjects)} "
                    f"{self._pick(lang.objects)} {self._pick(lang.adjectives)} "
                    f"{self._pick(lang.places)} {self._pick(lang.times)}."
                )
            if kind < 0.8:
                return (
                    f"{self._pick(lang.connectors)} {self._pick(lang.projects)} "
                    f"{self._pick(lang.effects)} {self._pick(lang.goals)}."
                )
            return (
                f"وشارك في {self._pick(lang.events)} أكثر من {number} "
                f"{self._pick(lang.participants)} {self._pick(lang.places)}."
            )
        if kind < 0.45:
            adjective = self._pick(lang.adjectives)
            article = "an" if adjective[0] in "aeiou" else "a"
            return (
                f"{self._pick(lang.subjects)} {self._pick(lang.verbs)} {article} "
                f"{adjective} {self._pick(lang.objects)} "
                f"{self._pick(lang.places)} {self._pick(lang.times)}."
            )
        if kind < 0.8:
            return (
                f"{self._pick(lang.connectors)} {self._pick(lang.projects)} "
                f"{self._pick(lang.effects)} {self._pick(lang.goals)}."
            )
        return (
            f"More than {number} {self._pick(lang.participants)} took part in the "
            f"{self._pick(lang.events)} {self._pick(lang.places)}."
        )

    def paragraph_text(self, min_bytes: int) -> str:
        """Sentences until the paragraph holds at least ``min_bytes`` of UTF-8."""
        sentences: list[str] = []
        size = 0
        while size < min_bytes:
            sentence = self.sentence()
            sentences.append(sentence)
            size += len(sentence.encode()) + 1
        return " ".join(sentences)

    def body(self, image_src: str, link_href: str) -> str:
        """An article body: 3–6 paragraphs of about 2–4 KB of HTML in all."""
        rng = self.rng
        lang = self.lang
        paragraphs = rng.randint(3, 6)
        target = rng.randint(2000, 4000)
        # the figure, quote and link markup take about 450 bytes of the budget
        per_paragraph = max(120, (target - 450) // paragraphs)
        quote_after = rng.randrange(1, paragraphs)
        link_in = rng.randrange(paragraphs)
        parts: list[str] = []
        for n in range(paragraphs):
            text = escape(self.paragraph_text(per_paragraph))
            if n == 0:
                dateline = self._pick(lang.cities)
                text = f"<strong>{escape(dateline)} —</strong> {text}"
            elif rng.random() < 0.4:
                head, _, tail = text.partition(" ")
                text = f"<strong>{head}</strong> {tail}"
            if n == link_in:
                label = "التفاصيل الكاملة" if lang.code == "ar" else "the full details"
                text += f' <a href={quoteattr(link_href)}>{label}</a>'
            parts.append(f"<p>{text}</p>")
            if n == 0:
                caption = escape(self.headline())
                parts.append(
                    f"<figure><img src={quoteattr(image_src)} alt={quoteattr(caption)} "
                    f'width="640" height="360"><figcaption>{caption}</figcaption></figure>'
                )
            if n == quote_after:
                parts.append(f"<blockquote><p>{escape(self.sentence())}</p></blockquote>")
        return "\n".join(parts)


# --- feeds ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedDocument:
    """One feed as served: its path on the server, bytes and content type."""

    path: str
    body: bytes
    content_type: str
    entries: int
    language: str
    kind: str


@dataclass(frozen=True, slots=True)
class Corpus:
    """All feeds of one benchmark corpus."""

    feeds: tuple[FeedDocument, ...]
    seed: int
    items_per_feed: int

    @property
    def entries(self) -> int:
        return sum(f.entries for f in self.feeds)

    @property
    def size_bytes(self) -> int:
        return sum(len(f.body) for f in self.feeds)

    def describe(self) -> str:
        return (
            f"{len(self.feeds)} feeds, {self.entries} entries, "
            f"{self.size_bytes / 1e6:.1f} MB"
        )


@dataclass(frozen=True, slots=True)
class _Item:
    guid: str
    permalink: bool
    link: str
    title: str
    summary: str
    body: str
    categories: tuple[str, ...]
    published: datetime
    author: str
    enclosure: tuple[str, int, str] | None


def _items(n_feed: int, count: int, writer: Writer, site: str) -> list[_Item]:
    rng = writer.rng
    lang = writer.lang
    items: list[_Item] = []
    when = CORPUS_DATE - timedelta(minutes=rng.randrange(0, 240))
    for n in range(count):
        slug = f"2026/11/story-{n_feed:04d}-{n:04d}"
        link = f"{site}/{slug}"
        body = writer.body(
            image_src=f"images/{n_feed:04d}-{n:04d}.png",
            link_href=f"{site}/{slug}/details",
        )
        enclosure = None
        if rng.random() < ENCLOSURE_SHARE:
            name = f"{n_feed:04d}-{n:04d}"
            if rng.random() < 0.5:
                size = rng.randrange(10**6, 6 * 10**7)
                enclosure = (f"{site}/audio/{name}.mp3", size, "audio/mpeg")
            else:
                size = rng.randrange(10**5, 10**6)
                enclosure = (f"{site}/photos/{name}.png", size, "image/png")
        permalink = rng.random() < 0.3
        items.append(
            _Item(
                guid=link if permalink else f"{TAG_AUTHORITY}:site-{n_feed:04d}:{n}",
                permalink=permalink,
                link=link,
                title=writer.headline(),
                summary=writer.sentence(),
                body=body,
                categories=tuple(rng.sample(list(lang.categories), rng.randint(1, 3))),
                published=when,
                author=rng.choice(lang.names),
                enclosure=enclosure,
            )
        )
        when -= timedelta(minutes=rng.randrange(17, 97))
    return items


def _feed_title(writer: Writer) -> str:
    lang = writer.lang
    city = writer.rng.choice(lang.cities)
    name = writer.rng.choice(lang.feed_names)
    return f"{name} {city}" if lang.code == "ar" else f"The {city} {name}"


def rss_document(
    n_feed: int, lang: Language, rng: random.Random, items: int, base_url: str
) -> bytes:
    """An RSS 2.0 feed with ``content:encoded`` bodies and ``dc:creator`` authors."""
    writer = Writer(lang, rng)
    site = f"{base_url}/site-{n_feed:04d}"
    title = _feed_title(writer)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        f"<title>{escape(title)}</title>",
        f"<link>{site}/</link>",
        f"<description>{escape(writer.sentence())}</description>",
        f"<language>{lang.code}</language>",
        f"<lastBuildDate>{format_datetime(CORPUS_DATE)}</lastBuildDate>",
        "<ttl>30</ttl>",
        f"<image><url>{site}/logo.png</url><title>{escape(title)}</title>"
        f"<link>{site}/</link></image>",
    ]
    for item in _items(n_feed, items, writer, site):
        out.append("<item>")
        out.append(f"<title>{escape(item.title)}</title>")
        out.append(f"<link>{item.link}</link>")
        permalink = "true" if item.permalink else "false"
        out.append(f'<guid isPermaLink="{permalink}">{escape(item.guid)}</guid>')
        out.append(f"<pubDate>{format_datetime(item.published)}</pubDate>")
        out.append(f"<dc:creator>{escape(item.author)}</dc:creator>")
        out.extend(f"<category>{escape(c)}</category>" for c in item.categories)
        out.append(f"<description>{escape(item.summary)}</description>")
        out.append(f"<content:encoded><![CDATA[{item.body}]]></content:encoded>")
        if item.enclosure:
            url, length, kind = item.enclosure
            out.append(f'<enclosure url="{url}" length="{length}" type="{kind}"/>')
        out.append("</item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode()


def atom_document(
    n_feed: int, lang: Language, rng: random.Random, items: int, base_url: str
) -> bytes:
    """An Atom 1.0 feed with escaped HTML content and text summaries."""
    writer = Writer(lang, rng)
    site = f"{base_url}/site-{n_feed:04d}"
    title = _feed_title(writer)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang.code}">',
        f"<title>{escape(title)}</title>",
        f"<subtitle>{escape(writer.sentence())}</subtitle>",
        f'<link rel="alternate" type="text/html" href="{site}/"/>',
        f"<id>{TAG_AUTHORITY}:site-{n_feed:04d}</id>",
        f"<updated>{CORPUS_DATE.isoformat()}</updated>",
        f"<icon>{site}/icon.png</icon>",
    ]
    for item in _items(n_feed, items, writer, site):
        out.append("<entry>")
        out.append(f'<title type="text">{escape(item.title)}</title>')
        out.append(f'<link rel="alternate" type="text/html" href="{item.link}"/>')
        out.append(f"<id>{escape(item.guid)}</id>")
        out.append(f"<published>{item.published.isoformat()}</published>")
        out.append(f"<updated>{item.published.isoformat()}</updated>")
        out.append(f"<author><name>{escape(item.author)}</name></author>")
        out.extend(f"<category term={quoteattr(c)}/>" for c in item.categories)
        out.append(f'<summary type="text">{escape(item.summary)}</summary>')
        out.append(f'<content type="html">{escape(item.body)}</content>')
        if item.enclosure:
            url, length, kind = item.enclosure
            out.append(f'<link rel="enclosure" href="{url}" length="{length}" type="{kind}"/>')
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out).encode()


def feed_document(n_feed: int, items: int, seed: int, base_url: str) -> FeedDocument:
    """Feed number ``n_feed``: even numbers Arabic, odd English; RSS and Atom in turn."""
    rng = random.Random(seed * 1_000_003 + n_feed)
    lang = ARABIC if n_feed % 2 == 0 else ENGLISH
    if (n_feed // 2) % 2 == 0:
        body = rss_document(n_feed, lang, rng, items, base_url)
        return FeedDocument(f"/feeds/{n_feed:04d}.rss", body, RSS_TYPE, items, lang.code, "rss")
    body = atom_document(n_feed, lang, rng, items, base_url)
    return FeedDocument(f"/feeds/{n_feed:04d}.atom", body, ATOM_TYPE, items, lang.code, "atom")


def generate_corpus(
    feeds: int = 200, items: int = 50, seed: int = 2026, base_url: str = DEFAULT_BASE_URL
) -> Corpus:
    """``feeds`` feeds of ``items`` items each; the same arguments give the same bytes.

    Every absolute URL in the feeds (sites, articles, images, enclosures) is under
    ``base_url``, the server the corpus is served from, so a client following links
    never leaves it.
    """
    base_url = base_url.rstrip("/")
    documents = tuple(feed_document(n, items, seed, base_url) for n in range(feeds))
    return Corpus(documents, seed, items)


def image_bytes(path: str, width: int = 48, height: int = 32) -> bytes:
    """A small PNG of noise, the same for the same ``path`` (about 4.6 KB at 48×32)."""
    rng = random.Random(zlib.crc32(path.encode()))
    rows = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 1))
        + chunk(b"IEND", b"")
    )


def write_corpus(corpus: Corpus, out: Path) -> None:
    """Write every feed under ``out`` at its server path."""
    for feed in corpus.feeds:
        target = out / feed.path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(feed.body)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the benchmark feed corpus to disk.")
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--base-url", default=DEFAULT_BASE_URL, help="where it will be served")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    corpus = generate_corpus(args.feeds, args.items, args.seed, args.base_url)
    write_corpus(corpus, args.out)
    print(f"wrote {corpus.describe()} to {args.out}")


if __name__ == "__main__":
    main()
