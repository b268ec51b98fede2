"""The event rules: dialogue and agreement phrases and the words after them that name the event."""

from __future__ import annotations

import re

from kg import resources
from kg.lexicon import affix, definite, sense, word_set
from kg.matcher import verb_forms
from kg.mentions.agreements_told import (
    MADE_WITH,
    SENTENCE_END_RE,
    SENTENCE_REACH,
    AgreementsTold,
    aim_end,
    before_verb,
    by_a_noun,
    sides_follow,
    told_reached,
    unnamed_side_end,
)
from kg.mentions.base import TokenView
from kg.mentions.event_clauses import (
    bare_talks_end,
    body_end,
    day_before_sides,
    gathered,
    members_end,
    own_place_end,
    with_the_press,
)
from kg.mentions.event_places import destination_end, relational, year_name_end
from kg.mentions.object_verbs import carrying_object
from kg.mentions.words import (
    AGREEMENT,
    AND,
    ARTICLE,
    BETWEEN,
    BY,
    COUNTRY,
    DIALOGUE,
    ESTABLISH_WORDS,
    FOR,
    FORCE,
    HIS,
    IN,
    NAMED_ACTORS,
    OBLIQUE_PLURAL,
    OF,
    ON,
    ORGANIZATION,
    PERSON,
    PLACES,
    PRESS,
    RELATIVE_CLAUSE_WORDS,
    RELATIVE_WORDS,
    STIPULATES,
    THROUGH,
    VISIT_TO,
    WITH,
    YEAR_WORDS,
)
from kg.model import MentionType, Source
from kg.text import fold, strip_article

__all__ = ["EventPhrases", "relative_end"]

#: Words right after a dialogue head that make it another thing (لقاء تلفزيوني، جلسة المحكمة).
_OTHER_SENSE = word_set("event_words", "other_sense") | PRESS
#: Words right before an event head that make it another thing (سوء تفاهم: a misunderstanding).
_OTHER_SENSE_BEFORE = word_set("event_words", "other_sense_before")
#: Who a relative clause after talks or a visit may name as running or making it (التي يجريها الأردن مع):
#: the first stands for a word nobody claimed.
_RUNNERS = (None, COUNTRY, FORCE, *NAMED_ACTORS)
#: Words of time within an event before a dialogue head: it took place (خلال، على هامش).
_AMID = word_set("event_words", "amid")
#: Words right before a visit or tour that put its visitor on it (في زيارة رسمية، ضمن جولة أوروبية).
_ON_A_VISIT = word_set("event_words", "on_visit")
#: Verbs of making a visit (قام، يقوم) before its pronoun after بـ (بها), and of including its stops (تشمل، شملت).
_VISIT_DOING, _STOPS_VERBS = verb_forms("event_words", "visit_doing"), verb_forms("event_words", "stops_verb")
_BY_IT = frozenset(BY + suffix for suffix in word_set("function_words", "pronoun_suffix"))
#: Verbs of making a visit with its object pronoun attached (زيارة أجراها الوزير، جولة يجريها).
_MADE_IT = carrying_object("visit_doing_it")
_TOUR_VERBS = _VISIT_DOING.keys() | _STOPS_VERBS.keys() | _MADE_IT
#: Heads as often a court's or a parliament's sitting (جلسة): held, talks only with a word of their kind.
_SITTINGS = word_set("event_words", "sitting")
#: "During it" (خلالها): a verb after an event that holds other talks within it.
_DURING_IT = word_set("event_words", "during")
#: The future particle on a present verb (سيعقد): talks to come, not held.
_FUTURE = affix("future")
#: Visits and tours (زيارة، جولة).
_VISIT = sense("head_nouns", "visit")
_VISITS = frozenset({_VISIT, sense("head_nouns", "tour")})
#: Words of sport: a dialogue head in their sentence is a match or a matchday (لقاء، جولة).
_SPORT = word_set("event_words", "sport")
#: Heads named by a noun after them (قانون الانتخابات): with adjectives alone, a body of law.
_NAMED_BY_NOUN = frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("named_by_noun"))
#: Where talks are held, named between their head and whom they are with: a place or a seat (البيت الأبيض).
_VENUES = (*PLACES, ORGANIZATION)


