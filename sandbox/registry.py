"""DCI search, txn status and subscriptions over one service's records (SR or ESS).

The same engine serves both services; what differs is the registry type and which record
types and attributes can be searched (``RecordType``). Queries become SQL over the field
store's ``entity`` table: idtype-value, predicate (``seq_num``/``expression1``/``condition``/
``expression2``) and the Mongo-style expression form, with sort and pagination. The
field-update pull (``reg_record_type`` ``fielddesk:Change``) is a predicate search too.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from .auth import Principal
from .dci import ItemReject, new_id, now_iso, page_of
from .fieldstore import FieldStore

CHANGE_RECORD_TYPE = "fielddesk:Change"
OPS = {"gt": ">", "lt": "<", "eq": "=", "ge": ">=", "le": "<=", "in": "IN"}
MONGO_OPS = {"$gt": ">", "$lt": "<", "$eq": "=", "$gte": ">=", "$lte": "<=", "$ne": "!=", "$in": "IN"}
#: records returned for one search at most, whatever the page size (``rjct.search.too_many_records_found``)
MAX_RESULTS = 1_000_000

SCHEMA = """
CREATE INDEX IF NOT EXISTS entity_uin ON entity(json_extract(data, '$.member_identifier[0].identifier_value'))
  WHERE etype = 'Member';
