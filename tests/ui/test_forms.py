"""Workflow forms, driven by keyboard and mouse against the real store."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QPlainTextEdit

from desktop.ui.forms import FORMS, EnrollmentForm, FormDialog
from desktop.ui.forms.editors import DateField, ListEditor

from .conftest import seed_programmes, show_active

MEMBER = "M-0000001"


def outbox_count(bench) -> int:
    return bench.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]


def fill(qtbot, form, values: dict) -> None:
    """Enter values the way a person would: typing, picking from lists, ticking."""
    for name, value in values.items():
        editor = form.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(value))
        elif isinstance(editor, QCheckBox):
            if editor.isChecked() != value:
                qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
        elif isinstance(editor, ListEditor):
            for text in value:
                qtbot.keyClicks(editor.edit, text)
                qtbot.keyClick(editor.edit, Qt.Key.Key_Return)
        elif isinstance(editor, DateField):
            editor.edit.clear()
            qtbot.keyClicks(editor.edit, value)
        elif isinstance(editor, QPlainTextEdit):
            editor.clear()
            qtbot.keyClicks(editor, value)
        else:
            editor.clear()
            qtbot.keyClicks(editor, value)


VALID = {
    "EmploymentVerification": {
        "employment_status": "4",
        "employer": "Agro Delta SA",
        "job_title": "Packer",
        "employment_type": "4",
        "start_date": "2025-03-01",
        "end_date": "2025-09-30",
        "contributions_seen": True,
        "source": "document",
        "evidence": "Payslips",
        "verified_on": "2026-11-10",
    },
    "EducationVerification": {
        "education_level": "3",
        "certificates": ["CAP Electricite", "Permis C"],
        "training_needs": "Solar installation",
        "labour_readiness": "labour_ready",
        "source": "self_declared",
    },
    "OutreachContact": {
        "channel": "visit",
        "outcome": "interested",
        "next_step": "Bring the diploma",
        "next_step_due": "2026-12-01",
    },
    "Enrollment": {"programme_id": "PRG-TVET", "enrollment_date": "2026-11-18"},
    "ServiceRecord": {"service_type": "counselling", "description": "First counselling session"},
    "Consent": {"purpose": "data_sharing", "granted": True, "method": "written"},
    "ChangeRequest": {"field_name": "phone_number", "requested_value": "+221771234567", "reason": "New SIM card"},
    "Note": {"text": "Prefers morning appointments."},
    "Plan": {
        "status": "active",
        "summary": "Back to work within six months",
        "agreed_on": "2026-11-19",
        "next_review": "2027-02-01",
    },
    "PlanItem": {
        "owner_role": "social",
        "goal": "Childcare during training",
        "actions": "Apply to the creche",
        "due_date": "2026-12-15",
    },
}

#: bad input per form → the fields that must show a message
INVALID = {
    "EmploymentVerification": (
        {
            "employment_status": "4",
            "employer": "",
            "start_date": "2026-05-01",
            "end_date": "2026-01-01",
            "source": "document",
            "verified_on": "2031-01-01",
        },
        {"employer", "end_date", "evidence", "verified_on"},
    ),
    "EducationVerification": (
        {"education_level": "", "verified_on": "10/11/2026"},
        {"education_level", "labour_readiness", "source", "verified_on"},
    ),
    "OutreachContact": (
        {"channel": "sms", "contacted_on": "", "next_step_due": "tomorrow"},
        {"contacted_on", "outcome", "next_step_due"},
    ),
    "Enrollment": ({"enrollment_date": "2026-02-30"}, {"programme_id", "enrollment_date"}),
    "ServiceRecord": ({"service_type": "job_search", "provided_on": "1850-01-01"}, {"provided_on"}),
    "Consent": ({"purpose": "contact_sms", "given_on": "2027-01-01"}, {"given_on", "method"}),
    "ChangeRequest": ({"field_name": "birth_date", "requested_value": "2040-01-01"}, {"requested_value", "reason"}),
    "Note": ({"text": "   "}, {"text"}),
    "Plan": ({"status": "active", "agreed_on": ""}, {"agreed_on"}),
    "PlanItem": ({"goal": "", "due_date": "2026-13-01"}, {"goal", "due_date"}),
}


def open_form(qtbot, bench, entity_type):
    if entity_type == "Enrollment":
        seed_programmes(bench.cases)
    return show_active(qtbot, FORMS[entity_type](bench, MEMBER), 1000, 640)


@pytest.mark.parametrize("entity_type", sorted(VALID))
def test_form_saves_a_valid_entry_as_a_record_and_an_outbox_op(qtbot, bench, entity_type):
    form = open_form(qtbot, bench, entity_type)
    fill(qtbot, form, VALID[entity_type])
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    entity_id = saved.args[0]
    record = bench.conn.execute(
        "SELECT member_id FROM records WHERE entity_type = ? AND id = ?", (entity_type, entity_id)
    ).fetchone()
    assert record == (MEMBER,)
    ops = bench.conn.execute(
        "SELECT op FROM outbox WHERE entity_type = ? AND entity_id = ?", (entity_type, entity_id)
    ).fetchall()
    assert (ops and ops[0][0] == "create") or entity_type == "Plan"
    assert all(not label.text() for label in form.errors.values())


@pytest.mark.parametrize("entity_type", sorted(INVALID))
def test_form_rejects_bad_input_beside_each_field_and_saves_nothing(qtbot, bench, entity_type):
    form = open_form(qtbot, bench, entity_type)
    values, bad = INVALID[entity_type]
    fill(qtbot, form, values)
    before = outbox_count(bench)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    shown = {name for name, label in form.errors.items() if label.text()}
    assert shown == bad
    assert outbox_count(bench) == before
    assert form.save_button.isEnabled()


def test_first_bad_field_gets_the_focus(qtbot, bench):
    form = open_form(qtbot, bench, "EmploymentVerification")
    fill(qtbot, form, {"employment_status": "4", "verified_on": "2031-01-01"})
    qtbot.keyClick(form.editors["verified_on"].edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.errors["employer"].text()
    assert QApplication.focusWidget() is form.editors["employer"]


def test_a_use_case_rejection_is_shown_beside_the_field(qtbot, bench):
    """A new goal due in the past passes the entity's rules but not the use-case's."""
    form = open_form(qtbot, bench, "PlanItem")
    fill(qtbot, form, {"goal": "Register with an agency", "due_date": "2026-11-01"})
    before = outbox_count(bench)
    with qtbot.waitSignal(bench.queue.failed, timeout=5000):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["due_date"].text()
    assert outbox_count(bench) == before


def test_keyboard_alone_fills_and_saves_a_form(qtbot, bench):
    form = open_form(qtbot, bench, "Note")
    form.editors["text"].setFocus()
    qtbot.keyClicks(form.editors["text"], "Met at the market; will come to the office.")
    qtbot.keyClick(form.editors["text"], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.close_button
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.close_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_enter_in_a_line_saves_and_escape_closes_the_dialog(qtbot, bench):
    form = FORMS["ChangeRequest"](bench, MEMBER)
    dialog = FormDialog(form)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fill(qtbot, form, {"field_name": "locality", "requested_value": "Ndioum", "reason": "Moved in October"})
    assert form.value("current_value")  # prefilled from the member's SR record
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(form.editors["requested_value"], Qt.Key.Key_Return)

    other = FORMS["Note"](bench, MEMBER)
    dialog = FormDialog(other)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.rejected, timeout=5000):
        qtbot.keyClick(other.editors["text"], Qt.Key.Key_Escape)


def mnemonic_keys(form) -> list[str]:
    """The Alt+letter keys of a form's labels, check boxes and buttons."""
    texts = [w.text() for w in form.findChildren(QCheckBox) + form.findChildren(QLabel) if "&" in w.text()]
    texts += [form.save_button.text(), form.close_button.text(), form.discard_button.text()]
    return [t[t.index("&") + 1].casefold() for t in texts]


