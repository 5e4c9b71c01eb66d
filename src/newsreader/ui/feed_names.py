"""Feed names made to fit: cut where the names of one site do not differ.

Sites name their feeds "site — section" ("الأفق | Horizon — أسواق ومال"); cut at
the end, three sections of one site all read "الأفق | Horizon — أسوا…".  A name
that does not fit keeps its section whole and gives up the site's part first
("الأفق… — أسواق ومال"), and with no room even for that, the section alone, cut
in the middle.  A name without a section is cut in the middle, which keeps both
its start and its end.  The full name always goes in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

#: What separates a site's name from its section, strongest first.
SECTION_SEPARATORS: tuple[str, ...] = (" — ", " – ", " | ", " - ", ": ")
#: The least of a site's name worth showing before the section (in characters).
_MIN_SITE_CHARS = 3
_ELLIPSIS = "…"


def split_site_section(name: str) -> tuple[str, str] | None:
    """``"Site — Section"`` → ``("Site", "Section")``; ``None`` for a name without one.

    The last strong separator splits, so "الأفق | Horizon — أسواق" is the site
    "الأفق | Horizon" and the section "أسواق".
    """
    for separator in SECTION_SEPARATORS:
        site, sep, section = name.rpartition(separator)
        if sep and site.strip() and section.strip():
            return site.strip(), section.strip()
    return None


def fit_feed_name(name: str, metrics: QFontMetrics, width: int) -> str:
    """``name`` as it fits in ``width`` pixels, shortened where it hurts least."""
    name = " ".join(name.split())
    if width <= 0:
        return ""
    if metrics.horizontalAdvance(name) <= width:
        return name
    parts = split_site_section(name)
    if parts is not None:
        site, section = parts
        joint = " — "
        room = width - metrics.horizontalAdvance(joint + section)
        while room > 0:
            short_site = metrics.elidedText(site, Qt.TextElideMode.ElideRight, room)
            if len(short_site.rstrip(_ELLIPSIS)) < _MIN_SITE_CHARS:
                break
            shortened = short_site + joint + section
            # joined, mixed-direction text may shape a pixel or two wider than its parts
            if metrics.horizontalAdvance(shortened) <= width:
                return shortened
            room -= 2
        return metrics.elidedText(section, Qt.TextElideMode.ElideMiddle, width)
    return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width)
