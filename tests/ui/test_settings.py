"""Settings: declared with type and default, an older file brought up to date, the dialog built from them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QLabel

from desktop.ui.settings import SETTINGS, VERSION, VERSION_KEY, Settings
from desktop.ui.settings_dialog import SettingsDialog


def test_a_new_file_gives_every_setting_its_declared_default_and_type(tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    for key, setting in SETTINGS.items():
        value = settings.get(key)
        assert value == setting.default and type(value) is setting.type


def test_settings_round_trip_with_their_types(tmp_path):
    path = tmp_path / "settings.ini"
    settings = Settings(path)
    settings.set("language", "fr")
    settings.set("window/geometry", QByteArray(b"\x01\x02geometry"))
    settings.sync()
    again = Settings(path)
    assert again.get("language") == "fr"
    assert again.get("window/geometry") == b"\x01\x02geometry"


def test_an_undeclared_setting_is_refused(tmp_path):
    with pytest.raises(KeyError):
        Settings(tmp_path / "settings.ini").set("colour", "blue")


def test_a_file_from_before_versions_keeps_the_persons_choices(tmp_path):
    """The first layout had no version and kept the panes' widths as the worklist's state."""
    path = tmp_path / "settings.ini"
    old = QSettings(str(path), QSettings.Format.IniFormat)
    old.setValue("language", "fr")
    old.setValue("last_profile", "counselor@example.org")
    old.setValue("worklist/splitter", QByteArray(b"panes"))
    old.sync()
    del old
    settings = Settings(path)
    settings.sync()
    assert settings.get("window/panes") == b"panes"
    assert settings.get("language") == "fr" and settings.get("last_profile") == "counselor@example.org"
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    assert int(raw.value(VERSION_KEY)) == VERSION
    assert not raw.contains("worklist/splitter")


def test_a_file_from_a_newer_version_is_left_as_it_is(tmp_path):
    path = tmp_path / "settings.ini"
    newer = QSettings(str(path), QSettings.Format.IniFormat)
    newer.setValue(VERSION_KEY, VERSION + 1)
    newer.setValue("worklist/splitter", QByteArray(b"kept"))
    newer.sync()
    del newer
    Settings(path).sync()
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    assert int(raw.value(VERSION_KEY)) == VERSION + 1 and raw.contains("worklist/splitter")


def test_the_dialog_offers_the_declared_choices_with_their_label_and_help_and_saves_the_choice(qtbot, tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    combo = dialog.language
    assert [combo.itemData(i) for i in range(combo.count())] == [v for v, _ in SETTINGS["language"].choices]
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert SETTINGS["language"].label in texts and SETTINGS["language"].help in texts
    combo.setCurrentIndex(combo.findData("fr"))
    dialog.accept()
    assert Settings(tmp_path / "settings.ini").get("language") == "fr"


def test_the_demo_profile_of_a_version_1_file_becomes_the_demo_counselors(tmp_path):
    """Version 1 kept one demo profile, the counselor's; now each demo account keeps its own."""
    path = tmp_path / "settings.ini"
    old = QSettings(str(path), QSettings.Format.IniFormat)
    old.setValue(VERSION_KEY, 1)
    old.setValue("demo/profile", "counselor@127.0.0.1_41234")
    old.sync()
    del old
    settings = Settings(path)
    assert settings.get("demo/profiles") == {"counselor": "counselor@127.0.0.1_41234"}
    settings.set("demo/profiles", {"counselor": "c", "supervisor": "s"})
    settings.sync()
    assert Settings(path).get("demo/profiles") == {"counselor": "c", "supervisor": "s"}
    assert not QSettings(str(path), QSettings.Format.IniFormat).contains("demo/profile")
