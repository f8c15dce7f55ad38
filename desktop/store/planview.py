"""Reads for the workflow screens: one member's plan with sync states, programmes, alert
recipients. Small indexed lookups, cheap enough for the UI thread's reader connection.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlcipher3

from ..domain.model import Conflict, PersonName, Plan, PlanItem, plan_id_for
from .records import LIVE_STATES


@dataclass(frozen=True)
class PlanItemView:
    item: PlanItem
    version: int
    sync_state: str  # synced | pending | rejected | conflict


@dataclass(frozen=True)
class PlanView:
    """The member's ISEP as held on this device; ``plan`` is None until someone starts it."""

    member_id: str
    plan: Plan | None
    plan_state: str
    items: list[PlanItemView] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass(frozen=True)
class Programme:
    id: str
    name: str
    description: str


@dataclass(frozen=True)
class MemberBrief(PersonName):
    """A member's name, phone and office: a form's heading, an alert's placeholders."""

    member_id: str
    given_name: str
    surname: str
    phone: str
    office: str
    uin: str


def sync_states(conn: sqlcipher3.Connection, member_id: str) -> dict[str, str]:
    """entity id → pending / rejected / conflict for the member's records that are not synced."""
    states: dict[str, str] = {}
    rank = {"pending": 1, "rejected": 2, "conflict": 3}
    for entity_id, state in conn.execute(
        "SELECT entity_id, state FROM outbox WHERE member_id = ? AND state IN (?, ?, 'rejected', 'conflict')",
        (member_id, *LIVE_STATES),
    ):
        state = "pending" if state in LIVE_STATES else state
        if rank[state] > rank.get(states.get(entity_id, ""), 0):
            states[entity_id] = state
    for conflict in open_conflicts(conn, member_id):
        states[conflict.entity_id] = "conflict"
    return states


def open_conflicts(conn: sqlcipher3.Connection, member_id: str) -> list[Conflict]:
    rows = conn.execute(
        "SELECT id, data FROM records WHERE member_id = ? AND entity_type = 'Conflict'"
        " AND data ->> '$.status' = 'open' ORDER BY created_at",
        (member_id,),
    )
    return [Conflict.from_data(rid, json.loads(data)) for rid, data in rows]


def plan_view(conn: sqlcipher3.Connection, member_id: str) -> PlanView:
    states = sync_states(conn, member_id)
    plan_id = plan_id_for(member_id)
    plan = None
    found = conn.execute("SELECT data FROM records WHERE entity_type = 'Plan' AND id = ?", (plan_id,)).fetchone()
    if found:
        plan = Plan.from_data(plan_id, json.loads(found[0]))
    items = [
        PlanItemView(PlanItem.from_data(rid, json.loads(data)), version, states.get(rid, "synced"))
        for rid, data, version in conn.execute(
            "SELECT id, data, version FROM records WHERE member_id = ? AND entity_type = 'PlanItem'"
            " ORDER BY data ->> '$.owner_role', coalesce(data ->> '$.due_date', '9999'), created_at",
            (member_id,),
        )
    ]
    return PlanView(member_id, plan, states.get(plan_id, "synced"), items, open_conflicts(conn, member_id))


def programmes(conn: sqlcipher3.Connection) -> list[Programme]:
    """The ESS programme catalogue pulled to this device, by name."""
    out = []
    for rid, data in conn.execute("SELECT id, data FROM records WHERE entity_type = 'Programme'"):
        d = json.loads(data)
        out.append(Programme(rid, d.get("programme_name") or rid, d.get("programme_description", "")))
    return sorted(out, key=lambda p: p.name.casefold())


def members_brief(conn: sqlcipher3.Connection, member_ids: Iterable[str]) -> list[MemberBrief]:
    """The members in the order given (unknown ids left out)."""
    ids = list(dict.fromkeys(member_ids))
    found = {
        r[0]: MemberBrief(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5] or "")
        for r in conn.execute(
            "SELECT id, given_name, surname, phone, office, uin FROM members WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    return [found[i] for i in ids if i in found]


def refused_contact(conn: sqlcipher3.Connection, member_ids: Iterable[str], purpose: str) -> set[str]:
    """Members whose latest consent for ``purpose`` (e.g. contact_sms) is a refusal."""
    rows = conn.execute(
        "SELECT member_id, data ->> '$.granted' FROM records WHERE entity_type = 'Consent'"
        " AND member_id IN (SELECT value FROM json_each(?)) AND data ->> '$.purpose' = ?"
        " ORDER BY data ->> '$.given_on', created_at",
        (json.dumps(list(member_ids)), purpose),
    )
    latest = dict(rows.fetchall())
    return {m for m, granted in latest.items() if not granted}
