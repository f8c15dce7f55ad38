"""The field worker's forms, one per entity: what to ask, in the order it is asked at a visit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain import codes
from ...domain.model import (
    ChangeRequest,
    Consent,
    EducationVerification,
    EmploymentVerification,
    Enrollment,
    Entity,
    Note,
    OutreachContact,
    Plan,
    PlanItem,
    ServiceRecord,
    plan_id_for,
)
from ..labels import code_label
from .base import EntityForm, Field

translate = QCoreApplication.translate


class _DatedForm(EntityForm):
    """A form whose event happened today unless the worker says otherwise."""

    DATE_FIELD = ""

    def initial_values(self) -> dict[str, Any]:
        return {self.DATE_FIELD: self.cases.today().isoformat()}


class EmploymentVerificationForm(_DatedForm):
    ENTITY = EmploymentVerification
    TITLE = QT_TRANSLATE_NOOP("Forms", "Employment verification")
    DATE_FIELD = "verified_on"
    FIELDS = (
        Field(
            "employment_status", QT_TRANSLATE_NOOP("Forms", "Work situation"), "code", codes.EMPLOYMENT_STATUS_AT_VISIT
        ),
        Field("employer", QT_TRANSLATE_NOOP("Forms", "Employer")),
        Field("job_title", QT_TRANSLATE_NOOP("Forms", "Job title")),
        Field("employment_type", QT_TRANSLATE_NOOP("Forms", "Kind of contract"), "code", codes.EMPLOYMENT_TYPE),
        Field("start_date", QT_TRANSLATE_NOOP("Forms", "Started on"), "date"),
        Field("end_date", QT_TRANSLATE_NOOP("Forms", "Ended on"), "date"),
        Field(
            "unemployment_reason",
            QT_TRANSLATE_NOOP("Forms", "Reason for unemployment"),
            "code",
            codes.UNEMPLOYMENT_REASON,
        ),
        Field("contributions_seen", QT_TRANSLATE_NOOP("Forms", "Pension or tax contributions seen"), "bool"),
        Field("source", QT_TRANSLATE_NOOP("Forms", "Source"), "code", codes.VERIFICATION_SOURCE),
        Field("evidence", QT_TRANSLATE_NOOP("Forms", "Document seen")),
        Field("verified_on", QT_TRANSLATE_NOOP("Forms", "Verified on"), "date"),
    )
    #: asked only of someone working, and only of someone not working
    WORK_FIELDS = ("employer", "job_title", "employment_type", "start_date", "end_date")
    NOT_WORKING_FIELDS = ("unemployment_reason",)

    def on_value_changed(self, name: str) -> None:
        """Only what applies to the situation chosen can be filled in; what no longer applies is emptied."""
        if name not in ("", "employment_status"):
            return
        status = self.value("employment_status")
        working, not_working = status in codes.EMPLOYED_CODES, status == codes.NOT_WORKING
        for names, applies in ((self.WORK_FIELDS, working or not status), (self.NOT_WORKING_FIELDS, not_working)):
            for field_name in names:
                editor = self.editors[field_name]
                editor.setEnabled(applies)
                if not applies:
                    self.set_values({field_name: ""})


class EducationVerificationForm(_DatedForm):
    ENTITY = EducationVerification
    TITLE = QT_TRANSLATE_NOOP("Forms", "Education verification")
    DATE_FIELD = "verified_on"
    FIELDS = (
        Field("education_level", QT_TRANSLATE_NOOP("Forms", "Highest level completed"), "code", codes.ISCED),
        Field("certificates", QT_TRANSLATE_NOOP("Forms", "Certificates"), "list"),
        Field("training_needs", QT_TRANSLATE_NOOP("Forms", "Training needs"), "long"),
        Field(
            "labour_readiness",
            QT_TRANSLATE_NOOP("Forms", "Labour readiness"),
            "code",
            {k: v for k, v in codes.LABOUR_READINESS.items() if k != "unknown"},
        ),
        Field("source", QT_TRANSLATE_NOOP("Forms", "Source"), "code", codes.VERIFICATION_SOURCE),
        Field("verified_on", QT_TRANSLATE_NOOP("Forms", "Verified on"), "date"),
    )


class OutreachContactForm(_DatedForm):
    ENTITY = OutreachContact
    TITLE = QT_TRANSLATE_NOOP("Forms", "Outreach contact")
    DATE_FIELD = "contacted_on"
    FIELDS = (
        Field("channel", QT_TRANSLATE_NOOP("Forms", "Channel"), "code", codes.CHANNEL),
        Field("contacted_on", QT_TRANSLATE_NOOP("Forms", "Date of contact"), "date"),
        Field("outcome", QT_TRANSLATE_NOOP("Forms", "Outcome"), "code", codes.CONTACT_OUTCOME),
        Field("next_step", QT_TRANSLATE_NOOP("Forms", "Next step"), "long"),
        Field("next_step_due", QT_TRANSLATE_NOOP("Forms", "Next step due"), "date"),
    )


class EnrollmentForm(_DatedForm):
    """Enrolment in an ESS programme; the programmes are the catalogue pulled from the ESS."""

    ENTITY = Enrollment
    TITLE = QT_TRANSLATE_NOOP("Forms", "Programme enrolment")
    DATE_FIELD = "enrollment_date"
    FIELDS = (
        Field("programme_id", QT_TRANSLATE_NOOP("Forms", "Programme"), "choice"),
        Field("enrollment_date", QT_TRANSLATE_NOOP("Forms", "Enrolled on"), "date"),
        Field("enrollment_status", QT_TRANSLATE_NOOP("Forms", "Enrolment status"), "choice"),
    )

    def initial_values(self) -> dict[str, Any]:
        return {**super().initial_values(), "enrollment_status": "Active"}

    def choices(self, field: Field) -> list[tuple[str, str]]:
        if field.name == "enrollment_status":
            # a new enrolment starts active or not yet started; exits and the like come later
            new = self.record_id is None
            return [
                (k, code_label(codes.ENROLMENT_STATUS, k))
                for k in codes.ENROLMENT_STATUS
                if not new or k in codes.NEW_ENROLMENT_STATUS
            ]
        return [(p.id, p.name) for p in self.bench.reads.programmes()]

    def empty_state(self) -> str | None:
        if self.editors["programme_id"].count() > 1:
            return None
        return translate(
            "Forms",
            "There are no programmes on this device yet. The programme list comes from "
            "the Employment Support System with the next sync: connect, sync, then enrol.",
        )


class ServiceRecordForm(_DatedForm):
    ENTITY = ServiceRecord
    TITLE = QT_TRANSLATE_NOOP("Forms", "Service provided")
    DATE_FIELD = "provided_on"
    FIELDS = (
        Field("service_type", QT_TRANSLATE_NOOP("Forms", "Service"), "code", codes.SERVICE_TYPE),
        Field("provided_on", QT_TRANSLATE_NOOP("Forms", "Provided on"), "date"),
        Field("description", QT_TRANSLATE_NOOP("Forms", "Description"), "long"),
    )


class ConsentForm(_DatedForm):
    ENTITY = Consent
    TITLE = QT_TRANSLATE_NOOP("Forms", "Consent")
    DATE_FIELD = "given_on"
    FIELDS = (
        Field("purpose", QT_TRANSLATE_NOOP("Forms", "Purpose"), "code", codes.CONSENT_PURPOSE),
        Field("granted", QT_TRANSLATE_NOOP("Forms", "The beneficiary gives consent"), "bool"),
        Field("given_on", QT_TRANSLATE_NOOP("Forms", "Date"), "date"),
        Field("method", QT_TRANSLATE_NOOP("Forms", "How consent was given"), "code", codes.CONSENT_METHOD),
    )


class ChangeRequestForm(EntityForm):
    """A correction the SR must decide on; the current value is the SR's, shown for reference."""

    ENTITY = ChangeRequest
    TITLE = QT_TRANSLATE_NOOP("Forms", "Request a correction to the Social Registry")
    FIELDS = (
        Field("field_name", QT_TRANSLATE_NOOP("Forms", "Information to correct"), "code", codes.CHANGE_FIELD),
        Field("current_value", QT_TRANSLATE_NOOP("Forms", "Current value"), "readonly"),
        Field("requested_value", QT_TRANSLATE_NOOP("Forms", "Correct value"), "text"),
        #: a correction of a coded field is chosen from its codes, never typed
        Field("requested_code", QT_TRANSLATE_NOOP("Forms", "Correct status"), "code", codes.MARITAL_STATUS),
        Field("reason", QT_TRANSLATE_NOOP("Forms", "Reason and proof seen"), "long"),
    )
    CODED: ClassVar[frozenset[str]] = frozenset({"marital_status"})
    HINTS: ClassVar[dict[str, str]] = {
        "phone_number": QT_TRANSLATE_NOOP("Forms", "In international form, e.g. +221771234567"),
        "birth_date": QT_TRANSLATE_NOOP("Forms", "YYYY-MM-DD"),
    }

    def values(self) -> dict[str, Any]:
        """The requested value comes from the list when the field is coded."""
        values = super().values()
        coded = values.pop("requested_code", "")
        if values.get("field_name") in self.CODED:
            values["requested_value"] = coded
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        super().set_values(values)
        if values.get("field_name") in self.CODED:
            super().set_values({"requested_code": values.get("requested_value", "")})

    def show_errors(self, errors: dict[str, str]) -> None:
        if self.value("field_name") in self.CODED and "requested_value" in errors:
            errors = {**errors, "requested_code": errors["requested_value"]}
            del errors["requested_value"]
        super().show_errors(errors)

    def _errors_now(self, values: dict[str, Any] | None = None) -> dict[str, str]:
        values = dict(values or {})
        coded = self.value("field_name") in self.CODED
        if coded and "requested_code" in values:
            values["requested_value"] = values.pop("requested_code")
        errors = super()._errors_now(values)
        if coded and "requested_value" in errors:
            errors["requested_code"] = errors.pop("requested_value")
        return errors

    def current_values(self) -> dict[str, str]:
        found = self.bench.reads.member_file(self.member_id)
        if found is None:
            return {}
        m = found.member
        address = ((found.household or {}).get("address") or [{}])[0]
        return {
            "phone_number": m.phone,
            "locality": m.locality,
            "given_name": m.given_name,
            "surname": m.surname,
            "birth_date": m.birth_date,
            "address_line_1": address.get("address_line_1", ""),
            "marital_status": str(m.data.get("marital_status", "")),
        }

    def on_value_changed(self, name: str) -> None:
        if name not in ("", "field_name"):
            return
        field_name = self.value("field_name")
        current = self.current_values().get(field_name, "")
        if field_name in self.CODED:
            current = code_label(codes.MARITAL_STATUS, current)
        self.editors["current_value"].setText(current)
        coded = field_name in self.CODED
        for name_, shown in (("requested_value", not coded), ("requested_code", coded)):
            for widget in (self.labels[name_], self.editors[name_], self.errors[name_]):
                widget.setVisible(shown)
        hint = self.HINTS.get(field_name)
        self.editors["requested_value"].setPlaceholderText(translate("Forms", hint) if hint else "")


