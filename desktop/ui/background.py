"""One-off work that must not block the UI, reporting back on the UI thread.

``run_in_background(fn, done, failed, parent)``: ``fn`` runs on the global thread pool and never
touches a widget; its result or exception comes back through a queued signal. For network
calls such as the first sign-in; use-case writes go through ``tasks.WriteQueue`` instead.
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


def run_in_background(
    fn: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[Exception], None], parent: QObject
) -> QObject:
    """Start ``fn``; ``parent`` owns the reporting channel, so it lives as long as the caller."""
    channel = _Channel(parent)
    channel.done.connect(done)
    channel.failed.connect(failed)
    channel.done.connect(channel.deleteLater)
    channel.failed.connect(channel.deleteLater)
    QThreadPool.globalInstance().start(_Job(fn, channel))
    return channel
