"""Article HTML as Newsreader reads it: which elements count for what, and one walk over it.

Three readers of article markup must agree on what its elements are: the sanitizer
that decides what is stored (:mod:`newsreader.fetch.sanitize`), the reading pane's
renderer that re-checks and re-emits a stored body (:mod:`newsreader.ui.article_page`)
and the plain-text helpers (:func:`newsreader.core.text.html_to_text`, the sanitizer's
``strip_tags``).  Their tag sets are all built from the tables here, so a tag added
for one is seen by the others.

:func:`walk_html` is the one way the code reads markup without a full HTML parser:
the standard library's forgiving tokenizer, its callbacks turned into a sequence of
events with attributes already normalised, so that each reader is a plain loop.

Pure standard library: parse workers import it without loading anything else.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from types import MappingProxyType
from typing import NamedTuple

__all__ = [
    "ALLOWED_ATTRIBUTES",
    "ALLOWED_TAGS",
    "BLOCK_TAGS",
    "HIDDEN_TAGS",
    "LINE_TAGS",
    "REMOVED_WITH_CONTENT",
    "VOID_TAGS",
    "EndTag",
    "HtmlEvent",
    "StartTag",
    "walk_html",
]

# --- the stored subset ----------------------------------------------------------------

#: What a stored article body may contain: a reading-oriented subset, no scripts,
#: styles, frames, forms or media players.
ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "s",
        "del",
        "ins",
        "sub",
        "sup",
        "blockquote",
        "q",
        "cite",
        "code",
        "pre",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "img",
        "figure",
        "figcaption",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "hr",
        "span",
        "div",
        "abbr",
        "time",
        "small",
        "mark",
        "bdi",
        "bdo",
    }
)

#: Elements removed together with everything inside them: their content is code,
#: controls or fallback text, never part of the article.
REMOVED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "form",
        "input",
        "button",
        "select",
        "textarea",
        "svg",
        "math",
        "noscript",
        "template",
        "audio",
        "video",
        "canvas",
        "noembed",
        "noframes",
    }
)

#: Attributes kept, by tag (``*``: on every tag).  ``dir`` and ``lang`` survive
#: everywhere because mixed Arabic and Latin text needs them to render correctly.
ALLOWED_ATTRIBUTES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "*": frozenset({"dir", "lang"}),
        "a": frozenset({"href", "title"}),
        "img": frozenset({"src", "alt", "title", "width", "height"}),
        "td": frozenset({"colspan", "rowspan"}),
        "th": frozenset({"colspan", "rowspan"}),
        "time": frozenset({"datetime"}),
        "abbr": frozenset({"title"}),
    }
)

# --- what elements are --------------------------------------------------------------

#: Elements that never have content or an end tag (HTML's serialisation list), so a
#: reader that keeps a stack of open elements must not push them.
VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)

#: Elements whose content a browser never shows: a document's metadata and code.
HIDDEN_TAGS = frozenset({"head", "title", "script", "style", "template", "noscript"})

#: Elements that stand apart as paragraphs in plain text: a blank line before and after.
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "dl",
        "table",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "section",
        "article",
        "header",
        "footer",
        "aside",
        "address",
        "nav",
        "main",
        "details",
        "summary",
    }
)

#: Elements that start a line of their own in plain text, within a paragraph.
LINE_TAGS = frozenset({"li", "tr", "dt", "dd", "figcaption", "caption"})

# --- walking markup ---------------------------------------------------------------


class StartTag(NamedTuple):
    """An element's start: ``<a href="...">`` or, with *self_closing*, ``<br/>``."""

    #: Lower-case tag name.
    name: str
    #: Lower-case attribute names; entities decoded; an attribute written without a
    #: value reads as ``""``; of an attribute written twice, the last counts.
    attrs: Mapping[str, str]
    #: Written as ``<tag/>``: no end tag follows, whatever the element.
    self_closing: bool
    #: The tag exactly as written, for code that copies markup through.
    source: str


class EndTag(NamedTuple):
    """An end tag, ``</a>``, whether or not a matching start tag came before it."""

    name: str


#: What :func:`walk_html` yields; text is a plain string, entities decoded.
HtmlEvent = StartTag | EndTag | str


class _EventParser(HTMLParser):
    """The standard tokenizer, recording each callback as an event."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[HtmlEvent] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(
            StartTag(tag, {n: v or "" for n, v in attrs}, False, self.get_starttag_text() or "")
        )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(
            StartTag(tag, {n: v or "" for n, v in attrs}, True, self.get_starttag_text() or "")
        )

    def handle_endtag(self, tag: str) -> None:
        self.events.append(EndTag(tag))

    def handle_data(self, data: str) -> None:
        self.events.append(data)


def walk_html(markup: str) -> Iterator[HtmlEvent]:
    """The start tags, end tags and text of *markup*, in document order.

    Forgiving like a browser's tokenizer, and no more: nothing is closed or nested
    for the caller, so unbalanced markup comes out as written.  Comments,
    declarations and processing instructions are left out; the content of
    ``<script>`` and ``<style>`` comes out as text.
    """
    parser = _EventParser()
    parser.feed(markup)
    parser.close()
    yield from parser.events
