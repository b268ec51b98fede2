"""Linked-data pages, the neighbourhood data and the query page, from a live ``kg serve``."""

from __future__ import annotations

import re

import pytest
import requests
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from tests.conftest import HTML, ISNAD, PERSON, RES, SERVER_FIXTURE_GRAPH, media, run_server


def test_person_page_in_html(live_server) -> None:
    response = requests.get(f"{live_server.url}/id/person/servertest-fuad-hussein", headers=HTML, timeout=30)
    assert response.status_code == 200 and media(response) == "text/html"
    page = response.text
    assert '<span class="label-ar" lang="ar" dir="rtl">فؤاد حسين</span>' in page
    assert "Fuad Hussein" in page and "isnad:Person" in page
    assert "<mark>القوات الأمريكية ستنسحب من العراق بموجب الاتفاق الأمني</mark>" in page
    assert 'href="/id/article/servertest"' in page


def test_article_page_links_every_mention(live_server) -> None:
    page = requests.get(live_server.url + "/id/article/servertest", headers=HTML, timeout=30).text
    for path, text in [("person/servertest-fuad-hussein", "فؤاد حسين"), ("country/servertest-iraq", "العراق"),
                       ("dialogue/servertest-strategic-dialogue", "الحوار الاستراتيجي")]:
        assert f'<a class="mention" href="/id/{path}">{text}</a>' in page
    assert "/export.trig?graph=https" in page


def test_country_page_links_wikidata_and_dialogue_shows_participants(live_server) -> None:
    page = requests.get(f"{live_server.url}/id/country/servertest-iraq", headers=HTML, timeout=30).text
    assert 'href="http://www.wikidata.org/entity/Q796"' in page
    page = requests.get(f"{live_server.url}/id/dialogue/servertest-strategic-dialogue", headers=HTML, timeout=30).text
    assert "isnad:participant" in page and "2021-07-26" in page
    facts = page.split('<dl class="facts">')[1].split("</dl>")[0]
    assert "<dt>Participants</dt>" in facts and "<dt>Start</dt>" in facts
    assert '<a href="/id/country/servertest-iraq" lang="ar" dir="rtl">العراق</a>' in facts
    assert 'href="/id/country/servertest-united-states"' in page


@pytest.mark.parametrize(
    "accept, parse_as", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt")]
)
def test_resource_as_rdf_by_content_negotiation(live_server, accept: str, parse_as: str) -> None:
    response = requests.get(f"{live_server.url}/id/person/servertest-fuad-hussein", headers={"Accept": accept},
                            timeout=30)
    assert media(response) == accept
    graph = Graph().parse(data=response.content, format=parse_as)
    assert (URIRef(PERSON), RDF.type, ISNAD.Person) in graph
    assert (URIRef(SERVER_FIXTURE_GRAPH + "/statement/0"), ISNAD.speaker, URIRef(PERSON)) in graph


@pytest.mark.parametrize(
    "path",
    [
        "person/servertest-nobody",
        "person/servertest-x%3E%20%3Fp%20%3Fo%20%7D%20%23",
        'person/a"b',
        "person/servertest-x%7D%20UNION%20%7B%3Fs%20%3Fp%20%3Fo",
    ],
)
def test_unknown_or_hostile_resource_paths_are_404(live_server, path: str) -> None:
    response = requests.get(f"{live_server.url}/id/{path}", headers={"Accept": "text/turtle"}, timeout=30)
    assert response.status_code == 404, response.text
    assert "Traceback" not in response.text


def test_neighbourhood(live_server) -> None:
    params = {"iri": RES + "country/servertest-iraq"}
    data = requests.get(live_server.url + "/neighbourhood.json", params=params, timeout=30).json()
    kinds = {node["type"] for node in data["nodes"]}
    assert {"Dialogue", "Agreement", "Force", "Country"} <= kinds
    edge = {"source": RES + "dialogue/servertest-strategic-dialogue",
            "target": RES + "country/servertest-united-states", "label": "isnad:participant"}
    assert edge in data["edges"]


