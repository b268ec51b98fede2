"""What every mention component reads (``Context``) and the questions it asks of a token (``TokenView``).

A component is a ``TokenView`` built over the article's ``Context`` and the proposals kept
before it ran; it proposes spans (``propose``) and never sees, let alone changes, what other
components propose after it. What it has itself proposed counts as claimed for the rest of its
own pass (a name read after a title is not read again as a surname).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from kg.document import Document
from kg.lexicon import Lexicon, Token, definite, word_set
from kg.mentions.proposals import Proposal, Rule, claims, resolve_overlaps
from kg.mentions.words import (
    ACCUSATIVE,
    AND,
    ASSENT_OUTSIDE,
    BY_PHONE,
    CONJUNCTIONS,
    DIGITS_RE,
    DUAL_CONSTRUCT,
    FEMININE,
    HAMZA_ALEF_RE,
    MAX_CHAIN,
    NAME_GAP_RE,
    PERSON,
    PRONOUN_SUFFIX_RE,
    SPACE_GAP_RE,
    TANWEEN_RE,
    is_arabic,
)
from kg.model import Mention, MentionType, Source
from kg.tagger import Tagged
from kg.text import strip_article, strip_clitics

#: The opening quotation marks of ``OPEN_QUOTE_RE``.
_OPEN_MARK_RE = re.compile('["\u201c\u00ab]')
#: Fewest letters of a word with its article behind a proclitic (بالمبادرة، للغاز) that ends a
#: name: shorter, the letters are more often a foreign name's own (لاليو، والاس).
_MIN_CLITIC_NOUN = 5
#: The adjectives a title takes (أمين عام): after one in ال, a title in ال is a title (الأمين العام).
_TITLE_ADJECTIVES = word_set("title_chains", "chain")

__all__ = ["Context", "HeadNouns", "Proposal", "TokenView", "WordTests", "resolve_overlaps"]


#: A head noun's reading: (type, clitic length, definite).
HeadReading = tuple[MentionType, int, bool]


class HeadNouns:
    """The head-noun reading of a token from its clitic readings and the word after it. What each
    reading of a written word says on its own is memoised by the word (words recur in every
    article, and every token is asked); the word after it is read only for a reading that opens
    a two-word head noun ("اتصال هاتفي")."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        #: the first words of the two-word head nouns
        self._two_word_firsts = frozenset(head.split(" ")[0] for head in lex.heads if head.count(" ") == 1)
        self._words = lru_cache(maxsize=1 << 16)(self._word)
        self.opens = lru_cache(maxsize=1 << 16)(self._opens)
        #: the dual construct of each feminine head noun (وزارتا، وزارتي: the words ``Duals`` opens at)
        self.duals = frozenset(
            head[: -len(FEMININE)] + ending
            for head in lex.heads
            if head.endswith(FEMININE)
            for ending in DUAL_CONSTRUCT
        )

    def read(self, token: Token, second: str | None) -> HeadReading | None:
        """(type, clitic length, definite) of a head noun at ``token``; ``second``, the word joined
        after it (None when none is)."""
        for (skip, _), (bare, kind, is_definite, stripped) in zip(token.readings, self._words(token.folded),
                                                                   strict=True):
            if kind:
                return kind, skip, is_definite
            if second is not None and bare in self._two_word_firsts:
                # "اتصالاً هاتفياً": both words in the accusative
                for word in (second, second[:-1] if second.endswith(ACCUSATIVE) and stripped else None):
                    found = self.lex.heads.get(f"{bare} {word}") if word else None
                    if found:
                        return MentionType(found), skip, is_definite
        return None

    def _opens(self, folded: str) -> bool:
        """Whether a reading of a folded word may open a head noun, whatever word follows it
        (``read`` is None at every other word; asked of every token, memoised by the word)."""
        return any(kind or bare in self._two_word_firsts for bare, kind, _definite, _stripped in self._words(folded))

    def _word(self, folded: str) -> tuple[tuple[str, MentionType | None, bool, bool], ...]:
        """Per clitic reading of a folded word (``strip_clitics``, the readings of its
        tokens): the head noun it may be, its type as one word, whether it is definite, and
        whether it lost letters on the way."""
        found = []
        for _, stem in strip_clitics(folded):
            is_definite = definite(stem)
            bare = stem[2:] if is_definite else stem
            bare = bare if bare in self.lex.heads else self.lex.unpossessed(bare) or bare
            if bare not in self.lex.heads and not is_definite and bare.endswith(ACCUSATIVE):
                bare = bare[:-1]  # the accusative's tanween alef: "عقد اجتماعاً"، "أجرى حواراً"
            kind = self.lex.heads.get(bare)
            found.append((bare, MentionType(kind) if kind else None, is_definite, bare != stem))
        return tuple(found)


