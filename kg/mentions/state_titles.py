"""Titles in construct with a state's name (ملك البلد، أمير البلد): words that are also a given
name or a common noun (``of_country`` in ``kg/data/titles.jsonl``), titles only before a state."""

from __future__ import annotations

from kg import resources
from kg.mentions.base import TokenView
from kg.mentions.words import COUNTRY, TENURE
from kg.text import fold, strip_article

#: Titles that are also a given name or a common noun, titles only before a state's name.
OF_COUNTRY = frozenset(fold(r["pattern"]) for r in resources.load("titles") if r.get("of_country"))


class StateTitles(TokenView):
    """Reads a title of ``OF_COUNTRY`` at a token and where it ends."""

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
