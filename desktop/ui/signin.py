"""Sign-in: unlock a profile already on this device, or the first online sign-in.

Unlocking only opens the database: a wrong passphrase is caught by the profile's key check
before the file is touched, and the message appears beside the field. The online sign-in runs
on a worker (the UI never waits on the network) through ``online_sign_in``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..cases.accounts import Accounts
from ..cases.errors import StoreError, WrongKeyError, server_unreachable
from ..cases.workspace import Workspace
from .background import Tasks
from .error_dialog import known_message
from .help import add_f1

MIN_PASSPHRASE = 8


class SignInUnavailable(Exception):
    """This build has no online sign-in (the sync package is missing)."""


def online_sign_in(accounts: Accounts, server_url: str, user: str, password: str, passphrase: str | None) -> Workspace:
    """Sign in against the server and set up the local copy; runs on a worker thread.

    The server checks the password (passed on, never stored) and registers the device.
    """
    try:
        return accounts.sign_in(server_url, user, password, passphrase)
    except ImportError as exc:
        raise SignInUnavailable() from exc


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setStyleSheet("color: #c62828")
    label.setWordWrap(True)
    label.hide()
    return label


class SignInDialog(QDialog):
    """Ends accepted with ``workspace`` set, or rejected with nothing opened."""

    def __init__(self, accounts: Accounts, tasks: Tasks, last_profile: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.accounts = accounts
        self.tasks = tasks
        self.workspace: Workspace | None = None
        self._secure = accounts.keyring_available()
        self.setWindowTitle(self.tr("Field Desk: sign in"))
        add_f1(self, "signin")
        self.setMinimumWidth(460)
        self.tabs = QTabWidget()
        self.profiles = accounts.profiles()
        self.tabs.addTab(self._build_unlock(last_profile), self.tr("Open on this device"))
        self.tabs.addTab(self._build_online(), self.tr("Sign in online"))
        if not self.profiles:
            self.tabs.setTabEnabled(0, False)
            self.tabs.setCurrentIndex(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed(self.tabs.currentIndex())

    # --- offline unlock -----------------------------------------------------------------

    def _build_unlock(self, last_profile: str) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.profile_combo = QComboBox()
        for p in self.profiles:
            self.profile_combo.addItem(f"{p.display_name or p.user} — {p.server_url}", p.profile_id)
        index = self.profile_combo.findData(last_profile)
        self.profile_combo.setCurrentIndex(max(index, 0))
        self.profile_combo.currentIndexChanged.connect(self._profile_changed)
        self.unlock_passphrase = QLineEdit()
        self.unlock_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock_passphrase.setObjectName("unlockPassphrase")
        self.unlock_error = _error_label()
        self.unlock_passphrase_label = QLabel(self.tr("&Passphrase"))
        self.unlock_passphrase_label.setBuddy(self.unlock_passphrase)
        profile_label = QLabel(self.tr("&Profile"))
        profile_label.setBuddy(self.profile_combo)
        form.addRow(profile_label, self.profile_combo)
        form.addRow(self.unlock_passphrase_label, self.unlock_passphrase)
        form.addRow("", self.unlock_error)
        self._profile_changed()
        return page

    def selected_profile(self):
        pid = self.profile_combo.currentData()
        return next((p for p in self.profiles if p.profile_id == pid), None)

    def _profile_changed(self) -> None:
        profile = self.selected_profile()
        needs = profile is not None and profile.key_method == "passphrase"
        self.unlock_passphrase.setVisible(needs)
        self.unlock_passphrase_label.setVisible(needs)
        self.unlock_error.hide()

    def unlock(self) -> bool:
        """Open the selected profile; on failure show why beside the passphrase and keep the dialog."""
        profile = self.selected_profile()
        if profile is None:
            return False
        passphrase = self.unlock_passphrase.text() if profile.key_method == "passphrase" else None
        try:
            self.workspace = self.accounts.unlock(profile, passphrase)
        except WrongKeyError:
            self._show_error(
                self.unlock_error, self.tr("This passphrase is not correct. Nothing was changed; try again.")
            )
            self.unlock_passphrase.selectAll()
            self.unlock_passphrase.setFocus()
            return False
        except StoreError as exc:
            self._show_error(self.unlock_error, known_message(exc))
            return False
        return True

    # --- online sign-in ---------------------------------------------------------------------

    def _build_online(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        #: a message under each field that is missing, instead of one line for all
        self.field_errors: dict[QLineEdit, QLabel] = {}
        for label, w in (
            (self.tr("&Server address"), self.server),
            (self.tr("&User name"), self.user),
            (self.tr("P&assword"), self.password),
        ):
            text = QLabel(label)
            text.setBuddy(w)
            form.addRow(text, w)
            self.field_errors[w] = _error_label()
            form.addRow("", self.field_errors[w])
            w.textChanged.connect(self.field_errors[w].hide)
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.setObjectName("newPassphrase")
        self.repeat_passphrase = QLineEdit()
        self.repeat_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_passphrase.setObjectName("repeatPassphrase")
        if not self._secure:
            note = QLabel(
                self.tr(
                    "This computer has no secure keyring, so secrets are not kept in an OS "
                    "keyring. Choose a passphrase to protect the local copy of your worklist; "
                    "it is never stored, and you will type it each time you open Field Desk."
                )
            )
            note.setObjectName("noKeyringNote")
            note.setWordWrap(True)
            form.addRow(note)
            for label, w in (
                (self.tr("New pass&phrase"), self.new_passphrase),
                (self.tr("&Repeat passphrase"), self.repeat_passphrase),
            ):
                text = QLabel(label)
                text.setBuddy(w)
                form.addRow(text, w)
        self.online_error = _error_label()
        form.addRow(self.online_error)
        return page

    def _missing_fields(self) -> bool:
        """Say beside each empty field what it needs; True when one is empty."""
        needs = {
            self.server: self.tr("Enter the address of your server, e.g. https://fielddesk.example.org."),
            self.user: self.tr("Enter your user name."),
            self.password: self.tr("Enter your password."),
        }
        first = None
        for field, message in needs.items():
            empty = not field.text().strip()
            self.field_errors[field].setText(message)
            self.field_errors[field].setVisible(empty)
            if empty and first is None:
                first = field
        if first is not None:
            first.setFocus()
            self._fit()
        return first is not None

    def _online_input_error(self) -> str | None:
        if not self._secure:
            if len(self.new_passphrase.text()) < MIN_PASSPHRASE:
                return self.tr("Choose a passphrase of at least %n characters.", "", MIN_PASSPHRASE)
            if self.new_passphrase.text() != self.repeat_passphrase.text():
                return self.tr("The two passphrases are not the same.")
        return None

    def sign_in_online(self) -> None:
        if self._missing_fields():
            self.online_error.hide()
            return
        problem = self._online_input_error()
        if problem:
            self._show_error(self.online_error, problem)
            return
        self.online_error.hide()
        self.buttons.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        args = (
            self.accounts,
            self.server.text().strip(),
            self.user.text().strip(),
            self.password.text(),
            None if self._secure else self.new_passphrase.text(),
        )
        self.tasks.run(lambda: online_sign_in(*args), self._online_done, self._online_failed, self)

    def _online_done(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.unsetCursor()
        self.accept()

    def _online_failed(self, exc: Exception) -> None:
        self.unsetCursor()
        self.buttons.setEnabled(True)
        if isinstance(exc, SignInUnavailable):
            text = self.tr(
                "Online sign-in is not available in this version. Use --demo to try Field Desk with sample data."
            )
        elif server_unreachable(exc):
            # nothing is saved before a first sign-in: the sync's "your changes are kept" would mislead
            text = self.tr(
                "No server answered at %1. Check the address (ask your office for it) and your connection, "
                "then try again."
            ).replace("%1", self.server.text().strip())
        else:
            text = (
                known_message(exc)
                or getattr(exc, "user_message", None)
                or self.tr("Sign-in failed: %1").replace("%1", str(exc))
            )
        self._show_error(self.online_error, text)

    # --- common -----------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Open") if index == 0 else self.tr("Sign in"))
        (self.unlock_passphrase if index == 0 else self.server).setFocus()

    def _submit(self) -> None:
        if self.tabs.currentIndex() == 0:
            if self.unlock():
                self.accept()
        else:
            self.sign_in_online()

    def _show_error(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.show()
        self._fit()

    def _fit(self) -> None:
        """Grow to show every message whole: the dialog does not shrink its text to fit."""
        for _ in range(3):  # a taller dialog may lay its pages out again
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            shown = [label for label in self.findChildren(QLabel) if label.wordWrap() and label.isVisible()]
            short = max((label.heightForWidth(label.width()) - label.height() for label in shown), default=0)
            if short <= 0:
                return
            self.resize(self.width(), self.height() + short)
