from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from newsreader.core.parsed import ParsedEntry
from newsreader.core.types import Direction, FeedStatus
from newsreader.update.decide import MAX_BACKOFF, dated, decide_entries, schedule_after

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def entry(key: str, content_hash: str = "h") -> ParsedEntry:
    return ParsedEntry(
        key=key,
        title=key,
        link=None,
        author=None,
        summary=None,
        content_html=None,
        published=None,
        updated=None,
        language=None,
        direction=Direction.LTR,
        content_hash=content_hash,
    )


def test_new_changed_and_unchanged_entries_are_told_apart() -> None:
    existing = {"a": (1, "h"), "b": (2, "old")}
    intents = decide_entries(existing, [entry("a"), entry("b", "new"), entry("c")])
    assert [e.key for e in intents.new] == ["c"]
    assert [(aid, e.key) for aid, e in intents.changed] == [(2, "b")]
    assert intents.unchanged == 1


def test_an_entry_repeated_in_one_feed_counts_once() -> None:
    intents = decide_entries({}, [entry("x", "1"), entry("x", "2")])
    assert len(intents.new) == 1
    assert intents.new[0].content_hash == "1"


def test_success_resets_errors_and_waits_one_interval() -> None:
    s = schedule_after(status=FeedStatus.OK, now=NOW, interval=600, error_count=4)
    assert s.error_count == 0
    assert s.next_fetch == NOW + timedelta(seconds=600)


def test_failures_back_off_exponentially_up_to_a_cap() -> None:
    waits = []
    errors = 0
    for _ in range(12):
        s = schedule_after(status=FeedStatus.ERROR, now=NOW, interval=600, error_count=errors)
        errors = s.error_count
        assert s.next_fetch is not None
        waits.append(s.next_fetch - NOW)
    assert waits[0] == timedelta(minutes=10)
    assert waits[1] == timedelta(minutes=20)
    assert waits[2] == timedelta(minutes=40)
    assert waits[-1] == MAX_BACKOFF
    assert errors == 12


def test_retry_after_is_honoured_when_longer_than_the_back_off() -> None:
    s = schedule_after(
        status=FeedStatus.ERROR, now=NOW, interval=60, error_count=0, retry_after=7200
    )
    assert s.next_fetch == NOW + timedelta(hours=2)
    assert s.retry_until == NOW + timedelta(hours=2)


def test_a_gone_feed_is_never_due_again() -> None:
    s = schedule_after(status=FeedStatus.GONE, now=NOW, interval=60, error_count=0)
    assert s.next_fetch is None
    assert s.status is FeedStatus.GONE


def test_an_entry_without_a_date_is_dated_when_first_seen() -> None:
    published = NOW - timedelta(days=2)
    dated_entry = replace(entry("a"), published=published)
    undated = entry("b")

    assert [e.published for e in dated([dated_entry, undated], NOW)] == [published, NOW]
    assert dated([dated_entry], NOW)[0] is dated_entry  # nothing rebuilt that has a date
