"""A body named in quotation marks right after its verb, read as the verb's subject.

``kg.speakers`` asks for it where a quotation mark opens the words after a verb: the quoted
words are a speaker's name (قالت «جبهة X» إن) or what was said (أكد «...»).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.actors import ACTOR_TYPES
from kg.cues import COMPLEMENTISER_RE
from kg.spans import fold
from kg.subject_gaps import ADJACENT_GAP_RE, FEMININE_END

if TYPE_CHECKING:
    from kg.speakers import SpeakerReader

_WORD_RE = re.compile(r"\S+")


def quoted_speaker(reader: SpeakerReader, pos: int, number: str) -> tuple[list[str], int, int] | None:
    """A body named in quotation marks right after its verb (قالت «جبهة X» إن، دعت "مجموعة
    X" الأطراف إلى): the quoted words are its name when a clause follows them, or when the
    verb is feminine and the name opens with a feminine noun or a body head. A name a
    mention fills is that mention's, its closing mark no part of the content. A quotation
    with a clause in it is what was said.
    """
    opening, closing = reader.ft.quote_opening(pos) or (pos, pos)
    words = reader.text[opening + 1 : closing].split()
    if not words or any(COMPLEMENTISER_RE.fullmatch(w) for w in words):
        return None
    inside = [t for t in reader.mentions.within(opening, closing + 1) if t[2].type in ACTOR_TYPES]
    # its country's nisba may follow the closing mark: "القناة 12" الإسرائيلية
    countries, end = reader.phrases.names.nisba_countries(closing + 1)
    if whole := [t for t in inside if t[1] - t[0] >= len(reader.text[opening + 1 : closing].strip())]:
        return reader.keys_of(whole[0][2]), opening, max(end, closing + 1)  # known whole: «حماس»
    after = _WORD_RE.search(reader.text, max(end, closing + 1), reader.ft.sentence_end(closing))
    if after is None or not ADJACENT_GAP_RE.match(reader.text[closing + 1 : after.start()]) and not countries:
        return None  # "أكد «...»." : the quotation is what was said
    head = words[0]
    body = number == "f" and (fold(head).endswith(fold(FEMININE_END)) or reader.phrases.head_at(opening + 1))
    if not (COMPLEMENTISER_RE.match(reader.text, after.start()) or body):
        return None
    if not (quoted := reader.phrases.names.quoted(opening, over_mentions=True, through=end)):
        return None
    entity = reader.article.entities[quoted[0]]
    entity.affiliation += [c for c in countries if c not in entity.affiliation]
    return [quoted[0]], opening, quoted[1]
