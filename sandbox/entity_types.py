"""What each service stores and what a field worker may do with it (docs/sync-protocol.md §1).

The field lists and validation of the Field Desk entities are the client's own
(``desktop.domain.model``); the server checks pushed data with the same classes, so a record the
client accepted in a form is accepted here and vice versa.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import fields as dc_fields

from desktop.domain import model


@dataclass(frozen=True)
class EntityType:
    name: str
    #: ``server`` (read only for clients), ``append`` (create once), ``fields`` (field-level merge)
    merge: str
    client_ops: frozenset[str] = frozenset()
    #: fields a client may patch; None = every field of the model
    patchable: frozenset[str] | None = None
    #: only supervisors may write it
    supervisor_only: bool = False
    #: served by the field-update pull (some records exist only for DCI search)
    pulled: bool = True

    @property
    def model(self) -> type[model.Entity] | None:
        return model.ENTITY_TYPES.get(self.name)

    def field_names(self) -> frozenset[str]:
        cls = self.model
        names = {f.name for f in dc_fields(cls)} - {"id", "member_id"} if cls else set()
        if self.name == "Conflict":
            names = (names - {"field_name"}) | {"field"}
        return frozenset(names)


CREATE = frozenset({"create"})
CREATE_PATCH = frozenset({"create", "patch"})
PATCH = frozenset({"patch"})


def _types(*items: EntityType) -> dict[str, EntityType]:
    return {t.name: t for t in items}


SR_TYPES = _types(
    EntityType("Group", "server"),
    EntityType("Member", "server"),
    EntityType("ChangeRequest", "append", CREATE),
    EntityType("Consent", "append", CREATE),
    EntityType("Note", "append", CREATE),
)

ESS_TYPES = _types(
    EntityType("Assignment", "server"),
    EntityType("Programme", "server"),
    # the ESS's own job-seeker record (ESS Member profile), served by DCI search only
    EntityType("Member", "server", pulled=False),
    EntityType("Plan", "fields", CREATE_PATCH),
    EntityType("PlanItem", "fields", CREATE_PATCH),
    EntityType("Enrollment", "fields", CREATE_PATCH),
    EntityType("EmploymentVerification", "append", CREATE),
    EntityType("EducationVerification", "append", CREATE),
    EntityType("ServiceRecord", "append", CREATE),
    EntityType("OutreachContact", "append", CREATE),
    EntityType("OutreachMessage", "append", CREATE),
    EntityType(
        "Review", "fields", PATCH, frozenset({"outcome", "comment", "reviewer", "reviewed_on"}), supervisor_only=True
    ),
    EntityType("Conflict", "fields", PATCH, frozenset({"status", "resolution"})),
)

#: client updates of these types get a supervisor review item (process A control point)
REVIEWED_TYPES = frozenset(
    {
        "Plan",
        "PlanItem",
        "Enrollment",
        "EmploymentVerification",
        "EducationVerification",
        "ServiceRecord",
        "OutreachContact",
    }
)
