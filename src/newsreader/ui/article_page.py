"""The article page: one HTML document for the reading pane, built without Qt.

The reading pane is a ``QTextBrowser``, which understands a subset of HTML 4 and
CSS (no flexbox, no ``max-width``, images at their own size), runs no scripts and
loads only what the pane allows.  This module turns an :class:`Article` into a page
within that subset, laid out like a news site's article: headline, source line,
author and date, lead, lead picture with its credit, body, attachments, the source
line, the comment count (a link to the comments panel), related headlines.

Two rules shape it:

* **Nothing remote.**  Every picture goes through ``image_src``, which answers with
  a local ``file:`` URL from the offline cache or ``None``; a picture that is not
  cached shows its alt text or caption instead, so opening an article never reveals
  to anyone that it was read.
* **Each text in its own direction.**  The article block carries the article's
  direction whatever the interface language, and a paragraph written in the other
  direction (an English quote in an Arabic report) gets its own ``dir``, so its
  words and punctuation are ordered correctly and it aligns to its own start.

The body is stored sanitized already; it is parsed again here and re-emitted from
an allow-list, both to map tags Qt does not know onto ones it does and so that
nothing hostile could slip through should a stored body ever be unsanitized.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from newsreader.core.html import (
    HIDDEN_TAGS,
    REMOVED_WITH_CONTENT,
    VOID_TAGS,
    EndTag,
    StartTag,
    walk_html,
)
from newsreader.core.text import detect_direction
from newsreader.core.types import Article, ArticleSummary, Direction, Enclosure

__all__ = [
    "ARTICLE_LINK_SCHEME",
    "COMMENTS_LINK_SCHEME",
    "DEFAULT_COLORS",
    "DEFAULT_LABELS",
    "LTR_FONTS",
    "RTL_FONTS",
    "article_id_from_link",
    "article_link",
    "render_article",
]

#: Links to other articles, handled by the pane itself: ``newsreader-article:42``.
ARTICLE_LINK_SCHEME = "newsreader-article"
#: The comment count's link, which opens the comments panel: ``newsreader-comments:42``.
COMMENTS_LINK_SCHEME = "newsreader-comments"

#: Naskh faces read best for Arabic body text; DejaVu Sans covers the rest.
RTL_FONTS: tuple[str, ...] = ("Noto Naskh Arabic", "Amiri", "KacstBook", "DejaVu Sans")
#: A book face for Latin text, with the Arabic faces after it for Arabic words.
LTR_FONTS: tuple[str, ...] = (
    "Noto Serif",
    "DejaVu Serif",
    "Georgia",
    "Times New Roman",
    "Noto Naskh Arabic",
    "Amiri",
)
#: Headlines and the small print (source line, captions) in a sans face.
_LTR_SANS: tuple[str, ...] = (
    "Noto Sans",
    "DejaVu Sans",
    "Segoe UI",
    "Helvetica",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
)
_RTL_SANS: tuple[str, ...] = ("Noto Sans Arabic", "Noto Naskh Arabic", "Amiri", "DejaVu Sans")

#: The English wording of every label; the pane passes translated ones.
DEFAULT_LABELS: Mapping[str, str] = {
    "image_unavailable": "Image not available offline",
    "related": "Related news",
    "attachments": "Attachments",
    "video": "Video",
    "audio": "Audio",
    "image": "Image",
    "file": "File",
    "open": "Open in browser",
    "read_original": "Read the full article on the website",
    "topics": "Topics",
    "untitled": "(untitled)",
    "source": "Source",
    "first_seen": "First seen %1",
    # the comment count linking to the comments panel ("" when there are none)
    "comments": "",
}

#: Colours for a light page; the pane passes ones matching its palette.
DEFAULT_COLORS: Mapping[str, str] = {
    "muted": "#5f6368",
    "box": "#eceff3",
    "rule": "#d5d9de",
}

_SEPARATOR = " · "
_WEB_SCHEMES = ("http://", "https://")
_LINK_SCHEMES = ("http://", "https://", "mailto:")
_SPACE_RE = re.compile(r"\s+")


def article_link(article_id: int) -> str:
    """The in-page link that opens another article."""
    return f"{ARTICLE_LINK_SCHEME}:{article_id}"


def article_id_from_link(link: str) -> int | None:
    """The article id of a link made by :func:`article_link`, else ``None``."""
    prefix = ARTICLE_LINK_SCHEME + ":"
    if not link.startswith(prefix):
        return None
    rest = link[len(prefix) :]
    return int(rest) if rest.isascii() and rest.isdigit() else None


# --- a small tree of the stored body --------------------------------------------


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Element | str] = field(default_factory=list)


#: Dropped with all they contain, in case a body ever arrives unsanitized.  A void
#: one has no content to drop; left in, it is an unknown element and shows nothing.
_DROPPED = (REMOVED_WITH_CONTENT | HIDDEN_TAGS) - VOID_TAGS


def _parse(markup: str) -> _Element:
    """A forgiving tree of *markup*: an end tag without an open element is ignored."""
    root = _Element("#root")
    stack = [root]
    skipping: list[str] = []  # the dropped element being skipped, once per nesting
    for event in walk_html(markup):
        match event:
            case str():
                if not skipping:
                    stack[-1].children.append(event)
            case StartTag(name=tag, attrs=attrs, self_closing=closed):
                opens = not closed and tag not in VOID_TAGS
                if skipping or tag in _DROPPED:
                    if opens and (not skipping or tag == skipping[-1]):
                        skipping.append(tag)
                    continue
                element = _Element(tag, dict(attrs))
                stack[-1].children.append(element)
                if opens:
                    stack.append(element)
            case EndTag(name=tag):
                if skipping:
                    if tag == skipping[-1]:
                        skipping.pop()
                    continue
                for depth in range(len(stack) - 1, 0, -1):
                    if stack[depth].tag == tag:
                        del stack[depth:]
                        break
    return root


def _text_of(node: _Element | str) -> str:
    if isinstance(node, str):
        return node
    if node.tag == "img":
        return ""
    return "".join(_text_of(child) for child in node.children)


def _squash(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


# --- writing the body back out ---------------------------------------------------

#: Tags Qt's rich text knows, written out as they are.
_KEPT = frozenset(
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
        "sub",
        "sup",
        "blockquote",
        "code",
        "pre",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
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
        "small",
        "big",
        "tt",
    }
)
#: Tags Qt does not know, written as the nearest one it does.
_RENAMED = {
    "h1": "h2",  # the headline is the page's only h1
    "figure": "div",
    "figcaption": "p",
    "section": "div",
    "article": "div",
    "header": "div",
    "footer": "div",
    "aside": "div",
    "main": "div",
    "nav": "div",
    "address": "p",
    "details": "div",
    "summary": "p",
    "del": "s",
    "strike": "s",
    "ins": "u",
    "mark": "b",
    "cite": "i",
    "dfn": "i",
    "var": "i",
    "q": "i",
    "kbd": "code",
    "samp": "code",
    "abbr": "span",
    "time": "span",
    "bdi": "span",
    "bdo": "span",
    "font": "span",
    "center": "div",
    "label": "span",
}
#: Blocks whose own text may read in another direction than their parent's.
_DIRECTED_BLOCKS = frozenset(
    {
        "p",
        "div",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "td",
        "th",
        "caption",
    }
)


def _attr(name: str, value: str) -> str:
    return f' {name}="{html.escape(value, quote=True)}"'


def _direction_attr(value: str | None) -> Direction | None:
    value = (value or "").strip().lower()
    return Direction(value) if value in ("ltr", "rtl") else None


class _BodyWriter:
    """Writes a body tree back as HTML within Qt's subset, images resolved locally."""

    def __init__(self, image_src: Callable[[str], str | None]) -> None:
        self._image_src = image_src
        self.out: list[str] = []

    def write(self, node: _Element | str, direction: Direction) -> None:
        if isinstance(node, str):
            self.out.append(html.escape(node, quote=False))
            return
        source_tag = node.tag
        tag = _RENAMED.get(source_tag, source_tag)
        if tag == "img":
            self._image(node)
            return
        if tag == "a":
            self._link(node, direction)
            return
        if tag not in _KEPT:
            self._children(node, direction)  # unknown wrapper: keep its text
            return
        attrs = ""
        own = _direction_attr(node.attrs.get("dir"))
        if own is None and tag in _DIRECTED_BLOCKS:
            detected = detect_direction(_text_of(node))
            if detected is not None and detected is not direction:
                own = detected
        classes = [own.value] if own is not None else []
        if source_tag == "figcaption":
            classes.append("caption")
        if own is not None:
            attrs += _attr("dir", own.value)
        if classes:
            attrs += _attr("class", " ".join(classes))
        if tag in ("td", "th"):
            for name in ("colspan", "rowspan"):
                value = node.attrs.get(name, "")
                if value.isascii() and value.isdigit():
                    attrs += _attr(name, value)
        if tag == "table":
            attrs += ' cellpadding="4" cellspacing="0" border="0"'
        if tag in VOID_TAGS:
            self.out.append(f"<{tag}{attrs}>")
            return
        self.out.append(f"<{tag}{attrs}>")
        self._children(node, own or direction)
        self.out.append(f"</{tag}>")

    def _children(self, node: _Element, direction: Direction) -> None:
        for child in node.children:
            self.write(child, direction)

    def _link(self, node: _Element, direction: Direction) -> None:
        href = node.attrs.get("href", "").strip()
        if not href.lower().startswith(_LINK_SCHEMES):
            self._children(node, direction)
            return
        self.out.append(f"<a{_attr('href', href)}>")
        self._children(node, direction)
        self.out.append("</a>")

    def _image(self, node: _Element) -> None:
        alt = _squash(node.attrs.get("alt") or node.attrs.get("title") or "")
        local = _local(self._image_src, node.attrs.get("src", ""))
        if local is not None:
            self.out.append(f"<img{_attr('src', local)}{_attr('alt', alt)}>")
        elif alt:
            self.out.append(f'<span class="alt">[{html.escape(alt, quote=False)}]</span>')


