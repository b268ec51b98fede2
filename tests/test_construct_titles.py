"""kg.mentions.people: a title word that is also another word (ولي: a guardian, و + لي; وكيل:
an agent) is a title only in construct with its own noun (``in_construct_with`` in
``kg/data/titles.jsonl``), and then introduces the name after it as any title does."""

from __future__ import annotations

import pytest

from kg import pipeline
from kg.mentions import find_mentions
from kg.model import Article, Source


def mentions(text: str) -> list[tuple[str, str, str]]:
    article = find_mentions(Article(source="t", text=text))
    return [(str(m.type), m.text, str(m.source)) for m in article.mentions]


def speakers(text: str) -> list[list[str]]:
    [article] = pipeline.extract(text, "t.txt", disable=("relations",))
    return [[article.entities[key].label_ar for key in s.speakers] for s in article.statements]


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("أعلن ولي العهد القطري الشيخ جاسم بن علي افتتاح المعرض.", "ولي العهد القطري", "جاسم بن علي"),
        ("وزار ولي عهد الشارقة الشيخ راشد بن ماجد مدينة العين.", "ولي عهد الشارقة", "راشد بن ماجد"),
        ("وصرح نائب ولي العهد الأمير سعد بن منصور بأن الخطة جاهزة.", "نائب ولي العهد", "سعد بن منصور"),
        ("وقال وكيل وزارة الزراعة خليل العمري إن المحصول وفير.", "وكيل وزارة الزراعة", "خليل العمري"),
    ],
)
def test_the_title_in_construct_with_its_noun_is_the_role_of_the_name_after_it(text: str, role: str, name: str):
    found = mentions(text)
    assert ("Person", role, str(Source.ROLE)) in found, found
    assert any(kind == "Person" and mention.startswith(name) for kind, mention, _ in found), found


def test_the_title_behind_a_conjunction_is_no_part_of_the_name_before_it():
    found = mentions("وحضر الملك سلطان بن يوسف وولي العهد الأمير حمد بن سلطان حفل التخرج.")
    assert ("Person", "ولي العهد", str(Source.ROLE)) in found, found
    assert not any("وولي" in mention for _, mention, _ in found), found


@pytest.mark.parametrize(
    "text",
    [
        "وقال ولي الأمر محمود صالح إن المدرسة أغلقت أبوابها.",  # a pupil's guardian
        "وقال وكيل الشركة نبيل ياسين إن الشحنة وصلت.",  # an agent
    ],
)
def test_the_word_before_another_noun_is_no_title(text: str):
    found = mentions(text)
    assert not any(source == str(Source.ROLE) for _, _, source in found), found
    assert not any(mention.startswith(("ولي", "وكيل")) for _, mention, _ in found), found


def test_the_crown_prince_is_the_speaker_of_his_statement():
    assert speakers("وقال ولي العهد الأردني الأمير زيد بن فيصل إن الحوار هو الطريق الوحيد.") == [["زيد بن فيصل"]]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("وناقش ولي العهد البحريني الأوضاع الاقتصادية مع الوفد.", "ولي العهد البحريني"),
        ("وتأتي جولة ولي العهد الطويلة في ظرف دقيق.", "ولي العهد"),
        ("وقال ولي عهد الشارقة السابق إن التعاون مستمر.", "ولي عهد الشارقة السابق"),
        ("واتصل الرئيس بولي العهد الهاشمي، الأمير رعد، هاتفيا.", "ولي العهد الهاشمي"),  # a nisba of no state
        ("وقال ولي العهد الذي يزور باريس إن الاتفاق قريب.", "ولي العهد"),
    ],
)
def test_the_title_ends_at_its_noun_place_nisbas_and_term_of_office(text: str, role: str):
    found = mentions(text)
    assert ("Person", role, str(Source.ROLE)) in found, found



def test_a_second_title_after_it_leads_on_to_the_name_who_speaks():
    text = "وأكد ولي عهد الفجيرة نائب رئيس المجلس التنفيذي، الشيخ سيف بن خليفة، أن المشروع جاهز."
    assert speakers(text) == [["سيف بن خليفة"]]
