"""Sign-in: a wrong passphrase is shown beside the field and opens nothing; no keyring → passphrase twice."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from desktop.cases.accounts import Accounts
from desktop.store import keys
from desktop.ui import signin
from desktop.ui.background import Tasks
from tests.conftest import PASSPHRASE


def test_wrong_passphrase_shows_a_message_beside_the_field_and_opens_nothing(qtbot, store, data_dir):
    before = store.path.stat().st_mtime_ns
    dialog = signin.SignInDialog(Accounts(data_dir), Tasks(), "counselor-test")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.unlock_passphrase.setText("not it")
    dialog._submit()
    assert dialog.isVisible() and dialog.workspace is None
    assert dialog.unlock_error.isVisible() and "not correct" in dialog.unlock_error.text()
    assert store.path.stat().st_mtime_ns == before


def test_right_passphrase_opens_the_profile(qtbot, store, data_dir):
    dialog = signin.SignInDialog(Accounts(data_dir), Tasks(), "counselor-test")
    qtbot.addWidget(dialog)
    dialog.unlock_passphrase.setText(PASSPHRASE)
    dialog._submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.workspace.profile.profile_id == "counselor-test"
    dialog.workspace.close()


def test_without_a_keyring_sign_in_asks_for_a_new_passphrase_twice(qtbot, data_dir, monkeypatch):
    monkeypatch.setattr(keys, "secure_keyring_available", lambda: False)
    dialog = signin.SignInDialog(Accounts(data_dir), Tasks())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tabs.currentIndex() == 1, "no profile yet: online sign-in first"
    assert dialog.new_passphrase.isVisible() and dialog.repeat_passphrase.isVisible()
    assert "not kept in an OS keyring" in dialog.findChild(type(dialog.unlock_error), "noKeyringNote").text()
    dialog.server.setText("http://127.0.0.1:9")
    dialog.user.setText("counselor")
    dialog.password.setText("pw")
    dialog.new_passphrase.setText("long enough 1")
    dialog.repeat_passphrase.setText("long enough 2")
    dialog._submit()
    assert "not the same" in dialog.online_error.text()


def test_with_a_keyring_no_passphrase_is_asked(qtbot, data_dir, monkeypatch):
    monkeypatch.setattr(keys, "secure_keyring_available", lambda: True)
    dialog = signin.SignInDialog(Accounts(data_dir), Tasks())
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.new_passphrase.isVisible()


def test_online_sign_in_failure_is_shown_in_the_dialog(qtbot, data_dir, monkeypatch):
    monkeypatch.setattr(keys, "secure_keyring_available", lambda: True)

    def refuse(*_args, **_kwargs):
        raise signin.SignInUnavailable()

    monkeypatch.setattr(signin, "online_sign_in", refuse)
    dialog = signin.SignInDialog(Accounts(data_dir), Tasks())
    qtbot.addWidget(dialog)
    dialog.server.setText("http://127.0.0.1:9")
    dialog.user.setText("counselor")
    dialog.password.setText("pw")
    dialog._submit()
    qtbot.waitUntil(lambda: dialog.online_error.text() != "")
    assert "not available" in dialog.online_error.text()
    assert dialog.buttons.isEnabled()
