"""HTTP under the protocol: one ``requests.Session``, retries, tokens, and what counts as a reply.

- keep-alive and gzip come from the session; TLS is always verified (``verify`` is never off);
- connect and read timeouts on every call, so a hanging link ends as a retry, not a freeze;
- transport failures and 5xx/429 are retried with exponential backoff and full jitter, waiting
  at least what ``Retry-After`` asks; a wait longer than ``max_wait`` gives up and says when;
- a 200 whose body is not a JSON object with a DCI header and message (a captive portal's login
  page, a proxy's error page) is a failure, never a reply;
- a 401 refreshes the token once with the refresh token from ``credentials``; a 403 saying
  ``device_revoked`` raises ``DeviceRevoked`` so the engine can wipe.

Every POST here is safe to repeat: pulls are reads and pushes carry idempotency keys.
"""

from __future__ import annotations

import email.utils
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
import requests

from .envelope import error_of

log = logging.getLogger(__name__)

DEVICE_REVOKED = "device_revoked"


class SyncError(Exception):
    """A known sync failure with a message for the user."""

    user_message = "The sync failed."


class TransportError(SyncError):
    """The server could not be reached or did not answer properly: try again later."""

    user_message = "The server could not be reached. Your changes are kept and will be sent later."

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class NotDciError(TransportError):
    """A 200 that is not a DCI envelope: most often a captive portal or a filtering proxy."""

    user_message = (
        "The network answered with something that is not the server (a hotel or public Wi-Fi login "
        "page?). Sign in to the network, then sync again."
    )


class AuthExpired(SyncError):
    user_message = "Your sign-in has expired. Sign in again to sync; your changes are kept."


class DeviceRevoked(SyncError):
    user_message = "This device was revoked by your administrator; its local data has been removed."


class ServerRefused(SyncError):
    """A 4xx with a DCI error: our request was refused as a whole (a bug or a scope problem)."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(f"HTTP {status} {code}: {message}")
        self.status, self.code = status, code
        self.user_message = f"The server refused the request ({code}). Report this to IT support."


@dataclass
class Timeouts:
    connect: float = 5.0
    read: float = 60.0


@dataclass
class RetryPolicy:
    attempts: int = 5
    base: float = 0.5
    cap: float = 30.0
    #: a server asking for a longer wait than this ends the run; the scheduler comes back later
    max_wait: float = 120.0

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(cap, base·2^attempt)]."""
        return rng.uniform(0, min(self.cap, self.base * (2**attempt)))


