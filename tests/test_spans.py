"""The folded matching view: offsets back into the stored text, sentences and quotations."""

from __future__ import annotations

import re

import pytest

from kg.spans import FoldedText, fold, trie_regex
from kg.text import fold as lexicon_fold


def test_fold_drops_diacritics_and_writes_bare_alef() -> None:
    assert fold("أَوْضَحَ إنّ آبَ ـــ") == "اوضح ان اب "


#: Words that are prefixes of each other, and what follows them decides which one a match takes.
_TRIE_WORDS = ["قوات", "قوة", "قو", "ق", "القوات", "الق", "a.b", "a", "a+"]


@pytest.mark.parametrize(
    "context",
    [r"(?<!\w)(?:{})(?!\w)", r"(?:{})", r"(?:{})ات", r"(?:{})\s+\S+", r"x?(?:{})(?:ة|\.b)?$"],
)
def test_trie_regex_matches_what_the_longest_first_alternation_matches(context: str) -> None:
    """Dates, counts and nisbas swap their word alternations for tries: the same match, span and
    groups in any surrounding pattern, backtracking into the words included."""
    flat = re.compile(context.format("|".join(map(re.escape, sorted(_TRIE_WORDS, key=len, reverse=True)))))
    trie = re.compile(context.format(trie_regex(_TRIE_WORDS)))
    texts = ["قوات الامن", "وقوات", "القوات", "قواتات", "الق ", "قو ق", "a.b a+ a", "xa.b", "xقو", "قوة."]
    for text in texts:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], text


def test_folded_spans_map_back_to_the_stored_text() -> None:
    text = "وأَوضحَ المسؤولُ أنّ"
    ft = FoldedText(text)
    start = ft.folded.index("المسؤول")
    begin, end = ft.original_span(start, start + len("المسؤول"))
    assert text[begin:end] == "المسؤولُ"
    assert ft.folded_index(begin) == start


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("قال الوزير إن الوضع مستقر. وأضاف أن الحوار مستمر.", 2),
        ("قال: «الوضع مستقر. الحوار مستمر». وأضاف أنه متفائل.", 2),  # a period inside a quotation
        ("وفيما يتعلق بالهجمات على القواعد العسكرية، قال البيان\nمؤكدا أن القواعد عراقية.", 1),  # wrapped line
        ("تعاون مستقبلي\n\nوكشف البيان أن الطرفين اتفقا.", 2),  # a heading
    ],
)
def test_sentence_boundaries(text: str, sentences: int) -> None:
    ft = FoldedText(text)
    starts = {ft.sentence_start(i) for i, ch in enumerate(ft.folded) if not ch.isspace()}
    assert len(starts) == sentences


def test_quotations_pair_within_a_paragraph() -> None:
    ft = FoldedText('قال "الأمر واضح" ثم «انتهى»\nوبقي " وحده')
    opening = ft.folded.index('"')
    quote = ft.quote_opening(opening)
    assert quote and ft.folded[quote[0] + 1 : quote[1]] == "الامر واضح"
    assert ft.quote_closing(quote[1]) == quote
    assert ft.quote_at(opening + 3) == quote
    assert ft.quote_opening(ft.folded.rindex('"')) is None  # unpaired in its paragraph


@pytest.mark.parametrize(
    "text",
    ["أَمْرِيكِيّـة", "مُسْتَشْفى", "سُؤَال", "ا\u0654مين", "إِسْطَنْبُول"],  # U+0654: a hamza written as a mark
)
def test_the_lexicon_key_is_the_document_fold_carried_further(text: str) -> None:
    """kg.text.fold (tokens, lexicon) starts from spans.fold (the document's folded text): the
    same marks dropped and alefs bared, so a key holds no mark the folded text has dropped."""
    assert lexicon_fold(text) == lexicon_fold(fold(text))
    assert not set(lexicon_fold(text)) & {chr(c) for c in range(0x064B, 0x0660)}
