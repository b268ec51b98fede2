"""Bodies a person's title names: a bloc's nisba (عربي، أممي) is the bloc only when it qualifies
the title itself, and an envoy's title (مندوب) introduces the name after it."""

from __future__ import annotations

import pytest

from kg import pipeline


def persons(text: str) -> tuple[dict, dict]:
    [article] = pipeline.extract(text, "t.txt", disable=("statements",))
    people = {e.label_ar: e for e in article.entities.values() if e.type == "Person"}
    return people, article.entities


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال مندوب المملكة العربية السعودية لدى الأمم المتحدة خالد العتيبي إن المملكة ترفض القرار.", "خالد العتيبي"),
        ("وقال المتحدث باسم التحالف العربي العقيد سامر المالكي إن الغارات مستمرة.", "سامر المالكي"),
        ("وقال مدير هيئة موانئ البحر العربي اليمنية سالم الحداد إن الميناء مغلق.", "سالم الحداد"),
    ],
)
def test_a_bloc_nisba_inside_the_title_chain_is_no_affiliation(text, name):
    people, entities = persons(text)
    assert "organization/arab-league" not in people[name].affiliation
    assert "organization/arab-league" not in entities


def test_a_bloc_nisba_after_the_title_is_its_body():
    people, _ = persons("وقال المبعوث الأممي مارتن غريفيث إن المحادثات ستستأنف الشهر المقبل.")
    assert "organization/united-nations" in people["مارتن غريفيث"].affiliation


def test_an_envoy_title_introduces_the_name_after_it():
    people, _ = persons("وقال مندوب روسيا لدى الأمم المتحدة فاسيلي نيبينزيا إن مشروع القرار منحاز.")
    assert people["فاسيلي نيبينزيا"].role == "مندوب روسيا لدى الأمم المتحدة"
