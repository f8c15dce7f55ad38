"""Unfinished forms, kept so that typing survives a crash or a closed window."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlcipher3

from .records import dumps, now_iso


@dataclass(frozen=True)
class Draft:
    data: dict[str, Any]
    saved_at: str


def save(conn: sqlcipher3.Connection, key: str, form: str, member_id: str | None, data: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO drafts (key, form, member_id, data, saved_at) VALUES (?,?,?,?,?)"
        " ON CONFLICT (key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at",
        (key, form, member_id, dumps(data), now_iso()),
    )


def discard(conn: sqlcipher3.Connection, key: str) -> None:
    conn.execute("DELETE FROM drafts WHERE key = ?", (key,))


def load(conn: sqlcipher3.Connection, key: str) -> Draft | None:
    row = conn.execute("SELECT data, saved_at FROM drafts WHERE key = ?", (key,)).fetchone()
    return Draft(json.loads(row[0]), row[1]) if row else None
