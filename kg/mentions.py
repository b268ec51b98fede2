"""The mentions stage: spans of Article.text that name an actor, place, dialogue or agreement.

Mechanisms, in the order they claim text (``Mention.source`` says which found a span):

- ``gazetteer``: known entities (``kg/data/gazetteer.ttl``), matched on folded words with the
  proclitics و ف ب ل ك (and لل) stripped; a capital is its Country unless the text makes it a
  place (في/إلى/زار/العاصمة before it). Sets ``Mention.entity`` to the gazetteer key.
- ``title`` / ``role``: a title or rank with its genitive chain (وزير الدفاع العراقي، الجنرال،
  المتحدث باسم القوات) followed by a personal name; the name is a Person mention, the title a
  ``role`` mention. A role not followed by a name is a Person mention of its own (رئيس أركان
  الجيش). ``unnamed``: "مسؤول دفاعي أميركي"; ``back-reference``: "المسؤول".
- ``title`` also covers a name the rules find without a title: after a nationality noun
  (الأرجنتيني مارادونا) or a reporting verb the tagger agrees on (وقال ليبرمان).
- ``given-name``: a known given name (``kg/data/given_names.jsonl``) with a family name (ضياء رشوان).
- ``quoted``: a name in quotation marks after لـ, a body (قال لـ"الشرق"، في تصريح لـ«العربية»).
- ``surname``: a later mention of the last name of a person already named in the article.
- ``head-noun``: an organisation, force, government, place, dialogue or agreement head noun
  (``kg/data/head_nouns.jsonl``) with its genitive/adjective chain (definite words follow a
  definite word; an indefinite word in construct takes any next word), and for events the
  phrase that names them: "بين X وY"، "إلى X"، "لعام 2008"، "الذي أقره X".
  A bare definite event noun (الحوار، الاتفاق) is a ``back-reference``; an indefinite event
  phrase without a complement is ``weak`` (kept only when resolve can tie it to a named one).
- ``pronoun``: "بلاده" (his country), which resolve gives the country of the person before it.
- ``tagger``: a name the statistical tagger (``kg.tagger``) is sure of where no rule claimed a
  word. The tagger also vetoes a title's "name" it is sure is none, and grows a surname or
  title name the rules found to the longer name around it.
- ``recurring``: another occurrence of a name found by title or tagger, or of a person's family
  name alone, anywhere in the article.

A mention's span never includes its proclitics: Mention.text == Article.text[start:end].
"""

from __future__ import annotations

import re

from kg import clean, resources
from kg.document import Document, document
from kg.lexicon import LATIN_RE, WORD_RE, Lexicon, definite, single_word, word_set
from kg.model import Article, Mention, Source
from kg.tagger import TYPE_OF_CLASS, Tagged, name_tagger

_DIGITS_RE = re.compile(r"^\d+$")
#: Gaps that keep words in one phrase: spaces; a hyphen also inside gazetteer names.
_SPACE_GAP_RE = re.compile(r"^[ \t\u00a0]+$")
_NAME_JOIN_RE = re.compile(r"^(?:[ \t\u00a0]+|-)$")
_NAME_GAP_RE = re.compile(r"^[ \t\u00a0]*[-\u2013]?[ \t\u00a0]*$")
_COMMA_GAP_RE = re.compile(r"^[ \t\u00a0]*[\u060c,][ \t\u00a0]*$")

#: Words before a capital that make it the place rather than its government.
_PLACE_CUES = word_set("place_cues")
#: Words that end a personal name or a title chain besides the stopword list.
_NAME_PARTICLES = word_set("name_particles")
#: Most words of a personal name a rule reads (طلال بن عبد العزيز آل سعود).
_MAX_NAME_WORDS = 6
_VISIT_TO = word_set("function_words", "to")
_BETWEEN = single_word("function_words", "between")
_WITH = single_word("function_words", "with")
_NON = single_word("function_words", "non")
#: The grade written after a rank: "الفريق أول"، "الفريق أول ركن".
RANK_GRADES = word_set("rank_grades")
_COUNT_NOUN_RE = re.compile(rf"^و?{resources.alternation('force_words', 'count', clean.fold)}(?:ه|ها|هم)$")
_TANWEEN_RE = re.compile("[\u064b-\u064d]")
#: A ministry's portfolio that names it with a nisba after it: الخارجية الإيرانية = وزارة الخارجية الإيرانية.
_PORTFOLIOS = word_set("role_words", "portfolio")
_GENERAL = word_set("role_words", "general")
_PRESS = word_set("role_words", "press")
_FOR = single_word("function_words", "for")
_OPEN_QUOTE_RE = re.compile(r'^[ \t\u00a0]*["\u201c\u00ab][ \t\u00a0]*$')
_CLOSE_QUOTE_RE = re.compile(r'^[ \t\u00a0]*["\u201d\u00bb]')
#: Most words of a quoted name after لـ.
_MAX_QUOTED_NAME = 4
_THROUGH = single_word("function_words", "through")
_HIS = frozenset(_FOR + suffix for suffix in word_set("function_words", "pronoun_suffix"))
#: Relative pronouns: "الزيارة التي قام بها ..." describes the event before it.
RELATIVE_WORDS = word_set("function_words", "relative")
#: Most words of a relative clause between an event and its destination (التي قام بها مؤخراً).
_RELATIVE_CLAUSE_WORDS = 4
#: Verbs of what an agreement holds (يتضمن إنشاء مركز): what is set up there is no agreement itself.
_PROVIDES = word_set("content_verbs", "provides")
_STIPULATES = word_set("content_verbs", "stipulates")
_ON = single_word("function_words", "on")
_YEAR_WORDS = word_set("function_words", "year") | word_set("function_words", "the_year")
#: Verbal nouns of setting something up: "على تشكيل لجنة" makes the body an agreement's content.
ESTABLISH_WORDS = frozenset(
    clitic + noun for noun in word_set("establishing_nouns") for clitic in ("", *word_set("function_words", "by"))
)
_OF = word_set("function_words", "of")
_INSIDE_OF = word_set("function_words", "inside_of")
_IN = single_word("function_words", "in")
#: Where an unnamed official serves: "مسؤول في وزارة ..."، "ضابط من الجيش ...".
_SERVES_IN = frozenset({_IN, *_OF})
#: A role's complement: في + where it serves, عن + whom a deputy represents.
_ROLE_OF = {
    _IN: ("Country", "Place"),
    **dict.fromkeys(word_set("function_words", "to") | word_set("function_words", "at"), ("Country", "Place")),
    **dict.fromkeys(word_set("function_words", "about"), ("Country", "Place", "Organization")),
}
#: Alefs with hamza: a word written أل/إل/آل (ألينا، إلهام) starts with no article, which is ال.
_HAMZA_ALEFS = "\u0623\u0625\u0622"
#: "His/her country": the country of the person speaking or acting (أكد أن بلاده ستعقد ...).
_OWN_COUNTRY = word_set("own_country")
_DIRECTIONS = word_set("directions")
#: Possessive suffixes on an event noun (زيارته، زيارتها).
#: Third-person pronoun suffixes, which no personal name ends in (وغيرهم، بعضهما).
_PRONOUN_SUFFIX_RE = re.compile(r"(?:هم|هما)$")
#: Pronoun suffixes a definite word cannot carry (التزامها is no adjective of الحكومة).
_SUFFIXED_RE = re.compile(r"(?:ها|هم|هما|نا|كم)$")
#: A word written in Latin script as a name is: capitalised or an acronym (CNN، Apple، IntelCenter),
#: after an Arabic clitic or none (وDell).
_LATIN_NAME_RE = re.compile(r"(?P<clitic>[\u0648\u0628\u0644\u0641]?)(?:[A-Z][a-z]+(?:[A-Z][a-z]+)*|[A-Z]{2,})")
#: Event heads whose occurrences are one-off events rather than recurring named ones.
EVENT_TYPES = frozenset({"Dialogue", "Agreement"})
_MAX_CHAIN = 6
#: Words back from a described agreement within which its verb may stand (verb, subject, a date).
_COMMIT_REACH = 16
#: A gap inside one clause: spaces, or a comma setting off a subject or a date.
_CLAUSE_GAP_RE = re.compile(r"^[ \t\u00a0]*[\u060c,]?[ \t\u00a0]*$")
_MAX_ROLE = 12
#: The tagger's probability of "no name" under which it assents to a name found on weak evidence:
#: a bare word after a reporting verb (the rule alone also takes objects: أكدت مصداقية) or a
#: given name that is also a word (حسن النوايا).
ASSENT_OUTSIDE = 0.6


