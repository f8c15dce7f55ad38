"""Worklist reads: filter, search (FTS5) and sort in SQL, rows fetched by id on demand.

At 100k members the model holds only row ids; a filter or a keystroke is one query over the
``members`` table (with the FTS index for text), and visible rows are read in small windows.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

import sqlcipher3

from ..domain import rules

#: sort keys → ORDER BY; every one ends on rowid so the order is total and stable
SORTS = {
    "name": "surname COLLATE NOCASE {d}, given_name COLLATE NOCASE {d}, rowid {d}",
    "uin": "uin {d}, rowid {d}",
    "locality": "locality COLLATE NOCASE {d}, surname COLLATE NOCASE {d}, rowid {d}",
    "area": "area {d}, surname COLLATE NOCASE {d}, rowid {d}",
    "segment": "segment {d}, rowid {d}",
    "readiness": "labour_readiness {d}, rowid {d}",
    "status": "case_status {d}, rowid {d}",
    "next_due": "next_due IS NULL, next_due {d}, rowid {d}",
    "sync": "(pending + rejected * 100 + conflicts * 1000) {d}, rowid {d}",
    "age": "birth_date {r}, rowid {d}",
}

#: flag name → SQL condition on members (``:today`` is bound); ``overdue`` mirrors ``rules.is_overdue``
FLAGS = {
    "potentially_unemployed": "potentially_unemployed = 1",
    "needs_field_check": "needs_field_check = 1",
    "overdue": "next_due < :today",
    "returned": "returned = 1",
    "awaiting_review": "reviews_pending = 1",
    "pending_sync": "pending > 0",
    "rejected": "rejected > 0",
    "conflict": "conflicts > 0",
}

ROW_COLUMNS = (
    "rowid",
    "id",
    "given_name",
    "surname",
    "uin",
    "phone",
    "sex",
    "birth_date",
    "locality",
    "area",
    "region",
    "segment",
    "labour_readiness",
    "potentially_unemployed",
    "needs_field_check",
    "case_status",
    "next_due",
    "returned",
    "pending",
    "rejected",
    "conflicts",
    "last_contact",
    "household_id",
    "assigned",
)


@dataclass(frozen=True)
class WorklistFilter:
    text: str = ""
    region: str | None = None
    area: str | None = None
    segment: str | None = None
    case_status: str | None = None
    labour_readiness: str | None = None
    flags: frozenset[str] = field(default_factory=frozenset)
    sort: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class WorklistRow:
    rowid: int
    id: str
    given_name: str
    surname: str
    uin: str
    phone: str
    sex: str
    birth_date: str
    locality: str
    area: str
    region: str
    segment: str
    labour_readiness: str
    potentially_unemployed: int
    needs_field_check: int
    case_status: str
    next_due: str
    returned: int
    pending: int
    rejected: int
    conflicts: int
    last_contact: str
    household_id: str
    assigned: int

    @property
    def name(self) -> str:
        return f"{self.surname}, {self.given_name}" if self.surname else self.given_name

    @property
    def sync_state(self) -> str:
        return rules.sync_state(self.pending, self.rejected, self.conflicts)


_TOKEN = re.compile(r"\w+", re.UNICODE)
_RECORD_ID = re.compile(r"^[HMhm]-\d+$")


def fts_query(text: str) -> str | None:
    """User text → an FTS5 query: every word must match the start of some indexed term."""
    words = _TOKEN.findall(text.replace("+", " "))
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def build_query(f: WorklistFilter, today: dt.date) -> tuple[str, dict]:
    # only the name order can walk the (assigned, surname, given_name) index; for any other order a
    # plain table scan beats 100k index-to-table lookups, so keep the planner off that index
    scan = f.sort != "name"
    where, params = ["+assigned = 1" if scan else "assigned = 1"], {"today": today.isoformat()}
    match = fts_query(f.text)
    if _RECORD_ID.match(f.text.strip()):
        # a member or household id typed in full: an exact look-up, not a word search
        where.append("(id = :record_id OR household_id = :record_id)")
        params["record_id"] = f.text.strip().upper()
    elif match:
        where.append("rowid IN (SELECT rowid FROM member_fts WHERE member_fts MATCH :match)")
        params["match"] = match
    for column in ("region", "area", "segment", "case_status", "labour_readiness"):
        value = getattr(f, column)
        if value:
            where.append(f"{column} = :{column}")
            params[column] = value
    for flag in sorted(f.flags):
        where.append(FLAGS[flag])
    order = SORTS.get(f.sort, SORTS["name"]).format(
        d="DESC" if f.descending else "ASC", r="ASC" if f.descending else "DESC"
    )
    return f"SELECT rowid FROM members WHERE {' AND '.join(where)} ORDER BY {order}", params


def query_ids(conn: sqlcipher3.Connection, f: WorklistFilter, today: dt.date | None = None) -> list[int]:
    sql, params = build_query(f, today or dt.date.today())
    return [r[0] for r in conn.execute(sql, params)]


def fetch_rows(conn: sqlcipher3.Connection, rowids: list[int]) -> dict[int, WorklistRow]:
    if not rowids:
        return {}
    rows = conn.execute(
        f"SELECT {', '.join(ROW_COLUMNS)} FROM members WHERE rowid IN (SELECT value FROM json_each(?))",
        (json.dumps(rowids),),
    ).fetchall()
    return {r[0]: WorklistRow(*(v if v is not None else ("" if i > 0 else 0) for i, v in enumerate(r))) for r in rows}


def area_tree(conn: sqlcipher3.Connection) -> list[tuple[str, str, str, int]]:
    """``(region, area, segment, count)`` of assigned members, for the areas/segments tree."""
    return conn.execute(
        "SELECT coalesce(region, ''), coalesce(area, ''), coalesce(segment, ''), count(*)"
        " FROM members WHERE assigned = 1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
    ).fetchall()
