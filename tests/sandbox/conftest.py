"""One real sandbox on 127.0.0.1 (free port) for the whole session, and helpers to talk DCI to it."""

from __future__ import annotations

import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from queue import Queue

import pytest
import requests

from sandbox.dci import IBR_SPEC, SOCIAL_SPEC, Spec
from sandbox.server import Sandbox

SHARED_OPENAPI = Path(__file__).resolve().parents[3] / "shared" / "dci" / "openapi" / "openspp-compliance-spec"
TS = "2026-11-22T10:00:00.000Z"


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory):
    with Sandbox(tmp_path_factory.mktemp("sandbox"), members=300, seed=1, counselors=3, tick_seconds=None) as sb:
        yield sb


@pytest.fixture(scope="session")
def social_spec() -> Spec:
    """The published SR spec from shared/dci (the packaged copy when shared/ is absent)."""
    path = SHARED_OPENAPI / "social_api_v1.0.0.yaml"
    return Spec(path if path.exists() else SOCIAL_SPEC)


@pytest.fixture(scope="session")
def ibr_spec() -> Spec:
    path = SHARED_OPENAPI / "ibr_api_v1.0.0.yaml"
    return Spec(path if path.exists() else IBR_SPEC)


class Client:
    """A signed-in caller of the sandbox."""

    def __init__(self, base: str, token: str | None, device_id: str = "", refresh: str = ""):
        self.base, self.token, self.device_id, self.refresh = base, token, device_id, refresh
        self.http = requests.Session()

    def post(self, path: str, body=None, raw: bytes | None = None, **kw) -> requests.Response:
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        data = raw if raw is not None else json.dumps(body)
        return self.http.post(self.base + path, data=data, headers=headers, timeout=30, **kw)

    def search(self, service: str, criteria: dict | list, **message) -> requests.Response:
        items = criteria if isinstance(criteria, list) else [criteria]
        body = envelope(
            "search",
            {
                "transaction_id": new_id(),
                "search_request": [
                    {"reference_id": f"ref-{i}", "timestamp": TS, "search_criteria": c} for i, c in enumerate(items)
                ],
                **message,
            },
        )
        return self.post(f"/{service}/sync/search", body)

    def pull(self, service: str, after: int = 0, size: int = 5000, epoch: str | None = None, op: str = "gt") -> dict:
        """One pull page's response item."""
        r = self.search(service, pull_criteria(service, after, size, epoch, op))
        assert r.status_code == 200, r.text
        return r.json()["message"]["search_response"][0]

    def pull_all(self, service: str) -> list[dict]:
        records, after = [], 0
        while True:
            item = self.pull(service, after)
            page = item["data"]["reg_records"]
            if not page:
                return records
            records += page
            after = page[-1]["sync_seq"]

    def push(self, service: str, ops: list[dict]) -> list[dict]:
        r = self.post(
            f"/{service}/sync/update", envelope("update", {"transaction_id": new_id(), "update_request": ops})
        )
        assert r.status_code == 200, r.text
        return r.json()["message"]["update_response"]


def new_id() -> str:
    return str(uuid.uuid4())


def envelope(action: str, message: dict, **header) -> dict:
    return {
        "signature": "",
        "header": {
            "version": "1.0.0",
            "message_id": new_id(),
            "message_ts": TS,
            "action": action,
            "sender_id": "test-client",
            "receiver_id": "sandbox",
            "total_count": 1,
            "is_msg_encrypted": False,
            **header,
        },
        "message": message,
    }


def pull_criteria(service: str, after: int, size: int, epoch: str | None = None, op: str = "gt") -> dict:
    query = {"seq_num": 1, "expression1": {"attribute_name": "sync_seq", "operator": op, "attribute_value": str(after)}}
    if epoch:
        query.update(
            condition="and", expression2={"attribute_name": "sync_epoch", "operator": "eq", "attribute_value": epoch}
        )
    return {
        "version": "1.0.0",
        "reg_type": "ns:org:RegistryType:" + ("Social" if service == "registry" else "ESS"),
        "reg_record_type": "fielddesk:Change",
        "query_type": "predicate",
        "query": [query],
        "sort": [{"attribute_name": "sync_seq", "sort_order": "asc"}],
        "pagination": {"page_size": size, "page_number": 1},
    }


def op(
    entity_type: str,
    entity_id: str,
    member_id: str,
    patch: dict,
    kind: str = "patch",
    base_version: int | None = None,
    reference_id: str | None = None,
) -> dict:
    return {
        "reference_id": reference_id or new_id(),
        "timestamp": TS,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "member_id": member_id,
        "op": kind,
        "base_version": base_version,
        "patch": patch,
        "hlc": "0001763805600000-0000-test",
        "author": "test",
        "role": "test",
    }


@pytest.fixture(scope="session")
def login(sandbox):
    """``login("counselor")`` → a Client with a fresh device."""

    def sign_in(user: str, device_id: str | None = None) -> Client:
        device_id = device_id or f"dev-{new_id()}"
        r = requests.post(
            sandbox.url + "/oauth2/token",
            data={
                "grant_type": "password",
                "username": user,
                "password": "demo",
                "device_id": device_id,
                "device_name": "test laptop",
            },
            timeout=10,
        )
        assert r.status_code == 200, r.text
        return Client(sandbox.url, r.json()["access_token"], device_id, r.json()["refresh_token"])

    return sign_in


@pytest.fixture(scope="session")
def system(sandbox) -> Client:
    r = requests.post(
        sandbox.url + "/oauth2/client/token",
        data={"grant_type": "client_credentials", "client_id": "demo-system", "client_secret": "demo"},
        timeout=10,
    )
    assert r.status_code == 200, r.text
    return Client(sandbox.url, r.json()["access_token"])


@pytest.fixture(scope="session")
def counselor(login) -> Client:
    return login("counselor")


@pytest.fixture(scope="session")
def counselor_members(counselor) -> list[str]:
    """Member ids on the demo counselor's list, sorted."""
    return sorted(r["member_id"] for r in counselor.pull_all("ess") if r["entity_type"] == "Assignment")


@pytest.fixture(scope="session")
def shared_members(counselor) -> list[str]:
    """Members the demo counselor and case manager both work with (the demo area)."""
    return sorted(
        r["member_id"]
        for r in counselor.pull_all("ess")
        if r["entity_type"] == "Assignment" and r["data"]["caseworker"] == "caseworker"
    )


@pytest.fixture
def receiver():
    """A callback endpoint on 127.0.0.1: every POST body lands in ``receiver.bodies`` (a Queue)."""
    bodies: Queue = Queue()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            bodies.put((self.path, json.loads(self.rfile.read(length))))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(
                b'{"message":{"ack_status":"ACK","timestamp":"' + TS.encode() + b'","correlation_id":"x"}}'
            )

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    server.bodies = bodies
    yield server
    server.shutdown()
    server.server_close()


def assert_valid(validator, body) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(body)]
    assert not errors, errors[:5]


def assert_err(response: requests.Response, status: int, code: str) -> dict:
    """A DCI ERR envelope with the given HTTP status and error code."""
    assert response.status_code == status, response.text
    message = response.json()["message"]
    assert message["ack_status"] == "ERR" and message["error"]["code"] == code, message
    return message
