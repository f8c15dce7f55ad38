"""Push, pull and idempotency against the sandbox."""

from __future__ import annotations

import json

import requests

from desktop.store import outbox
from desktop.sync.transport import RetryPolicy

from .conftest import admin, server_entity, server_state
from .helpers import HookedSession, plan_item, service_record
from .proxy import PORTAL_PAGE, Fault, FaultProxy, unavailable


def _first_members(client, n: int = 1) -> list[str]:
    return sorted(client.member_ids())[:n]


def test_first_sync_brings_assigned_members_households_and_programmes(sandbox, make_client):
    client = make_client(sandbox)
    members = client.member_ids()
    assert members
    households = client.rows("SELECT count(*) FROM households")[0][0]
    assert households > 0
    assert len(client.records("Programme")) == 6
    # every assigned member has its SR record too (name, household)
    assert not client.rows("SELECT id FROM members WHERE assigned = 1 AND sr_version = 0")


def test_pushed_ops_are_acknowledged_and_come_back_unchanged_from_the_pull(sandbox, make_client):
    client = make_client(sandbox)
    member = _first_members(client)[0]
    record_id = client.cases.create(service_record(member, "first visit"))
    report = client.sync()
    assert report.ok, report.errors
    assert report.pushed["ESS"]["acked"] == 1
    assert [op[1] for op in client.ops()] == ["acked"]
    version, data = server_entity(sandbox, "ServiceRecord", record_id)
    assert version == 1 and data["description"] == "first visit"
    assert client.records("ServiceRecord")[("ServiceRecord", record_id)]["description"] == "first visit"


def test_every_request_delivered_twice_leaves_server_state_unchanged(sandbox, make_client):
    client = make_client(sandbox)
    members = _first_members(client, 3)
    for m in members:
        client.cases.create(service_record(m, "twice"))
    item = client.cases.add_plan_item(plan_item(members[0]))
    client.sync()
    client.cases.update("PlanItem", item, {"status": "in_progress"})

    sent: list[tuple[str, bytes, dict]] = []
    session = HookedSession(before=lambda req: sent.append((req.url, req.body, dict(req.headers))))
    report = client.sync(session_factory=lambda: session)
    assert report.ok, report.errors
    assert any("/sync/update" in url for url, _, _ in sent)
    before = server_state(sandbox)
    for url, body, headers in sent:  # the second delivery of every request of the run
        if "/oauth2/" in url:
            continue
        resp = requests.post(
            url, data=body, headers={"Authorization": headers["Authorization"], "Content-Type": "application/json"}
        )
        assert resp.status_code == 200
    assert server_state(sandbox) == before
    again = client.sync()
    assert again.pushed["ESS"] == {"acked": 0, "rejected": 0, "conflict": 0}


def test_duplicated_delivery_during_a_sync_gives_one_effect(sandbox, make_client):
    client = make_client(sandbox)
    member = _first_members(client)[0]
    record_id = client.cases.create(service_record(member, "dup"))

    class Twice(requests.Session):
        def send(self, request, **kw):
            super().send(request, **kw)
            return super().send(request, **kw)

    report = client.sync(session_factory=Twice)
    assert report.ok, report.errors
    assert server_entity(sandbox, "ServiceRecord", record_id)[0] == 1
    assert [op[1] for op in client.ops()] == ["acked"]


def test_lost_acknowledgement_gives_one_effect(sandbox, make_client):
    client = make_client(sandbox)
    item = client.cases.add_plan_item(plan_item(_first_members(client)[0], "lost ack"))
    client.sync()
    client.cases.update("PlanItem", item, {"status": "in_progress"})
    version_before = server_entity(sandbox, "PlanItem", item)[0]
    with FaultProxy(sandbox.port) as proxy:
        proxy.add(Fault(path="/sync/update", drop_reply=True))
        client.point_at(proxy.url)
        report = client.sync()
        assert proxy.faults[0].seen == 1  # the server got the push; its reply never arrived
    client.point_at(sandbox.url)
    assert report.ok, report.errors  # the retry with the same key got the stored answer
    version, data = server_entity(sandbox, "PlanItem", item)
    assert version == version_before + 1 and data["status"] == "in_progress"
    assert {op[1] for op in client.ops()} == {"acked"}


