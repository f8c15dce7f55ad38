"""The DCI envelope of the field update protocol: building requests, parsing replies strictly.

A reply is checked completely before anything in it is used: an envelope that is not DCI, a
header for another action, a reply to another transaction, a missing or unexpected
``reference_id``, a change record with the wrong shape or out of order — each raises
``ProtocolError`` and the caller applies nothing from that reply (docs/sync-protocol.md).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from ..store.outbox import ItemResult, Op

VERSION = "1.0.0"
CHANGE_RECORD_TYPE = "fielddesk:Change"
REG_TYPES = {"SR": "ns:org:RegistryType:Social", "ESS": "ns:org:RegistryType:ESS"}
RECEIVERS = {"SR": "sr", "ESS": "ess"}
ITEM_STATUSES = ("succ", "rjct")
#: the item fields the server hashes for idempotency; they never change once an op is written
UPDATE_ITEM_FIELDS = (
    "reference_id",
    "entity_type",
    "entity_id",
    "member_id",
    "op",
    "base_version",
    "patch",
    "hlc",
    "author",
    "role",
    "device_id",
)


class ProtocolError(Exception):
    """A reply that does not follow the protocol; nothing from it may be applied."""


class CursorRejected(Exception):
    """The server refused the pull cursor (restored or reset): resync from 0."""


class SearchRejected(Exception):
    """The server refused a search item for another reason than the cursor."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def now_ts() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


def parse_ts(value: Any) -> dt.datetime:
    """An ISO 8601 time with a zone (DCI ``timestamp``), or ProtocolError."""
    if not isinstance(value, str) or not value:
        raise ProtocolError("timestamp missing")
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ProtocolError(f"timestamp {value!r} is not ISO 8601") from None
    if parsed.tzinfo is None:
        raise ProtocolError(f"timestamp {value!r} has no time zone")
    return parsed


def header(action: str, sender_id: str, receiver_id: str, total_count: int) -> dict:
    return {
        "version": VERSION,
        "message_id": new_id(),
        "message_ts": now_ts(),
        "action": action,
        "sender_id": sender_id,
        "receiver_id": receiver_id,
        "total_count": total_count,
        "is_msg_encrypted": False,
    }


# --- pull ------------------------------------------------------------------------------


def search_request(
    service: str, sender_id: str, cursor: int, epoch: str | None, page_size: int, operator: str = "gt"
) -> dict:
    """One keyset page of the change feed after (``gt``) or up to (``le``) ``cursor``."""
    query: dict[str, Any] = {
        "seq_num": 1,
        "expression1": {"attribute_name": "sync_seq", "operator": operator, "attribute_value": str(cursor)},
    }
    if epoch:
        query["condition"] = "and"
        query["expression2"] = {"attribute_name": "sync_epoch", "operator": "eq", "attribute_value": epoch}
    criteria = {
        "version": VERSION,
        "reg_type": REG_TYPES[service],
        "reg_record_type": CHANGE_RECORD_TYPE,
        "query_type": "predicate",
        "query": [query],
        "sort": [{"attribute_name": "sync_seq", "sort_order": "asc"}],
        "pagination": {"page_size": page_size, "page_number": 1},
    }
    return {
        "signature": "",
        "header": header("search", sender_id, RECEIVERS[service], 1),
        "message": {
            "transaction_id": new_id(),
            "search_request": [{"reference_id": new_id(), "timestamp": now_ts(), "search_criteria": criteria}],
        },
    }


@dataclass
class Page:
    """One parsed page of the change feed."""

    records: list[dict]
    epoch: str
    max_seq: int
    total_count: int
    server_ts: dt.datetime

    @property
    def last_seq(self) -> int | None:
        return self.records[-1]["sync_seq"] if self.records else None


def _envelope(body: Any, action: str, request: dict) -> tuple[dict, dict, dt.datetime]:
    """The callback header and message of a reply to ``request``."""
    if not isinstance(body, dict):
        raise ProtocolError("the reply is not a JSON object")
    head, message = body.get("header"), body.get("message")
    if not isinstance(head, dict) or not isinstance(message, dict):
        raise ProtocolError("the reply has no DCI header and message")
    if head.get("action") != action:
        raise ProtocolError(f"header.action is {head.get('action')!r}, expected {action!r}")
    for name in ("message_id", "status"):
        if not isinstance(head.get(name), str) or not head.get(name):
            raise ProtocolError(f"header.{name} missing")
    if head.get("is_msg_encrypted"):
        raise ProtocolError("encrypted replies are not supported")
    server_ts = parse_ts(head.get("message_ts"))
    if head["status"] not in ("succ", "rcvd", "pdng", "rjct"):
        raise ProtocolError(f"header.status {head['status']!r} unknown")
    if head["status"] == "rjct":
        raise ProtocolError(
            f"the server refused the message: {head.get('status_reason_code')} "
            f"{head.get('status_reason_message', '')}".strip()
        )
    sent_txn = request["message"]["transaction_id"]
    if message.get("transaction_id") != sent_txn:
        raise ProtocolError("the reply is for another transaction")
    return head, message, server_ts


