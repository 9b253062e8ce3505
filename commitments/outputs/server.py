"""The HTTP server around :class:`~commitments.outputs.feeds.Feeds` (any :class:`Responder`):
the standard library's ``http.server``, hardened for the open internet.

- **A cap on open connections** (:data:`MAX_CONNECTIONS`, and never more than the open-file limit
  leaves room for). A connection past the cap closes the oldest one that is not being answered
  (waiting for a slow or idle client), so a flood of slow clients cannot lock out a new one; if
  every connection is being answered, the newcomer gets ``503`` at once.
- **Deadlines, not per-read timeouts**: a request (line, headers and body) must arrive whole within
  :data:`REQUEST_TIMEOUT` seconds of the connection (or, kept alive, of the last answer plus
  :data:`IDLE_TIMEOUT`), and an answer must be taken within :data:`WRITE_TIMEOUT`. One byte every
  few seconds does not keep a connection open.
- **Request framing**: a body is read (up to :data:`MAX_BODY` bytes) before the answer, or the
  connection is closed after it (``Connection: close``): a body is never read as a next request.
- **Out of file descriptors** (EMFILE on accept): close the oldest waiting connection and back off;
  never spin.
- **Logs** have control characters escaped (``\\x1b``): a request line cannot drive a terminal.

Why not a server library: the feeds are a few small GET routes behind a calendar app's polling;
these rules fit in one small module of the standard library's server, and the project adds a
dependency only where a library is clearly better (see the CHANGELOG).
"""

from __future__ import annotations

import contextlib
import errno
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, Protocol

import attrs

from commitments.errors import OutputError
from commitments.outputs.table import printable

try:
    import resource
except ImportError:  # Windows: no open-file limit to read
    resource = None  # type: ignore[assignment]

__all__ = [
    "IDLE_TIMEOUT",
    "MAX_BODY",
    "MAX_CONNECTIONS",
    "REQUEST_TIMEOUT",
    "WRITE_TIMEOUT",
    "FeedServer",
    "Responder",
    "Response",
    "make_server",
]

MAX_CONNECTIONS = 256
"""Open connections at most (fewer when the open-file limit is low)."""
REQUEST_TIMEOUT = 10.0
"""Seconds a client has to send a whole request, from its connection."""
IDLE_TIMEOUT = 15.0
"""Seconds a kept-alive connection waits for (the whole of) the next request."""
WRITE_TIMEOUT = 30.0
"""Seconds a client has to take an answer."""
MAX_BODY = 64 * 1024
"""The largest request body read (and thrown away); a larger one closes the connection."""

_FILES_PER_CONNECTION = 4  # its socket, and the store a request opens (database, WAL, shm)
_FILES_KEPT = 64  # for the server's own socket, the store, logs, imports
_OUT_OF_FILES = {errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM}
_BUSY_ANSWER = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n"
    b"Connection: close\r\n\r\n"
)


@attrs.frozen(kw_only=True)
class Response:
    """What to send back: status, headers and body (empty for HEAD and 304)."""

    status: int
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """The first header called ``name`` (any case), or ``None``."""
        for key, value in self.headers:
            if key.casefold() == name.casefold():
                return value
        return None


class Responder(Protocol):
    """What the server serves: :class:`~commitments.outputs.feeds.Feeds`, or a test's stand-in."""

    def respond(self, method: str, target: str, headers: dict[str, str]) -> Response: ...


