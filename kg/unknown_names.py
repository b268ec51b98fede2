"""Names no list knows, read from how a speaker phrase writes them (``kg.speaker_phrases``).

- A one-word name in brackets after an actor is that actor's short name (القيادة الأمريكية في
  أفريقيا (أفريكوم)، وكالة الأنباء السعودية (واس)).
- The nisbas after a statement are its issuers (بيان سعودي أمريكي مشترك): their countries.
- A quoted name after an outlet or body head no mention claims is that body (موقع «X»).
- Two to four words after a title phrase that end the subject are the titled person's name when
  they open with a known given name or the name tagger is sure none of them is no name
  (أمين عام رابطة ... [name]): a Person with the title phrase as role.
"""

from __future__ import annotations

import itertools
import re

from kg import resources
from kg.actors import ACTOR_TYPES
from kg.cues import AND, ARTICLE, BREAK_RE, BY, COMPLEMENTISER_RE, FOR, opens_content
from kg.lexicon import lexicon, spelt_with_yeh, tokenize
from kg.model import Article, Entity, Mention
from kg.resolve import name_words, slug
from kg.spans import FoldedText, MentionSpans, fold
from kg.tagger import SURE_OUTSIDE, name_tagger
from kg.text import fold as lexicon_fold

WORD_RE = re.compile(r"[^\s\u060c,.:;!?\u061f\u061b()\"\u201c\u201d\u00ab\u00bb]+")
#: What may stand between two words of one phrase: spaces, or a quotation mark around a name.
INNER_GAP_RE = re.compile(r"^[ \t\u00a0\"\u201c\u201d\u00ab\u00bb]*$")
#: A one-word name in brackets: an actor's short name or acronym.
_ALIAS_RE = re.compile(r"\(\s*(\w{3,})\s*\)")
_PUNCTUATION_RE = re.compile(r"[\u060c,.:()]")
#: How far before its bracketed short name an actor's mention may end (X في أفريقيا (Y)).
_ALIAS_REACH_CHARS = 30
#: Parts of the day written before a date ("صباح الأحد"، "فجر السبت").
_DAY_PARTS = frozenset(resources.words("date_words", "day-part", fold))
#: Most words of a personal name read after a title phrase, or of a quoted outlet name.
_MAX_NAME_WORDS = 4
#: Most words between a group's subject and the أن/إن that opens what it said.
_CLAUSE_REACH_WORDS = 4


