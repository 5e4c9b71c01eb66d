"""Property-based tests: whatever bytes arrive, Newsreader neither crashes, hangs nor loses data.

Hypothesis makes the inputs: real fixture feeds mutated (bytes flipped, cut, repeated,
hostile fragments spliced in) and feeds built from random structures, served by the
local feed server and refreshed through the Reader (fetch → parse in a fenced
worker → sanitize → store); OPML documents and user-data files likewise imported.
For every input:

- the call returns: a feed ends as ``ok`` or ``error`` with a message, an import
  adds what it can or raises :class:`~newsreader.core.errors.NewsreaderError` with
  a message naming the fault; no other exception escapes;
- nothing hangs: parsing runs in worker processes with a time limit (the fence),
  so every example ends, however slow feedparser finds it;
- what is stored as HTML is sanitised (no script, handler, frame or script URL
  survives; the summary is plain text, shown escaped);
- the user's data is intact: a starred and read article with a note in another
  feed keeps them, a failed import changes nothing, a good one only adds.

Hypothesis's own deadline is off (a loaded 2-core machine would make it flaky); the
time bound is the parse workers' fence.  Examples are few and derandomised, so a run
is the same every time and takes well under a minute.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from newsreader.core.errors import NewsreaderError
from newsreader.core.types import ArticleQuery, FeedStatus
from newsreader.reader import Reader
from newsreader.update.parse_pool import ParsePool
from tests.helpers.feeds import numbered, rss
from tests.helpers.feedserver import FeedServer, Response
from tests.helpers.profile import replace_parse_pool

FIXTURES = Path(__file__).parent / "fixtures"
FEEDS = {p.name: p.read_bytes() for p in sorted((FIXTURES / "feeds").iterdir())}
OPMLS = {p.name: p.read_bytes() for p in sorted((FIXTURES / "opml").iterdir())}
#: A parse slower than this is stopped and the feed gets an error (the fence).
PARSE_LIMIT_S = 10.0

EXAMPLES = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Pieces of hostile or broken markup spliced into real feeds.
SNIPPETS = [
    b"<script>alert(1)</script>",
    b'<img src="javascript:alert(1)" onerror="steal()">',
    b'<a href=" jAvAsCrIpT:alert(2)">x</a>',
    b'<iframe src="http://127.0.0.1:9/f"></iframe>',
    b"&lt;script&gt;alert(3)&lt;/script&gt;",
    b"<![CDATA[<script>x()</script>",
    b"]]>",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    b"&a;&b;&nonsense;&#0;&#xD800;&#99999999;",
    b"\x00\x01\x1f\x7f",
    b"\xd9\x85\xd8",  # a cut Arabic letter
    "<title>\u202eعنوان\u202c</title>".encode(),
    b"<item><title>extra</title></item>",
    b"</channel></rss><rss>",
    b"<entry><id>x</id></entry>",
    b"<pubDate>not a date at all</pubDate>",
    b'<enclosure url="javascript:x" length="-5" type="video/mp4"/>',
    b'<?xml version="1.0" encoding="windows-1256"?>',
    b'<category term="\xff\xfe">',
]
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
TEXT = st.lists(
    st.sampled_from(
        [
            *(ARABIC + string.ascii_letters + string.digits + " <>&\"';:/=\n\t"),
            *("\u200f", "\u202e", "\x00", "\x0b", "\ufffe", "😀", "&amp;", "&#x627;"),
        ]
    ),
    max_size=40,
).map("".join)
UNSAFE_TAGS = frozenset(
    {"script", "style", "iframe", "object", "embed", "form", "input", "button", "svg", "frame"}
)


class _SafetyCheck(HTMLParser):
    """Collects what a sanitised fragment must never hold."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.faults: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in UNSAFE_TAGS:
            self.faults.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.faults.append(f"{tag} {name}=")
            if name in ("href", "src") and value is not None:
                squeezed = "".join(c for c in value if c > " ").lower()
                if squeezed.startswith(("javascript:", "vbscript:", "data:")):
                    self.faults.append(f"{tag} {name}={value!r}")


