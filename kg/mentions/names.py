"""Personal names: where one starts and ends (after a title, a nationality or a verb; a given name; a surname)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from kg.lexicon import Lexicon, definite, spelt_with_yeh, word_set
from kg.mentions.base import Context, TokenView
from kg.mentions.proposals import Proposal
from kg.mentions.words import (
    ACCUSATIVE,
    AND,
    APPOSITION_AFTER,
    BODIES,
    COMMA_GAP_RE,
    COUNTRY,
    FEMININE,
    HAMZA_ALEF_RE,
    MAX_NAME_WORDS,
    NAME_JOIN_RE,
    NAME_PARTICLES,
    NISBA,
    PEOPLES,
    PERSON,
    RANK_GRADES,
    SUFFIXED_FEMININE_RE,
    SUFFIXED_RE,
    TANWEEN_RE,
    THIRD_PERSON_SUFFIX_RE,
    YEH_GIVEN_NAMES,
    is_arabic,
)
from kg.model import MentionType, Source
from kg.text import clitics, strip_article

_DIGITS_IN_RE = re.compile(r"\d")
#: The particle that opens a compound given name (عبد الله), which a father's name may follow.
_COMPOUND_GIVEN = word_set("name_particles", "compound_given")

#: The endings of a plural nisba (الأمريكيون، الأمريكيات); a dual (الأمريكيان) may go on with two names.
_PLURAL_NISBA = tuple(NISBA + e for e in word_set("nisba_endings", "plural"))
#: Sources of a person's full name, whose last word names him again later (a surname).
_FULL_NAMES = (Source.GAZETTEER, Source.TITLE, Source.GIVEN_NAME)
#: The prepositions a word may carry before a name (بـ، لـ، كـ).
_PREPOSITIONS = clitics().preposition
#: Fewest letters before a pronoun suffix for a word to be read as suffixed (وقتها; مها is a name).
_MIN_SUFFIXED_STEM = 3


def preposition_clitic(view: TokenView, i: int) -> int:
    """Characters of a preposition (ب، ل، ك, with a conjunction before it) to leave out of a
    personal name at token i: a word that is no given name as written, whose preposition comes
    before a known given name or a name particle (لسامي يوسف، لبن زايد), before a word the article
    writes bare elsewhere (لتيلرسون after تيلرسون) or before an alef with hamza, which only opens
    a word (بإقالة). 0 when the word opens with none (بسام، لطفي، بهرام are names as written)."""
    token = view.tokens[i]
    for skip, stem in _preposition_readings(view, i):
        if (
            stem in view.lex.given_names
            or stem in NAME_PARTICLES
            or HAMZA_ALEF_RE.match(view.text, token.start + skip)
            or any(other.folded == stem for other in view.tokens)
        ):
            return skip
    return 0


def behind_preposition(view: TokenView, first: int, last: int) -> bool:
    """Whether the name read at tokens first..last opens with a preposition: one the rules tell
    (``preposition_clitic``), or one before a feminine noun, when the tagger is sure the words are
    no name (بعملية السلام، بكافة الوسائل): a word in ال after the first does not make them one
    here (``TokenView._tagger_disagrees``), as it does after a bare word (باسم العوادي)."""
    if preposition_clitic(view, first):
        return True
    ruled_out = view.tagged is not None and view.tagged.rules_out_name(first, last)
    return ruled_out and any(stem.endswith(FEMININE) for _, stem in _preposition_readings(view, first))


def _preposition_readings(view: TokenView, i: int) -> list[tuple[int, str]]:
    """The readings of token i behind a preposition, none when the word as written is a given
    name; the article behind one is the name finders' own (``_article_clitic``)."""
    token = view.tokens[i]
    if token.folded in view.lex.given_names:
        return []
    return [
        (skip, stem)
        for skip, stem in token.readings[1:]
        if not definite(stem) and token.folded[: len(token.folded) - len(stem)][-1:] in tuple(_PREPOSITIONS)
    ]


def people_word(lex: Lexicon, word: str, sound: bool = True) -> bool:
    """Whether a folded word names a people or confession (الأكراد) or a nation by a plural
    (الروس، and with ``sound`` الأمريكيون), not a family by its nisba (الكردي، الروسي)."""
    stem = strip_article(word)
    broken = not stem.endswith(NISBA) and (word in lex.nisbas or stem in lex.nisbas)
    plural = broken or sound and stem.endswith(_PLURAL_NISBA)
    return word in PEOPLES or plural and lex.nisba_country(word) is not None


