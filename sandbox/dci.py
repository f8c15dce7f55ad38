"""The DCI envelope: parsing, schema validation against the published specs, replies and errors.

Requests are validated against the OSPP Social Registry spec (and the IBR spec for the
enrollment paths), shipped beside this module so an installed sandbox needs no checkout.
Problems with the envelope become a 400 with the DCI ERR envelope; problems inside one item
of a batch become that item's ``rjct`` with the DCI reason code, and the other items go on.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jsonschema
import referencing
import yaml

SPEC_DIR = Path(__file__).parent
SOCIAL_SPEC = SPEC_DIR / "dci_social_api_v1.0.0.yaml"
IBR_SPEC = SPEC_DIR / "dci_ibr_api_v1.0.0.yaml"

#: largest request body read; DCI batches are small, a pull is a query
MAX_BODY_BYTES = 8 * 1024 * 1024
#: page sizes accepted by every search, the field-update pull included
MAX_PAGE_SIZE = 5000


class DciError(Exception):
    """A whole-message failure, answered with the DCI ERR envelope and an HTTP status."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message[:999]


class ItemReject(Exception):
    """One item of a batch is refused; the others are still answered."""

    def __init__(self, code: str, message: str, data: dict | None = None):
        super().__init__(message)
        self.code = code
        self.message = message[:999]
        self.data = data


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


def err_envelope(code: str, message: str, correlation_id: str | None = None) -> dict:
    return {
        "message": {
            "ack_status": "ERR",
            "timestamp": now_iso(),
            "correlation_id": correlation_id or new_id(),
            "error": {"code": code, "message": message[:999]},
        }
    }


def ack_envelope(correlation_id: str, status: str = "ACK") -> dict:
    return {"message": {"ack_status": status, "timestamp": now_iso(), "correlation_id": correlation_id}}


def callback_header(
    action: str, request_header: dict | None, total: int, completed: int, sender_id: str, status: str = "succ"
) -> dict:
    """A MsgCallbackHeader answering ``request_header``."""
    header = {
        "version": "1.0.0",
        "message_id": new_id(),
        "message_ts": now_iso(),
        "action": action,
        "status": status,
        "total_count": total,
        "completed_count": completed,
        "sender_id": sender_id,
        "is_msg_encrypted": False,
    }
    receiver = (request_header or {}).get("sender_id")
    if isinstance(receiver, str) and receiver:
        header["receiver_id"] = receiver
    return header


def item_reply(
    reference_id: Any, status: str = "succ", code: str | None = None, message: str | None = None, **extra: Any
) -> dict:
    out = {
        "reference_id": reference_id if isinstance(reference_id, str) else "",
        "timestamp": now_iso(),
        "status": status,
    }
    if code:
        out["status_reason_code"] = code
    if message:
        out["status_reason_message"] = message[:999]
    out.update({k: v for k, v in extra.items() if v is not None})
    return out


def parse_body(raw: bytes) -> dict:
    """The JSON object of a request body, or the ERR that says why not."""
    if len(raw) > MAX_BODY_BYTES:
        raise DciError(400, "err.request.bad", f"body larger than {MAX_BODY_BYTES} bytes")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DciError(400, "err.request.bad", f"malformed JSON: {exc}") from None
    if not isinstance(body, dict):
        raise DciError(400, "err.request.bad", "the body must be a JSON object")
    return body


class Spec:
    """JSON-schema validation against the components of an OpenAPI 3.0 DCI spec."""

    def __init__(self, path: Path):
        self.path = path
        with open(path, encoding="utf-8") as fh:
            self.document = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        uri = f"urn:dci:{path.name}"
        self._uri = uri
        resource = referencing.Resource.from_contents(
            self.document, default_specification=referencing.jsonschema.DRAFT7
        )
        self._registry = referencing.Registry().with_resource(uri, resource)

    @functools.cache  # noqa: B019 - the two specs are module-level singletons that live as long as the process
    def validator(self, pointer: str) -> jsonschema.Draft7Validator:
        """A validator for the schema at ``pointer`` (a JSON pointer into the spec)."""
        return jsonschema.Draft7Validator({"$ref": f"{self._uri}#{pointer}"}, registry=self._registry)

    def component(self, name: str) -> jsonschema.Draft7Validator:
        return self.validator(f"/components/schemas/{name}")

    def request_body(self, path: str) -> jsonschema.Draft7Validator:
        ref = self.document["paths"][path]["post"]["requestBody"].get("$ref", "")
        base = ref[1:] if ref.startswith("#/") else _op_pointer(path) + "/requestBody"
        return self.validator(base + "/content/application~1json/schema")

    def response_body(self, path: str) -> jsonschema.Draft7Validator:
        """The success reply (``default`` in DCI specs, ``200`` in ours), following a ``$ref``."""
        responses = self.document["paths"][path]["post"]["responses"]
        status = "default" if "default" in responses else "200"
        ref = responses[status].get("$ref", "")
        if ref.startswith("#/components/responses/"):
            return self.validator(ref[1:] + "/content/application~1json/schema")
        if ref.startswith("#/components/schemas/"):
            return self.validator(ref[1:])
        return self.validator(_op_pointer(path) + f"/responses/{status}/content/application~1json/schema")

    def ack_body(self) -> jsonschema.Draft7Validator:
        return self.validator("/components/responses/Response/content/application~1json/schema")


