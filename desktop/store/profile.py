"""A profile: one signed-in worker on one device, with its encrypted database.

``profile.json`` holds only what is needed before the database is unlocked (who, which server,
how the key is kept, the salt and the key check); no beneficiary data and no secret.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import keys
from .db import DB_NAME, Store
from .errors import ReadOnlyError, classify


@dataclass
class Profile:
    profile_id: str
    user: str
    role: str
    server_url: str
    sr_url: str = ""
    ess_url: str = ""
    display_name: str = ""
    office: str = ""
    areas: list[str] = field(default_factory=list)
    device_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    key_method: str = "keyring"  # keyring | passphrase
    salt: str = ""
    key_check: str = ""
    created_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))

    @property
    def sr(self) -> str:
        return self.sr_url or self.server_url

    @property
    def ess(self) -> str:
        return self.ess_url or self.server_url.rstrip("/") + "/ess"


def profile_slug(user: str, server_url: str) -> str:
    host = re.sub(r"^[a-z]+://", "", server_url).rstrip("/")
    return re.sub(r"[^A-Za-z0-9._-]+", "_", f"{user}@{host}")[:120]


class ProfileDir:
    """The folder of one profile inside the data directory."""

    def __init__(self, data_dir: Path, profile_id: str):
        self.root = Path(data_dir) / "profiles" / profile_id

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def json_path(self) -> Path:
        return self.root / "profile.json"

    def load(self) -> Profile:
        return Profile(**json.loads(self.json_path.read_text("utf-8")))

    def save(self, profile: Profile) -> None:
        """Write atomically: a crash leaves the old file or the new one, never half."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".profile-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(profile), fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.json_path)

    def wipe(self) -> None:
        """Remove the local copy: database, WAL, backups and the profile itself."""
        if self.json_path.exists():
            profile = self.load()
            if profile.key_method == "keyring":
                keys.forget_keyring_key(profile.profile_id)
        shutil.rmtree(self.root, ignore_errors=True)


def list_profiles(data_dir: Path) -> list[Profile]:
    base = Path(data_dir) / "profiles"
    if not base.is_dir():
        return []
    out = []
    for child in sorted(base.iterdir()):
        try:
            out.append(ProfileDir(data_dir, child.name).load())
        except (OSError, ValueError, TypeError):
            continue
    return out


def ensure_writable(data_dir: Path) -> None:
    """Fail early and clearly when the data folder cannot take a write."""
    try:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=data_dir, prefix=".probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise (classify(exc) or ReadOnlyError(str(exc))) from exc


def create_store(data_dir: Path, profile: Profile, passphrase: str | None = None) -> Store:
    """Make the key (keyring, or passphrase when no keyring), the profile and the database."""
    ensure_writable(data_dir)
    pdir = ProfileDir(data_dir, profile.profile_id)
    if passphrase is not None:
        salt = keys.new_salt()
        key = keys.passphrase_key(passphrase, salt)
        profile.key_method, profile.salt = "passphrase", salt.hex()
    else:
        key = keys.keyring_key(profile.profile_id, create=True)
        profile.key_method, profile.salt = "keyring", ""
    profile.key_check = keys.key_check(key)
    pdir.root.mkdir(parents=True, exist_ok=True)
    store = Store.open(pdir.db_path, key, key_check=profile.key_check)
    pdir.save(profile)
    return store


def unlock_store(data_dir: Path, profile: Profile, passphrase: str | None = None) -> Store:
    """Open an existing profile offline: keyring key, or the passphrase the user typed."""
    pdir = ProfileDir(data_dir, profile.profile_id)
    if profile.key_method == "passphrase":
        if passphrase is None:
            raise keys.WrongKeyError("a passphrase is needed")
        key = keys.passphrase_key(passphrase, bytes.fromhex(profile.salt))
    else:
        key = keys.keyring_key(profile.profile_id, create=False)
    return Store.open(pdir.db_path, key, create=False, key_check=profile.key_check)
