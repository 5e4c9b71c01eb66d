"""Light and dark: the palette follows the setting, and the desktop under "system"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from newsreader.ui.theme import THEMES, ThemeKeeper, apply_theme, dark_palette, resolve

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    before = QPalette(qapp.palette())
    yield qapp
    qapp.setPalette(before)
    apply_theme("light")


def lightness(app: QApplication, role: QPalette.ColorRole) -> int:
    return app.palette().color(role).lightness()


def test_dark_and_light_swap_the_palette(app: QApplication) -> None:
    keeper = ThemeKeeper(app, "dark")
    assert keeper.scheme() == "dark"
    assert lightness(app, QPalette.ColorRole.Base) < 60
    assert lightness(app, QPalette.ColorRole.Text) > 180
    keeper.set_choice("light")
    assert keeper.scheme() == "light"
    assert lightness(app, QPalette.ColorRole.Base) > 200
    assert lightness(app, QPalette.ColorRole.Text) < 80


def test_system_follows_the_desktop_and_nonsense_means_system(app: QApplication) -> None:
    keeper = ThemeKeeper(app, "purple")
    assert keeper.choice() == "system"
    assert keeper.scheme() == resolve("system")  # offscreen reports no scheme: light
    assert resolve("system") == "light"
    assert set(THEMES) == {"system", "light", "dark"}


def test_the_dark_palette_keeps_text_readable() -> None:
    palette = dark_palette()
    for text, back in (
        (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
        (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
        (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    ):
        assert palette.color(text).lightness() - palette.color(back).lightness() > 90


def test_apply_theme_reuses_one_keeper(app: QApplication) -> None:
    first = apply_theme("dark")
    second = apply_theme("light")
    assert first is second and second is not None and second.scheme() == "light"
