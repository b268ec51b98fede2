"""The people rules: titles and roles with the names they introduce, unnamed officials, references back."""

from __future__ import annotations

from kg.lexicon import affix, definite
from kg.mentions.chains import Chains
from kg.mentions.names import PersonNames, behind_preposition, nisba_given_name, preposition_clitic
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.state_titles import OF_COUNTRY, StateTitles
from kg.mentions.words import (
    ACCUSATIVE,
    APPOSITION_AFTER,
    ATTRIBUTED_CUES,
    BODIES,
    BY,
    COMMA_GAP_RE,
    FEMININE,
    FOR,
    IN,
    NISBA,
    PERSON,
    RANK_GRADES,
    RESUMPTIVE,
    ROLE_OF,
    TANWEEN_RE,
    TENURE,
    YEH_GIVEN_NAMES,
    adjective_like,
)
from kg.model import Source
from kg.text import strip_article

#: The article ال, folded (``lexicon.definite`` asks more of a word; the openings need a superset).
_ARTICLE = affix("article")
#: Most words of the complement between a title's chain and the name set off after it by commas.
_COMPLEMENT_WORDS = 4


class People(PersonNames, Chains, StateTitles):
    """Titles and roles with the names they introduce (``Source.ROLE``, ``TITLE``), names without
    a title (``TITLE``, ``GIVEN_NAME``), unnamed officials (``UNNAMED``), references back
    (``BACK_REFERENCE``) and surnames of persons named before (``SURNAME``), in one pass in text
    order: a surname is read as one only after its full name."""

    rule = Rule.PEOPLE

    def propose(self) -> list[Proposal]:
        opening = self._openings()
        i = 0
        while i < len(self.tokens):
            # elsewhere no title, name or appositive rule of _person_at can open: only a surname
            i = (self._person_at(i) if i in opening else self._surname_at(i)) + 1
        return self.proposals

    def _openings(self) -> set[int]:
        """The tokens where ``_person_at`` may read more than a surname: a title reading, a word
        a name follows in apposition (APPOSITION_AFTER), a reporting verb, a known given name, a
        definite nisba (each a superset of the test ``_person_at`` makes there). Asking every
        token costs a tenth of the mentions stage; these are about one in ten."""
        opening = set(self._reporting_verbs)
        for words in (self.lex.titles.keys(), OF_COUNTRY, APPOSITION_AFTER, self.lex.given_names, YEH_GIVEN_NAMES):
            opening.update(self.ctx.doc.tokens_reading(words))
        # the stem of the longest clitic reading (``Token.stem``), read inline: this runs for every token
        opening.update(
            i
            for i, token in enumerate(self.tokens)
            if (stem := token.readings[-1][1]).endswith(NISBA) and stem.startswith(_ARTICLE)
        )
        return opening

    def _add_name(self, first: int, last: int, source: Source = Source.TITLE, role: Proposal | None = None) -> int:
        """Propose a personal name, without the list's و before a known given name (وموسى العلي);
        its last word names him later on its own."""
        token = self.tokens[first]
        given = token.folded not in self.lex.given_names and token.stem() in self.lex.given_names
        skip = (self._coordinating_clitic(first) or preposition_clitic(self, first)) if given else 0
        self.add(PERSON, first, last, source, skip, role=role)
        return last

    def _person_at(self, i: int) -> int:
        """Find a title (+ name) starting at token i; return the last token index consumed."""
        label, skip = self._title_reading(i)
        of_country = self._title_of_country(i) if label is None else None
        if of_country is not None:
            label, skip = "title", of_country
        # token i a preposition or a reporting verb, a name and its title after it
        if label is None and (appositive := self._appositive_name(i + 1)) is not None:
            first, last = appositive
            role_last = self._chain(last + 1, allow_complements=True)
            if role_last > last + 1:  # a title with its chain (قائد الشرطة), not a lone word
                role = self.add(PERSON, last + 1, role_last, Source.ROLE, self._title_reading(last + 1)[1])
                self._add_name(first, last, role=role)
                return role_last
        if label is None and (untitled := self._untitled_name(i)) is not None:
            return self._add_name(*untitled)
        if label is None or i in self.claimed and self.claimed[i] != PERSON:
            return self._surname_at(i)
        if label == "unnamed":
            return self._unnamed_at(i, skip)
        if self._common_noun(i):
            return i
        last = self._state_title_end(i) if of_country is not None else self._noun_title_end(i)
        last = self._chain(i, allow_complements=True) if last is None else last
        # another title or rank after a comma: "قائد القيادة المركزية ... الجنرال، كينيث ماكينزي"
        name_at = last + 1
        while name_at < len(self.tokens) and (self.joined(name_at - 1) or self.joined(name_at - 1, COMMA_GAP_RE)):
            if self._title_word(name_at) in ("rank", "honorific") and not self.tokens[name_at].readings[-1][0]:
                name_at += 1
                continue
            if self.tokens[name_at].folded in RANK_GRADES and self._title_word(name_at - 1) == "rank":
                name_at += 1  # "الفريق أول ركن": the grade of a rank
                continue
            nisba = self.lex.nisba_country(self.tokens[name_at].folded) and not nisba_given_name(self, name_at)
            if nisba and self.joined(name_at - 1):
                name_at += 1
                continue
            complement = self._participle_complement_end(name_at) if name_at == last + 1 else None
            if complement is not None:
                # "الرئيس المعترف به دوليا [name]": the participle's complement is the title's;
                # after a comma the sentence goes on (المعترف بها دوليا، قضى ...), and no name follows
                last, name_at = complement, complement + 1 if self.joined(complement) else len(self.tokens)
                continue
            break
        name_last = (
            self._name_at(name_at)
            if name_at < len(self.tokens) and (self.joined(name_at - 1) or self.joined(name_at - 1, COMMA_GAP_RE))
            else None
        )
        if name_last is None and name_at == last + 1 and (apposed := self._apposed_after_complement(last)):
            name_at, name_last = apposed
        if name_last is not None and behind_preposition(self, name_at, name_last):
            name_last = None  # "الموالي لسامي يوسف": the name is the complement's, not the title's holder
        if name_last is not None and (
            not self._tagger_disagrees(name_at, name_last) or self._named_after_body(i, last, name_at, name_last)
        ):
            role = self.add(PERSON, i, last, Source.ROLE, skip)
            if name_at not in self.claimed:
                self._add_name(name_at, name_last, role=role)
                return self._coordinated_name(name_last)
            return name_last
        surname = last > i and self._surname_like(last) and not self._tagger_disagrees(last, last)
        if label in ("rank", "honorific") and surname:
            # "الوزير العباسي": the chain's last word is the surname, not an adjective
            role = self.add(PERSON, i, last - 1, Source.ROLE, skip)
            self.add(PERSON, last, last, Source.TITLE, role=role)
            return last
        if label == "title" and last > i:
            self.add(PERSON, i, last, Source.ROLE, skip)
        elif label == "honorific" and (title_last := self._nationality_end(i, last)) is not None:
            # "الرئيس الفرنسي" alone: its holder, if the article named him so, is found at resolve
            self.add(PERSON, i, title_last, Source.ROLE, skip)
        return last

    def _nationality_end(self, i: int, last: int) -> int | None:
        """The last nationality word right after an honorific whose chain ends at ``last``
        (الرئيس الفرنسي، الملك الأردني): a title that may name a holder met before; None when
        none follows, or the chain goes on with a term of office (السابق), another adjective
        or where the title serves (السفير الأمريكي في بغداد), which make it another office; nor
        when a title before is in construct with it (مستشار الرئيس الأمريكي: the adviser)."""
        if i > 0 and self.joined(i - 1) and self._title_word(i - 1) is not None:
            return None
        end = i
        while (
            end < last and definite(self.tokens[end + 1].folded) and self.lex.nisba_country(self.tokens[end + 1].folded)
        ):
            end += 1
        if end == i or end == last:
            return None if end == i else end
        word = strip_article(self.tokens[end + 1].folded)
        return None if word in TENURE or word in ROLE_OF or adjective_like(word) else end

    def _apposed_after_complement(self, last: int) -> tuple[int, int] | None:
        """(first, last) of a name set off by commas after the complement that ends a title's
        chain (وزير الأوقاف في البلاد، سامر الخطيب، ...; مدير الشركة بالعاصمة، X Y،): a short
        phrase opened by a preposition, then the name closed by a comma; else None."""
        k = last + 1
        if k >= len(self.tokens) or not self.joined(last) or not self._preposition_at(k):
            return None
        while k - last <= _COMPLEMENT_WORDS and k + 1 < len(self.tokens) and self.joined(k) and not self.finite_verb(k):
            k += 1
        if k - last > _COMPLEMENT_WORDS or not self.joined(k, COMMA_GAP_RE) or k + 1 in self.claimed:
            return None
        end = self._name_at(k + 1)
        closed = end is not None and end + 1 < len(self.tokens) and self.joined(end, COMMA_GAP_RE)
        # the tagger gives the first word some chance of a name: not a verb (قادة القوى ...، تحدث الصدر،)
        return (k + 1, end) if closed and end is not None and self._tagger_assents(k + 1) else None

    def _preposition_at(self, k: int) -> bool:
        """Whether token k opens a prepositional phrase: في, or a noun with its article behind ب or
        ل (بالعاصمة; not لجنة, which only looks like ل and a noun)."""
        token = self.tokens[k]
        return token.folded == IN or any(
            skip and token.folded[:skip] in (BY, FOR) and definite(stem) for skip, stem in token.readings
        )

    def _participle_complement_end(self, i: int) -> int | None:
        """The last token of a participle's complement at token i that points back to the title
        (به، لها) with the adverb after it (المعترف به دوليا، المكلف بها رسمياً), when the
        participle, definite, ends the title's chain right before it; else None."""
        if not (0 < i < len(self.tokens) - 1 and self.joined(i - 1) and self.joined(i)):
            return None
        if self.tokens[i].folded not in RESUMPTIVE or not definite(self.tokens[i - 1].folded):
            return None
        adverb = self.tokens[i + 1]
        accusative = adverb.folded.endswith(ACCUSATIVE) or TANWEEN_RE.search(self.text, adverb.start, adverb.end)
        return i + 1 if accusative and not definite(adverb.folded) else i

    def _coordinated_name(self, last: int) -> int:
        """ "قال وزير الداخلية سامر الخطيب وماجد العلي": a second name glued to و after a titled
        one is a person too, without the و; the title is the first name's alone. Returns the
        last token consumed."""
        j = last + 1
        if j >= len(self.tokens) or j in self.claimed or not self.joined(last):
            return last
        skip = self._coordinating_clitic(j)
        end = self._name_at(j) if skip and not self.finite_verb(j) else None
        if end is None or end == j or not self._listed_name(j, end, self.tokens[j].folded[skip:]):
            return last
        self.add(PERSON, j, end, Source.TITLE, skip)
        return end

    def _listed_name(self, first: int, last: int, opening: str) -> bool:
        """Whether tokens first..last after the list's و are a name, not a noun going on with the
        sentence (وتعيين جون سميث): opening with a known given name the tagger does not rule out,
        or a name the tagger is sure of."""
        if opening in self.lex.given_names:
            return not self._tagger_disagrees(first, last)
        return self.tagged is not None and self.tagged.sure_name(first, last)

    def _agrees_with_noun_before(self, i: int) -> bool:
        """ "في مهمة دبلوماسية عاجلة"، "مصادر دبلوماسية": a feminine unnamed-title word right after
        an indefinite feminine noun, or a plural one that is no verb (a non-human plural takes a
        feminine adjective), is that noun's adjective, not a woman official (قالت دبلوماسية غربية)."""
        if i == 0 or not self.joined(i - 1) or not self.tokens[i].folded.endswith(FEMININE):
            return False
        before = self.tokens[i - 1].folded
        noun = before.endswith(FEMININE) or self.is_word(i - 1) and not self.finite_verb(i - 1)
        return noun and not definite(before) and self._title_word(i - 1) is None

    def _unnamed_at(self, i: int, skip: int) -> int:
        """ "مسؤول دفاعي أميركي" (indefinite, with adjectives) or the back-reference "المسؤول"."""
        token = self.tokens[i]
        if definite(token.stem()):
            last = i
            # "المسؤول بوزارة الدفاع الأميركية": keep the affiliation phrase in the span
            if (
                self.joined(i)
                and self.tokens[i + 1].folded.startswith(BY)
                and self.tokens[i + 1].stem() != self.tokens[i + 1].folded
            ):
                # a body the gazetteer knows ends where its name does: a name may follow it
                last = self._claimed_end(i + 1) if self.claimed.get(i + 1) in BODIES else self._chain(i + 1)
            name_last = self._name_at(last + 1) if last + 1 < len(self.tokens) and self.joined(last) else None
            while (
                name_last is not None
                and name_last - last < 3
                and self.joined(name_last)
                and self.name_word(name_last + 1)
                and self._sure_name_word(name_last + 1)
            ):
                name_last += 1  # "سامي الشريف للجزيرة": a family name in ال the tagger is sure of
            if name_last is not None and name_last > last + 1 and not self._tagger_disagrees(last + 1, name_last):
                # "القيادي بالحزب سامر العتيبي": the title of the name after it
                role = self.add(PERSON, i, last, Source.ROLE, skip)
                return self._add_name(last + 1, name_last, role=role)
            self.add(PERSON, i, last, Source.BACK_REFERENCE, skip)
            return last
        if self._agrees_with_noun_before(i):
            return i
        last = i
        while last + 1 < len(self.tokens) and self.joined(last) and last + 1 - i <= 3:
            word = self.tokens[last + 1].folded
            readings = self.tokens[last + 1].readings
            stopword = any(stem in self.lex.stopwords for _, stem in readings)  # بأن
            # a preposition before the article (للقيمة، بالمنطقة) opens a complement, no adjective
            governed = any(clitic and definite(stem) for clitic, stem in readings)
            # "مصدر لوكالة X"، "مسؤول عسكري لصحيفة X": a preposition before a body's head noun opens
            # whom the source spoke to or serves, no adjective of the source
            head = self._head(last + 1)
            governed = governed or bool(head and head[1] and head[0] in BODIES)
            if definite(word) or stopword or governed or not adjective_like(word) or word in ATTRIBUTED_CUES:
                break
            last += 1
        last = self._affiliation_end(last) or last
        if last > i:
            self.add(PERSON, i, last, Source.UNNAMED, skip)
        return last
