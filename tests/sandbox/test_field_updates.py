"""The field-update API: pull by sync_seq, push with idempotency, field-level merge, scope."""

from __future__ import annotations

import uuid

import pytest

from .conftest import assert_err, assert_valid, envelope, new_id, op, pull_criteria


def plan_id(member_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"fielddesk:plan:{member_id}"))


def item_for(member_id: str, plan: str | None = None, **fields) -> dict:
    return {
        "plan_id": plan or plan_id(member_id),
        "owner_role": "employment",
        "goal": "Find work",
        "status": "planned",
        **fields,
    }


def test_first_pull_returns_only_records_in_scope_with_a_cursor(counselor, counselor_members):
    item = counselor.pull("registry")
    data = item["data"]
    assert (
        item["status"] == "succ" and data["sync_epoch"] and data["max_sync_seq"] >= data["reg_records"][-1]["sync_seq"]
    )
    members = {r["entity_id"] for r in data["reg_records"] if r["entity_type"] == "Member"}
    assert members == set(counselor_members)
    seqs = [r["sync_seq"] for r in data["reg_records"]]
    assert seqs == sorted(seqs) and item["pagination"]["total_count"] == len(seqs)


def test_change_records_carry_no_nulls_or_empty_values(counselor):
    def empties(value):
        if isinstance(value, dict):
            return any(v in (None, "", [], {}) or empties(v) for v in value.values())
        return isinstance(value, list) and any(empties(v) for v in value)

    assert not any(empties(r["data"]) for r in counselor.pull("ess")["data"]["reg_records"])


def test_keyset_pages_add_up_to_the_whole_feed(counselor):
    whole = [r["sync_seq"] for r in counselor.pull("ess")["data"]["reg_records"]]
    paged, after = [], 0
    while True:
        page = counselor.pull("ess", after, size=7)["data"]["reg_records"]
        if not page:
            break
        paged += [r["sync_seq"] for r in page]
        after = page[-1]["sync_seq"]
    assert paged == whole


def test_stale_epoch_or_future_cursor_is_rejected_with_cursor_reason(counselor):
    item = counselor.pull("ess", epoch="e-notmine")
    assert (item["status"], item["status_reason_code"]) == ("rjct", "rjct.filter.invalid")
    assert item["status_reason_message"].startswith("cursor:")
    ahead = counselor.pull("ess", after=10**9)
    assert ahead["status_reason_code"] == "rjct.filter.invalid"


def test_reset_epoch_makes_old_cursors_rejected(counselor, system):
    epoch = counselor.pull("registry", size=1)["data"]["sync_epoch"]
    assert counselor.pull("registry", size=1, epoch=epoch)["status"] == "succ"
    assert system.post("/admin/sync/reset-epoch", {}).status_code == 200
    assert counselor.pull("registry", size=1, epoch=epoch)["status_reason_code"] == "rjct.filter.invalid"


def test_sanity_count_equals_live_records_up_to_cursor(counselor):
    records = counselor.pull_all("registry")
    cursor = records[-1]["sync_seq"]
    item = counselor.pull("registry", after=cursor, size=1, op="le")
    assert item["pagination"]["total_count"] == sum(not r["deleted"] for r in records)


@pytest.mark.parametrize("size", [0, 5001])
def test_pull_page_size_out_of_range_is_rjct_pagination_invalid(counselor, size):
    assert counselor.pull("ess", size=size)["status_reason_code"] == "rjct.pagination.invalid"


def test_pull_with_a_system_token_is_refused(system):
    assert system.pull("ess", size=1)["status_reason_code"] == "rjct.search_criteria.invalid"


def test_same_reference_id_same_payload_returns_first_answer(counselor, counselor_members):
    member = counselor_members[2]
    create = op(
        "ServiceRecord", new_id(), member, {"service_type": "counselling", "provided_on": "2026-11-20"}, "create"
    )
    first = counselor.push("ess", [create])
    seq = counselor.pull("ess", size=1)["data"]["max_sync_seq"]
    again = counselor.push("ess", [{**create, "timestamp": "2026-11-23T00:00:00.000Z"}])
    assert first == again and first[0]["status"] == "succ"
    assert counselor.pull("ess", size=1)["data"]["max_sync_seq"] == seq


def test_same_reference_id_different_payload_is_rejected_without_effect(counselor, counselor_members):
    member = counselor_members[2]
    create = op("Note", new_id(), member, {"text": "first"}, "create")
    assert counselor.push("registry", [create])[0]["status"] == "succ"
    seq = counselor.pull("registry", size=1)["data"]["max_sync_seq"]
    changed = {**create, "patch": {"text": "second"}}
    [answer] = counselor.push("registry", [changed])
    assert (answer["status"], answer["status_reason_code"]) == ("rjct", "rjct.reference_id.duplicate")
    assert counselor.pull("registry", size=1)["data"]["max_sync_seq"] == seq


