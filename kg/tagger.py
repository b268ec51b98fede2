"""A statistical name tagger: PERS/LOC/ORG spans for names no rule or gazetteer entry knows.

The rules of ``kg.mentions`` find people through their titles and bodies through their head
nouns; a name written bare ("أعلن بوتين"، "شركة ديمورا") needs a model of what names look like.
This is a linear-chain CRF (python-crfsuite) over word features: the folded word and its stem
after proclitics, affixes, the neighbouring words and the gaps between them, and what the
lexicon says of each word (title, head noun, stopword, nisba, gazetteer type).

The model is a data file (``kg/data/names.crfsuite``), trained with ``kg train-tagger`` on
BIO-tagged text in CoNLL form (one ``token TAG`` per line). The shipped model was trained on
ANERcorp's train split (Benajiba, Rosso & Benedi 2007; CC BY-SA 4.0 in the CAMeL Lab release),
so the model file is under CC BY-SA 4.0 too. The tagger is optional: without python-crfsuite or
without the model file, ``name_tagger()`` is None and the rules work alone.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.errors import InputError
from kg.lexicon import LATIN_RE, Lexicon, Token, lexicon, tokenize
from kg.text import strip_article, strip_clitics

MODEL_FILE = Path(__file__).parent / "data" / "names.crfsuite"
#: The classes the tagger knows, and the mention type each becomes.
TYPE_OF_CLASS = {"PERS": "Person", "ORG": "Organization", "LOC": "Place"}
#: A gap between words that ends a sentence: the tagger sees one sentence at a time.
_SENTENCE_GAP_RE = re.compile(r"[.!?\u061f\n]")
#: Tokens of CoNLL text written against the word before them.
_CLOSING = frozenset(".,\u060c\u061b:!\u061f?)\u00bb%")
#: Neighbours each side whose features a token's row holds (``Featurizer.__call__`` writes out two).
_CONTEXT = 2
#: Most tokens the model tags in one sequence (its features hold ~40 strings per token).
_MAX_SEQUENCE = 200
#: Most distinct words whose features a Featurizer keeps.
_CACHED_WORDS = 50_000
#: The label of a token in no name, as crfsuite reads it (given a str, it encodes it on every call).
_OUTSIDE = b"O"
#: The probability of "no name" above which the model overrules a name the rules proposed.
SURE_OUTSIDE = 0.95
#: The probability of "no name" under which a name the model alone finds enters the graph: a
#: graph is better without a doubtful name (on ANERcorp's test split, 0.4 trades 0.01 of F1
#: for 0.01 of precision against taking every name the model decodes).
SURE_NAME = 0.4


def join_tokens(tokens: Iterable[str]) -> tuple[str, list[tuple[int, int]]]:
    """Corpus tokens as running text (punctuation against the word before), with each token's span."""
    text, spans = "", []
    for token in tokens:
        if text and token not in _CLOSING:
            text += " "
        spans.append((len(text), len(text) + len(token)))
        text += token
    return text, spans


