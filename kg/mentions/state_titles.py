"""Titles only in construct: words that are also a given name or a common noun, titles only before
a state's name (ملك البلد، أمير البلد: ``of_country`` in ``kg/data/titles.jsonl``), before another
title (``of_title``) or before a noun of their own (``in_construct_with``)."""

from __future__ import annotations

from kg import resources
from kg.lexicon import definite
from kg.mentions.base import TokenView
from kg.mentions.words import COUNTRY, NISBA, PLACES, TENURE
from kg.text import fold, strip_article

#: Titles that are also a given name or a common noun, titles only before a state's name.
OF_COUNTRY = frozenset(fold(r["pattern"]) for r in resources.load("titles") if r.get("of_country"))
#: Titles that are also common nouns (مساعدة: "aid"), titles only before the title they assist.
_OF_TITLE = frozenset(fold(r["pattern"]) for r in resources.load("titles") if r.get("of_title"))
#: Titles that are also other words (ولي: a guardian, و + لي), titles only in construct with one
#: of their nouns (ولي العهد، ولي عهد أبوظبي), by the folded title.
_OF_NOUN = {
    fold(r["pattern"]): frozenset(fold(noun) for noun in r["in_construct_with"])
    for r in resources.load("titles")
    if r.get("in_construct_with")
}


class StateTitles(TokenView):
    """Reads a title of ``OF_COUNTRY`` at a token and where it ends, and tells a title of
    ``_OF_TITLE`` or ``_OF_NOUN`` from the common noun of the same letters."""

    def _title_of_country(self, i: int) -> int | None:
        """The clitic length of a title of ``OF_COUNTRY`` at token i in construct with the state's
        name right after it (أمير قطر، وملك الأردن); None when it is not, and the word is a given
        name (حسين أمير عبد اللهيان) or a common noun."""
        if not (self.joined(i) and self.claimed.get(i + 1) == COUNTRY):
            return None
        return next((skip for skip, stem in self.tokens[i].readings if stem in OF_COUNTRY), None)

    def _state_title_end(self, i: int) -> int:
        """The last token of a title in construct with a state's name (ملك البلد): the name, with a
        term of office after it (الراحل); a definite word further on is the verb's object
        (وطالب ملك البلد الحكومة), not the title's adjective."""
        last = self._claimed_end(i + 1)
        tokens = self.tokens
        while last + 1 < len(tokens) and self.joined(last) and strip_article(tokens[last + 1].folded) in TENURE:
            last += 1
        return last

    def _common_noun(self, i: int) -> bool:
        """ "مساعدة طبية عاجلة"، "مساعدة السودان": a title word that is also a common noun
        (``_OF_TITLE``) is a title only in construct with another title (مساعدة وزير الخارجية);
        one of ``_OF_NOUN`` only in construct with its own noun (ولي العهد، not ولي الأمر)."""
        readings = self.tokens[i].readings
        after = self.tokens[i + 1].readings if i + 1 < len(self.tokens) and self.joined(i) else ()
        nouns = next((_OF_NOUN[stem] for _, stem in readings if stem in _OF_NOUN), None)
        if nouns is not None:
            return not any(strip_article(stem) in nouns for _, stem in after[:1])
        if not any(stem in _OF_TITLE for _, stem in readings):
            return False
        return not any(self.lex.titles.get(strip_article(stem)) == "title" for _, stem in after)

    def _noun_title_end(self, i: int) -> int | None:
        """The last token of a title of ``_OF_NOUN`` in construct with a noun that is no title or
        head noun of its own (ولي العهد): the noun, the state or city in construct with it (ولي عهد
        أبوظبي), then its nisbas and term of office (ولي العهد السعودي السابق); a definite word
        further on is the sentence's (زيارة ولي العهد الرسمية). None for any other title, whose chain
        goes on as a title's does (وكيل وزارة الخارجية)."""
        if not any(stem in _OF_NOUN for _, stem in self.tokens[i].readings):
            return None
        tokens, last = self.tokens, i + 1
        noun = strip_article(tokens[last].folded)
        if noun in self.lex.titles or noun in self.lex.heads:
            return None
        if last + 1 < len(tokens) and self.joined(last) and not definite(tokens[last].folded):
            # the noun in construct: its genitive is the place (عهد أبوظبي), whole when a place rule claimed it
            last = self._claimed_end(last + 1) if self.claimed.get(last + 1) in PLACES else last + 1
        while last + 1 < len(tokens) and self.joined(last):
            word = tokens[last + 1].folded
            # a definite nisba, of a state or not (السعودي، الهاشمي, or misspelt), or a term of office
            nisba = definite(word) and (self.lex.nisba_country(word) or word.endswith(NISBA))
            nisba = nisba and word not in self.lex.stopwords  # الذي، التي: no nisba
            if not (nisba or strip_article(word) in TENURE):
                break
            last += 1
        return last
