"""The statistical components: names the tagger finds, Latin-script names, names written again."""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain

from kg.lexicon import LATIN_RE, WORD_RE, definite, spelt_with_yeh
from kg.mentions.base import TokenView
from kg.mentions.names import people_word, preposition_clitic
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import (
    ACCUSATIVE,
    BODIES,
    CONJUNCTIONS,
    DISTRICTS,
    GENERAL,
    HAMZA_ALEF_RE,
    LATIN_NAME_RE,
    LIKE,
    NAME_GAP_RE,
    NAME_PARTICLES,
    NISBA,
    ORGANIZATION,
    PEOPLES,
    PERSON,
    PLACE,
    PLACE_CATEGORIES,
    PLACES,
    SUFFIXED_RE,
    direction_word,
)
from kg.model import MentionType, Source
from kg.tagger import TYPE_OF_CLASS
from kg.text import fold, strip_article

#: A Latin capital letter: every name of ``LatinNames`` has one.
_CAPITAL_RE = re.compile("[A-Z]")

#: The rules' names a tagger's longer name around them takes in.
_GROWABLE = (Source.TITLE, Source.GIVEN_NAME, Source.SURNAME)
#: Sources of the names that recur (``RecurringNames``).
_NAMING = (Source.TITLE, Source.GIVEN_NAME, Source.TAGGER)
_TAGGED_TYPES = frozenset(MentionType(kind) for kind in TYPE_OF_CLASS.values())
#: The mention types a tagged place or body is the next of in a list (بغداد وكربلاء، مانشستر وليفربول).
_LISTED_WITH = {"LOC": PLACES, "ORG": BODIES}


