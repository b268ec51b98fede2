"""SPARQL results as pandas DataFrames, from a store or a remote endpoint, for notebooks.

Both sources give SPARQL 1.1 JSON results, so one conversion types every cell: integers and
decimals become numbers, ``xsd:boolean`` booleans, ``xsd:date``/``xsd:dateTime`` timestamps, and
the partial dates the graph writes when the text gives no day (``xsd:gYearMonth``, ``xsd:gYear``)
pandas Periods, so no precision is invented. A column of IRIs gets the Arabic and English labels
of its resources beside it.
"""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.errors import InputError, QueryError, RemoteError
from kg.rdf import labels_query

if TYPE_CHECKING:
    import pandas as pd

    from kg.store import GraphStore

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger",
    "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
}
#: IRIs labelled per query sent: a VALUES block this long stays well inside a POST body limit.
_LABEL_BATCH = 500

Fetch = Callable[[str], dict]


def _pandas():  # type: ignore[no-untyped-def]
    try:
        import pandas
    except ImportError:
        raise InputError("DataFrames need pandas: pip install 'isnad[notebook]'.") from None
    return pandas


def _cell(term: dict | None, pd) -> object:  # type: ignore[no-untyped-def]
    """One SPARQL JSON term as a Python value (None when unbound)."""
    if term is None:
        return None
    value = term["value"]
    if term["type"] == "bnode":
        return "_:" + value
    datatype = term.get("datatype", "")
    if term["type"] != "literal" or not datatype.startswith(_XSD):
        return value
    name = datatype[len(_XSD):]
    try:
        if name in _INTEGERS:
            return int(value)
        if name in ("decimal", "double", "float"):
            return float(value)
        if name == "boolean":
            return value in ("true", "1")
        if name in ("date", "dateTime"):
            return pd.Timestamp(value)
        if name in ("gYearMonth", "gYear"):
            return pd.Period(value, freq="M" if name == "gYearMonth" else "Y")
    except ValueError:
        pass  # an ill-typed literal ("12a"^^xsd:integer) stays as written
    return value


def _typed_column(values: list, pd):  # type: ignore[no-untyped-def]
    """The pandas column for ``values``: a numeric, boolean or datetime dtype when they all fit one."""
    present = [v for v in values if v is not None]
    kinds = {type(v) for v in present}
    if kinds == {bool}:
        return pd.array(values, dtype="boolean")
    if kinds == {int}:
        return pd.array(values, dtype="Int64")
    if kinds and kinds <= {int, float}:
        return pd.array([None if v is None else float(v) for v in values], dtype="Float64")
    if kinds == {pd.Timestamp}:
        # Dates with and without a time zone cannot share a column: normalise to UTC.
        return pd.to_datetime(values, utc=any(v.tzinfo is not None for v in present))
    return pd.array(values, dtype=object)


def results_frame(document: dict, fetch: Fetch | None = None) -> pd.DataFrame:
    """A SPARQL JSON results document as a DataFrame, one typed column per variable.

    Args:
        document: the parsed ``application/sparql-results+json`` document of a SELECT.
        fetch: runs another SELECT on the same source; when given, each column of IRIs gets
            ``<column>_label_ar`` and ``<column>_label_en`` beside it (where any has a label).

    Raises:
        QueryError: the document is not the answer of a SELECT.
    """
    pd = _pandas()
    if not isinstance(document, dict) or "results" not in document:
        raise QueryError("Only a SELECT query gives a table (this is an ASK, CONSTRUCT or DESCRIBE).")
    variables = document["head"]["vars"]
    rows = document["results"]["bindings"]
    columns: dict[str, object] = {}
    for name in variables:
        terms = [row.get(name) for row in rows]
        columns[name] = _typed_column([_cell(term, pd) for term in terms], pd)
        iris = sorted({t["value"] for t in terms if t is not None and t["type"] == "uri"})
        if fetch is not None and iris and all(t is None or t["type"] == "uri" for t in terms):
            columns.update(_label_columns(name, [t["value"] if t else None for t in terms], iris, fetch))
    return pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))


def _label_columns(name: str, cells: list[str | None], iris: list[str], fetch: Fetch) -> dict[str, list]:
    labels: dict[str, dict[str, str]] = {}
    for start in range(0, len(iris), _LABEL_BATCH):
        for row in fetch(labels_query(iris[start:start + _LABEL_BATCH]))["results"]["bindings"]:
            labels[row["iri"]["value"]] = {lang: row[f"label_{lang}"]["value"] for lang in ("ar", "en")
                                           if f"label_{lang}" in row}
    columns = {}
    for lang in ("ar", "en"):
        column = [labels.get(iri or "", {}).get(lang) for iri in cells]
        if any(column):
            columns[f"{name}_label_{lang}"] = column
    return columns


def store_fetch(store: GraphStore) -> Fetch:
    """A fetch that runs a SELECT on ``store`` and returns its SPARQL JSON document."""
    from kg.results import write_results

    def fetch(sparql: str) -> dict:
        buffer = io.BytesIO()
        write_results(store.query(sparql), "json", buffer)  # a graph comes out as JSON-LD, not a table
        return json.loads(buffer.getvalue())

    return fetch


def endpoint_fetch(url: str, timeout: float = 60.0) -> Fetch:
    """A fetch that POSTs a SELECT to a SPARQL endpoint (``.../sparql``) and returns its JSON document.

    Raises (from the fetch):
        QueryError: the endpoint refused the query (4xx), with its message.
        RemoteError: the endpoint cannot be reached or failed (5xx, not JSON).
    """

    def fetch(sparql: str) -> dict:
        request = urllib.request.Request(
            url,
            data=urllib.parse.urlencode({"query": sparql}).encode("utf-8"),
            headers={"Accept": "application/sparql-results+json", "User-Agent": "isnad"},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            message = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
            error = QueryError if exc.code < 500 else RemoteError
            raise error(f"{url} answered {exc.code}: {message}") from None
        except (urllib.error.URLError, OSError) as exc:
            raise RemoteError(f"Cannot reach {url}: {getattr(exc, 'reason', exc)}") from None
        try:
            return json.loads(body)
        except ValueError:
            raise QueryError(f"{url} did not answer with SPARQL JSON results: only a SELECT gives a table.") from None

    return fetch
