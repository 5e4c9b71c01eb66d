"""Light and dark: the colour scheme the window is drawn in.

The setting (and ``--theme``) says ``light``, ``dark`` or ``system``; ``system``
follows the desktop's colour scheme as Qt reports it (``QStyleHints.colorScheme``)
and changes with it while the app runs.  The scheme is applied as a whole palette
(the platform's own light one, or the dark one below) so it works on every
platform, offscreen included, where Qt cannot switch schemes itself.  Everything
else follows the palette: the style sheet uses only ``palette(...)`` colours, the
delegates mix theirs from it, and the reading pane renders its page again with
matching colours when the palette changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

#: The choices of the setting and of ``--theme`` (the command line offers the last two).
THEMES = ("system", "light", "dark")

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup

#: The dark palette: quiet greys, text that is not pure white, a calm blue accent.
_DARK = {
    _Role.Window: "#1f2125",
    _Role.WindowText: "#e3e5e8",
    _Role.Base: "#17191c",
    _Role.AlternateBase: "#23262a",
    _Role.ToolTipBase: "#2b2e33",
    _Role.ToolTipText: "#e3e5e8",
    _Role.PlaceholderText: "#8b9099",
    _Role.Text: "#e3e5e8",
    _Role.Button: "#2a2d32",
    _Role.ButtonText: "#e3e5e8",
    _Role.BrightText: "#ff7a7a",
    _Role.Light: "#3d4148",
    _Role.Midlight: "#33363c",
    _Role.Mid: "#3a3d43",
    _Role.Dark: "#121315",
    _Role.Shadow: "#000000",
    _Role.Highlight: "#2d6cb0",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#7db4f0",
    _Role.LinkVisited: "#b59cf0",
    _Role.Accent: "#4a95e0",
}
_DARK_DISABLED = {
    _Role.WindowText: "#6f737a",
    _Role.Text: "#6f737a",
    _Role.ButtonText: "#6f737a",
    _Role.Highlight: "#3a3d43",
    _Role.HighlightedText: "#a0a4aa",
}


def dark_palette() -> QPalette:
    """The window's dark palette."""
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(_Group.Disabled, role, QColor(colour))
    return palette


def system_is_dark() -> bool:
    """Whether the desktop asks for a dark scheme (unknown counts as light)."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: str) -> str:
    """``light`` or ``dark``: what ``choice`` means on this desktop now."""
    if choice in ("light", "dark"):
        return choice
    return "dark" if system_is_dark() else "light"


class ThemeKeeper(QObject):
    """Puts the chosen scheme into effect, and follows the desktop's under ``system``."""

    def __init__(self, app: QApplication, choice: str = "system") -> None:
        super().__init__(app)
        self._app = app
        self._choice = "system"
        self._applied: str | None = None
        app.styleHints().colorSchemeChanged.connect(self._on_system_changed)
        self.set_choice(choice)

    def choice(self) -> str:
        return self._choice

    def scheme(self) -> str:
        """``light`` or ``dark``: the scheme on screen."""
        return self._applied or resolve(self._choice)

    def set_choice(self, choice: str) -> None:
        """Use ``choice`` (one of :data:`THEMES`; anything else means ``system``)."""
        self._choice = choice if choice in THEMES else "system"
        self._apply(resolve(self._choice))

    def _on_system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == "system":
            self._apply(resolve("system"))

    def _apply(self, scheme: str) -> None:
        if scheme == self._applied:
            return
        self._applied = scheme
        style = self._app.style()
        palette = dark_palette() if scheme == "dark" else style.standardPalette()
        self._app.setPalette(palette)


_keeper: ThemeKeeper | None = None


def apply_theme(choice: str) -> ThemeKeeper | None:
    """Put ``choice`` into effect for the running app; the keeper that follows it."""
    global _keeper
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    if _keeper is None or _keeper.parent() is not app:
        _keeper = ThemeKeeper(app, choice)
    else:
        _keeper.set_choice(choice)
    return _keeper
