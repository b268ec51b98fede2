"""The sides a known dialogue or agreement has and the owners of a known force, as the gazetteer
lists them (``isnad:party``, ``isnad:participant``, ``isnad:affiliation``): the nuclear deal binds
Iran, the United States, Britain, France, Germany, Russia, China and the European Union, so an
article on "الاتفاق النووي" gets those of them it names; the Quds Force is a branch of the
Revolutionary Guard, the Popular Mobilization Forces are Iraq's.

An article that names the event or force and one of its listed sides, anywhere (a capital standing
for its state), gets that side; for a known agreement, a country or body the phrase rules read
around it that the list does not hold is no party (Israel objects to the nuclear deal, Yemen is
where a war is fought, a company invests under it: none signed it). A known agreement's list is
complete, so nothing right is lost; one with no list keeps what the text gave it.
"""

from __future__ import annotations

from kg.actors import ActorLexicon, add_keys
from kg.model import Article

#: The side types a known agreement's list holds in full (a person never signs one as a party).
_LISTED_TYPES = frozenset({"Country", "Organization"})


def read_known_sides(article: Article, lexicon: ActorLexicon) -> None:
    """Give each known dialogue, agreement and force of ``article`` its listed sides (a force's
    owners) the article names."""
    named = _named_actors(article, lexicon)
    for entity in [e for e in article.entities.values() if e.type in ("Dialogue", "Agreement", "Force")]:
        entry = lexicon.gazetteer_entry(entity.key)
        if entry is None or not entry.participants:
            continue
        sides = {"Agreement": entity.parties, "Force": entity.affiliation}.get(entity.type, entity.participants)
        if entity.type == "Agreement":
            sides[:] = [k for k in sides if k in entry.participants or article.entities[k].type not in _LISTED_TYPES]
        add_keys(sides, [lexicon.known_entity(article, k) for k in entry.participants if k in named], entity.key)


def _named_actors(article: Article, lexicon: ActorLexicon) -> set[str]:
    """The keys of the actors the article's mentions name, a capital as its state (طهران: Iran)."""
    named = set()
    for mention in article.mentions:
        if mention.entity in article.entities:
            named.add(mention.entity)
            named.add(lexicon.capital_country(mention.entity) or mention.entity)
    return named
