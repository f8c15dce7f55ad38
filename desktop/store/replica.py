"""Applying what a pull brings, and the bookkeeping of cursors and full resyncs.

A page of change records and its new cursor go in together, in one transaction, so an
interrupted pull resumes exactly where the last committed page ended. A pulled value never
overwrites pending local work: the local view is rebuilt as the server's state with this
device's unsent patches on top.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlcipher3

from ..domain.model import SERVER_TYPES, Assignment, Member
from .db import Store
from .records import dumps, load_record, local_view, now_iso, refresh_summaries, write_record
from .search import mark_stale, restore_indexes, suspend_indexes, write_stale


@dataclass
class SyncCursor:
    destination: str
    cursor: int
    epoch: str | None
    gen: int
    full_resync: bool
    last_pull: str | None
    last_push: str | None
    last_error: str | None


def cursor_of(conn: sqlcipher3.Connection, destination: str) -> SyncCursor:
    row = conn.execute(
        "SELECT destination, cursor, epoch, gen, full_resync, last_pull, last_push, last_error"
        " FROM sync_state WHERE destination = ?",
        (destination,),
    ).fetchone()
    return SyncCursor(row[0], row[1], row[2], row[3], bool(row[4]), row[5], row[6], row[7])


def begin_full_resync(store: Store, destination: str) -> None:
    """Start over from sequence 0 under a new generation; pending local ops are kept.

    Records from this service that the resync does not bring again are dropped at its end
    (``finish_full_resync``) unless local work still refers to them.
    """
    with store.write() as conn:
        conn.execute(
            "UPDATE sync_state SET cursor = 0, epoch = NULL, gen = gen + 1, full_resync = 1 WHERE destination = ?",
            (destination,),
        )


def finish_full_resync(store: Store, destination: str) -> int:
    """Drop what the completed resync did not bring back; returns how many records went."""
    with store.write() as conn:
        gen = cursor_of(conn, destination).gen
        removed = 0
        if destination == "SR":
            removed += conn.execute("DELETE FROM households WHERE resync_gen < ?", (gen,)).rowcount
            stale = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM members WHERE sr_gen < ? AND sr_version > 0 AND pending = 0", (gen,)
                )
            ]
            removed += _delete_members(conn, stale)
        else:
            conn.execute("UPDATE members SET assigned = 0 WHERE ess_gen < ? AND ess_version > 0", (gen,))
        types = [t for t, home in _record_homes().items() if home == destination]
        removed += conn.execute(
            f"DELETE FROM records WHERE resync_gen < ? AND version > 0 AND entity_type IN ({','.join('?' * len(types))})"
            " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity_type = records.entity_type"
            " AND o.entity_id = records.id AND o.state IN ('pending', 'inflight', 'rejected'))",
            (gen, *types),
        ).rowcount
        conn.execute("UPDATE sync_state SET full_resync = 0 WHERE destination = ?", (destination,))
        return removed


def _record_homes() -> dict[str, str]:
    from ..domain.model import ENTITY_TYPES

    homes = {name: cls.HOME for name, cls in ENTITY_TYPES.items()}
    homes["Programme"] = "ESS"
    return homes


def apply_page(
    store: Store, destination: str, records: list[dict], new_cursor: int, epoch: str | None, *, search: bool = True
) -> int:
    """Apply one pulled page and move the cursor, atomically. Returns records applied.

    The members it changes are marked for the search index in the same transaction, and their
    entries written at once; a long pull passes ``search=False`` and calls ``index_search`` once
    at its end.
    """
    with store.write() as conn:
        state = cursor_of(conn, destination)
        gen = state.gen
        members, groups, assignments, others = [], [], [], []
        for rec in records:
            kind = rec["entity_type"]
            (
                members
                if kind == "Member"
                else groups
                if kind == "Group"
                else assignments
                if kind == "Assignment"
                else others
            ).append(rec)
        touched: set[str] = set()
        if members:
            _apply_members(conn, members, gen)
        if groups:
            _apply_groups(conn, groups, gen)
        if assignments:
            touched |= _apply_assignments(conn, assignments, gen)
        for rec in others:
            touched |= _apply_record(conn, rec, gen)
        refresh_summaries(conn, touched)
        if search:
            write_stale(conn)
        conn.execute(
            "UPDATE sync_state SET cursor = ?, epoch = ?, last_pull = ?, last_error = NULL WHERE destination = ?",
            (new_cursor, epoch, now_iso(), destination),
        )
        return len(records)


def begin_long_pull(store: Store, incoming: int) -> None:
    """A pull of ``incoming`` records writes its search entries at its end (``index_search``); when
    it brings more than the device holds, the worklist's sort indexes are built then too."""
    with store.write() as conn:
        if conn.execute("SELECT count(*) FROM members").fetchone()[0] < incoming:
            suspend_indexes(conn)


