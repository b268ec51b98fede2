"""A state's forces as a whole (issue 18: duplicates across articles): "الجيش المصري"، "القوات
المسلحة المصرية"، "قوات النظام" and "القوات الحكومية" of Syria name one state's forces, which
``kg.same_forces`` makes one force within an article, and this module gives one key in every
article: the gazetteer's force that names them by the state's nisba (الجيش السوري), else
``ARMED_FORCES`` and the state. A contingent (قوات مصرية) or soldiers (الجنود المصريون) are the
article's own; a force given its state by its context alone, with a word of backing after it,
may have been given its backer (القوات الحكومية، مدعومة من روسيا) and keeps its own key.
"""

from __future__ import annotations

import re

from kg import resources, spans
from kg.force_backers import BACKED_INSIDE_RE
from kg.lexicon import Lexicon, definite, word_set
from kg.model import Article, Entity
from kg.text import fold, strip_article

#: Heads of a state's forces as a whole (قوات، جيش).
WHOLE_HEADS = word_set("force_words", "whole_head")
#: Words after such a head that name the whole of a state's forces, as its nisba does (المسلحة، النظام).
_WHOLE = word_set("force_words", "whole")
#: A state's regular soldiers (جنود): not one force with their people's fighters or mercenaries.
REGULAR = frozenset(fold(r["pattern"]) for r in resources.load("force_words") if r.get("regular"))
_COUNTRY = "country/"
#: The key of a state's forces as a whole that the gazetteer does not know, before the state's key.
ARMED_FORCES = "force/armed-forces--"
#: A word of backing after a force's phrase, a comma maybe between (القوات الحكومية، مدعومة من), and
#: how many characters after the phrase it is looked for in.
_BACKED_AFTER_RE = re.compile(rf"[\s\u060c,]*{BACKED_INSIDE_RE.pattern}")
_BACKING_REACH = 30


def national(force: Entity, lex: Lexicon) -> str | None:
    """The state a force names as a whole (قوات/جيش + its nisba, its name or ``_WHOLE`` words:
    الجيش المصري، جيش مصر، قوات النظام، القوات المسلحة السورية), when it is owned by that one
    state; else None."""
    states = [k for k in force.affiliation if k.startswith(_COUNTRY)]
    words = _label_words(force)
    if len(states) != 1 or len(force.affiliation) != 1 or len(words) < 2:
        return None
    if strip_article(words[0]) not in WHOLE_HEADS:
        return None
    whole = all(w in _WHOLE for w in words[1:])  # "قوات النظام": the state is its owner's
    return states[0] if whole or _whole_by_words(words, states[0], lex) else None


def state_forces(article: Article, lex: Lexicon, state: str, forces: list[Entity]) -> str | None:
    """The key of one state's forces as a whole in every article, whichever words an article
    names them by (الجيش المصري، القوات المسلحة المصرية، القوات المسلحة of Egypt): the gazetteer's
    force that names them (الجيش السوري for Syria's), made an entity of the article, where it
    knows one, else ``ARMED_FORCES`` and the state. None when the gazetteer has several (they
    are told apart by their words), or when the article names them only without the article
    (قوات مصرية: a contingent) or by their soldiers (الجنود المصريون)."""
    if not any(_definite_whole(words, lex) for words in map(_label_words, forces)):
        return None
    by_words = any(_whole_by_words(_label_words(e), state, lex) for e in forces)
    if not by_words and any(_backed_after(article, e.key) for e in forces):
        return None  # "القوات الحكومية، مدعومة من روسيا": the state it was given may be its backer
    known = [
        key
        for key, entry in lex.gazetteer.items()
        if entry.type == "Force"
        and any(_whole_by_words(_label_words(label), state, lex) for label in (entry.label_ar, *entry.aliases))
    ]
    if not known:
        return ARMED_FORCES + state.removeprefix(_COUNTRY)
    if len(known) > 1:
        return None  # Iraq's army and its security forces: the gazetteer knows them apart
    article.entities.setdefault(known[0], lex.gazetteer[known[0]].entity())
    return known[0]


def _backed_after(article: Article, key: str) -> bool:
    """Whether a word of backing follows a mention of a force (القوات الحكومية المدعومة من)."""
    text = article.text
    return any(
        _BACKED_AFTER_RE.match(spans.fold(text[m.end : m.end + _BACKING_REACH]))
        for m in article.mentions
        if m.entity == key
    )


def _definite_whole(words: list[str], lex: Lexicon) -> bool:
    """Whether a national force's words name it definite (الجيش المصري، قوات النظام، جيش مصر), and
    by its head of forces, not of soldiers."""
    named = definite(words[0]) or definite(words[1]) or lex.lookup(words[1:]) is not None
    return named and strip_article(words[0]) not in REGULAR


def _whole_by_words(words: list[str], state: str, lex: Lexicon) -> bool:
    """Whether a label's folded words name ``state``'s forces as a whole by its nisba or name
    (الجيش السوري، القوات المسلحة الأردنية), not by words any state's may take (القوات المسلحة)."""
    if len(words) < 2 or strip_article(words[0]) not in WHOLE_HEADS:
        return False
    rest = [w for w in words[1:] if w not in _WHOLE]
    # "جيش مصر"، "الجيش المصري"
    return bool(rest) and (lex.lookup(rest) == state or all(lex.nisba_country(w) == state for w in rest))


def _label_words(force: Entity | str) -> list[str]:
    """The folded words of a force's label, or of a label."""
    return fold(force if isinstance(force, str) else force.label_ar).split()
