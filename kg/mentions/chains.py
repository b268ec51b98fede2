"""Title and head-noun chains: a head word with its genitive and adjective words (وزير الدفاع العراقي)."""

from __future__ import annotations

import re

from kg.lexicon import affix, definite
from kg.mentions.base import HeadReading, TokenView
from kg.mentions.words import (
    AFFILIATED,
    AND,
    AUDIENCE,
    BODIES,
    BY,
    CONJUNCTIONS,
    COUNT_NOUN_RE,
    COUNTRY,
    DIGITS_RE,
    FEMININE,
    FOR,
    FOR_THE,
    FORCE,
    GENERAL,
    GOVERNMENT,
    INSIDE_OF,
    INSIDE_OF_PRONOUN,
    MAX_CHAIN,
    MAX_ROLE,
    NAME_GAP_RE,
    NAME_STOPS,
    NISBA,
    NON,
    OBLIQUE_PLURAL,
    ORGANIZATION,
    OUTLETS,
    PERSON,
    PLACE_CATEGORIES,
    PLACE_GOVERNORS,
    PLACES,
    ROLE_OF,
    SERVES_IN,
    SUFFIXED_FEMININE_RE,
    SUFFIXED_RE,
    THIRD_PERSON_SUFFIX_RE,
    adjective_like,
    is_arabic,
)
from kg.text import strip_article

#: The written ending of a feminine elative or colour (الكبرى، العليا، الخضراء), with any marks after it.
_ELATIVE_END_RE = re.compile(r"(?:\u0649|\u0627\u0621?)[\u064b-\u065f]*$")
#: The ending of a plural nisba (العسكريين، المحليون): a broken plural of people written with ة (القادة،
#: القضاة) takes one, so it agrees with such a head although the head looks feminine.
_PLURAL_NISBA_END_RE = re.compile(r"\u064a(?:\u064a\u0646|\u0648\u0646)[\u064b-\u065f]*$")

#: Fewest letters of a coordinated word in a body's name, its article included (والعمرة).
_MIN_COORDINATED = 4
_FEMININE_PLURAL = affix("feminine_plural")
#: Endings of a nisba adjective (الثقافي، الثقافية، الثقافيين) and of a plural (الدائمين، الهيئات).
_NISBA_ADJECTIVE = (NISBA, NISBA + FEMININE, *(NISBA + ending for ending in OBLIQUE_PLURAL))
_PLURAL_ENDINGS = (_FEMININE_PLURAL, *OBLIQUE_PLURAL)
#: The letter a participle opens with (المسموع، المستقلة), an adjective as a nisba is.
_PARTICIPLE = affix("participle")


