"""Writing files so that nobody (a reader, a crash, another user) sees what is not theirs.

Files are written whole or not at all (:func:`write_atomically`), and the user's
folders and files are the user's alone on POSIX systems: folders ``0700``, files
``0600`` (:func:`private_folder`, :func:`private_file`).  What the user reads and
writes in notes says a lot about them, and a shared machine has other accounts.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import threading
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

#: The permission bits of anyone but the owner.
OTHERS = 0o077
#: What a new private folder and a new private file allow: their owner only.
PRIVATE_FOLDER, PRIVATE_FILE = 0o700, 0o600


def _posix() -> bool:
    return os.name == "posix"


def tighten(path: Path) -> None:
    """Take away every permission of others than the owner on *path*, if it exists.

    The owner's own bits stay as they are, and nothing in the file changes.  A path
    this user may not change (another user's folder) is left alone, with a note in
    the log: it is no reason not to start.
    """
    if not _posix():
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & OTHERS:
            os.chmod(path, mode & ~OTHERS)
    except FileNotFoundError:
        return
    except OSError as exc:
        log.warning("cannot make %s private: %s", path, exc.strerror or exc)


def private_folder(path: Path) -> Path:
    """Make *path* a folder only its owner may open: created so, or tightened.

    Missing parents are created as usual; only *path* itself is made private.
    """
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    tighten(path)
    return path


def private_file(path: Path) -> Path:
    """Make *path* a file only its owner may read: created empty if missing, else tightened."""
    if not path.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    tighten(path)
    return path


#: How a temporary file is opened: written from the start, never handed to a child.
_PART_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)


def write_atomically(target: Path, data: bytes | Iterable[bytes], *, durable: bool = False) -> None:
    """Write through a temporary file in the same folder, then rename it into place.

    *data* is the whole content, or its pieces one after another (a big document
    written as it is made, never held whole in memory).

    With *durable*, the bytes reach the disk before the rename, so that even a crash
    of the machine leaves the old file or the new one and never an empty one.  That
    costs a wait on the disk: worth it for what only the user made, not for a cache
    whose files can be fetched again.

    The file is its owner's alone (``0600``): the temporary file is made so.  It is
    named after the target, this process and the writing thread, a name no other
    writer uses at the same time, so none has to be drawn at random: a refresh writes
    thousands of pictures this way.
    """
    folder, name = os.path.split(target)
    part = os.path.join(folder, f".part-{name}-{os.getpid()}-{threading.get_native_id()}.tmp")
    try:
        fd = os.open(part, _PART_FLAGS, PRIVATE_FILE)
        try:
            if isinstance(data, bytes):
                _write_all(fd, data)
            else:
                with os.fdopen(fd, "wb", closefd=False) as tmp:  # many pieces: buffered
                    tmp.writelines(data)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(part, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(part)
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