class EventPhrases(AgreementsTold):
    """Dialogue and agreement phrases: the head noun, and the words that name the event after it
    ("بين X وY"، "إلى X"، "لعام 2008"، "الذي أقره X")."""

    def _event_at(self, i: int, kind: MentionType, is_definite: bool, skip: int) -> int:
        """A dialogue or agreement phrase at token i; returns the last token consumed."""
        stem = strip_article(self.tokens[i].stem())
        sporting = _among_sport(self, i) and _VISIT not in (stem, self.lex.unpossessed(stem))  # a visit is no match
        if kind == DIALOGUE and (self._other_sense(i + 1) or sporting or with_the_press(self, i)):
            return i  # "مؤتمر صحفي"، "جلسة المحكمة"، "لقاء الإياب"، "لقاء مع محرري صحيفة": no talks
        if i > 0 and self.joined(i - 1) and self.tokens[i - 1].folded in _OTHER_SENSE_BEFORE:
            return i  # "سوء تفاهم مع الشرطة": no understanding
        head = strip_article(self.tokens[i].stem())
        last = self._chain(i, clause_stops=False)
        # "اجتماع وزراء الخارجية العرب"، "اجتماع لقادة جيوش المنطقة": named by who meet
        members = kind == DIALOGUE and last == i and members_end(self, i)
        last = members or last
        if kind == AGREEMENT:
            last = before_verb(self, i, last)
        elif head in _VISITS:
            last = before_verb(self, i, last, _TOUR_VERBS)
        # "الجلسة الاولى للحوار ..."، "الجولة الثالثة من الحوار ..."، "مؤتمر الحوار": the named one inside
        j = last + 1
        if j < len(self.tokens) and self.joined(last) and self.tokens[j].folded in OF:
            j += 1
        named_inside = not members and j < len(self.tokens) and j > last and self.joined(j - 1) and self._head(j)
        if named_inside and self._head(j)[0] == kind:
            last = self._chain(j, clause_stops=False)
            # "جولة جديدة من المحادثات الأمنية": a round of talks the article names
            is_definite = is_definite or self._head(j)[2]
        # "زيارة وزير الدفاع لويد أوستن": the visitor's name after the title chain
        if last + 1 < len(self.tokens) and self.joined(last) and self.claimed.get(last + 1) == PERSON:
            last = self._claimed_person_end(last + 1) or last
        if self.claimed.get(last + 1) and self.joined(last) and self.claimed[last + 1] in NAMED_ACTORS:
            last = self._claimed_end(last + 1)  # "اجتماع المجلس الوزاري للأمن الوطني"
        # a noun in construct with a place's name or a year is definite and names one agreement or meeting
        place_end = self._place_name_end(i, kind, last) or year_name_end(self, i, kind, last)
        by_place = place_end is not None
        if place_end is not None:
            last, is_definite = place_end, True
        # "تم التوصل إلى اتفاق لعودة الهدوء": an agreement the story tells made, named by its purpose
        reached = kind == AGREEMENT and told_reached(self, i, skip)
        if reached and self.joined(i) and i + 1 < len(self.tokens) and self.tokens[i + 1].folded.startswith(FOR):
            last = max(last, aim_end(self, i + 1))
        # ... told by its purpose, its sides or its kind (اتفاق هدنة), not by any word after it (اتفاق شمل)
        reached = reached and (last > i and self._head(i + 1) is not None or self._scoped(i) or sides_follow(self, i))
        named = any(self.claimed.get(k) in NAMED_ACTORS for k in range(i + 1, last + 1))
        bare = last == i
        end = self._event_end(last, kind, counterpart=kind == DIALOGUE or not self._in_concert(i, skip))
        if kind == DIALOGUE and end == last == i and not is_definite:
            end = max(bare_talks_end(self, last), body_end(self, i) or last)  # "قمة في طهران"، "اجتماع لمجلس الوزراء"
        # "زيارة قام بها الوزير إلى عمان"، "جولة تشمل مصر والأردن": a visit told made, or by its stops
        toured = kind == DIALOGUE and head in _VISITS and end == last
        told = self._tour_told_end(last) if toured else None
        if told is not None:
            end = self._event_end(told, kind)
        extended = end > last
        # an understanding with its sides named is one someone entered: "تفاهم بين الأردن ومصر"
        with_counterpart = kind == AGREEMENT and extended and self._counterpart_end(last + 1) is not None
        sides_named = with_counterpart or kind == AGREEMENT and extended and self.tokens[last + 1].folded == BETWEEN
        entered = sides_named and head in MADE_WITH
        if not extended and self._body_of_law(i, last):
            self.add(kind, i, last, Source.HEAD_NOUN, skip, read_only=True)
            return end
        # talks are held by a subject written between ("عقد الجانبان جلسة"; "ضرورة عقد اجتماع" holds none)
        committed = (
            self._committed(i, self.lex.agreement_verbs) or reached
            if kind == AGREEMENT
            # "خلال اجتماع مشترك": not a head alone ("خلال زيارة لإلقاء كلمة" names no visit by its word)
            else self._committed(i - 1, self.lex.holding_verbs)
            or (_amid(self, i) and end > i)
            or _on_a_visit(self, i, last)
            or told is not None
            or bool(members)
            or _held_after(self, i, last, self.lex.holding_verbs)
            or gathered(self, i, last)
        )
        source = Source.HEAD_NOUN
        # "طالبت المعارضة باتفاق يقضي بانسحاب القوات": an agreement told by what it provides, only called for
        stipulated = kind == AGREEMENT and extended and self.tokens[last + 1].folded in STIPULATES
        called_for = stipulated and not (is_definite or committed) and self._demanded(i)
        if called_for or (
            head in self.lex.committed_heads and not (committed or by_place or entered)
        ):
            source = Source.WEAK  # "الشراكة" is an agreement only when someone enters it
        elif bare and definite(self.tokens[i].stem()) and (not extended or self._anaphoric_between(last)):
            source = Source.BACK_REFERENCE
        elif (
            not is_definite
            # "نريد اتفاقية قوية مع العراق": an indefinite agreement with a counterpart may be only wished for
            and not (extended and not with_counterpart)
            and not named
            and not self.lex.unpossessed(self.tokens[i].stem())
            # "عقد الوزيران اجتماعاً"; "توصل الطرفان إلى هدنة لمدة يومين": reached, told by its scope;
            # "توصلت الوزارة إلى اتفاق مع النقابات": by its sides, named or not
            and not (committed and (last > i or kind == DIALOGUE or with_counterpart or self._scoped(last)))
            and not (kind == AGREEMENT and sides_follow(self, last) and (reached or self._committed(i, finite=True)))
        ):
            source = Source.WEAK
        elif bare and not extended and not committed:
            # a lone indefinite event noun names no event, but its word is read: no rule takes it for a name
            self.add(kind, i, last, Source.HEAD_NOUN, skip, read_only=True)
            return end
        if source == Source.HEAD_NOUN and kind == AGREEMENT and end == last and not is_definite:
            last = end = unnamed_side_end(self, last)
        self.add(kind, i, last, source, skip, reach=end)
        return last  # the phrase's sides (بين الحكومة والفصائل المسلحة) are read as phrases of their own

    def _side_by_nationality(self, i: int) -> bool:
        """Whether token i is a definite noun and a country's nisba after it: النظام السوري، الجانب التركي."""
        return (
            i + 1 < len(self.tokens)
            and definite(self.tokens[i].folded)
            and self.joined(i)
            and self.lex.nisba_country(self.tokens[i + 1].folded) is not None
            and definite(self.tokens[i + 1].folded)
        )

    def _scoped(self, last: int) -> bool:
        """Whether a complement of scope follows the event noun at token ``last``: its purpose or
        span (اتفاق لوقف القتال، هدنة لمدة يومين), where (هدنة في المدينة), what it provides
        (اتفاق يقضي بـ)."""
        if last + 1 >= len(self.tokens) or not self.joined(last):
            return False
        word = self.tokens[last + 1].folded
        return word.startswith(FOR) or word == IN or word in STIPULATES

    def _other_sense(self, i: int) -> bool:
        """Whether token i, right after a dialogue head, makes it no talks: the press or a screen
        (مؤتمر صحفي، لقاء تلفزيوني), a court or a market (جلسة المحكمة، جلسة التداول), a leg of a
        match (لقاء الذهاب)."""
        if i >= len(self.tokens) or not self.joined(i - 1):
            return False
        return self.tokens[i].folded in _OTHER_SENSE or any(stem in _OTHER_SENSE for _, stem in self.tokens[i].readings)

    def _body_of_law(self, i: int, last: int) -> bool:
        """Whether a law phrase is named by adjectives alone (القانون الدولي، القانون الإنساني
        الدولي, and such bodies joined): a body of law, not a law anyone passed or is bound by."""
        if last == i or strip_article(self.tokens[i].stem()) not in _NAMED_BY_NOUN:
            return False
        head = strip_article(self.tokens[i].stem())
        words = [self.tokens[k].folded.removeprefix(AND) for k in range(i + 1, last + 1)]
        # "القانون الدولي والقانون الدولي الإنساني": bodies of law joined
        return all(relational(w) or strip_article(w) == head for w in words)

    def _anaphoric_between(self, last: int) -> bool:
        """ "بين الطرفين"/"بين البلدين": a complement that names no one."""
        return (
            last + 2 < len(self.tokens)
            and self.tokens[last + 1].folded == BETWEEN
            and (self.tokens[last + 2].folded.endswith(OBLIQUE_PLURAL) and not self.claimed.get(last + 2))
        )

    def _event_end(self, last: int, kind: MentionType, counterpart: bool = True) -> int:
        """The last token of an event's phrase whose head chain ends at token ``last``: on over
        "بين X وY"، "إلى X"، "مع X" (when ``counterpart``)، "لعام 2008"، "الذي أقره X"، "على تشكيل Y"."""
        n = len(self.tokens)
        end = last
        dialogue, agreement = kind == DIALOGUE, kind == AGREEMENT
        while end + 1 < n and self.joined(end):
            word = self.tokens[end + 1].folded
            if word == BETWEEN or (word in VISIT_TO and dialogue):
                stop = self._coordinated_actors(end + 2)
                if stop is None:
                    break
                end = stop
            elif dialogue and word.startswith(FOR) and self.claimed.get(end + 1) in PLACES:
                end = self._claimed_end(end + 1)  # "زيارة ترامب للقدس": where the visit goes, after لـ
            elif dialogue and word in HIS and (stop := own_place_end(self, end + 2)) is not None:
                end = stop  # "زيارة له إلى ليبيا"، "زيارة له في لندن": where his visit went, past "له"
            elif counterpart and (dialogue or agreement) and (stop := self._counterpart_end(end + 1)) is not None:
                end = stop
            elif word in YEAR_WORDS and end + 2 < n and re.match(r"^\d{4}$", self.tokens[end + 2].folded):
                end += 2
            elif dialogue and end == last and day_before_sides(self, end + 1):
                end += 1  # "اجتماع الثلاثاء بين X وY": the day it was held, then its sides
            elif agreement and word in RELATIVE_WORDS and end + 3 < n and self.claimed.get(end + 3):
                end = self._claimed_end(end + 3)
            elif dialogue and word in RELATIVE_WORDS and (stop := relative_end(self, end + 1, kind)) is not None:
                end = stop  # "الزيارة التي قام بها مؤخراً إلى ...": the clause goes on to where
            elif agreement and word in RELATIVE_WORDS and (stop := relative_end(self, end + 1, kind)) is not None:
                # "الاتفاق الذي تم التوصل إليه بين X وY"، "الذي أبرمته مع X": on to who made it, if named
                sides = self._event_end(stop, kind, counterpart)
                if sides == stop:
                    break
                end = sides
            elif agreement and word in STIPULATES and end + 3 < n and self.tokens[end + 2].folded == ON:
                end = aim_end(self, end + 3)  # "اتفاق ينص على وقف إطلاق النار": what it provides
            elif agreement and word in STIPULATES and end + 2 < n and by_a_noun(self, end + 2):
                end = aim_end(self, end + 2)  # "اتفاق يقضي بانسحاب القوات": after بـ
            elif agreement and word == ON and end + 3 < n and self.tokens[end + 2].folded in ESTABLISH_WORDS:
                end = self._chain(end + 3)
            else:
                break
        return end

    def _tour_told_end(self, last: int) -> int | None:
        """The last token of the clause right after a visit or tour at token ``last`` that tells
        it made ("قام بها الوزير"، "يقوم بها"، "أجراها الوزير") or names its stops ("تشمل مصر والأردن"، "شملت عددا
        من دول الخليج"), else None."""
        k = last + 1
        if k + 1 >= len(self.tokens) or not (self.joined(last) and self.joined(k)):
            return None
        word = self.tokens[k].folded
        if word in _VISIT_DOING and self.tokens[k + 1].folded in _BY_IT or word in _MADE_IT:
            k += word not in _MADE_IT  # "قام بها" past its pronoun; "أجراها" carries it
            runner = self.claimed.get(k + 1)
            return self._claimed_end(k + 1) if runner in NAMED_ACTORS and self.joined(k) else k
        if word in _STOPS_VERBS:
            return self._coordinated_actors(k + 1) or self._clause_end(k + 1)
        return None

    def _counterpart_end(self, i: int) -> int | None:
        """The end of "مع X" after a dialogue head, past "له" and a means ("عبر دائرة تلفزيونية"):
        "حوار له عبر الفيديو مع معهد ..."، "اجتماع مع نظيره"; None when no actor follows مع."""
        n = len(self.tokens)
        if i < n and self.tokens[i].folded in HIS and self.joined(i):
            i += 1
        if i + 1 < n and self.tokens[i].folded == THROUGH and self.joined(i):
            i = self._chain(i + 1) + 1
        # "اجتماع في العاصمة X مع Y": where it was held, named, before whom it was with
        if i + 2 < n and self.tokens[i].folded == IN and self.joined(i) and self.claimed.get(i + 1) in _VENUES:
            venue_end = self._claimed_end(i + 1)
            i = venue_end + 1 if self.joined(venue_end) else i
        if i + 1 < n and self.tokens[i].folded == WITH and self.joined(i - 1) and self.joined(i):
            return self._coordinated_actors(i + 1)
        return None

    def _coordinated_actors(self, i: int) -> int | None:
        """Last token of "X وY" (actors, or a dual such as البلدين) starting at token i."""
        if i >= len(self.tokens) or not self.joined(i - 1):
            return None
        end = self._claimed_end(i) if self.claimed.get(i) else None
        if end is None:
            word = self.tokens[i].stem()
            if self._side_by_nationality(i) and not self._head(i):
                end = i + 1  # "بين النظام السوري والفصائل": a side named by its nationality
            elif not (definite(word) and word.endswith(OBLIQUE_PLURAL)):
                if self._head(i):
                    end = self._chain(i)
                    if self.joined(end) and self.tokens[end + 1].folded.startswith(AND + ARTICLE):
                        end += 1
                    return end
                return None
            end = i
        if end + 1 < len(self.tokens) and self.joined(end) and self.tokens[end + 1].folded.startswith(AND):
            after = self._claimed_end(end + 1) if self.claimed.get(end + 1) else None
            if after is not None:
                end = after
        return end


