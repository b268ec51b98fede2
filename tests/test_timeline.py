"""The timeline on actor and dialogue pages: dates placed on an axis, marks linking to their pages."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from server.timeline import axis_ticks, layout, parse_period

HTML = {"Accept": "text/html"}


def row(**values: str) -> dict:
    return {name: {"type": "literal", "value": value} for name, value in values.items()}


@pytest.mark.parametrize(
    "value, period",
    [
        ("2021-07-26", (dt.date(2021, 7, 26), dt.date(2021, 7, 26))),
        ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2020", (dt.date(2020, 1, 1), dt.date(2020, 12, 31))),
        ("2021-13", None),
        ("", None),
    ],
)
def test_partial_dates_span_their_month_or_year(value, period) -> None:
    assert parse_period(value) == period


def test_ticks_are_years_months_or_days() -> None:
    assert axis_ticks(dt.date(2010, 5, 1), dt.date(2020, 2, 1))[0] == dt.date(2011, 1, 1)
    months = axis_ticks(dt.date(2021, 1, 15), dt.date(2021, 9, 1))
    assert all(day.day == 1 for day in months) and 4 <= len(months) <= 9
    assert axis_ticks(dt.date(2021, 7, 1), dt.date(2021, 7, 31))[0] == dt.date(2021, 7, 1)


def test_layout_orders_marks_by_date_and_counts_the_undated() -> None:
    rows = [
        row(lane="statements", item="urn:s2", date="2022-03-01", text="b", article="urn:a2"),
        row(lane="statements", item="urn:s1", date="2021-01-10", text="a", article="urn:a1"),
        row(lane="dialogues", item="urn:d", date="2021-06", end="2021-08-02", text="talks"),
        row(lane="statements", item="urn:s3", text="undated"),
    ]
    timeline = layout(rows)
    assert [title for title, _ in timeline.lanes] == ["Statements", "Articles", "Dialogues"]
    points = {mark.href: mark for mark in timeline.marks}
    assert points["urn:s1"].x < points["urn:d"].x < points["urn:d"].x2 < points["urn:s2"].x
    assert points["urn:a1"].x == points["urn:s1"].x and points["urn:a1"].lane == "articles"
    assert timeline.undated == 1
    assert layout([row(lane="statements", item="urn:s", text="x")]).marks == []
    assert layout([]) is None


def test_actor_page_has_a_timeline_linking_statement_and_article(client) -> None:
    page = client.get("/id/person/servertest-fuad-hussein", headers=HTML).get_data(as_text=True)
    svg = page[page.index('<svg class="timeline"'):page.index("</svg>", page.index('<svg class="timeline"'))]
    statement = r'<a class="mark statements" href="/id/article/servertest/statement/0">\s*<title>2021-07-26: '
    assert re.search(statement, svg)
    assert '<a class="mark articles" href="/id/article/servertest">' in svg
    assert "2021-07-26" in svg  # on the axis


def test_dialogue_page_shows_its_dates_and_other_pages_none(client) -> None:
    page = client.get("/id/dialogue/servertest-strategic-dialogue", headers=HTML).get_data(as_text=True)
    assert re.search(r'<a class="mark dialogues" href="/id/dialogue/servertest-strategic-dialogue">\s*'
                     r"<title>2021-07-26: الحوار الاستراتيجي</title>", page)
    assert '<a class="mark articles" href="/id/article/servertest">' in page
    assert 'class="timeline"' not in client.get("/id/agreement/servertest-security-agreement", headers=HTML).get_data(
        as_text=True)
