"""The failures a person is told about, apart from bugs: what the screens catch and show.

``known_problem`` gives the message of a known problem (a full disk, a wrong passphrase, the
server unreachable ...) with the translation context it belongs to; anything else is a bug.
"""

from __future__ import annotations

from ..domain.model import ValidationError
from ..store.errors import StoreError, WrongKeyError, classify
from ..sync.transport import NotDciError, SyncError, TransportError

__all__ = [
    "EXPECTED",
    "StoreError",
    "SyncError",
    "ValidationError",
    "WrongKeyError",
    "known_problem",
    "server_unreachable",
]

#: failures a use-case reports to the screen that asked for it: bad input, or the store's known problems
EXPECTED = (ValidationError, StoreError)


def known_problem(exc: BaseException) -> tuple[str, str] | None:
    """``(context, message)`` of a known problem, to translate and show; None for a bug."""
    known = classify(exc)
    if known is not None:
        return "StoreError", known.message
    if isinstance(exc, SyncError):
        return "SyncError", exc.user_message
    return None


def server_unreachable(exc: BaseException) -> bool:
    """No server answered at all (not a captive portal's page, not a refusal)."""
    return isinstance(exc, TransportError) and not isinstance(exc, NotDciError)
