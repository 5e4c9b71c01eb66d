"""Records about a cache shared through a database server (issue #15's desktops).

Plain values that cross from storage to the window: which server a profile's cache
is on (never its password).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CacheServer:
    """The server a shared cache is on: host, port and database, and nothing secret."""

    host: str
    port: int
    database: str

    def __str__(self) -> str:
        return f"{self.host}:{self.port}/{self.database}"
