"""The server-side steps of processes A and B (DESIGN.md §1) on synthetic data.

A.1 registration fills the SR (and the simulated pension, tax and education systems); A.2
refers able-bodied members to the ESS; B.1–B.4 build the Beneficiaries-with-Productive-
Potential list from the cross-checks; B.5 the planning department reviews it and pushes it
to the ESS; B.6–B.7 segment by geography and assign offices, counselors and case managers.
B.9 sends enrollment feedback from the ESS to the SR. Supervisor review items are made from
synced updates. The cross-check rules are the generator's own (``synthetic.cross_check``).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.domain import synthetic

from .auth import scope_of
from .dci import new_id, now_iso
from .entity_types import REVIEWED_TYPES
from .fieldstore import ALL, Accepted, FieldStore

SR_SCHEMA = """
CREATE TABLE IF NOT EXISTS ext_contribution (member_id TEXT PRIMARY KEY, months INTEGER, last_employer TEXT);
CREATE TABLE IF NOT EXISTS ext_education (member_id TEXT PRIMARY KEY, education_level INTEGER, certificates TEXT);
CREATE TABLE IF NOT EXISTS bpp_list (
  list_id TEXT PRIMARY KEY, created TEXT NOT NULL, status TEXT NOT NULL,
  reviewed_by TEXT, reviewed_at TEXT, pushed_at TEXT, size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bpp_entry (list_id TEXT NOT NULL, member_id TEXT NOT NULL, flags TEXT NOT NULL,
  PRIMARY KEY (list_id, member_id));
"""
ESS_SCHEMA = """
CREATE TABLE IF NOT EXISTS referral (member_id TEXT PRIMARY KEY, household_id TEXT NOT NULL, area TEXT NOT NULL,
  source TEXT NOT NULL, flags TEXT NOT NULL, bpp_list_id TEXT, received TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feedback_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""

#: the ESS programme catalogue (ESS Programme profile = IBR Programme)
PROGRAMMES = (
    ("PRG-TVET", "Technical and vocational training", "Short technical courses with a certificate", "Training"),
    ("PRG-APPR", "Apprenticeship placement", "Six-month apprenticeships with local employers", "Work Opportunity"),
    ("PRG-PUBW", "Public works", "Paid community works for up to 100 days a year", "Work Opportunity"),
    ("PRG-JOBS", "Job search support", "Counselling, CV and interview preparation", "Training"),
    ("PRG-ENTR", "Micro-enterprise start-up", "Business training and a start-up grant", "Training"),
    ("PRG-LITR", "Literacy and numeracy", "Evening classes for adults", "Training"),
)


@dataclass
class Staff:
    """Who works where: the people the B.7 assignment distributes members over."""

    demo_area: synthetic.Area
    counselors: list[tuple[str, synthetic.Area]] = field(default_factory=list)
    caseworkers: dict[str, str] = field(default_factory=dict)  # area code -> name
    supervisors: dict[str, str] = field(default_factory=dict)  # area code -> name

    def users(self) -> list[dict]:
        areas = {a.code: a for a in synthetic.areas()}
        out = [_user(name, "counselor", area) for name, area in self.counselors]
        out += [_user(name, "caseworker", areas[code]) for code, name in self.caseworkers.items()]
        out += [_user(name, "supervisor", areas[code]) for code, name in self.supervisors.items()]
        return out

    def scopes(self) -> set[str]:
        return {scope_of(u["role"], u["name"], u["office"]) for u in self.users()}


def _user(name: str, role: str, area: synthetic.Area) -> dict:
    return {
        "name": name,
        "role": role,
        "display_name": name.replace("-", " ").title(),
        "office": area.office,
        "areas": [area.code],
    }


def plan_staff(members: int, counselors: int | None) -> Staff:
    """Counselors spread over the areas, the demo ones first in the first area; one case
    manager and one supervisor per area. The demo counselor and case manager share an area."""
    area_list = synthetic.areas()
    n = counselors if counselors is not None else max(1, round(members / 2000))
    staff = Staff(demo_area=area_list[0])
    for i in range(max(1, n)):
        staff.counselors.append(("counselor" if i == 0 else f"counselor-{i + 1}", area_list[i % len(area_list)]))
    for i, area in enumerate(area_list):
        staff.caseworkers[area.code] = "caseworker" if i == 0 else f"caseworker-{area.code.lower()}"
        staff.supervisors[area.code] = "supervisor" if i == 0 else f"supervisor-{area.code.lower()}"
    return staff


class Pipeline:
    def __init__(self, sr: FieldStore, ess: FieldStore, staff: Staff):
        self.sr, self.ess, self.staff = sr, ess, staff
        sr.db.script(SR_SCHEMA)
        ess.db.script(ESS_SCHEMA)

    # --- A.1: registration ---------------------------------------------------------------

    def register(self, households: Iterable[synthetic.SyntheticHousehold]) -> int:
        """Households into the SR, and what pension, tax and education systems know of them."""
        rows, contributions, education = [], [], []
        for h in households:
            rows.append(("Group", h.id, None, h.id, h.data))
            for m in h.members:
                rows.append(("Member", m.id, m.id, m.id, m.data))
                ext = m.external
                if ext.months_without_contributions is not None:
                    contributions.append((m.id, ext.months_without_contributions, ext.last_employer))
                if ext.education_level is not None:
                    education.append((m.id, ext.education_level, json.dumps(list(ext.certificates))))
        with self.sr.db.tx() as c:
            self.sr.bulk_insert(c, rows)
            c.executemany("INSERT OR REPLACE INTO ext_contribution VALUES (?,?,?)", contributions)
            c.executemany("INSERT OR REPLACE INTO ext_education VALUES (?,?,?)", education)
        return sum(1 for r in rows if r[0] == "Member")

    # --- A.2 and B.1–B.4: referral, cross-checks, the BPP list ---------------------------

    def _checked_members(self, c: sqlite3.Connection, as_of: dt.date) -> Iterable[tuple[str, dict, dict]]:
        """Able-bodied working-age members with the cross-check flags (B.2–B.3)."""
        cursor = c.execute(
            "SELECT e.eid, e.data, x.months, x.last_employer, d.education_level, d.certificates FROM entity e "
            "LEFT JOIN ext_contribution x ON x.member_id = e.eid LEFT JOIN ext_education d ON d.member_id = e.eid "
            "WHERE e.etype = 'Member' AND e.deleted = 0"
        )
        for eid, data, months, employer, level, certificates in cursor:
            data = json.loads(data)
            if not able_bodied(data, as_of):
                continue
            member = synthetic.SyntheticMember(
                eid,
                data.get("household_id", ""),
                data,
                synthetic.ExternalFacts(months, employer, level, tuple(json.loads(certificates or "[]"))),
                able_bodied=True,
            )
            yield eid, data, synthetic.cross_check(member)

    def build_bpp_list(self, as_of: dt.date | None = None) -> str:
        """B.1–B.4: members flagged unemployed whose checks say "potentially unemployed"."""
        list_id = "BPP-" + dt.date.today().isoformat() + "-" + new_id()[:8]
        with self.sr.db.tx() as c:
            entries = [
                (list_id, eid, json.dumps(flags))
                for eid, _, flags in self._checked_members(c, as_of or dt.date.today())
                if flags["potentially_unemployed"]
            ]
            c.execute(
                "INSERT INTO bpp_list VALUES (?,?,?,NULL,NULL,NULL,?)", (list_id, now_iso(), "draft", len(entries))
            )
            c.executemany("INSERT INTO bpp_entry VALUES (?,?,?)", entries)
        return list_id

    def review_bpp_list(self, list_id: str, reviewer: str = "planning", approve: bool = True) -> None:
        """B.5: the planning department approves (or rejects) the list before it leaves the SR."""
        with self.sr.db.tx() as c:
            c.execute(
                "UPDATE bpp_list SET status=?, reviewed_by=?, reviewed_at=? WHERE list_id=? AND status='draft'",
                ("approved" if approve else "rejected", reviewer, now_iso(), list_id),
            )

    def refer(self, as_of: dt.date | None = None) -> int:
        """A.2 and B.5: every able-bodied member is referred to the ESS; those on an approved
        BPP list arrive as BPP referrals with their cross-check flags."""
        as_of = as_of or dt.date.today()
        with self.sr.db.tx() as c:
            bpp = {
                m: lid
                for lid, m in c.execute(
                    "SELECT e.list_id, e.member_id FROM bpp_entry e JOIN bpp_list l USING (list_id) WHERE l.status='approved'"
                )
            }
            checked = list(self._checked_members(c, as_of))
            c.execute("UPDATE bpp_list SET pushed_at=? WHERE status='approved' AND pushed_at IS NULL", (now_iso(),))
        now = now_iso()
        referrals, jobseekers = [], []
        for eid, data, flags in checked:
            area = data["demographic_info"]["address"][0]["sub_region_code"]
            list_id = bpp.get(eid)
            referrals.append(
                (eid, data["household_id"], area, "bpp" if list_id else "registration", json.dumps(flags), list_id, now)
            )
            jobseekers.append(("Member", eid, eid, eid, ess_member(data, flags)))
        with self.ess.db.tx() as c:
            known = {r[0] for r in c.execute("SELECT member_id FROM referral")}
            fresh = [r for r in referrals if r[0] not in known]
            c.executemany("INSERT INTO referral VALUES (?,?,?,?,?,?,?)", fresh)
            c.executemany(
                "UPDATE referral SET source='bpp', bpp_list_id=? WHERE member_id=? AND bpp_list_id IS NULL",
                [(r[5], r[0]) for r in referrals if r[5]],
            )
            self.ess.bulk_insert(c, [j for j in jobseekers if j[1] not in known])
        return len(fresh)

    # --- B.6–B.7: segmentation and assignment --------------------------------------------

    def assign(self) -> dict[str, int]:
        """Segment referrals by area and give each an office, a counselor and a case manager.

        Members of one household go to the same counselor. Returns the size of each segment."""
        by_office: dict[str, list[str]] = defaultdict(list)
        for name, area in self.staff.counselors:
            by_office[area.code].append(name)
        names = [name for name, _ in self.staff.counselors]
        areas = {a.code: a for a in synthetic.areas()}
        with self.ess.db.tx() as c:
            pending = c.execute(
                "SELECT r.member_id, r.household_id, r.area, r.source, r.flags, r.bpp_list_id FROM referral r "
                "WHERE NOT EXISTS (SELECT 1 FROM entity e WHERE e.etype='Assignment' AND e.eid=r.member_id) "
                "ORDER BY r.area, r.household_id, r.member_id"
            ).fetchall()
            turn: dict[str, int] = defaultdict(int)
            household_counselor: dict[str, str] = {}
            rows, member_scopes, segments = [], {}, defaultdict(int)
            for member_id, household_id, area_code, source, flags, list_id in pending:
                area = areas[area_code]
                pool = by_office.get(area_code) or [names[list(areas).index(area_code) % len(names)]]
                counselor = household_counselor.get(household_id)
                if counselor is None:
                    counselor = pool[turn[area_code] % len(pool)]
                    turn[area_code] += 1
                    household_counselor[household_id] = counselor
                caseworker = self.staff.caseworkers[area_code]
                segment = f"SEG-{area_code}"
                segments[segment] += 1
                data = {
                    "member_id": member_id,
                    "household_id": household_id,
                    "counselor": counselor,
                    "caseworker": caseworker,
                    "office": area.office,
                    "area": area_code,
                    "segment": segment,
                    **json.loads(flags),
                    "referral_source": source,
                    "bpp_list_id": list_id,
                    "status": "active",
                }
                rows.append(("Assignment", member_id, member_id, member_id, data))
                member_scopes[member_id] = {f"u:{counselor}", f"u:{caseworker}", f"o:{area.office}"}
            existing = c.execute("SELECT count(*) FROM entity WHERE etype='Programme'").fetchone()[0]
            if not existing:
                rows += [
                    ("Programme", pid, None, ALL, programme(pid, name, text, benefit))
                    for pid, name, text, benefit in PROGRAMMES
                ]
            self.ess.rescope(c, {**member_scopes, ALL: self.staff.scopes()})
            self.ess.bulk_insert(c, rows)
        household_scopes: dict[str, set[str]] = defaultdict(set)
        with self.sr.db.tx() as c:
            households = dict(
                c.execute(
                    "SELECT eid, json_extract(data, '$.household_id') FROM entity WHERE etype='Member'"
                ).fetchall()
            )
            for member_id, scopes in member_scopes.items():
                household_scopes[households[member_id]] |= scopes
            for household_id in household_scopes:
                household_scopes[household_id] |= self.sr.scopes_of(c, household_id)
            self.sr.rescope(c, {**member_scopes, **household_scopes})
        return dict(segments)

    def run_all(self, households: Iterable[synthetic.SyntheticHousehold]) -> dict:
        """A.1 → B.7 in order, as the sandbox does at first start."""
        registered = self.register(households)
        list_id = self.build_bpp_list()
        self.review_bpp_list(list_id)
        referred = self.refer()
        segments = self.assign()
        return {"registered": registered, "bpp_list_id": list_id, "referred": referred, "segments": segments}

    # --- B.9: enrollment feedback --------------------------------------------------------

    def enrollment_updates(self) -> tuple[dict, int]:
        """The ESS's enrollment changes since the last feedback, as an IBR EnrollmentUpdatesRequest."""
        with self.ess.db.read() as c:
            row = c.execute("SELECT value FROM feedback_state WHERE key='cursor'").fetchone()
            cursor = row[0] if row else 0
            rows = c.execute(
                "SELECT eid, member_id, data, seq FROM entity WHERE etype='Enrollment' AND seq > ? ORDER BY seq",
                (cursor,),
            ).fetchall()
        beneficiaries = []
        for eid, member_id, data, _ in rows:
            d = json.loads(data)
            beneficiaries.append(
                {
                    "@type": "Beneficiary",
                    "enrollment_id": eid,
                    "member": member_id,
                    "programme_identifier": [d.get("programme_id", "")],
                    "enrollment_date": d.get("enrollment_date", ""),
                    "enrollment_status": d.get("enrollment_status", ""),
                    "status_change_date": d.get("status_change_date", ""),
                }
            )
        message = {"transaction_id": new_id(), "enrolled_updates": {"beneficiaries": beneficiaries}}
        return message, rows[-1][3] if rows else cursor

    def mark_feedback_sent(self, cursor: int) -> None:
        with self.ess.db.tx() as c:
            c.execute("INSERT OR REPLACE INTO feedback_state VALUES ('cursor', ?)", (cursor,))

    def apply_enrollment_updates(self, message: dict) -> list[dict]:
        """The SR records each programme enrollment on the member (``additional_attributes``)."""
        answers = []
        with self.sr.db.tx() as c:
            for b in message["enrolled_updates"].get("beneficiaries", []):
                member_id = b.get("member")
                data = self.sr.get(c, "Member", member_id) if isinstance(member_id, str) else None
                if data is None:
                    answers.append(
                        {
                            "reference_id": str(b.get("enrollment_id", "")),
                            "timestamp": now_iso(),
                            "status": "rjct",
                            "status_reason_message": f"unknown member {member_id}",
                        }
                    )
                    continue
                programme_id = (b.get("programme_identifier") or [""])[0]
                entry = {
                    "name": "ess_enrolment",
                    "value": {
                        k: v
                        for k, v in (
                            ("programme_id", programme_id),
                            ("enrollment_status", b.get("enrollment_status")),
                            ("enrollment_date", b.get("enrollment_date")),
                            ("status_change_date", b.get("status_change_date")),
                        )
                        if v
                    },
                }
                attrs = [
                    a
                    for a in data.get("additional_attributes", [])
                    if not (a.get("name") == "ess_enrolment" and a["value"].get("programme_id") == programme_id)
                ]
                data["additional_attributes"] = [*attrs, entry]
                self.sr.put(c, "Member", member_id, data, key=member_id, member_id=member_id, author="ess")
                answers.append(
                    {"reference_id": str(b.get("enrollment_id", member_id)), "timestamp": now_iso(), "status": "succ"}
                )
        return answers

    # --- supervisor review items -----------------------------------------------------------

    def review_item(self, c: sqlite3.Connection, accepted: Accepted) -> None:
        """A synced update by a counselor or case manager becomes a review item for the supervisor."""
        if accepted.entity_type not in REVIEWED_TYPES or accepted.principal.role not in ("counselor", "caseworker"):
            return
        review_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"fielddesk:review:{accepted.item['reference_id']}"))
        summary = f"{accepted.entity_type} v{accepted.version}: {', '.join(sorted(accepted.changed))}"
        self.ess.put(
            c,
            "Review",
            review_id,
            {
                "entity_type": accepted.entity_type,
                "entity_id": accepted.entity_id,
                "author": accepted.principal.name,
                "author_role": accepted.principal.role,
                "summary": summary[:200],
                "outcome": "pending",
            },
            key=accepted.member_id,
            member_id=accepted.member_id,
            author="server",
        )


