"""The part of :class:`~newsreader.reader.Reader` that keeps the user's own data safe."""

from __future__ import annotations

from pathlib import Path

from newsreader.reader.profile import ProfileParts
from newsreader.userdata import backup as userdata
from newsreader.userdata.backup import ImportReport


class BackupMixin(ProfileParts):
    """Subscriptions, marks and notes to a file and back, merging and never dropping."""

    @property
    def pending_state_file(self) -> Path | None:
        """Where restored marks wait for their articles (``None`` without a profile folder)."""
        return self.paths.data / userdata.PENDING_FILE_NAME if self.paths else None

    def export_data(self, path: Path) -> None:
        """Write subscriptions, marks and notes to one JSON file (atomically)."""
        userdata.export_data(self._db, Path(path), pending_file=self.pending_state_file)

    def import_data(self, path: Path) -> ImportReport:
        """Merge a backup into this profile; a malformed file changes nothing."""
        return userdata.import_data(self._db, Path(path), pending_file=self.pending_state_file)

    def apply_pending_state(self) -> int:
        """Restore imported marks onto articles a refresh just brought; cheap when none wait."""
        return userdata.apply_pending_state(self._db, self.pending_state_file)