def index_search(store: Store) -> int:
    """Write the search entries that pulls left marked, and build the sort indexes a long pull set
    aside; returns how many members were marked."""
    with store.write() as conn:
        restore_indexes(conn)
        return write_stale(conn)


_MEMBER_COLUMNS = (
    "id",
    "household_id",
    "given_name",
    "surname",
    "uin",
    "phone",
    "sex",
    "birth_date",
    "locality",
    "area",
    "region",
    "relationship",
    "sr_version",
    "sr_gen",
)


def _apply_members(conn, records: list[dict], gen: int) -> None:
    rows, docs, deleted = [], [], []
    for rec in records:
        if rec.get("deleted"):
            deleted.append(rec["entity_id"])
            continue
        m = Member.from_dci(rec["entity_id"], rec["data"])
        rows.append(
            (
                m.id,
                m.household_id,
                m.given_name,
                m.surname,
                m.uin,
                m.phone,
                m.sex,
                m.birth_date,
                m.locality,
                m.area,
                m.region,
                m.relationship,
                rec.get("version", 1),
                gen,
            )
        )
        docs.append((m.id, dumps(m.data)))
    updates = ", ".join(f"{c} = excluded.{c}" for c in _MEMBER_COLUMNS[1:])
    conn.executemany(
        f"INSERT INTO members ({', '.join(_MEMBER_COLUMNS)}) VALUES ({', '.join('?' * len(_MEMBER_COLUMNS))})"
        f" ON CONFLICT (id) DO UPDATE SET {updates}",
        rows,
    )
    conn.executemany(
        "INSERT INTO member_docs (id, sr_data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET sr_data = excluded.sr_data",
        docs,
    )
    mark_stale(conn, [r[0] for r in rows])
    _delete_members(conn, [d for d in deleted if not _has_local_work(conn, d)])


def _has_local_work(conn, member_id: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM outbox WHERE member_id = ? AND state IN ('pending', 'inflight', 'rejected') LIMIT 1",
            (member_id,),
        ).fetchone()
        is not None
    )


def _delete_members(conn, member_ids: list[str]) -> int:
    if not member_ids:
        return 0
    mark_stale(conn, member_ids)
    ids = json.dumps(member_ids)
    conn.execute("DELETE FROM records WHERE member_id IN (SELECT value FROM json_each(?))", (ids,))
    conn.execute("DELETE FROM drafts WHERE member_id IN (SELECT value FROM json_each(?))", (ids,))
    conn.execute("DELETE FROM member_docs WHERE id IN (SELECT value FROM json_each(?))", (ids,))
    return conn.execute("DELETE FROM members WHERE id IN (SELECT value FROM json_each(?))", (ids,)).rowcount


def _apply_groups(conn, records: list[dict], gen: int) -> None:
    rows = []
    for rec in records:
        if rec.get("deleted"):
            conn.execute("DELETE FROM households WHERE id = ?", (rec["entity_id"],))
            continue
        data = rec["data"]
        address = (data.get("address") or [{}])[0]
        rows.append(
            (
                rec["entity_id"],
                address.get("sub_region_code"),
                address.get("locality"),
                dumps(data),
                rec.get("version", 1),
                gen,
            )
        )
    conn.executemany(
        "INSERT INTO households (id, area, locality, data, version, resync_gen) VALUES (?,?,?,?,?,?)"
        " ON CONFLICT (id) DO UPDATE SET area = excluded.area, locality = excluded.locality,"
        " data = excluded.data, version = excluded.version, resync_gen = excluded.resync_gen",
        rows,
    )


