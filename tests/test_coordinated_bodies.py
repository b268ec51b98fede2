"""kg.mentions.chains and kg.mentions.bodies: a body named for two things goes on through و
(وزارة الحج والعمرة، هيئة الإذاعة المرئية والمسموعة), while a list of bodies or a body and
what else the sentence names stays apart. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from kg.mentions import find_mentions
from kg.model import Article


def bodies(text: str) -> set[str]:
    article = find_mentions(Article(source="t", text=text))
    return {m.text for m in article.mentions if m.type == "Organization"}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # the noun in construct with the head, and a second one after it
        ("وأعلنت وزارة الزراعة والغابات خطة جديدة لمواجهة الجفاف.", "وزارة الزراعة والغابات"),
        ("وقالت وزارة الخارجية والمغتربين في بيان إن الزيارة أُلغيت.", "وزارة الخارجية والمغتربين"),
        # two adjectives of one gender
        ("وقررت هيئة الإذاعة المرئية والمسموعة وقف البرنامج.", "هيئة الإذاعة المرئية والمسموعة"),
        ("وطالبت اللجنة الوطنية المستقلة والدائمة بفتح تحقيق.", "اللجنة الوطنية المستقلة والدائمة"),
        # what the body is for, named by two nouns
        ("ونشر المعهد الوطني للدراسات والبحوث تقريره السنوي.", "المعهد الوطني للدراسات والبحوث"),
        # a state's nisba after the second noun is still the body's
        ("ووقعت وزارة الثقافة والسياحة التونسية الاتفاق.", "وزارة الثقافة والسياحة التونسية"),
    ],
)
def test_a_body_named_for_two_things_is_one_body(text: str, body: str) -> None:
    assert body in bodies(text)


@pytest.mark.parametrize(
    ("text", "body", "not_in"),
    [
        # a head noun, or its plural, opens the next body of a list
        ("وعقدت وزارة الدفاع والقوات المسلحة اجتماعا.", "وزارة الدفاع", "والقوات"),
        ("وانتقدت لجنة حقوق الإنسان والهيئات الرقابية القرار.", "لجنة حقوق الإنسان", "والهيئات"),
        # a noun after an adjective is the next item, not a second adjective
        ("وشارك المركز الثقافي والجالية العربية في الاحتفال.", "المركز الثقافي", "والجالية"),
        # after the second noun only a nisba goes on: the clause resumes
        ("وأصدرت وزارة الزراعة والغابات المسؤولة عن السدود بيانا.", "وزارة الزراعة والغابات", "المسؤولة"),
    ],
)
def test_a_list_is_not_one_body(text: str, body: str, not_in: str) -> None:
    found = bodies(text)
    assert body in found and not any(not_in in b for b in found)
