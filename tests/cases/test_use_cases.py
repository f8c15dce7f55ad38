"""Use-cases: what is saved comes back as it was, with exactly one op and one audit row."""

from __future__ import annotations

import json

import pytest

from desktop.domain import model
from desktop.store.records import load_record
from tests.store.samples import valid_entities

MEMBER = "M-0000001"


def _ops(store, entity_id):
    return store.conn.execute(
        "SELECT op, patch, destination, state, base_version FROM outbox WHERE entity_id = ?", (entity_id,)
    ).fetchall()


def _audits(store, entity_id):
    return store.conn.execute("SELECT action, op_id FROM audit WHERE entity_id = ?", (entity_id,)).fetchall()


@pytest.mark.parametrize(
    "index", range(len(valid_entities(MEMBER))), ids=[e.ENTITY_TYPE for e in valid_entities(MEMBER)]
)
def test_every_entity_round_trips_through_the_store_with_one_op_and_one_audit_row(cases, index):
    entity = valid_entities(MEMBER)[index]
    cases.create(entity)
    data, server, version = load_record(cases.store.conn, entity.ENTITY_TYPE, entity.id)
    back = type(entity).from_data(entity.id, data)
    assert back == entity
    assert (server, version) == (None, 0)
    ops = _ops(cases.store, entity.id)
    assert len(ops) == 1
    op, patch, destination, state, base = ops[0]
    assert (op, state, base) == ("create", "pending", None)
    assert destination == entity.HOME
    assert json.loads(patch) == entity.to_data()
    assert len(_audits(cases.store, entity.id)) == 1


def test_stamped_fields_come_from_the_signed_in_worker_not_the_form(cases):
    v = valid_entities(MEMBER)[0]
    v.verified_by = "someone-else"
    cases.create(v)
    data = load_record(cases.store.conn, v.ENTITY_TYPE, v.id)[0]
    assert data["verified_by"] == "counselor" and data["role"] == "counselor"


def test_invalid_form_saves_nothing_and_names_each_bad_field(cases):
    bad = model.EmploymentVerification(
        member_id=MEMBER,
        employment_status="9",
        source="document",
        verified_on="2031-01-01",
        start_date="2026-05-01",
        end_date="2026-01-01",
    )
    before = cases.store.conn.execute(
        "SELECT (SELECT count(*) FROM outbox), (SELECT count(*) FROM audit), (SELECT count(*) FROM records)"
    ).fetchone()
    with pytest.raises(model.ValidationError) as err:
        cases.create(bad)
    assert set(err.value.errors) == {"employment_status", "verified_on", "end_date", "evidence"}
    after = cases.store.conn.execute(
        "SELECT (SELECT count(*) FROM outbox), (SELECT count(*) FROM audit), (SELECT count(*) FROM records)"
    ).fetchone()
    assert after == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("goal", ""),
        ("goal", "x" * 201),
        ("due_date", "2026-02-30"),
        ("due_date", "2020-01-01"),
        ("owner_role", "manager"),
        ("status", 7),
    ],
)
def test_plan_item_with_impossible_value_is_refused(cases, field, value):
    item = model.PlanItem(member_id=MEMBER, owner_role="social", goal="Childcare place", due_date="2026-12-01")
    setattr(item, field, value)
    with pytest.raises(model.ValidationError) as err:
        cases.add_plan_item(item)
    assert field in err.value.errors
    assert cases.store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0


def test_update_sends_only_changed_fields_against_the_known_version(cases):
    item = model.PlanItem(member_id=MEMBER, owner_role="social", goal="Childcare place", due_date="2026-12-01")
    cases.add_plan_item(item)
    op_id = cases.update("PlanItem", item.id, {"status": "in_progress", "goal": "Childcare place"})
    row = cases.store.conn.execute("SELECT op, patch, base_version FROM outbox WHERE op_id = ?", (op_id,)).fetchone()
    assert row == ("patch", json.dumps({"status": "in_progress"}, separators=(",", ":")), 0)
    assert cases.update("PlanItem", item.id, {"status": "in_progress"}) is None


def test_append_only_records_cannot_be_changed(cases):
    note = model.Note(member_id=MEMBER, text="First visit")
    cases.create(note)
    with pytest.raises(model.ValidationError):
        cases.update("Note", note.id, {"text": "rewritten"})


def test_two_roles_starting_the_plan_make_one_plan(cases):
    first = cases.start_plan(MEMBER)
    second = cases.start_plan(MEMBER)
    assert first == second == model.plan_id_for(MEMBER)
    assert len(_ops(cases.store, first)) == 1