def relative_end(view: TokenView, i: int, kind: MentionType) -> int | None:
    """The last token of a relative clause at token i ("التي قام بها مؤخراً"، "التي يجريها
    الأردن"، "الذي تم التوصل إليه") when a counterpart (مع، بين) or, for a visit, a destination
    (إلى) follows within its few words, else None. The clause may name who makes the visit,
    runs the talks or reached the agreement, no other name."""
    for k in range(i + 1, min(i + 1 + RELATIVE_CLAUSE_WORDS, len(view.tokens) - 1)):
        if not view.joined(k - 1) or view.claimed.get(k, _RUNNERS[0]) not in _RUNNERS:
            return None
        word = view.tokens[k].folded
        if (word in VISIT_TO and kind == DIALOGUE) or word in (WITH, BETWEEN):
            return k - 1 if k - 1 > i else None
    return None


def _on_a_visit(view: TokenView, i: int, last: int) -> bool:
    """Whether the visit or tour at token i, told by its kind (a relational adjective, up to token
    ``last``) or by the country or city it goes to, has its visitor on it: "وصل إلى باريس في زيارة
    رسمية"، "كان في باريس في جولة خارجية"، "ضمن جولة أوروبية"، "في زيارة لروسيا"، "ضمن زيارة له
    إلى الأردن" (a bare one tells nothing: "يرغب في زيارة"; nor one to a family or a ministry)."""
    return (
        i > 0
        and view.joined(i - 1)
        and view.tokens[i - 1].folded in _ON_A_VISIT
        and strip_article(view.tokens[i].stem()) in _VISITS
        # its kind: not "جولة قتال" (a round), "زيارة إسرائيل"
        and (last > i and relational(view.tokens[i + 1].folded) or _to_a_place(view, i))
    )


