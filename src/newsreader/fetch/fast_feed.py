"""A quick reader for plain, well-formed RSS 2.0 and Atom 1.0 documents.

feedparser understands every dialect and every broken feed, and pays for it on every
entry: a Python call for every tag, every run of text and every attribute, plus the
bookkeeping of a parser that must guess.  Most feeds need none of that.  This module
reads a document with lxml (a C parser) and, when the document uses only the
elements listed here in the way they are usually written, builds the same
dictionaries feedparser would have built for them, so
:mod:`newsreader.fetch.parse` turns both into records with the same code.

It is deliberately timid.  :func:`read_feed` returns ``None`` (feedparser then
parses the document) for anything it is not sure of: malformed XML, a document type
declaration, an encoding other than UTF-8, characters feedparser would translate,
RSS 0.9x/1.0, ``xml:base``, XHTML or base64 content, an element it does not list,
an element repeated where feedparser's answer depends on the order, markup inside
a text element.  Each rule below copies what feedparser 6 does with such a
document (``feedparser.mixin._FeedParserMixin.pop`` and the ``_start_*``/``_end_*``
handlers); a differential test compares the two on feedparser's own test documents
and on realistic feeds.

The XML parser is told to resolve no entity, load no DTD and touch no network, and
keeps lxml's limits on huge documents: the bytes are untrusted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import feedparser.datetimes
import feedparser.mixin
import feedparser.util
from lxml import etree

from newsreader.fetch import feedparser_setup
from newsreader.fetch.encoding import may_hold_c1_controls

# The same date handlers as feedparser's (the localized ones included).
feedparser_setup.configure()

__all__ = ["read_feed"]

_ATOM_NS = "http://www.w3.org/2005/Atom"
_XML_NS = "http://www.w3.org/XML/1998/namespace"
_XML_LANG = f"{{{_XML_NS}}}lang"
_XML_BASE = f"{{{_XML_NS}}}base"
#: Namespaces whose declaration on the root makes feedparser call the document RSS 1.0
#: or 0.90 however it looks.
_OLD_RSS_NAMESPACES = frozenset(
    {"http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/"}
)
#: Media types for which feedparser takes the charset parameter, else the XML
#: declaration, else UTF-8 (RFC 3023 as feedparser reads it).
_XML_MEDIA_TYPES = frozenset({"application/xml", "application/xml-dtd"})
_DECLARED_ENCODING_RE = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_QUERY_ENTITY_RE = re.compile("&([A-Za-z0-9_]+);")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Content types feedparser reads as text, never as base64.
_TEXT_TYPES = frozenset({"text/plain", "text/html"})

_PREFIXES = {
    uri.lower(): prefix for uri, prefix in feedparser.mixin._FeedParserMixin.namespaces.items()
}


class _Unsure(Exception):
    """The document holds something this reader does not copy feedparser on."""


# --- the document as a whole ----------------------------------------------------------


def _charset(content_type: str) -> tuple[str, str | None]:
    media, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower()
    return media.strip().lower(), charset


def _decoded_as_utf8(data: bytes, content_type: str) -> bool:
    """Whether feedparser would read *data* as UTF-8 exactly (its name for it too)."""
    media, charset = _charset(content_type)
    xml_type = media in _XML_MEDIA_TYPES or (
        media.startswith("application/") and media.endswith("+xml")
    )
    if not xml_type and not (media == "text/xml" and charset == "utf-8"):
        return False
    if charset not in (None, "utf-8"):
        return False
    if data.startswith((b"\xef\xbb\xbf", b"\xfe\xff", b"\xff\xfe", b"\x00", b"\x4c\x6f")):
        return False
    declared = _DECLARED_ENCODING_RE.match(data)
    if declared and declared.group(1).lower() != b"utf-8":
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _parse_tree(data: bytes) -> Any:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError) as exc:
        raise _Unsure from exc
    if root is None or root.getroottree().docinfo.doctype:
        raise _Unsure
    return root


# --- one element ---------------------------------------------------------------------


#: Element tag → feedparser's name for it; a document repeats a few tags many times.
_KEYS: dict[str, str] = {}
#: Enough for every tag of the namespaces feedparser knows, not for a hostile variety.
_KEYS_KEPT = 4096


def _key(element: Any) -> str:
    """feedparser's name for *element*: standard prefix, underscore, lower-case name."""
    tag = element.tag
    key = _KEYS.get(tag)
    if key is not None:
        return key
    if not isinstance(tag, str):
        raise _Unsure  # a comment, a processing instruction or an entity
    if tag[0] != "{":
        key = tag.lower()
    else:
        uri, _, local = tag[1:].partition("}")
        prefix = _PREFIXES.get(uri.lower())
        if prefix is None:
            raise _Unsure
        key = f"{prefix}_{local.lower()}" if prefix else local.lower()
    if len(_KEYS) < _KEYS_KEPT:
        _KEYS[tag] = key
    return key


