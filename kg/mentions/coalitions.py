"""A coalition's units and a group's fighters, named in construct with them (issue 18).

"مقاتلات التحالف"، "طيران التحالف العربي"، "مدفعية التحالف"، "قوات التحالف الدولي": a unit's
noun (``force_words`` "coalition_unit") before the definite coalition (``force_words``
"coalition"), and the coalition's adjectives, is a force of that coalition. Whose it is
``kg.forces`` reads: the coalition the phrase names, or, for a bare "التحالف", the one coalition
the article names (التحالف العربي بقيادة السعودية). A coalition a rule named before (the
gazetteer's التحالف الدولي) keeps its own mention, and the unit's phrase reaches over it.
Which coalition "قوات التحالف" is depends on the article, so no list names it.

A noun of fighters in construct (``force_words`` "fighters": مقاتلي، مسلحو، عناصر) before a group
a rule named before it ("مقاتلي تنظيم داعش"، "عناصر حزب الله") is a force of that group, whose
name keeps its own mention. Before a force (عناصر الجيش) it is that force's members, and before
the opposition (مسلحي المعارضة) a description the article's opposition force tells too: no force
of their own.

A force's head and its adjectives before the coalition after لـ ("قوات الدفاع الجوي للتحالف"،
"القوات المشتركة للتحالف العربي"، "الوحدات التابعة للتحالف") is the coalition's force, as in
construct: the coalition is its owner, not the state whose arm the same words name alone. A nisba
between them ("القوات اليمنية الموالية للتحالف") makes it that state's force, the head-noun rule's.
"""

from __future__ import annotations

from kg.lexicon import affix, definite, single_word, word_set
from kg.mentions.arms import MAX_ADJECTIVES
from kg.mentions.base import TokenView
from kg.mentions.event_places import relational
from kg.mentions.proposals import Proposal
from kg.model import MentionType, Source
from kg.text import strip_article, strip_clitics

COALITION_UNITS = word_set("force_words", "coalition_unit")
#: The coalition, definite (التحالف).
COALITION_WORDS = word_set("force_words", "coalition")
COALITIONS = frozenset(affix("article") + word for word in COALITION_WORDS)
#: Words after a coalition that tell who leads it (الذي تقوده، يقوده): the coalition is then a force
#: of its own, read by ``kg.mentions.military``, and its unit's noun none.
_LED = word_set("function_words", "relative") | word_set("force_words", "leading")
FIGHTERS = word_set("force_words", "fighters")
#: Verbal nouns after لـ that name a coalition's purpose, as its name does (لدعم الشرعية).
_PURPOSES = word_set("force_words", "coalition_purpose")
_FOR = single_word("function_words", "for")
ORGANIZATION = MentionType.ORGANIZATION
#: What a coalition named before the unit may be (the gazetteer's التحالف الدولي).
_NAMED = (ORGANIZATION, MentionType.FORCE)


def coalition_unit(view: TokenView, i: int) -> Proposal | None:
    """The unit of a coalition at token i: its noun, in construct (no article), the definite
    coalition after it, the coalition's relational adjectives (العربي، الدولي) and its purpose
    (لدعم الشرعية), or an indefinite coalition named by its purpose; None when token i is no
    unit's noun or no coalition follows it."""
    skip = next((skip for skip, stem in view.tokens[i].readings if stem in COALITION_UNITS), None)
    coalition = i + 1
    if skip is None or coalition >= len(view.tokens) or not view.joined(i):
        return None
    if view.tokens[coalition].folded not in COALITIONS:
        # "قوات تحالف دعم الشرعية": an indefinite coalition named by its purpose alone
        bare = view.tokens[coalition].folded in COALITION_WORDS
        named = bare and _purpose_end(view, coalition, clitic="") > coalition
        return view.offer(MentionType.FORCE, i, coalition + 2, Source.HEAD_NOUN, skip) if named else None
    if coalition in view.claimed:
        if view.claimed[coalition] not in _NAMED:
            return None
        # "قوات التحالف الدولي": the coalition keeps its own mention, the unit's phrase reaches over it
        return view.offer(MentionType.FORCE, i, i, Source.HEAD_NOUN, skip, reach=view._claimed_end(coalition))
    last = _adjectives_end(view, coalition)  # "التحالف العربي لدعم الشرعية"
    if last + 1 < len(view.tokens) and view.joined(last) and view.tokens[last + 1].folded in _LED:
        return None  # "طائرات التحالف الذي تقوده السعودية"
    return view.offer(MentionType.FORCE, i, last, Source.HEAD_NOUN, skip)


