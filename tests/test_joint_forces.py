"""Forces named with coordinated nationalities (القوات الروسية والسورية), through the whole pipeline:
one joint force owned by both states, apart from the first state's own forces; a word after و that
does not agree with the nisba starts another phrase and owns nothing of the force before it."""

from __future__ import annotations

import pytest

from kg.pipeline import extract

US, IRAQ, RUSSIA, SYRIA = "country/united-states", "country/iraq", "country/russia", "country/syria"
UK, FRANCE = "country/united-kingdom", "country/france"


def _forces(text: str) -> dict[str, list[str]]:
    (article,) = extract(text, "test")
    return {e.label_ar: sorted(e.affiliation) for e in article.entities.values() if e.type == "Force"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a force known to the gazetteer grows over the coordinated nisba: one joint force of both
        ("وشنت القوات الأمريكية والعراقية هجوما على مواقع المسلحين.", {"القوات الأمريكية والعراقية": [IRAQ, US]}),
        # an arm, and three states
        ("وقصفت المدفعية الروسية والسورية أطراف البلدة.", {"المدفعية الروسية والسورية": [RUSSIA, SYRIA]}),
        (
            "وانتشر الجنود الأمريكيون والبريطانيون والفرنسيون قرب الحدود.",
            {"الجنود الأمريكيون والبريطانيون والفرنسيون": [FRANCE, UK, US]},
        ),
        # no agreement (a people's plural after a feminine nisba): the force stops, and is the first state's only
        ("وقاتلت القوات الروسية والإيرانيون معا في المدينة.", {"القوات الروسية": [RUSSIA]}),
    ],
)
def test_a_joint_force(text: str, expected: dict[str, list[str]]) -> None:
    assert _forces(text) == expected


def test_a_joint_force_is_not_the_first_states_own() -> None:
    """The first state's forces named alone before and after the joint force stay its own force."""
    forces = _forces(
        "وانسحبت القوات الروسية من القاعدة. وقال المتحدث إن القوات الروسية والسورية ستواصل "
        "الغارات، وإن القوات الروسية لن تغادر."
    )
    assert forces == {"القوات الروسية": [RUSSIA], "القوات الروسية والسورية": [RUSSIA, SYRIA]}


def test_one_joint_force_in_either_order() -> None:
    """The same states' joint force named in the other order is one force."""
    (article,) = extract("وقصفت القوات الروسية والسورية البلدة، ثم تقدمت القوات السورية والروسية نحو المطار.", "test")
    (force,) = [e for e in article.entities.values() if e.type == "Force"]
    assert (force.key, sorted([force.label_ar, *force.alt_labels])) == (
        "force/qwAt--russia--syria",
        ["القوات الروسية والسورية", "القوات السورية والروسية"],
    )
