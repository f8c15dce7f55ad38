"""Field Desk's entities: plain dataclasses, their wire shape, and their validation.

Every entity knows its home service (``SR`` or ``ESS``) and its merge rule (docs/sync-protocol.md):
``append`` entities are created once and never change, ``fields`` entities merge field by
field, ``server`` entities are owned by a server and only read here. Validation returns
messages per field so a form can show each beside its field; nothing is saved while any exist.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any, ClassVar

from uuid6 import uuid7

from . import codes
from .codes import QT_TRANSLATE_NOOP
from .phones import is_e164

MSG_REQUIRED = QT_TRANSLATE_NOOP("Validation", "This field is required.")
MSG_CHOOSE = QT_TRANSLATE_NOOP("Validation", "Choose a value from the list.")
MSG_DATE = QT_TRANSLATE_NOOP("Validation", "Enter a date as YYYY-MM-DD.")
MSG_FUTURE = QT_TRANSLATE_NOOP("Validation", "This date cannot be in the future.")
MSG_TOO_OLD = QT_TRANSLATE_NOOP("Validation", "This date is too far in the past.")
MSG_END_BEFORE_START = QT_TRANSLATE_NOOP("Validation", "The end date is before the start date.")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("Validation", "This text is too long.")
MSG_EMPLOYER_NEEDED = QT_TRANSLATE_NOOP("Validation", "Name the employer for someone employed.")
MSG_EVIDENCE_NEEDED = QT_TRANSLATE_NOOP("Validation", "Describe the document seen.")
MSG_START_NEEDED = QT_TRANSLATE_NOOP("Validation", "Enter the start date too: an end needs a start.")
MSG_REASON_NOT_EMPLOYED = QT_TRANSLATE_NOOP(
    "Validation", "A reason for unemployment is only for someone who is not working."
)
MSG_NOT_A_NEW_STATUS = QT_TRANSLATE_NOOP("Validation", "A new enrolment cannot start with this status.")
#: messages that mean "this field must be filled in", in this situation: a form marks such fields
NEEDED = frozenset({MSG_REQUIRED, MSG_EMPLOYER_NEEDED, MSG_EVIDENCE_NEEDED, MSG_START_NEEDED})
MSG_DUE_PAST = QT_TRANSLATE_NOOP("Validation", "A new action cannot be due in the past.")
MSG_SAME_VALUE = QT_TRANSLATE_NOOP("Validation", "The requested value is the same as the current one.")
MSG_PHONE = QT_TRANSLATE_NOOP("Validation", "Enter the number in international form, e.g. +221771234567.")
MSG_NO_RECIPIENTS = QT_TRANSLATE_NOOP("Validation", "Select at least one beneficiary.")
MSG_EXISTS = QT_TRANSLATE_NOOP("Validation", "This record exists already.")
MSG_GONE = QT_TRANSLATE_NOOP("Validation", "This record no longer exists on this device.")
MSG_APPEND_ONLY = QT_TRANSLATE_NOOP("Validation", "This kind of record cannot be changed once saved.")
MSG_CHOOSE_RESOLUTION = QT_TRANSLATE_NOOP("Validation", "Choose mine, theirs or an edited value.")
MSG_ALREADY_RESOLVED = QT_TRANSLATE_NOOP("Validation", "This conflict was already resolved.")
MSG_NOT_WAITING = QT_TRANSLATE_NOOP("Validation", "This change is not waiting for a retry.")

EARLIEST_DATE = dt.date(1900, 1, 1)
SHORT_TEXT = 200
LONG_TEXT = 4000


class ValidationError(ValueError):
    """Raised by a use-case when an entity has errors; ``errors`` maps field → message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def new_id() -> str:
    """A UUIDv7: sortable by creation time, unique without coordination."""
    return str(uuid7())


