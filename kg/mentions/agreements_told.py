"""How an agreement phrase is told: made ("تم التوصل إلى اتفاق"، "وقع البلدان مذكرة تفاهم"), by
what it provides ("اتفاق يقضي بانسحاب القوات"), with its sides ("اتفاق مع X"), in concert with
someone ("بالاتفاق مع الحكومة"), or only called for ("طالب بتشكيل لجنة"). The event rules
(``kg.mentions.events``) read these to tell an agreement from a word for one."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import Protocol

from kg import resources
from kg.lexicon import Token, definite, word_set
from kg.matcher import verb_forms
from kg.mentions.base import TokenView, spaced_gaps
from kg.mentions.event_places import PlaceNamed
from kg.mentions.words import (
    AGREEMENT,
    AND,
    BETWEEN,
    BY,
    CLAUSE_GAP_RE,
    COMMIT_REACH,
    ESTABLISH_WORDS,
    FOR,
    OF,
    ON,
    PROVIDES,
    STIPULATES,
    WITH,
)
from kg.text import fold, strip_article

__all__ = [
    "MADE_WITH",
    "SENTENCE_END_RE",
    "SENTENCE_REACH",
    "AgreementsTold",
    "DocumentTokens",
    "aim_end",
    "before_verb",
    "by_a_noun",
    "sides_follow",
    "told_reached",
    "unnamed_side_end",
]

#: Verbs and nouns of calling for something (طالب، دعا): what they call for is not done yet.
_DEMANDS = word_set("event_words", "demand")
#: Words that tell a body set up joint, of two sides or more (مشتركة).
_JOINT = word_set("event_words", "joint")
#: Verbal nouns of an agreement's making (التوصل، توقيع), the words that tell them done before
#: them (تم، بعد، عن), and the prepositions between them and the agreement (إلى، على).
_REACHED, _REACHED_LEAD = word_set("date_words", "reached"), word_set("date_words", "reached-lead")
_REACHED_TO, _AWAITED = word_set("date_words", "reached-to"), word_set("date_words", "reached-awaited")
#: Past verbs that tell a definite verbal noun after their subject done (أعلنت الحكومة التوصل),
#: unless negated (لم تؤكد روسيا التوصل).
_ANNOUNCED = frozenset(verb_forms("date_words", "reached-announced"))
_NEGATION = word_set("statement_words", "negation")
#: Most words of the subject between such a verb and the verbal noun (أعلن جيش الإسلام التوصل).
_SUBJECT_WORDS = 4
#: Most words of a purpose complement after an agreement told made (لإجلاء مقاتلي المعارضة).
_PURPOSE_WORDS = 3
#: Agreement heads made with someone (اتفاق، تفاهم): "مع X" or "بين X وY" after one names its
#: sides, so even one that needs someone to enter it is entered (تفاهمها مع روسيا; not "الشراكة مع
#: الاتحاد"); "بالـ ... مع" makes one a manner, done in concert with someone (بالاتفاق مع الحكومة).
MADE_WITH = frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("made_with"))
#: Words of a part of a group (عدد، بعض) before "من" and the group.
_QUANTIFIERS = word_set("statement_words", "subject_quantifier")
#: Most words of a side no rule named that an agreement's label takes in (اتفاق مع عدد من الفصائل).
_SIDE_WORDS = 3
#: Most tokens read on either side of a head for the words of its sentence.
SENTENCE_REACH = 30
SENTENCE_END_RE = re.compile(r"[.!?\u061f\n]")


class AgreementsTold(PlaceNamed):
    """The readings of how an agreement (or a body set up) is told, over the article's tokens."""

    def _committed(self, i: int, verbs: frozenset[str] | None = None, finite: bool = False) -> bool:
        """Whether one of ``verbs`` (the agreement verbs when None) stands shortly before token i in
        its clause: a described agreement someone signs, reaches or founds is one (ووقع البلدان
        مذكرة تفاهم أمنية، تؤسسان لشراكة دفاعية دائمة), and so are talks someone holds (وعقد
        الجانبان جلسة مباحثات). ``finite``: a verb, not its definite verbal noun, which may be only
        sought (ضرورة التوصل إلى اتفاق)."""
        verbs = self.lex.agreement_verbs if verbs is None else verbs
        for k in range(i - 1, max(-1, i - 1 - COMMIT_REACH), -1):
            # the subject and a date may stand between: "وقع الوزير ونظيره التركي، اليوم الخميس، مذكرة تفاهم"
            if not self.joined(k, CLAUSE_GAP_RE):
                return False
            if finite and definite(self.tokens[k].folded.removeprefix(AND)):
                continue
            if any(stem in verbs for _, stem in self.tokens[k].readings):
                return True
        return False

    def _sets_up(self, k: int, last: int) -> bool:
        """Whether token k sets up the body ending at token ``last`` as an arrangement of its own:
        one sides commit to or agree on ("ملتزمان بتشكيل لجنة"، "اتفقا على إنشاء مركز") or one its
        phrase calls joint or between sides ("أعلنا تشكيل لجنة مشتركة"); not a body one actor sets
        up ("أمر بتشكيل لجنة للتحقيق"، "يعكف على تشكيل ائتلاف": a body), nor a provision of the
        agreement ("الاتفاق يتضمن إنشاء مركز")."""
        if self.tokens[k].folded not in ESTABLISH_WORDS or (k > 0 and self.tokens[k - 1].folded in PROVIDES):
            return False
        agreed = self._committed(k) or self._agreed_on(k)
        return not self._called_for(k) and (agreed or self._joint(k + 1, last))

    def _agreed_on(self, k: int) -> bool:
        """Whether token k is what an agreement before it is on: "الاتفاق على تشكيل"، "اتفاق
        الطرفين على إنشاء" (an agreement, then at most its sides' word, then على)."""
        if k < 2 or self.tokens[k - 1].folded != ON or not self.joined(k - 2):
            return False
        return any(
            self.joined(j) and self.lex.heads.get(strip_article(self.tokens[j].stem())) == AGREEMENT
            for j in range(max(0, k - 3), k - 1)
        )

    def _joint(self, first: int, last: int) -> bool:
        """Whether the body from token ``first`` to ``last`` is told joint (مشتركة) or between sides
        (بين) right after it."""
        words = [strip_article(self.tokens[j].folded) for j in range(first, min(last + 1, len(self.tokens)))]
        after = last + 1 < len(self.tokens) and self.joined(last) and self.tokens[last + 1].folded == BETWEEN
        return after or any(word in _JOINT for word in words)

    def _called_for(self, k: int) -> bool:
        """Whether token k sets up a body someone only calls for: "طالبت X بتشكيل لجنة"، "دعا إلى
        تشكيل لجنة" (a body no one has set up yet, neither an arrangement nor a body)."""
        return self.tokens[k].folded in ESTABLISH_WORDS and self._demanded(k)

    def _demanded(self, k: int) -> bool:
        """Whether a verb or noun of calling for something stands before token k in its sentence."""
        # the caller may stand far before, past its subject, a date and a quotation, in its sentence
        for j in range(k - 1, max(-1, k - 1 - SENTENCE_REACH), -1):
            if SENTENCE_END_RE.search(self.gap(j)):
                return False
            if any(stem in _DEMANDS for _, stem in self.tokens[j].readings):
                return True
        return False

    def _in_concert(self, i: int, skip: int) -> bool:
        """Whether the head at token i, read with ``skip`` clitic letters, is "بالاتفاق" or
        "بالتفاهم": done in concert with someone ("بالتنسيق والاتفاق مع الحكومة"), no agreement."""
        token = self.tokens[i]
        stem = token.folded[skip:]
        return token.folded[:skip].endswith(BY) and definite(stem) and strip_article(stem) in MADE_WITH