def test_same_key_with_a_different_payload_is_quarantined_and_the_queue_goes_on(sandbox, make_client):
    first, second = make_client(sandbox), make_client(sandbox)
    members = _first_members(first, 3)
    first.cases.create(service_record(members[0], "original"))
    first.sync()
    used_key = first.ops("acked")[0][0]
    reused = second.cases.create(service_record(members[1], "another payload"))
    after = second.cases.create(service_record(members[2], "next in queue"))
    with second.store.write() as conn:  # a device that reuses a key (a bug elsewhere, a cloned disk)
        conn.execute("UPDATE outbox SET op_id = ? WHERE entity_id = ?", (used_key, reused))
    report = second.sync()
    assert report.pushed["ESS"] == {"acked": 1, "rejected": 1, "conflict": 0}
    rejected = outbox.ops_in_state(second.store, "rejected")
    assert [(op.op_id, op.reason_code) for op in rejected] == [(used_key, "rjct.reference_id.duplicate")]
    assert server_entity(sandbox, "ServiceRecord", reused) is None
    assert server_entity(sandbox, "ServiceRecord", after) is not None
    assert report.state == "attention"


def test_one_rejected_of_a_hundred_leaves_ninety_nine_acknowledged(sandbox, make_client):
    client = make_client(sandbox)
    members = sorted(client.member_ids())
    ids = [client.cases.create(service_record(members[n % len(members)], f"visit {n}")) for n in range(99)]
    outsider = client.cases.create(service_record("M-NOT-ASSIGNED", "not mine"))  # out of scope
    report = client.sync(push_batch=30)
    assert report.pushed["ESS"] == {"acked": 99, "rejected": 1, "conflict": 0}
    assert all(server_entity(sandbox, "ServiceRecord", i) for i in ids)
    assert server_entity(sandbox, "ServiceRecord", outsider) is None
    (op,) = outbox.ops_in_state(client.store, "rejected")
    assert op.entity_id == outsider and op.reason_code == "rjct.forbidden" and op.reason_message
    assert client.records("ServiceRecord")[("ServiceRecord", outsider)]["description"] == "not mine"


def test_captive_portal_html_200_leaves_the_op_pending(sandbox, make_client):
    client = make_client(sandbox)
    record_id = client.cases.create(service_record(_first_members(client)[0], "behind a portal"))
    with FaultProxy(sandbox.port) as proxy:
        proxy.add(Fault(path="/", times=1000, reply=PORTAL_PAGE))
        client.point_at(proxy.url)
        report = client.sync()
    client.point_at(sandbox.url)
    assert not report.ok and report.state == "offline"
    assert any("login page" in e for e in report.errors)
    assert [op[1] for op in client.ops()] == ["pending"]
    assert server_entity(sandbox, "ServiceRecord", record_id) is None
    assert client.sync().ok
    assert [op[1] for op in client.ops()] == ["acked"]


def test_503_with_retry_after_is_honoured(sandbox, make_client):
    client = make_client(sandbox)
    record_id = client.cases.create(service_record(_first_members(client)[0], "busy server"))
    waits: list[float] = []
    with FaultProxy(sandbox.port) as proxy:
        proxy.add(Fault(path="/sync/update", times=2, reply=unavailable(7)))
        client.point_at(proxy.url)
        report = client.sync(sleep=waits.append, retry=RetryPolicy(attempts=4, base=0.01, cap=0.05, max_wait=60))
    client.point_at(sandbox.url)
    assert report.ok, report.errors
    assert waits[:2] == [7, 7]
    assert server_entity(sandbox, "ServiceRecord", record_id) is not None


def test_retry_after_longer_than_the_limit_ends_the_run_with_the_op_pending(sandbox, make_client):
    client = make_client(sandbox)
    client.cases.create(service_record(_first_members(client)[0], "come back tomorrow"))
    with FaultProxy(sandbox.port) as proxy:
        proxy.add(Fault(path="/sync/update", times=5, reply=unavailable(3600)))
        client.point_at(proxy.url)
        report = client.sync(sleep=lambda s: None)
    client.point_at(sandbox.url)
    assert report.state == "offline"
    assert [op[1] for op in client.ops()] == ["pending"]


