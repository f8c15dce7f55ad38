"""Code lists. DCI codes where DCI has them (shared/dci/jsonld-schemas), ours elsewhere.

Labels are English source strings marked for Qt Linguist; the UI translates them in the
``Codes`` context. The domain never imports Qt, so the marker is a plain function.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


def _codes(*pairs: tuple[str, str]) -> dict[str, str]:
    return dict(pairs)


#: DCI EmploymentStatusEnum: "1" says only "employed"; 4 to 8 say how, and are what a visit records
EMPLOYMENT_STATUS = _codes(
    ("1", QT_TRANSLATE_NOOP("Codes", "Working (how not recorded)")),
    ("2", QT_TRANSLATE_NOOP("Codes", "Not working")),
    ("3", QT_TRANSLATE_NOOP("Codes", "Unknown")),
    ("4", QT_TRANSLATE_NOOP("Codes", "Working: employee, for a wage")),
    ("5", QT_TRANSLATE_NOOP("Codes", "Working: own business, with employees")),
    ("6", QT_TRANSLATE_NOOP("Codes", "Working: own account, no employees")),
    ("7", QT_TRANSLATE_NOOP("Codes", "Working: member of a cooperative")),
    ("8", QT_TRANSLATE_NOOP("Codes", "Working: helping in a family business")),
)
EMPLOYED_CODES = frozenset({"1", "4", "5", "6", "7", "8"})
#: what a visit records, each a situation a person can say yes to: the working ones first
EMPLOYMENT_STATUS_AT_VISIT = {k: EMPLOYMENT_STATUS[k] for k in ("4", "5", "6", "7", "8", "2", "3")}
NOT_WORKING = "2"

#: ESS EmploymentType
EMPLOYMENT_TYPE = _codes(
    ("1", QT_TRANSLATE_NOOP("Codes", "Permanent")),
    ("2", QT_TRANSLATE_NOOP("Codes", "Fixed-term")),
    ("3", QT_TRANSLATE_NOOP("Codes", "Casual")),
    ("4", QT_TRANSLATE_NOOP("Codes", "Seasonal")),
    ("5", QT_TRANSLATE_NOOP("Codes", "Apprentice, trainee or intern")),
)

#: ESS UnemploymentReason
UNEMPLOYMENT_REASON = _codes(
    ("1", QT_TRANSLATE_NOOP("Codes", "Dismissed or made redundant")),
    ("2", QT_TRANSLATE_NOOP("Codes", "Job of limited duration ended")),
    ("3", QT_TRANSLATE_NOOP("Codes", "Personal or family reasons")),
    ("4", QT_TRANSLATE_NOOP("Codes", "Own illness or disability")),
    ("5", QT_TRANSLATE_NOOP("Codes", "Education or training")),
    ("6", QT_TRANSLATE_NOOP("Codes", "Retirement")),
    ("7", QT_TRANSLATE_NOOP("Codes", "Military or community service")),
    ("8", QT_TRANSLATE_NOOP("Codes", "Other")),
)

#: DCI EducationCode: ISCED 2011 levels of attainment, in words; level 0 of attainment (ISCED-A)
#: is "less than primary", which includes never having been to school
ISCED = _codes(
    ("0", QT_TRANSLATE_NOOP("Codes", "No schooling, or primary not completed")),
    ("1", QT_TRANSLATE_NOOP("Codes", "Primary school")),
    ("2", QT_TRANSLATE_NOOP("Codes", "Lower secondary school")),
    ("3", QT_TRANSLATE_NOOP("Codes", "Upper secondary school")),
    ("4", QT_TRANSLATE_NOOP("Codes", "Post-secondary vocational certificate")),
    ("5", QT_TRANSLATE_NOOP("Codes", "Short tertiary course (2 years)")),
    ("6", QT_TRANSLATE_NOOP("Codes", "Bachelor's degree or equivalent")),
    ("7", QT_TRANSLATE_NOOP("Codes", "Master's degree or equivalent")),
    ("8", QT_TRANSLATE_NOOP("Codes", "Doctorate")),
)

#: ESS EnrolmentStatus
ENROLMENT_STATUS = _codes(
    ("Active", QT_TRANSLATE_NOOP("Codes", "Active")),
    ("Suspended", QT_TRANSLATE_NOOP("Codes", "Suspended")),
    ("Inactive", QT_TRANSLATE_NOOP("Codes", "Inactive")),
    ("Reinstated", QT_TRANSLATE_NOOP("Codes", "Reinstated")),
    ("Awaiting Renewal", QT_TRANSLATE_NOOP("Codes", "Awaiting renewal")),
    ("Exited", QT_TRANSLATE_NOOP("Codes", "Exited")),
    ("Deceased", QT_TRANSLATE_NOOP("Codes", "Deceased")),
)

#: statuses an enrolment can start with; the others (exited, deceased, reinstated ...) come later
NEW_ENROLMENT_STATUS = frozenset({"Active", "Inactive"})

VERIFICATION_SOURCE = _codes(
    ("system", QT_TRANSLATE_NOOP("Codes", "System record")),
    ("document", QT_TRANSLATE_NOOP("Codes", "Document seen")),
    ("self_declared", QT_TRANSLATE_NOOP("Codes", "Self-declared")),
)

LABOUR_READINESS = _codes(
    ("labour_ready", QT_TRANSLATE_NOOP("Codes", "Labour-ready")),
    ("needs_training", QT_TRANSLATE_NOOP("Codes", "Needs training")),
    ("unknown", QT_TRANSLATE_NOOP("Codes", "Not yet known")),
)

CHECK_RESULT = _codes(
    ("no_link", QT_TRANSLATE_NOOP("Codes", "No link: verify at visit")),
    ("no_active_contributions", QT_TRANSLATE_NOOP("Codes", "No active contributions")),
    ("active_contributions", QT_TRANSLATE_NOOP("Codes", "Active contributions")),
    ("matched", QT_TRANSLATE_NOOP("Codes", "Record matched")),
    ("verified", QT_TRANSLATE_NOOP("Codes", "Verified in the field")),
)

OWNER_ROLE = _codes(
    ("social", QT_TRANSLATE_NOOP("Codes", "Social")),
    ("employment", QT_TRANSLATE_NOOP("Codes", "Employment")),
)

PLAN_STATUS = _codes(
    ("draft", QT_TRANSLATE_NOOP("Codes", "Draft")),
    ("active", QT_TRANSLATE_NOOP("Codes", "Agreed")),
    ("closed", QT_TRANSLATE_NOOP("Codes", "Closed")),
)

PLAN_ITEM_STATUS = _codes(
    ("planned", QT_TRANSLATE_NOOP("Codes", "Planned")),
    ("in_progress", QT_TRANSLATE_NOOP("Codes", "In progress")),
    ("done", QT_TRANSLATE_NOOP("Codes", "Done")),
    ("dropped", QT_TRANSLATE_NOOP("Codes", "Dropped")),
)
OPEN_PLAN_ITEM_STATUS = frozenset({"planned", "in_progress"})

CHANNEL = _codes(
    ("sms", QT_TRANSLATE_NOOP("Codes", "SMS")),
    ("whatsapp", QT_TRANSLATE_NOOP("Codes", "WhatsApp")),
    ("call", QT_TRANSLATE_NOOP("Codes", "Phone call")),
    ("visit", QT_TRANSLATE_NOOP("Codes", "Visit")),
)
#: channels the ESS message gateway can deliver (a visit is logged, not sent)
ALERT_CHANNEL = _codes(
    ("sms", QT_TRANSLATE_NOOP("Codes", "SMS")),
    ("whatsapp", QT_TRANSLATE_NOOP("Codes", "WhatsApp")),
    ("call", QT_TRANSLATE_NOOP("Codes", "Automated call")),
)

CONTACT_OUTCOME = _codes(
    ("reached", QT_TRANSLATE_NOOP("Codes", "Reached")),
    ("interested", QT_TRANSLATE_NOOP("Codes", "Reached, interested")),
    ("declined", QT_TRANSLATE_NOOP("Codes", "Reached, declined")),
    ("not_reached", QT_TRANSLATE_NOOP("Codes", "Not reached")),
    ("wrong_number", QT_TRANSLATE_NOOP("Codes", "Wrong number or address")),
    ("moved", QT_TRANSLATE_NOOP("Codes", "Moved away")),
)

SERVICE_TYPE = _codes(
    ("counselling", QT_TRANSLATE_NOOP("Codes", "Employment counselling")),
    ("job_search", QT_TRANSLATE_NOOP("Codes", "Job search assistance")),
    ("training_referral", QT_TRANSLATE_NOOP("Codes", "Referral to training")),
    ("job_placement", QT_TRANSLATE_NOOP("Codes", "Job placement")),
    ("psychosocial", QT_TRANSLATE_NOOP("Codes", "Psychosocial support")),
    ("childcare", QT_TRANSLATE_NOOP("Codes", "Childcare support")),
    ("documents", QT_TRANSLATE_NOOP("Codes", "Civil documents assistance")),
    ("cash_transfer", QT_TRANSLATE_NOOP("Codes", "Cash transfer referral")),
    ("other", QT_TRANSLATE_NOOP("Codes", "Other")),
)

CONSENT_PURPOSE = _codes(
    ("data_sharing", QT_TRANSLATE_NOOP("Codes", "Share data between SR and ESS")),
    ("contact_sms", QT_TRANSLATE_NOOP("Codes", "Contact by SMS")),
    ("contact_whatsapp", QT_TRANSLATE_NOOP("Codes", "Contact by WhatsApp")),
    ("contact_call", QT_TRANSLATE_NOOP("Codes", "Contact by automated call")),
)

CONSENT_METHOD = _codes(
    ("written", QT_TRANSLATE_NOOP("Codes", "Written, signed")),
    ("verbal", QT_TRANSLATE_NOOP("Codes", "Verbal, witnessed")),
)

#: DCI MaritalStatusEnum
MARITAL_STATUS = _codes(
    ("S", QT_TRANSLATE_NOOP("Codes", "Never married")),
    ("M", QT_TRANSLATE_NOOP("Codes", "Married")),
    ("W", QT_TRANSLATE_NOOP("Codes", "Widowed")),
    ("D", QT_TRANSLATE_NOOP("Codes", "Divorced")),
    ("L", QT_TRANSLATE_NOOP("Codes", "Legally separated")),
    ("A", QT_TRANSLATE_NOOP("Codes", "Annulled")),
    ("U", QT_TRANSLATE_NOOP("Codes", "Unmarried")),
)

#: SR fields a field worker may ask the SR to correct
CHANGE_FIELD = _codes(
    ("phone_number", QT_TRANSLATE_NOOP("Codes", "Phone number")),
    ("locality", QT_TRANSLATE_NOOP("Codes", "Locality")),
    ("address_line_1", QT_TRANSLATE_NOOP("Codes", "Address")),
    ("given_name", QT_TRANSLATE_NOOP("Codes", "Given name")),
    ("surname", QT_TRANSLATE_NOOP("Codes", "Surname")),
    ("birth_date", QT_TRANSLATE_NOOP("Codes", "Date of birth")),
    ("marital_status", QT_TRANSLATE_NOOP("Codes", "Marital status")),
)

REVIEW_OUTCOME = _codes(
    ("pending", QT_TRANSLATE_NOOP("Codes", "Awaiting review")),
    ("approved", QT_TRANSLATE_NOOP("Codes", "Approved")),
    ("returned", QT_TRANSLATE_NOOP("Codes", "Returned for correction")),
)

ROLE = _codes(
    ("counselor", QT_TRANSLATE_NOOP("Codes", "Employment counselor")),
    ("caseworker", QT_TRANSLATE_NOOP("Codes", "Social case manager")),
    ("supervisor", QT_TRANSLATE_NOOP("Codes", "Supervisor")),
    ("planner", QT_TRANSLATE_NOOP("Codes", "Planner")),
)
#: which plan items a role owns by default
ROLE_OWNER = {"counselor": "employment", "caseworker": "social", "supervisor": "employment"}

SEX = _codes(
    ("female", QT_TRANSLATE_NOOP("Codes", "Female")),
    ("male", QT_TRANSLATE_NOOP("Codes", "Male")),
    ("other", QT_TRANSLATE_NOOP("Codes", "Other")),
    ("unknown", QT_TRANSLATE_NOOP("Codes", "Unknown")),
)

SYNC_STATE = _codes(
    ("synced", QT_TRANSLATE_NOOP("Codes", "Synced")),
    ("pending", QT_TRANSLATE_NOOP("Codes", "Pending")),
    ("rejected", QT_TRANSLATE_NOOP("Codes", "Rejected")),
    ("conflict", QT_TRANSLATE_NOOP("Codes", "Conflict")),
)

CASE_STATUS = _codes(
    ("new", QT_TRANSLATE_NOOP("Codes", "New")),
    ("contacted", QT_TRANSLATE_NOOP("Codes", "Contacted")),
    ("planning", QT_TRANSLATE_NOOP("Codes", "Plan in progress")),
    ("plan_agreed", QT_TRANSLATE_NOOP("Codes", "Plan agreed")),
    ("enrolled", QT_TRANSLATE_NOOP("Codes", "Enrolled")),
    ("closed", QT_TRANSLATE_NOOP("Codes", "Closed")),
)
