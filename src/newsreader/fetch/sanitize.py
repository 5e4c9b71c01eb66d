"""HTML sanitizing for article content, with nh3.

Feeds carry arbitrary HTML.  Newsreader shows articles without scripts, styles,
frames, forms, trackers' event handlers or remote code, so everything is reduced to a
reading-oriented subset before it is stored.  ``dir`` and ``lang`` survive on every
element because mixed Arabic/Latin text needs them to render correctly.  Tracking
pixels (images declared 0 or 1 pixel wide or high, by attribute or by style) go
too: they are never fetched.
"""

from __future__ import annotations

import html
import re
from typing import Literal
from urllib.parse import urljoin, urlsplit

import nh3

from newsreader.core.html import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    BLOCK_TAGS,
    LINE_TAGS,
    REMOVED_WITH_CONTENT,
    VOID_TAGS,
)

__all__ = ["first_image", "sanitize_html", "strip_tags"]

URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"

_IMG_WITHOUT_SRC_RE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")

#: An ``href``/``src`` in nh3's output whose value has no scheme: a relative URL.
#: nh3 always writes attributes double-quoted with ``"`` escaped, and ``<`` never
#: appears raw in text, so a match is certainly inside an ``<a>`` or ``<img>`` tag.
_RELATIVE_ATTR_RE = re.compile(
    r'(<(?:a|img)\s[^>]*?\b(?:href|src)=")(?![a-zA-Z][a-zA-Z0-9+.\-]*:)([^"]*)"'
)


def _cleaner(url_relative: Literal["pass_through", "deny"]) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
        url_relative=url_relative,
    )


# Two cleaners built once: building one costs as much as cleaning an article, and
# nh3's own base-URL rewriting would need a new cleaner for every article.
#: Keeps relative URLs for :func:`_resolve_relative` to make absolute.
_KEEP_RELATIVE = _cleaner("pass_through")
#: Drops relative URLs: without a base they cannot lead anywhere sensible.
_DROP_RELATIVE = _cleaner("deny")


class _Joiner:
    """Resolves relative URLs against one base, with fast paths for the usual forms.

    ``urljoin`` parses the base again for every URL; root-relative ("/path") and
    protocol-relative ("//host/path") URLs, which most feeds use, need only the
    base's scheme and host, and a plain relative path ("images/a.png") only the
    base's directory.  Anything with dot segments, a backslash, a colon before the
    first slash, or nothing but a query or fragment goes through ``urljoin``.
    """

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        parts = urlsplit(base_url)
        self.scheme = parts.scheme
        self.origin = f"{parts.scheme}://{parts.netloc}"
        path = parts.path or "/"
        # A base whose own path has dot segments needs urljoin's clean-up.
        self.directory = (
            None if "/." in path or "\\" in path else self.origin + path[: path.rfind("/") + 1]
        )

    def join(self, url: str) -> str:
        if url.startswith("//"):
            return f"{self.scheme}:{url}"
        if "/." in url or "\\" in url or url.startswith("."):
            return urljoin(self.base_url, url)
        if url.startswith("/"):
            return self.origin + url
        if (
            self.directory is not None
            and url
            and url[0] not in "?#"
            and ":" not in url.split("/", 1)[0]
        ):
            return self.directory + url
        return urljoin(self.base_url, url)


def _resolve_relative(cleaned: str, base_url: str) -> str:
    """*cleaned* with relative ``href``/``src`` values resolved against *base_url*."""
    joiner = _Joiner(base_url)

    def absolute(match: re.Match[str]) -> str:
        value = match.group(2)
        if "&" in value:
            value = html.unescape(value)
        try:
            url = joiner.join(value.strip())
        except ValueError:
            url = ""
        if not url.lower().startswith(("http://", "https://")):
            url = ""
        return match.group(1) + html.escape(url, quote=True) + '"'

    return _RELATIVE_ATTR_RE.sub(absolute, cleaned)


# --- tracking pixels ------------------------------------------------------------------