class PersonNames(TokenView):
    """Where a personal name starts and ends: after a title, a nationality noun or a reporting
    verb, from a known given name, or as the surname of a person named before."""

    def __init__(
        self, ctx: Context, kept: Sequence[Proposal] = (), claimed: Mapping[int, MentionType] | None = None
    ) -> None:
        super().__init__(ctx, kept, claimed)
        #: folded last names (no article) of the persons named so far
        self.person_names = {self._last_name(p) for p in self.kept if p.kind == PERSON and p.source in _FULL_NAMES}
        #: the tokens with a reading as a reporting verb, read once (asked of nearly every token twice)
        self._reporting_verbs = frozenset(
            i
            for i in ctx.doc.tokens_reading(self.lex.reporting_verbs)  # also those read without an article
            if not self.lex.reporting_verbs.isdisjoint(s for _, s in self.tokens[i].readings)
        )
        #: whether the writer spells the preposition على with yeh (علي القبض): then علي opens no name
        self._yeh_preposition = any(
            self.tokens[i].folded in YEH_GIVEN_NAMES
            and spelt_with_yeh(self.text[self.tokens[i].start : self.tokens[i].end])
            and not self._spelt_as_name(i)
            for i in ctx.doc.tokens_reading(YEH_GIVEN_NAMES)
        )

    def _claim(self, proposal: Proposal) -> None:
        super()._claim(proposal)
        if proposal.kind == PERSON and proposal.source in _FULL_NAMES:
            self.person_names.add(self._last_name(proposal))

    def _last_name(self, proposal: Proposal) -> str:
        return strip_article(self.tokens[proposal.last].folded)

    def _untitled_name(self, i: int) -> tuple[int, int, Source] | None:
        """(first, last, source) of a personal name written without a title at or after token i:
        after a nationality noun, opening with a known given name, or after a reporting verb."""
        if self._nationality_before_name(i):
            last = self._name_at(i + 1)
            if last is not None and not self._tagger_disagrees(i + 1, last):
                return i + 1, last, Source.TITLE
        if (assent := _given_name_at(self, i)) is not None:
            last = self._name_at(i)
            # the tagger reads علي as the preposition it folds to: ``_named_after_yeh`` has asked it
            assents = self._tagger_assents(assent, last) and not self._tagger_disagrees(i, i)
            if last is not None and last > i and (self._yeh_given_name(i) or assents):
                return i, last, Source.GIVEN_NAME
        if self._reporting_verb_before_name(i):
            last = self._name_at(i + 1)
            if last is not None and self.tagged is not None and self._tagger_assents(i + 1):
                # a verb's object may follow its subject: only the words the tagger takes for a name
                while last > i + 1 and not self.tagged.sure_name(last, last):
                    last -= 1
                return i + 1, last, Source.TITLE
        return None

    def _appositive_name(self, i: int) -> tuple[int, int] | None:
        """(first, last) of a name at token i that a title follows without a comma, after a
        preposition or a reporting verb: "نقلت عن سامر الخطيب قائد الشرطة"، "وقال سامر الخطيب
        قائد الشرطة". There the title can only be the name's own; after another verb it may be
        the verb's object (استقبل X وزير الخارجية), and is left alone."""
        if not 0 < i < len(self.tokens) or i in self.claimed or not self.joined(i - 1):
            return None
        if self.tokens[i - 1].folded not in APPOSITION_AFTER and not self._reporting_verb_before_name(i - 1):
            return None
        last = self._name_at(i)
        if last is None or last + 1 >= len(self.tokens) or not self.joined(last) or last + 1 in self.claimed:
            return None
        if self._title_word(last + 1) != "title" or self._tagger_disagrees(i, last):
            return None
        return i, last

    def _named_after_body(self, title: int, title_last: int, first: int, last: int) -> bool:
        """Whether tokens first..last are a name though the tagger, which knows few names, is sure
        they are none: the subject of a reporting verb that is a title whose chain ends in the
        body or state it serves (وقال المتحدث باسم حركة حماس، أعلن وزير خارجية إيران) goes on
        with its holder's name, here two or three bare words without digits that end the phrase
        (before a function word or punctuation) and do not agree as a noun and its adjective
        (رسالة خطية، عزماً أكيداً)."""
        words = [self.tokens[k].folded for k in range(first, last + 1)]
        served = self.claimed.get(title_last) in (*BODIES, COUNTRY) or self.lex.nisba_country(
            self.tokens[title_last].folded
        )
        said = title > 0 and self.joined(title - 1) and any(
            stem in self.lex.reporting_verbs for _, stem in self.tokens[title - 1].readings
        )
        return (
            bool(served and said)
            and first == title_last + 1
            and 2 <= len(words) <= 3
            and not any(definite(word) or _DIGITS_IN_RE.search(word) for word in words)
            and not any(words[0].endswith(end) and words[-1].endswith(end) for end in (FEMININE, ACCUSATIVE))
            and self._name_boundary(last)
        )

    def _yeh_given_name(self, i: int) -> bool:
        """Whether token i is a given name that folds to a function word but is written with yeh
        (علي، not the preposition على) where no word in ال follows (``_spelt_as_name``)."""
        return not self._yeh_preposition and self.tokens[i].folded in YEH_GIVEN_NAMES and self._spelt_as_name(i)

    def _nationality_before_name(self, i: int) -> bool:
        """Whether token i is a nationality used as a noun before a name, as news introduces people
        it gives no title ("الأرجنتيني مارادونا"، "والأمريكي جيف ويليامز"): a definite masculine nisba
        that modifies no definite word before it."""
        stem = self.tokens[i].stem()
        return (
            i + 1 < len(self.tokens)
            and i not in self.claimed
            and definite(stem)
            and stem.endswith(NISBA)
            and self.lex.nisba_country(stem) is not None
            and self.joined(i)
            and not (i > 0 and self.joined(i - 1) and definite(self.tokens[i - 1].stem()))
        )

    def _reporting_verb_before_name(self, i: int) -> bool:
        """Whether token i is a singular reporting verb whose subject follows it as a bare name
        ("وقال ليبرمان"، "واعتبر إيفانوف"): news names its speakers without a title once they are
        known. A speaker noun there (قال بيان، قالت مصادر) names nobody."""
        if i not in self._reporting_verbs or i + 1 >= len(self.tokens) or not self.joined(i):
            return False
        following = self.tokens[i + 1].stem()
        return strip_article(following) not in self.lex.speaker_nouns and not SUFFIXED_RE.search(following)

    def _surname_like(self, i: int) -> bool:
        word = self.tokens[i].folded
        return (
            definite(word)
            and i not in self.claimed
            and not self.lex.nisba_country(word)
            and (
                strip_article(word) in self.person_names
                or (word.endswith(NISBA) and not self._adjective_before_name(i))
            )
        )

    def _adjective_before_name(self, i: int) -> bool:
        """Whether a name follows token i ("الخبير الأمني جيمس فيليبس": الأمني is an adjective)."""
        return i + 1 < len(self.tokens) and self.joined(i) and self._name_at(i + 1) is not None

    def _name_at(self, i: int) -> int | None:
        """The last token of a personal name starting at token i, if one starts there."""
        if i in self.claimed:
            return self._claimed_person_end(i)
        first = self.tokens[i].folded
        if not (self.name_word(i) or self._yeh_given_name(i) or nisba_given_name(self, i)):
            return None
        if self.written_definite(i) or strip_article(first) in self.person_names:
            return i if strip_article(first) in self.person_names or first.endswith(NISBA) else None
        last, words = i, 1  # words: of the name, "عبد العزيز" and "بن لادن" counting as one
        while last + 1 - i < MAX_NAME_WORDS:
            j = last + 1
            # a double-barrelled name is written with a hyphen: هينيس-بلاسخارت
            if j >= len(self.tokens) or not self.joined(j - 1, NAME_JOIN_RE) or j in self.claimed:
                break
            word = self.tokens[j].folded
            particle = self.tokens[j - 1].folded in NAME_PARTICLES  # عبد العزيز، بن لادن، آل سعود
            # "بن علي"، "خالد علي": علي is no على after a name word, where it is spelt with yeh
            # a particle of the name itself (لو، دي) only between two of its words: "جان إيف لو دريان"
            inner = word in NAME_PARTICLES and j + 1 < len(self.tokens) and self.joined(j) and self.is_word(j + 1)
            if not (self.is_word(j) or (particle or inner or self._spelt_as_name(j)) and is_arabic(word)):
                break
            if self.finite_verb(j):
                break  # the name's subject verb right after it: "يوسف قرر"، "سالم وعلق"
            if _sentence_word(self, j):
                break  # "عاد X فوراً"، "وصل X وزوجته": what the sentence says of him, no name word
            if self.clitic_article(j) and not self._sure_name_word(j):
                break  # a preposition or و before the article goes on with the sentence: "X بالمبادرة"
            family = self.written_definite(j)
            if family and people_word(self.lex, word):
                break  # "زعماء الأكراد"، "قادة الروس": a people or a nation named in the plural ends no name
            # "زين العابدين بن علي": a word in ال before بن/آل is not yet the family name
            goes_on = j + 1 < len(self.tokens) and self.joined(j) and self.tokens[j + 1].folded in NAME_PARTICLES
            # after "بن علي" a word in ال is the sentence going on (استقبل ... بن علي الوفد), unless a nisba
            closed = j - 2 >= i and self.tokens[j - 2].folded in NAME_PARTICLES
            if family and not (
                word.endswith(NISBA)
                or particle
                or goes_on
                or self._name_boundary(j)
                and not closed
                or strip_article(word) in self.person_names
            ):
                break
            if not particle and self.gap(j - 1) != "-":
                words += 1
            if words > 2 and not (family or particle or word in NAME_PARTICLES or self._father_name(j, i)):
                break  # a third bare word is more often the sentence going on than a name
            if words > 2 and family and not particle and not word.endswith(NISBA) and not self._tagger_assents(j):
                break  # nor a third in ال the tagger gives no chance of a name: "دان ... ماثيو ميلر الهجوم"
            last = j
            if family and not particle and not goes_on:
                break
        if last > i and self.tokens[last].folded in NAME_PARTICLES:
            last -= 1  # a name does not end on "بن" or "أبو"
        if last == i + 1 and first.endswith(ACCUSATIVE) and self.tokens[last].folded.endswith(NISBA + ACCUSATIVE):
            return None  # a noun and its nisba adjective in the accusative: "وفدا برلمانيا"
        if self._yeh_given_name(i) and not self._named_after_yeh(i, last):
            return None
        return last

    def _father_name(self, j: int, first: int) -> bool:
        """Whether token j, a third bare word of a name opening at token ``first``, is the
        father's or family name a full name goes on with: a known given name that ends a name
        opening with one (سامي حسن علي، محمد حسن أحمد), or after a compound given name a word the
        tagger is sure of (علي عبد الله صالح)."""
        word = self.tokens[j].folded
        given = word in self.lex.given_names or word in YEH_GIVEN_NAMES and self._spelt_as_name(j)
        compound = j - 2 >= first and self.tokens[j - 2].folded in _COMPOUND_GIVEN
        listed = word.startswith(AND)  # "صالح عبد الغفور وبسام": the next name of a list
        # a name a title opens (كابتن، دكتور) the rules do not know: its first word is a given name
        named = self.tokens[first].folded in self.lex.given_names or self._yeh_given_name(first)
        return given and named and self._name_boundary(j) or compound and not listed and self._sure_name_word(j)

    def _named_after_yeh(self, i: int, last: int) -> bool:
        """Whether tokens i..last, opening with علي spelt with yeh, are a name rather than the
        preposition some writers spell so (علي هامش القمة، علي ضرورة الإسراع، علي مدار عامين):
        the words after it are bare, go on through a particle (علي عبد الله صالح) or end the
        phrase (علي أكبر ولايتي إن), and the tagger does not rule them out."""
        if last == i or self._tagger_disagrees(i + 1, last):
            return False
        if i > 0 and self.joined(i - 1) and self._tagger_assents(i - 1) and self.name_word(i - 1):
            return False  # the name began before it (ماسيه علي نجاد): no name of its own opens here
        inner = range(i + 1, last + 1)
        if any(self.written_definite(k) and self.tokens[k - 1].folded not in NAME_PARTICLES for k in inner):
            return False
        return self._name_boundary(last) or any(self.tokens[k].folded in NAME_PARTICLES for k in range(i, last))

    def _spelt_as_name(self, j: int) -> bool:
        """Whether token j, bare, folds to a function word written with alef maksura (على) but is
        written with yeh (علي): the fold conflates the two, the spelling does not. Before a word in
        ال it stays the preposition some writers spell with yeh (فوزه علي الفريق)."""
        token = self.tokens[j]
        return (
            token.folded in self.lex.maksura_stopwords
            and spelt_with_yeh(self.text[token.start : token.end])
            and not (j + 1 < len(self.tokens) and self.joined(j) and self.written_definite(j + 1))
        )

    def _surname_at(self, i: int) -> int:
        token = self.tokens[i]
        if not self.person_names or i in self.claimed or token.folded in self.lex.stopwords:
            return i  # no one named yet: nobody's surname (asked of nearly every token)
        for skip, stem in token.readings:
            if strip_article(stem) in self.person_names:
                self.add(PERSON, i, i, Source.SURNAME, skip)
                break
        return i


