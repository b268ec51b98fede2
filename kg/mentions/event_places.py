"""What names an event phrase right after its head: a relational adjective that tells its kind
(اتفاق أمني، وساطة قطرية), the place where it was made or meets, one the gazetteer knows
(اتفاق باريس، محادثات جنيف، قمة طهران) or a name no list knows that the name tagger reads as one
(محادثات أستانة، مؤتمر دومبارتون أوكس), with a conference's aim (مؤتمر ميونيخ للأمن), and the
year an agreement was made in (اتفاقية 1959، معاهدة عام 1955)."""

from __future__ import annotations

import re

from kg import resources
from kg.lexicon import definite, sense, single_word, word_set
from kg.mentions.base import TokenView
from kg.mentions.chains import Chains
from kg.mentions.words import (
    ACCUSATIVE,
    AGREEMENT,
    COUNTRY,
    DIALOGUE,
    FEMININE,
    FOR,
    FOR_THE,
    NISBA,
    PLACE,
    PLACES,
    VISIT_TO,
    YEAR_WORDS,
    adjective_like,
)
from kg.model import MentionType
from kg.text import fold, strip_article

#: Endings of a relational (nisba) adjective, folded: عسكري، عسكرية.
NISBA_ENDINGS = (NISBA, *(NISBA + ending for ending in word_set("nisba_endings", "singular")))
_ENDINGS_LONGEST_FIRST = sorted(NISBA_ENDINGS, key=len, reverse=True)
#: ... and in any inflection, dual, plural and accusative too: أمنيين، أمنيون، أمنيا.
_INFLECTED_ENDINGS = (NISBA, *(NISBA + ending for ending in word_set("nisba_endings")))
_VISIT = sense("head_nouns", "visit")
#: Dialogue heads that keep the aim after the place that names them (مؤتمر بروكسل للمانحين).
_NAMED_WITH_AIM = frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("named_with_aim"))
#: Agreement heads someone must enter that one side alone makes (إعلان; not تفاهم, made with someone):
#: a state after one is who makes it, "إعلان تركيا" its announcing.
_DONE_BY_ONE = frozenset(
    fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("committed") and not r.get("made_with")
)
#: The highest probability of being no name at which the tagger's reading of a word nobody
#: listed after a dialogue head is taken for the name of where the talks meet (common nouns and
#: adjectives there read 0.95 and above: مفاوضات مباشرة، مسار قضائي).
_NEW_NAME_OUTSIDE = 0.9
#: Endings of feminine nouns, singular and plural (قمة، محادثات): a masculine nisba after one agrees
#: with none of them, so it is no adjective of it but a name (محادثات سوتشي; not مؤتمر دولي).
_FEMININE_ENDINGS = (FEMININE, single_word("affixes", "feminine_plural"))


def nisba_base(stem: str, keep: int = 0) -> str:
    """A nisba without its longest ending, keeping at least ``keep`` letters (حوثية -> حوث); the
    word itself when no ending can go. ``stem`` is written without its article."""
    endings = (e for e in _ENDINGS_LONGEST_FIRST if stem.endswith(e) and len(stem) - len(e) >= keep)
    return next((stem[: -len(e)] for e in endings), stem)


def relational(word: str, any_inflection: bool = False) -> bool:
    """Whether a folded word is a relational (nisba) adjective: عسكرية، الأمني; with
    ``any_inflection``, also in the dual, plural or accusative (عسكريين، أمنيا)."""
    word = strip_article(word)
    return len(word) > 3 and word.endswith(_INFLECTED_ENDINGS if any_inflection else NISBA_ENDINGS)


def after_for(view: TokenView, k: int) -> bool:
    """Whether the name kept at token k is written after the clitic لـ (لتل أبيب; not ليبيا)."""
    return view.tokens[k].folded.startswith(FOR) and any(p.first == k and p.skip > 0 for p in view.kept)


def destination_end(view: TokenView, k: int) -> int | None:
    """The last token of the place a delegation or visit goes to from token k on: after إلى
    (إلى عمان) or after لـ written on it (لعمان); else None."""
    if k >= len(view.tokens):
        return None
    if view.tokens[k].folded in VISIT_TO and k + 1 < len(view.tokens) and view.joined(k):
        k += 1
    elif not after_for(view, k):
        return None
    return view._claimed_end(k) if view.claimed.get(k) in PLACES else None


#: A year's digits (1959، 2015): a count of four digits outside these centuries is no year.
_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")


def year_name_end(view: TokenView, i: int, kind: MentionType, last: int) -> int | None:
    """The year that names the agreement whose head at token i has its chain end at token
    ``last``, right after it with or without its noun (اتفاقية 1959، اتفاق عام 2015، معاهدة العام
    1955): its last token, else None. Such a year names one agreement, as a place does (اتفاق
    باريس); not after a head one side makes (إعلان الجمهورية عام 1956: a declaring) nor after an
    actor in the chain, whose deed the year dates ("إعلان إسرائيل عام 1948")."""
    k = last + 1
    if kind != AGREEMENT or k >= len(view.tokens) or not view.joined(last):
        return None
    if strip_article(view.tokens[i].stem()) in _DONE_BY_ONE or any(j in view.claimed for j in range(i + 1, k)):
        return None
    if view.tokens[k].folded in YEAR_WORDS and k + 1 < len(view.tokens) and view.joined(k):
        k += 1
    return k if _YEAR_RE.match(view.tokens[k].folded) else None


