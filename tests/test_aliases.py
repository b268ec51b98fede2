"""kg.aliases: a name and the alias written after it ("، المعروف باسم ...") are one entity."""

from __future__ import annotations

from kg import pipeline


def people(text: str) -> dict[str, list[str]]:
    [article] = pipeline.extract(text, "t.txt", disable=("relations", "statements"))
    return {key: [e.label_ar, *e.alt_labels] for key, e in article.entities.items() if e.type == "Person"}


def test_a_nickname_after_known_as_is_the_person_named_before_it():
    found = people(
        "وأفرجت السلطات عن رجل الأعمال كريم منصور الدباغ، المعروف باسم صلاح الفهد، بعد احتجازه شهرين. "
        "وقال الفهد إنه سيعود إلى عمله."
    )
    assert len(found) == 1, found
    [labels] = found.values()
    assert labels[0] == "كريم منصور الدباغ" and "صلاح الفهد" in labels


def test_an_alias_without_by_is_that_person():
    found = people("وأفرج القضاء عن المعارض أحمد منصور الدباغ الحلبي، الملقب صلاح الفهد، بعد احتجازه.")
    assert len(found) == 1, found


def test_two_people_named_one_after_the_other_stay_two():
    found = people("وحضر الاجتماع الوزير كريم منصور الدباغ، والمدير سامر عبد الحميد نوري، في العاصمة.")
    assert len(found) == 2, found
