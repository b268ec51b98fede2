"""Speakers no rule knows: the phrase the syntax puts in the subject's place, made an entity.

When the words after a reporting cue (or after بحسب / وفقاً لـ) open with a speaker head
(``kg/data/speaker_nouns.jsonl``, or a person title of ``kg/data/titles.jsonl``) no mention
claims, the phrase is read by its syntax: the head, its adjectives and the body it serves, as a
genitive or after باسم / في / ب / لدى / من / عن ("متحدث باسم وزارة الخارجية"، "مكتب رئيس الوزراء"،
"مصادر دبلوماسية مصرية"). It becomes an entity typed by its head (a spokesman or source is a
Person; an office, agency or outlet an Organization) with the phrase as its role and the body,
or a nisba's country, as its affiliation, unless a name follows a person's title (also set off
by a comma: "مدير الهيئة، [name]، قال"). A channel head (موقع) speaks for the body after it, a
body head before a known name of its kind (حركة «حماس») is that name; a definite head later
(المتحدث، الهيئة) refers back to the latest entity it heads.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.actors import ACTOR_TYPES
from kg.appositions import named_in_apposition
from kg.body_heads import country_adjective, genitive_after, genitive_end, headed_mentions
from kg.cues import (
    ARTICLE,
    BY,
    CONJUNCTIONS,
    FOR,
    CueLexicon,
    opens_content,
    plural_case,
    statement_words,
    strip_article,
)
from kg.former_titles import same_holders
from kg.lexicon import Lexicon, lexicon
from kg.model import Article, Entity, Mention
from kg.phrase_words import is_nisba, qualifier
from kg.resolve import article_digest, name_words, slug
from kg.spans import FoldedText, MentionSpans, fold, words_pattern
from kg.state_speakers import state_countries
from kg.text import fold as lexicon_fold
from kg.title_holders import TitleHolders, head_word
from kg.unknown_names import INNER_GAP_RE, WORD_RE, UnknownNames, place_end
from kg.unnamed_people import unnamed_key

#: What a body head (not a person's) makes: "مكتب" an Organization, "قوات" a Force.
_BODY_TYPES = frozenset({"Organization", "Force"})
LIKE = statement_words("like")[0]
#: "كان" opening a sentence whose subject stands before its verb (وكان المرصد قد أعلن).
_AUXILIARY_RE = re.compile(rf"{words_pattern('statement_words', 'auxiliary')}\s+")
#: Punctuation that keeps a lead-in from being a subject (من جانبه، قال).
PUNCTUATION_RE = re.compile(r"[\u060c,:;\"\u201c\u201d\u00ab\u00bb()]")
#: The conjunction, preposition and article a definite head may carry (والمصادر، بالهيئة، للهيئة).
_DEFINITE_RE = re.compile(rf"^[{CONJUNCTIONS}]?(?:[{BY}{LIKE}]?{ARTICLE}|{FOR}{FOR})(?=\w\w)")
#: After ل, an outlet's name in quotation marks or Latin letters (لـ"سكاي نيوز"، لـCNN): whom
#: the speaker spoke to, not the body it serves.
_ADDRESSEE_RE = re.compile(r"[\"\u201c\u00ab]|[A-Za-z]")
#: How far after a head its words are read to tell whether a definite title names a speaker.
_HEAD_REACH_CHARS = 60
#: Most words read after a head (مصادر دبلوماسية مصرية رفيعة المستوى).
MAX_WORDS = 5


@dataclass
class Phrase:
    """A speaker phrase as read: the speaker keys and its folded span."""

    keys: list[str]
    start: int
    end: int


class PhraseReader:
    """One article's speaker heads and the entities made from speaker phrases."""

    def __init__(
        self,
        article: Article,
        ft: FoldedText,
        mentions: MentionSpans,
        cues: CueLexicon,
        date_starts: set[int],
    ) -> None:
        self.article = article
        self.ft = ft
        self.text = ft.folded
        self.mentions = mentions
        self.heads = cues.speaker_heads  #: folded head words (no article) -> Person | Organization | ...
        #: prepositions that tie a speaker to the body it serves, "on behalf of" (باسم) first
        self.links = cues.speaker_links
        self.outlets = cues.outlet_heads
        self.generic = cues.generic_heads  #: heads that name no one alone: التقارير، وسائل الإعلام
        self.groups = cues.group_heads  #: heads told apart by any word after them: شهود عيان
        self.reporters = cues.reporter_heads
        self.titles = cues.titles
        self.lex = lexicon()
        self._digest = article_digest(article.text)
        #: (folded start, head word, entity key) of every speaker the article names by a head noun
        self.headed: list[tuple[int, str, str]] = headed_mentions(article, self.text, mentions, self.lex, self.outlets)
        self.made: list[tuple[int, str]] = []  #: (folded start, key) of the speaker phrases read
        self.plural: set[str] = set()  #: keys of the groups of people read (شهود عيان): a plural verb goes on with one
        self.names = UnknownNames(article, ft, mentions, date_starts)
        self.holders = TitleHolders(article, ft, self.names, cues)
        self.surnames: dict[str, str] = {}  #: last name (folded) -> key of a person named here

    def head_at(self, pos: int) -> tuple[str, int, bool] | None:
        """(kind, end, definite) of a speaker head written at ``pos`` (a two-word head like
        "وسائل إعلام" first). A definite head counts only for a body (السفارة الأمريكية): a
        definite person title refers back to someone named before."""
        words = list(WORD_RE.finditer(self.text, pos, min(len(self.text), pos + 40)))
        if not words or words[0].start() != pos:
            return None
        for count in (2, 1):
            if len(words) >= count:
                phrase = " ".join(w.group() for w in words[:count])
                definite = phrase.startswith(ARTICLE)
                phrase = strip_article(phrase) if definite else phrase
                kind = self.heads.get(phrase) or body_head(self.lex, phrase)
                qualified = nisba_after(self, words, count) or served_body(self, phrase, words[count - 1].end())
                qualified = qualified or phrase in self.groups and opens_content(self.text, words[count - 1].end())
                if kind and (not definite or kind in _BODY_TYPES or qualified):
                    return kind, words[count - 1].end(), definite
        return None

    def read_at(self, pos: int, limit: int, clitic: bool) -> Phrase | None:
        """The speaker phrase written at ``pos`` that no mention claims ("متحدث باسم الوزارة"؛
        with ``clitic``, after a preposition, also with its ل: "وفقاً لموقع الهيئة")."""
        for start in (pos, pos + 1) if clitic and self.text.startswith(FOR, pos) else (pos,):
            if any(t[2].type in ACTOR_TYPES for t in self.mentions.within(start, start + 1)):
                return None
            if phrase := self.read(start, limit):
                return Phrase(phrase.keys, pos, phrase.end)
        return None

    def read_before(self, sentence: int, cue_start: int) -> Phrase | None:
        """A speaker phrase opening the sentence right before its verb (مصادر دبلوماسية قالت)."""
        lead = self.text[sentence:cue_start]
        words = lead.split()
        if not words or PUNCTUATION_RE.search(lead):
            return None
        start = sentence + len(lead) - len(lead.lstrip())
        auxiliary = _AUXILIARY_RE.match(self.text, start) if len(words) > 1 else None  # وكان X قد قال
        start = auxiliary.end() if auxiliary else start + (words[0][:1] in CONJUNCTIONS and len(words[0]) > 3)
        if any(t[2].type in ACTOR_TYPES for t in self.mentions.within(start, start + 1)):
            return None  # a name the mentions stage found: the verb's subject read from mentions
        phrase = self.read(start, cue_start)
        return phrase if phrase and not self.text[phrase.end : cue_start].strip() else None

    def read(self, pos: int, limit: int) -> Phrase | None:
        """The speaker of the phrase opening at ``pos`` (its head at pos), or None when no head is
        there or a channel head names no body."""
        head = self.head_at(pos)
        if head is None:
            return None
        kind, end, definite_head = head
        group = strip_article(self.text[pos:end]) in self.groups  #: شهود، ناشطون: told apart by any word
        reporter = strip_article(self.text[pos:end]) in self.reporters  #: مراسل لوكالة X: X's reporter
        served = served_body(self, self.text[pos:end], end) if definite_head else None
        earlier = refer(self, self.text[pos:end], pos, loose=False) if definite_head and kind not in _BODY_TYPES else []
        person = self.article.entities[earlier[0]] if earlier else None  # "القنصل السعودي" met before
        person = person if same_holders(self, end, earlier) else None
        if person and (served is None or served in person.affiliation) and self.names.nisbas_agree(end, earlier):
            return Phrase(earlier, pos, self.names.nisba_end(end))
        if definite_head and (state := state_countries(self.names, self.holders.place_links, (pos, end), limit)):
            return Phrase(state[0], pos, state[1])  # "السلطات الأردنية": the country speaks
        source = kind == "source"  #: مصادر، مصدر: no name follows them, only their object may
        kind = "Person" if source else kind
        body = None
        country = None
        qualifiers = 0
        nisba = False
        definite_seen = definite_head
        adjective = False  #: the last word read was a definite nisba adjective (العراقي)
        if kind in ("Organization", "channel") and not definite_head and (quoted := self.names.quoted(end)):
            self._remember(pos, head_word(self.text[pos:end]), quoted[0])  # for "الصحيفة" later
            return Phrase([quoted[0]], pos, quoted[1])
        while qualifiers < MAX_WORDS:
            word = WORD_RE.search(self.text, end, limit)
            if not word or not INNER_GAP_RE.match(self.text[end : word.start()]):
                break
            folded = word.group()
            body = self.mention_at(word.start())
            if body and definite_head and kind in _BODY_TYPES and not (qualifiers or country_adjective(self, folded)):
                body = None  # "وانتقدت السفارة واشنطن": a definite head governs no genitive, its object
                break
            if body is not None and kind == "Person" and body[2].type == "Person" and not group:
                self.holders.give_role(pos, body)
                return Phrase([body[2].entity], pos, body[1])  # "وزير الخارجية الإيراني عباس عراقجي", not "عائلة X"
            body_at = None  #: where the body a link or clitic ties the speaker to is written
            if body is None and folded in self.links:  # باسم الوزارة، في السفارة
                after = WORD_RE.search(self.text, word.end(), limit)
                body_at = after.start() if after else None
                body = self.mention_at(body_at) if after else None
            elif body is None and folded[:1] in (BY, FOR) and not self.names.country_nisba(folded):
                # بوزارة الدفاع، لوزارة الخارجية; but بريطانية، ليبية are nisbas, not ب/ل and a noun
                body_at = word.start() + 1
                body = self.mention_at(body_at)
                outlet = nisba and body and kind == "Person" and body[2].type == "Organization"  # غربيون لرويترز
                if folded[:1] == FOR and not reporter and (spoken_to(self, folded, body_at) or outlet):
                    body = None  # "مصادر ميدانية لـ«سكاي نيوز»"، "القنصل السعودي لوكالة X": the outlet they spoke to
                    break
            genitive = body is None and body_at == word.start() + 1 and kind in _BODY_TYPES and qualifiers
            if genitive and (stop := genitive_end(self, word, limit)):  # "المرصد السوري لحقوق الإنسان"
                end, qualifiers = stop, qualifiers + 1
                continue
            if body_at is not None and body is None:
                # "مصدر في الشرطة"، "مسؤول رفيع بالإدارة": a body no rule knows; "مصادر في صنعاء": a place
                place = source and not qualifiers and place_end(self.names, body_at)
                if kind != "Person" or not (stop := self.names.unknown_body(body_at, limit) or place):
                    break
                end, definite_seen, qualifiers = stop, True, qualifiers + 1
                nisbas = (self.lex.nisba_country(lexicon_fold(w)) for w in self.text[body_at:stop].split())
                country = country or next((c for c in nisbas if c), None)  # سلاح الجو الإسرائيلي
                break
            if body_at is not None and folded in self.links[1:] and body[2].type == "Country":
                break  # "السفارة الأمريكية في الرياض": where it is, not whom it serves
            if body is not None:
                if kind in _BODY_TYPES and body[2].type == kind and (within := genitive_after(self, body[1], limit)):
                    end = within  # "مكتب الأمم المتحدة لتنسيق الشؤون": a body of the UN, not the UN
                    break
                if kind in _BODY_TYPES and not nisba and not definite_seen and body[2].type == kind:
                    if INNER_GAP_RE.match(self.text[end : body[0]]):  # حركة «حماس»، وكالة أنباء «رويترز»
                        bisect.insort(self.headed, (pos, head_word(self.text[pos:end]), body[2].entity))
                        return Phrase([body[2].entity], pos, body[1])
                named = group and body[2].type == "Person"  # "عائلة الصحفية X": whose family it is
                end = end if _object_name(self, folded, body_at, nisba or definite_seen) and not named else body[1]
                break
            following = WORD_RE.search(self.text, word.end(), limit)
            construct = bool(following) and following.group().startswith(ARTICLE)
            reading = qualifier(self.lex, folded, qualifiers, nisba, definite_seen, construct)
            if reading is None or reading == "definite" and adjective and not is_nisba(folded):
                break  # "أعلن التلفزيون العراقي القبض على": no genitive after an adjective
            adjective = reading == "definite" and is_nisba(folded)
            nisba = nisba or reading == "nisba"
            definite_seen = definite_seen or reading == "definite"
            country = country or self.lex.nisba_country(lexicon_fold(folded))
            qualifiers += 1
            end = word.end()
        affiliation = []
        if body is not None and (body[2].type != "Person" or kind in _BODY_TYPES):
            affiliation = [body[2].entity]
        elif country and self.names.known(country):
            affiliation = [country]
        # "أمين عام رابطة ... [name]"، "مدير الهيئة، [name]، قال"; no name follows a source or group
        titled = kind == "Person" and (body or nisba or definite_seen) and not (source or group)
        if titled and (held := self.holders.set_off(pos, end, limit, affiliation)):
            _remember_name(self, pos, held[0])
            return Phrase([held[0]], pos, held[1])
        # a body's definite chain ends where an indefinite word starts: "أعلنت قوات الدعم السريع
        # ترحيبها" has its object there, while a person's title may go on with a name
        if (
            not (source or group)
            and not self.names.ends_subject(end, limit)
            and not (kind in _BODY_TYPES and (definite_seen and body is None or _object_at(self, end, limit)))
        ):
            name_end = self.names.name_after(end, limit) if titled else None
            if name_end is not None:
                key = self.names.named(pos, end, name_end, affiliation)
                _remember_name(self, pos, key)
                return Phrase([key], pos, name_end)
            if not _whole_without_name(self, kind, body, end, limit):  # متحدث باسم الجهاز [object]
                return None
        if kind == "channel":
            return Phrase([body[2].entity], pos, end) if body else None
        # شهود عيان; "قال مصدران في وقت سابق، إن": a group's number tells it apart before a clause
        told = qualifiers and (definite_seen or group) or group and self.names.clause_soon(end, limit)
        told = told or source and _outlet_after(self, end, limit)  # "قال مصدر لوكالة X": X's source
        if body is None and not nisba and not told:
            # مصدر مطلع، التقارير، الجيش: no one told apart; الشرطة: the body the context gives
            if not definite_head or kind not in _BODY_TYPES or names_no_one(self, self.text[pos:end]):
                return None
            if earlier := refer(self, self.text[pos:end], pos, loose=False):
                return Phrase(earlier, pos, end)
        key = self.entity(kind, pos, end, affiliation)
        if group:
            self.plural.add(key)
        return Phrase([key], pos, end)

    def read_holder(self, pos: int, role: tuple[int, int, Mention], limit: int) -> Phrase | None:
        """The person holding a title read as an entity of its own, named as no list knows."""
        if held := self.holders.holder(pos, role, limit):
            _remember_name(self, held[1], held[0])
            return Phrase([held[0]], held[1], held[2])
        return None

    def known_word(self, word: str, pos: int) -> list[str]:
        """The entity one written word names, if it names one read here: a definite head referring
        back (الهيئة; not through a time adjective: الرئيس السابق)، a bracketed short name (أفريكوم)،
        the surname of a person whose name a title phrase gave (الكرملي)."""
        if key := self.names.aliases.get(word) or self.surnames.get(word):
            return [key]
        keys = refer(self, word, pos) if word.startswith(ARTICLE) else []
        return same_holders(self, self.text.find(word, pos) + len(word), keys)

    # ------------------------------------------------------------------------------------

    def mention_at(self, pos: int) -> tuple[int, int, Mention] | None:
        """The outermost actor mention starting at ``pos`` (or right after a quotation mark)."""
        while pos < len(self.text) and self.text[pos] in '"\u201c\u00ab':
            pos += 1
        found = [t for t in self.mentions.within(pos, pos + 1) if t[2].type in ACTOR_TYPES and t[2].source != "unnamed"]
        return max(found, key=lambda t: t[1]) if found else None

    def _remember(self, start: int, head: str, key: str) -> None:
        """Note a speaker phrase read at ``start``: its head refers back to it, as the latest made."""
        bisect.insort(self.headed, (start, head, key))
        bisect.insort(self.made, (start, key))

    def entity(self, kind: str, start: int, end: int, affiliation: list[str], label: str = "") -> str:
        """Mint (or find) the entity of a speaker phrase, named ``label`` or as written, and record its mention."""
        begin, stop = self.ft.original_span(start, end)
        written = self.article.text[begin:stop]
        label = label or written
        if kind == "Person":
            key = named_in_apposition(self, start, end) or unnamed_key(self.article.entities, label, self._digest)
        else:
            key = f"{kind.lower()}/{slug(name_words(label))}"
        entity = self.names.mint(Entity(key=key, type=kind, label_ar=label, role=label if kind == "Person" else None))
        entity.affiliation += [k for k in affiliation if k not in entity.affiliation and k != key]
        self.article.mentions.append(Mention(kind, written, begin, stop, entity=key, source="speaker"))
        self._remember(start, head_word(label), key)
        return key