def unsafe_parts(html: str) -> list[str]:
    check = _SafetyCheck()
    check.feed(html)
    check.close()
    return check.faults


# -- the profile the examples run against ------------------------------------------------


class Bench:
    """One profile and one feed server for all examples of a module."""

    def __init__(self, server: FeedServer, reader: Reader) -> None:
        self.server = server
        self.reader = reader
        self.mutated_id = self._subscribe("/mutated.xml")
        self.marked_id = self._subscribe("/kept.rss")
        server.route("/kept.rss", Response(body=rss(numbered(4, "kept"), title="Kept")))
        reader.refresh(feed_ids=[self.marked_id], follow_ups=())
        first, second = reader.list_articles(ArticleQuery(feed_id=self.marked_id))[:2]
        reader.mark_starred([first.id])
        reader.mark_read([first.id, second.id])
        reader.add_note(second.id, "ملاحظة يجب ألا تضيع")
        self.user_state = self.state()

    def _subscribe(self, path: str) -> int:
        url = self.server.url(path)
        opml = f'<opml version="2.0"><body><outline xmlUrl="{url}"/></body></opml>'
        self.reader.import_opml(opml.encode())
        return next(f.id for f in self.reader.list_feeds() if f.url == url)

    def state(self) -> dict[str, Any]:
        """The user's own data: subscriptions, marks and notes."""
        marks = {}
        for a in self.reader.list_articles(ArticleQuery(feed_id=self.marked_id)):
            marks[a.guid] = (a.read, a.starred, [n.text for n in self.reader.list_notes(a.id)])
        feeds = sorted((f.url, f.folder) for f in self.reader.list_feeds())
        return {"feeds": feeds, "marks": marks}

    def refresh_with(self, body: bytes, content_type: str) -> None:
        self.server.route("/mutated.xml", Response(body=body, content_type=content_type))
        summary = self.reader.refresh(feed_ids=[self.mutated_id], follow_ups=())
        [result] = summary.feeds
        event(f"feed {result.status.value}")  # pytest --hypothesis-show-statistics
        assert result.status in (FeedStatus.OK, FeedStatus.ERROR, FeedStatus.NOT_MODIFIED)
        if result.status is FeedStatus.ERROR:
            assert result.error and result.error.strip(), "an error without a message"
            assert "Traceback" not in result.error
        for summary_row in self.reader.list_articles(ArticleQuery(feed_id=self.mutated_id)):
            article = self.reader.get_article(summary_row.id)
            assert unsafe_parts(article.content_html or "") == [], article.content_html
        assert self.state() == self.user_state


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bench]:
    with FeedServer() as server, Reader.open(tmp_path_factory.mktemp("hostile")) as reader:
        replace_parse_pool(reader, ParsePool(time_limit=PARSE_LIMIT_S))
        yield Bench(server, reader)


# -- feeds -------------------------------------------------------------------------------


@st.composite
def mutated_feeds(draw: st.DrawFn) -> bytes:
    data = bytearray(FEEDS[draw(st.sampled_from(sorted(FEEDS)))])
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["flip", "cut", "splice", "repeat", "drop"]))
        at = draw(st.integers(0, len(data)))
        if op == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:]
        elif op == "splice":
            data[at:at] = draw(st.sampled_from(SNIPPETS) | st.binary(max_size=24))
        elif op == "repeat":
            piece = bytes(data[at : at + draw(st.integers(1, 300))])
            data[at:at] = piece * draw(st.integers(2, 50))
        elif op == "drop":
            del data[at : at + draw(st.integers(1, 200))]
    return bytes(data)


def _escaped(draw: st.DrawFn, text: str) -> str:
    """Text as a careless or a careful feed writes it: raw, escaped, or in CDATA."""
    how = draw(st.sampled_from(["raw", "escaped", "cdata"]))
    if how == "escaped":
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if how == "cdata":
        return f"<![CDATA[{text}]]>"
    return text


