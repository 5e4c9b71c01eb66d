"""Render the application icon (SVG) to the PNG sizes the desktops ask for.

Run from the source tree after changing ``resources/icons/app/*.svg``::

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

The PNGs are kept in the repository beside the SVG, so that no build needs a
renderer: the Debian package and the AppImage install them into the hicolor theme.
The same PNGs are packed, as they are, into the Windows icon (``.ico``, for the
executable and the installer) and the macOS one (``.icns``, for the ``.app``):
both formats hold PNG images after a small table of sizes and offsets.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app"
APP_ID = "io.github.newsreader.Newsreader"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, target: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"cannot write {target}")


def write_ico(pngs: dict[int, bytes], target: Path) -> None:
    """A Windows icon: a header, one 16-byte entry per image, then the PNGs."""
    sizes = [size for size in sorted(pngs) if size <= 256]
    offset = 6 + 16 * len(sizes)
    head = struct.pack("<HHH", 0, 1, len(sizes))
    entries, data = b"", b""
    for size in sizes:
        png = pngs[size]
        side = 0 if size == 256 else size  # 0 stands for 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        data += png
    target.write_bytes(head + entries + data)


#: The macOS icon's element types that hold a PNG of each size.
_ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def write_icns(pngs: dict[int, bytes], target: Path) -> None:
    """A macOS icon: ``icns`` and its length, then (type, length, PNG) elements."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for size, kind in _ICNS_TYPES.items()
    )
    target.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / f"{APP_ID}.svg"
    pngs = {}
    for size in SIZES:
        target = ICONS / f"{APP_ID}-{size}.png"
        render(svg, size, target)
        pngs[size] = target.read_bytes()
    write_ico(pngs, ICONS / f"{APP_ID}.ico")
    write_icns(pngs, ICONS / f"{APP_ID}.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