class TaggedNames(TokenView):
    """Names the statistical tagger (``kg.tagger``; none without its model) is sure of where no
    rule claimed a word (``Rule.TAGGER``), and its longer name around names the rules found in
    pieces (``Rule.GROWN_NAME``, which outranks the pieces)."""

    rule = Rule.TAGGER

    def propose(self) -> list[Proposal]:
        #: how often each folded word is written bare in the article
        self.written = Counter(token.folded for token in self.tokens)
        #: the last tokens of the persons the tagger names, kept or not (الحبيب المالكي وحكيم ...)
        self.person_ends = {last for _, last, kind in self.tagged.names if kind == "PERS"} if self.tagged else set()
        families = self._family_names()
        #: the tokens inside the tagger's names
        names = self.tagged.names if self.tagged else ()
        self.tagged_words = {k for first, last, _ in names for k in range(first, last + 1)}
        # what ``_grow_name`` reads of the kept proposals, found once: it runs for about every
        # tagged name that meets a claimed word, and this component proposes no role
        #: the tokens of the roles kept
        self.role_words = {k for p in self.kept if p.source == Source.ROLE for k in range(p.first, p.last + 1)}
        #: the kept persons whose names the tagger's longer name may take in
        self.growable = [p for p in self.kept if p.kind == PERSON and p.source in _GROWABLE]
        for first, last, kind in self.tagged.names if self.tagged else ():
            first, last = self._without_verbs(first, last)
            if kind == "PERS" and last == first + 1 and self._verb_before(first, families):
                first += 1  # "وشوهد عباس" after "محمود عباس": the verb of the person named before
            while last > first and self._title_word(last) and self.claimed.get(last) == PERSON:
                last -= 1  # "سمير الخالدي القيادي في الحركة": the title after the name is the rules'
            if first > last:
                continue
            claimed = [i for i in range(first, last + 1) if i in self.claimed]
            if claimed and self._grow_name(first, last):
                continue
            if claimed or not self.tagged.sure_name(first, last) or self._as_kind(first):
                continue
            if kind == "ORG" and first == last and self.tokens[first].stem() in PEOPLES:
                continue  # "الأكراد"، "الشيعة": a people or confession, no body
            if kind == "LOC" and all(direction_word(self.tokens[k].stem()) for k in range(first, last + 1)):
                continue  # "الريف الغربي": a direction names no place on its own
            if first == last and self._accusative_adjective(first):
                continue  # "وفدا برلمانيا": the adjective of the noun before it, no place
            if kind == "PERS" and self._after_people(first):
                continue  # "المحققون الأتراك سيباشرون": a plural nationality goes on with its verb
            # A personal name opens with a given name (no article) and holds no function word,
            # title or head noun: what the model calls a person otherwise is a common noun.
            if kind == "PERS" and (
                self.written_definite(first)
                and not self._given_name_in_al(first, last)
                or not all(self.name_word(i) for i in range(first, last + 1))
            ):
                continue
            self.add(MentionType(TYPE_OF_CLASS[kind]), first, last, Source.TAGGER, self._clitic(first, kind))
        return self.proposals

    def _after_people(self, i: int) -> bool:
        """Whether token i follows a people or a nation named by a broken plural (الأتراك، الأكراد):
        the model, which reads a nisba before a name, learnt none of these (الأمريكيون ليرنر is)."""
        return i > 0 and self.joined(i - 1) and people_word(self.lex, self.tokens[i - 1].folded, sound=False)

    def _accusative_adjective(self, i: int) -> bool:
        """Whether token i is a nisba adjective in the accusative (برلمانيا، عسكريا) agreeing with
        the indefinite noun in the accusative right before it (وفدا), not a place after a name or
        a pronoun (سافانا جيورجيا، عليها نوميديا)."""
        word = self.tokens[i].folded
        before = self.tokens[i - 1].folded if i > 0 and self.joined(i - 1) else ""
        return (
            word.endswith(NISBA + ACCUSATIVE)
            and before.endswith(ACCUSATIVE)
            and not definite(before)
            and not SUFFIXED_RE.search(before)
            and i - 1 not in self.tagged_words
        )

    def _without_verbs(self, first: int, last: int) -> tuple[int, int]:
        """A tagged name without the finite verbs at its ends (``Lexicon.finite_verbs``): the
        tagger runs a name into the verb whose subject it is ("يوسف قرر"، "وعلق يوسف")."""
        while first <= last and self.finite_verb(first):
            first += 1
        while last >= first and self.finite_verb(last):
            last -= 1
        return first, last

    def _clitic(self, i: int, kind: str) -> int:
        """Characters of proclitics to leave out of a tagged name at token i: those before an
        article (``_article_clitic``), the list's و after a name of its kind (سامر الخطيب وماجد،
        بغداد والبصرة ونينوى), a ب/ل/و the article writes the name without elsewhere (بجدة where
        جدة is written too; لغولن after غولن), or one before an alef with hamza, which only opens
        a word (بإيطاليا، لأوكرانيا)."""
        listed = i - 1 in self.person_ends or (
            self.claimed.get(i - 1) in _LISTED_WITH.get(kind, ())
            and not direction_word(self.tokens[i - 1].stem())  # "إقليم شمال وزيرستان": the direction's place
        )
        skip = self._article_clitic(i) or self._coordinating_clitic(i, listed)
        if skip:
            return skip
        readings = self.tokens[i].readings
        start = self.tokens[i].start
        return next(
            (
                n
                for n, stem in readings[1:]
                if self.written[stem] and stem != readings[0][1] or HAMZA_ALEF_RE.match(self.text, start + n)
            ),
            0,
        )

    def _grow_name(self, first: int, last: int) -> bool:
        """Propose the tagger's longer name around names the rules found ("حسين" of "صدام حسين",
        "عبدالله ... العبدالله" of "عبدالله علي العبدالله"); True when one was proposed.

        The words added are name words, or a function word the tagger is sure is part of the name
        (علي folds to على, the preposition); names the rules found in pieces become one. The
        tagger's class does not matter (the rules' title said it is a person), nor words at either
        end that another mention claimed ("سفير العراق لدى واشنطن نزار الخير الله" tagged as one place).
        The grown name starts at its first word's start, keeps the title of the name it grows (its
        source and role) and outranks the pieces (``PRIORITY``).
        """
        # nor a rank or honorific with its article the tagger ran into the name (الكولونيل X Y):
        # the name's title (رائد without it may be a given name: العميد رائد X), nor a role's words
        while first < last and (
            self.claimed.get(first, PERSON) != PERSON
            or first in self.role_words
            or (self._title_word(first) in ("rank", "honorific") and self.written_definite(first))
        ):
            first += 1
        # nor the complement the tagger ran on into (X Y بالسجن)
        while last > first and (self.claimed.get(last, PERSON) != PERSON or self.clitic_article(last)):
            last -= 1
        # a name of these sources has no reach: it lies inside first..last when its tokens do
        inside = [
            (proposal, *self.ctx.span(proposal))
            for proposal in chain(self.growable, self.proposals)
            if first <= proposal.first
            and proposal.last <= last
            and proposal.kind == PERSON
            and proposal.source in _GROWABLE
        ]
        if not inside:
            return False
        covered = {i for i in range(first, last + 1) for _, start, end in inside if start < self.tokens[i].end <= end}
        rest = [i for i in range(first, last + 1) if i not in covered]
        if not rest or any(i in self.claimed or not (self.name_word(i) or self._sure_name_word(i)) for i in rest):
            return False
        if all(p.source == Source.SURNAME for p, _, _ in inside) and not all(
            self._opens_name(i) for i in rest if i < min(p.first for p, _, _ in inside)
        ):
            return False  # "رافق تيلرسون"، "وشوهد عباس": a verb before the family name of a person named before
        grown, _, _ = min(inside, key=lambda item: (item[0].source != Source.TITLE, item[1]))
        source = Source.TITLE if grown.source == Source.TITLE else Source.TAGGER
        # "ووليد صالح": the list's و; "لبن سلمان": a preposition
        skip = self._coordinating_clitic(first, first - 1 in self.person_ends) or preposition_clitic(self, first)
        self.add(PERSON, first, last, source, skip, role=grown.role, rule=Rule.GROWN_NAME)
        return True

    def _given_name_in_al(self, first: int, last: int) -> bool:
        """Whether a tagged name opens with a given name written with the article, as North
        African names are (الحبيب المالكي، الصادق المهدي): a known given name, followed by a family
        name that is no title or adjective of it (الأمين العام)."""
        second = self.tokens[first + 1] if last > first else None
        return (
            second is not None
            and strip_article(self.tokens[first].folded) in self.lex.given_names
            and second.folded not in GENERAL
            and not self._title_word(first + 1)
        )

    def _as_kind(self, i: int) -> bool:
        """Whether token i is a body's head noun after ك (كمنظمة إرهابية): the kind something is
        said to be, no name."""
        token = self.tokens[i]
        return any(
            skip and token.folded[:skip].endswith(LIKE) and stem in self.lex.heads for skip, stem in token.readings
        )

    def _family_names(self) -> set[str]:
        """The folded last words of the persons the rules named in two words or more."""
        names = (p for p in self.kept if p.kind == PERSON and p.last > p.first)
        return {self.tokens[p.last].folded for p in names}

    def _verb_before(self, i: int, families: set[str]) -> bool:
        """Whether the word at token i, after a conjunction and no given name, stands before the
        family name of a person named before (وشوهد عباس): a verb the tagger took into the name,
        unless a name before it makes the و a list's (وإيفانكا ترامب)."""
        token = self.tokens[i]
        return (
            token.folded.startswith(CONJUNCTIONS)
            and not self._given_name(i)
            and i - 1 not in self.person_ends
            and self.claimed.get(i - 1) != PERSON
            and self.tokens[i + 1].folded in families
        )

    def _opens_name(self, i: int) -> bool:
        """Whether token i, before the family name of a person named before, is a given name of
        another: a known one, or a name word the tagger is sure of (هيرمان أينشتاين after ألبرت
        أينشتاين) that is no function word (إن) and no word behind the list's و (وعبد اللهيان)."""
        if self._given_part(i):
            return True
        return self._sure_name_word(i) and self.name_word(i) and not self.tokens[i].folded.startswith(CONJUNCTIONS)

    def _given_part(self, i: int) -> bool:
        """Whether token i is a given name or a part of a compound one (عبد الله، أبو بكر)."""
        return (
            self._given_name(i)
            or self.tokens[i].folded in NAME_PARTICLES
            or i > 0
            and self.tokens[i - 1].folded in NAME_PARTICLES
        )

    def _given_name(self, i: int) -> bool:
        """Whether token i is a known given name (``Lexicon.given_names``), bare or after a clitic,
        or علي spelt with yeh (the fold makes it the preposition على)."""
        token = self.tokens[i]
        return any(stem in self.lex.given_names for _, stem in token.readings) or (
            token.folded in self.lex.maksura_stopwords and spelt_with_yeh(self.text[token.start : token.end])
        )


