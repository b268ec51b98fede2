"""Loading RDF dumps (N-Triples, N-Quads, Turtle, TriG) with Oxigraph's native bulk loader.

Oxigraph's bulk loader writes as it goes and is not a transaction, so every file is parsed
once, without touching the store, before anything is loaded: a syntax error anywhere in any
file leaves the store as it was. The check pass is the native parser alone, a fraction of the
load's time.

Triples outside a named graph (every triple of N-Triples and Turtle, default-graph quads of
N-Quads and TriG) go into a named graph - the one given, else the file's ``file:`` IRI - so they
export and drop like any other graph.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError
from kg.rdf import FORMATS, Format, get_format
from kg.store import GraphStore, rdf_format_of

#: The formats ``kg load`` reads, by canonical name.
LOADABLE = ("ntriples", "nquads", "turtle", "trig")


@dataclass
class LoadReport:
    """What one load did."""

    files: int = 0
    quads: int = 0  #: statements read (a statement already in the store counts, but is stored once)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: quads, files, seconds."""
        return f"Loaded {self.quads} quads from {self.files} files in {self.seconds:.2f} s"


def format_of(path: Path, name: str | None = None) -> Format:
    """The format of a dump: the one named, else the one its extension says.

    Raises:
        InputError: the format is unknown or not one ``kg load`` reads.
    """
    readable = ", ".join(LOADABLE)
    if name is not None:
        fmt = get_format(name)
    else:
        fmt = FORMATS.get(path.suffix.lstrip(".").lower())
        if fmt is None:
            raise InputError(f"{path}: cannot tell the format from the file name; kg load reads {readable} (--format).")
    if fmt.name not in LOADABLE:
        raise InputError(f"{path}: kg load reads {readable}, not {fmt.name}.")
    return fmt


def check_file(path: Path, fmt: Format) -> int:
    """Parse a dump without loading it.

    Returns:
        How many quads it holds.

    Raises:
        InputError: the file is missing, unreadable or not valid ``fmt``; the message gives the
            parser's position.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file.")
    try:
        return sum(1 for _ in ox.parse(path=path, format=rdf_format_of(fmt), base_iri=path.resolve().as_uri()))
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid {fmt.name}: {' '.join(str(exc).split())}") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}).") from None


def load(
    paths: Iterable[str | Path], store_path: Path, fmt: str | None = None, graph: str | None = None
) -> LoadReport:
    """Check every dump, then open the store and bulk-load them all into it.

    Args:
        paths: the dump files.
        store_path: the store's directory (created when missing, once every file checks out).
        fmt: the format of every file (default: from each file's extension).
        graph: the named graph for triples outside a named graph (default: each file's IRI).

    Raises:
        InputError: a file is missing or invalid; the store was not opened.
        StoreError: the store cannot be opened, or writing failed part way.
    """
    started = time.perf_counter()
    files = [(Path(p), format_of(Path(p), fmt)) for p in paths]
    report = LoadReport(files=len(files), quads=sum(check_file(path, file_fmt) for path, file_fmt in files))
    with GraphStore(store_path) as store:
        for path, file_fmt in files:
            store.bulk_load(path, file_fmt, graph or path.resolve().as_uri())
    report.seconds = time.perf_counter() - started
    return report