def test_different_fields_edited_on_two_devices_merge_silently(login, shared_members):
    counselor, caseworker = login("counselor"), login("caseworker")
    member = shared_members[0]
    item_id = new_id()
    [created] = counselor.push("ess", [op("PlanItem", item_id, member, item_for(member), "create")])
    assert created["data"]["version"] == 1
    [a] = counselor.push("ess", [op("PlanItem", item_id, member, {"status": "in_progress"}, base_version=1)])
    [b] = caseworker.push("ess", [op("PlanItem", item_id, member, {"actions": "Visit the job centre"}, base_version=1)])
    assert (a["status"], b["status"], b["data"]["version"]) == ("succ", "succ", 3)
    record = next(r for r in counselor.pull_all("ess") if r["entity_id"] == item_id)
    assert record["data"]["status"] == "in_progress" and record["data"]["actions"] == "Visit the job centre"


def test_same_field_edited_on_two_devices_is_a_conflict_with_the_current_value(login, shared_members):
    counselor, caseworker = login("counselor"), login("caseworker")
    member = shared_members[0]
    item_id = new_id()
    counselor.push("ess", [op("PlanItem", item_id, member, item_for(member, due_date="2026-12-01"), "create")])
    counselor.push("ess", [op("PlanItem", item_id, member, {"due_date": "2026-12-05"}, base_version=1)])
    [answer] = caseworker.push(
        "ess",
        [op("PlanItem", item_id, member, {"due_date": "2026-12-15", "actions": "Call the employer"}, base_version=1)],
    )
    assert (answer["status"], answer["status_reason_code"]) == ("rjct", "rjct.conflict")
    data = answer["data"]
    assert data["applied_fields"] == ["actions"] and data["version"] == 3
    assert data["current"]["due_date"] == "2026-12-05" and data["current"]["actions"] == "Call the employer"
    [conflict] = data["conflicts"]
    assert (conflict["field"], conflict["server_value"], conflict["your_value"]) == (
        "due_date",
        "2026-12-05",
        "2026-12-15",
    )
    pulled = {r["entity_id"]: r for r in counselor.pull_all("ess")}
    shared = pulled[conflict["conflict_id"]]["data"]
    assert shared["status"] == "open" and shared["authors"] == ["caseworker", "counselor"]
    [resolved] = caseworker.push(
        "ess",
        [
            op(
                "Conflict",
                conflict["conflict_id"],
                member,
                {"status": "resolved", "resolution": "theirs"},
                base_version=1,
            )
        ],
    )
    assert resolved["status"] == "succ"


def test_second_create_of_the_plan_merges_like_a_patch_on_version_zero(login, shared_members):
    counselor, caseworker = login("counselor"), login("caseworker")
    member = shared_members[3]
    plan = plan_id(member)
    [first] = counselor.push("ess", [op("Plan", plan, member, {"status": "draft", "summary": "Work first"}, "create")])
    [second] = caseworker.push(
        "ess", [op("Plan", plan, member, {"status": "draft", "next_review": "2027-01-10"}, "create")]
    )
    assert first["status"] == second["status"] == "succ" and second["data"]["version"] == 2
    [third] = caseworker.push("ess", [op("Plan", plan, member, {"summary": "Housing first"}, "create")])
    assert third["status_reason_code"] == "rjct.conflict"


def test_patch_of_an_append_only_entity_is_rjct_validation(counselor, counselor_members):
    member = counselor_members[2]
    note = new_id()
    counselor.push("registry", [op("Note", note, member, {"text": "hello"}, "create")])
    [answer] = counselor.push("registry", [op("Note", note, member, {"text": "changed"}, base_version=1)])
    assert answer["status_reason_code"] == "rjct.validation"


@pytest.mark.parametrize(
    ("entity_type", "service"),
    [("Member", "registry"), ("Group", "registry"), ("Assignment", "ess"), ("Programme", "ess")],
)
def test_writing_a_server_owned_type_is_rjct_forbidden(counselor, counselor_members, entity_type, service):
    [answer] = counselor.push(
        service, [op(entity_type, counselor_members[0], counselor_members[0], {"status": "x"}, base_version=1)]
    )
    assert answer["status_reason_code"] == "rjct.forbidden"