def spaced_gaps(text: str, tokens: Sequence[Token]) -> tuple[bool, ...]:
    """Per gap between neighbouring tokens, whether it is only spaces: whether the second
    continues the phrase of the first (``TokenView.joined``)."""
    pairs = zip(tokens, tokens[1:], strict=False)
    # most gaps are one space: only the others go to the regex
    return tuple(gap == " " or bool(SPACE_GAP_RE.match(gap)) for gap in (text[a.end : b.start] for a, b in pairs))


class WordTests:
    """What a written word says on its own to the questions rules ask of nearly every token
    (may it be part of a name, is it a finite verb, a title), memoised by its folded form: the
    readings of every token of one folded word are ``strip_clitics`` of it."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.may_name = lru_cache(maxsize=1 << 16)(self._may_name)
        self.finite_verb = lru_cache(maxsize=1 << 16)(self._finite_verb)
        self.title = lru_cache(maxsize=1 << 16)(self._title)

    def _may_name(self, folded: str) -> bool:
        """Letters, not a function word, title or head noun (``TokenView.is_word`` less the claims)."""
        lex = self.lex
        return (
            not DIGITS_RE.match(folded)
            and folded not in BY_PHONE  # "الوزير X هاتفياً مع": no part of the name
            and not any(
                stem in lex.stopwords or stem in lex.titles or strip_article(stem) in lex.heads
                for _, stem in strip_clitics(folded)
            )
        )

    def _finite_verb(self, folded: str) -> bool:
        """A finite verb, bare or after a conjunction (``TokenView.finite_verb``)."""
        lex = self.lex
        return folded not in lex.given_names and any(
            stem in lex.finite_verbs and folded[: len(folded) - len(stem)] in ("", *CONJUNCTIONS)
            for _, stem in strip_clitics(folded)
        )

    def _title(self, folded: str) -> tuple[str | None, int]:
        """(label, index of the clitic reading) of a title, rank or honorific (label None: none)."""
        titles = self.lex.titles
        for index, (_, stem) in enumerate(strip_clitics(folded)):
            label = titles.get(stem)
            if label is None and definite(stem) and titles.get(stem[2:]) in ("rank", "honorific", "unnamed"):
                label = titles[stem[2:]]
            if label:
                return label, index
        return None, 0


@dataclass(frozen=True)
class Context:
    """One article as every mention component reads it: its text, tokens, the lexicon and what
    the statistical tagger sees (None without its model); built once per article."""

    text: str
    tokens: tuple[Token, ...]
    lex: Lexicon
    tagged: Tagged | None
    #: per gap between neighbouring tokens, whether it is only spaces (``joined``'s usual
    #: question, asked thousands of times per article)
    spaced: tuple[bool, ...]
    head_nouns: HeadNouns
    doc: Document  #: the article document (``Document.tokens_reading``: the tokens of a few words)
    word_tests: WordTests

    @classmethod
    def of(
        cls,
        doc: Document,
        lex: Lexicon,
        tagged: Tagged | None,
        head_nouns: HeadNouns | None = None,
        word_tests: WordTests | None = None,
    ) -> Context:
        """The context of one article document (``head_nouns``, ``word_tests``: the stage's,
        shared by its articles)."""
        text, tokens = doc.text, doc.tokens
        spaced = spaced_gaps(text, tokens)
        return cls(text, tokens, lex, tagged, spaced, head_nouns or HeadNouns(lex), doc, word_tests or WordTests(lex))

    def span(self, proposal: Proposal) -> tuple[int, int]:
        """The (start, end) text offsets of a proposal."""
        start = self.tokens[proposal.first].start + proposal.skip
        return start, self.tokens[proposal.last if proposal.reach is None else proposal.reach].end

    def mentions(self, kept: Iterable[Proposal]) -> list[Mention]:
        """The mentions of the kept proposals, in text order, each name linked to its role's."""
        made: dict[int, Mention] = {}
        for proposal in kept:
            if proposal.read_only:
                continue
            start, end = self.span(proposal)
            role = made.get(id(proposal.role)) if proposal.role is not None else None
            made[id(proposal)] = Mention(
                proposal.kind, self.text[start:end], start, end, proposal.entity, proposal.source, role
            )
        return sorted(made.values(), key=lambda m: (m.start, -m.end))