def _local(image_src: Callable[[str], str | None], url: str) -> str | None:
    """The cached copy of a web image, as a ``file:`` URL; never anything remote."""
    url = url.strip()
    if not url.lower().startswith(_WEB_SCHEMES):
        return None
    local = image_src(url)
    if local and local.lower().startswith("file:"):
        return local
    return None


def _image_sources(node: _Element | str) -> set[str]:
    if isinstance(node, str):
        return set()
    found = {node.attrs.get("src", "").strip()} if node.tag == "img" else set()
    for child in node.children:
        found |= _image_sources(child)
    return found


def _first_block(root: _Element) -> _Element | None:
    """The first element of the body that has text, if it is a paragraph."""
    for child in root.children:
        if isinstance(child, str):
            if child.strip():
                return None
            continue
        return child if child.tag == "p" else None
    return None


# --- the page --------------------------------------------------------------------


def _families(names: Sequence[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def _with_faces(families: Sequence[str], faces: Sequence[str], *, first: bool) -> tuple[str, ...]:
    """``families`` with the chosen Arabic ``faces`` first (Arabic text) or just before
    the Arabic faces already named (Latin text, Arabic words in it)."""
    if not faces:
        return tuple(families)
    rest = [f for f in families if f not in faces]
    if first:
        return (*faces, *rest)
    latin = [f for f in rest if "Arabic" not in f and f not in ("Amiri", "KacstBook")]
    return (*latin, *faces, *[f for f in rest if f not in latin])


def _style(
    direction: Direction,
    base: int,
    colors: Mapping[str, str],
    faces: Sequence[str] = (),
) -> str:
    """The page's style sheet, sized from the base font so zooming scales everything.

    Qt applies ``line-height`` only to the block that names it, not to blocks nested
    in it, so it is set per block type.  A length in pixels is a *minimum* line
    height in Qt, which spaces text lines without stretching lines holding a picture
    (a percentage would add half a picture's height under every image).
    """
    rtl = direction is Direction.RTL
    rtl_fonts = _with_faces(RTL_FONTS, faces, first=True)
    ltr_fonts = _with_faces(LTR_FONTS, faces, first=False)
    rtl_sans = _with_faces(_RTL_SANS, faces[::-1], first=True)
    body_fonts = rtl_fonts if rtl else ltr_fonts
    sans = rtl_sans if rtl else _with_faces(_LTR_SANS, faces[::-1], first=False)
    # Naskh faces are tall already; Latin book faces need more air between lines.
    leading = 1.85 if rtl else 1.6
    muted = colors["muted"]
    # Arabic script has no italics; a slanted Naskh is hard to read.
    quote_style = f"color: {muted};" if rtl else "font-style: italic;"

    def px(factor: float) -> str:
        return f"{max(1, round(base * factor))}px"

    return f"""
body {{ font-family: {_families(body_fonts)}; font-size: {px(1)}; }}
.rtl {{ font-family: {_families(rtl_fonts)}; }}
.ltr {{ font-family: {_families(ltr_fonts)}; }}
p, li, dd, dt, td, th, blockquote {{ line-height: {px(leading)}; }}
h1 {{ font-family: {_families(body_fonts if rtl else sans)}; font-size: {px(1.75)};
      font-weight: bold; margin-top: 0px; margin-bottom: {px(0.45)}; }}
h2 {{ font-size: {px(1.3)}; margin-top: {px(1.2)}; margin-bottom: {px(0.4)}; }}
h3 {{ font-size: {px(1.15)}; margin-top: {px(1)}; margin-bottom: {px(0.3)}; }}
h4, h5, h6 {{ font-size: {px(1)}; margin-top: {px(0.8)}; margin-bottom: {px(0.3)}; }}
p {{ margin-top: 0px; margin-bottom: {px(0.85)}; }}
li {{ margin-bottom: {px(0.3)}; }}
blockquote {{ margin-top: {px(0.5)}; margin-bottom: {px(0.85)}; {quote_style} }}
pre {{ font-family: 'DejaVu Sans Mono', monospace; font-size: {px(0.85)}; }}
.byline {{ font-family: {_families(sans)}; font-size: {px(0.82)}; color: {muted};
           line-height: {px(1.3)}; margin-bottom: {px(0.9)}; }}
.lead {{ font-size: {px(1.12)}; font-weight: bold; line-height: {px(1.12 * leading)};
         margin-bottom: {px(1)}; }}
.figure {{ margin-top: {px(0.2)}; margin-bottom: {px(0.3)}; line-height: 0px; }}
.caption {{ font-family: {_families(sans)}; font-size: {px(0.76)}; color: {muted};
            line-height: {px(1.2)}; margin-bottom: {px(1.1)}; }}
.alt {{ font-family: {_families(sans)}; font-size: {px(0.85)}; color: {muted}; }}
.missing {{ font-family: {_families(sans)}; font-size: {px(0.85)}; color: {muted}; }}
.section {{ font-family: {_families(sans)}; font-size: {px(1)}; font-weight: bold;
            margin-top: {px(1.6)}; margin-bottom: {px(0.5)}; }}
.meta {{ font-family: {_families(sans)}; font-size: {px(0.78)}; color: {muted};
         line-height: {px(1.2)}; }}
.small {{ font-family: {_families(sans)}; font-size: {px(0.85)}; }}
"""


def _default_time(when: datetime) -> str:
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def _enclosure_kind(enclosure: Enclosure) -> str:
    if enclosure.is_video:
        return "video"
    if enclosure.medium == "audio" or (enclosure.type or "").startswith("audio/"):
        return "audio"
    if enclosure.is_image:
        return "image"
    return "file"


def _size_text(length: int | None) -> str | None:
    if not length or length <= 0:
        return None
    if length >= 1024 * 1024:
        return f"{length / (1024 * 1024):.1f} MB"
    if length >= 1024:
        return f"{length / 1024:.0f} KB"
    return f"{length} B"


def _isolated(text: str) -> str:
    """*text* escaped and wrapped in a first-strong isolate.

    A source line mixes a feed title, a name and a date that may each read in another
    direction; isolating each keeps "2026-11-30 12:30" in order inside Arabic text
    and stops the parts from reordering across the separators.
    """
    return "\u2068" + html.escape(_squash(text), quote=False) + "\u2069"


def _dir_attrs(direction: Direction) -> str:
    return _attr("dir", direction.value)


def render_article(
    article: Article,
    *,
    related: Sequence[ArticleSummary] = (),
    image_src: Callable[[str], str | None],
    ui_direction: Direction,
    labels: Mapping[str, str],
    base_font_px: int = 17,
    format_time: Callable[[datetime], str] | None = None,
    colors: Mapping[str, str] | None = None,
    arabic_faces: Sequence[str] = (),
) -> str:
    """The reading pane's page for *article*, as a full HTML document.

    Args:
        article: what to show.
        related: headlines listed under the article, linked with :func:`article_link`.
        image_src: maps a web image URL to its cached ``file:`` URL, or ``None`` when
            it is not cached; anything else it returns is ignored.
        ui_direction: the interface's direction, for the labels around the article.
        labels: translated wording, keyed like :data:`DEFAULT_LABELS` (missing keys
            fall back to English).
        base_font_px: body text size; every other size derives from it.
        format_time: how dates are written (the pane uses the locale); ISO-like
            local time when omitted.
        colors: ``muted``, ``box`` and ``rule`` colours matching the pane's palette.
        arabic_faces: the installed Arabic faces chosen at start (a Naskh face for
            reading first), put before the built-in lists.
    """
    words = {**DEFAULT_LABELS, **labels}
    palette = {**DEFAULT_COLORS, **(colors or {})}
    when = format_time or _default_time
    direction = article.direction
    base = max(6, int(base_font_px))
    parts: list[str] = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>",
        _style(direction, base, palette, tuple(arabic_faces)),
        "</style></head><body>",
        f'<div class="article"{_dir_attrs(direction)}>',
    ]

    # Headline: an untitled post (as on social sites) is read as its text alone.
    title = _squash(article.title)
    if not title and not (article.content_html or article.summary):
        title = words["untitled"]
    if title:
        title_dir = detect_direction(title, default=direction) or direction
        title_attrs = _dir_attrs(title_dir) if title_dir is not direction else ""
        parts.append(f"<h1{title_attrs}>{html.escape(title, quote=False)}</h1>")

    # Byline: author · time (the source has its own line under the article, as on
    # news sites); an undated article says when it was first seen.
    byline = [article.author or ""]
    stamp = article.published or article.updated
    if article.undated and article.first_seen is not None:
        byline.append(words["first_seen"].replace("%1", when(article.first_seen)))
    elif stamp is not None:
        byline.append(when(stamp))
    byline_text = _SEPARATOR.join(_isolated(b) for b in byline if b)
    if byline_text:
        parts.append(f'<p class="byline">{byline_text}</p>')

    # Body tree first: the lead and the lead picture depend on what it holds.
    body = _parse(article.content_html) if article.content_html else None
    summary = _squash(article.summary or "")
    body_text = _squash(_text_of(body)) if body is not None else ""
    show_lead = bool(summary)
    if body is not None and summary:
        first = _first_block(body)
        if first is not None and _squash(_text_of(first)) == summary:
            body.children.remove(first)  # shown as the lead instead
        elif body_text.startswith(summary.rstrip(".…").rstrip()[:300]):
            show_lead = False  # the summary is the body's opening, cut short
    if show_lead:
        lead_dir = detect_direction(summary, default=direction) or direction
        lead_attrs = _dir_attrs(lead_dir) if lead_dir is not direction else ""
        parts.append(f'<p class="lead"{lead_attrs}>{html.escape(summary, quote=False)}</p>')

    # Lead picture (unless the body shows the same picture itself).
    lead_url = (article.image_url or "").strip()
    in_body = _image_sources(body) if body is not None else set()
    caption = _squash(article.image_caption or "")
    if lead_url and lead_url not in in_body:
        local = _local(image_src, lead_url)
        if local is not None:
            parts.append(f'<p class="figure"><img{_attr("src", local)}{_attr("alt", caption)}></p>')
            if caption:
                parts.append(f'<p class="caption">{html.escape(caption, quote=False)}</p>')
        else:
            note = html.escape(words["image_unavailable"], quote=False)
            if caption:
                note += "<br>" + html.escape(caption, quote=False)
            parts.append(
                f'<table width="100%" cellpadding="14" cellspacing="0" border="0" '
                f'bgcolor="{palette["box"]}" style="margin-bottom: {round(base * 1.1)}px;">'
                f'<tr><td align="center" class="missing">{note}</td></tr></table>'
            )

    # Body.
    if body is not None:
        writer = _BodyWriter(image_src)
        for child in body.children:
            writer.write(child, direction)
        parts.append(f'<div class="body">{"".join(writer.out)}</div>')

    # Attachments: audio, video and files open outside (nothing plays in the page).
    shown_images = in_body | {lead_url}
    attachments = [
        e
        for e in article.enclosures
        if e.url.lower().startswith(_WEB_SCHEMES) and e.url not in shown_images
    ]
    if attachments:
        rows = []
        for enclosure in attachments:
            kind = words[_enclosure_kind(enclosure)]
            details = [d for d in (enclosure.type, _size_text(enclosure.length)) if d]
            info = f" <span class='meta'>({html.escape(', '.join(details))})</span>"
            rows.append(
                f"<li><b>{html.escape(kind)}</b>{info if details else ''} — "
                f"<a{_attr('href', enclosure.url)}>{html.escape(words['open'])}</a></li>"
            )
        parts.append(
            f'<div{_dir_attrs(ui_direction)}><p class="section">'
            f"{html.escape(words['attachments'])}</p>"
            f'<ul class="small">{"".join(rows)}</ul></div>'
        )

    # The source line (as news sites end an article), the original page, the topics.
    link = (article.link or "").strip()
    footer = []
    if article.feed_title:
        footer.append(f"{html.escape(words['source'])}: {_isolated(article.feed_title)}")
    if link.lower().startswith(_WEB_SCHEMES):
        footer.append(f"<a{_attr('href', link)}>{html.escape(words['read_original'])}</a>")
    if article.categories:
        topics = _SEPARATOR.join(html.escape(c) for c in article.categories)
        footer.append(f"{html.escape(words['topics'])}: {topics}")
    if footer:
        parts.append(f'<p class="meta"{_dir_attrs(ui_direction)}>{"<br>".join(footer)}</p>')
    # The comment count, which opens the comments panel.
    if words["comments"]:
        target = f"{COMMENTS_LINK_SCHEME}:{article.id}"
        parts.append(
            f'<p class="section"{_dir_attrs(ui_direction)}><a{_attr("href", target)}>'
            f"{html.escape(words['comments'])}</a></p>"
        )
    parts.append("</div>")

    # Related headlines, each in its own direction.
    if related:
        items = []
        for summary_row in related:
            headline = _squash(summary_row.headline) or words["untitled"]
            meta = [summary_row.feed_title]
            if summary_row.published is not None and not summary_row.undated:
                meta.append(when(summary_row.published))
            meta_text = _SEPARATOR.join(_isolated(m) for m in meta if m)
            items.append(
                f'<li{_dir_attrs(summary_row.direction)} class="{summary_row.direction.value}">'
                f"<a{_attr('href', article_link(summary_row.id))}>"
                f"{html.escape(headline, quote=False)}</a><br>"
                f'<span class="meta">{meta_text}</span></li>'
            )
        parts.append(
            f'<hr><div{_dir_attrs(ui_direction)}><p class="section">'
            f"{html.escape(words['related'])}</p><ul>{''.join(items)}</ul></div>"
        )
    parts.append("</body></html>")
    return "".join(parts)
