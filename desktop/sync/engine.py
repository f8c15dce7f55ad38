"""One sync run: push both outbox queues, then pull both services, with the merge rules applied.

Push (per destination, SR then ESS): batches claimed from the outbox, one reply item per op;
a transport failure puts the batch back and stops that queue only; a rejected item is
quarantined with its reason and the rest go on; a conflict becomes Conflict records.
Pull (per service): keyset pages of the change feed, each applied with its new cursor in one
transaction, so a run interrupted anywhere resumes at the last committed page. The next page is
fetched while the current one is applied. A refused cursor starts a full resync that keeps
pending local work; a periodic count comparison catches drift the cursor cannot see.
Merging happens where the data is: field-level on the server (one ISEP, plan items,
enrollments), append-only sets by id, SR demographics replaced as pulled, and a pulled value
never overwrites pending local work (``desktop.store.replica``).
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests

from ..domain.hlc import SKEW_LIMIT_MS, HybridLogicalClock
from ..store import outbox, replica
from ..store.db import Store
from ..store.profile import Profile
from . import connectors
from .connectors import Connector
from .credentials import Credentials
from .envelope import CursorRejected, Page, ProtocolError, SearchRejected
from .session import wipe_local
from .transport import (
    AuthExpired,
    Cancelled,
    DeviceRevoked,
    RetryPolicy,
    ServerRefused,
    SyncError,
    Timeouts,
    Tokens,
    Transport,
    TransportError,
)

log = logging.getLogger(__name__)

DESTINATIONS = ("SR", "ESS")
SANITY_META = "sanity_check_at:{}"
#: the count comparison runs at most this often (and after every full resync)
SANITY_INTERVAL_S = 15 * 60
#: count comparisons (with an incremental pull between them) before drift is declared
SANITY_ATTEMPTS = 3
#: pages already fetched are applied together up to this many records per transaction
APPLY_BATCH = 15_000
#: a pull with more records than this to fetch writes its search entries once, at its end
SEARCH_AFTER = 20_000

Progress = Callable[[str, int, int], None]

#: the states the UI shows (docs/sync.md)
OFFLINE, SYNCING, UP_TO_DATE, ATTENTION = "offline", "syncing", "up_to_date", "attention"


@dataclass
class SyncReport:
    """What a run did and what it ran into; ``state`` is what the UI shows next."""

    started_at: str = ""
    finished_at: str = ""
    pushed: dict[str, dict[str, int]] = field(
        default_factory=lambda: {d: {"acked": 0, "rejected": 0, "conflict": 0} for d in DESTINATIONS}
    )
    pulled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DESTINATIONS, 0))
    full_resync: list[str] = field(default_factory=list)
    drift: list[str] = field(default_factory=list)
    bytes_sent: int = 0
    bytes_received: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skew_ms: int | None = None
    offline: bool = False
    auth_expired: bool = False
    cancelled: bool = False
    wiped: bool = False
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.errors or self.cancelled or self.wiped or self.auth_expired)

    @property
    def skew_reported(self) -> bool:
        return self.skew_ms is not None and abs(self.skew_ms) > SKEW_LIMIT_MS

    @property
    def state(self) -> str:
        """``offline`` | ``attention`` | ``up_to_date`` (``syncing`` is the scheduler's)."""
        if self.offline and not self.auth_expired and not self.wiped:
            return OFFLINE
        if not self.ok or self.warnings or self.counts.get("rejected") or self.counts.get("conflicts"):
            return ATTENTION
        return UP_TO_DATE

    def summary(self) -> str:
        pushed = sum(n for d in self.pushed.values() for n in d.values())
        sent = ", ".join(
            f"{d} {v['acked']} acked/{v['rejected']} rejected/{v['conflict']} conflict" for d, v in self.pushed.items()
        )
        pulled = ", ".join(f"{d} {n}" for d, n in self.pulled.items())
        parts = [
            f"pushed {pushed} ({sent})",
            f"pulled {sum(self.pulled.values())} ({pulled})",
            f"{self.bytes_received + self.bytes_sent} bytes",
        ]
        if self.full_resync:
            parts.append(f"full resync: {', '.join(self.full_resync)}")
        return "; ".join(parts)


def _now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class SyncEngine:
    """Runs syncs for one profile; one run at a time (the scheduler guarantees it)."""

    def __init__(
        self,
        store: Store,
        profile: Profile,
        credentials: Credentials,
        session_factory: Callable[[], requests.Session] = requests.Session,
        *,
        clock: HybridLogicalClock | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] | None = None,
        page_size: int = connectors.PAGE_SIZE,
        push_batch: int = connectors.PUSH_BATCH,
        apply_batch: int = APPLY_BATCH,
        sanity_interval_s: float = SANITY_INTERVAL_S,
        now_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
        on_revoked: Callable[[], None] | None = None,
    ):
        self.store = store
        self.profile = profile
        self.credentials = credentials
        self.session_factory = session_factory
        self.clock = clock
        self.timeouts = timeouts or Timeouts()
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        self.page_size = page_size
        self.push_batch = push_batch
        self.apply_batch = apply_batch
        self.sanity_interval_s = sanity_interval_s
        self.now_ms = now_ms
        self.on_revoked = on_revoked

    # --- the run ---------------------------------------------------------------------------

    def run(
        self,
        progress: Progress = lambda phase, items, nbytes: None,
        cancelled: Callable[[], bool] = lambda: False,
        *,
        push: bool = True,
    ) -> SyncReport:
        """Push both queues (unless ``push`` is False), then pull both services."""
        report = SyncReport(started_at=_now_iso())
        session = self.session_factory()
        tokens = Tokens(self.credentials, self.profile.server_url.rstrip("/") + "/oauth2/token", self.profile.device_id)
        transport = Transport(
            session, tokens, timeouts=self.timeouts, retry=self.retry, sleep=self.sleep, cancelled=cancelled
        )
        sender = f"device-{self.profile.device_id}"
        services = {
            "SR": connectors.sr_connector(self.profile.sr, transport, sender),
            "ESS": connectors.ess_connector(self.profile.ess, transport, sender),
        }
        run = _Run(self, report, transport, progress, cancelled)
        try:
            for dest in DESTINATIONS if push else ():
                if not run.unreachable(services[dest]):
                    run.push(services[dest])
            for dest in DESTINATIONS:
                if dest not in run.stopped and not run.unreachable(services[dest]):
                    run.pull(services[dest])
        except DeviceRevoked:
            report.errors.append(DeviceRevoked.user_message)
            report.wiped = True
        except AuthExpired as exc:
            log.warning("sign-in expired: %s", exc)
            report.auth_expired = True
            report.errors.append(AuthExpired.user_message)
        except Cancelled:
            report.cancelled = True
        finally:
            session.close()
            report.bytes_sent, report.bytes_received = transport.bytes_sent, transport.bytes_received
            report.finished_at = _now_iso()
        if report.wiped:
            if self.on_revoked is not None:
                self.on_revoked()
            else:
                wipe_local(self.store, self.profile, self.credentials)
            return report
        reader = self.store.reader()
        try:
            report.counts = outbox.status_counts(reader)
        finally:
            reader.close()
        return report


