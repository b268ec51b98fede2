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
from functools import lru_cache
from urllib.parse import quote

from rdflib import Graph, Namespace, URIRef
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
    """One export format: its canonical name, MIME type, file extension, what it can hold.

    RDF serialisations are written by the store; a property-graph format (nodes and edges for
    graph tools) names its writer as ``"module:function"``, imported only when used, the way
    rdflib's plugin registrations name their classes.
    """

    name: str
    media_type: str
    extension: str
    datasets: bool  #: can hold named graphs (TriG, N-Quads, JSON-LD)
    writer: str = ""  #: ``"module:function"`` writing a property graph; empty for RDF
    folder: bool = False  #: written as a folder of files (``kg export -o DIR``), not one stream

    @property
    def is_rdf(self) -> bool:
        """Whether this is an RDF serialisation (rather than a property-graph format)."""
        return not self.writer


_FORMAT_LIST = [
    Format("turtle", "text/turtle", "ttl", False),
    Format("trig", "application/trig", "trig", True),
    Format("nquads", "application/n-quads", "nq", True),
    Format("ntriples", "application/n-triples", "nt", False),
    Format("jsonld", "application/ld+json", "jsonld", True),
    Format("xml", "application/rdf+xml", "rdf", False),
    Format("graphml", "application/graphml+xml", "graphml", False, writer="kg.propgraph:write_graphml"),
    # The two files neo4j-admin database import reads; never negotiated by its media type,
    # which means SPARQL results as CSV.
    Format("csv", "text/csv", "csv", False, writer="kg.propgraph:write_neo4j_csv", folder=True),
]

#: Every alias (name, extension, MIME type, common spellings) -> Format. CLI ``--format``,
#: export URLs and ``Accept`` negotiation all look names up here.
FORMATS: dict[str, Format] = {}
for _fmt in _FORMAT_LIST:
    for _alias in (_fmt.name, _fmt.extension) if _fmt.folder else (_fmt.name, _fmt.extension, _fmt.media_type):
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
        "neo4j": FORMATS["csv"],
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


# -- the property-graph view (kg export --format graphml|csv) --------------------------------
# Nodes are the entities and statements of the article graphs; edges are the relations between
# them. The queries below are the whole mapping: ``kg.propgraph`` only folds their rows, one row
# per node, property or edge per article, into nodes and edges that list their articles.

_NODE_TYPES = " ".join(f'(isnad:{name} "{name}")' for name in ENTITY_CLASSES)
_NODE_CLASSES = " ".join(f"isnad:{name}" for name in ENTITY_CLASSES)

#: Edge types: the ontology's relations between nodes, by the name edges carry.
EDGE_PROPERTIES = {
    "participant": ISNAD.participant,
    "party": ISNAD.party,
    "affiliation": ISNAD.affiliation,
    "location": ISNAD.location,
    "speaker": ISNAD.speaker,
}
#: The edge from a statement to each entity named inside its content.
CONTENT_MENTION_EDGE = "mentions"

#: Node properties: name -> (RDF property, GraphML value type). ``rdfs:label`` gives one
#: property per language; ``skos:exactMatch`` the Wikidata id.
NODE_PROPERTIES = {
    "label_ar": (RDFS.label, "string"),
    "label_en": (RDFS.label, "string"),
    "wikidata": (SKOS.exactMatch, "string"),
    "role": (ISNAD.role, "string"),
    "strength": (ISNAD.strength, "long"),
    "start_date": (ISNAD.startDate, "string"),
    "end_date": (ISNAD.endDate, "string"),
    "date": (ISNAD.date, "string"),
    "content": (ISNAD.content, "string"),
    "cue": (ISNAD.cue, "string"),
    "direct_quote": (ISNAD.directQuote, "boolean"),
    "article": (PROV.wasDerivedFrom, "string"),
}

#: Every node, once per article graph that types it: ``?node ?type ?article``.
PROPERTY_GRAPH_NODES = f"""SELECT ?node ?type ?article WHERE {{
  VALUES (?class ?type) {{ {_NODE_TYPES} }}
  GRAPH ?article {{ ?article a isnad:Article . ?node a ?class }}
}}"""

