"""Heads that stand for the state itself (``kg/data/speaker_nouns.jsonl``, marked "state").

"The authorities" of a country, named by its nisba (السلطات الأردنية، السلطات القطرية والتركية)
or after في (السلطات في الأردن) and by nothing else before the clause, are that country speaking:
the Country, not a body minted from the phrase; the phrase of one country is a mention of it
(one of its labels in the article, as a capital's name may be). Any other word that qualifies
them (السلطات الصحية، السلطات القضائية العراقية) makes a body of its own.
"""

from __future__ import annotations

from kg import resources
from kg.cues import strip_article
from kg.model import Mention
from kg.spans import fold
from kg.unknown_names import INNER_GAP_RE, WORD_RE, UnknownNames

#: Folded state heads, without the article.
_STATE_HEADS = frozenset(fold(r["pattern"]) for r in resources.load("speaker_nouns") if r.get("state"))


def state_countries(
    names: UnknownNames, links: frozenset[str], head: tuple[int, int], limit: int
) -> tuple[list[str], int] | None:
    """(countries, where they end) that the definite head written at ``head`` (folded start,
    end) stands for, or None when it is no state head or another word qualifies it.

    Args:
        names: the article's name reader (nisbas, mentions, where a subject ends).
        links: the prepositions after which a place or body follows its head (في).
        head: the folded span of the head word.
        limit: where the subject's clause ends at the latest.
    """
    text, end = names.ft.folded, head[1]
    if strip_article(text[head[0] : end]) not in _STATE_HEADS:
        return None
    countries, stop = names.nisba_countries(end)
    word = WORD_RE.search(text, end, limit)
    if not countries and word and word.group() in links and INNER_GAP_RE.fullmatch(text[end : word.start()]):
        after = WORD_RE.search(text, word.end(), limit)
        country = names.mentions.within(after.start(), after.start() + 1) if after else []
        if country and country[0][2].type == "Country" and country[0][2].entity:
            countries, stop = [country[0][2].entity], country[0][1]
    if not countries or not names.ends_subject(stop, limit):
        return None
    if len(countries) == 1:  # the phrase is a name of its country here, as a capital may be
        begin, finish = names.ft.original_span(head[0], stop)
        written = names.article.text[begin:finish]
        mention = Mention("Country", written, begin, finish, entity=countries[0], source="speaker")
        names.article.mentions += [mention] if mention not in names.article.mentions else []
        country = names.article.entities[countries[0]]
        country.alt_labels += [written] if written not in country.alt_labels else []
    return countries, stop