def _items(message: dict, key: str, wanted: list[str]) -> dict[str, dict]:
    """The reply items by reference_id: exactly one for each item sent, no others."""
    items = message.get(key)
    if not isinstance(items, list):
        raise ProtocolError(f"message.{key} missing")
    out: dict[str, dict] = {}
    for item in items:
        if not isinstance(item, dict):
            raise ProtocolError(f"an item of {key} is not an object")
        ref = item.get("reference_id")
        if ref not in wanted:
            raise ProtocolError(f"reply item for unknown reference_id {ref!r}")
        if ref in out:
            raise ProtocolError(f"two reply items for reference_id {ref!r}")
        if item.get("status") not in ITEM_STATUSES:
            raise ProtocolError(f"item {ref}: status {item.get('status')!r} unknown")
        if item["status"] == "rjct" and not isinstance(item.get("status_reason_code"), str):
            raise ProtocolError(f"item {ref}: a rejection without a reason code")
        out[ref] = item
    missing = [ref for ref in wanted if ref not in out]
    if missing:
        raise ProtocolError(f"no reply item for {len(missing)} of {len(wanted)} requests")
    return out


def _int(value: Any, what: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ProtocolError(f"{what} must be a whole number ≥ {minimum}, got {value!r}")
    return value


def parse_search_response(body: Any, request: dict) -> Page:
    """The page in a pull reply, checked record by record against the cursor sent."""
    _head, message, server_ts = _envelope(body, "on-search", request)
    sent = request["message"]["search_request"][0]
    item = _items(message, "search_response", [sent["reference_id"]])[sent["reference_id"]]
    if item["status"] == "rjct":
        code, text = item["status_reason_code"], str(item.get("status_reason_message", ""))
        if code == "rjct.filter.invalid" and text.startswith("cursor:"):
            raise CursorRejected(text)
        raise SearchRejected(code, text)
    data, pagination = item.get("data"), item.get("pagination")
    if not isinstance(data, dict) or not isinstance(pagination, dict):
        raise ProtocolError("search reply without data or pagination")
    if data.get("reg_record_type") != CHANGE_RECORD_TYPE:
        raise ProtocolError(f"reg_record_type {data.get('reg_record_type')!r} is not {CHANGE_RECORD_TYPE}")
    epoch = data.get("sync_epoch")
    if not isinstance(epoch, str) or not epoch:
        raise ProtocolError("sync_epoch missing")
    max_seq = _int(data.get("max_sync_seq"), "max_sync_seq")
    total = _int(pagination.get("total_count"), "total_count")
    records = data.get("reg_records")
    if not isinstance(records, list):
        raise ProtocolError("reg_records missing")
    criteria = sent["search_criteria"]
    expression = criteria["query"][0]["expression1"]
    cursor, operator = int(expression["attribute_value"]), expression["operator"]
    size = criteria["pagination"]["page_size"]
    if len(records) > size:
        raise ProtocolError(f"{len(records)} records for a page of {size}")
    if operator == "gt":
        _check_records(records, cursor, max_seq)
        if total < len(records):
            raise ProtocolError("total_count is smaller than the page")
    elif records:
        raise ProtocolError("a count query returned records")
    return Page(records, epoch, max_seq, total, server_ts)


_RECORD_KEYS = frozenset({"entity_type", "entity_id", "version", "sync_seq", "deleted", "member_id", "data"})


def _check_records(records: list, cursor: int, max_seq: int) -> None:
    previous = cursor
    for rec in records:
        if not isinstance(rec, dict):
            raise ProtocolError("a change record is not an object")
        if not rec.keys() <= _RECORD_KEYS:
            raise ProtocolError(f"unknown change record fields {sorted(rec.keys() - _RECORD_KEYS)}")
        kind, eid, seq, version = rec.get("entity_type"), rec.get("entity_id"), rec.get("sync_seq"), rec.get("version")
        if not isinstance(kind, str) or not kind or not isinstance(eid, str) or not eid:
            raise ProtocolError("a change record without entity_type or entity_id")
        if isinstance(seq, bool) or not isinstance(seq, int) or seq <= previous or seq > max_seq:
            raise ProtocolError(f"{kind} {eid}: sync_seq {seq!r} out of order (after {previous}, max {max_seq})")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise ProtocolError(f"{kind} {eid}: version {version!r} invalid")
        if not isinstance(rec.get("deleted", False), bool):
            raise ProtocolError(f"{kind} {eid}: deleted is not a boolean")
        if not isinstance(rec.get("data"), dict):
            raise ProtocolError(f"{kind} {eid}: data is not an object")
        member = rec.get("member_id")
        if member is not None and not isinstance(member, str):
            raise ProtocolError(f"{kind} {eid}: member_id is not a string")
        previous = seq


# --- push ------------------------------------------------------------------------------


def update_item(op: Op) -> dict:
    """One outbox op on the wire; the same bytes every time it is sent (its key never moves)."""
    # the member travels beside the fields, as the entity's scope, not inside them
    patch = {k: v for k, v in op.patch.items() if k != "member_id"}
    item = {
        "reference_id": op.op_id,
        "timestamp": now_ts(),
        "entity_type": op.entity_type,
        "entity_id": op.entity_id,
        "op": op.op,
        "base_version": op.base_version,
        "patch": patch,
        "hlc": op.hlc,
        "author": op.author,
        "role": op.role,
        "device_id": op.device_id,
    }
    if op.member_id:
        item["member_id"] = op.member_id
    return item


def update_request(service: str, sender_id: str, ops: list[Op]) -> dict:
    return {
        "signature": "",
        "header": header("update", sender_id, RECEIVERS[service], len(ops)),
        "message": {"transaction_id": new_id(), "update_request": [update_item(op) for op in ops]},
    }


@dataclass
class UpdateReply:
    results: list[ItemResult]
    server_ts: dt.datetime
    raw_items: dict[str, dict] = field(default_factory=dict)


def parse_update_response(body: Any, request: dict) -> UpdateReply:
    """One ItemResult per op sent; any doubt about any item rejects the whole reply."""
    _head, message, server_ts = _envelope(body, "on-update", request)
    sent = request["message"]["update_request"]
    by_ref = {item["reference_id"]: item for item in sent}
    items = _items(message, "update_response", list(by_ref))
    results = []
    for ref, item in items.items():
        data = item.get("data")
        if data is not None and not isinstance(data, dict):
            raise ProtocolError(f"item {ref}: data is not an object")
        data = data or {}
        version = data.get("version")
        if item["status"] == "succ":
            if (
                data.get("entity_type") != by_ref[ref]["entity_type"]
                or data.get("entity_id") != by_ref[ref]["entity_id"]
            ):
                raise ProtocolError(f"item {ref}: acknowledged another entity")
            _int(version, f"item {ref}: version", 1)
        code = item.get("status_reason_code")
        current, conflicts = None, []
        if code == "rjct.conflict":
            current, conflicts = data.get("current"), data.get("conflicts")
            if not isinstance(current, dict) or not isinstance(conflicts, list) or not conflicts:
                raise ProtocolError(f"item {ref}: a conflict without the current value and the conflicts")
            _int(version, f"item {ref}: version", 1)
            for c in conflicts:
                if (
                    not isinstance(c, dict)
                    or not isinstance(c.get("conflict_id"), str)
                    or not isinstance(c.get("field"), str)
                ):
                    raise ProtocolError(f"item {ref}: a conflict without conflict_id or field")
        results.append(
            ItemResult(
                op_id=ref,
                status=item["status"],
                reason_code=code,
                reason_message=item.get("status_reason_message"),
                version=version if isinstance(version, int) and not isinstance(version, bool) else None,
                current=current,
                conflicts=conflicts,
                raw=item,
            )
        )
    order = {ref: n for n, ref in enumerate(by_ref)}
    results.sort(key=lambda r: order[r.op_id])
    return UpdateReply(results, server_ts, items)


# --- errors ------------------------------------------------------------------------------


def error_of(body: Any) -> tuple[str, str] | None:
    """(code, message) of a DCI ERR envelope, or None when ``body`` is not one."""
    if not isinstance(body, dict):
        return None
    message = body.get("message")
    if not isinstance(message, dict) or message.get("ack_status") != "ERR":
        return None
    error = message.get("error")
    if not isinstance(error, dict) or not isinstance(error.get("code"), str):
        return None
    return error["code"], str(error.get("message", ""))
