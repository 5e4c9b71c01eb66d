"""The user's settings in the main window: the Preferences dialog and putting changes into effect.

Changed settings are saved through the :class:`~newsreader.reader.Reader` and take
effect at once: the refresh interval, the interface font size and the language (the
window retranslates itself).  The reading pane's zoom is a setting too, remembered
when the window closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from newsreader.core.settings import Settings
from newsreader.ui.preferences import PreferencesDialog

if TYPE_CHECKING:
    from newsreader.ui.main_window import MainWindow


class SettingsController:
    """Shows the Preferences dialog for the window and applies what it returns."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def show_preferences(self) -> None:
        w = self._window
        data_folder = w.reader.paths.data if w.reader.paths is not None else None
        dialog = PreferencesDialog(w.settings, data_folder, w)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.apply_settings(dialog.settings())

    def apply_settings(self, settings: Settings) -> None:
        """Save ``settings`` and put them into effect at once."""
        w = self._window
        old = w.settings
        w.settings = settings
        w.reader.save_settings(settings)
        if settings.refresh_minutes != old.refresh_minutes and w.auto_refresh:
            w.refresh_service.set_interval(settings.refresh_minutes)
        if settings.font_size != old.font_size:
            apply_font_size(settings.font_size)
        if settings.language != old.language and w.translations is not None:
            from newsreader.ui.i18n import choose_language

            w.translations.apply(choose_language(None, settings.language))

    def remember_zoom(self) -> None:
        """Save the reading pane's zoom when it differs from the stored one."""
        w = self._window
        pane: Any = w.reading_pane
        if hasattr(pane, "zoom_level"):
            zoom = int(pane.zoom_level())
            if zoom != w.settings.zoom:
                w.settings = w.settings.with_changes(zoom=zoom)
                w.reader.save_settings(w.settings)


_system_font: QFont | None = None


def apply_font_size(points: int) -> None:
    """Set the interface font size (0 goes back to the system's)."""
    global _system_font
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _system_font is None:
        _system_font = QFont(QGuiApplication.font())
    font = QFont(_system_font)
    if points > 0:
        font.setPointSize(points)
    app.setFont(font)
