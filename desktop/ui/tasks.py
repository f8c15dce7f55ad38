"""Use-case calls off the UI thread, one at a time, with their results back on the UI thread.

A sync may hold the writer lock for a few hundred milliseconds; a form that called ``Cases``
directly would freeze for that long. ``WriteQueue`` runs each call on one worker thread (so our
own writes never race each other) and reports through queued signals. Known failures
(``ValidationError``, ``StoreError``) go back to the caller; anything else is a bug and goes to
the application's excepthook, where it is logged and shown with a copyable report.
"""

from __future__ import annotations

import itertools
import logging
import queue
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..cases.errors import EXPECTED, StoreError, ValidationError
from ..cases.reads import Reads
from ..cases.usecases import Cases

log = logging.getLogger(__name__)


def failure_text(exc: BaseException) -> str:
    """The message to show for an expected failure, translated."""
    if isinstance(exc, StoreError):
        return QCoreApplication.translate("StoreError", exc.message)
    if isinstance(exc, ValidationError):
        return "\n".join(QCoreApplication.translate("Validation", m) for m in exc.errors.values())
    return str(exc)


@dataclass(frozen=True)
class Changes:
    """What a write changed, so that only the views showing it are read again (anki's OpChanges).

    ``members``: those whose records, case columns and queued changes a use-case touched; None
    when the task does not say, and anything may have changed. A draft changes nothing shown.
    """

    members: frozenset[str] | None = None

    @classmethod
    def of(cls, member_ids: Iterable[str]) -> Changes:
        return cls(frozenset(member_ids))

    @property
    def anything(self) -> bool:
        return self.members is None or bool(self.members)


EVERYTHING = Changes()
NOTHING = Changes(frozenset())


@dataclass
class Task:
    """One queued call; its callbacks run on the UI thread, and not at all once ``owner`` is gone."""

    token: int
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    owner: QObject | None = None
    changes: Changes = EVERYTHING

    def alive(self) -> bool:
        return self.owner is None or shiboken6.isValid(self.owner)


class WriteQueue(QObject):
    """Runs ``fn()`` closures that call use-cases, in order, on one worker thread."""

    done = Signal(int, object)
    failed = Signal(int, object)
    bug = Signal(int, object)
    #: after a task that changed something shown, with its ``Changes``
    changed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tokens = itertools.count(1)
        self._tasks: dict[int, Task] = {}
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.done.connect(self._settle_done)
        self.failed.connect(self._settle_error)
        self.bug.connect(self._settle_bug)
        self._thread = threading.Thread(target=self._run, name="write-queue", daemon=True)
        self._thread.start()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        changes: Changes = EVERYTHING,
    ) -> Task:
        """Queue ``fn``; ``on_error`` hears of every failure, bugs included, so a form can unlock.
        Once it has succeeded, ``changed`` tells the views what it changed."""
        task = Task(next(self._tokens), on_done, on_error, owner, changes)
        self._tasks[task.token] = task
        self._jobs.put((task.token, fn))
        return task

    def stop(self) -> None:
        """Finish what is queued, then end the worker (before the store closes)."""
        self._jobs.put(None)
        self._thread.join()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            token, fn = job
            try:
                result = fn()
            except EXPECTED as exc:
                self.failed.emit(token, exc)
            except Exception as exc:  # a bug: reported, the queue goes on
                log.error("write task failed", exc_info=exc)
                self.bug.emit(token, exc)
            else:
                self.done.emit(token, result)

    def _settle_done(self, token: int, result: Any) -> None:
        task = self._tasks.pop(token, None)
        if task and task.on_done and task.alive():
            task.on_done(result)
        if task and task.changes.anything:
            self.changed.emit(task.changes)

    def _settle_error(self, token: int, exc: BaseException) -> None:
        task = self._tasks.pop(token, None)
        if task and task.on_error and task.alive():
            task.on_error(exc)

    def _settle_bug(self, token: int, exc: BaseException) -> None:
        self._settle_error(token, exc)
        sys.excepthook(type(exc), exc, exc.__traceback__)


@dataclass(frozen=True)
class Workbench:
    """What a workflow widget needs: the use-cases, the write queue and the UI thread's read models.

    The read models are on a connection of the UI thread's own (``Workspace.reads()``), never the
    writer's, so a sync's open transaction is never seen half-done.
    """

    cases: Cases
    queue: WriteQueue
    reads: Reads