def coalition_owned(view: TokenView, i: int, heads: frozenset[str]) -> Proposal | None:
    """The force at token i whose owner is the coalition after لـ: one of ``heads``, up to
    ``MAX_ADJECTIVES`` definite words that are no nisba, then the definite coalition with لـ and
    the coalition's own adjectives; None otherwise."""
    skip = next((skip for skip, stem in view.tokens[i].readings if strip_article(stem) in heads), None)
    if skip is None:
        return None
    last = i
    while last + 1 < len(view.tokens) and last - i <= MAX_ADJECTIVES and view.joined(last):
        k = last + 1
        if k in view.claimed:
            return None
        if _for_coalition(view, k):
            return view.offer(MentionType.FORCE, i, _adjectives_end(view, k), Source.HEAD_NOUN, skip)
        word = view.tokens[k].folded
        if word in view.lex.stopwords or not definite(word) or view.lex.nisba_country(word) is not None:
            return None
        last = k
    return None


def _for_coalition(view: TokenView, k: int) -> bool:
    """Whether token k is the definite coalition after لـ (للتحالف)."""
    return for_coalition(view.tokens[k].folded) is not None


def for_coalition(folded: str) -> str | None:
    """The definite coalition a folded word names after لـ (للتحالف -> التحالف), else None."""
    if not folded.startswith(_FOR):
        return None
    return next((stem for skip, stem in strip_clitics(folded) if skip == len(_FOR) and stem in COALITIONS), None)


def _adjectives_end(view: TokenView, last: int) -> int:
    """The last token of a coalition's name ending at token ``last`` with its relational adjectives
    (التحالف العربي، التحالف الدولي) and its purpose (لدعم الشرعية)."""
    start = last
    while last + 1 < len(view.tokens) and last - start < MAX_ADJECTIVES and view.joined(last):
        word = view.tokens[last + 1].folded
        if last + 1 in view.claimed or word in view.lex.stopwords or not (definite(word) and relational(word)):
            break
        last += 1
    return _purpose_end(view, last)


def _purpose_end(view: TokenView, last: int, clitic: str = _FOR) -> int:
    """The last token of a coalition's name ending at token ``last``, with its purpose after it
    when it names one: a verbal noun after لـ (``clitic``; none after an indefinite coalition, in
    construct with it) and the definite word it governs (لدعم الشرعية، تحالف دعم الشرعية)."""
    purpose, governed = last + 1, last + 2
    if governed >= len(view.tokens) or not (view.joined(last) and view.joined(purpose)):
        return last
    if purpose in view.claimed or governed in view.claimed or not definite(view.tokens[governed].folded):
        return last
    word = view.tokens[purpose].folded
    return governed if word.startswith(clitic) and word[len(clitic) :] in _PURPOSES else last


def fighters_of(view: TokenView, i: int) -> Proposal | None:
    """The fighters of a group at token i: the noun before a group named before it, reaching
    over its name; None otherwise."""
    skip = next((skip for skip, stem in view.tokens[i].readings if stem in FIGHTERS), None)
    group = i + 1
    if skip is None or group >= len(view.tokens) or not view.joined(i) or view.claimed.get(group) != ORGANIZATION:
        return None
    end = view._claimed_end(group)
    if end == group and view.tokens[group].stem() in view.lex.heads:
        return None  # "مسلحو حركة "X"": a head noun whose name the quotes keep apart names no group
    # the group keeps its own mention, the fighters' phrase reaches over it
    return view.offer(MentionType.FORCE, i, i, Source.HEAD_NOUN, skip, reach=end)