def _remember_name(reader: PhraseReader, pos: int, key: str) -> None:
    """Note a person whose name no rule knew, read at ``pos``: its surname names it later."""
    bisect.insort(reader.made, (pos, key))
    reader.surnames.setdefault(fold(reader.article.entities[key].label_ar).split()[-1], key)


def refer(reader: PhraseReader, word: str, pos: int, loose: bool = True) -> list[str]:
    """The entity a definite head refers back to (الهيئة، المتحدث، المصادر): the latest
    before ``pos`` headed by the same noun, else the latest speaker phrase of its type read
    before (المسؤول)، or of any type for a source (المصادر after "وسائل إعلام رسمية"). A
    group of people (الشهود) refers back only to one under its own head, and is referred back
    to by no other."""
    stem = _DEFINITE_RE.sub("", word)
    if stem == word:
        return []
    entities = reader.article.entities  # the latest under its head, in its own case first (المسؤولين: مسؤولون)
    same = [(h == stem, s, k) for s, h, k in reader.headed if s < pos and plural_case(h) == plural_case(stem)]
    if same := [t for t in same if t[2] in entities and reader.names.nisbas_agree(pos + len(word), t[2:])]:
        return [max(same)[2]]
    if stem in reader.groups:
        return []  # "وحث السكان": a group of people is no one met before under another head
    titled = reader.holders.titled(stem, pos, reader.mentions)  # القنصل after "القنصل X", of its nisbas
    if titled or not loose:
        return [k for k in titled[-1:] if reader.names.nisbas_agree(pos + len(word), [k])]
    kind = reader.heads.get(stem)
    made = [key for start, key in reader.made if start < pos and key not in reader.plural]
    return [key for key in made if kind in ("source", entities[key].type)][-1:]


