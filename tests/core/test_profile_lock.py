"""One writer per data folder: the lock refuses a second holder and dies with its process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.core.profile_lock import (
    LOCK_FILE_NAME,
    ProfileBusyError,
    lock_profile,
    read_holder,
)

HOLD_AND_WAIT = """
import sys, time
from pathlib import Path
from newsreader.core.profile_lock import lock_profile
lock = lock_profile(Path(sys.argv[1]), "newsreader refresh")
print("locked", flush=True)
time.sleep(120)
"""


def test_a_second_writer_is_refused_with_the_folder_and_the_holder(tmp_path: Path) -> None:
    with lock_profile(tmp_path, "newsreader refresh"), pytest.raises(ProfileBusyError) as refused:
        lock_profile(tmp_path, "newsreader mark")
    message = str(refused.value)
    assert str(tmp_path) in message
    assert "newsreader refresh" in message
    assert f"process {os.getpid()}" in message
    assert refused.value.folder == tmp_path


def test_a_released_lock_can_be_taken_again_and_names_nobody(tmp_path: Path) -> None:
    first = lock_profile(tmp_path, "the Newsreader window")
    assert read_holder(tmp_path / LOCK_FILE_NAME) is not None
    first.release()
    first.release()  # idempotent
    assert not first.held
    assert read_holder(tmp_path / LOCK_FILE_NAME) is None
    with lock_profile(tmp_path, "newsreader demo") as second:
        assert second.held


def test_the_lock_file_is_user_only_and_the_folder_is_made(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "profile"
    with lock_profile(folder, "newsreader demo"):
        mode = (folder / LOCK_FILE_NAME).stat().st_mode & 0o777
    assert mode & 0o077 == 0


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_AND_WAIT, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(ProfileBusyError) as refused:
            lock_profile(tmp_path, "newsreader refresh")
        assert f"process {holder.pid}" in str(refused.value)
        holder.send_signal(signal.SIGKILL)
        holder.wait(30)
        # the file is still there, naming the dead process, yet it blocks nobody
        assert (tmp_path / LOCK_FILE_NAME).exists()
        with lock_profile(tmp_path, "newsreader refresh") as lock:
            assert lock.held
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(30)
        if holder.stdout is not None:
            holder.stdout.close()


def test_a_folder_that_cannot_hold_a_lock_file_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(Exception, match="cannot lock the data folder"):
        lock_profile(blocker, "newsreader demo")