def aim_end(view: TokenView, k: int) -> int:
    """The last token of a purpose complement at token k: its verbal noun after لـ and the
    construct chain after it, up to the first definite word (لوقف إطلاق النار، لعودة الهدوء)."""
    last = k
    while (
        last + 1 < len(view.tokens)
        and last - k < _PURPOSE_WORDS
        and view.joined(last)
        and not definite(view.tokens[last].stem())
        and view.tokens[last + 1].folded.isalpha()
        and not any(stem in view.lex.stopwords for _, stem in view.tokens[last + 1].readings)
    ):
        if last + 1 in view.claimed:
            return view._claimed_end(last + 1)  # "لإجلاء مقاتلي المعارضة": a name ends it
        last += 1
    return last


def sides_follow(view: TokenView, i: int) -> bool:
    """Whether the agreement head at token i is followed by its sides: "مع X"، "بين X وY"."""
    return view.joined(i) and i + 1 < len(view.tokens) and view.tokens[i + 1].folded in (WITH, BETWEEN)


def unnamed_side_end(view: AgreementsTold, last: int) -> int:
    """The last token of "مع X" after the agreement head chain ending at token ``last`` when
    X is a noun phrase no rule named (اتفاق مع النقابات، اتفاق مع قبائل الجنوب): the side is
    only words, so they name the agreement; else ``last``."""
    k = last + 2
    if not (sides_follow(view, last) and view.tokens[last + 1].folded == WITH) or k >= len(view.tokens):
        return last
    if not view.joined(k - 1) or k in view.claimed or not view.tokens[k].folded.isalpha():
        return last
    if any(stem in view.lex.stopwords for _, stem in view.tokens[k].readings):
        return last
    chain = view._chain(k)
    if view.tokens[k].folded in _QUANTIFIERS and view.joined(chain) and chain + 2 < len(view.tokens):
        if view.tokens[chain + 1].folded in OF and chain + 2 not in view.claimed:
            chain = view._chain(chain + 2)  # "اتفاق مع عدد من الفصائل": the group, not its count
    if any(j in view.claimed for j in range(k, chain + 2)):
        return last  # "مع متمردي شرق السودان": a name the side goes on into, read as a side
    return min(chain, k + _SIDE_WORDS - 1)


