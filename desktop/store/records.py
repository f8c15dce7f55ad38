"""Shared pieces of every write: the outbox op and audit row, rebasing, case summaries.

Callers hold a transaction (``Store.write``); nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

import orjson
import sqlcipher3

from ..domain.model import home_of, new_id

#: outbox states whose patches are part of the local view
LIVE_STATES = ("pending", "inflight")


@dataclass(frozen=True)
class Actor:
    """Who is making changes on this device."""

    user: str
    role: str
    device_id: str


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def dumps(value) -> str:
    """Canonical compact JSON (sorted keys), fast enough for a 100k-member pull."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode("utf-8")


def load_record(conn: sqlcipher3.Connection, entity_type: str, entity_id: str):
    """``(data, server_data, version)`` of a record, or None."""
    row = conn.execute(
        "SELECT data, server_data, version FROM records WHERE entity_type = ? AND id = ?", (entity_type, entity_id)
    ).fetchone()
    if row is None:
        return None
    return json.loads(row[0]), (json.loads(row[1]) if row[1] else None), row[2]


def enqueue(
    conn: sqlcipher3.Connection,
    actor: Actor,
    hlc: str,
    *,
    entity_type: str,
    entity_id: str,
    member_id: str | None,
    op: str,
    patch: dict,
    base_version: int | None,
    action: str,
    detail: dict | None = None,
) -> str:
    """Write the outbox op and its audit row; returns the op id (the push's idempotency key)."""
    op_id = new_id()
    at = now_iso()
    conn.execute(
        "INSERT INTO outbox (op_id, destination, entity_type, entity_id, member_id, op, patch, base_version,"
        " hlc, author, role, device_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            op_id,
            home_of(entity_type),
            entity_type,
            entity_id,
            member_id,
            op,
            dumps(patch),
            base_version,
            hlc,
            actor.user,
            actor.role,
            actor.device_id,
            at,
            at,
        ),
    )
    audit(
        conn,
        actor,
        action,
        entity_type=entity_type,
        entity_id=entity_id,
        member_id=member_id,
        op_id=op_id,
        detail=detail if detail is not None else patch,
    )
    return op_id


def audit(
    conn: sqlcipher3.Connection,
    actor: Actor,
    action: str,
    *,
    entity_type: str | None = None,
    entity_id: str | None = None,
    member_id: str | None = None,
    op_id: str | None = None,
    detail: dict | None = None,
) -> None:
    conn.execute(
        "INSERT INTO audit (at, actor, role, action, entity_type, entity_id, member_id, op_id, detail)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        (
            now_iso(),
            actor.user,
            actor.role,
            action,
            entity_type,
            entity_id,
            member_id,
            op_id,
            dumps(detail) if detail is not None else None,
        ),
    )


def local_view(conn: sqlcipher3.Connection, entity_type: str, entity_id: str, server_data: dict | None) -> dict:
    """The server's state with this device's unsent patches on top, in the order they were made."""
    data = dict(server_data or {})
    for (patch,) in conn.execute(
        "SELECT patch FROM outbox WHERE entity_type = ? AND entity_id = ? AND state IN (?, ?) ORDER BY seq",
        (entity_type, entity_id, *LIVE_STATES),
    ):
        data.update(json.loads(patch))
    return data


def write_record(
    conn: sqlcipher3.Connection,
    entity_type: str,
    entity_id: str,
    member_id: str | None,
    data: dict,
    server_data: dict | None = None,
    version: int | None = None,
    gen: int | None = None,
) -> None:
    """Insert or update a record; ``server_data``/``version``/``gen`` change only when given."""
    at = now_iso()
    conn.execute(
        "INSERT INTO records (entity_type, id, member_id, data, server_data, version, resync_gen, created_at, updated_at)"
        " VALUES (?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (entity_type, id) DO UPDATE SET data = excluded.data, member_id = excluded.member_id,"
        " server_data = CASE WHEN ?10 THEN excluded.server_data ELSE records.server_data END,"
        " version = CASE WHEN ?10 THEN excluded.version ELSE records.version END,"
        " resync_gen = CASE WHEN ?11 THEN excluded.resync_gen ELSE records.resync_gen END,"
        " updated_at = excluded.updated_at",
        (
            entity_type,
            entity_id,
            member_id,
            dumps(data),
            dumps(server_data) if server_data is not None else None,
            version or 0,
            gen or 0,
            at,
            at,
            server_data is not None,
            gen is not None,
        ),
    )


_SUMMARY = """
UPDATE members SET
  pending = (SELECT count(*) FROM outbox o WHERE o.member_id = members.id AND o.state IN ('pending', 'inflight')),
  rejected = (SELECT count(*) FROM outbox o WHERE o.member_id = members.id AND o.state = 'rejected'),
  conflicts = (SELECT count(*) FROM records r WHERE r.member_id = members.id AND r.entity_type = 'Conflict'
               AND r.data ->> '$.status' = 'open'),
  next_due = (SELECT min(r.data ->> '$.due_date') FROM records r WHERE r.member_id = members.id
              AND r.entity_type = 'PlanItem' AND r.data ->> '$.status' IN ('planned', 'in_progress')),
  returned = EXISTS (SELECT 1 FROM records r WHERE r.member_id = members.id AND r.entity_type = 'Review'
                     AND r.data ->> '$.outcome' = 'returned'),
  reviews_pending = EXISTS (SELECT 1 FROM records r WHERE r.member_id = members.id AND r.entity_type = 'Review'
                            AND r.data ->> '$.outcome' = 'pending'),
  last_contact = (SELECT max(r.data ->> '$.contacted_on') FROM records r WHERE r.member_id = members.id
                  AND r.entity_type = 'OutreachContact'),
  case_status = CASE
    WHEN members.assigned = 0 AND members.ess_version > 0 THEN 'closed'
    WHEN EXISTS (SELECT 1 FROM records r WHERE r.member_id = members.id AND r.entity_type = 'Enrollment'
                 AND r.data ->> '$.enrollment_status' IN ('Active', 'Reinstated', 'Awaiting Renewal')) THEN 'enrolled'
    WHEN EXISTS (SELECT 1 FROM records r WHERE r.member_id = members.id AND r.entity_type = 'Plan'
                 AND r.data ->> '$.status' = 'active') THEN 'plan_agreed'
    WHEN EXISTS (SELECT 1 FROM records r WHERE r.member_id = members.id AND r.entity_type IN ('Plan', 'PlanItem'))
         THEN 'planning'
    WHEN EXISTS (SELECT 1 FROM records r WHERE r.member_id = members.id AND r.entity_type = 'OutreachContact')
         THEN 'contacted'
    ELSE 'new' END
WHERE id IN (SELECT value FROM json_each(?))
"""


def refresh_summaries(conn: sqlcipher3.Connection, member_ids: Iterable[str | None]) -> None:
    """Recompute the worklist's case columns of these members from their records and ops.

    The SQL mirrors ``domain.rules.case_summary`` (set-based, for pulls of thousands of members);
    ``tests/store/test_rules_mirror.py`` holds the two together.
    """
    ids = sorted({m for m in member_ids if m})
    for start in range(0, len(ids), 5000):
        conn.execute(_SUMMARY, (json.dumps(ids[start : start + 5000]),))
