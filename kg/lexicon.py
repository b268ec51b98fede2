"""The words the mentions stage works on: the article's tokens and the lexicon.

``tokenize`` splits a text into words, each folded (``kg.fold``) with its clitic readings
(وبغداد: وبغداد، بغداد), offsets into the text as written. ``lexicon()`` folds once per process
every word list of ``kg/data`` that the stages and the name tagger match against: the gazetteer's
names, nisbas, titles, head nouns, stopwords, reporting, agreement and holding verbs, speaker nouns and
given names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from kg import resources, spans
from kg.cues import expand_forms
from kg.matcher import verb_forms
from kg.text import ARTICLE_LOOKALIKES, fold, strip_article, strip_clitics

#: A pronoun suffix on a noun (زيارته، لقائهما), longest first.
_PRONOUN_RE = re.compile(
    "(?:" + "|".join(sorted(resources.words("affixes", "noun_pronoun", fold), key=len, reverse=True)) + ")$"
)
#: A letter of Latin script (a name written so: CNN، IBM).
LATIN_RE = re.compile(r"[A-Za-z]")
#: What a nisba stem (امريكي) may end with, folded, longest first: "يتين" ... "يه"، "" (امريكي).
#: Heads of a state's forces, named only with their owner (قوات، جيش، الشرطة: head_nouns "owner").
OWNED_HEADS = frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("owner"))
_NISBA_ENDINGS = sorted({*resources.words("nisba_endings", fold=fold), ""}, key=len, reverse=True)
WORD_RE = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")
#: A letter written twice in a row (كيللي، فيلليب): transliterations double or not, keys do not.
_DOUBLED_RE = re.compile(r"(\w)\1+")
#: Shortest word that loses its inner long vowels in a person's key (سعيد and سعود keep theirs).
_MIN_LOOSE_LETTERS = 5
#: Types whose names keep or lack their article as written (مالي the state, المالي financial).
_PLACE_TYPES = ("Country", "Place")


@dataclass(slots=True)
class Token:
    """One word of the text, folded, with its clitic readings."""

    start: int
    end: int
    folded: str
    #: (raw clitic length, folded stem), bare reading first; shared by the tokens of one written form
    readings: tuple[tuple[int, str], ...]

    def stem(self) -> str:
        """The stem after the longest clitic reading."""
        return self.readings[-1][1]


def tokenize(text: str) -> list[Token]:
    """Split text into words with their folded forms and clitic readings (offsets into ``text``)."""
    tokens = []
    for m in WORD_RE.finditer(text):
        folded, readings = _word_forms(m.group())
        if folded:
            tokens.append(Token(m.start(), m.end(), folded, readings))
    return tokens


@lru_cache(maxsize=1 << 16)
def _word_forms(raw: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    # words recur through an article and a batch (و، في، أن): fold each written form once
    folded = fold(raw)
    if not folded:
        return folded, ()
    if len(spans.strip_marks(raw)) == len(raw):  # no marks (most words): a letter is a character
        return folded, tuple((min(n, len(raw)), stem) for n, stem in strip_clitics(folded))
    return folded, tuple((_raw_offset(raw, n), stem) for n, stem in strip_clitics(folded))


def _raw_offset(raw: str, letters: int) -> int:
    """Index in ``raw`` after its first ``letters`` letters (diacritics and tatweel skipped)."""
    seen = 0
    for index, ch in enumerate(raw):
        if seen == letters:
            return index
        if spans.strip_marks(ch):  # the marks fold drops
            seen += 1
    return len(raw)


def definite(word: str) -> bool:
    """Whether a folded word carries the article ال."""
    # asked of nearly every token by many rules
    return word.startswith(_ARTICLE) and len(word) > 3 and word not in ARTICLE_LOOKALIKES


@cache
def affix(label: str) -> str:
    """The one affix of ``kg/data/affixes.jsonl`` under ``label``, folded."""
    return single_word("affixes", label)


@cache
def _name_spellings() -> tuple[dict[str, str], frozenset[str]]:
    records = resources.load("name_spellings")
    same = {fold(r["pattern"]): fold(r["id"]) for r in records if r["label"] == "same"}
    return same, word_set("name_spellings", "joined")


@cache
def _foreign_letters() -> dict[int, str]:
    """A ``str.translate`` table writing each letter of a foreign sound one way (غ = ج)."""
    records = resources.load("name_spellings")
    return str.maketrans({r["pattern"]: r["id"] for r in records if r["label"] == "foreign_letter"})


def name_key(words: Iterable[str], loose_vowels: bool = False) -> tuple[str, ...]:
    """Folded name words written one way whatever their spelling, for keys and comparisons.

    Each word loses its article; the variants of ``kg/data/name_spellings.jsonl`` are written
    one way (ابن = بن); a particle written apart from the word after it is joined to it
    (عبد الله = عبدالله، أبو ظبي = أبوظبي); a letter written twice in a row is written once
    (كيللي = كيلي). Hamza seats, ى/ي and ة/ه are already one way in folded words.

    With ``loose_vowels`` (people's names), a word of five letters or more that is not a known
    given name also loses the long vowels ا و ي inside it, which transliterations of foreign
    names write or not (تيلرسون = تليرسون، زاخاروفا = زخاروفا), and writes the letters of one
    foreign sound one way (غاريد = جاريد); given names keep them (سليمان is not سلمان).
    """
    return _name_keys(tuple(words))[loose_vowels]


@lru_cache(maxsize=65536)
def _name_keys(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``name_key`` of ``words``, and with loose vowels: made together (a lookup that misses
    asks for both, and they share their first steps)."""
    same, joined = _name_spellings()
    out: list[str] = []
    for word in words:
        word = same.get(word, word)
        if out and out[-1] in joined:
            out[-1] += word
        else:
            out.append(strip_article(word))
    single = [_DOUBLED_RE.sub(_one_letter, word) for word in out]
    given, vowels = _loose_vowels()
    foreign = _foreign_letters()
    loose = tuple(
        w
        if len(w) < _MIN_LOOSE_LETTERS or w in given or raw in given
        else (w[0] + vowels.sub("", w[1:-1]) + w[-1]).translate(foreign)
        for raw, w in zip(out, single, strict=True)
    )
    return tuple(single), loose


def _one_letter(run: re.Match[str]) -> str:
    """A letter written twice in a row, once (a function: ``re.sub`` parses a template such as
    ``\\1`` again on every call, and this runs for every new word)."""
    return run.group(1)


@cache
def _loose_vowels() -> tuple[frozenset[str], re.Pattern[str]]:
    """The given names that keep their long vowels, and a pattern of those vowels."""
    vowels = "".join(resources.words("affixes", "long_vowel", fold))
    return word_set("given_names"), re.compile(f"[{vowels}]")


def word_set(name: str, label: str | None = None) -> frozenset[str]:
    """The words of a word-list resource of ``kg/data`` (those with ``label``), folded."""
    return frozenset(resources.words(name, label, fold))


def flagged_words(name: str, flag: str) -> frozenset[str]:
    """The words of a word-list resource whose records set ``flag`` (one list read by two rules:
    ``peoples.jsonl``'s group and troops), folded."""
    return frozenset(fold(r["pattern"]) for r in resources.load(name) if r.get(flag))


def word_ids(name: str, label: str) -> dict[str, str]:
    """The words of a word-list resource with ``label``, each to its record's ``id``, both folded
    (a spelling to the one form its variants share: مليشيات -> ميليشيا)."""
    return {fold(r["pattern"]): fold(r["id"]) for r in resources.load(name) if r["label"] == label}


def single_word(name: str, label: str) -> str:
    """The one word a resource has under ``label``, folded (a function word: بين، على)."""
    (only,) = resources.words(name, label, fold)
    return only


def sense(name: str, value: str) -> str:
    """The one word of a resource whose record has ``"sense": value`` (the visit noun زيارة), folded."""
    (only,) = {fold(r["pattern"]) for r in resources.load(name) if r.get("sense") == value}
    return only


@dataclass(frozen=True)
class Lexicon:
    """Every word list the stages match against, folded once."""

    gazetteer: dict[str, resources.GazetteerEntry]  #: key -> entry
    aliases: dict[str, list[tuple[tuple[str, ...], str]]]  #: first word -> [(words, key)], longest first
    names: dict[tuple[str, ...], str]  #: folded alias words -> key
    #: the same, each word without its article -> (key, which words the name writes with it)
    bare_names: dict[tuple[str, ...], tuple[str, tuple[bool, ...]]]
    #: names of people and bodies by ``name_key`` (عبدالفتاح السيسي = عبد الفتاح السيسي), and
    #: of people by their loose-vowel ``name_key`` too (مسعود برزاني = مسعود بارزاني) -> key
    keyed_names: dict[tuple[str, ...], str]
    nisbas: dict[str, str]  #: folded nisba stem ("امريكي") -> country key
    titles: dict[str, str]  #: folded title word -> label (title/rank/honorific/unnamed)
    heads: dict[str, str]  #: folded head noun (no article) -> type
    #: the same by type: the one-word heads of each type (قوات، وحدات for Force)
    single_heads: dict[str, frozenset[str]]
    owned_heads: frozenset[str]  #: heads of state forces, named only with their owner (القوات الأمريكية)
    committed_heads: frozenset[str]  #: agreement heads that need an agreement verb before them (شراكة)
    qualified_heads: frozenset[str]  #: heads of government bodies that take the country of their context
    stopwords: frozenset[str]
    #: stopwords written only with a final alef maksura (على، إلى، لدى): a word spelt with a final
    #: yeh folds to them but may be a name (علي)
    maksura_stopwords: frozenset[str]
    agreement_verbs: frozenset[str]  #: verbs that bind their subject to the agreement after them
    holding_verbs: frozenset[str]  #: verbs whose subject holds the talks after them (عقد، أجرى)
    reporting_verbs: frozenset[str]  #: singular forms of the reporting verbs (قال، قالت، يقول)
    speaker_nouns: frozenset[str]  #: nouns that report without naming anyone (بيان، مصادر), no article
    given_names: frozenset[str]  #: personal given names (محمد، سامح، جورج), folded
    #: finite forms of the verbs whose subject is named right before them (reporting, holding,
    #: agreement, relation and ``subject_verbs``), given names left out: a name ends before them
    finite_verbs: frozenset[str]

    def nisba_country(self, word: str) -> str | None:
        """The country key of a folded nisba adjective in any inflection (الأمريكية، عراقياً، الأميركيتين)."""
        if (key := self.nisbas.get(word)) is not None:
            return key  # a broken plural listed with its article (الروس): no bare family name (روس)
        return self._nisba_forms.get(strip_article(word))

    @cached_property
    def _nisba_forms(self) -> dict[str, str]:
        """Every inflection of a nisba stem without the article (a stem and an ending of
        ``_NISBA_ENDINGS``) -> its country key; where two readings give one form, the longer
        ending's (a word is read with its longest ending first)."""
        forms = {}
        for ending in reversed(_NISBA_ENDINGS):
            forms.update((stem + ending, key) for stem, key in self.nisbas.items() if key)
        return forms

    def unpossessed(self, word: str) -> str | None:
        """The head noun a folded word is with a pronoun suffix, else None: زيارته -> زياره،
        اجتماعه -> اجتماع، لقائه -> لقاء (the hamza takes the seat ئ before the suffix)."""
        suffix = _PRONOUN_RE.search(word)
        if suffix is None:
            return None
        rest = word[: suffix.start()]
        feminine = rest[:-1] + affix("feminine") if rest.endswith(affix("open_feminine")) else ""
        hamza = rest[:-1] + affix("hamza") if rest.endswith(affix("hamza_seat")) else ""
        return next((base for base in (rest, feminine, hamza) if base in self.heads), None)

    @cached_property
    def _keyed_word_ends(self) -> frozenset[tuple[str, str]]:
        """The first and last letters of the one-word ``keyed_names`` (a few dozen)."""
        return frozenset((key[0][:1], key[0][-1:]) for key in self.keyed_names if len(key) == 1)

    def _may_be_keyed(self, word: str) -> bool:
        """Whether a word's ``name_key`` may be a one-word key of ``keyed_names``: both its keys
        keep the first and last letters of the word written one way without its article (this
        is asked of every new word, and most have no such key: the keys are not made for them)."""
        same, _joined = _name_spellings()
        written = strip_article(same.get(word, word))
        return not written or (written[0], written[-1]) in self._keyed_word_ends

    def lookup(self, words: list[str]) -> str | None:
        """The gazetteer key of a folded phrase, else of the same words without their articles.

        A word written with the article matches only a name word that has one too: المالي
        (financial) and البنين (the sons) are not the states مالي and بنين. A place's name word
        written without its article is no match either.
        """
        key = self.names.get(tuple(words))
        if key is not None:
            return key
        bare_words = [strip_article(w) for w in words]
        key, articled = self.bare_names.get(tuple(bare_words), (None, ()))
        if key is None:
            # a person's or a body's name in another spelling (عبدالله، ابن): places keep their own
            if len(words) == 1 and not self._may_be_keyed(words[0]):
                return None
            plain, loose = _name_keys(tuple(words))
            return self.keyed_names.get(plain) or self.keyed_names.get(loose)
        # a place's name keeps or lacks its article as written (سلفادور is a man, السلفادور the
        # state); a person's surname is written either way (ثابت عباسي، ثابت العباسي)
        either = self.gazetteer[key].type not in _PLACE_TYPES
        pairs = zip(words, bare_words, articled, strict=True)
        return None if any(w != b and not a or w == b and a and not either for w, b, a in pairs) else key


@cache
def lexicon() -> Lexicon:
    """The lexicon, built once per process from ``kg/data``."""
    entries = resources.load_gazetteer() if resources.GAZETTEER_FILE.exists() else ()
    gazetteer = {e.key: e for e in entries}
    names: dict[tuple[str, ...], str] = {}
    for entry in entries:
        for alias in (entry.label_ar, *entry.aliases):
            words = tuple(fold(w) for w in WORD_RE.findall(alias))
            if words:
                names.setdefault(words, entry.key)
    aliases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, key in names.items():
        aliases.setdefault(words[0], []).append((words, key))
    for options in aliases.values():
        options.sort(key=lambda option: -len(option[0]))
    country_by_name = {
        fold(alias): e.key for e in entries if e.type == "Country" for alias in (e.label_ar, *e.aliases)
    }
    nisbas = {}
    for record in resources.load("nisba"):
        key = country_by_name.get(fold(record["id"]))
        if key:
            nisbas[fold(record["pattern"])] = key
    heads = {fold(r["pattern"]): r["label"] for r in resources.load("head_nouns")}
    given_names = frozenset(fold(r["pattern"]) for r in resources.load("given_names"))
    return Lexicon(
        gazetteer=gazetteer,
        aliases=aliases,
        names=names,
        bare_names={
            tuple(strip_article(w) for w in words): (key, tuple(strip_article(w) != w for w in words))
            for words, key in reversed(names.items())
        },
        keyed_names={
            name_key(words, loose_vowels=loose): key
            for loose in (True, False)  # a person's exact spelling wins over a loose one
            for words, key in reversed(names.items())
            if gazetteer[key].type not in _PLACE_TYPES and (gazetteer[key].type == "Person" or not loose)
        },
        nisbas=nisbas,
        # a title only before a state's name (أمير قطر) is a given name elsewhere: People reads it
        titles={fold(r["pattern"]): r["label"] for r in resources.load("titles") if not r.get("of_country")},
        heads=heads,
        single_heads={
            kind: frozenset(w for w, of in heads.items() if of == kind and " " not in w) for kind in set(heads.values())
        },
        owned_heads=OWNED_HEADS,
        committed_heads=frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("committed")),
        qualified_heads=frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("qualify")),
        stopwords=frozenset(fold(r["pattern"]) for r in resources.load("stopwords")),
        maksura_stopwords=_maksura_only(r["pattern"] for r in resources.load("stopwords")),
        agreement_verbs=frozenset(verb_forms("agreement_verbs")),
        holding_verbs=frozenset(verb_forms("holding_verbs")),
        reporting_verbs=frozenset(
            fold(form)
            for record in resources.load("reporting_verbs")
            if record["label"] == "verb"
            for form, cue in expand_forms(record).items()
            if cue.kind == "verb" and cue.number in ("m", "f") and not (cue.adjacent or cue.opening)
        ),
        speaker_nouns=frozenset(
            strip_article(fold(w)) for r in resources.load("speaker_nouns") for w in r["pattern"].split()
        ),
        given_names=given_names,
        finite_verbs=frozenset(
            form
            for name in ("reporting_verbs", "holding_verbs", "agreement_verbs", "relation_verbs", "subject_verbs")
            for form, record in verb_forms(name, "verb" if name == "reporting_verbs" else None).items()
            if not record.get("opening")  # a verb only where it opens a clause (طالب), else a noun or name
        )
        - given_names,
    )


#: Alef maksura and yeh, one letter in folded words (``fold``).
_ALEF_MAKSURA, _YEH = "\u0649", "\u064a"


def _maksura_only(words: Iterable[str]) -> frozenset[str]:
    """The folds of the words spelt with a final alef maksura that no word spelt with a final
    yeh shares (على but not علي written as a word of the list)."""
    words = list(words)
    yeh = {fold(w) for w in words if w.endswith(_YEH)}
    return frozenset(fold(w) for w in words if w.endswith(_ALEF_MAKSURA)) - yeh


def spelt_with_yeh(raw: str) -> bool:
    """Whether a written word ends with yeh (علي) rather than alef maksura (على)."""
    return raw.endswith(_YEH)


#: The article ال, folded (``definite``).
_ARTICLE = affix("article")
