"""The main window: the filter panel, the worklist pane and the member's record side by side, the
sync panel as a dock and the sync status bar, with the menus that act on them.

The window lays the parts out and carries what one part says to another; the workers it uses
belong to the ``SessionController``. Every query over the whole list (ids for the current
filter, area counts, status counts, the CSV export) runs on the controller's query worker; the
UI thread reads only windows of visible rows and the selected member's record, through the
controller's read models. After a change only the views that show it are read again; after a
sync, everything.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QWidget,
)

from ..cases.reads import Reads, WorklistFilter
from ..domain import codes
from .alerts import AlertDialog
from .context import Context
from .controller import SessionController
from .error_dialog import known_message
from .exports import export_worklist_csv
from .filter_panel import FilterPanel
from .help import set_topic, show_help
from .labels import code_label
from .record_view import RecordView
from .settings_dialog import SettingsDialog
from .sync_panel import SyncPanel
from .sync_status import SyncStatusBar, sync_error_text
from .tasks import Changes
from .worklist_pane import WorklistPane

log = logging.getLogger(__name__)

#: narrowest default widths of the filter panel and the member's record; the list takes the rest
PANE_WIDTHS = (215, 540)


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area: it may then be given less height than it asks for."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class MainWindow(QMainWindow):
    """The worklist window of one signed-in profile."""

    #: the worklist was written to a CSV file: (path, rows)
    exported = Signal(str, int)
    #: the session ended (signed out, switched user, device removed), just before the window closes:
    #: the demo offers its accounts again
    sessionEnded = Signal()

    def __init__(self, context: Context, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.controller = controller
        self.scheduler = controller.scheduler
        self.bench = controller.bench
        self.queries = controller.queries
        self.signed_out = False
        #: closed to let another demo account in (the profile stays on this device)
        self.switched = False
        self.queries.done.connect(self._on_result)
        self.queries.failed.connect(self._on_failure)
        controller.queue.changed.connect(self.refresh)
        controller.signedOut.connect(self._signed_out)
        controller.signOutFailed.connect(self._sign_out_failed)
        controller.wiped.connect(self._on_wiped)

        self.setWindowTitle(self.title())
        self._build()
        controller.stopped.connect(self.worklist.forget_rows)
        self._restore_state()
        self.refresh_all()

    def title(self) -> str:
        """The person and their role, in the interface's language. A demo account is no person:
        its role is its name."""
        profile = self.context.workspace.profile
        role = code_label(codes.ROLE, profile.role)
        if self.context.demo:
            return self.tr("Field Desk demo — %1").replace("%1", role or profile.user)
        who = profile.display_name or profile.user
        return self.tr("Field Desk — %1").replace("%1", f"{who} ({role})" if role else who)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.filters = FilterPanel()
        self.filters.changed.connect(self._on_filters)
        self.worklist = WorklistPane(self.controller.reads, self.queries, self.context.today)
        self.worklist.sync_button.clicked.connect(self.scheduler.sync_now)
        self.worklist.memberChosen.connect(self._on_member_chosen)
        self.worklist.clearRequested.connect(self.clear_filters)
        self.record = RecordView(self.bench)
        self.record.setMinimumWidth(420)
        for part, topic in ((self.filters, "worklist"), (self.worklist, "worklist"), (self.record, "record")):
            set_topic(part, topic)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(scrolling(self.filters))
        self.splitter.addWidget(self.worklist)
        self.splitter.addWidget(self.record)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.sync_status = SyncStatusBar(self.context.passphrase_protected)
        self.setStatusBar(self.sync_status)
        self.worklist.counted.connect(self.sync_status.counts.setText)

        self._build_sync_dock()
        self._build_menus()
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self.worklist.search,
            self.worklist.search.clear,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        # Tab follows the screen: the filters on the left, the search and the list, then the record
        chain = [*self.filters.focus_chain(), *self.worklist.focus_chain(), *self.record.focus_chain()]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def _build_sync_dock(self) -> None:
        self.sync_panel = SyncPanel(self.context, self.scheduler, self.controller.queue.run, self.controller.reads)
        self.sync_panel.openMember.connect(self.open_member)
        self.sync_panel.signOutRequested.connect(self.sign_out)
        set_topic(self.sync_panel, "sync")
        self.sync_dock = QDockWidget(self.tr("Sync"), self)
        self.sync_dock.setObjectName("syncDock")
        # the panel scrolls inside the dock, so opening it never makes the window taller than the screen
        self.sync_dock.setWidget(scrolling(self.sync_panel))
        self.sync_dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.sync_dock)
        self.sync_dock.hide()
        self.sync_dock.visibilityChanged.connect(self._sync_dock_shown)
        self.scheduler.stateChanged.connect(self._on_sync_state)
        self.scheduler.progress.connect(self._on_sync_progress)
        self.scheduler.finished.connect(self._on_sync_finished)
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
        if self.context.demo:
            self.switch_action = self._action(
                file_menu,
                self.tr("S&witch user…"),
                self.switch_user,
                QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_U),
                self.tr("Go back to the demo's accounts; nothing is removed"),
            )
        self._action(file_menu, self.tr("Sign &out…"), self.sign_out)
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        view_menu = bar.addMenu(self.tr("&View"))
        for text, slot, key in (
            (self.tr("&Search the list"), self.worklist.focus_search, QKeySequence.StandardKey.Find),
            (self.tr("The &list"), self.worklist.focus_list, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L)),
            (
                self.tr("&Areas and segments"),
                self.filters.focus_areas,
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_1),
            ),
            (
                self.tr("Show &only filters"),
                self.filters.focus_filters,
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_2),
            ),
        ):
            self._action(view_menu, text, slot, key)
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
        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_action = self._action(
            help_menu,
            self.tr("&Help for this screen"),
            lambda: show_help(self),
            QKeySequence.StandardKey.HelpContents,
        )
        self._action(help_menu, self.tr("&Legend: badges and sync states"), lambda: show_help(self, "legend"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), lambda: show_help(self, "shortcuts"))

    # --- user actions ---------------------------------------------------------------------------

    def clear_filters(self) -> None:
        self.worklist.clear()
        self.filters.reset()
        f = self.worklist.filter
        self.worklist.set_filter(WorklistFilter(sort=f.sort, descending=f.descending))

    def refresh_all(self) -> None:
        """Re-run the list, the area counts and the status counts (after a sync)."""
        self.worklist.model.invalidate()
        self.worklist.set_filter(self.worklist.filter)
        self.queries.submit("tree", Reads.areas)
        self.queries.submit("status", Reads.status)

    def refresh(self, changes: Changes) -> None:
        """After a save: the rows of the members it changed, the list (a filter may show them or
        not now), the counts and the sync panel's queues; the areas only when the save did not say
        what it changed. The record reads itself again after its own changes."""
        if changes.members is None:
            self.refresh_all()
        else:
            self.worklist.model.invalidate_members(changes.members)
            self.worklist.set_filter(self.worklist.filter)
            self.queries.submit("status", Reads.status)
        self.sync_panel.refresh()

    def selected_member_ids(self) -> list[str]:
        """The selected rows in list order; the current row when nothing else is selected."""
        return self.worklist.selected_member_ids() or ([self.record.member_id] if self.record.member_id else [])

    def open_member(self, member_id: str) -> None:
        """Show a member's record (from the sync panel), and their row if the list shows them now."""
        self.record.show_member(member_id)
        if self.record.file:
            self.worklist.select_rowid(self.record.file.row.rowid)

    def send_alert(self) -> AlertDialog | None:
        ids = self.selected_member_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select the members to alert in the list first."), 5000)
            return None
        self.alert_dialog = AlertDialog(self.bench, ids, self)
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
        f, today, target = self.worklist.filter, self.context.today(), Path(path)

        def export(reads: Reads):
            return str(target), export_worklist_csv(reads.worklist(f, today), target)

        self.statusBar().showMessage(self.tr("Exporting…"))
        self.queries.submit("export", export)

    def open_settings(self) -> SettingsDialog:
        self.settings_dialog = SettingsDialog(self.context.settings, self)
        self.settings_dialog.open()
        return self.settings_dialog

    def sign_out(self) -> None:
        """Sign out and remove the local copy; changes not yet on the server are exported to a file first."""
        self.controller.count_unsynced(self._confirm_sign_out, self)

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
        """Ask where unsent changes go, then let the controller stop the workers and sign out."""
        if export and not export_to:
            export_to, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the unsent changes"),
                str(Path.home() / self.tr("unsent-changes.json")),
                self.tr("JSON files (*.json)"),
            )
            if not export_to:
                return
        self.setEnabled(False)
        self.statusBar().showMessage(self.tr("Signing out…"))
        self.controller.sign_out(Path(export_to) if export_to else None)

    def switch_user(self) -> None:
        """The demo: stop this session (its profile stays on the device) and offer the accounts again."""
        self.switched = True
        self.context.end_session()
        self.sessionEnded.emit()
        self.close()

    def _signed_out(self) -> None:
        self.signed_out = True
        self.sessionEnded.emit()
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

    # --- sync -----------------------------------------------------------------------------------

    def _on_sync_state(self, state: str) -> None:
        self.sync_status.show_state(state)
        self.worklist.show_sync_state(state)

    def _on_sync_progress(self, phase: str, items: int, size: int) -> None:
        self.worklist.show_sync_phase(self.sync_status.show_progress(phase, items, size))

    def _on_sync_finished(self, report) -> None:
        self.worklist.sync_finished()
        self.refresh_all()
        self.record.refresh()
        if report.errors:
            self.statusBar().showMessage(sync_error_text(report.errors[0]), 10000)

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
        self.sessionEnded.emit()
        self.close()

    # --- reacting -----------------------------------------------------------------------------

    def _on_filters(self) -> None:
        self.worklist.set_filter(dataclasses.replace(self.worklist.filter, **self.filters.values()))

    def _on_member_chosen(self, member_id: str) -> None:
        if member_id != self.record.member_id:
            self.record.show_member(member_id)

    def _on_result(self, lane: str, generation: int, result) -> None:
        if not self.queries.is_latest(lane, generation):
            return
        if lane == "tree":
            self.worklist.model.set_area_labels(result.offices)
            self.filters.show_areas(result)
        elif lane == "export":
            path, count = result
            self.statusBar().showMessage(self.tr("%n member(s) exported to %1", "", count).replace("%1", path), 10000)
            self.exported.emit(path, count)
        elif lane == "status":
            self.sync_status.show_summary(result)
            self.worklist.set_total(result["assigned"])

    def _on_failure(self, _lane: str, _generation: int, exc: Exception) -> None:
        """A failed read goes to the one error path: a known problem's message, or the bug report."""
        sys.excepthook(type(exc), exc, exc.__traceback__)

    # --- state ------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        s = self.context.settings
        if not (s.get("window/geometry") and self.restoreGeometry(s.get("window/geometry"))):
            # first start: the whole screen, title bar and frame included (a window manager adds them
            # around a window as large as the screen, pushing the status bar off it)
            self.resize(self.screen().availableGeometry().size() * 0.9)
            self.setWindowState(Qt.WindowState.WindowMaximized)
        self._panes_sized = bool(s.get("window/panes")) and self.splitter.restoreState(s.get("window/panes"))

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
        s.set("window/panes", self.splitter.saveState())
        super().closeEvent(event)
