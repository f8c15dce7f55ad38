"""The push side of the outbox: claiming batches and recording the server's per-item answers.

An op's payload never changes once written, so a resend after a lost reply carries the same
idempotency key and the same bytes, and the server answers it as the first time.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3

from .db import Store
from .records import dumps, load_record, local_view, now_iso, refresh_summaries, write_record


@dataclass(frozen=True)
class Op:
    seq: int
    op_id: str
    destination: str
    entity_type: str
    entity_id: str
    member_id: str | None
    op: str
    patch: dict
    base_version: int | None
    hlc: str
    author: str
    role: str
    device_id: str
    created_at: str
    state: str = "pending"
    attempts: int = 0
    reason_code: str | None = None
    reason_message: str | None = None


_OP_COLUMNS = (
    "seq, op_id, destination, entity_type, entity_id, member_id, op, patch, base_version, hlc,"
    " author, role, device_id, created_at, state, attempts, reason_code, reason_message"
)


def _op(row) -> Op:
    values = list(row)
    values[7] = json.loads(values[7])
    return Op(*values)


@dataclass
class ItemResult:
    """The server's answer for one op."""

    op_id: str
    status: str  # succ | rjct
    reason_code: str | None = None
    reason_message: str | None = None
    version: int | None = None
    current: dict | None = None
    conflicts: list[dict] = field(default_factory=list)
    raw: dict = field(default_factory=dict)


def claim_batch(store: Store, destination: str, limit: int = 200) -> list[Op]:
    """The oldest unsent ops for one destination, marked in flight.

    Ops left in flight by a crash or a dropped connection are claimed again first; the server
    recognises their keys.
    """
    with store.write() as conn:
        rows = conn.execute(
            f"SELECT {_OP_COLUMNS} FROM outbox WHERE destination = ? AND state IN ('pending', 'inflight')"
            " ORDER BY seq LIMIT ?",
            (destination, limit),
        ).fetchall()
        if rows:
            conn.execute(
                "UPDATE outbox SET state = 'inflight', attempts = attempts + 1, updated_at = ?"
                " WHERE op_id IN (SELECT value FROM json_each(?))",
                (now_iso(), json.dumps([r[1] for r in rows])),
            )
    return [dataclasses.replace(_op(r), state="inflight", attempts=r[15] + 1) for r in rows]


def release(store: Store, op_ids: list[str]) -> None:
    """A transport error: these ops go back to waiting, unchanged."""
    with store.write() as conn:
        conn.execute(
            "UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'inflight'"
            " AND op_id IN (SELECT value FROM json_each(?))",
            (now_iso(), json.dumps(op_ids)),
        )


def record_results(store: Store, results: list[ItemResult]) -> dict[str, int]:
    """Apply a batch's per-item answers in one transaction; returns counts by outcome."""
    counts = {"acked": 0, "rejected": 0, "conflict": 0}
    with store.write() as conn:
        touched = set()
        for res in results:
            row = conn.execute(f"SELECT {_OP_COLUMNS} FROM outbox WHERE op_id = ?", (res.op_id,)).fetchone()
            if row is None:
                continue
            op = _op(row)
            if op.state not in ("inflight", "pending"):
                continue  # answered before (a duplicate reply): never applied twice
            touched.add(op.member_id)
            if res.status == "succ":
                state = "acked"
                _acknowledge(conn, op, res)
            elif res.reason_code == "rjct.conflict":
                state = "conflict"
                _take_conflict(conn, op, res)
            else:
                state = "rejected"
            counts[state] += 1
            conn.execute(
                "UPDATE outbox SET state = ?, reason_code = ?, reason_message = ?, result = ?, updated_at = ?"
                " WHERE op_id = ?",
                (state, res.reason_code, res.reason_message, dumps(res.raw), now_iso(), op.op_id),
            )
            if state != "acked":
                _rebuild_view(conn, op)
        conn.execute(
            "UPDATE sync_state SET last_push = ? WHERE destination IN"
            " (SELECT DISTINCT destination FROM outbox WHERE op_id IN (SELECT value FROM json_each(?)))",
            (now_iso(), json.dumps([r.op_id for r in results])),
        )
        refresh_summaries(conn, touched)
    return counts


