"""Which links leave the app, and how: one rule for the reading pane, the lists and menus.

Web and mail links are handed to the system.  The bundled demo host exists only
inside Newsreader: its links open the local file that stands for them (a shipped
file, or a demo article's page written when the demo was loaded), and otherwise
not at all, since no browser can reach that host.  Anything else a page
links to (``javascript:``, ``file:``, ``data:``...) never leaves the app.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl

from newsreader.core.demo import DEMO_BASE, demo_file

__all__ = ["openable_url"]

#: Only these link schemes are handed to the system.
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})


def openable_url(
    link: str | None, local_copy: Callable[[str], Path | None] = demo_file
) -> QUrl | None:
    """``link`` as a URL the system may open, else ``None``.

    *local_copy* finds the file behind a demo-host link (``Reader.demo_copy`` also
    knows the demo's article pages; by default only shipped files are found).
    """
    if not link:
        return None
    link = link.strip()
    if link.startswith(DEMO_BASE):
        local = local_copy(link)
        if local is None:
            return None
        url = QUrl.fromLocalFile(str(local))
        if "#" in link:
            url.setFragment(link.split("#", 1)[1])
        return url
    url = QUrl(link)
    if not url.isValid() or url.scheme().lower() not in OPENABLE_SCHEMES:
        return None
    return url
