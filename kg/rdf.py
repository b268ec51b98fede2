"""The one module that knows IRIs and ontology terms: dataclasses in, triples out.

Namespaces and IRI minting follow ``ONTOLOGY.md``. Every IRI is deterministic: the article IRI
is a hash of the article's text, entity IRIs come from ``Entity.key`` (the same real entity gets
the same key, hence the same IRI, in every article), and statement and mention IRIs hang off the
article IRI by character offset.

Provenance uses NIF 2.0: each mention is a ``nif:Phrase`` and each statement a node with
``nif:beginIndex``/``nif:endIndex`` into the article text, which the article node carries as
``nif:isString`` (the article is also a ``nif:Context``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import InputError
from kg.model import ENTITY_TYPES, Article, Entity, Mention, Statement

ISNAD = Namespace("https://w3id.org/isnad/ontology#")
RES = Namespace("https://w3id.org/isnad/id/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")

#: Graph holding the ontology (``ontology/isnad.ttl``) in every store.
ONTOLOGY_GRAPH = URIRef("https://w3id.org/isnad/ontology")
#: Graph holding the reference gazetteer (``kg/data/gazetteer.ttl``).
GAZETTEER_GRAPH = URIRef("https://w3id.org/isnad/gazetteer")

#: Classes counted per store: the entity types of the contract, then statements.
ENTITY_CLASSES = (*ENTITY_TYPES, "Statement")

PREFIXES = {
    "isnad": ISNAD,
    "res": RES,
    "wd": WD,
    "schema": SCHEMA,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "rdfs": RDFS,
    "xsd": XSD,
}


@dataclass(frozen=True)
class Format:
    """One RDF serialisation: its canonical name, MIME type, file extension, dataset support."""

    name: str
    media_type: str
    extension: str
    datasets: bool  #: can hold named graphs (TriG, N-Quads, JSON-LD)


_FORMAT_LIST = [
    Format("turtle", "text/turtle", "ttl", False),
    Format("trig", "application/trig", "trig", True),
    Format("nquads", "application/n-quads", "nq", True),
    Format("ntriples", "application/n-triples", "nt", False),
    Format("jsonld", "application/ld+json", "jsonld", True),
    Format("xml", "application/rdf+xml", "rdf", False),
]

#: Every alias (name, extension, MIME type, common spellings) -> Format. CLI ``--format``,
#: export URLs and ``Accept`` negotiation all look names up here.
FORMATS: dict[str, Format] = {}
for _fmt in _FORMAT_LIST:
    for _alias in (_fmt.name, _fmt.extension, _fmt.media_type):
        FORMATS[_alias] = _fmt
FORMATS.update(
    {
        "n-quads": FORMATS["nquads"],
        "n-triples": FORMATS["ntriples"],
        "json-ld": FORMATS["jsonld"],
        "rdfxml": FORMATS["xml"],
        "rdf/xml": FORMATS["xml"],
        "text/plain": FORMATS["ntriples"],
        "application/x-turtle": FORMATS["turtle"],
    }
)


def get_format(name: str) -> Format:
    """Look up an RDF format by any alias.

    Raises:
        InputError: the name is unknown; the message lists the valid names.
    """
    try:
        return FORMATS[name.strip().lower()]
    except KeyError:
        valid = ", ".join(f.name for f in _FORMAT_LIST)
        raise InputError(f"Unknown RDF format '{name}'; choose one of: {valid}.") from None


def article_iri(text: str, part: int = 0) -> URIRef:
    """Mint the article IRI from its content, so the same text always gets the same IRI."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return RES[f"article/{digest}"] if part == 0 else RES[f"article/{digest}-{part}"]


def entity_iri(key: str) -> URIRef:
    """Mint the IRI of an entity from its resolution key (``country/iraq`` -> ``res:country/iraq``)."""
    return RES[quote(key, safe="/-_.~")]


def wikidata_item(qid: str) -> URIRef:
    """The IRI of a Wikidata item (``Q796`` -> ``wd:Q796``), the object of ``skos:exactMatch``."""
    return WD[qid]

def _date_literal(value: str) -> Literal:
    """A date literal typed by its precision: xsd:date, xsd:gYearMonth or xsd:gYear."""
    datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return Literal(value, datatype=datatype)


