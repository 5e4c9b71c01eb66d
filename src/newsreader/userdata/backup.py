"""A backup of what only the user can recreate: subscriptions, read and starred marks, notes.

Articles themselves are not in it (feeds bring them back); an article is named by
its feed's URL and its key within that feed.  Restoring merges and never drops:
marks are ORed, notes are added unless the same text with the same creation time is
there already.  Marks for articles that are not cached yet wait in a small "pending
state" file in the profile and are applied when a refresh brings the articles.

The file::

    {"format": "newsreader-userdata", "version": 1, "exported": "<ISO time>",
     "subscriptions": [{"url", "title", "folder", "site_url", "pinned", "full_articles"}],
     "articles": [{"feed_url", "key", "read", "starred", "read_at", "starred_at",
                   "notes": [{"text", "created", "updated"}]}],
     "saved_searches": [{"name", "query", "created"}],
     "topics": [{"key", "merged_into", "name", "hidden"}],
     "story_corrections": [{"kind", "feed_url", "key", "other_feed_url", "other_key",
                            "created"}]}

``saved_searches`` and ``topics`` (the user's merges, names and hidden topics, by
topic key), ``story_corrections`` (articles the user kept apart or together in
stories) and a subscription's ``full_articles`` (off, on or auto; off when absent)
came later in version 1: a file without them restores as before, and an older
Newsreader ignores them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newsreader.core.backup_records import (
    ArticleRecord,
    NoteRecord,
    SavedSearchRecord,
    StoryCorrectionRecord,
    SubscriptionRecord,
    TopicStateRecord,
    UserData,
)
from newsreader.core.errors import NewsreaderError, OPMLError
from newsreader.core.files import write_atomically
from newsreader.storage import story_corrections as correction_store
from newsreader.storage import topics as topic_store
from newsreader.storage import userdata as store
from newsreader.storage.database import Database, default_user

FORMAT = "newsreader-userdata"
VERSION = 1
PENDING_FORMAT = "newsreader-pending-state"
PENDING_FILE_NAME = "pending-state.json"


def user_suffix(user: str) -> str:
    """What a file or folder of *user*'s own carries in its name: nothing for the OS
    user (the files as they always were), else ``-NAME`` (made safe for a file name)."""
    if user == default_user():
        return ""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", user).lstrip(".")
    if safe != user:  # two names made alike stay apart
        named = hashlib.blake2b(user.encode("utf-8", "surrogatepass"), digest_size=4)
        safe += "-" + named.hexdigest()
    return "-" + safe


def pending_file_name(user: str) -> str:
    """The pending-state file of *user* (marks imported before their articles arrived)."""
    stem, dot, extension = PENDING_FILE_NAME.rpartition(".")
    return f"{stem}{user_suffix(user)}{dot}{extension}"


#: Pending marks for an article that has not arrived after this long are dropped:
#: it has left its feed for good, and checking for it would cost every refresh.
PENDING_KEEP = timedelta(days=60)

#: One writer of pending files at a time (an import and a refresh may finish together).
_PENDING_LOCK = threading.Lock()


# --- records -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import restored."""

    feeds_added: int = 0
    articles_restored: int = 0  # cached articles whose marks or notes were merged
    notes_added: int = 0
    pending: int = 0  # articles not cached yet: restored when a refresh brings them
    searches_added: int = 0  # saved searches not kept here yet
    topics: int = 0  # topics whose merge, name or hidden mark was restored
    story_corrections: int = 0  # corrections to stories not kept here yet


def merge_records(a: ArticleRecord, b: ArticleRecord) -> ArticleRecord:
    """Both records' state: marks ORed, earliest times kept, notes united."""
    notes = {(n.text, n.created): n for n in (*a.notes, *b.notes)}
    since = max((s for s in (a.since, b.since) if s is not None), default=None)
    return ArticleRecord(
        feed_url=a.feed_url,
        key=a.key,
        read=a.read or b.read,
        starred=a.starred or b.starred,
        read_at=_earliest(a.read_at, b.read_at),
        starred_at=_earliest(a.starred_at, b.starred_at),
        notes=tuple(sorted(notes.values(), key=lambda n: n.created)),
        since=since,
    )


def _earliest(*values: datetime | None) -> datetime | None:
    return min((v for v in values if v is not None), default=None)


def merge_all(records: Iterable[ArticleRecord]) -> list[ArticleRecord]:
    merged: dict[tuple[str, str], ArticleRecord] = {}
    for record in records:
        old = merged.get(record.name)
        merged[record.name] = record if old is None else merge_records(old, record)
    return list(merged.values())


