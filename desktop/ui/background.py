"""One-off work that must not block the UI, counted, reporting back on the UI thread.

``Tasks.run(fn, done, failed, owner)``: ``fn`` runs on the tasks' own thread pool and never
touches a widget; its result or exception comes back through a queued signal, and ``owner``
hears of neither once it is gone. The application has one ``Tasks`` (in its ``Context``) and
waits for it before the store closes, so nothing is cut mid-write at exit (Picard's thread
helpers). For network calls such as the first sign-in; use-case writes go through
``tasks.WriteQueue`` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Channel(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], channel: _Channel):
        super().__init__()
        self._fn = fn
        self._channel = channel

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the UI thread, which decides how to show it
            self._channel.failed.emit(exc)
        else:
            self._channel.done.emit(result)


class Tasks(QObject):
    """A counted pool of one-off background tasks; each has a success and a failure path."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)

    def run(
        self, fn: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None], owner: QObject
    ) -> QObject:
        """Start ``fn``; ``owner`` owns the reporting channel, so it lives as long as the caller."""
        channel = _Channel(owner)
        channel.done.connect(done)
        channel.failed.connect(failed)
        channel.done.connect(channel.deleteLater)
        channel.failed.connect(channel.deleteLater)
        self._pool.start(_Job(fn, channel))
        return channel

    @property
    def running(self) -> int:
        return self._pool.activeThreadCount()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has finished (or ``msecs`` passed); True when none is left."""
        return self._pool.waitForDone(msecs)
