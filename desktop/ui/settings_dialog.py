"""User settings a person chooses, built from their declarations (``settings.LANGUAGE``: the
interface language, applied at the next start: every window is built in one language, and
switching under open forms would leave half of them in the other)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from .settings import LANGUAGE, Setting, Settings

translate = QCoreApplication.translate


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Field Desk: settings"))
        form = QFormLayout(self)
        self.editors: dict[str, QComboBox] = {}
        for setting in (LANGUAGE,):
            self.editors[setting.key] = self._row(form, setting)
        self.language = self.editors[LANGUAGE.key]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _row(self, form: QFormLayout, setting: Setting) -> QComboBox:
        """A choice, its label and its help below it."""
        editor = QComboBox()
        editor.setObjectName(setting.key)
        for value, text in setting.choices:
            editor.addItem(translate("SettingsDialog", text), value)
        editor.setCurrentIndex(max(0, editor.findData(self.settings.get(setting.key))))
        label = QLabel(translate("SettingsDialog", setting.label))
        label.setBuddy(editor)
        form.addRow(label, editor)
        if setting.help:
            note = QLabel(translate("SettingsDialog", setting.help))
            note.setWordWrap(True)
            note.setStyleSheet("color: #555")
            form.addRow(note)
        return editor

    def accept(self) -> None:
        for key, editor in self.editors.items():
            self.settings.set(key, editor.currentData())
        self.settings.sync()
        super().accept()
