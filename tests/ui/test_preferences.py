"""The Preferences dialog: the form from Designer, every setting shown and given back edited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QGroupBox, QLabel

from newsreader.core.settings import Settings
from newsreader.reader import Reader
from newsreader.ui.i18n import Translations
from newsreader.ui.preferences import PreferencesDialog, load_form

pytestmark = pytest.mark.gui


def dialog_for(qtbot: Any, settings: Settings, folder: Path | None = Path("/data")) -> Any:
    dialog = PreferencesDialog(settings, folder)
    qtbot.addWidget(dialog)
    return dialog


def test_preferences_edit_and_save_settings(qtbot: Any, reader: Reader) -> None:
    dialog = dialog_for(qtbot, Settings(refresh_minutes=15, notifications=True))
    assert dialog.refresh_spin.value() == 15 and dialog.notifications_check.isChecked()
    assert dialog.data_folder_edit.isReadOnly() and dialog.data_folder_edit.text() == "/data"
    dialog.refresh_spin.setValue(45)
    dialog.mark_read_spin.setValue(2.5)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    edited = dialog.settings()
    assert (edited.refresh_minutes, edited.mark_read_delay_ms, edited.language) == (45, 2500, "en")
    reader.save_settings(
        edited
    )  # what the window does with them (tests/ui/test_settings_controller.py)
    assert reader.settings().refresh_minutes == 45


def test_every_setting_is_shown_as_it_is(qtbot: Any) -> None:
    settings = Settings(
        language="ar",
        font_size=14,
        mark_read_delay_ms=500,
        refresh_minutes=90,
        notifications=False,
        offline_pictures=False,
    )
    dialog = dialog_for(qtbot, settings)
    assert dialog.language_combo.currentData() == "ar"
    assert dialog.language_combo.currentText() == "العربية"  # in its own language
    assert dialog.font_size_spin.value() == 14
    assert dialog.mark_read_spin.value() == 0.5
    assert dialog.refresh_spin.value() == 90
    assert not dialog.notifications_check.isChecked()
    assert not dialog.offline_pictures_check.isChecked()
    assert dialog.settings() == settings  # nothing edited, nothing changed
    dialog.offline_pictures_check.setChecked(True)
    assert dialog.settings().offline_pictures


def test_the_languages_on_offer(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, Settings(language="fr"))  # none of ours
    combo = dialog.language_combo
    offered = [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())]
    assert offered == [("", "System language"), ("ar", "العربية"), ("en", "English")]
    assert combo.currentIndex() == 0
    assert dialog.settings().language == ""


def test_what_the_dialog_does_not_show_is_kept(qtbot: Any) -> None:
    settings = Settings(zoom=3, terminal_bidi="visual", refresh_minutes=30)
    dialog = dialog_for(qtbot, settings)
    dialog.refresh_spin.setValue(0)  # "Never"
    dialog.font_size_spin.setValue(0)  # the system's
    edited = dialog.settings()
    assert (edited.zoom, edited.terminal_bidi) == (3, "visual")
    assert (edited.refresh_minutes, edited.font_size) == (0, 0)
    assert dialog.refresh_spin.text() == "Never"
    assert dialog.font_size_spin.text() == "System default"


def test_the_data_folder_is_shown_left_to_right_and_read_only(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, Settings(), Path("/home/سلمى/.local/share/newsreader"))
    dialog.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as in an Arabic window
    edit = dialog.data_folder_edit
    assert edit.text() == "/home/سلمى/.local/share/newsreader"
    assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight and edit.isReadOnly()
    assert dialog_for(qtbot, Settings(), None).data_folder_edit.text() == ""


def test_ok_accepts_and_cancel_rejects(qtbot: Any) -> None:
    for button, result in (
        (QDialogButtonBox.StandardButton.Ok, PreferencesDialog.DialogCode.Accepted),
        (QDialogButtonBox.StandardButton.Cancel, PreferencesDialog.DialogCode.Rejected),
    ):
        dialog = dialog_for(qtbot, Settings())
        dialog.open()
        with qtbot.waitSignal(dialog.finished) as finished:
            qtbot.mouseClick(
                dialog.findChild(QDialogButtonBox).button(button), Qt.MouseButton.LeftButton
            )
        assert finished.args == [result]


def test_the_dialog_speaks_arabic(qtbot: Any, arabic: Translations) -> None:
    dialog = dialog_for(qtbot, Settings())
    assert dialog.windowTitle() == "التفضيلات"
    assert dialog.language_combo.itemText(0) == "لغة النظام"
    group = dialog.findChild(QGroupBox, "readingGroup")
    assert group is not None and group.title() == "القراءة"
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # a path reads left to right in an Arabic dialog too
    assert dialog.data_folder_edit.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_form_that_cannot_be_found_is_an_error(qapp) -> None:
    with pytest.raises(OSError, match="no-such-form"):
        load_form("no-such-form")
    form = load_form("preferences")
    assert form.findChild(QLabel, "languageLabel") is not None
    form.deleteLater()


def test_whole_articles_for_new_feeds_is_chosen_here(qtbot: Any) -> None:
    dialog = dialog_for(qtbot, Settings(full_articles="auto"))
    combo = dialog.whole_articles_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["off", "auto", "on"]
    assert combo.currentData() == "auto"
    combo.setCurrentIndex(combo.findData("on"))
    assert dialog.settings().full_articles == "on"
