"""The store's half of sync: pulled pages, cursors, and the server's answers to pushed ops."""

from __future__ import annotations

import pytest

from desktop.domain import model
from desktop.store import outbox, replica
from desktop.store.records import load_record

MEMBER = "M-0000001"


def plan_item_record(item_id: str, version: int, **data) -> dict:
    return {
        "entity_type": "PlanItem",
        "entity_id": item_id,
        "version": version,
        "sync_seq": 10_000 + version,
        "member_id": MEMBER,
        "data": {
            "member_id": MEMBER,
            "plan_id": model.plan_id_for(MEMBER),
            "owner_role": "social",
            "goal": "Childcare place",
            "status": "planned",
            **data,
        },
    }


def test_page_and_cursor_commit_together(filled_store):
    state = replica.cursor_of(filled_store.conn, "ESS")
    with pytest.raises(KeyError, match="entity_id"):
        replica.apply_page(filled_store, "ESS", [{"entity_type": "PlanItem"}], 99, "e")
    assert replica.cursor_of(filled_store.conn, "ESS").cursor == state.cursor
    replica.apply_page(filled_store, "ESS", [plan_item_record("pi-1", 1)], 99, "e")
    assert replica.cursor_of(filled_store.conn, "ESS").cursor == 99


def test_pulled_value_never_overwrites_pending_local_work(cases):
    store = cases.store
    replica.apply_page(store, "ESS", [plan_item_record("pi-1", 1, due_date="2026-12-01")], 1, "e")
    cases.update("PlanItem", "pi-1", {"status": "in_progress"})
    # someone else changed the goal and the due date meanwhile
    replica.apply_page(
        store, "ESS", [plan_item_record("pi-1", 2, goal="Day-care place", due_date="2026-12-05")], 2, "e"
    )
    data, server, version = load_record(store.conn, "PlanItem", "pi-1")
    assert data["status"] == "in_progress", "my unsent change stays"
    assert data["goal"] == "Day-care place" and data["due_date"] == "2026-12-05", "their change arrives"
    assert server["status"] == "planned" and version == 2


def test_acknowledged_op_becomes_server_state_and_a_duplicate_answer_changes_nothing(cases):
    store = cases.store
    note = model.Note(member_id=MEMBER, text="Met at the market")
    cases.create(note)
    (op,) = outbox.claim_batch(store, "SR")
    assert op.entity_id == note.id and op.patch == note.to_data()
    first = outbox.record_results(store, [outbox.ItemResult(op.op_id, "succ", version=1)])
    again = outbox.record_results(store, [outbox.ItemResult(op.op_id, "succ", version=1)])
    assert first["acked"] == 1 and again["acked"] == 0
    data, server, version = load_record(store.conn, "Note", note.id)
    assert server == data and version == 1
    assert outbox.status_counts(store)["pending"] == 0


def test_rejected_op_is_quarantined_with_its_reason_and_the_rest_go_on(cases):
    store = cases.store
    notes = [model.Note(member_id=MEMBER, text=f"note {i}") for i in range(3)]
    for n in notes:
        cases.create(n)
    ops = outbox.claim_batch(store, "SR")
    results = [outbox.ItemResult(o.op_id, "succ", version=1) for o in ops]
    results[1] = outbox.ItemResult(
        ops[1].op_id, "rjct", reason_code="rjct.forbidden", reason_message="member outside your scope"
    )
    assert outbox.record_results(store, results) == {"acked": 2, "rejected": 1, "conflict": 0}
    (rejected,) = outbox.ops_in_state(store, "rejected")
    assert (rejected.op_id, rejected.reason_message) == (ops[1].op_id, "member outside your scope")
    assert load_record(store.conn, "Note", notes[1].id) is not None, "the user's note is still on the device"
    new_op = cases.retry_rejected(rejected.op_id)
    assert new_op != rejected.op_id
    assert [o.op_id for o in outbox.claim_batch(store, "SR")] == [new_op]


def test_transport_error_puts_the_batch_back_unchanged(cases):
    store = cases.store
    cases.create(model.Note(member_id=MEMBER, text="offline note"))
    (op,) = outbox.claim_batch(store, "SR")
    outbox.release(store, [op.op_id])
    (again,) = outbox.claim_batch(store, "SR")
    assert (again.op_id, again.patch, again.hlc) == (op.op_id, op.patch, op.hlc)
    assert again.attempts == 2


