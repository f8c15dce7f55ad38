"""What each endpoint does with a parsed, authenticated DCI envelope.

``Service`` holds the handlers that the SR and the ESS share (one code path, two instances);
``Services`` the cross-service ones: identity grants, enrollment check and feedback, admin.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests

from desktop.domain import synthetic

from .auth import Identity, Principal
from .dci import (
    DciError,
    ItemReject,
    ack_envelope,
    callback_header,
    check_envelope,
    check_message,
    ibr_spec,
    item_reply,
    new_id,
    now_iso,
    search_item_code,
    social_spec,
    subscribe_item_code,
)
from .fieldstore import MAX_PUSH_ITEMS, Accepted, FieldStore
from .gateway import Gateway
from .pipeline import Pipeline
from .registry import CHANGE_RECORD_TYPE, Registry, dumps

log = logging.getLogger("sandbox")

#: items in one search, subscribe or notify batch
MAX_BATCH = 100
SR_EVENTS = ("REGISTER", "NewHouseHoldMember")


class Callbacks:
    """Posts async replies and notifications to callers' URIs, off the request thread."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sandbox-callback")
        self._session = requests.Session()

    def post(self, uri: str, body: dict) -> None:
        def send() -> None:
            try:
                self._session.post(uri, data=dumps(body), headers={"Content-Type": "application/json"}, timeout=10)
            except requests.RequestException as exc:
                log.warning("callback to %s failed: %s", uri, exc)

        self._pool.submit(send)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
        self._session.close()


def callback_uri(header: dict) -> str:
    uri = header.get("sender_uri")
    parts = urlsplit(uri) if isinstance(uri, str) else None
    if not parts or parts.scheme not in ("http", "https") or not parts.netloc:
        raise DciError(400, "err.sender_uri.invalid", "header.sender_uri must be an http(s) URL for async calls")
    return uri


