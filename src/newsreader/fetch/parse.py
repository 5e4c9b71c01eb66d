"""Feed bytes → :class:`~newsreader.core.parsed.ParsedFeed`.

feedparser understands every RSS and Atom dialect; this module turns its loose
dictionaries into Newsreader's records: identities that stay stable between fetches,
sanitized HTML with absolute URLs, plain-text titles and summaries, UTC dates, a
direction for every article, media, and comment-thread links.  No I/O happens here:
feedparser only ever receives the bytes, never a URL or a path.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import io
import itertools
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser

from newsreader.core.errors import ParseError
from newsreader.core.parsed import ParsedEnclosure, ParsedEntry, ParsedFeed
from newsreader.core.search_text import entry_document
from newsreader.core.snippets import shorten
from newsreader.core.text import (
    balanced_bidi,
    choose_direction,
    detect_direction,
    direction_from_language,
)
from newsreader.core.types import Direction
from newsreader.fetch import feedparser_setup
from newsreader.fetch.encoding import may_hold_c1_controls, prepare_feed_bytes
from newsreader.fetch.fast_feed import read_feed
from newsreader.fetch.sanitize import first_image, sanitize_html, strip_tags

feedparser_setup.configure()

__all__ = ["parse_feed"]

#: Length of a summary made from the article body, in characters.
SUMMARY_FROM_CONTENT = 300
#: Longest summary kept when the feed gives a separate one; it is a lead, not the text.
SUMMARY_MAX = 1000
#: How much of the summary joins the title to decide an article's direction; a few
#: sentences settle it, and counting more only costs time.
DIRECTION_SAMPLE = 300

#: Items kept from one document: a feed that lists more keeps its first ones and says
#: so.  Real feeds list tens or hundreds; a document of millions of tiny items is an
#: attack on memory (the parser's, the writer's, the database's).
MAX_ENTRIES = 10_000
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_COMMENT_FEED_TYPES = frozenset(
    {
        "application/atom+xml",
        "application/rss+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
#: feedparser notices that say nothing about the feed's own health.
_HARMLESS_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_HTML_PAGE_RE = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")
_BLANK_LINE_RE = re.compile(r"\n\s*\n")

Entry = Mapping[str, Any]

# --- small value helpers -------------------------------------------------------------


def _get(mapping: Any, key: str) -> Any:
    """``mapping[key]`` or ``None``, bypassing feedparser's slow key aliasing."""
    if isinstance(mapping, dict):
        return dict.get(mapping, key)
    return None


