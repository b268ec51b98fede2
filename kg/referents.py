"""Whom an event's sentence and the sentences after it refer to: the possessor of the event's
noun (لقائه، تفاهمها)، the reporter a complementiser refers back to (أعلنت X أنها توصلت إلى
اتفاق، قالت X إنها مستعدة لمفاوضات مع Y)، those who answer "for their part" (من جانبه، من
جهته، بدوره) and the host a visit's sentence names (اقترح X على الرئيس Y خلال زيارته لبلاده).

``EventReferents`` reads one article's actors (``kg.actors``) and relation triggers
(``kg.matcher``: the "possessed" and "own_part" patterns); the relations stage asks it about each
dialogue or agreement phrase.
"""

from __future__ import annotations

import re

from kg.actors import TriggerReader
from kg.event_dates import EventPhrase
from kg.matcher import Match
from kg.model import Mention
from kg.participants import (
    PARTY_TYPES,
    PAUSE_RE,
    PRONOUN_SUFFIX,
    SUBJECT_EVENT_WORDS,
    THAT,
    THAT_RE,
    other_side_follows,
)
from kg.spans import words_pattern

#: Words of a sentence within which "for his part" follows its speaker (وأكد الوزير X من جانبه).
_ANSWER_WORDS = 12
#: Sentences that are no answer a run of answers goes on past, and the words (a verb and a title)
#: between an opening "من جهته،" and its speaker ("من جهته، قال وزير الخارجية X").
_ANSWER_GAP = 1
_ANSWER_WORDS_AFTER = 4

#: Whom an event noun's possessor pronoun may stand for (the ids of the "possessed" triggers):
#: the masculine ه a person ("لقائه بـ")، the feminine ها a state or body ("تفاهمها مع").
_POSSESSOR_TYPES = {"his": ("Person",), "hers": ("Country", "Organization")}
#: A preposition right before an actor: an object ("فرضت واشنطن عقوبات على طهران منذ انسحابها")
#: is not whom the pronoun refers to.
_PREPOSITIONS = "|".join(words_pattern("function_words", label) for label in ("on", "about", "to", "with", "of", "in"))
_OBJECT_RE = re.compile(rf"(?<!\w)(?:{_PREPOSITIONS})\s+$")
#: Whom a withdrawal's pronoun may stand for: a state or body may be masculine too (السودان، انسحابه).
_WITHDRAWER_TYPES = {"his": ("Person", "Country", "Organization"), "hers": ("Country", "Organization")}
#: A complementiser that refers back to someone: أنه، إنها، أنهم.
_THAT_HIM_RE = re.compile(rf"(?<!\w){THAT}{PRONOUN_SUFFIX}(?!\w)")
#: What opens an impersonal clause after "أنه": "أنه من الصعب".
_IMPERSONAL_RE = re.compile(rf"\s*{words_pattern('function_words', 'of')}\s")


