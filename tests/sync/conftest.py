"""Sync tests run against the real sandbox on 127.0.0.1 (port 0), with passphrase-keyed profiles.

No keyring is touched: every profile here is keyed by a passphrase, so its tokens live inside
its encrypted database.
"""

from __future__ import annotations

import contextlib
import itertools
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from desktop.cases.usecases import Cases
from desktop.store.db import Store
from desktop.store.profile import Profile
from desktop.store.records import Actor
from desktop.sync.credentials import credentials_for
from desktop.sync.engine import SyncEngine, SyncReport
from desktop.sync.session import sign_in
from desktop.sync.transport import RetryPolicy, Timeouts
from sandbox.server import DEMO_CLIENT, Sandbox

PASSPHRASE = "correct horse battery staple"
#: fast, bounded retries so a test that loses the network ends quickly
TEST_RETRY = RetryPolicy(attempts=3, base=0.01, cap=0.05, max_wait=5)
TEST_TIMEOUTS = Timeouts(connect=2, read=10)

_names = itertools.count()


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    """One seeded sandbox per test module (300 members, no background ticks)."""
    with Sandbox(tmp_path_factory.mktemp("sandbox"), members=300, seed=1, tick_seconds=None) as sb:
        yield sb


@pytest.fixture
def fresh_sandbox(tmp_path):
    """A sandbox of its own, for tests that reset or revoke things."""
    with Sandbox(tmp_path / "sandbox", members=300, seed=1, tick_seconds=None) as sb:
        yield sb


@dataclass
class Client:
    """A signed-in device: its profile, store, use-cases, and a way to sync."""

    data_dir: Path
    profile: Profile
    store: Store
    server_url: str

    @property
    def credentials(self):
        return credentials_for(self.profile, self.store)

    @property
    def cases(self) -> Cases:
        return Cases(self.store, Actor(self.profile.user, self.profile.role, self.profile.device_id))

    def engine(self, **kw) -> SyncEngine:
        kw.setdefault("retry", TEST_RETRY)
        kw.setdefault("timeouts", TEST_TIMEOUTS)
        kw.setdefault("sanity_interval_s", 0)
        kw.setdefault("page_size", 100)
        return SyncEngine(self.store, self.profile, self.credentials, **kw)

    def sync(self, **kw) -> SyncReport:
        return self.engine(**kw).run()

    def point_at(self, url: str) -> None:
        """Send this device's traffic elsewhere (through a proxy, or back)."""
        self.profile.server_url = url
        self.profile.sr_url = ""
        self.profile.ess_url = ""

    def rows(self, sql: str, *args) -> list[tuple]:
        reader = self.store.reader()
        try:
            return reader.execute(sql, args).fetchall()
        finally:
            reader.close()

    def records(self, entity_type: str | None = None) -> dict[tuple[str, str], dict]:
        sql = "SELECT entity_type, id, data FROM records" + (" WHERE entity_type = ?" if entity_type else "")
        return {(t, i): json.loads(d) for t, i, d in self.rows(sql, *([entity_type] if entity_type else []))}

    def ops(self, state: str | None = None) -> list[tuple]:
        sql = "SELECT op_id, state, reason_code, entity_type, entity_id FROM outbox"
        return self.rows(sql + " WHERE state = ? ORDER BY seq", state) if state else self.rows(sql + " ORDER BY seq")

    def member_ids(self) -> set[str]:
        return {r[0] for r in self.rows("SELECT id FROM members WHERE assigned = 1")}


@pytest.fixture
def make_client(tmp_path):
    made: list[Client] = []

    def make(sb_or_url, user: str = "counselor", *, sync: bool = True, **engine_kw) -> Client:
        url = sb_or_url if isinstance(sb_or_url, str) else sb_or_url.url
        data_dir = tmp_path / f"client-{next(_names)}"
        profile, store = sign_in(data_dir, url, user, "demo", passphrase=PASSPHRASE, device_name="test device")
        client = Client(data_dir, profile, store, url)
        made.append(client)
        if sync:
            report = client.sync(**engine_kw)
            assert report.ok, report.errors
        return client

    yield make
    for client in made:
        with contextlib.suppress(Exception):
            client.store.close()


def system_token(sb: Sandbox) -> str:
    resp = requests.post(
        sb.url + "/oauth2/client/token",
        data={"grant_type": "client_credentials", "client_id": DEMO_CLIENT[0], "client_secret": DEMO_CLIENT[1]},
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


def admin(sb: Sandbox, path: str) -> dict:
    resp = requests.post(sb.url + path, headers={"Authorization": f"Bearer {system_token(sb)}"})
    resp.raise_for_status()
    return resp.json()


def server_state(sb: Sandbox) -> dict:
    """Every entity of both services (type, id) → (version, deleted, data), and the op log size."""
    out = {}
    for service in (sb.services.sr, sb.services.ess):
        with service.store.db.read() as c:
            for etype, eid, version, deleted, data in c.execute(
                "SELECT etype, eid, version, deleted, data FROM entity"
            ):
                out[(service.name, etype, eid)] = (version, deleted, data)
            out[(service.name, "ops", "")] = c.execute("SELECT count(*) FROM ops").fetchone()[0]
            out[(service.name, "seq", "")] = service.store.max_seq
    return out


def server_entity(sb: Sandbox, entity_type: str, entity_id: str) -> tuple[int, dict] | None:
    service = (
        sb.services.sr if entity_type in ("Member", "Group", "ChangeRequest", "Consent", "Note") else sb.services.ess
    )
    with service.store.db.read() as c:
        row = c.execute(
            "SELECT version, data FROM entity WHERE etype = ? AND eid = ?", (entity_type, entity_id)
        ).fetchone()
    return (row[0], json.loads(row[1])) if row else None