_PROPERTY_VALUES = " ".join(
    f'(<{prop}> "{name}")' for name, (prop, _) in NODE_PROPERTIES.items() if not name.startswith("label_")
)

#: Every node property value: ``?node ?key ?value`` (a Wikidata id as ``Q796``, a label per language).
PROPERTY_GRAPH_PROPERTIES = f"""SELECT ?node ?key ?value WHERE {{
  VALUES ?class {{ {_NODE_CLASSES} }}
  VALUES (?property ?name) {{ {_PROPERTY_VALUES} (rdfs:label "label") }}
  GRAPH ?article {{ ?article a isnad:Article . ?node a ?class ; ?property ?term }}
  FILTER(?property != skos:exactMatch || STRSTARTS(STR(?term), STR(wd:)))
  FILTER(?property != rdfs:label || LANG(?term) IN ("ar", "en"))
  BIND(IF(?property = rdfs:label, CONCAT("label_", LANG(?term)), ?name) AS ?key)
  BIND(IF(?property = skos:exactMatch, STRAFTER(STR(?term), STR(wd:)), STR(?term)) AS ?value)
}}"""

_EDGE_VALUES = " ".join(f'(<{prop}> "{name}")' for name, prop in EDGE_PROPERTIES.items())

#: Every edge, once per article graph that states it: ``?source ?type ?target ?article``. Both
#: ends are nodes of that graph; a statement's content mentions an entity when one of the
#: article's mentions resolved to it lies inside the content's span.
PROPERTY_GRAPH_EDGES = f"""SELECT ?source ?type ?target ?article WHERE {{
  VALUES ?targetClass {{ {_NODE_CLASSES} }}
  {{
    VALUES (?property ?type) {{ {_EDGE_VALUES} }}
    VALUES ?sourceClass {{ {_NODE_CLASSES} }}
    GRAPH ?article {{
      ?article a isnad:Article . ?source ?property ?target ; a ?sourceClass . ?target a ?targetClass
    }}
  }} UNION {{
    BIND("{CONTENT_MENTION_EDGE}" AS ?type)
    GRAPH ?article {{
      ?article a isnad:Article .
      ?source a isnad:Statement ; nif:beginIndex ?start ; nif:endIndex ?end .
      ?mention itsrdf:taIdentRef ?target ; nif:referenceContext ?article ;
        nif:beginIndex ?from ; nif:endIndex ?to .
      ?target a ?targetClass
      FILTER(?from >= ?start && ?to <= ?end)
    }}
  }}
}}"""


def labels_query(iris: list[str]) -> str:
    """A SELECT of ``?iri ?label_ar ?label_en``: one Arabic and one English label of each IRI.

    Args:
        iris: the resources to label; each must be a valid IRI (they come from query results).
    """
    values = " ".join(f"<{iri}>" for iri in iris)
    return f"""PREFIX rdfs: <{RDFS}>
SELECT ?iri (MIN(?ar) AS ?label_ar) (MIN(?en) AS ?label_en) WHERE {{
  VALUES ?iri {{ {values} }}
  OPTIONAL {{ ?iri rdfs:label ?ar FILTER(LANGMATCHES(LANG(?ar), "ar")) }}
  OPTIONAL {{ ?iri rdfs:label ?en FILTER(LANGMATCHES(LANG(?en), "en")) }}
}} GROUP BY ?iri"""


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


def _nt(term: str) -> str:
    """An IRI as an N-Triples term."""
    return f"<{term}>"


