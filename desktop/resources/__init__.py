"""The files the application ships with: translations, message templates, the icon.

They are package data, reached through ``importlib.resources`` and never through paths
computed from ``__file__``, so a source checkout, an installed wheel and a frozen bundle find
them the same way. Qt wants real file names, so the folder is handed out as a ``Path``: the
package folder itself in all of those cases, or (from a zip) a copy kept until exit.
"""

from __future__ import annotations

import atexit
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path

_extracted = ExitStack()
atexit.register(_extracted.close)


@cache
def folder() -> Path:
    return _extracted.enter_context(as_file(files(__name__)))


def path(*parts: str) -> Path:
    """A shipped file or folder, e.g. ``path("templates", "alerts.json")``."""
    return folder().joinpath(*parts)
