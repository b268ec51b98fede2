"""Where a verb's subject stands and ends: the gaps that keep a subject next to its verb, a
preposition's object that is no subject, a feminine noun that is a masculine verb's object, and
a clause that makes the definite noun before it a subject (the speaker rules, ``kg.speakers``)."""

from __future__ import annotations

import re
from collections.abc import Collection

from kg.cues import ARTICLE, BREAK_RE, COMPLEMENTISER_RE, strip_article
from kg.model import Mention
from kg.spans import FoldedText, fold

QUOTE_CLOSERS = '"\u201d\u00bb'
#: Nothing but spaces and closing quotation marks between a subject and its verb.
ADJACENT_GAP_RE = re.compile(rf"^[\s{QUOTE_CLOSERS}]*$")
_COMMA_GAP_RE = re.compile(rf"^[\s{QUOTE_CLOSERS}]*[\u060c,][\s\u060c,]*$")
_WORD_RE = re.compile(r"\S+")
_APPOSITION_GAP_RE = re.compile(r"[\s\"\u201c\u00ab]*$")
FEMININE_END = "\u0629"  #: teh marbuta
#: How far after an unknown definite noun a clause makes that noun the verb's subject.
_CLAUSE_REACH_CHARS = 80


def after_preposition(text: str, sentence: int, start: int) -> bool:
    """Whether the word right before ``start`` in its sentence is a preposition (or another word
    that ends a subject): what follows it is no subject."""
    lead = text[sentence:start].split()
    return bool(lead) and bool(BREAK_RE.fullmatch(lead[-1]))


def feminine_word(phrase: str) -> bool:
    """Whether a phrase is one definite word with the feminine ending (الشرطة، الحكومة)."""
    words = phrase.split()
    return len(words) == 1 and words[0].startswith(ARTICLE) and words[0].endswith(FEMININE_END)


def clause_follows(ft: FoldedText, pos: int) -> bool:
    """Whether أن/إن follows within a few words, outside any quotation."""
    stop = pos
    for word in _WORD_RE.finditer(ft.folded, pos):
        stop = word.end()
        if word.start() - pos > _CLAUSE_REACH_CHARS:
            break
    return any(not ft.quote_at(m.start()) for m in COMPLEMENTISER_RE.finditer(ft.folded, pos, stop))


def subject_gap(text: str, gap: str, sentence: int, subject_start: int) -> bool:
    """Whether ``gap`` keeps a subject next to its verb: nothing, or a comma when the subject
    opens its sentence."""
    if ADJACENT_GAP_RE.match(gap):
        return True
    return bool(_COMMA_GAP_RE.match(gap)) and not BREAK_RE.search(text, sentence, subject_start)


def apposition(
    text: str,
    first: tuple[int, int, Mention],
    second: tuple[int, int, Mention],
    outlets: Collection[str],
    heads: Collection[str],
) -> bool:
    """Whether the mention ``second`` names the outlet or body ``first`` right before it: in
    quotation marks ("وكالة أنباء «رويترز»"), after an outlet's head, or a name no body head
    opens ("حركة المقاومة الإسلامية حماس"); else two names side by side are a verb's subject and
    object (اتهمت تركيا اليونان بـ، طالبت الجامعة العربية مجلس الأمن بـ). Heads are folded,
    without the article."""
    gap = _APPOSITION_GAP_RE.match(text, first[1], second[0])
    if gap is None:
        return False
    head, named = (strip_article(fold(m[2].text).split()[0]) for m in (first, second))
    if gap.group().strip() or named not in heads and first[2].type != "Country":
        return True
    return head in outlets