class PlaceNamed(Chains):
    """Event phrases named by where they were made or meet."""

    def _place_name_end(self, i: int, kind: MentionType, last: int) -> int | None:
        """The last token of the event phrase whose head at token i is in construct with a place's
        name, else None (``last``: the end of the head's chain). A state's own name names an
        agreement (اتفاق سوريا), not talks, which are about it (محادثات سوريا), and no place names
        a visit (زيارة القدس is anyone's visit there). A head one side makes (إعلان) takes a
        state or its capital as its subject, not its name: "إعلان تركيا السيطرة"، "إعلان الرياض
        تقديم مساعدات" are announcements; a city's name still names one (إعلان جدة), and so does a
        capital with nothing after it in its clause (تمسكهم بإعلان الرياض.)."""
        by_one = kind == AGREEMENT and strip_article(self.tokens[i].stem()) in _DONE_BY_ONE
        places = PLACES if kind == AGREEMENT else () if _visit(self.tokens[i].readings) else (PLACE,)
        places = (PLACE,) if by_one else places
        if not places or not self.joined(i):
            return None
        # ... but a capital the clause ends at names one (إعلان المنامة،), not who announces something
        capital = self._capital_at(i + 1) and not (by_one and self.joined(self._claimed_end(i + 1)))
        if self._unprefixed(i + 1) and (self.claimed.get(i + 1) in places or capital):
            end = self._claimed_end(i + 1)
            # talks named by a place take only its definite adjectives after it (محادثات جنيف ستبدأ: a verb)
            end = self._definite_adjectives_end(end) if kind == DIALOGUE else max(last, end)
        elif kind == DIALOGUE and self._new_place_name(i, i):
            end = i + 1
            while self._new_place_name(end, i):
                end += 1  # a name of a few words: "مفاوضات إكس ليبان"
            end = self._definite_adjectives_end(end)
        else:
            return None
        if kind == DIALOGUE and self._aim_follows(i, end):
            end = self._definite_adjectives_end(end + 1)  # "مؤتمر ميونيخ للأمن (الدولي)": its aim names it too
        return end

    def _unprefixed(self, k: int) -> bool:
        """Whether the name kept at token k carries no proclitic: in construct (محادثات جنيف), not
        a preposition's object (لقاؤها بواشنطن: her meeting in Washington)."""
        return any(p.first == k and p.skip == 0 for p in self.kept)

    def _capital_at(self, k: int) -> bool:
        """Whether the country claimed at token k is written as its capital's name, a place where
        talks meet: "قمة طهران"، "محادثات موسكو" (not "محادثات سوريا": talks about a state)."""
        if self.claimed.get(k) != COUNTRY:
            return False
        key = self.lex.lookup([t.folded for t in self.tokens[k : self._claimed_end(k) + 1]])
        return key is not None and bool(self.lex.gazetteer[key].capital_of)

    def _new_place_name(self, j: int, i: int) -> bool:
        """Whether the token after token j goes on a name no list knows after the dialogue head
        at token i: a bare word (no article, no adjective agreeing with the head) no rule has
        claimed, that is no function word, title or head noun, and that the name tagger reads as
        a name (محادثات أستانة، مؤتمر ميونيخ)."""
        k, head = j + 1, self.tokens[i].stem()
        if self.tagged is None or k >= len(self.tokens) or k in self.claimed:
            return False
        if not self.joined(j) or not self.is_word(k):
            return False
        # "اللقاء"، "زيارتهما"، "اجتماعاً": with the article, a pronoun or tanween, a noun is in construct with nothing
        if definite(head) or self.lex.unpossessed(head) or head.endswith(ACCUSATIVE) and head not in self.lex.heads:
            return False
        word = self.tokens[k].folded
        adjective = relational(word) and not (head.endswith(_FEMININE_ENDINGS) and word.endswith(NISBA))
        return (
            word.isalpha()
            # one reading only at its start: a word that may carry a clitic (بسوتشي، لعبد) opens no new name
            and (j > i or len(self.tokens[k].readings) == 1)
            and not definite(word)
            and not adjective
            and word not in self.lex.finite_verbs
            and self._tagged_name(k)
        )

    def _tagged_name(self, k: int) -> bool:
        """Whether the name tagger reads token k as (part of) a name."""
        return self.tagged is not None and self.tagged.outside[k] <= _NEW_NAME_OUTSIDE

    def _definite_adjectives_end(self, k: int) -> int:
        """The last of the definite adjectives no rule claimed after a name at token k (محادثات
        أستانة الأخيرة), or k: an indefinite word after a name opens no phrase of it."""
        while k + 1 < len(self.tokens) and self.joined(k) and k + 1 not in self.claimed:
            word = self.tokens[k + 1].folded
            if not (definite(word) and adjective_like(word) and self.is_word(k + 1)):
                break
            k += 1
        return k

    def _aim_follows(self, i: int, last: int) -> bool:
        """Whether the conference head at token i, named by a place ending at token ``last``, keeps
        a definite noun in لـ after it as its name's aim: "مؤتمر ميونيخ للأمن"، "منتدى X
        للاقتصاد" (a word no rule claimed: "مؤتمر باريس للأمم المتحدة" is the body's)."""
        k = last + 1
        if k >= len(self.tokens) or not self.joined(last) or k in self.claimed:
            return False
        if strip_article(self.tokens[i].stem()) not in _NAMED_WITH_AIM:
            return False
        return self.tokens[k].folded.startswith(FOR_THE) and self.is_word(k)


def _visit(readings: tuple[tuple[int, str], ...]) -> bool:
    """Whether a token's readings are the visit noun (زيارة، بزيارة، الزيارة)."""
    return any(strip_article(stem) == _VISIT for _, stem in readings)
