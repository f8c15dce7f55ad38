"""The store's SQL mirror of the casework rules agrees with the rules over generated casework."""

from __future__ import annotations

import json
import random

from desktop.domain import codes, model, rules
from desktop.store import replica
from desktop.store.worklist import WorklistFilter, query_ids
from tests.conftest import TODAY

DATES = [f"2026-{month:02d}-{day:02d}" for month in (9, 10, 11, 12) for day in (1, 10, 19, 20, 21, 28)]


def casework(member_ids: list[str], seed: int) -> list[dict]:
    """Pulled ESS records of every kind that counts, in random mixes, some fields missing."""
    rng = random.Random(seed)
    out: list[dict] = []

    def add(kind: str, member_id: str, **data) -> None:
        out.append(
            {
                "entity_type": kind,
                "entity_id": model.new_id() if kind != "Plan" else model.plan_id_for(member_id),
                "version": 1,
                "member_id": member_id,
                "data": {"member_id": member_id, **{k: v for k, v in data.items() if v is not None}},
            }
        )

    for member_id in member_ids:
        if rng.random() < 0.5:
            add("OutreachContact", member_id, channel="visit", contacted_on=rng.choice([*DATES, None]))
        if rng.random() < 0.4:
            add("Plan", member_id, status=rng.choice(list(codes.PLAN_STATUS)))
        for _ in range(rng.choice((0, 0, 1, 2, 3))):
            add(
                "PlanItem",
                member_id,
                plan_id=model.plan_id_for(member_id),
                owner_role="social",
                goal="A goal",
                status=rng.choice(list(codes.PLAN_ITEM_STATUS)),
                due_date=rng.choice([*DATES, None]),
            )
        if rng.random() < 0.3:
            add(
                "Enrollment",
                member_id,
                programme_id="PRG-1",
                enrollment_status=rng.choice(list(codes.ENROLMENT_STATUS)),
            )
        for _ in range(rng.choice((0, 0, 1, 2))):
            add("Review", member_id, outcome=rng.choice(list(codes.REVIEW_OUTCOME)))
        if rng.random() < 0.2:
            add(
                "Conflict",
                member_id,
                entity_type="PlanItem",
                entity_id="x",
                field_name="status",
                status=rng.choice(["open", "resolved"]),
            )
    return out


def test_case_columns_in_sql_agree_with_the_casework_rules(cases):
    store = cases.store
    population_ids = [r[0] for r in store.conn.execute("SELECT id FROM members WHERE assigned = 1 ORDER BY id")]
    replica.apply_page(store, "ESS", casework(population_ids, seed=7), 1, "e")
    # local work on top: a contact and a goal's new status wait to be sent
    for member_id in population_ids[:40:3]:
        cases.create(
            model.OutreachContact(member_id=member_id, channel="call", contacted_on="2026-11-18", outcome="interested")
        )
    # an ended assignment keeps a member with unsent work on the device, closed
    ended = population_ids[:9:3]
    replica.apply_page(
        store,
        "ESS",
        [
            {
                "entity_type": "Assignment",
                "entity_id": m,
                "version": 9,
                "member_id": m,
                "data": {"member_id": m, "status": "ended"},
            }
            for m in ended
        ],
        2,
        "e",
    )

    conn = store.conn
    records: dict[str, list[tuple[str, dict]]] = {}
    for member_id, kind, data in conn.execute("SELECT member_id, entity_type, data FROM records"):
        records.setdefault(member_id, []).append((kind, json.loads(data)))
    rows = conn.execute(
        "SELECT id, assigned, ess_version, case_status, next_due, returned, reviews_pending, conflicts,"
        " last_contact FROM members"
    ).fetchall()
    seen = set()
    for member_id, assigned, ess_version, *columns in rows:
        expected = rules.case_summary(records.get(member_id, []), assigned=bool(assigned), from_ess=bool(ess_version))
        got = rules.CaseSummary(columns[0], columns[1], bool(columns[2]), bool(columns[3]), columns[4], columns[5])
        assert got == expected, member_id
        seen.add(expected.case_status)
    assert seen == set(codes.CASE_STATUS), "the generated casework reaches every status"

    overdue = set(query_ids(conn, WorklistFilter(flags=frozenset({"overdue"})), TODAY))
    due = conn.execute("SELECT rowid, next_due FROM members WHERE assigned = 1").fetchall()
    assert overdue == {rowid for rowid, next_due in due if rules.is_overdue(next_due, TODAY)}
    assert overdue and len(overdue) < len(due)
