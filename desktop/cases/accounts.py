"""The profiles on this device, and the two ways to open one: unlock it here, or sign in online.

Unlocking only opens the database (a wrong passphrase is caught by the profile's key check
before the file is touched); the online sign-in talks to the server and is meant for a worker
thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from ..store import keys
from ..store.profile import Profile, list_profiles, unlock_store
from ..sync import session
from .workspace import Workspace


class Accounts:
    def __init__(self, data_dir: Path, today: Callable[[], dt.date] = dt.date.today):
        self.data_dir = Path(data_dir)
        self.today = today

    def profiles(self) -> list[Profile]:
        return list_profiles(self.data_dir)

    @staticmethod
    def keyring_available() -> bool:
        """Whether a secure OS keyring can keep the database key (else a passphrase protects it)."""
        return keys.secure_keyring_available()

    def unlock(self, profile: Profile, passphrase: str | None) -> Workspace:
        """Raises ``WrongKeyError`` for a wrong passphrase, another ``StoreError`` for a known problem."""
        return Workspace.open(profile, unlock_store(self.data_dir, profile, passphrase), self.today)

    def sign_in(self, server_url: str, user: str, password: str, passphrase: str | None) -> Workspace:
        """Sign in against the server and set up the local copy; the password is passed on and never stored."""
        profile, store = session.sign_in(self.data_dir, server_url, user, password, passphrase=passphrase)
        return Workspace.open(profile, store, self.today)
