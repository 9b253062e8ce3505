"""Downloading a URL: one deadline for the whole download, and only safe redirects.

- ``timeout`` bounds the whole download (connecting, the headers and every byte of the body),
  not each read: a server that sends one byte every few seconds is cut off at the deadline.
- A URL that cannot be parsed (``http://x:notaport/``, ``http://a b/``, ``http://[::1``) is an
  :class:`~commitments.errors.InputError` naming it, before anything is sent.
- Redirects go only to http(s) URLs, and to a loopback, private, link-local or otherwise
  reserved address only when the URL asked for was itself such an address (a feed on
  ``http://127.0.0.1:8000/`` may redirect within the machine; a public feed may not send the
  reader to ``http://127.0.0.1/admin`` or to ``ftp://``).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from commitments.errors import InputError

__all__ = ["MAX_BYTES", "USER_AGENT", "check_url", "fetch"]

USER_AGENT = "commitments (+https://pypi.org/project/commitments/)"
MAX_BYTES = 50 * 1024 * 1024
"""The most bytes a download may have (a feed holds many documents)."""
_CHUNK = 64 * 1024


def check_url(url: str, *, source: str | None = None) -> str:
    """The host of an http(s) ``url``; an :class:`InputError` naming ``source`` (else ``url``)
    if it is not a URL that can be fetched."""
    source = source or url
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise InputError(
            "is not a valid URL: it holds a blank or a control character (write a space as %20)",
            source=source,
        )
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError as exc:
        raise InputError(f"is not a valid URL ({exc})", source=source) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError("only http:// and https:// URLs can be read", source=source)
    if not parts.hostname:
        raise InputError("is not a valid URL: it names no host", source=source)
    return parts.hostname


def is_internal(host: str) -> bool:
    """Whether ``host`` is, or resolves to, a loopback, private, link-local or reserved address
    (a name that does not resolve is not: connecting to it fails anyway)."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False  # the connection will fail and say so
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if not address.is_global or address.is_multicast:
            return True
    return False


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to an http(s) URL, and only inward if the first URL was inward."""

    def __init__(self, origin: str, internal_ok: bool) -> None:
        self.origin = origin
        self.internal_ok = internal_ok

    def http_error_302(  # the 301, 303, 307 and 308 handlers are this one
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any
    ) -> Any:
        location = headers.get("location") or headers.get("uri")
        if location:
            self.check(req.full_url, location, fp)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        self.check(req.full_url, newurl, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)

    def check(self, base: str, location: str, response: Any) -> None:
        """An :class:`InputError` (the redirect ``response`` closed) unless a redirect from
        ``base`` to ``location`` may be followed."""
        try:
            self._check(base, location)
        except InputError:
            if response is not None:
                response.close()
            raise

    def _check(self, base: str, location: str) -> None:
        short = location if len(location) <= 200 else location[:200] + "…"
        try:
            host = check_url(urllib.parse.urljoin(base, location))
        except ValueError as exc:  # InputError too
            reason = exc.message if isinstance(exc, InputError) else f"is not a valid URL ({exc})"
            raise InputError(
                f"redirects to {short!r}, which cannot be followed ({reason})", source=self.origin
            ) from None
        if not self.internal_ok and is_internal(host):
            raise InputError(
                f"redirects to {short!r}, a loopback, private or reserved address; a public URL"
                " may not lead there",
                source=self.origin,
            )


def fetch(url: str, *, timeout: float = 30.0) -> bytes:
    """The body at an http(s) ``url``, downloaded within ``timeout`` seconds in all; an
    :class:`InputError` that says why if it cannot be had."""
    host = check_url(url)
    outcome: list[bytes | BaseException] = []
    cancelled = threading.Event()

    def download() -> None:
        try:
            outcome.append(_download(url, host, timeout, cancelled))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            outcome.append(exc)

    worker = threading.Thread(target=download, name=f"fetch {url[:80]}", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        cancelled.set()  # the worker stops at its next read (each read has the timeout too)
        raise InputError(
            f"was not downloaded within {timeout:g} seconds; try again later or download it first",
            source=url,
        )
    result = outcome[0]
    if isinstance(result, bytes):
        return result
    raise _explained(result, url, timeout) from None


def _download(url: str, host: str, timeout: float, cancelled: threading.Event) -> bytes:
    opener = urllib.request.build_opener(_Redirects(url, is_internal(host)))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    chunks: list[bytes] = []
    size = 0
    with opener.open(request, timeout=timeout) as response:
        while not cancelled.is_set():
            chunk: bytes = response.read1(_CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BYTES:
                raise InputError(
                    f"is larger than {MAX_BYTES // 2**20} MiB; download it first", source=url
                )
    return b"".join(chunks)


def _explained(exc: BaseException, url: str, timeout: float) -> BaseException:
    """The error to raise for what the download raised."""
    if isinstance(exc, InputError):
        return exc
    if isinstance(exc, urllib.error.HTTPError):
        exc.close()  # it holds the response and its socket
        return InputError(f"the server answered HTTP {exc.code} {exc.reason}", source=url)
    if isinstance(exc, urllib.error.URLError):
        if isinstance(exc.reason, InputError):
            return exc.reason
        return InputError(f"cannot be fetched: {exc.reason}", source=url)
    if isinstance(exc, TimeoutError):
        return InputError(f"no answer within {timeout:g} seconds", source=url)
    if isinstance(exc, Exception):
        reason = " ".join(str(exc).split())[:200]
        return InputError(f"cannot be fetched ({type(exc).__name__}: {reason})", source=url)
    return exc  # KeyboardInterrupt and the like
