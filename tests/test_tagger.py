"""kg.tagger: reading CoNLL, training a model, and what the shipped model adds to the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import mentions, tagger
from kg.errors import InputError
from kg.lexicon import lexicon, tokenize
from kg.mentions import find_mentions
from kg.model import Article

TINY_CORPUS = """قال O
محمد B-PERS
إن O
الحوار O
مستمر O
. O
وزار O
سمير B-PERS
باريس B-LOC
. O
وأعلنت O
شركة O
نفط B-ORG
الشمال I-ORG
. O
"""


def people(text: str) -> dict[str, str]:
    """Person mentions of one text: surface form -> mechanism that found it."""
    article = find_mentions(Article(source="t", text=text))
    return {m.text: m.source for m in article.mentions if m.type == "Person"}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.conll"
    path.write_text(TINY_CORPUS * 20, encoding="utf-8")
    return path


def test_read_conll_splits_sentences_and_skips_blank_tokens(tmp_path):
    path = tmp_path / "c.txt"
    path.write_text("قال O\nمحمد B-PERS\n O\n. O\n\nزار O\nسمير B-PERS\n", encoding="utf-8")
    assert list(tagger.read_conll(path)) == [
        [("قال", "O"), ("محمد", "B-PERS"), (".", "O")],
        [("زار", "O"), ("سمير", "B-PERS")],
    ]


@pytest.mark.parametrize("line", ["محمد", "محمد PERSON", "محمد X-PERS"])
def test_read_conll_names_the_bad_line(tmp_path, line):
    path = tmp_path / "bad.txt"
    path.write_text(f"قال O\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.txt:2: expected 'token TAG'"):
        list(tagger.read_conll(path))


def test_word_tags_continue_an_entity_split_by_tokenize():
    text, spans = tagger.join_tokens(["عبد-الله", "قال"])
    words = tokenize(text)
    assert [w.folded for w in words] == ["عبد", "الله", "قال"]
    assert tagger.word_tags(words, spans, ["B-PERS", "O"]) == ["B-PERS", "I-PERS", "O"]


def test_a_trained_model_tags_what_it_learned(corpus, tmp_path):
    model = tmp_path / "m.crfsuite"
    assert tagger.train([corpus], model, iterations=30) == 60
    text = "قال محمد إن الحوار مستمر."
    found = tagger.NameTagger(model, lexicon())(text, tokenize(text))
    assert found.names == [(1, 1, "PERS")]
    assert found.rules_out_name(0, 0) and not found.rules_out_name(1, 1)


def test_train_tagger_command(kg, corpus, tmp_path):
    model = tmp_path / "m.crfsuite"
    result = kg("train-tagger", corpus, "-o", model, "--iterations", "20")
    assert result.exit_code == 0, result.output
    assert model.stat().st_size > 0 and "Trained on 60 sentences" in result.stdout
    bad = tmp_path / "bad.conll"
    bad.write_text("كلمة\n", encoding="utf-8")
    result = kg("train-tagger", bad, "-o", tmp_path / "x.crfsuite")
    assert result.exit_code != 0
    assert result.stderr.strip().count("\n") == 0 and "bad.conll:1" in result.stderr


def test_shipped_model_finds_bare_names():
    assert tagger.name_tagger() is not None, "kg/data/names.crfsuite and python-crfsuite ship with Isnad"
    assert people("والتقى هايدن فوكس مع رئيس الوزراء في لندن أمس.").get("هايدن فوكس") == "tagger"


def test_features_the_model_has_no_weight_for_are_left_out_without_changing_its_answer():
    shipped = tagger.name_tagger()
    text = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    tokens = tokenize(text)[:300]
    every = tagger.Featurizer(lexicon())(text, tokens)
    kept = shipped.featurize(text, tokens)
    assert sum(map(len, kept)) < 0.8 * sum(map(len, every))  # the point of leaving them out
    assert all(set(k) <= set(e) for k, e in zip(kept, every, strict=True))
    crf = shipped._tagger  # crfsuite itself: the same model, given every feature or the kept ones
    tags = crf.tag(every)
    outside = [crf.marginal("O", i) for i in range(len(tokens))]
    assert crf.tag(kept) == tags
    assert [crf.marginal("O", i) for i in range(len(tokens))] == outside


def test_each_sentence_is_tagged_on_its_own():
    # one crfsuite sequence per sentence: tagging a text is tagging its sentences one by one
    shipped = tagger.name_tagger()
    first, second = "والتقى هايدن فوكس مع رئيس الوزراء في لندن أمس.", "وقال جون سميث إن اللقاء كان مثمرا."
    whole = shipped(f"{first} {second}", tokenize(f"{first} {second}"))
    alone = [shipped(text, tokenize(text)) for text in (first, second)]
    shift = len(tokenize(first))
    assert whole.outside == alone[0].outside + alone[1].outside
    assert whole.names == alone[0].names + [(a + shift, b + shift, kind) for a, b, kind in alone[1].names]
    assert whole.names and alone[1].names


def test_a_text_with_no_full_stop_is_tagged_in_pieces():
    assert list(tagger.sentences([" "] * 449)) == [range(0, 200), range(200, 400), range(400, 450)]
    assert list(tagger.sentences([" ", "، ", ". ", " "])) == [range(0, 3), range(3, 5)]
    assert list(tagger.sentences([])) == [range(0, 1)]
    assert tagger.name_tagger()("", []).outside == []


def test_model_overrules_a_verb_after_a_title():
    # the rules alone would read "وضع" as the name of رئيس حكومة الإقليم
    assert "وضع" not in people("وكان رئيس حكومة الإقليم وضع العلم العراقي على المبنى.")


def test_model_does_not_veto_a_given_and_family_name():
    # the model, trained on other newswire, is sure "فالح الفياض" is no name; its shape says it is
    assert people("وقال رئيس هيئة الحشد الشعبي فالح الفياض في كلمة إن الحشد مؤسسة رسمية.").get("فالح الفياض") == "title"


def test_a_known_given_name_opens_a_name_the_tagger_assents_to():
    assert people("وقال إن صدام حسين كان يحكم البلاد.") == {"صدام حسين": "given-name"}
    # سعيد and حسن are given names, and words: the tagger is sure these are words
    assert people("ولا بد من حسن النوايا بين الطرفين.") == {}


def test_organisation_keeps_a_letter_that_looks_like_a_clitic():
    article = find_mentions(Article(source="t", text="وتعاقد برشلونة مع المدرب الجديد."))
    assert [m.text for m in article.mentions if m.source == "tagger"] == ["برشلونة"]


def test_rules_work_alone_without_the_model(monkeypatch):
    monkeypatch.setattr(mentions, "name_tagger", lambda: None)
    assert people("قال وزير النفط الكويتي سعد البراك إن") == {"وزير النفط الكويتي": "role", "سعد البراك": "title"}
    assert "هايدن فوكس" not in people("والتقى هايدن فوكس مع رئيس الوزراء في لندن أمس.")


def test_model_joins_a_name_the_rules_found_in_pieces():
    # علي folds to على (a preposition): the rules alone stop the name at عبدالله
    found = people("بحث وزير الدفاع الكويتي الشيخ عبدالله علي العبدالله مع قائد القيادة المركزية.")
    assert "عبدالله علي العبدالله" in found and "العبدالله" not in found and "عبدالله" not in found


def test_a_name_found_once_is_found_where_it_recurs():
    # the second sentence gives the tagger too little context for the bare name; the first named him
    found = people("وفاز فيلم للمخرج جعفر بناهي بالجائزة. وتسلم بناهي الجائزة أمس.")
    assert found == {"جعفر بناهي": "given-name", "بناهي": "surname"}
    found = people("وسجل اللاعب هايدن فوكس هدفاً في المباراة. ورد عليه فوكس بهدف.")
    assert found == {"هايدن فوكس": "tagger", "فوكس": "recurring"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وسجل الأرجنتيني ليونيل ميسي هدفاً في المباراة.", "ليونيل ميسي"),
        ("وقال ليبرمان إن الهدف العام يجب أن يتحقق.", "ليبرمان"),
    ],
)
def test_a_bare_name_after_a_nationality_or_a_reporting_verb(text, name):
    assert people(text).get(name) == "title"


def test_a_name_after_a_nationality_names_him_later_by_his_family_name():
    found = people("وشارك البرازيلي جوليانو بيلوتي في المباراة. وسدد بيلوتي كرة قوية.")
    assert found == {"جوليانو بيلوتي": "title", "بيلوتي": "surname"}


@pytest.mark.parametrize("text", ["وقالت مصادر إن الاجتماع تأجل.", "وأكدت مصداقية الفيديو الجهات الرسمية."])
def test_no_name_after_a_reporting_verb_for_a_speaker_noun_or_an_object(text):
    assert people(text) == {}


def test_a_verb_before_the_family_name_of_a_person_named_before_is_no_given_name():
    found = people("وكان الرئيس الفلسطيني محمود عباس قد دخل المستشفى الأسبوع الماضي. وشوهد عباس أمس يغادر المستشفى.")
    assert "وشوهد عباس" not in found and "عباس" in found, found