@pytest.mark.parametrize(
    ("patch", "kind"),
    [
        ({"goal": "x", "plan_id": "p", "owner_role": "employment", "status": "finished"}, "create"),
        ({"goal": "x", "plan_id": "p", "owner_role": "employment", "salary": 10}, "create"),
        ({"goal": "", "plan_id": "p", "owner_role": "employment"}, "create"),
        ("not an object", "create"),
        ({"goal": "x"}, "delete"),
    ],
)
def test_invalid_ops_are_rjct_validation_and_change_nothing(sandbox, counselor, counselor_members, patch, kind):
    before = sandbox.services.ess.store.max_seq
    [answer] = counselor.push("ess", [op("PlanItem", new_id(), counselor_members[0], patch, kind)])
    assert (answer["status"], answer["status_reason_code"]) == ("rjct", "rjct.validation")
    assert sandbox.services.ess.store.max_seq == before


def test_unknown_entity_type_and_unknown_entity_are_refused(counselor, counselor_members):
    member = counselor_members[0]
    [unknown_type, unknown_entity] = counselor.push(
        "ess",
        [
            op("Vehicle", new_id(), member, {}, "create"),
            op("PlanItem", new_id(), member, {"status": "done"}, base_version=1),
        ],
    )
    assert unknown_type["status_reason_code"] == "rjct.validation"
    assert unknown_entity["status_reason_code"] == "rjct.not_found"


def test_counselor_never_writes_or_reads_outside_scope(login, sandbox, counselor_members):
    other = login("counselor-2")
    other_members = {r["member_id"] for r in other.pull_all("ess") if r["entity_type"] == "Assignment"}
    assert other_members and not other_members & set(counselor_members)
    before = sandbox.services.ess.store.max_seq
    [answer] = other.push(
        "ess",
        [
            op(
                "ServiceRecord",
                new_id(),
                counselor_members[0],
                {"service_type": "counselling", "provided_on": "2026-11-20"},
                "create",
            )
        ],
    )
    assert answer["status_reason_code"] == "rjct.forbidden"
    assert sandbox.services.ess.store.max_seq == before
    seen = {r.get("member_id") for r in other.pull_all("registry")} - {None}
    assert not seen & set(counselor_members)


def test_supervisor_sees_the_whole_office_and_only_it(login, sandbox):
    supervisor = login("supervisor")
    assignments = [r["data"] for r in supervisor.pull_all("ess") if r["entity_type"] == "Assignment"]
    assert assignments and {a["office"] for a in assignments} == {"Kanel Employment Office"}
    with sandbox.services.ess.store.db.read() as c:
        in_office = c.execute(
            "SELECT count(*) FROM entity WHERE etype='Assignment' AND "
            "json_extract(data, '$.office') = 'Kanel Employment Office'"
        ).fetchone()[0]
    assert len(assignments) == in_office


def test_more_than_500_ops_is_refused_whole(counselor):
    ops = [op("Note", new_id(), "M-0000001", {"text": "x"}, "create") for _ in range(501)]
    r = counselor.post("/registry/sync/update", envelope("update", {"transaction_id": "t", "update_request": ops}))
    assert "rjct.total_count.limit_exceeded" in assert_err(r, 400, "err.request.bad")["error"]["message"]


def test_update_reply_is_a_dci_callback_envelope(counselor, social_spec, counselor_members):
    r = counselor.post(
        "/ess/sync/update",
        envelope(
            "update",
            {
                "transaction_id": "t",
                "update_request": [
                    op(
                        "ServiceRecord",
                        new_id(),
                        counselor_members[0],
                        {"service_type": "job_search", "provided_on": "2026-11-19"},
                        "create",
                    )
                ],
            },
        ),
    )
    assert_valid(social_spec.component("MsgCallbackHeader_V1.0.0"), r.json()["header"])
    assert r.json()["header"]["action"] == "on-update"


def test_synced_update_becomes_a_review_whose_outcome_returns_to_the_author(login, shared_members):
    counselor, supervisor = login("counselor"), login("supervisor")
    member = shared_members[0]
    record = new_id()
    counselor.push(
        "ess",
        [op("ServiceRecord", record, member, {"service_type": "job_placement", "provided_on": "2026-11-18"}, "create")],
    )
    review = next(
        r for r in supervisor.pull_all("ess") if r["entity_type"] == "Review" and r["data"]["entity_id"] == record
    )
    assert review["data"]["outcome"] == "pending" and review["data"]["author"] == "counselor"
    [refused] = counselor.push(
        "ess", [op("Review", review["entity_id"], member, {"outcome": "approved"}, base_version=1)]
    )
    assert refused["status_reason_code"] == "rjct.forbidden"
    [decided] = supervisor.push(
        "ess",
        [
            op(
                "Review",
                review["entity_id"],
                member,
                {"outcome": "returned", "comment": "Add the employer"},
                base_version=1,
            )
        ],
    )
    assert decided["status"] == "succ"
    mine = next(r for r in counselor.pull_all("ess") if r["entity_id"] == review["entity_id"])
    assert (mine["data"]["outcome"], mine["data"]["comment"]) == ("returned", "Add the employer")


