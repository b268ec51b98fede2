"""Components that each read one word list: ministries named by portfolio, directions, "his country".

Each proposes only over tokens no rule claimed; ``resolve_overlaps`` keeps the first of two that
overlap, in ``PRIORITY`` order.
"""

from __future__ import annotations

from kg.lexicon import definite
from kg.mentions.base import TokenView
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import (
    ARTICLE,
    COUNTRY,
    COUNTRYSIDE,
    DIRECTIONS,
    DIVIDED_REGIONS,
    INSIDE_OF,
    ORGANIZATION,
    OWN_COUNTRY,
    PERSON,
    PLACE,
    PORTFOLIOS,
    WRITTEN_FEMININE,
    direction_word,
)
from kg.model import Source


class Ministries(TokenView):
    """ "قالت الخارجية الإيرانية"، "أعلنت الداخلية العراقية": a ministry named by its portfolio
    and its country (not "السياسة الخارجية التركية", where the portfolio word is an adjective)."""

    rule = Rule.MINISTRY

    def propose(self) -> list[Proposal]:
        found = []
        for i in self.ctx.doc.tokens_reading(PORTFOLIOS):
            if i + 1 >= len(self.tokens):
                break
            # inside a role the ministry is a body of its own (المتحدث باسم الخارجية التركية)
            if self.claimed.get(i, PERSON) != PERSON or self.claimed.get(i + 1, PERSON) != PERSON:
                continue
            skip, stem = self.tokens[i].readings[-1]
            if not self.joined(i) or stem not in PORTFOLIOS or not self.lex.nisba_country(self.tokens[i + 1].folded):
                continue
            if i > 0 and self.joined(i - 1) and definite(self.tokens[i - 1].stem()) and i not in self.claimed:
                continue
            if i in self.claimed:
                if self.tokens[i - 1].folded in INSIDE_OF:
                    self.add(ORGANIZATION, i, i + 1, Source.MINISTRY, skip)
            else:
                found.append(self.offer(ORGANIZATION, i, i + 1, Source.MINISTRY, skip))
        return [*self.proposals, *found]


class Directions(TokenView):
    """ "شمال شرق سوريا": a quarter of a country (two directions before it) is a Place that takes
    it in, and so is any direction of a region wider than one (شمال أفريقيا); one direction of a
    country (جنوب سوريا، شمالي إسرائيل) only locates, as one of a city or province does (جنوب شرقي
    مدينة حمص: the city is the place), which is how hand-annotated articles take both. The definite
    quarter with its country's nisba is that Place too (الشمال الشرقي السوري)."""

    rule = Rule.DIRECTION

    def propose(self) -> list[Proposal]:
        found = []
        for i in self.ctx.doc.tokens_reading(DIRECTIONS):  # a direction, with its article or not
            token = self.tokens[i]
            if i in self.claimed:
                continue
            last = self._country_part(i)
            if last is not None:
                found.append(self.offer(PLACE, i, last, Source.HEAD_NOUN, token.readings[-1][0]))
                continue
            if token.stem() not in DIRECTIONS:
                continue
            j = i + 1
            if j < len(self.tokens) and self.tokens[j].folded in DIRECTIONS and self.joined(i):
                j += 1
            if j < len(self.tokens) and self.joined(j - 1) and self._divided(j, token.stem(), quarter=j > i + 1):
                skip, reach = token.readings[-1][0], self._claimed_end(j)
                if self._direction_after(reach):
                    reach += 1  # "ريف حلب الشرقي"
                found.append(self.offer(PLACE, i, j - 1, Source.HEAD_NOUN, skip, reach=reach))
        return found

    def _divided(self, j: int, direction: str, quarter: bool) -> bool:
        """Whether the place claimed at token j is one the direction names a part of: a country,
        by a quarter of it, or a region wider than one (أفريقيا، الضفة الغربية); any place has a
        countryside."""
        kind = self.claimed.get(j)
        if kind != PLACE:
            return kind == COUNTRY and quarter
        if direction in COUNTRYSIDE:
            return True
        words = " ".join(self.tokens[k].folded for k in range(j, self._claimed_end(j) + 1))
        return words in DIVIDED_REGIONS

    def _direction_after(self, k: int) -> bool:
        """Whether the word after token k is a definite direction adjective (الشرقي، الجنوبية)."""
        if k + 1 >= len(self.tokens) or not self.joined(k) or k + 1 in self.claimed:
            return False
        word = self.tokens[k + 1].folded
        return definite(word) and word[len(ARTICLE) :] not in DIRECTIONS and direction_word(word)

    def _country_part(self, i: int) -> int | None:
        """The last token of a definite quarter with a definite country nisba at token i (الشمال
        الشرقي السوري), else None."""
        stem = self.tokens[i].stem()
        if not (definite(stem) and stem[len(ARTICLE) :] in DIRECTIONS) or not self._direction_after(i):
            return None
        nisba = i + 2
        if nisba >= len(self.tokens) or not self.joined(i + 1) or nisba in self.claimed:
            return None
        word = self.tokens[nisba].folded
        return nisba if definite(word) and self.lex.nisba_country(word) else None


class OwnCountry(TokenView):
    """ "بلاده": a Country mention that resolve gives the country of the person before it."""

    rule = Rule.OWN_COUNTRY

    def propose(self) -> list[Proposal]:
        found = []
        for i in self.ctx.doc.tokens_reading(OWN_COUNTRY):
            if self.text[self.tokens[i].end - 1] == WRITTEN_FEMININE:
                continue  # "بلدة" (a town) folds to "بلده" (his country)
            for skip, stem in self.tokens[i].readings:
                if stem in OWN_COUNTRY and i not in self.claimed:
                    found.append(self.offer(COUNTRY, i, i, Source.PRONOUN, skip))
                    break
        return found