class LatinNames(TokenView):
    """A lone word in Latin script amid Arabic words (قالت شبكة CNN، إعلان IBM، من Apple وDell)
    is an organisation: Arabic news writes outlets, companies and brands so, and people in
    Arabic letters. A run of Latin words (a quotation, a title, a person's name) is left alone."""

    rule = Rule.LATIN

    def propose(self) -> list[Proposal]:
        def clitic(k: int) -> str | None:
            """The Arabic clitic of a Latin name at token k ("" for none), None when it is no such name."""
            match = LATIN_NAME_RE.fullmatch(self.text, self.tokens[k].start, self.tokens[k].end)
            return None if match is None else match.group("clitic")

        def latin(k: int) -> bool:
            return bool(LATIN_RE.match(self.tokens[k].folded))

        found: list[Proposal] = []
        if not _CAPITAL_RE.search(self.text):
            return found  # each name LATIN_NAME_RE reads opens with a capital (three articles in four have none)
        for i in range(len(self.tokens)):
            own = clitic(i)
            if own is None or i in self.claimed:
                continue
            before = i > 0 and self.joined(i - 1)
            after = i + 1 < len(self.tokens) and self.joined(i)
            # "Apple وDell": a clitic و starts a new name, not a run of Latin words
            in_run = (before and not own and latin(i - 1)) or (after and latin(i + 1) and not clitic(i + 1))
            if (before or after) and not in_run:
                found.append(self.offer(ORGANIZATION, i, i, Source.LATIN, len(own)))
        return found


