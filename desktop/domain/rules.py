"""The rules of casework that screens and filters share: case status, what is due, sync state.

Each rule is defined here once, in Python, over a member's records (entity type and data, as
the store keeps them). The worklist filters and sorts 100k members by some of them, so the
store keeps a SQL mirror of those (``store.records.refresh_summaries`` and the worklist's
``overdue`` flag); ``tests/store/test_rules_mirror.py`` checks that both agree over the
generated population.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .codes import OPEN_PLAN_ITEM_STATUS

#: an enrolment in one of these states makes the case "enrolled"
ACTIVE_ENROLMENT_STATUS = frozenset({"Active", "Reinstated", "Awaiting Renewal"})

Record = tuple[str, Mapping[str, Any]]


def case_status(records: Iterable[Record], *, assigned: bool, from_ess: bool) -> str:
    """Where the case stands, the furthest step first: closed, enrolled, plan agreed, planning,
    contacted, new. ``from_ess``: the ESS has sent an assignment (one that ended closes the case)."""
    kinds: set[str] = set()
    enrolled = plan_agreed = False
    for kind, data in records:
        kinds.add(kind)
        if kind == "Enrollment" and data.get("enrollment_status") in ACTIVE_ENROLMENT_STATUS:
            enrolled = True
        elif kind == "Plan" and data.get("status") == "active":
            plan_agreed = True
    if not assigned and from_ess:
        return "closed"
    if enrolled:
        return "enrolled"
    if plan_agreed:
        return "plan_agreed"
    if kinds & {"Plan", "PlanItem"}:
        return "planning"
    if "OutreachContact" in kinds:
        return "contacted"
    return "new"


def is_open(status: str | None) -> bool:
    """A plan goal still to be worked on."""
    return status in OPEN_PLAN_ITEM_STATUS


def next_due(items: Iterable[Mapping[str, Any]]) -> str | None:
    """The earliest due date among the open goals of a plan, or None."""
    return min((d["due_date"] for d in items if is_open(d.get("status")) and d.get("due_date")), default=None)


def is_overdue(due_date: str | None, today: dt.date, status: str | None = None) -> bool:
    """A due date in the past; with ``status``, only an open goal can be overdue."""
    return bool(due_date) and (status is None or is_open(status)) and str(due_date) < today.isoformat()


def sync_state(pending: int, rejected: int, conflicts: int) -> str:
    """What a person must know first about a member's unsent work: conflict, rejected, pending, synced."""
    if conflicts:
        return "conflict"
    if rejected:
        return "rejected"
    if pending:
        return "pending"
    return "synced"


@dataclass(frozen=True)
class CaseSummary:
    """The worklist's case columns of one member, as the rules define them from the records."""

    case_status: str
    next_due: str | None
    returned: bool
    reviews_pending: bool
    conflicts: int
    last_contact: str | None


def case_summary(records: Iterable[Record], *, assigned: bool, from_ess: bool) -> CaseSummary:
    records = list(records)

    def of(kind: str) -> list[Mapping[str, Any]]:
        return [data for k, data in records if k == kind]

    outcomes = {d.get("outcome") for d in of("Review")}
    contacts = [d["contacted_on"] for d in of("OutreachContact") if d.get("contacted_on")]
    return CaseSummary(
        case_status=case_status(records, assigned=assigned, from_ess=from_ess),
        next_due=next_due(of("PlanItem")),
        returned="returned" in outcomes,
        reviews_pending="pending" in outcomes,
        conflicts=sum(d.get("status") == "open" for d in of("Conflict")),
        last_contact=max(contacts, default=None),
    )
