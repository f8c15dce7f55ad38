"""Start-up: bad arguments create nothing; uncaught errors are logged and shown once."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop import app
from desktop.store.errors import DiskFullError
from desktop.ui.context import Context
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


def test_demo_starts_its_server_signs_in_syncs_and_reopens_the_same_profile_next_time(qtbot, tmp_path):
    def start_demo() -> tuple[str, str, int]:
        ctx = Context(data_dir=tmp_path, settings=Settings(tmp_path / "settings.ini"))
        windows = []
        dialog = app.open_demo(ctx, 60, windows.append)
        qtbot.addWidget(dialog)
        try:
            qtbot.waitUntil(
                lambda: (
                    bool(windows)
                    and windows[0].scheduler.state == "up_to_date"
                    and windows[0].worklist.model.rowCount() > 0
                ),
                timeout=30000,
            )
            window = windows[0]
            qtbot.addWidget(window)
            assert "Field Desk" in window.windowTitle()
            assert window.sync_status.state.text() == "Up to date"
            return ctx.workspace.profile.profile_id, ctx.workspace.actor.role, window.bench.reads.status()["assigned"]
        finally:
            ctx.close()

    profile_id, role, assigned = start_demo()
    assert role == "counselor" and assigned > 0
    assert start_demo() == (profile_id, role, assigned)
