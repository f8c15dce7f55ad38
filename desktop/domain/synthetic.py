"""Synthetic, realistic-looking population for the sandbox, tests and benchmarks.

One generator serves the sandbox (which seeds the SR from it and runs the cross-checks on the
simulated pension, tax and education records) and the local benchmarks (which need the same
shapes without a server). Everything is deterministic for a given seed and streams, so
100k members cost little memory.

Shapes follow the DCI SR profile (``Group`` with ``group_type`` 2 = Household, ``Member`` whose
``demographic_info`` is an SRPerson); identifiers are fictitious and carry a Luhn check digit.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

# Region -> (district, localities). One employment office per district; the district is the
# "area" that scopes counselors and case managers.
GEOGRAPHY: dict[str, dict[str, tuple[str, ...]]] = {
    "Northern": {
        "Kanel": ("Kanel Centre", "Ouro Sogui", "Sinthiou", "Wouro Ciré"),
        "Matam": ("Matam Ville", "Nabadji", "Ogo", "Thilogne"),
        "Podor": ("Podor Ville", "Guédé", "Ndioum", "Aéré Lao"),
    },
    "Coastal": {
        "Rufisque": ("Bargny", "Sébikotane", "Diamniadio", "Sangalkam", "Rufisque Est"),
        "Mbour": ("Saly", "Joal", "Nguékhokh", "Somone"),
        "Thiès Ouest": ("Keur Mbaye", "Pout", "Notto", "Tassette"),
    },
    "Central": {
        "Kaolack": ("Médina Baye", "Ndoffane", "Gandiaye", "Sibassor"),
        "Fatick": ("Diakhao", "Niakhar", "Tattaguine"),
        "Diourbel": ("Ndindy", "Ndoulo", "Touba Lambaye", "Patar"),
    },
    "Southern": {
        "Ziguinchor": ("Boucotte", "Niaguis", "Adéane", "Nyassia"),
        "Kolda": ("Dabo", "Médina Yoro Foula", "Salikégné"),
        "Sédhiou": ("Diendé", "Marsassoum", "Bounkiling"),
    },
    "Eastern": {
        "Tambacounda": ("Koussanar", "Missirah", "Makacolibantang", "Dialacoto"),
        "Kédougou": ("Bandafassi", "Fongolimbi", "Saraya"),
    },
}

GIVEN_FEMALE = (
    "Aminata",
    "Fatou",
    "Awa",
    "Mariama",
    "Khadija",
    "Aïcha",
    "Binta",
    "Ndeye",
    "Kadiatou",
    "Rokia",
    "Marie",
    "Sophie",
    "Grace",
    "Esther",
    "Ruth",
    "Adama",
    "Coumba",
    "Fatimata",
    "Oumou",
    "Salimata",
    "Astou",
    "Maimouna",
    "Nafissatou",
    "Seynabou",
    "Hawa",
    "Rama",
    "Dieynaba",
    "Penda",
    "Yacine",
    "Agnès",
    "Clarisse",
    "Odile",
    "Bineta",
    "Sokhna",
)
GIVEN_MALE = (
    "Moussa",
    "Ibrahima",
    "Ousmane",
    "Abdoulaye",
    "Seydou",
    "Mamadou",
    "Cheikh",
    "Lamine",
    "Boubacar",
    "Salif",
    "Jean",
    "Pierre",
    "Paul",
    "Emmanuel",
    "David",
    "Modou",
    "Pape",
    "Alioune",
    "Babacar",
    "Samba",
    "Demba",
    "Malick",
    "Omar",
    "Souleymane",
    "Idrissa",
    "Thierno",
    "Aliou",
    "Bakary",
    "Youssou",
    "Serigne",
    "Assane",
    "Khalifa",
    "Joseph",
    "Michel",
)
SURNAMES = (
    "Diallo",
    "Traoré",
    "Koné",
    "Camara",
    "Sow",
    "Ba",
    "Ndiaye",
    "Diop",
    "Sylla",
    "Touré",
    "Cissé",
    "Keita",
    "Coulibaly",
    "Sanogo",
    "Ouédraogo",
    "Kaboré",
    "Fall",
    "Gueye",
    "Faye",
    "Sarr",
    "Mbaye",
    "Seck",
    "Thiam",
    "Niang",
    "Kane",
    "Wade",
    "Dieng",
    "Diouf",
    "Ndour",
    "Sène",
    "Badji",
    "Mané",
    "Sagna",
    "Diatta",
    "Tendeng",
    "Manga",
    "Baldé",
    "Sidibé",
    "Kanté",
    "Dramé",
    "Mendy",
    "Gomis",
    "Correa",
    "Lopy",
    "Sakho",
    "Cissokho",
    "Dembélé",
    "Konaté",
)

ISCED_WEIGHTS = ((0, 14), (1, 22), (2, 20), (3, 22), (4, 7), (5, 5), (6, 7), (7, 2), (8, 1))


@dataclass(frozen=True)
class Area:
    """A district: the unit that offices, counselors and segments are scoped to."""

    code: str
    name: str
    region: str
    region_code: str
    office: str
    localities: tuple[str, ...]


def areas() -> list[Area]:
    """The fixed area tree, in a stable order."""
    out = []
    for r_index, (region, districts) in enumerate(GEOGRAPHY.items(), start=1):
        for d_index, (district, localities) in enumerate(districts.items(), start=1):
            out.append(
                Area(
                    code=f"R{r_index}-D{d_index}",
                    name=district,
                    region=region,
                    region_code=f"R{r_index}",
                    office=f"{district} Employment Office",
                    localities=localities,
                )
            )
    return out


@dataclass
class ExternalFacts:
    """What the pension, tax and education systems know of a member (None = no link)."""

    months_without_contributions: int | None  # pension/tax: None when no record can be matched
    last_employer: str | None
    education_level: int | None  # the education system's ISCED level, None when no link
    certificates: tuple[str, ...] = ()


@dataclass
class SyntheticMember:
    id: str
    household_id: str
    data: dict
    external: ExternalFacts
    able_bodied: bool


@dataclass
class SyntheticHousehold:
    id: str
    area: Area
    data: dict
    members: list[SyntheticMember] = field(default_factory=list)


def luhn_digit(digits: str) -> str:
    """Check digit that makes ``digits + d`` pass the Luhn test."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def uin_for(index: int) -> str:
    body = f"{(index * 7919) % 10**9:09d}"
    return body + luhn_digit(body)


