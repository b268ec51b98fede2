"""Plain dataclasses that flow between the pipeline stages.

Data flows one way: text -> cleaned ``Article`` -> ``Mention`` list -> resolved ``Entity``
and ``Statement`` objects -> triples (``kg.rdf``) -> store (``kg.store``). Nothing here knows
RDF: entities refer to each other by ``Entity.key``, and ``kg.rdf`` turns keys into IRIs.

Every character offset (``start``/``end``) indexes ``Article.text``, the stored article text,
never a normalised copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

#: Entity types of the graph contract (ONTOLOGY.md), in the order rdf.py declares them.
ENTITY_TYPES = ("Person", "Organization", "Country", "Force", "Place", "Agreement", "Dialogue")


class MentionType(StrEnum):
    """What a mention names: an entity type of ``ENTITY_TYPES``, or a government, which resolve
    makes the Country it governs."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    FORCE = "Force"
    PLACE = "Place"
    AGREEMENT = "Agreement"
    DIALOGUE = "Dialogue"
    GOVERNMENT = "Government"


class Source(StrEnum):
    """Which rule found a span (a rule of the mentions stage, or the statement rules' speaker
    reading), and so what kind of naming it is."""

    GAZETTEER = "gazetteer"  #: a name the gazetteer knows (بغداد، وزارة الدفاع الأمريكية)
    QUOTED = "quoted"  #: a name in quotation marks after لـ: an outlet (لـ"الشرق")
    TITLE = "title"  #: a personal name after a title or a reporting verb (الوزير فؤاد حسين)
    GIVEN_NAME = "given-name"  #: a personal name that opens with a known given name
    ROLE = "role"  #: a title phrase that stands for its holder (وزير الخارجية العراقي)
    SURNAME = "surname"  #: the last word of a name given before, on its own (السوداني)
    BACK_REFERENCE = "back-reference"  #: a definite head noun that refers back (الوزير، المباحثات)
    UNNAMED = "unnamed"  #: an official the article does not name (مسؤول أمريكي)
    DUAL = "dual"  #: a dual naming two known bodies (الخارجيتين الأمريكية والعراقية)
    HEAD_NOUN = "head-noun"  #: a phrase opened by a head noun (الحوار الاستراتيجي)
    WEAK = "weak"  #: a head-noun phrase that is an event only when someone enters it (الشراكة)
    MINISTRY = "ministry"  #: a portfolio with a nisba standing for its ministry (الخارجية التركية)
    PRONOUN = "pronoun"  #: "his country" (بلاده)
    TAGGER = "tagger"  #: a name the statistical tagger found where no rule did
    LATIN = "latin"  #: a lone word in Latin script amid Arabic (CNN)
    RECURRING = "recurring"  #: a name found before, written again
    SPEAKER = "speaker"  #: a name the statement rules read as a speaker's (kg.speaker_phrases, kg.unknown_names)


@dataclass
class Mention:
    """One span of article text that names (or refers back to) an entity."""

    type: str  #: a MentionType (the mentions stage writes its members; they compare as their names)
    text: str  #: the surface form exactly as in Article.text[start:end] (clitics stripped)
    start: int
    end: int
    entity: str | None = None  #: Entity.key once resolved
    source: Source | None = None  #: which rule found it
    #: the role mention that introduced this name ("وزير الخارجية العراقي" before "فؤاد حسين")
    role: Mention | None = field(default=None, repr=False, compare=False)


@dataclass
class Entity:
    """A resolved real-world entity or event, with the relations the article gives it."""

    key: str  #: deterministic, article-independent identity, e.g. "country/iraq"
    type: str  #: one of ENTITY_TYPES
    label_ar: str
    label_en: str | None = None
    alt_labels: list[str] = field(default_factory=list)  #: other surface forms seen
    wikidata: str | None = None  #: verified QID ("Q796"), else None
    role: str | None = None  #: title/role the article gives a person
    # Relations (values are Entity keys) and attributes, filled where the text gives them.
    participants: list[str] = field(default_factory=list)  #: Dialogue -> actors
    parties: list[str] = field(default_factory=list)  #: Agreement -> actors
    affiliation: list[str] = field(default_factory=list)  #: Force -> actors; Person/office -> the body it serves
    location: str | None = None  #: Dialogue/Force -> Place or Country key
    strength: int | None = None  #: Force personnel count
    start_date: str | None = None  #: ISO date, "YYYY-MM" or "YYYY"
    end_date: str | None = None
    date: str | None = None  #: Agreement signing date / year

    def add_label(self, label: str) -> None:
        """Keep ``label`` among the other surface forms unless the entity already has it."""
        if label != self.label_ar and label not in self.alt_labels:
            self.alt_labels.append(label)


@dataclass
class Statement:
    """One reported speech act: who said what, and where in the text."""

    cue: str  #: the reporting verb as written (قال، أكد، بحسب ...)
    cue_start: int
    cue_end: int
    content: str  #: the quote or paraphrase, as in Article.text[content_start:content_end]
    content_start: int
    content_end: int
    speakers: list[str] = field(default_factory=list)  #: Entity keys
    speaker_start: int | None = None  #: span of the speaker's words, when written out
    speaker_end: int | None = None
    direct_quote: bool = False
    date: str | None = None


@dataclass
class Article:
    """One news article moving through the pipeline."""

    source: str  #: file name or URL the text came from
    text: str  #: the stored article text (main body, boilerplate removed)
    title: str | None = None
    published: str | None = None  #: ISO date when the page states one
    part: int = 0  #: 0 for the main article (an article glued on after it is dropped: always 0 today)
    mentions: list[Mention] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)  #: by Entity.key
    statements: list[Statement] = field(default_factory=list)
    #: the text read once for every stage (``kg.document.Document``), set by the first stage
    document: object | None = field(default=None, repr=False, compare=False)
