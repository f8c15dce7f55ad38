"""Strict parsing: a reply off the protocol is an error, and the caller applies nothing from it.

These feed the parser replies a broken or hostile server might send; the well-formed replies
are covered end to end against the sandbox.
"""

from __future__ import annotations

import copy

import pytest

from desktop.sync import envelope
from desktop.sync.envelope import CursorRejected, ProtocolError

RECORD = {
    "entity_type": "Member",
    "entity_id": "M-1",
    "version": 1,
    "sync_seq": 11,
    "deleted": False,
    "member_id": "M-1",
    "data": {"household_id": "H-1"},
}


def _search_reply(request: dict, records: list, **item) -> dict:
    sent = request["message"]["search_request"][0]
    return {
        "header": {
            "version": "1.0.0",
            "message_id": "m",
            "message_ts": "2026-01-01T00:00:00.000Z",
            "action": "on-search",
            "status": "succ",
            "total_count": 1,
            "completed_count": 1,
        },
        "message": {
            "transaction_id": request["message"]["transaction_id"],
            "correlation_id": "c",
            "search_response": [
                {
                    "reference_id": sent["reference_id"],
                    "timestamp": "2026-01-01T00:00:00Z",
                    "status": "succ",
                    "data": {
                        "reg_record_type": "fielddesk:Change",
                        "reg_records": records,
                        "sync_epoch": "e-1",
                        "max_sync_seq": 50,
                    },
                    "pagination": {"page_size": 100, "page_number": 1, "total_count": len(records)},
                    **item,
                }
            ],
        },
    }


@pytest.fixture
def request_():
    return envelope.search_request("SR", "device-x", 10, "e-1", 100)


def test_a_well_formed_page_parses(request_):
    page = envelope.parse_search_response(_search_reply(request_, [RECORD]), request_)
    assert page.last_seq == 11 and page.epoch == "e-1"


@pytest.mark.parametrize(
    "breakage",
    [
        lambda r: r.pop("header"),
        lambda r: r["header"].update(action="on-update"),
        lambda r: r["header"].update(message_ts="yesterday"),
        lambda r: r["message"].update(transaction_id="another"),
        lambda r: r["message"]["search_response"][0].update(reference_id="another"),
        lambda r: r["message"]["search_response"].append(copy.deepcopy(r["message"]["search_response"][0])),
        lambda r: r["message"].update(search_response=[]),
        lambda r: r["message"]["search_response"][0].update(status="maybe"),
        lambda r: r["message"]["search_response"][0]["data"].update(reg_record_type="SRPerson"),
        lambda r: r["message"]["search_response"][0]["data"].pop("sync_epoch"),
        lambda r: r["message"]["search_response"][0]["data"]["reg_records"][0].update(sync_seq=10),
        lambda r: r["message"]["search_response"][0]["data"]["reg_records"][0].update(sync_seq=51),
        lambda r: r["message"]["search_response"][0]["data"]["reg_records"][0].update(version=0),
        lambda r: r["message"]["search_response"][0]["data"]["reg_records"][0].update(data="x"),
        lambda r: r["message"]["search_response"][0]["data"]["reg_records"][0].update(surprise=1),
        lambda r: r["message"]["search_response"][0]["data"]["reg_records"].append(dict(RECORD)),  # seq not rising
        lambda r: r["message"]["search_response"][0]["pagination"].update(total_count=-1),
    ],
    ids=[
        "no header",
        "wrong action",
        "bad timestamp",
        "other transaction",
        "unknown reference",
        "two answers",
        "no answer",
        "unknown status",
        "wrong record type",
        "no epoch",
        "record at the cursor",
        "record past max",
        "version 0",
        "data not object",
        "unknown field",
        "sequence not rising",
        "negative total",
    ],
)
def test_an_off_spec_search_reply_is_a_protocol_error(request_, breakage):
    reply = _search_reply(request_, [RECORD])
    breakage(reply)
    with pytest.raises(ProtocolError):
        envelope.parse_search_response(reply, request_)


def test_a_refused_cursor_is_told_apart(request_):
    reply = _search_reply(
        request_,
        [],
        status="rjct",
        status_reason_code="rjct.filter.invalid",
        status_reason_message="cursor: epoch e-1 is not current",
    )
    with pytest.raises(CursorRejected):
        envelope.parse_search_response(reply, request_)


def test_an_update_reply_must_answer_every_op_exactly_once():
    from desktop.store.outbox import Op

    ops = [
        Op(
            seq=n,
            op_id=f"op-{n}",
            destination="ESS",
            entity_type="ServiceRecord",
            entity_id=f"e-{n}",
            member_id="M-1",
            op="create",
            patch={"x": n},
            base_version=None,
            hlc="h",
            author="a",
            role="r",
            device_id="d",
            created_at="t",
        )
        for n in range(3)
    ]
    request = envelope.update_request("ESS", "device-x", ops)
    items = [
        {
            "reference_id": f"op-{n}",
            "timestamp": "2026-01-01T00:00:00Z",
            "status": "succ",
            "data": {"entity_type": "ServiceRecord", "entity_id": f"e-{n}", "version": 1, "sync_seq": 5 + n},
        }
        for n in range(3)
    ]
    reply = {
        "header": {"message_id": "m", "message_ts": "2026-01-01T00:00:00Z", "action": "on-update", "status": "succ"},
        "message": {"transaction_id": request["message"]["transaction_id"], "update_response": items},
    }
    assert [r.status for r in envelope.parse_update_response(reply, request).results] == ["succ"] * 3
    for broken in (
        items[:2],
        [*items, items[0]],
        [dict(items[0], data={**items[0]["data"], "entity_id": "other"}), *items[1:]],
        [dict(items[0], status="rjct"), *items[1:]],
    ):
        with pytest.raises(ProtocolError):
            envelope.parse_update_response(
                {**reply, "message": {**reply["message"], "update_response": broken}}, request
            )
