"""B.8 message gateway: programme alerts by SMS, WhatsApp or automated call.

Nothing is really sent. Each OutreachMessage a field worker syncs is queued; every advance
moves each open delivery one step (queued → sent → delivered or failed) and writes the status
onto the message, so the author's device sees it at its next pull. Outcomes are derived from
the message id, so a run is repeatable.
"""

from __future__ import annotations

import hashlib
import sqlite3

from .dci import now_iso
from .fieldstore import Accepted, FieldStore

SCHEMA = """
CREATE TABLE IF NOT EXISTS delivery (
  message_id TEXT PRIMARY KEY, member_id TEXT NOT NULL, channel TEXT NOT NULL, phone TEXT NOT NULL,
  status TEXT NOT NULL, updated TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS delivery_status ON delivery(status);
"""
NEXT = {"queued": "sent", "sent": "delivered"}
#: one delivery in this many fails (unreachable number, call not answered)
FAILURE_EVERY = 8


class Gateway:
    def __init__(self, ess: FieldStore):
        self.ess = ess
        ess.db.script(SCHEMA)

    def enqueue(self, c: sqlite3.Connection, accepted: Accepted) -> None:
        if accepted.entity_type != "OutreachMessage":
            return
        data = accepted.changed
        c.execute(
            "INSERT OR IGNORE INTO delivery VALUES (?,?,?,?,?,?)",
            (
                accepted.entity_id,
                accepted.member_id,
                data.get("channel", ""),
                data.get("phone_number", ""),
                "queued",
                now_iso(),
            ),
        )
        self._stamp(c, accepted.entity_id, "queued")

    def advance(self) -> dict[str, int]:
        """Move every open delivery one step; returns how many are now in each status."""
        with self.ess.db.tx() as c:
            for message_id, status in c.execute(
                "SELECT message_id, status FROM delivery WHERE status IN ('queued', 'sent')"
            ).fetchall():
                new = NEXT[status]
                if new == "delivered" and int(hashlib.sha256(message_id.encode()).hexdigest(), 16) % FAILURE_EVERY == 0:
                    new = "failed"
                c.execute("UPDATE delivery SET status=?, updated=? WHERE message_id=?", (new, now_iso(), message_id))
                self._stamp(c, message_id, new)
            return dict(c.execute("SELECT status, count(*) FROM delivery GROUP BY status").fetchall())

    def _stamp(self, c: sqlite3.Connection, message_id: str, status: str) -> None:
        row = c.execute(
            "SELECT member_id FROM entity WHERE etype='OutreachMessage' AND eid=?", (message_id,)
        ).fetchone()
        data = self.ess.get(c, "OutreachMessage", message_id)
        if row is None or data is None:
            return
        data.update(delivery_status=status, delivery_updated=now_iso())
        self.ess.put(c, "OutreachMessage", message_id, data, key=row[0], member_id=row[0], author="gateway")
