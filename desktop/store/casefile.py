"""One member's file for the detail pane: small indexed reads, cheap enough for the UI thread.

Everything here is looked up by primary key or by an index on ``member_id``/``household_id``,
so one call costs a handful of page reads whatever the size of the worklist.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import sqlcipher3

from ..domain.model import Assignment, Member, PersonName
from .outbox import status_counts
from .replica import cursor_of
from .worklist import WorklistRow, fetch_rows

HISTORY_LIMIT = 20


@dataclass(frozen=True)
class HouseholdMember(PersonName):
    id: str
    given_name: str
    surname: str
    relationship: str
    sex: str
    birth_date: str
    on_worklist: bool


@dataclass(frozen=True)
class RecordEntry:
    """A Field Desk record of the member (a verification, a plan item, ...) as held locally."""

    entity_type: str
    id: str
    data: dict
    version: int
    updated_at: str

    @property
    def synced(self) -> bool:
        return self.version > 0


@dataclass(frozen=True)
class AuditEntry:
    at: str
    actor: str
    role: str
    action: str
    entity_type: str
    detail: dict | None


@dataclass(frozen=True)
class MemberFile:
    """What the detail pane shows of one member; ``row`` carries the worklist's summary columns."""

    member: Member
    row: WorklistRow
    assignment: Assignment | None
    household: dict | None
    household_members: list[HouseholdMember]
    records: dict[str, list[RecordEntry]] = field(default_factory=dict)
    history: list[AuditEntry] = field(default_factory=list)


def member_file(conn: sqlcipher3.Connection, member_id: str) -> MemberFile | None:
    """The member's file, or None when the member is no longer on this device."""
    found = conn.execute("SELECT rowid FROM members WHERE id = ?", (member_id,)).fetchone()
    if found is None:
        return None
    row = fetch_rows(conn, [found[0]])[found[0]]
    doc = conn.execute("SELECT sr_data FROM member_docs WHERE id = ?", (member_id,)).fetchone()
    member = (
        Member.from_dci(member_id, json.loads(doc[0]))
        if doc and doc[0]
        else Member(
            id=member_id,
            household_id=row.household_id,
            given_name=row.given_name,
            surname=row.surname,
            uin=row.uin,
            sex=row.sex,
            birth_date=row.birth_date,
            phone=row.phone,
            locality=row.locality,
            area=row.area,
            region=row.region,
            relationship="",
            data={},
        )
    )
    household = None
    if member.household_id:
        h = conn.execute("SELECT data FROM households WHERE id = ?", (member.household_id,)).fetchone()
        household = json.loads(h[0]) if h else None
    return MemberFile(
        member=member,
        row=row,
        assignment=_assignment(conn, member_id),
        household=household,
        household_members=_household_members(conn, member.household_id),
        records=_records(conn, member_id),
        history=_history(conn, member_id),
    )


_ASSIGNMENT_COLUMNS = (
    "area",
    "office",
    "segment",
    "counselor",
    "caseworker",
    "potentially_unemployed",
    "months_without_contributions",
    "pension_check",
    "tax_check",
    "education_check",
    "labour_readiness",
    "referral_source",
)


def _assignment(conn, member_id: str) -> Assignment | None:
    """The ESS assignment, kept as columns of the member's row; None before the ESS sent one."""
    row = conn.execute(
        f"SELECT ess_version, {', '.join(_ASSIGNMENT_COLUMNS)} FROM members WHERE id = ?", (member_id,)
    ).fetchone()
    if row is None or not row[0]:
        return None
    values = {k: v for k, v in zip(_ASSIGNMENT_COLUMNS, row[1:], strict=False) if v is not None}
    values["potentially_unemployed"] = bool(values.get("potentially_unemployed"))
    return Assignment.from_data(member_id, values)


def _household_members(conn, household_id: str) -> list[HouseholdMember]:
    if not household_id:
        return []
    rows = conn.execute(
        "SELECT id, given_name, surname, coalesce(relationship, ''), coalesce(sex, ''), coalesce(birth_date, ''),"
        " assigned FROM members WHERE household_id = ?"
        " ORDER BY relationship != 'SELF', relationship != 'SPS', birth_date",
        (household_id,),
    )
    return [HouseholdMember(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]


def _records(conn, member_id: str) -> dict[str, list[RecordEntry]]:
    out: dict[str, list[RecordEntry]] = {}
    for kind, rid, data, version, updated in conn.execute(
        "SELECT entity_type, id, data, version, updated_at FROM records WHERE member_id = ?"
        " ORDER BY entity_type, updated_at DESC",
        (member_id,),
    ):
        out.setdefault(kind, []).append(RecordEntry(kind, rid, json.loads(data), version, updated))
    return out


def _history(conn, member_id: str) -> list[AuditEntry]:
    rows = conn.execute(
        "SELECT at, actor, role, action, coalesce(entity_type, ''), detail FROM audit"
        " WHERE member_id = ? ORDER BY id DESC LIMIT ?",
        (member_id, HISTORY_LIMIT),
    )
    return [AuditEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else None) for r in rows]


def office_names(conn: sqlcipher3.Connection) -> dict[str, str]:
    """Area code → the employment office serving it, to label the areas tree (one scan)."""
    return dict(
        conn.execute("SELECT area, max(office) FROM members WHERE assigned = 1 AND area IS NOT NULL GROUP BY area")
    )


def status_summary(conn: sqlcipher3.Connection) -> dict:
    """Status-bar and ``field-desk-cli status`` figures: counts plus the latest pull or push."""
    stamps = [
        stamp
        for dest in ("SR", "ESS")
        for c in (cursor_of(conn, dest),)
        for stamp in (c.last_pull, c.last_push)
        if stamp
    ]
    return {**status_counts(conn), "last_sync": max(stamps) if stamps else None}