def test_conflict_answer_keeps_mine_in_the_inbox_and_theirs_in_the_record(cases):
    store = cases.store
    replica.apply_page(store, "ESS", [plan_item_record("pi-1", 1, due_date="2026-12-01")], 1, "e")
    cases.update("PlanItem", "pi-1", {"due_date": "2026-12-15", "status": "in_progress"})
    (op,) = outbox.claim_batch(store, "ESS")
    current = {**load_record(store.conn, "PlanItem", "pi-1")[1], "due_date": "2026-12-10", "status": "in_progress"}
    outbox.record_results(
        store,
        [
            outbox.ItemResult(
                op.op_id,
                "rjct",
                reason_code="rjct.conflict",
                version=3,
                current=current,
                conflicts=[
                    {
                        "conflict_id": "c-9",
                        "field": "due_date",
                        "server_value": "2026-12-10",
                        "your_value": "2026-12-15",
                    }
                ],
            )
        ],
    )
    data, _server, version = load_record(store.conn, "PlanItem", "pi-1")
    assert (data["due_date"], data["status"], version) == ("2026-12-10", "in_progress", 3)
    conflict = load_record(store.conn, "Conflict", "c-9")[0]
    assert (conflict["your_value"], conflict["server_value"], conflict["status"]) == (
        "2026-12-15",
        "2026-12-10",
        "open",
    )
    assert outbox.status_counts(store)["conflicts"] == 1


def test_full_resync_drops_what_the_server_no_longer_has_but_keeps_local_work(cases):
    store = cases.store
    replica.apply_page(store, "ESS", [plan_item_record("gone", 1), plan_item_record("kept", 1)], 5, "e1")
    cases.update("PlanItem", "kept", {"status": "done"})
    replica.begin_full_resync(store, "ESS")
    assert replica.cursor_of(store.conn, "ESS").cursor == 0
    replica.apply_page(store, "ESS", [], 0, "e2")
    replica.finish_full_resync(store, "ESS")
    assert load_record(store.conn, "PlanItem", "gone") is None
    assert load_record(store.conn, "PlanItem", "kept")[0]["status"] == "done"
    assert outbox.status_counts(store)["pending"] == 1


def test_ended_assignment_takes_the_member_off_the_device_unless_work_is_pending(cases):
    store = cases.store

    def ended(m):
        return {
            "entity_type": "Assignment",
            "entity_id": m,
            "version": 2,
            "member_id": m,
            "data": {"member_id": m, "status": "ended"},
        }

    cases.create(model.Note(member_id="M-0000002", text="unsent"))
    replica.apply_page(store, "ESS", [ended("M-0000003"), ended("M-0000002")], 7, "e")
    ids = {r[0] for r in store.conn.execute("SELECT id FROM members")}
    assert "M-0000003" not in ids
    assert "M-0000002" in ids
    assert store.conn.execute("SELECT case_status FROM members WHERE id = 'M-0000002'").fetchone()[0] == "closed"


def test_member_and_household_ids_are_found_exactly_not_as_number_prefixes(filled_store):
    from desktop.store.worklist import WorklistFilter, fetch_rows, query_ids

    conn = filled_store.conn
    member_id, household_id = conn.execute("SELECT id, household_id FROM members WHERE assigned = 1 LIMIT 1").fetchone()
    rows = fetch_rows(conn, query_ids(conn, WorklistFilter(text=member_id.lower())))
    assert [r.id for r in rows.values()] == [member_id]
    in_household = {
        r[0] for r in conn.execute("SELECT id FROM members WHERE household_id = ? AND assigned = 1", (household_id,))
    }
    assert {r.id for r in fetch_rows(conn, query_ids(conn, WorklistFilter(text=household_id))).values()} == in_household
    # digits of ids are not words: a search for "00" finds UINs and phones starting so, not everyone
    hits = fetch_rows(conn, query_ids(conn, WorklistFilter(text="00")))
    assert all(r.uin.startswith("00") or "00" in r.phone for r in hits.values())


def test_a_pending_review_flags_the_member_until_the_supervisor_decides(cases):
    from desktop.store.worklist import WorklistFilter, query_ids

    store = cases.store
    review = {
        "entity_type": "Review",
        "entity_id": "rv-1",
        "version": 1,
        "member_id": MEMBER,
        "data": {
            "member_id": MEMBER,
            "entity_type": "EmploymentVerification",
            "entity_id": "ev-1",
            "author": "counselor",
            "author_role": "counselor",
            "outcome": "pending",
        },
    }
    replica.apply_page(store, "ESS", [review], 3, "e")

    def flagged():
        return store.conn.execute(
            "SELECT id FROM members WHERE rowid IN (SELECT value FROM json_each(?))",
            (str(query_ids(store.conn, WorklistFilter(flags=frozenset({"awaiting_review"})))),),
        ).fetchall()

    assert flagged() == [(MEMBER,)]
    cases.decide_review("rv-1", "approved")
    assert flagged() == []
