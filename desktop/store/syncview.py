"""What the sync panel shows: queues per destination, quarantined ops, open conflicts."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlcipher3

from .outbox import Op, ops_in_state, pending_counts


@dataclass(frozen=True)
class ConflictRow:
    conflict_id: str
    member_id: str
    member_name: str
    entity_type: str
    entity_id: str
    field_name: str
    mine: object
    theirs: object


@dataclass(frozen=True)
class SyncOverview:
    pending: dict[str, int]
    rejected: list[Op]
    conflicts: list[ConflictRow]
    last_sync: str | None
    last_error: str | None
    names: dict[str, str]


def overview(conn: sqlcipher3.Connection) -> SyncOverview:
    rejected = ops_in_state(conn, "rejected")
    conflicts = []
    for cid, member_id, data in conn.execute(
        "SELECT id, member_id, data FROM records WHERE entity_type = 'Conflict'"
        " AND data ->> '$.status' = 'open' ORDER BY updated_at"
    ):
        d = json.loads(data)
        conflicts.append(
            ConflictRow(
                cid,
                member_id or "",
                "",
                d.get("entity_type", ""),
                d.get("entity_id", ""),
                d.get("field_name") or d.get("field", ""),
                d.get("your_value"),
                d.get("server_value"),
            )
        )
    member_ids = {op.member_id for op in rejected if op.member_id} | {c.member_id for c in conflicts}
    names = dict(
        conn.execute(
            "SELECT id, trim(given_name || ' ' || surname) FROM members WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(member_ids)),),
        ).fetchall()
    )
    conflicts = [ConflictRow(**{**c.__dict__, "member_name": names.get(c.member_id, c.member_id)}) for c in conflicts]
    last_sync, last_error = conn.execute(
        "SELECT max(coalesce(last_pull, '')), max(last_error) FROM sync_state"
    ).fetchone()
    return SyncOverview(pending_counts(conn), rejected, conflicts, last_sync or None, last_error, names)
