"""The head-noun components: phrases opened by a head noun, and duals naming two known bodies."""

from __future__ import annotations

from kg import resources
from kg.lexicon import definite
from kg.mentions.base import TokenView
from kg.mentions.bodies import BodyNames
from kg.mentions.districts import agrees, district_at, district_seat, kind_adjective, tie_pronoun_end
from kg.mentions.events import EventPhrases
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import (
    ACCUSATIVE,
    AGREEMENT,
    AND,
    ARTICLE,
    COUNTRY,
    DIRECTIONS,
    DISTRICTS,
    DUAL_CONSTRUCT,
    EVENT_TYPES,
    FACILITIES,
    FEMININE,
    FOR,
    FORCE,
    GOVERNMENT,
    LED_BY,
    LIKE,
    NAME_PARTICLES,
    NISBA,
    ORDINALS,
    ORGANIZATION,
    PARTICIPLE_COMPLEMENTS,
    PERSON,
    PLACE,
    PLACE_CATEGORIES,
    SUFFIXED_RE,
    TANWEEN_RE,
    TENURE,
    TRAFFIC,
    TRAFFIC_HEADS,
    adjective_like,
    direction_word,
)
from kg.model import MentionType, Source
from kg.text import fold, strip_article

#: The adjective that makes a definite region a military one (المنطقة العسكرية الشمالية).
MILITARY_REGIONS = frozenset(fold(w) for w in resources.words("place_cues", "military_region"))
#: Heads of bodies named after a person, title and name (مركز الملك سلمان، جامعة الملك سعود).
NAMED_AFTER_HEADS = frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("named_after"))
#: Government heads that name a state only with its nisba or name right after them (النظام السوري).
ALONE_HEADS = frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("alone"))


class Duals(TokenView):
    """ "وزارتي الدفاع والخارجية الأميركيتين"، "وزارتي الدفاع الأميركية والعراقية": a dual naming
    known bodies of countries, one proposal per body over the same words (``Source.DUAL``)."""

    rule = Rule.DUAL

    def propose(self) -> list[Proposal]:
        for i in self.ctx.doc.tokens_reading(self.ctx.head_nouns.duals):  # the tokens the test below may accept
            token = self.tokens[i]
            readings = [(skip, stem) for skip, stem in token.readings if stem.endswith(DUAL_CONSTRUCT)]
            readings = [(skip, stem) for skip, stem in readings if self.lex.heads.get(stem[:-2] + FEMININE)]
            if not readings or i in self.claimed:
                continue
            skip, stem = readings[0]
            nouns, countries, last = [], [], i
            while last + 1 < len(self.tokens) and last - i < 4 and self.joined(last):
                word = self.tokens[last + 1].folded
                bare_word = word[1:] if word.startswith(AND) and definite(word[1:]) else word
                if not definite(bare_word):
                    break
                country = self.lex.nisba_country(bare_word)
                if country:
                    countries.append(country)
                else:
                    nouns.append(bare_word)
                last += 1
            keys = [
                key
                for noun in nouns
                for country in countries
                if (key := self._body_of(country, [stem[:-2] + FEMININE, noun]))
            ]
            for key in dict.fromkeys(keys):
                self.add(MentionType(self.lex.gazetteer[key].type), i, last, Source.DUAL, skip, entity=key)
        return self.proposals

    def _body_of(self, country: str, words: list[str]) -> str | None:
        """The gazetteer key of a country's body named by ``words`` + the country's nisba."""
        for nisba, key in self.lex.nisbas.items():
            if key == country:
                definite_nisba = ARTICLE + nisba
                found = self.lex.lookup([*words, definite_nisba + FEMININE]) or self.lex.lookup(
                    [*words, definite_nisba]
                )
                if found:
                    return found
        return None


#: Most words of a foreign name after a body's head (منظمة هيومن رايتس ووتش).
MAX_HEAD_NAME = 4


