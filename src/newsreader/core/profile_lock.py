"""One writer per data folder: an advisory lock on ``DATA/newsreader.lock``.

The window and every command that changes the profile (a refresh, a subscription,
a mark, a note, a restore, a repair) hold the lock while they run; commands that
only read (articles, read, feeds list) do not need it, SQLite's WAL lets them read
beside a writer.  A second writer is refused at once with
:class:`ProfileBusyError`, which names the folder and the process holding it.

The lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on
Windows), tied to an open file: it goes when the process ends, however it ends, so
a killed process never leaves a stale lock behind.  The file itself stays; its text
only says who holds it now, for the message.  The window's own refresh process works
under the window's lock and takes none.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsreader.core.errors import NewsreaderError
from newsreader.core.files import PRIVATE_FILE, private_folder

LOCK_FILE_NAME = "newsreader.lock"
#: Windows locks a byte range: one byte past any text the file will hold.
_WINDOWS_LOCK_OFFSET = 1 << 20


class ProfileBusyError(NewsreaderError):
    """Another process is writing to this data folder."""

    def __init__(self, folder: Path, holder: str) -> None:
        self.folder = folder
        self.holder = holder
        super().__init__(
            f"the data folder {folder} is in use by {holder}; try again when it has finished"
        )


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds a folder's lock, as its lock file says."""

    pid: int
    what: str  # e.g. "newsreader refresh", "the Newsreader window"
    since: datetime

    def describe(self) -> str:
        return f"{self.what} (process {self.pid}, since {self.since:%Y-%m-%d %H:%M} UTC)"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - POSIX here
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - POSIX here
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def read_holder(lock_file: Path) -> LockHolder | None:
    """What the lock file says of its holder; None if it says nothing readable."""
    try:
        value = json.loads(lock_file.read_text(encoding="utf-8"))
        return LockHolder(
            int(value["pid"]), str(value["what"]), datetime.fromisoformat(value["since"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


class ProfileLock:
    """The held lock of one data folder; :meth:`release` (or ``with``) lets it go."""

    def __init__(self, folder: Path, fd: int) -> None:
        self.folder = folder
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Let the lock go (idempotent); the file stays for the next holder."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # no stale name in the file once nobody holds it
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)

    def __enter__(self) -> ProfileLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_profile(folder: Path, what: str) -> ProfileLock:
    """Take the data folder's lock for *what* (said to anyone refused), or raise.

    Raises :class:`ProfileBusyError` at once if another process holds it, and
    :class:`NewsreaderError` if the lock file cannot be made.
    """
    folder = Path(folder)
    lock_file = folder / LOCK_FILE_NAME
    try:
        private_folder(folder)  # as the profile makes it: its owner's alone
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    except OSError as exc:
        raise NewsreaderError(f"cannot lock the data folder {folder}: {exc.strerror}") from exc
    if not _try_lock(fd):
        os.close(fd)
        holder = read_holder(lock_file)
        raise ProfileBusyError(
            folder, holder.describe() if holder else "another Newsreader process"
        )
    text = json.dumps({"pid": os.getpid(), "what": what, "since": datetime.now(UTC).isoformat()})
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text.encode("utf-8"))
    except OSError:
        pass  # the lock holds; only the message to others is poorer
    return ProfileLock(folder, fd)


__all__ = ["LOCK_FILE_NAME", "LockHolder", "ProfileBusyError", "ProfileLock", "lock_profile"]
