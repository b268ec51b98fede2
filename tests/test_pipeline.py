"""kg.pipeline: declared stages checked when built, one document read by every stage."""

from __future__ import annotations

import pytest

from kg import dates, document, pipeline, spans
from kg.model import Article
from kg.pipeline import Pipeline, Stage

TEXT = "قال وزير الخارجية العراقي فؤاد حسين في بغداد يوم 5 آذار 2024 إن الحوار مع واشنطن مستمر."


def _same(article: Article) -> Article:
    return article


def test_a_stage_that_requires_what_no_earlier_stage_assigns_is_refused() -> None:
    with pytest.raises(ValueError, match=r"Stage 'resolve' requires mentions, which no stage before it assigns"):
        Pipeline(
            [
                Stage("resolve", _same, frozenset({"mentions"})),
                Stage("mentions", _same, assigns=frozenset({"mentions"})),
            ]
        )


def test_two_stages_of_one_name_are_refused() -> None:
    with pytest.raises(ValueError, match="Two pipeline stages are named 'x'"):
        Pipeline([Stage("x", _same), Stage("x", _same)])


def test_the_default_pipeline_is_built_once_and_names_its_stages() -> None:
    built = pipeline.default_pipeline()
    assert built is pipeline.default_pipeline()
    assert [s.name for s in built.stages] == ["document", "mentions", "resolve", "relations", "identify", "statements"]
    with pytest.raises(KeyError, match="the stages are document, mentions"):
        built.stage("nope")


def test_the_pipeline_makes_young_collections_rarer_but_never_more_frequent_or_back_on() -> None:
    import gc

    before = gc.get_threshold()
    try:
        pipeline.default_pipeline()
        assert gc.get_threshold()[0] >= pipeline.YOUNG_GC_THRESHOLD
        for young, expected in ((700, pipeline.YOUNG_GC_THRESHOLD), (50_000, 50_000), (0, 0)):
            gc.set_threshold(young, 7, 9)
            pipeline.collect_young_less_often()
            assert gc.get_threshold() == (expected, 7, 9)
    finally:
        gc.set_threshold(*before)


def test_the_text_is_folded_and_its_dates_read_once_per_article(monkeypatch) -> None:
    folds, scans = [], []
    original_init, original_find = spans.FoldedText.__post_init__, dates.find_dates

    def counted_init(self) -> None:
        folds.append(self.text)
        original_init(self)

    def counted_find(*args, **kwargs):
        scans.append(args[0])
        return original_find(*args, **kwargs)

    monkeypatch.setattr(spans.FoldedText, "__post_init__", counted_init)
    monkeypatch.setattr(document.dates, "find_dates", counted_find)
    (article,) = pipeline.extract(TEXT, "t.txt")
    assert article.statements and article.entities
    assert isinstance(article.document, document.Document)
    assert folds == [article.text] and scans == [article.text]


def test_a_stage_run_alone_makes_the_document_it_needs() -> None:
    article = pipeline.default_pipeline().stage("mentions")(Article(source="t", text=TEXT))
    assert article.document.text == TEXT and article.mentions


def test_the_real_stages_out_of_order_are_refused() -> None:
    stages = list(pipeline.default_pipeline().stages)
    stages[3], stages[5] = stages[5], stages[3]  # statements before relations
    with pytest.raises(ValueError, match=r"Stage 'statements' requires event keys, relations"):
        Pipeline(stages)