class _Terms:
    """The N-Triples form of each term an article graph uses, made once: looking them up on
    rdflib's namespaces for every triple cost a third of the mapping (``benchmarks/profile.py``)."""

    type, label, alt_label, exact_match = map(_nt, (RDF.type, RDFS.label, SKOS.altLabel, SKOS.exactMatch))
    source, title, date, derived_from = map(_nt, (DCTERMS.source, DCTERMS.title, DCTERMS.date, PROV.wasDerivedFrom))
    article, context, phrase, statement = map(_nt, (ISNAD.Article, NIF.Context, NIF.Phrase, ISNAD.Statement))
    mentions, role, location, strength = map(_nt, (ISNAD.mentions, ISNAD.role, ISNAD.location, ISNAD.strength))
    participant, party, affiliation = map(_nt, (ISNAD.participant, ISNAD.party, ISNAD.affiliation))
    start_date, end_date, event_date = map(_nt, (ISNAD.startDate, ISNAD.endDate, ISNAD.date))
    cue, content, direct_quote, speaker = map(_nt, (ISNAD.cue, ISNAD.content, ISNAD.directQuote, ISNAD.speaker))
    is_string, anchor_of, reference_context = map(_nt, (NIF.isString, NIF.anchorOf, NIF.referenceContext))
    begin_index, end_index, ident_ref = map(_nt, (NIF.beginIndex, NIF.endIndex, ITSRDF.taIdentRef))
    entity_types = {name: _nt(ISNAD[name]) for name in ENTITY_TYPES}
    integer, boolean, string = (f"^^<{datatype}>" for datatype in (XSD.integer, XSD.boolean, XSD.string))
    #: date literals are typed by their precision (length): xsd:date, xsd:gYearMonth or xsd:gYear
    dates = {10: f"^^<{XSD.date}>", 7: f"^^<{XSD.gYearMonth}>", 4: f"^^<{XSD.gYear}>"}


class _Lines:
    """An article graph as N-Triples lines, in order, each once.

    Build workers write N-Triples straight from the dataclasses: making rdflib terms and adding
    them to a Graph cost four times as much as the rest of the mapping.
    """

    def __init__(self) -> None:
        self.lines: dict[str, None] = {}

    def add(self, subject: str, predicate: str, obj: str) -> None:
        """Add one triple; each term is in its N-Triples form (``_Terms``, ``_nt``, ``_literal``)."""
        self.lines[f"{subject} {predicate} {obj} .\n"] = None


#: What N-Triples escapes in a literal, the backslash first (``str.replace``: ``str.translate``
#: looks every character of the text up in its table, 40% of the mapping of an article).
_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"))


def _literal(value: str, lang: str | None = None, datatype: str = "") -> str:
    """A literal with a language tag or a datatype suffix (``_Terms.integer``)."""
    for char, escaped in _ESCAPES:
        value = value.replace(char, escaped)
    quoted = '"' + value + '"'
    return f"{quoted}@{lang}" if lang else quoted + datatype


def _integer(value: int) -> str:
    return f'"{value}"{_Terms.integer}'


def _date_literal(value: str) -> str:
    """A date literal typed by its precision: xsd:date, xsd:gYearMonth or xsd:gYear."""
    return _literal(value, datatype=_Terms.dates.get(len(value), _Terms.string))


@lru_cache(maxsize=65536)
def _entity_node(key: str) -> str:
    """``entity_iri(key)`` as an N-Triples term; entities recur across articles."""
    return _nt(entity_iri(key))


def _entity_triples(lines: _Lines, entity: Entity) -> str:
    node = _entity_node(entity.key)
    lines.add(node, _Terms.type, _Terms.entity_types[entity.type])
    lines.add(node, _Terms.label, _literal(entity.label_ar, lang="ar"))
    if entity.label_en:
        lines.add(node, _Terms.label, _literal(entity.label_en, lang="en"))
    for alt in entity.alt_labels:
        if alt != entity.label_ar:
            lines.add(node, _Terms.alt_label, _literal(alt, lang="ar"))
    if entity.wikidata:
        lines.add(node, _Terms.exact_match, _nt(WD[entity.wikidata]))
    if entity.role:
        lines.add(node, _Terms.role, _literal(entity.role, lang="ar"))
    relations = (
        (_Terms.participant, entity.participants),
        (_Terms.party, entity.parties),
        (_Terms.affiliation, entity.affiliation),
    )
    for prop, keys in relations:
        for key in keys:
            lines.add(node, prop, _entity_node(key))
    if entity.location:
        lines.add(node, _Terms.location, _entity_node(entity.location))
    if entity.strength is not None:
        lines.add(node, _Terms.strength, _integer(entity.strength))
    for prop, value in (
        (_Terms.start_date, entity.start_date),
        (_Terms.end_date, entity.end_date),
        (_Terms.event_date, entity.date),
    ):
        if value:
            lines.add(node, prop, _date_literal(value))
    return node


