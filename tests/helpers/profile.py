"""What tests may see behind a :class:`~newsreader.reader.Reader`: its database and transport.

The window and the command line never reach them: ``Reader`` is their only door.
Tests that check what a real refresh left in storage, or drive one layer below the
Reader on the same profile, take them from here, the one place that knows where a
Reader keeps them.
"""

from __future__ import annotations

from newsreader.fetch.transport import Transport
from newsreader.reader import Reader
from newsreader.storage.database import Database
from newsreader.update.parse_pool import ParsePool


def database_of(reader: Reader) -> Database:
    """The profile's database, for checking what storage holds."""
    return reader._db


def transport_of(reader: Reader) -> Transport:
    """The profile's transport, for driving the fetch layer on the same profile."""
    return reader._transport


def parse_pool_of(reader: Reader) -> ParsePool:
    """The profile's parse workers, for checking how a refresh parsed."""
    return reader._parse_pool


def replace_parse_pool(reader: Reader, pool: ParsePool) -> None:
    """Give the profile other parse workers (a tighter time limit), closing its own."""
    reader._parse_pool.shutdown()
    reader._parse_pool = pool
    reader._comment_fetcher_made = None  # made again on first use, with the new pool
