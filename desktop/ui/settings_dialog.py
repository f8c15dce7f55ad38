"""User settings: the interface language (applied at the next start: every window is built in
one language, and switching under open forms would leave half of them in the other)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from .context import Settings

#: language code → its name in that language, so anyone can find their own
LANGUAGES = (("en", "English"), ("fr", "Français"))


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Field Desk: settings"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("As the system"), "")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("language"))))
        label = QLabel(self.tr("&Language"))
        label.setBuddy(self.language)
        note = QLabel(self.tr("The new language is used the next time you start Field Desk."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(label, self.language)
        form.addRow(note)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.set("language", self.language.currentData())
        self.settings.sync()
        super().accept()
