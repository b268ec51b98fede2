"""Who a verb names as its speaker on constructions of unseen articles: the source a relaying verb passes on
(نقلت الوكالة عن X), and the subject rather than the object right after it (اتهمت X Y بـ)."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.pipeline import extract


def article_of(body: str) -> Article:
    return extract("خبر اليوم\n\n" + body, "test")[0]


def credited(body: str) -> list[list[str]]:
    """The speaker labels of each statement of the body."""
    article = article_of(body)
    return [[article.entities[k].label_ar for k in s.speakers] for s in article.statements]


@pytest.mark.parametrize("relayer", ["وكالة رويترز للأنباء", "وكالة الأنباء الأردنية الرسمية", "وكالة رويترز الأحد"])
def test_words_after_the_relayer_before_an_do_not_hide_the_source(relayer: str) -> None:
    found = credited(f'ونقلت {relayer} عن خالد المنصوري قوله إن "القصف لم يتوقف طوال الليل".')
    assert found == [["خالد المنصوري"]]


def test_on_the_tongue_of_names_the_source_as_an_does() -> None:
    found = credited('ونقلت صحيفة الشرق الأوسط على لسان سامي الحربي قوله: "إن الهجوم فشل".')
    assert found == [["سامي الحربي"]]


def test_the_relayers_own_reporter_is_a_person_of_the_relayer() -> None:
    article = article_of("ونقلت وكالة رويترز عن مراسلها قوله إنه رأى عشرات الشاحنات تعبر الحدود.")
    ((key,),) = [s.speakers for s in article.statements]
    reporter = article.entities[key]
    assert reporter.type == "Person"
    assert reporter.affiliation == ["organization/reuters"]
    assert reporter.label_ar.startswith("مراسل ") and "مراسلها" in reporter.alt_labels


def test_a_reporter_of_someone_else_after_an_is_no_relayers_reporter() -> None:
    # "مراسلنا" after عن is the page's own correspondent, not the agency's
    article = article_of("ونقلت وكالة رويترز عن مراسلنا قوله إن الشاحنات عبرت الحدود.")
    assert [article.entities[k].affiliation for s in article.statements for k in s.speakers] == [[]]


def test_our_correspondent_keeps_the_word_as_written() -> None:
    article = article_of("وأفاد مراسلنا بأن الطائرات قصفت مواقع في شمال المدينة.")
    ((key,),) = [s.speakers for s in article.statements]
    assert "مراسلنا" in article.entities[key].alt_labels


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("اتهمت تركيا اليونان بإيواء عناصر فارة من العدالة.", "تركيا"),
        ("وتتهم مصر إثيوبيا بالمماطلة في المفاوضات.", "مصر"),
        ("وطالبت جامعة الدول العربية مجلس الأمن الدولي بإجراء تحقيق مستقل.", "جامعة الدول العربية"),
    ],
)
def test_a_second_name_right_after_the_subject_is_the_verbs_object(body: str, speaker: str) -> None:
    assert credited(body) == [[speaker]]


def test_a_bodys_short_name_after_its_description_is_the_body() -> None:
    article = article_of("وأعلنت حركة المقاومة الإسلامية حماس رفضها للمقترح الجديد.")
    assert [[article.entities[k].key for k in s.speakers] for s in article.statements] == [["organization/hamas"]]


def test_a_noun_with_its_subjects_pronoun_after_the_verb_is_its_object() -> None:
    # the name after "تأييدها لقرار الرئيس" is no subject: the countries the relative clause is on are
    body = "ووجه الوزير انتقادا لقطر والكويت والبحرين التي أعلنت تأييدها لقرار الرئيس الأمريكي دونالد ترامب."
    assert credited(body) == [["قطر", "الكويت", "البحرين"]]


def test_a_relative_after_a_comma_is_on_the_last_name_alone() -> None:
    body = "وتصاعدت الأزمة بين السعودية وكندا، التي أعلنت رفضها للإجراءات الأخيرة."
    assert credited(body) == [["كندا"]]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [("وقال عبدالله النفيسي إن الأزمة ستطول.", "عبدالله النفيسي"), ('وقال نصرالله: "إن الحرب انتهت".', "نصرالله")],
)
def test_a_name_ending_like_a_pronoun_is_still_the_subject(body: str, speaker: str) -> None:
    assert credited(body) == [[speaker]]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("واتهمت وسائل إعلام إيرانية إسرائيل بالوقوف وراء الهجوم.", "وسائل إعلام إيرانية"),
        ("ويوم الأحد، اتهمت وسائل إعلام سورية الأردن بفتح حدوده أمام المسلحين.", "وسائل إعلام سورية"),
        ("وحملت السلطات السورية القوات الأمريكية مسؤولية الغارة.", "السلطات السورية"),
    ],
)
def test_a_name_after_a_bodys_nisba_is_the_verbs_object(body: str, speaker: str) -> None:
    assert credited(body) == [[speaker]]


def test_a_countrys_nisba_that_is_also_its_name_goes_on_with_the_phrase() -> None:
    article = article_of("وقالت وسائل إعلام رسمية سورية إن الطائرات أسقطت صاروخين.")
    ((key,),) = [s.speakers for s in article.statements]
    assert article.entities[key].label_ar == "وسائل إعلام رسمية سورية"


def test_a_news_photographer_of_an_agency_speaks() -> None:
    article = article_of("وأفاد مصور وكالة رويترز بأن سكان المخيم تلقوا مساعدات غذائية.")
    ((key,),) = [s.speakers for s in article.statements]
    assert (article.entities[key].type, article.entities[key].affiliation) == ("Person", ["organization/reuters"])
