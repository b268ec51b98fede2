"""Forces that are another's arm or part, told by apposition (kg.memberships), through the
relations stage; mentions are written out."""

from __future__ import annotations

import pytest

from tests import mentioned

JIHAD, QUDS = "organization/islamic-jihad", "force/al-quds-brigades"
YPG, SDF = "force/ypg", "force/syrian-democratic-forces"
UAE_FORCES, COALITION = "force/uae-forces", "force/coalition-forces"

NAMES = {
    "حركة الجهاد الإسلامي": ("Organization", JIHAD),
    "سرايا القدس": ("Force", QUDS),
    "وحدات حماية الشعب": ("Force", YPG),
    "قوات سوريا الديمقراطية": ("Force", SDF),
    "القوات الإماراتية": ("Force", UAE_FORCES),
    "قوات التحالف": ("Force", COALITION),
    "القوات التركية": ("Force", "force/turkish-forces"),
    "غصن الزيتون": ("Force", "force/olive-branch"),
    "سامر خليل": ("Person", "person/samer-khalil"),
}


def _affiliations(text: str) -> dict[str, list[str]]:
    article = mentioned.relations_of(text, NAMES, {})
    return {k: e.affiliation for k, e in article.entities.items() if e.type == "Force"}


@pytest.mark.parametrize(
    ("text", "force", "body"),
    [
        ("وتبنت سرايا القدس، الذراع العسكرية لحركة الجهاد الإسلامي، إطلاق القذائف.", QUDS, JIHAD),
        ("وتعد وحدات حماية الشعب العمود الفقري لقوات سوريا الديمقراطية.", YPG, SDF),
        ('وتعد "وحدات حماية الشعب" العمود الفقري لقوات سوريا الديمقراطية.', YPG, SDF),
        ("وشاركت القوات الإماراتية العاملة ضمن قوات التحالف في الهجوم على المدينة.", UAE_FORCES, COALITION),
        ("وقاتلت وحدات حماية الشعب، ضمن صفوف قوات سوريا الديمقراطية، في الرقة.", YPG, SDF),
        ("وانسحبت وحدات حماية الشعب المنضوية في قوات سوريا الديمقراطية من البلدة.", YPG, SDF),
    ],
)
def test_a_force_is_affiliated_with_the_body_its_apposition_names(text: str, force: str, body: str) -> None:
    found = _affiliations(text)
    assert body in found[force]
    assert force not in found.get(body, [])  # and not the other way round


@pytest.mark.parametrize(
    "text",
    [
        # an operation is no body one serves in
        "وتقدمت القوات التركية، ضمن عملية غصن الزيتون، نحو المدينة.",
        # no force before the words: nobody's arm
        "وقال الجناح العسكري لحركة الجهاد الإسلامي إن سرايا القدس قصفت المواقع.",
        # a person is no force
        "وقال سامر خليل، الذراع الأيمن لقائد قوات التحالف، إن العملية انتهت.",
    ],
)
def test_no_membership_without_a_force_in_apposition(text: str) -> None:
    bodies = {key for _type, key in NAMES.values() if not key.startswith("person/")}
    assert not [k for keys in _affiliations(text).values() for k in keys if k in bodies]
