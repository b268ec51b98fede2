"""Units named by their number or ordinal (اللواء 47، الفرقة الرابعة), through the whole pipeline:
each is a Force (an exact set, so a spurious node fails too), a unit "in" an army is that army's,
and the same noun before a name is a rank, no unit."""

from __future__ import annotations

import pytest

from kg.pipeline import extract


def _forces(text: str) -> dict[str, list[str]]:
    (article,) = extract(text, "test")
    return {e.label_ar: e.affiliation for e in article.entities.values() if e.type == "Force"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وسيطر اللواء 35 على المعسكر بعد معارك عنيفة.", {"اللواء 35": []}),
        ("وانسحبت الكتيبة الأولى من المدينة.", {"الكتيبة الأولى": []}),
        ("وتقدم الفيلق الثالث نحو الحدود.", {"الفيلق الثالث": []}),
        (
            "وقصفت الفرقة الرابعة في الجيش السوري البلدة.",
            {"الفرقة الرابعة": ["force/syrian-arab-army"], "الجيش السوري": ["country/syria"]},
        ),
        # a rank before a name, and a unit of a title, are no unit of their own
        ("وقال اللواء أحمد سالم إن المعارك توقفت.", {}),
        # a rank with its adjective before a name (a retired or pilot major general) is no brigade
        ("وقاتلت الكتائب إلى جانب اللواء المتقاعد منير داود في الجنوب.", {}),
        ("وصرح اللواء الطيار سامي نادر بأن الطائرات عادت.", {}),
    ],
)
def test_numbered_units_are_forces(text: str, expected: dict[str, list[str]]) -> None:
    assert _forces(text) == expected


def test_numbered_units_are_keyed_by_their_army() -> None:
    """One number names a unit within its army: two articles' owner-less "اللواء 35" are not known
    to be one, one army's are."""

    def key(text: str) -> str:
        (article,) = extract(text, "test")
        return next(k for k, e in article.entities.items() if e.label_ar == "الفرقة الرابعة")

    assert key("وتقدمت الفرقة الرابعة نحو المدينة.") != key("وانسحبت الفرقة الرابعة من البلدة.")
    owned = "وقصفت الفرقة الرابعة في الجيش السوري البلدة."
    assert key(owned) == key("وتقدمت الفرقة الرابعة في الجيش السوري نحو المدينة.")
