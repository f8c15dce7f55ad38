"""The merge rules between two people working on the same member offline."""

from __future__ import annotations

from desktop.store import outbox

from .conftest import server_entity
from .helpers import plan_item, service_record


def _shared_member(a, b) -> str:
    shared = sorted(a.member_ids() & b.member_ids())
    assert shared, "the demo counselor and case manager share an area"
    return shared[0]


def _open_conflicts(client) -> list[dict]:
    return [d for d in client.records("Conflict").values() if d.get("status") == "open"]


def test_two_clients_editing_the_same_plan_offline_merge_fields_and_conflict_on_the_same_field(sandbox, make_client):
    counselor, caseworker = make_client(sandbox, "counselor"), make_client(sandbox, "caseworker")
    member = _shared_member(counselor, caseworker)
    item = counselor.cases.add_plan_item(plan_item(member, "Get a driving licence"))
    assert counselor.sync().ok
    assert caseworker.sync().ok
    assert ("PlanItem", item) in caseworker.records("PlanItem")

    # both offline: different fields on one side, the same field on both
    counselor.cases.update("PlanItem", item, {"status": "in_progress", "actions": "book the test"})
    caseworker.cases.update("PlanItem", item, {"due_date": "2099-01-31", "actions": "pay the fee first"})

    first = counselor.sync()
    second = caseworker.sync()
    assert first.pushed["ESS"]["acked"] == 1
    assert second.pushed["ESS"]["conflict"] == 1
    assert counselor.sync().ok and caseworker.sync().ok

    _, server = server_entity(sandbox, "PlanItem", item)
    assert server["status"] == "in_progress" and server["due_date"] == "2099-01-31"  # merged silently
    assert server["actions"] == "book the test"  # the first to arrive holds the field ...
    for client in (counselor, caseworker):
        conflicts = [c for c in _open_conflicts(client) if c["entity_id"] == item]
        assert len(conflicts) == 1, client.profile.user  # ... and both see the conflict
        assert conflicts[0]["server_value"] == "book the test"
        assert conflicts[0]["your_value"] == "pay the fee first"  # nothing lost
        local = client.records("PlanItem")[("PlanItem", item)]
        assert {k: local[k] for k in ("status", "due_date", "actions")} == {
            k: server[k] for k in ("status", "due_date", "actions")
        }


def test_resolving_a_conflict_is_an_op_that_settles_it_on_both_devices(sandbox, make_client):
    counselor, caseworker = make_client(sandbox, "counselor"), make_client(sandbox, "caseworker")
    member = sorted(counselor.member_ids() & caseworker.member_ids())[1]
    item = counselor.cases.add_plan_item(plan_item(member, "Open a bank account"))
    counselor.sync(), caseworker.sync()
    counselor.cases.update("PlanItem", item, {"actions": "visit the bank"})
    caseworker.cases.update("PlanItem", item, {"actions": "get an ID card first"})
    counselor.sync(), caseworker.sync(), counselor.sync()
    (conflict_id,) = [
        k[1] for k, c in caseworker.records("Conflict").items() if c["entity_id"] == item and c["status"] == "open"
    ]

    caseworker.cases.resolve_conflict(conflict_id, "edit", "get an ID card, then visit the bank")
    assert outbox.status_counts(caseworker.store)["pending"] == 2  # the value and the closing
    assert caseworker.sync().ok and counselor.sync().ok

    _, server = server_entity(sandbox, "PlanItem", item)
    assert server["actions"] == "get an ID card, then visit the bank"
    assert server_entity(sandbox, "Conflict", conflict_id)[1]["status"] == "resolved"
    for client in (counselor, caseworker):
        assert client.records("PlanItem")[("PlanItem", item)]["actions"] == server["actions"]
        assert client.records("Conflict")[("Conflict", conflict_id)]["status"] == "resolved"


def test_append_only_records_from_both_sides_are_all_kept(sandbox, make_client):
    counselor, caseworker = make_client(sandbox, "counselor"), make_client(sandbox, "caseworker")
    member = sorted(counselor.member_ids() & caseworker.member_ids())[2]
    mine = {counselor.cases.create(service_record(member, f"counselor {n}")) for n in range(3)}
    theirs = {caseworker.cases.create(service_record(member, f"caseworker {n}")) for n in range(2)}
    counselor.sync(), caseworker.sync(), counselor.sync()
    for client in (counselor, caseworker):
        held = {k[1] for k, d in client.records("ServiceRecord").items() if d["member_id"] == member}
        assert mine | theirs <= held


def test_the_plan_started_offline_by_both_roles_is_one_plan(sandbox, make_client):
    counselor, caseworker = make_client(sandbox, "counselor"), make_client(sandbox, "caseworker")
    member = sorted(counselor.member_ids() & caseworker.member_ids())[3]
    a = counselor.cases.start_plan(member, "employment first")
    b = caseworker.cases.start_plan(member, "")
    assert a == b
    counselor.sync(), caseworker.sync(), counselor.sync()
    assert counselor.records("Plan")[("Plan", a)] == caseworker.records("Plan")[("Plan", a)]
    assert server_entity(sandbox, "Plan", a)[1]["summary"] == "employment first"
