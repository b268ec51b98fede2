"""Where each Wikidata link of the gazetteer was confirmed: one provenance record per link.

A QID enters ``gazetteer.ttl`` only when stored material pairs it with the entity's name; the
record in ``kg/data/wikidata_sources.jsonl`` (``{"label": entity key, "id": QID, "name": the
name the source gives, "seen_in": where}``) says where. A link without its record, or a record
naming another item, is a link nobody can check, so ``unsourced_links`` lists both and the tests
keep the list empty.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg import resources
from kg.resources import GazetteerEntry


def load_sources() -> dict[str, dict]:
    """The provenance records by entity key (``kg/data/wikidata_sources.jsonl``)."""
    return {record["label"]: record for record in resources.load("wikidata_sources")}


def unsourced_links(
    entries: Iterable[GazetteerEntry] | None = None, sources: dict[str, dict] | None = None
) -> list[str]:
    """Each gazetteer link without a provenance record for that item, and each record whose
    entity does not carry that link; empty when every link can be traced to its source.

    Args:
        entries: the gazetteer entries (default: ``gazetteer.ttl``).
        sources: the provenance records by entity key (default: ``load_sources()``).
    """
    entries = resources.load_gazetteer() if entries is None else entries
    sources = load_sources() if sources is None else sources
    linked = {entry.key: entry.wikidata for entry in entries if entry.wikidata}
    problems = []
    for key, qid in sorted(linked.items()):
        record = sources.get(key)
        if record is None:
            problems.append(f"{key}: linked to {qid} with no record of where {qid} was confirmed")
        elif record.get("id") != qid:
            problems.append(f"{key}: linked to {qid} but its record confirms {record.get('id')}")
        elif not record.get("seen_in"):
            problems.append(f"{key}: the record of {qid} does not say where it was seen")
    for key in sorted(sources.keys() - linked.keys()):
        problems.append(f"{key}: has a record for {sources[key].get('id')} but no link in the gazetteer")
    return problems