def _attributes(element: Any) -> dict[str, str]:
    """Attributes as feedparser keys them (lower-case; ``rel`` and ``type`` values too)."""
    found: dict[str, str] = {}
    if not len(element.attrib):
        return found
    for name, value in element.attrib.items():
        if name[0] == "{":
            uri, _, local = name[1:].partition("}")
            if uri == _XML_NS and local == "lang":
                continue
            raise _Unsure  # a namespaced attribute: feedparser's keys for them vary
        name = name.lower()
        if name in ("base", "lang"):
            raise _Unsure
        found[name] = value.lower() if name in ("rel", "type") else value
    return found


def _text(element: Any) -> str:
    """The element's text, stripped, when it holds nothing but text."""
    if len(element):
        raise _Unsure
    return (element.text or "").strip()


def _lang(element: Any, inherited: str | None) -> str | None:
    """xml:lang as feedparser tracks it: an empty one clears the inherited language."""
    lang = element.get(_XML_LANG)
    if lang is None:
        return inherited
    return lang or None


def _mended(value: str) -> str:
    """feedparser's repair of UTF-8 text that was read as ISO-8859-1 somewhere upstream."""
    if value.isascii():
        return value
    try:
        return value.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _uri(value: str) -> str:
    """feedparser's resolution of a URI against an empty base."""
    return str(feedparser.mixin._urljoin("", value)) if value else value


def _content_type(attrs: dict[str, str], default: str) -> str:
    kind = str(feedparser.mixin._FeedParserMixin.map_content_type(attrs.get("type", default)))
    if kind not in _TEXT_TYPES or attrs.get("mode") == "base64":
        raise _Unsure  # XHTML, base64 and other content are feedparser's
    return kind


