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
#: A word at a name's start.
_WORD_RE = re.compile(r"\w+")
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
        #: honorifics and ranks a known person's name may open with (الملك، الأمير، اللواء)
        self.honorifics = frozenset(
            strip_article(fold(r["pattern"]).split()[0])
            for r in resources.load("titles")
            if r["label"] in ("honorific", "rank")
        )

    def before_honorifics(self, actors: ArticleActors) -> dict[str, list[str]]:
        """The title chains written right before a person's name that opens with an honorific or
        rank its mention took in (العاهل [nisba] الملك [name]), so no title mention holds them; a
        chain whose nisbas name no state of a known person's nationality is another's title
        (استقبل الرئيس [nisba] الملك [name])."""
        text = actors.text
        out: dict[str, list[str]] = {}
        for start, end, mention in actors.mentions:
            if mention.type != "Person" or mention.source == Source.ROLE or not mention.entity:
                continue
            first = _WORD_RE.match(text, start, end)
            if not first or strip_article(first.group()) not in self.honorifics:
                continue
            chain = self._chain_start(text, start)
            if chain is None:
                continue
            # the last title's chain: "استقبل العاهل [nisba] العاهل [nisba] الملك [name]"
            words = text[chain:start].split()
            title = " ".join(words[max(i for i, w in enumerate(words) if strip_article(w) in self.titles) :])
            known = actors.lexicon.gazetteer_entry(mention.entity)
            states = actors.countries_named(actors.lexicon.nisba_names(title), known=False)
            if known and known.nationality and known.nationality not in states:
                continue
            out.setdefault(mention.entity, []).append(title)
        return out

    def bodies(self, actors: ArticleActors) -> dict[str, list[str]]:
        """The bodies each person of the article is named right after, at the end of a title chain."""
        text = actors.text
        out: dict[str, list[str]] = {}
        for start, _end, mention in actors.mentions:
            if mention.type != "Person" or mention.source == Source.ROLE or not mention.entity:
                continue
            body = self._body_before(actors, start)
            if body and self._chain_start(text, body[0]) is not None:
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

    def _chain_start(self, text: str, pos: int) -> int | None:
        """Where a title chain ending at folded offset ``pos`` starts, if one does: the words
        right before (or before a لـ clitic at ``pos``, لحركة) are a title, definite words and the
        links of ``kg/data/title_chains.jsonl``, with only spaces between them."""
        if pos and not text[pos - 1].isspace():
            if text[pos - 1] != FOR or pos < 2 or not text[pos - 2].isspace():
                return None
            pos -= 1
        start = None
        for _ in range(_MAX_CHAIN_WORDS):
            found = _WORD_BEFORE_RE.search(text, max(0, pos - 40), pos)
            if not found or not _SPACE_RE.fullmatch(text, found.end(1), pos) or not text[found.end(1) : pos]:
                break
            word = found.group(1)
            if not word.isalpha():
                break  # punctuation ends the chain (وقال الوزير، رئيس ...)
            if strip_article(word) in self.titles:
                start = found.start(1)
            elif not (word.startswith(ARTICLE) or word in self.links):
                break
            pos = found.start(1)
        return start