@st.composite
def built_feeds(draw: st.DrawFn) -> bytes:
    """A feed document of random shape: RSS or Atom, random fields, random content."""
    atom = draw(st.booleans())
    html_bits = st.sampled_from(
        [s.decode("utf-8", "replace") for s in SNIPPETS] + ["<p>", "</p>", "<b>", "<img src=x>"]
    )
    items = []
    for n in range(draw(st.integers(0, 6))):
        title = _escaped(draw, draw(TEXT))
        body = _escaped(draw, "".join(draw(st.lists(TEXT | html_bits, max_size=6))))
        guid = draw(st.sampled_from([f"g-{n}", "same", "", draw(TEXT)]))
        link = draw(
            st.sampled_from(
                ["http://127.0.0.1:9/p", "javascript:alert(1)", "", "/relative", draw(TEXT)]
            )
        )
        date = draw(st.sampled_from(["", "Mon, 07 Dec 2026 10:00:00 GMT", "2026-13-45", "يوم"]))
        if atom:
            items.append(
                f"<entry><id>{_escaped(draw, guid)}</id><title>{title}</title>"
                f'<link href="{link}"/><updated>{date}</updated>'
                f'<content type="html">{body}</content></entry>'
            )
        else:
            items.append(
                f"<item><guid>{_escaped(draw, guid)}</guid><title>{title}</title>"
                f"<link>{link}</link><pubDate>{date}</pubDate>"
                f"<description>{body}</description></item>"
            )
    channel_title = _escaped(draw, draw(TEXT))
    if atom:
        document = (
            '<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{channel_title}</title>{''.join(items)}</feed>"
        )
    else:
        document = (
            f'<rss version="2.0"><channel><title>{channel_title}</title>'
            f"{''.join(items)}</channel></rss>"
        )
    prolog = draw(st.sampled_from(["", '<?xml version="1.0" encoding="utf-8"?>']))
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1256"]))
    return (prolog + document).encode(encoding, "replace")


CONTENT_TYPES = st.sampled_from(
    ["application/rss+xml", "application/xml; charset=utf-8", "text/html", "text/plain", ""]
)


@EXAMPLES
@given(body=mutated_feeds(), content_type=CONTENT_TYPES)
def test_a_mutated_real_feed_is_stored_safely_or_refused_clearly(
    bench: Bench, body: bytes, content_type: str
) -> None:
    bench.refresh_with(body, content_type)


@EXAMPLES
@given(body=built_feeds(), content_type=CONTENT_TYPES)
def test_a_feed_of_random_shape_is_stored_safely_or_refused_clearly(
    bench: Bench, body: bytes, content_type: str
) -> None:
    bench.refresh_with(body, content_type)


def test_the_checks_can_see_unsafe_markup() -> None:
    assert unsafe_parts('<p onclick="x()">a</p>') == ["p onclick="]
    assert unsafe_parts('<a href=" java\tscript:x">a</a>') != []
    assert unsafe_parts("<script>x</script>") == ["<script>"]
    assert unsafe_parts('<p>javascript: is only text here</p><img src="http://a/b.png">') == []


# -- OPML --------------------------------------------------------------------------------


@st.composite
def mutated_opml(draw: st.DrawFn) -> bytes:
    data = bytearray(OPMLS[draw(st.sampled_from(sorted(OPMLS)))])
    for _ in range(draw(st.integers(0, 5))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["flip", "cut", "splice", "drop"]))
        if op == "flip" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:]
        elif op == "splice":
            extra = [b'<outline xmlUrl="javascript:x"/>', b'<outline xmlUrl="">', b"&x;"]
            data[at:at] = draw(st.sampled_from(SNIPPETS + extra) | st.binary(max_size=16))
        else:
            del data[at : at + draw(st.integers(1, 100))]
    return bytes(data)


@st.composite
def built_opml(draw: st.DrawFn) -> bytes:
    def outlines(depth: int) -> str:
        parts = []
        for _ in range(draw(st.integers(0, 3))):
            url = draw(
                st.sampled_from(["http://127.0.0.1:9/a", "feed://127.0.0.1:9/b", "", "x"]) | TEXT
            )
            title = draw(TEXT).replace('"', "&quot;").replace("<", "&lt;").replace("&", "&amp;")
            inner = outlines(depth + 1) if depth < 3 and draw(st.booleans()) else ""
            attrs = f'text="{title}"'
            if draw(st.booleans()):
                attrs += f' xmlUrl="{url.replace(chr(34), "")}"'
            parts.append(f"<outline {attrs}>{inner}</outline>")
        return "".join(parts)

    return f'<opml version="2.0"><head/><body>{outlines(0)}</body></opml>'.encode(
        "utf-8", "replace"
    )


