"""The endpoint's hot path (``server/fastpath.py``) over a real socket: it answers plain GET
queries exactly as the Flask view answers the same query, and leaves every other request to it."""

from __future__ import annotations

import pytest
import requests

from tests.conftest import JSON_RESULTS, PERSON, SERVER_FIXTURE_GRAPH, sparql

LABEL_QUERY = f"SELECT ?l WHERE {{ <{PERSON}> rdfs:label ?l }}"


@pytest.mark.parametrize("accept", [None, "text/csv", "application/sparql-results+xml", "text/turtle"])
def test_get_answers_like_the_flask_view(live_server, accept: str | None) -> None:
    headers = {"Accept": accept} if accept else {}
    hot = sparql(live_server, LABEL_QUERY, headers=headers)  # GET ?query=: the hot path
    view = sparql(live_server, LABEL_QUERY, method="POST", headers=headers)  # POST form: the Flask view
    assert hot.status_code == view.status_code == 200, (hot.text, view.text)
    assert hot.content == view.content and "فؤاد حسين" in hot.text
    for name in ("Content-Type", "Vary", "Access-Control-Allow-Origin", "Access-Control-Allow-Methods"):
        assert hot.headers.get(name) == view.headers.get(name), name
    assert hot.headers["Access-Control-Allow-Origin"] == "*"
    # A complete small answer goes out with its length, not chunked.
    assert int(hot.headers["Content-Length"]) == len(hot.content)


def test_format_parameter_names_the_file(live_server) -> None:
    response = requests.get(live_server.url + "/sparql", params={"query": LABEL_QUERY, "format": "csv"}, timeout=10)
    assert response.status_code == 200, response.text
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["Content-Disposition"] == 'inline; filename="results.csv"'


@pytest.mark.parametrize(
    "params, status, starts",
    [
        ({"query": "SELECT ?x WHERE { ?x ?p }"}, 400, "Malformed query:"),
        ({"query": "ASK {}", "format": "yaml"}, 400, "Unknown format 'yaml'"),
        ({"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/s> { ?s ?p ?o } }"}, 400, "SERVICE"),
    ],
)
def test_errors_are_one_line_of_text(live_server, params: dict[str, str], status: int, starts: str) -> None:
    response = requests.get(live_server.url + "/sparql", params=params, timeout=10)
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"].startswith("text/plain")
    assert response.text.startswith(starts) or starts in response.text, response.text
    assert response.text.count("\n") == 1 and "Traceback" not in response.text


def test_other_requests_reach_the_flask_view(live_server) -> None:
    # A dataset: only the view knows default-graph-uri.
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    response = requests.get(live_server.url + "/sparql", timeout=10,
                            params={"query": count, "default-graph-uri": SERVER_FIXTURE_GRAPH})
    assert response.status_code == 200, response.text
    in_graph = int(response.json()["results"]["bindings"][0]["n"]["value"])
    union = int(sparql(live_server, count).json()["results"]["bindings"][0]["n"]["value"])
    assert 0 < in_graph < union
    # Two queries are the view's Protocol error, an update by GET too.
    response = requests.get(live_server.url + "/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D", timeout=10)
    assert response.status_code == 400 and "one 'query'" in response.text
    response = requests.get(live_server.url + "/sparql", params={"update": "CLEAR ALL"}, timeout=10)
    assert response.status_code == 400 and "POST them to /update" in response.text
    # No query: the service description.
    response = requests.get(live_server.url + "/sparql", headers={"Accept": "text/turtle"}, timeout=10)
    assert response.status_code == 200 and "sparql-service-description" in response.text
    assert sparql(live_server, "ASK {}").headers["Content-Type"] == JSON_RESULTS


def test_an_unexpected_failure_is_one_line_and_logged(app, client, monkeypatch, caplog) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app.extensions["isnad_store"], "query", broken)
    response = client.get("/sparql", query_string={"query": "ASK {}"})
    assert response.status_code == 500
    assert response.get_data(as_text=True) == "Internal server error; the server log has the details.\n"
    assert "disk on fire" not in response.get_data(as_text=True)
    assert any("disk on fire" in record.exc_text for record in caplog.records if record.exc_text)
