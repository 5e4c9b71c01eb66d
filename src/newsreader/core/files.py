"""Writing files so that nobody (a reader, a crash) ever sees half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes, *, durable: bool = False) -> None:
    """Write through a temporary file in the same folder, then rename it into place.

    With *durable*, the bytes reach the disk before the rename, so that even a crash
    of the machine leaves the old file or the new one and never an empty one.  That
    costs a wait on the disk: worth it for what only the user made, not for a cache
    whose files can be fetched again.
    """
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".part-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            if durable:
                tmp.flush()
                os.fsync(tmp.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