#: An ``<img>`` tag in the feed's own markup (before cleaning: its style is still there).
_RAW_IMG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_RAW_ATTR_RE = re.compile(r"""([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
#: A length of at most one pixel: 0, 1, 1px, 0.0 ...
_PIXEL_LENGTH_RE = re.compile(r"\s*[01](?:\.0*)?\s*(?:px)?\s*(?:!important)?\s*", re.IGNORECASE)
_STYLE_SIZE_RE = re.compile(r"(?:^|;)\s*(?:width|height)\s*:([^;]*)", re.IGNORECASE)


def _is_pixel(tag: str) -> bool:
    """Whether an ``<img>`` tag declares a width or height of 0 or 1 pixel."""
    for name, double, single, bare in _RAW_ATTR_RE.findall(tag):
        value = html.unescape(double or single or bare)
        name = name.lower()
        if name in ("width", "height") and _PIXEL_LENGTH_RE.fullmatch(value):
            return True
        if name == "style" and any(
            _PIXEL_LENGTH_RE.fullmatch(length) for length in _STYLE_SIZE_RE.findall(value)
        ):
            return True
    return False


def _without_pixels(markup: str) -> str:
    """*markup* without the ``<img>`` tags that declare themselves tracking pixels."""

    def keep(match: re.Match[str]) -> str:
        tag = match.group(0)
        return "" if _is_pixel(tag) else tag

    return _RAW_IMG_RE.sub(keep, markup)


def sanitize_html(markup: str, base_url: str | None) -> str:
    """Reduce *markup* to safe, reading-oriented HTML with absolute URLs.

    Relative URLs are resolved against *base_url* (an absolute http/https URL) and
    dropped without one.  Links get ``rel="noopener noreferrer nofollow"``;
    ``javascript:``, ``vbscript:`` and ``data:`` URLs disappear, and so do images
    that are left without a source and images declared 0 or 1 pixel wide or high.
    """
    if not markup:
        return ""
    markup = _without_pixels(markup)
    if base_url and base_url.lower().startswith(("http://", "https://")):
        cleaned = _KEEP_RELATIVE.clean(markup)
        if '="' in cleaned:
            cleaned = _resolve_relative(cleaned, base_url)
    else:
        cleaned = _DROP_RELATIVE.clean(markup)
    if "<img" in cleaned:
        cleaned = _IMG_WITHOUT_SRC_RE.sub("", cleaned)
    return cleaned.strip()


# --- plain text ---------------------------------------------------------------------

#: Elements whose content is not text: what the sanitizer removes with its content
#: (void ones have none), and a whole document's ``<head>``.
_INVISIBLE = (REMOVED_WITH_CONTENT - VOID_TAGS) | {"head"}
#: Tags at which words part.  Summaries and search text have always been made
#: without these five, and breaking at them now would change stored text (and the
#: content hash of every article whose raw summary uses one).
_NOT_WORD_BREAKS = frozenset({"address", "nav", "main", "details", "summary"})
_WORD_BREAKS = (BLOCK_TAGS | LINE_TAGS | {"br", "td", "th"}) - _NOT_WORD_BREAKS


def _names(tags: frozenset[str]) -> str:
    return "|".join(sorted(tags))


_INVISIBLE_RE = re.compile(
    rf"<!--.*?(?:-->|\Z)|<({_names(_INVISIBLE)})\b.*?(?:</\1\s*>|\Z)",
    re.IGNORECASE | re.DOTALL,
)
_BLOCK_TAG_RE = re.compile(rf"</?(?:{_names(_WORD_BREAKS)})\b[^>]*>", re.IGNORECASE)
_ANY_TAG_RE = re.compile(r"</?[A-Za-z][^>]*>|<![^>]*>|<\?[^>]*>")
_SPACE_RE = re.compile(r"\s+")


def strip_tags(markup: str) -> str:
    """Plain text of *markup* for summaries and search: one line, entities decoded.

    Block-level tags become spaces so that words from adjacent paragraphs do not run
    together; scripts, styles and comments vanish with their content.
    """
    if "<" in markup:
        markup = _INVISIBLE_RE.sub(" ", markup)
        markup = _BLOCK_TAG_RE.sub(" ", markup)
        markup = _ANY_TAG_RE.sub("", markup)
    if "&" in markup:
        markup = html.unescape(markup)
    return _SPACE_RE.sub(" ", markup).strip()


# --- lead image ---------------------------------------------------------------------

_IMG_RE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR_RE = re.compile(r'\s([a-zA-Z-]+)="([^"]*)"')
_FIGURE_OPEN_RE = re.compile(r"<figure\b[^>]*>", re.IGNORECASE)
_FIGCAPTION_RE = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
_PIXEL_SIZES = frozenset({"0", "1"})


def _attributes(tag: str) -> dict[str, str]:
    """Attributes of one sanitized tag (nh3 always writes them double-quoted)."""
    return {name.lower(): html.unescape(value) for name, value in _ATTR_RE.findall(tag)}


def _figure_caption(markup: str, img_start: int, img_end: int) -> str | None:
    """The figcaption of the ``<figure>`` that encloses the image at *img_start*."""
    opening = markup.rfind("<figure", 0, img_start)
    if opening < 0 or "</figure>" in markup[opening:img_start]:
        return None
    if not _FIGURE_OPEN_RE.match(markup, opening):
        return None
    closing = markup.find("</figure>", img_end)
    region_end = closing if closing >= 0 else len(markup)
    region = markup[opening:region_end]
    match = _FIGCAPTION_RE.search(region)
    if not match:
        return None
    return strip_tags(match.group(1)) or None


def first_image(markup: str) -> tuple[str | None, str | None]:
    """Source and caption of the first real image in sanitized *markup*.

    Used as the lead image when a feed gives none.  Tracking pixels (1×1 images) are
    skipped.  The caption is the enclosing figure's figcaption, else the alt text.
    """
    if "<img" not in markup:
        return None, None
    for match in _IMG_RE.finditer(markup):
        attrs = _attributes(match.group(0))
        src = attrs.get("src", "").strip()
        if not src:
            continue
        if attrs.get("width") in _PIXEL_SIZES or attrs.get("height") in _PIXEL_SIZES:
            continue
        caption = _figure_caption(markup, match.start(), match.end())
        if caption is None:
            caption = (attrs.get("alt") or attrs.get("title") or "").strip() or None
        return src, caption
    return None, None
