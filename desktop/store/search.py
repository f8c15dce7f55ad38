"""What the worklist reads besides the members table: search entries and sort indexes.

The search entries of members are written from the ``members`` table in SQL.

Two FTS5 tables are derived from each member row: ``member_fts`` (words of the names, the UIN,
the phone as dialled abroad and at home, the locality and the area's office, folded) and
``member_uin`` (the UIN's trigrams, for digits typed from its middle). A change marks the row in
``search_stale`` in the same transaction; ``write_stale`` rewrites the marked entries in one pass.
A sync that brings many members writes them once at the end of its pull instead of page by page
(one FTS5 build instead of hundreds of small segments to merge, and one entry per member instead
of one for the Social Registry's record and another for the assignment that follows it).

A pull that brings more members than the device holds (a first sync, a full resync of a small
list) also sets the worklist's sort indexes aside (``suspend_indexes``) and builds them again at
its end (``restore_indexes``): one sort per index instead of a B-tree insert per member and
index. Their SQL waits in ``meta`` meanwhile, so an interrupted pull restores them at next open.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import cast

import sqlcipher3

from ..domain.phones import dialled_forms

_STALE = "SELECT rowid FROM search_stale"


def _phone_terms(phone: str | None) -> str:
    return " ".join(dialled_forms(phone))


def mark_stale(conn: sqlcipher3.Connection, member_ids: Iterable[str]) -> None:
    """These members' entries are to be rewritten (or dropped, once the member is gone)."""
    ids = json.dumps(list(member_ids))
    conn.execute(
        "INSERT OR IGNORE INTO search_stale (rowid)"
        " SELECT rowid FROM members WHERE id IN (SELECT value FROM json_each(?))",
        (ids,),
    )


def stale_count(conn: sqlcipher3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM search_stale").fetchone()[0])


def write_stale(conn: sqlcipher3.Connection) -> int:
    """Rewrite the entries of every marked member; returns how many were marked."""
    marked = stale_count(conn)
    if not marked:
        return 0
    everyone = marked >= int(conn.execute("SELECT count(*) FROM members").fetchone()[0])
    if everyone:
        # a first sync or a migration: build both tables afresh, with no entry to replace
        conn.execute("INSERT INTO member_fts (member_fts) VALUES ('delete-all')")
        conn.execute("INSERT INTO member_uin (member_uin) VALUES ('delete-all')")
        verb, where = "INSERT", ""
    else:
        verb, where = "INSERT OR REPLACE", f" WHERE rowid IN ({_STALE})"
        gone = "SELECT s.rowid FROM search_stale s WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.rowid = s.rowid)"
        conn.execute(f"DELETE FROM member_fts WHERE rowid IN ({gone})")
        conn.execute(f"DELETE FROM member_uin WHERE rowid IN ({gone})")
    # the number as dialled abroad and at home (the country's rules are Python's: phonenumbers)
    conn.create_function("phone_terms", 1, _phone_terms, deterministic=True)
    conn.execute(
        f"{verb} INTO member_fts (rowid, names, ids, phones, locality, area)"
        f" SELECT rowid, given_name || ' ' || surname, uin, phone_terms(phone), locality, office FROM members{where}"
    )
    conn.execute(f"{verb} INTO member_uin (rowid, uin) SELECT rowid, uin FROM members{where}")
    conn.execute("DELETE FROM search_stale")
    return marked


SUSPENDED = "suspended_indexes"
_WORKLIST_INDEXES = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'worklist_%'"


def suspend_indexes(conn: sqlcipher3.Connection) -> None:
    """Drop the worklist's sort indexes until ``restore_indexes``, keeping their SQL in ``meta``."""
    indexes = conn.execute(_WORKLIST_INDEXES).fetchall()
    if not indexes:
        return
    kept = json.loads(_suspended(conn) or "[]")
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (SUSPENDED, json.dumps([*kept, *(sql for _name, sql in indexes)])),
    )
    for name, _sql in indexes:
        conn.execute(f"DROP INDEX {name}")


def restore_indexes(conn: sqlcipher3.Connection) -> int:
    """Build the indexes ``suspend_indexes`` set aside; returns how many."""
    kept = _suspended(conn)
    if kept is None:
        return 0
    statements = cast(list[str], json.loads(kept))
    for sql in statements:
        conn.execute(sql)
    conn.execute("DELETE FROM meta WHERE key = ?", (SUSPENDED,))
    return len(statements)


def _suspended(conn: sqlcipher3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (SUSPENDED,)).fetchone()
    return None if row is None else str(row[0])
