"""The worklist as a table model over row ids, with rows read lazily in windows.

The model holds an array of row ids (8 bytes a member); a row's columns are read the first time
the view asks for them, ``WINDOW`` rows at a time (one indexed query), and kept in a bounded LRU
cache. Filtering and sorting happen on the query worker; the model only receives the new ids in
one piece (``set_ids``) and resets.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from ..cases.reads import Reads, WorklistRow
from ..domain import codes, rules
from ..domain.codes import QT_TRANSLATE_NOOP
from .labels import OVERDUE_COLOR, age_on, area_label, code_label, flag_texts, flags_pixmap, segment_label, sync_icon

#: (key, header, sort key of the worklist's SQL orders, or None)
#: what tells two people of the same name apart (age, locality, UIN) sits beside the name
COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("name", QT_TRANSLATE_NOOP("WorklistModel", "Name"), "name"),
    ("age", QT_TRANSLATE_NOOP("WorklistModel", "Age"), "age"),
    ("locality", QT_TRANSLATE_NOOP("WorklistModel", "Locality"), "locality"),
    ("uin", QT_TRANSLATE_NOOP("WorklistModel", "UIN"), "uin"),
    ("flags", QT_TRANSLATE_NOOP("WorklistModel", "Flags"), None),
    ("sync", QT_TRANSLATE_NOOP("WorklistModel", "Sync"), "sync"),
    ("status", QT_TRANSLATE_NOOP("WorklistModel", "Case status"), "status"),
    ("next_due", QT_TRANSLATE_NOOP("WorklistModel", "Next due"), "next_due"),
    ("readiness", QT_TRANSLATE_NOOP("WorklistModel", "Readiness"), "readiness"),
    ("area", QT_TRANSLATE_NOOP("WorklistModel", "Area"), "area"),
    ("segment", QT_TRANSLATE_NOOP("WorklistModel", "Segment"), "segment"),
)
COLUMN = {key: i for i, (key, _h, _s) in enumerate(COLUMNS)}
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROWID_ROLE = Qt.ItemDataRole.UserRole + 2


class WorklistModel(QAbstractTableModel):
    """Read-only rows of the signed-in worker's list; ``sortRequested`` asks for a new SQL order."""

    WINDOW = 200
    CACHE_ROWS = 3000

    sortRequested = Signal(str, bool)

    def __init__(self, reads: Reads, today: Callable[[], dt.date], parent=None):
        super().__init__(parent)
        self._reads = reads
        self._today = today
        self._ids: np.ndarray = np.empty(0, dtype=np.int64)
        self._cache: OrderedDict[int, WorklistRow] = OrderedDict()
        self._area_labels: dict[str, str] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._overdue = QBrush(QColor(OVERDUE_COLOR))

    # --- feeding ---------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int] | np.ndarray) -> None:
        """A new result from the query worker; cached rows stay valid (their data did not change)."""
        self.beginResetModel()
        self._ids = np.asarray(ids, dtype=np.int64)
        self.endResetModel()

    def invalidate(self, rowids: list[int] | None = None) -> None:
        """Rows whose data changed on disk (after a save or a sync) are read again."""
        if rowids is None:
            self._cache.clear()
        else:
            for rowid in rowids:
                self._cache.pop(rowid, None)
        if len(self._ids):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    def invalidate_members(self, member_ids: Iterable[str]) -> None:
        """The rows of these members are read again when next shown (their case columns changed)."""
        ids = set(member_ids)
        self.invalidate([rowid for rowid, row in self._cache.items() if row.id in ids])

    def set_area_labels(self, labels: dict[str, str]) -> None:
        self._area_labels = labels
        if len(self._ids):
            col = COLUMN["area"]
            self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))

    def rowids(self) -> np.ndarray:
        return self._ids

    def row_of(self, rowid: int) -> int:
        """The row showing ``rowid``, or -1 (a linear scan: only on a new result, not per paint)."""
        found = np.flatnonzero(self._ids == rowid)
        return int(found[0]) if len(found) else -1

    def row_at(self, row: int) -> WorklistRow | None:
        if not 0 <= row < len(self._ids):
            return None
        rowid = int(self._ids[row])
        found = self._cache.get(rowid)
        if found is not None:
            self._cache.move_to_end(rowid)
            return found
        self._load_window(row)
        return self._cache.get(rowid)

    def _load_window(self, row: int) -> None:
        start = max(0, row - self.WINDOW // 4)
        wanted = [r for r in self._ids[start : start + self.WINDOW].tolist() if r not in self._cache]
        self._cache.update(self._reads.worklist_rows(wanted))
        while len(self._cache) > self.CACHE_ROWS:
            self._cache.popitem(last=False)

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(COLUMNS[section][1])
            if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][2] is not None:
                return self.tr("Click to sort by this column")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is a new SQL query, run by whoever listens (the window's query worker)."""
        if 0 <= column < len(COLUMNS) and COLUMNS[column][2] is not None:
            self.sortRequested.emit(COLUMNS[column][2], order == Qt.SortOrder.DescendingOrder)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.column() >= len(COLUMNS):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.DecorationRole:
            if key == "sync":
                return sync_icon(row.sync_state)
            if key == "flags" and (row.potentially_unemployed or row.needs_field_check or row.returned):
                return flags_pixmap(bool(row.potentially_unemployed), bool(row.needs_field_check), bool(row.returned))
            return None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._tooltip(row, key, role)
        if role == Qt.ItemDataRole.ForegroundRole and key == "next_due" and self._overdue_row(row):
            return self._overdue
        if role == Qt.ItemDataRole.FontRole and key == "next_due" and self._overdue_row(row):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "age":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == MEMBER_ID_ROLE:
            return row.id
        if role == ROWID_ROLE:
            return row.rowid
        return None

    def _overdue_row(self, row: WorklistRow) -> bool:
        return rules.is_overdue(row.next_due, self._today())

    def _display(self, row: WorklistRow, key: str) -> str:
        if key == "name":
            return row.name
        if key == "uin":
            return row.uin
        if key == "age":
            age = age_on(row.birth_date, self._today())
            return "" if age is None else str(age)
        if key == "locality":
            return row.locality
        if key == "area":
            return area_label(self._area_labels, row.area)
        if key == "segment":
            return segment_label(row.segment)
        if key == "readiness":
            return code_label(codes.LABOUR_READINESS, row.labour_readiness)
        if key == "status":
            return code_label(codes.CASE_STATUS, row.case_status)
        if key == "next_due":
            return row.next_due
        if key == "sync":
            return code_label(codes.SYNC_STATE, row.sync_state)
        return ""

    def _tooltip(self, row: WorklistRow, key: str, role: int) -> str | None:
        if key == "flags":
            texts = flag_texts(row)
            return "\n".join(texts) if texts else (self.tr("No flags") if role != Qt.ItemDataRole.ToolTipRole else None)
        if key == "next_due" and self._overdue_row(row):
            return self.tr("Overdue since %1").replace("%1", row.next_due)
        if key == "sync":
            return self._sync_tooltip(row)
        if key == "area":
            return self._area_labels.get(row.area, row.area)
        if key == "segment":
            return row.segment
        return self._display(row, key) if role == Qt.ItemDataRole.AccessibleTextRole else None

    def _sync_tooltip(self, row: WorklistRow) -> str:
        parts = []
        if row.pending:
            parts.append(self.tr("%n change(s) waiting to be sent", "", row.pending))
        if row.rejected:
            parts.append(self.tr("%n change(s) rejected by the server", "", row.rejected))
        if row.conflicts:
            parts.append(self.tr("%n conflict(s) to resolve", "", row.conflicts))
        return "\n".join(parts) or self.tr("Everything on this device has been sent")
