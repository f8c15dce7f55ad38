"""Identity: people with a role and a scope, system clients, devices, tokens.

Access tokens are HS256 JWTs (the DCI spec declares a JWT bearer) carrying the role and the
scope the field-update API filters on, so most calls need no lookup; the device is still
checked on every call, because a revoked device must hear about it at its next sync.
Refresh tokens are opaque, stored hashed, and rotate on every use.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass, field

from .db import Database
from .dci import DciError

ACCESS_TTL_S = 15 * 60
REFRESH_TTL_S = 30 * 24 * 3600
ROLES = ("counselor", "caseworker", "supervisor")
DEVICE_REVOKED = "device_revoked"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY, role TEXT NOT NULL, display_name TEXT NOT NULL,
  office TEXT NOT NULL, areas TEXT NOT NULL, salt BLOB NOT NULL, pw_hash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS clients (client_id TEXT PRIMARY KEY, salt BLOB NOT NULL, secret_hash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS devices (
  device_id TEXT PRIMARY KEY, user TEXT NOT NULL, name TEXT NOT NULL,
  registered_at REAL NOT NULL, revoked_at REAL);
CREATE TABLE IF NOT EXISTS refresh_tokens (
  token_hash TEXT PRIMARY KEY, user TEXT NOT NULL, device_id TEXT NOT NULL,
  expires_at REAL NOT NULL, used INTEGER NOT NULL DEFAULT 0);
"""


@dataclass(frozen=True)
class Principal:
    """Who is calling: a person on a device, or a system client (``role`` ``system``)."""

    name: str
    role: str
    scope: str
    office: str = ""
    areas: tuple[str, ...] = field(default_factory=tuple)
    device_id: str = ""

    @property
    def is_system(self) -> bool:
        return self.role == "system"


def scope_of(role: str, name: str, office: str) -> str:
    """The feed a person reads: their own list, or their whole office for a supervisor."""
    return f"o:{office}" if role == "supervisor" else f"u:{name}"


