"""Generic entity store behind the field-update API: versions, a per-reader feed, merge, idempotency.

One instance per service (SR, ESS), each with its own entity-type table. Every change takes the
next value of the service's monotonic ``sync_seq``. Who may read an entity is decided by its
*key* (a member id, a household id, or ``*``): ``scope_key`` maps keys to reader scopes, and
``feed`` holds one row per (scope, entity) so a pull is a range scan of the primary key
(scope, sync_seq) and needs no join on assignments.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .auth import Principal
from .db import Database
from .dci import ItemReject, item_reply, now_iso
from .entity_types import EntityType

#: most ops accepted in one push
MAX_PUSH_ITEMS = 500
ALL = "*"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entity (
  etype TEXT NOT NULL, eid TEXT NOT NULL, member_id TEXT, key TEXT NOT NULL,
  version INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE, deleted INTEGER NOT NULL DEFAULT 0,
  updated TEXT NOT NULL, data TEXT NOT NULL,
  fields TEXT,  -- {field: [version it last changed, author, device]} for field-merged types
  PRIMARY KEY (etype, eid));
CREATE INDEX IF NOT EXISTS entity_key ON entity(key);
CREATE INDEX IF NOT EXISTS entity_member ON entity(member_id, etype);
CREATE TABLE IF NOT EXISTS scope_key (key TEXT NOT NULL, scope TEXT NOT NULL, PRIMARY KEY (key, scope)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS feed (
  scope TEXT NOT NULL, seq INTEGER NOT NULL, live INTEGER NOT NULL,
  PRIMARY KEY (scope, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS feed_seq ON feed(seq);
CREATE TABLE IF NOT EXISTS ops (reference_id TEXT PRIMARY KEY, hash TEXT NOT NULL, answer TEXT NOT NULL);
"""


@dataclass
class Page:
    records: list[str]  # change records, already serialised
    total_count: int
    max_seq: int
    epoch: str


