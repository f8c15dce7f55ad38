"""The DCI endpoints of the SR and the ESS: valid requests answered per spec, bad ones refused."""

from __future__ import annotations

import json

import pytest

from .conftest import TS, assert_err, assert_valid, envelope, new_id

MEMBER = {"query_type": "predicate", "reg_record_type": "Member"}


def sr_reply(social_spec, response) -> dict:
    assert response.status_code == 200, response.text
    assert_valid(social_spec.response_body("/registry/sync/search"), response.json())
    return response.json()["message"]["search_response"][0]


def test_idtype_value_search_finds_member_by_uin(social_spec, system):
    reply = sr_reply(
        social_spec,
        system.search("registry", {"query_type": "idtype-value", "query": {"type": "UIN", "value": "0000079194"}}),
    )
    assert reply["status"] == "succ"
    [record] = reply["data"]["reg_records"]
    assert record["@type"] == "Member" and record["member_identifier"][0]["identifier_value"] == "0000079194"
    assert record["demographic_info"]["name"]["given_name"]


def test_predicate_search_filters_and_sorts(social_spec, system):
    reply = sr_reply(
        social_spec,
        system.search(
            "registry",
            {
                **MEMBER,
                "query": [
                    {
                        "seq_num": 1,
                        "expression1": {"attribute_name": "age", "operator": "ge", "attribute_value": "30"},
                        "condition": "and",
                        "expression2": {"attribute_name": "sex", "operator": "eq", "attribute_value": "female"},
                    }
                ],
                "sort": [{"attribute_name": "birth_date", "sort_order": "desc"}],
                "pagination": {"page_size": 50},
            },
        ),
    )
    records = reply["data"]["reg_records"]
    assert records and all(r["demographic_info"]["sex"] == "female" for r in records)
    births = [r["demographic_info"]["birth_date"] for r in records]
    assert births == sorted(births, reverse=True)


def test_osp_predicate_on_age_and_household_poverty_score_is_answered(social_spec, system):
    reply = sr_reply(
        social_spec,
        system.search(
            "registry",
            {
                **MEMBER,
                "query": [
                    {
                        "seq_num": 1,
                        "expression1": {"attribute_name": "age", "operator": "lt", "attribute_value": "25"},
                        "condition": "and",
                        "expression2": {"attribute_name": "poverty_score", "operator": "lt", "attribute_value": "30"},
                    }
                ],
            },
        ),
    )
    assert reply["status"] == "succ" and reply["pagination"]["total_count"] > 0


def test_expression_search_on_group_collection(social_spec, system):
    reply = sr_reply(
        social_spec,
        system.search(
            "registry",
            {
                "query_type": "expression",
                "query": {
                    "type": "ns:org:QueryType:expression",
                    "value": {
                        "expression": {
                            "collection": "Group",
                            "query": {"$and": [{"poverty_score": {"$lt": 30}}, {"group_size": {"$gte": 3}}]},
                        }
                    },
                },
            },
        ),
    )
    records = reply["data"]["reg_records"]
    assert reply["data"]["reg_record_type"] == "Group" and records
    assert all(r["poverty_score"] < 30 and r["group_size"] >= 3 for r in records)


