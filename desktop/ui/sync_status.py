"""The window's status bar: the list's counts, the last sync and what waits to be sent, the sync's
state and progress, and how the local data is protected. Its strings keep the main window's
translation context."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from .sync_panel import PHASES, SERVICES, phase_text, state_text

translate = QCoreApplication.translate


class SyncStatusBar(QStatusBar):
    def __init__(self, passphrase_protected: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.counts = QLabel()
        self.last_sync = QLabel()
        self.security = QLabel()
        self.state = QLabel()
        self.state.setObjectName("syncStateLabel")
        self._state, self._pending = "offline", 0
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(translate("MainWindow", "Sync progress"))
        self.progress.hide()
        for w in (self.counts, self.last_sync):
            self.addWidget(w)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.state)
        self.addPermanentWidget(self.security)
        self.security.setText(
            translate("MainWindow", "Passphrase-protected")
            if passphrase_protected
            else translate("MainWindow", "Secrets stored in the OS keyring")
        )
        self.security.setToolTip(
            translate(
                "MainWindow",
                "The local database is encrypted with a key derived from your passphrase; the passphrase is not stored.",
            )
            if passphrase_protected
            else translate(
                "MainWindow", "The local database is encrypted; its key is kept in this computer's secure keyring."
            )
        )

    def show_state(self, state: str) -> None:
        self._state = state
        text, colour = state_text(state, self._pending)
        self.state.setText(text)
        self.state.setStyleSheet(f"color: {colour}; font-weight: bold")
        self.progress.setVisible(state == "syncing")

    def show_progress(self, phase: str, items: int, size: int) -> str:
        """Shows the phase as the progress bar's tip; returns its text for whoever else shows it."""
        text = phase_text(phase, items, size)
        self.progress.setToolTip(text)
        return text

    def show_summary(self, summary: dict[str, Any]) -> None:
        """The last sync and the changes waiting, from the status counts."""
        last_sync, pending = summary["last_sync"], summary["pending"]
        self._pending = pending
        self.show_state(self._state)
        self.last_sync.setText(
            (
                translate("MainWindow", "Last sync %1").replace("%1", last_sync[:16].replace("T", " "))
                if last_sync
                else translate("MainWindow", "Not synced yet")
            )
            + " · "
            + translate("MainWindow", "%n change(s) waiting to be sent", "", pending)
        )


def sync_error_text(error: str) -> str:
    """A sync report's ``SR pull: message`` in the person's words and language: "Receiving from the
    Social Registry: the server could not be reached…"."""
    dest, _, rest = error.partition(" ")
    phase, sep, message = rest.partition(": ")
    if dest not in SERVICES or phase not in PHASES or not sep:
        return translate("SyncError", error)
    where = translate("SyncPanel", PHASES[phase]).replace("%1", translate("SyncPanel", SERVICES[dest]))
    return translate("SyncPanel", "%1: %2").replace("%1", where).replace("%2", translate("SyncError", message))