class _Reader:
    """Builds feedparser's dictionaries for one document."""

    def __init__(self, version: str, feed_lang: str | None) -> None:
        self.atom = version.startswith("atom")
        self.feed: dict[str, Any] = {}
        if feed_lang:
            self.feed["language"] = feed_lang.replace("_", "-")
        self.entries: list[dict[str, Any]] = []

    # values

    def _detail(
        self, element: Any, lang: str | None, default_type: str
    ) -> tuple[str, dict[str, Any]]:
        attrs = _attributes(element)
        kind = _content_type(attrs, default_type)
        value = _text(element)
        if (
            not self.atom
            and kind == "text/plain"
            and feedparser.mixin._FeedParserMixin.looks_like_html(value)
        ):
            kind = "text/html"
        value = _mended(value)
        language = lang.replace("_", "-") if lang else lang
        return value, {"type": kind, "language": language, "base": "", "value": value}

    @staticmethod
    def _plain(element: Any, *, uri: bool = False) -> str:
        if _attributes(element):
            raise _Unsure
        value = _text(element)
        if uri:
            value = _uri(value)
        return _mended(value)

    # shared by the feed and its entries

    def _link(self, context: dict[str, Any], element: Any) -> None:
        attrs = _attributes(element)
        if "href" not in attrs:
            if attrs:
                raise _Unsure
            value = self._plain(element, uri=True)
            if context is not self.feed:
                value = value.replace("&amp;", "&")
            value = _QUERY_ENTITY_RE.sub(r"&\g<1>", value)
            link = {"rel": "alternate", "type": "text/html"}
            if value:
                link["href"] = value
            context.setdefault("links", []).append(link)
            context["link"] = value
            return
        if len(element) or (element.text or "").strip():
            raise _Unsure
        attrs.setdefault("rel", "alternate")
        attrs.setdefault("type", "application/atom+xml" if attrs["rel"] == "self" else "text/html")
        for alias in ("url", "uri"):
            if alias in attrs:
                raise _Unsure
        attrs["href"] = _uri(attrs["href"])
        context.setdefault("links", []).append(attrs)
        kind = feedparser.mixin._FeedParserMixin.map_content_type(attrs["type"])
        if attrs["rel"] == "alternate" and kind in _HTML_TYPES:
            context["link"] = attrs["href"]

    @staticmethod
    def _guid(context: dict[str, Any], element: Any) -> None:
        attrs = _attributes(element)
        if set(attrs) - {"ispermalink"}:
            raise _Unsure
        is_link = attrs.get("ispermalink", "true") == "true"
        value = _text(element)
        if is_link:
            value = _uri(value)
        value = _mended(value)
        context["id"] = value
        context.setdefault("guidislink", is_link and "link" not in context)
        if is_link:
            context.setdefault("link", value)

    # the feed

    def read_channel(self, channel: Any, lang: str | None) -> None:
        feed = self.feed
        seen: set[str] = set()
        for child in channel:
            key = _key(child)
            child_lang = _lang(child, lang)
            if key in ("item", "entry"):
                self.entries.append(self.read_entry(child, child_lang))
                continue
            if key in seen and key not in _REPEATABLE_FEED:
                raise _Unsure
            seen.add(key)
            if key == "title":
                value, detail = self._detail(child, child_lang, "text/plain")
                feed["title"] = value
                feed["title_detail"] = detail
            elif key == "link":
                self._link(feed, child)
            elif key in ("id", "guid"):
                self._guid(feed, child)
            elif key == "language":
                feed["language"] = self._plain(child)
            elif key in ("icon", "logo"):
                feed[key] = self._plain(child, uri=True)
            elif key == "image":
                self._image(child)
            elif key not in _IGNORED_FEED or (key in _IGNORED_FEED_LEAVES and len(child)):
                raise _Unsure

    def _image(self, image: Any) -> None:
        if "image" in self.feed or _attributes(image):
            raise _Unsure
        found: dict[str, Any] = {}
        for child in image:
            key = _key(child)
            if key in found or key not in (
                "url",
                "title",
                "link",
                "width",
                "height",
                "description",
            ):
                raise _Unsure
            found[key] = _text(child)
        self.feed["image"] = {"href": _mended(_uri(found["url"]))} if "url" in found else {}

    # an entry

    def read_entry(self, item: Any, lang: str | None) -> dict[str, Any]:
        if _attributes(item):
            raise _Unsure
        entry: dict[str, Any] = {}
        seen: set[str] = set()
        for child in item:
            key = _key(child)
            handler = _ENTRY_HANDLERS.get(key)
            if handler is None:
                raise _Unsure
            group = _SINGLE.get(key)
            if group is not None:
                if group in seen:
                    raise _Unsure
                seen.add(group)
            handler(self, entry, child, _lang(child, lang))
        return entry

    def _title(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        value, detail = self._detail(element, lang, "text/plain")
        entry["title"] = value
        entry["title_detail"] = detail

    def _entry_link(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        self._link(entry, element)

    def _entry_guid(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        self._guid(entry, element)

    def _date(self, key: str) -> Callable[[_Reader, dict[str, Any], Any, str | None], None]:
        def read(reader: _Reader, entry: dict[str, Any], element: Any, lang: str | None) -> None:
            value = reader._plain(element)
            entry[key] = value
            entry[key + "_parsed"] = feedparser.datetimes._parse_date(value)

        return read

    def _summary(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        if "content" in entry:
            raise _Unsure  # feedparser's answer then depends on the order
        default = "text/html" if _key(element) == "description" else "text/plain"
        value, detail = self._detail(element, lang, default)
        entry["summary"] = value
        entry["summary_detail"] = detail

    def _content(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        if "src" in element.attrib:
            raise _Unsure
        default = "text/html" if _key(element) == "content_encoded" else "text/plain"
        value, detail = self._detail(element, lang, default)
        entry.setdefault("content", []).append(detail)
        entry.setdefault("summary", value)

    def _author(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        if _attributes(element):
            raise _Unsure
        if len(element):
            self._atom_author(entry, element)
            return
        entry["author"] = _mended(_text(element))
        entry["authors"] = [feedparser.util.FeedParserDict()]
        # feedparser's own split of "name (email)" strings, run on this entry.
        feedparser.mixin._FeedParserMixin._sync_author_detail(_Context(entry))

    @staticmethod
    def _atom_author(entry: dict[str, Any], element: Any) -> None:
        if (element.text or "").strip():
            raise _Unsure
        parts: dict[str, str] = {}
        for child in element:
            key = _key(child)
            if key in parts or key not in ("name", "email", "uri") or _attributes(child):
                raise _Unsure
            parts[key] = _text(child)
            if (child.tail or "").strip():
                raise _Unsure
        name = parts.get("name")
        if not name:
            raise _Unsure
        entry["author_detail"] = {"name": name}

    def _category(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        attrs = _attributes(element)
        tags = entry.setdefault("tags", [])
        if "term" in attrs or "label" in attrs:
            if _text(element):
                raise _Unsure
            tags.append({"term": attrs.get("term"), "label": attrs.get("label")})
            return
        value = _mended(_text(element))
        if value:
            tags.append({"term": value})

    def _leaf(
        self, key: str, *, uri: bool = False
    ) -> Callable[[_Reader, dict[str, Any], Any, str | None], None]:
        def read(reader: _Reader, entry: dict[str, Any], element: Any, lang: str | None) -> None:
            entry[key] = reader._plain(element, uri=uri)

        return read

    def _enclosure(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        attrs = _attributes(element)
        if len(element) or (element.text or "").strip() or "uri" in attrs:
            raise _Unsure
        href = attrs.pop("url", None) or attrs.get("href")
        if href:
            attrs["href"] = href
        attrs["rel"] = "enclosure"
        entry.setdefault("links", []).append(attrs)

    def _media_content(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        if (element.text or "").strip():
            raise _Unsure
        entry.setdefault("media_content", []).append(_attributes(element))
        self._media_children(entry, element, lang, ("media_thumbnail", "media_credit"))

    def _media_group(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        if _attributes(element) or (element.text or "").strip():
            raise _Unsure
        kinds = ("media_content", "media_thumbnail", "media_credit")
        self._media_children(entry, element, lang, kinds)

    def _media_children(
        self, entry: dict[str, Any], element: Any, lang: str | None, kinds: tuple[str, ...]
    ) -> None:
        """Children that feedparser files under the entry itself, whatever holds them."""
        for child in element:
            key = _key(child)
            if key not in kinds:
                raise _Unsure
            _ENTRY_HANDLERS[key](self, entry, child, lang)

    def _media_credit(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        credits = entry.setdefault("media_credit", [])
        credits.append(_attributes(element))
        credit = _mended(_text(element))
        if credit:
            credits[-1]["content"] = credit

    def _media_thumbnail(self, entry: dict[str, Any], element: Any, lang: str | None) -> None:
        attrs = _attributes(element)
        if len(element) or (element.text or "").strip():
            raise _Unsure
        entry.setdefault("media_thumbnail", []).append(attrs)


class _Context:
    """What feedparser's author-splitting method needs from its parser: the entry."""

    def __init__(self, context: dict[str, Any]) -> None:
        self.context = context

    def _get_context(self) -> dict[str, Any]:
        return self.context


_Handler = Callable[[_Reader, dict[str, Any], Any, "str | None"], None]
_BOUND = _Reader("", None)
_ENTRY_HANDLERS: dict[str, _Handler] = {
    "title": _Reader._title,
    "link": _Reader._entry_link,
    "guid": _Reader._entry_guid,
    "id": _Reader._entry_guid,
    "pubdate": _BOUND._date("published"),
    "published": _BOUND._date("published"),
    "updated": _BOUND._date("updated"),
    "dc_date": _BOUND._date("updated"),
    "description": _Reader._summary,
    "summary": _Reader._summary,
    "content_encoded": _Reader._content,
    "content": _Reader._content,
    "author": _Reader._author,
    "dc_creator": _Reader._author,
    "category": _Reader._category,
    "dc_subject": _Reader._category,
    "comments": _BOUND._leaf("comments", uri=True),
    "wfw_commentrss": _BOUND._leaf("wfw_commentrss", uri=True),
    "slash_comments": _BOUND._leaf("slash_comments"),
    "enclosure": _Reader._enclosure,
    "media_content": _Reader._media_content,
    "media_thumbnail": _Reader._media_thumbnail,
    "media_credit": _Reader._media_credit,
    "media_group": _Reader._media_group,
}
#: Elements an entry may hold once; names in one group stand for the same field.
_SINGLE = {
    "title": "title",
    "guid": "id",
    "id": "id",
    "pubdate": "published",
    "published": "published",
    "updated": "updated",
    "dc_date": "updated",
    "description": "summary",
    "summary": "summary",
    "content_encoded": "content",
    "content": "content",
    "author": "author",
    "dc_creator": "author",
    "comments": "comments",
    "wfw_commentrss": "wfw_commentrss",
    "slash_comments": "slash_comments",
}
#: Feed-level elements that change nothing the records use.
_IGNORED_FEED_LEAVES = frozenset(
    {
        "description",
        "subtitle",
        "lastbuilddate",
        "pubdate",
        "updated",
        "ttl",
        "generator",
        "copyright",
        "rights",
        "docs",
        "managingeditor",
        "webmaster",
        "category",
        "sy_updateperiod",
        "sy_updatefrequency",
    }
)
_IGNORED_FEED = _IGNORED_FEED_LEAVES | {"author"}
_REPEATABLE_FEED = frozenset({"link", "category", "author"})


def _version(root: Any) -> tuple[str, Any] | None:
    """feedparser's version name for the document and the element holding the feed."""
    declared = {uri.lower() for uri in root.nsmap.values() if uri}
    if declared & _OLD_RSS_NAMESPACES:
        return None
    if root.tag == f"{{{_ATOM_NS}}}feed":
        return "atom10", root
    if root.tag == "rss" and root.get("version") == "2.0" and len(root) == 1:
        channel = root[0]
        if channel.tag == "channel" and not (root.text or "").strip():
            return "rss20", channel
    return None


def _checked_everywhere(root: Any) -> None:
    """Refuse documents with xml:base anywhere (relative links would need it)."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            raise _Unsure
        if element.get(_XML_BASE) is not None or element.get("lang") is not None:
            raise _Unsure


def read_feed(data: bytes, content_type: str) -> dict[str, Any] | None:
    """feedparser's result dictionary for *data*, or ``None`` when feedparser must decide.

    *data* and *content_type* are what :func:`~newsreader.fetch.encoding.prepare_feed_bytes`
    produced.  The answer holds ``feed``, ``entries``, ``version``, ``bozo`` and
    ``encoding`` with the keys :mod:`newsreader.fetch.parse` reads.
    """
    if not _decoded_as_utf8(data, content_type) or may_hold_c1_controls(data, content_type):
        return None
    try:
        root = _parse_tree(data)
        found = _version(root)
        if found is None:
            return None
        version, channel = found
        _checked_everywhere(root)
        root_lang = _lang(root, None)
        reader = _Reader(version, root_lang)
        if channel is not root and (_attributes(channel) or channel.get(_XML_LANG) is not None):
            raise _Unsure
        if set(_attributes(root)) - ({"version"} if channel is not root else set()):
            raise _Unsure
        reader.read_channel(channel, root_lang)
    except _Unsure:
        return None
    return {
        "feed": reader.feed,
        "entries": reader.entries,
        "version": version,
        "bozo": 0,
        "encoding": "utf-8",
    }