def able_bodied(member: dict, as_of: dt.date) -> bool:
    """Working age (18–64) and not disabled: who the SR refers to the employment programme."""
    try:
        born = dt.date.fromisoformat(member["demographic_info"]["birth_date"][:10])
    except (KeyError, ValueError, TypeError):
        return False
    age = as_of.year - born.year - ((as_of.month, as_of.day) < (born.month, born.day))
    return 18 <= age <= 64 and not member.get("is_disabled")


def ess_member(sr_member: dict, flags: dict) -> dict:
    """The ESS's job-seeker record (ESS Member profile) made from a referral."""
    person = sr_member["demographic_info"]
    out = {
        "@type": "Member",
        "member_identifier": sr_member.get("member_identifier"),
        "demographic_info": {"@type": "ESSPerson", **person},
        "household_id": sr_member.get("household_id"),
        "employment_status": sr_member.get("employment_status"),
        "education_level": sr_member.get("education_level"),
        "labour_readiness": flags["labour_readiness"],
    }
    if flags.get("months_without_contributions"):
        out["unemployment_reason"] = "8"
    return out


def programme(pid: str, name: str, description: str, benefit: str) -> dict:
    return {
        "@type": "Programme",
        "programme_identifier": pid,
        "programme_name": name,
        "programme_description": description,
        "implementing_institution": "National Employment Agency",
        "programme_type": "Labour market",
        "benefit": [{"benefit_type": benefit}],
    }
