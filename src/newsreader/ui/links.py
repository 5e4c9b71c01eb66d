"""Which links leave the app, and how: one rule for the reading pane, the lists and menus.

Web and mail links are handed to the system.  The bundled demo host exists only
inside Newsreader: its links open the shipped file when there is one, and
otherwise not at all, since no browser can reach that host.  Anything else a page
links to (``javascript:``, ``file:``, ``data:``...) never leaves the app.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl

from newsreader.fetch.transport import DEMO_BASE, demo_file

__all__ = ["openable_url"]

#: Only these link schemes are handed to the system.
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})


def openable_url(link: str | None) -> QUrl | None:
    """``link`` as a URL the system may open, else ``None``."""
    if not link:
        return None
    link = link.strip()
    if link.startswith(DEMO_BASE):
        local = demo_file(link)
        return QUrl.fromLocalFile(str(local)) if local is not None else None
    url = QUrl(link)
    if not url.isValid() or url.scheme().lower() not in OPENABLE_SCHEMES:
        return None
    return url