def _entity_triples(graph: Graph, entity: Entity) -> URIRef:
    node = entity_iri(entity.key)
    graph.add((node, RDF.type, ISNAD[entity.type]))
    graph.add((node, RDFS.label, Literal(entity.label_ar, lang="ar")))
    if entity.label_en:
        graph.add((node, RDFS.label, Literal(entity.label_en, lang="en")))
    for alt in entity.alt_labels:
        if alt != entity.label_ar:
            graph.add((node, SKOS.altLabel, Literal(alt, lang="ar")))
    if entity.wikidata:
        graph.add((node, SKOS.exactMatch, WD[entity.wikidata]))
    if entity.role:
        graph.add((node, ISNAD.role, Literal(entity.role, lang="ar")))
    relations = (
        (ISNAD.participant, entity.participants),
        (ISNAD.party, entity.parties),
        (ISNAD.affiliation, entity.affiliation),
    )
    for prop, keys in relations:
        for key in keys:
            graph.add((node, prop, entity_iri(key)))
    if entity.location:
        graph.add((node, ISNAD.location, entity_iri(entity.location)))
    if entity.strength is not None:
        graph.add((node, ISNAD.strength, Literal(entity.strength, datatype=XSD.integer)))
    for prop, value in (
        (ISNAD.startDate, entity.start_date),
        (ISNAD.endDate, entity.end_date),
        (ISNAD.date, entity.date),
    ):
        if value:
            graph.add((node, prop, _date_literal(value)))
    return node


def _span(graph: Graph, node: URIRef, article: URIRef, start: int, end: int) -> None:
    graph.add((node, NIF.referenceContext, article))
    # NIF types offsets xsd:nonNegativeInteger, but Oxigraph (0.5) stores every integer-derived
    # literal as xsd:integer; writing that type keeps a built graph equal to its extraction.
    graph.add((node, NIF.beginIndex, Literal(start, datatype=XSD.integer)))
    graph.add((node, NIF.endIndex, Literal(end, datatype=XSD.integer)))


def _mention_triples(graph: Graph, article: URIRef, mention: Mention) -> None:
    node = URIRef(f"{article}/mention/{mention.start}-{mention.end}")
    graph.add((node, RDF.type, NIF.Phrase))
    graph.add((node, NIF.anchorOf, Literal(mention.text, lang="ar")))
    _span(graph, node, article, mention.start, mention.end)
    if mention.entity:
        graph.add((node, ITSRDF.taIdentRef, entity_iri(mention.entity)))


def _statement_triples(graph: Graph, article: URIRef, statement: Statement) -> None:
    node = URIRef(f"{article}/statement/{statement.cue_start}")
    graph.add((node, RDF.type, ISNAD.Statement))
    graph.add((node, ISNAD.cue, Literal(statement.cue, lang="ar")))
    graph.add((node, ISNAD.content, Literal(statement.content, lang="ar")))
    graph.add((node, ISNAD.directQuote, Literal(statement.direct_quote)))
    graph.add((node, PROV.wasDerivedFrom, article))
    for key in statement.speakers:
        graph.add((node, ISNAD.speaker, entity_iri(key)))
    if statement.date:
        graph.add((node, ISNAD.date, _date_literal(statement.date)))
    _span(graph, node, article, statement.content_start, statement.content_end)


def article_graph(article: Article, origin: str | None = None) -> tuple[URIRef, Graph]:
    """Map one extracted article to its named graph.

    Args:
        article: the article after every pipeline stage.
        origin: an IRI for where the text was read from (``file:///...``); building the same
            origin again replaces the graphs it produced before.

    Returns:
        The article IRI (also the graph name) and a graph holding every triple of the article:
        the article node, each entity's type and labels, mentions, statements and relations.
    """
    iri = article_iri(article.text, article.part)
    # SimpleMemory: an article graph is only filled and serialised, never queried, and rdflib's
    # default indexed store makes building it cost three times as much.
    graph = Graph(store="SimpleMemory", identifier=iri)
    graph.add((iri, RDF.type, ISNAD.Article))
    graph.add((iri, RDF.type, NIF.Context))
    graph.add((iri, DCTERMS.source, Literal(article.source)))
    graph.add((iri, NIF.isString, Literal(article.text, lang="ar")))
    if origin:
        graph.add((iri, PROV.wasDerivedFrom, URIRef(origin)))
    if article.title:
        graph.add((iri, DCTERMS.title, Literal(article.title, lang="ar")))
    if article.published:
        graph.add((iri, DCTERMS.date, _date_literal(article.published)))
    for entity in article.entities.values():
        graph.add((iri, ISNAD.mentions, _entity_triples(graph, entity)))
    for mention in article.mentions:
        _mention_triples(graph, iri, mention)
    for statement in article.statements:
        _statement_triples(graph, iri, statement)
    return iri, graph