# --- JSON ------------------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _article_json(record: ArticleRecord) -> dict[str, Any]:
    value: dict[str, Any] = {
        "feed_url": record.feed_url,
        "key": record.key,
        "read": record.read,
        "starred": record.starred,
        "read_at": _iso(record.read_at),
        "starred_at": _iso(record.starred_at),
        "notes": [
            {"text": n.text, "created": _iso(n.created), "updated": _iso(n.updated)}
            for n in record.notes
        ],
    }
    if record.since is not None:
        value["since"] = _iso(record.since)
    return value


def userdata_json(data: UserData) -> dict[str, Any]:
    """The whole user-data document as one JSON value (see :func:`userdata_chunks`)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": _iso(data.exported),
        "subscriptions": [
            {
                "url": s.url,
                "title": s.title,
                "folder": s.folder,
                "site_url": s.site_url,
                "pinned": s.pinned,
                "full_articles": s.full_articles,
            }
            for s in data.subscriptions
        ],
        "articles": [_article_json(a) for a in data.articles],
        "topics": [
            {"key": t.key, "merged_into": t.merged_into, "name": t.name, "hidden": t.hidden}
            for t in data.topics
        ],
        "saved_searches": [
            {"name": s.name, "query": s.query, "created": _iso(s.created)}
            for s in data.saved_searches
        ],
        "story_corrections": [
            {
                "kind": c.kind,
                "feed_url": c.feed_url,
                "key": c.key,
                "other_feed_url": c.other_feed_url,
                "other_key": c.other_key,
                "created": _iso(c.created),
            }
            for c in data.story_corrections
        ],
    }


#: Articles encoded per piece of a streamed user-data file.
_ARTICLES_PER_CHUNK = 500


def _nested(value: Any, depth: int) -> str:
    """*value* as ``json.dumps(..., indent=2)`` writes it *depth* levels down."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth)


def userdata_chunks(data: UserData) -> Iterator[bytes]:
    """The user-data file's bytes, piece by piece: the same text as ``json.dumps`` of
    :func:`userdata_json` with an indent of 2.

    A profile's marks run to tens of thousands of articles; encoded all at once
    (JSON objects, then the indented text, then its bytes) they took over a
    hundred megabytes for a ten-megabyte file.  Here at most
    :data:`_ARTICLES_PER_CHUNK` articles are encoded at a time.
    """
    document = userdata_json(replace(data, articles=()))
    last = len(document) - 1
    yield b"{\n"
    for i, (name, value) in enumerate(document.items()):
        head = f"  {json.dumps(name)}: "
        end = ",\n" if i < last else "\n"
        if name != "articles" or not data.articles:
            yield (head + _nested(value, 1) + end).encode("utf-8")
            continue
        yield (head + "[\n").encode("utf-8")
        for start in range(0, len(data.articles), _ARTICLES_PER_CHUNK):
            part = data.articles[start : start + _ARTICLES_PER_CHUNK]
            text = ",\n".join("    " + _nested(_article_json(a), 2) for a in part)
            more = start + _ARTICLES_PER_CHUNK < len(data.articles)
            yield (text + (",\n" if more else "\n")).encode("utf-8")
        yield ("  ]" + end).encode("utf-8")
    yield b"}\n"