class UnknownNames:
    """One article's bracketed short names, and the readers of names no list knows."""

    def __init__(self, article: Article, ft: FoldedText, mentions: MentionSpans, date_starts: set[int]) -> None:
        self.article = article
        self.ft = ft
        self.text = ft.folded
        self.mentions = mentions
        self.date_starts = date_starts  #: folded offsets where a date starts
        self.lex = lexicon()
        self.places = MentionSpans(article, ft, frozenset({"Place", "Country"}))
        #: a one-word name in brackets after an actor -> that actor
        self.aliases: dict[str, str] = {}
        for m in _ALIAS_RE.finditer(self.text):
            before = [
                t for t in mentions.within(m.start() - 2 * _ALIAS_REACH_CHARS, m.start()) if t[2].type in ACTOR_TYPES
            ]
            # the outermost mention ending last: "وكالة الأنباء السعودية (واس)" is the agency
            last = max(before, key=lambda t: (t[1], -t[0]), default=None)
            if (
                last
                and m.start() - last[1] <= _ALIAS_REACH_CHARS
                and not _PUNCTUATION_RE.search(self.text[last[1] : m.start()])
            ):
                self.aliases[m.group(1)] = last[2].entity

    def quoted(self, end: int, over_mentions: bool = False, through: int = 0) -> tuple[str, int] | None:
        """(key, folded end) of the quoted name right after ``end`` that no mention claims
        (صحيفة «X»، موقع "Y"): an Organization of that name. With ``over_mentions``, also when
        mentions claim words inside it (دعت "مجموعة الحوار الوطني": the name is the whole quote);
        the name runs on past the closing mark to ``through`` (its nisbas: "القناة 12" الإسرائيلية)."""
        opening = end
        while opening < len(self.text) and self.text[opening] in " \t\u00a0":
            opening += 1
        quote = self.ft.quote_opening(opening)
        if not quote or not over_mentions and self.mentions.within(quote[0], quote[1]):
            return None
        begin, stop = self.ft.original_span(quote[0] + 1, quote[1])
        label = self.article.text[begin:stop].strip()
        if through > quote[1] + 1:
            stop = self.ft.original_span(quote[1] + 1, through)[1]
            label = f"{label} {self.article.text[begin:stop][len(label) + 1 :].strip()}"
        if not label or len(label.split()) > _MAX_NAME_WORDS:
            return None
        key = f"organization/{slug(name_words(label))}"
        self.mint(Entity(key=key, type="Organization", label_ar=label))
        self.article.mentions.append(
            Mention("Organization", self.article.text[begin:stop], begin, stop, entity=key, source="speaker")
        )
        return key, max(through, quote[1] + 1)

    def nisba_end(self, pos: int) -> int:
        """Where the nisbas written from ``pos`` on end (القنصل السعودي: after السعودي)."""
        end = pos
        for word in WORD_RE.finditer(self.text, pos):
            if not INNER_GAP_RE.match(self.text[end : word.start()]) or not self.country_nisba(word.group()):
                break
            end = word.end()
        return end

    def nisbas_agree(self, pos: int, keys: list[str]) -> bool:
        """Whether the nisbas written from ``pos`` on name no other country than the roles of the
        persons ``keys`` met before (الرئيس التونسي is not the one called "رئيس الوزراء العراقي")."""
        roles = " ".join(self.article.entities[k].role or "" for k in keys)
        said = {c for w in roles.split() if (c := self.lex.nisba_country(lexicon_fold(w)))}
        nisbas = self.text[pos : self.nisba_end(pos)].split()
        return not said or all(self.lex.nisba_country(lexicon_fold(w)) in said for w in nisbas)

    def nisba_countries(self, pos: int) -> tuple[list[str], int]:
        """The countries of the nisbas written from ``pos`` on, and where they end: a statement's
        issuers (البيان السعودي الأمريكي المشترك، بيان مصري وسوداني)."""
        countries: list[str] = []
        end = pos
        for word in WORD_RE.finditer(self.text, pos):
            if not INNER_GAP_RE.match(self.text[end : word.start()]):
                break
            folded = lexicon_fold(word.group())
            country = self.lex.nisba_country(folded) or (folded[:1] == AND and self.lex.nisba_country(folded[1:]))
            if not country:
                break
            if country not in countries and self.known(country):
                countries.append(country)
            end = word.end()
        return countries, end

    def known(self, key: str) -> bool:
        """Whether ``key`` is an entity of the article, adding it from the gazetteer when the
        article names it only by a nisba (a speaker must be an entity of the article)."""
        if key not in self.article.entities and (entry := self.lex.gazetteer.get(key)):
            self.article.entities[key] = entry.entity()
        return key in self.article.entities

    def ends_subject(self, end: int, limit: int) -> bool:
        """Whether the subject ends at ``end``: the sentence, a comma, colon or quotation mark, or
        a word that opens what follows the subject (أن، في، أمس، a date, للصحفيين)."""
        word = WORD_RE.search(self.text, end, limit)
        if not word or not INNER_GAP_RE.match(self.text[end : word.start()]) or self.ft.quote_opening(end + 1):
            return True
        if word.start() in self.date_starts or word.group()[:1] == FOR or self._day_part(word):
            return True
        return bool(BREAK_RE.fullmatch(word.group()) or COMPLEMENTISER_RE.match(self.text, word.start()))

    def clause_soon(self, end: int, limit: int) -> bool:
        """Whether what was said opens at ``end`` (``kg.cues.opens_content``), or the subject ends
        there and أن/إن opens within a few words (an adverbial between: "في وقت سابق، إن"; the
        verb's object: "عن اعتقادهم بأن")."""
        if opens_content(self.text, end):
            return True
        if not self.ends_subject(end, limit):
            return False
        words = itertools.islice(WORD_RE.finditer(self.text, end, limit), _CLAUSE_REACH_WORDS)
        return any(COMPLEMENTISER_RE.match(self.text, word.start()) for word in words)

    def name_after(self, end: int, limit: int, before_clause: bool = False, set_off: bool = False) -> int | None:
        """The end of a personal name of two to four words right after a title phrase, ending
        the subject, that opens with a known given name or that the name tagger is sure of no word
        is none (a title is strong evidence; the mentions stage asks the same of a title's name).
        With ``before_clause``, also words no word list knows that stand right before the clause
        (وزير الدولة لشؤون الإعلام جمانة غنيمات إن): the tagger knows few foreign names. A name
        ``set_off`` by a comma after its title may end in a surname with the article, and it needs
        a given name where the clause does not follow it."""
        words = []
        for word in WORD_RE.finditer(self.text, end, limit):
            gap = self.text[(words[-1].end() if words else end) : word.start()]
            if len(words) == _MAX_NAME_WORDS or not INNER_GAP_RE.match(gap):
                return None
            if not self._name_word(word, len(words)):
                return None
            words.append(word)
            if len(words) >= 2 and self.ends_subject(word.end(), limit):
                if self._name_like(words, not set_off) or before_clause and self._unknown_before_clause(words, set_off):
                    return word.end()
                return None
        return None

    def _unknown_before_clause(self, words: list[re.Match[str]], set_off: bool) -> bool:
        """Whether ``words`` close the subject right before its clause (أن/إن), its date (the
        day, or a part of the day before it: "فجر الأحد") or a comma that sets them off as the
        title's apposition, and none of them is in a word list or has the article (but for the
        last ones of a name ``set_off`` by a comma before it)."""
        articled = [w.group().startswith(ARTICLE) for w in words]
        if (articled[0] or any(articled) and not set_off) or any(self._known(lexicon_fold(w.group())) for w in words):
            return False
        end = words[-1].end()
        after = WORD_RE.search(self.text, end)
        if self.text[end : after.start() if after else len(self.text)].strip(" \t\u00a0")[:1] in ("\u060c", ","):
            return True  # "المتحدث باسم الوزارة، [name]، قال": the name set off by commas
        if not after or not INNER_GAP_RE.match(self.text[end : after.start()]):
            return False
        opening = after.start()
        return opening in self.date_starts or self._day_part(after) or bool(COMPLEMENTISER_RE.match(self.text, opening))

    def _day_part(self, word: re.Match[str]) -> bool:
        """Whether ``word`` is a part of the day written before a date (فجر السبت)."""
        day = WORD_RE.search(self.text, word.end())
        return word.group() in _DAY_PARTS and day is not None and day.start() in self.date_starts

    def _known(self, word: str) -> bool:
        """Whether a folded word is in a word list of the lexicon (a title, a head noun, a verb
        ...), alone or after the preposition ب/ل (لوكالة)."""
        lex = self.lex
        lists = (lex.titles, lex.heads, lex.speaker_nouns, lex.reporting_verbs, lex.holding_verbs, lex.agreement_verbs)
        stems = (word, word[1:]) if word[:1] in (BY, FOR) else (word,)
        return any(stem in known for stem in stems for known in lists) or lex.nisba_country(word) is not None

    def name_between(self, start: int, stop: int) -> int | None:
        """The end of a personal name of two to four words filling ``start``-``stop`` (a name
        written before its title: "أعلن يوجين سيريبرينيكوف النائب الأول ..."), if it is one."""
        words = list(WORD_RE.finditer(self.text, start, stop))
        if not 2 <= len(words) <= _MAX_NAME_WORDS or self.text[words[-1].end() : stop].strip(" \u060c,"):
            return None
        gaps = [self.text[a.end() : b.start()] for a, b in zip(words, words[1:], strict=False)]
        if self.text[start : words[0].start()].strip() or not all(INNER_GAP_RE.match(g) for g in gaps):
            return None
        if not all(self._name_word(w, i) for i, w in enumerate(words)):
            return None
        if any(self._known(lexicon_fold(w.group())) for w in words):
            return None
        return words[-1].end()

    def unknown_body(self, pos: int, limit: int) -> int | None:
        """The end of a definite noun phrase at ``pos`` that no mention claims and that names no
        place (الشرطة، سلاح الجو الإسرائيلي، الإدارة الأمريكية), with a definite noun coordinated
        to it (الأغلبية والمعارضة): a body the speaker serves."""
        if self.places.within(pos, pos + 1) or self.mentions.within(pos, pos + 1):
            return None
        end = None
        for index, word in enumerate(WORD_RE.finditer(self.text, pos, limit)):
            gap = self.text[(end if end is not None else pos) : word.start()]
            folded = word.group()
            if index == _MAX_NAME_WORDS + 1 or not INNER_GAP_RE.match(gap) or folded in self.lex.stopwords:
                break
            if BREAK_RE.fullmatch(folded) or COMPLEMENTISER_RE.fullmatch(folded):
                break
            following = WORD_RE.search(self.text, word.end(), limit)
            construct = index == 0 and following is not None and following.group().startswith(ARTICLE)
            coordinated = index > 0 and folded.startswith(AND + ARTICLE)  # "من الأغلبية والمعارضة"
            if not folded.startswith(ARTICLE) and not construct and not coordinated:
                break
            end = word.end()
        return end

    def country_nisba(self, word: str) -> bool:
        """Whether a folded word is the nisba of a known country (ليبية، بريطانيون)."""
        return self.lex.nisba_country(lexicon_fold(word)) is not None

    def _name_word(self, word: re.Match[str], index: int) -> bool:
        """Whether a folded word may be a word of a personal name at ``index``: not a function
        word, but one written with yeh where the function word has alef maksura (علي, not على)
        before a word without the article."""
        folded = word.group()
        if folded in self.lex.stopwords and not spelt_as_name(self, word):
            return False
        if BREAK_RE.fullmatch(folded) or COMPLEMENTISER_RE.fullmatch(folded):
            return False
        if any(ch.isdigit() for ch in folded) or folded in _DAY_PARTS:
            return False
        return not (index == 0 and folded.startswith(ARTICLE))

    def _name_like(self, words: list[re.Match[str]], tagged: bool = True) -> bool:
        """Whether words open with a known given name or, when ``tagged``, the name tagger is sure
        none of them is no name (a clause set off after a title, "رافق الوزير في", is none)."""
        if lexicon_fold(words[0].group()) in self.lex.given_names or _opens_with_ali(self, words):
            return True
        tagger = name_tagger() if tagged else None
        if tagger is None:
            return False
        begin, stop = self.ft.original_span(words[0].start(), words[-1].end())
        tokens = tokenize(self.article.text[begin:stop])
        tagged = tagger(self.article.text[begin:stop], tokens)
        return not any(p >= SURE_OUTSIDE for p in tagged.outside)

    def mint(self, entity: Entity) -> Entity:
        """The article's entity of ``entity.key``, added if new."""
        return self.article.entities.setdefault(entity.key, entity)

    def named(self, start: int, title_end: int, end: int, affiliation: list[str]) -> str:
        """Mint the person a title phrase names with a name no rule knew, and record the mention."""
        begin, title_stop = self.ft.original_span(start, title_end)
        name_begin, stop = self.ft.original_span(title_end, end)
        while self.article.text[name_begin].isspace() or self.article.text[name_begin] in "\u060c,":
            name_begin += 1
        label = self.article.text[name_begin:stop]
        key = f"person/{slug(name_words(label), person=True)}"
        entity = self.mint(Entity(key=key, type="Person", label_ar=label))
        entity.role = entity.role or self.article.text[begin:title_stop]
        entity.affiliation += [k for k in affiliation if k not in entity.affiliation]
        self.article.mentions.append(Mention("Person", label, name_begin, stop, entity=key, source="speaker"))
        return key


def spelt_as_name(names: UnknownNames, word: re.Match[str]) -> bool:
    """Whether a word that folds to a function word with alef maksura (على) is written with yeh
    (علي) and not before a definite word (where writers spell the preposition so): a name."""
    if word.group() not in names.lex.maksura_stopwords:
        return False
    following = WORD_RE.search(names.text, word.end())
    if following is not None and following.group().startswith(ARTICLE):
        return False
    return spelt_with_yeh(names.article.text[slice(*names.ft.original_span(word.start(), word.end()))])


def place_end(names: UnknownNames, pos: int) -> int | None:
    """The end of the place a Place mention names at ``pos`` (صنعاء، مدينة درعا), if one does."""
    return max(
        (end for _start, end, mention in names.places.within(pos, pos + 1) if mention.type == "Place"), default=None
    )


def _opens_with_ali(names: UnknownNames, words: list[re.Match[str]]) -> bool:
    """Whether a name opens with علي spelt with yeh, which writers also write for على (علي ضرورة
    الإسراع): a name only where the clause, a comma or a date closes it."""
    return spelt_as_name(names, words[0]) and names._unknown_before_clause(words, True)
