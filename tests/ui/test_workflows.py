"""The counselor's, the case manager's and the supervisor's day, driven through the widgets,
against a real sandbox on 127.0.0.1: record at a visit, sync, co-edit the plan, review.

Each desk is a profile signed in through ``sync.session.sign_in`` with a passphrase, in a data
folder of its own, opened in the application's own main window with its scheduler.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt

from desktop.app import build_scheduler, open_main_window
from desktop.cases.workspace import Workspace
from desktop.sync.session import sign_in
from desktop.ui.context import Context
from desktop.ui.record_view import NEW_ACTIONS
from desktop.ui.settings import Settings
from desktop.ui.worklist_model import COLUMN, MEMBER_ID_ROLE
from sandbox.server import Sandbox

from .conftest import FAST_RETRY
from .test_forms import VALID, fill

PASSPHRASE = "correct horse battery staple"
#: the office the demo counselor, case manager and supervisor share
SHARED_AREA = "R1-D1"
_desks = itertools.count()


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    with Sandbox(tmp_path_factory.mktemp("sandbox"), members=300, seed=1, tick_seconds=None) as sb:
        yield sb


@dataclass
class Desk:
    context: Context
    window: object

    @property
    def record(self):
        return self.window.record

    @property
    def cases(self):
        return self.context.workspace.cases


@pytest.fixture
def open_desk(qtbot, tmp_path, sandbox):
    contexts: list[Context] = []

    def open_(user: str) -> Desk:
        data_dir = tmp_path / f"{user}-{next(_desks)}"
        profile, store = sign_in(data_dir, sandbox.url, user, "demo", passphrase=PASSPHRASE, device_name="test")
        context = Context(data_dir=data_dir, settings=Settings(data_dir / "settings.ini"))
        context.attach(Workspace.open(profile, store))
        contexts.append(context)
        window = open_main_window(context, build_scheduler(context, retry=FAST_RETRY), network=False)
        qtbot.addWidget(window)
        window.resize(1366, 740)
        desk = Desk(context, window)
        wait_for_sync(qtbot, desk)
        return desk

    yield open_
    for context in contexts:
        context.close()


def wait_for_sync(qtbot, desk: Desk) -> None:
    """Until the run is over and the list shows what it brought."""
    qtbot.waitUntil(
        lambda: (
            not desk.window.scheduler.running
            and desk.window.worklist.model.rowCount() > 0
            and desk.window.worklist.results_current
        ),
        timeout=30000,
    )


def sync(qtbot, desk: Desk) -> None:
    """Press the window's sync button and wait for the run and the list read after it."""
    with qtbot.waitSignal(desk.window.scheduler.finished, timeout=30000) as finished:
        qtbot.mouseClick(desk.window.worklist.sync_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].ok, finished.args[0].errors
    qtbot.waitUntil(lambda: desk.window.worklist.results_current)


def select(qtbot, desk: Desk, member_id: str) -> None:
    """Click the member's row in the list (searching for them first)."""
    window = desk.window
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.worklist.search.setText(member_id)
    assert window.worklist.model.rowCount() == 1
    rect = window.worklist.table.visualRect(window.worklist.model.index(0, COLUMN["name"]))
    qtbot.mouseClick(window.worklist.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert desk.record.member_id == member_id


def shared_member(desk: Desk, nth: int) -> str:
    """A member of the office the counselor, the case manager and the supervisor share; each test
    takes another, as they share one sandbox."""
    model = desk.window.worklist.model
    shared = [
        model.index(r, 0).data(MEMBER_ID_ROLE) for r in range(model.rowCount()) if model.row_at(r).area == SHARED_AREA
    ]
    return shared[nth]


def save_form(qtbot, dialog, values: dict) -> None:
    fill(qtbot, dialog.form, values)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)


def new_entry(qtbot, desk: Desk, entity_type: str, values: dict) -> None:
    """The record view's New… menu, then the form."""
    text = dict(NEW_ACTIONS)[entity_type]
    next(a for a in desk.record.new_menu.actions() if a.text() == text).trigger()
    save_form(qtbot, desk.record.dialog, values)


def add_goal(qtbot, desk: Desk, values: dict) -> None:
    desk.record.show_plan()
    qtbot.mouseClick(desk.record.plan.add_button, Qt.MouseButton.LeftButton)
    save_form(qtbot, desk.record.plan.dialog, values)


def edit_goal(qtbot, desk: Desk, values: dict) -> None:
    desk.record.show_plan()
    desk.record.plan.table.setCurrentCell(0, 1)
    qtbot.mouseClick(desk.record.plan.edit_button, Qt.MouseButton.LeftButton)
    save_form(qtbot, desk.record.plan.dialog, values)


def sync_cell(desk: Desk) -> str:
    return desk.window.worklist.model.index(0, COLUMN["sync"]).data()


def server_record(sandbox, service: str, entity_type: str, entity_id: str) -> dict | None:
    store = getattr(sandbox.services, service).store
    with store.db.read() as c:
        return store.get(c, entity_type, entity_id)


