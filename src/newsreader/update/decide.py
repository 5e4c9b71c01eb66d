"""The pure part of a refresh: old state + what was fetched → what to write.

No I/O here, so every rule of scheduling and de-duplication is tested with plain data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from newsreader.core.parsed import ParsedEntry
from newsreader.core.types import FeedStatus
from newsreader.core.update_records import EntryIntents, Schedule

#: Never wait longer than this between two tries of a failing feed.
MAX_BACKOFF = timedelta(hours=24)
#: A Retry-After longer than this is treated as this (a hostile server cannot park a feed).
MAX_RETRY_AFTER = timedelta(days=7)


def decide_entries(
    existing: Mapping[str, tuple[int, str]], entries: Sequence[ParsedEntry]
) -> EntryIntents:
    """Compare parsed entries with stored ``key -> (article id, content hash)``.

    An entry seen twice in one feed counts once (the first wins, as feeds list
    newest first); an entry whose content hash is unchanged is left alone.
    """
    intents = EntryIntents()
    seen: set[str] = set()
    for entry in entries:
        if entry.key in seen:
            continue
        seen.add(entry.key)
        stored = existing.get(entry.key)
        if stored is None:
            intents.new.append(entry)
        elif stored[1] != entry.content_hash:
            intents.changed.append((stored[0], entry))
        else:
            intents.unchanged += 1
    return intents


def dated(entries: Sequence[ParsedEntry], first_seen: datetime) -> list[ParsedEntry]:
    """*entries* with a date each: one whose feed gave none (or none that could be
    read) is dated when it was first seen, never left without.

    Such an article's ``published`` equals its ``first_seen``, which is how a
    reader tells the two apart (no feed date is that exact moment).
    """
    return [e if e.published is not None else replace(e, published=first_seen) for e in entries]


def schedule_after(
    *,
    status: FeedStatus,
    now: datetime,
    interval: int,
    error_count: int,
    retry_after: float | None = None,
) -> Schedule:
    """The next fetch time for a feed whose fetch just ended with ``status``.

    Success resets the error count; each failure doubles the wait (capped at a day);
    a server's Retry-After is honoured even when longer than the back-off; a gone
    feed is never due again.
    """
    regular = timedelta(seconds=interval)
    if status is FeedStatus.GONE:
        return Schedule(status, None, error_count + 1)
    if status is not FeedStatus.ERROR:
        return Schedule(status, now + regular, 0)
    errors = error_count + 1
    backoff = min(regular * (2 ** min(errors - 1, 16)), MAX_BACKOFF)
    retry_until = None
    if retry_after is not None:
        asked = min(timedelta(seconds=max(retry_after, 0.0)), MAX_RETRY_AFTER)
        retry_until = now + asked
        backoff = max(backoff, asked)
    return Schedule(status, now + backoff, errors, retry_until)
