"""The sides an event's collective words stand for: "الجانبان"، "البلدين"، "الطرفين" (the two
states it or its paragraph names), and a counted plural of states, "الدول الثلاث"، "البلدان
الأربعة" (the states the article has just listed: "روسيا وإيران وتركيا ... زعماء الدول الثلاث").

A counted plural (``relation_triggers`` "counted": الدول/البلدان and a definite number word)
stands for the list of that many states right after it ("قادة الدول الثلاث مصر والسودان
وإثيوبيا"), else the last list of exactly that many states the article names before it,
coordinated by و or a comma, else the last that many states named before it ("محادثات مع السودان
وإثيوبيا" in a story of Egypt's: the three). One a definite description follows ("الدول الخمس
الدائمة العضوية") is a group of its own, not the states listed before.
"""

from __future__ import annotations

import re

from kg.actors import AND_RE, ArticleActors
from kg.counts import count_value
from kg.lexicon import single_word
from kg.matcher import Triggers
from kg.spans import main_dialogue

_ARTICLE = single_word("affixes", "article")
_NEXT_WORD_RE = re.compile(r"\s+(\w+)")

#: The most states a counted plural stands for here ("الدول الست" of a deal is a known group).
_MOST_COUNTED = 6
#: What may stand between two states of one list: و and a comma.
_LIST_GAP_CHARS = 4
#: Words after a counted plural within which the list it names may start: "(مصر والسودان".
_APPOSED_WORDS = 2


def collective_sides(
    actors: ArticleActors, triggers: Triggers, principal: list[str], found: list[str], start: int, stop: int
) -> list[str]:
    """Who "الجانبان"، "البلدان"، "الطرفين" in text[start:stop] stand for: nobody new when the
    event already has two states or bodies (``found``); else the two states its paragraph
    names last before the word ("وبحثت تونس مع الجزائر ... ووقع البلدان مذكرة")، else the
    main dialogue's states, else the article's two principal countries."""
    said = triggers.find(("collective",), start, stop)
    entities = actors.article.entities
    sides = list(dict.fromkeys(k for k in found if entities[k].type in ("Country", "Organization")))
    if not said or len(sides) >= 2:
        return []
    at = said[0][0]
    paragraph = actors.text.rfind("\n", 0, at) + 1
    named = [(s, m.entity) for s, _e, m in actors.within(paragraph, at) if m.type == "Country"]
    named += [(s, key) for s, _e, key in actors.nisba_spans(paragraph, at)]
    before = list(dict.fromkeys(key for _pos, key in sorted(named, reverse=True) if key not in sides))
    if len(sides) + len(before) >= 2:
        return before[: 2 - len(sides)]
    dialogue = main_dialogue(actors.article)
    states = [k for k in entities[dialogue].participants if entities[k].type == "Country"] if dialogue else []
    return states if len(states) >= 2 else principal


def counted_states(actors: ArticleActors, triggers: Triggers, start: int, stop: int) -> list[str]:
    """The states each counted plural in text[start:stop] stands for ("في الدول الثلاث"): a list
    of that many states right after it ("قادة الدول الثلاث مصر والسودان وإثيوبيا"), else the last
    such list before it, else the last that many states named before it."""
    states: list[str] = []
    for at, end, _match in triggers.find(("counted",), start, stop):
        number = actors.text[at:end].split()[-1]  # "الثلاث": the definite number word
        count = count_value(number[len(_ARTICLE) :] if number.startswith(_ARTICLE) else number)
        if not count or count > _MOST_COUNTED or _described(actors, end):
            continue
        named = [(s, e, m.entity) for s, e, m in actors.within(0, at) if m.type == "Country"]
        after = [(s, e, m.entity) for s, e, m in actors.within(end, actors.ft.sentence_end(end)) if m.type == "Country"]
        reach = actors.words_after(end, _APPOSED_WORDS)
        apposed = [keys for first, keys in _lists(actors.text, after)[:1] if first <= reach and len(keys) == count]
        listed = [keys for _first, keys in _lists(actors.text, named) if len(keys) == count]
        states += (apposed or listed[-1:] or [_last_named(named, count)])[0]
    return states


def _described(actors: ArticleActors, end: int) -> bool:
    """Whether a definite word that names no state follows the counted plural ending at ``end``:
    "الدول الخمس الدائمة العضوية" is a group its description names, not the states listed before."""
    following = _NEXT_WORD_RE.match(actors.text, end)
    if not following or not following.group(1).startswith(_ARTICLE):
        return False
    return not any(m.type == "Country" for _s, _e, m in actors.within(following.start(1), following.end(1)))


def _lists(text: str, named: list[tuple[int, int, str]]) -> list[tuple[int, list[str]]]:
    """(where it starts, its states) of each list of states in ``named`` (X وY وZ، X، Y وZ)."""
    lists: list[tuple[int, list[str]]] = []
    previous_end = -_LIST_GAP_CHARS - 1
    for start, end, key in named:
        gap = text[previous_end:start]
        joined = bool(lists) and len(gap) <= _LIST_GAP_CHARS and bool(AND_RE.match(gap) or gap.strip() in ",\u060c")
        if joined and key not in lists[-1][1]:
            lists[-1][1].append(key)
        elif not joined:
            lists.append((start, [key]))
        previous_end = end
    return lists


def _last_named(named: list[tuple[int, int, str]], count: int) -> list[str]:
    """The last ``count`` distinct states named, when there are that many."""
    last = list(dict.fromkeys(key for _s, _e, key in reversed(named)))
    return last[:count] if len(last) >= count else []
