"""kg.resolve and kg.naming.styled_title: a person named right after a title a royal or religious
name is written with (الملك، الأمير، الشيخ) is labelled by the title and the name together too,
once the article is resolved; other titles add no label. The sentences are written for these tests."""

from __future__ import annotations

from kg.naming import styled_title
from kg.pipeline import extract


def person_labels(body: str) -> dict[str, set[str]]:
    """Each person's main label -> all its labels."""
    article = extract("خبر اليوم\n\n" + body, "test")[0]
    return {
        e.label_ar: {e.label_ar, *e.alt_labels} for e in article.entities.values() if e.type == "Person"
    }


def test_a_styled_title_with_the_name_is_a_label_of_the_person() -> None:
    labels = person_labels("واستقبل الأمير فيصل بن خالد الوفد الزائر في مكتبه. وقال فيصل بن خالد إن الزيارة مهمة.")
    assert "الأمير فيصل بن خالد" in labels["فيصل بن خالد"]


def test_the_styled_title_after_a_role_still_labels_the_name() -> None:
    labels = person_labels("وأكد ولي العهد الأمير ناصر بن فهد أن الإصلاحات مستمرة.")
    assert any("الأمير ناصر بن فهد" in names for names in labels.values())


def test_two_sheikhs_stay_two_people_with_their_own_labels() -> None:
    labels = person_labels("وحضر الشيخ سالم بن راشد والشيخ حمد بن راشد حفل الافتتاح.")
    with_salem = [names for names in labels.values() if "الشيخ سالم بن راشد" in names]
    assert len(with_salem) == 1 and "الشيخ حمد بن راشد" not in with_salem[0]


def test_another_title_adds_no_label() -> None:
    labels = person_labels("وقال الوزير سامي يوسف إن الميزانية أقرت.")
    assert not any(label.startswith("الوزير") for names in labels.values() for label in names)


def test_a_title_cut_at_the_window_edge_or_joined_to_a_clitic_is_none() -> None:
    assert styled_title("والأمير فيصل", len("والأمير ")) is None
    assert styled_title("الأمير فيصل", len("الأمير ")) == "الأمير"
    assert styled_title("قال الأمير  فيصل", len("قال الأمير  ")) is None