class NoteForm(EntityForm):
    ENTITY = Note
    TITLE = QT_TRANSLATE_NOOP("Forms", "Note")
    FIELDS = (Field("text", QT_TRANSLATE_NOOP("Forms", "Note"), "long"),)


class PlanForm(EntityForm):
    """The plan's header; the plan is started here if neither role has started it yet."""

    ENTITY = Plan
    TITLE = QT_TRANSLATE_NOOP("Forms", "Individual social-employment plan")
    FIELDS = (
        Field("status", QT_TRANSLATE_NOOP("Forms", "Plan status"), "code", codes.PLAN_STATUS),
        Field("summary", QT_TRANSLATE_NOOP("Forms", "Summary"), "long"),
        Field("agreed_on", QT_TRANSLATE_NOOP("Forms", "Agreed on"), "date"),
        Field("next_review", QT_TRANSLATE_NOOP("Forms", "Next review"), "date"),
    )

    def __init__(self, bench, member_id, record=None, parent=None):
        super().__init__(bench, member_id, record or (plan_id_for(member_id), {}), parent)

    def initial_values(self) -> dict[str, Any]:
        return {"status": "draft"}

    def changes(self) -> dict[str, Any]:
        return {**({"status": "draft"} if not self.original else {}), **super().changes()}

    def submit(self, entity: Entity) -> Callable[[], Any]:
        changes, member_id = self.changes(), self.member_id

        def start_and_update():
            plan_id = self.cases.start_plan(member_id)
            self.cases.update("Plan", plan_id, changes)
            return plan_id

        return start_and_update


