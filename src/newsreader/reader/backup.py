"""The part of :class:`~newsreader.reader.Reader` that keeps the user's own data safe."""

from __future__ import annotations

from pathlib import Path

from newsreader.reader.profile import ProfileParts
from newsreader.userdata import auto_backup
from newsreader.userdata import backup as userdata
from newsreader.userdata.auto_backup import BackupSet
from newsreader.userdata.backup import ImportReport


class BackupMixin(ProfileParts):
    """Subscriptions, marks and notes to a file and back, merging and never dropping."""

    @property
    def pending_state_file(self) -> Path | None:
        """Where restored marks wait for their articles (``None`` without a profile folder).

        Each user's own: the OS user's ``pending-state.json``, another's suffixed
        with their name.
        """
        if self.paths is None:
            return None
        return self.paths.data / userdata.pending_file_name(self._db.user)

    def export_data(self, path: Path) -> None:
        """Write subscriptions, marks and notes to one JSON file (atomically)."""
        userdata.export_data(self._db, Path(path), pending_file=self.pending_state_file)

    def import_data(self, path: Path) -> ImportReport:
        """Merge a backup into this profile; a malformed file changes nothing."""
        return userdata.import_data(self._db, Path(path), pending_file=self.pending_state_file)

    def apply_pending_state(self) -> int:
        """Restore imported marks onto articles a refresh just brought; cheap when none wait."""
        return userdata.apply_pending_state(self._db, self.pending_state_file)

    # -- automatic backups (DATA/backups) ------------------------------------------------

    @property
    def backups_folder(self) -> Path | None:
        """Where the user's daily backups go (``None`` without a profile folder)."""
        return auto_backup.backups_folder(self.paths.data, self._db.user) if self.paths else None

    def write_backup(self) -> BackupSet | None:
        """Write (or replace) today's backup and keep the last seven days.

        None when there is no profile folder or nothing to keep (an empty profile).
        """
        folder = self.backups_folder
        if folder is None:
            return None
        return auto_backup.write_backup(self._db, folder, pending_file=self.pending_state_file)

    def backup_if_due(self) -> BackupSet | None:
        """Today's backup, unless it is written already."""
        folder = self.backups_folder
        if folder is None:
            return None
        return auto_backup.backup_if_due(self._db, folder, pending_file=self.pending_state_file)

    def list_backups(self) -> list[BackupSet]:
        """The backups kept, newest first."""
        folder = self.backups_folder
        return auto_backup.list_backups(folder) if folder else []
