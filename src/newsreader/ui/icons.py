"""The application's icons, drawn as SVG files in ``resources/icons``.

Monochrome icons are written with ``currentColor`` and tinted here with the palette's
text colour, so they stay readable in both light and dark themes; coloured icons
(the star, the live dot, the error badge) keep their own colours.  Icons are cached
per palette colour, so a theme change simply produces fresh ones.  Each icon is drawn
at a size only when that size is first painted (:class:`_SvgIconEngine`): drawing
every size of every icon up front was a third of the window's construction.
"""

from __future__ import annotations

import enum
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from newsreader.core.paths import resources_dir

#: The sizes an icon says it has (it draws any size asked for, when asked).
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


class _SvgIconEngine(QIconEngine):
    """An SVG icon drawn at each size (and pixel ratio) when it is first asked for.

    Other modes than the normal one (a disabled button's) are made from the normal
    pixmap the way Qt makes them for any icon.
    """

    def __init__(self, svg: str) -> None:
        super().__init__()
        self._svg = svg
        self._drawn: dict[tuple[int, float], QPixmap] = {}

    def _normal(self, side: int, ratio: float) -> QPixmap:
        drawn = self._drawn.get((side, ratio))
        if drawn is None:
            drawn = self._drawn[(side, ratio)] = render_svg(self._svg, side, ratio)
        return drawn

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        drawn = self._normal(side, scale)
        if mode in (QIcon.Mode.Normal, QIcon.Mode.Active):
            return drawn
        return QIcon(drawn).pixmap(QSize(side, side), scale, mode, state)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        side = max(1, min(rect.width(), rect.height()))
        square = QRect(0, 0, side, side)
        square.moveCenter(rect.center())
        painter.drawPixmap(square, self.scaledPixmap(square.size(), mode, state, ratio))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        # in pixels, as Qt says of drawn icons: each size, and twice it for dense screens
        return [QSize(side * ratio, side * ratio) for ratio in (1, 2) for side in _SIZES]

    def clone(self) -> QIconEngine:
        return _SvgIconEngine(self._svg)

    def isNull(self) -> bool:
        return not self._svg


@cache
def _icon_for(name: str, color: str) -> QIcon:
    svg = _svg_source(name).replace("currentColor", color)
    if not svg:
        return QIcon()
    return QIcon(_SvgIconEngine(svg))


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