def test_pages_cover_all_matches_without_overlap(social_spec, system):
    def page(n):
        return sr_reply(
            social_spec,
            system.search(
                "registry",
                {
                    **MEMBER,
                    "query": [{"expression1": {"attribute_name": "sex", "operator": "eq", "attribute_value": "male"}}],
                    "pagination": {"page_size": 40, "page_number": n},
                },
            ),
        )

    first = page(1)
    total = first["pagination"]["total_count"]
    ids = [
        r["member_identifier"][0]["identifier_value"]
        for n in range(1, total // 40 + 2)
        for r in page(n)["data"]["reg_records"]
    ]
    assert len(ids) == len(set(ids)) == total


def test_in_operator_takes_a_list(social_spec, system):
    reply = sr_reply(
        social_spec,
        system.search(
            "registry",
            {
                **MEMBER,
                "query": [
                    {
                        "expression1": {
                            "attribute_name": "member_id",
                            "operator": "in",
                            "attribute_value": "M-0000001,M-0000002,M-0000003",
                        }
                    }
                ],
            },
        ),
    )
    assert reply["pagination"]["total_count"] == 3


@pytest.mark.parametrize(
    "pagination",
    [
        {"page_size": 0},
        {"page_size": -1},
        {"page_size": 5001},
        {"page_size": 10, "page_number": 0},
        {"page_size": 1.5},
        {"page_size": "ten"},
        {"page_number": 1},
    ],
)
def test_bad_page_sizes_are_rjct_pagination_invalid(social_spec, system, pagination):
    reply = sr_reply(
        social_spec,
        system.search(
            "registry",
            {
                **MEMBER,
                "pagination": pagination,
                "query": [{"expression1": {"attribute_name": "sex", "operator": "eq", "attribute_value": "male"}}],
            },
        ),
    )
    assert (reply["status"], reply["status_reason_code"]) == ("rjct", "rjct.pagination.invalid")


@pytest.mark.parametrize(
    ("criteria", "code"),
    [
        ({"query_type": "graphql", "query": {"type": "x", "value": {}}}, "rjct.search_criteria.invalid"),
        ({"query_type": "idtype-value", "query": {"type": "PASSPORT", "value": "1"}}, "rjct.search_criteria.invalid"),
        (
            {
                **MEMBER,
                "query": [{"expression1": {"attribute_name": "salary", "operator": "gt", "attribute_value": "1"}}],
            },
            "rjct.search_criteria.invalid",
        ),
        (
            {
                **MEMBER,
                "query": [{"expression1": {"attribute_name": "age", "operator": "gt", "attribute_value": "old"}}],
            },
            "rjct.search_criteria.invalid",
        ),
        (
            {
                **MEMBER,
                "query": [{"expression1": {"attribute_name": "age", "operator": "like", "attribute_value": "1"}}],
            },
            "rjct.search_criteria.invalid",
        ),
        ({**MEMBER, "reg_type": "ns:org:RegistryType:Civil", "query": []}, "rjct.search_criteria.invalid"),
        (
            {
                "query_type": "expression",
                "query": {"type": "t", "value": {"expression": {"collection": "Vehicles", "query": {}}}},
            },
            "rjct.search_criteria.invalid",
        ),
        (
            {
                **MEMBER,
                "query": [{"expression1": {"attribute_name": "age", "operator": "gt", "attribute_value": "1"}}],
                "sort": [{"attribute_name": "shoe_size", "sort_order": "asc"}],
            },
            "rjct.sort.invalid",
        ),
        (
            {
                **MEMBER,
                "query": [{"expression1": {"attribute_name": "age", "operator": "gt", "attribute_value": "1"}}],
                "sort": [{"attribute_name": "age", "sort_order": "sideways"}],
            },
            "rjct.sort.invalid",
        ),
        ({"query": {"type": "UIN", "value": "1"}}, "rjct.search_criteria.invalid"),
    ],
)
def test_bad_search_items_are_rejected_with_their_reason_code(social_spec, system, criteria, code):
    reply = sr_reply(social_spec, system.search("registry", criteria))
    assert (reply["status"], reply["status_reason_code"]) == ("rjct", code)


def test_one_bad_item_does_not_sink_the_batch(social_spec, system):
    r = system.search(
        "registry",
        [
            {"query_type": "idtype-value", "query": {"type": "UIN", "value": "0000079194"}},
            {
                "query_type": "idtype-value",
                "pagination": {"page_size": 0},
                "query": {"type": "UIN", "value": "0000079194"},
            },
        ],
    )
    assert_valid(social_spec.response_body("/registry/sync/search"), r.json())
    assert [i["status"] for i in r.json()["message"]["search_response"]] == ["succ", "rjct"]


@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"[]",
        b'"text"',
        b"\xff\xfe",
        b"",
        json.dumps({"header": "x", "message": {}}).encode(),
        json.dumps({"header": {"action": "search"}, "message": {}}).encode(),
        json.dumps(envelope("search", {"search_request": []})).encode(),
        json.dumps(envelope("search", {"transaction_id": 7, "search_request": []})).encode(),
        json.dumps(envelope("search", {"transaction_id": "t", "search_request": {}})).encode(),
        json.dumps(envelope("search", {"transaction_id": "t", "search_request": []}, total_count="one")).encode(),
        json.dumps(envelope("search", [])).encode(),
    ],
)
@pytest.mark.parametrize(
    "path",
    [
        "/registry/sync/search",
        "/ess/sync/search",
        "/registry/sync/update",
        "/ess/sync/update",
        "/registry/subscribe",
        "/registry/sync/txn/status",
    ],
)
def test_malformed_requests_get_the_err_envelope_and_change_nothing(sandbox, social_spec, counselor, raw, path):
    before = (sandbox.services.sr.store.max_seq, sandbox.services.ess.store.max_seq)
    response = counselor.post(path, raw=raw)
    assert_err(response, 400, "err.request.bad")
    assert_valid(social_spec.ack_body(), response.json())
    assert (sandbox.services.sr.store.max_seq, sandbox.services.ess.store.max_seq) == before


