"""kg.lexicon: tokens with their clitic readings, the folded word lists, and that word lists stay data."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kg import resources
from kg.lexicon import definite, flagged_words, lexicon, sense, single_word, tokenize, word_set
from kg.text import fold, strip_article

KG = Path(__file__).resolve().parent.parent / "kg"
_ARABIC_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+")
#: Letters of the clitics and affixes code may spell out (و، ف، ب، ل، ك، س، ال، ه، ة ...).
_AFFIX_LETTERS = frozenset("وفبلكساليهةتنمأإآءى")


def _function_words() -> set[str]:
    words = {w for name in ("function_words", "complementisers") for w in resources.words(name)}
    return words | {fold(w) for w in words}


def content_words(path: Path) -> list[str]:
    """Arabic words of three letters or more in a module's string constants (not docstrings)
    that are no function word and no run of affix letters."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    function_words = _function_words()
    return [
        word
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        for word in _ARABIC_RE.findall(node.value)
        if len(word) >= 3 and word not in function_words and not set(word) <= _AFFIX_LETTERS
    ]


@pytest.mark.parametrize("path", sorted(KG.rglob("*.py")), ids=lambda p: str(p.relative_to(KG)))
def test_no_content_word_list_in_code(path: Path) -> None:
    found = content_words(path)
    assert not found, f"{path.name}: move these words to kg/data: {found}"


def test_a_word_list_in_code_is_caught(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""Doc: قال أكد."""\n_VISIT_RE = r"(?:زار|يزور)\\s+الى"\n_THE = "ال"\n')
    assert content_words(module) == ["زار", "يزور"]


def test_tokens_carry_raw_offsets_and_clitic_readings() -> None:
    text = "وبغدادُ وللقوات"
    first, second = tokenize(text)
    assert text[first.start : first.end] == "وبغدادُ" and first.folded == "وبغداد"
    assert [stem for _, stem in first.readings] == ["وبغداد", "بغداد", "غداد"]  # و، و+ب: both read
    assert text[second.start + second.readings[-1][0] : second.end] == "لقوات"
    assert second.stem() == "القوات"


def test_nisba_country_reads_every_inflection() -> None:
    lex = lexicon()
    forms = ["الأمريكي", "الأمريكية", "أمريكيا", "الأمريكيين", "الأميركيتين", "أمريكيات"]
    assert {lex.nisba_country(fold(f)) for f in forms} == {"country/united-states"}
    assert lex.nisba_country(fold("أمريكا")) is None


def test_a_word_whose_alef_lam_is_its_own_has_no_article() -> None:
    brigades = fold("ألوية")
    assert not definite(brigades) and strip_article(brigades) == brigades
    assert definite(fold("الألوية")) and strip_article(fold("الألوية")) == brigades
    assert strip_article(fold("الأولوية")) == fold("أولوية")


def test_nisba_country_reads_broken_plurals() -> None:
    lex = lexicon()
    assert lex.nisba_country(fold("الروس")) == "country/russia"
    assert lex.nisba_country(fold("الأتراك")) == lex.nisba_country(fold("أتراك")) == "country/turkey"
    assert lex.nisba_country(fold("روس")) is None  # bare, the family name Ross


def test_unpossessed_finds_the_head_under_a_pronoun() -> None:
    lex = lexicon()
    assert lex.unpossessed(fold("زيارته")) == fold("زيارة")
    assert lex.unpossessed(fold("لقائهما")) == fold("لقاء")
    assert lex.unpossessed(fold("بلاده")) is None


def test_lookup_tries_the_words_without_their_article() -> None:
    lex = lexicon()
    assert lex.lookup([fold("العراق")]) == "country/iraq"
    assert lex.lookup([fold("الولايات"), fold("المتحدة")]) == "country/united-states"


def test_word_lists_read_from_data_folded() -> None:
    assert single_word("function_words", "between") == "بين"
    assert fold("إلى") in word_set("function_words", "to")
    assert sense("head_nouns", "visit") == fold("زيارة")
    assert definite("العراق") and not definite("الى")
    with pytest.raises(ValueError):
        single_word("function_words", "relative")  # الذي، التي: not one word


def test_one_list_of_peoples_read_by_the_flag_of_each_rule() -> None:
    groups, troops = flagged_words("peoples", "group"), flagged_words("peoples", "troops")
    assert fold("الأكراد") in groups & troops  # listed once, read by both rules
    assert fold("الشيعة") in groups - troops  # a confession names no troops
    assert fold("روس") in troops - groups  # bare, also a family name: no group
    describing, militia = flagged_words("epithets", "describes"), flagged_words("epithets", "militia")
    assert fold("الإرهابية") in describing & militia
    assert fold("المدعومة") in militia - describing


def test_the_courts_other_arabic_name_is_the_same_known_court() -> None:
    # "محكمة الجنايات الدولية" is how many outlets write the International Criminal Court
    lex = lexicon()
    assert lex.lookup(fold("محكمة الجنايات الدولية").split()) == lex.lookup(fold("المحكمة الجنائية الدولية").split())
    assert lex.lookup(fold("المحكمة الجنائية الدولية").split()) == "organization/icc"