def retry_after_seconds(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """``Retry-After`` as seconds: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now())


class Tokens:
    """The access and refresh tokens of one profile, refreshed once for all connectors."""

    def __init__(self, credentials, token_url: str, device_id: str):
        self.credentials = credentials
        self.token_url = token_url
        self.device_id = device_id
        self._lock = threading.Lock()

    def access(self) -> str | None:
        saved = self.credentials.load()
        return saved.get("access_token") if saved else None

    def refresh(self, session: requests.Session, timeouts: Timeouts, used: str | None) -> str:
        """A new access token; rotates the refresh token. ``used`` avoids a double refresh."""
        with self._lock:
            saved = self.credentials.load() or {}
            if used is not None and saved.get("access_token") not in (None, used):
                return saved["access_token"]  # another caller refreshed meanwhile
            refresh_token = saved.get("refresh_token")
            if not refresh_token:
                raise AuthExpired("no refresh token")
            try:
                resp = session.post(
                    self.token_url,
                    data={"grant_type": "refresh_token", "refresh_token": refresh_token, "device_id": self.device_id},
                    timeout=(timeouts.connect, timeouts.read),
                )
            except requests.RequestException as exc:
                raise TransportError(f"token refresh: {exc}") from exc
            body = _json_or_none(resp.content)
            if resp.status_code == 403 and (error_of(body) or ("", ""))[1] == DEVICE_REVOKED:
                raise DeviceRevoked(DEVICE_REVOKED)
            if resp.status_code in (400, 401):
                raise AuthExpired(f"refresh refused: {(error_of(body) or ('', resp.status_code))}")
            if (
                resp.status_code != 200
                or not isinstance(body, dict)
                or not isinstance(body.get("access_token"), str)
                or not isinstance(body.get("refresh_token"), str)
            ):
                raise TransportError(f"token refresh: HTTP {resp.status_code}, not a token reply")
            self.credentials.save(
                {
                    **saved,
                    "access_token": body["access_token"],
                    "refresh_token": body["refresh_token"],
                    "expires_at": time.time() + float(body.get("expires_in", 0) or 0),
                }
            )
            return body["access_token"]


def _json_or_none(content: bytes) -> Any:
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        return None


@dataclass
class Exchange:
    """One completed request: the parsed body and what it cost on the wire."""

    body: Any
    status: int
    bytes_sent: int
    bytes_received: int


class Transport:
    """Posts DCI messages for one profile; shared by the SR and ESS connectors."""

    def __init__(
        self,
        session: requests.Session,
        tokens: Tokens | None,
        *,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        rng: random.Random | None = None,
    ):
        self.session = session
        self.session.verify = True
        self.session.headers.update(
            {"Accept": "application/json", "Accept-Encoding": "gzip, deflate", "User-Agent": "field-desk/0.1"}
        )
        self.tokens = tokens
        self.timeouts = timeouts or Timeouts()
        self.retry = retry or RetryPolicy()
        self.sleep = sleep or time.sleep
        self.cancelled = cancelled
        self.rng = rng or random.Random()
        self.bytes_sent = 0
        self.bytes_received = 0

    def post_dci(self, url: str, message: dict) -> Exchange:
        """POST a DCI message and return its JSON reply; retries what is safe to retry."""
        payload = orjson.dumps(message)
        last: TransportError | None = None
        refreshed = False
        attempt = 0
        while attempt < self.retry.attempts:
            if self.cancelled():
                raise Cancelled()
            token = self.tokens.access() if self.tokens else None
            try:
                exchange = self._once(url, payload, token)
            except _Unauthorized as exc:
                if refreshed or self.tokens is None:
                    raise AuthExpired(str(exc)) from None
                self.tokens.refresh(self.session, self.timeouts, token)
                refreshed = True
                continue  # not an attempt: the token was stale
            except NotDciError:
                raise  # a portal answers the same way every time; retrying only delays the message
            except TransportError as exc:
                last = exc
                attempt += 1
                if attempt >= self.retry.attempts:
                    break
                wait = self.retry.backoff(attempt, self.rng)
                if exc.retry_after is not None:
                    if exc.retry_after > self.retry.max_wait:
                        raise
                    wait = max(wait, exc.retry_after)
                log.info("retrying %s in %.2f s after: %s", url, wait, exc)
                self._wait(wait)
                continue
            return exchange
        assert last is not None
        raise last

    def _wait(self, seconds: float) -> None:
        """Sleep in slices so a cancel is noticed within a fraction of a second."""
        if self.sleep is not time.sleep:
            self.sleep(seconds)
            return
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self.cancelled():
                raise Cancelled()
            time.sleep(min(left, 0.1))

    def _once(self, url: str, payload: bytes, token: str | None) -> Exchange:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            resp = self.session.post(
                url,
                data=payload,
                headers=headers,
                timeout=(self.timeouts.connect, self.timeouts.read),
                allow_redirects=False,
            )
            content = resp.content
        except requests.RequestException as exc:
            raise TransportError(f"{type(exc).__name__}: {exc}") from exc
        sent = len(payload) + _header_bytes(resp.request.headers) if resp.request is not None else len(payload)
        received = _wire_bytes(resp, content)
        self.bytes_sent += sent
        self.bytes_received += received
        status = resp.status_code
        body = _json_or_none(content) if _is_json(resp) else None
        if status == 200:
            if (
                not isinstance(body, dict)
                or not isinstance(body.get("header"), dict)
                or not isinstance(body.get("message"), dict)
            ):
                raise NotDciError(
                    f"HTTP 200 from {url} is not a DCI envelope ({resp.headers.get('Content-Type', 'no content type')})"
                )
            return Exchange(body, status, sent, received)
        error = error_of(body)
        if status == 401:
            raise _Unauthorized(error[1] if error else "HTTP 401")
        if status == 403 and error and error[1] == DEVICE_REVOKED:
            raise DeviceRevoked(DEVICE_REVOKED)
        if status in (408, 425, 429) or status >= 500:
            raise TransportError(
                f"HTTP {status} from {url}", retry_after=retry_after_seconds(resp.headers.get("Retry-After"))
            )
        if error:
            raise ServerRefused(status, error[0], error[1])
        # a redirect or an error page without the DCI error envelope: not our server talking
        raise NotDciError(f"HTTP {status} from {url} without a DCI error envelope")


class Cancelled(Exception):
    """The user (or the scheduler) asked the run to stop."""


class _Unauthorized(Exception):
    pass


def _is_json(resp: requests.Response) -> bool:
    kind = resp.headers.get("Content-Type", "")
    return "json" in kind.lower()


def _header_bytes(headers) -> int:
    return sum(len(k) + len(str(v)) + 4 for k, v in headers.items()) + 40


def _wire_bytes(resp: requests.Response, content: bytes) -> int:
    """Bytes of the reply as they came over the wire (compressed), headers included."""
    raw = getattr(resp, "raw", None)
    body = None
    if raw is not None:
        try:
            body = raw.tell()
        except (AttributeError, OSError, ValueError):
            body = None
    if not body:
        body = int(resp.headers.get("Content-Length", 0) or 0) or len(content)
    return body + _header_bytes(resp.headers)