class _Run:
    """The state of one run (the engine itself keeps none between runs)."""

    def __init__(
        self,
        engine: SyncEngine,
        report: SyncReport,
        transport: Transport,
        progress: Progress,
        cancelled: Callable[[], bool],
    ):
        self.engine = engine
        self.store = engine.store
        self.report = report
        self.transport = transport
        self._progress = progress
        self.cancelled = cancelled
        #: destinations whose queue a failure stopped, and hosts that could not be reached
        self.stopped: set[str] = set()
        self.down_hosts: set[str] = set()

    def unreachable(self, connector: Connector) -> bool:
        """A host that already failed this run is not tried again (SR and ESS often share one)."""
        if urlsplit(connector.search_url).netloc in self.down_hosts:
            self.stopped.add(connector.service)
            return True
        return False

    def progress(self, phase: str, items: int) -> None:
        self._progress(phase, items, self.transport.bytes_sent + self.transport.bytes_received)

    def check_cancel(self) -> None:
        if self.cancelled():
            raise Cancelled()

    def failure(self, connector: Connector, phase: str, exc: Exception) -> None:
        """A failure that stops one queue or one pull; the rest of the run goes on."""
        dest = connector.service
        self.stopped.add(dest)
        if isinstance(exc, TransportError):
            self.report.offline = True
            self.down_hosts.add(urlsplit(connector.search_url).netloc)
        message = getattr(exc, "user_message", None) if isinstance(exc, SyncError) else None
        if isinstance(exc, ProtocolError):
            message = "The server sent a reply that does not follow the protocol; nothing from it was applied."
        self.report.errors.append(f"{dest} {phase}: {message or exc}")
        log.warning("%s %s failed: %s", dest, phase, exc)
        replica.note_error(self.store, dest, f"{phase}: {exc}")

    def observe(self, server_ts: dt.datetime) -> None:
        """The server's clock against ours: reported past 5 minutes, folded into the HLC within."""
        remote_ms = int(server_ts.timestamp() * 1000)
        skew = remote_ms - self.engine.now_ms()
        if self.report.skew_ms is None or abs(skew) > abs(self.report.skew_ms):
            self.report.skew_ms = skew
        if abs(skew) > SKEW_LIMIT_MS:
            text = (
                f"This computer's clock is {abs(skew) // 60000} minutes "
                f"{'behind' if skew > 0 else 'ahead of'} the server's. Correct the date and time."
            )
            if text not in self.report.warnings:
                self.report.warnings.append(text)
        elif self.engine.clock is not None:
            self.engine.clock.observe(remote_ms)

    # --- push ------------------------------------------------------------------------------

    def push(self, connector: Connector) -> bool:
        """Send this destination's queue; False when a failure stopped it."""
        dest, done = connector.service, 0
        counts = self.report.pushed[dest]
        while True:
            self.check_cancel()
            ops = outbox.claim_batch(self.store, dest, self.engine.push_batch)
            if not ops:
                return True
            try:
                reply = connector.push(ops)
            except (TransportError, ProtocolError, ServerRefused) as exc:
                outbox.release(self.store, [op.op_id for op in ops])
                self.failure(connector, "push", exc)
                return False
            except BaseException:
                outbox.release(self.store, [op.op_id for op in ops])
                raise
            self.observe(reply.server_ts)
            for outcome, n in outbox.record_results(self.store, reply.results).items():
                counts[outcome] += n
            done += len(ops)
            self.progress(f"push {dest}", done)

    # --- pull ------------------------------------------------------------------------------

    def pull(self, connector: Connector) -> None:
        dest = connector.service
        try:
            try:
                self._pull_all(connector)
            except CursorRejected as exc:
                log.info("%s refused the cursor (%s): full resync", dest, exc)
                self._full_resync(connector)
            self._sanity_check(connector)
        except (TransportError, ProtocolError, ServerRefused, SearchRejected) as exc:
            self.failure(connector, "pull", exc)

    def _full_resync(self, connector: Connector) -> None:
        dest = connector.service
        replica.begin_full_resync(self.store, dest)
        if dest not in self.report.full_resync:
            self.report.full_resync.append(dest)
        self._pull_all(connector)

    def _state(self, dest: str) -> replica.SyncCursor:
        reader = self.store.reader()
        try:
            return replica.cursor_of(reader, dest)
        finally:
            reader.close()

    def _pull_all(self, connector: Connector) -> None:
        """Pages until the feed is drained; page k+1 is fetched while page k is applied."""
        dest = connector.service
        state = self._state(dest)
        fetcher = _Fetcher(connector, state.cursor, state.epoch, self.engine.page_size, self.cancelled)
        fetcher.start()
        deferred = False
        try:
            done = False
            while not done:
                self.check_cancel()
                page = fetcher.next()
                if page is None:
                    break
                if not deferred and page.total_count > SEARCH_AFTER:
                    deferred = True
                    replica.begin_long_pull(self.store, page.total_count)
                # pages already fetched go in together: one commit instead of several (the
                # initial sync); a lone page (an incremental sync) goes in alone
                pages = [page]
                while sum(len(p.records) for p in pages) < self.engine.apply_batch:
                    more = fetcher.ready()
                    if more is _EMPTY:
                        break
                    if more is None:
                        done = True
                        break
                    pages.append(more)
                for p in pages:
                    self.observe(p.server_ts)
                last = pages[-1]
                records = pages[0].records if len(pages) == 1 else [r for p in pages for r in p.records]
                new_cursor = last.last_seq if last.last_seq is not None else fetcher.cursor_before(last)
                replica.apply_page(self.store, dest, records, new_cursor, last.epoch, search=not deferred)
                self.report.pulled[dest] += len(records)
                self.progress(f"pull {dest}", self.report.pulled[dest])
        finally:
            fetcher.stop()
            if deferred:
                replica.index_search(self.store)
        if self._state(dest).full_resync:
            replica.finish_full_resync(self.store, dest)
            replica.index_search(self.store)

    def _sanity_check(self, connector: Connector) -> None:
        """Compare the server's count of live records up to our cursor with what we hold.

        A record changed by someone else after our last page moves past the cursor and leaves
        the count, so a mismatch is first retried after a short incremental pull; one that
        stays means drift the cursor cannot see (a lost write, a restored backup), and one full
        resync repairs it. Runs every ``sanity_interval_s`` and after every full resync.
        """
        dest = connector.service
        key = SANITY_META.format(dest)
        last = float(self.store.get_meta(key) or 0)
        if dest not in self.report.full_resync and time.time() - last < self.engine.sanity_interval_s:
            return
        for attempt in range(SANITY_ATTEMPTS):
            self.check_cancel()
            if attempt:
                self._pull_all(connector)
            state = self._state(dest)
            served = connector.count_upto(state.cursor, state.epoch).total_count
            reader = self.store.reader()
            try:
                held = replica.count_held(reader, dest)
            finally:
                reader.close()
            if served == held:
                break
        else:
            self.report.drift.append(dest)
            log.warning(
                "%s: server counts %d live records up to %d, this device holds %d", dest, served, state.cursor, held
            )
            if dest in self.report.full_resync:
                self.report.warnings.append(
                    f"{dest}: the local copy still differs from the server after a full "
                    f"resync ({held} records here, {served} there)."
                )
                return
            self._full_resync(connector)
            return self._sanity_check(connector)
        with self.store.write() as conn:
            self.store.set_meta(conn, key, str(time.time()))


