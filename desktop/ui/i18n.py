"""Loading the interface language.

Translations are kept as Qt Linguist ``.ts`` sources in the package's
``resources/translations``; the compiled ``.qm`` files are build output (gitignored).
``scripts/update_translations.sh`` compiles them, and when one is missing or older than its
``.ts`` (a source checkout, a wheel, a fresh translation) it is compiled here at run time with
the ``lrelease`` that PySide6 ships, into a cache directory, so a translation is never silently
stale and no binary sits in the repository. The bundle has no ``lrelease``: ``scripts/bundle.sh``
compiles the ``.qm`` files at build time and ships them without their ``.ts``.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tempfile
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .. import resources

log = logging.getLogger(__name__)

TRANSLATIONS = resources.path("translations")
#: languages the interface is translated into, besides the English source
LANGUAGES = ("fr",)


def lrelease_path() -> Path:
    return Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")


def compiled(language: str, cache_dir: Path | None = None) -> Path | None:
    """The ``.qm`` for ``language``, compiled from its ``.ts`` when missing or stale."""
    ts = TRANSLATIONS / f"field_desk_{language}.ts"
    qm = TRANSLATIONS / f"field_desk_{language}.qm"
    if not ts.exists():
        return qm if qm.exists() else None
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    target = Path(cache_dir or tempfile.gettempdir()) / f"field_desk_{language}.qm"
    if target.exists() and target.stat().st_mtime >= ts.stat().st_mtime:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [str(lrelease_path()), "-silent", str(ts), "-qm", str(target)], capture_output=True, text=True
    )
    if result.returncode != 0 or not target.exists():
        log.error("could not compile %s: %s", ts, result.stderr.strip())
        return None
    return target


def install_translator(app: QCoreApplication, language: str, cache_dir: Path | None = None) -> list[QTranslator]:
    """Translate the interface (and Qt's own dialogs) into ``language``; English needs nothing.

    Returns the translators installed (none for English or a missing translation); they are
    children of ``app``, so they live as long as it does.
    """
    locale = QLocale(language or "en_US")
    if locale.language() == QLocale.Language.C:
        locale = QLocale("en_US")
    QLocale.setDefault(locale)  # numbers, and the help's language, follow the interface's
    language = (language or "").split("_")[0].lower()
    if language in ("", "en"):
        return []
    qm = compiled(language, cache_dir)
    ours = QTranslator(app)
    if qm is None or not ours.load(str(qm)):
        log.warning("no %s translation found; the interface stays in English", language)
        return []
    app.installTranslator(ours)
    installed = [ours]
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed
