"""A meeting told by its verb that is part of an event told by its noun just before (issue 18):
"ويجري الوزير X زيارة إلى البلد. والتقى الوزير نظيره Y" tells one visit, the meeting on it.

The resolve stage gives every meeting told by its verb a key of its own (``kg.events``); once
every mention is resolved, this joins it to the event told by its noun in its sentence or the
one before, when the two are the same happening: someone the meeting names (its host, its
guest, or the country visited) is named in the noun's sentence too, or the noun sets the time
of the meeting's sentence (وخلال زيارته، على هامش القمة). A reception told right after a summit
by someone the summit's sentence never names is another story, and "قبيل لقائه مع X، التقى Y"
another meeting.
"""

from __future__ import annotations

import re

from kg.events import merge_entities
from kg.lexicon import single_word, word_set
from kg.mentions.meetings import met_by_verb, told_as_met
from kg.mentions.words import CONJUNCTIONS
from kg.model import Article, Mention
from kg.text import fold, strip_article

#: Sentence ends between an event noun and a meeting verb that tells part of that event.
_SENTENCE_END_RE = re.compile(r"[.!?\u061f\n]+")
#: Most sentence ends between them: the meeting is told in the noun's sentence or the next.
_NEXT_SENTENCE = 1
#: Words that set an event noun as the time of what its sentence tells next ("وخلال زيارته").
_WHILE_AT = word_set("event_words", "while_at")
#: Characters read before an event noun for such a word.
_WORD_CHARS = 12
#: The heads of talks a meeting holds (لقاء، مباحثات).
_TALKS = word_set("event_words", "talks_at_meeting")
#: The alef of an indefinite accusative written without its tanween (اجتماعا).
_ALEF = single_word("affixes", "accusative_alef")
#: The mentions that name a side of a meeting.
_SIDE_TYPES = frozenset({"Person", "Country", "Organization"})


def join_meetings(article: Article) -> None:
    """Join each meeting told by its verb to the event told by its noun just before it, in its
    sentence or the one before, when someone the meeting names is named in that noun's sentence,
    or when the noun sets the time of the meeting's sentence ("وخلال زيارته إلى X، التقى Y بـZ")."""
    dialogues = [m for m in article.mentions if m.type == "Dialogue" and m.entity]
    renamed: dict[str, str] = {}
    for index, meeting in enumerate(dialogues):
        if index == 0 or not met_by_verb(meeting) or meeting.entity in renamed:
            continue
        noun = dialogues[index - 1]
        event = renamed.get(noun.entity, noun.entity)
        ends = len(_SENTENCE_END_RE.findall(article.text, noun.end, meeting.start))
        if met_by_verb(noun) or event == meeting.entity or ends > _NEXT_SENTENCE:
            continue
        sentence = _sentence_start(article.text, noun.start)
        if (not ends and _while_at(article.text, noun.start)) or _sides(article, meeting.start, meeting.end) & _sides(
            article, sentence, meeting.start
        ):
            renamed.setdefault(event, event)
            renamed[meeting.entity] = event
    _join_talks(article, dialogues, renamed)
    merge_entities(article, renamed)
    for entity in article.entities.values():
        # "استقبل X Y ... وجرى خلال اللقاء": the meeting is named by its noun, its verb's words another label
        noun = next((label for label in entity.alt_labels if not told_as_met(label)), None)
        if entity.type == "Dialogue" and noun and told_as_met(entity.label_ar):
            entity.alt_labels[entity.alt_labels.index(noun)] = entity.label_ar
            entity.label_ar = noun


def _join_talks(article: Article, dialogues: list[Mention], renamed: dict[str, str]) -> None:
    """Talks first told by their noun right after a meeting told by its verb, in its sentence or
    the next, are that meeting when their sentence names no one it does not: "استقبل X Y. وتناول
    اللقاء ..."، "وعقد الجانبان جلسة مباحثات" (not "وكان X قد التقى Z", nor a summit)."""
    firsts = {}
    for mention in dialogues:
        firsts.setdefault(mention.entity, mention)
    for meeting, talks in zip(dialogues, dialogues[1:], strict=False):
        if not met_by_verb(meeting) or met_by_verb(talks) or firsts[talks.entity] is not talks:
            continue
        head = strip_article(fold(talks.text.split()[0]))
        if talks.entity in renamed or head not in _TALKS and head.removesuffix(_ALEF) not in _TALKS:
            continue
        if len(_SENTENCE_END_RE.findall(article.text, meeting.end, talks.start)) > _NEXT_SENTENCE:
            continue
        sentence = _sentence_start(article.text, talks.start)
        end = _sentence_end(article.text, talks.end)
        named = _sides(article, sentence, meeting.start) | _sides(article, meeting.end, end)
        if named <= _sides(article, meeting.start, meeting.end):
            event = renamed.get(meeting.entity, meeting.entity)
            renamed.setdefault(event, event)
            renamed[talks.entity] = event


def _while_at(text: str, start: int) -> bool:
    """Whether the word before an event noun at ``start`` sets it as a time (خلال، على هامش)."""
    words = text[max(0, start - _WORD_CHARS) : start].split()
    word = fold(words[-1]) if words else ""
    return word in _WHILE_AT or word[:1] in CONJUNCTIONS and word[1:] in _WHILE_AT


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts."""
    ends = list(_SENTENCE_END_RE.finditer(text, 0, pos))
    return ends[-1].end() if ends else 0


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` ends."""
    end = _SENTENCE_END_RE.search(text, pos)
    return end.start() if end else len(text)


def _sides(article: Article, start: int, end: int) -> set[str]:
    """The actors named in ``[start, end)`` of the article's text."""
    return {m.entity for m in article.mentions if m.type in _SIDE_TYPES and m.entity and start <= m.start < end}
