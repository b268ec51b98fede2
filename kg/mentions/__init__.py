"""The mentions stage: spans of Article.text that name an actor, place, dialogue or agreement.

Mechanisms, in the order they claim text (``Mention.source`` says which found a span):

- ``gazetteer``: known entities (``kg/data/gazetteer.ttl``), matched on folded words with the
  proclitics و ف ب ل ك (and لل) stripped; a capital is its Country unless the text makes it a
  place (في/إلى/زار/العاصمة before it). Sets ``Mention.entity`` to the gazetteer key.
- ``title`` / ``role``: a title or rank with its genitive chain (وزير الدفاع العراقي، الجنرال،
  المتحدث باسم القوات) followed by a personal name; the name is a Person mention, the title a
  ``role`` mention. A role not followed by a name is a Person mention of its own (رئيس أركان
  الجيش). ``unnamed``: "مسؤول دفاعي أميركي"; ``back-reference``: "المسؤول".
- ``title`` also covers a name the rules find without a title: after a nationality noun
  (الأرجنتيني مارادونا) or a reporting verb the tagger agrees on (وقال ليبرمان).
- ``given-name``: a known given name (``kg/data/given_names.jsonl``) with a family name (ضياء رشوان).
- ``quoted``: a name in quotation marks after لـ, a body (قال لـ"الشرق"، في تصريح لـ«العربية»).
- ``surname``: a later mention of the last name of a person already named in the article.
- ``head-noun``: an organisation, force, government, place, dialogue or agreement head noun
  (``kg/data/head_nouns.jsonl``) with its genitive/adjective chain (definite words follow a
  definite word; an indefinite word in construct takes any next word), and for events the
  phrase that names them: "بين X وY"، "إلى X"، "لعام 2008"، "الذي أقره X".
  A bare definite event noun (الحوار، الاتفاق) is a ``back-reference``; an indefinite event
  phrase without a complement is ``weak`` (kept only when resolve can tie it to a named one).
- ``pronoun``: "بلاده" (his country), which resolve gives the country of the person before it.
- ``tagger``: a name the statistical tagger (``kg.tagger``) is sure of where no rule claimed a
  word. The tagger also vetoes a title's "name" it is sure is none, and grows a surname or
  title name the rules found to the longer name around it.
- ``recurring``: another occurrence of a name found by title or tagger, or of a person's family
  name alone, anywhere in the article.

A mention's span never includes its proclitics: Mention.text == Article.text[start:end].
"""

from __future__ import annotations

from kg.document import document
from kg.lexicon import Lexicon
from kg.mentions.base import ASSENT_OUTSIDE, ESTABLISH_WORDS, EVENT_TYPES, RANK_GRADES, RELATIVE_WORDS
from kg.mentions.chains import Chains
from kg.mentions.events import EventRules
from kg.mentions.gazetteer import GazetteerRules
from kg.mentions.heads import HeadRules
from kg.mentions.military import propose_military
from kg.mentions.named_actions import propose_named_actions
from kg.mentions.names import PersonNames
from kg.mentions.people import PeopleRules
from kg.mentions.tagged import TaggerRules
from kg.mentions.visits import propose_timed_visits
from kg.model import Article, Mention
from kg.tagger import name_tagger

__all__ = [
    "ASSENT_OUTSIDE",
    "ESTABLISH_WORDS",
    "EVENT_TYPES",
    "RANK_GRADES",
    "RELATIVE_WORDS",
    "MentionFinder",
    "MentionStage",
    "find_mentions",
]


class MentionFinder(GazetteerRules, PeopleRules, PersonNames, Chains, EventRules, HeadRules, TaggerRules):
    """Finds the mentions of one article; built per article over its document. Each base class
    holds the rules of one kind; ``find`` runs them in the order they claim text."""

    def find(self) -> list[Mention]:
        """All mentions, in text order."""
        tagger = name_tagger()
        self.tagged = tagger(self.text, self.tokens) if tagger else None
        self.match_gazetteer()
        self.match_quoted_names()
        self.match_people()
        self.match_duals()
        self.accept(propose_military(self))
        self.accept(propose_named_actions(self))
        self.accept(propose_timed_visits(self))
        self.match_heads()
        # proposals of one kind each, kept by resolve_overlaps in this order of priority
        self.accept([*self.propose_ministries(), *self.propose_directions(), *self.propose_own_country()])
        self.match_tagged()
        self.accept(self.propose_latin_names())
        self.accept(self.propose_recurring())
        return sorted(self.found, key=lambda m: (m.start, -m.end))


class MentionStage:
    """The mentions stage, built once from the lexicon: a ``MentionFinder`` per article."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def __call__(self, article: Article) -> Article:
        """Fill ``Article.mentions``."""
        article.mentions = MentionFinder(document(article), self.lex).find()
        return article


def find_mentions(article: Article) -> Article:
    """The process pipeline's mentions stage: fill ``Article.mentions``."""
    from kg.pipeline import default_pipeline  # the pipeline builds this module's stages

    return default_pipeline().stage("mentions")(article)
