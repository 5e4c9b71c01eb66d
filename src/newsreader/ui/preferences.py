"""The Preferences dialog, laid out in Designer (``ui/preferences.ui``).

The form is loaded at run time with ``QUiLoader`` so the layout can be edited in
Designer without regenerating code.  The dialog edits a copy of the
:class:`~newsreader.core.settings.Settings`; the window saves and applies it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, Qt
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from newsreader.core.paths import ui_files_dir
from newsreader.core.settings import Settings
from newsreader.ui.whole_article_menu import mode_names

#: Language choices: (setting value, name shown in its own language when it is a language).
_LANGUAGES = (("", None), ("ar", "العربية"), ("en", "English"))


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget described by ``ui/<name>.ui``."""
    path = ui_files_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise OSError(f"cannot open {path}")
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise OSError(f"cannot load {path}")
    return widget


class PreferencesDialog(QDialog):
    """Edits the user's settings; :meth:`settings` returns the edited copy."""

    def __init__(
        self, settings: Settings, data_folder: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._original = settings
        self.setWindowTitle(self.tr("Preferences"))
        layout = QVBoxLayout(self)
        self.form = load_form("preferences", self)
        layout.addWidget(self.form)
        self.language_combo: QComboBox = self._child(QComboBox, "languageCombo")
        self.font_size_spin: QSpinBox = self._child(QSpinBox, "fontSizeSpin")
        self.mark_read_spin: QDoubleSpinBox = self._child(QDoubleSpinBox, "markReadSpin")
        self.refresh_spin: QSpinBox = self._child(QSpinBox, "refreshSpin")
        self.notifications_check: QCheckBox = self._child(QCheckBox, "notificationsCheck")
        self.offline_pictures_check: QCheckBox = self._child(QCheckBox, "offlinePicturesCheck")
        self.data_folder_edit: QLineEdit = self._child(QLineEdit, "dataFolderEdit")
        self.theme_combo: QComboBox = self._child(QComboBox, "themeCombo")
        self.whole_articles_combo: QComboBox = self._child(QComboBox, "wholeArticlesCombo")
        for mode, mode_name in mode_names().items():
            self.whole_articles_combo.addItem(mode_name, mode.value)
        for value, label in (
            ("system", self.tr("Follow the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme_combo.addItem(label, value)
        for value, name in _LANGUAGES:
            self.language_combo.addItem(name or self.tr("System language"), value)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.data_folder_edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.data_folder_edit.setText(str(data_folder) if data_folder is not None else "")
        self._load(settings)

    def _child(self, kind: type, name: str):  # type: ignore[no-untyped-def]
        widget = self.form.findChild(kind, name)
        if widget is None:
            raise LookupError(f"preferences.ui has no {kind.__name__} {name!r}")
        return widget

    def _load(self, settings: Settings) -> None:
        index = self.language_combo.findData(settings.language)
        self.language_combo.setCurrentIndex(max(0, index))
        self.font_size_spin.setValue(settings.font_size)
        self.mark_read_spin.setValue(settings.mark_read_delay_ms / 1000)
        self.refresh_spin.setValue(settings.refresh_minutes)
        self.notifications_check.setChecked(settings.notifications)
        self.offline_pictures_check.setChecked(settings.offline_pictures)
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(settings.theme)))
        whole = self.whole_articles_combo.findData(settings.full_articles)
        self.whole_articles_combo.setCurrentIndex(max(0, whole))

    def settings(self) -> Settings:
        """The settings as edited (unknown fields kept from the original)."""
        return self._original.with_changes(
            language=str(self.language_combo.currentData() or ""),
            font_size=self.font_size_spin.value(),
            mark_read_delay_ms=round(self.mark_read_spin.value() * 1000),
            refresh_minutes=self.refresh_spin.value(),
            notifications=self.notifications_check.isChecked(),
            offline_pictures=self.offline_pictures_check.isChecked(),
            theme=str(self.theme_combo.currentData() or "system"),
            full_articles=str(self.whole_articles_combo.currentData() or "off"),
        )
