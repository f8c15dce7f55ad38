"""The client killed with SIGKILL mid-pull or mid-push resumes with no gap and no duplicate."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.profile import unlock_store

from .conftest import PASSPHRASE, server_entity
from .helpers import plan_item, service_record

CRASH_CLIENT = Path(__file__).with_name("crash_client.py")


def _crash(client, path_part: str, k: int, page_size: int = 20) -> subprocess.CompletedProcess:
    """Run a sync of ``client``'s profile in a child that SIGKILLs itself at the k-th reply."""
    client.store.close()
    result = subprocess.run(
        [
            sys.executable,
            str(CRASH_CLIENT),
            str(client.data_dir),
            client.profile.profile_id,
            PASSPHRASE,
            path_part,
            str(k),
            str(page_size),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    client.store = unlock_store(client.data_dir, client.profile, PASSPHRASE)
    return result


def _snapshot(client) -> tuple:
    members = client.rows("SELECT id, sr_version, ess_version, assigned, given_name FROM members ORDER BY id")
    households = client.rows("SELECT id, version FROM households ORDER BY id")
    records = client.rows(
        "SELECT entity_type, id, version, data FROM records WHERE version > 0 ORDER BY entity_type, id"
    )
    fts = client.rows("SELECT count(*) FROM member_fts")
    return members, households, records, fts


@pytest.mark.slow
@pytest.mark.parametrize("page", [2, 5, 9])
def test_killed_during_pull_page_k_resumes_with_no_gap_and_no_duplicate(sandbox, make_client, page):
    client = make_client(sandbox, sync=False)
    result = _crash(client, "/sync/search", page)
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    assert "FINISHED" not in result.stdout
    assert client.sync().ok
    reference = make_client(sandbox)  # a device that was never interrupted
    assert _snapshot(client) == _snapshot(reference)
    assert client.rows("SELECT cursor FROM sync_state ORDER BY destination") == reference.rows(
        "SELECT cursor FROM sync_state ORDER BY destination"
    )


@pytest.mark.slow
def test_killed_during_a_push_resumes_with_one_effect_per_op(sandbox, make_client):
    client = make_client(sandbox)
    members = sorted(client.member_ids())[40:50]
    items = [client.cases.add_plan_item(plan_item(m, "crash test")) for m in members]
    assert client.sync().ok
    versions = {i: server_entity(sandbox, "PlanItem", i)[0] for i in items}
    for i in items:
        client.cases.update("PlanItem", i, {"status": "in_progress"})
    records = [client.cases.create(service_record(m, "crash visit")) for m in members]

    result = _crash(client, "/sync/update", 1)
    assert result.returncode == -signal.SIGKILL, result.stdout + result.stderr
    # the server took the whole batch; the client died before recording any answer
    assert all(server_entity(sandbox, "PlanItem", i)[0] == versions[i] + 1 for i in items)
    assert {op[1] for op in client.ops()} >= {"inflight"}

    report = client.sync()
    assert report.ok, report.errors
    assert {op[1] for op in client.ops()} == {"acked"}
    for i in items:
        version, data = server_entity(sandbox, "PlanItem", i)
        assert version == versions[i] + 1 and data["status"] == "in_progress"  # applied once
        assert client.records("PlanItem")[("PlanItem", i)]["status"] == "in_progress"
    assert all(server_entity(sandbox, "ServiceRecord", r)[0] == 1 for r in records)
    assert not client.records("Conflict")
