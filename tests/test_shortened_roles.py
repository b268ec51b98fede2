"""kg.shortened_roles: a role written again shorter is the person it introduced, when only one fits."""

from __future__ import annotations

import pytest

from kg import pipeline


def people(text: str) -> dict[str, str | None]:
    [article] = pipeline.extract(text, "t.txt")
    return {e.key: e.role for e in article.entities.values() if e.type == "Person"}


@pytest.mark.parametrize(
    "text",
    [
        "قال المتحدث باسم وزارة الزراعة كريم الساعدي إن المحصول جيد. وأضاف المتحدث باسم الوزارة أن الأسعار ستنخفض.",
        "أعلن رئيس هيئة النزاهة الاتحادية كريم الساعدي فتح تحقيق. وقال رئيس الهيئة إن الملفات كثيرة.",
        "قال المتحدث باسم الجيش الوطني كريم الساعدي إن الوحدات تقدمت. وأوضح المتحدث باسم الجيش أن الطريق مفتوح.",
    ],
)
def test_a_shorter_role_later_is_the_one_person_named_with_the_full_role(text):
    found = people(text)
    assert len(found) == 1, found
    assert next(iter(found)).startswith("person/") and not next(iter(found)).startswith("person/role-")


@pytest.mark.parametrize(
    "text",
    [
        # two holders the shorter role fits: no one
        "قال المتحدث باسم وزارة الزراعة كريم الساعدي إن المحصول جيد. وقال المتحدث باسم وزارة الصحة ماهر العلي"
        " إن الوباء انحسر. وأضاف المتحدث باسم الوزارة أن الأسعار ستنخفض.",
        # another term of office
        "قال رئيس هيئة النزاهة السابق كريم الساعدي إن الملفات كثيرة. وقال رئيس هيئة النزاهة إن التحقيق مستمر.",
        # an indefinite role may be anyone holding it
        "قال المتحدث باسم وزارة الزراعة كريم الساعدي إن المحصول جيد. وقال متحدث باسم الوزارة إن الأسعار ستنخفض.",
        # another head: the minister is not his deputy
        "قال نائب رئيس هيئة النزاهة كريم الساعدي إن الملفات كثيرة. وقال رئيس هيئة النزاهة إن التحقيق مستمر.",
    ],
)
def test_a_shorter_role_names_no_one_when_not_exactly_one_holder_fits(text):
    found = people(text)
    assert len(found) >= 2, found