def _sentence_word(view: TokenView, j: int) -> bool:
    """Whether token j, after a name's first word, is one no name goes on with: a word with
    tanween (فوراً، رسمياً), or a noun with a third-person possessive suffix (وقتها، وزوجته، دعوتهم);
    short words keep theirs (مها، سها, and شحاته, whose ه is no suffix, has no و before it)."""
    token = view.tokens[j]
    if TANWEEN_RE.search(view.text, token.start, token.end):
        return True
    word = token.folded
    possessive = THIRD_PERSON_SUFFIX_RE.search(word)
    if possessive and possessive.start() >= _MIN_SUFFIXED_STEM:
        return True
    feminine = SUFFIXED_FEMININE_RE.search(word)
    return bool(feminine and word.startswith(AND) and feminine.start() >= _MIN_SUFFIXED_STEM + len(AND))


def _given_name_at(view: PersonNames, i: int) -> int | None:
    """The first token the tagger must assent to of a known given name (``given_names.jsonl``) at
    token i opening a name of two or more words ("ضياء رشوان"، "أيمن الظواهري"): many are also
    words (سعيد، حسن), so the name needs a second word and the tagger's assent
    (``_tagger_assents``). Behind a preposition (لسامي يوسف), from the word after it: the tagger
    must then only not rule the word out (لجان نوبل: committees). None when no given name is there."""
    token, given_names = view.tokens[i], view.lex.given_names
    behind = token.folded not in given_names and token.stem() in given_names and preposition_clitic(view, i)
    if i in view.claimed or not (token.folded in given_names or behind or view._yeh_given_name(i)):
        return None
    return i + 1 if behind else i


