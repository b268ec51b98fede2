"""Telling when an HTTP/1.x request has arrived whole, from bytes as they come in.

The server's front (``server/front.py``) buffers each request on its event loop and hands it to a
thread only once ``RequestReader.complete``. The reader only frames: it finds the end of the
headers, then of a body by ``Content-Length`` or by chunks. Anything it cannot frame (a malformed
length, a chunk size that is not hex, both framings at once) is handed on as it is, for gunicorn's
parser to answer 400 from the bytes already there. Each byte is scanned once, however thinly the
client slices its request.
"""

from __future__ import annotations

import re

#: Bytes of request line and headers allowed besides the request line's query string (which
#: may be as long as a body, ``--max-request-bytes``; the app answers 414 above that).
HEAD_ALLOWANCE = 64 << 10
#: Longest chunk-size line (with extensions) a chunked body may carry.
MAX_CHUNK_LINE = 1024


#: The header fields that frame a request's body, or ask for "100 Continue" before it is sent.
_FRAMING_FIELD = re.compile(rb"\r\n(content-length|transfer-encoding|expect)[ \t]*:([^\r]*)", re.IGNORECASE)

_EXPECT_FIELD = re.compile(rb"\r\nexpect[ \t]*:[^\r]*", re.IGNORECASE)


class Refusal(Exception):
    """A request the front answers itself, with a status and a one-line message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


class RequestReader:
    """One request's bytes as they arrive, and whether they make a whole request yet.

    Args:
        max_body: the largest body accepted (``--max-request-bytes``); a longer one is refused.
        data: bytes already received (a pipelined request read with the one before it).
    """

    def __init__(self, max_body: int, data: bytes = b""):
        self.max_body = max_body
        self.data = bytearray()
        #: Index just past the blank line ending the headers, once it has arrived.
        self.head_end: int | None = None
        #: Whether the client waits for "100 Continue" before it sends its body.
        self.expects_continue = False
        self.complete = False
        self._scanned = 0
        self._body_end = 0  # with Content-Length: index just past the body
        self._chunk_at: int | None = None  # chunked: index of the next chunk-size or trailer line
        self._in_trailer = False
        self._body_bytes = 0
        if data:
            self.feed(data)

    def feed(self, data: bytes) -> None:
        """Add received bytes.

        Raises:
            Refusal: the request is over a size limit (414 request line, 431 headers, 413 body).
        """
        self.data += data
        if self.complete:
            return  # a pipelined request behind this one: gunicorn's parser keeps it for later
        if self.head_end is None:
            end = self.data.find(b"\r\n\r\n", max(0, self._scanned - 3))
            if end < 0:
                self._scanned = len(self.data)
                if self._scanned > self.max_body + HEAD_ALLOWANCE:
                    if self.data.find(b"\r\n") < 0:  # still in the request line: its URI is too long
                        raise Refusal(414, "The query string is too long; POST the query instead.")
                    raise Refusal(431, "The request line and headers are too long; POST the query instead.")
                return
            self.head_end = end + 4
            self._read_head(bytes(self.data[: self.head_end]))
        if self._chunk_at is not None:
            self._walk_chunks()
        elif len(self.data) >= self._body_end:
            self.complete = True

    def drop_expectation(self) -> None:
        """Take the Expect field out of the head, once the front has answered "100 Continue" itself
        (gunicorn would send a second one)."""
        assert self.head_end is not None
        head = _EXPECT_FIELD.sub(b"", bytes(self.data[: self.head_end]))
        self.data[: self.head_end] = head
        shift = self.head_end - len(head)
        self.head_end -= shift
        self._body_end -= shift
        if self._chunk_at is not None:
            self._chunk_at -= shift
        self.expects_continue = False

    def _read_head(self, head: bytes) -> None:
        length: bytes | None = None
        chunked = False
        for found in _FRAMING_FIELD.finditer(head):
            name, value = found.group(1).lower(), found.group(2).strip().lower()
            if name == b"content-length":
                length = value
            elif name == b"transfer-encoding":
                chunked = chunked or b"chunked" in value
            else:
                self.expects_continue = value == b"100-continue" and head.split(b"\r\n", 1)[0].endswith(b"HTTP/1.1")
        self._body_end = self.head_end or 0
        if chunked and length is None:
            self._chunk_at = self._body_end
        elif length is not None and not chunked and length.isdigit():
            if int(length) > self.max_body:
                raise _too_large(self.max_body)
            self._body_end += int(length)
        # else: no body, or framing gunicorn refuses (both, or a malformed length): hand it on

    def _walk_chunks(self) -> None:
        while self._chunk_at is not None:
            at = self._chunk_at
            line_end = self.data.find(b"\r\n", at, at + MAX_CHUNK_LINE)
            if line_end < 0:
                if len(self.data) - at >= MAX_CHUNK_LINE:
                    self.complete = True  # a chunk line this long is malformed: gunicorn says 400
                return
            if self._in_trailer:
                if line_end == at:  # the blank line after the last chunk and its trailers
                    self.complete = True
                    return
                self._chunk_at = line_end + 2
                continue
            try:
                size = int(bytes(self.data[at:line_end]).split(b";")[0].strip(), 16)
            except ValueError:
                self.complete = True
                return
            if self._body_bytes + size > self.max_body:
                raise _too_large(self.max_body)
            if size == 0:
                self._in_trailer = True
                self._chunk_at = line_end + 2
                continue
            next_at = line_end + 2 + size + 2
            if len(self.data) < next_at:
                return
            self._body_bytes += size
            self._chunk_at = next_at


def _too_large(limit: int) -> Refusal:
    return Refusal(413, f"The request body is over the {limit}-byte limit.")
