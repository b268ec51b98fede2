"""Forces that are another's arm or part, told by apposition: "X، الجناح العسكري لحركة Y"،
"X، العمود الفقري لقوات Y"، "X، ضمن تحالف Y"، "X المنضوية في Y". X is affiliated with Y.

The words that tell the membership are the relation triggers labelled ``member``
(``kg/data/relation_triggers.jsonl``); the relations stage calls ``read_memberships`` once per
article, after the forces' owners are read.
"""

from __future__ import annotations

import re

from kg.actors import ArticleActors, add_keys
from kg.forces import OPERATION_WORDS
from kg.matcher import Triggers
from kg.spans import fold

#: What stands between a force and the words of its membership: nothing, or a comma (after
#: the quotation mark that closes its name: "«وحدات حماية الشعب» العمود الفقري").
_APPOSITION_RE = re.compile(r'[\s"\u00bb\u201d]*[\u060c,]?\s*')
#: Words between the membership words and the body they name ("الذراع السوري لحزب X": a nisba).
_BODY_WORDS = 2
_BODY_TYPES = ("Force", "Organization")
#: How far before the membership words a force's name may start.
_NAME_CHARS = 200


def read_memberships(actors: ArticleActors, triggers: Triggers) -> None:
    """Affiliate each force written right before membership words with the force or body
    named right after them."""
    for start, end, _match in triggers.find(("member",)):
        before = [t for t in actors.within(max(0, start - _NAME_CHARS), start) if t[1] <= start]
        if (
            not before
            or before[-1][2].type != "Force"
            or not _APPOSITION_RE.fullmatch(actors.text, before[-1][1], start)
        ):
            continue
        body = actors.coordinated(end, actors.ft.sentence_end(end), _BODY_TYPES, _BODY_WORDS)[:1]
        force = before[-1][2].entity
        gap = actors.text[end : body[0][0]].split() if body else []
        label = fold(actors.entity(body[0][2]).label_ar).split()[:1] if body else []
        if body and body[0][2].entity != force and not OPERATION_WORDS.intersection(gap + label):
            add_keys(actors.article.entities[force].affiliation, [body[0][2].entity], force)