def test_mnemonics_are_unique_within_each_form(qtbot, bench):
    for entity_type in FORMS:
        keys = mnemonic_keys(open_form(qtbot, bench, entity_type))
        assert len(keys) == len(set(keys)), (entity_type, keys)


def test_an_unfinished_form_survives_being_destroyed_and_is_restored(qtbot, bench):
    form = open_form(qtbot, bench, "EmploymentVerification")
    form._autosave.setInterval(10)
    with qtbot.waitSignal(form.draftSaved, timeout=5000):
        fill(qtbot, form, {"employment_status": "6", "employer": "Boulangerie Jaune"})
    form.close()
    form.deleteLater()
    qtbot.waitUntil(lambda: not form.isVisible())

    again = open_form(qtbot, bench, "EmploymentVerification")
    assert again.value("employment_status") == "6"
    assert again.value("employer") == "Boulangerie Jaune"
    assert again.banner.isVisible() and again.discard_button.isVisible()

    fill(qtbot, again, {"source": "self_declared"})
    with qtbot.waitSignal(again.saved, timeout=5000):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    third = open_form(qtbot, bench, "EmploymentVerification")
    assert third.value("employer") == "" and not third.banner.isVisible()


def test_discarding_a_draft_clears_the_form_and_the_draft(qtbot, bench):
    form = open_form(qtbot, bench, "Note")
    form._autosave.setInterval(10)
    with qtbot.waitSignal(form.draftSaved, timeout=5000):
        fill(qtbot, form, {"text": "half a thought"})
    form.close()
    again = open_form(qtbot, bench, "Note")
    assert again.value("text") == "half a thought"
    with qtbot.waitSignal(bench.queue.done, timeout=5000):
        qtbot.mouseClick(again.discard_button, Qt.MouseButton.LeftButton)
    assert again.value("text") == ""
    assert bench.conn.execute("SELECT count(*) FROM drafts").fetchone()[0] == 0


