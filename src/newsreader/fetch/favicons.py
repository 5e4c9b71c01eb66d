"""Feed icons kept on disk, so the sidebar shows each source's own logo offline.

A feed names its icon (RSS ``<image>``, Atom ``<icon>``/``<logo>``: stored as the
feed's ``icon_url``); when it does not, the site's ``/favicon.ico`` is tried.  Each
icon is fetched through the profile's transport during a refresh and stored as
``<icons_dir>/<feed_id>.<ext>``, so the GUI can find it from the feed id alone and
never touches the network to paint the sidebar.

Icons are small and change rarely, and many sites have none, so a feed is asked at
most once a week whatever the outcome; a state file beside the icons remembers when
and what was tried.  The same safety rules as for article images apply: the body
must be a raster image recognised by its first bytes (PNG, ICO, GIF, JPEG, WebP),
never SVG, which can carry scripts, and it must be small.  One feed's failure is
logged and never stops the others or the refresh.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import json
import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from newsreader.core.errors import FetchError, NotTriedError
from newsreader.core.files import write_atomically
from newsreader.core.types import Feed
from newsreader.fetch.images import sniff_image
from newsreader.fetch.transport import Transport

__all__ = [
    "ICONS_FOLDER",
    "ICON_EXTENSIONS",
    "MAX_ICON_BYTES",
    "RETRY_AFTER",
    "cache_feed_icons",
    "candidate_urls",
    "feed_icon_path",
    "icons_dir",
    "sniff_icon",
]

log = logging.getLogger(__name__)

#: The folder under a profile's cache that holds the icons.
ICONS_FOLDER = "icons"
#: A favicon is a few kilobytes; anything much larger is not one.
MAX_ICON_BYTES = 256 * 1024
#: A feed's icon is asked for at most this often, whether the last try worked or not.
RETRY_AFTER = timedelta(days=7)
#: The file types an icon may be stored as, in the order a reader should look.
ICON_EXTENSIONS = (".png", ".ico", ".gif", ".jpg", ".webp")
#: What the server is asked for (``*/*`` last because some hosts answer nothing else).
ICON_ACCEPT = "image/png,image/x-icon,image/vnd.microsoft.icon,image/*;q=0.8,*/*;q=0.1"
STATE_FILE = "state.json"
_THREADS = 4
_SCHEMES = ("http", "https")
#: Only one thread rewrites the state file at a time.
_STATE_LOCK = threading.Lock()

_ICO_MAGIC = b"\x00\x00\x01\x00"


def icons_dir(cache_dir: Path) -> Path:
    """Where a profile whose cache folder is ``cache_dir`` keeps its feed icons."""
    return cache_dir / ICONS_FOLDER


def sniff_icon(data: bytes) -> str | None:
    """The file extension for an icon's bytes, or ``None`` if they are not one we keep.

    PNG, GIF, JPEG and WebP are recognised the way article images are; ICO by its
    header (reserved 0, type 1, at least one image).  AVIF is refused here: icons
    are painted by Qt, which reads it only with an extra plugin.
    """
    if len(data) >= 6 and data.startswith(_ICO_MAGIC) and int.from_bytes(data[4:6], "little"):
        return ".ico"
    kind = sniff_image(data)
    if kind is None or kind.extension not in ICON_EXTENSIONS:
        return None
    return kind.extension


def _web_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    return url if urlsplit(url).scheme.lower() in _SCHEMES and urlsplit(url).netloc else None


def candidate_urls(icon_url: str | None, site_url: str | None, feed_url: str) -> list[str]:
    """Where a feed's icon may be: its declared icon, then ``/favicon.ico`` of its site.

    The site is the feed's web site if it names one, else the host serving the feed.
    Only http(s) addresses are returned, each once.
    """
    candidates: list[str] = []
    declared = _web_url(icon_url)
    if declared:
        candidates.append(declared)
    site = _web_url(site_url) or _web_url(feed_url)
    if site:
        parts = urlsplit(site)
        candidates.append(urlunsplit((parts.scheme, parts.netloc, "/favicon.ico", "", "")))
    return list(dict.fromkeys(candidates))


def feed_icon_path(icons_dir: Path, feed_id: int) -> Path | None:
    """The stored icon of ``feed_id``, if there is one."""
    for extension in ICON_EXTENSIONS:
        candidate = icons_dir / f"{int(feed_id)}{extension}"
        if candidate.is_file():
            return candidate
    return None


# --- the state file ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Attempt:
    """The last time a feed's icon was asked for."""

    url: str  # the first candidate then, so a new icon_url is tried at once
    tried: datetime
    ok: bool
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        tried = self.tried.isoformat()
        return {"url": self.url, "tried": tried, "ok": self.ok, "error": self.error}

    @classmethod
    def from_json(cls, data: Any) -> _Attempt | None:
        try:
            tried = datetime.fromisoformat(str(data["tried"]))
            if tried.tzinfo is None:
                tried = tried.replace(tzinfo=UTC)
            error = data.get("error")
            return cls(str(data["url"]), tried, bool(data["ok"]), str(error) if error else None)
        except (KeyError, TypeError, ValueError):
            return None


