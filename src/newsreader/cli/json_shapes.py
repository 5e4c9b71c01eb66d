"""The JSON shapes the command line prints.

Scripts rely on them: they change only by adding keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from newsreader.core.full_articles import FullText
from newsreader.core.types import (
    Article,
    ArticleSummary,
    Comment,
    Feed,
    FollowUpReport,
    Note,
    RefreshSummary,
    SearchHit,
    Story,
    Topic,
)


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def feed_json(feed: Feed) -> dict[str, Any]:
    return {
        "id": feed.id,
        "url": feed.url,
        "title": feed.title,
        "folder": feed.folder,
        "status": feed.status.value,
        "error": feed.error,
        "article_count": feed.article_count,
        "unread_count": feed.unread_count,
        "site_url": feed.site_url,
        "language": feed.language,
        "last_fetched": iso(feed.last_fetched),
        "next_fetch": iso(feed.next_fetch),
    }


def refresh_json(summary: RefreshSummary) -> dict[str, Any]:
    return {
        "feeds": [
            {
                "id": r.feed_id,
                "url": r.url,
                "status": r.status.value,
                "new": r.new,
                "updated": r.updated,
                "error": r.error,
            }
            for r in summary.feeds
        ],
        "new": summary.new,
        "updated": summary.updated,
        "failed": summary.failed,
        "follow_ups": {step.value: count for step, count in summary.follow_ups},
        "follow_up_report": _follow_up_report_json(summary.follow_up_report),
    }


def _follow_up_report_json(report: FollowUpReport | None) -> dict[str, Any] | None:
    if report is None:
        return None
    return {
        "ended": report.ended.value,
        "seconds": round(report.seconds, 3),
        "left": report.left,
        "skipped_hosts": [
            {"host": h.host, "reason": h.reason, "skipped": h.skipped} for h in report.skipped_hosts
        ],
    }


def article_summary_json(a: ArticleSummary, categories: Sequence[str]) -> dict[str, Any]:
    return {
        "id": a.id,
        "feed_id": a.feed_id,
        "feed_title": a.feed_title,
        "guid": a.guid,
        "title": a.title,
        "link": a.link,
        "published": iso(a.published),
        "read": a.read,
        "starred": a.starred,
        "direction": a.direction.value,
        "categories": list(categories),
        "comment_count": a.comment_count,
        # every feed that carried it: a syndicated copy is listed once
        "sources": list(a.sources or (a.feed_title,)),
    }


def search_hit_json(hit: SearchHit, categories: Sequence[str]) -> dict[str, Any]:
    """An article a search found: as ``articles --json`` lists it, with its snippet and rank."""
    return {
        **article_summary_json(hit.article, categories),
        "snippet": hit.snippet,
        "rank": round(hit.rank, 4),
    }


def article_json(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "feed_id": a.feed_id,
        "feed_title": a.feed_title,
        "guid": a.guid,
        "title": a.title,
        "link": a.link,
        "author": a.author,
        "published": iso(a.published),
        "updated": iso(a.updated),
        "first_seen": iso(a.first_seen),
        "language": a.language,
        "read": a.read,
        "starred": a.starred,
        "direction": a.direction.value,
        "categories": list(a.categories),
        "summary": a.summary,
        "content_html": a.content_html,
        "image_url": a.image_url,
        "image_caption": a.image_caption,
        "enclosures": [
            {"url": e.url, "type": e.type, "length": e.length, "medium": e.medium}
            for e in a.enclosures
        ],
        "comments_url": a.comments_url,
        "comments_feed_url": a.comments_feed_url,
        "comment_count": a.comment_count,
    }


def full_text_json(text: FullText | None) -> dict[str, Any]:
    """The keys ``read --json`` adds: the whole article from its page, if it was fetched."""
    return {
        "full_html": text.html if text is not None else None,
        "full_fetched": iso(text.fetched) if text is not None else None,
        "full_error": text.error if text is not None else None,
    }


def comment_json(c: Comment) -> dict[str, Any]:
    return {
        "id": c.id,
        "parent_id": c.parent_id,
        "author": c.author,
        "published": iso(c.published),
        "content_html": c.content_html,
        "direction": c.direction.value,
        "link": c.link,
        "depth": c.depth,
    }


def note_json(n: Note) -> dict[str, Any]:
    return {
        "id": n.id,
        "article_id": n.article_id,
        "text": n.text,
        "direction": n.direction.value,
        "created": iso(n.created),
        "updated": iso(n.updated),
    }


def topic_json(t: Topic) -> dict[str, Any]:
    """A topic: ``kind`` is ``category``, ``saved`` or ``story``; stories add their
    ``article_ids`` and ``sources``; ``listed`` is False for a hidden topic and a
    tag that only restates one feed (shown with ``topics --all``)."""
    value: dict[str, Any] = {
        "id": t.id,
        "name": t.name,
        "kind": t.kind,
        "count": t.count,
        "unread": t.unread,
        "recent": t.recent,
        "listed": t.listed,
        "hidden": t.hidden,
    }
    if t.kind == "story":
        value["article_ids"] = list(t.article_ids)
        value["sources"] = list(t.sources)
    return value


def story_json(s: Story) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "count": s.count,
        "unread": s.unread,
        "sources": list(s.sources),
        "article_ids": list(s.article_ids),
        "updated": iso(s.updated),
    }
