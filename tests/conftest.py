"""Fixtures shared by every test package: a temporary profile with a passphrase-keyed store.

Tests never touch the user's keyring; the real OS keyring is exercised only by the tests
marked ``keyring``, under CI's own D-Bus session.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from desktop.cases.usecases import Cases
from desktop.domain.model import Assignment, Member
from desktop.domain.synthetic import change_records
from desktop.store.profile import Profile, create_store
from desktop.store.records import Actor
from desktop.store.replica import apply_page

PASSPHRASE = "correct horse battery staple"
TODAY = dt.date(2026, 11, 20)


def make_profile(user: str = "counselor", role: str = "counselor", profile_id: str | None = None) -> Profile:
    return Profile(profile_id=profile_id or f"{user}-test", user=user, role=role, server_url="http://127.0.0.1:9")


def fill(store, n_members: int, seed: int = 1) -> list[dict]:
    """Put a synthetic population into ``store`` through the pull path; returns the records."""
    records = list(change_records(n_members, seed))
    for start in range(0, len(records), 2000):
        apply_page(store, "SR", records[start : start + 2000], start + 2000, "test-epoch")
    return records


def listed(records: list[dict]) -> tuple[dict[str, Member], dict[str, Assignment]]:
    """The members on the worklist (those with an assignment) and their assignments, by member id."""
    assignments = {
        r["entity_id"]: Assignment.from_data(r["entity_id"], r["data"])
        for r in records
        if r["entity_type"] == "Assignment"
    }
    members = {
        r["entity_id"]: Member.from_dci(r["entity_id"], r["data"])
        for r in records
        if r["entity_type"] == "Member" and r["entity_id"] in assignments
    }
    return members, assignments


def fold(text: str) -> str:
    """Case- and accent-insensitive form, as the search index compares words."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def profile() -> Profile:
    return make_profile()


@pytest.fixture
def store(data_dir, profile):
    s = create_store(data_dir, profile, passphrase=PASSPHRASE)
    yield s
    s.close()


@pytest.fixture
def filled_store(store):
    fill(store, 300)
    return store


@pytest.fixture
def cases(filled_store, profile):
    return Cases(filled_store, Actor(profile.user, profile.role, profile.device_id), today=lambda: TODAY)
