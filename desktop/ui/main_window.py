"""The main window: areas and filters on the left, the worklist, the member's record on the right.

Every query over the whole list (ids for the current filter, area counts, status counts, the
CSV export) runs on the ``QueryWorker`` with read models of its own; the UI thread reads only
windows of visible rows and the selected member's record, through read models of its own. Changes go through the one ``WriteQueue``; sync runs on the scheduler's thread, and after
each run the list, the record and the sync panel are read again.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..cases.reads import Areas, Reads, WorklistFilter
from ..domain import codes
from .alerts import AlertDialog
from .background import run_in_background
from .context import Context
from .error_dialog import known_message
from .exports import export_worklist_csv
from .labels import area_label, code_label
from .query_worker import QueryWorker
from .record_view import RecordView
from .settings_dialog import SettingsDialog
from .sync_panel import SyncPanel, phase_text, state_text
from .tasks import Workbench, WriteQueue
from .worklist_model import COLUMN, COLUMNS, MEMBER_ID_ROLE, ROWID_ROLE, WorklistModel

log = logging.getLogger(__name__)

#: flag checkboxes: filter key → label
FLAG_FILTERS = (
    ("potentially_unemployed", codes.QT_TRANSLATE_NOOP("MainWindow", "Potentially unemployed")),
    ("needs_field_check", codes.QT_TRANSLATE_NOOP("MainWindow", "Verify at visit")),
    ("overdue", codes.QT_TRANSLATE_NOOP("MainWindow", "Overdue")),
    ("returned", codes.QT_TRANSLATE_NOOP("MainWindow", "Returned by supervisor")),
    ("awaiting_review", codes.QT_TRANSLATE_NOOP("MainWindow", "Awaiting review")),
    ("pending_sync", codes.QT_TRANSLATE_NOOP("MainWindow", "Waiting to sync")),
    ("rejected", codes.QT_TRANSLATE_NOOP("MainWindow", "Rejected by server")),
    ("conflict", codes.QT_TRANSLATE_NOOP("MainWindow", "Conflict to resolve")),
)
#: the widest usual value of each column: widths follow the font, not fixed pixels
COLUMN_SAMPLES = {
    "name": "Ouédraogo, Khadija",
    "uin": "0000000000",
    "age": "100",
    "locality": "Sébikotane",
    "area": "Tambacounda",
    "segment": "B-training",
    "flags": "",
    "next_due": "2026-12-31",
}
FLAGS_WIDTH = 3 * 16 + 2 * 3 + 8
#: narrowest default widths of the filter panel and the member's record; the list takes the rest
PANE_WIDTHS = (215, 540)
ICON_WIDTH = 22
TREE_ROLE = Qt.ItemDataRole.UserRole + 1
#: shortest search text that filters (the search index answers two characters and more quickly)
MIN_SEARCH = 2


class MainWindow(QMainWindow):
    """The worklist window of one signed-in profile."""

    #: a new result is in the model and the view has been asked to repaint (benchmarks wait on it)
    resultsShown = Signal(int)
    #: the worklist was written to a CSV file: (path, rows)
    exported = Signal(str, int)

    def __init__(self, context: Context, scheduler, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.scheduler = scheduler
        self.signed_out = False
        workspace = context.workspace
        self.filter = WorklistFilter()
        self._total = 0
        self._shown_generation = 0
        self._ui_reads = workspace.reads()
        self.queue = WriteQueue(self)
        context.closers.append(self.queue.stop)
        self.bench = Workbench(workspace.cases, self.queue, self._ui_reads)
        self.worker = QueryWorker(workspace.reads, self)
        context.closers.append(self._shut_down)
        self.worker.done.connect(self._on_result)
        self.worker.failed.connect(self._on_failure)
        self.model = WorklistModel(self._ui_reads, context.today, self)
        self.model.sortRequested.connect(self._on_sort)

        profile = workspace.profile
        self.setWindowTitle(self.tr("Field Desk — %1").replace("%1", profile.display_name or profile.user))
        self._build()
        self._restore_state()
        self.refresh_all()

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search by name, UIN, phone or locality: two letters or more (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.search.textChanged.connect(self._on_text)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.sync_button = QPushButton(self.tr("Sync  (F5)"))
        self.sync_button.clicked.connect(self.scheduler.sync_now)
        top = QHBoxLayout()
        top.setContentsMargins(8, 8, 8, 4)
        top.addWidget(self.search, 1)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.sync_button)

        self.table = QTableView()
        self.table.setObjectName("worklist")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Worklist"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        samples = {
            **COLUMN_SAMPLES,
            "readiness": code_label(codes.LABOUR_READINESS, "needs_training"),
            "status": code_label(codes.CASE_STATUS, "plan_agreed"),
            "sync": code_label(codes.SYNC_STATE, "rejected"),
        }
        for i, (key, _h, _s) in enumerate(COLUMNS):
            sample = samples[key]
            width = (
                max(
                    metrics.horizontalAdvance(sample),
                    metrics.horizontalAdvance(self.model.headerData(i, Qt.Orientation.Horizontal)) + 10,
                )
                + 10
            )
            header.resizeSection(
                i, max(FLAGS_WIDTH, width) if key == "flags" else width + (ICON_WIDTH if key == "sync" else 0)
            )
        self.table.setSortingEnabled(True)
        header.setSortIndicator(COLUMN["name"], Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._keep_indicator)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.selectionModel().selectionChanged.connect(self._update_status)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_title = QLabel()
        self.empty_title.setObjectName("emptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint = QLabel()
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear search and filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_hint)
        empty_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(2)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        self.record = RecordView(self.bench)
        self.record.setMinimumWidth(420)
        self.record.changed.connect(self._after_change)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addLayout(top)
        centre_layout.addWidget(self._build_first_sync())
        centre_layout.addWidget(self.list_stack, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self._build_filters())
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.record)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        bar = self.statusBar()
        self.status_counts = QLabel()
        self.status_sync = QLabel()
        self.status_security = QLabel()
        self.status_state = QLabel()
        self.status_state.setObjectName("syncStateLabel")
        self.status_progress = QProgressBar()
        self.status_progress.setRange(0, 0)
        self.status_progress.setMaximumWidth(160)
        self.status_progress.setAccessibleName(self.tr("Sync progress"))
        self.status_progress.hide()
        for w in (self.status_counts, self.status_sync):
            bar.addWidget(w)
        bar.addPermanentWidget(self.status_progress)
        bar.addPermanentWidget(self.status_state)
        bar.addPermanentWidget(self.status_security)
        self.status_security.setText(
            self.tr("Passphrase-protected")
            if self.context.passphrase_protected
            else self.tr("Secrets stored in the OS keyring")
        )
        self.status_security.setToolTip(
            self.tr(
                "The local database is encrypted with a key derived from your passphrase; the passphrase is not stored."
            )
            if self.context.passphrase_protected
            else self.tr("The local database is encrypted; its key is kept in this computer's secure keyring.")
        )

        self._build_sync_dock()
        self._build_menus()
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L), self, self.focus_list)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear, context=Qt.ShortcutContext.WidgetShortcut
        )
        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.record)
        self.setTabOrder(self.record, self.tree)
        self.setTabOrder(self.tree, self.status_combo)
        self.setTabOrder(self.status_combo, self.readiness_combo)
        previous = self.readiness_combo
        for box in self.flag_boxes.values():
            self.setTabOrder(previous, box)
            previous = box
        self.setTabOrder(previous, self.sync_button)

    def _build_first_sync(self) -> QWidget:
        """Shown while a sync runs and the list is still empty: the first sync after sign-in."""
        self.first_sync = QWidget()
        self.first_sync.setObjectName("firstSync")
        layout = QVBoxLayout(self.first_sync)
        layout.setContentsMargins(8, 4, 8, 4)
        self.first_sync_text = QLabel(
            self.tr("Fetching your worklist from the Social Registry and the Employment Support System…")
        )
        self.first_sync_text.setWordWrap(True)
        self.first_sync_bar = QProgressBar()
        self.first_sync_bar.setRange(0, 0)
        self.first_sync_bar.setAccessibleName(self.tr("Sync progress"))
        self.first_sync_phase = QLabel()
        layout.addWidget(self.first_sync_text)
        layout.addWidget(self.first_sync_bar)
        layout.addWidget(self.first_sync_phase)
        self.first_sync.hide()
        return self.first_sync

    def _build_sync_dock(self) -> None:
        self.sync_panel = SyncPanel(self.context, self.scheduler, self.queue.run, self._ui_reads)
        self.sync_panel.openMember.connect(self.open_member)
        self.sync_panel.signOutRequested.connect(self.sign_out)
        # the queues change with every save, whichever screen made it (a draft costs a few
        # indexed counts); the panel is read again when it is opened
        self.queue.done.connect(lambda *_: self.sync_panel.refresh())
        self.sync_dock = QDockWidget(self.tr("Sync"), self)
        self.sync_dock.setObjectName("syncDock")
        self.sync_dock.setWidget(self.sync_panel)
        self.sync_dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.sync_dock)
        self.sync_dock.hide()
        self.sync_dock.visibilityChanged.connect(self._sync_dock_shown)
        self.scheduler.stateChanged.connect(self._on_sync_state)
        self.scheduler.progress.connect(self._on_sync_progress)
        self.scheduler.finished.connect(self._on_sync_finished)
        self.scheduler.wiped.connect(self._on_wiped)
        self._on_sync_state(self.scheduler.state)

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.export_action = self._action(
            file_menu,
            self.tr("&Export list as CSV…"),
            self.export_csv,
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E),
            self.tr("Save the members shown, with the current search and filters"),
        )
        self._action(file_menu, self.tr("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Sign &out…"), self.sign_out)
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        member_menu = bar.addMenu(self.tr("&Member"))
        member_menu.addMenu(self.record.new_menu)
        self._action(
            member_menu, self.tr("Open &plan"), self.record.show_plan, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_P)
        )
        member_menu.addSeparator()
        self.alert_action = self._action(
            member_menu,
            self.tr("Send programme &alert…"),
            self.send_alert,
            QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_A),
            self.tr("Alert the selected members about a programme by SMS, WhatsApp or call"),
        )
        sync_menu = bar.addMenu(self.tr("S&ync"))
        self.sync_action = self._action(
            sync_menu, self.tr("&Sync now"), self.scheduler.sync_now, QKeySequence(Qt.Key.Key_F5)
        )
        self._action(sync_menu, self.tr("&Cancel sync"), self.scheduler.cancel)
        toggle = self.sync_dock.toggleViewAction()
        toggle.setText(self.tr("Sync &panel"))
        toggle.setShortcut(QKeySequence(Qt.Key.Key_F6))
        sync_menu.addAction(toggle)

    def _build_filters(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("filterPanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 8, 4, 8)
        title = QLabel(self.tr("Areas and segments"))
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("areaTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(self.tr("Areas and segments"))
        self.tree.selectionModel().currentChanged.connect(self._on_area)
        title.setBuddy(self.tree)
        layout.addWidget(self.tree, 1)

        box = QGroupBox(self.tr("Show only"))
        form = QVBoxLayout(box)
        form.setSpacing(4)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(self.tr("Case status"))
        self.status_combo.addItem(self.tr("Any case status"), None)
        for code in codes.CASE_STATUS:
            self.status_combo.addItem(code_label(codes.CASE_STATUS, code), code)
        self.status_combo.currentIndexChanged.connect(self._on_filters)
        self.readiness_combo = QComboBox()
        self.readiness_combo.setAccessibleName(self.tr("Labour readiness"))
        self.readiness_combo.addItem(self.tr("Any labour readiness"), None)
        for code in codes.LABOUR_READINESS:
            self.readiness_combo.addItem(code_label(codes.LABOUR_READINESS, code), code)
        self.readiness_combo.currentIndexChanged.connect(self._on_filters)
        form.addWidget(self.status_combo)
        form.addWidget(self.readiness_combo)
        self.flag_boxes: dict[str, QCheckBox] = {}
        for key, label in FLAG_FILTERS:
            check = QCheckBox(self.tr(label))
            check.toggled.connect(self._on_filters)
            self.flag_boxes[key] = check
            form.addWidget(check)
        layout.addWidget(box)
        panel.setMinimumWidth(170)
        return panel

    # --- user actions ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def clear_filters(self) -> None:
        for w in (self.search, self.status_combo, self.readiness_combo, self.tree, *self.flag_boxes.values()):
            w.blockSignals(True)
        self.search.clear()
        self.status_combo.setCurrentIndex(0)
        self.readiness_combo.setCurrentIndex(0)
        self.tree.setCurrentIndex(self.tree_model.index(0, 0))
        for box in self.flag_boxes.values():
            box.setChecked(False)
        for w in (self.search, self.status_combo, self.readiness_combo, self.tree, *self.flag_boxes.values()):
            w.blockSignals(False)
        self.set_filter(WorklistFilter(sort=self.filter.sort, descending=self.filter.descending))

    def set_filter(self, f: WorklistFilter) -> int:
        """Run ``f`` on the worker; the newest call wins. Returns the request's generation."""
        self.filter = f
        today = self.context.today()
        return self.worker.submit("ids", lambda reads: reads.worklist_ids(f, today))

    def refresh_all(self) -> None:
        """Re-run the list, the area counts and the status counts (after a save or a sync)."""
        self.model.invalidate()
        self.set_filter(self.filter)
        self.worker.submit("tree", Reads.areas)
        self.worker.submit("status", Reads.status)

    def selected_member_ids(self) -> list[str]:
        """The selected rows in list order; the current row when nothing else is selected."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [self.model.index(r, 0).data(MEMBER_ID_ROLE) for r in rows]
        return [i for i in ids if i] or ([self.record.member_id] if self.record.member_id else [])

    def open_member(self, member_id: str) -> None:
        """Show a member's record (from the sync panel), and their row if the list shows them now."""
        self.record.show_member(member_id)
        row = self.model.row_of(self.record.file.row.rowid) if self.record.file else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def send_alert(self) -> AlertDialog | None:
        ids = self.selected_member_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select the members to alert in the list first."), 5000)
            return None
        self.alert_dialog = AlertDialog(self.bench, ids, self)
        self.alert_dialog.composer.queued.connect(lambda _ids: self._after_change())
        self.alert_dialog.open()
        return self.alert_dialog

    def export_csv(self, path: str | None = None) -> None:
        """Write every member the current search and filters show (not only the visible rows)."""
        if not path:
            suggested = str(Path.home() / self.tr("worklist.csv"))
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the list as CSV"), suggested, self.tr("CSV files (*.csv)")
            )
        if not path:
            return
        f, today, target = self.filter, self.context.today(), Path(path)

        def export(reads: Reads):
            return str(target), export_worklist_csv(reads.worklist(f, today), target)

        self.statusBar().showMessage(self.tr("Exporting…"))
        self.worker.submit("export", export)

    def open_settings(self) -> SettingsDialog:
        self.settings_dialog = SettingsDialog(self.context.settings, self)
        self.settings_dialog.open()
        return self.settings_dialog

    def sign_out(self) -> None:
        """Sign out and remove the local copy; changes not yet on the server are exported to a file first."""
        workspace = self.context.workspace
        self.queue.run(workspace.unsynced_count, self._confirm_sign_out, owner=self)

    def _confirm_sign_out(self, unsynced: int) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Sign out"), "", QMessageBox.StandardButton.Cancel, self)
        if unsynced:
            box.setText(self.tr("%n change(s) have not reached the server yet.", "", unsynced))
            box.setInformativeText(
                self.tr(
                    "Sync first (F5) to send them. To sign out now, save them to a file "
                    "and hand it to your office; keep it on encrypted media."
                )
            )
            box.addButton(self.tr("&Export and sign out…"), QMessageBox.ButtonRole.AcceptRole)
        else:
            box.setText(self.tr("Sign out and remove your worklist from this device?"))
            box.setInformativeText(self.tr("You will need a connection to sign in again."))
            box.addButton(self.tr("Sign &out"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda button: (
                box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole and self._sign_out_now(bool(unsynced))
            )
        )
        self.sign_out_box = box
        box.open()

    def _sign_out_now(self, export: bool, export_to: str | None = None) -> None:
        """Stop every worker of this profile, then remove it on a worker thread."""
        if export and not export_to:
            export_to, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the unsent changes"),
                str(Path.home() / self.tr("unsent-changes.json")),
                self.tr("JSON files (*.json)"),
            )
            if not export_to:
                return
        context = self.context
        data_dir, workspace = context.data_dir, context.workspace
        self.setEnabled(False)
        self.statusBar().showMessage(self.tr("Signing out…"))
        context.stop_workers()
        target = Path(export_to) if export_to else None
        run_in_background(
            lambda: workspace.sign_out(data_dir, export_to=target),
            self._signed_out,
            self._sign_out_failed,
            self,
        )

    def _signed_out(self, _exported: int) -> None:
        self.context.workspace = None
        self.signed_out = True
        self.close()

    def _sign_out_failed(self, exc: Exception) -> None:
        log.error("sign-out failed", exc_info=exc)
        QMessageBox.warning(
            self,
            self.tr("Sign out"),
            self.tr(
                "Could not sign out: %1. Nothing was removed from this device. Field Desk will close; open it "
                "again to continue your work."
            ).replace("%1", known_message(exc) or str(exc)),
        )
        self.close()

    def _sync_dock_shown(self, visible: bool) -> None:
        """Opened, the panel is read again and takes a third of the height, so the list stays
        usable at 768 pixels."""
        if visible:
            self.sync_panel.refresh()
            self.resizeDocks([self.sync_dock], [self.height() // 3], Qt.Orientation.Vertical)

    def _after_change(self) -> None:
        """A save from a form, the plan, an alert or a resolution: the rows and counts are read again."""
        self.refresh_all()
        self.sync_panel.refresh()

    # --- sync -----------------------------------------------------------------------------------

    def _on_sync_state(self, state: str) -> None:
        text, colour = state_text(state)
        self.status_state.setText(text)
        self.status_state.setStyleSheet(f"color: {colour}; font-weight: bold")
        syncing = state == "syncing"
        self.status_progress.setVisible(syncing)
        self.sync_button.setEnabled(not syncing)
        first = syncing and self._total == 0
        self.first_sync.setVisible(first)
        self.list_stack.setVisible(not first)

    def _on_sync_progress(self, phase: str, items: int, size: int) -> None:
        text = phase_text(phase, items, size)
        self.status_progress.setToolTip(text)
        self.first_sync_phase.setText(text)

    def _on_sync_finished(self, report) -> None:
        self.first_sync.hide()
        self.list_stack.show()
        self.refresh_all()
        self.record.refresh()
        if report.errors:
            self.statusBar().showMessage(report.errors[0], 10000)

    def _on_wiped(self) -> None:
        """The device was revoked: its data is gone; nothing more can be shown."""
        QMessageBox.warning(
            self,
            self.tr("Field Desk"),
            self.tr(
                "This device was removed from your account by an administrator, and the local copy of your "
                "worklist has been deleted. Sign in again to continue."
            ),
        )
        self.signed_out = True
        self.close()

    # --- reacting -----------------------------------------------------------------------------

    def _on_text(self, text: str) -> None:
        """Search from two characters: one letter matches a fifth of the list and helps nobody."""
        text = text.strip()
        text = text if len(text) >= MIN_SEARCH else ""
        if text != self.filter.text:
            self.set_filter(dataclasses.replace(self.filter, text=text))

    def _on_sort(self, key: str, descending: bool) -> None:
        if (key, descending) != (self.filter.sort, self.filter.descending):
            self.set_filter(dataclasses.replace(self.filter, sort=key, descending=descending))

    def _on_filters(self) -> None:
        flags = frozenset(k for k, box in self.flag_boxes.items() if box.isChecked())
        self.set_filter(
            dataclasses.replace(
                self.filter,
                case_status=self.status_combo.currentData(),
                labour_readiness=self.readiness_combo.currentData(),
                flags=flags,
            )
        )

    def _on_area(self, current: QModelIndex, _previous: QModelIndex) -> None:
        region, area, segment = current.data(TREE_ROLE) if current.isValid() else (None, None, None)
        self.set_filter(dataclasses.replace(self.filter, region=region, area=area, segment=segment))

    def _on_result(self, lane: str, generation: int, result) -> None:
        if not self.worker.is_latest(lane, generation):
            return
        if lane == "ids":
            self._show_ids(result, generation)
        elif lane == "tree":
            self._fill_tree(result)
        elif lane == "export":
            path, count = result
            self.statusBar().showMessage(self.tr("%n member(s) exported to %1", "", count).replace("%1", path), 10000)
            self.exported.emit(path, count)
        elif lane == "status":
            self._total, last_sync, pending = result["assigned"], result["last_sync"], result["pending"]
            self.status_sync.setText(
                (
                    self.tr("Last sync %1").replace("%1", last_sync[:16].replace("T", " "))
                    if last_sync
                    else self.tr("Not synced yet")
                )
                + " · "
                + self.tr("%n change(s) waiting to be sent", "", pending)
            )
            self._update_status()

    def _on_failure(self, _lane: str, _generation: int, exc: Exception) -> None:
        """A failed read goes to the one error path: a known problem's message, or the bug report."""
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def _keep_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """Columns without an SQL order (Flags) must not show a sort arrow."""
        if COLUMNS[column][2] is None:
            current = next(i for i, c in enumerate(COLUMNS) if c[2] == self.filter.sort)
            order = Qt.SortOrder.DescendingOrder if self.filter.descending else Qt.SortOrder.AscendingOrder
            self.table.horizontalHeader().setSortIndicator(current, order)

    def _show_ids(self, ids: list[int], generation: int) -> None:
        current = self.table.currentIndex().data(ROWID_ROLE)
        self.model.set_ids(ids)
        if current is not None:
            row = self.model.row_of(current)
            if row >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
        self._update_empty()
        self._update_status()
        self.table.viewport().update()
        self._shown_generation = generation
        self.resultsShown.emit(generation)

    @property
    def results_current(self) -> bool:
        """Whether the list shows the answer to the newest search and filters."""
        return self.worker.is_latest("ids", self._shown_generation)

    def _update_empty(self) -> None:
        if self.model.rowCount():
            self.list_stack.setCurrentWidget(self.table)
            return
        if self.filter == WorklistFilter(sort=self.filter.sort, descending=self.filter.descending):
            self.empty_title.setText(self.tr("Your worklist is empty"))
            self.empty_hint.setText(
                self.tr(
                    "No members are assigned to you on this device yet. "
                    "Sync (F5) when you have a connection to fetch your list."
                )
            )
            self.clear_button.hide()
        else:
            self.empty_title.setText(self.tr("No members match"))
            self.empty_hint.setText(self.tr("Nobody on your worklist matches this search and these filters."))
            self.clear_button.show()
        self.list_stack.setCurrentWidget(self.empty)

    def _update_status(self) -> None:
        shown = self.model.rowCount()
        selected = len(self.table.selectionModel().selectedRows())
        text = self.tr("%1 of %2 members").replace("%1", f"{shown:,}").replace("%2", f"{self._total:,}")
        self.count_label.setText(text)
        if selected > 1:
            text += " · " + self.tr("%n selected", "", selected)
        self.status_counts.setText(text)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        member_id = current.data(MEMBER_ID_ROLE) if current.isValid() else None
        if member_id != self.record.member_id and member_id is not None:
            self.record.show_member(member_id)

    def _fill_tree(self, areas: Areas) -> None:
        """Region → area → segment with member counts; the first row is everyone."""
        rows, offices = areas.rows, areas.offices
        self.model.set_area_labels(offices)
        selected = self.tree.currentIndex().data(TREE_ROLE)
        self.tree_model.clear()
        root = self.tree_model.invisibleRootItem()
        everyone = QStandardItem(self.tr("All  (%1)").replace("%1", f"{sum(r[3] for r in rows):,}"))
        everyone.setToolTip(self.tr("Everyone on your worklist"))
        everyone.setData((None, None, None), TREE_ROLE)
        root.appendRow(everyone)
        regions: dict[str, QStandardItem] = {}
        areas: dict[tuple[str, str], QStandardItem] = {}
        counts: dict[tuple, int] = {}
        for region, area, segment, n in rows:
            if region not in regions:
                regions[region] = QStandardItem()
                regions[region].setData((region or None, None, None), TREE_ROLE)
                root.appendRow(regions[region])
            if (region, area) not in areas:
                item = QStandardItem()
                item.setData((region or None, area or None, None), TREE_ROLE)
                regions[region].appendRow(item)
                areas[(region, area)] = item
            seg = QStandardItem(f"{segment.rsplit('/', 1)[-1] or self.tr('No segment')}  ({n:,})")
            seg.setData((region or None, area or None, segment or None), TREE_ROLE)
            areas[(region, area)].appendRow(seg)
            for key in ((region,), (region, area)):
                counts[key] = counts.get(key, 0) + n
        for region, item in regions.items():
            item.setText(
                self.tr("Region %1  (%2)").replace("%1", region or "?").replace("%2", f"{counts[(region,)]:,}")
            )
        for (region, area), item in areas.items():
            item.setText(f"{area_label(offices, area) or self.tr('No area')}  ({counts[(region, area)]:,})")
            item.setToolTip(offices.get(area, area))
        self.tree.blockSignals(True)
        self.tree.selectionModel().blockSignals(True)
        target = self._find_tree_item(selected) if selected else self.tree_model.index(0, 0)
        self.tree.setCurrentIndex(target)
        self.tree.selectionModel().blockSignals(False)
        self.tree.blockSignals(False)

    def _find_tree_item(self, key) -> QModelIndex:
        matches = self.tree_model.match(
            self.tree_model.index(0, 0), TREE_ROLE, key, 1, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
        )
        return matches[0] if matches else self.tree_model.index(0, 0)

    # --- state ------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        s = self.context.settings
        if not (s.get("window/geometry") and self.restoreGeometry(s.get("window/geometry"))):
            self.resize(self.screen().availableGeometry().size())  # first start: the whole screen
        self._panes_sized = bool(s.get("worklist/splitter")) and self.splitter.restoreState(s.get("worklist/splitter"))

    def showEvent(self, event) -> None:
        """First start: give the list all the width the side panes do not need (sizes need the real width)."""
        super().showEvent(event)
        if not self._panes_sized:
            self._panes_sized = True
            left, right = PANE_WIDTHS
            # the filter labels are longer in some languages (French): the panel fits them
            left = max(left, self.splitter.widget(0).sizeHint().width())
            self.splitter.setSizes([left, max(400, self.splitter.width() - left - right), right])

    def closeEvent(self, event) -> None:
        s = self.context.settings
        s.set("window/geometry", self.saveGeometry())
        s.set("worklist/splitter", self.splitter.saveState())
        super().closeEvent(event)

    def _shut_down(self) -> None:
        """Stop the list's worker and empty the list. The window's own read connection stays
        open until the window goes: a paint or a sync signal already queued may still read
        it, and a reader does not hold the writer's store open."""
        self.worker.stop()
        self.model.set_ids([])