def plan_id_for(member_id: str) -> str:
    """The one ISEP per member has a fixed id, so two roles starting it offline make one plan."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"fielddesk:plan:{member_id}"))


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    return dt.date.fromisoformat(str(value))


class _Checker:
    """Collects per-field messages; the first message for a field wins."""

    def __init__(self, obj: Any, today: dt.date):
        self.obj = obj
        self.today = today
        self.errors: dict[str, str] = {}

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)

    def value(self, name: str) -> Any:
        v = getattr(self.obj, name)
        return v.strip() if isinstance(v, str) else v

    def required(self, *names: str) -> None:
        for name in names:
            if self.value(name) in (None, "", [], ()):
                self.add(name, MSG_REQUIRED)

    def code(self, name: str, table: dict[str, str], required: bool = True) -> None:
        v = self.value(name)
        if v in (None, ""):
            if required:
                self.add(name, MSG_REQUIRED)
        elif str(v) not in table:
            self.add(name, MSG_CHOOSE)

    def date(self, name: str, required: bool = True, future: bool = False) -> dt.date | None:
        v = self.value(name)
        if v in (None, ""):
            if required:
                self.add(name, MSG_REQUIRED)
            return None
        try:
            d = parse_date(v)
        except (TypeError, ValueError):
            self.add(name, MSG_DATE)
            return None
        if not future and d > self.today:
            self.add(name, MSG_FUTURE)
        elif d < EARLIEST_DATE:
            self.add(name, MSG_TOO_OLD)
        return d

    def order(self, start: str, end: str) -> None:
        try:
            a, b = parse_date(self.value(start)), parse_date(self.value(end))
        except (TypeError, ValueError):
            return
        if a and b and b < a:
            self.add(end, MSG_END_BEFORE_START)

    def length(self, name: str, limit: int = SHORT_TEXT) -> None:
        v = self.value(name)
        if isinstance(v, str) and len(v) > limit:
            self.add(name, MSG_TOO_LONG)


@dataclass
class Entity:
    """Base of the entities a field worker creates or edits; ``member_id`` scopes each one."""

    ENTITY_TYPE: ClassVar[str] = ""
    HOME: ClassVar[str] = "ESS"
    MERGE: ClassVar[str] = "append"
    #: fields set by the store from who is signed in, never by a form
    STAMPED: ClassVar[tuple[str, ...]] = ()

    member_id: str = ""
    id: str = field(default_factory=new_id)

    def check(self, c: _Checker) -> None:  # pragma: no cover - each entity overrides
        raise NotImplementedError

    def check_new(self, c: _Checker) -> None:
        """What only a new entity must satisfy (what it may start as)."""

    def validate(self, today: dt.date | None = None, new: bool = False) -> dict[str, str]:
        c = _Checker(self, today or dt.date.today())
        if not self.member_id:
            c.add("member_id", MSG_REQUIRED)
        self.check(c)
        if new:
            self.check_new(c)
        return c.errors

    def to_data(self) -> dict:
        """The wire/storage shape: no id (it travels beside), no empty values."""
        out = {}
        for f in dataclasses.fields(self):
            if f.name == "id":
                continue
            v = getattr(self, f.name)
            if isinstance(v, str):
                v = v.strip()
            if v in (None, "", [], ()):
                continue
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_data(cls, entity_id: str, data: dict) -> Entity:
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in names and k != "id"}
        return cls(id=entity_id, **kwargs)


@dataclass
class EmploymentVerification(Entity):
    """What the counselor established about work where pension/tax records could not."""

    ENTITY_TYPE: ClassVar[str] = "EmploymentVerification"
    STAMPED: ClassVar[tuple[str, ...]] = ("verified_by", "role")

    employment_status: str = ""  # DCI EmploymentStatusEnum
    employer: str = ""
    job_title: str = ""
    employment_type: str = ""  # ESS EmploymentType
    start_date: str = ""
    end_date: str = ""
    unemployment_reason: str = ""  # ESS UnemploymentReason
    contributions_seen: bool = False
    evidence: str = ""
    source: str = ""  # system | document | self_declared
    verified_on: str = ""
    verified_by: str = ""
    role: str = ""

    def check(self, c: _Checker) -> None:
        c.code("employment_status", codes.EMPLOYMENT_STATUS)
        c.code("source", codes.VERIFICATION_SOURCE)
        c.date("verified_on")
        c.date("start_date", required=False)
        c.date("end_date", required=False)
        c.order("start_date", "end_date")
        if self.end_date.strip() and not self.start_date.strip():
            c.add("start_date", MSG_START_NEEDED)
        c.code("employment_type", codes.EMPLOYMENT_TYPE, required=False)
        c.code("unemployment_reason", codes.UNEMPLOYMENT_REASON, required=False)
        if self.employment_status in codes.EMPLOYED_CODES and not self.employer.strip():
            c.add("employer", MSG_EMPLOYER_NEEDED)
        if self.employment_status in codes.EMPLOYED_CODES and self.unemployment_reason.strip():
            c.add("unemployment_reason", MSG_REASON_NOT_EMPLOYED)
        if self.source == "document" and not self.evidence.strip():
            c.add("evidence", MSG_EVIDENCE_NEEDED)
        for name in ("employer", "job_title", "evidence"):
            c.length(name)


@dataclass
class EducationVerification(Entity):
    """Education seen at the visit where the education system had no record."""

    ENTITY_TYPE: ClassVar[str] = "EducationVerification"
    STAMPED: ClassVar[tuple[str, ...]] = ("verified_by", "role")

    education_level: str = ""  # ISCED 0-8
    certificates: list[str] = field(default_factory=list)
    training_needs: str = ""
    labour_readiness: str = ""
    source: str = ""
    verified_on: str = ""
    verified_by: str = ""
    role: str = ""

    def check(self, c: _Checker) -> None:
        c.code("education_level", codes.ISCED)
        c.code("labour_readiness", {k: v for k, v in codes.LABOUR_READINESS.items() if k != "unknown"})
        c.code("source", codes.VERIFICATION_SOURCE)
        c.date("verified_on")
        c.length("training_needs", LONG_TEXT)
        if any(len(x) > SHORT_TEXT for x in self.certificates):
            c.add("certificates", MSG_TOO_LONG)


@dataclass
class Plan(Entity):
    """The Individual Social-Employment Plan: one per member, shared by both roles."""

    ENTITY_TYPE: ClassVar[str] = "Plan"
    MERGE: ClassVar[str] = "fields"

    status: str = "draft"
    summary: str = ""
    agreed_on: str = ""
    next_review: str = ""

    def __post_init__(self) -> None:
        if self.member_id:
            self.id = plan_id_for(self.member_id)

    def check(self, c: _Checker) -> None:
        c.code("status", codes.PLAN_STATUS)
        c.date("agreed_on", required=self.status == "active")
        c.date("next_review", required=False, future=True)
        c.length("summary", LONG_TEXT)


@dataclass
class PlanItem(Entity):
    """A social or employment goal with its actions; both roles may edit any field."""

    ENTITY_TYPE: ClassVar[str] = "PlanItem"
    MERGE: ClassVar[str] = "fields"
    #: who wrote the goal, so both roles see whose it is
    STAMPED: ClassVar[tuple[str, ...]] = ("added_by", "role")

    plan_id: str = ""
    owner_role: str = ""  # social | employment
    goal: str = ""
    actions: str = ""
    status: str = "planned"
    due_date: str = ""
    added_by: str = ""
    role: str = ""

    def check(self, c: _Checker) -> None:
        c.required("plan_id", "goal")
        c.code("owner_role", codes.OWNER_ROLE)
        c.code("status", codes.PLAN_ITEM_STATUS)
        c.date("due_date", required=False, future=True)
        c.length("goal")
        c.length("actions", LONG_TEXT)


@dataclass
class ServiceRecord(Entity):
    ENTITY_TYPE: ClassVar[str] = "ServiceRecord"
    STAMPED: ClassVar[tuple[str, ...]] = ("provided_by", "role")

    service_type: str = ""
    provided_on: str = ""
    description: str = ""
    provided_by: str = ""
    role: str = ""

    def check(self, c: _Checker) -> None:
        c.code("service_type", codes.SERVICE_TYPE)
        c.date("provided_on")
        c.length("description", LONG_TEXT)


@dataclass
class OutreachContact(Entity):
    """One attempt to reach a beneficiary, by any channel, with what came of it."""

    ENTITY_TYPE: ClassVar[str] = "OutreachContact"
    STAMPED: ClassVar[tuple[str, ...]] = ("contacted_by", "role")

    channel: str = ""
    contacted_on: str = ""
    outcome: str = ""
    next_step: str = ""
    next_step_due: str = ""
    contacted_by: str = ""
    role: str = ""

    def check(self, c: _Checker) -> None:
        c.code("channel", codes.CHANNEL)
        c.code("outcome", codes.CONTACT_OUTCOME)
        c.date("contacted_on")
        c.date("next_step_due", required=False, future=True)
        c.length("next_step", LONG_TEXT)


@dataclass
class OutreachMessage(Entity):
    """A programme alert to send through the ESS gateway; the server adds delivery status."""

    ENTITY_TYPE: ClassVar[str] = "OutreachMessage"
    STAMPED: ClassVar[tuple[str, ...]] = ("requested_by",)

    channel: str = ""
    programme_id: str = ""
    template: str = ""
    language: str = "eng"
    text: str = ""
    phone_number: str = ""
    requested_by: str = ""

    def check(self, c: _Checker) -> None:
        c.code("channel", codes.ALERT_CHANNEL)
        c.required("text", "template")
        c.length("text", 1000)
        if not self.phone_number or not is_e164(self.phone_number):
            c.add("phone_number", MSG_PHONE)


@dataclass
class Enrollment(Entity):
    ENTITY_TYPE: ClassVar[str] = "Enrollment"
    MERGE: ClassVar[str] = "fields"

    programme_id: str = ""
    enrollment_date: str = ""
    enrollment_status: str = "Active"  # ESS EnrolmentStatus
    status_change_date: str = ""

    def check(self, c: _Checker) -> None:
        c.required("programme_id")
        c.date("enrollment_date")
        c.code("enrollment_status", codes.ENROLMENT_STATUS)
        c.date("status_change_date", required=False)
        c.order("enrollment_date", "status_change_date")

    def check_new(self, c: _Checker) -> None:
        if (
            self.enrollment_status in codes.ENROLMENT_STATUS
            and self.enrollment_status not in codes.NEW_ENROLMENT_STATUS
        ):
            c.add("enrollment_status", MSG_NOT_A_NEW_STATUS)


@dataclass
class Consent(Entity):
    ENTITY_TYPE: ClassVar[str] = "Consent"
    HOME: ClassVar[str] = "SR"
    STAMPED: ClassVar[tuple[str, ...]] = ("recorded_by",)

    purpose: str = ""
    granted: bool = False
    given_on: str = ""
    method: str = ""
    recorded_by: str = ""

    def check(self, c: _Checker) -> None:
        c.code("purpose", codes.CONSENT_PURPOSE)
        c.code("method", codes.CONSENT_METHOD)
        c.date("given_on")


@dataclass
class Note(Entity):
    ENTITY_TYPE: ClassVar[str] = "Note"
    HOME: ClassVar[str] = "SR"
    STAMPED: ClassVar[tuple[str, ...]] = ("author", "role")

    text: str = ""
    author: str = ""
    role: str = ""

    def check(self, c: _Checker) -> None:
        c.required("text")
        c.length("text", LONG_TEXT)


@dataclass
class ChangeRequest(Entity):
    """A correction to SR-owned demographics; the SR decides, the field worker only asks."""

    ENTITY_TYPE: ClassVar[str] = "ChangeRequest"
    HOME: ClassVar[str] = "SR"
    STAMPED: ClassVar[tuple[str, ...]] = ("requested_by",)

    field_name: str = ""
    current_value: str = ""
    requested_value: str = ""
    reason: str = ""
    requested_by: str = ""

    def check(self, c: _Checker) -> None:
        c.code("field_name", codes.CHANGE_FIELD)
        c.required("requested_value", "reason")
        c.length("requested_value")
        c.length("reason", LONG_TEXT)
        if self.requested_value.strip() and self.requested_value.strip() == self.current_value.strip():
            c.add("requested_value", MSG_SAME_VALUE)
        if (
            self.field_name == "phone_number"
            and self.requested_value.strip()
            and not is_e164(self.requested_value.strip())
        ):
            c.add("requested_value", MSG_PHONE)
        if self.field_name == "marital_status" and self.requested_value.strip() not in ("", *codes.MARITAL_STATUS):
            c.add("requested_value", MSG_CHOOSE)
        if self.field_name == "birth_date" and self.requested_value.strip():
            try:
                d = parse_date(self.requested_value.strip())
            except ValueError:
                c.add("requested_value", MSG_DATE)
            else:
                if d and d > c.today:
                    c.add("requested_value", MSG_FUTURE)


@dataclass
class Review(Entity):
    """A supervisor's look at a synced update; the server creates it, the supervisor decides."""

    ENTITY_TYPE: ClassVar[str] = "Review"
    MERGE: ClassVar[str] = "fields"

    entity_type: str = ""
    entity_id: str = ""
    author: str = ""
    author_role: str = ""
    summary: str = ""
    outcome: str = "pending"
    comment: str = ""
    reviewer: str = ""
    reviewed_on: str = ""

    def check(self, c: _Checker) -> None:
        c.code("outcome", codes.REVIEW_OUTCOME)
        if self.outcome == "returned":
            c.required("comment")
        c.length("comment", LONG_TEXT)


