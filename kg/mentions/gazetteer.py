"""The gazetteer components: names the gazetteer knows, and quoted names after لـ."""

from __future__ import annotations

from kg import resources
from kg.lexicon import definite
from kg.mentions.events import EventPhrases
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import (
    ACCUSATIVE,
    AND,
    ARTICLE,
    BY,
    CLOSE_QUOTE_RE,
    COUNTRY,
    DIRECTIONS,
    EVENT_TYPES,
    FEMININE,
    FOR,
    IN,
    MAX_HEAD_WORDS,
    MAX_QUOTED_NAME,
    NAME_GAP_RE,
    NAME_PARTICLES,
    NISBA,
    OPEN_QUOTE_RE,
    ORGANIZATION,
    PLACE,
    PLACE_CUES,
    PLACES,
    adjective_like,
)
from kg.model import MentionType, Source
from kg.text import fold

#: Agreement and conference heads a city in construct with names (اتفاق X، ميثاق X، مؤتمر X):
#: the city is part of the event's name, neither its country nor a place of the story.
_NAMED_BY_PLACE = frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("named_by_place"))


class GazetteerNames(EventPhrases):
    """Names the gazetteer knows (``Source.GAZETTEER``): the longest at each token, a capital as
    its country unless the text makes it a place, a known event with the phrase that names it."""

    rule = Rule.GAZETTEER

    def propose(self) -> list[Proposal]:
        after = 0  # the first token no name proposed so far covers
        # a name opens only at a token with a reading among the names' first words
        for i in self.ctx.doc.tokens_reading(self.lex.aliases.keys()):
            hit = self._gazetteer_at(i) if i >= after else None  # not inside a name proposed
            if hit is None:
                continue
            last, key, reading = hit
            if self._cut_short(i, last, key, reading):
                continue
            entry = self.lex.gazetteer[key]
            if entry.type == PLACE and self._in_name(i):
                continue  # "إسماعيل بن الخليل": a family named after a place
            kind, entity = MentionType(entry.type), key
            if entry.capital_of and not self._place_context(i, reading):
                kind, entity = COUNTRY, entry.capital_of
            reach = self._event_end(last, kind) if kind in EVENT_TYPES else None
            skip = self.tokens[i].readings[reading][0]
            # a city inside an event's name (اتفاق X) is read, for the event's rule to name it by, and names nothing
            inside = (entry.type == PLACE or bool(entry.capital_of)) and self._names_event(i, last, reading)
            self.add(kind, i, last, Source.GAZETTEER, skip, reach=reach, entity=entity, read_only=inside)
            if kind not in PLACES:
                self._place_inside(i, last)
            after = last + 1
        return self.proposals

    def _place_inside(self, first: int, last: int) -> None:
        """The country or place a known body's name ends on after في (التحالف العربي لدعم الشرعية في
        اليمن، بعثة الأمم المتحدة في العراق): the body works there, and the place is named in the
        story too, so it keeps a mention of its own inside the body's."""
        for k in range(first + 2, last + 1):
            if self.tokens[k - 1].folded != IN:
                continue
            hit = self._gazetteer_at(k)
            if hit is None or hit[0] != last or self.lex.gazetteer[hit[1]].type not in PLACES:
                continue
            entry = self.lex.gazetteer[hit[1]]
            kind, entity = (COUNTRY, entry.capital_of) if entry.capital_of else (MentionType(entry.type), hit[1])
            self.add(kind, k, last, Source.GAZETTEER, self.tokens[k].readings[hit[2]][0], entity=entity)
            return

    def _in_name(self, i: int) -> bool:
        """Whether token i follows a particle of a personal name (بن، أبو، آل)."""
        return i > 0 and self.joined(i - 1) and self.tokens[i - 1].folded in NAME_PARTICLES

    def _names_event(self, i: int, last: int, reading: int) -> bool:
        """Whether the place at tokens i..last, written bare, completes the indefinite agreement or
        conference head before it into the event's name. Not when another place follows it with و:
        then the two are the sides (اتفاق X وY)."""
        if i == 0 or not self.joined(i - 1) or self.tokens[i].folded != self.tokens[i].readings[reading][1]:
            return False
        head = self.tokens[i - 1].stem()
        if definite(head) or head not in _NAMED_BY_PLACE:
            return False
        nxt = self.tokens[last + 1].folded if last + 1 < len(self.tokens) and self.joined(last) else ""
        return not (nxt.startswith(AND) and self._gazetteer_at(last + 1) is not None)

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

    def _cut_short(self, first: int, last: int, key: str, reading: int) -> bool:
        """Whether a body's short name (مجلس الأمن، مجلس التعاون: the start of a longer name of
        the same body) goes on with an adjective into another body's name (مجلس الأمن القومي،
        مجلس التعاون الاستراتيجي)."""
        if self.lex.gazetteer[key].type != ORGANIZATION or last + 1 >= len(self.tokens) or not self.joined(last):
            return False
        word = self.tokens[last + 1].folded
        if not (definite(word) and adjective_like(word[len(ARTICLE) :])):
            return False
        words = (self.tokens[first].readings[reading][1], *(t.folded for t in self.tokens[first + 1 : last + 1]))
        return any(
            other == key and len(longer) > len(words) and longer[: len(words)] == words
            for longer, other in self.lex.aliases.get(words[0], ())
        )

    def _place_context(self, i: int, reading: int) -> bool:
        """Whether the capital at token i is a place: a preposition/visit verb before it, or its ب (in),
        or a direction it is the point of (جنوب دمشق، شمال شرقي بغداد: the city, which the direction
        only locates, not the state)."""
        token = self.tokens[i]
        if BY in token.folded[: len(token.folded) - len(token.readings[reading][1])]:
            return True
        before = i - 1
        while before > 0 and self.lex.nisba_country(self.tokens[before].folded) and self.joined(before):
            before -= 1  # "العاصمة الأميركية واشنطن"
        if before < 0 or not self.joined(before):
            return False
        token = self.tokens[before]
        return token.stem() in PLACE_CUES or any(stem in DIRECTIONS for _, stem in token.readings)


