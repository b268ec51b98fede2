"""The head-noun rules: phrases opened by a head noun; duals, ministries, directions."""

from __future__ import annotations

from collections.abc import Iterator

from kg import clean
from kg.lexicon import definite
from kg.mentions.base import DIRECTIONS, EVENT_TYPES, OWN_COUNTRY, PORTFOLIOS, Proposal, TokenView, adjective_like
from kg.model import Source


class HeadRules(TokenView):
    """Head-noun phrases (``Source.HEAD_NOUN``, ``WEAK``), duals of two known bodies, ministries
    named by portfolio, directions and "his country"."""

    def match_duals(self) -> None:
        """ "وزارتي الدفاع والخارجية الأميركيتين"، "وزارتي الدفاع الأميركية والعراقية": one mention per body."""
        for i, token in enumerate(self.tokens):
            readings = [(skip, stem) for skip, stem in token.readings if stem.endswith(("تي", "تا"))]
            readings = [(skip, stem) for skip, stem in readings if self.lex.heads.get(stem[:-2] + "ه")]
            if not readings or i in self.claimed:
                continue
            skip, stem = readings[0]
            nouns, countries, last = [], [], i
            while last + 1 < len(self.tokens) and last - i < 4 and self.joined(last):
                word = self.tokens[last + 1].folded
                bare_word = word[1:] if word.startswith("و") and definite(word[1:]) else word
                if not definite(bare_word):
                    break
                country = self.lex.nisba_country(bare_word)
                if country:
                    countries.append(country)
                else:
                    nouns.append(bare_word)
                last += 1
            keys = [
                key
                for noun in nouns
                for country in countries
                if (key := self._body_of(country, [stem[:-2] + "ه", noun]))
            ]
            for key in dict.fromkeys(keys):
                self.add(self.lex.gazetteer[key].type, i, last, Source.DUAL, skip, entity=key)

    def _body_of(self, country: str, words: list[str]) -> str | None:
        """The gazetteer key of a country's body named by ``words`` + the country's nisba."""
        for nisba, key in self.lex.nisbas.items():
            if key == country:
                found = self.lex.lookup([*words, "ال" + nisba + "ه"]) or self.lex.lookup([*words, "ال" + nisba])
                if found:
                    return found
        return None

    def match_heads(self) -> None:
        i = 0
        while i < len(self.tokens):
            head = self._head(i)
            if head is None or (i in self.claimed and self.claimed[i] != "Person"):
                i += 1
                continue
            kind, skip, is_definite = head
            if kind in EVENT_TYPES:
                i = self._event_at(i, kind, is_definite, skip) + 1
                continue
            last = self._chain(i)
            # "مكتب رئيس الوزراء": the office of a role; "بقيادة/برئاسة وزير الدفاع" is "led by" him
            clitics = self.text[self.tokens[i].start : self.tokens[i].start + skip]
            if kind == "Organization" and last == i and self.joined(i) and "ب" not in clitics and not is_definite:
                last = self._role_end(i + 1) or i
            if last == i:
                i += 1
                continue
            if kind == "Place":
                last = self._place_name(i, last, is_definite)
                if last == i:
                    i += 1
                    continue
            if kind == "Force" and not self._owned(i, last):
                i = last + 1
                continue
            if kind in ("Organization", "Force") and i > 0 and self._sets_up(i - 1):
                kind = "Agreement"  # "ملتزمان بتشكيل لجنة عسكرية": a body two sides commit to set up
            reach = self._event_end(last, kind) if kind == "Agreement" else last
            self.add(kind, i, last, Source.HEAD_NOUN, skip, reach=reach)
            i = last + 1

    def _role_end(self, i: int) -> int | None:
        """The last token of the role mention (a title without its name) starting at token i."""
        if i >= len(self.tokens):
            return None
        start = self.tokens[i].start
        role = next((m for m in self.found if m.source == Source.ROLE and m.start == start), None)
        if role is None:
            return None
        return next(k for k in range(i, len(self.tokens)) if self.tokens[k].end >= role.end)

    def _place_name(self, i: int, last: int, is_definite: bool) -> int:
        """Last token of a place named by its head: "قضاء الرطبة"، "جبل قرجوغ"، "السفارة الأمريكية"."""
        if is_definite:
            return last if any(self.lex.nisba_country(self.tokens[k].folded) for k in range(i + 1, last + 1)) else i
        end = i
        while end + 1 < len(self.tokens) and end - i < 2 and self.joined(end) and self.is_word(end + 1):
            word = self.tokens[end + 1].folded
            if adjective_like(word) and not definite(word) or word.startswith("و"):
                break
            end += 1
        if end == i and self._head(i + 1) and self._head(i + 1)[0] == "Place":
            end = self._place_name(i + 1, i + 1, False)  # "منطقة جبل قرجوغ"
        return end

    def _owned(self, i: int, last: int) -> bool:
        """Whether a force phrase names its owner, when its head needs one (قوات أجنبية does not)."""
        if clean.strip_article(self.tokens[i].stem()) not in self.lex.owned_heads:
            return True
        words = [self.tokens[k].folded for k in range(i + 1, last + 1)]
        return any(
            self.lex.nisba_country(w) or k in self.claimed for k, w in zip(range(i + 1, last + 1), words, strict=True)
        )

    def propose_ministries(self) -> Iterator[Proposal]:
        """ "قالت الخارجية الإيرانية"، "أعلنت الداخلية العراقية": a ministry named by its portfolio
        and its country (not "السياسة الخارجية التركية", where the portfolio word is an adjective)."""
        for i in range(len(self.tokens) - 1):
            if i in self.claimed or i + 1 in self.claimed or not self.joined(i):
                continue
            skip, stem = self.tokens[i].readings[-1]
            if stem not in PORTFOLIOS or not self.lex.nisba_country(self.tokens[i + 1].folded):
                continue
            if i > 0 and self.joined(i - 1) and definite(self.tokens[i - 1].stem()):
                continue
            yield Proposal("Organization", i, i + 1, Source.MINISTRY, skip)

    def propose_directions(self) -> Iterator[Proposal]:
        """ "شمال شرق سوريا": a direction phrase before a country or place is a Place."""
        for i, token in enumerate(self.tokens):
            if token.stem() not in DIRECTIONS or i in self.claimed:
                continue
            j = i + 1
            if j < len(self.tokens) and self.tokens[j].folded in DIRECTIONS and self.joined(i):
                j += 1
            if j < len(self.tokens) and self.joined(j - 1) and self.claimed.get(j) in ("Country", "Place"):
                skip = token.readings[-1][0]
                yield Proposal("Place", i, j - 1, Source.HEAD_NOUN, skip, reach=self._claimed_end(j))

    def propose_own_country(self) -> Iterator[Proposal]:
        """ "بلاده": a Country mention that resolve gives the country of the person before it."""
        for i, token in enumerate(self.tokens):
            for skip, stem in token.readings:
                if stem in OWN_COUNTRY and i not in self.claimed:
                    yield Proposal("Country", i, i, Source.PRONOUN, skip)
                    break
