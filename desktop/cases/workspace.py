"""A signed-in profile as the application uses it: its store, the use-cases acting as its user,
read models on connections of their own, its sync engine, and signing out.

The composition root opens one (``Accounts`` or the demo) and hands it to the window; widgets
reach the store only through it, and never hold it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..store.db import Store
from ..store.profile import Profile
from ..store.records import Actor
from ..sync import session
from ..sync.credentials import credentials_for
from ..sync.engine import SyncEngine
from .reads import Reads
from .usecases import Cases


@dataclass
class Workspace:
    profile: Profile
    store: Store
    cases: Cases

    @classmethod
    def open(cls, profile: Profile, store: Store, today: Callable[[], dt.date] = dt.date.today) -> Workspace:
        """The use-cases act as the profile's user, on this device."""
        return cls(profile, store, Cases(store, Actor(profile.user, profile.role, profile.device_id), today=today))

    @property
    def actor(self) -> Actor:
        return self.cases.actor

    @property
    def passphrase_protected(self) -> bool:
        return self.profile.key_method == "passphrase"

    def reads(self) -> Reads:
        """Read models on a new connection, for the calling thread (the caller closes it)."""
        return Reads.open(self.store)

    def sync_engine(self, **options: Any) -> SyncEngine:
        """The profile's sync engine; it stamps changes with the use-cases' clock."""
        return SyncEngine(
            self.store, self.profile, credentials_for(self.profile, self.store), clock=self.cases.clock, **options
        )

    def unsynced_count(self) -> int:
        """Changes not on the server yet: waiting, in flight, or refused and quarantined."""
        return session.unsynced_count(self.store)

    def sign_out(self, data_dir: Path, export_to: Path | None = None) -> int:
        """Remove the profile from this device (database, key, tokens), first writing the unsent
        changes to ``export_to``; returns how many were exported. Closes the store."""
        return session.sign_out(data_dir, self.profile, self.store, export_to=export_to, force=True)

    def close(self) -> None:
        self.store.close()
