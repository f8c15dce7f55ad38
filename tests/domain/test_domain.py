"""Clock, identifiers, the synthetic population and the BPP cross-check rules."""

from __future__ import annotations

import datetime as dt

from desktop.domain import model, synthetic
from desktop.domain.hlc import HybridLogicalClock, Timestamp


def test_clock_keeps_order_when_the_wall_clock_goes_back():
    now = [1_000_000]
    clock = HybridLogicalClock("dev1", now_ms=lambda: now[0])
    stamps = [clock.now()]
    now[0] -= 60_000  # NTP pulled the clock back a minute
    stamps += [clock.now(), clock.now()]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3
    assert Timestamp.parse(stamps[-1]).wall_ms == 1_000_000


def test_clock_reports_skew_and_orders_after_what_the_server_has_seen():
    clock = HybridLogicalClock("dev1", now_ms=lambda: 5_000_000)
    skew = clock.observe(5_000_000 + 6 * 60_000)
    assert skew == 6 * 60_000
    assert Timestamp.parse(clock.now()).wall_ms == 5_000_000 + 6 * 60_000


def test_clock_resumes_after_the_last_stamp_it_persisted():
    last = "0000000002000000-0005-dev1"
    clock = HybridLogicalClock("dev1", last=last, now_ms=lambda: 1_000)
    assert clock.now() > last


def test_identifiers_are_sortable_by_creation_and_plan_ids_are_fixed_per_member():
    ids = [model.new_id() for _ in range(50)]
    assert ids == sorted(ids)
    assert model.plan_id_for("M-1") == model.plan_id_for("M-1") != model.plan_id_for("M-2")


def test_population_is_deterministic_and_has_the_requested_size():
    a = [m.data for h in synthetic.iter_population(500, seed=7) for m in h.members]
    b = [m.data for h in synthetic.iter_population(500, seed=7) for m in h.members]
    c = [m.data for h in synthetic.iter_population(500, seed=8) for m in h.members]
    assert a == b != c and len(a) == 500


def test_every_uin_passes_the_luhn_check_and_is_unique():
    uins = [
        m.data["member_identifier"][0]["identifier_value"] for h in synthetic.iter_population(2000) for m in h.members
    ]
    assert len(set(uins)) == len(uins)
    for uin in uins:
        assert synthetic.luhn_digit(uin[:-1]) == uin[-1]


def test_households_have_one_head_and_list_their_members():
    for h in synthetic.iter_population(1000, seed=3):
        heads = [m for m in h.members if m.data["relationship_type"] == "SELF"]
        assert len(heads) == 1 and h.data["head_member_id"] == heads[0].id
        assert h.data["member_ids"] == [m.id for m in h.members]
        assert h.data["group_size"] == len(h.members)


def test_cross_check_rules():
    def member(months, isced, certificates=(), status="2"):
        return synthetic.SyntheticMember(
            "M", "H", {"employment_status": status}, synthetic.ExternalFacts(months, None, isced, certificates), True
        )

    assert synthetic.cross_check(member(None, None))["pension_check"] == "no_link"
    assert synthetic.cross_check(member(None, None))["labour_readiness"] == "unknown"
    assert synthetic.cross_check(member(6, 2))["potentially_unemployed"] is True
    assert synthetic.cross_check(member(5, 2))["potentially_unemployed"] is False
    assert synthetic.cross_check(member(12, 2))["labour_readiness"] == "needs_training"
    assert synthetic.cross_check(member(12, 2, ("CAP",)))["labour_readiness"] == "labour_ready"
    assert synthetic.cross_check(member(12, 3))["labour_readiness"] == "labour_ready"
    assert synthetic.cross_check(member(12, 3, status="1"))["potentially_unemployed"] is False


def test_member_age_and_flattening_from_dci():
    data = next(synthetic.iter_population(1)).members[0].data
    m = model.Member.from_dci("M-0000001", data)
    assert m.uin == data["member_identifier"][0]["identifier_value"]
    assert m.given_name == data["demographic_info"]["name"]["given_name"]
    born = dt.date.fromisoformat(m.birth_date)
    assert m.age(born.replace(year=born.year + 30)) == 30


def test_dates_that_do_not_exist_are_refused_with_a_format_message():
    v = model.ServiceRecord(member_id="M", service_type="counselling", provided_on="2026-02-30")
    assert v.validate(dt.date(2026, 11, 1)) == {"provided_on": model.MSG_DATE}


TODAY = dt.date(2026, 11, 20)


def employment(**fields) -> model.EmploymentVerification:
    base = {"member_id": "M-1", "source": "self_declared", "verified_on": "2026-11-10"}
    return model.EmploymentVerification(**{**base, **fields})


def test_a_reason_for_unemployment_is_refused_for_someone_working():
    errors = employment(employment_status="4", employer="Agro Delta", unemployment_reason="1").validate(TODAY)
    assert errors == {"unemployment_reason": model.MSG_REASON_NOT_EMPLOYED}
    assert employment(employment_status="2", unemployment_reason="1").validate(TODAY) == {}


def test_an_end_date_without_a_start_date_is_refused():
    errors = employment(employment_status="4", employer="Agro Delta", end_date="2026-01-31").validate(TODAY)
    assert errors == {"start_date": model.MSG_START_NEEDED}


def test_a_marital_status_correction_must_be_a_marital_status():
    request = model.ChangeRequest(member_id="M-1", field_name="marital_status", reason="seen", current_value="M")
    request.requested_value = "not a phone"
    assert request.validate(TODAY) == {"requested_value": model.MSG_CHOOSE}
    request.requested_value = "D"
    assert request.validate(TODAY) == {}


def test_a_new_enrolment_cannot_start_exited_deceased_or_reinstated():
    for status in ("Exited", "Deceased", "Reinstated", "Suspended"):
        enrolment = model.Enrollment(
            member_id="M-1", programme_id="PRG-TVET", enrollment_date="2026-11-01", enrollment_status=status
        )
        assert enrolment.validate(TODAY, new=True) == {"enrollment_status": model.MSG_NOT_A_NEW_STATUS}, status
        assert enrolment.validate(TODAY) == {}, "an enrolment already made may later take any status"
