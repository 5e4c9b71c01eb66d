"""A damaged database set aside, and a new one started with what could be read of it.

A profile's database can be damaged by a disk fault, a crash of the machine in the
middle of a write, or a copy made while it was written.  Newsreader then refuses to
open it and says why; :func:`repair_profile` is the way on.  It never deletes or
writes the damaged file: the file (with its ``-wal`` and ``-shm`` companions) is
renamed beside itself, ``newsreader.sqlite3.damaged-<time>``.  What only the user
made is read back from it (:mod:`newsreader.storage.salvage`) into a new database:
subscriptions and folders at once; read and starred marks and notes wait, as after
restoring a backup, until a refresh brings their articles back.  Notes whose article
could not be named are written to a text file beside the damaged one.

Every user's marks, notes and saved searches come back as theirs; the backups merged
are the OS user's.  The newest readable automatic backup (:mod:`newsreader.userdata.auto_backup`) is
merged in as well: it brings back what the damage made unreadable.  A database that
is gone altogether (deleted, lost with a disk) is started again from that backup
alone.  Merging never drops anything, so restoring both is safe.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsreader.core.backup_records import ArticleRecord, UserData
from newsreader.core.paths import AppPaths
from newsreader.storage.database import Database, damage_marker_for, sqlite_url
from newsreader.storage.salvage import (
    database_is_sound,
    salvage_user_data,
    stray_notes_text,
)
from newsreader.userdata import auto_backup
from newsreader.userdata import backup as userdata

__all__ = [
    "RepairReport",
    "damage_suspected",
    "database_is_sound",
    "database_lost",
    "repair_profile",
]

log = logging.getLogger(__name__)

#: The files SQLite keeps for one database in WAL mode.
_COMPANIONS = ("", "-wal", "-shm")


@dataclass(frozen=True, slots=True)
class RepairReport:
    """What a repair did; ``repaired`` is False when the database was sound."""

    repaired: bool
    kept_as: Path | None = None  # the damaged file, renamed
    subscriptions: int = 0
    articles: int = 0  # articles whose marks or notes come back (now or after a refresh)
    notes: int = 0
    stray_notes_file: Path | None = None
    damaged_tables: tuple[str, ...] = ()
    backup: Path | None = None  # the automatic backup restored from


def damage_suspected(paths: AppPaths) -> bool:
    """Whether damage was met in the profile's database and the file is still not sound.

    Opening reads little of the file, so a damaged table shows only when it is used;
    the session that meets it leaves a mark (``Database.damage_marker``), and the next
    start checks the whole file.  A sound file clears the mark.
    """
    marker = damage_marker_for(paths.database)
    if not marker.exists():
        return False
    if paths.database.exists() and database_is_sound(paths.database):
        marker.unlink(missing_ok=True)
        return False
    return True


def database_lost(paths: AppPaths) -> bool:
    """Whether the profile's database is gone while a backup of it is kept."""
    folder = auto_backup.backups_folder(paths.data)
    return not paths.database.exists() and bool(auto_backup.list_backups(folder))


def repair_profile(paths: AppPaths, *, force: bool = False) -> RepairReport:
    """Set the profile's damaged database aside and start a new one from what it holds.

    A sound database is left alone unless ``force`` is given; a missing one is
    started again from the newest backup, if there is one.
    """
    database = paths.database
    marker = damage_marker_for(database)
    pending_file = paths.data / userdata.PENDING_FILE_NAME
    backup = auto_backup.newest_readable(auto_backup.backups_folder(paths.data))
    if not database.exists():
        marker.unlink(missing_ok=True)
        if backup is None:
            return RepairReport(repaired=False)
        return _restore_backup(paths, backup, pending_file)
    if not force and database_is_sound(database):
        marker.unlink(missing_ok=True)
        return RepairReport(repaired=False)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    kept = database.with_name(f"{database.name}.damaged-{stamp}")
    for suffix in _COMPANIONS:
        source = Path(f"{database}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{kept}{suffix}"))
    marker.unlink(missing_ok=True)
    log.info("damaged database %s set aside as %s", database, kept)

    salvage = salvage_user_data(kept)
    records = salvage.data.articles
    db = Database(sqlite_url(database))
    try:
        restored = userdata.restore(db, salvage.data, pending_file=pending_file)
        added = restored.feeds_added
        records = (*records, *_restore_others(paths, salvage.others))
        if backup is not None:
            from_backup = userdata.restore(db, backup[1], pending_file=pending_file)
            added += from_backup.feeds_added
            records = tuple(userdata.merge_all([*records, *backup[1].articles]))
    finally:
        db.close()
    stray_file = None
    if salvage.stray_notes:
        stray_file = kept.with_name(f"{kept.name}-notes.txt")
        userdata.write_user_file(stray_file, stray_notes_text(salvage.stray_notes).encode())
    return RepairReport(
        repaired=True,
        kept_as=kept,
        subscriptions=added,
        articles=len(records),
        notes=sum(len(r.notes) for r in records) + len(salvage.stray_notes),
        stray_notes_file=stray_file,
        damaged_tables=salvage.damaged_tables,
        backup=backup[0].userdata if backup is not None else None,
    )


def _restore_others(paths: AppPaths, others: Sequence[tuple[str, UserData]]) -> list[ArticleRecord]:
    """The other users' marks, notes and saved searches, each restored as theirs."""
    records: list[ArticleRecord] = []
    for user, data in others:
        db = Database(sqlite_url(paths.database), user=user)
        try:
            pending_file = paths.data / userdata.pending_file_name(user)
            userdata.restore(db, data, pending_file=pending_file)
        finally:
            db.close()
        records.extend(data.articles)
    return records


def _restore_backup(
    paths: AppPaths,
    backup: tuple[auto_backup.BackupSet, UserData],
    pending_file: Path,
) -> RepairReport:
    """A new database with the backup's subscriptions; its marks wait for a refresh."""
    chosen, data = backup
    db = Database(sqlite_url(paths.database))
    try:
        restored = userdata.restore(db, data, pending_file=pending_file)
    finally:
        db.close()
    log.info("database %s started again from %s", paths.database, chosen.userdata)
    return RepairReport(
        repaired=True,
        subscriptions=restored.feeds_added,
        articles=len(data.articles),
        notes=sum(len(r.notes) for r in data.articles),
        backup=chosen.userdata,
    )