def _read_state(path: Path) -> dict[int, _Attempt]:
    """The state file's attempts by feed id; a missing or damaged file is an empty one."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("ignoring the unreadable icon state %s: %s", path, exc)
        return {}
    attempts: dict[int, _Attempt] = {}
    if isinstance(raw, dict):
        for key, value in raw.get("feeds", {}).items():
            attempt = _Attempt.from_json(value)
            if attempt is not None and str(key).isdigit():
                attempts[int(key)] = attempt
    return attempts


def _write_state(path: Path, attempts: dict[int, _Attempt]) -> None:
    document = {
        "version": 1,
        "feeds": {str(k): v.as_json() for k, v in sorted(attempts.items())},
    }
    write_atomically(path, json.dumps(document, indent=1, sort_keys=True).encode("utf-8"))


# --- downloading ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Feed:
    id: int
    candidates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Outcome:
    feed_id: int
    first_url: str
    stored: bool
    error: str | None = None


def _fetch_icon(transport: Transport, url: str) -> tuple[bytes, str]:
    """One candidate's bytes and extension; raises ``FetchError`` with the reason."""
    response = transport.get(url, max_bytes=MAX_ICON_BYTES, accept=ICON_ACCEPT)
    data = response.body
    if len(data) > MAX_ICON_BYTES:  # a transport that ignores max_bytes
        raise FetchError("the icon is larger than the size limit", url=url)
    extension = sniff_icon(data)
    if extension is None:
        declared = (response.content_type or "no content type").split(";", 1)[0].strip()
        raise FetchError(f"not a raster icon (served as {declared})", url=url)
    return data, extension


def _store(icons_dir: Path, feed_id: int, data: bytes, extension: str) -> None:
    """Save the icon as ``<feed_id><extension>`` and drop the feed's older files."""
    write_atomically(icons_dir / f"{feed_id}{extension}", data)
    for other in ICON_EXTENSIONS:
        if other != extension:
            with contextlib.suppress(FileNotFoundError):
                (icons_dir / f"{feed_id}{other}").unlink()


def _forget_files(icons_dir: Path, feed_id: int) -> None:
    for extension in ICON_EXTENSIONS:
        with contextlib.suppress(FileNotFoundError):
            (icons_dir / f"{feed_id}{extension}").unlink()


def _download(
    transport: Transport, icons_dir: Path, feed: _Feed, cancel: threading.Event | None
) -> _Outcome | None:
    """Try the feed's candidates in turn; every failure ends up in the outcome."""
    errors: list[str] = []
    for url in feed.candidates:
        if cancel is not None and cancel.is_set():
            return None
        try:
            data, extension = _fetch_icon(transport, url)
            _store(icons_dir, feed.id, data, extension)
        except NotTriedError:
            return None  # not asked at all: due again next time
        except FetchError as exc:
            errors.append(f"{url}: {exc or type(exc).__name__}")
            continue
        except OSError as exc:
            errors.append(f"cannot write the icon: {exc.strerror or exc}")
            break
        except Exception as exc:  # a transport bug must not end the refresh
            log.exception("fetching the icon %s failed", url)
            errors.append(f"{url}: {type(exc).__name__}: {exc}")
            continue
        return _Outcome(feed.id, feed.candidates[0], stored=True)
    error = "; ".join(errors) or "no address to ask"
    log.info("no icon for feed %s: %s", feed.id, error)
    return _Outcome(feed.id, feed.candidates[0] if feed.candidates else "", False, error[:500])


def _due(
    feeds: Iterable[_Feed], attempts: dict[int, _Attempt], icons_dir: Path, now: datetime
) -> list[_Feed]:
    """The feeds worth asking now: never asked, asked a week ago, or their icon changed."""
    due = []
    for feed in feeds:
        if not feed.candidates:
            continue
        last = attempts.get(feed.id)
        if last is None or last.url != feed.candidates[0] or now - last.tried >= RETRY_AFTER:
            due.append(feed)
        elif last.ok and feed_icon_path(icons_dir, feed.id) is None:
            due.append(feed)  # the file was deleted (a cache clean-up): fetch it again
    return due


def _candidates(feeds: Sequence[Feed]) -> list[_Feed]:
    unique = {feed.id: feed for feed in feeds}
    return [
        _Feed(f.id, tuple(candidate_urls(f.icon_url, f.site_url, f.url))) for f in unique.values()
    ]


def cache_feed_icons(
    transport: Transport,
    icons_dir: Path,
    feeds: Sequence[Feed],
    *,
    cancel: threading.Event | None = None,
    now: datetime | None = None,
) -> int:
    """Download the icons of *feeds* that are missing or a week old.

    Runs after a refresh, off any GUI thread.  Returns how many icon files were
    written.  Nothing is raised for one feed's failure (it is logged and tried again
    in a week); setting ``cancel`` stops starting new downloads.
    """
    now = now or datetime.now(UTC)
    icons_dir.mkdir(parents=True, exist_ok=True)
    state_path = icons_dir / STATE_FILE
    with _STATE_LOCK:
        due = _due(_candidates(feeds), _read_state(state_path), icons_dir, now)
    if not due:
        return 0
    outcomes: list[_Outcome] = []
    workers = max(1, min(_THREADS, len(due)))
    with cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="feed-icons") as pool:
        for outcome in pool.map(lambda f: _download(transport, icons_dir, f, cancel), due):
            if outcome is not None:
                outcomes.append(outcome)
    with _STATE_LOCK:
        attempts = _read_state(state_path)
        for outcome in outcomes:
            before = attempts.get(outcome.feed_id)
            if not outcome.stored and (before is None or before.url != outcome.first_url):
                _forget_files(icons_dir, outcome.feed_id)  # another feed's (reused id) or stale
            attempts[outcome.feed_id] = _Attempt(
                outcome.first_url, now, outcome.stored, outcome.error
            )
        try:
            _write_state(state_path, attempts)
        except OSError as exc:
            log.warning("cannot write the icon state %s: %s", state_path, exc)
    stored = sum(1 for o in outcomes if o.stored)
    log.info("feed icons: %d of %d feeds have a new icon", stored, len(due))
    return stored
