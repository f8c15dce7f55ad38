"""The signed-in session's lifetimes and its endings, kept out of the widgets.

``SessionController`` owns the workers of one signed-in profile: the write queue (use-cases,
one at a time), the query worker (reads over the whole list) and the UI thread's read models,
and it holds the sync scheduler. It stops them all in order when the application closes or the
person signs out, signs out on a counted background task, and passes on the remote wipe. The
composition root builds it; the window asks it and listens to it, and shows what it reports.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from .context import Context
from .query_worker import QueryWorker
from .tasks import NOTHING, Workbench, WriteQueue


class SessionController(QObject):
    #: the profile is gone from this device; the window closes
    signedOut = Signal()
    #: signing out failed (the exception); nothing was removed
    signOutFailed = Signal(object)
    #: the device was revoked and its data removed by the sync
    wiped = Signal()
    #: the list's reads have stopped: views empty what they showed
    stopped = Signal()

    def __init__(self, context: Context, scheduler, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.scheduler = scheduler
        workspace = context.workspace
        #: the UI thread's read models; open until the controller goes, as a paint or a sync
        #: signal already queued may still read them (a reader does not hold the store open)
        self.reads = workspace.reads()
        self.queue = WriteQueue(self)
        self.queries = QueryWorker(workspace.reads, self)
        self.bench = Workbench(workspace.cases, self.queue, self.reads)
        scheduler.wiped.connect(self.wiped)
        context.closers.append(self.shutdown)

    def shutdown(self) -> None:
        """Stop the sync, then the list's reads, then the writes (what is queued is finished)."""
        self.scheduler.shutdown()
        self.queries.stop()
        self.stopped.emit()
        self.queue.stop()

    # --- signing out --------------------------------------------------------------------------

    def count_unsynced(self, then: Callable[[int], None], owner: QObject) -> None:
        """How many changes have not reached the server, counted behind the queued writes."""
        self.queue.run(self.context.workspace.unsynced_count, then, owner=owner, changes=NOTHING)

    def sign_out(self, export_to: Path | None = None) -> None:
        """Stop every worker of this profile, then remove it on a background task; changes not yet
        on the server are first written to ``export_to``."""
        context = self.context
        data_dir, workspace = context.data_dir, context.workspace
        context.stop_workers()
        context.tasks.run(
            lambda: workspace.sign_out(data_dir, export_to=export_to),
            self._signed_out,
            self.signOutFailed.emit,
            self,
        )

    def _signed_out(self, _exported: int) -> None:
        self.context.workspace = None
        self.signedOut.emit()
