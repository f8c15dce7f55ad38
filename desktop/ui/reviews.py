"""A supervisor's reviews of one beneficiary's updates (the control point of process A).

The server makes a review for every synced update by a counselor or case manager; the
supervisor approves it, or returns it to its author with a comment saying what to correct.
The decision is a patch of the review like any other change: saved here, sent at the next sync,
and the author sees "Returned by supervisor" on their worklist after theirs.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..cases.reads import RecordEntry
from ..domain import codes
from ..domain.model import ValidationError
from .labels import OVERDUE_COLOR, code_label
from .tasks import Workbench, failure_text

translate = QCoreApplication.translate

REVIEW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: what was changed, as the supervisor reads it
UPDATED = {
    "Plan": QT_TRANSLATE_NOOP("Reviews", "Plan"),
    "PlanItem": QT_TRANSLATE_NOOP("Reviews", "Plan goal"),
    "Enrollment": QT_TRANSLATE_NOOP("Reviews", "Enrolment"),
    "EmploymentVerification": QT_TRANSLATE_NOOP("Reviews", "Employment verification"),
    "EducationVerification": QT_TRANSLATE_NOOP("Reviews", "Education verification"),
    "ServiceRecord": QT_TRANSLATE_NOOP("Reviews", "Service"),
    "OutreachContact": QT_TRANSLATE_NOOP("Reviews", "Contact"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("Reviews", "Update"),
    QT_TRANSLATE_NOOP("Reviews", "What changed"),
    QT_TRANSLATE_NOOP("Reviews", "By"),
    QT_TRANSLATE_NOOP("Reviews", "Review"),
    QT_TRANSLATE_NOOP("Reviews", "Comment"),
)


class ReviewList(QWidget):
    """The member's reviews, awaiting ones first; approve or return the selected one."""

    changed = Signal()

    def __init__(self, bench: Workbench, parent: QWidget | None = None):
        super().__init__(parent)
        self.bench = bench
        self.setObjectName("reviews")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("reviewTable")
        self.table.setHorizontalHeaderLabels([translate("Reviews", h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setAccessibleName(translate("Reviews", "Updates to review"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel(translate("Reviews", "No updates of this beneficiary to review."))
        self.empty.setStyleSheet("color: #666")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("reviewComment")
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(
            translate("Reviews", "What the author should correct (needed to return an update)")
        )
        self.comment.setMaximumHeight(self.fontMetrics().height() * 4)
        comment_label = QLabel(translate("Reviews", "&Comment"))
        comment_label.setBuddy(self.comment)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet(f"color: {OVERDUE_COLOR}")
        self.error.setWordWrap(True)
        self.error.hide()
        self.approve_button = QPushButton(translate("Reviews", "App&rove"))
        self.approve_button.clicked.connect(lambda: self.decide("approved"))
        self.return_button = QPushButton(translate("Reviews", "Ret&urn to author"))
        self.return_button.clicked.connect(lambda: self.decide("returned"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(comment_label)
        layout.addWidget(self.comment)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.show_reviews([])

    def show_reviews(self, entries: list[RecordEntry]) -> None:
        entries = sorted(entries, key=lambda e: (e.data.get("outcome") != "pending", e.updated_at))
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            d = entry.data
            author = d.get("author", "")
            if d.get("author_role"):
                author += f" ({code_label(codes.ROLE, d['author_role'])})"
            kind = d.get("entity_type", "")
            cells = (
                translate("Reviews", UPDATED[kind]) if kind in UPDATED else kind,
                d.get("summary", ""),
                author,
                code_label(codes.REVIEW_OUTCOME, d.get("outcome")),
                d.get("comment", ""),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(REVIEW_ID_ROLE, (entry.id, d.get("outcome")))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(entries))
        self.empty.setVisible(not entries)
        if entries:
            self.table.setCurrentCell(0, 0)
        self._update_buttons()

    def current(self) -> tuple[str, str] | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(REVIEW_ID_ROLE) if item is not None else None

    def _update_buttons(self) -> None:
        current = self.current()
        pending = current is not None and current[1] == "pending"
        for w in (self.approve_button, self.return_button, self.comment):
            w.setEnabled(pending)

    def decide(self, outcome: str) -> None:
        """Approve, or return with the comment; a return without one is refused beside the comment."""
        current = self.current()
        if current is None:
            return
        review_id, comment, cases = current[0], self.comment.toPlainText(), self.bench.cases
        self.error.hide()
        self.bench.queue.run(
            lambda: cases.decide_review(review_id, outcome, comment), self._decided, self._failed, owner=self
        )

    def _decided(self, _result) -> None:
        self.comment.clear()
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(failure_text(exc))
        self.error.show()
        if isinstance(exc, ValidationError):
            self.comment.setFocus()
