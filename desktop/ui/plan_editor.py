"""The ISEP of one member: social and employment goals in one plan, edited by both roles.

The header and the goals are edited in the same forms as everything else (``PlanForm``,
``PlanItemForm``), so the rules and the drafts are the same. Conflicts — one field changed on
two devices — are shown value beside value, and a person chooses; nothing is merged behind
anyone's back.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..cases.reads import PlanView
from ..domain import codes, rules
from ..domain.model import Conflict
from .exports import export_plan_pdf
from .forms import FormDialog, PlanForm, PlanItemForm
from .labels import OVERDUE_COLOR, code_label, heading, sync_icon
from .tasks import Changes, Workbench, failure_text

translate = QCoreApplication.translate

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: code lists of the plan fields a conflict can be about, to show labels and offer choices
FIELD_CODES = {
    ("Plan", "status"): codes.PLAN_STATUS,
    ("PlanItem", "status"): codes.PLAN_ITEM_STATUS,
    ("PlanItem", "owner_role"): codes.OWNER_ROLE,
}


def field_label(entity_type: str, name: str) -> str:
    """The form's label of a plan field, as a conflict names it."""
    form = PlanForm if entity_type == "Plan" else PlanItemForm
    for field in form.FIELDS:
        if field.name == name:
            return translate("Forms", field.label)
    return name


def shown_value(entity_type: str, name: str, value: Any) -> str:
    table = FIELD_CODES.get((entity_type, name))
    if value in (None, ""):
        return translate("PlanEditor", "(empty)")
    return code_label(table, str(value)) if table else str(value)