class Chains(TokenView):
    """A head word (title, head noun) with its genitive and adjective chain: "وزير الدفاع
    العراقي"، "المتحدث باسم القوات"، "قوات الأمن العراقية"."""

    def _head(self, i: int) -> HeadReading | None:
        """(type, clitic length, definite) of a head noun at token i."""
        second = self.tokens[i + 1].folded if i + 1 < len(self.tokens) and self.joined(i) else None
        return self.ctx.head_nouns.read(self.tokens[i], second)

    def _chain(self, i: int, allow_complements: bool = False, clause_stops: bool = True) -> int:
        """Last token of the genitive/adjective chain that starts with the noun at token i. With
        ``clause_stops`` (actors and forces) it ends before a word no name goes on with
        (``NAME_STOPS``, a finite verb); an event's own phrase reads on, its sides, dates and
        counts are read from what follows (``kg.mentions.events``)."""
        last = i
        is_definite = definite(self.tokens[i].stem())
        coordinated = False  # a body named for two things (وزارة الحج والعمرة) takes only adjectives after
        inside_of = False  # one "باسم" per role: a second is a name (المتحدث باسم الحكومة باسم العوادي)
        while last + 1 < len(self.tokens) and last + 1 - i < (MAX_ROLE if allow_complements else MAX_CHAIN):
            nxt = self.tokens[last + 1]
            word = nxt.folded
            country = self.claimed.get(last + 1) == COUNTRY
            if allow_complements and country and self.joined(last, NAME_GAP_RE):
                last = self._claimed_end(last + 1)  # "نائب قائد قيادة العمليات المشتركة - العراق"
                is_definite = True
                continue
            if not self.joined(last):
                break
            # "السفيرة الأمريكية في بغداد"، "النائب عن ائتلاف دولة القانون": where, or whom, the role serves
            if allow_complements and word in ROLE_OF and self.claimed.get(last + 2) in ROLE_OF[word]:
                last = self._claimed_end(last + 2)
                continue
            if allow_complements and word in ROLE_OF and (head := self._head(last + 2)) and head[0] in ROLE_OF[word]:
                last = self._chain(last + 2)  # a body no rule has claimed yet (ائتلاف دولة القانون)
                continue
            if allow_complements and word in INSIDE_OF and last + 2 < len(self.tokens) and not inside_of:
                last = self._chain(last + 2)
                is_definite = inside_of = True
                continue
            if allow_complements and word in INSIDE_OF_PRONOUN and not inside_of:
                last += 1  # "المتحدث باسمها": the body is named before; the holder's name follows
                is_definite = inside_of = True
                continue
            if allow_complements and self._told_to_outlet(i, last):
                break  # "قال ناطق باسم الحزب لوكالة فرانس برس": the outlet he spoke to
            if allow_complements and self.claimed.get(last + 1) in BODIES:
                last = self._claimed_end(last + 1)  # "رئيس جهاز مكافحة الإرهاب"
                is_definite = True
                continue
            if word.startswith(FOR) and any(stem in AUDIENCE for _, stem in nxt.readings[1:]):
                break  # "وقال مدير المستشفى للصحفيين": whom the holder spoke to
            if (
                allow_complements
                and word.startswith(FOR)
                and not word.startswith(FOR_THE)  # للأمين العام: the article follows its clitic
                and not definite(word)
                and self.is_word(last + 1)
                and last + 1 not in self.claimed
                and self._genitive_follows(last + 1)
            ):
                last += 1  # "مساعد وزير الخارجية لشؤون الشرق الأدنى"
                is_definite = False
                continue
            if word == NON and self._negated_adjective(last + 2, is_definite):
                last += 2  # "المفاوضات غير المباشرة"، "محادثات غير رسمية"
                continue
            general = word in GENERAL and is_definite  # "الأمين العام"، "القائد العام": not "العام" of a date
            if (word in self.lex.stopwords and not general) or DIGITS_RE.match(word) or not is_arabic(word):
                break
            if clause_stops and (
                word in NAME_STOPS
                and not (word in AFFILIATED and self._told_by_tie(i, last))
                or self.finite_verb(last + 1)
            ):
                break  # "الفصائل المتواجدة في"، "ألوية X التابعة لـ"، "هيئة أسست": the clause goes on, not the name
            if self.claimed.get(last + 1) in (*BODIES, PERSON) and not self.claimed.get(i):
                break
            if self._coordinated_noun(i, last + 1):
                last += 1  # "وزارة الحج والعمرة"، "هيئة الإعلام المرئي والمسموع": one body named for both
                coordinated = True
                continue
            if coordinated and not strip_article(word).endswith(_NISBA_ADJECTIVE):
                break  # after the second noun only a nisba: "وزارة الحج والعمرة السعودية", not "... الخاضعة لـ"
            if word.startswith(CONJUNCTIONS) and len(nxt.readings) > 1 and not self._known_word(word):
                break
            if word.startswith(FOR_THE) or (word.startswith(FOR) and self.lex.lookup([nxt.stem()])):
                if not (allow_complements or self.lex.lookup([nxt.stem()])):
                    break
                last += 1
                continue
            if self._title_word(last + 1) in ("rank", "honorific"):
                break
            if is_definite and (not definite(word) or SUFFIXED_RE.search(word)):
                break
            if last == i and is_definite and self._disagrees_with_head(i, last + 1):
                break  # "طالبت المنظمة التحضير لـ": the clause's object, no adjective of the head
            if not definite(word) and word.startswith(FOR) and not self.lex.nisba_country(word):
                break
            # a possessive suffix (وقتها، تدعمها) reads as an adjective's alef but ends the chain; a
            # feminine noun with one (سيادتها, its ة written ت) is the construct's last genitive
            # (actors and forces: an event's own phrase reads on, ``clause_stops``)
            suffixed = clause_stops and THIRD_PERSON_SUFFIX_RE.search(word) and not SUFFIXED_FEMININE_RE.search(word)
            adjective = adjective_like(word) and not suffixed
            bare = not definite(word) and not adjective and not self._place_named(last + 1)
            if not is_definite and bare and last > i:
                break
            if COUNT_NOUN_RE.match(word):
                break  # "قوة أمريكية قوامها 3000": its strength, not its name
            last += 1
            # a proper name is definite, and so the construct it ends: "محافظ كركوك" takes no
            # indefinite adjective, the word after it opens the holder's name (محافظ كركوك راكان ...).
            # A body's name may go on after a place (وكالة تونس أفريقيا), and a place spelt as a
            # nisba may be an adjective (فصائل سورية موالية): a known place ends roles only.
            named = allow_complements and self.claimed.get(last) in PLACES
            is_definite = definite(word) or named or self._place_named(last) or bool(SUFFIXED_FEMININE_RE.search(word))
        return last

    def _coordinated_noun(self, head: int, j: int) -> bool:
        """Whether token j, و with a definite noun or adjective, goes on with the name of the
        body whose head is at token ``head``, read up to token j - 1: a body named for two things
        (وزارة الثقافة والإعلام، هيئة الإعلام المرئي والمسموع; ``coordinated_word``)."""
        reading = self._head(head)
        if reading is None or reading[0] != ORGANIZATION or j - 1 == head:
            return False
        # the word in construct with an indefinite head is a noun (وزارة الخارجية والمغتربين), no adjective
        return self.coordinated_word(j, noun_before=j - 1 == head + 1 and not reading[2])

    def coordinated_word(self, j: int, noun_before: bool = False) -> bool:
        """Whether token j, و with a definite word after a definite one, is the second of two
        things a body is named for (الحج والعمرة، للدراسات والبحوث، المرئي والمسموع). A head noun,
        its plural, a title, a function word or a known name opens the next item of a list instead
        (وزارة الدفاع والقوات المسلحة، لجنة حقوق الإنسان والهيئات الرقابية، مجلس الأمن والأمم
        المتحدة); after an adjective (``noun_before`` False) only an adjective that agrees with it
        goes on (المركز الثقافي والجالية is a list)."""
        if j in self.claimed or not self.joined(j - 1):
            return False
        before = self.tokens[j - 1].stem()
        if not definite(before) or self._head(j) is not None or self._title_word(j):
            return False
        if self.claimed.get(j - 1, PERSON) != PERSON or self.lex.lookup([before]):
            return False  # a known name ends the body's: "وزارة الخارجية الأمريكية والبنتاغون"
        token = self.tokens[j]
        stems = [stem for skip, stem in token.readings if skip and token.folded[:skip] == AND]
        return any(
            definite(stem)
            and len(stem) > _MIN_COORDINATED
            and stem not in self.lex.stopwords
            and not self.lex.lookup([stem])
            and not self.lex.nisba_country(stem)
            and not self._plural_of_head(strip_article(stem))
            and (noun_before or _agrees_as_adjective(strip_article(before), strip_article(stem)))
            for stem in stems
        )

    def _plural_of_head(self, word: str) -> bool:
        """Whether a word without its article is the sound feminine plural of a head noun (الهيئات، المنظمات)."""
        return word.endswith(_FEMININE_PLURAL) and word[: -len(_FEMININE_PLURAL)] + FEMININE in self.lex.heads

    def _disagrees_with_head(self, head: int, j: int) -> bool:
        """Whether the definite word at token j is no adjective of the definite feminine head right
        before it, which it would agree with: feminine (الهيئة الوطنية) or a feminine elative or
        colour (المحكمة العليا، القمة الأولى، المنطقة الخضراء), or a plural nisba after a broken plural of
        people (القادة العسكريين). A definite head is in construct with no noun, so a noun
        there is the clause going on (رحبت الوزارة الترحيب، طلبت المحكمة الطلب)."""
        if not self.tokens[head].stem().endswith(FEMININE):
            return False
        token = self.tokens[j]
        return not token.folded.endswith(FEMININE) and not any(
            ending.search(self.text, token.start, token.end) for ending in (_ELATIVE_END_RE, _PLURAL_NISBA_END_RE)
        )

    def _told_to_outlet(self, i: int, last: int) -> bool:
        """Whether token last + 1 is an outlet after ل (لوكالة، لصحيفة) and the role read from
        token i up to ``last`` already says whom it serves, a body, a state, its nisba or باسم
        (ناطق باسم الحزب، ناطق عسكري لبناني): the outlet is whom the holder spoke to. A title with
        no such word serves the outlet (المدير العام لوكالة الأنباء)."""
        token = self.tokens[last + 1]
        if not token.folded.startswith(FOR) or not any(stem in OUTLETS for _, stem in token.readings[1:]):
            return False
        return any(
            self.claimed.get(k) in (*BODIES, COUNTRY)
            or self.tokens[k].folded in INSIDE_OF
            or self.lex.nisba_country(self.tokens[k].folded)
            for k in range(i + 1, last + 1)
        )

    def _told_by_tie(self, i: int, last: int) -> bool:
        """Whether the force whose head is at token i, read up to token ``last``, is told apart only
        by the tie after it: no word but a nationality between (الميليشيات الموالية لـ، الفصائل
        السورية الموالية لأنقرة: loyal to another than its nationality names). A force with a name
        (ألوية X التابعة لـ) ends before its tie."""
        head = self._head(i)
        return (
            head is not None
            and head[0] == FORCE
            and all(self.lex.nisba_country(self.tokens[k].folded) for k in range(i + 1, last + 1))
        )

    def _place_named(self, i: int) -> bool:
        """Whether token i is the name of a place no list knows, in construct with the title or
        body that governs it (محافظ بابل، بلدية الرقة), or with a kind of place (محافظة بابل) when
        it is no adjective (منطقة عازلة)."""
        before = self.tokens[i - 1].stem() if i > 0 else ""
        if before in PLACE_GOVERNORS:
            return self._head(i) is None  # "عمليات منطقة دجلة": the kind of place, its name after it
        return before in PLACE_CATEGORIES and not adjective_like(self.tokens[i].folded)

    def _genitive_follows(self, i: int) -> bool:
        """Whether a definite word follows token i in its phrase: a complement in لـ is a noun in
        construct (لشؤون الشرق), and a name that opens with ل is none (زعيم الحركة لويجي دي مايو)."""
        return i + 1 < len(self.tokens) and self.joined(i) and definite(self.tokens[i + 1].folded)

    def _negated_adjective(self, i: int, is_definite: bool) -> bool:
        """Whether token i is the adjective that غير before it negates, agreeing in definiteness."""
        if i >= len(self.tokens) or i in self.claimed or not self.joined(i - 1):
            return False
        word = self.tokens[i].folded
        return definite(word) if is_definite else not definite(word) and adjective_like(word)

    def _affiliation_end(self, last: int) -> int | None:
        """The end of the body an unnamed official serves, right after the role: "مسؤول (كبير) في
        وزارة الدفاع الأمريكية"، "مسؤول بالحكومة العراقية"، "ضابط من الجيش العراقي"; None without one."""
        j = last + 1
        if j >= len(self.tokens) or not self.joined(last):
            return None
        if j + 1 < len(self.tokens) and self.joined(j) and self.tokens[j + 1].folded in SERVES_IN:
            j += 1  # one word of rank between: "مسؤول كبير في ..."
        if self.tokens[j].folded in SERVES_IN:
            j += 1
            if j >= len(self.tokens) or not self.joined(j - 1):
                return None
        elif not self.tokens[j].folded.startswith(BY):
            return None
        if self.claimed.get(j) in (*BODIES, COUNTRY):
            return self._claimed_end(j)
        head = self._head(j)
        if head and head[0] in (*BODIES, GOVERNMENT) and (j > last + 1 or head[1]):
            return self._chain(j)
        return None


def _agrees_as_adjective(before: str, word: str) -> bool:
    """Whether a word coordinated after ``before`` agrees with it when ``before`` is an adjective
    (المرئي والمسموع، المستقلة والدولية): a nisba with a nisba or participle of its gender (الاتحاد
    القاري والمنظمة is a list), a plural with a word of its ending (الدائمين والرباعية is a list)."""
    plural = next((ending for ending in _PLURAL_ENDINGS if before.endswith(ending)), None)
    if plural is not None:
        return word.endswith(plural)
    if not before.endswith(_NISBA_ADJECTIVE):
        return True
    adjective = word.endswith(_NISBA_ADJECTIVE) or word.startswith(_PARTICIPLE)
    return adjective and not word.endswith(_PLURAL_ENDINGS) and before.endswith(FEMININE) == word.endswith(FEMININE)
