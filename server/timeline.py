"""The timeline picture on an actor's or a dialogue's page, laid out here and drawn as plain SVG.

An actor's timeline has a lane of its statements (each mark links to the statement), a lane of
the articles they come from (each mark links to the article) and a lane of the dialogues it
took part in (a bar from start to end date). A dialogue's timeline shows its own dates and the
articles that mention it. A statement without a date of its own is placed at its article's
publication date; a partial date (``2021-07``, ``2021``) spans its month or year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from flask import current_app

from kg.rdf import ISNAD
from server.store import get_store

#: The actor's statements (with their articles) and dialogues, or a dialogue and the articles
#: mentioning it: one row per dated item, ``?lane`` naming its lane.
ACTOR_ITEMS = """
SELECT ?x ?lane ?item ?text ?date ?end ?article ?title WHERE {
  { ?item isnad:speaker ?x ; isnad:content ?text . BIND("statements" AS ?lane)
    OPTIONAL { ?item prov:wasDerivedFrom ?article
               OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?article dcterms:date ?published } }
    OPTIONAL { ?item isnad:date ?said }
    BIND(COALESCE(?said, ?published) AS ?date) }
  UNION
  { ?item isnad:participant ?x ; a isnad:Dialogue . BIND("dialogues" AS ?lane)
    OPTIONAL { ?item rdfs:label ?text FILTER(LANGMATCHES(LANG(?text), "ar")) }
    OPTIONAL { ?item isnad:startDate ?date } OPTIONAL { ?item isnad:endDate ?end } }
} LIMIT %(limit)d
"""
DIALOGUE_ITEMS = """
SELECT ?x ?lane ?item ?text ?date ?end ?article ?title WHERE {
  { ?x a isnad:Dialogue BIND(?x AS ?item) BIND("dialogues" AS ?lane)
    OPTIONAL { ?x rdfs:label ?text FILTER(LANGMATCHES(LANG(?text), "ar")) }
    OPTIONAL { ?x isnad:startDate ?date } OPTIONAL { ?x isnad:endDate ?end } }
  UNION
  { ?item isnad:mentions ?x ; dcterms:date ?date . BIND("articles" AS ?lane) BIND(?item AS ?article)
    OPTIONAL { ?item dcterms:title ?title } }
} LIMIT %(limit)d
"""

ACTOR_TYPES = {str(ISNAD[name]) for name in ("Actor", "Person", "Organization", "Country", "Force")}
DIALOGUE_TYPE = str(ISNAD.Dialogue)

WIDTH, LANE_HEIGHT, MARGIN, AXIS_HEIGHT, LABEL_WIDTH = 860, 46, 16, 28, 90
_LANE_TITLES = {"statements": "Statements", "articles": "Articles", "dialogues": "Dialogues"}


@dataclass
class Mark:
    """One thing on the timeline: a point (``x``) or a bar (``x`` to ``x2``) in a lane."""

    lane: str
    href: str  #: the IRI the mark links to (the template turns it into a page path)
    title: str  #: the tooltip: date and text
    x: float = 0.0
    x2: float = 0.0
    y: float = 0.0
    start: dt.date = dt.date.min
    end: dt.date = dt.date.min


@dataclass
class Timeline:
    """Everything the template draws: lanes, marks, axis ticks, and what could not be placed."""

    height: int
    lanes: list[tuple[str, float]] = field(default_factory=list)  #: (title, y of the lane's middle)
    marks: list[Mark] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    undated: int = 0
    width: int = WIDTH


def parse_period(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day of an ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` value."""
    if not value:
        return None
    try:
        if len(value) >= 10:
            day = dt.date.fromisoformat(value[:10])
            return day, day
        if len(value) == 7:
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if len(value) == 4:
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    except ValueError:
        pass
    return None