class MentionFinder:
    """Finds the mentions of one article; built per article over its tokens."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        text = self.text = doc.text
        self.lex = lex
        self.tokens = list(doc.tokens)
        #: per gap between neighbouring tokens, whether it is only spaces (``joined``'s usual
        #: question, asked thousands of times per article)
        pairs = zip(self.tokens, self.tokens[1:], strict=False)
        self._spaced = [bool(_SPACE_GAP_RE.match(text[a.end : b.start])) for a, b in pairs]
        self.claimed: dict[int, str] = {}  #: token index -> mention type that claimed it
        self.found: list[Mention] = []
        self.person_names: dict[str, int] = {}  #: folded last name (no article) -> count
        self.tagged: Tagged | None = None  #: what the statistical tagger sees; None without its model

    # ------------------------------------------------------------ helpers
    def gap(self, i: int) -> str:
        """The text between token i and token i+1."""
        return self.text[self.tokens[i].end : self.tokens[i + 1].start]

    def joined(self, i: int, pattern: re.Pattern[str] = _SPACE_GAP_RE) -> bool:
        """Whether token i+1 continues the phrase of token i (same sentence, only spaces between)."""
        if pattern is _SPACE_GAP_RE and 0 <= i < len(self._spaced):
            return self._spaced[i]
        return i + 1 < len(self.tokens) and bool(pattern.match(self.gap(i)))

    def add(
        self, kind: str, first: int, last: int, source: Source, skip: int = 0, role: Mention | None = None
    ) -> Mention:
        """Record a mention over tokens first..last, ``skip`` clitic characters of the first left
        out; ``role`` is the role mention that introduced a name."""
        start = self.tokens[first].start + skip
        end = self.tokens[last].end
        mention = Mention(kind, self.text[start:end], start, end, None, source, role)
        self.found.append(mention)
        for index in range(first, last + 1):
            self.claimed.setdefault(index, kind)
        return mention

    def is_word(self, i: int) -> bool:
        """A token that can be part of a name: letters, not a function word, title or head noun."""
        token = self.tokens[i]
        return (
            not _DIGITS_RE.match(token.folded)
            and not (i in self.claimed and self.claimed[i] != "Person")
            and not any(
                stem in self.lex.stopwords or stem in self.lex.titles or clean.strip_article(stem) in self.lex.heads
                for _, stem in token.readings
            )
        )

    # ------------------------------------------------------------ gazetteer
    def match_gazetteer(self) -> None:
        i = 0
        while i < len(self.tokens):
            hit = self._gazetteer_at(i)
            if hit is None:
                i += 1
                continue
            last, key, reading = hit
            entry = self.lex.gazetteer[key]
            kind, entity = entry.type, key
            if entry.capital_of and not self._place_context(i, reading):
                kind, entity = "Country", entry.capital_of
            token = self.tokens[i]
            start = token.start + token.readings[reading][0]
            mention = Mention(
                kind, self.text[start : self.tokens[last].end], start, self.tokens[last].end, entity, Source.GAZETTEER
            )
            self.found.append(mention)
            for index in range(i, last + 1):
                self.claimed[index] = kind
            if kind == "Person":
                self.person_names[clean.strip_article(self.tokens[last].folded)] = 1
            if kind in EVENT_TYPES:
                self._extend_event(mention, last, kind)
            i = last + 1

    def match_quoted_names(self) -> None:
        """A name in quotation marks after لـ is a body, mostly the outlet a speaker talked to
        (قال لـ"الشرق"، في تصريح لـ«العربية»، وفقاً لـ"رويترز")."""
        n = len(self.tokens)

        def free(k: int) -> bool:
            # a place the gazetteer found there is the outlet's name: لـ"الشرق الأوسط" is the newspaper
            return self.claimed.get(k) in (None, "Place", "Country")

        for i in range(n - 1):
            if self.tokens[i].folded != _FOR or not _OPEN_QUOTE_RE.match(self.gap(i)) or not free(i + 1):
                continue
            for last in range(i + 1, min(i + 1 + _MAX_QUOTED_NAME, n)):
                if not free(last) or not (last in self.claimed or self.is_word(last)):
                    break
                closing = self.text[self.tokens[last].end : self.tokens[last + 1].start] if last + 1 < n else ""
                if _CLOSE_QUOTE_RE.match(closing) or last + 1 == n:
                    self._unclaim(i + 1, last)
                    self.add("Organization", i + 1, last, Source.QUOTED)
                    break
                if not self.joined(last):
                    break

    def _unclaim(self, first: int, last: int) -> None:
        """Drop the mentions over tokens first..last, to read the words anew."""
        start, end = self.tokens[first].start, self.tokens[last].end
        self.found = [m for m in self.found if m.end <= start or m.start >= end]
        for k in range(first, last + 1):
            self.claimed.pop(k, None)

    def _gazetteer_at(self, i: int) -> tuple[int, str, int] | None:
        """(last token, key, clitic reading) of the longest gazetteer name starting at token i."""
        best = None
        for reading, (_, stem) in enumerate(self.tokens[i].readings):
            for words, key in self.lex.aliases.get(stem, ()):
                last = i + len(words) - 1
                if last >= len(self.tokens) or (best and last <= best[0]):
                    continue
                if all(
                    self.tokens[i + k].folded == words[k] and self.joined(i + k - 1, _NAME_GAP_RE)
                    for k in range(1, len(words))
                ):
                    best = (last, key, reading)
        return best

    def _place_context(self, i: int, reading: int) -> bool:
        """Whether the capital at token i is a place: a preposition/visit verb before it, or its ب (in)."""
        token = self.tokens[i]
        if "ب" in token.folded[: len(token.folded) - len(token.readings[reading][1])]:
            return True
        before = i - 1
        while before > 0 and self.lex.nisba_country(self.tokens[before].folded) and self.joined(before):
            before -= 1  # "العاصمة الأميركية واشنطن"
        return before >= 0 and self.tokens[before].stem() in _PLACE_CUES and self.joined(before)

    # ------------------------------------------------------------ people
    def match_people(self) -> None:
        i = 0
        while i < len(self.tokens):
            i = self._person_at(i) + 1

    def _title_word(self, i: int) -> str | None:
        return self._title_reading(i)[0]

    def _title_reading(self, i: int) -> tuple[str | None, int]:
        """(label, clitic length) of a title, rank or honorific at token i."""
        for skip, stem in self.tokens[i].readings:
            label = self.lex.titles.get(stem)
            if label is None and definite(stem) and self.lex.titles.get(stem[2:]) in ("rank", "honorific", "unnamed"):
                label = self.lex.titles[stem[2:]]
            if label:
                return label, skip
        return None, 0

    def _person_at(self, i: int) -> int:
        """Find a title (+ name) starting at token i; return the last token index consumed."""
        label, skip = self._title_reading(i)
        if label is None and (untitled := self._untitled_name(i)) is not None:
            return self._add_name(*untitled)
        if label is None or i in self.claimed and self.claimed[i] != "Person":
            return self._surname_at(i)
        if label == "unnamed":
            return self._unnamed_at(i, skip)
        last = self._chain(i, allow_complements=True)
        # another title or rank after a comma: "قائد القيادة المركزية ... الجنرال، كينيث ماكينزي"
        name_at = last + 1
        while name_at < len(self.tokens) and (self.joined(name_at - 1) or self.joined(name_at - 1, _COMMA_GAP_RE)):
            if self._title_word(name_at) in ("rank", "honorific") and not self.tokens[name_at].readings[-1][0]:
                name_at += 1
                continue
            if self.tokens[name_at].folded in RANK_GRADES and self._title_word(name_at - 1) == "rank":
                name_at += 1  # "الفريق أول ركن": the grade of a rank
                continue
            if self.lex.nisba_country(self.tokens[name_at].folded) and self.joined(name_at - 1):
                name_at += 1
                continue
            break
        name_last = (
            self._name_at(name_at)
            if name_at < len(self.tokens) and (self.joined(name_at - 1) or self.joined(name_at - 1, _COMMA_GAP_RE))
            else None
        )
        if name_last is not None and not self._tagger_disagrees(name_at, name_last):
            role = self.add("Person", i, last, Source.ROLE, skip)
            if name_at not in self.claimed:
                self._add_name(name_at, name_last, role=role)
            return name_last
        surname = last > i and self._surname_like(last) and not self._tagger_disagrees(last, last)
        if label in ("rank", "honorific") and surname:
            # "الوزير العباسي": the chain's last word is the surname, not an adjective
            role = self.add("Person", i, last - 1, Source.ROLE, skip)
            self.add("Person", last, last, Source.TITLE, role=role)
            self.person_names[clean.strip_article(self.tokens[last].folded)] = 1
            return last
        if label == "title" and last > i:
            self.add("Person", i, last, Source.ROLE, skip)
        return last

    def _untitled_name(self, i: int) -> tuple[int, int, Source] | None:
        """(first, last, source) of a personal name written without a title at or after token i:
        after a nationality noun, opening with a known given name, or after a reporting verb."""
        if self._nationality_before_name(i):
            last = self._name_at(i + 1)
            if last is not None and not self._tagger_disagrees(i + 1, last):
                return i + 1, last, Source.TITLE
        if self._given_name_at(i):
            last = self._name_at(i)
            if last is not None and last > i and self._tagger_assents(i, last):
                return i, last, Source.GIVEN_NAME
        if self._reporting_verb_before_name(i):
            last = self._name_at(i + 1)
            if last is not None and self.tagged is not None and self._tagger_assents(i + 1):
                # a verb's object may follow its subject: only the words the tagger takes for a name
                while last > i + 1 and not self.tagged.sure_name(last, last):
                    last -= 1
                return i + 1, last, Source.TITLE
        return None

    def _add_name(self, first: int, last: int, source: Source = Source.TITLE, role: Mention | None = None) -> int:
        """Record a personal name the rules found; its last word names him later on its own."""
        self.add("Person", first, last, source, role=role)
        self.person_names[clean.strip_article(self.tokens[last].folded)] = 1
        return last

    def _tagger_assents(self, first: int, last: int | None = None) -> bool:
        """Whether the tagger gives tokens first..last some chance of a name: the assent a rule on
        weak evidence (a reporting verb or a given name before it) needs. No assent without it."""
        if self.tagged is None:
            return False
        return all(p <= ASSENT_OUTSIDE for p in self.tagged.outside[first : (first if last is None else last) + 1])

    def _given_name_at(self, i: int) -> bool:
        """Whether token i is a known given name (``kg/data/given_names.jsonl``) opening a name of
        two or more words ("ضياء رشوان"، "أيمن الظواهري"): many are also words (سعيد، حسن), so the
        name needs a second word and the tagger's assent (``_tagger_assents``)."""
        return i not in self.claimed and self.tokens[i].folded in self.lex.given_names

    def _nationality_before_name(self, i: int) -> bool:
        """Whether token i is a nationality used as a noun before a name, as news introduces people
        it gives no title ("الأرجنتيني مارادونا"، "والأمريكي جيف ويليامز"): a definite masculine nisba
        that modifies no definite word before it."""
        stem = self.tokens[i].stem()
        return (
            i + 1 < len(self.tokens)
            and i not in self.claimed
            and definite(stem)
            and stem.endswith("ي")
            and self.lex.nisba_country(stem) is not None
            and self.joined(i)
            and not (i > 0 and self.joined(i - 1) and definite(self.tokens[i - 1].stem()))
        )

    def _reporting_verb_before_name(self, i: int) -> bool:
        """Whether token i is a singular reporting verb whose subject follows it as a bare name
        ("وقال ليبرمان"، "واعتبر إيفانوف"): news names its speakers without a title once they are
        known. A speaker noun there (قال بيان، قالت مصادر) names nobody."""
        if i + 1 >= len(self.tokens) or not self.joined(i):
            return False
        following = self.tokens[i + 1].stem()
        return (
            any(stem in self.lex.reporting_verbs for _, stem in self.tokens[i].readings)
            and clean.strip_article(following) not in self.lex.speaker_nouns
            and not _SUFFIXED_RE.search(following)
        )

    def _tagger_disagrees(self, first: int, last: int) -> bool:
        """Whether the tagger is sure tokens first..last name nobody: a title followed by a verb or
        a common noun (رئيس الحكومة وضع العلم، الفريق البرازيلي) is followed by no name.

        A given name with a family name in ال (فالح الفياض) is the shape of a name whatever the
        model thinks: it was trained on other newswire, and names it never saw look like words.
        """
        if self.tagged is None or any(i in self.claimed for i in range(first, last + 1)):
            return False
        if any(definite(self.tokens[i].folded) for i in range(first + 1, last + 1)):
            return False
        return self.tagged.rules_out_name(first, last)

    def _surname_like(self, i: int) -> bool:
        word = self.tokens[i].folded
        return (
            definite(word)
            and i not in self.claimed
            and not self.lex.nisba_country(word)
            and (
                clean.strip_article(word) in self.person_names
                or (word.endswith("ي") and not self._adjective_before_name(i))
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
        if not self.name_word(i):
            return None
        if self.written_definite(i) or clean.strip_article(first) in self.person_names:
            return i if clean.strip_article(first) in self.person_names or first.endswith("ي") else None
        last, words = i, 1  # words: of the name, "عبد العزيز" and "بن لادن" counting as one
        while last + 1 - i < _MAX_NAME_WORDS:
            j = last + 1
            # a double-barrelled name is written with a hyphen: هينيس-بلاسخارت
            if j >= len(self.tokens) or not self.joined(j - 1, _NAME_JOIN_RE) or j in self.claimed:
                break
            word = self.tokens[j].folded
            particle = self.tokens[j - 1].folded in _NAME_PARTICLES  # عبد العزيز، بن لادن، آل سعود
            if not (self.is_word(j) or particle and _is_arabic(word)):  # "بن علي": علي is no على here
                break
            family = self.written_definite(j)
            # "زين العابدين بن علي": a word in ال before بن/آل is not yet the family name
            goes_on = j + 1 < len(self.tokens) and self.joined(j) and self.tokens[j + 1].folded in _NAME_PARTICLES
            # after "بن علي" a word in ال is the sentence going on (استقبل ... بن علي الوفد), unless a nisba
            closed = j - 2 >= i and self.tokens[j - 2].folded in _NAME_PARTICLES
            if family and not (
                word.endswith("ي")
                or particle
                or goes_on
                or self._name_boundary(j)
                and not closed
                or clean.strip_article(word) in self.person_names
            ):
                break
            if not particle and self.gap(j - 1) != "-":
                words += 1
            if words > 2 and not (family or particle or word in _NAME_PARTICLES):
                break  # a third bare word is more often the sentence going on than a name
            if words > 2 and family and not particle and not word.endswith("ي") and not self._tagger_assents(j):
                break  # nor a third in ال the tagger gives no chance of a name: "دان ... ماثيو ميلر الهجوم"
            last = j
            if family and not particle and not goes_on:
                break
        if last > i and self.tokens[last].folded in _NAME_PARTICLES:
            last -= 1  # a name does not end on "بن" or "أبو"
        return last

    def written_definite(self, i: int) -> bool:
        """Whether token i carries the article as written: ألينا folds to الينا, but its hamza says
        it is a name, not ال + ينا."""
        token = self.tokens[i]
        return definite(token.folded) and self.text[token.start] not in _HAMZA_ALEFS

    def name_word(self, i: int) -> bool:
        """Whether token i can be a word of a personal name: an Arabic word (``is_word``) that is
        no nisba, has no article behind a conjunction (والخطط) and no pronoun suffix (وغيرهم)."""
        token = self.tokens[i]
        return (
            self.is_word(i)
            and _is_arabic(token.folded)
            and not _TANWEEN_RE.search(self.text, token.start, token.end)  # اتصالاً: a name takes no tanween
            and not self.lex.nisba_country(token.folded)
            and not any(definite(stem) for _, stem in token.readings[1:])
            and not _PRONOUN_SUFFIX_RE.search(token.folded)
        )

    def _name_boundary(self, j: int) -> bool:
        """Whether a name ending at token j is followed by a function word, punctuation or the end."""
        return j + 1 >= len(self.tokens) or not self.joined(j) or self.tokens[j + 1].folded in self.lex.stopwords

    def _claimed_person_end(self, i: int) -> int | None:
        if self.claimed.get(i) != "Person":
            return None
        end = i
        while end + 1 < len(self.tokens) and self.claimed.get(end + 1) == "Person" and self.joined(end):
            end += 1
        return end

    def _surname_at(self, i: int) -> int:
        token = self.tokens[i]
        if i in self.claimed or token.folded in self.lex.stopwords:
            return i
        for skip, stem in token.readings:
            if clean.strip_article(stem) in self.person_names:
                self.add("Person", i, i, Source.SURNAME, skip)
                break
        return i

    def _unnamed_at(self, i: int, skip: int) -> int:
        """ "مسؤول دفاعي أميركي" (indefinite, with adjectives) or the back-reference "المسؤول"."""
        token = self.tokens[i]
        if definite(token.stem()):
            last = i
            # "المسؤول بوزارة الدفاع الأميركية": keep the affiliation phrase in the span
            if (
                self.joined(i)
                and self.tokens[i + 1].folded.startswith("ب")
                and self.tokens[i + 1].stem() != self.tokens[i + 1].folded
            ):
                last = self._chain(i + 1)
            self.add("Person", i, last, Source.BACK_REFERENCE, skip)
            return last
        last = i
        while last + 1 < len(self.tokens) and self.joined(last) and last + 1 - i <= 3:
            word = self.tokens[last + 1].folded
            stopword = any(stem in self.lex.stopwords for _, stem in self.tokens[last + 1].readings)  # بأن
            if definite(word) or stopword or not _adjective_like(word):
                break
            last += 1
        last = self._affiliation_end(last) or last
        if last > i:
            self.add("Person", i, last, Source.UNNAMED, skip)
        return last

    def _affiliation_end(self, last: int) -> int | None:
        """The end of the body an unnamed official serves, right after the role: "مسؤول (كبير) في
        وزارة الدفاع الأمريكية"، "مسؤول بالحكومة العراقية"، "ضابط من الجيش العراقي"; None without one."""
        j = last + 1
        if j >= len(self.tokens) or not self.joined(last):
            return None
        if j + 1 < len(self.tokens) and self.joined(j) and self.tokens[j + 1].folded in _SERVES_IN:
            j += 1  # one word of rank between: "مسؤول كبير في ..."
        if self.tokens[j].folded in _SERVES_IN:
            j += 1
            if j >= len(self.tokens) or not self.joined(j - 1):
                return None
        elif not self.tokens[j].folded.startswith("ب"):
            return None
        if self.claimed.get(j) in ("Organization", "Force", "Country"):
            return self._claimed_end(j)
        head = self._head(j)
        if head and head[0] in ("Organization", "Force", "Government") and (j > last + 1 or head[1]):
            return self._chain(j)
        return None

    # ------------------------------------------------------------ head nouns
    def _head(self, i: int) -> tuple[str, int, bool] | None:
        """(type, clitic length, definite) of a head noun at token i."""
        for skip, stem in self.tokens[i].readings:
            bare = stem[2:] if definite(stem) else stem
            bare = bare if bare in self.lex.heads else self.lex.unpossessed(bare) or bare
            if bare not in self.lex.heads and not definite(stem) and bare.endswith("ا"):
                bare = bare[:-1]  # the accusative's tanween alef: "عقد اجتماعاً"، "أجرى حواراً"
            kind = self.lex.heads.get(bare)
            if kind:
                return kind, skip, definite(stem)
            if i + 1 < len(self.tokens) and self.joined(i):
                second = self.tokens[i + 1].folded
                # "اتصالاً هاتفياً": both words in the accusative
                for word in (second, second[:-1] if second.endswith("ا") and bare != stem else None):
                    kind = self.lex.heads.get(f"{bare} {word}") if word else None
                    if kind:
                        return kind, skip, definite(stem)
        return None

    def _chain(self, i: int, allow_complements: bool = False) -> int:
        """Last token of the genitive/adjective chain that starts with the noun at token i."""
        last = i
        is_definite = definite(self.tokens[i].stem())
        inside_of = False  # one "باسم" per role: a second is a name (المتحدث باسم الحكومة باسم العوادي)
        while last + 1 < len(self.tokens) and last + 1 - i < (_MAX_ROLE if allow_complements else _MAX_CHAIN):
            nxt = self.tokens[last + 1]
            word = nxt.folded
            if allow_complements and self.claimed.get(last + 1) == "Country" and self.joined(last, _NAME_GAP_RE):
                last = self._claimed_end(last + 1)  # "نائب قائد قيادة العمليات المشتركة - العراق"
                continue
            if not self.joined(last):
                break
            # "السفيرة الأمريكية في بغداد"، "النائب عن ائتلاف دولة القانون": where, or whom, the role serves
            if allow_complements and word in _ROLE_OF and self.claimed.get(last + 2) in _ROLE_OF[word]:
                last = self._claimed_end(last + 2)
                continue
            if allow_complements and word in _ROLE_OF and (head := self._head(last + 2)) and head[0] in _ROLE_OF[word]:
                last = self._chain(last + 2)  # a body no rule has claimed yet (ائتلاف دولة القانون)
                continue
            if allow_complements and word in _INSIDE_OF and last + 2 < len(self.tokens) and not inside_of:
                last = self._chain(last + 2)
                is_definite = inside_of = True
                continue
            if allow_complements and self.claimed.get(last + 1) in ("Organization", "Force"):
                last = self._claimed_end(last + 1)  # "رئيس جهاز مكافحة الإرهاب"
                is_definite = True
                continue
            if (
                allow_complements
                and word.startswith("ل")
                and not word.startswith("لل")  # للأمين العام: the article follows its clitic
                and not definite(word)
                and self.is_word(last + 1)
                and last + 1 not in self.claimed
            ):
                last += 1  # "مساعد وزير الخارجية لشؤون الشرق الأدنى"
                is_definite = False
                continue
            if word == _NON and self._negated_adjective(last + 2, is_definite):
                last += 2  # "المفاوضات غير المباشرة"، "محادثات غير رسمية"
                continue
            general = word in _GENERAL and is_definite  # "الأمين العام"، "القائد العام": not "العام" of a date
            if (word in self.lex.stopwords and not general) or _DIGITS_RE.match(word) or not _is_arabic(word):
                break
            if self.claimed.get(last + 1) in ("Organization", "Force", "Person") and not self.claimed.get(i):
                break
            if word.startswith(("و", "ف")) and len(nxt.readings) > 1 and not self._known_word(word):
                break
            if word.startswith("لل") or (word.startswith("ل") and self.lex.lookup([nxt.stem()])):
                if not (allow_complements or self.lex.lookup([nxt.stem()])):
                    break
                last += 1
                continue
            if self._title_word(last + 1) in ("rank", "honorific"):
                break
            if is_definite and (not definite(word) or _SUFFIXED_RE.search(word)):
                break
            if not definite(word) and word.startswith("ل") and not self.lex.nisba_country(word):
                break
            if not is_definite and not definite(word) and not _adjective_like(word) and last > i:
                break
            if _COUNT_NOUN_RE.match(word):
                break  # "قوة أمريكية قوامها 3000": its strength, not its name
            last += 1
            is_definite = definite(word)
        return last

    def _negated_adjective(self, i: int, is_definite: bool) -> bool:
        """Whether token i is the adjective that غير before it negates, agreeing in definiteness."""
        if i >= len(self.tokens) or i in self.claimed or not self.joined(i - 1):
            return False
        word = self.tokens[i].folded
        return definite(word) if is_definite else not definite(word) and _adjective_like(word)

    def _known_word(self, word: str) -> bool:
        """A folded word listed as it is (وزير، وزارة، واشنطن), so its first و is no conjunction."""
        return bool(
            word in self.lex.titles
            or clean.strip_article(word) in self.lex.heads
            or self.lex.nisba_country(word)
            or (word,) in self.lex.names
        )

    def match_duals(self) -> None:
        """ "وزارتي الدفاع والخارجية الأميركيتين"، "وزارتي الدفاع الأميركية والعراقية": one mention per body."""
        for i, token in enumerate(self.tokens):
            readings = [(skip, stem) for skip, stem in token.readings if stem.endswith(("تي", "تا"))]
            readings = [(skip, stem) for skip, stem in readings if self.lex.heads.get(stem[:-2] + "ه")]
            if not readings or i in self.claimed:
                continue
            skip, stem = readings[0]
            nouns, countries, last = [], [], i
            while last + 1 < len(self.tokens) and last - i < 4 and self.joined(last):
                word = self.tokens[last + 1].folded
                bare_word = word[1:] if word.startswith("و") and definite(word[1:]) else word
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
                if (key := self._body_of(country, [stem[:-2] + "ه", noun]))
            ]
            for key in dict.fromkeys(keys):
                mention = self.add(self.lex.gazetteer[key].type, i, last, Source.DUAL, skip)
                mention.entity = key

    def _body_of(self, country: str, words: list[str]) -> str | None:
        """The gazetteer key of a country's body named by ``words`` + the country's nisba."""
        for nisba, key in self.lex.nisbas.items():
            if key == country:
                found = self.lex.lookup([*words, "ال" + nisba + "ه"]) or self.lex.lookup([*words, "ال" + nisba])
                if found:
                    return found
        return None

    def match_heads(self) -> None:
        i = 0
        while i < len(self.tokens):
            head = self._head(i)
            if head is None or (i in self.claimed and self.claimed[i] != "Person"):
                i += 1
                continue
            kind, skip, is_definite = head
            if kind in EVENT_TYPES:
                i = self._event_at(i, kind, is_definite, skip) + 1
                continue
            last = self._chain(i)
            # "مكتب رئيس الوزراء": the office of a role; "بقيادة/برئاسة وزير الدفاع" is "led by" him
            clitics = self.text[self.tokens[i].start : self.tokens[i].start + skip]
            if kind == "Organization" and last == i and self.joined(i) and "ب" not in clitics and not is_definite:
                last = self._role_end(i + 1) or i
            if last == i:
                i += 1
                continue
            if kind == "Place":
                last = self._place_name(i, last, is_definite)
                if last == i:
                    i += 1
                    continue
            if kind == "Force" and not self._owned(i, last):
                i = last + 1
                continue
            if kind in ("Organization", "Force") and i > 0 and self._sets_up(i - 1):
                kind = "Agreement"  # "ملتزمان بتشكيل لجنة عسكرية": a body two sides commit to set up
            mention = self.add(kind, i, last, Source.HEAD_NOUN, skip)
            if kind == "Agreement":
                self._extend_event(mention, last, kind)
            i = last + 1

    def _role_end(self, i: int) -> int | None:
        """The last token of the role mention (a title without its name) starting at token i."""
        if i >= len(self.tokens):
            return None
        start = self.tokens[i].start
        role = next((m for m in self.found if m.source == Source.ROLE and m.start == start), None)
        if role is None:
            return None
        return next(k for k in range(i, len(self.tokens)) if self.tokens[k].end >= role.end)

    def _place_name(self, i: int, last: int, is_definite: bool) -> int:
        """Last token of a place named by its head: "قضاء الرطبة"، "جبل قرجوغ"، "السفارة الأمريكية"."""
        if is_definite:
            return last if any(self.lex.nisba_country(self.tokens[k].folded) for k in range(i + 1, last + 1)) else i
        end = i
        while end + 1 < len(self.tokens) and end - i < 2 and self.joined(end) and self.is_word(end + 1):
            word = self.tokens[end + 1].folded
            if _adjective_like(word) and not definite(word) or word.startswith("و"):
                break
            end += 1
        if end == i and self._head(i + 1) and self._head(i + 1)[0] == "Place":
            end = self._place_name(i + 1, i + 1, False)  # "منطقة جبل قرجوغ"
        return end

    def _owned(self, i: int, last: int) -> bool:
        """Whether a force phrase names its owner, when its head needs one (قوات أجنبية does not)."""
        if clean.strip_article(self.tokens[i].stem()) not in self.lex.owned_heads:
            return True
        words = [self.tokens[k].folded for k in range(i + 1, last + 1)]
        return any(
            self.lex.nisba_country(w) or k in self.claimed for k, w in zip(range(i + 1, last + 1), words, strict=True)
        )

    def _event_at(self, i: int, kind: str, is_definite: bool, skip: int) -> int:
        """A dialogue or agreement phrase at token i; returns the last token consumed."""
        if kind == "Dialogue" and i + 1 < len(self.tokens) and self.tokens[i + 1].folded in _PRESS:
            return i  # "مؤتمر صحفي"، "لقاء صحفي": an appearance before the press, no talks
        last = self._chain(i)
        # "الجلسة الاولى للحوار ..."، "الجولة الثالثة من الحوار ..."، "مؤتمر الحوار": the named one inside
        j = last + 1
        if j < len(self.tokens) and self.joined(last) and self.tokens[j].folded in _OF:
            j += 1
        if j < len(self.tokens) and j > last and self.joined(j - 1) and self._head(j) and self._head(j)[0] == kind:
            last = self._chain(j)
            # "جولة جديدة من المحادثات الأمنية": a round of talks the article names
            is_definite = is_definite or self._head(j)[2]
        # "زيارة وزير الدفاع لويد أوستن": the visitor's name after the title chain
        if last + 1 < len(self.tokens) and self.joined(last) and self.claimed.get(last + 1) == "Person":
            last = self._claimed_person_end(last + 1) or last
        if self.claimed.get(last + 1) and self.joined(last) and self.claimed[last + 1] in ("Organization", "Person"):
            last = self._claimed_end(last + 1)  # "اجتماع المجلس الوزاري للأمن الوطني"
        named = any(self.claimed.get(k) in ("Organization", "Person") for k in range(i + 1, last + 1))
        bare = last == i
        mention = self.add(kind, i, last, Source.HEAD_NOUN, skip)
        end = self._extend_event(mention, last, kind)
        extended = end > last
        # talks are held by a subject written between ("عقد الجانبان جلسة"; "ضرورة عقد اجتماع" holds none)
        committed = (
            self._committed(i, self.lex.agreement_verbs)
            if kind == "Agreement"
            else self._committed(i - 1, self.lex.holding_verbs)
        )
        if clean.strip_article(self.tokens[i].stem()) in self.lex.committed_heads and not committed:
            mention.source = Source.WEAK  # "الشراكة" is an agreement only when someone enters it
        elif bare and definite(self.tokens[i].stem()) and (not extended or self._anaphoric_between(last)):
            mention.source = Source.BACK_REFERENCE
        elif (
            not is_definite
            and not extended
            and not named
            and not self.lex.unpossessed(self.tokens[i].stem())
            and not (committed and (last > i or kind == "Dialogue"))  # "عقد الوزيران اجتماعاً"
        ):
            mention.source = Source.WEAK
        elif bare and not extended and not committed:
            self.found.remove(mention)
        return end

    def _committed(self, i: int, verbs: frozenset[str]) -> bool:
        """Whether one of ``verbs`` stands shortly before token i in its clause: a described
        agreement someone signs, reaches or founds is one (ووقع البلدان مذكرة تفاهم أمنية،
        تؤسسان لشراكة دفاعية دائمة), and so are talks someone holds (وعقد الجانبان جلسة مباحثات)."""
        for k in range(i - 1, max(-1, i - 1 - _COMMIT_REACH), -1):
            # the subject and a date may stand between: "وقع الوزير ونظيره التركي، اليوم الخميس، مذكرة تفاهم"
            if not self.joined(k, _CLAUSE_GAP_RE):
                return False
            if any(stem in verbs for _, stem in self.tokens[k].readings):
                return True
        return False

    def _sets_up(self, k: int) -> bool:
        """Whether token k sets up a body as an arrangement of its own: "ملتزمان بتشكيل لجنة"،
        "أعلنت تشكيل لجنة مشتركة" (not "الاتفاق يتضمن إنشاء مركز": a provision of the agreement)."""
        return self.tokens[k].folded in ESTABLISH_WORDS and not (k > 0 and self.tokens[k - 1].folded in _PROVIDES)

    def _anaphoric_between(self, last: int) -> bool:
        """ "بين الطرفين"/"بين البلدين": a complement that names no one."""
        return (
            last + 2 < len(self.tokens)
            and self.tokens[last + 1].folded == _BETWEEN
            and (self.tokens[last + 2].folded.endswith("ين") and not self.claimed.get(last + 2))
        )

    def _extend_event(self, mention: Mention, last: int, kind: str) -> int:
        """Grow an event mention over "بين X وY"، "إلى X"، "مع X"، "لعام 2008"، "الذي أقره X"، "على تشكيل Y"."""
        n = len(self.tokens)
        end = last
        while end + 1 < n and self.joined(end):
            word = self.tokens[end + 1].folded
            if word == _BETWEEN or (word in _VISIT_TO and kind == "Dialogue"):
                stop = self._coordinated_actors(end + 2)
                if stop is None:
                    break
                end = stop
            elif kind == "Dialogue" and (stop := self._counterpart_end(end + 1)) is not None:
                end = stop
            elif word in _YEAR_WORDS and end + 2 < n and re.match(r"^\d{4}$", self.tokens[end + 2].folded):
                end += 2
            elif kind == "Agreement" and word in RELATIVE_WORDS and end + 3 < n and self.claimed.get(end + 3):
                end = self._claimed_end(end + 3)
            elif kind == "Dialogue" and word in RELATIVE_WORDS and (stop := self._relative_end(end + 1)) is not None:
                end = stop  # "الزيارة التي قام بها مؤخراً إلى ...": the clause goes on to where
            elif kind == "Agreement" and word in _STIPULATES and end + 3 < n and self.tokens[end + 2].folded == _ON:
                end = self._clause_end(end + 3)
            elif kind == "Agreement" and word == _ON and end + 3 < n and self.tokens[end + 2].folded in ESTABLISH_WORDS:
                end = self._chain(end + 3)
            else:
                break
        if end > last:
            mention.end = self.tokens[end].end
            mention.text = self.text[mention.start : mention.end]
        return end

    def _relative_end(self, i: int) -> int | None:
        """The last token of a relative clause at token i ("التي قام بها مؤخراً") when a
        destination or counterpart (إلى، مع، بين) follows within its few words, else None."""
        for k in range(i + 1, min(i + 1 + _RELATIVE_CLAUSE_WORDS, len(self.tokens) - 1)):
            if not self.joined(k - 1) or k in self.claimed:
                return None
            word = self.tokens[k].folded
            if word in _VISIT_TO or word in (_WITH, _BETWEEN):
                return k - 1 if k - 1 > i else None
        return None

    def _counterpart_end(self, i: int) -> int | None:
        """The end of "مع X" after a dialogue head, past "له" and a means ("عبر دائرة تلفزيونية"):
        "حوار له عبر الفيديو مع معهد ..."، "اجتماع مع نظيره"; None when no actor follows مع."""
        n = len(self.tokens)
        if i < n and self.tokens[i].folded in _HIS and self.joined(i):
            i += 1
        if i + 1 < n and self.tokens[i].folded == _THROUGH and self.joined(i):
            i = self._chain(i + 1) + 1
        if i + 1 < n and self.tokens[i].folded == _WITH and self.joined(i - 1) and self.joined(i):
            return self._coordinated_actors(i + 1)
        return None

    def _coordinated_actors(self, i: int) -> int | None:
        """Last token of "X وY" (actors, or a dual such as البلدين) starting at token i."""
        if i >= len(self.tokens) or not self.joined(i - 1):
            return None
        end = self._claimed_end(i) if self.claimed.get(i) else None
        if end is None:
            word = self.tokens[i].stem()
            if not (definite(word) and word.endswith(("ين", "يين"))):
                if self._head(i):
                    end = self._chain(i)
                    if self.joined(end) and self.tokens[end + 1].folded.startswith("وال"):
                        end += 1
                    return end
                return None
            end = i
        if end + 1 < len(self.tokens) and self.joined(end) and self.tokens[end + 1].folded.startswith("و"):
            after = self._claimed_end(end + 1) if self.claimed.get(end + 1) else None
            if after is not None:
                end = after
        return end

    def _claimed_end(self, i: int) -> int:
        kind = self.claimed.get(i)
        end = i
        while end + 1 < len(self.tokens) and self.claimed.get(end + 1) == kind and self.joined(end, _NAME_GAP_RE):
            end += 1
        return end

    def _clause_end(self, i: int) -> int:
        """Last token before the clause's next punctuation (at most six words)."""
        end = i
        while end + 1 < len(self.tokens) and end + 1 - i < _MAX_CHAIN and self.joined(end):
            if self.tokens[end + 1].folded.startswith("و") and self.tokens[end + 1].folded not in self.lex.names:
                break
            end += 1
        return end

    def match_ministries(self) -> None:
        """ "قالت الخارجية الإيرانية"، "أعلنت الداخلية العراقية": a ministry named by its portfolio
        and its country (not "السياسة الخارجية التركية", where the portfolio word is an adjective)."""
        for i in range(len(self.tokens) - 1):
            if i in self.claimed or i + 1 in self.claimed or not self.joined(i):
                continue
            skip, stem = self.tokens[i].readings[-1]
            if stem not in _PORTFOLIOS or not self.lex.nisba_country(self.tokens[i + 1].folded):
                continue
            if i > 0 and self.joined(i - 1) and definite(self.tokens[i - 1].stem()):
                continue
            self.add("Organization", i, i + 1, Source.MINISTRY, skip)

    def match_directions(self) -> None:
        """ "شمال شرق سوريا": a direction phrase before a country or place is a Place."""
        for i, token in enumerate(self.tokens):
            if token.stem() not in _DIRECTIONS or i in self.claimed:
                continue
            j = i + 1
            if j < len(self.tokens) and self.tokens[j].folded in _DIRECTIONS and self.joined(i):
                j += 1
            if j < len(self.tokens) and self.joined(j - 1) and self.claimed.get(j) in ("Country", "Place"):
                self.add("Place", i, self._claimed_end(j), Source.HEAD_NOUN, token.readings[-1][0])

    def match_own_country(self) -> None:
        """ "بلاده": a Country mention that resolve gives the country of the person before it."""
        for i, token in enumerate(self.tokens):
            for skip, stem in token.readings:
                if stem in _OWN_COUNTRY and i not in self.claimed:
                    self.add("Country", i, i, Source.PRONOUN, skip)
                    break

    def find(self) -> list[Mention]:
        """All mentions, in text order."""
        tagger = name_tagger()
        self.tagged = tagger(self.text, self.tokens) if tagger else None
        self.match_gazetteer()
        self.match_quoted_names()
        self.match_people()
        self.match_duals()
        self.match_heads()
        self.match_ministries()
        self.match_directions()
        self.match_own_country()
        self.match_tagged()
        self.match_latin_names()
        self.match_recurring()
        return sorted(self.found, key=lambda m: (m.start, -m.end))

    # ------------------------------------------------------------ statistical names
    def match_tagged(self) -> None:
        """Names the tagger finds where no rule claimed a word (``kg.tagger``; skipped without its model)."""
        for first, last, kind in self.tagged.names if self.tagged else ():
            claimed = [i for i in range(first, last + 1) if i in self.claimed]
            if claimed and self._extend_name(first, last):
                continue
            if claimed or not self.tagged.sure_name(first, last):
                continue
            # A personal name opens with a given name (no article) and holds no function word,
            # title or head noun: what the model calls a person otherwise is a common noun.
            if kind == "PERS" and (
                self.written_definite(first) or not all(self.name_word(i) for i in range(first, last + 1))
            ):
                continue
            self.add(TYPE_OF_CLASS[kind], first, last, Source.TAGGER, self._article_clitic(first))

    def match_latin_names(self) -> None:
        """A lone word in Latin script amid Arabic words (قالت شبكة CNN، إعلان IBM، من Apple وDell)
        is an organisation: Arabic news writes outlets, companies and brands so, and people in
        Arabic letters. A run of Latin words (a quotation, a title, a person's name) is left alone."""

        def clitic(k: int) -> str | None:
            """The Arabic clitic of a Latin name at token k ("" for none), None when it is no such name."""
            match = _LATIN_NAME_RE.fullmatch(self.text, self.tokens[k].start, self.tokens[k].end)
            return None if match is None else match.group("clitic")

        def latin(k: int) -> bool:
            return bool(LATIN_RE.match(self.tokens[k].folded))

        for i in range(len(self.tokens)):
            own = clitic(i)
            if own is None or i in self.claimed:
                continue
            before = i > 0 and self.joined(i - 1)
            after = i + 1 < len(self.tokens) and self.joined(i)
            # "Apple وDell": a clitic و starts a new name, not a run of Latin words
            in_run = (before and not own and latin(i - 1)) or (after and latin(i + 1) and not clitic(i + 1))
            if (before or after) and not in_run:
                self.add("Organization", i, i, Source.LATIN, len(own))

    def _article_clitic(self, i: int) -> int:
        """Characters of proclitics to leave out of a name starting at token i: only those before
        an article (والعراق، بالحرس), as a bare initial و/ب/ل may be the name's own (برشلونة، وليد)."""
        for skip, stem in reversed(self.tokens[i].readings):
            if skip and definite(stem):
                return skip
        return 0

    def _extend_name(self, first: int, last: int) -> bool:
        """Grow a name the rules found to the tagger's longer one around it ("حسين" of "صدام حسين",
        "عبدالله ... العبدالله" of "عبدالله علي العبدالله"); True when a name was grown.

        The words added are name words, or a function word the tagger is sure is part of the name
        (علي folds to على, the preposition); names the rules found in pieces become one. The
        tagger's class does not matter (the rules' title said it is a person), nor words at either
        end that another mention claimed ("سفير العراق لدى واشنطن نزار الخير الله" tagged as one place).
        """
        while first < last and self.claimed.get(first, "Person") != "Person":
            first += 1
        while last > first and self.claimed.get(last, "Person") != "Person":
            last -= 1
        inside = [
            m
            for m in self.found
            if m.type == "Person"
            and m.source in (Source.TITLE, Source.GIVEN_NAME, Source.SURNAME)
            and self.tokens[first].start <= m.start
            and m.end <= self.tokens[last].end
        ]
        if not inside:
            return False
        covered = {i for i in range(first, last + 1) for m in inside if m.start < self.tokens[i].end <= m.end}
        rest = [i for i in range(first, last + 1) if i not in covered]
        if not rest or any(i in self.claimed or not (self.name_word(i) or self._sure_name_word(i)) for i in rest):
            return False
        mention, *pieces = sorted(inside, key=lambda m: (m.source != Source.TITLE, m.start))
        for piece in pieces:
            self.found.remove(piece)
        mention.source = Source.TITLE if mention.source == Source.TITLE else Source.TAGGER
        mention.start = min(mention.start, self.tokens[first].start)
        mention.end = self.tokens[last].end
        mention.text = self.text[mention.start : mention.end]
        for i in rest:
            self.claimed[i] = "Person"
        return True

    def _sure_name_word(self, i: int) -> bool:
        """An Arabic word inside a name that the tagger is sure of, whatever else it may be."""
        return self.tagged is not None and _is_arabic(self.tokens[i].folded) and self.tagged.sure_name(i, i)

    # ------------------------------------------------------------ recurring names
    def match_recurring(self) -> None:
        """A name found once names the same thing wherever it recurs in the article (one sense per
        discourse): every unclaimed occurrence of a person's, body's or place's name, and of a
        person's family name alone, becomes a ``recurring`` mention of its type.

        The tagger reads one sentence at a time and misses a name in a sentence that gives it no
        context ("رد عليه مكاوي"), and the rules' surnames follow only a titled name.
        """
        names: dict[tuple[str, ...], str] = {}
        for mention in self.found:
            named = mention.source in (Source.TITLE, Source.GIVEN_NAME, Source.TAGGER)
            if not named or mention.type not in TYPE_OF_CLASS.values():
                continue
            words = tuple(clean.fold(w) for w in WORD_RE.findall(mention.text))
            names.setdefault(words, mention.type)
            family = words[-1]
            if mention.type == "Person" and len(words) > 1 and len(family) > 2 and family not in self.lex.stopwords:
                names.setdefault((family,), "Person")
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, kind in sorted(names.items(), key=lambda item: -len(item[0])):
            by_first.setdefault(words[0], []).append((words, kind))
        i = 0
        while i < len(self.tokens):
            i = self._recurring_at(i, by_first) + 1

    def _recurring_at(self, i: int, by_first: dict[str, list[tuple[tuple[str, ...], str]]]) -> int:
        """Mark the longest name starting at token i (``by_first``: first word -> names, longest
        first); return the last token consumed."""
        if i in self.claimed:
            return i
        for skip, stem in self.tokens[i].readings:
            for words, kind in by_first.get(stem, ()):
                last = i + len(words) - 1
                if last >= len(self.tokens) or any(k in self.claimed for k in range(i + 1, last + 1)):
                    continue
                if all(
                    self.tokens[i + k].folded == words[k] and self.joined(i + k - 1, _NAME_GAP_RE)
                    for k in range(1, len(words))
                ):
                    self.add(kind, i, last, Source.RECURRING, skip)
                    return last
        return i


def _adjective_like(word: str) -> bool:
    """An indefinite adjective ending: -ي، -ية، -يين/-ين، -ون، -ان، -ا (عسكرية، دفاعي، عليا)."""
    return word.endswith(("ي", "يه", "ه", "ين", "ون", "ان", "ا")) and len(word) > 2


def _is_arabic(word: str) -> bool:
    return bool(re.match("[\u0621-\u064a]", word))


class MentionStage:
    """The mentions stage, built once from the lexicon: a ``MentionFinder`` per article."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def __call__(self, article: Article) -> Article:
        """Fill ``Article.mentions``."""
        article.mentions = MentionFinder(document(article), self.lex).find()
        return article


def find_mentions(article: Article) -> Article:
    """The process pipeline's mentions stage: fill ``Article.mentions``."""
    from kg.pipeline import default_pipeline  # the pipeline builds this module's stages

    return default_pipeline().stage("mentions")(article)
