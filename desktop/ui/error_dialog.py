"""The one place errors reach the user: a known problem's plain message, or a bug report.

Known problems (``cases.errors.known_problem``) say what to do and need no report. Anything else is
a bug: the dialog shows a report the user can copy into a support ticket, and the log keeps it.
"""

from __future__ import annotations

import platform
import traceback
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..cases.errors import known_problem


def known_message(exc: BaseException) -> str | None:
    """The translated message of a known problem (store or sync), or None for a bug."""
    known = known_problem(exc)
    return QCoreApplication.translate(*known) if known is not None else None


def bug_report(exc_type, exc: BaseException, tb, version: str, log_path: Path | None) -> str:
    lines = [
        f"Field Desk {version}",
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}",
        f"{platform.platform()}",
    ]
    if log_path is not None:
        lines.append(f"Log: {log_path}")
    lines.append("")
    lines.extend(traceback.format_exception(exc_type, exc, tb))
    return "\n".join(line.rstrip("\n") for line in lines)


class BugReportDialog(QDialog):
    """Says something went wrong, that work already saved is safe, and offers the report to copy."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Field Desk: unexpected error"))
        self.setObjectName("bugReportDialog")
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Something went wrong inside Field Desk. Work you saved before this is safe. "
                "Please copy the report below and send it to IT support with a few words on "
                "what you were doing."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.copy_button.setFocus()

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


def known_problem_box(message: str, parent: QWidget | None = None) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ErrorDialog", "Field Desk"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("knownProblemBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box
