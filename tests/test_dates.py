"""The date grammar: Arabic date expressions to ISO values, with offsets into the text."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.dates import find_dates, find_durations, last_day
from kg.spans import fold


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("وجرى الحوار في واشنطن من 7 إلى 8 أغسطس (آب) 2023.", None, [("2023-08-07", "2023-08-08")]),
        ("عقدت الجولة بين 12 و13 كانون الثاني 2024", None, [("2024-01-12", "2024-01-13")]),
        ("وقع الحادث في 3 يناير 2020 قرب المطار", None, [("2020-01-03", None)]),
        ("في ١١ حزيران ٢٠٢٠ عبر دائرة تلفزيونية", None, [("2020-06-11", None)]),
        ("الحوار الاستراتيجي في يوليو (تموز) 2021", None, [("2021-07", None)]),
        ("منذ أيلول/سبتمبر 2014", None, [("2014-09", None)]),
        ("اتفاقية الإطار الاستراتيجي لعام 2008", None, [("2008", None)]),
        ("في غارة أمريكية مطلع 2020", None, [("2020", None)]),
        ("قال مسؤول، الجمعة، إن", "2023-08-11", [("2023-08-11", None)]),
        ("أعلن المتحدث امس الاربعاء عن مقتل", "2020-06-12", [("2020-06-10", None)]),
        ("زيارة الوزير في مارس الماضي", "2023-08-11", [("2023-03", None)]),
        ("الذي بدأ في يونيو/ حزيران الماضي", "2021-04-07", [("2020-06", None)]),
        ("زار وفد واشنطن الأسبوع الماضي", "2023-08-11", [("2023-08", None)]),
        ("في 11 حزيران عبر دائرة تلفزيونية", "2020-06-20", [("2020-06-11", None)]),
        ("عقدت الجولة في السابع من آب 2023", None, [("2023-08-07", None)]),
        ("في الحادي والعشرين من شهر أيلول 2022", None, [("2022-09-21", None)]),
        ("يوم الثالث عشر من يناير 2024", None, [("2024-01-13", None)]),
        ("وصل الوفد في التاسع من الشهر الجاري", "2022-05-20", [("2022-05-09", None)]),
        ("وجرت الجولة يوم 28 من الشهر الماضي", "2022-01-04", [("2021-12-28", None)]),
        ("وتبدأ المفاوضات في 3 من الشهر المقبل", "2022-12-15", [("2023-01-03", None)]),
        ("التقى الوزيران أول أمس في الرياض", "2022-05-20", [("2022-05-18", None)]),
        ("وقع البلدان الاتفاق العام الجاري", "2022-05-20", [("2022", None)]),
        ("وانتهت المحادثات الشهر المنصرم", "2022-05-20", [("2022-04", None)]),
        ("اجتمع الوفدان غداً الاثنين في عمّان", "2024-04-14", [("2024-04-15", None)]),
        ("يلتقي الرئيسان الأربعاء المقبل", "2024-04-14", [("2024-04-17", None)]),
        ("التقى الوزير نظيره الخميس الماضي", "2024-04-18", [("2024-04-11", None)]),
        ("عقدت الاجتماعات يومي السبت والأحد", "2024-06-06", [("2024-06-01", "2024-06-02")]),
        ("تصل البعثة في 3 نيسان المقبل", "2024-11-20", [("2025-04-03", None)]),
        ("صدر القرار بتاريخ 14/7/2019 عن المجلس", None, [("2019-07-14", None)]),
        ("الرباط ١٤-٧-٢٠١٩ (و م ع) - أعلنت", None, [("2019-07-14", None)]),
        ("آخر تحديث 2022-11-03 الساعة 10:30", None, [("2022-11-03", None)]),
        ("2022-11-03T10:30:00+03:00", None, [("2022-11-03", None)]),
        ("جرت المناورات من 28 شباط إلى 2 آذار 2024", None, [("2024-02-28", "2024-03-02")]),
        ("من 30 كانون الأول إلى 2 كانون الثاني 2024", None, [("2023-12-30", "2024-01-02")]),
        ("وصل المبعوث مطلع الشهر", "2024-01-10", [("2024-01", None)]),
        ("وتعقد الجولة بين 3 و5 تشرين الثاني المقبل", "2022-10-14", [("2022-11-03", "2022-11-05")]),
        ("وتبدأ المناورات في 3 تشرين الثاني", "2022-10-14", [("2022-11-03", None)]),  # weeks ahead
        ("وتنطلق المناورات في 3 كانون الثاني", "2022-12-20", [("2023-01-03", None)]),  # into the next year
    ],
)
def test_resolves_date_expressions(text: str, published: str | None, expected: list) -> None:
    assert [(d.value, d.until) for d in find_dates(text, published)] == expected


@pytest.mark.parametrize(
    "text",
    ["قال مسؤول، الجمعة، إن", "زيارة الوزير في مارس الماضي", "وقال أمس إن", "في 11 حزيران عبر دائرة"],
)
def test_relative_dates_stay_unresolved_without_publication_date(text: str) -> None:
    (span,) = find_dates(text)
    assert span.value is None


@pytest.mark.parametrize(
    "text",
    [
        "قتل 12 عنصرا من مسلحي داعش",
        "بمساحة 1000 متر على طول الحدود",
        "مارس الضغط على الحكومة",
        "تضم 2500 جندي",
        "الفصل الأول من الكتاب",  # an ordinal without a month
        "قال أحد الدبلوماسيين إن",  # أحد is 'one of' without the article, no Sunday
        "استقبل الوزير خميس الجبوري",
    ],
)
def test_numbers_and_homographs_are_no_dates(text: str) -> None:
    assert find_dates(text, "2024-01-10") == []


@pytest.mark.parametrize(
    "text",
    [
        "وقعت الاتفاقية في 9 أيار الماضي",  # written in May: this May or last year's
        "تبدأ الجولة في أيار المقبل",
        "بين 9 و3 أيار 2023",  # a range that ends before it starts
    ],
)
def test_ambiguous_or_impossible_dates_have_no_value(text: str) -> None:
    assert [span.value for span in find_dates(text, "2023-05-20")] == [None]


def test_offsets_index_the_original_text_with_diacritics() -> None:
    text = "وعُقِدَت الجلسةُ في 7 أغسطسَ 2023 ببغداد"
    (span,) = find_dates(text)
    assert text[span.start : span.end] == "7 أغسطسَ 2023"
    assert span.value == "2023-08-07"


@pytest.mark.parametrize(
    ("text", "days"),
    [("في جولة تستغرق يومين", 2), ("على مدى أربعة أيام", 4), ("لمدة أسبوعين", 14), ("تستمر ٥ أيام", 5)],
)
def test_lengths_of_events(text: str, days: int) -> None:
    [(_start, _end, found)] = find_durations(fold(text))
    assert found == days
    assert last_day("2023-12-30", days) == (dt.date(2023, 12, 30) + dt.timedelta(days=days - 1)).isoformat()
