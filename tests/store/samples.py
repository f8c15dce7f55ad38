"""One valid instance of every entity a field worker saves, for the member given."""

from __future__ import annotations

from desktop.domain import model


def valid_entities(member_id: str) -> list[model.Entity]:
    return [
        model.EmploymentVerification(
            member_id=member_id,
            employment_status="4",
            employer="Agro Delta SA",
            job_title="Packer",
            employment_type="4",
            start_date="2025-03-01",
            end_date="2025-09-30",
            contributions_seen=True,
            evidence="Payslips Mar–Sep",
            source="document",
            verified_on="2026-11-10",
        ),
        model.EducationVerification(
            member_id=member_id,
            education_level="3",
            certificates=["CAP Électricité"],
            training_needs="Solar installation",
            labour_readiness="labour_ready",
            source="document",
            verified_on="2026-11-10",
        ),
        model.Plan(member_id=member_id, summary="Return to work within six months", status="draft"),
        model.PlanItem(
            member_id=member_id,
            plan_id=model.plan_id_for(member_id),
            owner_role="employment",
            goal="Find seasonal work",
            actions="Register with two agencies",
            due_date="2026-12-15",
        ),
        model.ServiceRecord(
            member_id=member_id,
            service_type="counselling",
            provided_on="2026-11-10",
            description="First counselling session",
        ),
        model.OutreachContact(
            member_id=member_id,
            channel="visit",
            contacted_on="2026-11-10",
            outcome="interested",
            next_step="Bring diploma",
            next_step_due="2026-11-30",
        ),
        model.OutreachMessage(
            member_id=member_id,
            channel="sms",
            programme_id="PRG-TRAIN",
            template="programme_alert",
            text="A training programme is open near you.",
            phone_number="+221771234567",
        ),
        model.Enrollment(member_id=member_id, programme_id="PRG-TRAIN", enrollment_date="2026-11-10"),
        model.Consent(
            member_id=member_id, purpose="data_sharing", granted=True, given_on="2026-11-10", method="written"
        ),
        model.Note(member_id=member_id, text="Prefers morning appointments."),
        model.ChangeRequest(
            member_id=member_id,
            field_name="phone_number",
            current_value="+221770000000",
            requested_value="+221771234567",
            reason="New SIM card",
        ),
    ]
