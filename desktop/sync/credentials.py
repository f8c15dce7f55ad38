"""Where a profile's OAuth tokens live: the OS keyring when it is secure, else the encrypted database.

Never in clear: a profile whose database key comes from a passphrase (no secure keyring on the
machine) keeps its tokens inside that SQLCipher database, readable only once unlocked. The
password itself is never stored anywhere.
"""

from __future__ import annotations

import contextlib
import json
import threading

import keyring
import keyring.errors

from ..store import keys
from ..store.db import Store
from ..store.profile import Profile

TOKENS_META = "sync_tokens"


class Credentials:
    """Load/save/forget the token set (``access_token``, ``refresh_token``, ``expires_at``)."""

    secure_store = "unknown"

    def load(self) -> dict | None:  # pragma: no cover - interface
        raise NotImplementedError

    def save(self, tokens: dict) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def forget(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class KeyringCredentials(Credentials):
    secure_store = "keyring"

    def __init__(self, profile_id: str):
        self.account = f"tokens:{profile_id}"
        self._lock = threading.Lock()

    def load(self) -> dict | None:
        with self._lock:
            try:
                raw = keyring.get_password(keys.SERVICE, self.account)
            except keyring.errors.KeyringError:
                return None
        return json.loads(raw) if raw else None

    def save(self, tokens: dict) -> None:
        with self._lock:
            keyring.set_password(keys.SERVICE, self.account, json.dumps(tokens))

    def forget(self) -> None:
        with self._lock, contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(keys.SERVICE, self.account)


class DatabaseCredentials(Credentials):
    """Tokens in the encrypted store's ``meta`` table (the passphrase-protected case)."""

    secure_store = "database"

    def __init__(self, store: Store):
        self.store = store

    def load(self) -> dict | None:
        raw = self.store.get_meta(TOKENS_META)
        return json.loads(raw) if raw else None

    def save(self, tokens: dict) -> None:
        with self.store.write() as conn:
            self.store.set_meta(conn, TOKENS_META, json.dumps(tokens))

    def forget(self) -> None:
        try:
            with self.store.write() as conn:
                self.store.set_meta(conn, TOKENS_META, "")
        except Exception:  # a closed or wiped store holds nothing any more
            pass


def credentials_for(profile: Profile, store: Store) -> Credentials:
    """The keyring when the profile's key is there (a secure keyring exists), else the database."""
    if profile.key_method == "keyring" and keys.secure_keyring_available():
        return KeyringCredentials(profile.profile_id)
    return DatabaseCredentials(store)
