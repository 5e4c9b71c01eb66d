"""Feed icons for the sidebar, read only from the profile's icon cache (never fetched here).

The refresh stores each feed's icon as ``<cache>/icons/<feed_id>.<ext>`` (see
:mod:`newsreader.fetch.favicons`); this module turns those files into ``QIcon``
objects.  A feed without a cached icon gets the generic feed icon, so painting the
sidebar never touches the network.  Icons are loaded once per feed and remembered
until :meth:`FaviconCache.clear`, which the window calls when a refresh stored new
ones.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from newsreader.core.types import Feed
from newsreader.fetch.favicons import feed_icon_path, icons_dir
from newsreader.ui.icons import Icon, icon


class FaviconCache:
    """Finds and remembers feed icons in one profile's icon folder."""

    def __init__(self, cache_dir: Path | None) -> None:
        self._folder = icons_dir(cache_dir) if cache_dir is not None else None
        self._icons: dict[int, QIcon | None] = {}

    @property
    def folder(self) -> Path | None:
        return self._folder

    def path_for(self, feed: Feed) -> Path | None:
        """The cached icon file of ``feed``, if there is one."""
        if self._folder is None:
            return None
        return feed_icon_path(self._folder, feed.id)

    def has_icon(self, feed: Feed) -> bool:
        return self._load(feed) is not None

    def icon_for(self, feed: Feed) -> QIcon:
        """The feed's own icon, or the generic feed icon."""
        found = self._load(feed)
        return found if found is not None else icon(Icon.FEED)

    def clear(self) -> None:
        """Forget what was looked up (after a refresh stored new icons)."""
        self._icons.clear()

    def _load(self, feed: Feed) -> QIcon | None:
        if feed.id not in self._icons:
            path = self.path_for(feed)
            loaded = QIcon(str(path)) if path is not None else None
            # a file Qt cannot decode gives a null icon: the generic one is shown instead
            self._icons[feed.id] = loaded if loaded is not None and not loaded.isNull() else None
        return self._icons[feed.id]
