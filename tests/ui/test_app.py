"""Start-up: bad arguments create nothing; uncaught errors are logged and shown once."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import app
from desktop.store.errors import DiskFullError
from desktop.ui.context import Context
from desktop.ui.demo import DemoSignInDialog
from desktop.ui.error_dialog import BugReportDialog
from desktop.ui.settings import Settings


@pytest.mark.parametrize("argv", [["--bogus"], ["--lang", "French!"], ["--demo", "extra"]])
def test_bad_arguments_exit_2_with_a_message_and_create_nothing(tmp_path, capsys, argv):
    data_dir = tmp_path / "never"
    with pytest.raises(SystemExit) as exit_info:
        app.main(["--data-dir", str(data_dir), *argv])
    assert exit_info.value.code == 2
    assert "field-desk: error:" in capsys.readouterr().err
    assert not data_dir.exists()


def test_data_dir_that_is_a_file_is_refused(tmp_path, capsys):
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(SystemExit) as exit_info:
        app.main(["--data-dir", str(a_file)])
    assert exit_info.value.code == 2
    assert "is a file" in capsys.readouterr().err


def test_bad_demo_size_from_the_environment_exits_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FIELD_DESK_DEMO_MEMBERS", "lots")
    with pytest.raises(SystemExit) as exit_info:
        app.main(["--data-dir", str(tmp_path / "d"), "--demo"])
    assert exit_info.value.code == 2
    assert not (tmp_path / "d").exists()


def test_gui_script_prints_its_version_and_exits_0(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", "from desktop.app import main; main()", "--version"],
        capture_output=True,
        text=True,
        env={"FIELD_DESK_HOME": str(tmp_path / "h"), "PATH": ""},
    )
    assert out.returncode == 0 and out.stdout.startswith("field-desk ")
    assert not (tmp_path / "h").exists()


def test_data_dir_comes_from_the_environment_when_not_given(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELD_DESK_HOME", str(tmp_path / "home"))
    assert app.parse_args([]).data_dir == tmp_path / "home"


def test_excepthook_logs_the_bug_and_shows_a_copyable_report(qtbot, tmp_path, clean_logging):
    hook = app.ExceptHook(app.setup_logging(tmp_path))
    try:
        raise RuntimeError("the widget fell over")
    except RuntimeError:
        hook(*sys.exc_info())
    (dialog,) = hook.dialogs
    qtbot.addWidget(dialog)
    assert isinstance(dialog, BugReportDialog) and dialog.isVisible()
    assert "RuntimeError: the widget fell over" in dialog.report.toPlainText()
    dialog.copy_report()
    assert "the widget fell over" in (tmp_path / "logs" / "field-desk.log").read_text("utf-8")
    dialog.reject()
    assert hook.dialogs == []


def test_excepthook_shows_a_known_problem_as_its_plain_message(qtbot, tmp_path, clean_logging):
    hook = app.ExceptHook(app.setup_logging(tmp_path))
    hook(DiskFullError, DiskFullError("disk full"), None)
    (box,) = hook.dialogs
    qtbot.addWidget(box)
    assert isinstance(box, QMessageBox)
    assert box.text() == DiskFullError.message
    assert "Traceback" not in box.text()
    box.reject()


def demo_chooser(qtbot) -> DemoSignInDialog:
    """The demo's sign-in once it is on screen (a new one after each switch or sign-out)."""
    found: list[DemoSignInDialog] = []

    def visible() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, DemoSignInDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible, timeout=60000)
    qtbot.addWidget(found[0])
    return found[0]


def wait_synced(qtbot, windows: list, count: int):
    qtbot.waitUntil(
        lambda: (
            len(windows) == count
            and windows[-1].scheduler.state == "up_to_date"
            and windows[-1].worklist.model.rowCount() > 0
        ),
        timeout=30000,
    )
    qtbot.addWidget(windows[-1])
    return windows[-1]


def test_demo_starts_its_server_signs_in_syncs_and_reopens_the_same_profile_next_time(qtbot, tmp_path):
    def start_demo() -> tuple[str, str, int]:
        ctx = Context(data_dir=tmp_path, settings=Settings(tmp_path / "settings.ini"))
        windows = []
        dialog = app.open_demo(ctx, 60, windows.append)
        qtbot.addWidget(dialog)
        try:
            demo_chooser(qtbot).choose("counselor")
            window = wait_synced(qtbot, windows, 1)
            assert "Field Desk" in window.windowTitle()
            return ctx.workspace.profile.profile_id, ctx.workspace.actor.role, window.bench.reads.status()["assigned"]
        finally:
            ctx.close()

    profile_id, role, assigned = start_demo()
    assert role == "counselor" and assigned > 0
    assert start_demo() == (profile_id, role, assigned)


def test_the_demo_lists_every_role_switches_user_and_signs_out_back_to_its_accounts(qtbot, tmp_path):
    ctx = Context(data_dir=tmp_path, settings=Settings(tmp_path / "settings.ini"))
    windows: list = []
    startup = app.open_demo(ctx, 60, windows.append)
    qtbot.addWidget(startup)
    try:
        chooser = demo_chooser(qtbot)
        assert chooser.users() == ["counselor", "caseworker", "supervisor", "planner"]
        shown = [chooser.accounts.item(row).text() for row in range(chooser.accounts.count())]
        for role in ("Employment counselor", "Social case manager", "Supervisor", "Planner"):
            assert any(text.startswith(role) for text in shown), role
        chooser.choose("supervisor")
        supervisor = wait_synced(qtbot, windows, 1)
        assert ctx.workspace.actor.role == "supervisor"
        assert supervisor.windowTitle() == "Field Desk demo — Supervisor"
        assert supervisor.record.reviews is not None, "a supervisor's record has the Reviews tab"

        supervisor.switch_action.trigger()
        chooser = demo_chooser(qtbot)
        assert not supervisor.isVisible() and ctx.workspace is None and ctx.closers == []
        supervisor_profile = ctx.settings.get("demo/profiles")["supervisor"]
        assert (tmp_path / "profiles" / supervisor_profile).is_dir(), "switching removes nothing"

        chooser.choose("counselor")
        counselor = wait_synced(qtbot, windows, 2)
        assert ctx.workspace.actor.role == "counselor"
        with qtbot.waitSignal(counselor.controller.signedOut, timeout=20000):
            counselor._sign_out_now(export=False)
        chooser = demo_chooser(qtbot)
        assert not counselor.isVisible()
        assert not (tmp_path / "profiles" / ctx.settings.get("demo/profiles")["counselor"]).exists()

        chooser.choose("supervisor")
        wait_synced(qtbot, windows, 3)
        assert ctx.workspace.profile.profile_id == supervisor_profile, "the supervisor's profile is reopened"
    finally:
        ctx.close()


def test_a_demo_account_the_server_does_not_have_says_so_in_place(qtbot, tmp_path):
    """The planner comes with the hub; until its server has the account, signing in says why."""
    ctx = Context(data_dir=tmp_path, settings=Settings(tmp_path / "settings.ini"))
    windows: list = []
    startup = app.open_demo(ctx, 60, windows.append)
    qtbot.addWidget(startup)
    try:
        chooser = demo_chooser(qtbot)
        chooser.choose("planner")
        qtbot.waitUntil(lambda: chooser.error.isVisible(), timeout=20000)
        assert "planner" in chooser.error.text()
        assert chooser.isVisible() and chooser.buttons.isEnabled() and not windows
    finally:
        ctx.close()
