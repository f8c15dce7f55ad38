"""Three devices, one sandbox, random interleavings of edits, appends, syncs, partitions, crashes
and duplicated deliveries. After healing and syncing: every replica equal (to each other and to
the server), and every acknowledged op applied or in the conflict inbox — nothing lost, nothing
applied twice.
"""

from __future__ import annotations

import json
import signal

import pytest
import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from desktop.store import outbox

from .conftest import server_entity
from .helpers import HookedSession, plan_item, service_record
from .test_crash import _crash

FIELDS = {
    "status": ["planned", "in_progress", "done", "dropped"],
    "actions": ["call the employer", "book training", "prepare a CV", "visit the office"],
    "due_date": ["2099-01-01", "2099-06-30", "2099-12-31"],
}
DEAD_URL = "http://127.0.0.1:9"  # nothing listens on the discard port: a partition


@pytest.mark.slow
def test_replicas_converge_and_no_acknowledged_op_is_lost(sandbox, make_client):
    class Machine(SyncMachine):
        pass

    Machine.sandbox = sandbox
    Machine.make_client = staticmethod(make_client)
    Machine.TestCase.settings = settings(
        max_examples=8, stateful_step_count=30, deadline=None, suppress_health_check=list(HealthCheck)
    )
    Machine.TestCase().runTest()


class SyncMachine(RuleBasedStateMachine):
    sandbox = None
    make_client = None

    @initialize()
    def devices(self):
        # two devices of the same counselor, and the case manager of the same area
        self.clients = [
            self.make_client(self.sandbox, "counselor"),
            self.make_client(self.sandbox, "counselor"),
            self.make_client(self.sandbox, "caseworker"),
        ]
        shared = sorted(self.clients[0].member_ids() & self.clients[2].member_ids())
        self.members = shared[:3]
        self.partitioned = [False, False, False]
        self.last_push: list[tuple[str, bytes, dict] | None] = [None, None, None]
        # the plan items everyone works on, known to every device before the games begin
        self.items = [self.clients[0].cases.add_plan_item(plan_item(m, "shared goal")) for m in self.members[:2]]
        for client in self.clients * 2:
            assert client.sync().ok

    # --- rules ---------------------------------------------------------------------------

    @rule(who=st.integers(0, 2), item=st.integers(0, 1), field=st.sampled_from(sorted(FIELDS)), data=st.data())
    def edit(self, who, item, field, data):
        value = data.draw(st.sampled_from(FIELDS[field]))
        self.clients[who].cases.update("PlanItem", self.items[item], {field: value})

    @rule(who=st.integers(0, 2), member=st.integers(0, 2))
    def append(self, who, member):
        self.clients[who].cases.create(service_record(self.members[member], f"by device {who}"))

    @rule(who=st.integers(0, 2))
    def sync(self, who):
        client = self.clients[who]
        client.point_at(DEAD_URL if self.partitioned[who] else self.sandbox.url)

        def keep(request):
            # only what can reach the server can be delivered twice by the network
            if request.url.endswith("/sync/update") and not self.partitioned[who]:
                self.last_push[who] = (request.url, request.body, dict(request.headers))

        report = client.sync(session_factory=lambda: HookedSession(before=keep))
        client.point_at(self.sandbox.url)
        assert report.ok or self.partitioned[who], report.errors

    @rule(who=st.integers(0, 2))
    def partition(self, who):
        self.partitioned[who] = not self.partitioned[who]

    @precondition(lambda self: any(not p for p in self.partitioned))
    @rule(who=st.integers(0, 2))
    def crash(self, who):
        """SIGKILL right after the server answered the device's first push of a sync."""
        if self.partitioned[who]:
            return
        result = _crash(self.clients[who], "/sync/update", 1, page_size=100)
        assert result.returncode in (0, -signal.SIGKILL), result.stderr

    @rule(who=st.integers(0, 2))
    def duplicate(self, who):
        """The network delivers the device's last push a second time."""
        sent = self.last_push[who]
        if sent is None:
            return
        url, body, headers = sent
        requests.post(
            url,
            data=body,
            headers={"Authorization": headers["Authorization"], "Content-Type": "application/json"},
            timeout=10,
        )

    @rule(who=st.integers(0, 2), choice=st.sampled_from(["mine", "theirs"]))
    def resolve(self, who, choice):
        client = self.clients[who]
        open_ = sorted(k[1] for k, c in client.records("Conflict").items() if c.get("status") == "open")
        if open_:
            client.cases.resolve_conflict(open_[0], choice)

    # --- the invariant, after healing ----------------------------------------------------

    def teardown(self):
        if not getattr(self, "clients", None):
            return
        for _ in range(3):
            for client in self.clients:
                client.point_at(self.sandbox.url)
                assert client.sync().ok
        self._replicas_equal()
        self._acknowledged_ops_applied_or_in_conflict()

    def _shared(self, client) -> dict:
        return {k: v for k, v in client.records().items() if v.get("member_id") in self.members or k[0] == "Programme"}

    def _replicas_equal(self):
        first = self._shared(self.clients[0])
        for client in self.clients[1:]:
            assert self._shared(client) == first
        for (kind, eid), data in first.items():
            _version, server = server_entity(self.sandbox, kind, eid)
            assert {k: v for k, v in data.items() if k != "member_id"} == {
                k: v for k, v in server.items() if k != "member_id"
            }, (kind, eid)
        for client in self.clients:
            assert not client.ops("pending") and not client.ops("inflight") and not client.ops("rejected")

    def _acknowledged_ops_applied_or_in_conflict(self):
        for client in self.clients:
            for state in ("acked", "conflict"):
                for op in outbox.ops_in_state(client.store, state, limit=10**6):
                    result = json.loads(client.rows("SELECT result FROM outbox WHERE op_id = ?", op.op_id)[0][0])
                    self._check_op(op, result)

    def _check_op(self, op, result):
        found = server_entity(self.sandbox, op.entity_type, op.entity_id)
        assert found is not None, op
        _version_now, server = found
        at = (result.get("data") or {}).get("version")
        conflicted = {c["field"]: c for c in (result.get("data") or {}).get("conflicts", [])}
        fields = self._field_versions(op.entity_type, op.entity_id)
        for name, value in op.patch.items():
            if name == "member_id":
                continue
            if name in conflicted:  # in the conflict inbox, with this op's value
                conflict = server_entity(self.sandbox, "Conflict", conflicted[name]["conflict_id"])
                assert conflict is not None and conflict[1]["your_value"] == value, (op, name)
                continue
            if op.entity_type in ("PlanItem", "Plan", "Conflict") and name in fields:
                changed_at = fields[name][0]
                # applied: still the value, or overwritten by a later accepted change
                assert server.get(name) == value or changed_at > at, (op, name, server.get(name), value)
            else:
                assert server.get(name) == value, (op, name)

    def _field_versions(self, entity_type, entity_id) -> dict:
        store = self.sandbox.services.ess.store
        with store.db.read() as c:
            row = c.execute(
                "SELECT fields FROM entity WHERE etype = ? AND eid = ?", (entity_type, entity_id)
            ).fetchone()
        return json.loads(row[0]) if row and row[0] else {}
