"""kg.rdf: formats by any alias, deterministic IRIs, and an article's dataclasses as triples."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg import rdf
from kg.errors import InputError
from kg.model import Article, Entity, Mention, Statement

TEXT = 'قال وزير الخارجية فؤاد حسين إن "الحوار مستمر" مع واشنطن.'


def _article() -> Article:
    article = Article(source="a.txt", text=TEXT, title="عنوان", published="2024-03-05")
    article.entities = {
        "person/fuad-hussein": Entity(
            "person/fuad-hussein", "Person", "فؤاد حسين", "Fuad Hussein", role="وزير الخارجية"
        ),
        "country/united-states": Entity(
            "country/united-states",
            "Country",
            "الولايات المتحدة",
            alt_labels=["واشنطن", "الولايات المتحدة"],
            wikidata="Q30",
        ),
        "dialogue/talks": Entity(
            "dialogue/talks", "Dialogue", "الحوار", participants=["country/united-states"], start_date="2024-03"
        ),
    }
    article.mentions = [
        Mention("Person", "فؤاد حسين", 18, 27, "person/fuad-hussein"),
        Mention("Country", "واشنطن", 49, 55),
    ]
    article.statements = [Statement("قال", 0, 3, "الحوار مستمر", 32, 44, ["person/fuad-hussein"], direct_quote=True)]
    return article


@pytest.mark.parametrize("alias", ["ttl", "turtle", "text/turtle", " TTL "])
def test_every_alias_names_one_format(alias: str) -> None:
    assert rdf.get_format(alias) is rdf.get_format("turtle")


def test_an_unknown_format_lists_the_valid_ones() -> None:
    with pytest.raises(InputError, match="Unknown RDF format 'yaml'; choose one of: turtle, trig"):
        rdf.get_format("yaml")


def test_iris_are_deterministic() -> None:
    assert rdf.article_iri(TEXT) == rdf.article_iri(TEXT) != rdf.article_iri(TEXT + " ")
    assert str(rdf.article_iri(TEXT, 2)).endswith("-2")
    assert rdf.entity_iri("person/محمد") == URIRef(rdf.RES + "person/%D9%85%D8%AD%D9%85%D8%AF")


def test_article_triples_parse_and_say_what_the_dataclasses_say() -> None:
    triples = rdf.article_triples(_article(), origin="file:///a.txt")
    graph = Graph().parse(data=triples.ntriples, format="nt")
    assert len(graph) == triples.triples
    article, person = triples.iri, rdf.entity_iri("person/fuad-hussein")
    us, talks = rdf.entity_iri("country/united-states"), rdf.entity_iri("dialogue/talks")
    assert (person, RDF.type, rdf.ISNAD.Person) in graph
    assert (person, rdf.ISNAD.role, Literal("وزير الخارجية", lang="ar")) in graph
    assert set(graph.objects(us, SKOS.altLabel)) == {Literal("واشنطن", lang="ar")}  # not the label again
    assert (us, SKOS.exactMatch, rdf.WD.Q30) in graph
    assert (talks, rdf.ISNAD.participant, us) in graph
    assert (talks, rdf.ISNAD.startDate, Literal("2024-03", datatype=XSD.gYearMonth)) in graph
    assert set(graph.objects(article, rdf.ISNAD.mentions)) == {person, us, talks}
    assert (article, rdf.NIF.isString, Literal(TEXT, lang="ar")) in graph
    mention = URIRef(f"{article}/mention/18-27")
    assert (mention, rdf.NIF.anchorOf, Literal("فؤاد حسين", lang="ar")) in graph
    assert (mention, rdf.ITSRDF.taIdentRef, person) in graph
    assert (URIRef(f"{article}/mention/49-55"), rdf.ITSRDF.taIdentRef, None) not in graph  # unresolved
    statement = URIRef(f"{article}/statement/0")
    assert (statement, rdf.ISNAD.speaker, person) in graph
    assert (statement, rdf.ISNAD.directQuote, Literal(True)) in graph
    assert (statement, rdf.NIF.beginIndex, Literal(32, datatype=XSD.integer)) in graph
    assert (None, RDFS.label, Literal("Fuad Hussein", lang="en")) in graph


def test_a_literal_with_quotes_and_newlines_survives() -> None:
    article = Article(source='a "b"\nc.txt', text="نص")
    graph = Graph().parse(data=rdf.article_triples(article).ntriples, format="nt")
    assert Literal('a "b"\nc.txt') in set(graph.objects())