def test_a_visit_recorded_offline_reaches_the_server_and_the_row_shows_synced(qtbot, open_desk, sandbox):
    desk = open_desk("counselor")
    member_id = shared_member(desk, 0)
    select(qtbot, desk, member_id)
    new_entry(qtbot, desk, "EmploymentVerification", VALID["EmploymentVerification"])
    new_entry(qtbot, desk, "EducationVerification", VALID["EducationVerification"])
    add_goal(qtbot, desk, VALID["PlanItem"])
    add_goal(qtbot, desk, {**VALID["PlanItem"], "owner_role": "employment", "goal": "Solar installer job"})
    new_entry(
        qtbot,
        desk,
        "Enrollment",
        {"programme_id": "PRG-TVET", "enrollment_date": VALID["Enrollment"]["enrollment_date"]},
    )
    new_entry(qtbot, desk, "OutreachContact", VALID["OutreachContact"])
    qtbot.waitUntil(lambda: sync_cell(desk) == "Pending")

    sync(qtbot, desk)

    assert sync_cell(desk) == "Synced"
    records = desk.record.file.records
    kinds = ("EmploymentVerification", "EducationVerification", "PlanItem", "Enrollment", "OutreachContact")
    for kind in kinds:
        assert records.get(kind), kind
        for entry in records[kind]:
            assert entry.synced
            assert server_record(sandbox, "ess", kind, entry.id) is not None, kind
    goals = {server_record(sandbox, "ess", "PlanItem", e.id)["goal"] for e in records["PlanItem"]}
    assert goals == {VALID["PlanItem"]["goal"], "Solar installer job"}
    assert "Synced" in desk.record.activity.text() and "Pending" not in desk.record.activity.text()


def test_the_same_goal_changed_on_two_devices_is_resolved_once_and_both_agree(qtbot, open_desk):
    counselor = open_desk("counselor")
    caseworker = open_desk("caseworker")
    member_id = shared_member(caseworker, 1)
    select(qtbot, counselor, member_id)
    add_goal(qtbot, counselor, {**VALID["PlanItem"], "goal": "Driving licence"})
    sync(qtbot, counselor)
    sync(qtbot, caseworker)
    select(qtbot, caseworker, member_id)
    assert [v.item.goal for v in caseworker.record.plan.view.items] == ["Driving licence"]

    edit_goal(qtbot, counselor, {"goal": "Driving licence, category C"})
    edit_goal(qtbot, caseworker, {"goal": "Driving licence after literacy class"})
    sync(qtbot, counselor)
    sync(qtbot, caseworker)
    sync(qtbot, counselor)

    for desk in (counselor, caseworker):
        assert desk.record.plan.conflicts_box.isVisibleTo(desk.window)
        assert desk.window.sync_panel.conflicts.rowCount() == 1
        assert desk.window.worklist.model.index(0, COLUMN["sync"]).data() == "Conflict"
    (conflict,) = caseworker.window.bench.reads.plan(member_id).conflicts
    keep_theirs = caseworker.record.plan.findChild(
        type(caseworker.record.plan.add_button), f"resolve_theirs_{conflict.id}"
    )
    with qtbot.waitSignal(caseworker.record.plan.changed):
        qtbot.mouseClick(keep_theirs, Qt.MouseButton.LeftButton)
    sync(qtbot, caseworker)
    sync(qtbot, counselor)

    for desk in (counselor, caseworker):
        assert [v.item.goal for v in desk.record.plan.view.items] == ["Driving licence, category C"]
        assert desk.record.plan.view.conflicts == []
        assert not desk.record.plan.conflicts_box.isVisibleTo(desk.window)
        assert desk.window.sync_panel.conflicts.rowCount() == 0
        assert sync_cell(desk) == "Synced"


def test_a_supervisor_returns_an_update_and_the_author_sees_it_flagged(qtbot, open_desk):
    counselor = open_desk("counselor")
    member_id = shared_member(counselor, 2)
    select(qtbot, counselor, member_id)
    new_entry(qtbot, counselor, "OutreachContact", VALID["OutreachContact"])
    sync(qtbot, counselor)

    supervisor = open_desk("supervisor")
    select(qtbot, supervisor, member_id)
    reviews = supervisor.record.reviews
    supervisor.record.tabs.setCurrentWidget(reviews)
    assert reviews.table.rowCount() >= 1 and reviews.current()[1] == "pending"
    queued = supervisor.window.sync_panel.queues.text()
    qtbot.mouseClick(reviews.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reviews.error.isVisible)
    assert supervisor.window.sync_panel.queues.text() == queued, "a return without a comment saves nothing"
    qtbot.keyClicks(reviews.comment, "Say which documents were seen")
    with qtbot.waitSignal(reviews.changed):
        qtbot.mouseClick(reviews.return_button, Qt.MouseButton.LeftButton)
    assert reviews.table.item(0, 3).text() == "Returned for correction"
    sync(qtbot, supervisor)

    sync(qtbot, counselor)
    with qtbot.waitSignal(counselor.window.worklist.resultsShown):
        counselor.window.filters.flag_boxes["returned"].setChecked(True)
    assert counselor.window.worklist.model.index(0, 0).data(MEMBER_ID_ROLE) == member_id
    assert "Say which documents were seen" in counselor.record.history.text()
    assert counselor.record.reviews is None, "only a supervisor decides reviews"
