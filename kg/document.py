"""The article document: what every stage reads of an article's text, built once per article.

spaCy's ``Doc`` is the model: the text is read once into the views the rules match against,
and the stages share them instead of each folding or scanning the text again.

- ``text``: the stored article text (``Article.text``); every offset a stage writes indexes it.
- ``folded``: the text normalised for matching (``kg.spans.FoldedText`` over ``spans.fold``:
  diacritics and tatweel dropped, hamza alefs bare) with the offset map back to ``text``, its
  sentence ends and its quotations.
- ``tokens``: its words (``kg.lexicon.tokenize``), each keyed for lookup with its clitic
  readings (وبغداد: وبغداد، بغداد) and its offsets in ``text``. A token's key is ``fold``:
  the same ``spans.fold``, then alef maksura, teh marbuta and the hamza carriers written one way
  and spelling variants one way (أمريكي/أميركي).
- ``dates``: every date expression (``kg.dates.find_dates``), relative ones read against the
  publication date.
- ``tokens_reading(words)``: the tokens with a clitic reading among ``words``, by an index of
  the stems built on first use, so a rule that opens only at a few nouns (جنود، قرار، زيارة)
  visits those tokens instead of asking every token of the article.

The two levels are one normalisation, the second built on the first. The folded text cannot
take the second level without changing the output (tried: folding ة ى ؤ ئ into it as well,
with the word lists of ``spans.words_pattern`` folded alike, changes 108 of the 319 snapshot
articles of ``benchmarks.snapshot``):

1. Keys are minted from folded spans that keep ة (``res:force/qwAt-bryp-...``, القوات البرية):
   every such IRI would change, and with it every graph that names it.
2. The rules over the folded text tell teh marbuta from the pronoun suffix ه, which the second
   level writes alike: the two regexes of ``kg/forces.py`` that spell ة (the backing and the
   "amounting to" words) and cue words that end in it (a cue such as مؤكدة stops matching).
3. Three of the eight rules of ``spelling_variants.jsonl`` shorten a word (استراتيج، ميليش، and
   the direction nisba شمالي), and the offset map, which records dropped characters only,
   cannot follow a replacement of another length.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from kg import dates
from kg.lexicon import Token, affix, definite, tokenize
from kg.model import Article
from kg.spans import FoldedText

#: The article ال, folded.
_ARTICLE = affix("article")


@dataclass(frozen=True)
class Document:
    """One article's text and the views of it the stages read (read-only, shared)."""

    text: str
    published: str | None
    folded: FoldedText
    tokens: tuple[Token, ...]
    dates: tuple[dates.DateSpan, ...]
    #: folded stem of a clitic reading, and the same stem without its article -> its tokens
    #: (``tokens_reading``; filled on first use)
    _stems: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def tokens_reading(self, words: Collection[str]) -> list[int]:
        """The indexes, in order, of the tokens with a clitic reading (``Token.readings``) whose
        stem is one of ``words``, or is with the article (``lexicon.definite``) left out
        (``words``: a set or a dict's keys, asked whether it holds a word)."""
        stems = self._stems or self._index_stems()
        # the smaller side is walked and looked up in the other (``dict.keys() & frozenset``
        # walks the whole frozenset, hundreds of words, whatever the article's size)
        if len(words) <= len(stems):
            common = [word for word in words if word in stems]
        else:
            common = [stem for stem in stems if stem in words]
        found: set[int] = set()
        for word in common:
            found.update(stems[word])
        return sorted(found)

    def _index_stems(self) -> dict[str, list[int]]:
        stems = self._stems
        known = _STEM_KEYS.get
        for index, token in enumerate(self.tokens):
            for stem in known(token.folded) or _stem_keys(token):
                found = stems.get(stem)
                if found is None:
                    stems[stem] = [index]
                else:
                    found.append(index)
        return stems


#: folded word -> its stem keys (``_stem_keys``), for the words seen so far (words recur)
_STEM_KEYS: dict[str, tuple[str, ...]] = {}
#: Most words ``_STEM_KEYS`` keeps: bounded memory over an archive's vocabulary.
_CACHED_WORDS = 1 << 16


def _stem_keys(token: Token) -> tuple[str, ...]:
    """The stems of a token's clitic readings (``Token.readings``, the same for every token of
    its folded word), each followed by itself without its article when it has one: what
    ``tokens_reading`` finds the token by, kept per folded word in ``_STEM_KEYS``."""
    if len(_STEM_KEYS) >= _CACHED_WORDS:
        _STEM_KEYS.clear()
    keys = []
    for _skip, stem in token.readings:
        keys.append(stem)
        if definite(stem):
            keys.append(stem[len(_ARTICLE) :])
    found = _STEM_KEYS[token.folded] = tuple(keys)
    return found


def build(text: str, published: str | None = None) -> Document:
    """Read a text once into its document."""
    folded = FoldedText(text)
    return Document(text, published, folded, tuple(tokenize(text)), tuple(dates.find_dates(text, published, folded)))


def document(article: Article) -> Document:
    """The article's document: the pipeline's first stage makes it; an article handed straight
    to a stage (a test, a tool) gets it made here on first use."""
    doc = article.document
    if not isinstance(doc, Document) or doc.text != article.text or doc.published != article.published:
        doc = article.document = build(article.text, article.published)
    return doc


def make_document(article: Article) -> Article:
    """The pipeline stage: set ``Article.document``."""
    document(article)
    return article