def body_head(lex: Lexicon, word: str) -> str | None:
    """The type of body a word heads (حركة، هيئة: Organization; قوات، جيش: Force), from
    ``head_nouns.jsonl``."""
    kind = lex.heads.get(lexicon_fold(word))
    return kind if kind in _BODY_TYPES else None


def names_no_one(reader: PhraseReader, head: str) -> bool:
    """Whether a definite head alone names no one: a generic head (التقارير، وسائل الإعلام) or
    the head of a state's force, named only with its owner (الجيش، القوات)."""
    head = strip_article(head)
    return head in reader.generic or lexicon_fold(head) in reader.lex.owned_heads


def _whole_without_name(
    reader: PhraseReader, kind: str, body: tuple[int, int, Mention] | None, end: int, limit: int
) -> bool:
    """Whether a person's phrase not followed by a name is whole: it names the body it serves
    and no person is named after it ("وأكد متحدث باسم الجهاز عدم وقوع إصابات"; but in "أكد نائب
    رئيس مجلس إدارة المطار، [name]، على" the name is the subject)."""
    if body is None or kind != "Person" or body[2].type == "Person":
        return False
    return not any(t[2].type == "Person" for t in reader.mentions.within(end, limit))


def spoken_to(reader: PhraseReader, word: str, at: int) -> bool:
    """Whether a folded word in ل (what follows the ل written at ``at``) names whom a speaker spoke
    to: a quoted or Latin name (لـ«سكاي نيوز»، لـCNN) or an outlet's head (لوكالة، لصحيفة)."""
    return bool(_ADDRESSEE_RE.match(reader.text, at)) or strip_article(word[1:]) in reader.outlets


