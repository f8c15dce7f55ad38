"""A full sync through a hostile link still converges, with nothing lost and nothing doubled."""

from __future__ import annotations

import pytest

from desktop.sync.transport import RetryPolicy, Timeouts

from .conftest import server_entity
from .helpers import plan_item, service_record
from .proxy import Fault, FaultProxy, Link
from .test_crash import _snapshot

PATIENT = RetryPolicy(attempts=8, base=0.01, cap=0.05, max_wait=5)


@pytest.mark.slow
def test_full_sync_converges_under_latency_bandwidth_cap_resets_and_hangs(sandbox, make_client):
    reference = make_client(sandbox)
    client = make_client(sandbox, sync=False)
    with FaultProxy(sandbox.port, link=Link(latency_s=0.002, bytes_per_s=2_000_000, chunk=4096)) as proxy:
        client.point_at(proxy.url)
        proxy.add(Fault(path="/registry/sync/search", times=2, reset_after=700))
        proxy.add(Fault(path="/ess/sync/search", times=1, hang=True, hang_s=5))
        proxy.add(Fault(path="/ess/sync/search", times=1, reset_after=0))
        proxy.add(Fault(path="/ess/sync/search", times=1, drop_reply=True))
        report = client.sync(retry=PATIENT, timeouts=Timeouts(connect=1, read=1), page_size=50)
        assert report.ok, report.errors
        assert all(f.times == 0 for f in proxy.faults)  # every fault was met
    client.point_at(sandbox.url)
    assert _snapshot(client) == _snapshot(reference)


@pytest.mark.slow
def test_pushes_through_a_resetting_link_apply_once(sandbox, make_client):
    client = make_client(sandbox)
    members = sorted(client.member_ids())[60:70]
    items = [client.cases.add_plan_item(plan_item(m, "flaky link")) for m in members]
    client.sync()
    for i in items:
        client.cases.update("PlanItem", i, {"status": "done"})
    records = [client.cases.create(service_record(m, "over a bad link")) for m in members]
    with FaultProxy(sandbox.port, link=Link(latency_s=0.001, bytes_per_s=500_000, chunk=2048)) as proxy:
        client.point_at(proxy.url)
        proxy.add(Fault(path="/ess/sync/update", times=2, reset_after=300))
        proxy.add(Fault(path="/ess/sync/update", times=1, drop_reply=True))
        proxy.add(Fault(path="/ess/sync/update", times=1, hang=True, hang_s=5))
        report = client.sync(retry=PATIENT, timeouts=Timeouts(connect=1, read=1), push_batch=5)
        assert report.ok, report.errors
    client.point_at(sandbox.url)
    assert {op[1] for op in client.ops()} == {"acked"}
    assert all(server_entity(sandbox, "PlanItem", i)[0] == 2 for i in items)
    assert all(server_entity(sandbox, "ServiceRecord", r)[0] == 1 for r in records)