@dataclass
class Service:
    name: str
    prefix: str
    store: FieldStore
    registry: Registry

    # --- search --------------------------------------------------------------------------

    def _search(self, body: dict, principal: Principal) -> tuple[dict, dict]:
        header, message = check_envelope(body, ("search",))
        rejected = check_message(social_spec().component("SearchRequest"), message, "search_request", search_item_code)
        items = message["search_request"]
        if len(items) > MAX_BATCH:
            raise DciError(400, "err.request.bad", f"rjct.total_count.limit_exceeded: at most {MAX_BATCH} items")
        seen, replies = set(), []
        for i, item in enumerate(items):
            ref = item.get("reference_id")
            if i in rejected:
                replies.append(item_reply(ref, "rjct", *rejected[i]))
            elif ref in seen:
                replies.append(item_reply(ref, "rjct", "rjct.reference_id.duplicate", "reference_id repeated in batch"))
            else:
                try:
                    replies.append(
                        item_reply(ref, **self.registry.search_item(item, principal), locale=item.get("locale"))
                    )
                except ItemReject as rej:
                    replies.append(item_reply(ref, "rjct", rej.code, rej.message))
            seen.add(ref)
        reply = {"transaction_id": message["transaction_id"], "correlation_id": new_id(), "search_response": replies}
        return header, reply

    def sync_search(self, body: dict, principal: Principal) -> dict:
        header, reply = self._search(body, principal)
        items = body["message"]["search_request"]
        if not any(
            isinstance(i.get("search_criteria"), dict)
            and i["search_criteria"].get("reg_record_type") == CHANGE_RECORD_TYPE
            for i in items
        ):
            self._record(reply, "search", "succ")
        return self._envelope("on-search", header, reply, len(items))

    def async_search(self, body: dict, principal: Principal, callbacks: Callbacks) -> dict:
        header, message = check_envelope(body, ("search",))
        uri = callback_uri(header)
        correlation_id = new_id()
        ids = [i.get("reference_id") for i in message.get("search_request", []) if isinstance(i, dict)]
        _, reply = self._search(body, principal)
        reply["correlation_id"] = correlation_id
        self.registry.record_txn(message["transaction_id"], correlation_id, "search", ids, "succ", reply)
        callbacks.post(uri, self._envelope("on-search", header, reply, len(ids)))
        return ack_envelope(correlation_id)

    def _record(self, reply: dict, txn_type: str, status: str) -> None:
        ids = [r["reference_id"] for r in reply.get("search_response", [])]
        self.registry.record_txn(reply["transaction_id"], reply["correlation_id"], txn_type, ids, status, reply)

    def _envelope(self, action: str, request_hdr: dict, message: dict, total: int) -> dict:
        return {
            "header": callback_header(action, request_hdr, total, total, self.registry.sender_id),
            "message": message,
        }

    # --- txn status ----------------------------------------------------------------------

    def _txn_status(self, body: dict) -> tuple[dict, dict]:
        header, message = check_envelope(body, ("txn-status",))
        check_message(social_spec().component("TxnStatusRequest"), message, None, search_item_code)
        request = message["txnstatus_request"]
        found = self.registry.find_txn(request["attribute_type"], request["attribute_value"])
        matching = [f for f in found if f[1] == request["txn_type"]]
        correlation_id = new_id()
        status = (
            matching[-1][3]
            if matching and matching[-1][3]
            else {"transaction_id": message["transaction_id"], "correlation_id": correlation_id, "search_response": []}
        )
        reply = {
            "transaction_id": message["transaction_id"],
            "correlation_id": correlation_id,
            "txnstatus_response": {"txn_type": request["txn_type"], "txn_status": status},
        }
        return header, reply

    def sync_txn_status(self, body: dict, principal: Principal) -> dict:
        header, reply = self._txn_status(body)
        return self._envelope("txn-on-status", header, reply, 1)

    def async_txn_status(self, body: dict, principal: Principal, callbacks: Callbacks) -> dict:
        header, reply = self._txn_status(body)
        uri = callback_uri(header)
        callbacks.post(uri, self._envelope("txn-on-status", header, reply, 1))
        return ack_envelope(reply["correlation_id"])

    def mock_txn_status(self, body: dict, principal: Principal) -> dict:
        """The ESS mock's txn/status: ``{message: {txn_status, transaction_id}}``."""
        message = body.get("message")
        tid = message.get("transaction_id") if isinstance(message, dict) else None
        if not isinstance(tid, str) or not tid:
            raise DciError(400, "err.request.bad", "message.transaction_id is required")
        found = self.registry.find_txn("transaction_id", tid)
        if not found:
            raise DciError(404, "err.request.not_found", f"no transaction {tid}")
        state = {"succ": "completed", "pdng": "pending", "rcvd": "processing", "rjct": "failed"}[found[-1][2]]
        return {"message": {"txn_status": state, "transaction_id": tid}}

    # --- subscriptions and notifications -------------------------------------------------

    def subscribe(self, body: dict, principal: Principal, callbacks: Callbacks) -> dict:
        header, message = check_envelope(body, ("subscribe",))
        uri = callback_uri(header)
        rejected = check_message(
            social_spec().component("SubscribeRequest"), message, "subscribe_request", subscribe_item_code
        )
        replies = []
        for i, item in enumerate(message["subscribe_request"][:MAX_BATCH]):
            ref = item.get("reference_id")
            criteria = item.get("subscribe_criteria") or {}
            if i in rejected:
                replies.append(item_reply(ref, "rjct", *rejected[i]))
            elif criteria.get("reg_event_type") not in SR_EVENTS:
                replies.append(
                    item_reply(
                        ref,
                        "rjct",
                        "rjct.notify_types.invalid",
                        f"reg_event_type must be one of {', '.join(SR_EVENTS)}",
                    )
                )
            else:
                info = self.registry.subscribe(principal.name, uri.rsplit("/", 1)[0] + "/notify", criteria)
                replies.append(item_reply(ref, subscriptions=[info]))
        reply = {"transaction_id": message["transaction_id"], "correlation_id": new_id(), "subscribe_response": replies}
        self.registry.record_txn(
            message["transaction_id"],
            reply["correlation_id"],
            "subscribe",
            [r["reference_id"] for r in replies],
            "succ",
        )
        callbacks.post(uri, self._envelope("on-subscribe", header, reply, len(replies)))
        return ack_envelope(reply["correlation_id"])

    def unsubscribe(self, body: dict, principal: Principal, callbacks: Callbacks) -> dict:
        header, message = check_envelope(body, ("unsubscribe",))
        uri = callback_uri(header)
        check_message(social_spec().component("UnSubscribeRequest"), message, None, search_item_code)
        statuses, problem = self.registry.unsubscribe(principal.name, message["subscription_codes"])
        reply = {
            "transaction_id": message["transaction_id"],
            "correlation_id": new_id(),
            "timestamp": now_iso(),
            "status": "rjct" if problem else "succ",
            "subscription_status": statuses,
        }
        if problem:
            reply["status_reason_code"] = problem
        callbacks.post(uri, self._envelope("on-unsubscribe", header, reply, 1))
        return ack_envelope(reply["correlation_id"])

    def notify(self, body: dict, principal: Principal) -> dict:
        """Events from a system this service subscribed to: validated, kept, acknowledged."""
        _header, message = check_envelope(body, ("notify",), header_schema="MsgCallbackHeader_V1.0.0")
        rejected = check_message(
            social_spec().component("NotifyEventRequest"), message, "notify_event", subscribe_item_code
        )
        if rejected:
            index, (_code, text) = next(iter(rejected.items()))
            raise DciError(400, "err.request.bad", f"notify_event[{index}] {text}")
        self.registry.record_inbox(principal.name, body)
        return ack_envelope(new_id())

    def notify_subscribers(self, event: str, records: list[dict], callbacks: Callbacks) -> int:
        subscribers = self.registry.subscribers(event)
        for _code, uri in subscribers:
            events = [
                {
                    "reference_id": new_id(),
                    "timestamp": now_iso(),
                    "data": {
                        "version": "1.0.0",
                        "reg_type": self.registry.reg_type,
                        "reg_event_type": event,
                        "reg_record_type": r.get("@type", "Group"),
                        "reg_records": r,
                    },
                }
                for r in records
            ]
            callbacks.post(
                uri,
                {
                    "header": callback_header("notify", None, len(events), len(events), self.registry.sender_id),
                    "message": {"transaction_id": new_id(), "notify_event": events},
                },
            )
        return len(subscribers)

    # --- field updates -------------------------------------------------------------------

    def update(
        self, body: dict, principal: Principal, after: Callable[[sqlite3.Connection, Accepted], None] | None
    ) -> dict:
        header, message = check_envelope(body, ("update",))
        items = message.get("update_request")
        tid = message.get("transaction_id")
        if not isinstance(tid, str) or not tid or len(tid) > 99:
            raise DciError(400, "err.request.bad", "message.transaction_id must be a string of 1-99 characters")
        if not isinstance(items, list):
            raise DciError(400, "err.request.bad", "message.update_request must be a list")
        if len(items) > MAX_PUSH_ITEMS:
            raise DciError(400, "err.request.bad", f"rjct.total_count.limit_exceeded: at most {MAX_PUSH_ITEMS} items")
        answers = self.store.push(items, principal, after)
        reply = {"transaction_id": tid, "correlation_id": new_id(), "update_response": answers}
        return self._envelope("on-update", header, reply, len(items))


