"""A state's arm named by its own words and its nationality (issue 18): "المدفعية الإسرائيلية"،
"الدفاع الجوي السوري"، "الدفاعات الجوية السعودية"، "سلاح الجو الروسي"، "البحرية المصرية"،
"الطيران الحربي الإسرائيلي"، "خفر السواحل الليبي". The arm's words are data (``force_words``
"arm"); a few epithets of an arm may come between it and the nationality (``force_words``
"arm_epithet": الحربي، الملكية), no other word ("الطيران المدني الإماراتي" is no arm).

The nationality is what makes it a force: without one, "البحرية" or "الطيران" is as often an
adjective or a trade (السفن البحرية، شركات الطيران). An arm's word right after a definite word
is that word's adjective (القوات البحرية المصرية: the head-noun rule's), and after a force's head
noun its genitive (وحدات الدفاع الجوي السورية), so none opens there.
Its owner is the nationality's state (``kg.forces``); one state's arm told in several spellings
is one force (``kg.same_forces``).
"""

from __future__ import annotations

from kg import clean, resources
from kg.lexicon import definite, word_ids, word_set
from kg.mentions.base import TokenView
from kg.mentions.proposals import Proposal
from kg.model import MentionType, Source

#: An arm's folded words -> the arm they name (الدفاع الجوي، الدفاعات الجوية -> one), longest first.
ARMS = dict(
    sorted(((tuple(w.split()), arm) for w, arm in word_ids("force_words", "arm").items()), key=lambda a: -len(a[0]))
)
#: The first words of the arms without their article, as the force rules read a head (``military._noun``).
ARM_OPENINGS = frozenset(clean.strip_article(words[0]) for words in ARMS)
_EPITHETS = word_set("force_words", "arm_epithet")
#: The feminine ending as written (ة), which the folded tokens write ه.
FEMININE = next(r["pattern"] for r in resources.load("affixes") if r["label"] == "feminine")


def arm(view: TokenView, i: int) -> Proposal | None:
    """The arm's words at token i, its epithets and the nationality after them; None when no
    nationality follows or the word before is one it qualifies (see the module docstring)."""
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
            if not _nationality(view, nationality):
                continue
            if nationality in view.claimed:  # the country keeps its own mention: the force reaches over it
                reach = view._claimed_end(nationality)
                return view.offer(MentionType.FORCE, i, last, Source.HEAD_NOUN, skip, reach=reach)
            return view.offer(MentionType.FORCE, i, nationality, Source.HEAD_NOUN, skip)
    return None


def _words_end(view: TokenView, i: int, stem: str, words: tuple[str, ...]) -> int | None:
    """The last token of an arm's ``words`` when they start at token i (read as ``stem``), else None."""
    end = i + len(words) - 1
    if stem != words[0] or end >= len(view.tokens) or any(k in view.claimed for k in range(i, end + 1)):
        return None
    following = zip(range(i + 1, end + 1), words[1:], strict=True)
    return end if all(view.joined(k - 1) and view.tokens[k].folded == w for k, w in following) else None


def _nationality(view: TokenView, k: int) -> bool:
    """Whether token k, after the phrase before it, is a country's nisba that agrees in gender
    with the word before it ("منظومة الطيران الإيرانية": the system's, no air force), or a
    country named by the nisba it also is (السعودية، السورية), which need not agree."""
    if k >= len(view.tokens) or not view.joined(k - 1):
        return False
    word = view.tokens[k].folded
    if k in view.claimed:
        return view.claimed[k] == MentionType.COUNTRY and definite(word)
    if not definite(word) or view.lex.nisba_country(word) is None:
        return False
    if view.lex.lookup([clean.strip_article(word)]) is not None:
        return True  # "الدفاع الجوي السورية": Syria by its name
    written = [view.text[view.tokens[j].start : view.tokens[j].end] for j in (k - 1, k)]
    return written[0].endswith(FEMININE) == written[1].endswith(FEMININE)
