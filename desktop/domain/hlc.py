"""Hybrid logical clock: orders this device's edits even when the wall clock jumps back.

A timestamp is ``"{wall_ms:016d}-{counter:04d}-{node}"`` and sorts as text. ``observe`` folds in
times seen from a server so that later local edits sort after what was pulled.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

#: a server clock further than this from ours is reported to the user
SKEW_LIMIT_MS = 5 * 60 * 1000


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:016d}-{self.counter:04d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        wall, counter, node = text.split("-", 2)
        return cls(int(wall), int(counter), node)


class HybridLogicalClock:
    def __init__(
        self, node: str, last: str | None = None, now_ms: Callable[[], int] = lambda: time.time_ns() // 1_000_000
    ):
        self.node = node
        self._now_ms = now_ms
        self._lock = threading.Lock()
        self._wall, self._counter = 0, 0
        if last:
            ts = Timestamp.parse(last)
            self._wall, self._counter = ts.wall_ms, ts.counter

    def now(self) -> str:
        """The next timestamp, strictly after every earlier one from this clock."""
        with self._lock:
            physical = self._now_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._counter += 1
            return str(Timestamp(self._wall, self._counter, self.node))

    def observe(self, remote_wall_ms: int) -> int:
        """Fold in a remote time; returns the skew (remote − local) in milliseconds."""
        with self._lock:
            physical = self._now_ms()
            if remote_wall_ms > self._wall:
                self._wall, self._counter = remote_wall_ms, 0
            return remote_wall_ms - physical
