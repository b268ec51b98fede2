"""kg.early_names: a person named by a short form before the article names them in full is one person."""

from __future__ import annotations

from kg import pipeline


def people(text: str) -> dict[str, list[str]]:
    [article] = pipeline.extract(text, "t.txt", disable=("relations", "statements"))
    return {key: [e.label_ar, *e.alt_labels] for key, e in article.entities.items() if e.type == "Person"}


def test_a_surname_with_a_title_before_the_full_name_is_that_person():
    found = people(
        "وقال الرئيس بوتيرين إن المبادرة جديدة.\n\nوكان الرئيس الفنلندي ماتياس بوتيرين قد زار العاصمة الشهر الماضي."
    )
    assert len(found) == 1, found
    [labels] = found.values()
    assert "ماتياس بوتيرين" in labels


def test_a_surname_two_people_of_the_article_share_stays_apart():
    found = people(
        "وقال الرئيس بوتيرين إن المبادرة جديدة.\n\n"
        "وكان رئيس الوزراء الفنلندي ماتياس بوتيرين قد التقى في هلسنكي السفيرة الفنلندية هانا بوتيرين الشهر الماضي."
    )
    assert len(found) == 3, found


def test_a_name_after_son_of_is_the_parents_not_the_childs():
    found = people("وقال السيد كوامي إن الاجتماع مهم.\n\nوأضاف رئيس البرلمان الغاني جون بن كوامي أن الجلسة ستعقد غدا.")
    assert len(found) == 2, found
