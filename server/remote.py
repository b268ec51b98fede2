"""HTTP to an upstream SPARQL store: kept-alive connections, time limits, and its failures as one line.

Each producer thread keeps one connection per upstream host and reuses it for its next request
(a SPARQL query over loopback costs less than opening a TCP connection). A connection the
upstream closed while idle is reopened once. Every way the upstream can fail becomes an
``IsnadError`` saying which: unreachable or answering 5xx (502), not answering in time (504),
refusing the query itself (400, with the upstream's reason).
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.parse
from collections.abc import Mapping

from kg.errors import GatewayTimeout, InputError, IsnadError, NotFound, QueryError, RemoteError
from server.answer import Answer

#: Characters of an upstream's error body quoted in the one-line message.
DETAIL_CHARS = 300


def check_url(url: str, option: str) -> str:
    """``url`` when it is an absolute http(s) URL.

    Raises:
        InputError: it is not.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{option} '{url}' is not an http(s) URL.")
    return url


def media_type_of(response: http.client.HTTPResponse) -> str:
    """The response's media type, lower case, without parameters."""
    return (response.getheader("Content-Type") or "").split(";")[0].strip().lower()


class Body:
    """An upstream response's body as a binary file for pyoxigraph's parsers.

    A read that fails (the upstream stalls past the time limit, drops the connection) is kept as
    ``error``, the ``IsnadError`` that tells it: the parser reading this file raises its own
    exception around it, which says less.
    """

    def __init__(self, response: http.client.HTTPResponse, endpoint: Endpoint, url: str):
        self.response, self.endpoint, self.url = response, endpoint, url
        self.error: IsnadError | None = None

    def read(self, size: int = -1) -> bytes:
        """Read up to ``size`` bytes (all, when negative)."""
        try:
            return self.response.read(size if size >= 0 else None)
        except TimeoutError:
            self.error = self.endpoint.timed_out(self.url)
        except (OSError, http.client.HTTPException) as exc:
            self.error = RemoteError(f"The upstream store at {self.url} broke off its answer: {exc}")
        raise self.error

    def failure(self, exc: BaseException) -> IsnadError:
        """What went wrong, for the exception a parser raised while reading this body."""
        if self.error is not None:
            return self.error
        return RemoteError(f"The upstream store at {self.url} sent an answer that cannot be read: {_one_line(exc)}")


class Endpoint:
    """The upstream's URLs and how to talk to them.

    Args:
        headers: sent with every request (``Authorization``, ...).
        timeout: seconds to wait for the upstream at each step (connecting, each read).
    """

    def __init__(self, headers: Mapping[str, str], timeout: float):
        self.headers = {"User-Agent": "isnad (kg serve --upstream)", **headers}
        self.timeout = timeout
        self._local = threading.local()

    def request(self, method: str, url: str, body: bytes | None, content_type: str | None, accept: str,
                answer: Answer | None = None) -> Body:
        """Send one request; the body of its 2xx answer.

        Args:
            answer: the answer the response is read for: giving it up closes the connection, so
                that a producer blocked reading stops at once.

        Raises:
            RemoteError: the upstream cannot be reached or answered an error other than 400 / 404.
            GatewayTimeout: it did not answer within the time limit.
            QueryError: it answered 400 (the query itself is refused), with its reason.
            NotFound: it answered 404 to a GET (no such graph).
        """
        parts = urllib.parse.urlsplit(url)
        target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        headers = {**self.headers, "Accept": accept}
        if content_type:
            headers["Content-Type"] = content_type
        connections: dict[str, http.client.HTTPConnection] = self._local.__dict__.setdefault("open", {})
        key = f"{parts.scheme}://{parts.netloc}"
        while True:
            reused = key in connections
            connection = connections.get(key) or self._connect(parts)
            connections[key] = connection
            try:
                connection.request(method, target, body=body, headers=headers)
                response = connection.getresponse()
                break
            except TimeoutError:
                self._drop(key)
                raise self.timed_out(url) from None
            except (OSError, http.client.HTTPException) as exc:
                self._drop(key)
                # A kept-alive connection may have been closed by the upstream while idle, or left
                # mid-answer by a request given up on: open a fresh one, once.
                if not reused:
                    reason = getattr(exc, "strerror", None) or exc
                    raise RemoteError(f"Cannot reach the upstream store at {url}: {reason}") from None
        if answer is not None:
            answer.on_cancel = lambda: _shut(connection)
        if response.status // 100 != 2:
            self._refuse(url, method, response)
        return Body(response, self, url)

    def timed_out(self, url: str) -> GatewayTimeout:
        """The error of an upstream that did not answer in time."""
        return GatewayTimeout(
            f"The upstream store at {url} did not answer within {self.timeout:g} s; "
            "narrow the query (more specific patterns, a LIMIT)."
        )

    def _refuse(self, url: str, method: str, response: http.client.HTTPResponse) -> None:
        try:
            detail = _one_line(response.read(64 << 10).decode("utf-8", errors="replace"))[:DETAIL_CHARS]
        except (OSError, http.client.HTTPException):
            detail = ""
        if response.status == 400:
            raise QueryError(f"The upstream store refused the query: {detail or response.reason}")
        if response.status == 404 and method == "GET":
            raise NotFound(f"The upstream store at {url} has no such graph.")
        raise RemoteError(f"The upstream store at {url} answered {response.status} {response.reason}: {detail}")

    def _connect(self, parts: urllib.parse.SplitResult) -> http.client.HTTPConnection:
        kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        return kind(parts.hostname, parts.port, timeout=self.timeout)

    def _drop(self, key: str) -> None:
        connection = self._local.open.pop(key, None)
        if connection is not None:
            connection.close()


def _shut(connection: http.client.HTTPConnection) -> None:
    """Stop a read in progress on ``connection`` from another thread (closing alone does not wake it)."""
    if connection.sock is not None:
        with contextlib.suppress(OSError):
            connection.sock.shutdown(socket.SHUT_RDWR)


def _one_line(text: object) -> str:
    return " ".join(str(text).split())
