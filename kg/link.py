"""Linking to Wikidata online: candidates for review first, links in the graph only once accepted.

Offline linking happens in ``kg.resolve`` through the gazetteer. What that leaves unlinked,
``reconcile`` looks up in Wikidata's action API: ``wbsearchentities`` by the entity's Arabic
label, then ``wbgetentities`` to check each hit's P31 (instance of), climbing P279 (subclass of)
a few levels, against the classes allowed for the entity's type (``kg/data/wikidata_types.jsonl``).
A wrong link silently corrupts every join built on it, so nothing found here enters the graph
directly: candidates go to a review file with a score, and ``accept_review`` writes only the rows
a person marked ``"accept": true``.

The API calls themselves are ``kg.wikidata``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg import catalog, resources
from kg.errors import InputError
from kg.rdf import wikidata_item
from kg.spans import fold
from kg.store import GraphStore
from kg.wikidata import QID_RE, WikidataClient

#: How many P279 (subclass of) steps above a hit's P31 classes the type check climbs: enough to
#: get from a specific class (a kind of ministry, of militia, of capital city) to the broad ones
#: the table lists, few enough to stay cheap and to keep distant, vague superclasses from
#: letting a wrong-type hit through.
SUPERCLASS_DEPTH = 3

#: Score of a hit whose Arabic label (or alias) equals the entity's label, before ambiguity.
_EXACT_SCORES = {"label": 1.0, "alias": 0.9}
#: Ceiling for a hit that only starts with the entity's label (wbsearchentities is a prefix search).
_PARTIAL_SCORE = 0.5


@dataclass
class Candidate:
    """One possible Wikidata item for one entity: a row of the review file."""

    entity: str  #: the entity IRI
    type: str  #: its Isnad class
    label: str  #: its Arabic label, as searched
    qid: str
    wikidata_label: str
    description: str
    match: str  #: "label", "alias" or "partial": how the hit's text relates to the label
    instance_of: list[str]  #: the hit's P31 values
    score: float  #: 0..1; exactness of the match divided among the hits that pass equally
    ambiguous: bool  #: another hit of the right type matches as well
    accept: bool = False  #: set by the reviewer

    def to_json(self) -> str:
        """The candidate as one JSON line."""
        return json.dumps(asdict(self), ensure_ascii=False)


@dataclass
class ReconcileReport:
    """What one ``reconcile`` run found."""

    entities: int = 0  #: unlinked entities looked up
    candidates: list[Candidate] = field(default_factory=list)
    rejected: int = 0  #: hits dropped because their type does not fit

    def review_lines(self) -> str:
        """The candidates as a review file: one JSON object per line."""
        return "".join(candidate.to_json() + "\n" for candidate in self.candidates)

    def summary(self, output: str) -> str:
        """One line for the user."""
        linked = len({c.entity for c in self.candidates})
        ambiguous = len({c.entity for c in self.candidates if c.ambiguous})
        return (
            f"Looked up {self.entities} unlinked entities: {len(self.candidates)} candidates for {linked} "
            f"entities ({ambiguous} ambiguous), {self.rejected} hits of the wrong type rejected; written to "
            f"{output}. Set \"accept\": true on the right rows, then run 'kg link --accept {output}'."
        )


@dataclass
class AcceptReport:
    """What one ``accept_review`` run wrote."""

    accepted: int = 0  #: rows marked accepted
    linked: int = 0  #: entities that got a link
    triples: int = 0  #: skos:exactMatch triples written (one per article graph)
    missing: list[str] = field(default_factory=list)  #: accepted entities no article graph holds
    conflicts: list[str] = field(default_factory=list)  #: accepted entities already linked elsewhere

    def summary(self) -> str:
        """One line for the user."""
        line = f"Linked {self.linked} of {self.accepted} accepted entities ({self.triples} skos:exactMatch triples)"
        if self.missing:
            line += f"; {len(self.missing)} not in the store"
        if self.conflicts:
            line += f"; {len(self.conflicts)} already linked to another item, left as they were"
        return line + "."


class TypeCheck:
    """Whether an item's P31 classes, or their superclasses, include a class allowed for a type.

    Args:
        allowed: Isnad type -> the Wikidata classes an item of that type may be an instance of.
        client: where class hierarchies (P279) are fetched.
    """

    def __init__(self, allowed: dict[str, frozenset[str]], client: WikidataClient):
        self.allowed = allowed
        self.client = client

    def fits(self, type_name: str, instance_of: Iterable[str]) -> bool:
        """Whether an item with these P31 values may be an entity of ``type_name``."""
        allowed = self.allowed.get(type_name, frozenset())
        seen: set[str] = set()
        frontier = set(instance_of)
        for _ in range(SUPERCLASS_DEPTH + 1):
            if frontier & allowed:
                return True
            seen |= frontier
            parents = self.client.claims(frontier, "P279")
            frontier = {parent for values in parents.values() for parent in values} - seen
            if not frontier:
                break
        return False


def load_type_constraints() -> dict[str, frozenset[str]]:
    """The type-constraint table (``kg/data/wikidata_types.jsonl``): Isnad type -> allowed Wikidata classes.

    Raises:
        InputError: a record's ``id`` is not a Wikidata QID (the message names the record).
    """
    table: dict[str, set[str]] = {}
    for record in resources.load("wikidata_types"):
        qid = record.get("id")
        if not isinstance(qid, str) or not QID_RE.match(qid):
            raise InputError(f"wikidata_types: {json.dumps(qid)} (for {record['label']}) is not a Wikidata QID.")
        table.setdefault(record["label"], set()).add(qid)
    return {type_name: frozenset(qids) for type_name, qids in table.items()}


def reconcile(
    entities: Iterable[tuple[str, str, str]], client: WikidataClient, constraints: dict[str, frozenset[str]]
) -> ReconcileReport:
    """Look each entity up in Wikidata and keep the hits whose type fits, scored.

    Args:
        entities: (IRI, Isnad type, Arabic label) of each unlinked entity.
        client: the Wikidata API.
        constraints: Isnad type -> allowed Wikidata classes (``load_type_constraints``).

    Returns:
        The candidates, best first per entity, and how many hits the type check rejected.

    Raises:
        RemoteError: the API cannot be reached or answers badly.
    """
    check = TypeCheck(constraints, client)
    report = ReconcileReport()
    for iri, type_name, label in entities:
        report.entities += 1
        hits = [hit for hit in client.search(label) if QID_RE.match(hit.get("id", ""))]
        classes = client.claims((hit["id"] for hit in hits), "P31")
        fitting = []
        for hit in hits:
            instance_of = classes.get(hit["id"], [])
            if check.fits(type_name, instance_of):
                fitting.append((hit, instance_of))
            else:
                report.rejected += 1
        report.candidates += _score(iri, type_name, label, fitting)
    return report


def _score(iri: str, type_name: str, label: str, fitting: list[tuple[dict, list[str]]]) -> list[Candidate]:
    """Score the type-fitting hits for one entity; equally good hits share the score."""
    key = match_key(label)
    rated = []
    for hit, instance_of in fitting:
        match = hit.get("match", {})
        text = match.get("text", hit.get("label", ""))
        if match_key(text) == key and match.get("type") in _EXACT_SCORES:
            kind, quality = match["type"], _EXACT_SCORES[match["type"]]
        else:
            kind, quality = "partial", _PARTIAL_SCORE * min(1.0, len(key) / max(1, len(match_key(text))))
        rated.append((hit, instance_of, kind, quality))
    exact = sum(1 for _, _, kind, _ in rated if kind != "partial")
    candidates = []
    for hit, instance_of, kind, quality in rated:
        # Hits that match equally well split the score: two people called the same name are
        # each no more than a coin toss, and both are flagged for the reviewer.
        peers = exact if kind != "partial" else len(rated)
        candidates.append(
            Candidate(
                entity=iri, type=type_name, label=label, qid=hit["id"],
                wikidata_label=hit.get("label", ""), description=hit.get("description", ""),
                match=kind, instance_of=instance_of, score=round(quality / max(1, peers), 2),
                ambiguous=peers > 1,
            )
        )
    return sorted(candidates, key=lambda c: -c.score)


def match_key(text: str) -> str:
    """A label folded for comparing with Wikidata's: ``spans.fold``, then alef maqsura U+0649 as
    ya U+064A and ta marbuta U+0629 as ha U+0647, which labels spell either way."""
    return " ".join(fold(text).replace("\u0649", "\u064a").replace("\u0629", "\u0647").split())


def reconcile_store(store: GraphStore, client: WikidataClient) -> ReconcileReport:
    """Reconcile every unlinked entity of a type the constraint table covers.

    Raises:
        RemoteError: the API cannot be reached or answers badly.
    """
    constraints = load_type_constraints()
    return reconcile(catalog.unlinked_entities(store, sorted(constraints)), client, constraints)


def read_accepted(path: Path) -> dict[str, str]:
    """The accepted rows of a review file: entity IRI -> QID.

    Raises:
        InputError: the file is missing, a line is not a review row, or one entity is accepted
            with two different items; the message names the file and line.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read the review file {path}: {exc}") from None
    accepted: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            entity, qid, accept = row["entity"], row["qid"], row["accept"]
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{number}: not a review row (needs \"entity\", \"qid\" and \"accept\").") from None
        if not isinstance(accept, bool):
            raise InputError(f"{path}:{number}: \"accept\" must be true or false, not {json.dumps(accept)}.")
        if not isinstance(qid, str) or not QID_RE.match(qid):
            raise InputError(f"{path}:{number}: {json.dumps(qid)} is not a Wikidata QID.")
        if not accept:
            continue
        if entity in accepted and accepted[entity][0] != qid:
            raise InputError(
                f"{path}:{number}: {entity} is accepted as both {accepted[entity][0]} (line {accepted[entity][1]}) "
                f"and {qid}; accept one."
            )
        accepted[entity] = (qid, number)
    return {entity: qid for entity, (qid, _) in accepted.items()}


def accept_review(store: GraphStore, path: Path) -> AcceptReport:
    """Write the accepted rows of a review file as ``skos:exactMatch`` links, in one transaction.

    An entity already linked to a different item keeps its link (the reviewer's row is reported,
    not applied): two ``exactMatch`` items for one entity would make both links useless.

    Raises:
        InputError: the review file is unusable (see ``read_accepted``).
        StoreError: the write failed; the store is unchanged.
    """
    accepted = read_accepted(path)
    report = AcceptReport(accepted=len(accepted))
    existing = catalog.exact_matches(store, accepted) if accepted else {}
    links = []
    for entity, qid in sorted(accepted.items()):
        item = wikidata_item(qid)
        if entity not in existing:
            report.missing.append(entity)
        elif existing[entity] - {str(item)}:
            report.conflicts.append(entity)
        else:
            links.append((entity, item))
    report.triples = catalog.add_exact_matches(store, links)
    report.linked = len(links)
    return report