def connection_budget(wanted: int = MAX_CONNECTIONS) -> int:
    """How many connections the open-file limit leaves room for, at most ``wanted``."""
    if resource is None:
        return wanted
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(4, min(wanted, (soft - _FILES_KEPT) // _FILES_PER_CONNECTION))


def _internal_error() -> Response:
    body = b"500 Internal Server Error: the feed could not be made; see the server's log\n"
    return Response(
        status=HTTPStatus.INTERNAL_SERVER_ERROR.value,
        headers=(
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
        ),
        body=body,
    )


class _Connection:
    """What the server knows of one open connection."""

    __slots__ = ("busy", "deadline", "opened")

    def __init__(self, deadline: float) -> None:
        self.opened = time.monotonic()
        self.deadline: float | None = deadline
        self.busy = False  # being answered: never evicted for a newcomer


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer
    protocol_version = "HTTP/1.1"
    server_version = "commitments"
    timeout = 30  # per read; the server's deadlines bound the whole

    def _take_body(self) -> None:
        """Read the request's body (small, well framed), or close after the answer."""
        lengths = self.headers.get_all("Content-Length") or []
        if self.headers.get("Transfer-Encoding") is not None or len(lengths) > 1:
            self.close_connection = True
            return
        if not lengths:
            return
        text = lengths[0].strip()
        if not text.isdigit() or int(text) > MAX_BODY:
            self.close_connection = True
            return
        remaining = int(text)
        while remaining:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                self.close_connection = True
                return
            remaining -= len(chunk)

    def _answer(self) -> None:
        """Answer one request: body read, store read and feed made, answer sent, each timed."""
        self._take_body()
        self.server.mark(self.request, busy=True, deadline=None)
        try:
            response = self.server.feeds.respond(
                self.command, self.path, dict(self.headers.items())
            )
        except Exception as exc:  # noqa: BLE001 - a bug: answer 500, not close without a word
            self.log_message("error answering %r: %r", self.path, exc)
            response = _internal_error()
        self.server.mark(self.request, busy=True, deadline=self.server.write_timeout)
        self.send_response(response.status)
        for key, value in response.headers:
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if response.body:
            self.wfile.write(response.body)
        self.wfile.flush()
        self.server.mark(self.request, busy=False, deadline=self.server.idle_timeout)

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _answer

    def __getattr__(self, name: str) -> Any:
        """Any other method (``PROPFIND``, ``BREW``) is answered too: 405, not the 501 that
        :class:`BaseHTTPRequestHandler` gives a method it has no ``do_`` for."""
        if name.startswith("do_"):
            return self._answer
        raise AttributeError(name)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.log is not None:
            self.server.log(printable(f"{self.address_string()} {format % args}"))


class FeedServer(socketserver.ThreadingMixIn, HTTPServer):
    """A threading HTTP server for a :class:`Responder`; :attr:`url` is where it listens."""

    daemon_threads = True
    block_on_close = False
    request_queue_size = 1024  # the listen backlog: a burst of connections waits, is not refused

    def __init__(
        self,
        address: tuple[str, int],
        feeds: Responder,
        *,
        log: Callable[[str], None] | None = None,
        max_connections: int = MAX_CONNECTIONS,
        request_timeout: float = REQUEST_TIMEOUT,
        idle_timeout: float = IDLE_TIMEOUT,
        write_timeout: float = WRITE_TIMEOUT,
    ) -> None:
        self.feeds = feeds
        self.log = log
        self.max_connections = connection_budget(max_connections)
        """Open connections at most (:func:`connection_budget` of the number asked for)."""
        self.request_timeout = request_timeout
        self.idle_timeout = idle_timeout
        self.write_timeout = write_timeout
        self.evicted = 0
        """Connections closed to make room, or past their deadline (for tests and logs)."""
        self.refused = 0
        """Connections answered 503 because every open one was being answered."""
        self.accept_failures = 0
        """Accepts that failed for want of file descriptors."""
        self._open: dict[socket.socket, _Connection] = {}
        self._lock = threading.Lock()
        self._closing = threading.Event()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, _Handler)
        self._watchdog = threading.Thread(
            target=self._watch, name="commitments-feeds-deadlines", daemon=True
        )
        self._watchdog.start()

    @property
    def url(self) -> str:
        """``http://host:port`` as bound (port 0 becomes the port the system chose)."""
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, (bytes, bytearray)) else str(host)
        return f"http://{'[' + name + ']' if ':' in name else name}:{port}"

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._open)

    # -- connections -------------------------------------------------------------------------

    def get_request(self) -> tuple[socket.socket, Any]:
        try:
            return super().get_request()
        except OSError as exc:
            if exc.errno in _OUT_OF_FILES:
                self.accept_failures += 1
                with self._lock:
                    made_room = self._evict()
                if not made_room:
                    self._closing.wait(0.05)  # back off: the listening socket stays readable
            raise

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            if len(self._open) >= self.max_connections and not self._evict():
                self.refused += 1
                room = False
            else:
                self._open[request] = _Connection(time.monotonic() + self.request_timeout)
                room = True
        if not room:
            try:
                request.setblocking(False)
                request.send(_BUSY_ANSWER)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except RuntimeError:  # no more threads: as if the cap were reached
            self.shutdown_request(request)

    def close_request(self, request: Any) -> None:
        with self._lock:
            self._open.pop(request, None)
        super().close_request(request)

    def mark(self, request: socket.socket, *, busy: bool, deadline: float | None) -> None:
        """Record that a connection is (or is no longer) being answered, and its next deadline
        (seconds from now; ``None`` for none)."""
        with self._lock:
            connection = self._open.get(request)
            if connection is not None:
                connection.busy = busy
                connection.deadline = None if deadline is None else time.monotonic() + deadline

    def _evict(self) -> bool:
        """Close the oldest connection not being answered (the lock held); whether there was one."""
        waiting = [(c.opened, id(s), s) for s, c in self._open.items() if not c.busy]
        if not waiting:
            return False
        _, _, oldest = min(waiting)
        self._drop(oldest)
        return True

    def _drop(self, request: socket.socket) -> None:
        """Close a connection's socket under its handler (which then ends); the lock held."""
        self._open.pop(request, None)
        self.evicted += 1
        with contextlib.suppress(OSError):
            request.shutdown(socket.SHUT_RDWR)

    def _watch(self) -> None:
        """Close connections past their deadline, four times a second."""
        while not self._closing.wait(0.25):
            now = time.monotonic()
            with self._lock:
                late = [
                    s for s, c in self._open.items() if c.deadline is not None and c.deadline < now
                ]
                for request in late:
                    self._drop(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """One escaped log line, not a traceback on stderr; a client that went away (or a
        connection closed for a deadline) is not an error."""
        error = sys.exc_info()[1]
        if isinstance(error, OSError) or self.log is None:
            return
        self.log(printable(f"{client_address[0]} error: {error!r}"))

    # -- running -----------------------------------------------------------------------------

    def start(self) -> threading.Thread:
        """Serve in a daemon thread (for tests and embedding); stop with :meth:`stop`."""
        thread = threading.Thread(
            target=self.serve_forever, args=(0.05,), name="commitments-feeds", daemon=True
        )
        thread.start()
        return thread

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self.shutdown()
        self.server_close()

    def server_close(self) -> None:
        self._closing.set()
        with self._lock:
            for request in list(self._open):
                self._drop(request)
        super().server_close()


def make_server(
    feeds: Responder,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    log: Callable[[str], None] | None = None,
    max_connections: int = MAX_CONNECTIONS,
    request_timeout: float = REQUEST_TIMEOUT,
    idle_timeout: float = IDLE_TIMEOUT,
) -> FeedServer:
    """A bound (not yet serving) :class:`FeedServer`; call ``serve_forever()`` or ``start()``."""
    try:
        return FeedServer(
            (host, port),
            feeds,
            log=log,
            max_connections=max_connections,
            request_timeout=request_timeout,
            idle_timeout=idle_timeout,
        )
    except OSError as exc:
        raise OutputError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}; "
            "choose another --port (0 picks a free one) or --host"
        ) from exc
