"""Which commands change the profile, the data folder's lock they hold while they run,
and the day's backup they leave.

Writers take the lock (:mod:`newsreader.core.profile_lock`) before opening the
profile, so a second writer, or a command run while the window is open, stops at
once with a message naming the folder and its holder (exit :data:`EXIT_BUSY`)
instead of racing the first.  Readers take nothing: SQLite lets them read beside a
writer.  A writer that finds no backup of the day writes it (the window does the
same), so a profile only ever refreshed from a timer is backed up too; that costs
one ``stat`` on every later command of the day.
"""

from __future__ import annotations

import argparse
import contextlib
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, TextIO

from newsreader.cli.stories import WRITING_ACTIONS as STORY_WRITERS
from newsreader.core.errors import NewsreaderError
from newsreader.core.paths import app_paths
from newsreader.core.profile_lock import lock_profile

if TYPE_CHECKING:
    from newsreader.reader import Reader

#: Commands that change the profile whatever their options.
_WRITERS = frozenset({"refresh", "mark", "demo", "repair", "import-data", "comments"})
#: ``feeds`` actions that change the subscriptions.
_FEED_WRITERS = frozenset({"add", "remove", "import", "set"})


def changes_profile(args: argparse.Namespace) -> bool:
    """Whether the command in *args* writes to the profile.

    ``comments`` counts as a writer: a thread never fetched is fetched and stored.
    """
    command = args.command
    if command == "feeds":
        return args.feeds_command in _FEED_WRITERS
    if command == "notes":
        return args.add is not None or args.delete is not None
    if command == "stories":
        return args.stories_command in STORY_WRITERS
    if command == "read":  # --full fetches the page and stores it
        return bool(getattr(args, "full", False))
    return command in _WRITERS


def command_name(args: argparse.Namespace) -> str:
    """``newsreader feeds add``: the command as the user typed it, for the lock's holder."""
    words = ["newsreader", args.command]
    if args.command == "feeds":
        words.append(args.feeds_command)
    if args.command == "stories" and args.stories_command:
        words.append(args.stories_command)
    return " ".join(words)


def profile_guard(args: argparse.Namespace) -> AbstractContextManager[object]:
    """The data folder's lock for a writer, nothing for a reader.

    Raises :class:`~newsreader.core.profile_lock.ProfileBusyError` when another
    process holds it.
    """
    if not changes_profile(args):
        return contextlib.nullcontext()
    return lock_profile(app_paths(args.data_dir).data, command_name(args))


def back_up_daily(reader: Reader, args: argparse.Namespace, err: TextIO) -> None:
    """After a writer: the day's backup, unless it is written already.

    A backup that cannot be written is a warning: the command itself did its work.
    """
    if not changes_profile(args):
        return
    try:
        reader.backup_if_due()
    except (NewsreaderError, OSError) as exc:
        err.write(f"newsreader: warning: the daily backup could not be written: {exc}\n")