def test_wrong_action_is_refused_with_rjct_action_invalid(system):
    r = system.post("/registry/sync/search", envelope("subscribe", {"transaction_id": "t", "search_request": []}))
    assert "rjct.action.invalid" in assert_err(r, 400, "err.request.bad")["error"]["message"]


def test_encrypted_messages_are_refused(system):
    r = system.post(
        "/registry/sync/search",
        envelope("search", {"transaction_id": "t", "search_request": []}, is_msg_encrypted=True),
    )
    assert_err(r, 400, "err.encryption.invalid")


def test_unknown_path_is_dci_not_found(system):
    assert_err(system.post("/registry/nothing-here", {}), 404, "err.request.not_found")


def test_async_search_acks_and_posts_on_search_to_sender_uri(social_spec, system, receiver):
    body = envelope(
        "search",
        {
            "transaction_id": "tx-async",
            "search_request": [
                {
                    "reference_id": "r1",
                    "timestamp": TS,
                    "search_criteria": {"query_type": "idtype-value", "query": {"type": "UIN", "value": "0000079194"}},
                }
            ],
        },
        sender_uri=receiver.url + "/registry/on-search",
    )
    r = system.post("/registry/search", body)
    assert r.status_code == 200 and r.json()["message"]["ack_status"] == "ACK"
    assert_valid(social_spec.response_body("/registry/search"), r.json())
    path, callback = receiver.bodies.get(timeout=10)
    assert path == "/registry/on-search"
    assert_valid(social_spec.request_body("/registry/on-search"), callback)
    assert callback["message"]["search_response"][0]["data"]["reg_records"][0]["@type"] == "Member"


def test_async_search_without_sender_uri_is_refused(system):
    body = envelope("search", {"transaction_id": "t", "search_request": []})
    assert_err(system.post("/registry/search", body), 400, "err.sender_uri.invalid")


def test_txn_status_returns_the_earlier_search(social_spec, system, receiver):
    tid = new_id()
    system.post(
        "/registry/sync/search",
        envelope(
            "search",
            {
                "transaction_id": tid,
                "search_request": [
                    {
                        "reference_id": "r1",
                        "timestamp": TS,
                        "search_criteria": {
                            "query_type": "idtype-value",
                            "query": {"type": "UIN", "value": "0000079194"},
                        },
                    }
                ],
            },
        ),
    )
    status = envelope(
        "txn-status",
        {
            "transaction_id": new_id(),
            "txnstatus_request": {
                "reference_id": "s1",
                "txn_type": "search",
                "attribute_type": "transaction_id",
                "attribute_value": tid,
            },
        },
    )
    r = system.post("/registry/sync/txn/status", status)
    assert_valid(social_spec.response_body("/registry/sync/txn/status"), r.json())
    txn_status = r.json()["message"]["txnstatus_response"]["txn_status"]
    assert txn_status["transaction_id"] == tid and txn_status["search_response"][0]["status"] == "succ"
    async_reply = system.post(
        "/registry/txn/status",
        {**status, "header": {**status["header"], "sender_uri": receiver.url + "/registry/txn/on-status"}},
    )
    assert async_reply.json()["message"]["ack_status"] == "ACK"
    path, callback = receiver.bodies.get(timeout=10)
    assert path == "/registry/txn/on-status"
    assert_valid(social_spec.request_body("/registry/txn/on-status"), callback)


