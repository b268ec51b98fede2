"""kg.appositions: a description set before a person's name, said again alone as a speaker, is that person."""

from __future__ import annotations

from kg import pipeline


def speakers(text: str) -> tuple[list[list[str]], dict[str, str]]:
    [article] = pipeline.extract(text, "t.txt")
    people = {key: e.label_ar for key, e in article.entities.items() if e.type == "Person"}
    return [s.speakers for s in sorted(article.statements, key=lambda s: s.cue_start)], people


def test_a_description_set_before_a_name_is_that_person_as_a_speaker():
    found, people = speakers(
        "استقبل الرئيس الفرنسي في باريس مسؤول الملف الأمني، السيد كمال عبد المنعم، لبحث التعاون. "
        'وقال مسؤول الملف الأمني إن "الزيارة ناجحة".'
    )
    assert not any(key.startswith("person/unnamed") for key in people), people
    assert found and people[found[-1][0]] == "كمال عبد المنعم", (found, people)


def test_a_description_set_before_two_names_stays_unnamed():
    found, people = speakers(
        "زار مسؤول الملف الأمني، السيد كمال عبد المنعم، العاصمة أمس، ثم زارها مسؤول الملف الأمني، السيد سامر نوري. "
        'وقال مسؤول الملف الأمني إن "الزيارة ناجحة".'
    )
    assert found and found[-1][0].startswith("person/unnamed"), (found, people)
