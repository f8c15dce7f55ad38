"""Whole-list reads off the UI thread: one thread, its own reader connection, latest wins.

Requests are functions of the worker's own read models (``cases.reads.Reads``); they travel in
named lanes ("ids" for the worklist query, "tree" for the area counts, ...).
A new request in a lane replaces one still waiting there and interrupts one already running,
so a fast typist never queues stale searches. Each result reaches the UI thread as one queued
signal carrying the whole answer, never one signal per row.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..cases.reads import Reads, was_interrupted

log = logging.getLogger(__name__)

Reader = Callable[[Reads], Any]


class QueryWorker(QObject):
    """Runs ``fn(reads)`` requests on a background thread; ``done`` carries (lane, generation, result)."""

    done = Signal(str, int, object)
    failed = Signal(str, int, object)

    def __init__(self, open_reads: Callable[[], Reads], parent: QObject | None = None):
        super().__init__(parent)
        self._open_reads = open_reads
        self._cond = threading.Condition()
        self._waiting: dict[str, tuple[int, Reader]] = {}
        self._generation: dict[str, int] = {}
        self._running: str | None = None
        self._reads: Reads | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="worklist-query", daemon=True)
        self._thread.start()

    def submit(self, lane: str, fn: Reader) -> int:
        """Queue ``fn`` in ``lane``, superseding what the lane had; returns its generation."""
        with self._cond:
            generation = self._generation.get(lane, 0) + 1
            self._generation[lane] = generation
            self._waiting[lane] = (generation, fn)
            if self._running == lane and self._reads is not None:
                self._reads.interrupt()
            self._cond.notify()
            return generation

    def is_latest(self, lane: str, generation: int) -> bool:
        with self._cond:
            return self._generation.get(lane) == generation

    def stop(self) -> None:
        """Finish the running request, drop waiting ones, close the connection."""
        with self._cond:
            self._stopping = True
            self._waiting.clear()
            if self._reads is not None and self._running:
                self._reads.interrupt()
            self._cond.notify()
        self._thread.join()

    def _run(self) -> None:
        try:
            reads = self._open_reads()
        except Exception as exc:  # reported, then the worker ends
            log.exception("worklist reader could not open")
            self.failed.emit("", 0, exc)
            return
        with self._cond:
            self._reads = reads
        try:
            while True:
                with self._cond:
                    while not self._waiting and not self._stopping:
                        self._cond.wait()
                    if self._stopping:
                        return
                    lane = next(iter(self._waiting))
                    generation, fn = self._waiting.pop(lane)
                    self._running = lane
                try:
                    result = fn(reads)
                except Exception as exc:  # a bug in a read: shown by the UI, the worker goes on
                    if not was_interrupted(exc):
                        self.failed.emit(lane, generation, exc)
                    continue
                finally:
                    with self._cond:
                        self._running = None
                if self.is_latest(lane, generation):
                    self.done.emit(lane, generation, result)
        finally:
            with self._cond:
                self._reads = None
            reads.close()