class _Fetcher:
    """Fetches pages ahead on its own thread (network and JSON parsing) into a small queue."""

    DEPTH = 2

    def __init__(
        self, connector: Connector, cursor: int, epoch: str | None, page_size: int, cancelled: Callable[[], bool]
    ):
        self.connector = connector
        self.cursor, self.epoch = cursor, epoch
        self.page_size = page_size
        self.cancelled = cancelled
        self._queue: queue.Queue = queue.Queue(self.DEPTH)
        self._stop = threading.Event()
        self._cursors: dict[int, int] = {}
        self._thread = threading.Thread(target=self._run, name=f"pull-{connector.service}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cursor_before(self, page: Page) -> int:
        return self._cursors.get(id(page), self.cursor)

    def _put(self, item) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _run(self) -> None:
        cursor, epoch = self.cursor, self.epoch
        try:
            while not self._stop.is_set():
                if self.cancelled():
                    raise Cancelled()
                page, _ = self.connector.pull(cursor, epoch, self.page_size)
                self._cursors[id(page)] = cursor
                if not self._put(page):
                    return
                if not page.records or page.total_count <= len(page.records):
                    break
                cursor, epoch = page.last_seq, page.epoch
            self._put(None)
        except BaseException as exc:  # handed to the applying thread, which raises it
            self._put(_Failed(exc))

    def ready(self):
        """The next page if it is already here, None at the end, ``_EMPTY`` if not yet fetched."""
        try:
            item = self._queue.get_nowait()
        except queue.Empty:
            return _EMPTY
        if isinstance(item, _Failed):
            raise item.exc
        return item

    def next(self) -> Page | None:
        while True:
            try:
                item = self._queue.get(timeout=0.1)
            except queue.Empty:
                if self.cancelled():
                    raise Cancelled() from None
                continue
            if isinstance(item, _Failed):
                raise item.exc
            return item

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


@dataclass
class _Failed:
    exc: BaseException


_EMPTY = object()
