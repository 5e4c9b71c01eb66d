"""Feed icons, read only from the profile's local cache (never fetched from here).

Icons are looked up as ``<cache>/favicons/<host>.<ext>``, where ``host`` is the host
name of the feed's site (or of the feed itself) without a leading ``www.``.  Whatever
stores favicons for a profile writes them there; when none is cached the generic feed
icon is shown, so painting a sidebar never touches the network.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtGui import QIcon

from newsreader.core.types import Feed
from newsreader.ui.icons import Icon, icon

#: File types a cached favicon may have, in order of preference.
_EXTENSIONS = (".png", ".svg", ".ico", ".jpg", ".jpeg", ".gif", ".webp")


def favicon_host(feed: Feed) -> str | None:
    """The host name a feed's icon is filed under."""
    for url in (feed.site_url, feed.url):
        if not url:
            continue
        host = (urlsplit(url).hostname or "").lower()
        if host:
            return host.removeprefix("www.")
    return None


class FaviconCache:
    """Finds and remembers feed icons in one cache folder."""

    def __init__(self, cache_dir: Path | None) -> None:
        self._folder = cache_dir / "favicons" if cache_dir is not None else None
        self._icons: dict[str, QIcon | None] = {}

    def path_for(self, feed: Feed) -> Path | None:
        """The cached icon file of ``feed``, if there is one."""
        host = favicon_host(feed)
        if self._folder is None or host is None:
            return None
        for extension in _EXTENSIONS:
            candidate = self._folder / f"{host}{extension}"
            if candidate.is_file():
                return candidate
        return None

    def icon_for(self, feed: Feed) -> QIcon:
        """The feed's own icon, or the generic feed icon."""
        host = favicon_host(feed) or ""
        if host not in self._icons:
            path = self.path_for(feed)
            found = QIcon(str(path)) if path is not None else None
            self._icons[host] = found if found is not None and not found.isNull() else None
        return self._icons[host] or icon(Icon.FEED)

    def clear(self) -> None:
        """Forget what was looked up (after icons were added to the cache)."""
        self._icons.clear()