def test_an_edit_during_an_in_flight_push_stays_pending(sandbox, make_client):
    client = make_client(sandbox)
    item = client.cases.add_plan_item(plan_item(_first_members(client)[0], "in flight"))
    client.sync()
    client.cases.update("PlanItem", item, {"status": "in_progress"})
    states_at_ack: list[str] = []

    def edit_while_sending(request):
        if request.url.endswith("/sync/update") and not states_at_ack:
            client.cases.update("PlanItem", item, {"status": "done", "actions": "signed contract"})
            states_at_ack.append("edited")

    session = HookedSession(before=edit_while_sending)
    engine = client.engine(session_factory=lambda: session, push_batch=1)

    def progress(phase, items, nbytes):
        if phase == "push ESS" and items == 1:  # the first op answered, the second waiting
            states_at_ack.append(client.ops()[-1][1])

    report = engine.run(progress)
    assert report.ok, report.errors
    assert states_at_ack[:2] == ["edited", "pending"]
    assert [op[1] for op in client.ops()][-2:] == ["acked", "acked"]
    _, data = server_entity(sandbox, "PlanItem", item)
    assert data["status"] == "done" and data["actions"] == "signed contract"
    assert client.records("PlanItem")[("PlanItem", item)]["status"] == "done"
    assert not client.records("Conflict")


def test_rejected_cursor_triggers_a_full_resync_that_keeps_pending_ops(fresh_sandbox, make_client):
    client = make_client(fresh_sandbox)
    members_before = client.member_ids()
    member = sorted(members_before)[0]
    record_id = client.cases.create(service_record(member, "kept through resync"))
    admin(fresh_sandbox, "/admin/sync/reset-epoch")
    report = client.engine().run(push=False)  # pull only: the pending op must survive the resync
    assert sorted(report.full_resync) == ["ESS", "SR"] and not report.errors
    assert client.member_ids() == members_before
    assert [op[1] for op in client.ops()] == ["pending"]
    assert client.records("ServiceRecord")[("ServiceRecord", record_id)]["description"] == "kept through resync"
    final = client.sync()
    assert final.ok and final.pushed["ESS"]["acked"] == 1


def test_a_drifted_replica_is_caught_by_the_count_check_and_repaired(sandbox, make_client):
    client = make_client(sandbox)
    victim = sorted(client.member_ids())[0]
    with client.store.write() as conn:  # a record lost behind the cursor's back
        conn.execute("DELETE FROM members WHERE id = ?", (victim,))
    report = client.sync()
    assert report.drift and report.full_resync, report
    assert victim in client.member_ids()