@dataclass
class Accepted:
    """A client op that changed something, for the follow-up steps (reviews, the gateway)."""

    item: dict
    principal: Principal
    entity_type: str
    entity_id: str
    member_id: str
    version: int
    changed: dict


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def compact(data: dict) -> dict:
    """No nulls, empty strings or empty lists on the wire."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def change_record(etype: str, eid: str, member_id: str | None, version: int, seq: int, deleted: int, data: str) -> str:
    member = f',"member_id":{json.dumps(member_id)}' if member_id else ""
    return (
        f'{{"entity_type":"{etype}","entity_id":{json.dumps(eid)},"version":{version},'
        f'"sync_seq":{seq},"deleted":{"true" if deleted else "false"}{member},"data":{data}}}'
    )


class FieldStore:
    def __init__(self, db: Database, service: str, types: dict[str, EntityType]):
        self.db = db
        self.service = service
        self.types = types
        self._pulled = tuple(t.name for t in types.values() if t.pulled)
        db.script(SCHEMA)
        with db.tx() as c:
            c.execute("INSERT OR IGNORE INTO meta VALUES ('seq', '0')")
            c.execute("INSERT OR IGNORE INTO meta VALUES ('epoch', ?)", (_new_epoch(),))
        with db.read() as c:
            self._seq = int(c.execute("SELECT value FROM meta WHERE key='seq'").fetchone()[0])
            self.epoch = c.execute("SELECT value FROM meta WHERE key='epoch'").fetchone()[0]

    # --- sequence and epoch --------------------------------------------------------------

    def _next_seqs(self, c: sqlite3.Connection, n: int = 1) -> int:
        """Reserve ``n`` sequence numbers; returns the first."""
        first = self._seq + 1
        self._seq += n
        c.execute("UPDATE meta SET value=? WHERE key='seq'", (str(self._seq),))
        return first

    @property
    def max_seq(self) -> int:
        return self._seq

    def reset_epoch(self) -> str:
        """A new epoch: every client cursor is refused and clients resync from 0."""
        with self.db.tx() as c:
            self.epoch = _new_epoch()
            c.execute("UPDATE meta SET value=? WHERE key='epoch'", (self.epoch,))
        return self.epoch

    # --- server-side writes --------------------------------------------------------------

    def bulk_insert(self, c: sqlite3.Connection, rows: list[tuple[str, str, str | None, str, dict]]) -> None:
        """Create many entities at once (seeding): rows of (type, id, member_id, key, data)."""
        first = self._next_seqs(c, len(rows))
        ts = now_iso()
        c.executemany(
            "INSERT INTO entity (etype, eid, member_id, key, version, seq, updated, data) VALUES (?,?,?,?,1,?,?,?)",
            [(t, i, m, k, first + n, ts, canonical(compact(d))) for n, (t, i, m, k, d) in enumerate(rows)],
        )
        keys = {r[3] for r in rows}
        if keys:
            self._feed_keys(c, keys)

    def put(
        self,
        c: sqlite3.Connection,
        etype: str,
        eid: str,
        data: dict,
        key: str,
        member_id: str | None = None,
        author: str = "system",
    ) -> tuple[int, int]:
        """Create or replace a server-owned entity; returns (version, sync_seq)."""
        row = c.execute("SELECT version, seq, fields FROM entity WHERE etype=? AND eid=?", (etype, eid)).fetchone()
        version = row[0] + 1 if row else 1
        fields = None
        if self.types[etype].merge == "fields":
            fields = json.loads(row[2] or "{}") if row else {}
            fields.update({f: [version, author, ""] for f in data})
        return version, self._write(
            c, etype, eid, member_id, key, compact(data), version, fields, row[1] if row else None
        )

    def _write(
        self, c, etype, eid, member_id, key, data: dict, version: int, fields: dict | None, old_seq: int | None
    ) -> int:
        seq = self._next_seqs(c)
        if old_seq is not None:
            c.execute("DELETE FROM feed WHERE seq=?", (old_seq,))
        c.execute(
            "INSERT OR REPLACE INTO entity (etype, eid, member_id, key, version, seq, updated, data, fields) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (
                etype,
                eid,
                member_id,
                key,
                version,
                seq,
                now_iso(),
                canonical(data),
                canonical(fields) if fields is not None else None,
            ),
        )
        if self.types[etype].pulled:
            c.execute("INSERT INTO feed SELECT scope, ?, 1 FROM scope_key WHERE key=?", (seq, key))
        return seq

    def get(self, c: sqlite3.Connection, etype: str, eid: str) -> dict | None:
        row = c.execute("SELECT data FROM entity WHERE etype=? AND eid=?", (etype, eid)).fetchone()
        return json.loads(row[0]) if row else None

    def rescope(self, c: sqlite3.Connection, key_scopes: dict[str, Iterable[str]]) -> None:
        """Replace who reads each key; the keys' entities take new sequence numbers so that
        readers who were already past them still receive them."""
        c.execute("CREATE TEMP TABLE IF NOT EXISTS rescoped (key TEXT PRIMARY KEY)")
        c.execute("DELETE FROM temp.rescoped")
        c.executemany("INSERT INTO temp.rescoped VALUES (?)", ((k,) for k in key_scopes))
        c.execute("DELETE FROM scope_key WHERE key IN (SELECT key FROM temp.rescoped)")
        c.executemany(
            "INSERT INTO scope_key VALUES (?,?)", ((k, s) for k, scopes in key_scopes.items() for s in set(scopes))
        )
        c.execute("DELETE FROM feed WHERE seq IN (SELECT seq FROM entity WHERE key IN (SELECT key FROM temp.rescoped))")
        n = c.execute("SELECT count(*) FROM entity WHERE key IN (SELECT key FROM temp.rescoped)").fetchone()[0]
        if n:
            base = self._next_seqs(c, n) - 1
            c.execute(
                "UPDATE entity SET seq = ? + r.rn FROM (SELECT etype AS t, eid AS i, row_number() OVER (ORDER BY seq) AS rn "
                "FROM entity WHERE key IN (SELECT key FROM temp.rescoped)) AS r WHERE etype = r.t AND eid = r.i",
                (base,),
            )
            self._feed_keys(c, None)

    def _feed_keys(self, c: sqlite3.Connection, keys: set[str] | None) -> None:
        """Add the feed rows of the entities of ``keys`` (None: of the keys just rescoped)."""
        table = "rescoped"
        if keys is not None:
            table = "fed"
            c.execute("CREATE TEMP TABLE IF NOT EXISTS fed (key TEXT PRIMARY KEY)")
            c.execute("DELETE FROM temp.fed")
            c.executemany("INSERT INTO temp.fed VALUES (?)", ((k,) for k in keys))
        marks = ",".join("?" * len(self._pulled))
        c.execute(
            f"INSERT OR REPLACE INTO feed SELECT sk.scope, e.seq, 1 - e.deleted FROM entity e "
            f"JOIN scope_key sk ON sk.key = e.key WHERE e.key IN (SELECT key FROM temp.{table}) "
            f"AND e.etype IN ({marks})",
            self._pulled,
        )

    def scopes_of(self, c: sqlite3.Connection, key: str) -> set[str]:
        return {r[0] for r in c.execute("SELECT scope FROM scope_key WHERE key=?", (key,))}

    # --- pull ----------------------------------------------------------------------------

    def pull(self, scope: str, after: int, page_size: int) -> Page:
        with self.db.read() as c:
            rows = c.execute(
                "SELECT e.etype, e.eid, e.member_id, e.version, e.seq, e.deleted, e.data FROM feed f "
                "JOIN entity e ON e.seq = f.seq WHERE f.scope=? AND f.seq>? ORDER BY f.seq LIMIT ?",
                (scope, after, page_size),
            ).fetchall()
            total = c.execute("SELECT count(*) FROM feed WHERE scope=? AND seq>?", (scope, after)).fetchone()[0]
            return Page([change_record(*r) for r in rows], total, self._seq, self.epoch)

    def count_live(self, scope: str, upto: int) -> int:
        """Live records in ``scope`` up to a cursor: the client's cheap drift check."""
        with self.db.read() as c:
            return c.execute("SELECT count(*) FROM feed WHERE scope=? AND seq<=? AND live=1", (scope, upto)).fetchone()[
                0
            ]

    # --- push ----------------------------------------------------------------------------

    def push(
        self,
        items: list,
        principal: Principal,
        on_accepted: Callable[[sqlite3.Connection, Accepted], None] | None = None,
    ) -> list[dict]:
        """Apply a batch of client ops, one answer per item, all in one transaction."""
        answers = []
        with self.db.tx() as c:
            for item in items:
                answers.append(self._push_one(c, item, principal, on_accepted))
        return answers

    def _push_one(self, c, item: Any, principal: Principal, on_accepted) -> dict:
        ref = item.get("reference_id") if isinstance(item, dict) else None
        if not isinstance(ref, str) or not ref or len(ref) > 100:
            return item_reply(
                ref, "rjct", "rjct.reference_id.invalid", "reference_id must be a string of 1-100 characters"
            )
        digest = hashlib.sha256(canonical({k: v for k, v in item.items() if k != "timestamp"}).encode()).hexdigest()
        seen = c.execute("SELECT hash, answer FROM ops WHERE reference_id=?", (ref,)).fetchone()
        if seen:
            if seen[0] == digest:
                return json.loads(seen[1])
            return item_reply(
                ref, "rjct", "rjct.reference_id.duplicate", "this reference_id was used for a different operation"
            )
        c.execute("SAVEPOINT op")
        try:
            accepted, answer = self._apply(c, item, principal)
            if accepted and on_accepted:
                on_accepted(c, accepted)
        except ItemReject as rej:
            c.execute("ROLLBACK TO op")
            answer = item_reply(ref, "rjct", rej.code, rej.message, data=rej.data)
        except BaseException:
            c.execute("ROLLBACK TO op")
            c.execute("RELEASE op")
            raise
        c.execute("RELEASE op")
        c.execute("INSERT INTO ops VALUES (?,?,?)", (ref, digest, canonical(answer)))
        return answer

    def _apply(self, c, item: dict, principal: Principal) -> tuple[Accepted | None, dict]:
        ref = item["reference_id"]
        etype, eid, op, patch = item.get("entity_type"), item.get("entity_id"), item.get("op"), item.get("patch")
        etype_def = self.types.get(etype) if isinstance(etype, str) else None
        if etype_def is None:
            raise ItemReject("rjct.validation", f"unknown entity type {etype!r} on the {self.service}")
        if op not in ("create", "patch"):
            raise ItemReject("rjct.validation", "op must be create or patch")
        if not isinstance(eid, str) or not eid or len(eid) > 100:
            raise ItemReject("rjct.validation", "entity_id must be a string of 1-100 characters")
        if not isinstance(patch, dict):
            raise ItemReject("rjct.validation", "patch must be an object")
        if op not in etype_def.client_ops:
            if etype_def.merge == "server" or op == "create":
                raise ItemReject("rjct.forbidden", f"{etype} is written by the server only")
            raise ItemReject("rjct.validation", f"{etype} is append-only")
        if etype_def.supervisor_only and principal.role != "supervisor":
            raise ItemReject("rjct.forbidden", f"only a supervisor may change a {etype}")
        allowed = etype_def.patchable or etype_def.field_names()
        unknown = sorted(set(patch) - allowed)
        if unknown:
            raise ItemReject("rjct.validation", f"unknown or read-only field(s) of {etype}: {', '.join(unknown)}")

        row = c.execute(
            "SELECT member_id, key, version, data, fields FROM entity WHERE etype=? AND eid=?", (etype, eid)
        ).fetchone()
        member_id = row[0] if row else item.get("member_id")
        if not isinstance(member_id, str) or not member_id:
            raise ItemReject("rjct.validation", "member_id is required")
        if row and item.get("member_id") not in (None, member_id):
            raise ItemReject("rjct.validation", "member_id does not match the entity's member")
        if not principal.is_system and principal.scope not in self.scopes_of(c, member_id):
            raise ItemReject("rjct.forbidden", "the member is not in your scope")

        author = principal.name
        if row is None:
            if op == "patch":
                raise ItemReject("rjct.not_found", f"no {etype} {eid}")
            data = compact(patch)
            self._validate(etype_def, eid, member_id, data)
            fields = {f: [1, author, principal.device_id] for f in data} if etype_def.merge == "fields" else None
            seq = self._write(c, etype, eid, member_id, member_id, data, 1, fields, None)
            return (
                Accepted(item, principal, etype, eid, member_id, 1, data),
                item_reply(ref, data=self._ref(etype, eid, 1, seq)),
            )

        version, current = row[2], json.loads(row[3])
        if etype_def.merge == "append":
            if current == compact(patch):
                seq = c.execute("SELECT seq FROM entity WHERE etype=? AND eid=?", (etype, eid)).fetchone()[0]
                return None, item_reply(ref, data=self._ref(etype, eid, version, seq))
            raise ItemReject("rjct.validation", f"{etype} {eid} already exists with other content")
        base = 0 if op == "create" else item.get("base_version")
        if isinstance(base, bool) or not isinstance(base, int) or base < 0:
            raise ItemReject("rjct.validation", "base_version must be a whole number")
        return self._merge(
            c, etype_def, item, eid, member_id, version, current, json.loads(row[4] or "{}"), patch, base, principal
        )

    def _merge(
        self,
        c,
        etype_def: EntityType,
        item: dict,
        eid: str,
        member_id: str,
        version: int,
        current: dict,
        fields: dict,
        patch: dict,
        base: int,
        principal: Principal,
    ):
        """Apply the fields no other device changed since ``base``; the rest become Conflicts.

        A device's ops arrive in order, so its own later edit of a field supersedes its earlier one."""
        etype, ref, author = etype_def.name, item["reference_id"], principal.name
        applied, conflicts = {}, []
        for name, value in patch.items():
            theirs = current.get(name)
            if theirs == value or (theirs is None and value in (None, "", [], {})):
                continue
            changed_at, changed_by, device = fields.get(name, (0, "", ""))
            if changed_at > base and not (device and device == principal.device_id):
                conflicts.append((name, theirs, value, changed_by))
            else:
                applied[name] = value
        merged = compact({**current, **applied})
        if applied:
            self._validate(etype_def, eid, member_id, merged)
            version += 1
            fields.update({name: [version, author, principal.device_id] for name in applied})
            seq = self._write(
                c,
                etype,
                eid,
                member_id,
                member_id,
                merged,
                version,
                fields,
                c.execute("SELECT seq FROM entity WHERE etype=? AND eid=?", (etype, eid)).fetchone()[0],
            )
        else:
            seq = c.execute("SELECT seq FROM entity WHERE etype=? AND eid=?", (etype, eid)).fetchone()[0]
        ref_data = self._ref(etype, eid, version, seq)
        accepted = Accepted(item, principal, etype, eid, member_id, version, applied) if applied else None
        if not conflicts:
            return accepted, item_reply(ref, data=ref_data)
        listed = []
        for name, theirs, mine, changed_by in conflicts:
            conflict_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"fielddesk:conflict:{ref}:{name}"))
            self.put(
                c,
                "Conflict",
                conflict_id,
                {
                    "entity_type": etype,
                    "entity_id": eid,
                    "member_id": member_id,
                    "field": name,
                    "server_value": theirs,
                    "your_value": mine,
                    "base_version": base,
                    "authors": sorted({changed_by, author} - {""}),
                    "status": "open",
                },
                key=member_id,
                member_id=member_id,
                author="server",
            )
            listed.append(
                compact({"conflict_id": conflict_id, "field": name, "server_value": theirs, "your_value": mine})
            )
        who = ", ".join(sorted({c[3] for c in conflicts} - {""})) or "another user"
        answer = item_reply(
            ref,
            "rjct",
            "rjct.conflict",
            f"{', '.join(c[0] for c in conflicts)} changed by {who}",
            data={**ref_data, "current": merged, "applied_fields": sorted(applied), "conflicts": listed},
        )
        return accepted, answer

    def _validate(self, etype_def: EntityType, eid: str, member_id: str, data: dict) -> None:
        """The client's own validation of the resulting entity (a day's grace for time zones)."""
        cls = etype_def.model
        if cls is None:
            return
        try:
            errors = cls.from_data(eid, {**data, "member_id": member_id}).validate(
                dt.date.today() + dt.timedelta(days=1)
            )
        except (TypeError, ValueError, AttributeError) as exc:
            errors = {"data": str(exc)}
        errors.pop("member_id", None)
        if errors:
            raise ItemReject("rjct.validation", "; ".join(f"{k}: {v}" for k, v in sorted(errors.items())))

    @staticmethod
    def _ref(etype: str, eid: str, version: int, seq: int) -> dict:
        return {"entity_type": etype, "entity_id": eid, "version": version, "sync_seq": seq}


def _new_epoch() -> str:
    return "e-" + secrets.token_hex(4)
