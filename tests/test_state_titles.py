"""kg.mentions.people: a title that is also a given name or a common noun (أمير، ملك) is a title
in construct with a state's name, of the name after it; later, the bare title is that person."""

from __future__ import annotations

from kg import pipeline
from kg.mentions import find_mentions
from kg.model import Article, Source


def mentions(text: str) -> list[tuple[str, str, str]]:
    article = find_mentions(Article(source="t", text=text))
    return [(str(m.type), m.text, str(m.source)) for m in article.mentions]


def people(text: str) -> dict[str, list[str]]:
    [article] = pipeline.extract(text, "t.txt", disable=("relations", "statements"))
    return {key: [e.label_ar, *e.alt_labels] for key, e in article.entities.items() if e.type == "Person"}


def test_a_title_in_construct_with_a_state_is_the_role_of_the_name_after_it():
    found = mentions("وصل أمير الكويت الشيخ ناصر بن فهد الصباح إلى عمان مساء الأحد.")
    assert ("Person", "أمير الكويت", str(Source.ROLE)) in found, found
    assert any(text.startswith("ناصر بن فهد") and source == str(Source.TITLE) for _, text, source in found), found


def test_the_same_word_before_no_state_is_a_given_name():
    found = mentions("وقال المستشار الإيراني كريم أمير رضائي إن المفاوضات طويلة.")
    assert not any(text.startswith("أمير") and source == str(Source.ROLE) for _, text, source in found), found


def test_the_title_ends_at_the_state_and_the_definite_word_after_it_is_the_verbs():
    found = mentions("وطالب ملك المغرب البرلمان بمراجعة القانون.")
    assert not any("البرلمان" in text for kind, text, _ in found if kind == "Person"), found


def test_the_bare_title_later_is_the_person_named_under_it():
    found = people(
        "التقى ملك المغرب الملك فيصل بن منصور رئيس البرلمان الأوروبي في الرباط.\n\n"
        "وأكد ملك المغرب أن العلاقات مع أوروبا متينة."
    )
    holders = [labels for labels in found.values() if any("فيصل" in label for label in labels)]
    assert len(holders) == 1, found
    assert sum("ملك المغرب" in labels for labels in found.values()) == 1, found
    assert "ملك المغرب" in holders[0], found


def test_the_title_does_not_keep_a_kings_short_name_off_his_full_name():
    found = people(
        "استقبل الملك عبد الله الثاني وفدا برلمانيا.\n\n"
        "وقال الملك عبد الله إن الإصلاح مستمر. وشدد ملك الأردن على الحوار."
    )
    kings = [labels for labels in found.values() if any("عبد الله" in label for label in labels)]
    assert len(kings) == 1, found
    assert "ملك الأردن" in kings[0], found
