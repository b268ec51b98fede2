"""The publication date a page states: its date lines ("الثلاثاء 12 آذار 2024 - 10:30"), a date
beside a byline or a counter, the dateline opening the story ("الرباط، 24 نوفمبر 2021 -"), or the
source's name (a crawler's "...-20180218.txt", a news URL's "/2018/02/18/").

A page that states none has no publication date: its relative dates (أمس، الخميس الماضي) then stay
unresolved rather than guessed. ``kg.clean`` decides which lines are the page's header and footer;
this module reads the dates in them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kg import resources
from kg.counts import alternation
from kg.dates import DateSpan, find_dates, iso_date
from kg.spans import fold

#: What parts a page's byline or date line: a bar, a bullet, a dash between spaces.
_LINE_PARTS_RE = re.compile(r"\s*[|\u2022\u00b7]\s*|\s+[-\u2013\u2014]+\s+")
#: A date written in a file name or URL, with or without separators, not inside a longer code.
_SOURCE_DATE_RE = re.compile(
    r"(?<![A-Za-z0-9])((?:19|20)\d\d)([-_/.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![A-Za-z0-9])"
)
#: A dateline is at most this many words, and ends in a dash or a colon.
_DATELINE_WORDS = 12
#: Before its date a dateline names at most a place and an agency ("واشنطن (رويترز)").
_PLACE_WORDS = 4
_DATELINE_END_RE = re.compile(r"\s[-\u2013\u2014]\s|:|/[^/\d]{1,25}/")  # "/أ ش أ/": an agency between slashes
#: A word of a place or an agency; an agency's initials ("أ ش أ") and dashes are not counted.
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
#: A letter: a line of digits and separators alone is no date line.
_LETTER_RE = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _filler_re() -> re.Pattern[str]:
    """What a page's date line holds besides its dates: digits and separators (a time, "+03:00"),
    AM/PM, era and time-zone marks, a time zone's name ("بتوقيت القدس"), Hijri month names."""
    records = resources.load("date_words")
    words = [r["pattern"] for r in records if r["label"] == "time-mark"]
    words += [r["pattern"] for r in resources.load("months") if r["label"] == "hijri-month"]
    zone = alternation(fold(r["pattern"]) for r in records if r["label"] == "time-zone-lead")
    marks = alternation(map(fold, words))
    return re.compile(
        rf"[\d\s:\u060c,|/.()+\u2013-]+|(?<!\w)(?:{zone})(?:\s+[^\W\d]+){{0,3}}|(?<!\w)(?:{marks})(?!\w)",
        re.IGNORECASE,
    )


def full_date(text: str) -> str | None:
    """The first full date ("YYYY-MM-DD") written in ``text``, Arabic or English ("Published Jun 4, 2025")."""
    spans = find_dates(text) + _english_dates(text)
    return next((span.value for span in spans if span.value and len(span.value) == 10), None)


@lru_cache(maxsize=1)
def _english_re() -> tuple[re.Pattern[str], dict[str, int]]:
    """An English date as a page's date line may print it ("Jun 4, 2025"، "4 JUNE 2025"), and the
    month numbers of its names; read in date lines only, so the body's date grammar never tries it."""
    months = {r["pattern"].lower(): int(r["id"]) for r in resources.load("months") if r["label"] == "latin-month"}
    names = alternation(months)
    year = r"(?P<y>(?:19|20)\d\d)"
    return (
        re.compile(
            rf"(?<!\w)(?:(?P<m>{names})\.?\s+(?P<d>\d{{1,2}}),?|(?P<d2>\d{{1,2}})\s+(?P<m2>{names})\.?,?)\s+{year}(?!\w)",
            re.IGNORECASE,
        ),
        months,
    )


def _english_dates(line: str) -> list[DateSpan]:
    found, months = _english_re()
    spans = []
    for m in found.finditer(line):
        month, day = months[(m.group("m") or m.group("m2")).lower()], int(m.group("d") or m.group("d2"))
        spans.append(DateSpan(m.start(), m.end(), iso_date(int(m.group("y")), month, day)))
    return spans


#: Lines whose dates are kept: the header lines of a page are read as dates by several checks
#: (``clean.split_articles``: is it a date line, which date, the page's date), and recur.
_CACHED_LINES = 4096


@lru_cache(maxsize=_CACHED_LINES)
def _line_dates(line: str) -> tuple[DateSpan, ...]:
    return tuple(find_dates(line))


@lru_cache(maxsize=_CACHED_LINES)
def page_date(line: str) -> str | None:
    """The full date of a line that holds nothing else: a page's date line, with its weekday, a
    time, or the Hijri date beside it ("الأحد 14 شعبان 1444 هـ الموافق 5 آذار 2023 م - 10:30"),
    or in English ("Jun 4, 2025 09:15")."""
    spans = _line_dates(line) or _english_dates(line)
    value = next((span.value for span in spans if span.value and len(span.value) == 10), None)
    if value is None:
        return None
    return value if not _filler_re().sub("", _without_spans(line, spans)) else None


def line_date(line: str) -> str | None:
    """The full date a page's date line states, alone or as one part of the line beside a byline,
    a source or a counter ("أحمد علي - 12 آذار 2024"، "12 آذار 2024 | 1523 مشاهدة")."""
    return page_date(line) or next(filter(None, map(page_date, _LINE_PARTS_RE.split(line))), None)


def is_date_line(line: str) -> bool:
    """Whether a line holds a date and nothing a page's date line would not: a Gregorian date, or
    a Hijri one alone ("الثلاثاء 2 رمضان 1445 هـ"), with a weekday and a time."""
    spans = _line_dates(line)
    rest = _without_spans(line, spans)
    filler = _filler_re()
    return bool(spans or (filler.search(rest) and _LETTER_RE.search(rest))) and not filler.sub("", rest)


def _without_spans(line: str, spans: Sequence[DateSpan]) -> str:
    """The folded text of ``line`` outside its date expressions."""
    rest, end = [], 0
    for span in spans:
        rest.append(line[end : span.start])
        end = span.end
    rest.append(line[end:])
    return fold(" ".join(rest))


def dateline_date(paragraph: str) -> str | None:
    """The full date of a dateline opening the first paragraph, as ISO: "الرباط، 24 نوفمبر 2021 -
    أعلن ..."، "القاهرة - أ ش أ - 5 آذار 2024: قال ...". The dateline is what stands before the
    last dash or colon of the paragraph's first words; a date later in the sentence is the date of
    what it tells, not of the article, and so is a date after more than a place and an agency."""
    head = " ".join(paragraph.split()[:_DATELINE_WORDS])
    marks = list(_DATELINE_END_RE.finditer(head))
    if not marks:
        return None
    dateline = head[: marks[-1].start()]
    for span in find_dates(dateline):
        if span.value and len(span.value) == 10 and len(_WORD_RE.findall(dateline[: span.start])) <= _PLACE_WORDS:
            return span.value
    return None


def source_date(source: str) -> str | None:
    """The publication date a source's name states (a crawler's file name, a news URL), as ISO;
    None when it holds no whole date (a year alone is not one)."""
    found = _SOURCE_DATE_RE.search(source)
    return iso_date(*map(int, found.group(1, 3, 4))) if found else None
