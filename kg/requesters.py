"""Who asked for a meeting: a meeting held at someone's request has them among its participants.

"عقد المجلس جلسة طارئة، بطلب من X" and "اجتماع يعقد بناء على طلب X وY": whoever asked for the
meeting takes part in it (the convention of the gold: the state that called the session sits in
it). The request follows the event's noun within a few words of its sentence.
"""

from __future__ import annotations

import re

from kg.actors import ArticleActors
from kg.event_dates import EventPhrase
from kg.participants import PARTY_TYPES
from kg.spans import words_pattern

_AT_REQUEST_RE = re.compile(rf"(?<!\w){words_pattern('function_words', 'at_request_of')}(?!\w)")
#: Words from the event's noun to the end of the request: the noun and its adjective, a day or a
#: verb, the request's own words ("اجتماع طارئ ينعقد الليلة بناء على طلب من").
_REACH_WORDS = 9
#: Words between the request and who made it (a quotation mark, "جانب").
_REQUESTER_WORDS = 2
#: A new clause between the event and the request: it asks for something else.
_CLAUSE_RE = re.compile(r"[\u060c,]\s*\S+\s")


def requesters(actors: ArticleActors, phrase: EventPhrase) -> list[str]:
    """Actors at whose request the event of ``phrase`` is held, named after its noun."""
    stop = actors.ft.sentence_end(phrase.start)
    reach = min(actors.words_after(phrase.start, _REACH_WORDS), stop)
    request = _AT_REQUEST_RE.search(actors.text, phrase.start, reach)
    if not request or _CLAUSE_RE.search(actors.text, phrase.start, request.start()):
        return []
    chain = actors.coordinated(request.end(), stop, PARTY_TYPES, _REQUESTER_WORDS)
    return [mention.entity for _start, _end, mention in chain]