def _acknowledge(conn, op: Op, res: ItemResult) -> None:
    """The server took the op: its patch is now part of the server state we know."""
    found = load_record(conn, op.entity_type, op.entity_id)
    if found is None:
        return
    data, server, version = found
    if res.version is not None and res.version <= version:
        return  # a pull already brought this state or a newer one
    server = {**(server or {}), **op.patch}
    write_record(
        conn,
        op.entity_type,
        op.entity_id,
        op.member_id,
        data,
        server_data=server,
        version=res.version if res.version is not None else version,
    )


def _take_conflict(conn, op: Op, res: ItemResult) -> None:
    """The server applied what it could and made Conflict records for the rest."""
    if res.current is not None and res.version is not None:
        current = {**res.current}
        if op.member_id and "member_id" not in current:
            current["member_id"] = op.member_id
        write_record(
            conn, op.entity_type, op.entity_id, op.member_id, current, server_data=current, version=res.version
        )
    for c in res.conflicts:
        conflict_id = c.get("conflict_id")
        if not conflict_id or load_record(conn, "Conflict", conflict_id) is not None:
            continue
        write_record(
            conn,
            "Conflict",
            conflict_id,
            op.member_id,
            {
                "member_id": op.member_id,
                "entity_type": op.entity_type,
                "entity_id": op.entity_id,
                "field_name": c.get("field"),
                "server_value": c.get("server_value"),
                "your_value": c.get("your_value"),
                "base_version": op.base_version or 0,
                "authors": [op.author],
                "status": "open",
            },
        )


def _rebuild_view(conn, op: Op) -> None:
    found = load_record(conn, op.entity_type, op.entity_id)
    if found is None or found[1] is None:
        return  # never reached the server: the local record stays as the user saved it
    write_record(
        conn, op.entity_type, op.entity_id, op.member_id, local_view(conn, op.entity_type, op.entity_id, found[1])
    )


# --- what the sync panel shows ---------------------------------------------------------


def pending_counts(store_or_conn: Any) -> dict[str, int]:
    conn = getattr(store_or_conn, "conn", store_or_conn)
    out = {"SR": 0, "ESS": 0}
    for dest, n in conn.execute(
        "SELECT destination, count(*) FROM outbox WHERE state IN ('pending', 'inflight') GROUP BY destination"
    ):
        out[dest] = n
    return out


def ops_in_state(store_or_conn: Any, state: str, limit: int = 500) -> list[Op]:
    conn = getattr(store_or_conn, "conn", store_or_conn)
    rows = conn.execute(
        f"SELECT {_OP_COLUMNS} FROM outbox WHERE state = ? ORDER BY seq LIMIT ?", (state, limit)
    ).fetchall()
    return [_op(r) for r in rows]


def status_counts(store_or_conn: Any) -> dict[str, int]:
    """``assigned``, ``pending``, ``rejected``, ``conflicts`` for the status line and the CLI."""
    conn = getattr(store_or_conn, "conn", store_or_conn)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "assigned": one("SELECT count(*) FROM members WHERE assigned = 1"),
        "pending": one("SELECT count(*) FROM outbox WHERE state IN ('pending', 'inflight')"),
        "rejected": one("SELECT count(*) FROM outbox WHERE state = 'rejected'"),
        "conflicts": one(
            "SELECT count(*) FROM records WHERE entity_type = 'Conflict' AND data ->> '$.status' = 'open'"
        ),
    }


def supersede_rejected(
    conn: sqlcipher3.Connection, op_id: str
) -> tuple[str, str, str | None, str, dict[str, Any], int | None] | None:
    """Take a quarantined op off the queue to send its change again: its entity type and id,
    member, op, patch and base version; None when it is not waiting for a retry."""
    row = conn.execute(
        "SELECT entity_type, entity_id, member_id, op, patch, base_version FROM outbox"
        " WHERE op_id = ? AND state = 'rejected'",
        (op_id,),
    ).fetchone()
    if row is None:
        return None
    conn.execute("UPDATE outbox SET state = 'superseded', updated_at = ? WHERE op_id = ?", (now_iso(), op_id))
    entity_type, entity_id, member_id, op, patch, base_version = row
    return entity_type, entity_id, member_id, op, json.loads(patch), base_version
