"""The one object built at start and handed to every widget: no module singletons.

``app.py`` builds it; a widget takes what it needs from it (the store for reads, ``cases`` for
changes, ``settings`` for its own state) and never reaches for a global.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QSettings

from ..cases.usecases import Cases
from ..store.db import Store
from ..store.profile import Profile
from ..store.records import Actor


class Settings:
    """Typed user settings in the data directory (not the registry), seeded from defaults."""

    DEFAULTS: ClassVar[dict[str, object]] = {
        "last_profile": "",
        #: interface language ("" follows the system); read at start
        "language": "",
        #: the profile the demo signed in with, reopened by the next ``--demo``
        "demo/profile": "",
        "window/geometry": b"",
        "worklist/splitter": b"",
    }

    def __init__(self, path: Path):
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, key: str):
        default = self.DEFAULTS[key]
        value = self._qs.value(key, default)
        if isinstance(default, bytes):
            return bytes(value.data()) if hasattr(value, "data") else (value or b"")
        return type(default)(value) if value is not None else default

    def set(self, key: str, value) -> None:
        if key not in self.DEFAULTS:
            raise KeyError(key)
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()


@dataclass
class Context:
    """Paths, settings and, once signed in, the profile's store and use-cases."""

    data_dir: Path
    settings: Settings
    today: Callable[[], dt.date] = dt.date.today
    profile: Profile | None = None
    store: Store | None = None
    actor: Actor | None = None
    cases: Cases | None = None
    demo: bool = False
    closers: list[Callable[[], None]] = field(default_factory=list)

    def attach(self, profile: Profile, store: Store) -> None:
        """Signed in: the profile's store and the use-cases acting as its user."""
        self.profile, self.store = profile, store
        self.actor = Actor(profile.user, profile.role, profile.device_id)
        self.cases = Cases(store, self.actor, today=self.today)
        self.settings.set("last_profile", profile.profile_id)

    @property
    def passphrase_protected(self) -> bool:
        return self.profile is not None and self.profile.key_method == "passphrase"

    def stop_workers(self) -> None:
        """Stop workers (registered in ``closers``), newest first, before the store they read goes away."""
        while self.closers:
            self.closers.pop()()

    def close(self) -> None:
        self.stop_workers()
        if self.store is not None:
            self.store.close()
            self.store = None
        self.settings.sync()