def _op_pointer(path: str) -> str:
    return "/paths/" + path.replace("~", "~0").replace("/", "~1") + "/post"


@functools.cache
def social_spec() -> Spec:
    return Spec(SOCIAL_SPEC)


@functools.cache
def ibr_spec() -> Spec:
    return Spec(IBR_SPEC)


def errors_of(validator: jsonschema.Draft7Validator, instance: Any) -> list[tuple[tuple, str]]:
    """Every schema error as (path inside ``instance``, message)."""
    return [(tuple(e.absolute_path), e.message) for e in validator.iter_errors(instance)]


def check_envelope(body: dict, actions: Iterable[str], header_schema: str = "MsgHeader_V1.0.0") -> tuple[dict, dict]:
    """The header and message of a DCI request, or the ERR that says what is wrong.

    The header is checked against ``header_schema``; ``action`` must be one of ``actions``. The message
    itself is checked by the caller, item by item, so one bad item does not sink the batch.
    """
    header, message = body.get("header"), body.get("message")
    if not isinstance(header, dict):
        raise DciError(400, "err.request.bad", "header: missing or not an object")
    problems = errors_of(social_spec().component(header_schema), header)
    if problems:
        where, what = problems[0]
        raise DciError(400, "err.request.bad", f"header.{'.'.join(map(str, where)) or ''}: {what}".replace(".:", ":"))
    if header.get("action") not in tuple(actions):
        raise DciError(400, "err.request.bad", f"rjct.action.invalid: header.action must be {' or '.join(actions)}")
    if header.get("is_msg_encrypted"):
        raise DciError(400, "err.encryption.invalid", "encrypted messages are not supported by this server")
    if not isinstance(message, dict):
        raise DciError(400, "err.request.bad", "message: missing or of the wrong type")
    return header, message


def check_message(
    validator: jsonschema.Draft7Validator, message: dict, items_key: str | None, item_code: Callable[[tuple], str]
) -> dict[int, tuple[str, str]]:
    """Validate ``message``; item problems are returned by index, the rest raise an ERR.

    ``item_code`` maps a path inside one item to its DCI reason code.
    """
    rejected: dict[int, tuple[str, str]] = {}
    for where, what in errors_of(validator, message):
        if items_key and len(where) >= 2 and where[0] == items_key and isinstance(where[1], int):
            inner = where[2:]
            if where[1] not in rejected:
                rejected[where[1]] = (item_code(inner), f"{'.'.join(map(str, inner)) or 'item'}: {what}")
        else:
            raise DciError(400, "err.request.bad", f"message.{'.'.join(map(str, where))}: {what}".replace(".:", ":"))
    return rejected


def search_item_code(path: tuple) -> str:
    """The SearchStatusReasonCode for a schema problem at ``path`` inside a search item."""
    if not path:
        return "rjct.search_criteria.invalid"
    if path[0] == "reference_id":
        return "rjct.reference_id.invalid"
    if path[0] == "timestamp":
        return "rjct.timestamp.invalid"
    if path[0] == "search_criteria" and len(path) > 1:
        return {"pagination": "rjct.pagination.invalid", "sort": "rjct.sort.invalid"}.get(
            path[1], "rjct.search_criteria.invalid"
        )
    return "rjct.search_criteria.invalid"


def subscribe_item_code(path: tuple) -> str:
    if path and path[0] == "reference_id":
        return "rjct.reference_id.invalid"
    if path and path[0] == "timestamp":
        return "rjct.timestamp.invalid"
    return "rjct.notify_details.invalid"


def page_of(criteria: dict) -> tuple[int, int]:
    """(page_size, page_number) of a search; out-of-range values reject the item."""
    pagination = criteria.get("pagination") or {"page_size": 1000}
    size, number = pagination.get("page_size"), pagination.get("page_number", 1)
    for name, value in (("page_size", size), ("page_number", number)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            raise ItemReject("rjct.pagination.invalid", f"{name} must be a whole number")
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ItemReject("rjct.pagination.invalid", f"page_size must be 1 to {MAX_PAGE_SIZE}")
    if number < 1:
        raise ItemReject("rjct.pagination.invalid", "page_number counts from 1")
    return int(size), int(number)
