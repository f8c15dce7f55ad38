"""The demo's sign-in: its accounts listed, one for each role, to try Field Desk as anyone.

The demo runs its own servers with invented people, so its accounts and their one password are
no secret: they are shown. Choosing one signs it in on a worker (the composition root says how),
and "Switch user" in the window comes back here without removing anything.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..cases.workspace import Workspace
from ..domain import codes
from .background import Tasks
from .error_dialog import known_message
from .help import add_f1
from .labels import ERROR_COLOR, code_label

translate = QCoreApplication.translate

#: the demo's accounts: user name, role, and what that person does in the demo
DEMO_ACCOUNTS = (
    (
        "counselor",
        "counselor",
        QT_TRANSLATE_NOOP("Demo", "Finds, verifies, plans with and enrols the beneficiaries of an area"),
    ),
    (
        "caseworker",
        "caseworker",
        QT_TRANSLATE_NOOP("Demo", "Writes the social goals of the same beneficiaries' plans"),
    ),
    ("supervisor", "supervisor", QT_TRANSLATE_NOOP("Demo", "Reviews the updates of an office's counselors")),
    ("planner", "planner", QT_TRANSLATE_NOOP("Demo", "Reviews the list of people with productive potential")),
)
DEMO_PASSWORD_SHOWN = "demo"
USER_ROLE = Qt.ItemDataRole.UserRole


class DemoSignInDialog(QDialog):
    """The accounts; ``signedIn(workspace)`` once the chosen one is open. Closing it ends the demo."""

    signedIn = Signal(object)

    def __init__(self, sign_in: Callable[[str], Workspace], tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self._sign_in = sign_in
        self.tasks = tasks
        self.setWindowTitle(translate("Demo", "Field Desk demo: sign in"))
        self.setObjectName("demoSignIn")
        self.setMinimumWidth(560)
        intro = QLabel(
            translate(
                "Demo",
                "This demo runs its own Social Registry and Employment Support System with invented "
                "people. Choose an account to see Field Desk as that person; the password of every "
                "demo account is “%1”.",
            ).replace("%1", DEMO_PASSWORD_SHOWN)
        )
        intro.setWordWrap(True)
        label = QLabel(translate("Demo", "&Accounts"))
        self.accounts = QListWidget()
        self.accounts.setObjectName("demoAccounts")
        self.accounts.setAccessibleName(translate("Demo", "Demo accounts"))
        label.setBuddy(self.accounts)
        for user, role, does in DEMO_ACCOUNTS:
            item = QListWidgetItem(f"{code_label(codes.ROLE, role)}  ({user})\n    {translate('Demo', does)}")
            item.setData(USER_ROLE, user)
            self.accounts.addItem(item)
        self.accounts.setCurrentRow(0)
        self.accounts.itemActivated.connect(lambda _item: self.submit())
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet(f"color: {ERROR_COLOR}")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Demo", "&Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("Demo", "&Quit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.accounts, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        add_f1(self, "signin")
        self.resize(600, 420)

    def users(self) -> list[str]:
        return [self.accounts.item(row).data(USER_ROLE) for row in range(self.accounts.count())]

    def choose(self, user: str) -> None:
        """Select ``user``'s account and sign it in."""
        self.accounts.setCurrentRow(self.users().index(user))
        self.submit()

    def submit(self) -> None:
        item = self.accounts.currentItem()
        if item is None or not self.buttons.isEnabled():
            return
        user = item.data(USER_ROLE)
        self.error.hide()
        self.buttons.setEnabled(False)
        self.accounts.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.tasks.run(lambda: self._sign_in(user), self._done, lambda exc: self._failed(user, exc), self)

    def _done(self, workspace: Workspace) -> None:
        self.unsetCursor()
        self.signedIn.emit(workspace)
        self.accept()

    def _failed(self, user: str, exc: Exception) -> None:
        self.unsetCursor()
        self.buttons.setEnabled(True)
        self.accounts.setEnabled(True)
        self.accounts.setFocus()
        self.error.setText(
            translate("Demo", "Could not sign in as %1: %2")
            .replace("%1", user)
            .replace("%2", known_message(exc) or getattr(exc, "user_message", None) or str(exc))
        )
        self.error.show()
