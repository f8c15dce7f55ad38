"""Read models for the screens, over one read connection that the ``Reads`` object owns.

A ``Reads`` belongs to one thread. The UI thread has one for the small indexed reads it may do
itself (a window of worklist rows, one member's record, the sync panel's queues); the query
worker opens its own for the reads over the whole list and interrupts it when a newer request
replaces the running one. Every answer is a dataclass, a dict or ids, never a cursor; the SQL
behind each is in ``desktop.store``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import sqlcipher3

from ..store import casefile, drafts, planview, syncview, worklist
from ..store.casefile import HouseholdMember, MemberFile, RecordEntry
from ..store.db import Store
from ..store.drafts import Draft
from ..store.planview import MemberBrief, PlanItemView, PlanView, Programme
from ..store.syncview import ConflictRow, SyncOverview
from ..store.worklist import WorklistFilter, WorklistRow

__all__ = [
    "Areas",
    "ConflictRow",
    "Draft",
    "HouseholdMember",
    "MemberBrief",
    "MemberFile",
    "PlanItemView",
    "PlanView",
    "Programme",
    "Reads",
    "RecordEntry",
    "SyncOverview",
    "WorklistFilter",
    "WorklistRow",
    "was_interrupted",
]


@dataclass(frozen=True)
class Areas:
    """The areas tree: ``(region, area, segment, members)`` rows, and each area's office."""

    rows: list[tuple[str, str, str, int]]
    offices: dict[str, str]


def was_interrupted(exc: BaseException) -> bool:
    """A read stopped by ``Reads.interrupt`` because a newer request replaced it: not a failure."""
    return isinstance(exc, sqlcipher3.OperationalError) and "interrupt" in str(exc)


class Reads:
    """What the screens read, on this object's own connection (``close`` it when done)."""

    def __init__(self, conn: sqlcipher3.Connection):
        self._conn = conn
        #: the list's orders and filter sets, kept while the data does not change
        self._worklist = worklist.WorklistIndex()

    @classmethod
    def open(cls, store: Store) -> Reads:
        """A new read connection, never the writer's: a sync's open transaction is never seen half-done."""
        return cls(store.reader())

    def close(self) -> None:
        self._conn.close()

    def interrupt(self) -> None:
        """Stop the read running on this connection (from another thread)."""
        self._conn.interrupt()

    # --- the worklist ---------------------------------------------------------------------------

    def worklist_ids(self, f: WorklistFilter, today: dt.date) -> np.ndarray:
        """Row ids of the members the search and filters show, in the filter's order."""
        return self._worklist.ids(self._conn, f, today)

    def worklist_rows(self, rowids: Iterable[int]) -> dict[int, WorklistRow]:
        return worklist.fetch_rows(self._conn, rowids)

    def worklist(self, f: WorklistFilter, today: dt.date) -> list[WorklistRow]:
        """Every row the search and filters show, in order (an export, not a screen)."""
        ids = self.worklist_ids(f, today).tolist()
        rows = self.worklist_rows(ids)
        return [rows[i] for i in ids]

    def areas(self) -> Areas:
        return Areas(worklist.area_tree(self._conn), casefile.office_names(self._conn))

    def status(self) -> dict[str, Any]:
        """Members assigned, changes waiting, rejected, conflicts, and the last sync."""
        return casefile.status_summary(self._conn)

    # --- one member -------------------------------------------------------------------------------

    def member_file(self, member_id: str) -> MemberFile | None:
        return casefile.member_file(self._conn, member_id)

    def sync_states(self, member_id: str) -> dict[str, str]:
        return planview.sync_states(self._conn, member_id)

    def plan(self, member_id: str) -> PlanView:
        return planview.plan_view(self._conn, member_id)

    def members_brief(self, member_ids: Iterable[str]) -> list[MemberBrief]:
        return planview.members_brief(self._conn, member_ids)

    def programmes(self) -> list[Programme]:
        return planview.programmes(self._conn)

    def refused_contact(self, member_ids: Iterable[str], purpose: str) -> set[str]:
        return planview.refused_contact(self._conn, member_ids, purpose)

    def draft(self, key: str) -> Draft | None:
        return drafts.load(self._conn, key)

    # --- the sync panel ---------------------------------------------------------------------------

    def sync_overview(self) -> SyncOverview:
        return syncview.overview(self._conn)
