"""A state's branches and arms named by their own words (issue 18).

A branch after a force head, its owner left to the article (``branch``, ``is_branch``; ``force_words``
"branch"): "قوات الأمن"، "القوات الجوية"، "قوات التدخل السريع"، "وحدات الصاعقة والمظلات"، "الشرطة
العسكرية"; with a country's nisba it is the head-noun rule's.

An arm named by its own words and its nationality (``arm``): "المدفعية الإسرائيلية"،
"الدفاع الجوي السوري"، "الدفاعات الجوية السعودية"، "سلاح الجو الروسي"، "البحرية المصرية"،
"الطيران الحربي الإسرائيلي"، "خفر السواحل الليبي". The arm's words are data (``force_words``
"arm"); a few epithets of an arm may come between it and the nationality (``force_words``
"arm_epithet": الحربي، الملكية), no other word ("الطيران المدني الإماراتي" is no arm). An arm
that is also a country's airline (الطيران الهندي) is none near a word of civil aviation (رحلة).

An arm named inside a person's title (قائد سلاح الجو الروسي) is a force of its own, which the
title holds. A state's security services (``security_head`` with ``security_branch``: أجهزة
الأمن، الأجهزة الأمنية، أجهزة الأمن المصرية) are one of its branches; أجهزة before any other word
names devices or agencies.

The nationality is what makes it a force: without one, "البحرية" or "الطيران" is as often an
adjective or a trade (السفن البحرية، شركات الطيران). An arm's word right after a definite word
is that word's adjective (القوات البحرية المصرية: the head-noun rule's), and after a force's head
noun its genitive (وحدات الدفاع الجوي السورية), so none opens there.
Its owner is the nationality's state (``kg.forces``); one state's arm told in several spellings
is one force (``kg.same_forces``).
"""

from __future__ import annotations

from kg import resources
from kg.lexicon import OWNED_HEADS, affix, definite, word_ids, word_set
from kg.mentions.base import TokenView
from kg.mentions.event_places import relational
from kg.mentions.proposals import Proposal
from kg.mentions.words import WRITTEN_FEMININE
from kg.model import MentionType, Source
from kg.text import fold, strip_article

#: An arm's folded words -> the arm they name (الدفاع الجوي، الدفاعات الجوية -> one), longest first.
ARMS = dict(
    sorted(((tuple(w.split()), arm) for w, arm in word_ids("force_words", "arm").items()), key=lambda a: -len(a[0]))
)
#: A state's branches and arms after a force head (الأمن، الجوية، التدخل السريع), as folded words, longest first.
_BRANCHES = tuple(sorted((tuple(w.split()) for w in word_set("force_words", "branch")), key=len, reverse=True))
_AND, _ARTICLE = affix("and"), affix("article")
#: Most adjectives a military phrase takes.
MAX_ADJECTIVES = 4
#: The first words of the arms without their article, as the force rules read a head (``military._noun``).
ARM_OPENINGS = frozenset(strip_article(words[0]) for words in ARMS)
_EPITHETS = word_set("force_words", "arm_epithet")
#: Arms that are also a country's airline (الطيران الهندي), and the words of civil aviation that make them so.
_CIVIL = frozenset(tuple(fold(r["pattern"]).split()) for r in resources.load("force_words") if r.get("civil"))
_CIVIL_WORDS = word_set("force_words", "civil_aviation")
#: How many words on either side of an arm a word of civil aviation may stand.
_CIVIL_REACH = 8
#: Heads a force only with a word of security after them (أجهزة الأمن), and those words.
SECURITY_HEADS = word_set("force_words", "security_head")
_SECURITY = word_set("force_words", "security_branch")


def arm(view: TokenView, i: int) -> Proposal | None:
    """The arm's words at token i, its epithets and the nationality after them; None when no
    nationality follows or the word before is one it qualifies (see the module docstring). Inside
    a person's title ("قائد سلاح الجو الروسي") the arm is a force of its own, which the title holds."""
    if i > 0 and view.joined(i - 1):
        before = view.tokens[i - 1]
        if definite(before.folded) or any(stem in view.lex.single_heads["Force"] for _, stem in before.readings):
            return None  # "القوات البحرية": an adjective of the noun before it; "وحدات الدفاع الجوي": its genitive
    for skip, stem in view.tokens[i].readings:
        for words in ARMS:
            last = _words_end(view, i, stem, words)
            if last is None:
                continue
            while last + 1 < len(view.tokens) and view.joined(last) and view.tokens[last + 1].folded in _EPITHETS:
                last += 1  # "الطيران الحربي"
            nationality = last + 1
            if not _nationality(view, nationality) or words in _CIVIL and _civil(view, i):
                continue
            if view.claimed.get(nationality) == MentionType.COUNTRY:
                # the country keeps its own mention: the force reaches over it
                reach = view._claimed_end(nationality)
                return view.offer(MentionType.FORCE, i, last, Source.HEAD_NOUN, skip, reach=reach)
            if i in view.claimed:  # in a title: the title's words stay its own
                held = frozenset(k for k in range(i, nationality + 1) if k in view.claimed)
                return Proposal(MentionType.FORCE, i, nationality, Source.HEAD_NOUN, skip, rule=view.rule, held=held)
            return view.offer(MentionType.FORCE, i, nationality, Source.HEAD_NOUN, skip)
    return None