class PlanEditor(QWidget):
    """The plan header, its conflicts, and its goals, with add / edit / resolve."""

    changed = Signal()

    HEADERS = (
        QT_TRANSLATE_NOOP("PlanEditor", "Type"),
        QT_TRANSLATE_NOOP("PlanEditor", "Goal"),
        QT_TRANSLATE_NOOP("PlanEditor", "Actions"),
        QT_TRANSLATE_NOOP("PlanEditor", "Status"),
        QT_TRANSLATE_NOOP("PlanEditor", "Due"),
        QT_TRANSLATE_NOOP("PlanEditor", "Sync"),
        QT_TRANSLATE_NOOP("PlanEditor", "Added by"),
    )
    #: the goal and its actions never get narrower than this: below it, the table scrolls sideways
    #: rather than breaking them one word per line
    TEXT_COLUMNS, TEXT_WIDTH_CHARS = (1, 2), 30

    def __init__(self, bench: Workbench, member_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.bench = bench
        self.member_id = member_id
        self.view: PlanView | None = None
        self.dialog: FormDialog | None = None
        self.setObjectName("planEditor")
        self._build()
        self.refresh()

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = heading()
        self.title.setObjectName("planTitle")
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.edit_plan_button = QPushButton(translate("PlanEditor", "Edit p&lan…"))
        self.edit_plan_button.clicked.connect(self.edit_plan)
        self.pdf_button = QPushButton(translate("PlanEditor", "E&xport PDF…"))
        self.pdf_button.setToolTip(translate("PlanEditor", "Save the plan as a PDF to print and sign"))
        self.pdf_button.clicked.connect(self.export_pdf)
        head = QHBoxLayout()
        head.addWidget(self.header, 1)
        head.addWidget(self.edit_plan_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignTop)

        self.conflicts_box = QFrame()
        self.conflicts_box.setObjectName("conflicts")
        self.conflicts_box.setStyleSheet(
            "#conflicts { background: #f6effa; border: 1px solid #6a1b9a; border-radius: 4px }"
        )
        self.conflicts_grid = QGridLayout(self.conflicts_box)
        self.conflicts_grid.setContentsMargins(10, 8, 10, 8)

        self.filter = QComboBox()
        self.filter.addItem(translate("PlanEditor", "All goals"), "")
        self.filter.addItem(translate("PlanEditor", "Social goals"), "social")
        self.filter.addItem(translate("PlanEditor", "Employment goals"), "employment")
        self.filter.currentIndexChanged.connect(self._fill_items)
        show = QLabel(translate("PlanEditor", "&Show:"))
        show.setBuddy(self.filter)
        self.add_button = QPushButton(translate("PlanEditor", "A&dd goal…"))
        self.add_button.setToolTip(translate("PlanEditor", "Add a goal (Ctrl+N)"))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = QPushButton(translate("PlanEditor", "&Edit goal…"))
        self.edit_button.setToolTip(translate("PlanEditor", "Edit the selected goal (Enter)"))
        self.edit_button.clicked.connect(self.edit_current)
        tools = QHBoxLayout()
        tools.addWidget(show)
        tools.addWidget(self.filter)
        tools.addStretch(1)
        tools.addWidget(self.add_button)
        tools.addWidget(self.edit_button)

        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setObjectName("planItems")
        self.table.setHorizontalHeaderLabels([translate("PlanEditor", h) for h in self.HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(translate("PlanEditor", "Goals of the plan"))
        header = self.table.horizontalHeader()
        for column in range(len(self.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in self.TEXT_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())  # wrap at the real width
        self.table.doubleClicked.connect(self.edit_current)
        self.table.activated.connect(self.edit_current)
        self.empty = QLabel(
            translate(
                "PlanEditor", "No goals yet. Add the first social or employment goal agreed with the beneficiary."
            )
        )
        self.empty.setStyleSheet("color: #666")
        self.empty.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {OVERDUE_COLOR}")
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.title)
        layout.addLayout(head)
        layout.addWidget(self.conflicts_box)
        layout.addWidget(self.message)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        QShortcut(
            QKeySequence.StandardKey.New, self, self.add_item, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

    # --- showing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the plan again (after a save, a resolution or a sync)."""
        self.view = self.bench.reads.plan(self.member_id)
        brief = self.bench.reads.members_brief([self.member_id])
        name = brief[0].name if brief else self.member_id
        self.title.setText(translate("PlanEditor", "Plan of {0}").format(name))
        self._fill_header()
        self._fill_conflicts()
        self._fill_items()

    def _fill_header(self) -> None:
        plan = self.view.plan
        self.pdf_button.setEnabled(plan is not None)
        if plan is None:
            self.header.setText(
                "<span style='color:#666'>"
                + html.escape(
                    translate(
                        "PlanEditor",
                        "No plan yet. Agree the goals with the beneficiary, then add them here; the plan "
                        "is started with the first goal.",
                    )
                )
                + "</span>"
            )
            return
        facts = [translate("PlanEditor", "Status: {0}").format(code_label(codes.PLAN_STATUS, plan.status))]
        if plan.agreed_on:
            facts.append(translate("PlanEditor", "agreed on {0}").format(plan.agreed_on))
        if plan.next_review:
            facts.append(translate("PlanEditor", "next review {0}").format(plan.next_review))
        if self.view.plan_state != "synced":
            facts.append(code_label(codes.SYNC_STATE, self.view.plan_state))
        text = "<b>" + html.escape(" · ".join(facts)) + "</b>"
        if plan.summary:
            text += "<br>" + html.escape(plan.summary)
        self.header.setText(text)

    def _fill_conflicts(self) -> None:
        while self.conflicts_grid.count():
            widget = self.conflicts_grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        conflicts = self.view.conflicts
        self.conflicts_box.setVisible(bool(conflicts))
        if not conflicts:
            return
        intro = QLabel(
            translate(
                "PlanEditor", "Someone else changed the same thing while you were offline. Choose which value to keep."
            )
        )
        intro.setWordWrap(True)
        self.conflicts_grid.addWidget(intro, 0, 0, 1, 6)
        bold = QFont()
        bold.setBold(True)
        for column, text in enumerate(
            (
                translate("PlanEditor", "Goal and field"),
                translate("PlanEditor", "Mine"),
                translate("PlanEditor", "Theirs"),
            )
        ):
            label = QLabel(text)
            label.setFont(bold)
            self.conflicts_grid.addWidget(label, 1, column)
        goals = {v.item.id: v.item.goal for v in self.view.items}
        for row, conflict in enumerate(conflicts, start=2):
            what = field_label(conflict.entity_type, conflict.field_name)
            if conflict.entity_type == "PlanItem":
                what = f"{goals.get(conflict.entity_id, '')} — {what}"
            cells = (
                what,
                shown_value(conflict.entity_type, conflict.field_name, conflict.your_value),
                shown_value(conflict.entity_type, conflict.field_name, conflict.server_value),
            )
            for column, text in enumerate(cells):
                label = QLabel(text)
                label.setWordWrap(True)
                self.conflicts_grid.addWidget(label, row, column)
            for column, (text, choice) in enumerate(
                (
                    (translate("PlanEditor", "Keep mine"), "mine"),
                    (translate("PlanEditor", "Keep theirs"), "theirs"),
                    (translate("PlanEditor", "Edit…"), "edit"),
                ),
                start=3,
            ):
                button = QPushButton(text)
                button.setObjectName(f"resolve_{choice}_{conflict.id}")
                button.clicked.connect(lambda _=False, c=conflict, ch=choice: self.resolve(c, ch))
                self.conflicts_grid.addWidget(button, row, column)
        self.conflicts_grid.setColumnStretch(0, 2)
        self.conflicts_grid.setColumnStretch(1, 1)
        self.conflicts_grid.setColumnStretch(2, 1)

    def _fill_items(self) -> None:
        if self.view is None:
            return
        role = self.filter.currentData()
        shown = [v for v in self.view.items if not role or v.item.owner_role == role]
        today = self.bench.cases.today()
        self.table.setRowCount(len(shown))
        for row, view in enumerate(shown):
            item = view.item
            overdue = rules.is_overdue(item.due_date, today, item.status)
            cells = (
                code_label(codes.OWNER_ROLE, item.owner_role),
                item.goal,
                item.actions,
                code_label(codes.PLAN_ITEM_STATUS, item.status),
                translate("PlanEditor", "{0} (overdue)").format(item.due_date) if overdue else item.due_date,
                code_label(codes.SYNC_STATE, view.sync_state),
                f"{item.added_by} ({code_label(codes.ROLE, item.role)})" if item.role else item.added_by,
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ITEM_ID_ROLE, item.id)
                if column == 4 and overdue:
                    cell.setForeground(QBrush(QColor(OVERDUE_COLOR)))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                if column == 5:
                    cell.setIcon(sync_icon(view.sync_state))
                self.table.setItem(row, column, cell)
        self.table.setVisible(bool(shown))
        self._share_width()
        self.empty.setVisible(not shown)
        self.edit_button.setEnabled(bool(shown))
        if shown and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 1)

    def _share_width(self) -> None:
        """The goal and the actions share what the other columns leave, each at least a readable width."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(len(self.HEADERS)) if c not in self.TEXT_COLUMNS)
        least = self.fontMetrics().averageCharWidth() * self.TEXT_WIDTH_CHARS
        share = max(least, (self.table.viewport().width() - others) // len(self.TEXT_COLUMNS))
        for column in self.TEXT_COLUMNS:
            header.resizeSection(column, share)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._share_width()

    # --- acting ----------------------------------------------------------------------------------

    def _open(self, form) -> FormDialog:
        self.dialog = FormDialog(form, self)
        self.dialog.accepted.connect(self._after_change)
        self.dialog.open()
        return self.dialog

    def add_item(self) -> FormDialog:
        return self._open(PlanItemForm(self.bench, self.member_id))

    def edit_item(self, item_id: str) -> FormDialog:
        view = next(v for v in self.view.items if v.item.id == item_id)
        return self._open(PlanItemForm(self.bench, self.member_id, (item_id, view.item.to_data())))

    def edit_current(self) -> FormDialog | None:
        row = self.table.currentRow()
        if row < 0:
            return None
        return self.edit_item(self.table.item(row, 0).data(ITEM_ID_ROLE))

    def edit_plan(self) -> FormDialog:
        plan = self.view.plan
        return self._open(PlanForm(self.bench, self.member_id, (plan.id, plan.to_data()) if plan else None))

    def export_pdf(self) -> None:
        """Ask where, then write the plan to hand to the beneficiary."""
        brief = self.bench.reads.members_brief([self.member_id])
        suggested = translate("PlanEditor", "Plan {0}.pdf").format(brief[0].name if brief else self.member_id)
        path, _filter = QFileDialog.getSaveFileName(
            self, translate("PlanEditor", "Export the plan as PDF"), str(Path.home() / suggested), "PDF (*.pdf)"
        )
        if path:
            export_plan_pdf(self.bench.reads, self.member_id, Path(path), self.bench.cases.today())

    def resolve(self, conflict: Conflict, choice: str, value: Any = None) -> None:
        """Keep mine / keep theirs at once; Edit… asks for the value first."""
        if choice == "edit" and value is None:
            self._ask_value(conflict)
            return
        cases = self.bench.cases
        self.message.hide()
        self.bench.queue.run(
            lambda: cases.resolve_conflict(conflict.id, choice, value),
            lambda _r: self._after_change(),
            self._failed,
            owner=self,
            changes=Changes.of([self.member_id]),
        )

    def _ask_value(self, conflict: Conflict) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(translate("PlanEditor", "Resolve a conflict"))
        dialog.setLabelText(
            translate("PlanEditor", "Value to keep for “{0}”:").format(
                field_label(conflict.entity_type, conflict.field_name)
            )
        )
        table = FIELD_CODES.get((conflict.entity_type, conflict.field_name))
        if table:
            labels = [code_label(table, k) for k in table]
            dialog.setComboBoxItems(labels)
            dialog.setTextValue(code_label(table, str(conflict.your_value or "")))
            dialog.textValueSelected.connect(
                lambda text: self.resolve(conflict, "edit", list(table)[labels.index(text)])
            )
        else:
            dialog.setTextValue(str(conflict.your_value or ""))
            dialog.textValueSelected.connect(lambda text: self.resolve(conflict, "edit", text.strip()))
        self.value_dialog = dialog
        dialog.open()

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(failure_text(exc))
        self.message.show()
        self.refresh()

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()