@EXAMPLES
@given(data=mutated_opml() | built_opml())
def test_an_opml_file_adds_what_it_can_or_changes_nothing(bench: Bench, data: bytes) -> None:
    reader = bench.reader
    before = {f.url for f in reader.list_feeds()}
    try:
        added = reader.import_opml(data)
    except NewsreaderError as exc:
        event("OPML refused")
        assert str(exc).strip()
        assert {f.url for f in reader.list_feeds()} == before
    else:
        event("OPML imported")
        after = {f.url for f in reader.list_feeds()}
        assert before <= after and len(after - before) == added
        for url in after - before:  # keep the profile small and the marked feed alone
            reader.remove_feed(next(f.id for f in reader.list_feeds() if f.url == url))
    assert bench.state() == bench.user_state


# -- user data ---------------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)
FIELDS = ["feed_url", "key", "read", "starred", "read_at", "starred_at", "notes", "since"]


@st.composite
def userdata_files(draw: st.DrawFn, kept: tuple[str, list[str]]) -> bytes:
    """A user-data file: the real export with fields replaced or removed, or random JSON."""
    feed_url, keys = kept
    document: dict[str, Any] = {
        "format": draw(st.sampled_from(["newsreader-userdata"] * 9 + ["other"])),
        "version": draw(st.sampled_from([1] * 9 + [2, "1", True])),
        "exported": draw(st.sampled_from(["2026-12-07T10:00:00+00:00"] * 4 + ["yesterday", None])),
        "subscriptions": [{"url": feed_url, "title": "Kept"}],
        "articles": [
            {
                "feed_url": feed_url,
                "key": draw(st.sampled_from([*keys, "not-there"])),
                "read": draw(st.booleans()),
                "starred": draw(st.booleans()),
                "notes": [{"text": draw(TEXT), "created": "2026-12-01T08:00:00+00:00"}],
            }
            for _ in range(draw(st.integers(0, 3)))
        ],
    }
    for article in document["articles"]:
        if draw(st.integers(0, 3)) == 0:
            article[draw(st.sampled_from(FIELDS))] = draw(JSON_VALUES)
    if draw(st.integers(0, 7)) == 0:
        document = draw(JSON_VALUES)
    raw = json.dumps(document, ensure_ascii=draw(st.booleans())).encode()
    if draw(st.integers(0, 7)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


def _mark_map(bench: Bench) -> dict[str, tuple[bool, bool, set[str]]]:
    return {
        guid: (read, starred, set(notes))
        for guid, (read, starred, notes) in bench.state()["marks"].items()
    }


def _kept(bench: Bench) -> tuple[str, list[str]]:
    url = next(f.url for f in bench.reader.list_feeds() if f.id == bench.marked_id)
    guids = [a.guid for a in bench.reader.list_articles(ArticleQuery(feed_id=bench.marked_id))]
    return url, guids


@settings(EXAMPLES, max_examples=40)
@given(data=st.data())
def test_a_user_data_file_only_adds_or_changes_nothing(
    bench: Bench, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    raw = data.draw(userdata_files(_kept(bench)))
    path = tmp_path_factory.mktemp("userdata") / "backup.json"
    path.write_bytes(raw)
    before = _mark_map(bench)
    feeds_before = bench.state()["feeds"]
    try:
        bench.reader.import_data(path)
    except NewsreaderError as exc:
        event("user data refused")
        assert str(exc).strip()
        assert _mark_map(bench) == before
    else:
        event("user data imported")
        after = _mark_map(bench)
        for guid, (read, starred, notes) in before.items():  # nothing dropped, only added
            now_read, now_starred, now_notes = after[guid]
            assert (now_read or not read) and (now_starred or not starred)
            assert notes <= now_notes
    assert bench.state()["feeds"] == feeds_before
    bench.user_state = bench.state()  # a good import may add marks: they count from now on
