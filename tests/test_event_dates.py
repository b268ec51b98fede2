"""Dates of talks and agreements, from the dateline and the dates written around them."""

from __future__ import annotations

from kg import clean, pipeline


def events(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Label -> (start date or date, end date) of the dialogues and agreements of one page."""
    [article] = pipeline.extract(text, "t.txt")
    return {
        e.label_ar: (e.start_date or e.date, e.end_date)
        for e in article.entities.values()
        if e.type in ("Dialogue", "Agreement")
    }


def test_a_date_past_the_comma_after_talks_is_theirs_resolved_against_the_dateline():
    page = (
        "وزيرا خارجية البرتغال والمغرب يبحثان التعاون\n\n"
        "الرباط - 6 مارس 2023: عقد وزير الخارجية البرتغالي ونظيره المغربي جولة محادثات في الرباط، "
        "أول أمس السبت، تناولت ملفات الهجرة والطاقة بين البلدين."
    )
    assert clean.split_articles(page, "t.txt")[0].published == "2023-03-06"
    assert events(page)["جولة محادثات"] == ("2023-03-04", None)
