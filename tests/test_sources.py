"""kg.sources: what of a page is text."""

from __future__ import annotations

from kg.sources import html_to_text


def test_captions_and_asides_are_no_article_text():
    page = (
        "<html><body><article><h1>كينيا وإثيوبيا تتفقان على فتح المعبر</h1>"
        "<figure><img src='a.jpg'><figcaption>وزير الخارجية الكيني خلال المؤتمر</figcaption></figure>"
        "<p>أعلنت الحكومة الكينية أنها اتفقت مع إثيوبيا على إعادة فتح المعبر الحدودي.</p>"
        "<aside><h3>اقرأ أيضاً</h3><ul><li>رئيس وزراء نيبال يلتقي نظيره البنغالي</li></ul></aside>"
        "</article></body></html>"
    )
    assert html_to_text(page).split("\n\n") == [
        "كينيا وإثيوبيا تتفقان على فتح المعبر",
        "أعلنت الحكومة الكينية أنها اتفقت مع إثيوبيا على إعادة فتح المعبر الحدودي.",
    ]
