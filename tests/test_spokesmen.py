"""kg.spokesmen: an unnamed spokesman met first and named later under the same title is one
person; a title with "former" or "next" after it (kg.former_titles) is not the holder met before.
The sentences are written for these tests."""

from __future__ import annotations

from tests.test_speakers import article_of


def speakers_of(body: str) -> list[str]:
    article = article_of(body)
    return [article.entities[k].label_ar for s in article.statements for k in s.speakers]


def test_an_unnamed_spokesman_named_later_under_the_same_title_is_that_person() -> None:
    body = (
        "وقال متحدث باسم الجيش الإسرائيلي إن صفارات الإنذار دوت في الجليل.\n\n"
        "وأوضح المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي أن الدفاعات اعترضت صاروخين."
    )
    assert speakers_of(body) == ["أفيخاي أدرعي", "أفيخاي أدرعي"]
    article = article_of(body)
    assert not [e for e in article.entities.values() if e.label_ar.startswith("متحدث باسم")]
    assert "force/israel-defense-forces" in article.entities["person/Afxy-AdrEy"].affiliation


def test_a_spokesman_of_another_body_named_later_is_another_person() -> None:
    body = (
        "وقال متحدث باسم الجيش الإسرائيلي إن صفارات الإنذار دوت في الجليل.\n\n"
        "وأوضح المتحدث باسم الشرطة الإسرائيلية ميكي روزنفيلد أن الطرق أغلقت."
    )
    assert speakers_of(body) == ["متحدث باسم الجيش الإسرائيلي", "ميكي روزنفيلد"]


def test_a_title_with_former_after_it_is_not_the_holder_met_before() -> None:
    body = (
        "وقال رئيس الوزراء العراقي حيدر العبادي إن الانتخابات ستجري في موعدها.\n\n"
        "وقال رئيس الوزراء المقبل إن حكومته ستكافح الفساد.\n\n"
        "وقال الرئيس الأمريكي دونالد ترامب إن الاتفاق سيئ.\n\nوقال الرئيس الأمريكي السابق إن الاتفاق جيد."
    )
    assert speakers_of(body) == ["حيدر العبادي", "رئيس الوزراء المقبل", "دونالد ترامب"]


def test_a_title_with_new_after_it_refers_back_to_the_new_holder() -> None:
    body = "وعين ترامب السفير الأمريكي الجديد ديفيد فريدمان في القدس.\n\nوقال السفير الأمريكي الجديد إن بلاده ملتزمة."
    assert speakers_of(body) == ["ديفيد فريدمان"]
