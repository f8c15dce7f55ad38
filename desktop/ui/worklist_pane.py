"""The window's centre: the search, the worklist table over row ids, and what shows instead of it
(the first sync's progress, or an empty list with a way back to everyone).

The pane owns the current ``WorklistFilter``: its search text and sort are the pane's own, the
filter panel's choice arrives through ``set_filter``. Every filter runs on the query worker (the
newest wins); the table reads only the windows of rows it paints. Its strings keep the main
window's translation context.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..cases.reads import Reads, WorklistFilter
from ..domain import codes
from .labels import code_label, number
from .query_worker import QueryWorker
from .worklist_model import COLUMN, COLUMNS, MEMBER_ID_ROLE, ROWID_ROLE, WorklistModel

translate = QCoreApplication.translate

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
ICON_WIDTH = 22
#: shortest search text that filters (the search index answers two characters and more quickly)
MIN_SEARCH = 2


class WorklistPane(QWidget):
    """Search, the list and its empty and first-sync states; ``memberChosen`` when the current row moves."""

    #: a new result is in the model and the view has been asked to repaint (benchmarks wait on it)
    resultsShown = Signal(int)
    #: the person moved to another member's row
    memberChosen = Signal(str)
    #: the "Clear search and filters" button of the empty list
    clearRequested = Signal()
    #: "shown of total members", with the selection: for the status bar
    counted = Signal(str)

    def __init__(self, reads: Reads, queries: QueryWorker, today, parent: QWidget | None = None):
        super().__init__(parent)
        self.queries = queries
        self.today = today
        self.filter = WorklistFilter()
        self._total = 0
        self._shown_generation = 0
        self._scroll_home = False
        self.model = WorklistModel(reads, today, self)
        self.model.sortRequested.connect(self._on_sort)
        queries.done.connect(self._on_result)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            translate("MainWindow", "Search by name, UIN, phone or locality: two letters or more (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("MainWindow", "Search"))
        self.search.textChanged.connect(self._on_text)
        self.search.returnPressed.connect(self.focus_list)
        self.search.installEventFilter(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.sync_button = QPushButton(translate("MainWindow", "Sync  (F5)"))
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
        self.table.setAccessibleName(translate("MainWindow", "Worklist"))
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move in it
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
        self.clear_button = QPushButton(translate("MainWindow", "Clear search and filters"))
        self.clear_button.clicked.connect(self.clearRequested)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_hint)
        empty_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(2)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self._build_first_sync())
        layout.addWidget(self.list_stack, 1)

    def _build_first_sync(self) -> QWidget:
        """Shown while a sync runs and the list is still empty: the first sync after sign-in."""
        self.first_sync = QWidget()
        self.first_sync.setObjectName("firstSync")
        layout = QVBoxLayout(self.first_sync)
        layout.setContentsMargins(8, 4, 8, 4)
        self.first_sync_text = QLabel(
            translate(
                "MainWindow", "Fetching your worklist from the Social Registry and the Employment Support System…"
            )
        )
        self.first_sync_text.setWordWrap(True)
        self.first_sync_bar = QProgressBar()
        self.first_sync_bar.setRange(0, 0)
        self.first_sync_bar.setAccessibleName(translate("MainWindow", "Sync progress"))
        self.first_sync_phase = QLabel()
        layout.addWidget(self.first_sync_text)
        layout.addWidget(self.first_sync_bar)
        layout.addWidget(self.first_sync_phase)
        self.first_sync.hide()
        return self.first_sync

    # --- the filter -------------------------------------------------------------------------------

    def set_filter(self, f: WorklistFilter) -> int:
        """Run ``f`` on the worker; the newest call wins. Returns the request's generation."""
        self.filter = f
        today = self.today()
        return self.queries.submit("ids", lambda reads: reads.worklist_ids(f, today))

    def clear(self) -> None:
        """The search emptied, quietly; the sort stays (the caller runs the one new query)."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)

    def _on_text(self, text: str) -> None:
        """Search from two characters: one letter matches a fifth of the list and helps nobody."""
        text = text.strip()
        text = text if len(text) >= MIN_SEARCH else ""
        if text != self.filter.text:
            self._scroll_home = True
            self.set_filter(dataclasses.replace(self.filter, text=text))

    def _on_sort(self, key: str, descending: bool) -> None:
        if (key, descending) != (self.filter.sort, self.filter.descending):
            self.set_filter(dataclasses.replace(self.filter, sort=key, descending=descending))

    def _keep_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """Columns without an SQL order (Flags) must not show a sort arrow."""
        if COLUMNS[column][2] is None:
            current = next(i for i, c in enumerate(COLUMNS) if c[2] == self.filter.sort)
            order = Qt.SortOrder.DescendingOrder if self.filter.descending else Qt.SortOrder.AscendingOrder
            self.table.horizontalHeader().setSortIndicator(current, order)

    # --- results ----------------------------------------------------------------------------------

    def _on_result(self, lane: str, generation: int, result) -> None:
        if lane == "ids" and self.queries.is_latest(lane, generation):
            self._show_ids(result, generation)

    def _show_ids(self, ids: np.ndarray, generation: int) -> None:
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
        if self._scroll_home:  # a new search starts at the left, where the names are
            self._scroll_home = False
            self.table.horizontalScrollBar().setValue(0)
        self.table.viewport().update()
        self._shown_generation = generation
        self.resultsShown.emit(generation)

    @property
    def results_current(self) -> bool:
        """Whether the list shows the answer to the newest search and filters."""
        return self.queries.is_latest("ids", self._shown_generation)

    def forget_rows(self) -> None:
        """The reads have stopped: the list shows nothing more, so no paint reads after the store closes."""
        self.model.set_ids([])

    def set_total(self, total: int) -> None:
        """How many members the worklist has, whatever the filter."""
        self._total = total
        self._update_status()

    def _update_empty(self) -> None:
        if self.model.rowCount():
            self.list_stack.setCurrentWidget(self.table)
            return
        if self.filter == WorklistFilter(sort=self.filter.sort, descending=self.filter.descending):
            self.empty_title.setText(translate("MainWindow", "Your worklist is empty"))
            self.empty_hint.setText(
                translate(
                    "MainWindow",
                    "No members are assigned to you on this device yet. "
                    "Sync (F5) when you have a connection to fetch your list.",
                )
            )
            self.clear_button.hide()
        else:
            self.empty_title.setText(translate("MainWindow", "No members match"))
            self.empty_hint.setText(
                translate("MainWindow", "Nobody on your worklist matches this search and these filters.")
            )
            self.clear_button.show()
        self.list_stack.setCurrentWidget(self.empty)

    def _update_status(self) -> None:
        shown = self.model.rowCount()
        selected = len(self.table.selectionModel().selectedRows())
        text = translate("MainWindow", "%1 of %Ln members", "", self._total).replace("%1", number(shown))
        self.count_label.setText(text)
        if selected > 1:
            text += " · " + translate("MainWindow", "%n selected", "", selected)
        self.counted.emit(text)

    # --- the sync that fills it -------------------------------------------------------------------

    def show_sync_state(self, state: str) -> None:
        """A sync running over an empty list is the first one: its progress takes the list's place."""
        syncing = state == "syncing"
        self.sync_button.setEnabled(not syncing)
        first = syncing and self._total == 0
        self.first_sync.setVisible(first)
        self.list_stack.setVisible(not first)

    def show_sync_phase(self, text: str) -> None:
        self.first_sync_phase.setText(text)

    def sync_finished(self) -> None:
        self.first_sync.hide()
        self.list_stack.show()

    # --- the current member -----------------------------------------------------------------------

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        member_id = current.data(MEMBER_ID_ROLE) if current.isValid() else None
        if member_id is not None:
            self.memberChosen.emit(member_id)

    def eventFilter(self, watched, event) -> bool:
        """Down in the search goes to the list, as Enter does."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self.focus_list()
            return True
        return super().eventFilter(watched, event)

    def focus_chain(self) -> list[QWidget]:
        """The pane's widgets in tab order, as they sit on the screen."""
        return [self.search, self.sync_button, self.table, self.clear_button]

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def selected_member_ids(self) -> list[str]:
        """The selected rows in list order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [self.model.index(r, 0).data(MEMBER_ID_ROLE) for r in rows]
        return [i for i in ids if i]

    def select_rowid(self, rowid: int) -> None:
        """Make the row showing ``rowid`` current, if the list shows it now."""
        row = self.model.row_of(rowid)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
