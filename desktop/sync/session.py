"""Signing in (online, once per device), signing out, and the remote wipe of a revoked device.

The first sign-in needs the network: the server checks the password and registers the device,
and only then is the profile and its encrypted database made. The password is sent once and
never stored; the tokens go to ``credentials`` (keyring, or inside the encrypted database).
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
import uuid
from pathlib import Path

import orjson
import requests

from ..store import outbox
from ..store.db import Store
from ..store.profile import Profile, ProfileDir, create_store, profile_slug, unlock_store
from .credentials import Credentials, credentials_for
from .envelope import error_of
from .transport import DEVICE_REVOKED, DeviceRevoked, SyncError, Timeouts, TransportError

log = logging.getLogger(__name__)


class SignInError(SyncError):
    def __init__(self, message: str, user_message: str | None = None):
        super().__init__(message)
        self.user_message = user_message or message


class UnsyncedWorkError(SyncError):
    """Sign-out refused: changes that never reached the server would be lost."""

    def __init__(self, unsynced: int):
        super().__init__(f"{unsynced} unsynced changes")
        self.unsynced = unsynced
        self.user_message = (
            f"{unsynced} changes have not reached the server. Sync first, or export them to a file before signing out."
        )


def _token(
    server_url: str, form: dict, session: requests.Session | None = None, timeouts: Timeouts | None = None
) -> dict:
    timeouts = timeouts or Timeouts()
    session = session or requests.Session()
    try:
        resp = session.post(
            server_url.rstrip("/") + "/oauth2/token",
            data=form,
            timeout=(timeouts.connect, timeouts.read),
            verify=True,
            allow_redirects=False,
        )
    except requests.RequestException as exc:
        raise TransportError(f"sign-in: {exc}") from exc
    try:
        body = orjson.loads(resp.content)
    except orjson.JSONDecodeError:
        body = None
    error = error_of(body)
    if resp.status_code == 401:
        raise SignInError("unauthorized", "Unknown user name or wrong password.")
    if resp.status_code == 403 and error and error[1] == DEVICE_REVOKED:
        raise DeviceRevoked(DEVICE_REVOKED)
    if resp.status_code != 200 or not isinstance(body, dict) or not isinstance(body.get("access_token"), str):
        detail = f"{error[0]}: {error[1]}" if error else f"HTTP {resp.status_code}"
        raise SignInError(f"sign-in refused: {detail}", f"The server refused the sign-in ({detail}).")
    return body


def sign_in(
    data_dir: Path,
    server_url: str,
    user: str,
    password: str,
    *,
    sr_url: str | None = None,
    ess_url: str | None = None,
    passphrase: str | None = None,
    device_name: str | None = None,
) -> tuple[Profile, Store]:
    """Online sign-in: a token first, then the profile and its encrypted store.

    Signing in again to an existing profile keeps its device id and database (it renews the
    tokens, e.g. after they expired); ``passphrase`` unlocks it when it has no keyring key.
    """
    data_dir = Path(data_dir)
    pdir = ProfileDir(data_dir, profile_slug(user, server_url))
    existing = pdir.load() if pdir.json_path.exists() else None
    device_id = existing.device_id if existing else str(uuid.uuid4())
    body = _token(
        server_url,
        {
            "grant_type": "password",
            "username": user,
            "password": password,
            "device_id": device_id,
            "device_name": device_name or os.uname().nodename,
        },
    )
    if existing is not None:
        profile = existing
        store = unlock_store(data_dir, profile, passphrase)
    else:
        profile = Profile(
            profile_id=pdir.root.name,
            user=body.get("user", user),
            role=body.get("role", ""),
            server_url=server_url.rstrip("/"),
            sr_url=(sr_url or "").rstrip("/"),
            ess_url=(ess_url or "").rstrip("/"),
            display_name=body.get("display_name", user),
            office=body.get("office", ""),
            areas=list(body.get("areas", [])),
            device_id=device_id,
        )
        store = create_store(data_dir, profile, passphrase)
    save_tokens(credentials_for(profile, store), body)
    return profile, store


def save_tokens(credentials: Credentials, body: dict) -> None:
    credentials.save(
        {
            "access_token": body["access_token"],
            "refresh_token": body.get("refresh_token", ""),
            "expires_at": time.time() + float(body.get("expires_in", 0) or 0),
        }
    )


def unsynced_count(store: Store) -> int:
    """Ops whose change is not on the server: waiting, in flight, or refused and quarantined."""
    counts = outbox.status_counts(store)
    return counts["pending"] + counts["rejected"]


def export_unsynced(store: Store, target: Path, *, overwrite: bool = False) -> int:
    """Write every unsynced op to ``target`` as JSON (durably); returns how many."""
    ops = [op for state in ("pending", "inflight", "rejected") for op in outbox.ops_in_state(store, state, limit=10**9)]
    target = Path(target)
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} exists")
    payload = orjson.dumps(
        {"format": "field-desk-unsynced/1", "ops": [op.__dict__ for op in ops]}, option=orjson.OPT_INDENT_2
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".export-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(payload)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    if len(orjson.loads(target.read_bytes())["ops"]) != len(ops):
        raise OSError(f"the export at {target} could not be read back")
    return len(ops)


def sign_out(
    data_dir: Path, profile: Profile, store: Store, *, export_to: Path | None = None, force: bool = False
) -> int:
    """Remove this profile from the device: database, key, tokens.

    Refused (``UnsyncedWorkError``) while unsynced changes exist, unless they were first exported
    to ``export_to``; ``force`` allows replacing an existing export file. Returns the number of
    changes exported.
    """
    exported = 0
    unsynced = unsynced_count(store)
    if unsynced:
        if export_to is None:
            raise UnsyncedWorkError(unsynced)
        exported = export_unsynced(store, export_to, overwrite=force)
    credentials = credentials_for(profile, store)
    credentials.forget()
    store.close()
    ProfileDir(data_dir, profile.profile_id).wipe()
    return exported


def wipe_local(store: Store, profile: Profile, credentials: Credentials | None = None) -> None:
    """The remote wipe: everything of this profile leaves the disk, unsynced work included."""
    log.warning("device %s revoked: wiping profile %s", profile.device_id, profile.profile_id)
    if credentials is not None:
        credentials.forget()
    root = Path(store.path).parent
    store.close()
    ProfileDir(root.parent.parent, profile.profile_id).wipe()
