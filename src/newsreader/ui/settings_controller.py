"""The user's settings in the main window: the Preferences dialog and putting changes into effect.

Changed settings are saved through the :class:`~newsreader.reader.Reader` and take
effect at once: the interface font size, the colour scheme and the language (the
window retranslates itself) here, the rest by ``settingsChanged`` in the parts they
concern (the read delay, notifications, the refresh interval).  The reading pane's zoom is a setting
too, remembered when the window closes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from newsreader.core.settings import Settings
from newsreader.reader import Reader
from newsreader.ui.fonts import with_arabic_face
from newsreader.ui.i18n import Translations, choose_language
from newsreader.ui.preferences import PreferencesDialog
from newsreader.ui.theme import apply_theme


class SettingsController(QObject):
    """Shows the Preferences dialog and applies what it returns.

    Signals:
        settingsChanged(object): these :class:`~newsreader.core.settings.Settings`
            are in effect now.
        refreshIntervalChanged(float): refresh due feeds every so many minutes
            (only with timed refreshes).
    """

    settingsChanged = Signal(object)
    refreshIntervalChanged = Signal(float)

    def __init__(
        self,
        reader: Reader,
        translations: Translations | None,
        *,
        auto_refresh: bool,
        parent: QWidget | None = None,
    ) -> None:
        """``parent`` is also the Preferences dialog's."""
        super().__init__(parent)
        self._dialog_parent = parent
        self._reader = reader
        self._translations = translations
        #: False in tests and screenshots: the refresh interval is left alone.
        self._auto_refresh = auto_refresh
        self._settings = reader.settings()
        self._zoom = self._settings.zoom

    @property
    def settings(self) -> Settings:
        """The settings in effect."""
        return self._settings

    def show_preferences(self) -> None:
        paths = self._reader.paths
        data_folder = paths.data if paths is not None else None
        dialog = PreferencesDialog(self._settings, data_folder, self._dialog_parent)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.apply_settings(dialog.settings())

    def apply_settings(self, settings: Settings) -> None:
        """Save ``settings`` and put them into effect at once."""
        old = self._settings
        self._settings = settings
        self.settingsChanged.emit(settings)
        self._reader.save_settings(settings)
        if settings.refresh_minutes != old.refresh_minutes and self._auto_refresh:
            self.refreshIntervalChanged.emit(float(settings.refresh_minutes))
        if settings.font_size != old.font_size:
            apply_font_size(settings.font_size)
        if settings.theme != old.theme:
            apply_theme(settings.theme)
        if settings.language != old.language and self._translations is not None:
            self._translations.apply(choose_language(None, settings.language))

    def set_zoom(self, zoom: int) -> None:
        """The reading pane's zoom changed (it is saved when the window closes)."""
        self._zoom = zoom

    def remember_zoom(self) -> None:
        """Save the reading pane's zoom when it differs from the stored one."""
        if self._zoom != self._settings.zoom:
            self._settings = self._settings.with_changes(zoom=self._zoom)
            self._reader.save_settings(self._settings)


_system_font: QFont | None = None


def apply_font_size(points: int) -> None:
    """Set the interface font size (0 goes back to the system's)."""
    global _system_font
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _system_font is None:
        _system_font = QFont(QGuiApplication.font())
    font = with_arabic_face(_system_font)
    if points > 0:
        font.setPointSize(points)
    app.setFont(font)
