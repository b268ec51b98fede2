"""kg.speaker_phrases: "الوزارة" as a speaker is the ministry the article wrote by its portfolio alone."""

from __future__ import annotations

from kg import pipeline


def speakers(text: str) -> list[list[str]]:
    [article] = pipeline.extract(text, "t.txt")
    return [s.speakers for s in sorted(article.statements, key=lambda s: s.cue_start)]


def test_the_ministry_said_again_is_the_one_named_by_its_portfolio():
    found = speakers(
        'وقالت الخارجية الأردنية في بيان إن "الحدود ستبقى مغلقة حتى إشعار آخر". '
        'وأضافت الوزارة أن "الإجراءات مؤقتة وستراجع كل أسبوع".'
    )
    assert len(found) == 2, found
    assert found[0] == found[1] and found[0][0].startswith("organization/wzArh-xArjyh"), found


def test_a_ministry_named_in_full_is_said_again_as_before():
    found = speakers(
        'وقالت وزارة الداخلية الأردنية في بيان إن "الحدود ستبقى مغلقة". وأضافت الوزارة أن "الإجراءات مؤقتة".'
    )
    assert len(found) == 2 and found[0] == found[1], found