class QuotedNames(EventPhrases):
    """A name in quotation marks after لـ is a body, mostly the outlet a speaker talked to (قال
    لـ"الشرق"، في تصريح لـ«العربية»، وفقاً لـ"رويترز"), ``Source.QUOTED``. A place the gazetteer
    found in it is the outlet's name (لـ"الشرق الأوسط"): the quoted name outranks it.

    So is a quoted name after an indefinite body head (وكالة أنباء «X»، صحيفة "X"، حركة "X"): the
    head only says what X is, and is read without naming a body of its own."""

    rule = Rule.QUOTED

    def propose(self) -> list[Proposal]:
        for i in self.before_open_quotes():
            if not OPEN_QUOTE_RE.match(self.gap(i)):
                continue
            head = None if self.tokens[i].folded == FOR else self._body_head_before(i)
            if head is None and self.tokens[i].folded != FOR:
                continue
            last = self._quoted_end(i + 1, ORGANIZATION if head is not None else None)
            if last is None:
                continue
            if head is not None:
                word = self.tokens[last].folded
                nisba = word.endswith((NISBA, NISBA + FEMININE, NISBA + ACCUSATIVE))
                if last == i + 1 and not definite(word) and nisba:
                    continue  # منظمة "إرهابية": a quoted nisba describes, it is no name (بترا is one)
                self.add(ORGANIZATION, head, i, Source.QUOTED, read_only=True)
            if self._free(i + 1):  # a body the gazetteer knows keeps its own proposal (وكالة "رويترز")
                self.proposals.append(self.offer(ORGANIZATION, i + 1, last, Source.QUOTED))
        return self.proposals

    def _free(self, k: int, also: MentionType | None = None) -> bool:
        return self.claimed.get(k) in (None, PLACE, COUNTRY, also)

    def _quoted_end(self, first: int, also: MentionType | None) -> int | None:
        """The last token of a name in quotation marks from token ``first`` (tokens claimed as
        ``also`` may be in it), or None when no closing mark ends it within a few words."""
        n = len(self.tokens)
        for last in range(first, min(first + MAX_QUOTED_NAME, n)):
            if not self._free(last, also) or not (last in self.claimed or self.is_word(last)):
                return None
            closing = self.text[self.tokens[last].end : self.tokens[last + 1].start] if last + 1 < n else ""
            if CLOSE_QUOTE_RE.match(closing) or last + 1 == n:
                return last
            if not self.joined(last):
                return None
        return None

    def _body_head_before(self, i: int) -> int | None:
        """The first token of an indefinite body head phrase ending at token i (وكالة أنباء), else None."""
        for first in range(i, max(-1, i - MAX_HEAD_WORDS), -1):
            if first < i and not self.joined(first):
                return None
            if first in self.claimed:
                return None
            head = self._head(first)
            if head is not None:
                kind, _, is_definite = head
                return first if kind == ORGANIZATION and not is_definite else None
        return None