def _span(lines: _Lines, node: str, article: str, start: int, end: int) -> None:
    lines.add(node, _Terms.reference_context, article)
    # NIF types offsets xsd:nonNegativeInteger, but Oxigraph (0.5) stores every integer-derived
    # literal as xsd:integer; writing that type keeps a built graph equal to its extraction.
    lines.add(node, _Terms.begin_index, _integer(start))
    lines.add(node, _Terms.end_index, _integer(end))


def _mention_triples(lines: _Lines, article: str, mention: Mention) -> None:
    node = f"<{article}/mention/{mention.start}-{mention.end}>"
    lines.add(node, _Terms.type, _Terms.phrase)
    lines.add(node, _Terms.anchor_of, _literal(mention.text, lang="ar"))
    _span(lines, node, _nt(article), mention.start, mention.end)
    if mention.entity:
        lines.add(node, _Terms.ident_ref, _entity_node(mention.entity))


def _statement_triples(lines: _Lines, article: str, statement: Statement) -> None:
    node = f"<{article}/statement/{statement.cue_start}>"
    lines.add(node, _Terms.type, _Terms.statement)
    lines.add(node, _Terms.cue, _literal(statement.cue, lang="ar"))
    lines.add(node, _Terms.content, _literal(statement.content, lang="ar"))
    quote_kind = "true" if statement.direct_quote else "false"
    lines.add(node, _Terms.direct_quote, _literal(quote_kind, datatype=_Terms.boolean))
    lines.add(node, _Terms.derived_from, _nt(article))
    for key in statement.speakers:
        lines.add(node, _Terms.speaker, _entity_node(key))
    if statement.date:
        lines.add(node, _Terms.event_date, _date_literal(statement.date))
    _span(lines, node, _nt(article), statement.content_start, statement.content_end)


@dataclass(frozen=True)
class ArticleTriples:
    """One article's named graph as N-Triples text."""

    iri: URIRef  #: the article IRI, also the graph name
    ntriples: str
    triples: int


def article_triples(article: Article, origin: str | None = None) -> ArticleTriples:
    """Map one extracted article to its named graph, as N-Triples.

    Args:
        article: the article after every pipeline stage.
        origin: an IRI for where the text was read from (``file:///...``); building the same
            origin again replaces the graphs it produced before.

    Returns:
        Every triple of the article: the article node, each entity's type and labels, mentions,
        statements and relations.
    """
    iri = article_iri(article.text, article.part)
    node = _nt(iri)
    lines = _Lines()
    lines.add(node, _Terms.type, _Terms.article)
    lines.add(node, _Terms.type, _Terms.context)
    lines.add(node, _Terms.source, _literal(article.source))
    lines.add(node, _Terms.is_string, _literal(article.text, lang="ar"))
    if origin:
        lines.add(node, _Terms.derived_from, _nt(origin))
    if article.title:
        lines.add(node, _Terms.title, _literal(article.title, lang="ar"))
    if article.published:
        lines.add(node, _Terms.date, _date_literal(article.published))
    for entity in article.entities.values():
        lines.add(node, _Terms.mentions, _entity_triples(lines, entity))
    for mention in article.mentions:
        _mention_triples(lines, iri, mention)
    for statement in article.statements:
        _statement_triples(lines, iri, statement)
    return ArticleTriples(iri, "".join(lines.lines), len(lines.lines))


def article_graph(article: Article, origin: str | None = None) -> tuple[URIRef, Graph]:
    """``article_triples`` as an rdflib Graph (for code that works on one article's graph)."""
    triples = article_triples(article, origin)
    graph = Graph(identifier=triples.iri)
    graph.parse(data=triples.ntriples, format="nt")
    return triples.iri, graph
