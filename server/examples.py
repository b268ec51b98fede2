"""The query page's ready-made queries, grouped by the questions analysts ask of the graph.

Every query keeps to the graph contract (ONTOLOGY.md). The default graph is the union of the
article graphs, where a label appears once per article: the queries say DISTINCT, or aggregate
before they label.
"""

from __future__ import annotations

#: (group, [(title, SPARQL), ...]) in the order the page shows them.
EXAMPLES: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Who said what",
        [
            (
                "Who said what about US forces",
                """SELECT DISTINCT ?speaker ?name ?content ?date ?article WHERE {
  ?statement a isnad:Statement ;
             isnad:speaker ?speaker ;
             isnad:content ?content .
  ?speaker rdfs:label ?name FILTER(LANG(?name) = "ar")
  OPTIONAL { ?statement isnad:date ?date }
  OPTIONAL { ?statement prov:wasDerivedFrom ?article }
  FILTER(REGEX(?content, "أمريك|أميرك|واشنطن|التحالف"))
}
ORDER BY ?date
LIMIT 200""",
            ),
            (
                "Who said what about Iraq (any entity: change the label)",
                """# Statements whose words name the entity: one of the article's mentions of it
# lies inside the statement's content.
SELECT DISTINCT ?speaker ?name ?content ?date ?article WHERE {
  ?about rdfs:label "العراق"@ar .
  ?statement a isnad:Statement ; isnad:speaker ?speaker ; isnad:content ?content ;
             nif:referenceContext ?article ; nif:beginIndex ?begin ; nif:endIndex ?end .
  ?mention itsrdf:taIdentRef ?about ; nif:referenceContext ?article ;
           nif:beginIndex ?from ; nif:endIndex ?to .
  FILTER(?from >= ?begin && ?to <= ?end)
  ?speaker rdfs:label ?name FILTER(LANG(?name) = "ar")
  OPTIONAL { ?statement isnad:date ?date }
}
ORDER BY ?date ?speaker
LIMIT 200""",
            ),
            (
                "Statements per speaker over time",
                """SELECT ?speaker ?name ?month (COUNT(DISTINCT ?statement) AS ?statements) WHERE {
  ?statement a isnad:Statement ; isnad:speaker ?speaker .
  ?speaker rdfs:label ?name FILTER(LANG(?name) = "ar")
  OPTIONAL { ?statement isnad:date ?said }
  OPTIONAL { ?statement prov:wasDerivedFrom/dcterms:date ?published }
  BIND(SUBSTR(STR(COALESCE(?said, ?published)), 1, 7) AS ?month)
}
GROUP BY ?speaker ?name ?month
ORDER BY ?month DESC(?statements)
LIMIT 500""",
            ),
        ],
    ),
    (
        "Who met whom",
        [
            (
                "Who met whom, and when",
                """SELECT DISTINCT ?dialogue ?name ?one ?oneName ?other ?otherName ?start ?end WHERE {
  ?dialogue a isnad:Dialogue ; isnad:participant ?one, ?other ; rdfs:label ?name FILTER(LANG(?name) = "ar")
  FILTER(STR(?one) < STR(?other))
  ?one rdfs:label ?oneName FILTER(LANG(?oneName) = "ar")
  ?other rdfs:label ?otherName FILTER(LANG(?otherName) = "ar")
  OPTIONAL { ?dialogue isnad:startDate ?start }
  OPTIONAL { ?dialogue isnad:endDate ?end }
}
ORDER BY ?start ?dialogue
LIMIT 200""",
            ),
            (
                "Dialogues and their participants",
                """SELECT DISTINCT ?dialogue ?name ?participant ?participantName ?start ?place WHERE {
  ?dialogue a isnad:Dialogue ; rdfs:label ?name FILTER(LANG(?name) = "ar")
  OPTIONAL { ?dialogue isnad:participant ?participant .
             ?participant rdfs:label ?participantName FILTER(LANG(?participantName) = "ar") }
  OPTIONAL { ?dialogue isnad:startDate ?start }
  OPTIONAL { ?dialogue isnad:location ?place }
}
ORDER BY ?start ?dialogue
LIMIT 200""",
            ),
        ],
    ),
    (
        "Agreements",
        [
            (
                "Agreements and their parties",
                """SELECT DISTINCT ?agreement ?name ?party ?partyName ?date WHERE {
  ?agreement a isnad:Agreement ; rdfs:label ?name FILTER(LANG(?name) = "ar")
  OPTIONAL { ?agreement isnad:party ?party .
             ?party rdfs:label ?partyName FILTER(LANG(?partyName) = "ar") }
  OPTIONAL { ?agreement isnad:date ?date }
}
ORDER BY ?agreement
LIMIT 200""",
            ),
        ],
    ),
    (
        "Forces",
        [
            (
                "Forces by country",
                """SELECT DISTINCT ?country ?name ?forces ?personnel WHERE {
  { SELECT ?country (COUNT(?force) AS ?forces) (SUM(?strength) AS ?personnel) WHERE {
      { SELECT ?force ?country (MAX(COALESCE(?count, 0)) AS ?strength) WHERE {
          ?force a isnad:Force ; isnad:affiliation ?country . ?country a isnad:Country
          OPTIONAL { ?force isnad:strength ?count }
        } GROUP BY ?force ?country }
    } GROUP BY ?country }
  OPTIONAL { ?country rdfs:label ?name FILTER(LANG(?name) = "ar") }
}
ORDER BY DESC(?forces) ?country""",
            ),
            (
                "Forces, whose they are and where",
                """SELECT DISTINCT ?force ?name ?owner ?ownerName ?place ?placeName ?strength WHERE {
  ?force a isnad:Force ; rdfs:label ?name FILTER(LANG(?name) = "ar")
  OPTIONAL { ?force isnad:affiliation ?owner .
             ?owner rdfs:label ?ownerName FILTER(LANG(?ownerName) = "ar") }
  OPTIONAL { ?force isnad:location ?place .
             ?place rdfs:label ?placeName FILTER(LANG(?placeName) = "ar") }
  OPTIONAL { ?force isnad:strength ?strength }
}
ORDER BY ?ownerName ?name
LIMIT 200""",
            ),
        ],
    ),
    (
        "Articles",
        [
            (
                "Articles and their headlines",
                """SELECT DISTINCT ?article ?title ?date ?source WHERE {
  ?article a isnad:Article .
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:date ?date }
  OPTIONAL { ?article dcterms:source ?source }
}
ORDER BY ?date
LIMIT 200""",
            ),
        ],
    ),
]