class EventReferents(TriggerReader):
    """The possessors and answerers of one article's events."""

    def possessor(self, sentence: int, event: EventPhrase) -> list[str]:
        """Whose the event is when its noun carries a possessor pronoun ("بعد لقائه بنظيره"،
        "ضمن تفاهمها مع واشنطن"): the nearest actor before it in its sentence that the pronoun
        fits ("X، الذي اختفى بعد زيارته")، but one the phrase names as the other side, and within
        the same quotation or outside any ("قال X: «اللجنة عقدت اجتماعها»" is the committee's
        meeting, not X's)."""
        marks = self.triggers.find(("possessed",), event.start, self.actors.words_after(event.start, 1))
        if not marks:
            return []
        types = _POSSESSOR_TYPES[marks[0][2].id]
        sides = {m.entity for _s, _e, m in self.actors.within(marks[0][1], event.end)}
        quote = self.ft.quote_at(event.start)
        before = [
            m.entity
            for s, e, m in self.actors.within(sentence, event.start)
            if m.type in types and e <= event.start and m.entity not in sides and self.ft.quote_at(s) == quote
        ]
        return before[-1:]

    def withdrawer(self, sentence: int, withdrawal: tuple[int, int, Match]) -> list[str]:
        """Who "his/her withdrawal" from an agreement refers to ("أعلن X انسحابه من الاتفاق"): the
        nearest actor before it that the pronoun fits, in the same quotation or outside any, and
        a person's state."""
        start, _end, match = withdrawal
        if match.label != "withdraw" or match.id not in _WITHDRAWER_TYPES:
            return []
        quote = self.ft.quote_at(start)
        types = _WITHDRAWER_TYPES[match.id]
        before = [
            m.entity
            for s, _e, m in self.actors.within(sentence, start)
            if m.type in types and self.ft.quote_at(s) == quote and not _OBJECT_RE.search(self.text, sentence, s)
        ]
        return before[-1:] + self.actors.role_countries(before[-1:])

    def answering(self, previous: int) -> list[str]:
        """The persons who speak "for their part" (من جانبه، من جهته، بدوره) in the sentences
        after the one ending at ``previous``: each answers from the same event. The run goes on
        past one sentence that is no answer ("واعتبر X أن ...") and ends at one that names an event."""
        found: list[str] = []
        start, misses = previous + 1, 0
        while start < len(self.text) and misses <= _ANSWER_GAP:
            end = self.ft.sentence_end(start)
            if not self.text[start:end].strip():  # the line break after a full stop
                start = end + 1
                continue
            if any(m.type in ("Dialogue", "Agreement") for _s, _e, m in self.actors.within(start, end)):
                break
            speaker = self._answer(start, end)
            found += speaker or []
            misses = 0 if speaker is not None else misses + 1
            start = end + 1
        return found

    def _answer(self, start: int, end: int) -> list[str] | None:
        """The speaker of an answer in text[start:end] (None if it is none): the person before
        "for his part" ("وشدد X من جانبه على")، or the subject right after it when it opens the
        sentence ("من جهته، قال الوزير X")."""
        marks = self.triggers.find(("own_part",), start, min(end, self.actors.words_after(start, _ANSWER_WORDS)))
        if not marks:
            return None
        before = [t for t in self.actors.within(start, marks[0][0]) if t[2].type == "Person"]
        if before:
            return [before[-1][2].entity]
        if self.text[start : marks[0][0]].strip():
            return []
        return [
            m.entity for _s, _e, m in self.actors.coordinated(marks[0][1], end, ("Person",), _ANSWER_WORDS_AFTER)[:1]
        ]

    def reporter_with(self, sentence: int, event: EventPhrase) -> list[str]:
        """Who says that they hold talks "with" someone: the reporter (``reporter``) a few
        words before talks that name their other side with مع ("وقالت X إنها مستعدة للدخول في
        مفاوضات مع Y"، "وأعلن X أنه أجرى محادثات مع Y")."""
        if not other_side_follows(self.actors, event):
            return []
        return [m.entity for m in self.reporter(sentence, event.start, SUBJECT_EVENT_WORDS)]

    def reporter(self, sentence: int, pos: int, words: int) -> list[Mention]:
        """The sentence's first actor, when a complementiser that refers back to it ("أنه"،
        "إنها"، "بأنها") stands at most ``words`` words before ``pos``: "أعلن X، أكبر فصائل
        المنطقة، أنه توصل إلى اتفاق" (X reached it). Not after an impersonal "أنه من الصعب"."""
        that = list(_THAT_HIM_RE.finditer(self.text, sentence, pos))
        if not that or self.ft.quote_at(that[-1].start()):
            return []
        gap = self.text[that[-1].end() : pos]
        if len(gap.split()) > words or PAUSE_RE.search(gap) or THAT_RE.search(gap) or _IMPERSONAL_RE.match(gap):
            return []
        speaker = [t for t in self.actors.within(sentence, that[-1].start()) if t[2].type in PARTY_TYPES][:1]
        return [speaker[0][2]] if speaker and not self.ft.quote_at(speaker[0][0]) else []

    def hosts(self, sentence: int, event: EventPhrase, participants: list[str]) -> list[str]:
        """The persons a visit's sentence names who serve the state visited: its hosts, named after
        it ("زيارة X لواشنطن، حيث حاول إقناع الرئيس Y") or before "during" it ("اقترح X على الرئيس Y
        خلال زيارته إلى واشنطن"). The state visited is a participant that no participating person
        serves; its host serves none of theirs, and is not named in another quotation than the visit's."""
        entities = self.actors.article.entities
        persons = [k for k in participants if entities[k].type == "Person"]
        served = set(self.actors.role_countries(persons))
        visited = {k for k in participants if entities[k].type == "Country" and k not in served}
        if not (persons and visited and self.triggers.find(("visit",), event.start, event.end)):
            return []
        # one named before the visit is its host only with "during" it: who comments on it is not
        # ("قال X إن زيارة"، "قال X معلقا على زيارة")
        during = self.triggers.find(("during",), sentence, event.start)
        first = sentence if during and len(self.text[during[-1][1] : event.start].split()) <= 1 else event.start
        quote = self.ft.quote_at(event.start)
        named = [
            m.entity
            for s, _e, m in self.actors.within(first, self.ft.sentence_end(event.start))
            if m.type == "Person" and m.entity not in participants and self.ft.quote_at(s) == quote
        ]
        # (by the countries the article names: asking for others would add them to the article)
        countries = {k: set(self.actors.role_countries([k], False)) for k in dict.fromkeys(named)}
        return [k for k, states in countries.items() if states & visited and not states & served]