class HeadPhrases(BodyNames, EventPhrases):
    """Phrases opened by a head noun (``kg/data/head_nouns.jsonl``) with their genitive and
    adjective chain: bodies, forces, governments, places (``Source.HEAD_NOUN``), dialogues and
    agreements with the words that name them (``HEAD_NOUN``, ``WEAK``, ``BACK_REFERENCE``)."""

    rule = Rule.HEAD

    def propose(self) -> list[Proposal]:
        after = 0  # the first token no phrase read so far covers
        opens = self.ctx.head_nouns.opens
        for i, token in enumerate(self.tokens):
            # a phrase opens only at a token a head noun may open (a few in a hundred), and past
            # the phrase read last (``opens`` is not asked there: a new word's readings cost)
            head = self._head(i) if i >= after and opens(token.folded) else None
            if head is None or (i in self.claimed and self.claimed[i] != PERSON):
                continue
            kind, skip, is_definite = head
            if kind in EVENT_TYPES:
                after = self._event_at(i, kind, is_definite, skip) + 1
                continue
            if kind == ORGANIZATION and (
                self._with_tanween(i)
                or self._described(i)
                or _rank_or_traffic(self, i)
                or any(s in LED_BY for _, s in self.tokens[i].readings)
            ):
                # "التحالف بقيادة السعودية": led by the state, no leadership body of it; "افتتحت
                # مركزاً إعلامياً": a generic body, not one named; "المركز الثالث": a rank
                continue
            if kind == FORCE and i + 3 < len(self.tokens) and self._military_region(i + 1, i + 3):
                continue  # "إحدى وحدات المنطقة العسكرية الشمالية": the region is the force named
            # "مديرية كتاف": a district named, not a directorate (مديرية الأمن); "مركز مديرية حيس": its seat
            seat = kind == ORGANIZATION and district_seat(self, i)
            district = seat or kind == ORGANIZATION and not is_definite and district_at(self, i)
            if district:
                kind = PLACE
            last = self._place_name(i + seat, i + seat, False) if district else self._chain(i)
            if kind == GOVERNMENT and last == i and self._alone_head(i) and self.claimed.get(i + 1) == PERSON:
                last = self._claimed_end(i + 1)  # "نظام الأسد": the regime of a state's leader (kg.resolve)
            # "مكتب رئيس الوزراء": the office of a role
            if kind == ORGANIZATION and last == i and self.joined(i) and not is_definite:
                last = self._role_end(i + 1) or i
                if self.tokens[i].stem() in NAMED_AFTER_HEADS and self.claimed.get(last + 1) == PERSON:
                    last = self._claimed_end(last + 1)  # "مركز الملك سلمان": named after the person
            if kind == ORGANIZATION and not is_definite and last == i + 1:
                last = self._foreign_name_end(i, last)
            if last == i or kind == GOVERNMENT and last > i + 1 and self._alone_head(i):
                continue
            if kind == PLACE and self._military_region(i, last):
                kind = FORCE  # "المنطقة العسكرية الشمالية": a command of the units in it
            elif kind == PLACE and not district:
                last = self._place_name(i, last, is_definite)
                if last == i:
                    continue
            while kind in (ORGANIZATION, FORCE) and last > i and self.claimed.get(i) == PERSON and self._tenure(last):
                last -= 1  # "قائد الحرس الوطني السابق": the title's term of office, not the body's
            if kind == FORCE:
                last = tie_pronoun_end(self, _force_name_end(self, i, last))  # "الفصائل الموالية لها"
            if kind == FORCE and (not self._owned(i, last) or self._rank_of_person(i)):
                after = last + 1
                continue
            if kind == ORGANIZATION and is_definite:
                last = self._purpose_end(last)
            elif kind == ORGANIZATION and last > i:
                last = self._named_purpose_end(last)
            if kind in (ORGANIZATION, FORCE) and i > 0 and self._called_for(i - 1):
                self.add(kind, i, last, Source.HEAD_NOUN, skip, read_only=True)  # no body yet
                after = last + 1
                continue
            if kind in (ORGANIZATION, FORCE) and i > 0 and self._sets_up(i - 1, last):
                kind = AGREEMENT  # "ملتزمان بتشكيل لجنة عسكرية": a body two sides commit to set up
            reach = self._event_end(last, kind) if kind == AGREEMENT else last
            self.add(kind, i, last, Source.HEAD_NOUN, skip, reach=reach)
            after = last + 1
        return self.proposals

    def _tenure(self, k: int) -> bool:
        """Whether token k is a word of a term of office (السابق، الأسبق)."""
        return strip_article(self.tokens[k].folded) in TENURE

    def _military_region(self, i: int, last: int) -> bool:
        """Whether the definite place head at token i with its chain up to ``last`` is a military
        region: "المنطقة العسكرية" and the direction or ordinal that tells it (الشمالية، الرابعة)."""
        word = self.tokens[last].folded
        return (
            last == i + 2
            and self.joined(i)
            and self.joined(i + 1)
            and f"{self.tokens[i].stem()} {self.tokens[i + 1].folded}" in MILITARY_REGIONS
            and definite(word)
            and adjective_like(word[len(ARTICLE) :])
            and not self.lex.nisba_country(word)  # "القاعدة العسكرية الأمريكية" is a place
        )

    def _alone_head(self, i: int) -> bool:
        """Whether the head noun at token i names a state only with one word after it."""
        return any(strip_article(stem) in ALONE_HEADS for _, stem in self.tokens[i].readings)

    def _foreign_name_end(self, i: int, last: int) -> int:
        """The end of a body's name in words the tagger is sure of after its first (منظمة هيومن
        رايتس ووتش): a foreign name's words are no adjectives or nouns in construct."""
        while (
            last + 1 < len(self.tokens)
            and last - i < MAX_HEAD_NAME
            and self.joined(last)
            and last + 1 not in self.claimed
            and not definite(self.tokens[last + 1].folded)
            and self.is_word(last + 1)
            and self._sure_name_word(last)
            and self._sure_name_word(last + 1)
        ):
            last += 1
        return last

    def _role_end(self, i: int) -> int | None:
        """The last token of the role mention (a title without its name) starting at token i."""
        if i >= len(self.tokens):
            return None
        role = next((p for p in self.made() if p.source == Source.ROLE and p.first == i and not p.skip), None)
        return None if role is None else role.last

    def _place_name(self, i: int, last: int, is_definite: bool) -> int:
        """Last token of a place named by its head: "قضاء الرطبة"، "جبل قرجوغ"، "السفارة الأمريكية"."""
        if is_definite:
            return last if any(self.lex.nisba_country(self.tokens[k].folded) for k in range(i + 1, last + 1)) else i
        end = i
        # up to two words, three through a particle (معبر كرم أبو سالم)
        while end + 1 < len(self.tokens) and self.joined(end) and self.is_word(end + 1):
            word, particle = self.tokens[end + 1].folded, self.tokens[end].folded in NAME_PARTICLES
            if self._adjective_after(i, end + 1) or word.startswith(AND) or self.finite_verb(end + 1):
                break
            if end > i and self.lex.nisba_country(word):
                break  # "مدينة منبج السورية": the country's nisba describes the place, it is no part of its name
            if end == i + 1 and kind_adjective(self, i, word):
                break  # "مدينة أجدابيا الساحلية"، "مديرية رازح الحدودية": the kind's adjective after a bare name
            if end > i and definite(word) and agrees(self, i, word) and self._complemented(end + 2):
                break  # "منطقة عفرين الواقعة شمال"، "محافظة درعا المحاذية للأردن": a participle after the name
            named = definite(word) or particle or word in NAME_PARTICLES or self._sure_name_word(end + 1)
            if end > i and not named or end - i >= 2 and not particle:
                break  # a name's second word is in ال (خور الزبير) or one the tagger is sure of: not "رفح جنوب"
            end += 1
        if end == i + 1 and strip_article(self.tokens[end].folded) in DIRECTIONS:
            end = i  # "منطقة جنوب دمشق": a direction alone names no place (شرق المتوسط، محافظة الشرقية do)
        if end == i and (known := self._facility_at(i)) is not None:
            return known
        nests = self.tokens[i].stem() not in DIRECTIONS  # "ريف محافظة تعز": the place keeps its own mention
        if end == i and nests and i + 1 < len(self.tokens) and (head := self._head(i + 1)) and head[0] == PLACE:
            end = self._place_name(i + 1, i + 1, False)  # "منطقة جبل قرجوغ"
        return end

    def _facility_at(self, i: int) -> int | None:
        """The last token of a place named by the known place after its head at token i: a kind
        of place (محافظة إدلب: the same place, ``kg.resolve``) or a facility built there (مطار
        بغداد الدولي، ميناء الحديدة: a place of its own, with the adjective that follows); None
        when no place the gazetteer knows (a capital too) follows the head. The known place keeps
        its own mention."""
        heads = [stem for _, stem in self.tokens[i].readings if stem in FACILITIES | PLACE_CATEGORIES | DISTRICTS]
        if not heads or not self.joined(i):
            return None
        known = next((p for p in self.kept if p.first == i + 1 and p.rule == Rule.GAZETTEER), None)
        entry = self.lex.gazetteer.get(known.entity) if known is not None and known.entity else None
        if entry is None or not (entry.type == PLACE or entry.capital_of):
            return None
        end = known.last
        word = self.tokens[end + 1].folded if end + 1 < len(self.tokens) and self.joined(end) else ""
        if heads[0] in FACILITIES and definite(word) and adjective_like(word[len(ARTICLE) :]):
            end += 0 if self.lex.nisba_country(word) else 1  # "مطار بغداد الدولي"
        return end

    def _complemented(self, k: int) -> bool:
        """Whether token k opens the complement a participle takes (على، في، إلى، من، بين، مع، a
        ل-clitic or a direction: المطلة على، الخاضعة لسيطرة، الواقعة شمال), which a name's last
        word does not (مكة المكرمة، حوش الضواهرة)."""
        if k >= len(self.tokens) or not self.joined(k - 1):
            return False
        word = self.tokens[k].folded
        return (
            word in PARTICIPLE_COMPLEMENTS
            or word.startswith(FOR)
            and len(word) > 2
            or self.tokens[k].stem() in DIRECTIONS
        )

    def _described(self, i: int) -> bool:
        """Whether the indefinite feminine body head at token i is a predicate, the kind a body is
        said to be (كمنظمة إرهابية، تعتبرها منظمة إرهابية): after ك, or after a word with an object
        pronoun, and followed by a nisba adjective that agrees with it. A body of that kind met in
        the story is one (أمام لجنة برلمانية)."""
        token = self.tokens[i]
        stem = token.stem()
        if definite(stem) or not stem.endswith(FEMININE) or i + 1 >= len(self.tokens) or not self.joined(i):
            return False
        as_kind = token.folded[: len(token.folded) - len(stem)].endswith(LIKE)
        if not as_kind and not (i > 0 and self.joined(i - 1) and SUFFIXED_RE.search(self.tokens[i - 1].folded)):
            return False
        word = self.tokens[i + 1].folded
        return word.endswith(NISBA + FEMININE) and not definite(word)

    def _with_tanween(self, i: int) -> bool:
        """Whether the indefinite head noun at token i is written with tanween, or with the
        accusative's alef (مركزاً، مركزا) that the head's own spelling lacks: a noun with tanween
        is in construct with nothing, so no name follows it."""
        token = self.tokens[i]
        if definite(token.stem()):
            return False
        if TANWEEN_RE.search(self.text, token.start, token.end):
            return True
        stem = token.stem()
        return stem.endswith(ACCUSATIVE) and stem not in self.lex.heads and stem[: -len(ACCUSATIVE)] in self.lex.heads

    def _adjective_after(self, head: int, j: int) -> bool:
        """Whether the indefinite word at token j is an adjective of the place head at token
        ``head`` rather than the place's name. An adjective agrees with its noun: after a feminine
        head (منطقة، مدينة، محافظة) it ends in ة (منطقة عازلة), so درعا، بصرى، جنين there are
        names unless the tagger is sure they are not (an elative: ناحية أخرى); a word in ة there
        is a name only when the tagger is sure of it or the article writes it elsewhere on its
        own (مدينة حماة ... في حماة). After a masculine head (مخيم، معبر) any adjective ending
        counts (معبر حدودي)."""
        word = self.tokens[j].folded
        if definite(word) or not adjective_like(word):
            return False
        if not self.tokens[head].stem().endswith(FEMININE):
            return not self._sure_name_word(j)  # "ريف درعا": a name the tagger is sure of
        if not word.endswith(FEMININE):  # unless the tagger is sure it is a word (ناحية أخرى)
            return self.tagged is not None and self.tagged.rules_out_name(j, j)
        return not (self._sure_name_word(j) or self._written_alone(j))

    def _written_alone(self, j: int) -> bool:
        """Whether the word of token j is written elsewhere in the article not right after a head noun."""
        word = self.tokens[j].folded
        return any(
            k != j and token.folded == word and not (k > 0 and self._head(k - 1)) for k, token in enumerate(self.tokens)
        )

    def _rank_of_person(self, i: int) -> bool:
        """Whether the force head noun at token i is the rank a person's role opens with (اللواء
        المتقاعد فلان: a retired major general, no brigade)."""
        return self.claimed.get(i) == PERSON and self._title_word(i) == "rank"


