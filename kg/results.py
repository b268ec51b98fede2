"""Writing SPARQL results: standard result formats, RDF for graph results, a table for people."""

from __future__ import annotations

from typing import IO

import pyoxigraph as ox

from kg.errors import InputError
from kg.rdf import get_format
from kg.store import RESULT_FORMATS, evaluation_error, rdf_format_of

#: What a graph result (CONSTRUCT/DESCRIBE) is written as when a tabular format was asked for.
_GRAPH_FALLBACK = {"table": "turtle", "json": "jsonld", "csv": "ntriples", "tsv": "ntriples"}


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    return str(getattr(term, "value", term))


def render_table(variables: list[str], rows: list[list[str]]) -> str:
    """A plain text table with a header line (right-to-left text is left as is)."""
    widths = [max([len(v)] + [len(row[i]) for row in rows]) for i, v in enumerate(variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines) + "\n"


def write_results(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str, out: IO[bytes], sparql: str = ""
) -> None:
    """Write query results to ``out`` in ``fmt``.

    Results are evaluated as they are written, so this is where a SERVICE endpoint that cannot
    be reached fails; ``sparql`` (the query) tells that failure from the store's.

    Raises:
        InputError: the format does not fit the kind of result.
        RemoteError: a SERVICE endpoint the query calls could not be reached or answered badly.
        StoreError: the store failed while the results were read.
    """
    try:
        _write_results(result, fmt.lower(), out)
    except OSError as exc:
        if exc.errno is not None:  # ``out`` failed (a closed pipe), not the evaluation
            raise
        raise evaluation_error(exc, sparql) from None


def _write_results(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str, out: IO[bytes]) -> None:
    if isinstance(result, ox.QueryTriples):
        result.serialize(out, rdf_format_of(get_format(_GRAPH_FALLBACK.get(fmt, fmt))))
        return
    if fmt == "table":
        if isinstance(result, ox.QueryBoolean):
            out.write(b"true\n" if bool(result) else b"false\n")
            return
        variables = [v.value for v in result.variables]
        rows = [[_cell(solution[v]) for v in variables] for solution in result]
        out.write(render_table(variables, rows).encode("utf-8"))
        return
    if fmt not in RESULT_FORMATS:
        raise InputError(f"Unknown result format '{fmt}'; choose one of: table, {', '.join(RESULT_FORMATS)}.")
    result.serialize(out, RESULT_FORMATS[fmt])
