"""A fault-injecting TCP proxy for loopback tests: latency, bandwidth cap, reset, hang, fake replies.

It understands just enough HTTP/1.1 (request line, headers, ``Content-Length`` bodies) to apply
a fault to one request on a keep-alive connection: the faults themselves happen on the TCP
stream — bytes delayed, throttled, cut by a reset (``SO_LINGER`` 0) after N bytes, or never
sent. Rules are consumed in order; a request no rule matches is forwarded untouched.
Threads are bounded (one per client connection, at most ``max_connections``); everything is
closed by ``stop``.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Fault:
    """What to do with the next ``times`` requests whose path contains ``path``."""

    path: str = ""
    times: int = 1
    #: forward the request, then reset the client connection before any reply byte (lost ack)
    drop_reply: bool = False
    #: forward, send this many reply bytes, then reset
    reset_after: int | None = None
    #: never answer (the connection stays open until the proxy stops or ``hang_s`` passes)
    hang: bool = False
    hang_s: float = 30.0
    #: answer this raw HTTP reply without contacting the server (captive portal, 503)
    reply: bytes | None = None
    #: forward the request but do not count it (e.g. to let a token call through)
    seen: int = 0


def http_reply(status: str, body: bytes, content_type: str, extra: dict | None = None) -> bytes:
    headers = {"Content-Type": content_type, "Content-Length": str(len(body)), **(extra or {})}
    return (f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n").encode() + body


PORTAL_PAGE = http_reply(
    "200 OK",
    b"<html><head><title>Hotel Wi-Fi</title></head><body>Please log in to continue.</body></html>",
    "text/html; charset=utf-8",
)


def unavailable(retry_after: int) -> bytes:
    return http_reply("503 Service Unavailable", b"", "text/plain", {"Retry-After": str(retry_after)})


@dataclass
class Link:
    """Conditions on every reply byte: latency per chunk and a bandwidth cap."""

    latency_s: float = 0.0
    bytes_per_s: float | None = None
    chunk: int = 16384


class FaultProxy:
    def __init__(self, upstream_port: int, *, link: Link | None = None, max_connections: int = 32):
        self.upstream = ("127.0.0.1", upstream_port)
        self.link = link or Link()
        self.max_connections = max_connections
        self.faults: list[Fault] = []
        self.requests: list[tuple[str, str]] = []
        self.on_request: Callable[[str, str, bytes], None] | None = None
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._sockets: set[socket.socket] = set()
        self._accept = threading.Thread(target=self._serve, name="fault-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(self, fault: Fault) -> Fault:
        with self._lock:
            self.faults.append(fault)
        return fault

    def start(self) -> FaultProxy:
        self._accept.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._accept.join(timeout=5)
        with self._lock:
            sockets = list(self._sockets)
        for s in sockets:
            _close(s)
        for t in list(self._threads):
            t.join(timeout=5)
        self._listener.close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- plumbing --------------------------------------------------------------------------

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._threads = [t for t in self._threads if t.is_alive()]
            if len(self._threads) >= self.max_connections:
                _close(client, reset=True)
                continue
            t = threading.Thread(target=self._connection, args=(client,), daemon=True)
            self._threads.append(t)
            t.start()

    def _track(self, s: socket.socket) -> None:
        with self._lock:
            self._sockets.add(s)

    def _fault_for(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.times > 0 and fault.path in path:
                    fault.times -= 1
                    fault.seen += 1
                    return fault
        return None

    def _connection(self, client: socket.socket) -> None:
        self._track(client)
        client.settimeout(0.5)
        server = None
        try:
            buf = b""
            while not self._stop.is_set():
                request, buf = _read_message(client, buf, self._stop)
                if request is None:
                    return
                method, path = _request_line(request)
                with self._lock:
                    self.requests.append((method, path))
                if self.on_request is not None:
                    self.on_request(method, path, request)
                fault = self._fault_for(path)
                if fault is not None and fault.reply is not None:
                    self._send(client, fault.reply)
                    continue
                if fault is not None and fault.hang:
                    self._stop.wait(fault.hang_s)
                    _close(client, reset=True)
                    return
                if server is None:
                    server = socket.create_connection(self.upstream, timeout=30)
                    self._track(server)
                server.sendall(request)
                reply, _ = _read_message(server, b"", self._stop, timeout=60)
                if reply is None:
                    _close(client, reset=True)
                    return
                if fault is not None and fault.drop_reply:
                    _close(client, reset=True)
                    return
                if fault is not None and fault.reset_after is not None:
                    self._send(client, reply[: fault.reset_after])
                    _close(client, reset=True)
                    return
                self._send(client, reply)
        except OSError:
            pass
        finally:
            _close(client)
            if server is not None:
                _close(server)

    def _send(self, client: socket.socket, data: bytes) -> None:
        link = self.link
        if not link.latency_s and not link.bytes_per_s:
            client.sendall(data)
            return
        for start in range(0, len(data), link.chunk):
            piece = data[start : start + link.chunk]
            delay = link.latency_s + (len(piece) / link.bytes_per_s if link.bytes_per_s else 0)
            if self._stop.wait(delay):
                return
            client.sendall(piece)


def _request_line(message: bytes) -> tuple[str, str]:
    line = message.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split(" ")
    return (parts[0], parts[1]) if len(parts) >= 2 else ("", "")


def _read_message(
    sock: socket.socket, buf: bytes, stop: threading.Event, timeout: float = 3600
) -> tuple[bytes | None, bytes]:
    """One HTTP message (head + Content-Length body) from ``sock``; None when it closed."""
    deadline = time.monotonic() + timeout
    while b"\r\n\r\n" not in buf:
        chunk = _recv(sock, stop, deadline)
        if not chunk:
            return None, b""
        buf += chunk
    head, rest = buf.split(b"\r\n\r\n", 1)
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = _recv(sock, stop, deadline)
        if not chunk:
            return None, b""
        rest += chunk
    return head + b"\r\n\r\n" + rest[:length], rest[length:]


def _recv(sock: socket.socket, stop: threading.Event, deadline: float) -> bytes:
    while not stop.is_set() and time.monotonic() < deadline:
        try:
            return sock.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            return b""
    return b""


def _close(s: socket.socket, reset: bool = False) -> None:
    try:
        if reset:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
    except OSError:
        pass


__all__ = ["PORTAL_PAGE", "Fault", "FaultProxy", "Link", "http_reply", "unavailable"]
