"""Editors the forms are built from: an ISO date field and a short list editor.

A ``QDateEdit`` cannot be empty and silently clamps what is typed, so a wrong date would be
corrected instead of named; dates are therefore typed as ``YYYY-MM-DD`` into a line edit,
with a calendar a key press away (Alt+Down or F4) for those who prefer to pick.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

translate = QCoreApplication.translate


class DateField(QWidget):
    """A date typed as ISO text; the text is kept as typed so validation can name a bad one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(translate("Forms", "YYYY-MM-DD"))
        self.edit.setMaxLength(10)
        self.edit.textChanged.connect(self.changed)
        self.edit.installEventFilter(self)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip(translate("Forms", "Pick from a calendar (Alt+Down)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.pick)
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so a label's Alt+letter reaches the field
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000-00-00") * 2 + 40)

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:
        self.edit.setText(text or "")

    def pick(self) -> None:
        """Open a calendar under the field; choosing a day writes it as ISO text."""
        menu = QMenu(self)
        calendar = QCalendarWidget()
        calendar.setGridVisible(False)
        current = QDate.fromString(self.text(), Qt.DateFormat.ISODate)
        if current.isValid():
            calendar.setSelectedDate(current)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        calendar.activated.connect(lambda d: (self.setText(d.toString(Qt.DateFormat.ISODate)), menu.close()))
        calendar.clicked.connect(lambda d: (self.setText(d.toString(Qt.DateFormat.ISODate)), menu.close()))
        calendar.setFocus()
        menu.exec(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        menu.deleteLater()
        self.edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key: QKeyEvent = event  # type: ignore[assignment]
            if key.key() == Qt.Key.Key_F4 or (
                key.key() == Qt.Key.Key_Down and key.modifiers() & Qt.KeyboardModifier.AltModifier
            ):
                self.pick()
                return True
        return False


class ListEditor(QWidget):
    """A short list of texts (certificates): type one, Enter adds it, Delete removes the selected."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(translate("Forms", "Type one, then press Enter to add it"))
        self.edit.installEventFilter(self)
        add = QToolButton()
        add.setText(translate("Forms", "Add"))
        add.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        add.clicked.connect(self.add_typed)
        self.items = QListWidget()
        self.items.setAccessibleName(translate("Forms", "Added (Delete removes the selected one)"))
        self.items.setMaximumHeight(self.fontMetrics().height() * 4 + 10)
        self.items.installEventFilter(self)
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addWidget(self.edit)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.items)

    def values(self) -> list[str]:
        return [self.items.item(i).text() for i in range(self.items.count())]

    def set_values(self, values: list[str]) -> None:
        self.items.clear()
        self.items.addItems([str(v) for v in values or []])
        self.changed.emit()

    def add_typed(self) -> bool:
        text = self.edit.text().strip()
        if not text:
            return False
        self.items.addItem(text)
        self.edit.clear()
        self.changed.emit()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if watched is self.edit and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.add_typed()  # an empty line lets Enter through: the form saves
        if watched is self.items and key == Qt.Key.Key_Delete and self.items.currentRow() >= 0:
            self.items.takeItem(self.items.currentRow())
            self.changed.emit()
            return True
        return False
