"""The icons: each drawn from its SVG, tinted with the palette's text colour unless coloured."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette, QPixmap

from newsreader.ui import icons
from newsreader.ui.icons import Icon, app_icon, icon, icons_dir, pixmap, render_svg

pytestmark = pytest.mark.gui


def colours(image: QImage) -> set[str]:
    """The opaque colours of an icon (anti-aliased edges left out)."""
    return {
        image.pixelColor(x, y).name()
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() == 255
    }


@pytest.fixture
def red_text(qapp) -> Iterator[QColor]:
    """A palette whose text is red, as a theme change makes one (put back afterwards)."""
    before = QGuiApplication.palette()
    changed = QPalette(before)
    red = QColor("#c00000")
    changed.setColor(QPalette.ColorRole.WindowText, red)
    QGuiApplication.setPalette(changed)
    try:
        yield red
    finally:
        QGuiApplication.setPalette(before)


def test_every_icon_has_its_drawing(qapp) -> None:
    shipped = {path.stem for path in icons_dir().glob("*.svg")}
    assert {str(which) for which in Icon} <= shipped
    for which in Icon:
        drawn = icon(which)
        assert not drawn.isNull(), which
        sizes = {(size.width(), size.height()) for size in drawn.availableSizes()}
        # from 16 up to 64 logical pixels, and twice that for dense screens
        assert {(16, 16), (24, 24), (48, 48), (64, 64), (128, 128)} <= sizes, which
    assert not app_icon().isNull()


def test_plain_icons_take_the_text_colour_and_follow_a_theme_change(qapp) -> None:
    text = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    assert colours(pixmap(Icon.ADD, 24).toImage()) == {text.name()}
    before = QGuiApplication.palette()
    themed = QPalette(before)
    themed.setColor(QPalette.ColorRole.WindowText, QColor("#c00000"))
    QGuiApplication.setPalette(themed)
    try:
        assert colours(pixmap(Icon.ADD, 24).toImage()) == {"#c00000"}
    finally:
        QGuiApplication.setPalette(before)
    assert colours(pixmap(Icon.ADD, 24).toImage()) == {text.name()}


def test_coloured_icons_keep_their_colours(qapp, red_text) -> None:
    star = colours(pixmap(Icon.STAR, 48).toImage())
    assert "#f2b01e" in star and red_text.name() not in star
    error = colours(pixmap(Icon.ERROR, 48).toImage())
    assert "#d9372b" in error and "#ffffff" in error


def test_pixmaps_come_in_the_size_asked_for_and_sharp_on_dense_screens(qapp) -> None:
    small = pixmap(Icon.STAR, 16)
    assert (small.width(), small.height(), small.devicePixelRatio()) == (16, 16, 1.0)
    dense = pixmap(Icon.STAR, 16, 2.0)
    assert (dense.width(), dense.height(), dense.devicePixelRatio()) == (32, 32, 2.0)
    corner = small.toImage().pixelColor(0, 0)
    assert corner.alpha() == 0  # drawn on a transparent ground


def test_icons_are_made_once_per_colour_and_again_after_a_clear(qapp) -> None:
    first = icon(Icon.FEED)
    assert icon(Icon.FEED).cacheKey() == first.cacheKey()
    icons.clear_cache()
    assert icon(Icon.FEED).cacheKey() != first.cacheKey()


def test_a_missing_or_broken_drawing_gives_an_empty_icon(qapp) -> None:
    assert icon("no-such-icon").isNull()
    broken = render_svg("<svg this is not", 20)
    assert (broken.width(), broken.height()) == (20, 20)
    image = broken.toImage()
    assert {image.pixelColor(x, y).alpha() for y in range(20) for x in range(20)} == {0}


def test_without_a_gui_application_icons_are_empty_not_a_crash() -> None:
    code = "from newsreader.ui.icons import Icon, icon\nprint(icon(Icon.ADD).isNull())\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_the_render_size_follows_the_ratio(qapp) -> None:
    svg = (icons_dir() / "star.svg").read_text(encoding="utf-8")
    drawn = render_svg(svg, 10, 1.5)
    assert (drawn.width(), drawn.height(), drawn.devicePixelRatio()) == (15, 15, 1.5)


def test_an_icon_is_drawn_at_a_size_only_when_that_size_is_asked_for(qapp, monkeypatch) -> None:
    drawn: list[tuple[int, float]] = []
    real = icons.render_svg

    def counting(svg: str, size: int, ratio: float = 1.0) -> QPixmap:
        drawn.append((size, ratio))
        return real(svg, size, ratio)

    monkeypatch.setattr(icons, "render_svg", counting)
    icons.clear_cache()
    try:
        made = icon(Icon.REFRESH)
        assert drawn == []  # made without drawing anything
        first = made.pixmap(QSize(24, 24))
        assert drawn == [(24, 1.0)]
        assert made.pixmap(QSize(24, 24)).cacheKey() == first.cacheKey()  # drawn once
        dense = made.pixmap(QSize(24, 24), 2.0)
        assert (dense.width(), dense.devicePixelRatio()) == (48, 2.0)
        assert drawn == [(24, 1.0), (24, 2.0)]
        # a disabled button's icon is made from the drawn one, greyed as Qt greys any icon
        disabled = made.pixmap(QSize(24, 24), QIcon.Mode.Disabled)
        assert drawn == [(24, 1.0), (24, 2.0)]
        assert disabled.toImage() != first.toImage()
        assert QIcon(made).pixmap(QSize(16, 16)).size() == QSize(16, 16)  # copies draw too
    finally:
        icons.clear_cache()
