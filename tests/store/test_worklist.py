"""The worklist's answers: the cached index gives the rows and order of one SQL statement, and
search finds what a plain loop over the generated members finds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import model
from desktop.domain.model import Assignment, Member
from desktop.domain.synthetic import change_records
from desktop.store import replica
from desktop.store.profile import ProfileDir, unlock_store
from desktop.store.worklist import FLAGS, SORTS, WorklistFilter, WorklistIndex, area_tree, query_ids
from tests.conftest import PASSPHRASE, TODAY, fill, fold, listed

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def terms(member: Member, assignment: Assignment) -> list[str]:
    """The words a member is found by: names, UIN, phone abroad and at home, locality, office."""
    digits = member.phone.lstrip("+")
    phones = f"{digits} {digits[3:]}" if len(digits) > 9 else digits
    text = " ".join((member.given_name, member.surname, member.uin, phones, member.locality, assignment.office or ""))
    return re.findall(r"\w+", fold(text))


def loop_search(population, text: str) -> set[str]:
    """Every word starts a term; a word of three digits or more may also sit inside the UIN."""
    members, assignments = population
    words = re.findall(r"\w+", fold(text))
    return {
        m.id
        for m in members.values()
        if all(
            any(t.startswith(w) for t in terms(m, assignments[m.id])) or (w.isdigit() and len(w) >= 3 and w in m.uin)
            for w in words
        )
    }


@pytest.fixture
def population(store):
    return listed(fill(store, 400))


@pytest.fixture
def worked(cases, population):
    """Some case work on the list, so that status, due dates and sync states differ."""
    members = sorted(population[0])
    for i, member_id in enumerate(members[:60]):
        if i % 3 == 0:
            cases.create(model.Note(member_id=member_id, text="seen"))
        if i % 4 == 0:
            cases.add_plan_item(
                model.PlanItem(
                    member_id=member_id, owner_role="employment", goal="CV", due_date=f"2026-12-{i % 28 + 1:02d}"
                )
            )
    return population


def member_ids(conn, rowids) -> list[str]:
    by_rowid = dict(conn.execute("SELECT rowid, id FROM members"))
    return [by_rowid[int(r)] for r in rowids]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(SORTS))
def test_every_order_from_the_index_is_the_order_sql_sorts(store, worked, sort, descending):
    index, conn = WorklistIndex(), store.reader()
    try:
        for f in (
            WorklistFilter(sort=sort, descending=descending),
            WorklistFilter(text="di", sort=sort, descending=descending),
            WorklistFilter(flags=frozenset({"pending_sync"}), sort=sort, descending=descending),
        ):
            got = index.ids(conn, f, TODAY).tolist()
            assert got == query_ids(conn, f, TODAY, indexes=False)
            assert len(got) == len(set(got))
    finally:
        conn.close()


FILTERS = [
    WorklistFilter(text="ami"),
    WorklistFilter(text="diallo fatou"),
    WorklistFilter(text="22177"),
    WorklistFilter(area="R1-D1"),
    WorklistFilter(region="R2", flags=frozenset({"potentially_unemployed"})),
    WorklistFilter(labour_readiness="labour_ready", flags=frozenset({"needs_field_check"})),
    WorklistFilter(case_status="new", text="ma", sort="locality"),
    WorklistFilter(flags=frozenset(FLAGS) - {"returned", "awaiting_review", "rejected", "conflict"}),
    WorklistFilter(text="zzzz"),
]


@pytest.mark.parametrize("f", FILTERS, ids=repr)
def test_filters_give_the_rows_of_a_plain_loop_in_the_order_of_sql(store, worked, f):
    members, assignments = worked
    index, conn = WorklistIndex(), store.reader()
    try:
        got = member_ids(conn, index.ids(conn, f, TODAY))
        assert got == member_ids(conn, query_ids(conn, f, TODAY, indexes=False))
    finally:
        conn.close()
    expected = set(members) if not f.text else loop_search(worked, f.text)
    for column in ("region", "area"):
        if getattr(f, column):
            expected = {m for m in expected if getattr(members[m], column) == getattr(f, column)}
    if f.labour_readiness:
        expected = {m for m in expected if assignments[m].labour_readiness == f.labour_readiness}
    for flag in ("potentially_unemployed", "needs_field_check"):
        if flag in f.flags:
            expected = {m for m in expected if getattr(assignments[m], flag)}
    if f.case_status or {"overdue", "pending_sync"} & f.flags:
        return  # case columns come from local work, not from the generated records: SQL checked above
    assert set(got) == expected and len(got) == len(expected)


def test_middle_digits_of_a_uin_find_that_member(store, population):
    members = list(population[0].values())
    index, conn = WorklistIndex(), store.reader()
    try:
        for member in members[::37]:
            for digits in (member.uin[3:8], member.uin[-4:], member.uin[2:5]):
                got = set(member_ids(conn, index.ids(conn, WorklistFilter(text=digits), TODAY)))
                assert member.id in got
                assert got == loop_search(population, digits)
                assert set(member_ids(conn, query_ids(conn, WorklistFilter(text=digits), TODAY))) == got
    finally:
        conn.close()


@pytest.mark.parametrize("typed", ["Sédhiou", "sedhiou", "SEDHIOU", "Se\u0301dhiou", "sédh"])
def test_an_area_typed_as_the_list_names_it_finds_its_members(store, population, typed):
    members, assignments = population
    in_area = {m for m in members if assignments[m].office.startswith("Sédhiou")}
    assert in_area, "the sample population should have members in Sédhiou"
    index, conn = WorklistIndex(), store.reader()
    try:
        got = set(member_ids(conn, index.ids(conn, WorklistFilter(text=typed), TODAY)))
    finally:
        conn.close()
    assert in_area <= got
    assert got == loop_search(population, "sedh" if typed == "sédh" else "sedhiou")


def test_a_locality_with_accents_is_found_without_them(store, population):
    members, _ = population
    index, conn = WorklistIndex(), store.reader()
    try:
        for locality in {m.locality for m in members.values()}:
            typed = fold(locality)
            got = set(member_ids(conn, index.ids(conn, WorklistFilter(text=typed), TODAY)))
            assert {m.id for m in members.values() if m.locality == locality} <= got
            assert got == loop_search(population, typed)
    finally:
        conn.close()


def test_the_kept_answer_follows_a_save_and_a_pull(cases, population):
    store = cases.store
    index, conn = WorklistIndex(), store.reader()
    try:
        by_sync = WorklistFilter(sort="sync", descending=True)
        before = member_ids(conn, index.ids(conn, by_sync, TODAY))
        last = before[-1]
        cases.create(model.Note(member_id=last, text="now pending"))
        after = member_ids(conn, index.ids(conn, by_sync, TODAY))
        assert after != before and after == member_ids(conn, query_ids(conn, by_sync, TODAY))
        assert after.index(last) < before.index(last)
        ended = {"entity_type": "Assignment", "entity_id": before[0], "version": 2, "member_id": before[0]}
        replica.apply_page(store, "ESS", [{**ended, "data": {"member_id": before[0], "status": "ended"}}], 10**6, "e")
        assert before[0] not in member_ids(conn, index.ids(conn, by_sync, TODAY))
        assert not member_ids(conn, index.ids(conn, WorklistFilter(text=before[0]), TODAY))
    finally:
        conn.close()


def worklist_indexes(conn) -> list[str]:
    return sorted(r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE name LIKE 'worklist_%'"))


def test_a_long_pull_writes_search_entries_and_sort_indexes_at_its_end_or_at_the_next_open(store, profile, data_dir):
    conn = store.conn
    indexes = worklist_indexes(conn)
    records = list(change_records(50))
    replica.begin_long_pull(store, len(records))  # more than the device holds: indexes set aside
    assert not worklist_indexes(conn)
    replica.apply_page(store, "SR", records, len(records), "e", search=False)
    name = conn.execute("SELECT surname FROM members LIMIT 1").fetchone()[0]
    found = WorklistFilter(text=name)
    assert not query_ids(conn, found, TODAY)
    assert replica.index_search(store) == 50
    assert worklist_indexes(conn) == indexes
    listed = query_ids(conn, found, TODAY)
    assert listed
    # a pull smaller than the list keeps the indexes
    replica.begin_long_pull(store, 10)
    assert worklist_indexes(conn) == indexes
    # a long pull interrupted before its end: the next open writes what it left
    more = list(change_records(200))[len(records) :]
    replica.begin_long_pull(store, 10**6)
    replica.apply_page(store, "SR", more, len(records) + len(more), "e", search=False)
    store.close()
    reopened = unlock_store(data_dir, profile, PASSPHRASE)
    try:
        assert worklist_indexes(reopened.conn) == indexes
        assert len(query_ids(reopened.conn, found, TODAY)) > len(listed)
        assert reopened.conn.execute("SELECT count(*) FROM search_stale").fetchone()[0] == 0
        index = WorklistIndex()
        assert index.ids(reopened.conn, found, TODAY).tolist() == query_ids(reopened.conn, found, TODAY)
    finally:
        reopened.close()


def test_a_migrated_store_searches_by_name_area_and_uin_digits(tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(FIXTURES / "v1-profile", data_dir / "profiles" / "fixture")
    pdir = ProfileDir(data_dir, "fixture")
    store = unlock_store(data_dir, pdir.load(), "fixture passphrase")
    try:
        conn = store.conn
        surname, uin, office = conn.execute(
            "SELECT surname, uin, office FROM members WHERE assigned = 1 ORDER BY rowid LIMIT 1"
        ).fetchone()
        index = WorklistIndex()
        for text in (surname, uin[4:9], office.split()[0]):
            got = index.ids(conn, WorklistFilter(text=text), TODAY).tolist()
            assert got and got == query_ids(conn, WorklistFilter(text=text), TODAY)
    finally:
        store.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from('ab0_-"*:^()+ éÉ\u0301نM-1HNEAR'), max_size=12) | st.text(max_size=12))
def test_any_typed_text_gives_an_answer_never_an_error(filled_store, text):
    conn = filled_store.conn
    f = WorklistFilter(text=text)
    assert WorklistIndex().ids(conn, f, TODAY).tolist() == query_ids(conn, f, TODAY)


def test_the_areas_tree_counts_what_a_plain_loop_counts(store, population):
    members, assignments = population
    expected: dict[tuple[str, str, str], int] = {}
    for m in members.values():
        key = (m.region, m.area, assignments[m.id].segment)
        expected[key] = expected.get(key, 0) + 1
    assert area_tree(store.conn) == sorted((*key, n) for key, n in expected.items())
