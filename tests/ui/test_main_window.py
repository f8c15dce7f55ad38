"""The worklist window: search, filters and sort give the right rows; selection shows the file."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.domain.model import EmploymentVerification
from desktop.ui.filter_panel import TREE_ROLE
from desktop.ui.worklist_model import COLUMN, MEMBER_ID_ROLE

from .conftest import fold


def shown_ids(win) -> list[str]:
    return [win.worklist.model.index(r, 0).data(MEMBER_ID_ROLE) for r in range(win.worklist.model.rowCount())]


def test_search_shows_exactly_the_members_with_a_name_starting_with_the_text(qtbot, window, population):
    members, _ = population
    qtbot.keyClicks(window.worklist.search, "traore")
    qtbot.waitUntil(lambda: window.worklist.results_current)
    expected = {
        m.id
        for m in members.values()
        if any(fold(w).startswith("traore") for w in f"{m.given_name} {m.surname}".split())
    }
    assert expected, "the sample population should contain the searched surname"
    got = shown_ids(window)
    assert set(got) == expected and len(got) == len(expected)
    for row in range(window.worklist.model.rowCount()):
        assert "traore" in fold(window.worklist.model.index(row, COLUMN["name"]).data())


def test_search_by_uin_finds_that_member(qtbot, window, population):
    member = list(population[0].values())[123]
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.worklist.search.setText(member.uin)
    assert shown_ids(window) == [member.id]


def test_area_and_flag_filters_combine_like_a_plain_loop(qtbot, window, population):
    members, assignments = population
    area_index = window.filters.tree_model.index(0, 0, window.filters.tree_model.index(1, 0))
    _region, area, segment = area_index.data(TREE_ROLE)
    assert area and segment is None
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.filters.tree.setCurrentIndex(area_index)
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.filters.flag_boxes["potentially_unemployed"].setChecked(True)
    expected = {m.id for m in members.values() if m.area == area and assignments[m.id].potentially_unemployed}
    assert expected
    assert set(shown_ids(window)) == expected and window.worklist.model.rowCount() == len(expected)
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.filters.readiness_combo.setCurrentIndex(window.filters.readiness_combo.findData("labour_ready"))
    assert set(shown_ids(window)) == {m for m in expected if assignments[m].labour_readiness == "labour_ready"}


def test_clicking_a_header_sorts_in_sql_both_ways(qtbot, window, population):
    members, _ = population
    header = window.worklist.table.horizontalHeader()
    with qtbot.waitSignal(window.worklist.resultsShown):
        header.sectionClicked.emit(COLUMN["age"])
        window.worklist.table.sortByColumn(COLUMN["age"], Qt.SortOrder.AscendingOrder)
    births = [members[i].birth_date for i in shown_ids(window)]
    assert births == sorted(births, reverse=True), "youngest first when age ascends"
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.worklist.table.sortByColumn(COLUMN["uin"], Qt.SortOrder.DescendingOrder)
    uins = [members[i].uin for i in shown_ids(window)]
    assert uins == sorted(uins, reverse=True)
    assert len(uins) == len(members)


def test_flags_column_cannot_be_sorted_and_keeps_the_current_order(qtbot, window):
    before = shown_ids(window)
    window.worklist.table.sortByColumn(COLUMN["flags"], Qt.SortOrder.AscendingOrder)
    assert window.worklist.table.horizontalHeader().sortIndicatorSection() == COLUMN["name"]
    assert shown_ids(window) == before


def test_pending_sync_filter_shows_members_with_unsent_changes(qtbot, window, context, population):
    member_id = sorted(population[0])[42]
    context.workspace.cases.create(
        EmploymentVerification(
            member_id=member_id, employment_status="2", source="self_declared", verified_on="2026-11-10"
        )
    )
    window.refresh_all()
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.filters.flag_boxes["pending_sync"].setChecked(True)
    assert shown_ids(window) == [member_id]
    assert window.worklist.model.index(0, COLUMN["sync"]).data() == "Pending"


def test_selecting_a_member_shows_their_file_with_household(qtbot, window, population):
    members, _ = population
    window.worklist.table.setCurrentIndex(window.worklist.model.index(5, 0))
    member = members[window.worklist.model.index(5, 0).data(MEMBER_ID_ROLE)]
    assert window.record.member_id == member.id
    assert window.record.title.text() == member.name and member.uin in window.record.subtitle.text()
    text = window.record.overview.text()
    for other in (m for m in members.values() if m.household_id == member.household_id):
        assert other.name in text


def test_no_match_shows_an_empty_state_that_clears_the_filters(qtbot, window, population):
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.worklist.search.setText("zzzqqqxx")
    assert window.worklist.list_stack.currentWidget() is window.worklist.empty
    assert window.worklist.clear_button.isVisibleTo(window)
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.worklist.clear_button.click()
    assert window.worklist.list_stack.currentWidget() is window.worklist.table
    assert window.worklist.model.rowCount() == len(population[0])
    assert window.worklist.search.text() == ""


def test_status_bar_counts_and_says_how_secrets_are_kept(qtbot, window, population):
    qtbot.waitUntil(lambda: f"of {len(population[0]):,} members" in window.sync_status.counts.text())
    assert window.sync_status.security.text() == "Passphrase-protected"


def test_keyboard_shortcuts_reach_search_and_list(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.worklist.table.setFocus()
    qtbot.keyClick(window.worklist.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.worklist.search.hasFocus()
    qtbot.keyClick(window.worklist.search, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.worklist.table.hasFocus()
    assert window.worklist.table.currentIndex().row() == 0
    with qtbot.waitSignal(window.scheduler.stateChanged) as state:
        qtbot.keyClick(window.worklist.table, Qt.Key.Key_F5)
    assert state.args == ["syncing"]


def test_a_single_letter_does_not_filter_the_list(qtbot, window, population):
    window.worklist.search.setText("a")
    assert window.worklist.results_current, "no query was started"
    assert window.worklist.model.rowCount() == len(population[0])
    with qtbot.waitSignal(window.worklist.resultsShown):
        window.worklist.search.setText("aw")
    assert 0 < window.worklist.model.rowCount() < len(population[0])


def test_sync_panel_counts_follow_a_save_from_any_screen(qtbot, window):
    from desktop.domain.model import Note

    member_id = shown_ids(window)[0] if window.worklist.model.rowCount() else "M-0000001"
    cases = window.context.workspace.cases
    before = window.sync_panel.queues.text()
    with qtbot.waitSignal(window.controller.queue.done):
        window.controller.queue.run(lambda: cases.create(Note(member_id=member_id, text="seen at the market")))
    assert window.sync_panel.queues.text() != before
    assert "1 to the Social Registry" in window.sync_panel.queues.text()