class RecurringNames(TokenView):
    """A name found once names the same thing wherever it recurs in the article (one sense per
    discourse): every unclaimed occurrence of a person's, body's or place's name, and of a
    person's family name alone, is a ``recurring`` proposal of its type.

    The tagger reads one sentence at a time and misses a name in a sentence that gives it no
    context ("رد عليه مكاوي"), and the rules' surnames follow only a titled name.
    """

    rule = Rule.RECURRING

    def propose(self) -> list[Proposal]:
        names: dict[tuple[str, ...], MentionType] = {}
        # a name's type is the first given it, the rules' (and their names grown) before the tagger's
        for proposal in sorted(self.kept, key=lambda p: p.rule == Rule.TAGGER):
            if self._after_category(proposal):  # "محافظة درعا" ... "في درعا"
                name = tuple(self.tokens[k].folded for k in range(proposal.first + 1, proposal.last + 1))
                names.setdefault(name, PLACE)
            if proposal.source not in _NAMING or proposal.kind not in _TAGGED_TYPES:
                continue
            start, end = self.ctx.span(proposal)
            words = tuple(fold(w) for w in WORD_RE.findall(self.text[start:end]))
            names.setdefault(words, proposal.kind)
            family = words[-1]
            if proposal.kind == PERSON and len(words) > 1 and len(family) > 2:
                if family not in self.lex.stopwords:
                    names.setdefault((family,), PERSON)
        by_first: dict[str, list[tuple[tuple[str, ...], MentionType]]] = {}
        for words, kind in sorted(names.items(), key=lambda item: -len(item[0])):
            by_first.setdefault(words[0], []).append((words, kind))
        found = []
        after = 0  # the first token no recurring name found so far covers
        for i in self.ctx.doc.tokens_reading(by_first.keys()):  # a name opens only at its first word
            proposal = self._recurring_at(i, by_first) if i >= after else None
            if proposal is not None:
                found.append(proposal)
                after = proposal.last + 1
        return found

    def _after_category(self, proposal: Proposal) -> bool:
        """Whether a place's proposal opens with the kind of place before a name without the article
        (مدينة درعا), which names the place alone too."""
        return (
            proposal.kind == PLACE
            and proposal.source == Source.HEAD_NOUN
            and proposal.last > proposal.first
            and self.tokens[proposal.first].stem() in PLACE_CATEGORIES | DISTRICTS
            and not self.written_definite(proposal.first + 1)  # منطقة اليورو: the euro is no place elsewhere
        )

    def _recurring_at(self, i: int, by_first: dict[str, list[tuple[tuple[str, ...], MentionType]]]) -> Proposal | None:
        """The longest known name starting at token i (``by_first``: first word -> names, longest
        first), else None."""
        if i in self.claimed:
            return None
        for skip, stem in self.tokens[i].readings:
            for words, kind in by_first.get(stem, ()):
                last = i + len(words) - 1
                if last >= len(self.tokens) or any(k in self.claimed for k in range(i + 1, last + 1)):
                    continue
                if all(
                    self.tokens[i + k].folded == words[k] and self.joined(i + k - 1, NAME_GAP_RE)
                    for k in range(1, len(words))
                ):
                    return self.offer(kind, i, last, Source.RECURRING, skip)
        return None
