"""The phrase of each dialogue or agreement mention: the mention and the words after it up to
the next comma, event or sentence end (at most a few words, but "بين X وY" and
the sides after بين/مع are read whole), where the relations stage reads its sides and date.
"""

from __future__ import annotations

import re

from kg.actors import ArticleActors
from kg.event_dates import EventPhrase
from kg.mentions.meetings import told_by_verb
from kg.mentions.words import EVENT_TYPES
from kg.model import Source
from kg.participants import BETWEEN_RE, BETWEEN_WORDS, PARTY_TYPES, SIDE_WORDS, SIDES_RE
from kg.spans import words_pattern

#: A dialogue's or agreement's phrase ends at these (besides the sentence end): punctuation, what
#: an agreement sets up ("يتضمن إنشاء مركز") and what talks are about ("محادثات حول سوريا"), which
#: are no side of it.
_PHRASE_STOP_RE = re.compile(
    rf"[\u060c,\u061b;:(]|(?<!\w)ب?{words_pattern('establishing_nouns')}(?!\w)"
    rf"|(?<!\w)(?P<topic>{words_pattern('function_words', 'topic')})(?!\w)"
)
#: What still names sides after the topic ("مفاوضات حول مصير المدينة بين X وY"، "حول X برعاية Y"،
#: "حول X والتي ترعاها Y"): the phrase runs on past the topic to them.
_AFTER_TOPIC_RE = re.compile(
    rf"(?<!\w)(?:{SIDES_RE.pattern}|و?{words_pattern('function_words', 'relative')}"
    rf"|{words_pattern('function_words', 'auspices')})(?!\w)"
)
#: Words after the topic word within which those stand.
_TOPIC_WORDS = 6
_MAX_PHRASE_WORDS = 5
_SIDES_AFTER_RE = re.compile(rf"\s+(?:{SIDES_RE.pattern})")
#: After a comma, بين/مع or a relative clause of one verb before them: "، بين X وY"، "، الذي جرى
#: بين"، "، التي عقدت مع".
_RELATIVE_SIDES_RE = re.compile(
    rf"[\u060c,]\s*(?:{words_pattern('function_words', 'relative')}\s+\S+\s+)?(?:{SIDES_RE.pattern})"
)


def event_phrases(actors: ArticleActors, kind: str) -> dict[str, list[EventPhrase]]:
    """Each event entity's mention phrases, in text order."""
    events: dict[str, list[EventPhrase]] = {}
    for start, end, mention in actors.mentions:
        if mention.type == kind:
            phrase = EventPhrase(start, *_phrase_end(actors, start, end))
            named_sides = _SIDES_AFTER_RE.match(actors.text, end) or _RELATIVE_SIDES_RE.match(actors.text, end)
            # "المباحثات ركزت على تقييم خطر داعش": what follows a reference back is its clause; a
            # call told by its verb has its sides inside its span ("تحدثا هاتفياً وبحثا الوضع في X")
            if mention.source == Source.BACK_REFERENCE and not named_sides or told_by_verb(mention):
                phrase = EventPhrase(start, end, phrase.date_end)
            events.setdefault(mention.entity, []).append(phrase)
    return events


def _phrase_end(actors: ArticleActors, start: int, end: int) -> tuple[int, int]:
    """Where an event mention's phrase ends: (for its actors, for its date). A date may
    stand further on ("حوار ... في العاصمة واشنطن من 7 إلى 8 أغسطس") than a participant."""
    text = actors.text
    sentence_end = stop = actors.ft.sentence_end(end)
    following = [s for s, _, m in actors.mentions.within(end, stop) if m.type in EVENT_TYPES]
    if following:
        sentence_end = stop = following[0]
    pos, topic = end, None
    while m := _PHRASE_STOP_RE.search(text, pos, stop):
        if m.group("topic"):
            # what it is about names no side, but its place and date may follow (حول X في الدوحة)
            after = _AFTER_TOPIC_RE.search(text, m.end(), actors.words_after(m.end(), _TOPIC_WORDS))
            topic = topic if topic is not None or after else m.start()
        elif not _RELATIVE_SIDES_RE.match(text, m.start()):
            stop = m.start()
            break
        pos = m.end()  # "اللقاء، الذي دار بين X وY": a relative clause that names the sides
    words = list(re.finditer(r"\S+", text[end:stop]))
    reach, sides_end = _MAX_PHRASE_WORDS, end
    # بين inside the mention: its sides run on past it, past the commas around a name in
    # apposition ("اتصال هاتفي بين الرئيس X، [name]، والملك Y")
    if inside := list(BETWEEN_RE.finditer(text, start, end)):
        sides = actors.coordinated(inside[-1].end(), sentence_end, PARTY_TYPES, SIDE_WORDS)
        sides_end = max(sides_end, sides[-1][1] if sides else end)
    for index, word in enumerate(words[:reach]):
        if BETWEEN_RE.fullmatch(word.group()):  # "بين X وY" is read whole, however far into the reach
            reach = max(reach, index + 1 + BETWEEN_WORDS)
        if SIDES_RE.fullmatch(word.group()):  # and so are the sides after بين/مع, titles and all
            sides = actors.coordinated(end + word.end(), sentence_end, PARTY_TYPES, SIDE_WORDS)
            sides_end = max(sides_end, sides[-1][1] if sides else end)
    phrase_end = end + words[reach - 1].end() if len(words) > reach else stop
    return max(min(phrase_end, stop if topic is None else topic), sides_end), max(stop, sides_end)