def test_gateway_records_delivery_status_on_the_message(login, system, counselor_members):
    counselor = login("counselor")
    message = new_id()
    [answer] = counselor.push(
        "ess",
        [
            op(
                "OutreachMessage",
                message,
                counselor_members[0],
                {
                    "channel": "sms",
                    "programme_id": "PRG-TVET",
                    "template": "programme_alert",
                    "text": "New course",
                    "phone_number": "+221771234567",
                },
                "create",
            )
        ],
    )
    assert answer["status"] == "succ"

    def status():
        return next(r for r in counselor.pull_all("ess") if r["entity_id"] == message)["data"]["delivery_status"]

    assert status() == "queued"
    system.post("/admin/gateway/advance", {})
    assert status() == "sent"
    system.post("/admin/gateway/advance", {})
    assert status() in ("delivered", "failed")


def test_enrollment_feedback_reaches_the_sr_member(login, system, counselor_members):
    counselor = login("counselor")
    member = counselor_members[4]
    counselor.push(
        "ess",
        [
            op(
                "Enrollment",
                new_id(),
                member,
                {"programme_id": "PRG-APPR", "enrollment_date": "2026-11-10", "enrollment_status": "Active"},
                "create",
            )
        ],
    )
    r = system.post("/admin/feedback/run", {})
    assert r.status_code == 200 and r.json()["sent"] >= 1
    sr_member = system.search(
        "registry", {"query_type": "idtype-value", "query": {"type": "MEMBER_ID", "value": member}}
    )
    record = sr_member.json()["message"]["search_response"][0]["data"]["reg_records"][0]
    assert {
        "name": "ess_enrolment",
        "value": {"programme_id": "PRG-APPR", "enrollment_status": "Active", "enrollment_date": "2026-11-10"},
    } in record["additional_attributes"]
    pulled = next(r for r in counselor.pull_all("registry") if r["entity_id"] == member)
    assert pulled["version"] >= 2
    assert system.post("/admin/feedback/run", {}).json()["sent"] == 0


def test_push_replies_and_pull_pages_follow_the_field_update_openapi(login, shared_members):
    from pathlib import Path

    from sandbox.dci import Spec

    spec = Spec(Path(__import__("sandbox").__file__).parent / "fielddesk_sync_api.yaml")
    counselor, caseworker = login("counselor"), login("caseworker")
    member = shared_members[1]
    item_id = new_id()
    counselor.push("ess", [op("PlanItem", item_id, member, item_for(member, due_date="2026-12-01"), "create")])
    counselor.push("ess", [op("PlanItem", item_id, member, {"due_date": "2026-12-02"}, base_version=1)])
    body = envelope(
        "update",
        {
            "transaction_id": "t",
            "update_request": [
                op("PlanItem", item_id, member, {"due_date": "2026-12-09"}, base_version=1),
                op("PlanItem", new_id(), member, {"status": "done"}, base_version=1),
            ],
        },
    )
    assert_valid(spec.request_body("/ess/sync/update"), body)
    reply = caseworker.post("/ess/sync/update", body).json()
    assert_valid(spec.response_body("/ess/sync/update"), reply)
    assert [a.get("status_reason_code") for a in reply["message"]["update_response"]] == [
        "rjct.conflict",
        "rjct.not_found",
    ]
    assert_valid(spec.component("PullData"), counselor.pull("ess", size=50)["data"])
    assert_valid(spec.component("PullSearchCriteria"), pull_criteria("ess", 0, 50, "e-1"))


def test_a_device_s_second_edit_on_the_same_base_supersedes_its_first(login, shared_members):
    counselor = login("counselor")
    member = shared_members[2]
    item_id = new_id()
    counselor.push("ess", [op("PlanItem", item_id, member, item_for(member), "create")])
    counselor.push("ess", [op("PlanItem", item_id, member, {"status": "in_progress"}, base_version=1)])
    [second] = counselor.push("ess", [op("PlanItem", item_id, member, {"status": "done"}, base_version=1)])
    assert (second["status"], second["data"]["version"]) == ("succ", 3)
    [other_device] = login("counselor").push(
        "ess", [op("PlanItem", item_id, member, {"status": "dropped"}, base_version=1)]
    )
    assert other_device["status_reason_code"] == "rjct.conflict"
