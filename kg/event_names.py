"""The words that name an event phrase: where its name ends (before its complements), which of
its words name it and which only describe it, its kind, the named event inside a round of it, and
whether two phrases' name words are one event."""

from __future__ import annotations

from functools import cache

from kg import resources
from kg.lexicon import Lexicon, definite, single_word, word_set
from kg.mentions import ESTABLISH_WORDS
from kg.mentions.event_places import relational
from kg.mentions.words import FEMININE
from kg.text import fold, strip_article, strip_clitics

#: Words after which an event phrase's name ends and its participants/date begin.
_COMPLEMENT_WORDS = frozenset().union(
    *(word_set("function_words", label) for label in ("between", "with", "to", "year", "relative", "on", "in")),
    word_set("content_verbs", "stipulates"),
    word_set("content_verbs", "concluded"),
)

#: "On" (على): what an agreement of the two sides is on follows it.
_ON = single_word("function_words", "on")

#: Share of name words two event phrases need in common to be the same event.
_SAME_EVENT_OVERLAP = 0.6

#: Shortest word read as لـ + a noun of three letters or more (لوقف); shorter ones are words of their own.
_MIN_FOR_WORD = 3

#: Adjectives that describe an event without naming it (التاريخي، المقترح), masculine.
_VAGUE = word_set("event_words", "vague")


def naming_words(core: list[str]) -> list[str]:
    """The words that name a definite event phrase: its own without the adjectives that only
    describe it (التاريخية، المقترح، الحالي: ``event_words`` "vague"); an indefinite phrase's all."""
    if not definite(core[0]):
        return core
    return [core[0], *(w for w in core[1:] if _masculine(strip_article(w)) not in _VAGUE)]


def _masculine(word: str) -> str:
    """A folded adjective without its feminine ending (تاريخيه -> تاريخي)."""
    return word.removesuffix(FEMININE) if len(word) > _MIN_FOR_WORD else word


def before_complement(core: list[str]) -> list[str]:
    """The folded words of a phrase before its first complement with لـ (اتفاق لوقف ...، قوات
    للعمليات ...): whether the phrase is definite is told by these."""
    for index, word in enumerate(core[1:], 1):
        if word.startswith("ل"):
            return core[:index]
    return core


def without_for(word: str) -> str:
    """A name word without the preposition لـ of a complement ("اتفاق لوقف إطلاق النار" is about
    the "وقف إطلاق النار" a later mention names)."""
    return word[1:] if word.startswith("ل") and not word.startswith("لل") and len(word) > _MIN_FOR_WORD else word


@cache
def collectives() -> frozenset[str]:
    """The two sides (الطرفين، البلدين ...): definite, but a reference back, not a name, so
    "اتفاق الطرفين" is this article's agreement, not one of that name in every article."""
    return frozenset(fold(r["pattern"]) for r in resources.load("speaker_nouns") if r["label"] == "collective")


def event_core(words: list[str]) -> list[str]:
    """The name words of an event phrase: up to its first complement (بين، إلى، لعام ...)."""
    for index, word in enumerate(words):
        if index and word in _COMPLEMENT_WORDS:
            return words[:index]
    return words


def established(words: list[str], core: list[str]) -> list[str]:
    """An agreement named only by "the two sides" is the body it sets up: "اتفاق الطرفين على
    تشكيل لجنة عسكرية" -> لجنة عسكرية (other articles name that body, not the agreement)."""
    if any(w not in collectives() for w in core[1:]):
        return core
    rest = words[len(core) :]
    on = rest.index(_ON) if _ON in rest else -1
    if 0 <= on <= 1 and on + 1 < len(rest) and rest[on + 1] in ESTABLISH_WORDS:
        body = event_core(rest[on + 2 :])
        return body if len(body) >= 2 else core
    return core


def kind_words(core: list[str]) -> list[str]:
    """A description's words up to its first relational adjective, which tells its kind: "لجنة
    عسكرية عليا" -> لجنة عسكرية, "مذكرة تفاهم أمنية" whole; later adjectives vary by outlet."""
    for index in range(1, len(core)):
        if relational(core[index]):
            return core[: index + 1]
    return core


def inner_event(core: list[str], kind: str, lex: Lexicon) -> list[str]:
    """The named event inside a round/session phrase: "الجولة الثالثة من الحوار الاستراتيجي" -> الحوار الاستراتيجي."""
    for index in range(1, len(core)):
        word = core[index]
        for _, stem in strip_clitics(word):
            base = stem[2:] if definite(stem) else stem
            if lex.heads.get(base) == kind and definite(stem):
                return [stem, *core[index + 1 :]]
    return core


def same_event(names: frozenset[str], known: frozenset[str]) -> bool:
    """Two event name-word sets are one event: one holds the other, or they overlap enough."""
    if not names or not known:
        return False
    small, big = sorted((names, known), key=len)
    if small <= big:
        return True
    return len(names & known) / len(names | known) >= _SAME_EVENT_OVERLAP
