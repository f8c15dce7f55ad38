"""The ISEP editor: goals added and edited through the forms, conflicts settled side by side."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from desktop.domain.model import PlanItem, plan_id_for
from desktop.store.records import load_record, write_record
from desktop.ui.plan_editor import PlanEditor

from .conftest import show_active
from .test_forms import MEMBER, fill

COLUMN_GOAL, COLUMN_STATUS, COLUMN_DUE, COLUMN_SYNC = 1, 3, 4, 5


@pytest.fixture
def editor(qtbot, bench):
    return show_active(qtbot, PlanEditor(bench, MEMBER), 1100, 640)


def goal_item(cases, owner_role="employment", goal="Find seasonal work", due="2026-12-15") -> str:
    return cases.add_plan_item(
        PlanItem(member_id=MEMBER, owner_role=owner_role, goal=goal, actions="Register with two agencies", due_date=due)
    )


def seed_conflict(cases, item_id, field, mine, theirs) -> str:
    conflict_id = f"conflict-{item_id}-{field}"
    data = {
        "entity_type": "PlanItem",
        "entity_id": item_id,
        "member_id": MEMBER,
        "field": field,
        "server_value": theirs,
        "your_value": mine,
        "base_version": 1,
        "authors": ["caseworker"],
        "status": "open",
    }
    with cases.store.write() as conn:
        write_record(conn, "Conflict", conflict_id, MEMBER, data, server_data=data, version=1)
    return conflict_id


def cells(editor, column):
    return [editor.table.item(r, column).text() for r in range(editor.table.rowCount())]


def test_a_goal_added_in_the_editor_is_saved_and_shown_as_pending(qtbot, editor, bench):
    assert editor.empty.isVisible()
    qtbot.keyClick(editor.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = editor.dialog.form
    fill(qtbot, form, {"owner_role": "social", "goal": "Childcare during training", "due_date": "2026-12-20"})
    with qtbot.waitSignal(editor.changed, timeout=5000):
        qtbot.keyClick(form.editors["goal"], Qt.Key.Key_Return)
    assert cells(editor, COLUMN_GOAL) == ["Childcare during training"]
    assert cells(editor, COLUMN_SYNC) == ["Pending"]
    assert editor.view.plan is not None  # the plan was started with its first goal
    assert bench.conn.execute("SELECT count(*) FROM outbox WHERE entity_type = 'PlanItem'").fetchone()[0] == 1


def test_editing_a_goal_sends_only_what_changed(qtbot, editor, bench):
    item_id = goal_item(bench.cases)
    editor.refresh()
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Return)
    form = editor.dialog.form
    fill(qtbot, form, {"status": "in_progress"})
    with qtbot.waitSignal(editor.changed, timeout=5000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert cells(editor, COLUMN_STATUS) == ["In progress"]
    patches = [
        json.loads(p)
        for (p,) in bench.conn.execute("SELECT patch FROM outbox WHERE entity_id = ? AND op = 'patch'", (item_id,))
    ]
    assert patches == [{"status": "in_progress"}]


def test_either_role_sees_goals_filtered_by_owner(editor, bench):
    goal_item(bench.cases, "employment", "Find seasonal work")
    goal_item(bench.cases, "social", "Birth certificate for the youngest")
    editor.refresh()
    assert len(cells(editor, COLUMN_GOAL)) == 2
    editor.filter.setCurrentIndex(editor.filter.findData("social"))
    assert cells(editor, COLUMN_GOAL) == ["Birth certificate for the youngest"]


def test_an_open_goal_past_its_due_date_is_marked_overdue(editor, bench):
    item_id = goal_item(bench.cases)
    bench.cases.update("PlanItem", item_id, {"due_date": "2026-12-01"})
    with bench.cases.store.write() as conn:  # as if agreed long ago and pulled from the server
        data = load_record(conn, "PlanItem", item_id)[0]
        write_record(conn, "PlanItem", item_id, MEMBER, {**data, "due_date": "2026-10-01"})
    editor.refresh()
    assert "overdue" in cells(editor, COLUMN_DUE)[0]


def test_keep_theirs_resolves_the_conflict_and_applies_their_value(qtbot, editor, bench):
    item_id = goal_item(bench.cases)
    conflict_id = seed_conflict(bench.cases, item_id, "status", "in_progress", "done")
    editor.refresh()
    assert editor.conflicts_box.isVisible()
    assert cells(editor, COLUMN_SYNC) == ["Conflict"]
    button = editor.findChild(type(editor.add_button), f"resolve_theirs_{conflict_id}")
    with qtbot.waitSignal(editor.changed, timeout=5000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not editor.conflicts_box.isVisible()
    assert cells(editor, COLUMN_STATUS) == ["Done"]
    assert load_record(bench.conn, "Conflict", conflict_id)[0]["resolution"] == "theirs"


def test_edit_resolves_a_conflict_with_a_new_value(qtbot, editor, bench):
    item_id = goal_item(bench.cases)
    conflict_id = seed_conflict(bench.cases, item_id, "goal", "Find seasonal work", "Find any work")
    editor.refresh()
    button = editor.findChild(type(editor.add_button), f"resolve_edit_{conflict_id}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = editor.value_dialog
    dialog.setTextValue("Find seasonal work in Mbour")
    with qtbot.waitSignal(editor.changed, timeout=5000):
        dialog.accept()
    assert cells(editor, COLUMN_GOAL) == ["Find seasonal work in Mbour"]
    assert load_record(bench.conn, "PlanItem", item_id)[0]["goal"] == "Find seasonal work in Mbour"


def test_the_plan_header_is_agreed_through_its_form(qtbot, editor, bench):
    goal_item(bench.cases)
    editor.refresh()
    qtbot.mouseClick(editor.edit_plan_button, Qt.MouseButton.LeftButton)
    form = editor.dialog.form
    fill(qtbot, form, {"status": "active", "agreed_on": "2026-11-19", "summary": "Back to work by March"})
    with qtbot.waitSignal(editor.changed, timeout=5000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    plan = load_record(bench.conn, "Plan", plan_id_for(MEMBER))[0]
    assert (plan["status"], plan["agreed_on"]) == ("active", "2026-11-19")
    assert "Agreed" in editor.header.text()
