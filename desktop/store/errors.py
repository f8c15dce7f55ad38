"""SQLite failures sorted into the ones a person can act on and the ones that are bugs.

Environment problems (disk full, locked, corrupt, wrong key, read-only, too new) become a
``StoreError`` whose ``message`` says what to do; anything else stays an exception and reaches
the bug-report dialog.
"""

from __future__ import annotations

import errno

import sqlcipher3

from ..domain.codes import QT_TRANSLATE_NOOP


class StoreError(Exception):
    """A known problem with the local database; ``message`` is shown to the user as is."""

    message = QT_TRANSLATE_NOOP("StoreError", "The local database could not be used.")

    def __init__(self, detail: str = ""):
        super().__init__(detail or self.message)
        self.detail = detail


class DiskFullError(StoreError):
    message = QT_TRANSLATE_NOOP(
        "StoreError",
        "The disk is full, so nothing was saved. Free some space (empty the downloads folder "
        "or the recycle bin), then save again. Your earlier work is safe.",
    )


class LockedError(StoreError):
    message = QT_TRANSLATE_NOOP(
        "StoreError",
        "The local database is busy in another window or program. Close other copies of "
        "Field Desk and try again. Nothing was changed.",
    )


class CorruptError(StoreError):
    message = QT_TRANSLATE_NOOP(
        "StoreError",
        "The local database is damaged and was not changed. Do not delete it: contact IT "
        "support, who can restore it from the copy kept before the last update or resync it "
        "from the server.",
    )


class WrongKeyError(StoreError):
    message = QT_TRANSLATE_NOOP(
        "StoreError",
        "The passphrase is not correct, or this database belongs to another profile. "
        "Nothing was changed. Try again, or sign in online to set up a new local copy.",
    )


class ReadOnlyError(StoreError):
    message = QT_TRANSLATE_NOOP(
        "StoreError",
        "Field Desk cannot write to its data folder. Check that the folder exists, is not "
        "read-only and that you may write to it, or start with --data-dir pointing elsewhere. "
        "Nothing was changed.",
    )


class TooNewError(StoreError):
    message = QT_TRANSLATE_NOOP(
        "StoreError",
        "This database was written by a newer version of Field Desk. Install the newer "
        "version; this one will not touch the data.",
    )


class NoKeyringError(StoreError):
    message = QT_TRANSLATE_NOOP(
        "StoreError",
        "No secure password store is available on this computer, so the database key "
        "cannot be kept there. Choose a passphrase instead; it is never stored.",
    )


def classify(exc: BaseException) -> StoreError | None:
    """The known problem behind ``exc``, or None when it is a bug."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return DiskFullError(str(exc))
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnlyError(str(exc))
        return None
    if not isinstance(exc, sqlcipher3.DatabaseError):
        return None
    text = str(exc).lower()
    if "database or disk is full" in text or ("disk i/o error" in text and "full" in text):
        return DiskFullError(str(exc))
    if "locked" in text or "busy" in text:
        return LockedError(str(exc))
    if "readonly" in text or "read-only" in text or "unable to open database" in text:
        return ReadOnlyError(str(exc))
    if "malformed" in text or "file is not a database" in text or "corrupt" in text:
        return CorruptError(str(exc))
    return None
