"""The snags a new user hit in a counselor's visit, each held by the behaviour it should have had."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLabel, QTabWidget, QWidget

from desktop.cases.accounts import Accounts
from desktop.domain import codes
from desktop.domain.model import Note, PlanItem, plan_id_for
from desktop.store import keys
from desktop.ui import signin
from desktop.ui.alerts import AlertDialog
from desktop.ui.background import Tasks
from desktop.ui.labels import action_label
from desktop.ui.sync_status import sync_error_text
from desktop.ui.worklist_model import COLUMN, MEMBER_ID_ROLE

from .conftest import seed_programmes, show_active
from .test_forms import MEMBER, fill, open_form

# --- the state of the sync --------------------------------------------------------------------


def test_the_status_says_changes_wait_instead_of_up_to_date_while_any_do(qtbot, window):
    window.scheduler.stateChanged.emit("up_to_date")
    window.sync_dock.show()
    assert window.sync_status.state.text() == "Up to date"
    member_id = window.worklist.model.index(0, 0).data(MEMBER_ID_ROLE)
    cases = window.context.workspace.cases
    with qtbot.waitSignal(window.controller.queue.done):
        window.controller.queue.run(lambda: cases.create(Note(member_id=member_id, text="met at the market")))
    qtbot.waitUntil(lambda: "1 change(s) waiting" in window.sync_status.last_sync.text())
    assert window.sync_status.state.text() == "Changes waiting to be sent"
    assert window.sync_panel.state_label.text() == "Changes waiting to be sent"


def test_a_sync_error_names_the_service_and_the_direction_in_words():
    text = sync_error_text("SR pull: The server could not be reached. Your changes are kept and will be sent later.")
    assert text.startswith("Receiving from the Social Registry: The server could not be reached")
    assert "SR pull" not in text
    assert sync_error_text("ESS push: boom").startswith("Sending to the Employment Support System: boom")


def test_refused_changes_and_history_name_records_in_words():
    assert action_label("create EmploymentVerification") == "Employment verification: new"
    assert action_label("update PlanItem") == "Plan goal: changed"
    assert action_label("resolve conflict") == "Conflict: resolved"


# --- the record's header, the window's height ---------------------------------------------------


def test_the_record_header_shows_the_whole_phone_the_locality_and_the_case_status(qtbot, window, population):
    members, _ = population
    row = next(
        r
        for r in range(window.worklist.model.rowCount())
        if members[window.worklist.model.index(r, 0).data(MEMBER_ID_ROLE)].phone
    )
    window.worklist.table.setCurrentIndex(window.worklist.model.index(row, 0))
    member = members[window.record.member_id]
    header = window.record.subtitle
    qtbot.waitUntil(lambda: header.height() >= header.heightForWidth(header.width()))
    text = header.text().replace("\u00a0", " ")
    assert member.phone in text and member.locality in text and "Case: New" in text
    assert header.fontMetrics().horizontalAdvance(member.phone) <= header.width()
    wrapped_whole = header.wordWrap() and header.height() >= header.heightForWidth(header.width())
    lines_fit = all(header.fontMetrics().horizontalAdvance(line) <= header.width() for line in text.split("\n"))
    assert wrapped_whole or lines_fit, "every part of the header is shown whole"


def test_opening_the_sync_panel_keeps_the_window_within_the_screen(qtbot, window):
    height = window.height()
    window.sync_dock.show()
    qtbot.waitUntil(lambda: window.sync_dock.isVisible())
    qtbot.wait(300)
    assert window.minimumSizeHint().height() < 600, "the window fits a 768-pixel screen with the panel open"
    assert window.height() == height
    window.sync_dock.hide()
    qtbot.wait(300)
    assert window.height() == height


def test_the_first_start_is_maximised_rather_than_sized_to_the_screen_without_its_frame(qtbot, context):
    from desktop.app import build_scheduler, build_window

    window = build_window(context, build_scheduler(context))
    qtbot.addWidget(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized
    assert window.height() <= window.screen().availableGeometry().height() * 0.9 + 1


# --- the keyboard ----------------------------------------------------------------------------------


def test_tab_leaves_the_list_and_focus_follows_the_screen(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.worklist.focus_list()
    qtbot.keyClick(window.worklist.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.record.plan_button
    window.worklist.focus_search()
    qtbot.keyClick(window.worklist.search, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is list(window.filters.flag_boxes.values())[-1]
    order = [window.filters.tree, window.filters.status_combo, window.worklist.search, window.worklist.table]
    reached = [QApplication.focusWidget()]
    window.filters.focus_areas()
    for _ in range(20):
        reached.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    positions = [reached.index(w) for w in order]
    assert positions == sorted(positions), "left to right: filters, search, list"


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return])
def test_down_or_enter_in_the_search_goes_to_the_first_member_found(qtbot, window, key):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.worklist.focus_search()
    with qtbot.waitSignal(window.worklist.resultsShown):
        qtbot.keyClicks(window.worklist.search, "ba")
    qtbot.keyClick(window.worklist.search, key)
    assert window.worklist.table.hasFocus()
    assert window.worklist.table.currentIndex().row() == 0
    assert window.record.member_id == window.worklist.model.index(0, 0).data(MEMBER_ID_ROLE)


def test_ctrl_1_and_ctrl_2_reach_the_areas_and_the_filters_and_the_view_menu_says_so(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.worklist.focus_search()
    qtbot.keyClick(window.worklist.search, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.filters.tree.hasFocus()
    qtbot.keyClick(window.filters.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.filters.status_combo.hasFocus()
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    shown = {a.text().replace("&", ""): a.shortcut().toString() for a in view.actions()}
    assert shown["Areas and segments"] == "Ctrl+1" and shown["Show only filters"] == "Ctrl+2"


def mnemonics(texts) -> list[str]:
    return [t[t.index("&") + 1].casefold() for t in texts if "&" in t.replace("&&", "")]


def window_mnemonics(window: QWidget) -> list[str]:
    return mnemonics(window_texts(window))


def window_texts(window: QWidget) -> list[str]:
    """Texts with an Alt+letter in one window: menu titles, buttons, labels with a buddy, check boxes, tabs."""
    texts = [a.text() for a in window.menuBar().actions()] if hasattr(window, "menuBar") else []
    texts += [b.text() for b in window.findChildren(QAbstractButton) if not isinstance(b, QCheckBox) or b.text()]
    texts += [label.text() for label in window.findChildren(QLabel) if label.buddy() is not None]
    for tabs in window.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    return [t for t in texts if "&" in t.replace("&&", "")]


def test_mnemonics_are_unique_in_the_main_window(window):
    keys = window_mnemonics(window)
    assert sorted(keys) == sorted(set(keys)), window_texts(window)


def test_mnemonics_are_unique_in_the_main_window_in_french(qtbot, context, french):
    from desktop.app import build_scheduler, build_window

    window = build_window(context, build_scheduler(context))
    qtbot.addWidget(window)
    keys = window_mnemonics(window)
    assert sorted(keys) == sorted(set(keys)), keys


def test_the_alert_dialog_keeps_unique_mnemonics_in_french(qtbot, bench, french):
    seed_programmes(bench.cases)
    dialog = AlertDialog(bench, [MEMBER])
    qtbot.addWidget(dialog)
    keys = window_mnemonics(dialog)
    assert sorted(keys) == sorted(set(keys)), keys


def test_a_date_fields_label_takes_the_focus_to_the_field(qtbot, bench):
    form = open_form(qtbot, bench, "EmploymentVerification")
    label = form.labels["verified_on"]
    letter = label.text()[label.text().index("&") + 1]
    qtbot.keyClick(form, letter, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is form.editors["verified_on"].edit


# --- forms that say what they need -------------------------------------------------------------------


def required(form) -> set[str]:
    return {name for name, label in form.labels.items() if label.text().endswith(" *")}


def test_required_fields_are_marked_before_saving_and_follow_the_situation(qtbot, bench):
    form = open_form(qtbot, bench, "EmploymentVerification")
    assert required(form) == {"employment_status", "source", "verified_on"}
    fill(qtbot, form, {"employment_status": "4", "source": "document"})
    assert required(form) == {"employment_status", "employer", "source", "evidence", "verified_on"}
    fill(qtbot, form, {"end_date": "2026-01-31"})
    assert "start_date" in required(form)
    assert form.editors["employer"].accessibleDescription() == "Required"


def test_a_message_beside_a_field_goes_once_the_field_is_filled(qtbot, bench):
    form = open_form(qtbot, bench, "Note")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["text"].text() == "This field is required."
    qtbot.keyClicks(form.editors["text"], "Prefers mornings")
    assert form.errors["text"].text() == ""


def test_the_employment_form_opens_only_what_applies_to_the_situation(qtbot, bench):
    form = open_form(qtbot, bench, "EmploymentVerification")
    offered = [
        form.editors["employment_status"].itemData(i) for i in range(1, form.editors["employment_status"].count())
    ]
    assert "1" not in offered, "every choice says how someone works, or that they do not"
    fill(qtbot, form, {"employment_status": "2", "unemployment_reason": "1"})
    assert not form.editors["employer"].isEnabled() and form.editors["unemployment_reason"].isEnabled()
    fill(qtbot, form, {"employment_status": "4"})
    assert not form.editors["unemployment_reason"].isEnabled()
    assert form.value("unemployment_reason") == "", "a reason that no longer applies is not kept"


def test_a_new_enrolment_offers_only_the_statuses_it_can_start_with(qtbot, bench):
    form = open_form(qtbot, bench, "Enrollment")
    editor = form.editors["enrollment_status"]
    offered = {editor.itemData(i) for i in range(1, editor.count())}
    assert offered == codes.NEW_ENROLMENT_STATUS
    assert form.value("enrollment_status") == "Active"


def test_a_marital_status_correction_is_chosen_from_the_statuses(qtbot, bench):
    form = open_form(qtbot, bench, "ChangeRequest")
    fill(qtbot, form, {"field_name": "marital_status"})
    assert not form.editors["requested_value"].isVisibleTo(form)
    assert form.editors["requested_code"].isVisibleTo(form)
    fill(qtbot, form, {"requested_code": "D", "reason": "Divorce certificate seen"})
    assert form.entity().requested_value == "D"


def test_the_education_form_offers_no_schooling_in_plain_words(qtbot, bench):
    form = open_form(qtbot, bench, "EducationVerification")
    editor = form.editors["education_level"]
    labels = [editor.itemText(i) for i in range(editor.count())]
    assert "No schooling, or primary not completed" in labels
    assert not any("ISCED" in text for text in labels)


# --- sign-in -------------------------------------------------------------------------------------------


@pytest.fixture
def online(qtbot, data_dir, monkeypatch):
    monkeypatch.setattr(keys, "secure_keyring_available", lambda: True)
    dialog = signin.SignInDialog(Accounts(data_dir), Tasks())
    show_active(qtbot, dialog, dialog.sizeHint().width(), dialog.sizeHint().height())
    dialog.tabs.setCurrentIndex(1)
    return dialog


def test_each_empty_sign_in_field_is_named_beside_it(online):
    online.user.setText("counselor")
    online._submit()
    shown = {field: label.text() for field, label in online.field_errors.items() if label.isVisible()}
    assert shown == {online.server: shown[online.server], online.password: "Enter your password."}
    assert "address" in shown[online.server]
    assert not online.online_error.isVisible()
    online.password.setText("demo")
    assert not online.field_errors[online.password].isVisible()


def test_a_server_that_does_not_answer_is_named_whole_without_talking_of_changes(qtbot, online):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    online.server.setText(f"http://127.0.0.1:{port}")
    online.user.setText("counselor")
    online.password.setText("demo")
    online._submit()
    qtbot.waitUntil(lambda: online.online_error.isVisible() and online.buttons.isEnabled(), timeout=30000)
    text = online.online_error.text()
    assert f"127.0.0.1:{port}" in text and "changes" not in text
    label = online.online_error
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))  # the message is shown whole


# --- the worklist -------------------------------------------------------------------------------------


def test_age_locality_and_uin_are_seen_beside_the_name_without_scrolling(window):
    table = window.worklist.table
    for key in ("name", "age", "locality", "uin"):
        rect = table.visualRect(window.worklist.model.index(0, COLUMN[key]))
        assert rect.left() >= 0 and rect.right() <= table.viewport().width(), key


def test_a_new_search_starts_the_list_at_its_left_edge(qtbot, window):
    table = window.worklist.table
    window.worklist.splitter = None
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    assert table.horizontalScrollBar().value() > 0
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.worklist.search.setText("ba")
    assert table.horizontalScrollBar().value() == 0


def test_the_worklist_count_follows_the_language(qtbot, window, french):
    window.worklist.set_total(1168)
    assert window.worklist.count_label.text().endswith(f"sur {QLocale().toString(1168)} membres")
    assert QLocale().toString(1168) != "1,168"
    window.worklist.set_total(1)
    assert window.worklist.count_label.text().endswith("1 membre")


# --- the plan ----------------------------------------------------------------------------------------


def test_goals_keep_a_readable_width_and_say_who_added_them(qtbot, window, population):
    window.worklist.table.setCurrentIndex(window.worklist.model.index(0, 0))
    member_id = window.record.member_id
    cases = window.context.workspace.cases
    cases.add_plan_item(
        PlanItem(
            member_id=member_id,
            plan_id=plan_id_for(member_id),
            owner_role="employment",
            goal="Find a job as an electrician's assistant in Ziguinchor",
            actions="Register at the employment office; prepare a CV; attend the job fair",
        )
    )
    window.record.refresh()
    window.record.show_plan()
    editor = window.record.plan
    qtbot.waitUntil(editor.table.isVisible)
    header = editor.table.horizontalHeader()
    words = max(editor.fontMetrics().horizontalAdvance(w) for w in ("electrician's", "employment", "Ziguinchor"))
    for column in editor.TEXT_COLUMNS:
        assert header.sectionSize(column) >= 2 * words, "a few words per line, never one"
    assert editor.table.item(0, 6).text() == "counselor (Employment counselor)"
    assert editor.table.horizontalHeaderItem(6).text() == "Added by"
    assert editor.empty.wordWrap()


# --- French --------------------------------------------------------------------------------------------


def test_in_french_the_title_the_statuses_and_alerts_are_french(qtbot, context, bench, french):
    from desktop.app import build_scheduler, build_window

    window = build_window(context, build_scheduler(context))
    qtbot.addWidget(window)
    assert "Counselor" not in window.windowTitle() and "Conseiller" in window.windowTitle()
    assert QApplication.translate("Codes", "Active") != "Active"
    seed_programmes(bench.cases)
    dialog = AlertDialog(bench, [MEMBER])
    qtbot.addWidget(dialog)
    composer = dialog.composer
    assert composer.language.currentData() == "fra"
    texts = [p.text for p in composer.sendable()]
    assert texts and all("Employment Office" not in t and "Bureau de l'emploi" in t for t in texts)
    assert all("Technical and vocational training" not in t for t in texts)
    assert QLocale().name().startswith("fr")
