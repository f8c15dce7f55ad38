"""Whatever arrives, the answer is a DCI reply or a DCI ERR envelope: never a 500, never a change."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import envelope

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)
criteria = st.fixed_dictionaries(
    {},
    optional={
        "query_type": st.sampled_from(["idtype-value", "expression", "predicate", "graphql"]) | json_values,
        "query": json_values,
        "sort": json_values,
        "pagination": json_values,
        "reg_type": json_values,
        "reg_record_type": st.sampled_from(["Member", "Group", "fielddesk:Change"]) | json_values,
    },
)
ops = st.fixed_dictionaries(
    {},
    optional={
        "reference_id": st.text(max_size=8) | json_values,
        "entity_type": st.sampled_from(["PlanItem", "Note", "Member"]),
        "entity_id": st.text(max_size=8),
        "member_id": st.sampled_from(["M-0000001", "M-0000054"]) | json_values,
        "op": st.sampled_from(["create", "patch"]) | json_values,
        "base_version": json_values,
        "patch": json_values,
    },
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(items=st.lists(criteria, max_size=3))
def test_fuzzed_searches_never_fail_or_change_anything(sandbox, counselor, items):
    before = sandbox.services.sr.store.max_seq
    body = envelope(
        "search",
        {
            "transaction_id": "t",
            "search_request": [
                {"reference_id": f"r{i}", "timestamp": "2026-11-22T10:00:00.000Z", "search_criteria": c}
                for i, c in enumerate(items)
            ],
        },
    )
    r = counselor.post("/registry/sync/search", body)
    assert r.status_code in (200, 400), r.text
    assert sandbox.services.sr.store.max_seq == before


@FUZZ
@given(items=st.lists(ops, max_size=3))
def test_fuzzed_pushes_never_fail(sandbox, counselor, items):
    r = counselor.post("/ess/sync/update", envelope("update", {"transaction_id": "t", "update_request": items}))
    assert r.status_code in (200, 400), r.text
    if r.status_code == 200:
        assert len(r.json()["message"]["update_response"]) == len(items)


@FUZZ
@given(body=json_values)
def test_arbitrary_json_bodies_get_a_dci_answer(sandbox, counselor, body):
    for path in ("/registry/sync/search", "/ess/sync/update", "/ess/sync/check-enrollment", "/registry/subscribe"):
        r = counselor.post(path, raw=json.dumps(body).encode())
        assert r.status_code == 400 and r.json()["message"]["ack_status"] == "ERR", r.text
