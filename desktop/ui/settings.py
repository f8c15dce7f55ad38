"""User settings, declared: each has a key, a type and a default, and those a person chooses also a
label, help and choices, from which the Settings dialog builds its rows (vorta's
``store/settings.py``).

They live in ``settings.ini`` in the data folder (not the registry). The file carries the version
of its layout; an older file is brought up to date step by step when it is opened, so a setting
that moves or changes its meaning keeps the person's choice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from ..domain.codes import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    #: shown in the Settings dialog (its "SettingsDialog" translation context); empty for state
    #: the application keeps by itself
    label: str = ""
    help: str = ""
    #: (value, label) a person picks from; labels in their own language are not translated
    choices: tuple[tuple[Any, str], ...] = ()


LANGUAGE = Setting(
    "language",
    str,
    "",
    label=QT_TRANSLATE_NOOP("SettingsDialog", "&Language"),
    help=QT_TRANSLATE_NOOP("SettingsDialog", "The new language is used the next time you start Field Desk."),
    #: the language's name in that language, so anyone can find their own; "" follows the system
    choices=(("", QT_TRANSLATE_NOOP("SettingsDialog", "As the system")), ("en", "English"), ("fr", "Français")),
)

SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        LANGUAGE,
        #: the profile signed in last, offered first at sign-in
        Setting("last_profile", str, ""),
        #: the profiles the demo's accounts signed in with (user → profile id), reopened by the next ``--demo``
        Setting("demo/profiles", dict, {}),
        Setting("window/geometry", bytes, b""),
        #: the widths of the window's three panes (filters, worklist, record)
        Setting("window/panes", bytes, b""),
    )
}

VERSION_KEY = "settings/version"


def _v1_panes_belong_to_the_window(qs: QSettings) -> None:
    """The splitter of the filter panel, the worklist and the record was kept as the worklist's
    own state; it is the window's."""
    if qs.contains("worklist/splitter"):
        qs.setValue("window/panes", qs.value("worklist/splitter"))
        qs.remove("worklist/splitter")


def _v2_the_demo_has_a_profile_per_account(qs: QSettings) -> None:
    """The demo had one account, the counselor; it now offers every role, each with its profile."""
    if qs.contains("demo/profile"):
        old = str(qs.value("demo/profile") or "")
        qs.setValue("demo/profiles", {"counselor": old} if old else {})
        qs.remove("demo/profile")


#: the steps that bring a file from version ``n - 1`` to ``n``, in order
UPGRADES: tuple[Callable[[QSettings], None], ...] = (
    _v1_panes_belong_to_the_window,
    _v2_the_demo_has_a_profile_per_account,
)
VERSION = len(UPGRADES)


class Settings:
    """The declared settings over one INI file, brought up to ``VERSION`` when opened."""

    def __init__(self, path: Path):
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        version = int(str(self._qs.value(VERSION_KEY, 0)))
        if version > VERSION:
            log.warning("settings file version %d is newer than this version of Field Desk (%d)", version, VERSION)
            return
        for number in range(version + 1, VERSION + 1):
            log.info("upgrading the settings to version %d", number)
            UPGRADES[number - 1](self._qs)
        self._qs.setValue(VERSION_KEY, VERSION)

    def get(self, key: str) -> Any:
        setting = SETTINGS[key]
        value = self._qs.value(key, setting.default)
        if setting.type is bytes:
            return bytes(value.data()) if hasattr(value, "data") else (value or b"")
        return setting.type(value) if value is not None else setting.default

    def set(self, key: str, value: Any) -> None:
        if key not in SETTINGS:
            raise KeyError(key)
        self._qs.setValue(key, value)

    def sync(self) -> None:
        self._qs.sync()
