"""Persons who are only the name of an armed group (``kg.mentions.namesakes``): "جيش خالد بن
الوليد" is a force called after him, not his (as "قوات حفتر" are Haftar's). A person the
article names only inside such a group's name, and the gazetteer does not know, is no actor of
the article: the group owes him no allegiance and he makes no node."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.mentions.namesakes import NAMESAKE_HEADS
from kg.model import Article, Mention
from kg.text import fold

_QUOTE_RE = re.compile('["\u00ab\u201c]')


def namesakes(article: Article, known: Callable[[str], bool]) -> set[str]:
    """The keys of the persons the article names only as an armed group's namesake; ``known``
    tells whether the gazetteer knows a key (a known leader owns his forces: قوات حفتر)."""
    groups = [m for m in article.mentions if m.type == "Force" and _named_after(m)]
    people: dict[str, bool] = {}
    for mention in article.mentions:
        if mention.type == "Person" and mention.entity and not known(mention.entity):
            inside = any(g.start < mention.start and mention.end <= g.end for g in groups)
            people[mention.entity] = people.get(mention.entity, True) and inside
    return {key for key, only_inside in people.items() if only_inside}


def drop_namesakes(article: Article, known: Callable[[str], bool]) -> Article:
    """Drop the persons who are only a group's name, their mentions and the relations to them;
    a group named after one is labelled without the quotation mark its name opened with."""
    dropped = namesakes(article, known)
    if not dropped:
        return article
    for mention in article.mentions:
        entity = article.entities.get(mention.entity or "")
        if mention.type == "Force" and entity and entity.label_ar == mention.text and _named_after(mention):
            entity.label_ar = " ".join(_QUOTE_RE.sub(" ", mention.text).split())
    article.mentions = [m for m in article.mentions if m.entity not in dropped]
    for key in dropped:
        del article.entities[key]
    for entity in article.entities.values():
        for relation in ("participants", "parties", "affiliation"):
            setattr(entity, relation, [k for k in getattr(entity, relation) if k not in dropped])
    return article


def _named_after(mention: Mention) -> bool:
    """Whether a force mention opens with a group's noun that takes a person's name."""
    words = mention.text.split()
    return len(words) > 1 and fold(words[0]) in NAMESAKE_HEADS