CREATE INDEX IF NOT EXISTS scope_key_scope ON scope_key(scope, key);
CREATE TABLE IF NOT EXISTS txn (
  correlation_id TEXT PRIMARY KEY, transaction_id TEXT NOT NULL, txn_type TEXT NOT NULL,
  status TEXT NOT NULL, reference_ids TEXT NOT NULL, response TEXT, created TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS txn_transaction ON txn(transaction_id);
CREATE TABLE IF NOT EXISTS subscription (
  code TEXT PRIMARY KEY, owner TEXT NOT NULL, notify_uri TEXT, reg_event_type TEXT NOT NULL,
  criteria TEXT NOT NULL, status TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS inbox (id INTEGER PRIMARY KEY, received TEXT NOT NULL, sender TEXT NOT NULL, body TEXT NOT NULL);
"""

_J = "json_extract(e.data, '{}')"
_AGE = (
    "CAST((julianday('now') - julianday(json_extract(e.data, '$.demographic_info.birth_date'))) / 365.2425 AS INTEGER)"
)
_UIN = "json_extract(e.data, '$.member_identifier[0].identifier_value')"


def _person(prefix: str = "$.demographic_info") -> dict[str, tuple[str, str]]:
    return {
        "member_id": ("e.eid", "text"),
        "uin": (_UIN, "text"),
        "household_id": (_J.format("$.household_id"), "text"),
        "given_name": (_J.format(f"{prefix}.name.given_name"), "text"),
        "surname": (_J.format(f"{prefix}.name.surname"), "text"),
        "sex": (_J.format(f"{prefix}.sex"), "text"),
        "birth_date": (_J.format(f"{prefix}.birth_date"), "text"),
        "age": (_AGE, "num"),
        "locality": (_J.format(f"{prefix}.address[0].locality"), "text"),
        "location": (_J.format(f"{prefix}.address[0].locality"), "text"),
        "area": (_J.format(f"{prefix}.address[0].sub_region_code"), "text"),
        "sub_region_code": (_J.format(f"{prefix}.address[0].sub_region_code"), "text"),
        "region_code": (_J.format(f"{prefix}.address[0].region_code"), "text"),
        "employment_status": (_J.format("$.employment_status"), "text"),
        "education_level": (_J.format("$.education_level"), "text"),
        "last_updated": ("e.updated", "text"),
    }


_GROUP_OF_MEMBER = (
    "(SELECT json_extract(g.data, '{}') FROM entity g WHERE g.etype = 'Group' "
    "AND g.eid = json_extract(e.data, '$.household_id'))"
)

SR_MEMBER_ATTRS = {
    **_person(),
    "relationship_type": (_J.format("$.relationship_type"), "text"),
    "marital_status": (_J.format("$.marital_status"), "text"),
    "is_disabled": (_J.format("$.is_disabled"), "bool"),
    "registration_date": (_J.format("$.registration_date"), "text"),
    "poverty_score": (_GROUP_OF_MEMBER.format("$.poverty_score"), "num"),
    "group_size": (_GROUP_OF_MEMBER.format("$.group_size"), "num"),
}
SR_GROUP_ATTRS = {
    "household_id": ("e.eid", "text"),
    "group_id": ("e.eid", "text"),
    "group_type": (_J.format("$.group_type"), "text"),
    "poverty_score": (_J.format("$.poverty_score"), "num"),
    "group_size": (_J.format("$.group_size"), "num"),
    "locality": (_J.format("$.address[0].locality"), "text"),
    "location": (_J.format("$.address[0].locality"), "text"),
    "area": (_J.format("$.address[0].sub_region_code"), "text"),
    "sub_region_code": (_J.format("$.address[0].sub_region_code"), "text"),
    "region_code": (_J.format("$.address[0].region_code"), "text"),
    "registration_date": (_J.format("$.registration_date"), "text"),
    "last_updated": ("e.updated", "text"),
}
ESS_MEMBER_ATTRS = {**_person(), "labour_readiness": (_J.format("$.labour_readiness"), "text")}
ESS_PROGRAMME_ATTRS = {
    "programme_identifier": ("e.eid", "text"),
    "programme_name": (_J.format("$.programme_name"), "text"),
    "programme_type": (_J.format("$.programme_type"), "text"),
}


@dataclass(frozen=True)
class RecordType:
    """A searchable record type: the entities behind it and their searchable attributes."""

    etype: str
    attrs: dict[str, tuple[str, str]]
    #: idtype-value ``type`` → attribute
    id_types: dict[str, str]


SR_RECORDS = {
    "Member": RecordType("Member", SR_MEMBER_ATTRS, {"UIN": "uin", "MEMBER_ID": "member_id"}),
    "Group": RecordType("Group", SR_GROUP_ATTRS, {"HHID": "household_id", "GROUP_ID": "household_id"}),
}
SR_RECORDS["SRPerson"] = SR_RECORDS["Person"] = SR_RECORDS["Member"]
ESS_RECORDS = {
    "Member": RecordType("Member", ESS_MEMBER_ATTRS, {"UIN": "uin", "MEMBER_ID": "member_id"}),
    "Programme": RecordType("Programme", ESS_PROGRAMME_ATTRS, {"PROGRAMME_ID": "programme_identifier"}),
}


class Registry:
    def __init__(self, store: FieldStore, reg_type: str, records: dict[str, RecordType], sender_id: str):
        self.store = store
        self.reg_type = reg_type
        self.records = records
        self.sender_id = sender_id
        store.db.script(SCHEMA)

    # --- search --------------------------------------------------------------------------

    def search_item(self, item: dict, principal: Principal) -> dict:
        """The data and pagination of one search item; raises ItemReject with the DCI code."""
        criteria = item["search_criteria"]
        reg_type = criteria.get("reg_type")
        if reg_type not in (None, self.reg_type):
            raise ItemReject("rjct.search_criteria.invalid", f"reg_type must be {self.reg_type}")
        size, number = page_of(criteria)
        if criteria.get("reg_record_type") == CHANGE_RECORD_TYPE:
            return self._pull(criteria, principal, size, number)
        rtype = self._record_type(criteria)
        where, args = self._where(criteria, rtype)
        order = self._order(criteria.get("sort"), rtype)
        if not principal.is_system:
            where += " AND e.key IN (SELECT key FROM scope_key WHERE scope = ?)"
            args.append(principal.scope)
        with self.store.db.read() as c:
            try:
                total = c.execute(
                    f"SELECT count(*) FROM entity e WHERE e.etype = ? AND e.deleted = 0 AND {where}",
                    (rtype.etype, *args),
                ).fetchone()[0]
                rows = c.execute(
                    f"SELECT e.data FROM entity e WHERE e.etype = ? AND e.deleted = 0 AND {where} "
                    f"ORDER BY {order} LIMIT ? OFFSET ?",
                    (rtype.etype, *args, size, (number - 1) * size),
                ).fetchall()
            except (sqlite3.OperationalError, OverflowError) as exc:
                raise ItemReject("rjct.search_criteria.invalid", f"query cannot be evaluated: {exc}") from None
        if total > MAX_RESULTS:
            raise ItemReject("rjct.search.too_many_records_found", f"{total} records match; narrow the query")
        tag = f'{{"@type":"{rtype.etype}",'
        records = [tag + r[0][1:] if len(r[0]) > 2 else tag[:-1] + "}" for r in rows]
        return {
            "data": {
                "version": "1.0.0",
                "reg_type": self.reg_type,
                "reg_record_type": rtype.etype,
                "reg_records": RawList(records),
            },
            "pagination": {"page_size": size, "page_number": number, "total_count": total},
        }

    def _record_type(self, criteria: dict) -> RecordType:
        query = criteria.get("query")
        name = criteria.get("reg_record_type") or criteria.get("response_entity") or "Member"
        if criteria.get("query_type") == "expression" and isinstance(query, dict):
            expression = (query.get("value") or {}).get("expression") if isinstance(query.get("value"), dict) else None
            if isinstance(expression, dict) and expression.get("collection"):
                name = expression["collection"]
        if not isinstance(name, str) or name not in self.records:
            raise ItemReject(
                "rjct.search_criteria.invalid",
                f"record type {name!r} is not searchable here; use one of {', '.join(sorted(self.records))}",
            )
        return self.records[name]

    def _where(self, criteria: dict, rtype: RecordType) -> tuple[str, list]:
        query_type, query = criteria.get("query_type"), criteria.get("query")
        if query_type == "idtype-value":
            if not isinstance(query, dict) or not isinstance(query.get("type"), str) or "value" not in query:
                raise ItemReject("rjct.search_criteria.invalid", "idtype-value needs {type, value}")
            attr = rtype.id_types.get(query["type"].upper())
            if attr is None:
                raise ItemReject(
                    "rjct.search_criteria.invalid",
                    f"identifier type {query['type']!r} unknown; use {', '.join(rtype.id_types)}",
                )
            return _compare(rtype, attr, "=", query["value"])
        if query_type == "predicate":
            return _predicate(rtype, query)
        if query_type == "expression":
            value = query.get("value") if isinstance(query, dict) else None
            expression = value.get("expression") if isinstance(value, dict) else None
            if not isinstance(expression, dict) or not isinstance(expression.get("query"), dict):
                raise ItemReject(
                    "rjct.search_criteria.invalid", "expression needs value.expression.{collection, query}"
                )
            return _mongo(rtype, expression["query"])
        raise ItemReject("rjct.search_criteria.invalid", f"query_type {query_type!r} is not supported")

    @staticmethod
    def _order(sort: Any, rtype: RecordType) -> str:
        if not sort:
            return "e.eid"
        parts = []
        for s in sort:
            name, direction = s.get("attribute_name"), s.get("sort_order", "asc")
            if name not in rtype.attrs or direction not in ("asc", "desc"):
                raise ItemReject("rjct.sort.invalid", f"cannot sort on {name!r} {direction!r}")
            parts.append(f"{rtype.attrs[name][0]} {direction.upper()}")
        return ", ".join([*parts, "e.eid"])

    def _pull(self, criteria: dict, principal: Principal, size: int, number: int) -> dict:
        """The field-update pull (docs/sync-protocol.md §3) on a sync_seq predicate."""
        if principal.is_system:
            raise ItemReject("rjct.search_criteria.invalid", "the field-update pull needs a person's token")
        if number != 1:
            raise ItemReject("rjct.pagination.invalid", "the pull is keyset-paged: page_number is always 1")
        seq_op, cursor, epoch = _pull_query(criteria)
        if epoch is not None and epoch != self.store.epoch:
            raise ItemReject("rjct.filter.invalid", f"cursor: epoch {epoch} is not current; resync from 0")
        if cursor > self.store.max_seq:
            raise ItemReject("rjct.filter.invalid", f"cursor: {cursor} is ahead of this server; resync from 0")
        data = {
            "version": "1.0.0",
            "reg_type": self.reg_type,
            "reg_record_type": CHANGE_RECORD_TYPE,
            "sync_epoch": self.store.epoch,
            "max_sync_seq": self.store.max_seq,
        }
        if seq_op == "le":
            live = self.store.count_live(principal.scope, cursor)
            return {
                "data": {**data, "reg_records": []},
                "pagination": {"page_size": size, "page_number": 1, "total_count": live},
            }
        page = self.store.pull(principal.scope, cursor, size)
        data.update(reg_records=RawList(page.records), max_sync_seq=page.max_seq, sync_epoch=page.epoch)
        return {"data": data, "pagination": {"page_size": size, "page_number": 1, "total_count": page.total_count}}

    # --- transactions --------------------------------------------------------------------

    def record_txn(
        self,
        transaction_id: str,
        correlation_id: str,
        txn_type: str,
        reference_ids: list,
        status: str,
        response: dict | None = None,
    ) -> None:
        with self.store.db.tx() as c:
            c.execute(
                "INSERT OR REPLACE INTO txn VALUES (?,?,?,?,?,?,?)",
                (
                    correlation_id,
                    transaction_id,
                    txn_type,
                    status,
                    json.dumps(reference_ids),
                    dumps(response).decode() if response is not None else None,
                    now_iso(),
                ),
            )

    def find_txn(self, attribute_type: str, value: Any) -> list[tuple[str, str, str, dict | None]]:
        """(transaction_id, txn_type, status, stored response) of the matching transactions."""
        with self.store.db.read() as c:
            if attribute_type == "transaction_id":
                rows = c.execute(
                    "SELECT transaction_id, txn_type, status, response, reference_ids FROM txn "
                    "WHERE transaction_id=? ORDER BY created",
                    (value,),
                ).fetchall()
            elif attribute_type == "correlation_id":
                rows = c.execute(
                    "SELECT transaction_id, txn_type, status, response, reference_ids FROM txn WHERE correlation_id=?",
                    (value,),
                ).fetchall()
            else:
                wanted = set(value if isinstance(value, list) else [value])
                rows = [
                    r
                    for r in c.execute("SELECT transaction_id, txn_type, status, response, reference_ids FROM txn")
                    if wanted & set(json.loads(r[4]))
                ]
        return [(r[0], r[1], r[2], json.loads(r[3]) if r[3] else None) for r in rows]

    # --- subscriptions -------------------------------------------------------------------

    def subscribe(self, owner: str, notify_uri: str | None, criteria: dict) -> dict:
        code = "sub-" + new_id()
        with self.store.db.tx() as c:
            c.execute(
                "INSERT INTO subscription VALUES (?,?,?,?,?,?,?)",
                (code, owner, notify_uri, criteria["reg_event_type"], json.dumps(criteria), "subscribe", now_iso()),
            )
        info = {
            "code": code,
            "status": "subscribe",
            "timestamp": now_iso(),
            "reg_event_type": criteria["reg_event_type"],
        }
        for k in ("reg_type", "frequency", "filter_type", "filter", "notify_record_type"):
            if k in criteria:
                info[k] = criteria[k]
        return info

    def unsubscribe(self, owner: str, codes: list[str]) -> tuple[list[dict], str | None]:
        """Per-code status, and the reason code if any code was refused."""
        out, problem = [], None
        with self.store.db.tx() as c:
            for code in codes:
                row = c.execute("SELECT owner, status FROM subscription WHERE code=?", (code,)).fetchone()
                if row is None:
                    problem = problem or "rjct.subscription_code.invalid"
                    continue
                if row[0] != owner:
                    problem = problem or "rjct.requester.invalid"
                    continue
                if row[1] == "unsubscribe":
                    problem = problem or "rjct.event.already_unsubscribed"
                c.execute("UPDATE subscription SET status='unsubscribe' WHERE code=?", (code,))
                out.append({"code": code, "status": "unsubscribe"})
        return out, problem

    def subscribers(self, reg_event_type: str) -> list[tuple[str, str]]:
        """(code, notify uri) of the live subscriptions to an event type."""
        with self.store.db.read() as c:
            return c.execute(
                "SELECT code, notify_uri FROM subscription WHERE status='subscribe' AND reg_event_type=? "
                "AND notify_uri IS NOT NULL",
                (reg_event_type,),
            ).fetchall()

    def record_inbox(self, sender: str, body: dict) -> None:
        with self.store.db.tx() as c:
            c.execute(
                "INSERT INTO inbox (received, sender, body) VALUES (?,?,?)", (now_iso(), sender, json.dumps(body))
            )


class RawList:
    """Records that are already JSON text: spliced into the reply without parsing again.

    Deliberately not a ``list`` subclass, so ``json.dumps`` hands it to ``default``."""

    def __init__(self, items: list[str]):
        self.items = items


def dumps(body: Any) -> bytes:
    """Serialise a reply whose record lists may be RawLists, splicing their JSON text in place."""
    raws: list[RawList] = []

    def mark(value: Any) -> Any:
        if isinstance(value, RawList):
            raws.append(value)
            return f"\x00raw{len(raws) - 1}\x00"
        raise TypeError(type(value).__name__)

    text = json.dumps(body, default=mark, separators=(",", ":"), ensure_ascii=False)
    if raws:
        text = re.sub(r'"\\u0000raw(\d+)\\u0000"', lambda m: "[" + ",".join(raws[int(m.group(1))].items) + "]", text)
    return text.encode()


# --- query translation ---------------------------------------------------------------------


def _coerce(kind: str, value: Any) -> Any:
    if kind == "num":
        try:
            return float(value) if not isinstance(value, bool) else None
        except (TypeError, ValueError):
            return None
    if kind == "bool":
        if isinstance(value, bool):
            return int(value)
        return {"true": 1, "false": 0, "1": 1, "0": 0}.get(str(value).lower())
    return value if isinstance(value, str) else (None if isinstance(value, (dict, list)) else str(value))


def _compare(rtype: RecordType, attr: Any, op: str, value: Any) -> tuple[str, list]:
    if not isinstance(attr, str) or attr not in rtype.attrs:
        raise ItemReject(
            "rjct.search_criteria.invalid",
            f"unknown attribute {attr!r} for {rtype.etype}; use one of {', '.join(sorted(rtype.attrs))}",
        )
    sql, kind = rtype.attrs[attr]
    if op == "IN":
        values = value if isinstance(value, list) else str(value).split(",")
        coerced = [_coerce(kind, v.strip() if isinstance(v, str) else v) for v in values]
        if not coerced or any(v is None for v in coerced):
            raise ItemReject("rjct.search_criteria.invalid", f"bad value list for {attr}")
        return f"{sql} IN ({','.join('?' * len(coerced))})", coerced
    coerced = _coerce(kind, value)
    if coerced is None:
        raise ItemReject("rjct.search_criteria.invalid", f"bad value {value!r} for {attr}")
    return f"{sql} {op} ?", [coerced]


def _expression(rtype: RecordType, expression: Any) -> tuple[str, list]:
    if not isinstance(expression, dict) or expression.get("operator") not in OPS:
        raise ItemReject(
            "rjct.search_criteria.invalid", "each expression needs attribute_name, operator, attribute_value"
        )
    return _compare(
        rtype, expression.get("attribute_name"), OPS[expression["operator"]], expression.get("attribute_value")
    )


def _predicate(rtype: RecordType, query: Any) -> tuple[str, list]:
    if not isinstance(query, list) or not query:
        raise ItemReject("rjct.search_criteria.invalid", "a predicate query is a non-empty list")
    clauses, args = [], []
    for item in sorted(
        query,
        key=lambda q: q.get("seq_num", 0) if isinstance(q, dict) and isinstance(q.get("seq_num"), (int, float)) else 0,
    ):
        if not isinstance(item, dict):
            raise ItemReject("rjct.search_criteria.invalid", "each predicate is an object")
        sql, a = _expression(rtype, item.get("expression1"))
        if item.get("expression2") is not None:
            condition = item.get("condition", "and")
            if condition not in ("and", "or", "not"):
                raise ItemReject("rjct.search_criteria.invalid", f"condition {condition!r} unknown")
            sql2, a2 = _expression(rtype, item["expression2"])
            sql = f"({sql}) {'AND NOT' if condition == 'not' else condition.upper()} ({sql2})"
            a = a + a2
        clauses.append(f"({sql})")
        args += a
    return " AND ".join(clauses), args


def _mongo(rtype: RecordType, query: dict, depth: int = 0) -> tuple[str, list]:
    if depth > 20:
        raise ItemReject("rjct.search_criteria.invalid", "expression nested too deeply")
    clauses, args = [], []
    for key, value in query.items():
        if key in ("$and", "$or"):
            if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
                raise ItemReject("rjct.search_criteria.invalid", f"{key} takes a list of conditions")
            parts = [_mongo(rtype, v, depth + 1) for v in value]
            clauses.append("(" + f" {key[1:].upper()} ".join(f"({p[0]})" for p in parts) + ")")
            args += [a for p in parts for a in p[1]]
        elif key == "$not":
            if not isinstance(value, dict):
                raise ItemReject("rjct.search_criteria.invalid", "$not takes a condition")
            sql, a = _mongo(rtype, value, depth + 1)
            clauses.append(f"NOT ({sql})")
            args += a
        elif isinstance(value, dict):
            for op, operand in value.items():
                if op not in MONGO_OPS:
                    raise ItemReject("rjct.search_criteria.invalid", f"operator {op!r} unknown")
                sql, a = _compare(rtype, key, MONGO_OPS[op], operand)
                clauses.append(sql)
                args += a
        else:
            sql, a = _compare(rtype, key, "=", value)
            clauses.append(sql)
            args += a
    if not clauses:
        return "1", []
    return " AND ".join(clauses), args


def _pull_query(criteria: dict) -> tuple[str, int, str | None]:
    """(``gt``|``le``, cursor, epoch or None) from the pull predicate."""
    query = criteria.get("query")
    if (
        criteria.get("query_type") != "predicate"
        or not isinstance(query, list)
        or len(query) != 1
        or not isinstance(query[0], dict)
    ):
        raise ItemReject("rjct.search_criteria.invalid", "the pull is one predicate on sync_seq")
    expressions = [query[0].get("expression1"), query[0].get("expression2")]
    seq = expressions[0]
    if not isinstance(seq, dict) or seq.get("attribute_name") != "sync_seq" or seq.get("operator") not in ("gt", "le"):
        raise ItemReject("rjct.search_criteria.invalid", "expression1 must be sync_seq gt|le <cursor>")
    try:
        cursor = int(str(seq.get("attribute_value")))
    except ValueError:
        raise ItemReject("rjct.filter.invalid", "cursor: sync_seq must be a whole number") from None
    if cursor < 0:
        raise ItemReject("rjct.filter.invalid", "cursor: sync_seq must not be negative")
    epoch = None
    if expressions[1] is not None:
        e2 = expressions[1]
        if (
            not isinstance(e2, dict)
            or e2.get("attribute_name") != "sync_epoch"
            or e2.get("operator") != "eq"
            or query[0].get("condition", "and") != "and"
        ):
            raise ItemReject("rjct.search_criteria.invalid", "expression2 must be: and sync_epoch eq <epoch>")
        epoch = str(e2.get("attribute_value"))
    return seq["operator"], cursor, epoch