def test_query_page(live_server) -> None:
    page = requests.get(live_server.url + "/", timeout=30).text
    assert "Who said what about US forces" in page and "vendor/codemirror/codemirror.js" in page
    assert "//cdn" not in page and "https://" not in page.split("<main>")[0]
    shared = requests.get(live_server.url + "/", params={"query": "ASK { <urn:a> ?p ?o }"}, timeout=30).text
    assert "ASK { &lt;urn:a&gt; ?p ?o }</textarea>" in shared
    assert requests.get(live_server.url + "/static/vendor/codemirror/LICENSE", timeout=30).status_code == 200




def test_statement_page_highlights_its_words(live_server) -> None:
    page = requests.get(live_server.url + "/id/article/servertest/statement/0", headers=HTML, timeout=30).text
    assert "<mark>القوات الأمريكية ستنسحب من العراق بموجب الاتفاق الأمني</mark>" in page
    assert 'In <a href="/id/article/servertest">its article</a>' in page
    page = requests.get(live_server.url + "/id/article/servertest/mention/18-27", headers=HTML, timeout=30).text
    assert "<mark>فؤاد حسين</mark>" in page


def test_html_pages_send_security_headers(live_server) -> None:
    from server.headers import HTML_HEADERS

    pages = ["/", "/id/person/servertest-fuad-hussein", "/id/article/servertest", "/id/person/nobody"]
    for path in pages:
        response = requests.get(live_server.url + path, headers=HTML, timeout=30)
        assert media(response) == "text/html", path
        for name, value in HTML_HEADERS.items():
            assert response.headers.get(name) == value, (path, name)
    policy = HTML_HEADERS["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe" not in policy
    # No page relies on an inline script the policy would block.
    for path in pages:
        page = requests.get(live_server.url + path, headers=HTML, timeout=30).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), path
        assert not re.search(r"\son[a-z]+=", page) and "style=" not in page, path


#: A person and an article loaded from a dump whose links point at javascript: IRIs (and one
#: http link that must stay a link).
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
INT = "http://www.w3.org/2001/XMLSchema#int"
MENTION = f"<{RES}article/hostile/mention/4-7>"
HOSTILE_LINKS = f"""
<{RES}person/hostile> <http://www.w3.org/2000/01/rdf-schema#label> "شخص"@ar .
<{RES}person/hostile> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <javascript:alert(document.domain)> .
<{RES}person/hostile> <http://www.w3.org/2002/07/owl#sameAs> <JavaScript:alert(1)> .
<{RES}person/hostile> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <https://example.org/hostile> .
<javascript:alert(2)> <{ISNAD}participant> <{RES}person/hostile> .
<{RES}article/hostile> <{NIF}isString> "قال شخص" .
{MENTION} <{NIF}referenceContext> <{RES}article/hostile> .
{MENTION} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{NIF}Phrase> .
{MENTION} <{NIF}beginIndex> "4"^^<{INT}> .
{MENTION} <{NIF}endIndex> "7"^^<{INT}> .
{MENTION} <http://www.w3.org/2005/11/its/rdf#taIdentRef> <javascript:alert(3)> .
"""


def test_only_http_iris_become_links_on_pages(kg, tmp_path) -> None:
    dump = tmp_path / "hostile.nt"
    dump.write_text(HOSTILE_LINKS, encoding="utf-8")
    store = tmp_path / "store"
    result = kg("load", dump, "--store", store)
    assert result.exit_code == 0, result.output
    with run_server(store, tmp_path / "server.log") as server:
        person = requests.get(server.url + "/id/person/hostile", headers=HTML, timeout=30).text
        article = requests.get(server.url + "/id/article/hostile", headers=HTML, timeout=30).text
    for page in (person, article):
        targets = re.findall(r'href="([^"]*)"', page)
        assert targets and not [t for t in targets if t.strip().lower().startswith("javascript:")], targets
    assert "javascript:alert(document.domain)" in person and "JavaScript:alert(1)" in person  # shown as text
    assert "javascript:alert(2)" in person
    assert 'href="https://example.org/hostile"' in person
    assert "قال <" not in article and "قال شخص" in article  # the mention is text, not a link
