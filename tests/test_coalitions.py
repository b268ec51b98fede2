"""A coalition's units (مقاتلات التحالف، مدفعية التحالف الدولي) and a group's fighters (مسلحي تنظيم
داعش), through the whole pipeline: which phrases become Force nodes (exact sets, so a spurious
node fails too) and whose they are: the coalition the article names, else the state it says
leads the coalition; the group the fighters are named with."""

from __future__ import annotations

import pytest

from kg.model import Entity
from kg.pipeline import extract

SAUDI, UAE = "country/saudi-arabia", "country/united-arab-emirates"
GLOBAL, ISIS, HEZBOLLAH = "organization/global-coalition", "organization/isis", "organization/hezbollah"
ARAB = "organization/arab-coalition"


def _forces(text: str) -> list[Entity]:
    (article,) = extract(text, "test")
    return [e for e in article.entities.values() if e.type == "Force"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no coalition named: a force with no owner
        ("وقالت وكالة الأنباء إن مقاتلات التحالف شنت غارات على مواقع المسلحين.", {("مقاتلات التحالف", ())}),
        # the coalition the article names by a name the gazetteer knows
        ("وأكد التحالف الدولي أن طائرات التحالف دمرت مخزنا للذخيرة قرب الموصل.", {("طائرات التحالف", (GLOBAL,))}),
        # a coalition no list knows: the state the article says leads it, never the global coalition
        (
            "وقال التحالف الإسلامي بقيادة السعودية إن طيران التحالف استهدف مواقع المتمردين.",
            {("طيران التحالف", (SAUDI,))},
        ),
        # the Arab coalition is one the gazetteer knows: its units are its own, not its leader's
        (
            "وقال التحالف العربي بقيادة السعودية إن طيران التحالف استهدف مواقع المتمردين.",
            {("طيران التحالف", (ARAB,))},
        ),
        ("وشنت مقاتلات التحالف العربي غارات على مواقع المتمردين.", {("مقاتلات التحالف العربي", (ARAB,))}),
        # its name's purpose and place: "في اليمن" is where it fights, no owner read as a nisba
        (
            "وتقدمت قوات التحالف العربي لدعم الشرعية في اليمن نحو الميناء.",
            {("قوات التحالف العربي لدعم الشرعية في اليمن", (ARAB,))},
        ),
        (
            "وقال التحالف الذي تقوده الإمارات إن مدفعية التحالف قصفت مخازن أسلحة.",
            {("التحالف الذي تقوده الإمارات", (UAE,)), ("مدفعية التحالف", (UAE,))},
        ),
        # the coalition's adjectives are its name's; an unknown coalition's unit without a leader owns nothing
        ("وأعلنت الحكومة أن بوارج التحالف الإسلامي وصلت إلى الميناء.", {("بوارج التحالف الإسلامي", ())}),
        # a coalition told to be led by a state is the force itself, its aircraft no other
        ("وقصفت طائرات التحالف الذي تقوده السعودية مواقع المتمردين.", {("التحالف الذي تقوده السعودية", (SAUDI,))}),
        # a coalition's leaders are no unit
        ("وقال إن قادة التحالف اجتمعوا في الرياض.", set()),
    ],
)
def test_coalition_units(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(f.label_ar, tuple(f.affiliation)) for f in _forces(text)} == expected


def test_a_coalitions_units_are_one_force() -> None:
    """Its artillery and its aircraft, of one owner, are the one force of that coalition."""
    (force,) = _forces("وقصفت مدفعية التحالف الدولي مواقع التنظيم، فيما شنت طائرات التحالف الدولي غارات.")
    assert (sorted([force.label_ar, *force.alt_labels]), force.affiliation) == (
        ["طائرات التحالف الدولي", "مدفعية التحالف الدولي"],
        [GLOBAL],
    )


def test_a_coalitions_units_owned_by_none_are_one_force() -> None:
    """An article tells of one coalition: its units are one force even when none names an owner."""
    (force,) = _forces("وقالت مصادر إن مقاتلات التحالف العربي قصفت مواقع المتمردين، وإن مدفعية التحالف استهدفت مخازن.")
    assert sorted([force.label_ar, *force.alt_labels]) == ["مدفعية التحالف", "مقاتلات التحالف العربي"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fighters in construct with a group a list knows: that group's force
        ("واتهمت الحكومة عناصر حزب الله بإطلاق الصواريخ.", {("عناصر حزب الله", (HEZBOLLAH,))}),
        # a force's members are that force, and the opposition's fighters a description: no force of their own
        ("وقال إن عناصر الجيش انتشروا في المدينة.", set()),
        ("وتقدم مقاتلو المعارضة السورية نحو البلدة.", set()),
        # a group's head noun whose name the quotes keep apart names no group to own them
        ('وبدأ مسلحو حركة "أنصار الحق" الخروج من البلدة.', set()),
    ],
)
def test_fighters_of_a_group(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(f.label_ar, tuple(f.affiliation)) for f in _forces(text)} == expected


def test_one_groups_fighters_in_two_words_are_one_force() -> None:
    """Its gunmen and its members, by either of its names, are one force of that group."""
    (force,) = _forces("وأعلن الجيش مقتل عشرة من مسلحي تنظيم داعش، فيما فر عناصر تنظيم الدولة الإسلامية إلى الصحراء.")
    assert (sorted([force.label_ar, *force.alt_labels]), force.affiliation) == (
        ["عناصر تنظيم الدولة الإسلامية", "مسلحي تنظيم داعش"],
        [ISIS],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a force's head and adjectives before the coalition after لـ: the coalition's, as in construct
        ("وأكد التحالف الدولي أن القوات البرية للتحالف دخلت البلدة.", {("القوات البرية للتحالف", (GLOBAL,))}),
        ("وذكرت مصادر أن الوحدات التابعة للتحالف الإسلامي انسحبت.", {("الوحدات التابعة للتحالف الإسلامي", ())}),
        # a nisba between them makes it that state's force, not the coalition's
        (
            "وقال مسؤول إن القوات اليمنية الموالية للتحالف تقدمت نحو المدينة.",
            {("القوات اليمنية الموالية", ("country/yemen",))},
        ),
    ],
)
def test_a_force_of_the_coalition_after_for(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(f.label_ar, tuple(f.affiliation)) for f in _forces(text)} == expected


def test_a_coalitions_air_defence_is_not_its_leaders() -> None:
    """The coalition's air defence and the leading state's are two forces, though they share an arm."""
    forces = _forces(
        "وقال التحالف العربي بقيادة السعودية إن قوات الدفاع الجوي للتحالف اعترضت صاروخا، "
        "فيما أسقطت الدفاعات الجوية السعودية طائرة مسيرة فوق جازان."
    )
    assert sorted(f.label_ar for f in forces) == ["الدفاعات الجوية السعودية", "قوات الدفاع الجوي للتحالف"]


def _entities(text: str) -> dict[str, Entity]:
    (article,) = extract(text, "test")
    return article.entities


def test_a_known_body_named_with_the_country_it_works_in_keeps_the_country() -> None:
    """The coalition's full name ends on the country after في: the body is the coalition, the
    country is named too, and the coalition's unit before the name is its force."""
    entities = _entities("وشنت مقاتلات التحالف العربي لدعم الشرعية في اليمن غارات على مخازن للسلاح.")
    assert {"organization/arab-coalition", "country/yemen"} <= entities.keys()
    (force,) = [e for e in entities.values() if e.type == "Force"]
    assert (force.label_ar, force.affiliation) == ("مقاتلات التحالف العربي لدعم الشرعية في اليمن", [ARAB])

