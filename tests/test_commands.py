"""kg.mentions: military commands named by the force they command or the region they hold."""

from __future__ import annotations

from kg.mentions import find_mentions
from kg.model import Article


def mentions(text: str) -> set[tuple[str, str]]:
    article = find_mentions(Article(source="t", text=text))
    return {(str(m.type), m.text) for m in article.mentions}


def test_a_command_of_a_force_is_named_with_the_force():
    found = mentions("وأعلنت القيادة العامة للقوات المسلحة الليبية وقف إطلاق النار.")
    assert ("Organization", "القيادة العامة للقوات المسلحة الليبية") in found
    assert any(kind == "Force" and text.endswith("قوات المسلحة الليبية") for kind, text in found)


def test_an_operations_command_is_named_with_its_region():
    found = mentions("وأعلنت قيادة عمليات بغداد اعتقال خمسة مطلوبين.")
    assert ("Organization", "قيادة عمليات بغداد") in found
    assert ("Country", "بغداد") not in found  # the capital names the command's region, not the state


def test_a_kind_of_place_after_operations_keeps_its_name():
    found = mentions("وقال اللواء سامر الخطيب قائد عمليات منطقة الفرات التي تضم محافظتين، إن الهجوم فشل.")
    assert ("Place", "منطقة الفرات") in found
    assert ("Person", "الفرات") not in found


def test_a_military_region_told_by_its_direction_is_a_force():
    found = mentions("وتصدت وحدات من المنطقة العسكرية الجنوبية لمحاولة التسلل.")
    assert ("Force", "المنطقة العسكرية الجنوبية") in found


def test_a_closed_military_area_is_no_force():
    found = mentions("وأعلن الجيش المنطقة منطقة عسكرية مغلقة.")
    assert not any(kind == "Force" and "عسكرية" in text for kind, text in found)


def test_a_countrys_military_base_stays_a_place():
    found = mentions("وقصفت الطائرات القاعدة العسكرية التركية قرب الحدود.")
    assert ("Place", "القاعدة العسكرية التركية") in found


def test_a_unit_of_a_military_region_names_the_region():
    found = mentions("وتصدت كتيبة المشاة، إحدى وحدات المنطقة العسكرية الجنوبية، لمحاولة التسلل.")
    assert ("Force", "المنطقة العسكرية الجنوبية") in found
