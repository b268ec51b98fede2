"""The owner a force's descriptive name names after its head noun (issue 18).

"قوات التحالف الدولي"، "قوات حلف شمال الأطلسي": the one body the words after the head name, in
full or by their first words. A coalition's unit (``kg.mentions.coalitions``: "طيران التحالف"،
"مقاتلات التحالف العربي") is the coalition's the article names, or, when no list knows that
coalition, the state the article says leads it ("التحالف العربي بقيادة السعودية"، "التحالف
الذي تقوده السعودية"): which coalition a bare "التحالف" is depends on the article. A group's
fighters ("مقاتلي تنظيم داعش"، "عناصر حزب الله") are the group's.
"""

from __future__ import annotations

import re

from kg.actors import ArticleActors, bare, labels_of
from kg.lexicon import affix
from kg.mentions.coalitions import COALITION_WORDS as _COALITIONS
from kg.mentions.coalitions import FIGHTERS, for_coalition
from kg.model import Mention
from kg.spans import fold, words_pattern
from kg.text import strip_article

_ARTICLE = affix("article")
#: Head nouns of a descriptive force name, which names its owner itself when it has one.
FORCE_HEAD_RE = re.compile(rf"^(?:{_ARTICLE})?{words_pattern('force_words', 'descriptive_head')}(?!\w)")
#: A coalition, a few words of its name and the words that say a state leads it, right before that state.
_LEADER_RE = re.compile(
    rf"(?<!\w){_ARTICLE}{words_pattern('force_words', 'coalition')}(?:\s+\w+){{0,4}}\s+"
    rf"(?:{words_pattern('force_words', 'led_by')}|(?:{words_pattern('function_words', 'relative')}\s+)?"
    rf"{words_pattern('force_words', 'leading')})\s+$"
)
#: How far before a state its coalition's words may start.
_LEADER_CHARS = 60


def named_owner(actors: ArticleActors, mention: Mention, own: str) -> list[str]:
    """The owner a descriptive force name or a coalition's unit names after its head noun, in
    full or by its first words: "قوات التحالف الدولي"، "طيران التحالف" -> the one body named (or,
    among those the article names, whose name starts) "التحالف"; "قوات سوريا الديمقراطية" names no
    owner. A coalition's unit no known body owns is its leader's (see the module docstring)."""
    words = bare(mention.text).split()
    after = next((k for k, word in enumerate(words[1:], 1) if for_coalition(fold(word))), None)
    if after is not None:  # "قوات الدفاع الجوي للتحالف": as in construct, "قوات التحالف"
        words = [words[0], strip_article(for_coalition(fold(words[after])) or ""), *words[after + 1 :]]
    coalition = len(words) >= 2 and words[1] in _COALITIONS
    if len(words) < 2 or not (FORCE_HEAD_RE.match(fold(mention.text)) or coalition):
        return []
    short = " ".join(words[1:])
    # a body named by its first words only is one the article names in full (a coalition: below):
    # "قوات الحكومة" is not the one government the gazetteer lists whose name starts so
    owners = {
        key
        for key, label in actors.lexicon.labels(actors.article, words[1])
        if key != own
        and (label == short or label.startswith(short + " ") and (coalition or key in actors.article.entities))
    }
    if coalition and len(words) == 2:  # "طيران التحالف": the coalition the article names
        owners = {key for key in owners if any(fold(label) in actors.text for label in _labels(actors, key))}
    if after is not None and len(owners) != 1:  # "للتحالف": the coalition the article names as a force
        owners = {
            e.key
            for e in actors.article.entities.values()
            if e.type == "Force" and e.key != own and bare(e.label_ar).partition(" ")[0] == words[1]
        }
    if len(owners) != 1:
        return _coalition_leader(actors) if coalition else []
    (key,) = owners
    return [actors.lexicon.known_entity(actors.article, key) if key not in actors.article.entities else key]


def _labels(actors: ArticleActors, key: str) -> tuple[str, ...]:
    """The Arabic labels of an article entity or a gazetteer entry."""
    known = actors.article.entities.get(key) or actors.lexicon.gazetteer_entry(key)
    return labels_of(known) if known else ()


def _coalition_leader(actors: ArticleActors) -> list[str]:
    """The one state the article says leads a coalition (التحالف العربي بقيادة السعودية), if one."""
    leaders = {
        m.entity
        for s, _e, m in actors.mentions
        if m.type == "Country" and _LEADER_RE.search(actors.text, max(0, s - _LEADER_CHARS), s)
    }
    return sorted(leaders) if len(leaders) == 1 else []


def fighters_owner(actors: ArticleActors, mention: Mention, start: int, end: int) -> list[str]:
    """The group a force names as the one whose fighters it is, in construct with it (مقاتلي تنظيم
    داعش -> داعش): the body whose mention ends the force's phrase."""
    if fold(mention.text).split()[0] not in FIGHTERS:
        return []
    return [m.entity for _s, e, m in actors.within(start + 1, end) if e == end and m.type == "Organization"][:1]
