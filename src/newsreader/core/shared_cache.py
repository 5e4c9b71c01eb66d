"""Records about a cache shared through a database server (issue #15's desktops).

Plain values that cross from storage to the window: which server a profile's cache
is on (never its password), and how far its articles go, which is how a desktop
tells that another process stored new ones when no notification reaches it.
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


@dataclass(frozen=True, slots=True)
class ArticleWatermark:
    """How far a cache's articles go: the greatest article id and how many there are.

    Ids only grow, so a new article moves ``newest_id``; one stored by a transaction
    that took its id earlier but committed later (a second writer) still changes
    ``articles``.  Any change means "read the lists again".
    """

    newest_id: int
    articles: int
