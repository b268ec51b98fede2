"""kg.document: the article document, and the tokens of a few words found without asking every token."""

from kg import document
from kg.text import fold


def _words(*written: str) -> frozenset[str]:
    return frozenset(fold(word) for word in written)


def test_tokens_reading_finds_a_word_behind_its_clitics_and_its_article_in_text_order() -> None:
    doc = document.build("زار الجنود القاعدة، ثم وصل جنود آخرون وبالجنود عاد القائد.")
    found = doc.tokens_reading(_words("جنود"))
    assert [doc.text[doc.tokens[i].start : doc.tokens[i].end] for i in found] == ["الجنود", "جنود", "وبالجنود"]


def test_tokens_reading_lists_a_token_once_and_only_for_the_words_asked() -> None:
    doc = document.build("وصلت القوات إلى القاعدة ثم غادرت القوات.")
    # القوات is read as itself and without its article: listed once for either or both
    assert doc.tokens_reading(_words("قوات", "القوات")) == [1, 6]
    assert doc.tokens_reading(_words("قاعدة")) == [3]
    assert doc.tokens_reading(_words("جنود")) == []
    assert doc.tokens_reading(frozenset()) == []


def test_tokens_reading_gives_the_same_tokens_for_words_more_numerous_than_the_article_stems() -> None:
    doc = document.build("وصلت القوات إلى القاعدة ثم غادرت القوات.")
    many = _words("قوات", "قاعدة", *(f"كلمة{n}" for n in range(200)))  # more words than the text has stems
    assert doc.tokens_reading(many) == [1, 3, 6]
    assert doc.tokens_reading({fold("قاعدة"): 1}.keys()) == [3]


def test_tokens_reading_drops_no_article_from_a_word_that_only_looks_like_it_has_one() -> None:
    # ألوية (brigades) folds to الويه: its first letters are no article, so it is no ويه
    doc = document.build("وصلت ألوية من الشمال.")
    assert doc.tokens_reading(_words("ويه")) == []
    assert doc.tokens_reading(_words("ألوية")) == [1]