def _to_a_place(view: TokenView, i: int) -> bool:
    """Whether a country or a place follows the visit at token i, after إلى or a clitic لـ, past
    the visitor's pronoun (زيارة لموسكو، زيارة له إلى الأردن)."""
    k = i + 1
    if k < len(view.tokens) and view.joined(i) and view.tokens[k].folded in HIS:
        k += 1
    return view.joined(k - 1) and destination_end(view, k) is not None


def _held_after(view: TokenView, i: int, last: int, verbs: frozenset[str]) -> bool:
    """Whether a verb of holding right after an indefinite dialogue head (and the adjectives of
    its chain, up to token ``last``) tells it held, a relative clause with no pronoun: "اجتماع عقد
    الأحد"، "لقاء جرى بين الجانبين"، "جلسة مباحثات عقدت بالقصر" (not "اجتماع سيعقد", one to come)."""
    for k in range(i + 1, min(last + 1, len(view.tokens) - 1) + 1):
        if not view.joined(k - 1):
            return False
        word = view.tokens[k].folded
        if word in verbs:
            if k + 1 < len(view.tokens) and view.tokens[k + 1].folded in _DURING_IT:
                return False  # "زيارة لفرنسا أجرى خلالها محادثات": talks held during it
            head = strip_article(view.tokens[i].stem())
            return not (word.startswith(_FUTURE) or definite(view.tokens[i].folded) or k == i + 1 and head in _SITTINGS)
    return False


