"""Argument types that check what was typed and say what is wrong in words.

argparse reports a type's ``ArgumentTypeError`` as a usage error (exit 2) naming the
option, so ``--size 10x`` is told how a size is written rather than shown Python's
``int()`` message.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

#: The sides a window may have, in pixels.
MIN_SIDE, MAX_SIDE = 200, 10000
_SIZE = re.compile(r"^\s*(\d{1,6})\s*[xX]\s*(\d{1,6})\s*$")


def size_of(text: str) -> tuple[int, int]:
    """``"1280x800"`` → ``(1280, 800)``; ValueError, in words, for anything else."""
    match = _SIZE.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a size: write WIDTHxHEIGHT in pixels, e.g. 1280x800")
    width, height = (int(side) for side in match.groups())
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ValueError(f"{text!r}: each side must be {MIN_SIDE} to {MAX_SIDE} pixels")
    return width, height


def window_size(text: str) -> str:
    """``WIDTHxHEIGHT`` with sides of 200 to 10000 pixels; returned as typed."""
    try:
        size_of(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def new_file_in_existing_folder(text: str) -> str:
    """A file to write whose folder exists: no folder is made on the user's behalf."""
    path = Path(text).expanduser()
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder, not a file name")
    folder = path.parent
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(
            f"cannot write {text}: the folder {folder} does not exist (it is not created)"
        )
    return text


def positive_seconds(text: str) -> float:
    """A number of seconds above zero (``300``, ``0.5``)."""
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not seconds > 0 or seconds == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of seconds above zero")
    return seconds


def positive_count(text: str) -> int:
    """A whole number above zero."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if count < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number above zero")
    return count


#: The longest user name taken (a name, not a text).
MAX_USER_NAME = 200


def user_name(text: str) -> str:
    """Whose state a command reads and writes: a name without surrounding blanks."""
    name = text.strip()
    if not name:
        raise argparse.ArgumentTypeError("a user name cannot be empty")
    if len(name) > MAX_USER_NAME or any(not c.isprintable() for c in name):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a user name: at most {MAX_USER_NAME} printable characters"
        )
    return name
