"""Dumps every RDF parser reads the same: no prefixed name in Turtle or TriG carries an escape.

Turtle lets a prefixed name escape characters of its local part (``res:person\\/x``). That is
valid, but Virtuoso 7.2 (Debian's) keeps the backslash in the IRI it stores: loading such a dump
of the seeds, 4,995 of 5,150 quads got wrong IRIs. So Turtle and TriG dumps do not declare
``res:`` (every resource IRI has a "/" after it, so every one needed an escape) and write those
IRIs in full; the vocabularies keep their prefixes, their terms being plain names. An IRI under
one of them whose local part would still need an escape (a dump loaded from elsewhere can hold
any) is written in full too, by ``FullIriWriter`` rewriting the serialiser's output as it streams.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import pyoxigraph as ox

from kg.rdf import PREFIXES, Format

#: Formats whose serialiser writes prefixed names.
_TERSE = ("turtle", "trig")
#: Formats with no prefixes at all.
_LINE_BASED = ("nquads", "ntriples")
#: Characters a local name can carry only escaped (Turtle's PN_LOCAL_ESC), as a regex class body.
_ESCAPABLE = rb"_~.\-!$&'()*+,;=/?#@%"


def dump_prefixes(fmt: Format) -> dict[str, str] | None:
    """The prefixes a dump in ``fmt`` declares; None for the line-based formats."""
    if fmt.name in _LINE_BASED:
        return None
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    if fmt.name in _TERSE:
        del prefixes["res"]
    return prefixes


class FullIriWriter:
    """A binary file object writing to ``out`` what a Turtle or TriG serialiser writes to it,
    with every prefixed name that carries an escape written as a full IRI instead.

    The serialiser puts whitespace around every name, and escapes each backslash of a literal as
    a pair, so a backslash then an escapable character after a prefix and its colon is always an
    escaped name. Lines are rewritten whole: a name never spans two of the serialiser's writes.

    Args:
        out: where the dump goes.
        prefixes: the prefixes the serialiser was given.
    """

    def __init__(self, out: IO[bytes], prefixes: dict[str, str]):
        self.out = out
        self._namespaces = {name.encode(): namespace.encode() for name, namespace in prefixes.items()}
        names = b"|".join(re.escape(name) for name in sorted(self._namespaces, key=len, reverse=True))
        plain, escape = rb"[^\s\\]", rb"\\[" + _ESCAPABLE + rb"]"
        self._escaped_name = re.compile(
            rb"(?<![^\s^])(" + names + rb"):((?:" + plain + b"|" + escape + rb")*" + escape
            + rb"(?:" + plain + b"|" + escape + rb")*)"
        )
        self._pending = b""

    def _full_iri(self, match: re.Match[bytes]) -> bytes:
        local = re.sub(rb"\\(.)", rb"\1", match.group(2))
        return b"<" + self._namespaces[match.group(1)] + local + b">"

    def write(self, data: bytes) -> int:
        """Write the complete lines of what has come so far; keep the rest for the next write."""
        text = self._pending + bytes(data)
        end = text.rfind(b"\n") + 1
        self._pending = text[end:]
        self._write_lines(text[:end])
        return len(data)

    def _write_lines(self, text: bytes) -> None:
        if b"\\" in text:
            text = self._escaped_name.sub(self._full_iri, text)
        if text:
            self.out.write(text)

    def flush(self) -> None:
        """Nothing to do until ``close``: a partial line is held back on purpose."""

    def close(self) -> None:
        """Write what is left (a last line without a newline)."""
        self._write_lines(self._pending)
        self._pending = b""


@contextmanager
def dump_writer(out: IO[bytes], fmt: Format) -> Iterator[IO[bytes] | FullIriWriter]:
    """What a serialiser given ``dump_prefixes(fmt)`` writes a dump in ``fmt`` to, for ``out``.

    A dump that fails midway is not completed: the held-back end of a Turtle or TriG dump is
    written only when the serialiser returns.
    """
    if fmt.name not in _TERSE:
        yield out
        return
    writer = FullIriWriter(out, dump_prefixes(fmt) or {})
    yield writer
    writer.close()


#: Every subject of the named graphs, once (what ``union_triples`` walks).
_GRAPH_SUBJECTS = "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"


def union_triples(native: ox.Store) -> Iterator[ox.Triple]:
    """Each distinct triple of the store's named graphs once, streamed.

    A DISTINCT over whole triples would hold every triple in memory (about 700 MB per million);
    this holds only the subjects. Each subject's quads come from the on-disk store's
    subject-first index, sorted by (predicate, object, graph), so the copies of a triple found in
    several article graphs are adjacent and comparing each with the previous one drops them.
    """
    for row in native.query(_GRAPH_SUBJECTS):
        previous = None
        for quad in native.quads_for_pattern(row[0], None, None, None):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                continue
            triple = quad.triple
            if triple != previous:
                yield triple
            previous = triple
