"""When sync runs: on demand, on reconnect and periodically; one run at a time, off the UI thread.

``SyncScheduler`` lives on the UI thread; the engine runs on one worker ``QThread`` that it owns.
Everything the UI hears comes through queued signals: ``stateChanged`` (``offline``,
``syncing``, ``up_to_date``, ``attention``), ``progress`` (phase, items, bytes — one per page or
batch, never per record), ``finished`` (the ``SyncReport``) and ``wiped`` (the device was
revoked and its data removed). A request that arrives during a run is not lost: one more run
follows. QtCore only; no widgets.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from .engine import OFFLINE, SYNCING, SyncEngine, SyncReport

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 5 * 60 * 1000


class _Worker(QObject):
    """Runs the engine on the worker thread; reports back through its signals."""

    progressed = Signal(str, int, int)
    done = Signal(object)

    def __init__(self, engine: SyncEngine, cancel: threading.Event):
        super().__init__()
        self.engine = engine
        self.cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            report = self.engine.run(
                lambda phase, items, nbytes: self.progressed.emit(phase, items, nbytes), self.cancel.is_set
            )
        except Exception as exc:  # a bug: reported, and the next run tries again
            log.exception("sync run failed")
            report = SyncReport(errors=[f"Internal error during sync: {exc}"])
        self.done.emit(report)


class SyncScheduler(QObject):
    stateChanged = Signal(str)
    progress = Signal(str, int, int)
    finished = Signal(object)
    wiped = Signal()

    _start = Signal()

    def __init__(
        self,
        engine: SyncEngine,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        online: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("sync")
        self._worker = _Worker(engine, self._cancel)
        self._worker.moveToThread(self._thread)
        self._start.connect(self._worker.run)
        self._worker.progressed.connect(self.progress)
        self._worker.done.connect(self._finished)
        self._thread.start()
        self._running = False
        self._again = False
        self._online = online
        #: nothing is known before the first run answers
        self._settled = OFFLINE
        self.state = OFFLINE
        self.last_report: SyncReport | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._periodic)
        if interval_ms > 0:
            self._timer.start()

    @property
    def running(self) -> bool:
        return self._running

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)

    # --- slots --------------------------------------------------------------------------

    @Slot()
    def sync_now(self) -> None:
        """Start a run now, or right after the current one."""
        if self._running:
            self._again = True
            return
        self._running = True
        self._cancel.clear()
        self._set_state(SYNCING)
        self._start.emit()

    @Slot()
    def cancel(self) -> None:
        """Stop the current run at the next page or batch; what was applied stays applied."""
        self._again = False
        self._cancel.set()

    @Slot(bool)
    def set_online(self, online: bool) -> None:
        was = self._online
        self._online = online
        if not online:
            if not self._running:
                self._set_state(OFFLINE)
        elif not was:
            self.sync_now()  # reconnected: send what waited

    def _periodic(self) -> None:
        if self._online and not self._running:
            self.sync_now()

    @Slot(object)
    def _finished(self, report: SyncReport) -> None:
        self._running = False
        self.last_report = report
        if report.wiped:
            self._timer.stop()
            self._again = False
            self._set_state(OFFLINE)
            self.finished.emit(report)
            self.wiped.emit()
            return
        if report.cancelled:
            state = self._settled
        elif not self._online:
            state = OFFLINE
        else:
            state = report.state
        self._settled = state
        self._set_state(state)
        self.finished.emit(report)
        if self._again and self._online:
            self._again = False
            self.sync_now()

    def shutdown(self, wait_ms: int = 30000) -> None:
        """Cancel any run and stop the worker thread (call before the application quits)."""
        self._timer.stop()
        self.cancel()
        self._thread.quit()
        if not self._thread.wait(wait_ms):
            log.error("the sync thread did not stop within %d ms", wait_ms)
