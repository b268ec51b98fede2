import re

import pytest

from kg.regex_prefix import prefix_lookahead

TEXT = "on 12 May 2024, and 3/4/2023; abc abd x-yz maybe mayday 7 may be ab-ab a a\n q"

PATTERNS = [
    r"\d{1,2}\s+(?:May|June)(?:\s+\d{4})?",
    r"(?<!\w)(?:ab[cd]|x-?y|(?:the\s+)?may(?:be|day)?)(?!\w)",
    r"(?P<d>\d)(?P<s>[/.-])\d(?P=s)\d{4}",
    r"[^\sa-z]+\d*",
    r"a?b?c",
    r"(?:ab)+-?(?:ab)*",
    r"a.\s",
    r"(?<!\w)a",
]


@pytest.mark.parametrize("pattern", PATTERNS)
@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_lookahead_keeps_every_match(pattern: str, k: int) -> None:
    lookahead = prefix_lookahead(pattern, k)
    assert lookahead  # none of these can match the empty string
    plain = [m.span() for m in re.finditer(pattern, TEXT)]
    assert plain
    assert [m.span() for m in re.finditer(lookahead + pattern, TEXT)] == plain


@pytest.mark.parametrize(
    ("pattern", "k", "rejected", "kept"),
    [
        (r"(?:the\s+)?may(?:be|day)?", 4, ["mat", "tha", "them"], ["may", "the may", "the\tm"]),
        (r"\d{1,2}\s+(?:May|June)", 4, ["12 Xa", "1x", "123 "], ["12 M", "1 Ju", "1\nJun"]),
        (r"ab[cd]|abe", 3, ["abf", "ba"], ["abc", "abe"]),
    ],
)
def test_lookahead_tests_the_first_k_characters(pattern: str, k: int, rejected: list, kept: list) -> None:
    lookahead = re.compile(prefix_lookahead(pattern, k))
    assert [text for text in rejected + kept if lookahead.match(text)] == kept


def test_a_pattern_that_may_match_nothing_has_no_lookahead() -> None:
    assert prefix_lookahead(r"a*|b") == ""
    assert prefix_lookahead(r"(?=a)") == ""


def test_a_backreference_stands_for_any_characters() -> None:
    lookahead = prefix_lookahead(r"(?P<q>['\"])(?P=q)z", 3)
    assert re.match(lookahead, "''z") and re.match(lookahead, '""q')


def test_unknown_constructs_are_refused() -> None:
    with pytest.raises(ValueError):
        prefix_lookahead(r"(?i:may)")
    with pytest.raises(ValueError):
        prefix_lookahead(r"(?s)a.b")
    with pytest.raises(ValueError):
        prefix_lookahead(r"(a)?(?(1)b|c)")


def test_the_private_parser_it_reads_still_has_every_name_used() -> None:
    # kg.regex_prefix reads re's private parser (no public API gives a pattern's parse tree):
    # a Python that renames or drops any of these fails here, not inside the dates stage
    import re._constants as sre
    import re._parser as sre_parse

    for name in (
        "LITERAL NOT_LITERAL IN ANY AT ASSERT ASSERT_NOT SUBPATTERN BRANCH GROUPREF NEGATE RANGE CATEGORY "
        "MAX_REPEAT MIN_REPEAT POSSESSIVE_REPEAT CATEGORY_DIGIT CATEGORY_NOT_DIGIT CATEGORY_SPACE "
        "CATEGORY_NOT_SPACE CATEGORY_WORD CATEGORY_NOT_WORD"
    ).split():
        assert hasattr(sre, name), name
    parsed = sre_parse.parse(r"a(?:b|c)+\d")
    assert [op for op, _av in parsed] == [sre.LITERAL, sre.MAX_REPEAT, sre.IN]
    assert parsed.state.flags & re.IGNORECASE == 0
