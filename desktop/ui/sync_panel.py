"""The sync panel: is the device online, what is waiting, what went wrong, what needs a person.

It reads small indexed tables (the outbox queues, open conflicts) through the UI thread's read
models and leaves every change to the use-cases through the write queue, and every network
action to the scheduler's worker thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..cases.reads import Reads
from .labels import action_label, heading, number
from .plan_editor import field_label, shown_value

translate = QCoreApplication.translate

#: scheduler state → (label, colour), in the panel and the status bar
STATES = {
    "offline": (QT_TRANSLATE_NOOP("SyncPanel", "Offline: your work is kept on this device"), "#7a5b00"),
    "syncing": (QT_TRANSLATE_NOOP("SyncPanel", "Syncing…"), "#1f5fa8"),
    "up_to_date": (QT_TRANSLATE_NOOP("SyncPanel", "Up to date"), "#1e7b34"),
    "attention": (QT_TRANSLATE_NOOP("SyncPanel", "Needs attention"), "#a11d1d"),
    #: the last sync went well, but changes saved since wait for the next one
    "waiting": (QT_TRANSLATE_NOOP("SyncPanel", "Changes waiting to be sent"), "#8a4500"),
}
#: the engine's phases (``push SR``, ``pull ESS``, ...)
PHASES = {
    "push": QT_TRANSLATE_NOOP("SyncPanel", "Sending to the %1"),
    "pull": QT_TRANSLATE_NOOP("SyncPanel", "Receiving from the %1"),
}
SERVICES = {
    "SR": QT_TRANSLATE_NOOP("SyncPanel", "Social Registry"),
    "ESS": QT_TRANSLATE_NOOP("SyncPanel", "Employment Support System"),
}


def state_text(state: str, pending: int = 0) -> tuple[str, str]:
    """The translated label of a scheduler state, and its colour. "Up to date" is only said
    when nothing waits to be sent."""
    if state == "up_to_date" and pending:
        state = "waiting"
    text, colour = STATES.get(state, STATES["offline"])
    return translate("SyncPanel", text), colour


def phase_text(phase: str, items: int, size: int) -> str:
    """``push SR`` → "Sending to the Social Registry: 200 records, 12 kB"."""
    verb, _, service = phase.partition(" ")
    where = (
        translate("SyncPanel", PHASES[verb]).replace("%1", translate("SyncPanel", SERVICES[service]))
        if verb in PHASES and service in SERVICES
        else phase
    )
    return (
        translate("SyncPanel", "%1: %2 records, %3 kB")
        .replace("%1", where)
        .replace("%2", number(items))
        .replace("%3", number(size // 1024))
    )


class SyncPanel(QWidget):
    """Online state, queues, progress, quarantined changes with retry, and the conflicts inbox."""

    openMember = Signal(str)
    signOutRequested = Signal()

    def __init__(self, context, scheduler, run_write: Callable, reads: Reads, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.scheduler = scheduler
        self.run_write = run_write
        self.reads = reads
        self.setObjectName("syncPanel")
        self._state, self._pending = "offline", 0

        self.state_label = heading(scale=1.25)
        self.state_label.setObjectName("syncState")
        self.last_sync = QLabel()
        self.queues = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.sync_button = QPushButton(self.tr("Sync now  (F5)"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.sign_out_button = QPushButton(self.tr("Si&gn out…"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_out_button)

        self.rejected = self._table([self.tr("Beneficiary"), self.tr("Change"), self.tr("Reason"), ""])
        rejected_box = QGroupBox(self.tr("Changes the server refused"))
        self.rejected_empty = self._empty(self.tr("None: every change sent was accepted. Nothing to do."))
        box = QVBoxLayout(rejected_box)
        box.addWidget(self.rejected_empty)
        box.addWidget(self.rejected)
        self.conflicts = self._table([self.tr("Beneficiary"), self.tr("Field"), self.tr("Mine"), self.tr("Theirs"), ""])
        conflicts_box = QGroupBox(self.tr("Conflicts to resolve"))
        self.conflicts_empty = self._empty(self.tr("None: nobody changed the same thing as you. Nothing to do."))
        box = QVBoxLayout(conflicts_box)
        box.addWidget(self.conflicts_empty)
        box.addWidget(self.conflicts)

        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(self.last_sync)
        layout.addWidget(self.queues)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addWidget(conflicts_box, 1)
        layout.addWidget(rejected_box, 1)

        self.sync_button.clicked.connect(scheduler.sync_now)
        self.cancel_button.clicked.connect(scheduler.cancel)
        self.sign_out_button.clicked.connect(self.signOutRequested)
        scheduler.stateChanged.connect(self.show_state)
        scheduler.progress.connect(self.show_progress)
        scheduler.finished.connect(lambda _report: self.refresh())
        self.show_state(getattr(scheduler, "state", "offline"))
        self.refresh()

    @staticmethod
    def _empty(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet("color: #595959")
        return label

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.doubleClicked.connect(lambda index: self._open_row(table, index.row()))
        return table

    def _open_row(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None:
            self.openMember.emit(item.data(Qt.ItemDataRole.UserRole))

    def show_state(self, state: str) -> None:
        self._state = state
        text, colour = state_text(state, self._pending)
        self.state_label.setText(text)
        self.state_label.setStyleSheet(f"color: {colour};")
        syncing = state == "syncing"
        self.progress.setVisible(syncing)
        self.cancel_button.setVisible(syncing)
        self.sync_button.setEnabled(not syncing)

    def show_progress(self, phase: str, items: int, size: int) -> None:
        self.progress.setFormat(phase_text(phase, items, size))

    def refresh(self) -> None:
        """Re-read the queues; cheap (indexed counts and the few quarantined rows)."""
        view = self.reads.sync_overview()
        self._pending = sum(view.pending.values())
        self.show_state(self._state)
        self.last_sync.setText(
            self.tr("Last sync: %1").replace(
                "%1", view.last_sync[:16].replace("T", " ") if view.last_sync else self.tr("never")
            )
        )
        self.queues.setText(
            self.tr("Waiting to send: %1 to the Social Registry, %2 to the Employment Support System")
            .replace("%1", number(view.pending["SR"]))
            .replace("%2", number(view.pending["ESS"]))
        )
        self.rejected.setRowCount(len(view.rejected))
        self.rejected.setVisible(bool(view.rejected))
        self.rejected_empty.setVisible(not view.rejected)
        self.conflicts.setVisible(bool(view.conflicts))
        self.conflicts_empty.setVisible(not view.conflicts)
        for row, op in enumerate(view.rejected):
            self._set(self.rejected, row, 0, view.names.get(op.member_id or "", op.member_id or ""), op.member_id)
            self._set(self.rejected, row, 1, action_label(f"{op.op} {op.entity_type}"))
            self._set(self.rejected, row, 2, op.reason_message or op.reason_code or "")
            retry = QPushButton(self.tr("Retry"))
            retry.clicked.connect(lambda _=False, op_id=op.op_id: self.retry(op_id))
            self.rejected.setCellWidget(row, 3, retry)
        self.conflicts.setRowCount(len(view.conflicts))
        for row, c in enumerate(view.conflicts):
            self._set(self.conflicts, row, 0, c.member_name, c.member_id)
            self._set(self.conflicts, row, 1, field_label(c.entity_type, c.field_name))
            self._set(self.conflicts, row, 2, shown_value(c.entity_type, c.field_name, c.mine))
            self._set(self.conflicts, row, 3, shown_value(c.entity_type, c.field_name, c.theirs))
            cell = QWidget()
            box = QHBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            for label, choice in ((self.tr("Keep mine"), "mine"), (self.tr("Keep theirs"), "theirs")):
                button = QPushButton(label)
                button.clicked.connect(lambda _=False, cid=c.conflict_id, ch=choice: self.resolve(cid, ch))
                box.addWidget(button)
            self.conflicts.setCellWidget(row, 4, cell)

    @staticmethod
    def _set(table: QTableWidget, row: int, column: int, text: str, member_id: str | None = None) -> None:
        item = QTableWidgetItem(text)
        if member_id is not None:
            item.setData(Qt.ItemDataRole.UserRole, member_id)
        table.setItem(row, column, item)

    def retry(self, op_id: str) -> None:
        cases = self.context.workspace.cases
        self.run_write(lambda: cases.retry_rejected(op_id), lambda _result: self._changed())

    def resolve(self, conflict_id: str, choice: str) -> None:
        cases = self.context.workspace.cases
        self.run_write(lambda: cases.resolve_conflict(conflict_id, choice), lambda _result: self._changed())

    def _changed(self) -> None:
        self.refresh()
        self.scheduler.sync_now()
