"""A force a pronoun says is backed (موالية لها، المتحالفة معه، الحليفة لها), through the whole
pipeline: it is the side of the actor named right before it, that actor's state when it is a
force, and an armed group's nisba then names its fighters' land, not its owner."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.pipeline import extract


def _article(text: str) -> Article:
    (article,) = extract(text, "test")
    return article


def _affiliations(text: str) -> dict[str, list[str]]:
    return {e.label_ar: e.affiliation for e in _article(text).entities.values() if e.type == "Force"}


def _force_with(affiliations: dict[str, list[str]], word: str) -> list[str]:
    (label,) = [label for label in affiliations if word in label]
    return affiliations[label]


@pytest.mark.parametrize(
    ("text", "word", "owner"),
    [
        # joined by و to a state's force: the force's state
        ("وتقدم الجيش الروسي والفصائل المتحالفة معه نحو البلدة الجبلية أمس.", "المتحالفة", "country/russia"),
        # with مع after a state: that state
        ("وتخوض إيران مع ميليشيات حليفة لها معارك طويلة قرب الحدود.", "حليفة", "country/iran"),
        # the backing word after the force's name
        ("واقتحمت القوات العراقية وميليشيات تابعة لها مخيما قرب الموصل.", "ميليشيات", "country/iraq"),
    ],
)
def test_a_pronoun_backed_force_is_the_side_of_the_actor_before_it(text: str, word: str, owner: str) -> None:
    assert owner in _force_with(_affiliations(text), word)


def test_an_armed_groups_nisba_is_not_its_owner_once_a_pronoun_names_its_backer() -> None:
    text = "وهاجمت القوات التركية وفصائل عراقية موالية لها قرية قرب الحدود."
    assert _force_with(_affiliations(text), "فصائل") == ["country/turkey"]


@pytest.mark.parametrize(
    "text",
    [
        # no backing word: the pronoun is the verb's object ("منعت ... المقاتلين منها")
        "وطردت القوات التركية المقاتلين الأكراد منها بعد أسابيع من الحصار.",
        # the actor is a clause away: no antecedent a few words before the force
        "وقالت تركيا في بيان مطول صدر صباح اليوم عن الوزارة إن الميليشيات الموالية لها انسحبت.",
    ],
)
def test_no_antecedent_or_no_backing_word_gives_no_owner(text: str) -> None:
    affiliations = _affiliations(text)
    assert all("country/turkey" not in owners for label, owners in affiliations.items() if "ترك" not in label)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("وتقدمت القوات الأمريكية والفصائل الموالية لها نحو الحدود الشرقية.", "الفصائل الموالية لها"),
        ("وهاجم الجيش السوري والميليشيات المتحالفة معه بلدات في الريف.", "الميليشيات المتحالفة معه"),
        ("وتتهم الحكومة طهران والجماعات المدعومة منها بإشعال المعارك.", "الجماعات المدعومة منها"),
    ],
)
def test_the_pronoun_after_a_tie_is_in_the_force_s_name(text: str, label: str) -> None:
    """The force is told by its tie to the actor before it: the pronoun ends its name, and the
    actor still owns it."""
    affiliations = _affiliations(text)
    assert label in affiliations
    assert affiliations[label]