def _outlet_after(reader: PhraseReader, end: int, limit: int) -> bool:
    """Whether the outlet a source spoke to follows its phrase: it tells the source apart, the
    one behind that outlet's report, though no word describes it (وقال مصدر لوكالة X)."""
    word = WORD_RE.search(reader.text, end, limit)
    return bool(word and INNER_GAP_RE.match(reader.text[end : word.start()])) and (
        word.group()[:1] == FOR and spoken_to(reader, word.group(), word.start() + 1)
    )


def _object_name(reader: PhraseReader, folded: str, body_at: int | None, qualified: bool) -> bool:
    """Whether a name right after a phrase that a nisba or a definite word already qualified,
    with no link or clitic before it, is the verb's object rather than the body the phrase is in
    construct with ("وسائل إعلام إيرانية إسرائيل"، "وتطالب الرابطة شركة X بـ"); a country's nisba
    that is also a name (سورية) goes on with the phrase."""
    return body_at is None and qualified and not reader.names.country_nisba(folded)


def _object_at(reader: PhraseReader, end: int, limit: int) -> bool:
    """Whether a name of a country or body follows a body's phrase that ended before it: the
    verb's object ("اتهمت وسائل إعلام إيرانية إسرائيل بـ"), not more of the phrase."""
    word = WORD_RE.search(reader.text, end, limit)
    found = reader.mentions.within(word.start(), word.start() + 1) if word else []
    return any(t[0] == word.start() and t[2].type in ACTOR_TYPES - {"Person"} for t in found if word)


