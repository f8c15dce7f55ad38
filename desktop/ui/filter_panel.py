"""The window's left pane: areas and segments with their member counts, and the "Show only" filters.

It knows nothing of queries: ``changed`` says the person chose another area, status, readiness
or flag, and ``values()`` gives the choice as fields of a ``WorklistFilter``. Its strings keep
the main window's translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..cases.reads import Areas
from ..domain import codes
from .labels import area_label, code_label, number

translate = QCoreApplication.translate

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
TREE_ROLE = Qt.ItemDataRole.UserRole + 1


class FilterPanel(QWidget):
    """Areas tree and "Show only" filters; ``changed`` on every choice a person makes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        title = QLabel(translate("MainWindow", "Areas and segments"))
        title.setObjectName("panelTitle")
        layout.addWidget(title)
        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("areaTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAccessibleName(translate("MainWindow", "Areas and segments"))
        self.tree.selectionModel().currentChanged.connect(self._on_area)
        title.setBuddy(self.tree)
        layout.addWidget(self.tree, 1)

        box = QGroupBox(translate("MainWindow", "Show only"))
        form = QVBoxLayout(box)
        form.setSpacing(4)
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(translate("MainWindow", "Case status"))
        self.status_combo.addItem(translate("MainWindow", "Any case status"), None)
        for code in codes.CASE_STATUS:
            self.status_combo.addItem(code_label(codes.CASE_STATUS, code), code)
        self.status_combo.currentIndexChanged.connect(self.changed)
        self.readiness_combo = QComboBox()
        self.readiness_combo.setAccessibleName(translate("MainWindow", "Labour readiness"))
        self.readiness_combo.addItem(translate("MainWindow", "Any labour readiness"), None)
        for code in codes.LABOUR_READINESS:
            self.readiness_combo.addItem(code_label(codes.LABOUR_READINESS, code), code)
        self.readiness_combo.currentIndexChanged.connect(self.changed)
        form.addWidget(self.status_combo)
        form.addWidget(self.readiness_combo)
        self.flag_boxes: dict[str, QCheckBox] = {}
        for key, label in FLAG_FILTERS:
            check = QCheckBox(translate("MainWindow", label))
            check.toggled.connect(self.changed)
            self.flag_boxes[key] = check
            form.addWidget(check)
        layout.addWidget(box)
        self.setMinimumWidth(170)

    def focus_areas(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_filters(self) -> None:
        self.status_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_chain(self) -> list[QWidget]:
        """The panel's widgets in tab order."""
        return [self.tree, self.status_combo, self.readiness_combo, *self.flag_boxes.values()]

    def values(self) -> dict[str, Any]:
        """The current choice, as fields of a ``WorklistFilter``."""
        current = self.tree.currentIndex()
        region, area, segment = current.data(TREE_ROLE) if current.isValid() else (None, None, None)
        return {
            "region": region,
            "area": area,
            "segment": segment,
            "case_status": self.status_combo.currentData(),
            "labour_readiness": self.readiness_combo.currentData(),
            "flags": frozenset(k for k, box in self.flag_boxes.items() if box.isChecked()),
        }

    def reset(self) -> None:
        """Everyone, any status and readiness, no flag; quietly (the caller runs the one new query)."""
        widgets = (self.status_combo, self.readiness_combo, self.tree, *self.flag_boxes.values())
        for w in widgets:
            w.blockSignals(True)
        self.status_combo.setCurrentIndex(0)
        self.readiness_combo.setCurrentIndex(0)
        self.tree.setCurrentIndex(self.tree_model.index(0, 0))
        for box in self.flag_boxes.values():
            box.setChecked(False)
        for w in widgets:
            w.blockSignals(False)

    def _on_area(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.changed.emit()

    def show_areas(self, counted: Areas) -> None:
        """Region → area → segment with member counts; the first row is everyone."""
        rows, offices = counted.rows, counted.offices
        selected = self.tree.currentIndex().data(TREE_ROLE)
        self.tree_model.clear()
        root = self.tree_model.invisibleRootItem()
        everyone = QStandardItem(translate("MainWindow", "All  (%1)").replace("%1", number(sum(r[3] for r in rows))))
        everyone.setToolTip(translate("MainWindow", "Everyone on your worklist"))
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
            seg = QStandardItem(f"{segment.rsplit('/', 1)[-1] or translate('MainWindow', 'No segment')}  ({number(n)})")
            seg.setData((region or None, area or None, segment or None), TREE_ROLE)
            areas[(region, area)].appendRow(seg)
            for key in ((region,), (region, area)):
                counts[key] = counts.get(key, 0) + n
        for region, item in regions.items():
            item.setText(
                translate("MainWindow", "Region %1  (%2)")
                .replace("%1", region or "?")
                .replace("%2", number(counts[(region,)]))
            )
        for (region, area), item in areas.items():
            item.setText(
                f"{area_label(offices, area) or translate('MainWindow', 'No area')}  ({number(counts[(region, area)])})"
            )
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