def _amid(view: TokenView, i: int) -> bool:
    """Whether a word of time within an event stands right before token i: talks something
    happened during, on the sidelines of or at the close of took place (خلال اجتماع مشترك،
    على هامش اجتماع لحلف، في ختام لقاء)."""
    return i > 0 and view.joined(i - 1) and any(stem in _AMID for _, stem in view.tokens[i - 1].readings)


def _among_sport(view: TokenView, i: int) -> bool:
    """Whether the sentence of token i speaks of sport (ملعب، مباراة، بهدفين): a meeting or a
    round there is a match or a matchday."""
    low, high = max(0, i - SENTENCE_REACH), min(len(view.tokens) - 1, i + SENTENCE_REACH)
    sport = [  # the index's tokens are those with a reading among the words, and a few more
        k for k in view.ctx.doc.tokens_reading(_SPORT)
        if low <= k <= high and any(stem in _SPORT for _, stem in view.tokens[k].readings)
    ]
    if not sport:
        return False  # most articles: no word of sport near, no sentence to find
    ends = [k for k in range(low, high) if SENTENCE_END_RE.search(view.gap(k))]
    first = max((k + 1 for k in ends if k < i), default=low)
    last = min((k for k in ends if k >= i), default=high)
    return any(first <= k <= last for k in sport)
