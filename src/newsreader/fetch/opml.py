"""Reading and writing OPML subscription lists.

OPML is how feed readers hand subscriptions to each other, so the reader is lenient
about the dialects real exporters write (attribute case, ``text`` versus ``title``,
nested folders, extra namespaced attributes) and strict about one thing: the XML must
never make us expand entities or fetch anything.  An OPML file is untrusted input that a
user picked from anywhere, and entity tricks (billion laughs, external entities that
read local files) are the classic way such a file attacks an XML parser.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import NoReturn
from xml.parsers import expat

from newsreader.core.errors import OPMLError

__all__ = ["FOLDER_SEPARATOR", "OutlineFeed", "read_opml", "write_opml"]

#: Joins the names of nested folders into one folder name ("News / Sport").
FOLDER_SEPARATOR = " / "

# Characters XML 1.0 cannot carry at all; a title holding one would break the export.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class OutlineFeed:
    """One subscription as an OPML file lists it."""

    url: str
    title: str | None = None
    site_url: str | None = None
    #: Folder path, nested levels joined with :data:`FOLDER_SEPARATOR`; ``None`` at top level.
    folder: str | None = None


# --------------------------------------------------------------------------- reading


def read_opml(data: bytes) -> list[OutlineFeed]:
    """Return the feeds an OPML document subscribes to, in document order.

    Each URL is listed once (the first outline naming it wins), because exporters that
    allow a feed in several folders write it several times and Newsreader keeps a feed
    in one folder.

    Raises:
        OPMLError: the bytes are not well-formed XML, declare entities, or are not OPML.
    """
    _refuse_entities(data)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise OPMLError(f"The file is not valid XML: {exc}") from exc
    if _local_name(root.tag) != "opml":
        raise OPMLError(
            f"The file is not an OPML document (its root element is <{_local_name(root.tag)}>)."
        )
    body = _child(root, "body")
    if body is None:
        raise OPMLError("The OPML document has no <body> element.")
    return _unique(_walk(body, ()))


def _refuse_entities(data: bytes) -> None:
    """Reject any document that declares entities, before the real parse sees it.

    A first pass with expat's declaration handlers is exact (no text matching that an
    encoding or a comment could fool) and stops at the first declaration.
    """
    parser = expat.ParserCreate()

    def refuse(*_args: object) -> NoReturn:
        raise OPMLError("The OPML file declares XML entities, which Newsreader refuses to load.")

    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code)
        raise OPMLError(f"The file is not valid XML (line {exc.lineno}): {reason}.") from exc


def _walk(element: ET.Element, folders: tuple[str, ...]) -> Iterator[OutlineFeed]:
    """Yield the feeds below ``element``; ``folders`` is the path of enclosing folders."""
    for outline in element:
        if _local_name(outline.tag) != "outline":
            continue
        attrs = _attributes(outline)
        url = _clean(attrs.get("xmlurl"))
        if url:
            yield _feed(url, attrs, folders)
            # A feed outline with children is malformed; keep its children in the same folder.
            yield from _walk(outline, folders)
        elif len(outline):
            name = _clean(attrs.get("text")) or _clean(attrs.get("title"))
            yield from _walk(outline, (*folders, name) if name else folders)


def _feed(url: str, attrs: dict[str, str], folders: tuple[str, ...]) -> OutlineFeed:
    """Build one feed; ``text`` is OPML's display name, ``title`` its optional twin."""
    title = _clean(attrs.get("text")) or _clean(attrs.get("title"))
    if title == url:  # a name that only repeats the address is no name
        title = None
    return OutlineFeed(
        url=url,
        title=title,
        site_url=_clean(attrs.get("htmlurl")),
        folder=FOLDER_SEPARATOR.join(folders) or None,
    )


def _unique(feeds: Iterable[OutlineFeed]) -> list[OutlineFeed]:
    seen: set[str] = set()
    result: list[OutlineFeed] = []
    for feed in feeds:
        if feed.url not in seen:
            seen.add(feed.url)
            result.append(feed)
    return result


def _attributes(element: ET.Element) -> dict[str, str]:
    """Attributes keyed by lower-case name, because exporters disagree on ``xmlUrl``'s case.

    Namespaced attributes (Thunderbird's ``fz:*`` options) carry nothing we use.
    """
    return {key.lower(): value for key, value in element.attrib.items() if not key.startswith("{")}


def _child(element: ET.Element, name: str) -> ET.Element | None:
    return next((child for child in element if _local_name(child.tag) == name), None)


def _local_name(tag: object) -> str:
    """Lower-case tag name without its namespace (comments and PIs have non-string tags)."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2].lower()


def _clean(value: str | None) -> str | None:
    """Collapse whitespace runs (exported titles often carry newlines); empty becomes None."""
    if value is None:
        return None
    return " ".join(value.split()) or None


# --------------------------------------------------------------------------- writing


@dataclass
class _FolderNode:
    """A folder while the export is assembled: sub-folders and feeds in first-seen order."""

    name: str
    items: list[_FolderNode | OutlineFeed] = field(default_factory=list)
    folders: dict[str, _FolderNode] = field(default_factory=dict)

    def folder(self, name: str) -> _FolderNode:
        node = self.folders.get(name)
        if node is None:
            node = self.folders[name] = _FolderNode(name)
            self.items.append(node)
        return node


def write_opml(
    feeds: Iterable[OutlineFeed],
    *,
    title: str = "Newsreader subscriptions",
    created: datetime | None = None,
) -> bytes:
    """Serialise ``feeds`` as a pretty-printed OPML 2.0 document in UTF-8.

    Folders become folder outlines (a name holding :data:`FOLDER_SEPARATOR` becomes
    nested folders), so :func:`read_opml` gives back the same feeds and folders.
    ``created`` fixes ``<dateCreated>`` (now, by default).
    """
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _xml_text(title)
    stamp = (created or datetime.now(UTC)).astimezone(UTC)
    ET.SubElement(head, "dateCreated").text = format_datetime(stamp, usegmt=True)
    body = ET.SubElement(root, "body")
    _emit(body, _tree(feeds))
    ET.indent(root, space="  ")
    xml = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n").encode("utf-8")


def _tree(feeds: Iterable[OutlineFeed]) -> _FolderNode:
    top = _FolderNode("")
    for feed in feeds:
        node = top
        for part in (feed.folder or "").split(FOLDER_SEPARATOR):
            name = _clean(part)
            if name:
                node = node.folder(name)
        node.items.append(feed)
    return top


def _emit(parent: ET.Element, node: _FolderNode) -> None:
    for item in node.items:
        if isinstance(item, _FolderNode):
            name = _xml_text(item.name)
            _emit(ET.SubElement(parent, "outline", text=name, title=name), item)
        else:
            ET.SubElement(parent, "outline", _feed_attributes(item))


def _feed_attributes(feed: OutlineFeed) -> dict[str, str]:
    """``text`` is required by OPML, so an untitled feed shows its URL there."""
    attrs = {"type": "rss", "text": _xml_text(feed.title or feed.url)}
    if feed.title:
        attrs["title"] = _xml_text(feed.title)
    attrs["xmlUrl"] = _xml_text(feed.url)
    if feed.site_url:
        attrs["htmlUrl"] = _xml_text(feed.site_url)
    return attrs


def _xml_text(value: str) -> str:
    return _XML_ILLEGAL.sub("", value)