class PlanItemForm(EntityForm):
    """A goal of the plan; either role may write any goal, so the owner role is a choice."""

    ENTITY = PlanItem
    TITLE = QT_TRANSLATE_NOOP("Forms", "Plan goal")
    FIELDS = (
        Field("owner_role", QT_TRANSLATE_NOOP("Forms", "Goal type"), "code", codes.OWNER_ROLE),
        Field("goal", QT_TRANSLATE_NOOP("Forms", "Goal"), "text"),
        Field("actions", QT_TRANSLATE_NOOP("Forms", "Actions"), "long"),
        Field("status", QT_TRANSLATE_NOOP("Forms", "Status"), "code", codes.PLAN_ITEM_STATUS),
        Field("due_date", QT_TRANSLATE_NOOP("Forms", "Due on"), "date"),
    )

    def initial_values(self) -> dict[str, Any]:
        return {"owner_role": codes.ROLE_OWNER.get(self.cases.actor.role, "employment"), "status": "planned"}

    def _entity_from(self, values: dict[str, Any]) -> Entity:
        item = super()._entity_from(values)
        item.plan_id = plan_id_for(self.member_id)  # type: ignore[attr-defined]
        return item

    def submit(self, entity: Entity) -> Callable[[], Any]:
        if self.record_id is None:
            return lambda: self.cases.add_plan_item(entity)
        return super().submit(entity)


#: the forms a member's record offers, by entity type
FORMS: dict[str, type[EntityForm]] = {
    cls.ENTITY.ENTITY_TYPE: cls
    for cls in (
        EmploymentVerificationForm,
        EducationVerificationForm,
        OutreachContactForm,
        EnrollmentForm,
        ServiceRecordForm,
        ConsentForm,
        ChangeRequestForm,
        NoteForm,
        PlanForm,
        PlanItemForm,
    )
}