def test_subscribe_notify_on_registration_and_unsubscribe(sandbox, social_spec, system, receiver):
    sub = envelope(
        "subscribe",
        {
            "transaction_id": new_id(),
            "subscribe_request": [
                {
                    "reference_id": "s1",
                    "timestamp": TS,
                    "subscribe_criteria": {
                        "reg_event_type": "REGISTER",
                        "filter": {"type": "area", "value": "R1-D1"},
                        "notify_record_type": "Group",
                    },
                }
            ],
        },
        sender_uri=receiver.url + "/registry/on-subscribe",
    )
    assert_valid(social_spec.request_body("/registry/subscribe"), sub)
    assert system.post("/registry/subscribe", sub).json()["message"]["ack_status"] == "ACK"
    _, on_subscribe = receiver.bodies.get(timeout=10)
    assert_valid(social_spec.request_body("/registry/on-subscribe"), on_subscribe)
    code = on_subscribe["message"]["subscribe_response"][0]["subscriptions"][0]["code"]

    household = {
        "id": "H-NEW-0001",
        "data": {
            "group_identifier": [{"identifier_type": "HHID", "identifier_value": "H-NEW-0001"}],
            "group_type": "2",
            "address": [{"locality": "Ogo", "sub_region_code": "R1-D1", "region_code": "R1"}],
            "poverty_score": 20.0,
        },
        "members": [
            {
                "id": "M-NEW-0001",
                "data": {
                    "member_identifier": [{"identifier_type": "UIN", "identifier_value": "9990001112"}],
                    "demographic_info": {
                        "name": {"given_name": "Awa", "surname": "Ba"},
                        "sex": "female",
                        "birth_date": "1990-02-03",
                        "address": [{"locality": "Ogo", "sub_region_code": "R1-D1", "region_code": "R1"}],
                    },
                    "relationship_type": "SELF",
                    "employment_status": "2",
                    "education_level": "3",
                    "is_disabled": False,
                },
            }
        ],
    }
    r = system.post("/admin/registrations", {"households": [household]})
    assert r.status_code == 200 and r.json()["registered"] == 1 and r.json()["assigned"] == 1
    path, notify = receiver.bodies.get(timeout=10)
    assert path == "/registry/notify"
    assert_valid(social_spec.request_body("/registry/notify"), notify)
    assert (
        notify["message"]["notify_event"][0]["data"]["reg_records"]["group_identifier"][0]["identifier_value"]
        == "H-NEW-0001"
    )

    unsub = envelope(
        "unsubscribe",
        {"transaction_id": new_id(), "timestamp": TS, "subscription_codes": [code]},
        sender_uri=receiver.url + "/registry/on-unsubscribe",
    )
    assert system.post("/registry/unsubscribe", unsub).json()["message"]["ack_status"] == "ACK"
    _, on_unsub = receiver.bodies.get(timeout=10)
    assert_valid(social_spec.request_body("/registry/on-unsubscribe"), on_unsub)
    assert on_unsub["message"]["subscription_status"] == [{"code": code, "status": "unsubscribe"}]


def test_subscribing_to_an_unknown_event_is_rjct_notify_types_invalid(system, receiver):
    sub = envelope(
        "subscribe",
        {
            "transaction_id": new_id(),
            "subscribe_request": [
                {
                    "reference_id": "s1",
                    "timestamp": TS,
                    "subscribe_criteria": {
                        "reg_event_type": "LiveBirth",
                        "filter": {"type": "UIN", "value": "1"},
                        "notify_record_type": "Member",
                    },
                }
            ],
        },
        sender_uri=receiver.url + "/registry/on-subscribe",
    )
    system.post("/registry/subscribe", sub)
    _, on_subscribe = receiver.bodies.get(timeout=10)
    assert on_subscribe["message"]["subscribe_response"][0]["status_reason_code"] == "rjct.notify_types.invalid"


def test_unsubscribing_an_unknown_code_is_rjct_subscription_code_invalid(system, receiver):
    unsub = envelope(
        "unsubscribe",
        {"transaction_id": new_id(), "timestamp": TS, "subscription_codes": ["nope"]},
        sender_uri=receiver.url + "/registry/on-unsubscribe",
    )
    system.post("/registry/unsubscribe", unsub)
    _, on_unsub = receiver.bodies.get(timeout=10)
    assert on_unsub["message"]["status_reason_code"] == "rjct.subscription_code.invalid"


def test_notify_is_acknowledged_when_valid_and_refused_when_not(social_spec, system):
    event = {
        "reference_id": "n1",
        "timestamp": TS,
        "data": {"reg_event_type": "REGISTER", "reg_record_type": "Group", "reg_records": {"group_type": "2"}},
    }
    ok = system.post("/ess/notify", envelope("notify", {"transaction_id": "t", "notify_event": [event]}, status="succ"))
    assert_valid(social_spec.response_body("/registry/notify"), ok.json())
    assert ok.json()["message"]["ack_status"] == "ACK"
    bad = {**event, "data": {"reg_event_type": "REGISTER", "reg_records": []}}
    assert_err(
        system.post("/ess/notify", envelope("notify", {"transaction_id": "t", "notify_event": [bad]}, status="succ")),
        400,
        "err.request.bad",
    )


