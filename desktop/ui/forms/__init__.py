"""The workflow forms: one ``EntityForm`` base, one small class per entity."""

from .base import EntityForm, Field, FormDialog
from .entities import (
    FORMS,
    ChangeRequestForm,
    ConsentForm,
    EducationVerificationForm,
    EmploymentVerificationForm,
    EnrollmentForm,
    NoteForm,
    OutreachContactForm,
    PlanForm,
    PlanItemForm,
    ServiceRecordForm,
)

__all__ = [
    "FORMS",
    "ChangeRequestForm",
    "ConsentForm",
    "EducationVerificationForm",
    "EmploymentVerificationForm",
    "EnrollmentForm",
    "EntityForm",
    "Field",
    "FormDialog",
    "NoteForm",
    "OutreachContactForm",
    "PlanForm",
    "PlanItemForm",
    "ServiceRecordForm",
]