def test_enrolment_without_programmes_explains_why_and_cannot_save(qtbot, bench):
    form = EnrollmentForm(bench, MEMBER)
    qtbot.addWidget(form)
    form.show()
    assert form.banner.isVisible()
    assert "sync" in form.banner_text.text()
    assert not form.save_button.isEnabled()


def test_editing_sends_only_the_changed_fields(qtbot, bench):
    form = open_form(qtbot, bench, "PlanItem")
    fill(qtbot, form, VALID["PlanItem"])
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    item_id = saved.args[0]
    data = bench.conn.execute("SELECT data FROM records WHERE id = ?", (item_id,)).fetchone()[0]
    edit = FORMS["PlanItem"](bench, MEMBER, (item_id, json.loads(data)))
    qtbot.addWidget(edit)
    fill(qtbot, edit, {"status": "in_progress"})
    with qtbot.waitSignal(edit.saved, timeout=5000):
        qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    patches = bench.conn.execute("SELECT patch FROM outbox WHERE entity_id = ? AND op = 'patch'", (item_id,)).fetchall()
    assert [json.loads(p[0]) for p in patches] == [{"status": "in_progress"}]


def test_the_employment_form_fits_a_1366_by_768_screen(qtbot, bench):
    form = open_form(qtbot, bench, "EmploymentVerification")
    hint = form.minimumSizeHint()
    assert hint.height() <= 700 and hint.width() <= 1300


def test_the_record_view_opens_a_form_and_shows_the_saved_entry(qtbot, bench):
    from desktop.ui.record_view import RecordView

    view = RecordView(bench, MEMBER)
    qtbot.addWidget(view)
    view.show()
    assert "Head of household" in view.overview.text() or view.file.household_members == []
    dialog = view.open_form("OutreachContact")
    fill(qtbot, dialog.form, {"channel": "call", "outcome": "not_reached"})
    with qtbot.waitSignal(view.changed, timeout=5000):
        qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert "Not reached" in view.activity.text() and "Pending" in view.activity.text()
    assert "Contact: new" in view.history.text()


def test_a_bug_in_a_write_reaches_the_excepthook_and_the_caller_hears_of_it(qtbot, bench):
    heard = []
    with qtbot.capture_exceptions() as exceptions, qtbot.waitSignal(bench.queue.bug, timeout=5000):
        bench.queue.run(lambda: 1 / 0, on_error=heard.append)
    assert [type(e) for e in heard] == [ZeroDivisionError]
    assert [e[0] for e in exceptions] == [ZeroDivisionError]
    with qtbot.waitSignal(bench.queue.done, timeout=5000) as done:  # the queue goes on
        bench.queue.run(lambda: "next")
    assert done.args[1] == "next"
