"""Feed icons for the sidebar as ``QIcon`` objects, read only from the profile (never fetched).

The refresh stores each feed's icon file (``Reader.feed_icon`` finds it); this
module turns those files into ``QIcon`` objects.  A feed without a cached icon gets
the generic feed icon, so painting the sidebar never touches the network.  Icons
are loaded once per feed and remembered until :meth:`FeedIconCache.clear`, which
the sidebar's model calls when a refresh stored new ones.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QIcon

from newsreader.core.types import Feed
from newsreader.ui.icons import Icon, icon

#: Finds a feed's cached icon file by the feed's id (``Reader.feed_icon``).
IconFinder = Callable[[int], Path | None]


class FeedIconCache:
    """Finds and remembers feed icons: *find_file* says where a feed's icon is."""

    def __init__(self, find_file: IconFinder | None) -> None:
        self._find_file = find_file
        self._icons: dict[int, QIcon | None] = {}

    def icon_for(self, feed: Feed) -> QIcon:
        """The feed's own icon, or the generic feed icon."""
        found = self._load(feed)
        return found if found is not None else icon(Icon.FEED)

    def clear(self) -> None:
        """Forget what was looked up (after a refresh stored new icons)."""
        self._icons.clear()

    def _load(self, feed: Feed) -> QIcon | None:
        if feed.id not in self._icons:
            path = self._find_file(feed.id) if self._find_file is not None else None
            loaded = QIcon(str(path)) if path is not None else None
            # a file Qt cannot decode gives a null icon: the generic one is shown instead
            self._icons[feed.id] = loaded if loaded is not None and not loaded.isNull() else None
        return self._icons[feed.id]
