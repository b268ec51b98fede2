"""The only reader of ``kg/data``: pattern records (``*.jsonl``) and the Turtle gazetteer.

A pattern resource is one JSON object per line with at least a ``label`` (spaCy's
``span_ruler`` ``patterns.jsonl``: ``{"label", "pattern", "id", ...}``); any other keys are
kept as they are. An empty resource warns, a malformed record raises naming file and line.
The gazetteer (``gazetteer.ttl``) is parsed here into plain ``GazetteerEntry`` records, so
no pipeline stage ever touches rdflib.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.errors import InputError
from kg.model import Entity

DATA_DIR = Path(__file__).resolve().parent / "data"
GAZETTEER_FILE = DATA_DIR / "gazetteer.ttl"

_ISNAD = "https://w3id.org/isnad/ontology#"
_RES = "https://w3id.org/isnad/id/"
_WD = "http://www.wikidata.org/entity/"
#: The gazetteer properties naming an entry's sides: who takes part, who is bound, whose force it is.
_SIDE_PROPERTIES = ("participant", "party", "affiliation")
_SCHEMA = "https://schema.org/"


@dataclass(frozen=True)
class GazetteerEntry:
    """One known actor, place or event of the gazetteer."""

    key: str  #: the path of its ``res:`` IRI, used as ``Entity.key`` ("country/iraq")
    type: str  #: an ontology class name ("Country", "Force", ...)
    label_ar: str
    label_en: str | None = None
    aliases: tuple[str, ...] = ()  #: skos:altLabel @ar
    wikidata: str | None = None  #: QID of skos:exactMatch
    capital_of: str | None = None  #: for a capital: the key of the country it can stand for
    #: actor keys: a dialogue's participants, an agreement's parties, a force's owners (kg.known_sides)
    participants: tuple[str, ...] = field(default=())
    nationality: str | None = None  #: for a person: the key of the country he acts for (schema:nationality)

    def entity(self, aliases: bool = False) -> Entity:
        """A new article entity for this entry; with ``aliases``, its altLabels come along (else
        only the labels the article itself uses are added, as it is resolved)."""
        return Entity(self.key, self.type, self.label_ar, self.label_en,
                      alt_labels=list(self.aliases) if aliases else [], wikidata=self.wikidata)


def available() -> list[str]:
    """Names of the pattern resources in ``kg/data``."""
    return sorted(path.stem for path in DATA_DIR.glob("*.jsonl"))


@cache
def load(name: str) -> list[dict]:
    """Read the pattern resource ``kg/data/NAME.jsonl`` (cached: read once per process).

    Returns:
        The records, in file order.

    Raises:
        InputError: the resource does not exist (the message lists those that do), or a line is
            not a JSON object with a ``label`` (the message names the file and line).
    """
    path = DATA_DIR / f"{name}.jsonl"
    if not path.is_file():
        raise InputError(f"No language resource '{name}'; available: {', '.join(available())}.")
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid JSON ({exc.msg}).") from None
        if not isinstance(record, dict) or not isinstance(record.get("label"), str):
            raise InputError(f"{path}:{number}: a record must be a JSON object with a string 'label'.")
        records.append(record)
    if not records:
        warnings.warn(f"Language resource {path} is empty.", stacklevel=2)
    return records


def patterns(name: str, label: str | None = None) -> list[str]:
    """The ``pattern`` strings of a resource, optionally only those with one ``label``."""
    return [r["pattern"] for r in load(name) if "pattern" in r and (label is None or r["label"] == label)]


def words(name: str, label: str | None = None, fold: Callable[[str], str] = str) -> list[str]:
    """The ``pattern`` words of a word-list resource (those with ``label``), folded, in file order, each once."""
    return list(dict.fromkeys(fold(word) for word in patterns(name, label)))


def alternation(name: str, label: str | None = None, fold: Callable[[str], str] = str) -> str:
    """A regex group that matches any word of a word-list resource (those with ``label``).

    A record may name the ``proclitics`` its word takes (``"وف"``: وزار، فزار); records keep
    their file order within the group of their proclitics: ``(?:[وف]?(?:زار|زارت)|زيارة)``.
    """
    groups: dict[str, list[str]] = {}
    for record in load(name):
        if "pattern" in record and (label is None or record["label"] == label):
            group = groups.setdefault(record.get("proclitics", ""), [])
            if (word := fold(record["pattern"])) not in group:
                group.append(word)
    if not groups:
        raise InputError(f"Language resource '{name}' has no words labelled '{label}'.")
    return (
        "(?:"
        + "|".join(
            (f"[{clitics}]?" if clitics else "") + "(?:" + "|".join(map(re.escape, forms)) + ")"
            for clitics, forms in groups.items()
        )
        + ")"
    )


@cache
def load_gazetteer(path: Path = GAZETTEER_FILE) -> tuple[GazetteerEntry, ...]:
    """Parse the Turtle gazetteer into entries (cached).

    Raises:
        InputError: the file is not valid Turtle, or a subject lacks a type or an Arabic label.
    """
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF, RDFS, SKOS

    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(f"{path}: not valid Turtle ({exc}).") from None
    isnad = lambda term: URIRef(_ISNAD + term)  # noqa: E731 - a local namespace shorthand

    def key_of(node) -> str:
        return str(node)[len(_RES) :]

    entries = []
    for subject in sorted(set(graph.subjects(RDF.type, None))):
        if not str(subject).startswith(_RES):
            continue
        types = [str(t)[len(_ISNAD) :] for t in graph.objects(subject, RDF.type) if str(t).startswith(_ISNAD)]
        labels = {lit.language: str(lit) for lit in graph.objects(subject, RDFS.label)}
        if not types or "ar" not in labels:
            raise InputError(f"{path}: {subject} needs an isnad: type and an rdfs:label in Arabic (@ar).")
        match = next((str(o) for o in graph.objects(subject, SKOS.exactMatch) if str(o).startswith(_WD)), None)
        capital = graph.value(subject, isnad("capitalOf"))
        nationality = graph.value(subject, URIRef(_SCHEMA + "nationality"))
        entries.append(
            GazetteerEntry(
                key=key_of(subject),
                type=types[0],
                label_ar=labels["ar"],
                label_en=labels.get("en"),
                aliases=tuple(sorted(str(o) for o in graph.objects(subject, SKOS.altLabel))),
                wikidata=match[len(_WD) :] if match else None,
                capital_of=key_of(capital) if capital is not None else None,
                nationality=key_of(nationality) if nationality is not None else None,
                participants=tuple(
                    sorted(key_of(o) for prop in _SIDE_PROPERTIES for o in graph.objects(subject, isnad(prop)))
                ),
            )
        )
    if not entries:
        warnings.warn(f"Gazetteer {path} is empty.", stacklevel=2)
    return tuple(entries)