def test_clock_skew_over_five_minutes_is_reported(sandbox, make_client):
    import time

    client = make_client(sandbox)
    report = client.sync(now_ms=lambda: time.time_ns() // 1_000_000 - 20 * 60 * 1000)
    assert report.skew_reported and report.skew_ms > 19 * 60 * 1000
    assert report.state == "attention"
    assert any("clock" in w for w in report.warnings)
    assert not client.sync().skew_reported


def test_an_expired_access_token_is_refreshed_with_the_refresh_token(sandbox, make_client):
    client = make_client(sandbox)
    tokens = client.credentials.load()
    client.credentials.save({**tokens, "access_token": "expired.token.value"})
    report = client.sync()
    assert report.ok, report.errors
    renewed = client.credentials.load()
    assert renewed["access_token"] != "expired.token.value"
    assert renewed["refresh_token"] != tokens["refresh_token"]  # rotated


def test_a_refused_refresh_asks_for_a_new_sign_in_and_keeps_work(sandbox, make_client):
    client = make_client(sandbox)
    client.cases.create(service_record(_first_members(client)[0], "kept"))
    client.credentials.save({"access_token": "bad", "refresh_token": "unknown"})
    report = client.sync()
    assert report.auth_expired and report.state == "attention"
    assert [op[1] for op in client.ops()] == ["pending"]


def test_a_revoked_device_is_wiped(fresh_sandbox, make_client):
    client = make_client(fresh_sandbox)
    client.cases.create(service_record(_first_members(client)[0], "never sent"))
    admin(fresh_sandbox, f"/admin/devices/{client.profile.device_id}/revoke")
    root = client.store.path.parent
    report = client.engine().run()
    assert report.wiped and report.state == "attention"
    assert not root.exists()


def test_pulled_changes_never_overwrite_pending_local_edits(sandbox, make_client):
    mine, theirs = make_client(sandbox), make_client(sandbox)
    member = _first_members(mine)[0]
    item = mine.cases.add_plan_item(plan_item(member, "shared goal"))
    mine.sync()
    theirs.sync()
    theirs.cases.update("PlanItem", item, {"actions": "their actions"})
    theirs.sync()
    mine.cases.update("PlanItem", item, {"status": "in_progress"})
    # pull only (no push yet): their change arrives under my pending edit
    report = mine.engine().run(push=False)
    assert report.ok, report.errors
    data = mine.records("PlanItem")[("PlanItem", item)]
    assert data["actions"] == "their actions" and data["status"] == "in_progress"
    assert [op[1] for op in mine.ops()][-1] == "pending"
    assert mine.sync().ok
    _, server = server_entity(sandbox, "PlanItem", item)
    assert server["actions"] == "their actions" and server["status"] == "in_progress"


def test_status_counts_reflect_the_outbox(sandbox, make_client):
    client = make_client(sandbox)
    client.cases.create(service_record(_first_members(client)[0], "counted"))
    counts = outbox.status_counts(client.store)
    assert counts["pending"] == 1 and counts["assigned"] == len(client.member_ids())
    client.sync()
    assert outbox.status_counts(client.store)["pending"] == 0
    assert json.dumps(counts)


def _forged(action: str, key: str) -> bytes:
    """A reply in the DCI shape that answers some other transaction."""
    body = json.dumps(
        {
            "header": {
                "version": "1.0.0",
                "message_id": "x",
                "message_ts": "2026-01-01T00:00:00.000Z",
                "action": action,
                "status": "succ",
            },
            "message": {"transaction_id": "someone-else", key: []},
        }
    ).encode()
    from .proxy import http_reply

    return http_reply("200 OK", body, "application/json")


def test_an_off_protocol_pull_reply_applies_nothing(sandbox, make_client):
    client = make_client(sandbox)
    before = client.rows("SELECT destination, cursor, epoch FROM sync_state ORDER BY destination")
    members = client.member_ids()
    with FaultProxy(sandbox.port) as proxy:
        proxy.add(Fault(path="/sync/search", times=10, reply=_forged("on-search", "search_response")))
        client.point_at(proxy.url)
        report = client.sync()
    client.point_at(sandbox.url)
    assert report.state == "attention" and any("does not follow the protocol" in e for e in report.errors)
    assert client.rows("SELECT destination, cursor, epoch FROM sync_state ORDER BY destination") == before
    assert client.member_ids() == members


def test_an_off_protocol_push_reply_leaves_the_ops_pending(sandbox, make_client):
    client = make_client(sandbox)
    client.cases.create(service_record(_first_members(client)[0], "answered by a stranger"))
    with FaultProxy(sandbox.port) as proxy:
        proxy.add(Fault(path="/sync/update", times=10, reply=_forged("on-update", "update_response")))
        client.point_at(proxy.url)
        report = client.sync()
    client.point_at(sandbox.url)
    assert not report.ok
    assert [op[1] for op in client.ops()] == ["pending"]


def test_a_change_racing_the_count_check_does_not_force_a_full_resync(sandbox, make_client):
    mine, theirs = make_client(sandbox), make_client(sandbox)
    item = theirs.cases.add_plan_item(plan_item(_first_members(theirs)[0], "raced"))
    theirs.sync()
    mine.sync()
    raced = []

    def edit_before_the_count(request):
        if "/ess/" in request.url and b'"operator":"le"' in (request.body or b"") and not raced:
            raced.append(True)  # someone else's change lands between my last page and my count
            theirs.cases.update("PlanItem", item, {"actions": "changed meanwhile"})
            assert theirs.sync().ok

    report = mine.sync(session_factory=lambda: HookedSession(before=edit_before_the_count))
    assert raced and report.ok, report.errors
    assert not report.full_resync and not report.drift
    assert mine.records("PlanItem")[("PlanItem", item)]["actions"] == "changed meanwhile"
