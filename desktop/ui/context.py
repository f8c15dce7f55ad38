"""The one object built at start and handed to every widget: no module singletons.

``app.py`` builds it; a widget takes what it needs from it (the signed-in ``workspace`` for
reads and changes, ``settings`` for its own state) and never reaches for a global.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..cases.workspace import Workspace
from .background import Tasks
from .settings import Settings

log = logging.getLogger(__name__)


@dataclass
class Context:
    """Paths, settings and, once signed in, the profile's workspace (store, use-cases, reads)."""

    data_dir: Path
    settings: Settings
    today: Callable[[], dt.date] = dt.date.today
    workspace: Workspace | None = None
    demo: bool = False
    closers: list[Callable[[], None]] = field(default_factory=list)
    #: what outlives a session (the demo's server, between its accounts), stopped last at exit
    at_exit: list[Callable[[], None]] = field(default_factory=list)
    #: one-off background work (sign-in, sign-out, the demo's start), waited for before the store closes
    tasks: Tasks = field(default_factory=Tasks)

    def attach(self, workspace: Workspace) -> None:
        """Signed in: the profile's workspace, its use-cases acting as its user."""
        self.workspace = workspace
        self.settings.set("last_profile", workspace.profile.profile_id)

    @property
    def passphrase_protected(self) -> bool:
        return self.workspace is not None and self.workspace.passphrase_protected

    def stop_workers(self) -> None:
        """Stop workers (registered in ``closers``), newest first, before the store they read goes away."""
        while self.closers:
            self.closers.pop()()

    def close(self) -> None:
        self.stop_workers()
        if self.tasks.running:
            log.info("waiting for %d background task(s) before closing the store", self.tasks.running)
        self.tasks.wait()
        self.end_session()
        while self.at_exit:
            self.at_exit.pop()()
        self.settings.sync()

    def end_session(self) -> None:
        """Let go of the signed-in profile (its workers stopped first); it stays on this device."""
        self.stop_workers()
        self.tasks.wait()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
