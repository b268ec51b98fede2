"""The mentions stage: spans of Article.text that name an actor, place, dialogue or agreement.

Small components (``COMPONENTS``, in the order they run) each read the article's ``Context``
(its document's tokens, the lexicon, the tagger's reading) and the proposals kept before them,
and propose typed token spans of one kind (``kg.mentions.proposals.Proposal``); after each,
``resolve_overlaps``, one pure function, keeps proposals by the declared ``PRIORITY`` of their
rules. A proposal is never changed: a better reading of the same words is a proposal of its own
that outranks it. The mentions are made once, from the kept proposals.
``Mention.source`` says how a span was found:

- ``gazetteer`` (``GazetteerNames``): known entities (``kg/data/gazetteer.ttl``), matched on
  folded words with the proclitics و ف ب ل ك (and لل) stripped; a capital is its Country unless
  the text makes it a place (في/إلى/زار/العاصمة before it). Sets ``Mention.entity``.
- ``quoted`` (``QuotedNames``): a name in quotation marks after لـ, a body (قال لـ"الشرق"); it
  outranks a place the gazetteer found in it.
- ``People``, one pass in text order: ``role`` + ``title``, a title or rank with its genitive
  chain (وزير الدفاع العراقي، المتحدث باسم القوات) and the personal name after it, which links
  its role (``Mention.role``); a role with no name is a Person of its own. ``title`` also covers
  a name after a nationality noun (الأرجنتيني مارادونا) or a reporting verb the tagger agrees on
  (وقال ليبرمان); ``given-name``: a known given name with a family name (ضياء رشوان);
  ``unnamed``: "مسؤول دفاعي أميركي"; ``back-reference``: "المسؤول"; ``surname``: the last name
  of a person named before.
- ``dual`` (``Duals``): a dual naming two known bodies (وزارتي الدفاع والخارجية الأميركيتين).
- ``head-noun`` (``HeadPhrases``): an organisation, force, government, place, dialogue or
  agreement head noun (``kg/data/head_nouns.jsonl``) with its genitive/adjective chain, and for
  events the phrase that names them ("بين X وY"، "إلى X"، "لعام 2008"، "الذي أقره X"). A bare
  definite event noun is a ``back-reference``; an event phrase no one enters is ``weak``.
- ``NamedPairs``: the two places a dual kind of place names (بلدتي X وY, ``kg.mentions.districts``).
- ``ministry``, directions, ``pronoun`` (``Ministries``, ``Directions``, ``OwnCountry``): one
  word list each (الخارجية التركية، شمال شرق سوريا، بلاده).
- ``tagger`` (``TaggedNames``): a name the statistical tagger (``kg.tagger``) is sure of where
  no rule claimed a word; its longer name around names the rules found in pieces outranks them.
- ``latin`` (``LatinNames``): a lone Latin-script word amid Arabic (CNN).
- ``recurring`` (``RecurringNames``): another occurrence of a name found by title or tagger, or
  of a person's family name alone.
- ``PhoneCalls`` (last, over every name kept): a call told by its verb, "اتصل X بـY"، "تحدث X
  هاتفياً مع Y" (``kg.mentions.calls``): a dialogue that claims its verb and reaches the one called;
  ``Meetings``: a meeting, reception or visit told by its past verb, "استقبل X Y"، "زار X البلد"
  (``kg.mentions.meetings``), the same way.

A mention's span never includes its proclitics: Mention.text == Article.text[start:end].

A new kind of mention is a new component: a ``TokenView`` subclass with a ``rule`` (a new
``Rule``, placed in ``PRIORITY``) whose ``propose()`` returns its proposals (``self.add`` for a
span it reads over what was kept, ``self.offer`` for one that must not overlap anything), listed
in ``COMPONENTS`` where what it reads has been kept.
"""

from __future__ import annotations

from kg.document import Document, document
from kg.lexicon import Lexicon
from kg.mentions.base import Context, HeadNouns, TokenView, WordTests
from kg.mentions.calls import PhoneCalls
from kg.mentions.delegations import Delegations
from kg.mentions.districts import NamedPairs
from kg.mentions.gazetteer import GazetteerNames, QuotedNames
from kg.mentions.heads import Duals, HeadPhrases
from kg.mentions.joint_forces import JointForces
from kg.mentions.lists import Directions, Ministries, OwnCountry
from kg.mentions.meetings import Meetings
from kg.mentions.military import MilitaryPhrases
from kg.mentions.named_actions import NamedActions
from kg.mentions.people import People
from kg.mentions.proposals import PRIORITY, Proposal, Rule, claims, resolve_overlaps
from kg.mentions.tagged import LatinNames, RecurringNames, TaggedNames
from kg.mentions.visits import TimedVisits
from kg.mentions.words import ASSENT_OUTSIDE, ESTABLISH_WORDS, EVENT_TYPES, RANK_GRADES, RELATIVE_WORDS
from kg.model import Article, Mention, MentionType
from kg.tagger import name_tagger

__all__ = [
    "ASSENT_OUTSIDE",
    "COMPONENTS",
    "ESTABLISH_WORDS",
    "EVENT_TYPES",
    "PRIORITY",
    "RANK_GRADES",
    "RELATIVE_WORDS",
    "MentionStage",
    "Proposal",
    "Rule",
    "find_mentions",
    "propose_mentions",
    "resolve_overlaps",
]

#: The components in the order they run: each reads the proposals kept before it (a title's
#: chain reads the places the gazetteer found; a surname, the names found before it).
COMPONENTS: tuple[type[TokenView], ...] = (
    GazetteerNames,
    QuotedNames,
    People,
    Duals,
    MilitaryPhrases,
    NamedActions,
    TimedVisits,
    HeadPhrases,
    NamedPairs,
    Ministries,
    Directions,
    OwnCountry,
    TaggedNames,
    LatinNames,
    RecurringNames,
    PhoneCalls,
    Meetings,
    Delegations,
    JointForces,
)


def propose_mentions(
    doc: Document, lex: Lexicon, head_nouns: HeadNouns | None = None, word_tests: WordTests | None = None
) -> list[Mention]:
    """The mentions of one article document: every component proposes in turn over what was
    kept before it, and ``resolve_overlaps`` decides, after each, what is kept."""
    tagger = name_tagger()
    ctx = Context.of(doc, lex, tagger(doc.text, list(doc.tokens)) if tagger else None, head_nouns, word_tests)
    proposals: list[Proposal] = []
    kept: list[Proposal] = []
    claimed: dict[int, MentionType] = {}
    for component in COMPONENTS:
        made = component(ctx, kept, claimed).propose()
        if made:  # nothing new: what is kept, and the tokens it claims, stay as they were
            proposals += made
            kept = resolve_overlaps(proposals)
            claimed = claims(kept)
    return ctx.mentions(kept)


class MentionStage:
    """The mentions stage, built once from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.head_nouns = HeadNouns(lex)
        self.word_tests = WordTests(lex)

    def __call__(self, article: Article) -> Article:
        """Fill ``Article.mentions``."""
        article.mentions = propose_mentions(document(article), self.lex, self.head_nouns, self.word_tests)
        return article


def find_mentions(article: Article) -> Article:
    """The process pipeline's mentions stage: fill ``Article.mentions``."""
    from kg.pipeline import default_pipeline  # the pipeline builds this module's stages

    return default_pipeline().stage("mentions")(article)