def nisba_given_name(view: PersonNames, i: int) -> bool:
    """Whether token i, a bare nisba (تركي), is a given name: after a definite word ending a
    title's chain (العقيد، المتحدث باسم الجيش،) a bare adjective cannot agree with it, and a
    family name follows (ال + a word no nisba of a country, the tagger not ruling it out, or
    بن). An indefinite title keeps its nisba (مسؤول تركي), a definite one takes the article
    (السفير التركي), and a noun after it is no family name (مهندس تركي الجنسية)."""
    word = view.tokens[i].folded
    if not 0 < i < len(view.tokens) - 1 or i in view.claimed or not view.lex.nisba_country(word):
        return False
    if definite(word) or len(view.tokens[i].readings) > 1 or not view.joined(i):
        return False
    # a rank's grade after it (العقيد ركن، الفريق أول) is no adjective a nisba could agree with either
    graded = view.tokens[i - 1].folded in RANK_GRADES or view._title_word(i - 1) == "rank"
    ends_title = view.written_definite(i - 1) or graded and i > 1 and view._title_word(i - 2) == "rank"
    after_title = ends_title and (view.joined(i - 1) or view.joined(i - 1, COMMA_GAP_RE))
    family = view.tokens[i + 1].folded
    if family in NAME_PARTICLES:
        return after_title
    return (
        after_title
        and view.written_definite(i + 1)
        and view.is_word(i + 1)
        and not view.lex.nisba_country(family)
        and (family.endswith(NISBA) or strip_article(family) in view.person_names or view._tagger_assents(i + 1))
    )