def _hash_secret(secret: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", secret.encode(), salt, 20_000)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Identity:
    def __init__(self, db: Database, access_ttl: int = ACCESS_TTL_S):
        self.db = db
        self.access_ttl = access_ttl
        db.script(SCHEMA)
        with db.tx() as c:
            row = c.execute("SELECT value FROM meta WHERE key='signing_key'").fetchone()
            if row is None:
                row = (secrets.token_hex(32),)
                c.execute("INSERT INTO meta VALUES ('signing_key', ?)", row)
        self._key = bytes.fromhex(row[0])

    # --- accounts ------------------------------------------------------------------------

    def add_users(self, users: list[dict], password: str) -> None:
        """Create or replace people; demo accounts share one password, so it is hashed once."""
        salt = secrets.token_bytes(16)
        pw_hash = _hash_secret(password, salt)
        with self.db.tx() as c:
            c.executemany(
                "INSERT OR REPLACE INTO users VALUES (?,?,?,?,?,?,?)",
                [
                    (
                        u["name"],
                        u["role"],
                        u.get("display_name", u["name"]),
                        u["office"],
                        json.dumps(u.get("areas", [])),
                        salt,
                        pw_hash,
                    )
                    for u in users
                ],
            )

    def add_client(self, client_id: str, secret: str) -> None:
        salt = secrets.token_bytes(16)
        with self.db.tx() as c:
            c.execute("INSERT OR REPLACE INTO clients VALUES (?,?,?)", (client_id, salt, _hash_secret(secret, salt)))

    def users(self) -> list[dict]:
        with self.db.read() as c:
            rows = c.execute("SELECT name, role, display_name, office, areas FROM users ORDER BY role, name").fetchall()
        return [
            {"name": r[0], "role": r[1], "display_name": r[2], "office": r[3], "areas": json.loads(r[4])} for r in rows
        ]

    # --- grants --------------------------------------------------------------------------

    def password_grant(self, username: str, password: str, device_id: str, device_name: str) -> dict:
        if not device_id or len(device_id) > 100:
            raise DciError(400, "err.request.bad", "device_id is required (at most 100 characters)")
        with self.db.tx() as c:
            row = c.execute(
                "SELECT role, display_name, office, areas, salt, pw_hash FROM users WHERE name=?", (username,)
            ).fetchone()
            if row is None or not hmac.compare_digest(_hash_secret(password, row[4]), row[5]):
                raise DciError(401, "err.request.unauthorized", "unknown user or wrong password")
            device = c.execute("SELECT user, revoked_at FROM devices WHERE device_id=?", (device_id,)).fetchone()
            if device and device[1] is not None:
                raise DciError(403, "err.request.forbidden", DEVICE_REVOKED)
            if device and device[0] != username:
                raise DciError(403, "err.request.forbidden", "device registered to another user")
            if device is None:
                c.execute(
                    "INSERT INTO devices VALUES (?,?,?,?,NULL)",
                    (device_id, username, device_name[:200] or device_id, time.time()),
                )
            return self._issue(c, username, row[0], row[1], row[2], json.loads(row[3]), device_id)

    def refresh_grant(self, refresh_token: str, device_id: str) -> dict:
        token_hash = hashlib.sha256(refresh_token.encode()).hexdigest()
        with self.db.tx() as c:
            row = c.execute(
                "SELECT user, device_id, expires_at, used FROM refresh_tokens WHERE token_hash=?", (token_hash,)
            ).fetchone()
            if row is None or row[3] or row[2] < time.time() or (device_id and device_id != row[1]):
                raise DciError(401, "err.request.unauthorized", "refresh token unknown, used or expired")
            self._check_device(c, row[1])
            c.execute("UPDATE refresh_tokens SET used=1 WHERE token_hash=?", (token_hash,))
            user = c.execute("SELECT role, display_name, office, areas FROM users WHERE name=?", (row[0],)).fetchone()
            return self._issue(c, row[0], user[0], user[1], user[2], json.loads(user[3]), row[1])

    def client_grant(self, client_id: str, client_secret: str) -> dict:
        with self.db.read() as c:
            row = c.execute("SELECT salt, secret_hash FROM clients WHERE client_id=?", (client_id,)).fetchone()
        if row is None or not hmac.compare_digest(_hash_secret(client_secret, row[0]), row[1]):
            raise DciError(401, "err.request.unauthorized", "unknown client or wrong secret")
        claims = {"sub": client_id, "role": "system", "scope": "*"}
        return {"access_token": self.sign(claims), "token_type": "Bearer", "expires_in": self.access_ttl}

    def _issue(self, c, name: str, role: str, display_name: str, office: str, areas: list, device_id: str) -> dict:
        scope = scope_of(role, name, office)
        access = self.sign(
            {"sub": name, "role": role, "scope": scope, "office": office, "areas": areas, "dev": device_id}
        )
        refresh = secrets.token_urlsafe(32)
        c.execute(
            "INSERT INTO refresh_tokens VALUES (?,?,?,?,0)",
            (hashlib.sha256(refresh.encode()).hexdigest(), name, device_id, time.time() + REFRESH_TTL_S),
        )
        return {
            "access_token": access,
            "refresh_token": refresh,
            "token_type": "Bearer",
            "expires_in": self.access_ttl,
            "user": name,
            "role": role,
            "display_name": display_name,
            "office": office,
            "areas": areas,
        }

    # --- tokens --------------------------------------------------------------------------

    def sign(self, claims: dict, ttl: int | None = None) -> str:
        now = int(time.time())
        body = {
            **claims,
            "iat": now,
            "exp": now + (self.access_ttl if ttl is None else ttl),
            "jti": secrets.token_hex(8),
        }
        head = _b64(b'{"alg":"HS256","typ":"JWT"}')
        payload = _b64(json.dumps(body, separators=(",", ":")).encode())
        sig = hmac.new(self._key, f"{head}.{payload}".encode(), hashlib.sha256).digest()
        return f"{head}.{payload}.{_b64(sig)}"

    def authenticate(self, authorization: str | None) -> Principal:
        """The caller of a request, or 401/403 in the DCI error shape."""
        if not authorization or not authorization.lower().startswith("bearer "):
            raise DciError(401, "err.request.unauthorized", "a bearer token is required")
        claims = self._verify(authorization[7:].strip())
        device_id = claims.get("dev", "")
        if device_id:
            with self.db.read() as c:
                self._check_device(c, device_id)
        return Principal(
            name=claims["sub"],
            role=claims["role"],
            scope=claims["scope"],
            office=claims.get("office", ""),
            areas=tuple(claims.get("areas", ())),
            device_id=device_id,
        )

    def _verify(self, token: str) -> dict:
        try:
            head, payload, sig = token.split(".")
            expected = hmac.new(self._key, f"{head}.{payload}".encode(), hashlib.sha256).digest()
            if not hmac.compare_digest(expected, _unb64(sig)):
                raise ValueError("signature")
            claims = json.loads(_unb64(payload))
            if not isinstance(claims, dict) or not {"sub", "role", "scope", "exp"} <= claims.keys():
                raise ValueError("claims")
        except (ValueError, TypeError, UnicodeDecodeError):
            raise DciError(401, "err.request.unauthorized", "invalid token") from None
        if claims["exp"] < time.time():
            raise DciError(401, "err.request.unauthorized", "token expired")
        return claims

    @staticmethod
    def _check_device(c, device_id: str) -> None:
        row = c.execute("SELECT revoked_at FROM devices WHERE device_id=?", (device_id,)).fetchone()
        if row is not None and row[0] is not None:
            raise DciError(403, "err.request.forbidden", DEVICE_REVOKED)

    # --- devices -------------------------------------------------------------------------

    def revoke_device(self, device_id: str) -> bool:
        with self.db.tx() as c:
            return (
                c.execute(
                    "UPDATE devices SET revoked_at=? WHERE device_id=? AND revoked_at IS NULL", (time.time(), device_id)
                ).rowcount
                > 0
            )

    def devices(self) -> list[dict]:
        with self.db.read() as c:
            rows = c.execute("SELECT device_id, user, name, registered_at, revoked_at FROM devices").fetchall()
        return [{"device_id": r[0], "user": r[1], "name": r[2], "revoked": r[4] is not None} for r in rows]
