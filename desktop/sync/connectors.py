"""The SR and ESS as seen by the engine: pull a page, count up to a cursor, push a batch.

Both services speak the same field update protocol; they differ in base URL, path prefix and
registry type. The base URLs are the profile's (``Profile.sr``, ``Profile.ess``) and may point
at one server.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..store.outbox import Op
from . import envelope
from .envelope import Page, UpdateReply
from .transport import Transport

#: at most this many ops per push (the protocol allows 500)
PUSH_BATCH = 200
PAGE_SIZE = 5000


@dataclass
class Connector:
    service: str  # SR | ESS
    search_url: str
    update_url: str
    transport: Transport
    sender_id: str

    def pull(self, cursor: int, epoch: str | None, page_size: int = PAGE_SIZE) -> tuple[Page, int]:
        """The next page after ``cursor``; (page, bytes received)."""
        request = envelope.search_request(self.service, self.sender_id, cursor, epoch, page_size)
        exchange = self.transport.post_dci(self.search_url, request)
        return envelope.parse_search_response(exchange.body, request), exchange.bytes_received

    def count_upto(self, cursor: int, epoch: str | None) -> Page:
        """How many live records in scope up to ``cursor`` (``pagination.total_count``)."""
        request = envelope.search_request(self.service, self.sender_id, cursor, epoch, 1, operator="le")
        exchange = self.transport.post_dci(self.search_url, request)
        return envelope.parse_search_response(exchange.body, request)

    def push(self, ops: list[Op]) -> UpdateReply:
        request = envelope.update_request(self.service, self.sender_id, ops)
        exchange = self.transport.post_dci(self.update_url, request)
        return envelope.parse_update_response(exchange.body, request)


def sr_connector(base_url: str, transport: Transport, sender_id: str) -> Connector:
    base = base_url.rstrip("/")
    return Connector("SR", f"{base}/registry/sync/search", f"{base}/registry/sync/update", transport, sender_id)


def ess_connector(base_url: str, transport: Transport, sender_id: str) -> Connector:
    base = base_url.rstrip("/")
    return Connector("ESS", f"{base}/sync/search", f"{base}/sync/update", transport, sender_id)