def _collapse(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def _plain_text(value: str | None, content_type: str | None, *, atom: bool) -> str:
    """Plain text of a title-like value, whatever the feed declared it to be."""
    if not value:
        return ""
    if content_type in _HTML_TYPES:
        return balanced_bidi(strip_tags(value))
    if not atom and "&" in value:
        # RSS publishers often escape twice; "&amp;quot;" should read as a quote.
        value = html.unescape(value)
    return balanced_bidi(_collapse(value))


def _http_url(value: Any, base: str | None) -> str | None:
    """*value* as an absolute http(s) URL, resolved against *base*; else ``None``."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    if base and not value.lower().startswith(("http://", "https://")):
        value = urljoin(base, value)
    return value if value.lower().startswith(("http://", "https://")) else None


def _positive_int(value: Any) -> int | None:
    if value is None:  # the usual case: no need for a caught exception
        return None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _count(value: Any) -> int | None:
    """A comment count: zero is meaningful here, garbage is not."""
    if value is None:
        return None
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


def _utc(value: Any) -> datetime | None:
    """feedparser's UTC ``struct_time`` as an aware datetime."""
    if not isinstance(value, tuple) or len(value) < 6:
        return None
    year, month, day, hour, minute, second = value[:6]
    try:
        # A leap second (60) would not fit a datetime.
        return datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _language(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip().replace("_", "-")
    return value or None


# --- entry parts -----------------------------------------------------------------------


def _entry_link(entry: Entry, feed_url: str) -> str | None:
    """The article's web page.

    feedparser copies a permalink guid into ``link`` when there is no ``<link>``; a
    guid such as ``item-42`` must not become a made-up URL, so it only counts when it
    is an absolute http(s) URL already.
    """
    link = _get(entry, "link")
    if _get(entry, "guidislink") and link == _get(entry, "id"):
        return _http_url(link, None)
    return _http_url(link, feed_url)


def _content_source(entry: Entry) -> tuple[str, str, str] | None:
    """Value, type and xml:base of the longest body the entry offers."""
    best: tuple[str, str, str] | None = None
    candidates = list(_get(entry, "content") or ())
    summary = _get(entry, "summary_detail")
    if summary:
        candidates.append(summary)
    for detail in candidates:
        value = _get(detail, "value") or ""
        if value.strip() and (best is None or len(value) > len(best[0])):
            best = (value, _get(detail, "type") or "text/html", _get(detail, "base") or "")
    return best


def _plain_to_html(text: str) -> str:
    """Plain-text body as simple HTML: blank lines make paragraphs, newlines breaks."""
    paragraphs = (p.strip() for p in _BLANK_LINE_RE.split(text.strip()))
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs if p)


def _content_html(source: tuple[str, str, str] | None, link: str | None, feed_url: str) -> str:
    """Sanitized body with URLs resolved against xml:base, else the article, else the feed."""
    if source is None:
        return ""
    value, content_type, xml_base = source
    if content_type not in _HTML_TYPES:
        return _plain_to_html(value)
    base = urljoin(feed_url, xml_base) if xml_base else (link or feed_url)
    return sanitize_html(value, base)


def _summary(entry: Entry, source: tuple[str, str, str] | None, content_html: str) -> str | None:
    """Plain-text lead: the feed's own summary, or the start of the body."""
    detail = _get(entry, "summary_detail") or {}
    raw = _get(detail, "value") or _get(entry, "summary") or ""
    if raw.strip() and (source is None or raw != source[0]):
        text = _plain_text(raw, _get(detail, "type") or "text/html", atom=False)
        if text:
            return balanced_bidi(shorten(text, SUMMARY_MAX))  # a cut may leave one open
    if content_html:
        text = strip_tags(content_html)
        return balanced_bidi(shorten(text, SUMMARY_FROM_CONTENT)) if text else None
    return None


def _categories(entry: Entry) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for tag in _get(entry, "tags") or ():
        term = balanced_bidi(_collapse(_get(tag, "term") or _get(tag, "label") or ""))
        if term:
            seen.setdefault(term, None)
    return tuple(seen)


def _raw_enclosures(entry: Entry) -> Iterable[tuple[Any, Any, Any, Any]]:
    """(url, type, length, medium) from ``<enclosure>``/``rel="enclosure"`` and media:content."""
    for link in _get(entry, "links") or ():
        if _get(link, "rel") == "enclosure":
            yield _get(link, "href"), _get(link, "type"), _get(link, "length"), None
    for media in _get(entry, "media_content") or ():
        yield (
            _get(media, "url"),
            _get(media, "type"),
            _get(media, "filesize"),
            _get(media, "medium"),
        )


def _enclosures(entry: Entry, feed_url: str) -> tuple[ParsedEnclosure, ...]:
    """Enclosures deduplicated by URL; a repeated URL fills in what the first lacked."""
    found: dict[str, ParsedEnclosure] = {}
    for raw_url, raw_type, raw_length, raw_medium in _raw_enclosures(entry):
        url = _http_url(raw_url, feed_url)
        if url is None:
            continue
        kind = raw_type.strip().lower() if isinstance(raw_type, str) and raw_type.strip() else None
        medium = raw_medium.strip().lower() if isinstance(raw_medium, str) else None
        new = ParsedEnclosure(url, kind, _positive_int(raw_length), medium or None)
        old = found.get(url)
        if old is not None:
            new = ParsedEnclosure(
                url, old.type or new.type, old.length or new.length, old.medium or new.medium
            )
        found[url] = new
    return tuple(found.values())


def _media_caption(entry: Entry) -> str | None:
    for credit in _get(entry, "media_credit") or ():
        text = _collapse(_get(credit, "content") or "")
        if text:
            return text
    text = _get(entry, "media_text")
    if isinstance(text, str):
        return _collapse(text) or None
    return None


def _lead_image(
    entry: Entry, enclosures: tuple[ParsedEnclosure, ...], content_html: str, feed_url: str
) -> tuple[str | None, str | None]:
    """Lead image: media:content image, media:thumbnail, image enclosure, first ``<img>``."""
    for media in _get(entry, "media_content") or ():
        medium = (_get(media, "medium") or "").lower()
        kind = (_get(media, "type") or "").lower()
        if medium == "image" or kind.startswith("image/"):
            url = _http_url(_get(media, "url"), feed_url)
            if url:
                return url, _media_caption(entry)
    for thumbnail in _get(entry, "media_thumbnail") or ():
        url = _http_url(_get(thumbnail, "url"), feed_url)
        if url:
            return url, _media_caption(entry)
    for enclosure in enclosures:
        if enclosure.medium == "image" or (enclosure.type or "").startswith("image/"):
            return enclosure.url, _media_caption(entry)
    return first_image(content_html)


def _thread_links(entry: Entry, link: str | None) -> tuple[str | None, str | None, int | None]:
    """Comments page, comments feed and comment count (RSS wfw/slash, Atom threading)."""
    base = link
    comments_url = _http_url(_get(entry, "comments"), base)
    comments_feed = _http_url(_get(entry, "wfw_commentrss"), base)
    count = _count(_get(entry, "slash_comments"))
    for reply in _get(entry, "links") or ():
        if _get(reply, "rel") != "replies":
            continue
        href = _http_url(_get(reply, "href"), base)
        kind = (_get(reply, "type") or "").split(";")[0].strip().lower()
        if href and kind in _COMMENT_FEED_TYPES:
            comments_feed = comments_feed or href
            if count is None:
                count = _count(_get(reply, "thr:count") or _get(reply, "count"))
        elif href and comments_url is None:
            comments_url = href
    if count is None:
        count = _count(_get(entry, "thr_total"))
    return comments_url, comments_feed, count


def _in_reply_to(entry: Entry) -> str | None:
    target = _get(entry, "thr_in-reply-to")
    ref = _get(target, "ref") or _get(target, "href")
    if isinstance(ref, str):
        return ref.strip() or None
    return None


def _entry_language(entry: Entry) -> str | None:
    """The entry's own language: dc:language, else xml:lang on its title or body."""
    own = _language(_get(entry, "language"))
    if own:
        return own
    details = [
        _get(entry, "title_detail"),
        *(_get(entry, "content") or ()),
        _get(entry, "summary_detail"),
    ]
    for detail in details:
        lang = _language(_get(detail, "language"))
        if lang:
            return lang
    return None


def _key(entry: Entry, link: str | None, title: str, source: tuple[str, str, str] | None) -> str:
    """Identity within the feed: guid/id, else link, else a hash of title and body."""
    guid = _get(entry, "id")
    if isinstance(guid, str) and guid.strip():
        return guid.strip()
    if link:
        return link
    body = source[0] if source else ""
    return "sha1:" + hashlib.sha1((title + body).encode("utf-8")).hexdigest()


def _content_hash(fields: Iterable[object]) -> str:
    """Hash of every stored field, so an unchanged entry is not written again."""
    text = "\x1f".join("" if value is None else str(value) for value in fields)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _author(entry: Entry) -> str | None:
    name = _get(_get(entry, "author_detail"), "name") or _get(entry, "author")
    if not isinstance(name, str):
        return None
    return balanced_bidi(strip_tags(name)) or None


def _build_entry(entry: Entry, feed_url: str, feed_lang: str | None, atom: bool) -> ParsedEntry:
    title_detail = _get(entry, "title_detail") or {}
    raw_title = _get(entry, "title") or ""
    title = _plain_text(raw_title, _get(title_detail, "type") or "text/plain", atom=atom)
    link = _entry_link(entry, feed_url)
    source = _content_source(entry)
    content_html = _content_html(source, link, feed_url)
    summary = _summary(entry, source, content_html)
    updated = _utc(_get(entry, "updated_parsed"))
    published = _utc(_get(entry, "published_parsed")) or updated
    own_lang = _entry_language(entry)
    # An xml:lang inherited from the feed element says no more than the feed language,
    # which must not outvote the text itself.
    direction_lang = (
        own_lang if own_lang and own_lang.lower() != (feed_lang or "").lower() else None
    )
    sample = f"{title} {(summary or '')[:DIRECTION_SAMPLE]}"
    direction = choose_direction(direction_lang, sample, feed_lang)
    categories = _categories(entry)
    enclosures = _enclosures(entry, feed_url)
    image_url, image_caption = _lead_image(entry, enclosures, content_html, feed_url)
    comments_url, comments_feed_url, comment_count = _thread_links(entry, link or feed_url)
    in_reply_to = _in_reply_to(entry)
    author = _author(entry)
    language = own_lang or feed_lang
    content_hash = _content_hash(
        (
            title,
            link,
            author,
            summary,
            content_html,
            published.isoformat() if published else None,
            updated.isoformat() if updated else None,
            "\x1e".join(categories),
            "\x1e".join(f"{e.url} {e.type} {e.length} {e.medium}" for e in enclosures),
            image_url,
            image_caption,
            comments_url,
            comments_feed_url,
            comment_count,
            in_reply_to,
            language,
            direction.value,
        )
    )
    return ParsedEntry(
        key=_key(entry, link, raw_title, source),
        title=title,
        link=link,
        author=author,
        summary=summary,
        content_html=content_html or None,
        published=published,
        updated=updated,
        language=language,
        direction=direction,
        categories=categories,
        enclosures=enclosures,
        image_url=image_url,
        image_caption=image_caption,
        comments_url=comments_url,
        comments_feed_url=comments_feed_url,
        comment_count=comment_count,
        in_reply_to=in_reply_to,
        content_hash=content_hash,
        search_document=entry_document(title, summary, content_html, categories),
    )


# --- feed level --------------------------------------------------------------------


def _not_a_feed(data: bytes, content_type: str | None) -> ParseError:
    """A human explanation of why *data* yielded nothing."""
    if not data.strip():
        return ParseError("The server sent an empty document instead of a feed.")
    if (content_type or "").lower().startswith("text/html") or _HTML_PAGE_RE.search(data[:2048]):
        return ParseError("This address is a web page, not an RSS or Atom feed.")
    return ParseError("This document is not an RSS or Atom feed.")


def _warning(result: Mapping[str, Any], count: int) -> str | None:
    """A note for feeds that were malformed but still yielded something."""
    if not _get(result, "bozo"):
        return None
    problem = _get(result, "bozo_exception")
    if problem is None or isinstance(problem, _HARMLESS_BOZO):
        return None
    where = ""
    line = getattr(problem, "getLineNumber", None)
    if callable(line):
        try:
            where = f" at line {line()}"
        except (AttributeError, TypeError):
            where = ""
    reason = getattr(problem, "getMessage", None)
    message = reason() if callable(reason) else str(problem)
    return (
        f"The feed is not well-formed ({message}{where}); "
        f"{count} article{'s' if count != 1 else ''} could still be read."
    )


def _feed_icon(feed: Entry, feed_url: str) -> str | None:
    for candidate in (_get(feed, "icon"), _get(feed, "logo"), _get(_get(feed, "image"), "href")):
        url = _http_url(candidate, feed_url)
        if url:
            return url
    return None


def _unique(entries: Iterable[ParsedEntry]) -> tuple[ParsedEntry, ...]:
    """Entries with distinct keys; a key repeated by a careless feed keeps its first."""
    seen: dict[str, ParsedEntry] = {}
    for entry in entries:
        seen.setdefault(entry.key, entry)
    return tuple(seen.values())


def _feedparser_result(data: bytes, headers: dict[str, str], *, c1_free: bool) -> Any:
    with feedparser_setup.c1_controls_absent(c1_free):
        # A stream, never bytes or str: feedparser would treat those as a path or URL.
        return feedparser.parse(
            io.BytesIO(data),
            response_headers=headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )


def _feedparser_parse(data: bytes, headers: dict[str, str]) -> Any:
    """feedparser's result for prepared bytes."""
    c1_free = not may_hold_c1_controls(data, headers["content-type"])
    result = _feedparser_result(data, headers, c1_free=c1_free)
    if c1_free and not _decoded_as_expected(data, _get(result, "encoding")):
        # feedparser chose an encoding the check did not foresee: parse it as it comes.
        result = _feedparser_result(data, headers, c1_free=False)
    return result


def _decoded_as_expected(data: bytes, encoding: Any) -> bool:
    """Whether feedparser decoded *data* as :func:`may_hold_c1_controls` assumed."""
    try:
        name = codecs.lookup(encoding).name if isinstance(encoding, str) else ""
    except LookupError:
        return False
    if name in ("utf-8", "utf-8-sig"):
        return True
    # ASCII bytes are the same text in every ASCII-based single-byte encoding.
    return data.isascii() and (name == "ascii" or name.startswith(("iso8859", "cp125", "latin")))


def parse_feed(
    data: bytes, *, url: str, content_type: str | None = None, quick: bool = True
) -> ParsedFeed:
    """Parse the bytes of a feed fetched from *url* (used to resolve relative links).

    ``quick=False`` leaves every document to feedparser (to compare the two readers).

    Raises :class:`~newsreader.core.errors.ParseError` when the bytes are not a feed
    at all.  A malformed feed keeps what could be read and sets ``warning``.
    """
    prepared, headers = prepare_feed_bytes(data, content_type)
    # Plain RSS 2.0 and Atom 1.0 take the quick reader; any doubt goes to feedparser.
    quick_result = read_feed(prepared, headers["content-type"]) if quick else None
    result = quick_result or _feedparser_parse(prepared, headers)
    feed = _get(result, "feed") or {}
    raw_entries = _get(result, "entries") or []
    version = _get(result, "version") or ""
    if not raw_entries and not version and not _get(feed, "title"):
        raise _not_a_feed(data, content_type)

    atom = version.startswith("atom")
    language = _language(_get(feed, "language"))
    title_detail = _get(feed, "title_detail") or {}
    title = _plain_text(_get(feed, "title"), _get(title_detail, "type") or "text/plain", atom=atom)
    kept = itertools.islice(raw_entries, MAX_ENTRIES)
    entries = _unique(_build_entry(entry, url, language, atom) for entry in kept)
    direction: Direction | None = direction_from_language(language) or detect_direction(title)
    return ParsedFeed(
        title=title or None,
        link=_http_url(_get(feed, "link"), url),
        language=language,
        icon_url=_feed_icon(feed, url),
        entries=entries,
        warning=_warning(result, len(entries)) or _too_many(len(raw_entries)),
        direction=direction,
    )


def _too_many(listed: int) -> str | None:
    if listed <= MAX_ENTRIES:
        return None
    return f"The feed lists {listed:,} items; only the first {MAX_ENTRIES:,} were kept."
