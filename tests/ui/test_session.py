"""The signed-in session's endings and its background work: sign-out, the remote wipe, counted
tasks that exit waits for, and saves that read again only what they changed."""

from __future__ import annotations

import json
import time

from PySide6.QtWidgets import QMessageBox

from desktop.domain.model import Note
from desktop.store.profile import ProfileDir
from desktop.ui.background import Tasks
from desktop.ui.context import Context
from desktop.ui.settings import Settings
from desktop.ui.tasks import NOTHING, Changes
from desktop.ui.worklist_model import MEMBER_ID_ROLE


def test_signing_out_stops_the_session_removes_the_profile_and_closes_the_window(qtbot, window, context):
    profile = context.workspace.profile
    with qtbot.waitSignal(window.controller.signedOut, timeout=20000):
        window._sign_out_now(export=False)
    assert context.workspace is None and context.closers == []
    assert not ProfileDir(context.data_dir, profile.profile_id).root.exists()
    assert window.signed_out and not window.isVisible()


def test_signing_out_with_unsent_changes_writes_them_to_the_chosen_file_first(qtbot, window, context, tmp_path):
    member_id = context.workspace.store.conn.execute("SELECT id FROM members WHERE assigned = 1 LIMIT 1").fetchone()[0]
    context.workspace.cases.create(Note(member_id=member_id, text="seen at the market"))
    counted = []
    with qtbot.waitSignal(window.controller.queue.done):
        window.controller.count_unsynced(counted.append, window)
    assert counted == [1]
    target = tmp_path / "unsent.json"
    with qtbot.waitSignal(window.controller.signedOut, timeout=20000):
        window._sign_out_now(export=True, export_to=str(target))
    ops = json.loads(target.read_text("utf-8"))["ops"]
    assert [op["entity_type"] for op in ops] == ["Note"] and ops[0]["member_id"] == member_id


def test_a_revoked_device_closes_the_window_and_says_why(qtbot, window, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: told.append(text))
    window.scheduler.wiped.emit()
    assert len(told) == 1 and "removed from your account" in told[0]
    assert window.signed_out and not window.isVisible()


def test_closing_waits_for_background_tasks_before_the_store_closes(qapp, tmp_path):
    context = Context(data_dir=tmp_path, settings=Settings(tmp_path / "settings.ini"))
    finished = []

    def slow_write() -> None:
        time.sleep(0.3)
        finished.append("written")

    context.tasks.run(slow_write, lambda _r: None, lambda _e: None, context.tasks)
    assert context.tasks.running == 1
    context.close()
    assert finished == ["written"]


def test_tasks_report_failures_to_their_failure_path(qtbot):
    tasks = Tasks()
    failures = []

    def broken() -> None:
        raise OSError("disk gone")

    tasks.run(broken, lambda _r: None, failures.append, tasks)
    qtbot.waitUntil(lambda: bool(failures))
    assert isinstance(failures[0], OSError)


def lanes_asked(window, monkeypatch) -> list[str]:
    asked: list[str] = []
    submit = window.queries.submit
    monkeypatch.setattr(window.queries, "submit", lambda lane, fn: (asked.append(lane), submit(lane, fn))[1])
    return asked


def test_a_save_reads_again_the_list_and_its_counts_but_not_the_areas(qtbot, window, monkeypatch):
    member_id = window.worklist.model.index(0, 0).data(MEMBER_ID_ROLE)
    cases = window.context.workspace.cases
    asked = lanes_asked(window, monkeypatch)
    panel = []
    monkeypatch.setattr(window.sync_panel, "refresh", lambda: panel.append(1))
    with qtbot.waitSignal(window.controller.queue.changed):
        window.controller.queue.run(
            lambda: cases.create(Note(member_id=member_id, text="called back")), changes=Changes.of([member_id])
        )
    assert sorted(asked) == ["ids", "status"] and panel == [1]


def test_a_draft_reads_nothing_again(qtbot, window, monkeypatch):
    cases = window.context.workspace.cases
    asked = lanes_asked(window, monkeypatch)
    panel = []
    monkeypatch.setattr(window.sync_panel, "refresh", lambda: panel.append(1))
    with qtbot.waitSignal(window.controller.queue.done):
        window.controller.queue.run(lambda: cases.save_draft("k", "NoteForm", None, {"text": "half"}), changes=NOTHING)
    assert asked == [] and panel == []


def test_a_save_that_does_not_say_what_it_changed_reads_everything_again(qtbot, window, monkeypatch):
    asked = lanes_asked(window, monkeypatch)
    with qtbot.waitSignal(window.controller.queue.changed):
        window.controller.queue.run(lambda: None)
    assert sorted(asked) == ["ids", "status", "tree"]