class _Reader:
    """Typed access to a decoded JSON document; every fault names where it is."""

    def __init__(self, what: str) -> None:
        self.what = what

    def fail(self, where: str, problem: str) -> OPMLError:
        return OPMLError(f"{self.what}: {where} {problem}")

    def mapping(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "must be an object")
        return value

    def items(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, "must be a list")
        return value

    def text(self, obj: dict[str, Any], name: str, where: str, *, required: bool = False) -> Any:
        value = obj.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(f"{where}.{name}", "must be non-empty text" if required else "text")
        return value

    def flag(self, obj: dict[str, Any], name: str, where: str) -> bool:
        value = obj.get(name, False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{name}", "must be true or false")
        return value

    def time(self, obj: dict[str, Any], name: str, where: str, *, required: bool = False) -> Any:
        value = obj.get(name)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{where}.{name}", "must be an ISO date and time")
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{where}.{name}", f"is not an ISO date and time: {value!r}") from None
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _note_record(r: _Reader, value: Any, where: str) -> NoteRecord:
    obj = r.mapping(value, where)
    text = r.text(obj, "text", where, required=True)
    created = r.time(obj, "created", where, required=True)
    updated = r.time(obj, "updated", where) or created
    return NoteRecord(text.strip(), created, updated)


def _article_record(r: _Reader, value: Any, where: str) -> ArticleRecord:
    obj = r.mapping(value, where)
    notes = r.items(obj.get("notes", []), f"{where}.notes")
    return ArticleRecord(
        feed_url=r.text(obj, "feed_url", where, required=True),
        key=r.text(obj, "key", where, required=True),
        read=r.flag(obj, "read", where),
        starred=r.flag(obj, "starred", where),
        read_at=r.time(obj, "read_at", where),
        starred_at=r.time(obj, "starred_at", where),
        notes=tuple(_note_record(r, n, f"{where}.notes[{i}]") for i, n in enumerate(notes)),
        since=r.time(obj, "since", where),
    )


def _subscription_record(r: _Reader, value: Any, where: str) -> SubscriptionRecord:
    obj = r.mapping(value, where)
    return SubscriptionRecord(
        url=r.text(obj, "url", where, required=True).strip(),
        title=r.text(obj, "title", where),
        folder=r.text(obj, "folder", where),
        site_url=r.text(obj, "site_url", where),
        pinned=r.flag(obj, "pinned", where),
        full_articles=_full_articles_mode(r, obj, where),
    )


def _full_articles_mode(r: _Reader, obj: dict[str, Any], where: str) -> str:
    value = r.text(obj, "full_articles", where) or "off"
    if value not in ("off", "on", "auto"):
        raise r.fail(f"{where}.full_articles", "must be off, on or auto")
    return str(value)


def _topic_record(r: _Reader, value: Any, where: str) -> TopicStateRecord:
    obj = r.mapping(value, where)
    return TopicStateRecord(
        key=r.text(obj, "key", where, required=True),
        merged_into=r.text(obj, "merged_into", where) or None,
        name=r.text(obj, "name", where) or None,
        hidden=r.flag(obj, "hidden", where),
    )


def _saved_search_record(r: _Reader, value: Any, where: str) -> SavedSearchRecord:
    obj = r.mapping(value, where)
    return SavedSearchRecord(
        name=r.text(obj, "name", where, required=True).strip(),
        query=r.text(obj, "query", where, required=True).strip(),
        created=r.time(obj, "created", where) or datetime.now(UTC),
    )


def _correction_record(r: _Reader, value: Any, where: str) -> StoryCorrectionRecord:
    obj = r.mapping(value, where)
    kind = r.text(obj, "kind", where, required=True)
    if kind not in ("apart", "together"):
        raise r.fail(f"{where}.kind", "must be apart or together")
    return StoryCorrectionRecord(
        kind=kind,
        feed_url=r.text(obj, "feed_url", where, required=True),
        key=r.text(obj, "key", where, required=True),
        other_feed_url=r.text(obj, "other_feed_url", where, required=True),
        other_key=r.text(obj, "other_key", where, required=True),
        created=r.time(obj, "created", where) or datetime.now(UTC),
    )


def _decode(data: bytes, what: str) -> dict[str, Any]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise OPMLError(f"{what}: not a JSON document ({exc})") from None
    return _Reader(what).mapping(document, "the document")


def _check_header(r: _Reader, document: dict[str, Any], expected: str) -> None:
    if document.get("format") != expected:
        raise OPMLError(f"{r.what}: not a Newsreader user-data file")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise r.fail("version", "must be a number")
    if version > VERSION:
        raise OPMLError(f"{r.what}: made by a newer Newsreader (version {version})")


def parse_userdata(data: bytes, *, what: str = "the user-data file") -> UserData:
    """Decode and check a whole user-data file; :class:`OPMLError` names the first fault."""
    document = _decode(data, what)
    r = _Reader(what)
    _check_header(r, document, FORMAT)
    subscriptions = r.items(document.get("subscriptions", []), "subscriptions")
    articles = r.items(document.get("articles", []), "articles")
    topics = r.items(document.get("topics", []), "topics")
    searches = r.items(document.get("saved_searches", []), "saved_searches")
    corrections = r.items(document.get("story_corrections", []), "story_corrections")
    return UserData(
        exported=r.time(document, "exported", "the document") or datetime.now(UTC),
        subscriptions=tuple(
            _subscription_record(r, s, f"subscriptions[{i}]") for i, s in enumerate(subscriptions)
        ),
        articles=tuple(_article_record(r, a, f"articles[{i}]") for i, a in enumerate(articles)),
        topics=tuple(_topic_record(r, t, f"topics[{i}]") for i, t in enumerate(topics)),
        saved_searches=tuple(
            _saved_search_record(r, s, f"saved_searches[{i}]") for i, s in enumerate(searches)
        ),
        story_corrections=tuple(
            _correction_record(r, c, f"story_corrections[{i}]") for i, c in enumerate(corrections)
        ),
    )


# --- files -----------------------------------------------------------------------------


def write_user_file(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` all at once, on the disk before it counts as written.

    What only the user made cannot be fetched again, so a crash, even of the machine,
    must leave the old file or the new one; a failure is the user's to hear of.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data, durable=True)
    except OSError as exc:
        raise NewsreaderError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_pending(pending_file: Path) -> list[ArticleRecord]:
    """The pending records; a damaged pending file is set aside, never fatal."""
    try:
        data = pending_file.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise NewsreaderError(f"cannot read {pending_file}: {exc.strerror or exc}") from exc
    what = str(pending_file)
    try:
        document = _decode(data, what)
        r = _Reader(what)
        _check_header(r, document, PENDING_FORMAT)
        items = r.items(document.get("articles", []), "articles")
        return [_article_record(r, a, f"articles[{i}]") for i, a in enumerate(items)]
    except OPMLError:
        with contextlib.suppress(OSError):
            pending_file.replace(pending_file.with_name(pending_file.name + ".damaged"))
        return []


def write_pending(pending_file: Path, records: Sequence[ArticleRecord]) -> None:
    if not records:
        pending_file.unlink(missing_ok=True)
        return
    document = {
        "format": PENDING_FORMAT,
        "version": VERSION,
        "articles": [_article_json(r) for r in records],
    }
    write_user_file(pending_file, _json_bytes(document))


# --- export and restore ------------------------------------------------------------------


def collect_userdata(db: Database, *, pending_file: Path | None = None) -> UserData:
    """Everything a backup holds, read now; pending records not restored yet included."""
    pending = read_pending(pending_file) if pending_file else []
    with db.session() as session:
        subscriptions = store.subscriptions(session)
        articles = store.marked_articles(session)
        topics = topic_store.state_records(session)
        searches = store.saved_searches(session)
        corrections = correction_store.records(session)
    # One record per article from the database: merging is only for pending ones.
    merged = (
        merge_all([*articles, *(replace(p, since=None) for p in pending)]) if pending else articles
    )
    return UserData(
        datetime.now(UTC),
        tuple(subscriptions),
        tuple(merged),
        saved_searches=tuple(searches),
        topics=tuple(topics),
        story_corrections=tuple(corrections),
    )


def export_data(db: Database, path: Path, *, pending_file: Path | None = None) -> None:
    """Write the user's data to ``path`` (atomically).

    Pending records not restored yet are kept in the backup.
    """
    write_user_file(path, userdata_chunks(collect_userdata(db, pending_file=pending_file)))


def _fresh(records: Iterable[ArticleRecord], now: datetime) -> list[ArticleRecord]:
    """Pending records young enough to keep waiting for their article."""
    return [r for r in records if r.since is None or now - r.since <= PENDING_KEEP]


def read_userdata_file(path: Path) -> UserData:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise NewsreaderError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return parse_userdata(data, what=str(path))


def import_data(db: Database, path: Path, *, pending_file: Path | None = None) -> ImportReport:
    """Restore a backup into this profile, merging with what is here; nothing is fetched.

    The whole file is checked first: a malformed file changes nothing.  Without a
    ``pending_file``, marks for articles that are not cached are not kept.
    """
    return restore(db, read_userdata_file(path), pending_file=pending_file)


def restore(db: Database, data: UserData, *, pending_file: Path | None = None) -> ImportReport:
    """Merge ``data`` into this profile (see :func:`import_data`)."""
    now = datetime.now(UTC)
    with _PENDING_LOCK, db.session() as session:
        feeds_added = store.add_subscriptions(session, data.subscriptions)
        searches_added = store.add_saved_searches(session, data.saved_searches)
        applied = store.apply_records(session, merge_all(data.articles))
        topics = topic_store.restore_records(session, data.topics)
        corrections = correction_store.add_records(session, data.story_corrections)
        if corrections:
            correction_store.enforce_stored(session)  # on the articles cached already
        pending = 0
        if pending_file is not None and applied.missing:
            waiting = [replace(r, since=now) for r in applied.missing]
            merged = merge_all([*_fresh(read_pending(pending_file), now), *waiting])
            write_pending(pending_file, merged)  # before the commit: a failure undoes all
            pending = len(applied.missing)
    return ImportReport(
        feeds_added,
        applied.restored,
        applied.notes_added,
        pending,
        searches_added=searches_added,
        topics=topics,
        story_corrections=corrections,
    )


def apply_pending_state(db: Database, pending_file: Path | None) -> int:
    """Restore pending marks and notes onto articles that have arrived since the import.

    Meant to run after every refresh: without a pending file it costs one ``stat``.
    Returns how many articles got their state back.
    """
    if pending_file is None or not pending_file.exists():
        return 0
    now = datetime.now(UTC)
    with _PENDING_LOCK:
        records = read_pending(pending_file)
        if not records:
            return 0
        with db.session() as session:
            applied = store.apply_records(session, merge_all(records))
        # After the commit: if this write fails the records are merely applied again.
        remaining = _fresh(applied.missing, now)
        if len(remaining) != len(records):
            write_pending(pending_file, remaining)
    return applied.restored