def read_conll(path: Path) -> Iterator[list[tuple[str, str]]]:
    """The sentences of a CoNLL file (``token TAG`` lines; a ``.`` token or a blank line ends one).

    Raises:
        InputError: a line has no tag, or a tag is not O, B-X or I-X.
    """
    sentence: list[tuple[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        token, _, tag = line.strip().rpartition(" ")
        if not token and tag == "O":
            continue  # a token that was only white space
        if not token or not (tag == "O" or tag[:2] in ("B-", "I-")):
            raise InputError(f"{path}:{number}: expected 'token TAG' with TAG O, B-X or I-X, got {line!r}.")
        sentence.append((token, tag))
        if token == ".":
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def word_features(folded: str, lex: Lexicon, readings: Sequence[tuple[int, str]] | None = None) -> tuple[str, ...]:
    """What one folded word looks like, for itself and as a neighbour (``readings``: its
    ``strip_clitics``, when the caller has them)."""
    readings = readings or strip_clitics(folded)
    stem = readings[-1][1]
    bare = strip_article(stem)
    found = [f"w={folded}", f"s={bare}"]
    if bare in lex.titles or stem in lex.titles:
        found.append(f"title={lex.titles.get(bare) or lex.titles[stem]}")
    if bare in lex.heads:
        found.append(f"head={lex.heads[bare]}")
    if any(s in lex.stopwords for _, s in readings):
        found.append("stop")
    if lex.nisba_country(stem):
        found.append("nisba")
    if folded in lex.given_names:
        found.append("given")
    key = lex.lookup([stem])
    if key is not None:
        found.append(f"gaz={lex.gazetteer[key].type}")
    return tuple(found)


def shape_features(folded: str, readings: Sequence[tuple[int, str]] | None = None) -> tuple[str, ...]:
    """What one folded word looks like, for itself only: affixes, length, article, clitics."""
    whole = (readings or strip_clitics(folded))[-1][1]
    stem = strip_article(whole)
    found = [
        "bias",
        # the first and last one to four letters, written out: this runs for every new word
        f"p1={stem[:1]}", f"p2={stem[:2]}", f"p3={stem[:3]}", f"p4={stem[:4]}",
        f"x1={stem[-1:]}", f"x2={stem[-2:]}", f"x3={stem[-3:]}", f"x4={stem[-4:]}",
        f"len={min(len(stem), 8)}",
        f"def={folded.startswith('ال') or stem != strip_article(folded)}",
        f"clitic={folded[: len(folded) - len(whole)]}",
    ]
    if folded.isdigit():
        found.append("digit")
    if LATIN_RE.search(folded):
        found.append("latin")
    return tuple(found)


#: The neighbour offsets a token's row holds features of, in the order they are written.
_OFFSETS = tuple(offset for offset in range(-_CONTEXT, _CONTEXT + 1) if offset)
#: The feature of a token's two neighbours' words together: the prefix of "-1:w|+1:w=before|after".
_PAIR = "-1:w|+1:w="


class _Word:
    """The cached features of one folded word: its own, and as the neighbour of a token at each
    offset (``back2``: the word two before the token ... ``next2``: two after)."""

    __slots__ = ("own", "back2", "back1", "next1", "next2")

    def __init__(self, own: tuple[bytes, ...], around: Sequence[tuple[bytes, ...]]) -> None:
        self.own = own
        self.back2, self.back1, self.next1, self.next2 = around


#: A word with none of its features known to the model as a neighbour's (three words in four).
_NOT_AROUND = ((),) * len(_OFFSETS)
#: No word: the neighbour of the first and last tokens of a sentence, which gives no feature.
_EDGE = _Word((), _NOT_AROUND)


class Featurizer:
    """Feature strings of the tokens of a sentence; each word's features computed once (words recur).

    The features are handed over UTF-8 encoded, as crfsuite keeps them: given ``str``, the
    tagger encodes each of them again for every sentence, a quarter of its time.

    Args:
        lex: the lexicon the word features read.
        known: the features a trained model has weights for. The others are left out: the model
            would skip them anyway, after passing each one to crfsuite, which cost about 40% of
            tagging. None keeps every feature (for training).
    """

    def __init__(self, lex: Lexicon, known: frozenset[str] | None = None) -> None:
        self.lex = lex
        self._words: dict[str, _Word] = {}
        self._gaps: dict[str, tuple[str, ...]] = {}  #: a gap feature -> itself if kept, else nothing
        #: the text between two words as written -> the kept features of the gap after the first
        #: word and before the second (the same few gaps recur: a space, a comma and a space ...)
        self._between: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        #: the kept features, encoded once: a new word's features are looked up, not encoded
        self._encoded: dict[str, bytes] | None = None if known is None else {f: f.encode() for f in known}
        #: a word's feature as a neighbour's (without its "offset:") -> per neighbour offset, the
        #: kept feature encoded with its offset, or None (most of a word's features are unknown
        #: as a neighbour's: they are not written out to be dropped)
        self._around: dict[str, tuple[bytes | None, ...]] | None = None
        if known is not None:
            self._around = {}
            for offset_index, offset in enumerate(_OFFSETS):
                prefix = f"{offset}:"
                for f in known:
                    if f.startswith(prefix):
                        slots = self._around.setdefault(f[len(prefix) :], [None] * len(_OFFSETS))
                        slots[offset_index] = f.encode()
            self._around = {f: tuple(slots) for f, slots in self._around.items()}
        #: the kept features of a token's two neighbours' words together, by the word before and
        #: the word after (most pairs are unknown: they are not written out to be dropped)
        self._pairs: dict[str, dict[str, bytes]] | None = None
        if known is not None:
            self._pairs = {}
            for f in known:
                if f.startswith(_PAIR):
                    before, _, after = f[len(_PAIR) :].partition("|")
                    self._pairs.setdefault(before, {})[after] = f.encode()

    def _kept(self, features: Iterable[str]) -> tuple[bytes, ...]:
        encoded = self._encoded
        if encoded is None:
            return tuple([f.encode() for f in features])
        return tuple(filter(None, map(encoded.get, features)))

    def _word(self, folded: str, readings: Sequence[tuple[int, str]]) -> _Word:
        """The features of a word, made on its first sight (``readings``: its token's clitic
        readings, whose stems are ``strip_clitics(folded)``'s)."""
        found = self._words.get(folded)
        if found is None:
            if len(self._words) >= _CACHED_WORDS:
                self._words.clear()  # bounded memory over an archive's vocabulary
            shared = word_features(folded, self.lex, readings)
            neighbour = (*shared[1:], shared[0])  # as a neighbour, the word itself comes last
            if self._around is None:
                around = tuple(tuple([f"{offset}:{f}".encode() for f in neighbour]) for offset in _OFFSETS)
            elif known := list(filter(None, map(self._around.get, neighbour))):
                around = tuple(tuple(filter(None, column)) for column in zip(*known, strict=True))
            else:
                around = _NOT_AROUND
            found = self._words[folded] = _Word(self._kept(shape_features(folded, readings) + shared), around)
        return found

    def _gap(self, feature: str) -> tuple[bytes, ...]:
        """A gap or sentence-edge feature, kept or not (gaps are few: a space, a comma ...)."""
        found = self._gaps.get(feature)
        if found is None:
            if len(self._gaps) >= _CACHED_WORDS:
                self._gaps.clear()
            found = self._gaps[feature] = self._kept([feature])
        return found

    def _gaps_between(self, between: str) -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
        """The kept features of the gap ``between`` two words: (after the first, before the second)."""
        found = self._between.get(between)
        if found is None:
            if len(self._between) >= _CACHED_WORDS:
                self._between.clear()
            gap = between.strip() or "_"
            found = self._between[between] = (self._gap(f"gap+={gap}"), self._gap(f"gap-={gap}"))
        return found

    def __call__(self, text: str, tokens: list[Token]) -> list[list[bytes]]:
        """Feature strings (encoded) of every token of one sentence (``tokens`` index ``text``)."""
        return self.rows(tokens, gaps_between(text, tokens))

    def rows(self, tokens: list[Token], gaps: list[str]) -> list[list[bytes]]:
        """Feature strings (encoded) of every token of one sentence, given the text between each
        two of them (``gaps_between``): the word's own, its neighbours' (in ``_OFFSETS`` order),
        the gaps before and after it, and its two neighbours' words together. Each row is written
        in one list display from the cached entries of its word, its neighbours (an empty
        ``_EDGE`` past either end) and its gaps."""
        if not tokens:
            return []
        known, between = self._words.get, self._between.get
        words = [known(t.folded) or self._word(t.folded, t.readings) for t in tokens]
        gap_pairs = [between(gap) or self._gaps_between(gap) for gap in gaps]
        befores = [self._gap("first"), *[before for _after, before in gap_pairs]]
        afters = [*[after for after, _before in gap_pairs], self._gap("last")]
        padded = [_EDGE, _EDGE, *words, _EDGE, _EDGE]  # padded[i + 2] is words[i]
        rows = [
            [*word.own, *back2.back2, *back1.back1, *next1.next1, *next2.next2, *before, *after]
            for word, back2, back1, next1, next2, before, after in zip(
                words, padded, padded[1:], padded[3:], padded[4:], befores, afters, strict=False
            )
        ]
        folded = [t.folded for t in tokens]
        pairs = self._pairs
        for i, (before, after) in enumerate(zip(folded, folded[2:], strict=False), 1):
            if pairs is None:
                rows[i].append(f"{_PAIR}{before}|{after}".encode())
            elif (after_word := pairs.get(before)) and (pair := after_word.get(after)):
                rows[i].append(pair)
        return rows


def gaps_between(text: str, tokens: list[Token]) -> list[str]:
    """The text between each two neighbouring ``tokens`` (one fewer than the tokens)."""
    return [text[a.end : b.start] for a, b in zip(tokens, tokens[1:], strict=False)]


def sentences(gaps: list[str]) -> Iterator[range]:
    """Index ranges of the tokens around ``gaps`` (``gaps_between``) making up one sentence each,
    at most ``_MAX_SEQUENCE`` long (a text with no full stop is tagged in pieces, so memory
    stays bounded). No tokens and one token both have no gap: both make one range."""
    first = 0
    for i, gap in enumerate(gaps, 1):
        # most gaps are one space: no search for them
        if i - first >= _MAX_SEQUENCE or gap != " " and _SENTENCE_GAP_RE.search(gap):
            yield range(first, i)
            first = i
    yield range(first, len(gaps) + 1)


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, class) of each entity in a BIO sequence; a stray I- opens one."""
    found, first, kind = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        continues = tag.startswith("I-") and tag[2:] == kind
        if first is not None and not continues:
            found.append((first, i - 1, kind))
            first = kind = None
        if tag != "O" and not continues:
            first, kind = i, tag[2:]
    return found


class NameTagger:
    """A trained model over the lexicon's word lists."""

    def __init__(self, model: Path, lex: Lexicon) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self.featurize = Featurizer(lex, known=frozenset(name for name, _label in self._tagger.info().state_features))

    def __call__(self, text: str, tokens: list[Token]) -> Tagged:
        """The names the model finds in ``tokens``, and how sure it is that each token is none."""
        if not tokens:
            return Tagged([], [])
        found, outside = [], []
        gaps = gaps_between(text, tokens)
        tag, marginal = self._tagger.tag, self._tagger.marginal
        for sentence in sentences(gaps):
            first, stop = sentence.start, sentence.stop
            tags = tag(self.featurize.rows(tokens[first:stop], gaps[first : stop - 1]))
            found += [(first + a, first + b, k) for a, b, k in spans_of(tags) if k in TYPE_OF_CLASS]
            outside += [marginal(_OUTSIDE, i) for i in range(stop - first)]
        return Tagged(found, outside)


@dataclass
class Tagged:
    """What the tagger saw in one text."""

    names: list[tuple[int, int, str]]  #: (first token, last token, class) of each name
    outside: list[float]  #: per token, the probability that it is part of no name

    def sure_name(self, first: int, last: int) -> bool:
        """Whether the model is sure enough of a name in tokens first..last to add it on its own."""
        return all(p <= SURE_NAME for p in self.outside[first : last + 1])

    def rules_out_name(self, first: int, last: int) -> bool:
        """Whether the model is sure no name lies in tokens first..last (a verb or common noun)."""
        return all(p >= SURE_OUTSIDE for p in self.outside[first : last + 1])


@cache
def name_tagger() -> NameTagger | None:
    """The shipped tagger, or None when python-crfsuite or the model file is missing."""
    try:
        import pycrfsuite  # noqa: F401
    except ImportError:
        return None
    return NameTagger(MODEL_FILE, lexicon()) if MODEL_FILE.exists() else None


def train(corpora: Iterable[Path], model: Path, iterations: int = 150, l1: float = 0.2, l2: float = 0.01) -> int:
    """Train a tagger on CoNLL files and write it to ``model``; returns the sentences used.

    Gold tags are moved from corpus tokens to the words ``kg.lexicon.tokenize`` sees in the
    joined text, so the model is trained on exactly the tokens it tags at run time.

    Raises:
        InputError: a file is missing, malformed, or holds no sentence.
    """
    import pycrfsuite

    featurize = Featurizer(lexicon())
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({"c1": l1, "c2": l2, "max_iterations": iterations, "feature.possible_transitions": True})
    count = 0
    for path in corpora:
        if not path.is_file():
            raise InputError(f"{path}: no such file.")
        for sentence in read_conll(path):
            text, spans = join_tokens(token for token, _ in sentence)
            tokens = tokenize(text)
            if not tokens:
                continue
            trainer.append(featurize(text, tokens), word_tags(tokens, spans, [tag for _, tag in sentence]))
            count += 1
    if not count:
        raise InputError("no tagged sentence in the training files.")
    trainer.train(str(model))
    return count


def word_tags(tokens: list[Token], spans: list[tuple[int, int]], tags: list[str]) -> list[str]:
    """The corpus tags moved onto ``tokens``: each word takes its corpus token's tag, and the later
    words of a corpus token split in several (an entity glued to punctuation) continue its entity."""
    starts = [a for a, _ in spans]
    moved: list[str] = []
    previous = -1
    for token in tokens:
        index = bisect.bisect_right(starts, token.start) - 1
        tag = tags[index]
        moved.append("I-" + tag[2:] if index == previous and tag.startswith("B-") else tag)
        previous = index
    return moved