def security_services(view: TokenView, i: int) -> Proposal | None:
    """ "أجهزة الأمن"، "الأجهزة الأمنية"، "أجهزة الأمن المصرية": a state's security services, a
    force, with the nationality after them; None for the head before any other word."""
    skip = next((skip for skip, stem in view.tokens[i].readings if strip_article(stem) in SECURITY_HEADS), None)
    last = i + 1
    if skip is None or last >= len(view.tokens) or not view.joined(i) or last in view.claimed:
        return None
    if view.tokens[last].folded not in _SECURITY:
        return None
    if view.claimed.get(last + 1) == MentionType.COUNTRY and definite(view.tokens[last + 1].folded):
        return view.offer(MentionType.FORCE, i, last, Source.HEAD_NOUN, skip, reach=view._claimed_end(last + 1))
    after = view.tokens[last + 1].folded if last + 1 < len(view.tokens) and view.joined(last) else ""
    if last + 1 not in view.claimed and definite(after) and view.lex.nisba_country(after) is not None:
        last += 1  # "أجهزة الأمن المصرية": the nisba agrees with the head
    return view.offer(MentionType.FORCE, i, last, Source.HEAD_NOUN, skip)


def _civil(view: TokenView, i: int) -> bool:
    """Whether a word of civil aviation (رحلة، ركاب، مطار) stands within a few words of token i."""
    near = range(max(0, i - _CIVIL_REACH), min(len(view.tokens), i + _CIVIL_REACH + 1))
    return any(strip_article(stem) in _CIVIL_WORDS for k in near for _, stem in view.tokens[k].readings)


def _words_end(view: TokenView, i: int, stem: str, words: tuple[str, ...]) -> int | None:
    """The last token of an arm's ``words`` when they start at token i (read as ``stem``), else None."""
    end = i + len(words) - 1
    if stem != words[0] or end >= len(view.tokens) or any(_taken(view, i, k) for k in range(i, end + 1)):
        return None
    following = zip(range(i + 1, end + 1), words[1:], strict=True)
    return end if all(view.joined(k - 1) and view.tokens[k].folded == w for k, w in following) else None


def _taken(view: TokenView, i: int, k: int) -> bool:
    """Whether token k of the words from token i is claimed by a rule, past a title holding them all
    (a person's title claims token i too)."""
    return k in view.claimed and not (view.claimed.get(i) == view.claimed[k] == MentionType.PERSON)


def _nationality(view: TokenView, k: int) -> bool:
    """Whether token k, after the phrase before it, is a country's nisba that agrees in gender
    with the word before it ("منظومة الطيران الإيرانية": the system's, no air force), or a
    country named by the nisba it also is (السعودية، السورية), which need not agree."""
    if k >= len(view.tokens) or not view.joined(k - 1):
        return False
    word = view.tokens[k].folded
    if view.claimed.get(k, MentionType.PERSON) != MentionType.PERSON:
        return view.claimed[k] == MentionType.COUNTRY and definite(word)
    if k in view.claimed and view.claimed.get(k - 1) != MentionType.PERSON:
        return False  # a name that opens after the arm is no nationality of it
    if not definite(word) or view.lex.nisba_country(word) is None:
        return False
    if view.lex.lookup([strip_article(word)]) is not None:
        return True  # "الدفاع الجوي السورية": Syria by its name
    written = [view.text[view.tokens[j].start : view.tokens[j].end] for j in (k - 1, k)]
    return written[0].endswith(WRITTEN_FEMININE) == written[1].endswith(WRITTEN_FEMININE)


def branch(view: TokenView, i: int, found: tuple[int, bool] | None) -> Proposal | None:
    """ "قوات الأمن"، "القوات الجوية"، "وحدات الصاعقة والمظلات"، "الشرطة العسكرية": a state's branch
    or arm named by its words alone, with the branches joined to it by و and its relational
    adjectives; None when a country's nisba follows (the head-noun rule's: قوات الأمن العراقية)."""
    if found is None:
        return None
    skip, is_definite = found
    alone = is_definite and (view.tokens[i].stem(),) in _BRANCHES  # "الشرطة"
    last = i if alone else branch_end(view, i + 1)
    if last is None:
        return None
    while (after := branch_end(view, last + 1, conjunct=True)) is not None:
        last = after  # "وحدات الصاعقة والمظلات"
    while last + 1 < len(view.tokens) and view.joined(last):
        word = view.tokens[last + 1].folded
        if view.lex.nisba_country(word) or view.claimed.get(last + 1) == MentionType.COUNTRY:
            return None  # "قوات الدفاع الجوي السعودية": the country's name as its nisba
        if last + 1 in view.claimed:
            break
        if not (definite(word) and relational(word)) or last - i >= MAX_ADJECTIVES:
            break
        last += 1  # "الشرطة العسكرية"
    return view.offer(MentionType.FORCE, i, last, Source.HEAD_NOUN, skip)


def is_branch(label: str) -> bool:
    """Whether a force's label is a branch or arm named by its words alone (قوات الأمن، الشرطة
    العسكرية), whose owner the article tells elsewhere, if at all."""
    words = tuple(strip_article(w) if k == 0 else w for k, w in enumerate(fold(label).split()))
    if not words or words[0] not in OWNED_HEADS | SECURITY_HEADS:
        return False  # "الفصائل المسلحة": no state's arm
    return (_ARTICLE + words[0],) in _BRANCHES or any(words[1 : 1 + len(b)] == b for b in _BRANCHES)


def branch_end(view: TokenView, j: int, conjunct: bool = False) -> int | None:
    """The last token of a branch's words (``_BRANCHES``) starting at token j, which continues
    the phrase before it (after و when ``conjunct``); None when none starts there."""
    if j >= len(view.tokens) or not view.joined(j - 1):
        return None
    first = view.tokens[j].folded
    if conjunct:
        if not first.startswith(_AND + _ARTICLE):
            return None
        first = first[len(_AND) :]
        if (first,) in _BRANCHES and strip_article(first) in view.lex.owned_heads:
            return None  # "القوات المسلحة والشرطة": the police is a force of its own
    return next((end for words in _BRANCHES if (end := _words_end(view, j, first, words)) is not None), None)
