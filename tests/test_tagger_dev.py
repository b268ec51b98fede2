"""The development fold of the name tagger's benchmark: where the fold is cut, and how the CRF's
names are decoded and mapped back to corpus tokens."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import tagger_dev
from kg.lexicon import lexicon
from kg.tagger import NameTagger

pytest.importorskip("pycrfsuite", reason="python-crfsuite is not installed")


def _sentence(number: int) -> tuple[str, list[tuple[str, str]]]:
    pairs = [(f"كلمة{number}", "O"), (".", "O")]
    return "", pairs


@pytest.fixture
def twenty_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tagger_dev, "anercorp_sentences", lambda files: [_sentence(n) for n in range(20)])


def _numbers(sentences: list[list[tuple[str, str]]]) -> list[int]:
    return [int(pairs[0][0].removeprefix("كلمة")) for pairs in sentences]


@pytest.mark.usefixtures("twenty_sentences")
def test_the_fold_is_the_end_of_the_split_by_default_and_the_rest_trains() -> None:
    train, dev = tagger_dev.folds(0.25, size=2)
    assert _numbers(train) == list(range(15))
    assert [len(tokens) for tokens, _tags in dev] == [4, 4, 2]  # sentences of two tokens, two an article
    assert dev[0][0][0] == "كلمة15"


@pytest.mark.usefixtures("twenty_sentences")
def test_a_fold_inside_the_split_trains_on_both_sides_of_it() -> None:
    train, dev = tagger_dev.folds(0.25, size=10, dev_at=0.5)
    assert _numbers(train) == [*range(10), *range(15, 20)]
    assert dev[0][0][::2] == [f"كلمة{n}" for n in range(10, 15)]


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model trained on a few sentences of our own: a person after a reporting verb."""
    names = [("سامر", "حداد"), ("ليلى", "منصور"), ("كريم", "عواد"), ("نادر", "سلوم")]
    sentences = [
        [("وقال", "O"), (first, "B-PERS"), (last, "I-PERS"), ("إن", "O"), ("الطقس", "O"), ("بارد", "O"), (".", "O")]
        for first, last in names * 5
    ]
    model = tmp_path_factory.mktemp("model") / "small.crfsuite"
    tagger_dev.train_model(sentences, model, c1=0.0, c2=0.01, iterations=50)
    return model


def test_viterbi_and_posterior_names_come_back_as_corpus_token_spans(small_model: Path) -> None:
    tokens = ["وقال", "سامر", "حداد", "إن", "الطقس", "بارد", "."]
    viterbi, (none, every) = tagger_dev.crf_spans(NameTagger(small_model, lexicon()), tokens, [0.0, 1.01])
    assert viterbi == {(1, 3, "PERS")}
    assert none == set()  # no word is less likely than 0 to be outside a name
    covered = {i for first, end, _ in every for i in range(first, end)}
    assert covered == set(range(6))  # every word is less likely than 1.01; the full stop is no word