@dataclass
class Services:
    identity: Identity
    sr: Service
    ess: Service
    pipeline: Pipeline
    gateway: Gateway
    callbacks: Callbacks
    seed_summary: dict = field(default_factory=dict)

    def after_op(self, service: Service) -> Callable[[sqlite3.Connection, Accepted], None] | None:
        """Follow-up steps of an accepted ESS op: a review item, a queued delivery."""
        if service is not self.ess:
            return None

        def follow_up(c: sqlite3.Connection, accepted: Accepted) -> None:
            self.pipeline.review_item(c, accepted)
            self.gateway.enqueue(c, accepted)

        return follow_up

    # --- identity ------------------------------------------------------------------------

    def person_token(self, form: dict) -> dict:
        grant = form.get("grant_type")
        if grant == "password":
            return self.identity.password_grant(
                form.get("username", ""),
                form.get("password", ""),
                form.get("device_id", ""),
                form.get("device_name", ""),
            )
        if grant == "refresh_token":
            return self.identity.refresh_grant(form.get("refresh_token", ""), form.get("device_id", ""))
        raise DciError(400, "err.request.bad", "grant_type must be password or refresh_token")

    def system_token(self, form: dict) -> dict:
        if form.get("grant_type") != "client_credentials":
            raise DciError(400, "err.request.bad", "grant_type must be client_credentials")
        return self.identity.client_grant(form.get("client_id", ""), form.get("client_secret", ""))

    # --- ESS ↔ SR ------------------------------------------------------------------------

    def check_enrollment(self, body: dict, principal: Principal) -> dict:
        """ESS mock ``sync/check-enrollment``: is this person enrolled, and how."""
        header, message = check_envelope(body, ("enrollementstatus", "search"))
        check_message(ibr_spec().component("EnrolledRequest"), message, None, search_item_code)
        query = message["enrolled_criteria"].get("query") or {}
        person = query.get("person_identifier")
        person_id = person.get("eq") if isinstance(person, dict) else None
        if not isinstance(person_id, str) or not person_id:
            raise DciError(400, "err.request.bad", "enrolled_criteria.query.person_identifier.eq is required")
        enrollments = self._enrollments(person_id, principal)
        latest = enrollments[-1]["enrollment_status"] if enrollments else "no"
        reply = {
            "transaction_id": message["transaction_id"],
            "correlation_id": new_id(),
            "enrolled_response": [item_reply(person_id, enrolled_status=latest, enrollments=enrollments or None)],
        }
        return {"header": callback_header("txn-on-status", header, 1, 1, "ess"), "message": reply}

    def _enrollments(self, person_id: str, principal: Principal) -> list[dict]:
        with self.ess.store.db.read() as c:
            member = c.execute(
                "SELECT eid, key FROM entity WHERE etype='Member' AND (eid=? OR "
                "json_extract(data, '$.member_identifier[0].identifier_value')=?)",
                (person_id, person_id),
            ).fetchone()
            if member is None:
                return []
            if not principal.is_system and principal.scope not in self.ess.store.scopes_of(c, member[1]):
                raise DciError(403, "err.request.forbidden", "the person is not in your scope")
            rows = c.execute(
                "SELECT data FROM entity WHERE etype='Enrollment' AND member_id=? ORDER BY seq", (member[0],)
            ).fetchall()
        return [
            {k: d[k] for k in ("programme_id", "enrollment_status", "enrollment_date") if k in d}
            for d in (json.loads(r[0]) for r in rows)
        ]

    def enrollment_updates(self, body: dict, principal: Principal) -> dict:
        """SR side of B.9 (IBR ``sync/enrollment/updates``): the ESS reports enrollments."""
        if not principal.is_system:
            raise DciError(403, "err.request.forbidden", "enrollment updates come from a system client")
        header, message = check_envelope(body, ("notify",), header_schema="MsgCallbackHeader_V1.0.0")
        check_message(ibr_spec().component("EnrollmentUpdatesRequest"), message, None, search_item_code)
        answers = self.pipeline.apply_enrollment_updates(message)
        reply = {"transaction_id": message["transaction_id"], "correlation_id": new_id(), "enrolled_response": answers}
        return {"header": callback_header("on-notify", header, len(answers), len(answers), "sr"), "message": reply}

    def run_feedback(self) -> dict:
        """B.9 now: the ESS sends what changed in enrollments to the SR, through the SR's handler."""
        message, cursor = self.pipeline.enrollment_updates()
        count = len(message["enrolled_updates"]["beneficiaries"])
        if count:
            envelope = {
                "header": {**callback_header("notify", None, count, count, "ess"), "receiver_id": "sr"},
                "message": message,
            }
            self.enrollment_updates(envelope, Principal("ess", "system", "*"))
            self.pipeline.mark_feedback_sent(cursor)
        return {"sent": count, "cursor": cursor}

    # --- admin ---------------------------------------------------------------------------

    def revoke_device(self, device_id: str) -> dict:
        if not self.identity.revoke_device(device_id):
            raise DciError(404, "err.request.not_found", f"no active device {device_id}")
        return {"device_id": device_id, "revoked": True}

    def reset_epoch(self) -> dict:
        return {"sr": self.sr.store.reset_epoch(), "ess": self.ess.store.reset_epoch()}

    def advance_gateway(self) -> dict:
        return {"deliveries": self.gateway.advance()}

    def register_households(self, body: dict) -> dict:
        """A.1 for new households, then REGISTER notifications, A.2 referral and B.7 assignment."""
        households = body.get("households")
        if not isinstance(households, list) or not households:
            raise DciError(400, "err.request.bad", "households: a non-empty list is required")
        try:
            parsed = [_household(h) for h in households]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise DciError(400, "err.request.bad", f"households: {exc}") from None
        with self.sr.store.db.read() as c:
            taken = [
                h.id
                for h in parsed
                if c.execute("SELECT 1 FROM entity WHERE etype='Group' AND eid=?", (h.id,)).fetchone()
            ]
        if taken:
            raise DciError(400, "err.request.bad", f"households already registered: {', '.join(taken)}")
        registered = self.pipeline.register(parsed)
        notified = self.sr.notify_subscribers(
            "REGISTER", [{"@type": "Group", **h.data} for h in parsed], self.callbacks
        )
        referred = self.pipeline.refer()
        segments = self.pipeline.assign()
        return {
            "registered": registered,
            "referred": referred,
            "assigned": sum(segments.values()),
            "subscribers_notified": notified,
        }

    def status(self) -> dict:
        out = {}
        for service in (self.sr, self.ess):
            with service.store.db.read() as c:
                counts = dict(c.execute("SELECT etype, count(*) FROM entity GROUP BY etype").fetchall())
            out[service.name] = {
                "max_sync_seq": service.store.max_seq,
                "sync_epoch": service.store.epoch,
                "entities": counts,
            }
        return out

    def close(self) -> None:
        self.callbacks.close()
        for db in {self.identity.db, self.sr.store.db, self.ess.store.db}:
            db.close()


def _household(h: dict) -> synthetic.SyntheticHousehold:
    """A household posted to the admin registration endpoint (the generator's shape, no
    external facts: the pension, tax and education systems have no record of new people)."""
    area = {a.code: a for a in synthetic.areas()}[h["data"]["address"][0]["sub_region_code"]]
    members = [
        synthetic.SyntheticMember(
            m["id"],
            h["id"],
            {**m["data"], "household_id": h["id"]},
            synthetic.ExternalFacts(None, None, None),
            able_bodied=False,
        )
        for m in h["members"]
    ]
    data = {**h["data"], "member_ids": [m.id for m in members], "group_size": len(members)}
    if not all(isinstance(x, str) and x for x in [h["id"], *data["member_ids"]]):
        raise ValueError("ids must be non-empty strings")
    return synthetic.SyntheticHousehold(h["id"], area, data, members)
