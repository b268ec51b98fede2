"""The gazetteer components: names the gazetteer knows, and quoted names after لـ."""

from __future__ import annotations

from kg.mentions.events import EventPhrases
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import (
    BY,
    CLOSE_QUOTE_RE,
    EVENT_TYPES,
    FOR,
    MAX_QUOTED_NAME,
    NAME_GAP_RE,
    OPEN_QUOTE_RE,
    PLACE_CUES,
)
from kg.model import MentionType, Source


class GazetteerNames(EventPhrases):
    """Names the gazetteer knows (``Source.GAZETTEER``): the longest at each token, a capital as
    its country unless the text makes it a place, a known event with the phrase that names it."""

    rule = Rule.GAZETTEER

    def propose(self) -> list[Proposal]:
        i = 0
        while i < len(self.tokens):
            hit = self._gazetteer_at(i)
            if hit is None:
                i += 1
                continue
            last, key, reading = hit
            entry = self.lex.gazetteer[key]
            kind, entity = MentionType(entry.type), key
            if entry.capital_of and not self._place_context(i, reading):
                kind, entity = MentionType.COUNTRY, entry.capital_of
            reach = self._event_end(last, kind) if kind in EVENT_TYPES else None
            skip = self.tokens[i].readings[reading][0]
            self.add(kind, i, last, Source.GAZETTEER, skip, reach=reach, entity=entity)
            i = last + 1
        return self.proposals

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
        if BY in token.folded[: len(token.folded) - len(token.readings[reading][1])]:
            return True
        before = i - 1
        while before > 0 and self.lex.nisba_country(self.tokens[before].folded) and self.joined(before):
            before -= 1  # "العاصمة الأميركية واشنطن"
        return before >= 0 and self.tokens[before].stem() in PLACE_CUES and self.joined(before)


class QuotedNames(EventPhrases):
    """A name in quotation marks after لـ is a body, mostly the outlet a speaker talked to (قال
    لـ"الشرق"، في تصريح لـ«العربية»، وفقاً لـ"رويترز"), ``Source.QUOTED``. A place the gazetteer
    found in it is the outlet's name (لـ"الشرق الأوسط"): the quoted name outranks it."""

    rule = Rule.QUOTED

    def propose(self) -> list[Proposal]:
        n = len(self.tokens)

        def free(k: int) -> bool:
            return self.claimed.get(k) in (None, MentionType.PLACE, MentionType.COUNTRY)

        for i in range(n - 1):
            if self.tokens[i].folded != FOR or not OPEN_QUOTE_RE.match(self.gap(i)) or not free(i + 1):
                continue
            for last in range(i + 1, min(i + 1 + MAX_QUOTED_NAME, n)):
                if not free(last) or not (last in self.claimed or self.is_word(last)):
                    break
                closing = self.text[self.tokens[last].end : self.tokens[last + 1].start] if last + 1 < n else ""
                if CLOSE_QUOTE_RE.match(closing) or last + 1 == n:
                    self.proposals.append(self.offer(MentionType.ORGANIZATION, i + 1, last, Source.QUOTED))
                    break
                if not self.joined(last):
                    break
        return self.proposals
