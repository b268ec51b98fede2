"""Linking to Wikidata online: candidates for review first, links in the graph only once accepted.

Offline linking happens in ``kg.resolve`` through the gazetteer. What that leaves unlinked,
``reconcile`` looks up in Wikidata's action API: ``wbsearchentities`` by the entity's Arabic
label, then ``wbgetentities`` to check each hit's P31 (instance of), climbing P279 (subclass of)
a few levels, against the classes allowed for the entity's type (``kg/data/wikidata_types.jsonl``).
A wrong link silently corrupts every join built on it, so nothing found here enters the graph
directly: candidates go to a review file with a score, and ``accept_review`` writes only the rows
a person marked ``"accept": true``.

HTTP is the standard library's ``urllib`` with a timeout and a User-Agent that says who is
asking, as Wikimedia's API etiquette requires.
"""

from __future__ import annotations

import json
import platform
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar

from kg.errors import InputError, RemoteError
from kg.rdf import wikidata_item
from kg.store import GraphStore

TYPES_FILE = Path(__file__).resolve().parent / "data" / "wikidata_types.jsonl"

USER_AGENT = (
    f"Isnad/{version('isnad')} (Arabic-news knowledge graph; https://w3id.org/isnad; kg link --online) "
    f"Python-urllib/{platform.python_version()}"
)

#: How many P279 (subclass of) steps above a hit's P31 classes the type check climbs: enough
#: for "ministry of defence" -> "ministry" -> "government agency", few enough to stay cheap
#: and to keep distant, vague superclasses from letting a wrong-type hit through.
SUPERCLASS_DEPTH = 3

#: Hits asked of wbsearchentities per label.
SEARCH_LIMIT = 7

#: Score of a hit whose Arabic label (or alias) equals the entity's label, before ambiguity.
_EXACT_SCORES = {"label": 1.0, "alias": 0.9}
#: Ceiling for a hit that only starts with the entity's label (wbsearchentities is a prefix search).
_PARTIAL_SCORE = 0.5

_QID_RE = re.compile(r"^Q[1-9][0-9]*$")


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


class WikidataClient:
    """The two calls of Wikidata's action API that reconciling needs, each answer asked for once.

    Args:
        api_url: the ``api.php`` endpoint (``wikidata_api`` setting; tests use a local replay).
        timeout: seconds to wait for each answer.

    Raises:
        RemoteError: (from each call) the API cannot be reached or does not answer with JSON.
    """

    def __init__(self, api_url: str, timeout: float = 20.0):
        self.api_url = api_url
        self.timeout = timeout
        self._searches: dict[str, list[dict]] = {}
        self._claims: dict[str, dict | None] = {}  #: QID -> its claims, None for a missing item

    def search(self, label: str) -> list[dict]:
        """Items whose Arabic label or alias starts with ``label``, best first."""
        if label not in self._searches:
            answer = self._get(
                action="wbsearchentities", search=label, language="ar", uselang="ar",
                strictlanguage="1", type="item", limit=str(SEARCH_LIMIT),
            )
            self._searches[label] = answer.get("search", [])
        return self._searches[label]

    def claims(self, qids: Iterable[str], prop: str) -> dict[str, list[str]]:
        """The item values of property ``prop`` for each QID (missing items get no entry)."""
        wanted = set(qids)
        unknown = sorted(wanted - self._claims.keys())
        for start in range(0, len(unknown), 50):  # the API's limit per request
            batch = unknown[start : start + 50]
            entities = self._get(action="wbgetentities", ids="|".join(batch), props="claims").get("entities", {})
            for qid in batch:
                entity = entities.get(qid, {"missing": ""})
                self._claims[qid] = None if "missing" in entity else entity.get("claims", {})
        return {
            qid: _item_values(claims.get(prop, []))
            for qid in wanted
            if (claims := self._claims[qid]) is not None
        }

    def _get(self, **params: str) -> dict:
        # maxlag asks the API to refuse politely when its replicas lag, per Wikimedia's etiquette.
        query = urllib.parse.urlencode({**params, "format": "json", "maxlag": "5"})
        request = urllib.request.Request(f"{self.api_url}?{query}", headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as exc:
            raise RemoteError(f"The Wikidata API at {self.api_url} answered HTTP {exc.code}; retry later.") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise RemoteError(
                f"Cannot reach the Wikidata API at {self.api_url} ({_describe(reason)}); "
                "check the network connection, or set ISNAD_WIKIDATA_API."
            ) from None
        try:
            answer = json.loads(body)
        except ValueError:
            raise RemoteError(f"The Wikidata API at {self.api_url} did not answer with JSON.") from None
        if "error" in answer:
            error = answer["error"]
            raise RemoteError(f"The Wikidata API refused the request: {error.get('code')}: {error.get('info')}")
        return answer


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


def load_type_constraints(path: Path = TYPES_FILE) -> dict[str, frozenset[str]]:
    """Read the type-constraint table: Isnad type -> allowed Wikidata classes.

    Raises:
        InputError: a line is not a JSON record with a ``label`` and a QID ``id``; the message
            names the file and line.
    """
    table: dict[str, set[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            type_name, qid = record["label"], record["id"]
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{number}: expected a JSON record with \"label\" and \"id\".") from None
        if not _QID_RE.match(str(qid)):
            raise InputError(f"{path}:{number}: \"{qid}\" is not a Wikidata QID.")
        table.setdefault(type_name, set()).add(qid)
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
        hits = [hit for hit in client.search(label) if _QID_RE.match(hit.get("id", ""))]
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
    """Arabic text folded for comparing labels: no diacritics, one alef, ya and ta marbuta folded."""
    folded = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))
    return " ".join(folded.replace("\u0640", "").split())  # U+0640 ARABIC TATWEEL


def reconcile_store(store: GraphStore, client: WikidataClient) -> ReconcileReport:
    """Reconcile every unlinked entity of a type the constraint table covers.

    Raises:
        RemoteError: the API cannot be reached or answers badly.
    """
    constraints = load_type_constraints()
    return reconcile(store.unlinked_entities(sorted(constraints)), client, constraints)


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
        if not isinstance(qid, str) or not _QID_RE.match(qid):
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
    existing = store.exact_matches(accepted) if accepted else {}
    links = []
    for entity, qid in sorted(accepted.items()):
        item = str(wikidata_item(qid))
        if entity not in existing:
            report.missing.append(entity)
        elif existing[entity] - {item}:
            report.conflicts.append(entity)
        else:
            links.append((entity, wikidata_item(qid)))
    report.triples = store.add_exact_matches(links)
    report.linked = len(links)
    return report


def _item_values(statements: list[dict]) -> list[str]:
    """The item QIDs of a property's statements, deprecated ones left out."""
    values = []
    for statement in statements:
        if statement.get("rank") == "deprecated":
            continue
        value = statement.get("mainsnak", {}).get("datavalue", {}).get("value")
        if isinstance(value, dict) and value.get("id"):
            values.append(value["id"])
    return values


def _describe(reason: object) -> str:
    """A short, human reason for a failed connection."""
    if isinstance(reason, socket.gaierror):
        return "the host name does not resolve"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, TimeoutError):
        return "no answer before the timeout"
    return " ".join(str(reason).split())