def test_person_search_sees_only_members_in_scope(system, counselor, counselor_members):
    outside = system.search(
        "registry",
        {
            **MEMBER,
            "query": [{"expression1": {"attribute_name": "area", "operator": "eq", "attribute_value": "R2-D1"}}],
        },
    )
    assert outside.json()["message"]["search_response"][0]["pagination"]["total_count"] > 0
    mine = counselor.search(
        "registry",
        {
            **MEMBER,
            "pagination": {"page_size": 5000},
            "query": [{"expression1": {"attribute_name": "age", "operator": "ge", "attribute_value": "0"}}],
        },
    )
    found = sorted(
        r["member_identifier"][0]["identifier_value"]
        for r in mine.json()["message"]["search_response"][0]["data"]["reg_records"]
    )
    assert len(found) == len(counselor_members)


# --- ESS ---------------------------------------------------------------------------------


def test_ess_sync_search_returns_ess_member_profile(social_spec, system, counselor_members):
    r = system.search(
        "ess",
        {
            "reg_type": "ns:org:RegistryType:ESS",
            "query_type": "idtype-value",
            "query": {"type": "MEMBER_ID", "value": counselor_members[0]},
        },
    )
    assert_valid(social_spec.response_body("/registry/sync/search"), r.json())
    [record] = r.json()["message"]["search_response"][0]["data"]["reg_records"]
    assert record["@type"] == "Member" and record["demographic_info"]["@type"] == "ESSPerson"
    assert record["labour_readiness"] in ("labour_ready", "needs_training", "unknown")


def test_ess_programme_catalogue_is_searchable(system):
    r = system.search(
        "ess",
        {
            "reg_record_type": "Programme",
            "query_type": "predicate",
            "query": [
                {
                    "expression1": {
                        "attribute_name": "programme_type",
                        "operator": "eq",
                        "attribute_value": "Labour market",
                    }
                }
            ],
        },
    )
    records = r.json()["message"]["search_response"][0]["data"]["reg_records"]
    assert len(records) == 6 and all(p["@type"] == "Programme" and p["programme_name"] for p in records)


def test_ess_rejects_the_sr_registry_type(system):
    r = system.search(
        "ess",
        {
            "reg_type": "ns:org:RegistryType:Social",
            "query_type": "idtype-value",
            "query": {"type": "UIN", "value": "1"},
        },
    )
    assert r.json()["message"]["search_response"][0]["status_reason_code"] == "rjct.search_criteria.invalid"


def test_ess_async_search_and_mock_txn_status(system, receiver):
    tid = new_id()
    body = envelope(
        "search",
        {
            "transaction_id": tid,
            "search_request": [
                {
                    "reference_id": "r1",
                    "timestamp": TS,
                    "search_criteria": {
                        "reg_type": "ns:org:RegistryType:ESS",
                        "query_type": "idtype-value",
                        "query": {"type": "UIN", "value": "0000079194"},
                    },
                }
            ],
        },
        sender_uri=receiver.url + "/ess/on-search",
    )
    assert system.post("/ess/search", body).json()["message"]["ack_status"] == "ACK"
    assert receiver.bodies.get(timeout=10)[0] == "/ess/on-search"
    status = system.post("/ess/txn/status", {"message": {"transaction_id": tid}})
    assert status.json() == {"message": {"txn_status": "completed", "transaction_id": tid}}
    assert_err(system.post("/ess/txn/status", {"message": {"transaction_id": "never"}}), 404, "err.request.not_found")


def test_check_enrollment_answers_no_before_and_the_status_after(ibr_spec, system, login, counselor_members):
    member = counselor_members[1]

    def check():
        r = system.post(
            "/ess/sync/check-enrollment",
            envelope(
                "enrollementstatus",
                {
                    "transaction_id": new_id(),
                    "enrolled_criteria": {"query_type": "idtype-value", "query": {"person_identifier": {"eq": member}}},
                },
            ),
        )
        assert r.status_code == 200, r.text
        return r.json()["message"]["enrolled_response"][0]

    assert check()["enrolled_status"] == "no"
    from .conftest import op

    login("counselor").push(
        "ess",
        [
            op(
                "Enrollment",
                new_id(),
                member,
                {"programme_id": "PRG-TVET", "enrollment_date": "2026-11-01", "enrollment_status": "Active"},
                "create",
            )
        ],
    )
    answer = check()
    assert answer["reference_id"] == member and answer["enrolled_status"] == "Active"
