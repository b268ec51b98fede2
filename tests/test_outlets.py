"""kg.mentions: media outlets and platforms as bodies, and the outlet a speaker talks to."""

from __future__ import annotations

import pytest

from kg.mentions import find_mentions
from kg.model import Article


def mentions(text: str) -> set[tuple[str, str]]:
    article = find_mentions(Article(source="t", text=text))
    return {(str(m.type), m.text) for m in article.mentions}


@pytest.mark.parametrize(
    ("text", "platform"),
    [
        ("وكتب المتحدث على تويتر أن الوفد سيصل غداً.", "تويتر"),
        ("وبث التنظيم تسجيلاً عبر تطبيق تيليغرام مساء الأحد.", "تيليغرام"),
        ("ونشرت الوزارة الصور على صفحتها في فيس بوك.", "فيس بوك"),
    ],
)
def test_a_social_platform_is_an_organization(text, platform):
    assert ("Organization", platform) in mentions(text)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("ونقلت وكالة بارس للأنباء عن مصدر قوله إن الطريق مغلق.", "وكالة بارس للأنباء"),
        ("وقالت وكالة نبض للإعلام إن الاشتباكات توقفت.", "وكالة نبض للإعلام"),
    ],
)
def test_an_outlets_purpose_after_its_name_is_part_of_it(text, outlet):
    assert ("Organization", outlet) in mentions(text)


def test_a_purpose_noun_goes_on_with_no_name_the_tagger_doubts():
    found = mentions("وشكلت الوزارة لجنة عسكرية للنظر في الشكاوى.")
    assert not any(text.endswith("للنظر") for _, text in found)


def test_the_outlet_a_spokesman_talks_to_ends_his_role():
    found = mentions("وقال المتحدث باسم الحركة لوكالة فرانس برس إن المفاوضات توقفت.")
    assert ("Person", "المتحدث باسم الحركة") in found
    assert ("Organization", "وكالة فرانس برس") in found


def test_a_title_with_no_body_yet_serves_the_outlet_after_it():
    found = mentions("وقال المدير العام لوكالة الأنباء الأردنية سامر خليل إن العمل مستمر.")
    assert ("Person", "المدير العام لوكالة الأنباء الأردنية") in found


def test_an_outlets_purpose_follows_a_name_in_al_too():
    assert ("Organization", "وكالة أهل الخير للأنباء") in mentions("ونشرت وكالة أهل الخير للأنباء تقريراً مطولاً.")
