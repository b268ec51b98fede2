"""Persons named right after a title chain that ends in the body they serve.

A title, its definite words and a body written right before a person's name make the person
that body's: "الأمين العام لـ[organisation] [name]"، "رئيس المكتب السياسي لـ[movement] [name]"،
"المتحدث باسم [body] [name]". The mentions stage reads no title mention there (the body's
mention stands between title and name), and the speaker rules read the chain only where the
person makes a statement, so a person only met at talks kept no affiliation. This reads the
chain wherever a person's name follows one, for the relations stage.
"""

from __future__ import annotations

import re

from kg import resources
from kg.actors import ArticleActors
from kg.cues import ARTICLE, FOR, strip_article
from kg.model import Source
from kg.spans import fold

#: Most words of a title chain before its body (رئيس المكتب السياسي لـ).
_MAX_CHAIN_WORDS = 4
#: A word of the folded text, with the gap before it.
_WORD_BEFORE_RE = re.compile(r"(\S+)\s*$")
#: Only spaces between a chain's words, its body and the name.
_SPACE_RE = re.compile(r"[ \t\u00a0]*")
#: Types of body a title serves.
_BODY_TYPES = frozenset({"Organization"})


class TitleChains:
    """The person titles and the words that carry a chain from its title to its body."""

    def __init__(self) -> None:
        #: title words (folded, no article) that open a chain; a title only beside another
        #: title (مساعدة) opens none
        self.titles = frozenset(
            strip_article(fold(r["pattern"]).split()[0]) for r in resources.load("titles") if not r.get("of_title")
        )
        self.links = frozenset(resources.words("title_chains", "chain", fold))

    def bodies(self, actors: ArticleActors) -> dict[str, list[str]]:
        """The bodies each person of the article is named right after, at the end of a title chain."""
        text = actors.text
        out: dict[str, list[str]] = {}
        for start, _end, mention in actors.mentions:
            if mention.type != "Person" or mention.source == Source.ROLE or not mention.entity:
                continue
            body = self._body_before(actors, start)
            if body and self._chain_before(text, body[0]):
                keys = out.setdefault(mention.entity, [])
                if body[1] not in keys:
                    keys.append(body[1])
        return out

    @staticmethod
    def _body_before(actors: ArticleActors, start: int) -> tuple[int, str] | None:
        """(start, key) of the body whose mention ends right before folded offset ``start``."""
        found = [
            (s, m.entity)
            for s, e, m in actors.within(max(0, start - 80), start)
            if m.type in _BODY_TYPES and m.entity and e <= start and _SPACE_RE.fullmatch(actors.text, e, start)
        ]
        return min(found) if found else None

    def _chain_before(self, text: str, pos: int) -> bool:
        """Whether a title chain ends at folded offset ``pos``: the body's mention is written right
        after it, or after its لـ clitic (لحركة), and the chain's words are a title, definite words
        and the links of ``kg/data/title_chains.jsonl``, with only spaces between them."""
        if pos and not text[pos - 1].isspace():
            if text[pos - 1] != FOR or pos < 2 or not text[pos - 2].isspace():
                return False
            pos -= 1
        titled = False
        for _ in range(_MAX_CHAIN_WORDS):
            found = _WORD_BEFORE_RE.search(text, max(0, pos - 40), pos)
            if not found or not _SPACE_RE.fullmatch(text, found.end(1), pos) or not text[found.end(1) : pos]:
                break
            word = found.group(1)
            if not word.isalpha():
                break  # punctuation ends the chain (وقال الوزير، رئيس ...)
            if strip_article(word) in self.titles:
                titled = True
            elif not (word.startswith(ARTICLE) or word in self.links):
                break
            pos = found.start(1)
        return titled