@dataclass
class Conflict(Entity):
    """The same field changed on two devices; a person chooses. Created by the server."""

    ENTITY_TYPE: ClassVar[str] = "Conflict"
    MERGE: ClassVar[str] = "fields"

    entity_type: str = ""
    entity_id: str = ""
    field_name: str = ""
    server_value: Any = None
    your_value: Any = None
    base_version: int = 0
    authors: list[str] = field(default_factory=list)
    status: str = "open"
    resolution: str = ""

    def check(self, c: _Checker) -> None:
        c.required("entity_type", "entity_id", "field_name")

    @classmethod
    def from_data(cls, entity_id: str, data: dict) -> Conflict:
        data = dict(data)
        if "field" in data and "field_name" not in data:
            data["field_name"] = data.pop("field")
        return super().from_data(entity_id, data)  # type: ignore[return-value]


#: every entity type a field worker writes or sees, by its wire name
ENTITY_TYPES: dict[str, type[Entity]] = {
    cls.ENTITY_TYPE: cls
    for cls in (
        EmploymentVerification,
        EducationVerification,
        Plan,
        PlanItem,
        ServiceRecord,
        OutreachContact,
        OutreachMessage,
        Enrollment,
        Consent,
        Note,
        ChangeRequest,
        Review,
        Conflict,
    )
}

