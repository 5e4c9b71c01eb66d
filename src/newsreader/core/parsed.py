"""What parsing a feed yields: plain, picklable records (they cross process boundaries).

:mod:`newsreader.fetch.parse` makes them from bytes; :mod:`newsreader.update` decides
what to store from them.  Content here is already sanitized and directions are known.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from newsreader.core.search_text import EntryDocument
from newsreader.core.types import Direction


@dataclass(frozen=True, slots=True)
class ParsedEnclosure:
    url: str
    type: str | None = None
    length: int | None = None
    medium: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    #: Stable identity within the feed: guid, else link, else a hash of title+content.
    key: str
    title: str
    link: str | None
    author: str | None
    summary: str | None  # plain text lead (tags stripped), may be None
    content_html: str | None  # sanitized HTML, relative URLs resolved
    published: datetime | None
    updated: datetime | None
    language: str | None
    direction: Direction
    categories: tuple[str, ...] = ()
    enclosures: tuple[ParsedEnclosure, ...] = ()
    image_url: str | None = None  # lead image (media:content / thumbnail / first <img>)
    image_caption: str | None = None  # its credit or caption
    comments_url: str | None = None  # <comments>: the comments web page
    comments_feed_url: str | None = None  # wfw:commentRss or Atom rel="replies"
    comment_count: int | None = None  # slash:comments or thr:count
    #: For comment feeds: the guid/URL this entry replies to (thr:in-reply-to ref).
    in_reply_to: str | None = None
    #: Hash of everything stored for the entry: an unchanged entry is not rewritten.
    content_hash: str = ""
    #: The entry's own text as the search index stores it
    #: (:func:`~newsreader.core.search_text.entry_document`), made by the parser; an
    #: entry made elsewhere has none and storing it makes it.
    search_document: EntryDocument | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    link: str | None  # the site's web page
    language: str | None
    icon_url: str | None
    entries: tuple[ParsedEntry, ...] = ()
    #: Set when the XML was malformed; the entries before the fault are still kept.
    warning: str | None = None
    direction: Direction | None = None