class TokenView:
    """One component's view of the article: the context, the proposals kept before it (whose
    tokens are claimed, by the type of the first that claimed each), its own proposals, and the
    questions every rule asks of a token (is it joined to the next, a word a name can hold ...)."""

    #: the rule a component's proposals are made by (``kg.mentions.proposals.PRIORITY``); each
    #: component class sets its own
    rule: Rule

    def __init__(
        self, ctx: Context, kept: Sequence[Proposal] = (), claimed: Mapping[int, MentionType] | None = None
    ) -> None:
        self.ctx = ctx
        self.text, self.tokens, self.lex, self.tagged = ctx.text, ctx.tokens, ctx.lex, ctx.tagged
        self._spaced = ctx.spaced
        self.kept = tuple(kept)
        self.proposals: list[Proposal] = []  #: this component's own, in the order made
        #: token index -> type of the first proposal that claimed it (``claimed``: ``claims(kept)``,
        #: when the caller has it already: the components after one that proposed nothing share it)
        self.claimed = dict(claimed) if claimed is not None else claims(self.kept)

    def propose(self) -> list[Proposal]:
        """This component's proposals (each component says what it reads)."""
        raise NotImplementedError

    def made(self) -> Iterator[Proposal]:
        """The proposals kept before this component and those it has made itself."""
        return chain(self.kept, self.proposals)

    def before_open_quotes(self) -> list[int]:
        """The tokens, but the last, whose gap to the next holds an opening quotation mark (the
        only gaps OPEN_QUOTE_RE can match), found from the marks instead of asking every gap."""
        ends = [token.end for token in self.tokens]
        before = {bisect.bisect_right(ends, m.start()) - 1 for m in _OPEN_MARK_RE.finditer(self.text)}
        return sorted(i for i in before if 0 <= i < len(self.tokens) - 1)

    def gap(self, i: int) -> str:
        """The text between token i and token i+1."""
        return self.text[self.tokens[i].end : self.tokens[i + 1].start]

    def joined(self, i: int, pattern: re.Pattern[str] = SPACE_GAP_RE) -> bool:
        """Whether token i+1 continues the phrase of token i (same sentence, only spaces between)."""
        if pattern is SPACE_GAP_RE and 0 <= i < len(self._spaced):
            return self._spaced[i]
        return i + 1 < len(self.tokens) and bool(pattern.match(self.gap(i)))

    def add(
        self,
        kind: MentionType,
        first: int,
        last: int,
        source: Source,
        skip: int = 0,
        role: Proposal | None = None,
        reach: int | None = None,
        entity: str | None = None,
        read_only: bool = False,
        rule: Rule | None = None,
    ) -> Proposal:
        """Propose tokens first..last, ``skip`` clitic characters of the first left out, taking
        in what of them is claimed already; the rest of this pass reads them as claimed.

        Args:
            role: the role proposal that introduced a name.
            reach: the last token of the span when it runs past the claimed tokens: an event's
                naming phrase ("الحوار بين بغداد وواشنطن"), whose actors keep mentions of their own.
            entity: the gazetteer key, when the rule knows it.
            read_only: the words are read, and name nothing.
            rule: the rule it is made by, when not the component's own.
        """
        held = frozenset(self.claimed.keys() & range(first, last + 1))
        proposal = Proposal(kind, first, last, source, skip, reach, entity, rule or self.rule, role, held, read_only)
        self.proposals.append(proposal)
        self._claim(proposal)
        return proposal

    def offer(
        self, kind: MentionType, first: int, last: int, source: Source, skip: int = 0, reach: int | None = None
    ) -> Proposal:
        """A proposal over tokens no rule has claimed, left to ``resolve_overlaps`` against the others."""
        return Proposal(kind, first, last, source, skip, reach, rule=self.rule)

    def _claim(self, proposal: Proposal) -> None:
        for index in proposal.tokens:
            self.claimed.setdefault(index, proposal.kind)

    def is_word(self, i: int) -> bool:
        """A token that can be part of a name: letters, not a function word, title or head noun."""
        return self.ctx.word_tests.may_name(self.tokens[i].folded) and not (
            i in self.claimed and self.claimed[i] != PERSON
        )

    def finite_verb(self, i: int) -> bool:
        """Whether token i is a finite verb whose subject a name before it can be
        (``Lexicon.finite_verbs``), bare or after a conjunction (وعلق); a given name is none
        (فيصل is no ف + يصل), nor a word behind another clitic (ليبرمان is no ل + يبرمان)."""
        return self.ctx.word_tests.finite_verb(self.tokens[i].folded)

    def _title_word(self, i: int) -> str | None:
        return self._title_reading(i)[0]

    def _title_reading(self, i: int) -> tuple[str | None, int]:
        """(label, clitic length) of a title, rank or honorific at token i."""
        token = self.tokens[i]
        label, reading = self.ctx.word_tests.title(token.folded)
        # the article's title before its own adjective (الأمين العام) depends on the next word, so
        # it is asked here, of the readings before the one the word alone gives
        for skip, stem in token.readings[: reading if label else None]:
            if definite(stem) and self._definite_title(i, stem):
                return "title", skip  # "الأمين العام": a title in ال before its own adjective, not a given name
        return (label, token.readings[reading][0]) if label else (None, 0)

    def _definite_title(self, i: int, stem: str) -> bool:
        """Whether a title written with the article (الأمين) is followed by its adjective in ال
        (العام: ``kg/data/title_chains.jsonl``), which no given name of the same letters takes."""
        if self.lex.titles.get(strip_article(stem)) != "title" or i + 1 >= len(self.tokens) or not self.joined(i):
            return False
        after = self.tokens[i + 1].folded
        return definite(after) and strip_article(after) in _TITLE_ADJECTIVES

    def written_definite(self, i: int) -> bool:
        """Whether token i carries the article as written: ألينا folds to الينا, but its hamza says
        it is a name, not ال + ينا."""
        token = self.tokens[i]
        return definite(token.folded) and not HAMZA_ALEF_RE.match(self.text, token.start)

    def name_word(self, i: int) -> bool:
        """Whether token i can be a word of a personal name: an Arabic word (``is_word``) that is
        no nisba, has no article behind a conjunction (والخطط) and no pronoun suffix (وغيرهم)."""
        token = self.tokens[i]
        return (
            self.is_word(i)
            and is_arabic(token.folded)
            and not TANWEEN_RE.search(self.text, token.start, token.end)  # اتصالاً: a name takes no tanween
            and not self.lex.nisba_country(token.folded)
            and not any(definite(stem) for _, stem in token.readings[1:])
            and not PRONOUN_SUFFIX_RE.search(token.folded)
        )

    def clitic_article(self, i: int) -> bool:
        """Whether token i is a noun with its article behind a preposition or و (بالمبادرة، للغاز،
        والبناء): most often a complement or the next item of a list, not the name before it going on."""
        return any(definite(stem) and len(stem) >= _MIN_CLITIC_NOUN for _, stem in self.tokens[i].readings[1:])

    def _name_boundary(self, j: int) -> bool:
        """Whether a name ending at token j is followed by a function word, punctuation, a title
        (سامر الخطيب قائد الشرطة) or the end."""
        return (
            j + 1 >= len(self.tokens)
            or not self.joined(j)
            or self.tokens[j + 1].folded in self.lex.stopwords
            or self._title_word(j + 1) == "title"
        )

    def _known_word(self, word: str) -> bool:
        """A folded word listed as it is (وزير، وزارة، واشنطن), so its first و is no conjunction."""
        return bool(
            word in self.lex.titles
            or strip_article(word) in self.lex.heads
            or self.lex.nisba_country(word)
            or (word,) in self.lex.names
        )

    def _claimed_end(self, i: int) -> int:
        kind = self.claimed.get(i)
        end = i
        while end + 1 < len(self.tokens) and self.claimed.get(end + 1) == kind and self.joined(end, NAME_GAP_RE):
            end += 1
        return end

    def _clause_end(self, i: int) -> int:
        """Last token before the clause's next punctuation (at most six words)."""
        end = i
        while end + 1 < len(self.tokens) and end + 1 - i < MAX_CHAIN and self.joined(end):
            if self.tokens[end + 1].folded.startswith(AND) and self.tokens[end + 1].folded not in self.lex.names:
                break
            end += 1
        return end

    def _article_clitic(self, i: int) -> int:
        """Characters of proclitics to leave out of a name starting at token i: only those before
        an article (والعراق، بالحرس), as a bare initial و/ب/ل may be the name's own (برشلونة، وليد)."""
        for skip, stem in reversed(self.tokens[i].readings):
            if skip and definite(stem):
                return skip
        return 0

    def _coordinating_clitic(self, i: int, after_name: bool = False) -> int:
        """Characters of the conjunction و to leave out of a personal name at token i that joins it
        to a name before it ("سامر الخطيب وماجد العلي"; ``after_name`` when the caller knows a name
        ends at token i - 1) or opens with a known given name after it (وماجد): the و is the
        list's, not the name's, unless the word as written is a given name itself (وليد، وائل)."""
        token = self.tokens[i]
        if token.folded in self.lex.given_names:
            return 0
        for skip, stem in token.readings:
            if skip and token.folded[:skip] == AND and len(stem) > 2:
                after_name = after_name or self.claimed.get(i - 1) == PERSON
                return skip if i > 0 and self.joined(i - 1) and after_name or stem in self.lex.given_names else 0
        return 0

    def _tagger_assents(self, first: int, last: int | None = None) -> bool:
        """Whether the tagger gives tokens first..last some chance of a name: the assent a rule on
        weak evidence (a reporting verb or a given name before it) needs. No assent without it."""
        if self.tagged is None:
            return False
        return all(p <= ASSENT_OUTSIDE for p in self.tagged.outside[first : (first if last is None else last) + 1])

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

    def _sure_name_word(self, i: int) -> bool:
        """An Arabic word inside a name that the tagger is sure of, whatever else it may be, but
        for one written with tanween, which no name takes (دولياً)."""
        token, tagged = self.tokens[i], self.tagged
        unmarked = is_arabic(token.folded) and not TANWEEN_RE.search(self.text, token.start, token.end)
        return tagged is not None and unmarked and tagged.sure_name(i, i)

    def _claimed_person_end(self, i: int) -> int | None:
        if self.claimed.get(i) != PERSON:
            return None
        end = i
        while end + 1 < len(self.tokens) and self.claimed.get(end + 1) == PERSON and self.joined(end):
            end += 1
        return end