def _rank_or_traffic(view: TokenView, i: int) -> bool:
    """Whether the body head noun at token i ranks (المركز الثاني، المرتبة الثالثة: an ordinal
    follows) or is the movement of what the next word names (حركة السفن): no body either way."""
    if i + 1 >= len(view.tokens) or not view.joined(i):
        return False
    word = view.tokens[i + 1].folded
    if word in ORDINALS or word.removesuffix(FEMININE) in ORDINALS:
        return True
    return strip_article(view.tokens[i].stem()) in TRAFFIC_HEADS and word in TRAFFIC


def _force_name_end(view: TokenView, i: int, last: int) -> int:
    """The end of a force's chain from token i to ``last`` at the place's name in it, when a
    definite noun no adjective's ending shows follows that name, and no definite word after
    it: a proper name ends its construct, so the noun is the clause's ("أكد ضابط في شرطة
    محافظة نينوى العثور على"); one with its own adjective is the force's apposition (سرايا
    القدس الجناح العسكري لـ), which the statements rule reads."""
    places = {p.last for p in view.kept if p.kind in (PLACE, COUNTRY) and i < p.first and p.last < last}
    for k in sorted(places):
        word = view.tokens[k + 1].folded
        named = any(p.first <= k + 1 <= p.last for p in view.kept if p.kind != PERSON)
        adjective = adjective_like(word) or word.endswith(FEMININE) or direction_word(word)
        described = k + 2 < len(view.tokens) and view.joined(k + 1) and definite(view.tokens[k + 2].folded)
        if definite(word) and not (named or adjective or described):
            return k
    return last
