"""Forces named by their possessor (قواتها، قواته الجوية، قواتنا، قوات بلاده), through the whole
pipeline: each is a force (an exact set, so a spurious node fails too) of the actor its pronoun
refers back to, and one force with the owner's forces named in full in the same article."""

from __future__ import annotations

import pytest

from kg.model import Entity
from kg.pipeline import extract

IRAQ, TURKEY, EGYPT, ISRAEL = "country/iraq", "country/turkey", "country/egypt", "country/israel"


def _forces(text: str) -> dict[str, Entity]:
    (article,) = extract(text, "test")
    return {e.label_ar: e for e in article.entities.values() if e.type == "Force"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's pronoun: the last state or body named before it in its sentence
        ("وقالت الحكومة المصرية إن قواتها ستبقى على الحدود.", {"قواتها": (EGYPT,)}),
        ("وأعلنت مصر سحب قواتها البحرية من المضيق.", {"قواتها البحرية": (EGYPT,)}),
        # a person's: his state; "his country" after the noun, the state of the person before it
        ("وأكد الرئيس التركي رجب طيب أردوغان أن قوات بلاده لن تنسحب.", {"قوات بلاده": (TURKEY,)}),
        ("وقال الرئيس التركي رجب طيب أردوغان إن قواته ستواصل القتال.", {"قواته": (TURKEY,)}),
        # the first person: the speaker, the first person named in the sentence that names one
        ("وقال وزير الدفاع العراقي خالد العبيدي أمس: \"إن قواتنا جاهزة\".", {"قواتنا": (IRAQ,)}),
        # a feminine pronoun refers to no man: the state before him
        ("وقال الوزير إن مصر لن تسحب قواتها.", {"قواتها": (EGYPT,)}),
        # ... nor to a masculine state, nor a masculine one to a feminine state
        ("وشنت إسرائيل غارات على لبنان ثم دخلت قواتها البلدة.", {"قواتها": (ISRAEL,)}),
        ("وقال المسؤول إن حزب الله تقدم نحو سوريا وإن قواته تنتشر هناك.", {"قواته": ("organization/hezbollah",)}),
    ],
)
def test_possessed_force_is_owned_by_its_possessor(text: str, expected: dict[str, tuple[str, ...]]) -> None:
    assert {label: tuple(e.affiliation) for label, e in _forces(text).items()} == expected


def test_possessed_force_is_one_with_the_force_named_in_full() -> None:
    text = (
        "وانتشرت القوات الأمنية العراقية في المدينة. وقال وزير الداخلية العراقي خالد العبيدي "
        "إن \"قواتنا الأمنية ستبقى\". وأعلن الجيش الإسرائيلي تعزيز قواته في الضفة."
    )
    found = {label: (tuple(e.affiliation), set(e.alt_labels)) for label, e in _forces(text).items()}
    assert found == {
        "القوات الأمنية العراقية": ((IRAQ,), {"قواتنا الأمنية"}),
        "الجيش الإسرائيلي": ((ISRAEL,), {"قواته"}),
    }


def test_his_countrys_forces_are_keyed_by_their_owner() -> None:
    turkish = _forces("وقال الرئيس التركي رجب طيب أردوغان إن قوات بلاده ستبقى.")["قوات بلاده"]
    egyptian = _forces("وقال الرئيس المصري عبد الفتاح السيسي إن قوات بلاده ستبقى.")["قوات بلاده"]
    assert turkish.key != egyptian.key
    assert (turkish.affiliation, egyptian.affiliation) == ([TURKEY], [EGYPT])


def test_one_word_of_two_owners_is_two_forces() -> None:
    text = "وطالبت مصر بسحب قواتها من المنطقة. وقالت تركيا إن قواتها ستبقى هناك."
    (article,) = extract(text, "test")
    owners = sorted(tuple(e.affiliation) for e in article.entities.values() if e.label_ar == "قواتها")
    assert owners == [(EGYPT,), (TURKEY,)]


def test_a_pronouns_force_is_keyed_once_by_its_owner_within_its_article() -> None:
    # "our forces" and "its forces" name another state's in another article, and one article's
    # "our forces" of Iraq is not another's: keyed by owner and article, as possessed_entity keys it
    first = _forces("وقال وزير الدفاع العراقي خالد العبيدي: \"إن قواتنا مستعدة\".")["قواتنا"]
    second = _forces("وقال رئيس الأركان العراقي عبد الأمير يار الله: \"قواتنا على أهبة الاستعداد\".")["قواتنا"]
    third = _forces("وقالت الحكومة العراقية إن قواتها مستعدة.")["قواتها"]
    assert first.key != second.key
    for force in (first, second, third):
        assert force.affiliation == [IRAQ]
        _stem, owner_and_article = force.key.split("--")
        assert owner_and_article.startswith("iraq-")
    assert first.key.split("--")[0].removesuffix("nA") == third.key.split("--")[0].removesuffix("hA")