def test_use_case_failing_midway_leaves_no_entity_no_op_and_no_audit(cases, monkeypatch):
    import desktop.store.records as records

    def broken_audit(*args, **kwargs):
        raise RuntimeError("simulated failure after the entity and op were written")

    monkeypatch.setattr(records, "audit", broken_audit)
    note = model.Note(member_id=MEMBER, text="Will not survive")
    with pytest.raises(RuntimeError):
        cases.create(note)
    conn = cases.store.conn
    assert load_record(conn, "Note", note.id) is None
    assert conn.execute("SELECT count(*) FROM outbox WHERE entity_id = ?", (note.id,)).fetchone()[0] == 0


def test_worklist_summary_follows_the_case(cases):
    conn = cases.store.conn

    def status():
        return conn.execute(
            "SELECT case_status, pending, next_due FROM members WHERE id = ?",
            (MEMBER,),
        ).fetchone()

    assert status() == ("new", 0, None)
    cases.create(model.OutreachContact(member_id=MEMBER, channel="call", contacted_on="2026-11-19", outcome="reached"))
    assert status()[0] == "contacted"
    cases.add_plan_item(model.PlanItem(member_id=MEMBER, owner_role="employment", goal="CV", due_date="2026-12-01"))
    assert status() == ("planning", 3, "2026-12-01")


def test_resolving_a_conflict_is_itself_two_ops(cases):
    item = model.PlanItem(member_id=MEMBER, owner_role="social", goal="Childcare place", due_date="2026-12-01")
    cases.add_plan_item(item)
    conflict = model.Conflict(
        member_id=MEMBER,
        id="c-1",
        entity_type="PlanItem",
        entity_id=item.id,
        field_name="due_date",
        server_value="2026-12-10",
        your_value="2026-12-01",
    )
    with cases.store.write() as conn:
        from desktop.store.records import write_record

        write_record(conn, "Conflict", "c-1", MEMBER, conflict.to_data(), server_data=conflict.to_data(), version=1)
    cases.resolve_conflict("c-1", "theirs")
    assert load_record(cases.store.conn, "PlanItem", item.id)[0]["due_date"] == "2026-12-10"
    assert load_record(cases.store.conn, "Conflict", "c-1")[0]["status"] == "resolved"
    patches = [
        json.loads(p) for (p,) in cases.store.conn.execute("SELECT patch FROM outbox WHERE op = 'patch' ORDER BY seq")
    ]
    assert patches == [{"due_date": "2026-12-10"}, {"resolution": "theirs", "status": "resolved"}]
    with pytest.raises(model.ValidationError):
        cases.resolve_conflict("c-1", "mine")


def test_draft_survives_reopening_the_store(cases, data_dir, profile):
    from desktop.store.profile import unlock_store

    from ..conftest import PASSPHRASE

    cases.save_draft("employment:M-0000001", "employment", MEMBER, {"employer": "Agro"})
    cases.store.close()
    reopened = unlock_store(data_dir, profile, PASSPHRASE)
    row = reopened.conn.execute("SELECT data FROM drafts").fetchone()
    assert json.loads(row[0]) == {"employer": "Agro"}
    reopened.close()


def test_update_is_refused_when_it_breaks_a_field_that_depends_on_it(cases):
    plan_id = cases.start_plan(MEMBER)
    with pytest.raises(model.ValidationError) as err:
        cases.update("Plan", plan_id, {"status": "active"})
    assert set(err.value.errors) == {"agreed_on"}
    assert cases.update("Plan", plan_id, {"status": "active", "agreed_on": "2026-11-19"}) is not None


def test_a_new_enrolment_that_starts_exited_is_refused_and_saves_nothing(cases):
    before = cases.store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    enrolment = model.Enrollment(
        member_id="M-0000001", programme_id="PRG-TVET", enrollment_date="2026-11-01", enrollment_status="Exited"
    )
    with pytest.raises(model.ValidationError) as refused:
        cases.create(enrolment)
    assert refused.value.errors == {"enrollment_status": model.MSG_NOT_A_NEW_STATUS}
    assert cases.store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0] == before


def test_a_plan_goal_says_who_added_it(cases):
    goal = model.PlanItem(member_id="M-0000001", owner_role="employment", goal="Find seasonal work", added_by="x")
    item_id = cases.add_plan_item(goal)
    with cases.store.write() as conn:
        data = load_record(conn, "PlanItem", item_id)[0]
    assert (data["added_by"], data["role"]) == ("counselor", "counselor")