#: server-owned types (read only here) and where they live
SERVER_TYPES = {"Member": "SR", "Group": "SR", "Assignment": "ESS", "Programme": "ESS"}


def home_of(entity_type: str) -> str:
    if entity_type in SERVER_TYPES:
        return SERVER_TYPES[entity_type]
    return ENTITY_TYPES[entity_type].HOME


# --- Server-owned records, read into the worklist ----------------------------------------


class PersonName:
    """``name`` for anything with ``given_name`` and ``surname``: given name first, as spoken."""

    __slots__ = ()

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.surname}".strip()  # type: ignore[attr-defined]


@dataclass(slots=True)
class Member(PersonName):
    """The SR's member, flattened for display; ``data`` keeps the full DCI record."""

    id: str
    household_id: str
    given_name: str
    surname: str
    uin: str
    sex: str
    birth_date: str
    phone: str
    locality: str
    area: str
    region: str
    relationship: str
    data: dict

    @classmethod
    def from_dci(cls, member_id: str, data: dict) -> Member:
        person = data.get("demographic_info") or {}
        name = person.get("name") or {}
        address = (person.get("address") or [{}])[0]
        ids = data.get("member_identifier") or person.get("identifier") or []
        uin = next((i.get("identifier_value", "") for i in ids if i.get("identifier_type") == "UIN"), "")
        phones = person.get("phone_number") or []
        return cls(
            id=member_id,
            household_id=data.get("household_id", ""),
            given_name=name.get("given_name", ""),
            surname=name.get("surname", ""),
            uin=uin,
            sex=person.get("sex", "unknown"),
            birth_date=person.get("birth_date", ""),
            phone=phones[0] if phones else "",
            locality=address.get("locality", ""),
            area=address.get("sub_region_code", ""),
            region=address.get("region_code", ""),
            relationship=data.get("relationship_type", ""),
            data=data,
        )

    def age(self, today: dt.date | None = None) -> int | None:
        try:
            born = parse_date(self.birth_date)
        except ValueError:
            return None
        if born is None:
            return None
        today = today or dt.date.today()
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@dataclass(slots=True)
class Assignment:
    """Why a member is on a worker's list: the BPP cross-check results and the segment."""

    member_id: str
    area: str = ""
    office: str = ""
    segment: str = ""
    counselor: str = ""
    caseworker: str = ""
    potentially_unemployed: bool = False
    months_without_contributions: int | None = None
    pension_check: str = ""
    tax_check: str = ""
    education_check: str = ""
    labour_readiness: str = "unknown"
    referral_source: str = ""
    bpp_list_id: str = ""
    status: str = "active"

    @classmethod
    def from_data(cls, member_id: str, data: dict) -> Assignment:
        return cls(**{**{k: v for k, v in data.items() if k in _ASSIGNMENT_FIELDS}, "member_id": member_id})

    @property
    def needs_field_check(self) -> bool:
        """No link to pension/tax or education: the counselor verifies at the visit."""
        return "no_link" in (self.pension_check, self.tax_check, self.education_check)


_ASSIGNMENT_FIELDS = frozenset(f.name for f in dataclasses.fields(Assignment))
