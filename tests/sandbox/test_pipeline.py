"""B.1–B.7 on synthetic data: the BPP list and the segments reconcile with the SR."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from desktop.domain import synthetic
from sandbox.pipeline import able_bodied


def sr_members(sandbox) -> dict[str, dict]:
    with sandbox.services.sr.store.db.read() as c:
        return {eid: json.loads(d) for eid, d in c.execute("SELECT eid, data FROM entity WHERE etype='Member'")}


def assignments(sandbox) -> list[dict]:
    with sandbox.services.ess.store.db.read() as c:
        return [json.loads(d) for (d,) in c.execute("SELECT data FROM entity WHERE etype='Assignment'")]


def test_segments_reconcile_with_the_sr_by_area(sandbox):
    today = dt.date.today()
    expected = Counter(
        f"SEG-{m['demographic_info']['address'][0]['sub_region_code']}"
        for m in sr_members(sandbox).values()
        if able_bodied(m, today)
    )
    assert Counter(a["segment"] for a in assignments(sandbox)) == expected


def test_bpp_list_is_exactly_the_generator_s_potentially_unemployed_members(sandbox):
    population = [m for h in synthetic.iter_population(300, 1) for m in h.members]
    today = dt.date.today()
    expected = {
        m.id for m in population if able_bodied(m.data, today) and synthetic.cross_check(m)["potentially_unemployed"]
    }
    with sandbox.services.sr.store.db.read() as c:
        listed = {m for (m,) in c.execute("SELECT member_id FROM bpp_entry")}
        status = c.execute("SELECT status, reviewed_by, pushed_at IS NOT NULL FROM bpp_list").fetchall()
    assert listed == expected and expected
    assert status == [("approved", "planning", 1)]
    bpp = {a["member_id"] for a in assignments(sandbox) if a["referral_source"] == "bpp"}
    assert bpp == expected


def test_assignments_go_to_the_area_office_and_keep_households_together(sandbox):
    areas = {a.code: a.office for a in synthetic.areas()}
    by_household: dict[str, set] = {}
    for a in assignments(sandbox):
        assert a["office"] == areas[a["area"]] and a["status"] == "active"
        assert a["labour_readiness"] in ("labour_ready", "needs_training", "unknown")
        by_household.setdefault(a["household_id"], set()).add(a["counselor"])
    assert all(len(c) == 1 for c in by_household.values())


def test_one_counselor_gets_every_assigned_member(tmp_path):
    from sandbox.server import build_services

    services = build_services(tmp_path, members=120, seed=3, counselors=1)
    try:
        with services.ess.store.db.read() as c:
            counselors = {
                r[0] for r in c.execute("SELECT json_extract(data, '$.counselor') FROM entity WHERE etype='Assignment'")
            }
        assert counselors == {"counselor"}
    finally:
        services.close()


def test_restart_on_the_same_data_keeps_the_data_and_does_not_reseed(tmp_path):
    from sandbox.server import build_services

    first = build_services(tmp_path, members=50, seed=2)
    seq, epoch = first.sr.store.max_seq, first.sr.store.epoch
    first.close()
    again = build_services(tmp_path, members=50, seed=2)
    try:
        assert (again.sr.store.max_seq, again.sr.store.epoch) == (seq, epoch) and not again.seed_summary
    finally:
        again.close()