def nisba_after(reader: PhraseReader, words: list[re.Match[str]], count: int) -> bool:
    """Whether a country's nisba follows the head's first ``count`` words (القنصل السعودي): a
    definite title so qualified is a speaker of its own when no one it names was met."""
    head = strip_article(" ".join(w.group() for w in words[:count]))
    return head in reader.titles and len(words) > count and reader.names.country_nisba(words[count].group())


def served_body(reader: PhraseReader, head: str, end: int) -> str | None:
    """The known body a definite title is tied to right after it, or after one definite
    adjective, by باسم or ل (المتحدث الإعلامي لوزارة الداخلية، الناطق الرسمي باسم الجيش): a
    title so qualified is a speaker of its own unless someone serving that body was met."""
    if strip_article(head) not in reader.titles:
        return None
    words = list(WORD_RE.finditer(reader.text, end, min(len(reader.text), end + _HEAD_REACH_CHARS)))[:3]
    for index, match in enumerate(words[:2]):
        word = match.group()
        if word == reader.links[0] and index + 1 < len(words):
            body = reader.mention_at(words[index + 1].start())
        elif word[:1] == FOR and not reader.names.country_nisba(word):
            if spoken_to(reader, word, match.start() + 1):
                return None  # "المتحدث العسكري لقناة X": the outlet he spoke to
            body = reader.mention_at(match.start() + 1)
        elif index == 0 and word.startswith(ARTICLE) and is_nisba(word):
            continue  # الإعلامي، الرسمي
        else:
            return None
        return body[2].entity if body is not None and body[2].type != "Person" else None
    return None
