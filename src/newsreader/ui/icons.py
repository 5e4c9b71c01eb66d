"""The application's icons, drawn as SVG files in ``resources/icons``.

Monochrome icons are written with ``currentColor`` and tinted here with the palette's
text colour, so they stay readable in both light and dark themes; coloured icons
(the star, the live dot, the error badge) keep their own colours.  Icons are cached
per palette colour, so a theme change simply produces fresh ones.
"""

from __future__ import annotations

import enum
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from newsreader.core.paths import resources_dir

#: Sizes rendered into every icon; Qt picks the nearest one and scales for HiDPI.
_SIZES = (16, 20, 24, 32, 48, 64)


class Icon(enum.StrEnum):
    """Every icon the GUI uses; the value is the SVG file's stem."""

    ADD = "add"
    ALL = "all"
    APP = "newsreader"
    CANCEL = "cancel"
    COMMENTS = "comments"
    ERROR = "error"
    FEED = "feed"
    FILTER = "filter"
    FOLDER = "folder"
    LIVE = "live"
    MARK_READ = "mark-read"
    OFFLINE = "offline"
    OPEN_EXTERNAL = "open-external"
    PINNED = "pinned"
    PREFERENCES = "preferences"
    REFRESH = "refresh"
    STAR = "star"
    STAR_OUTLINE = "star-outline"
    TOPIC = "topic"
    UNREAD = "unread"
    VIDEO = "video"


def icons_dir() -> Path:
    """Where the SVG sources live (the source tree or the installed package)."""
    return resources_dir() / "icons"


@cache
def _svg_source(name: str) -> str:
    try:
        return (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")
    except OSError:
        return ""


def _text_color() -> QColor:
    app = QGuiApplication.instance()
    if app is None:
        return QColor(Qt.GlobalColor.black)
    return QGuiApplication.palette().color(QPalette.ColorRole.WindowText)


def render_svg(svg: str, size: int, ratio: float = 1.0) -> QPixmap:
    """Render SVG text into a transparent square pixmap of ``size`` logical pixels."""
    pixels = max(1, round(size * ratio))
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if renderer.isValid():
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, pixels, pixels))
        painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@cache
def _icon_for(name: str, color: str) -> QIcon:
    svg = _svg_source(name).replace("currentColor", color)
    result = QIcon()
    if not svg:
        return result
    for size in _SIZES:
        result.addPixmap(render_svg(svg, size))
        result.addPixmap(render_svg(svg, size, 2.0))
    return result


def icon(which: Icon | str) -> QIcon:
    """The icon ``which``, tinted for the current palette (an empty icon if missing)."""
    if QGuiApplication.instance() is None:  # pixmaps need a GUI application
        return QIcon()
    return _icon_for(str(which), _text_color().name())


def pixmap(which: Icon | str, size: int = 16, ratio: float = 1.0) -> QPixmap:
    """A pixmap of ``which`` at ``size`` logical pixels, for delegates that paint."""
    return icon(which).pixmap(QSize(size, size), ratio)


def app_icon() -> QIcon:
    """The window and tray icon."""
    return icon(Icon.APP)


def clear_cache() -> None:
    """Forget rendered icons (after a palette change)."""
    _icon_for.cache_clear()
