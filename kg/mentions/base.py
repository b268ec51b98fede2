"""The state and questions every mention rule shares (``TokenView``), and the word lists they read."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from kg import clean, resources
from kg.document import Document
from kg.lexicon import Lexicon, definite, single_word, word_set
from kg.model import Mention, Source
from kg.tagger import Tagged

_DIGITS_RE = re.compile(r"^\d+$")
#: Gaps that keep words in one phrase: spaces; a hyphen also inside gazetteer names.
_SPACE_GAP_RE = re.compile(r"^[ \t\u00a0]+$")
NAME_JOIN_RE = re.compile(r"^(?:[ \t\u00a0]+|-)$")
NAME_GAP_RE = re.compile(r"^[ \t\u00a0]*[-\u2013]?[ \t\u00a0]*$")
COMMA_GAP_RE = re.compile(r"^[ \t\u00a0]*[\u060c,][ \t\u00a0]*$")

#: Words before a capital that make it the place rather than its government.
_PLACE_CUES = word_set("place_cues")
#: Words that end a personal name or a title chain besides the stopword list.
NAME_PARTICLES = word_set("name_particles")
#: Most words of a personal name a rule reads (طلال بن عبد العزيز آل سعود).
MAX_NAME_WORDS = 6
_VISIT_TO = word_set("function_words", "to")
_BETWEEN = single_word("function_words", "between")
_WITH = single_word("function_words", "with")
_NON = single_word("function_words", "non")
#: The grade written after a rank: "الفريق أول"، "الفريق أول ركن".
RANK_GRADES = word_set("rank_grades")
_COUNT_NOUN_RE = re.compile(rf"^و?{resources.alternation('force_words', 'count', clean.fold)}(?:ه|ها|هم)$")
_TANWEEN_RE = re.compile("[\u064b-\u064d]")
#: A ministry's portfolio that names it with a nisba after it: الخارجية الإيرانية = وزارة الخارجية الإيرانية.
PORTFOLIOS = word_set("role_words", "portfolio")
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
OWN_COUNTRY = word_set("own_country")
DIRECTIONS = word_set("directions")
#: Possessive suffixes on an event noun (زيارته، زيارتها).
#: Third-person pronoun suffixes, which no personal name ends in (وغيرهم، بعضهما).
_PRONOUN_SUFFIX_RE = re.compile(r"(?:هم|هما)$")
#: Pronoun suffixes a definite word cannot carry (التزامها is no adjective of الحكومة).
SUFFIXED_RE = re.compile(r"(?:ها|هم|هما|نا|كم)$")
#: A word written in Latin script as a name is: capitalised or an acronym (CNN، Apple، IntelCenter),
#: after an Arabic clitic or none (وDell).
LATIN_NAME_RE = re.compile(r"(?P<clitic>[\u0648\u0628\u0644\u0641]?)(?:[A-Z][a-z]+(?:[A-Z][a-z]+)*|[A-Z]{2,})")
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


@dataclass(frozen=True)
class Proposal:
    """A span a rule proposes: tokens first..last named as ``kind`` by the rule ``source``, the
    first token's ``skip`` clitic characters left out; ``reach``, the span's last token when it
    takes in a mention already made (شمال شرق سوريا: the place holds the country)."""

    kind: str
    first: int
    last: int
    source: Source
    skip: int = 0
    reach: int | None = None


def resolve_overlaps(claimed: Collection[int], proposals: Iterable[Proposal]) -> list[Proposal]:
    """The proposals to keep, by priority: a proposal is kept unless one of its tokens is already
    claimed or taken by a proposal before it (``proposals`` come in order of priority)."""
    taken = set(claimed)
    kept = []
    for proposal in proposals:
        tokens = range(proposal.first, proposal.last + 1)
        if not taken.intersection(tokens):
            kept.append(proposal)
            taken.update(tokens)
    return kept


class TokenView:
    """The shared view of one article the mention rules read and write: its tokens, which
    tokens are claimed and by what type, the mentions found, the names seen; and the questions
    every rule asks of a token (is it joined to the next, a word a name can hold, a title ...)."""

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

    def gap(self, i: int) -> str:
        """The text between token i and token i+1."""
        return self.text[self.tokens[i].end : self.tokens[i + 1].start]

    def joined(self, i: int, pattern: re.Pattern[str] = _SPACE_GAP_RE) -> bool:
        """Whether token i+1 continues the phrase of token i (same sentence, only spaces between)."""
        if pattern is _SPACE_GAP_RE and 0 <= i < len(self._spaced):
            return self._spaced[i]
        return i + 1 < len(self.tokens) and bool(pattern.match(self.gap(i)))

    def add(
        self,
        kind: str,
        first: int,
        last: int,
        source: Source,
        skip: int = 0,
        role: Mention | None = None,
        reach: int | None = None,
        entity: str | None = None,
    ) -> Mention:
        """Record a mention claiming tokens first..last, ``skip`` clitic characters of the first
        left out.

        Args:
            role: the role mention that introduced a name.
            reach: the last token of the span when it runs past the claimed tokens: an event's
                naming phrase ("الحوار بين بغداد وواشنطن"), whose actors keep mentions of their own.
            entity: the gazetteer key, when the rule knows it.
        """
        start = self.tokens[first].start + skip
        end = self.tokens[last if reach is None else reach].end
        mention = Mention(kind, self.text[start:end], start, end, entity, source, role)
        self.found.append(mention)
        self.claim(first, last, kind)
        return mention

    def accept(self, proposals: Iterable[Proposal]) -> None:
        """Record the proposals that ``resolve_overlaps`` keeps against the claims so far."""
        for p in resolve_overlaps(self.claimed.keys(), proposals):
            self.add(p.kind, p.first, p.last, p.source, p.skip, reach=p.reach)

    def claim(self, first: int, last: int, kind: str) -> None:
        """Mark tokens first..last as read as part of a ``kind`` phrase (kept where already claimed)."""
        for index in range(first, last + 1):
            self.claimed.setdefault(index, kind)

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

    def _unclaim(self, first: int, last: int) -> None:
        """Drop the mentions over tokens first..last, to read the words anew."""
        start, end = self.tokens[first].start, self.tokens[last].end
        self.found = [m for m in self.found if m.end <= start or m.start >= end]
        for k in range(first, last + 1):
            self.claimed.pop(k, None)

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
            and is_arabic(token.folded)
            and not _TANWEEN_RE.search(self.text, token.start, token.end)  # اتصالاً: a name takes no tanween
            and not self.lex.nisba_country(token.folded)
            and not any(definite(stem) for _, stem in token.readings[1:])
            and not _PRONOUN_SUFFIX_RE.search(token.folded)
        )

    def _name_boundary(self, j: int) -> bool:
        """Whether a name ending at token j is followed by a function word, punctuation or the end."""
        return j + 1 >= len(self.tokens) or not self.joined(j) or self.tokens[j + 1].folded in self.lex.stopwords

    def _known_word(self, word: str) -> bool:
        """A folded word listed as it is (وزير، وزارة، واشنطن), so its first و is no conjunction."""
        return bool(
            word in self.lex.titles
            or clean.strip_article(word) in self.lex.heads
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
        while end + 1 < len(self.tokens) and end + 1 - i < _MAX_CHAIN and self.joined(end):
            if self.tokens[end + 1].folded.startswith("و") and self.tokens[end + 1].folded not in self.lex.names:
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
        """An Arabic word inside a name that the tagger is sure of, whatever else it may be."""
        return self.tagged is not None and is_arabic(self.tokens[i].folded) and self.tagged.sure_name(i, i)

    def _claimed_person_end(self, i: int) -> int | None:
        if self.claimed.get(i) != "Person":
            return None
        end = i
        while end + 1 < len(self.tokens) and self.claimed.get(end + 1) == "Person" and self.joined(end):
            end += 1
        return end


def adjective_like(word: str) -> bool:
    """An indefinite adjective ending: -ي، -ية، -يين/-ين، -ون، -ان، -ا (عسكرية، دفاعي، عليا)."""
    return word.endswith(("ي", "يه", "ه", "ين", "ون", "ان", "ا")) and len(word) > 2


def is_arabic(word: str) -> bool:
    """Whether a word starts with an Arabic letter."""
    return bool(re.match("[\u0621-\u064a]", word))
