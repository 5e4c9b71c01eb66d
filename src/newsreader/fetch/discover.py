"""Feed autodiscovery: is this response a feed, and if not, which feeds does the page name?

Users paste whatever address they have, usually a site's home page.  These pure functions
decide, from bytes already fetched, whether those bytes are a feed or a web page, and
collect the feeds a page advertises.  They never fetch anything themselves, so the HTTP
layer keeps its caps and the functions stay trivially testable.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from urllib.parse import urldefrag, urljoin, urlsplit

from newsreader.core.html import EndTag, walk_html
from newsreader.core.types import FeedOption

__all__ = ["FEED_LINK_TYPES", "find_feed_links", "find_feed_options", "looks_like_feed"]

#: How much of a response is sniffed: feed roots come after at most a short prolog.
SNIFF_BYTES = 8192

#: ``<link type>`` values that announce an XML feed (JSON Feed is not supported).
FEED_LINK_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        "application/x-atom+xml",
    }
)

# Only trusted when the content itself cannot be sniffed (an over-long prolog).
_FEED_CONTENT_TYPES = FEED_LINK_TYPES | {"application/rss", "application/atom"}

#: Longest feed title taken from a page, and how many text pieces of a link are read.
_TITLE_MAX = 200
_ANCHOR_TEXT_PIECES = 20

# Path endings that make a plain <a href> worth offering as a feed.
_FEEDISH_ENDINGS = (".rss", ".xml", ".atom", ".rdf", "/feed", "/rss", "/atom")

_ROOT = re.compile(r"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Prolog constructs that may precede the root element, with the text that ends each.
_PROLOG_ENDS = (("<?", "?>"), ("<!--", "-->"))


# --------------------------------------------------------------------------- sniffing


def looks_like_feed(data: bytes, content_type: str | None) -> bool:
    """Tell whether ``data`` is an RSS, Atom or RSS 1.0 (RDF) document.

    The root element decides, because servers mislabel in both directions: feeds are
    served as ``text/html`` and web pages as ``application/xml``.  ``content_type`` is
    consulted only when no root element shows within the first :data:`SNIFF_BYTES`.
    """
    text = _sniff_text(data[:SNIFF_BYTES])
    root = _root_element(text)
    if root is None:
        return _media_type(content_type) in _FEED_CONTENT_TYPES
    name = root.lower()
    if name in ("rss", "feed"):
        return True
    # RDF/XML carries much besides RSS 1.0; only the RSS namespace makes it a feed.
    return name == "rdf" and "purl.org/rss/1.0" in text


def _sniff_text(head: bytes) -> str:
    """Decode just enough to read markup names, which are ASCII in every encoding we meet."""
    decoded = _decode_bom(head)
    if decoded is not None:
        return decoded
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", errors="replace")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", errors="replace")
    return head.decode("latin-1")


def _root_element(text: str) -> str | None:
    """Local name of the first element after the prolog, or None if it is not in ``text``."""
    pos = 0
    while True:
        pos = text.find("<", pos)
        if pos < 0:
            return None
        end = _prolog_end(text, pos)
        if end is None:
            match = _ROOT.match(text, pos)
            return match.group(2) if match else None
        if end < 0:
            return None  # the prolog runs past the sniffed window
        pos = end


def _prolog_end(text: str, pos: int) -> int | None:
    """Index after the prolog construct at ``pos``; None if none starts there, -1 if cut."""
    for opening, closing in _PROLOG_ENDS:
        if text.startswith(opening, pos):
            end = text.find(closing, pos + len(opening))
            return -1 if end < 0 else end + len(closing)
    if text.startswith("<!", pos):
        return _declaration_end(text, pos)
    return None


def _declaration_end(text: str, pos: int) -> int:
    """End of a ``<!DOCTYPE ...>``, whose internal subset in brackets may itself hold ``>``."""
    depth = 0
    for index in range(pos + 2, len(text)):
        char = text[index]
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif char == ">" and depth == 0:
            return index + 1
    return -1


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


# --------------------------------------------------------------------------- discovery


def find_feed_links(html: bytes, base_url: str) -> list[str]:
    """Absolute URLs of the feeds a web page names, in document order, each once."""
    return [option.url for option in find_feed_options(html, base_url)]


def find_feed_options(html: bytes, base_url: str) -> list[FeedOption]:
    """The feeds a web page names, with the titles it gives them, in document order.

    ``<link rel="alternate">`` elements with a feed type are the standard; only when a
    page has none are plain links whose path looks like a feed offered instead, since
    guessing from ``<a>`` elements is far less reliable.  Relative addresses are
    resolved against the page's ``<base href>`` (itself relative to ``base_url``).
    A ``<link>``'s ``title`` names the feed ("All news", "Sport"); a link's own text
    does for an ``<a>``.
    """
    base_href, feed_links, anchor_links = _page_links(_decode_html(html))
    base = urljoin(base_url, base_href) if base_href else base_url
    found = _resolve_all(feed_links, base)
    if found:
        return found
    return [o for o in _resolve_all(anchor_links, base) if _feedish(o.url)]


def _page_links(
    markup: str,
) -> tuple[str | None, list[tuple[str, str]], list[tuple[str, str]]]:
    """A page's first ``<base href>``, and ``(href, title)`` of its feed links and anchors.

    Feed links are taken wherever they appear, not only inside ``<head>``: the walk
    keeps no tree, and pages that misplace their head elements still mean them.  An
    ``<a>`` ends at its end tag or at the next ``<a>``; without a title, its text
    names it.
    """
    base_href: str | None = None
    feed_links: list[tuple[str, str]] = []
    anchors: list[tuple[str, str, list[str]]] = []  # href, title, text pieces
    text: list[str] | None = None  # the pieces of the <a> being read
    for event in walk_html(markup):
        if isinstance(event, str):
            if text is not None and len(text) < _ANCHOR_TEXT_PIECES:
                text.append(event)
            continue
        if event.name == "a":
            text = None
        if isinstance(event, EndTag) or not (href := event.attrs.get("href", "").strip()):
            continue
        if event.name == "base" and base_href is None:
            base_href = href  # only the first <base> counts
        elif event.name == "link" and _is_feed_link(event.attrs):
            feed_links.append((href, event.attrs.get("title", "")))
        elif event.name == "a":
            pieces: list[str] = []
            anchors.append((href, event.attrs.get("title", ""), pieces))
            text = None if event.self_closing else pieces
    named = [(href, title if title.strip() else "".join(words)) for href, title, words in anchors]
    return base_href, feed_links, named


def _is_feed_link(attrs: Mapping[str, str]) -> bool:
    rel = attrs.get("rel", "").lower().split()
    return "alternate" in rel and _media_type(attrs.get("type")) in FEED_LINK_TYPES


def _resolve_all(links: list[tuple[str, str]], base: str) -> list[FeedOption]:
    """Absolute http(s) URLs without fragments, with titles; first occurrence kept."""
    seen: set[str] = set()
    result: list[FeedOption] = []
    for href, title in links:
        url = urldefrag(urljoin(base, href)).url
        if urlsplit(url).scheme in ("http", "https") and url not in seen:
            seen.add(url)
            result.append(FeedOption(url, " ".join(title.split())[:_TITLE_MAX] or None))
    return result


def _feedish(url: str) -> bool:
    path = urlsplit(url).path.lower().rstrip("/")
    if path.rpartition("/")[2].startswith("sitemap"):
        return False  # sitemaps end in .xml but list pages, not news
    return path.endswith(_FEEDISH_ENDINGS)


def _decode_html(html: bytes) -> str:
    """Decode with the BOM or the page's ``<meta charset>``, else UTF-8, never failing."""
    decoded = _decode_bom(html)
    if decoded is not None:
        return decoded
    return html.decode(_declared_encoding(html), errors="replace")


def _declared_encoding(html: bytes) -> str:
    """The ``<meta>`` charset if Python knows it, else UTF-8 (what most pages are)."""
    match = _META_CHARSET.search(html[:4096])
    if not match:
        return "utf-8"
    try:
        encoding = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return "utf-8"
    # A page whose <meta> was readable as ASCII bytes cannot really be UTF-16.
    return "utf-8" if encoding.startswith("utf-16") else encoding


def _decode_bom(data: bytes) -> str | None:
    """Decode by byte-order mark, which outranks any declared encoding; None without one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    return None
