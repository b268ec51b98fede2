"""An unnamed official met first and named later: "قال متحدث باسم الجيش ..." then "وقال المتحدث
باسم الجيش [name]". The indefinite title phrase tied by a link (باسم، في) to a body, and a person
later given the same title, definite, tied by the same link to that body (written out again or
by its head alone: "المتحدث باسم الوزارة" after "متحدث باسم وزارة الخارجية"), are one person:
the unnamed entity becomes the named one everywhere. Only when one named person fits, so two
spokesmen of one body are never merged.
"""

from __future__ import annotations

from kg.cues import ARTICLE, strip_article
from kg.model import Article
from kg.text import fold
from kg.title_holders import absorb


def same_spokesmen(article: Article, links: tuple[str, ...], merged: dict[str, str]) -> None:
    """Add to ``merged`` (old key -> new key) each unnamed official later named under the same
    title, and give its mentions and affiliations to the named person."""
    entities = article.entities
    first_seen: dict[str, int] = {}
    for mention in article.mentions:
        if mention.entity and mention.entity not in first_seen:
            first_seen[mention.entity] = mention.start
    persons = [e for e in entities.values() if e.type == "Person" and e.key in first_seen and e.key not in merged]
    unnamed = [e for e in persons if e.role and e.role == e.label_ar and _titled(e.role, links, definite=False)]
    for official in unnamed:
        named = [
            e
            for e in persons
            if e.role != e.label_ar
            and first_seen[e.key] > first_seen[official.key]
            and _same_title(fold(official.role or ""), fold(e.role or ""), links)
        ]
        if len(named) == 1:
            absorb(article, official, named[0], merged)


def _titled(role: str, links: tuple[str, ...], definite: bool) -> bool:
    """Whether a role is a title, a link and a body (متحدث باسم الوزارة), with or without ال."""
    words = fold(role).split()
    return len(words) >= 3 and words[1] in links and words[0].startswith(ARTICLE) == definite


def _same_title(unnamed: str, named: str, links: tuple[str, ...]) -> bool:
    """Whether a definite title phrase names the same office as an indefinite one: the same title
    and link, and the same body, or that body's head alone, definite."""
    first, second = unnamed.split(), named.split()
    if len(second) < 3 or not _titled(named, links, definite=True):
        return False
    if strip_article(second[0]) != first[0] or second[1] != first[1]:
        return False
    body, other = first[2:], second[2:]
    return other == body or len(other) == 1 and strip_article(other[0]) == strip_article(body[0])

