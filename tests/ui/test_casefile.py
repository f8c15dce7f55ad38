"""A member's file: household, assignment, records grouped by type, history."""

from __future__ import annotations

from desktop.domain.model import EmploymentVerification, Note
from desktop.store.casefile import member_file, office_names


def test_member_file_gathers_household_assignment_records_and_history(cases):
    conn = cases.store.conn
    member_id, household_id = conn.execute("SELECT id, household_id FROM members ORDER BY id LIMIT 1").fetchone()
    cases.create(
        EmploymentVerification(
            member_id=member_id, employment_status="2", source="self_declared", verified_on="2026-11-10"
        )
    )
    cases.create(Note(member_id=member_id, text="Prefers mornings."))
    f = member_file(conn, member_id)
    assert f.member.id == member_id and f.member.uin
    household = {r[0] for r in conn.execute("SELECT id FROM members WHERE household_id = ?", (household_id,))}
    assert {m.id for m in f.household_members} == household
    assert f.assignment is not None and f.assignment.counselor == "counselor"
    assert sorted(f.records) == ["EmploymentVerification", "Note"]
    assert [h.action for h in f.history] == ["create Note", "create EmploymentVerification"]
    assert f.row.pending == 2


def test_member_no_longer_on_the_device_has_no_file(cases):
    assert member_file(cases.store.conn, "M-nobody") is None


def test_office_names_label_every_area(cases):
    names = office_names(cases.store.conn)
    areas = {r[0] for r in cases.store.conn.execute("SELECT DISTINCT area FROM members")}
    assert set(names) == areas and all(n.endswith("Employment Office") for n in names.values())
