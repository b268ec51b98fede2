"""Articles with their mentions written out, as the mentions and resolve stages would give them.

The statements and relations tests use these so that each case exercises their own rules, not
the mention finder's.
"""

from __future__ import annotations

import re

from kg.model import Article, Entity, Mention


def make_article(text: str, names: dict[str, tuple[str, str]]) -> Article:
    """An article whose mentions are every whole-word occurrence (clitics allowed) of a name.

    Args:
        text: the article text.
        names: surface form -> (type, entity key); a longer form claims its words first, and
            every form of a key becomes a label of its entity.
    """
    article = Article(source="test", text=text)
    taken: list[tuple[int, int]] = []
    for surface in sorted(names, key=len, reverse=True):
        kind, key = names[surface]
        for m in re.finditer(rf"(?<!\w)(?:[وفبل]|لل)?({re.escape(surface)})(?!\w)", text):
            if any(s < m.end(1) and m.start(1) < e for s, e in taken):
                continue
            taken.append((m.start(1), m.end(1)))
            article.mentions.append(Mention(kind, surface, m.start(1), m.end(1), key))
            entity = article.entities.setdefault(key, Entity(key=key, type=kind, label_ar=surface))
            if surface != entity.label_ar:
                entity.alt_labels.append(surface)
    article.mentions.sort(key=lambda m: m.start)
    return article


def relations_of(text: str, names: dict[str, tuple[str, str]], roles: dict[str, str]) -> Article:
    """The article with its ``names`` mentions and its persons' ``roles`` (key -> role, as the
    resolve stage gives them), after the relations stage."""
    from kg.relations import find_relations

    article = make_article(text, names)
    for key, role in roles.items():
        if key in article.entities:
            article.entities[key].role = role
    return find_relations(article)
