"""Worklist reads: filter, search (FTS5) and sort, rows fetched by id on demand.

The model holds only row ids; visible rows are read in small windows. An answer comes from
``WorklistIndex``: the whole list's order per sort key, read by walking an index, masked by
the sets of rowids each filter selects (the search index alone for text). ``query_ids`` gives
the same answer as one SQL statement, for exports and as the reference.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
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

#: sort keys whose members without a value stay last in both directions
LAST_BOTH_WAYS = {"next_due": "next_due IS NULL"}

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


#: a word as the search index's tokenizer cuts them (letters and digits: ``_`` separates too), so
#: that each quoted word is one term (the index keeps no positions for phrases)
_TOKEN = re.compile(r"[^\W_]+")
_RECORD_ID = re.compile(r"^[HMhm]-\d+$")
#: a run of this many digits or more may also sit anywhere in a UIN (a trigram index needs three)
UIN_INFIX_DIGITS = 3


def fts_query(text: str) -> str | None:
    """User text → an FTS5 query: every word must match the start of some indexed term."""
    words = _words(text)
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def _words(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFC", text).replace("+", " "))


def _infix(word: str) -> bool:
    return word.isascii() and word.isdigit() and len(word) >= UIN_INFIX_DIGITS


def text_sets(text: str) -> tuple[list[str], dict[str, str]]:
    """User text → subqueries of member rowids, all of which a shown member is in, and their parameters.

    A member or household id typed in full is looked up exactly. Otherwise every word must match
    the start of a word of the names, the UIN, the phone (as dialled abroad or at home), the
    locality or the area's office; a word of three digits or more may also sit inside the UIN.
    """
    text = text.strip()
    if _RECORD_ID.match(text):
        return ["SELECT rowid FROM members WHERE id = :record_id OR household_id = :record_id"], {
            "record_id": text.upper()
        }
    words = _words(text)
    sets, params = [], {}
    prefixes = [w for w in words if not _infix(w)]
    if prefixes:
        sets.append("SELECT rowid FROM member_fts WHERE member_fts MATCH :words")
        params["words"] = " AND ".join(f'"{w}"*' for w in prefixes)
    for i, word in enumerate(w for w in words if _infix(w)):
        sets.append(
            f"SELECT rowid FROM member_fts WHERE member_fts MATCH :prefix{i}"
            f" UNION SELECT rowid FROM member_uin WHERE member_uin MATCH :infix{i}"
        )
        params[f"prefix{i}"], params[f"infix{i}"] = f'"{word}"*', f'"{word}"'
    return sets, params


def _column_filters(f: WorklistFilter, today: dt.date) -> tuple[list[str], dict[str, str]]:
    """Conditions on the members' columns; combined ones keep the planner on the index covering them
    all (worklist_filters) rather than a one-column index and a table look-up per member."""
    where, params = [], {}
    columns = [c for c in ("region", "area", "segment", "case_status", "labour_readiness") if getattr(f, c)]
    combined = len(columns) + len(f.flags) > 1
    for column in columns:
        off_index = "+" if combined and column in ("case_status", "labour_readiness") else ""
        where.append(f"{off_index}{column} = :{column}")
        params[column] = getattr(f, column)
    for flag in sorted(f.flags):
        where.append(FLAGS[flag])
        if ":today" in FLAGS[flag]:
            params["today"] = today.isoformat()
    return where, params


def build_query(f: WorklistFilter, today: dt.date, *, indexes: bool = True) -> tuple[str, dict[str, str]]:
    """The whole answer as one SQL statement, sorted by SQLite.

    The reference the cached ``WorklistIndex`` must agree with; without ``indexes`` the planner
    is kept off the members' indexes (the benchmarks' baseline).
    """
    sets, params = text_sets(f.text)
    where, column_params = _column_filters(f, today)
    where = ["assigned = 1", *(f"rowid IN ({s})" for s in sets), *where]
    order = SORTS.get(f.sort, SORTS["name"]).format(
        d="DESC" if f.descending else "ASC", r="ASC" if f.descending else "DESC"
    )
    table = "members" if indexes else "members NOT INDEXED"
    return f"SELECT rowid FROM {table} WHERE {' AND '.join(where)} ORDER BY {order}", params | column_params


def query_ids(
    conn: sqlcipher3.Connection, f: WorklistFilter, today: dt.date | None = None, *, indexes: bool = True
) -> list[int]:
    """The rowids of the list for ``f``, in its order, from one SQL statement (exports, checks)."""
    sql, params = build_query(f, today or dt.date.today(), indexes=indexes)
    return [r[0] for r in conn.execute(sql, params)]


def _int_array(conn: sqlcipher3.Connection, sql: str, params: dict[str, str] | None = None) -> np.ndarray:
    """The single column of rowids ``sql`` selects, in its order, as one array.

    SQLite concatenates them in C (an aggregate reads its subquery in the subquery's order: a
    subquery with ORDER BY under an aggregate is never flattened) and numpy parses the text:
    several times faster than a Python object per row.
    """
    text = conn.execute(f"SELECT group_concat(rowid) FROM ({sql})", params or {}).fetchone()[0]
    return np.fromstring(text or "", dtype=np.int64, sep=",")


class WorklistIndex:
    """The list's answers from arrays of rowids, read once per change of the data.

    For each sort key it keeps the ascending order of the whole list, read by walking that key's
    index (migration 4) instead of sorting; the descending order is its reverse (``next_due``
    keeps members without a date last both ways). For each filter it keeps the set of rowids
    that satisfy it, unordered (the search index alone, without a look-up per member). An answer
    is the order with the members outside the sets masked out: no sort, no per-member SQL.
    ``PRAGMA data_version`` tells when another connection committed; then everything is read
    again. One connection, one thread (the query worker's).
    """

    ORDERS_KEPT = 3
    SETS_KEPT = 8

    def __init__(self) -> None:
        self._conn: sqlcipher3.Connection | None = None
        self._version = -1
        self._size = 0
        self._orders: OrderedDict[str, tuple[np.ndarray, int]] = OrderedDict()
        self._sets: OrderedDict[tuple[str, tuple[tuple[str, str], ...]], np.ndarray] = OrderedDict()

    def ids(self, conn: sqlcipher3.Connection, f: WorklistFilter, today: dt.date | None = None) -> np.ndarray:
        """The rowids of the list for ``f``, in its order (the same as ``query_ids``)."""
        conn.execute("BEGIN")  # one snapshot for the version check and every read below
        try:
            self._check(conn)
            order = self._order(conn, f.sort if f.sort in SORTS else "name", f.descending)
            keep = self._mask(conn, f, today or dt.date.today())
            return order if keep is None else order[keep[order]]
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")

    def _check(self, conn: sqlcipher3.Connection) -> None:
        version = conn.execute("PRAGMA data_version").fetchone()[0]
        if conn is not self._conn or version != self._version:
            self._orders.clear()
            self._sets.clear()
            self._conn, self._version = conn, version
            self._size = (conn.execute("SELECT max(rowid) FROM members").fetchone()[0] or 0) + 1

    def _order(self, conn: sqlcipher3.Connection, key: str, descending: bool) -> np.ndarray:
        if key in self._orders:
            self._orders.move_to_end(key)
            ascending, last = self._orders[key]
        else:
            order_by = SORTS[key].format(d="ASC", r="DESC")
            ascending = _int_array(conn, f"SELECT rowid FROM members WHERE assigned = 1 ORDER BY {order_by}")
            last = 0
            if key in LAST_BOTH_WAYS:
                last = conn.execute(
                    f"SELECT count(*) FROM members WHERE assigned = 1 AND {LAST_BOTH_WAYS[key]}"
                ).fetchone()[0]
            self._orders[key] = ascending, last
            while len(self._orders) > self.ORDERS_KEPT:
                self._orders.popitem(last=False)
        if not descending:
            return ascending
        if not last:
            return ascending[::-1]
        split = len(ascending) - last
        return np.concatenate((ascending[:split][::-1], ascending[split:][::-1]))

    def _mask(self, conn: sqlcipher3.Connection, f: WorklistFilter, today: dt.date) -> np.ndarray | None:
        """Which rowids pass every filter of ``f`` (None: no filter, everyone passes)."""
        sets, params = text_sets(f.text)
        where, column_params = _column_filters(f, today)
        queries = [(s, params) for s in sets]
        if where:
            queries.append((f"SELECT rowid FROM members WHERE assigned = 1 AND {' AND '.join(where)}", column_params))
        keep = None
        for sql, values in queries:
            ids = self._set(conn, sql, values)
            passed = np.zeros(self._size, dtype=bool)
            passed[ids[ids < self._size]] = True
            keep = passed if keep is None else keep & passed
        return keep

    def _set(self, conn: sqlcipher3.Connection, sql: str, params: dict[str, str]) -> np.ndarray:
        key = (sql, tuple(sorted((k, v) for k, v in params.items() if f":{k}" in sql)))
        if key in self._sets:
            self._sets.move_to_end(key)
            return self._sets[key]
        ids = _int_array(conn, sql, dict(key[1]))
        self._sets[key] = ids
        while len(self._sets) > self.SETS_KEPT:
            self._sets.popitem(last=False)
        return ids


def fetch_rows(conn: sqlcipher3.Connection, rowids: Iterable[int]) -> dict[int, WorklistRow]:
    wanted = [int(r) for r in rowids]
    if not wanted:
        return {}
    rows = conn.execute(
        f"SELECT {', '.join(ROW_COLUMNS)} FROM members WHERE rowid IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted),),
    ).fetchall()
    found = {}
    for r in rows:
        values: list[Any] = [v if v is not None else ("" if i > 0 else 0) for i, v in enumerate(r)]
        found[r[0]] = WorklistRow(*values)
    return found


def area_tree(conn: sqlcipher3.Connection) -> list[tuple[str, str, str, int]]:
    """``(region, area, segment, count)`` of assigned members, for the areas/segments tree."""
    # grouped on the columns themselves, in the order of the worklist_filters index, so that the
    # groups stream out of it; sorted here
    counts: dict[tuple[str, str, str], int] = {}
    for area, segment, region, n in conn.execute(
        "SELECT area, segment, region, count(*) FROM members WHERE assigned = 1 GROUP BY area, segment, region"
    ):
        key = (region or "", area or "", segment or "")
        counts[key] = counts.get(key, 0) + n
    return [(*key, n) for key, n in sorted(counts.items())]
