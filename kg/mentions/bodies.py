"""Where a body's name ends after its head noun's chain: what the body is for (الهيئة الوطنية
للانتخابات، وكالة تسنيم للأنباء) and the force it commands (القيادة العامة للقوات المسلحة)."""

from __future__ import annotations

from kg.lexicon import definite
from kg.mentions.chains import Chains
from kg.mentions.words import (
    ARTICLE,
    COUNTRY,
    FOR,
    FORCE,
    NAME_STOPS,
    OBLIQUE_PLURAL,
    OUTLET_PURPOSES,
    PERSON,
    PLACE,
    adjective_like,
)
from kg.model import Source
from kg.text import strip_article


class BodyNames(Chains):
    """The end of a body's name past its chain, and whether a force names its owner."""

    def _purpose_end(self, last: int) -> int:
        """The end of a body's name that goes on with what the body is for, after the adjective
        that ends its chain: "الهيئة الوطنية للانتخابات"، "اللجنة الدولية لحماية الصحفيين". A
        country's nisba goes on only with a noun in construct (الجمعية الكويتية لحقوق العمال), not
        with a definite one (وزارة الخارجية الأمريكية للصحفيين: to whom it spoke)."""
        word = self.tokens[last].folded
        j = last + 1
        commands = self._commanded_force_end(last)
        if (
            j >= len(self.tokens)
            or not self.joined(last)
            or not definite(word)
            or not adjective_like(word[len(ARTICLE) :])
            or not self.tokens[j].folded.startswith(FOR)
            or commands
            or self.claimed.get(j, PERSON) != PERSON  # a title's chain claims the body it serves: goes on
            or not self.is_word(j)
            or self.lex.nisba_country(word)
            and definite(self.tokens[j].stem())
        ):
            return commands or last
        if not definite(self.tokens[j].stem()):
            named = self.claimed.get(j + 1) in (COUNTRY, PLACE)  # "لموانئ العراق"
            if not (self.joined(j) and definite(self.tokens[j + 1].folded) and (self.is_word(j + 1) or named)):
                return last  # لحماية alone is no name; لحماية الصحفيين is
            j += 1
        return self._adjectives_end(j)

    def _commanded_force_end(self, last: int) -> int | None:
        """The end of the force in ل right after a body whose chain ends at token ``last`` in an
        adjective, the force the body commands (القيادة العامة للقوات المسلحة، الهيئة العامة
        للجيش): part of the body's name, and a mention of its own (proposed here when no rule
        has claimed it yet). None when none follows."""
        j = last + 1
        word = self.tokens[last].folded
        if not (
            j < len(self.tokens)
            and self.joined(last)
            and self.tokens[j].folded.startswith(FOR)
            and definite(word)
            and adjective_like(word[len(ARTICLE) :])
            and not self.lex.nisba_country(word)
        ):
            return None
        if self.claimed.get(j) == FORCE:
            return self._claimed_end(j)
        head = None if j in self.claimed else self._head(j)
        if head is None or head[0] != FORCE or not head[1]:
            return None
        end = self._chain(j)
        if self._owned(j, end):
            self.add(FORCE, j, end, Source.HEAD_NOUN, head[1])  # read past by the body: proposed here
        return end

    def _adjectives_end(self, j: int) -> int:
        """The last of the definite adjectives after token j, the noun of what a body is for:
        "للطاقة الذرية", not the object of the verb ("للانتخابات النتائج")."""
        purpose = j
        while j + 1 < len(self.tokens) and self.joined(j) and self.is_word(j + 1):
            if self.coordinated_word(j + 1, noun_before=j == purpose):
                j += 1  # "للدراسات والبحوث"، "للإعلام المرئي والمسموع"
                continue
            word = self.tokens[j + 1].folded
            if not (definite(word) and adjective_like(word[len(ARTICLE) :])) or word in NAME_STOPS:
                break  # nor a word that ties the body to another: "للأنباء التابعة لـ"، "المرتبطة بـ"
            j += 1
        return j

    def _named_purpose_end(self, last: int) -> int:
        """The end of a body's name that goes on with what the body is for after the proper name
        an indefinite head takes (شركة آرثر أندرسون للمحاسبة، وكالة تسنيم للأنباء): ل with a
        definite noun that names no people (to whom it spoke: للمستثمرين), after a bare name the
        tagger is sure of or any name before an outlet's purpose (``OUTLET_PURPOSES``). Else a name
        in ال ends the chain of a head in construct (وزارة الدفاع للصحفيين) and goes on with nothing."""
        j = last + 1
        outlet = j < len(self.tokens) and self.tokens[j].stem() in OUTLET_PURPOSES
        if (
            j >= len(self.tokens)
            or not self.joined(last)
            or not self.tokens[j].folded.startswith(FOR)
            # a bare name the tagger is sure of (not "لجنة عسكرية للنظر"، "قيادة X بتندوف للمطالبة"),
            # or any name, in ال too, before an outlet's purpose (وكالة أهل البيت للأنباء)
            or not (outlet or self._bare_sure_name(last) and not definite(self.tokens[last].folded))
            or not definite(self.tokens[j].stem())
            or self.tokens[j].folded.endswith(OBLIQUE_PLURAL)  # قالت شركة X للمستثمرين: to whom
            or j in self.claimed
            or not self.is_word(j)
        ):
            return last
        return self._adjectives_end(j)

    def _bare_sure_name(self, i: int) -> bool:
        """Whether token i is a word the tagger is sure names something, with no clitic reading."""
        return self._sure_name_word(i) and not self.tokens[i].readings[-1][0]

    def _owned(self, i: int, last: int) -> bool:
        """Whether a force phrase names its owner, when its head needs one (قوات أجنبية does not)."""
        if strip_article(self.tokens[i].stem()) not in self.lex.owned_heads:
            return True
        words = [self.tokens[k].folded for k in range(i + 1, last + 1)]
        return any(
            self.lex.nisba_country(w) or k in self.claimed for k, w in zip(range(i + 1, last + 1), words, strict=True)
        )