EMPLOYERS = (
    "Sotrac Transport",
    "Ciments du Sahel",
    "Sonatel Services",
    "Boulangerie Jaune",
    "Marché Central Coop",
    "Agro Delta SA",
    "Pêcheries de Joal",
    "Hôtel Savana",
    "BTP Horizon",
    "Textiles Kaolack",
    "Mairie",
    "Clinique Espoir",
)
CERTIFICATES = (
    "CAP Électricité",
    "BEP Couture",
    "BT Mécanique",
    "CAP Maçonnerie",
    "Brevet informatique",
    "Permis C",
    "CQP Agriculture",
)


def iter_population(
    n_members: int, seed: int = 1, reference_date: dt.date = dt.date(2026, 11, 1)
) -> Iterator[SyntheticHousehold]:
    """Households with their members until ``n_members`` members exist.

    Household sizes are 1–8 (mean about 4); one head per household (``relationship_type``
    ``SELF``), a spouse often, children and others after. Roughly two thirds of adults are
    able-bodied working-age; a third of those have months without pension or tax
    contributions; education links are missing for about a fifth.
    """
    rng = random.Random(seed)
    area_list = areas()
    made = 0
    h_index = 0
    while made < n_members:
        h_index += 1
        area = area_list[rng.randrange(len(area_list))]
        locality = area.localities[rng.randrange(len(area.localities))]
        size = min(n_members - made, rng.choice((1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 7, 8)))
        household_id = f"H-{h_index:07d}"
        surname = SURNAMES[rng.randrange(len(SURNAMES))]
        address = {
            "address_line_1": f"{rng.randint(1, 240)} Rue {rng.randint(1, 90)}",
            "locality": locality,
            "sub_region_code": area.code,
            "region_code": area.region_code,
            "country_code": "SN",
        }
        registered = reference_date - dt.timedelta(days=rng.randint(30, 2400))
        household = SyntheticHousehold(id=household_id, area=area, data={})
        for m in range(size):
            made += 1
            member_id = f"M-{made:07d}"
            relationship = (
                "SELF"
                if m == 0
                else ("SPS" if m == 1 and size > 2 else rng.choice(("CHILD", "CHILD", "CHILD", "OTHER")))
            )
            adult = relationship in ("SELF", "SPS") or rng.random() < 0.45
            age = rng.randint(18, 70) if adult else rng.randint(1, 17)
            female = rng.random() < 0.5
            given = GIVEN_FEMALE if female else GIVEN_MALE
            birth = reference_date - dt.timedelta(days=age * 365 + rng.randint(0, 364))
            disabled = rng.random() < 0.06
            working_age = 18 <= age <= 64
            able = working_age and not disabled
            isced = _weighted(rng, ISCED_WEIGHTS) if age >= 15 else min(1, age // 8)
            unemployed = able and rng.random() < 0.45
            person: dict = {
                "name": {
                    "given_name": given[rng.randrange(len(given))],
                    "surname": surname
                    if relationship != "SPS" or rng.random() < 0.3
                    else SURNAMES[rng.randrange(len(SURNAMES))],
                },
                "sex": "female" if female else "male",
                "birth_date": birth.isoformat(),
                "address": [{"locality": locality, "sub_region_code": area.code, "region_code": area.region_code}],
            }
            if age >= 15 and rng.random() < 0.85:
                person["phone_number"] = [f"+2217{rng.choice('05678')}{rng.randint(0, 9999999):07d}"]
            data = {
                "member_identifier": [{"identifier_type": "UIN", "identifier_value": uin_for(made)}],
                "demographic_info": person,
                "household_id": household_id,
                "relationship_type": relationship,
                "marital_status": rng.choice("SMMMWD") if adult else "S",
                "employment_status": ("2" if unemployed else rng.choice(("1", "4", "5"))) if working_age else "3",
                "education_level": str(isced),
                "is_disabled": disabled,
                "registration_date": registered.isoformat(),
            }
            if unemployed:
                months = rng.choice((None, 0, 1, 2, 4, 6, 7, 9, 12, 18, 24, 36))
            else:
                months = rng.choice((None, 0, 0, 0, 1, 2))
            external = ExternalFacts(
                months_without_contributions=months,
                last_employer=EMPLOYERS[rng.randrange(len(EMPLOYERS))] if months is not None else None,
                education_level=None if rng.random() < 0.2 else isced,
                certificates=(CERTIFICATES[rng.randrange(len(CERTIFICATES))],)
                if isced >= 3 and rng.random() < 0.35
                else (),
            )
            household.members.append(SyntheticMember(member_id, household_id, data, external, able))
        household.data = {
            "group_identifier": [{"identifier_type": "HHID", "identifier_value": household_id}],
            "group_type": "2",
            "address": [address],
            "poverty_score": round(rng.uniform(5, 95), 1),
            "poverty_score_type": "PMT",
            "group_size": size,
            "head_member_id": household.members[0].id,
            "member_ids": [m.id for m in household.members],
            "registration_date": registered.isoformat(),
        }
        yield household


def _weighted(rng: random.Random, pairs: tuple[tuple[int, int], ...]) -> int:
    total = sum(w for _, w in pairs)
    pick = rng.uniform(0, total)
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]


