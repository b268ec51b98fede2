"""The publication date a page states: date lines, a date beside a byline, the dateline, the source name."""

from __future__ import annotations

import pytest

from kg import page_dates


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("الأربعاء 4 حزيران 2025 - 09:15 ص", "2025-06-04"),
        ("ليلى منصور | 4 حزيران 2025", "2025-06-04"),
        ("4 حزيران 2025 • 210 قراءة", "2025-06-04"),
        ("ليلى منصور تكتب عن 4 حزيران 2025", None),  # a sentence, not a date line
        ("الأربعاء 4 حزيران 2025 09:15 ص بتوقيت القدس المحتلة", "2025-06-04"),  # a time zone's name
        ("2025-06-04 09:15:00 +0300", "2025-06-04"),
        ("Jun 4, 2025", "2025-06-04"),  # English, month first
        ("4 JUNE 2025 - 09:15", "2025-06-04"),
    ],
)
def test_line_date(line, date):
    assert page_dates.line_date(line) == date


@pytest.mark.parametrize(
    ("line", "answer"),
    [("الأربعاء 8 ذو الحجة 1446 هـ", True), ("4 حزيران 2025", True), ("10:30 - 15", False), ("ليلى منصور", False)],
)
def test_is_date_line(line, answer):
    assert page_dates.is_date_line(line) is answer


@pytest.mark.parametrize(
    ("paragraph", "date"),
    [
        ("عمّان - بترا - 4 حزيران 2025: أعلنت الحكومة الأردنية أن", "2025-06-04"),
        ("أعلنت وزارة الخارجية الأردنية رسمياً في 4 حزيران 2025 - بعد مشاورات - أن", None),  # a date the sentence tells
    ],
)
def test_dateline_date(paragraph, date):
    assert page_dates.dateline_date(paragraph) == date


@pytest.mark.parametrize(
    ("source", "date"),
    [
        ("feeds/jo-20250604-17.txt", "2025-06-04"),
        ("https://a.example/2025/06/04/x", "2025-06-04"),
        ("jo_2025.txt", None),
    ],
)
def test_source_date(source, date):
    assert page_dates.source_date(source) == date
