"""Sides of talks whose subject the event's clause does not write: the one a relative clause
refers back to ("X، الذي يقوم بزيارة"), the subject of the clause before "where" ("أمضى X يومين
في الخرطوم حيث أجرى محادثات")، the subject of the sentence before when the event's sentence opens
on a verb with no subject of its own ("وتولى X منصبه. وقد سعى إلى إجراء محادثات مع Y")، and the two
persons a dual noun refers back to ("اتصال هاتفي بين الرئيسين").

``UnwrittenSubjects`` reads one article's actors (``kg.actors``) and relation triggers
(``kg.matcher``: the "relative" and "pair" patterns); the relations stage asks it about each
dialogue phrase. The subject counts only where the clause tells it holding, visiting or meeting
at the event, seeking it "with" someone, or going "for" it (``_told_at``).
"""

from __future__ import annotations

from kg.actors import ArticleActors, TriggerReader
from kg.event_dates import EventPhrase
from kg.matcher import Triggers
from kg.participants import PARTY_TYPES, THAT_RE, SentenceParticipants, other_side_follows

#: Words between a relative pronoun, "where" or the sentence start and the event they introduce
#: ("، الذي يقوم بزيارة"، "وقد سعى بدعم غربي إلى إجراء محادثات").
_CLAUSE_WORDS = 6
#: Words of a sentence's opening that may be its verb, with و and a particle (وقد بدأت).
_VERB_OPENING_WORDS = 2
#: Words from a sentence's start within which its subject stands (after its verb: "وتولى X").
_SUBJECT_WORDS = 3
#: Persons before a dual noun ("بين الرئيسين") that it may refer back to, nearest first.
_PAIR_REACH = 600


class UnwrittenSubjects(TriggerReader):
    """The unwritten subjects of one article's dialogue clauses."""

    def __init__(self, actors: ArticleActors, triggers: Triggers, participants: SentenceParticipants) -> None:
        super().__init__(actors, triggers)
        self.participants = participants

    def __call__(self, sentence: int, event: EventPhrase) -> list[str]:
        """The subject of the clause that tells the event, where the clause writes none."""
        if self.ft.quote_at(event.start):
            return []
        relatives = [t for t in self.triggers.find(("relative",), sentence, event.start) if self._opens(t[1], event)]
        if relatives:
            start, end, relative = relatives[-1]
            found = self._antecedent(start) if relative.id == "who" else self._subject(sentence, start)
            # "حيث يستمر القتال رغم المفاوضات مع X": a place's clause, not its subject's talks
            return found if self._told_at(end, event, with_side=False) else []
        # the event right after the verb that opens the sentence is its subject: "وقد بدأت محادثات مع"
        after_verb = len(self.text[sentence : event.start].split()) > _VERB_OPENING_WORDS
        if after_verb and self._opens(sentence, event):
            # "ويعقد في بروكسل اجتماع": a holding verb's subject may be the event itself
            told = self._told_at(sentence, event, holding=False)
            return self._previous_subject(sentence) if told else []
        return []

    def _told_at(self, clause: int, event: EventPhrase, holding: bool = True, with_side: bool = True) -> bool:
        """Whether the clause from ``clause`` to the event tells its subject at the event: visiting,
        going "for" it, (``holding``) holding, chairing or meeting, or (``with_side``) seeking it "with"
        someone; not "during" it ("لم يتم في ختام القمة الإعلان" has no subject at it)."""
        return bool(
            self.triggers.find(("hold", "visit", "meeting", "leader") if holding else ("visit",), clause, event.start)
            or self.participants.for_event(clause, event)
            or with_side
            and other_side_follows(self.actors, event)
        )

    def _opens(self, start: int, event: EventPhrase) -> bool:
        """Whether text[start:event] is a clause of a few words with no actor in it."""
        words = len(self.text[start : event.start].split())
        named = [m for _s, _e, m in self.actors.within(start, event.start) if m.type in PARTY_TYPES | {"Force"}]
        nisbas = any(start <= s < event.start for s, _e, _form in self.actors.nisbas)
        return words <= _CLAUSE_WORDS and not named and not nisbas

    def _antecedent(self, pronoun: int) -> list[str]:
        """The actor a relative pronoun right after it, or after a comma, refers back to ("X، الذي"،
        "X، والذي ترأس"، "X الذي استهل")."""
        before = [t for t in self.actors.within(self.ft.sentence_start(pronoun), pronoun) if t[2].type in PARTY_TYPES]
        end = max((e for _s, e, _m in before), default=0)
        if not before or self.text[end:pronoun].strip() not in ("\u060c", ",", ""):
            return []
        # the title's holder, not the body his title names: "رئيس المجلس الأوروبي، والذي ترأس"
        ending = [m for _s, e, m in before if e == end]
        return [next((m for m in ending if m.type == "Person"), ending[0]).entity]

    def _subject(self, sentence: int, stop: int) -> list[str]:
        """The subject right after the verb that opens a clause (the first actor within its first
        words), outside quotations and reported speech."""
        reach = min(stop, self.actors.words_after(sentence, _SUBJECT_WORDS))
        first = [t for t in self.actors.within(sentence, stop) if t[2].type in PARTY_TYPES][:1]
        if (
            not first
            or first[0][0] > reach
            or self.ft.quote_at(first[0][0])
            or THAT_RE.search(self.text, sentence, stop)
        ):
            return []
        return [first[0][2].entity]

    def _previous_subject(self, sentence: int) -> list[str]:
        """The subject of the sentence before, in the same paragraph."""
        if sentence < 2:
            return []
        previous = self.ft.sentence_start(sentence - 2)
        if "\n" in self.text[previous:sentence].rstrip():
            return []
        return self._subject(previous, sentence)

    def pair(self, start: int, stop: int) -> list[str]:
        """The two persons named last before a dual noun in text[start:stop] ("بين الرئيسين")."""
        said = self.triggers.find(("pair",), start, stop)
        if not said:
            return []
        at = said[0][0]
        persons = [m.entity for _s, _e, m in self.actors.within(max(0, at - _PAIR_REACH), at) if m.type == "Person"]
        last = list(dict.fromkeys(reversed(persons)))
        return last[:2] if len(last) >= 2 else []
