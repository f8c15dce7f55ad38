"""The database key: random and kept in the OS keyring, or derived from a passphrase.

Never a plaintext fallback: a keyring backend that writes secrets to a file in clear (or none at
all) counts as "no keyring", and the user chooses a passphrase instead. A short check value
(an HMAC of a constant under the key) in the profile tells a wrong key from a damaged file.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets

import keyring
import keyring.errors

from .errors import NoKeyringError, WrongKeyError

SERVICE = "field-desk"
KEY_BYTES = 32
#: scrypt cost: about 0.1 s on a field laptop, memory-hard so a stolen disk resists guessing
SCRYPT = {"n": 2**15, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024}
#: backends that are not a secure store (null/fail, or plaintext files)
INSECURE_BACKENDS = ("fail", "null", "Plaintext", "plaintext", "Uncrypted", "chainer")


def secure_keyring_available() -> bool:
    """Whether the active keyring backend keeps secrets protected by the OS."""
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if any(word in name for word in INSECURE_BACKENDS):
        # the chainer is secure only when it has a secure backend inside
        inner = getattr(backend, "backends", None)
        return bool(inner) and all(
            not any(w in f"{type(b).__module__}.{type(b).__name__}" for w in INSECURE_BACKENDS) for b in inner
        )
    return getattr(backend, "priority", 0) > 0


def keyring_key(profile_id: str, create: bool) -> bytes:
    """The random key for a profile from the OS keyring; made and stored when ``create``."""
    if not secure_keyring_available():
        raise NoKeyringError()
    account = f"db-key:{profile_id}"
    try:
        stored = keyring.get_password(SERVICE, account)
        if stored:
            return bytes.fromhex(stored)
        if not create:
            raise WrongKeyError("no key in the keyring for this profile")
        key = secrets.token_bytes(KEY_BYTES)
        keyring.set_password(SERVICE, account, key.hex())
        return key
    except keyring.errors.KeyringError as exc:
        raise NoKeyringError(str(exc)) from exc


def forget_keyring_key(profile_id: str) -> None:
    with contextlib.suppress(keyring.errors.KeyringError):
        keyring.delete_password(SERVICE, f"db-key:{profile_id}")


def passphrase_key(passphrase: str, salt: bytes) -> bytes:
    if not passphrase:
        raise WrongKeyError("empty passphrase")
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, dklen=KEY_BYTES, **SCRYPT)


def new_salt() -> bytes:
    return secrets.token_bytes(16)


def key_check(key: bytes) -> str:
    return hmac.new(key, b"field-desk key check v1", hashlib.sha256).hexdigest()[:16]


def verify_key(key: bytes, expected_check: str | None) -> None:
    if expected_check and not hmac.compare_digest(key_check(key), expected_check):
        raise WrongKeyError()
