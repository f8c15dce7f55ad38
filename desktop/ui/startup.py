"""A small window with a busy bar while something slow prepares the session (the demo's server
and sign-in), so the application shows life at once and the UI thread never waits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from .background import Tasks
from .error_dialog import known_message


class StartupDialog(QDialog):
    """Runs ``fn`` on a worker; ``ready(result)`` then closes, or the failure is shown in place."""

    ready = Signal(object)

    def __init__(self, fn: Callable[[], Any], tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.failed = False
        self.setWindowTitle(self.tr("Field Desk: starting the demo"))
        self.setMinimumWidth(440)
        self.text = QLabel(
            self.tr("Starting the demo Social Registry and Employment Support System; its accounts come next…")
        )
        self.text.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        tasks.run(fn, self._done, self._failed, self)

    def reject(self) -> None:
        """Closing is offered once the work has failed; until then it has to finish or fail."""
        if self.failed:
            super().reject()

    def _done(self, result: Any) -> None:
        self.ready.emit(result)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.failed = True
        self.bar.hide()
        self.text.setText(
            known_message(exc)
            or getattr(exc, "user_message", None)
            or self.tr("The demo could not start: %1").replace("%1", str(exc))
        )
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons.show()