class Tokens(Protocol):
    """An article's tokens and whether each continues the phrase of the one before it: what
    ``told_reached`` reads (a component's ``TokenView``, or ``DocumentTokens`` after the mentions)."""

    tokens: Sequence[Token]

    def joined(self, i: int) -> bool: ...


class DocumentTokens:
    """The tokens of an article document for the stages after the mentions (``kg.event_dates``)."""

    def __init__(self, text: str, tokens: Sequence[Token]) -> None:
        self.text, self.tokens = text, tokens
        self._spaced = spaced_gaps(text, tokens)

    def joined(self, i: int) -> bool:
        """Whether token i+1 continues the phrase of token i (only spaces between)."""
        return 0 <= i < len(self._spaced) and self._spaced[i]


def told_reached(view: Tokens, i: int, skip: int) -> bool:
    """Whether the agreement head at token i, read with ``skip`` clitic letters, follows a verbal
    noun of its making told done: "تم التوصل إلى اتفاق"، "بعد التوصل لاتفاق"، "أعلن عن توقيع
    اتفاقية"، "جرى توقيع مذكرة" (not "للتوصل إلى اتفاق" nor "ضرورة التوصل إلى اتفاق": one only
    sought)."""
    if i < 1:
        return False
    if view.tokens[i - 1].folded in _REACHED_TO:
        k = i - 2
    elif skip:
        k = i - 1 if view.tokens[i].folded[:skip].endswith(FOR) else 0
    else:
        k = i - 1  # the verbal noun in construct with the agreement: "بعد توقيع اتفاقية"
    if k < 1:
        return False
    if not all(view.joined(j) for j in range(k - 1, i)):
        return False
    noun, lead = view.tokens[k], view.tokens[k - 1]
    if k > 1 and _awaited(view, k - 2):
        return False  # "نتوقع الإعلان عن التوصل لاتفاق": awaited
    if noun.folded.removeprefix(AND) not in _REACHED:
        return False
    return _told_done(lead) or definite(noun.folded.removeprefix(AND)) and _announced(view, k)


def _announced(view: Tokens, k: int) -> bool:
    """Whether a past verb of announcing stands before the verbal noun at token k with only its
    subject between, definite words and the heads of their constructs: "أعلنت الحكومة الليبية
    التوصل"، "أكد جيش الإسلام التوصل" (not "أكد ضرورة التوصل": a noun in construct with the
    verbal noun leaves it only sought; not "لم تؤكد روسيا التوصل")."""
    for j in range(k - 1, max(-1, k - 2 - _SUBJECT_WORDS), -1):
        if not view.joined(j):
            return False
        word = view.tokens[j].folded.removeprefix(AND)
        if word in _ANNOUNCED:
            return not (j > 0 and view.tokens[j - 1].folded in _NEGATION)
        if not definite(word) and j + 1 == k:
            return False
    return False


def _told_done(token: Token) -> bool:
    """Whether a token tells the verbal noun after it done: تم، بعد، عن."""
    return any(stem in _REACHED_LEAD for _, stem in token.readings)


def _awaited(view: Tokens, k: int) -> bool:
    """Whether token k is a noun that leaves the making after it awaited ("نتوقع الإعلان عن
    التوصل"), unless a word before it tells that noun itself done: "بعد الإعلان عن التوصل"."""
    if not any(stem in _AWAITED for _, stem in view.tokens[k].readings):
        return False
    return not (k > 0 and view.joined(k - 1) and _told_done(view.tokens[k - 1]))


def before_verb(view: TokenView, i: int, last: int, verbs: Collection[str] = STIPULATES) -> int:
    """The last token of an event's head chain (tokens i..``last``) before one of ``verbs``, which
    opens a clause of its own: what an agreement provides ("اتفاقا ينص على"، "اتفاق يقضي بـ"),
    who made a visit or where a tour goes ("زيارة قام بها"، "جولة تشمل")."""
    return next((k - 1 for k in range(i + 1, last + 1) if view.tokens[k].folded in verbs), last)


def by_a_noun(view: TokenView, k: int) -> bool:
    """Whether token k is a noun written with بـ, joined to the word before it (بانسحاب، بوقف)."""
    word = view.tokens[k].folded
    return view.joined(k - 1) and word.startswith(BY) and len(word) > len(BY) + 2 and word[len(BY) :].isalpha()