# --- The BPP cross-checks (process B.2–B.3) -------------------------------------------

#: months without pension/tax contributions from which a member is "potentially unemployed"
POTENTIALLY_UNEMPLOYED_MONTHS = 6
#: ISCED level from which a member counts as labour-ready without technical training
LABOUR_READY_ISCED = 3


def cross_check(member: SyntheticMember) -> dict:
    """Flags the SR derives for a member from the simulated pension, tax and education systems.

    ``pension_check``/``tax_check`` are ``no_link`` where no record matched (the counselor then
    verifies employment at the visit), ``no_active_contributions`` past the threshold, else
    ``active_contributions``. ``labour_readiness`` is ``unknown`` without an education link.
    """
    ext = member.external
    months = ext.months_without_contributions
    if months is None:
        contribution = "no_link"
    elif months >= POTENTIALLY_UNEMPLOYED_MONTHS:
        contribution = "no_active_contributions"
    else:
        contribution = "active_contributions"
    if ext.education_level is None:
        education, readiness = "no_link", "unknown"
    else:
        education = "matched"
        ready = ext.education_level >= LABOUR_READY_ISCED or bool(ext.certificates)
        readiness = "labour_ready" if ready else "needs_training"
    flagged_unemployed = member.data.get("employment_status") == "2"
    return {
        "pension_check": contribution,
        "tax_check": contribution,
        "months_without_contributions": months,
        "education_check": education,
        "labour_readiness": readiness,
        "potentially_unemployed": flagged_unemployed and contribution != "active_contributions",
    }


def is_bpp(member: SyntheticMember) -> bool:
    """Whether the member belongs on the Beneficiaries-with-Productive-Potential list (B.1–B.4)."""
    return member.able_bodied and cross_check(member)["potentially_unemployed"]


def change_records(
    n_assigned: int, seed: int = 1, counselor: str = "counselor", caseworker: str = "caseworker"
) -> Iterator[dict]:
    """The population as the change records a pull brings (docs/sync-protocol.md §2): the
    households, and ``n_assigned`` able-bodied working-age members assigned to one counselor.
    This is how local tests and benchmarks fill a store through the same path as a sync,
    without a server. As from the sandbox, a counselor receives the members on their list and
    those members' households; children, older people and members with a disability stay in
    the SR (listed in the household's ``member_ids``) but are neither on the list nor sent."""
    seq = assigned = 0
    for household in iter_population(n_assigned * 3 + 10, seed):
        if assigned >= n_assigned:
            return
        seq += 1
        yield {"entity_type": "Group", "entity_id": household.id, "version": 1, "sync_seq": seq, "data": household.data}
        for member in household.members:
            if not member.able_bodied or assigned >= n_assigned:
                continue
            assigned += 1
            seq += 1
            yield {
                "entity_type": "Member",
                "entity_id": member.id,
                "version": 1,
                "sync_seq": seq,
                "member_id": member.id,
                "data": member.data,
            }
            flags = cross_check(member)
            segment = (
                "A-ready"
                if flags["labour_readiness"] == "labour_ready"
                else "B-training"
                if flags["labour_readiness"] == "needs_training"
                else "C-verify"
            )
            seq += 1
            yield {
                "entity_type": "Assignment",
                "entity_id": member.id,
                "version": 1,
                "sync_seq": seq,
                "member_id": member.id,
                "data": {
                    "member_id": member.id,
                    "household_id": household.id,
                    "counselor": counselor,
                    "caseworker": caseworker,
                    "office": household.area.office,
                    "area": household.area.code,
                    "segment": f"{household.area.code}/{segment}",
                    "referral_source": "bpp",
                    "status": "active",
                    **{k: v for k, v in flags.items() if v is not None},
                },
            }