_ASSIGNMENT_COLUMNS = (
    "assigned",
    "office",
    "segment",
    "counselor",
    "caseworker",
    "potentially_unemployed",
    "needs_field_check",
    "labour_readiness",
    "pension_check",
    "tax_check",
    "education_check",
    "months_without_contributions",
    "referral_source",
    "bpp_list_id",
    "ess_version",
    "ess_gen",
)


def _apply_assignments(conn, records: list[dict], gen: int) -> set[str]:
    rows, ended = [], []
    for rec in records:
        a = Assignment.from_data(rec["entity_id"], rec.get("data") or {})
        active = not rec.get("deleted") and a.status == "active"
        if not active:
            ended.append(a.member_id)
        rows.append(
            (
                a.member_id,
                int(active),
                a.office,
                a.segment,
                a.counselor,
                a.caseworker,
                int(a.potentially_unemployed),
                int(a.needs_field_check),
                a.labour_readiness or "unknown",
                a.pension_check,
                a.tax_check,
                a.education_check,
                a.months_without_contributions,
                a.referral_source,
                a.bpp_list_id,
                rec.get("version", 1),
                gen,
            )
        )
    updates = ", ".join(f"{c} = excluded.{c}" for c in _ASSIGNMENT_COLUMNS)
    # the ESS may answer before the SR: the member row exists from either side
    conn.executemany(
        f"INSERT INTO members (id, {', '.join(_ASSIGNMENT_COLUMNS)}) VALUES (?, {', '.join('?' * len(_ASSIGNMENT_COLUMNS))})"
        f" ON CONFLICT (id) DO UPDATE SET {updates}",
        rows,
    )
    # the area's office is searchable
    mark_stale(conn, [r[0] for r in rows])
    # an ended assignment takes the member off this device once nothing local is pending
    _delete_members(conn, [m for m in ended if not _has_local_work(conn, m)])
    # only a change of assignment can change a case's status here; new ones start as "new"
    changed = conn.execute(
        "SELECT id FROM members WHERE (case_status != 'new' OR pending > 0) AND id IN (SELECT value FROM json_each(?))",
        (json.dumps([r[0] for r in rows]),),
    )
    return set(ended) | {r[0] for r in changed}


def _apply_record(conn, rec: dict, gen: int) -> set[str]:
    kind, entity_id = rec["entity_type"], rec["entity_id"]
    member_id = rec.get("member_id") or (rec.get("data") or {}).get("member_id")
    if rec.get("deleted"):
        conn.execute(
            "DELETE FROM records WHERE entity_type = ? AND id = ? AND NOT EXISTS (SELECT 1 FROM outbox"
            " WHERE entity_type = ? AND entity_id = ? AND state IN ('pending', 'inflight'))",
            (kind, entity_id, kind, entity_id),
        )
        return {member_id} if member_id else set()
    server = rec.get("data") or {}
    if kind not in SERVER_TYPES and member_id and "member_id" not in server:
        server = {**server, "member_id": member_id}
    current = load_record(conn, kind, entity_id)
    if current is not None and current[2] > rec.get("version", 0):
        return set()  # an older state than we already hold (an ack raced ahead of the pull)
    write_record(
        conn,
        kind,
        entity_id,
        member_id,
        local_view(conn, kind, entity_id, server),
        server_data=server,
        version=rec.get("version", 1),
        gen=gen,
    )
    return {member_id} if member_id else set()


def note_error(store: Store, destination: str, message: str) -> None:
    """Why the last sync of this destination failed (cleared by the next applied page)."""
    with store.write() as conn:
        conn.execute("UPDATE sync_state SET last_error = ? WHERE destination = ?", (message[:500], destination))


def count_held(conn: sqlcipher3.Connection, destination: str) -> int:
    """How many live records from this service the device holds (for the sanity check)."""
    homes = [t for t, home in _record_homes().items() if home == destination]
    n = conn.execute(
        f"SELECT count(*) FROM records WHERE version > 0 AND entity_type IN ({','.join('?' * len(homes))})", homes
    ).fetchone()[0]
    if destination == "SR":
        n += conn.execute("SELECT count(*) FROM members WHERE sr_version > 0").fetchone()[0]
        n += conn.execute("SELECT count(*) FROM households").fetchone()[0]
    else:
        n += conn.execute("SELECT count(*) FROM members WHERE ess_version > 0 AND assigned = 1").fetchone()[0]
    return n
