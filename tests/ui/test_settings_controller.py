"""SettingsController on its own: settings saved through the Reader and put into effect."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from newsreader.core.settings import Settings
from newsreader.reader import Reader
from newsreader.ui.i18n import Translations
from newsreader.ui.settings_controller import SettingsController, apply_font_size

pytestmark = pytest.mark.gui


def test_applied_settings_are_saved_and_announced(qapp, reader: Reader, qtbot) -> None:
    controller = SettingsController(reader, None, auto_refresh=True)
    old = controller.settings
    new = old.with_changes(mark_read_delay_ms=2500, refresh_minutes=old.refresh_minutes + 15)
    intervals: list[float] = []
    controller.refreshIntervalChanged.connect(intervals.append)
    with qtbot.waitSignal(controller.settingsChanged) as changed:
        controller.apply_settings(new)
    assert changed.args == [new]
    assert controller.settings == new
    assert reader.settings() == new
    assert intervals == [float(new.refresh_minutes)]


def test_without_timed_refreshes_the_interval_is_left_alone(qapp, reader: Reader, qtbot) -> None:
    controller = SettingsController(reader, None, auto_refresh=False)
    with qtbot.assertNotEmitted(controller.refreshIntervalChanged):
        controller.apply_settings(controller.settings.with_changes(refresh_minutes=90))
    assert reader.settings().refresh_minutes == 90


def test_the_zoom_is_kept_when_the_window_closes(qapp, reader: Reader) -> None:
    reader.save_settings(Settings(zoom=2))
    controller = SettingsController(reader, None, auto_refresh=False)
    controller.set_zoom(-1)
    assert reader.settings().zoom == 2  # only on closing
    controller.remember_zoom()
    assert reader.settings().zoom == -1
    assert controller.settings.zoom == -1


def test_another_language_is_put_in_force(qapp, reader: Reader, tmp_path) -> None:
    translations = Translations(tmp_path / "cache")
    translations.apply("en")
    controller = SettingsController(reader, translations, auto_refresh=False)
    try:
        controller.apply_settings(controller.settings.with_changes(language="ar"))
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert reader.settings().language == "ar"
    finally:
        translations.apply("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_interface_font_size_is_set_and_given_back(qapp) -> None:
    system = QApplication.font().pointSize()
    try:
        apply_font_size(system + 3)
        assert QApplication.font().pointSize() == system + 3
    finally:
        apply_font_size(0)
    assert QApplication.font().pointSize() == system
