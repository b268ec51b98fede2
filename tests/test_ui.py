"""The query page's data: completions of the ontology's and the store's terms, grouped examples."""

from __future__ import annotations

from server.examples import EXAMPLES


def test_completions_hold_prefixes_and_the_terms_of_ontology_and_store(client) -> None:
    response = client.get("/completions.json")
    assert response.status_code == 200 and "max-age" in response.headers["Cache-Control"]
    data = response.get_json()
    assert data["prefixes"]["isnad"] == "https://w3id.org/isnad/ontology#"
    terms = {term["iri"]: term for term in data["terms"]}
    person = terms["https://w3id.org/isnad/ontology#Person"]
    assert (person["kind"], person["label"]) == ("class", "Person")
    assert terms["https://w3id.org/isnad/ontology#speaker"]["kind"] == "property"
    # Used in the store though the ontology does not declare them:
    assert terms["http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"]["kind"] == "property"
    assert terms["http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase"]["kind"] == "class"


def test_examples_are_grouped_and_the_page_shows_them(client) -> None:
    page = client.get("/").get_data(as_text=True)
    for group, queries in EXAMPLES:
        assert f"<h3>{group}</h3>" in page
        for title, _ in queries:
            assert f">{title}</button>" in page
    assert 'data-run=""' in page
    linked = client.get("/", query_string={"query": "ASK { ?s ?p ?o }"}).get_data(as_text=True)
    assert 'data-run="yes"' in linked and ">ASK { ?s ?p ?o }</textarea>" in linked