def axis_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Round dates between ``first`` and ``last``: years, months or days, about eight of them."""
    days = (last - first).days
    if days > 3 * 365:
        step = max(1, round(days / 365 / 8))
        return [dt.date(y, 1, 1) for y in range(first.year + 1, last.year + 1, step)] or [first]
    if days > 90:
        step = max(1, round(days / 30 / 8))
        months = []
        year, month = first.year, first.month
        while True:
            month += step
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
            if dt.date(year, month, 1) > last:
                return months or [first]
            months.append(dt.date(year, month, 1))
    step = max(1, round(days / 8))
    return [first + dt.timedelta(days=n) for n in range(0, days + 1, step)]


def _tick_label(day: dt.date, first: dt.date, last: dt.date) -> str:
    days = (last - first).days
    return str(day.year) if days > 3 * 365 else day.strftime("%Y-%m") if days > 90 else day.isoformat()


def _marks(rows: list[dict]) -> tuple[list[Mark], int]:
    """Marks from query rows (one per item and lane, article marks once per article); undated count."""
    marks: dict[tuple[str, str], Mark] = {}
    undated: set[str] = set()
    for row in rows:
        value = {name: term["value"] for name, term in row.items()}
        lane, item = value["lane"], value["item"]
        period = parse_period(value.get("date"))
        if period is None:
            undated.add(item)
            continue
        end = parse_period(value.get("end"))
        text = value.get("text") or value.get("title") or ""
        title = f"{value.get('date')}{' – ' + value['end'] if end else ''}: {text}"
        marks.setdefault((lane, item), Mark(lane, item, title, start=period[0], end=end[1] if end else period[1]))
        article = value.get("article")
        if lane == "statements" and article:
            title = f"{value.get('date')}: {value.get('title') or article}"
            marks.setdefault(("articles", article), Mark("articles", article, title, start=period[0], end=period[1]))
    return list(marks.values()), len(undated)


def layout(rows: list[dict]) -> Timeline | None:
    """Place the items of ``rows`` on a time axis; None when nothing has a date."""
    marks, undated = _marks(rows)
    if not marks:
        return Timeline(0, undated=undated) if undated else None
    first, last = min(m.start for m in marks), max(m.end for m in marks)
    if (last - first).days < 30:  # a single day or a short span: some room either side
        first, last = first - dt.timedelta(days=15), last + dt.timedelta(days=15)
    lanes = [lane for lane in _LANE_TITLES if any(m.lane == lane for m in marks)]
    timeline = Timeline(height=AXIS_HEIGHT + LANE_HEIGHT * len(lanes) + MARGIN)
    timeline.lanes = [(_LANE_TITLES[lane], MARGIN + LANE_HEIGHT * (i + 0.5)) for i, lane in enumerate(lanes)]
    span = (last - first).days or 1
    left, right = LABEL_WIDTH + MARGIN, WIDTH - MARGIN

    def position(day: dt.date) -> float:
        return round(left + (right - left) * (day - first).days / span, 1)

    stacked: dict[tuple[str, int], int] = {}
    for mark in sorted(marks, key=lambda m: (m.start, m.title)):
        mark.x, mark.x2 = position(mark.start), position(mark.end)
        # Marks on the same spot stack up and down the lane instead of hiding each other.
        slot = (mark.lane, int(mark.x // 8))
        count = stacked[slot] = stacked.get(slot, -1) + 1
        offset = ((count + 1) // 2) * 8 * (1 if count % 2 else -1)
        middle = timeline.lanes[lanes.index(mark.lane)][1]
        mark.y = middle + max(-LANE_HEIGHT / 2 + 6, min(LANE_HEIGHT / 2 - 6, offset))
    timeline.marks = marks
    timeline.ticks = [(position(day), _tick_label(day, first, last)) for day in axis_ticks(first, last)]
    timeline.undated = undated
    return timeline


def timeline_for(iri: str, types: list[str]) -> Timeline | None:
    """The timeline of an actor or a dialogue page; None for other resources or nothing dated."""
    if DIALOGUE_TYPE in types:
        query = DIALOGUE_ITEMS
    elif ACTOR_TYPES & set(types):
        query = ACTOR_ITEMS
    else:
        return None
    rows = get_store().select(query % {"limit": int(current_app.config["MAX_ROWS"])}, x=iri)
    return layout(rows)
