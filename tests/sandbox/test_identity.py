"""Identity: people and system tokens, refresh rotation, expiry, device revocation."""

from __future__ import annotations

import pytest
import requests

from .conftest import Client, assert_err, envelope, new_id, pull_criteria

DCI_PATHS = [
    "/registry/sync/search",
    "/registry/search",
    "/registry/sync/txn/status",
    "/registry/txn/status",
    "/registry/subscribe",
    "/registry/unsubscribe",
    "/registry/notify",
    "/registry/sync/update",
    "/ess/sync/search",
    "/ess/search",
    "/ess/txn/status",
    "/ess/subscribe",
    "/ess/notify",
    "/ess/sync/check-enrollment",
    "/ess/sync/update",
    "/registry/sync/enrollment/updates",
]


def test_password_grant_returns_tokens_with_role_office_and_areas(sandbox):
    r = requests.post(
        sandbox.url + "/oauth2/token",
        data={"grant_type": "password", "username": "caseworker", "password": "demo", "device_id": new_id()},
    )
    body = r.json()
    assert r.status_code == 200
    assert body["token_type"] == "Bearer" and body["access_token"] and body["refresh_token"]
    assert (body["role"], body["office"], body["areas"]) == ("caseworker", "Kanel Employment Office", ["R1-D1"])


def test_demo_counselor_and_caseworker_share_office_and_area_with_supervisor(sandbox):
    users = {u["name"]: u for u in sandbox.services.identity.users()}
    office_areas = {(users[n]["office"], tuple(users[n]["areas"])) for n in ("counselor", "caseworker", "supervisor")}
    assert len(office_areas) == 1


def test_wrong_password_is_401_in_dci_shape(sandbox):
    r = requests.post(
        sandbox.url + "/oauth2/token",
        data={"grant_type": "password", "username": "counselor", "password": "nope", "device_id": new_id()},
    )
    assert_err(r, 401, "err.request.unauthorized")


def test_unknown_grant_type_is_400(sandbox):
    assert_err(requests.post(sandbox.url + "/oauth2/token", data={"grant_type": "implicit"}), 400, "err.request.bad")
    assert_err(
        requests.post(sandbox.url + "/oauth2/client/token", data={"grant_type": "password"}), 400, "err.request.bad"
    )


def test_refresh_token_rotates_and_the_used_one_is_refused(sandbox, login):
    client = login("counselor")
    first = requests.post(
        sandbox.url + "/oauth2/token",
        data={"grant_type": "refresh_token", "refresh_token": client.refresh, "device_id": client.device_id},
    )
    assert first.status_code == 200 and first.json()["refresh_token"] != client.refresh
    again = requests.post(
        sandbox.url + "/oauth2/token",
        data={"grant_type": "refresh_token", "refresh_token": client.refresh, "device_id": client.device_id},
    )
    assert_err(again, 401, "err.request.unauthorized")


def test_client_credentials_give_a_system_token_that_can_search(sandbox, system):
    r = system.search("registry", {"query_type": "idtype-value", "query": {"type": "MEMBER_ID", "value": "M-0000001"}})
    assert r.json()["message"]["search_response"][0]["pagination"]["total_count"] == 1


def test_wrong_client_secret_is_401(sandbox):
    r = requests.post(
        sandbox.url + "/oauth2/client/token",
        data={"grant_type": "client_credentials", "client_id": "demo-system", "client_secret": "x"},
    )
    assert_err(r, 401, "err.request.unauthorized")


@pytest.mark.parametrize("path", DCI_PATHS)
def test_missing_token_is_401_on_every_dci_path(sandbox, path):
    assert_err(Client(sandbox.url, None).post(path, {}), 401, "err.request.unauthorized")


@pytest.mark.parametrize("token", ["garbage", "a.b.c", ""])
def test_malformed_token_is_401(sandbox, token):
    assert_err(Client(sandbox.url, token).post("/registry/sync/search", {}), 401, "err.request.unauthorized")


def test_expired_token_is_401(sandbox):
    token = sandbox.services.identity.sign({"sub": "counselor", "role": "counselor", "scope": "u:counselor"}, ttl=-5)
    assert_err(Client(sandbox.url, token).post("/ess/sync/search", {}), 401, "err.request.unauthorized")


def test_revoked_device_is_told_to_wipe_at_next_sync_and_refresh(sandbox, login, system):
    client = login("counselor")
    assert client.pull("ess", size=1)["status"] == "succ"
    r = system.post(f"/admin/devices/{client.device_id}/revoke", {})
    assert r.status_code == 200
    sync = client.search("ess", pull_criteria("ess", 0, 1))
    assert assert_err(sync, 403, "err.request.forbidden")["error"]["message"] == "device_revoked"
    refresh = requests.post(
        sandbox.url + "/oauth2/token",
        data={"grant_type": "refresh_token", "refresh_token": client.refresh, "device_id": client.device_id},
    )
    assert assert_err(refresh, 403, "err.request.forbidden")["error"]["message"] == "device_revoked"


def test_admin_calls_need_a_system_token(sandbox, counselor):
    assert_err(counselor.post(f"/admin/devices/{counselor.device_id}/revoke", {}), 403, "err.request.forbidden")
    assert_err(counselor.post("/admin/sync/reset-epoch", {}), 403, "err.request.forbidden")


def test_enrollment_updates_from_a_person_are_forbidden(sandbox, counselor):
    body = envelope("notify", {"transaction_id": "t", "enrolled_updates": {"beneficiaries": []}}, status="succ")
    assert_err(counselor.post("/registry/sync/enrollment/updates", body), 403, "err.request.forbidden")
