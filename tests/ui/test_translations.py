"""The French translation: complete for every string in the code, and loaded at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

import desktop
from desktop.ui import i18n
from desktop.ui.forms import FORMS

from .test_forms import MEMBER, mnemonic_keys

TS = i18n.TRANSLATIONS / "field_desk_fr.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
CODE = Path(desktop.__file__).parent


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    return [
        f"{ctx.findtext('name')}: {m.findtext('source')}"
        for ctx in root.iter("context")
        for m in ctx.iter("message")
        if m.find("translation").get("type") in ("unfinished", "vanished")
    ]


def test_the_french_ts_file_has_no_unfinished_entries():
    assert unfinished(TS) == []


def test_every_string_in_the_code_is_in_the_french_ts_file(tmp_path):
    """lupdate over today's code adds nothing new: no string was left out of the translation."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in CODE.rglob("*.py"))
    subprocess.run(
        [str(LUPDATE), "-no-obsolete", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
        cwd=CODE.parent,
    )
    assert unfinished(copy) == []


def test_a_french_translator_turns_source_strings_into_french(french):
    assert french
    assert QCoreApplication.translate("Forms", "Save") == "Enregistrer"
    assert QCoreApplication.translate("Validation", "This field is required.") == "Ce champ est obligatoire."
    assert QCoreApplication.translate("Codes", "Needs training") == "Besoin de formation"


def test_english_needs_no_translator(qapp):
    assert i18n.install_translator(qapp, "en") == []


def test_a_missing_qm_is_compiled_from_the_ts(monkeypatch, tmp_path):
    source = tmp_path / "translations"
    source.mkdir()
    shutil.copy(TS, source / TS.name)
    monkeypatch.setattr(i18n, "TRANSLATIONS", source)
    qm = i18n.compiled("fr", tmp_path / "cache")
    assert qm is not None and qm.stat().st_size > 1000


def test_french_forms_keep_unique_mnemonics(qtbot, bench, french):
    for entity_type, cls in FORMS.items():
        form = cls(bench, MEMBER)
        qtbot.addWidget(form)
        keys = mnemonic_keys(form)
        assert len(keys) == len(set(keys)), (entity_type, keys)
        assert form.save_button.text().replace("&", "") == "Enregistrer"
