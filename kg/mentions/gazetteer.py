"""The gazetteer rules: names the gazetteer knows, and quoted names after لـ."""

from __future__ import annotations

from kg import clean
from kg.mentions.base import (
    _CLOSE_QUOTE_RE,
    _FOR,
    _MAX_QUOTED_NAME,
    _OPEN_QUOTE_RE,
    _PLACE_CUES,
    EVENT_TYPES,
    NAME_GAP_RE,
    TokenView,
)
from kg.model import Mention, Source


class GazetteerRules(TokenView):
    """Names the gazetteer knows (a capital as its country unless the text makes it a place), and
    quoted names after لـ."""

    def match_gazetteer(self) -> None:
        i = 0
        while i < len(self.tokens):
            hit = self._gazetteer_at(i)
            if hit is None:
                i += 1
                continue
            last, key, reading = hit
            entry = self.lex.gazetteer[key]
            kind, entity = entry.type, key
            if entry.capital_of and not self._place_context(i, reading):
                kind, entity = "Country", entry.capital_of
            token = self.tokens[i]
            start = token.start + token.readings[reading][0]
            end = self.tokens[self._event_end(last, kind) if kind in EVENT_TYPES else last].end
            self.found.append(Mention(kind, self.text[start:end], start, end, entity, Source.GAZETTEER))
            for index in range(i, last + 1):
                self.claimed[index] = kind
            if kind == "Person":
                self.person_names[clean.strip_article(self.tokens[last].folded)] = 1
            i = last + 1

    def match_quoted_names(self) -> None:
        """A name in quotation marks after لـ is a body, mostly the outlet a speaker talked to
        (قال لـ"الشرق"، في تصريح لـ«العربية»، وفقاً لـ"رويترز")."""
        n = len(self.tokens)

        def free(k: int) -> bool:
            # a place the gazetteer found there is the outlet's name: لـ"الشرق الأوسط" is the newspaper
            return self.claimed.get(k) in (None, "Place", "Country")

        for i in range(n - 1):
            if self.tokens[i].folded != _FOR or not _OPEN_QUOTE_RE.match(self.gap(i)) or not free(i + 1):
                continue
            for last in range(i + 1, min(i + 1 + _MAX_QUOTED_NAME, n)):
                if not free(last) or not (last in self.claimed or self.is_word(last)):
                    break
                closing = self.text[self.tokens[last].end : self.tokens[last + 1].start] if last + 1 < n else ""
                if _CLOSE_QUOTE_RE.match(closing) or last + 1 == n:
                    self._unclaim(i + 1, last)
                    self.add("Organization", i + 1, last, Source.QUOTED)
                    break
                if not self.joined(last):
                    break

    def _gazetteer_at(self, i: int) -> tuple[int, str, int] | None:
        """(last token, key, clitic reading) of the longest gazetteer name starting at token i."""
        best = None
        for reading, (_, stem) in enumerate(self.tokens[i].readings):
            for words, key in self.lex.aliases.get(stem, ()):
                last = i + len(words) - 1
                if last >= len(self.tokens) or (best and last <= best[0]):
                    continue
                if all(
                    self.tokens[i + k].folded == words[k] and self.joined(i + k - 1, NAME_GAP_RE)
                    for k in range(1, len(words))
                ):
                    best = (last, key, reading)
        return best

    def _place_context(self, i: int, reading: int) -> bool:
        """Whether the capital at token i is a place: a preposition/visit verb before it, or its ب (in)."""
        token = self.tokens[i]
        if "ب" in token.folded[: len(token.folded) - len(token.readings[reading][1])]:
            return True
        before = i - 1
        while before > 0 and self.lex.nisba_country(self.tokens[before].folded) and self.joined(before):
            before -= 1  # "العاصمة الأميركية واشنطن"
        return before >= 0 and self.tokens[before].stem() in _PLACE_CUES and self.joined(before)
