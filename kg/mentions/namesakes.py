"""Armed groups named after a person: "جيش خالد بن الوليد"، "فصيل "أسامة بن زيد"".

A group's noun (``force_words`` "namesake": جيش، فصيل، كتائب ...) in construct with a person's
name, written right after it or inside quotation marks, names a force called after him. The
phrase reaches over the name, which keeps its own mention; whether the person is the group's
owner (قوات حفتر) or only its namesake is told in the resolve stage (``kg.namesakes``): a person
the article names nowhere else is the name of the group.
"""

from __future__ import annotations

import re

from kg.lexicon import word_set
from kg.mentions.base import TokenView
from kg.mentions.proposals import Proposal
from kg.model import MentionType, Source

NAMESAKE_HEADS = word_set("force_words", "namesake")
#: Between a group's noun and the name it bears: spaces, or an opening quotation mark.
_NAME_OPENS_RE = re.compile(r"^[ \t\u00a0]*[\"\u00ab\u201c]?[ \t\u00a0]*$")


def named_after(view: TokenView, i: int) -> Proposal | None:
    """A group's noun at token i, indefinite (in construct), before a person's name: a force
    whose phrase reaches over the name."""
    if i + 1 >= len(view.tokens) or not _NAME_OPENS_RE.match(view.gap(i)):
        return None
    skip = next((skip for skip, stem in view.tokens[i].readings if stem in NAMESAKE_HEADS), None)
    end = view._claimed_person_end(i + 1)
    if skip is None or end is None:
        return None
    return view.offer(MentionType.FORCE, i, i, Source.HEAD_NOUN, skip, reach=end)
