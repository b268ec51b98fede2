"""Visits told by their noun alone and tied to nobody: "الزيارة تأجلت" with no visitor or host
in the article, a crossing or a quarter called after the word (معبر الزيارة). A dialogue the
graph cannot say who held nor where is no event it can tell: no node. A visit the noun refers
back to was resolved to it before (``kg.events``); one a phrase also names is labelled by it
(``label_by_phrase``), so only the noun alone is left here."""

from __future__ import annotations

from kg.lexicon import sense
from kg.model import Article, Entity
from kg.naming import name_words
from kg.same_events import event_head

#: The heads a visit or a tour is told by (زيارة، جولة).
_VISIT_HEADS = frozenset({sense("head_nouns", "visit"), sense("head_nouns", "tour")})


def drop_bare_visits(article: Article) -> Article:
    """Remove the dialogues every label of which is a visit or tour noun alone, with no
    participant and no place, and their mentions."""
    dropped = {key for key, entity in article.entities.items() if _bare_visit(entity)}
    if dropped:
        article.mentions = [m for m in article.mentions if m.entity not in dropped]
        for key in dropped:
            del article.entities[key]
    return article


def _bare_visit(entity: Entity) -> bool:
    """Whether ``entity`` is a dialogue named only by a visit noun alone, tied to nobody and nowhere."""
    if entity.type != "Dialogue" or entity.participants or entity.location:
        return False
    labels = [entity.label_ar, *entity.alt_labels]
    return all(len(name_words(label)) == 1 and event_head(label) in _VISIT_HEADS for label in labels)
