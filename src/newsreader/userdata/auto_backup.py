"""Automatic backups in ``DATA/backups/``: one set a day, the last seven days kept.

A set is two files written from the same moment: ``userdata-YYYY-MM-DD.json`` (the
export-data file: subscriptions, read and starred marks, notes) and
``subscriptions-YYYY-MM-DD.opml`` (the subscriptions for any feed reader).  The
window writes the day's set two minutes after it starts (if there is none yet), now
and then while it runs, and when it closes, each time replacing that day's set, so the
folder holds the last seven days on which Newsreader ran.

Both files are written atomically and durably, user-only (0600) in a user-only
folder (0700): notes are private.  A profile with no subscriptions and no marks is
never backed up, so a profile started afresh after its database was lost cannot
push the good sets out.  :func:`newest_readable` is what a repair restores from.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from newsreader.core.backup_records import UserData
from newsreader.core.errors import NewsreaderError, OPMLError
from newsreader.core.files import private_folder
from newsreader.fetch.opml import OutlineFeed, write_opml
from newsreader.storage.database import Database
from newsreader.userdata.backup import (
    collect_userdata,
    read_userdata_file,
    user_suffix,
    userdata_chunks,
    write_user_file,
)

log = logging.getLogger(__name__)

BACKUPS_FOLDER_NAME = "backups"
#: How many days' sets are kept.
KEEP = 7
_USERDATA_NAME = re.compile(r"^userdata-(\d{4}-\d{2}-\d{2})\.json$")


@dataclass(frozen=True, slots=True)
class BackupSet:
    """One day's backup files."""

    day: date
    userdata: Path
    opml: Path


def backups_folder(data_folder: Path, user: str | None = None) -> Path:
    """Where *user*'s backups go (``backups``, or ``backups-NAME`` for a user other than
    the OS user: each user's backup holds their own marks and notes)."""
    suffix = user_suffix(user) if user is not None else ""
    return Path(data_folder) / f"{BACKUPS_FOLDER_NAME}{suffix}"


def _set_for(folder: Path, day: date) -> BackupSet:
    stamp = day.isoformat()
    return BackupSet(day, folder / f"userdata-{stamp}.json", folder / f"subscriptions-{stamp}.opml")


def list_backups(folder: Path) -> list[BackupSet]:
    """The sets in *folder*, newest first (a set counts by its user-data file)."""
    sets = []
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    for name in names:
        match = _USERDATA_NAME.match(name)
        if match is None:
            continue
        try:
            day = date.fromisoformat(match.group(1))
        except ValueError:
            continue
        sets.append(_set_for(folder, day))
    return sorted(sets, key=lambda s: s.day, reverse=True)


def _today(now: datetime | None) -> date:
    return (now or datetime.now().astimezone()).date()


def _user_only_folder(folder: Path) -> None:
    try:
        private_folder(folder)
    except OSError as exc:
        raise NewsreaderError(f"cannot make the backup folder {folder}: {exc.strerror}") from exc


def _opml_bytes(data: UserData) -> bytes:
    return write_opml(
        OutlineFeed(url=s.url, title=s.title, site_url=s.site_url, folder=s.folder)
        for s in data.subscriptions
    )


def write_backup(
    db: Database,
    folder: Path,
    *,
    pending_file: Path | None = None,
    now: datetime | None = None,
) -> BackupSet | None:
    """Write (or replace) the day's set and keep the last :data:`KEEP`.

    Returns the set, or None for an empty profile (nothing is written then).
    Raises :class:`NewsreaderError` when a file cannot be written.
    """
    data = collect_userdata(db, pending_file=pending_file)
    if not data.subscriptions and not data.articles:
        return None
    _user_only_folder(folder)
    backup = _set_for(folder, _today(now))
    # Files from mkstemp are user-only (0600), and the rename keeps that.
    write_user_file(backup.opml, _opml_bytes(data))
    write_user_file(backup.userdata, userdata_chunks(data))
    prune(folder)
    log.info("backup written to %s", backup.userdata)
    return backup


def backup_if_due(
    db: Database,
    folder: Path,
    *,
    pending_file: Path | None = None,
    now: datetime | None = None,
) -> BackupSet | None:
    """The day's set, unless there is one already; the set written, or None."""
    if _set_for(folder, _today(now)).userdata.exists():
        return None
    return write_backup(db, folder, pending_file=pending_file, now=now)


def prune(folder: Path, keep: int = KEEP) -> None:
    """Remove every set but the newest *keep*."""
    for old in list_backups(folder)[keep:]:
        for path in (old.userdata, old.opml):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def newest_readable(folder: Path) -> tuple[BackupSet, UserData] | None:
    """The newest set whose user-data file reads back whole, with what it holds."""
    for backup in list_backups(folder):
        try:
            return backup, read_userdata_file(backup.userdata)
        except (OPMLError, NewsreaderError) as exc:
            log.warning("backup %s cannot be read: %s", backup.userdata, exc)
    return None


__all__ = [
    "KEEP",
    "BackupSet",
    "backup_if_due",
    "backups_folder",
    "list_backups",
    "newest_readable",
    "prune",
    "write_backup",
]
