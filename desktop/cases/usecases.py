"""Use-cases: each user change is one function and one transaction.

A use-case validates, then writes the entity, its outbox op (the unit the sync pushes) and an
audit row together; either all three are on disk or none is. Views call these and never SQL;
the statements themselves live in ``desktop.store``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

import sqlcipher3

from ..domain.hlc import HybridLogicalClock
from ..domain.model import (
    ENTITY_TYPES,
    MSG_ALREADY_RESOLVED,
    MSG_APPEND_ONLY,
    MSG_CHOOSE_RESOLUTION,
    MSG_DUE_PAST,
    MSG_EXISTS,
    MSG_GONE,
    MSG_NO_RECIPIENTS,
    MSG_NOT_WAITING,
    Conflict,
    Entity,
    OutreachMessage,
    Plan,
    PlanItem,
    Review,
    ValidationError,
    plan_id_for,
)
from ..store import drafts, outbox
from ..store.db import Store
from ..store.records import Actor, audit, enqueue, load_record, local_view, refresh_summaries, write_record

HLC_META = "hlc_last"


class Cases:
    """The use-cases of one signed-in worker."""

    def __init__(self, store: Store, actor: Actor, today: Callable[[], dt.date] = dt.date.today):
        self.store = store
        self.actor = actor
        self.today = today
        self.clock = HybridLogicalClock(actor.device_id[:8], store.get_meta(HLC_META))

    def _stamp(self, conn: sqlcipher3.Connection) -> str:
        hlc = self.clock.now()
        self.store.set_meta(conn, HLC_META, hlc)
        return hlc

    # --- creating ----------------------------------------------------------------------

    def create(self, entity: Entity) -> str:
        """Save a new entity (a verification, a service, a contact, a plan item, ...)."""
        self._sign(entity)
        errors = entity.validate(self.today(), new=True)
        if errors:
            raise ValidationError(errors)
        data = entity.to_data()
        with self.store.write() as conn:
            if load_record(conn, entity.ENTITY_TYPE, entity.id) is not None:
                raise ValidationError({"id": MSG_EXISTS})
            self._create_in(conn, entity, data)
            refresh_summaries(conn, [entity.member_id])
        return entity.id

    def _sign(self, entity: Entity) -> None:
        """Set the fields that say who made an entity from who is signed in, never from a form."""
        for name in entity.STAMPED:
            setattr(entity, name, self.actor.role if name == "role" else self.actor.user)

    def _create_in(self, conn: sqlcipher3.Connection, entity: Entity, data: dict[str, Any]) -> str:
        write_record(conn, entity.ENTITY_TYPE, entity.id, entity.member_id, data)
        return enqueue(
            conn,
            self.actor,
            self._stamp(conn),
            entity_type=entity.ENTITY_TYPE,
            entity_id=entity.id,
            member_id=entity.member_id,
            op="create",
            patch=data,
            base_version=None,
            action=f"create {entity.ENTITY_TYPE}",
        )

    def start_plan(self, member_id: str, summary: str = "") -> str:
        """The member's ISEP; started once, whichever role comes first."""
        with self.store.write() as conn:
            plan_id = self._ensure_plan(conn, member_id, summary)
            refresh_summaries(conn, [member_id])
        return plan_id

    def _ensure_plan(self, conn: sqlcipher3.Connection, member_id: str, summary: str = "") -> str:
        plan = Plan(member_id=member_id, summary=summary)
        if load_record(conn, "Plan", plan.id) is None:
            errors = plan.validate(self.today())
            if errors:
                raise ValidationError(errors)
            self._create_in(conn, plan, plan.to_data())
        return plan.id

    def add_plan_item(self, item: PlanItem) -> str:
        """A goal in the member's plan, starting the plan in the same transaction if needed."""
        item.plan_id = plan_id_for(item.member_id)
        self._sign(item)
        errors = item.validate(self.today())
        due = item.due_date.strip()
        if due and "due_date" not in errors and dt.date.fromisoformat(due) < self.today():
            errors["due_date"] = MSG_DUE_PAST
        if errors:
            raise ValidationError(errors)
        with self.store.write() as conn:
            self._ensure_plan(conn, item.member_id)
            self._create_in(conn, item, item.to_data())
            refresh_summaries(conn, [item.member_id])
        return item.id

    # --- changing ----------------------------------------------------------------------

    def update(self, entity_type: str, entity_id: str, changes: dict[str, Any]) -> str | None:
        """Change fields of a plan, plan item, enrollment or review; only changed fields travel.

        Returns the op id, or None when nothing actually changed.
        """
        cls = ENTITY_TYPES[entity_type]
        if cls.MERGE != "fields":
            raise ValidationError({"entity_type": MSG_APPEND_ONLY})
        with self.store.write() as conn:
            found = load_record(conn, entity_type, entity_id)
            if found is None:
                raise ValidationError({"id": MSG_GONE})
            data, _server, version = found
            patch = {k: v for k, v in changes.items() if data.get(k) != v and k not in ("id", "member_id")}
            if not patch:
                return None
            merged = {**data, **patch}
            # report what the change breaks (its own fields, and fields that depend on them),
            # not what was already so before it
            before = cls.from_data(entity_id, data).validate(self.today())
            errors = {
                k: v
                for k, v in cls.from_data(entity_id, merged).validate(self.today()).items()
                if k in patch or k not in before
            }
            if errors:
                raise ValidationError(errors)
            member_id = merged.get("member_id")
            write_record(conn, entity_type, entity_id, member_id, merged)
            op_id = enqueue(
                conn,
                self.actor,
                self._stamp(conn),
                entity_type=entity_type,
                entity_id=entity_id,
                member_id=member_id,
                op="patch",
                patch=patch,
                base_version=version,
                action=f"update {entity_type}",
            )
            refresh_summaries(conn, [member_id])
            return op_id

    def decide_review(self, review_id: str, outcome: str, comment: str = "") -> str | None:
        """A supervisor approves an update or returns it to its author with a comment."""
        errors = Review(member_id="-", outcome=outcome, comment=comment).validate(self.today())
        if errors:
            raise ValidationError(errors)
        return self.update(
            "Review",
            review_id,
            {
                "outcome": outcome,
                "comment": comment.strip(),
                "reviewer": self.actor.user,
                "reviewed_on": self.today().isoformat(),
            },
        )

    def resolve_conflict(self, conflict_id: str, choice: str, value: Any = None) -> None:
        """Settle a conflict: keep mine, keep theirs, or an edited value. Itself two ops."""
        if choice not in ("mine", "theirs", "edit"):
            raise ValidationError({"resolution": MSG_CHOOSE_RESOLUTION})
        with self.store.write() as conn:
            found = load_record(conn, "Conflict", conflict_id)
            if found is None:
                raise ValidationError({"id": MSG_GONE})
            conflict = Conflict.from_data(conflict_id, found[0])
            if conflict.status != "open":
                raise ValidationError({"status": MSG_ALREADY_RESOLVED})
            chosen = {"mine": conflict.your_value, "theirs": conflict.server_value, "edit": value}[choice]
            target = load_record(conn, conflict.entity_type, conflict.entity_id)
            hlc = self._stamp(conn)
            if target is not None:
                data, _server, version = target
                cls = ENTITY_TYPES[conflict.entity_type]
                errors = cls.from_data(conflict.entity_id, {**data, conflict.field_name: chosen}).validate(self.today())
                if conflict.field_name in errors:
                    raise ValidationError({"value": errors[conflict.field_name]})
                data[conflict.field_name] = chosen
                write_record(conn, conflict.entity_type, conflict.entity_id, conflict.member_id, data)
                enqueue(
                    conn,
                    self.actor,
                    hlc,
                    entity_type=conflict.entity_type,
                    entity_id=conflict.entity_id,
                    member_id=conflict.member_id,
                    op="patch",
                    patch={conflict.field_name: chosen},
                    base_version=version,
                    action="resolve conflict",
                    detail={"conflict_id": conflict_id, "choice": choice, "value": chosen},
                )
            resolved = {**found[0], "status": "resolved", "resolution": choice}
            write_record(conn, "Conflict", conflict_id, conflict.member_id, resolved)
            enqueue(
                conn,
                self.actor,
                self._stamp(conn),
                entity_type="Conflict",
                entity_id=conflict_id,
                member_id=conflict.member_id,
                op="patch",
                patch={"status": "resolved", "resolution": choice},
                base_version=found[2],
                action="close conflict",
            )
            refresh_summaries(conn, [conflict.member_id])

    def queue_alerts(self, messages: Iterable[OutreachMessage]) -> list[str]:
        """Programme alerts to many beneficiaries at once: all are queued, or none is."""
        messages = list(messages)
        if not messages:
            raise ValidationError({"recipients": MSG_NO_RECIPIENTS})
        problems = {}
        for message in messages:
            message.requested_by = self.actor.user
            errors = message.validate(self.today())
            if errors:
                problems[message.member_id] = "; ".join(errors.values())
        if problems:
            raise ValidationError(problems)
        with self.store.write() as conn:
            for message in messages:
                self._create_in(conn, message, message.to_data())
            refresh_summaries(conn, [m.member_id for m in messages])
        return [m.id for m in messages]

    def retry_rejected(self, op_id: str) -> str:
        """Send a quarantined change again, as a new op (the old key keeps its old answer)."""
        with self.store.write() as conn:
            taken = outbox.supersede_rejected(conn, op_id)
            if taken is None:
                raise ValidationError({"op_id": MSG_NOT_WAITING})
            entity_type, entity_id, member_id, op, patch, base_version = taken
            found = load_record(conn, entity_type, entity_id)
            if op == "patch" and found is not None:
                base_version = found[2]
            new_op = enqueue(
                conn,
                self.actor,
                self._stamp(conn),
                entity_type=entity_type,
                entity_id=entity_id,
                member_id=member_id,
                op=op,
                patch=patch,
                base_version=base_version,
                action="retry",
                detail={"retry_of": op_id},
            )
            if found is not None:
                write_record(
                    conn,
                    entity_type,
                    entity_id,
                    member_id,
                    local_view(conn, entity_type, entity_id, found[1]) if found[1] is not None else found[0],
                )
            refresh_summaries(conn, [member_id])
            return new_op

    # --- drafts: unfinished forms survive a crash ----------------------------------------

    def save_draft(self, key: str, form: str, member_id: str | None, data: dict[str, Any]) -> None:
        with self.store.write() as conn:
            drafts.save(conn, key, form, member_id, data)

    def discard_draft(self, key: str) -> None:
        with self.store.write() as conn:
            drafts.discard(conn, key)

    def note_event(self, action: str, detail: dict[str, Any] | None = None) -> None:
        """An audit row for something that changes no entity (sign-in, export, wipe)."""
        with self.store.write() as conn:
            audit(conn, self.actor, action, detail=detail)
