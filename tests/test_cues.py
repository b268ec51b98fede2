"""The reporting-cue lexicon: forms generated from stems, speaker nouns with their clitics."""

from __future__ import annotations

import pytest

from kg import resources
from kg.cues import CueLexicon, expand_forms
from kg.spans import fold


@pytest.fixture(scope="module")
def lexicon() -> CueLexicon:
    """The project's own lexicon, from kg/data."""
    return CueLexicon(resources.load("reporting_verbs"), resources.load("speaker_nouns"), resources.load("titles"))


@pytest.mark.parametrize(
    ("record", "form", "kind", "number"),
    [
        ({"label": "verb", "pattern": "أكد", "present": "ؤكد", "participle": "مؤكد"}, "اكدت", "verb", "f"),
        ({"label": "verb", "pattern": "أكد", "present": "ؤكد", "participle": "مؤكد"}, "اكدا", "verb", "dual"),
        ({"label": "verb", "pattern": "أكد", "present": "ؤكد", "participle": "مؤكد"}, "يؤكدون", "verb", "plural"),
        ({"label": "verb", "pattern": "أكد", "present": "ؤكد", "participle": "مؤكد"}, "مؤكدا", "participle", ""),
        ({"label": "verb", "pattern": "رأى", "forms": {"رأى": "m", "ترى": "f"}}, "ترى", "verb", "f"),
        ({"label": "preposition", "pattern": "وفقاً"}, "وفقا", "preposition", ""),
    ],
)
def test_expands_cue_forms(record: dict, form: str, kind: str, number: str) -> None:
    cue = expand_forms(record)[form]
    assert (cue.kind, cue.number) == (kind, number)


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("وقال الوزير وأضاف مشيراً", ["وقال", "واضاف", "مشيرا"]),
        ("فأكدت الوزارة", ["فاكدت"]),
        ("وبحسب المسؤول", ["وبحسب"]),
        ("استقال الوزير من مقال طويل", []),  # قال inside other words
        ("وبين أن", ["وبين"]),  # بيّن "clarified"; as "between" it has no clause after it
        ("وادعى الوزير وزعمت الصحيفة وأوردت الوكالة", ["وادعى", "وزعمت", "واوردت"]),
        ("ودانت الوزارة وحثت الحكومة وطالبت الوكالة وتفيد المصادر", ["ودانت", "وحثت", "وطالبت", "وتفيد"]),
        # nouns spelt like cue forms are no cues: a defendant (متهماً)، a city (مدينة)، threatened
        # (مهددة)
        ("أدين متهماً في مدينة مهددة بالحصار", []),
    ],
)
def test_finds_cue_words_with_their_clitics(lexicon: CueLexicon, text: str, cues: list[str]) -> None:
    folded = fold(text)
    assert [folded[c.start : c.end] for c in lexicon.cues(folded)] == cues


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("وأشار البيان المشترك", "joint"),
        ("وفقاً للبيان", "document"),
        ("أكد الجانبان", "collective"),
        ("وأضاف المسؤول", "anaphor"),
        ("وقالت المصادر", "unnamed"),
        ("وقال خبير", "anonymous"),
        ("وقال مراقبون", "unnamed"),
    ],
)
def test_finds_speaker_nouns(lexicon: CueLexicon, text: str, kind: str) -> None:
    (noun,) = lexicon.nouns(fold(text))
    assert noun[2] == kind
