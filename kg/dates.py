"""Date grammar: Arabic date expressions -> ISO dates ("YYYY-MM-DD", "YYYY-MM" or "YYYY").

Month names (Gregorian يناير…ديسمبر, Levantine كانون الثاني…كانون الأول, Maghrebi جانفي…),
weekdays and relative expressions (أمس، الأسبوع الماضي) are data (``kg/data/months.jsonl``,
``kg/data/date_words.jsonl``).
The grammar reads: day ranges "من 7 إلى 8 أغسطس (آب) 2023", "7 أغسطس 2023", ordinal days
"السابع من آب 2023", "يوليو/ تموز
2021", "لعام 2008"/"مطلع 2020", "مارس الماضي", weekdays "الجمعة"/"أمس الخميس" and relative
expressions, days of the current, last or next month ("الخامس من الشهر الجاري"). Expressions that
need the publication date ("الجمعة", "مارس الماضي") resolve
against ``Article.published`` when the article gives one and stay unresolved (value None)
otherwise. Arabic-Indic digits are read like ASCII digits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kg import counts, resources
from kg.counts import alternation
from kg.spans import FoldedText, fold

#: Arabic-Indic (U+0660-0669) and Persian (U+06F0-06F9) digits -> ASCII.
_DIGITS = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "0123456789" * 2,
)
#: Words that make a bare four-digit number a year (لعام 2008، مطلع 2020، منذ 2014).
_YEAR_LEADS = "عام لعام العام سنة لسنة مطلع اوائل اواخر منتصف نهاية بداية في منذ حتى"


@dataclass(frozen=True)
class DateSpan:
    """One date expression: its ``Article.text`` span and ISO value(s)."""

    start: int
    end: int
    value: str | None  #: ISO start, None when relative and no publication date is known
    until: str | None = None  #: ISO end of a range ("من 7 إلى 8 أغسطس")


class _Grammar:
    """The date regexes, compiled once from the month, weekday, relative and ordinal lexicon."""

    def __init__(self, records: list[dict]) -> None:
        self.month = {fold(r["pattern"]): int(r["id"]) for r in records if r["label"] == "month"}
        self.weekday = {fold(r["pattern"]): int(r["id"]) for r in records if r["label"] == "weekday"}
        self.relative = {fold(r["pattern"]): r["id"] for r in records if r["label"] == "relative"}
        self.ordinal = {fold(r["pattern"]): int(r["id"]) for r in records if r["label"] == "ordinal"}
        months = alternation(self.month)
        weekdays = alternation(w[2:] if w.startswith("ال") else w for w in self.weekday)
        year_leads = "|".join(_YEAR_LEADS.split())
        # {r} is replaced by the rule name: Python wants group names unique across the alternation.
        month = rf"(?P<{{r}}_m>{months})(?:\s*[(/]\s*(?:{months})\s*\)?)?"
        year = r"(?:\s*\u060c?\s*(?:عام\s+)?(?P<{r}_y>(?:19|20)\d\d))"
        rules = {
            "range": r"(?:من\s+)?(?P<{r}_d1>\d{{1,2}})\s*(?:الى|-|\u2013|و)\s*(?P<{r}_d2>\d{{1,2}})\s+"
            + month
            + year
            + "?",
            "day": r"(?P<{r}_d1>\d{{1,2}})\s+" + month + year + "?",
            "ordinal": rf"(?P<{{r}}_o>{alternation(self.ordinal)})\s+من\s+(?:شهر\s+)?" + month + year + "?",
            "dayrel": rf"(?:(?P<{{r}}_d1>\d{{{{1,2}}}})|(?P<{{r}}_o>{alternation(self.ordinal)}))"
            r"\s+(?:من\s+)?(?:هذا\s+)?الشهر\s+(?P<{r}_rel>الجاري|الحالي|الماضي|المنصرم|المقبل|القادم)",
            "month": month + year,
            "monthrel": month + r"\s+(?P<{r}_rel>الماضي|المقبل|القادم|الحالي|الجاري)",
            "year": rf"(?:{year_leads})\s+(?P<{{r}}_y>(?:19|20)\d\d)",
            "weekday": rf"(?:(?:يوم|اليوم|امس)\s+)?(?:ال)?(?P<{{r}}_w>{weekdays})",
            "relative": rf"(?P<{{r}}_rel>{alternation(self.relative)})",
        }
        # The word-start check stands once before the alternation, not in each rule: inside a
        # word it fails before any rule is tried.
        self.regex = re.compile(
            r"(?<!\w)(?:" + "|".join(rf"(?P<{name}>{body.format(r=name)}(?!\w))" for name, body in rules.items()) + ")"
        )
        self._rule_names = list(rules)
        self.days = {fold(r["pattern"]): int(r["id"]) for r in records if r["label"] == "days"}
        leads = alternation(fold(r["pattern"]) for r in records if r["label"] == "duration")
        self.duration = re.compile(
            rf"(?<!\w)(?:{leads})\s+(?:(?P<n>{counts.count_pattern()})\s+)?(?P<unit>{alternation(self.days)})(?!\w)"
        )

    def read(self, m: re.Match, published: dt.date | None) -> tuple[str | None, str | None]:
        """(value, until) of one match."""
        rule = m.lastgroup if m.lastgroup in self._rule_names else next(n for n in self._rule_names if m.group(n))
        groups = {k[len(rule) + 1 :]: v for k, v in m.groupdict().items() if k.startswith(rule + "_") and v}
        year = int(groups["y"]) if "y" in groups else None
        month = self.month.get(groups["m"]) if "m" in groups else None
        if rule in ("range", "day", "ordinal"):
            year = year or _year_for(month, published)
            if year is None:
                return None, None
            start = _iso(year, month, int(groups["d1"]) if "d1" in groups else self.ordinal[groups["o"]])
            return start, _iso(year, month, int(groups["d2"])) if rule == "range" else None
        if rule == "month":
            return f"{year:04d}-{month:02d}", None
        if rule == "year":
            return f"{year:04d}", None
        if published is None:
            return None, None
        if rule == "dayrel":  # "الخامس من الشهر الجاري"، "يوم 12 من الشهر الماضي"
            shift = {"الماضي": -1, "المنصرم": -1, "المقبل": 1, "القادم": 1}.get(groups["rel"], 0)
            months = published.year * 12 + published.month - 1 + shift
            day = int(groups["d1"]) if "d1" in groups else self.ordinal[groups["o"]]
            return _iso(months // 12, months % 12 + 1, day), None
        if rule == "monthrel":
            year = published.year
            if groups["rel"] in ("المقبل", "القادم") and month < published.month:
                year += 1
            elif groups["rel"] == "الماضي" and month >= published.month:
                year -= 1
            return f"{year:04d}-{month:02d}", None
        if rule == "relative":
            return _shift(published, self.relative[groups["rel"]]), None
        weekday = self.weekday.get("ال" + groups["w"], self.weekday.get(groups["w"]))
        back = (published.weekday() - weekday) % 7
        return (published - dt.timedelta(days=back)).isoformat(), None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_for(month: int, published: dt.date | None) -> int | None:
    """The year of a day and month written without one: the latest not after publication."""
    if published is None:
        return None
    return published.year if month <= published.month else published.year - 1


def _shift(published: dt.date, offset: str) -> str:
    """Apply a relative offset ("-1d", "-1w", "-1m", "-1y") to the publication date."""
    amount, unit = int(offset[:-1]), offset[-1]
    if unit == "d":
        return (published + dt.timedelta(days=amount)).isoformat()
    if unit == "w":
        return (published + dt.timedelta(weeks=amount)).isoformat()[:7]
    if unit == "m":
        month = published.year * 12 + published.month - 1 + amount
        return f"{month // 12:04d}-{month % 12 + 1:02d}"
    return f"{published.year + amount:04d}"


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    return _Grammar(resources.load("months") + resources.load("date_words"))


def parse_published(published: str | None) -> dt.date | None:
    """The publication date as a ``date`` when it is a full ISO date, else None."""
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:
        return None


def find_durations(text: str) -> list[tuple[int, int, int]]:
    """(start, end, days) of each stated length of an event in folded ``text``: "تستغرق يومين"،
    "على مدى ثلاثة أيام"، "لمدة أسبوع"."""
    grammar = _grammar()
    found = []
    for m in grammar.duration.finditer(text.translate(_DIGITS)):
        count = counts.count_value(m.group("n")) if m.group("n") else 1
        if count:
            found.append((m.start(), m.end(), count * grammar.days[m.group("unit")]))
    return found


def last_day(start: str, days: int) -> str | None:
    """The ISO date an event that starts on ``start`` (a full date) and lasts ``days`` ends on."""
    first = parse_published(start)
    return (first + dt.timedelta(days=days - 1)).isoformat() if first and days > 1 else None


def find_dates(text: str, published: str | None = None, folded: FoldedText | None = None) -> list[DateSpan]:
    """Every date expression in ``text``, in order.

    Args:
        text: the article text; returned offsets index it.
        published: the article's ISO publication date, used for relative expressions.
        folded: ``text`` folded for matching, when the caller has it (the article document).

    Returns:
        One DateSpan per expression; relative ones without a publication date have value None.
    """
    ft = folded or FoldedText(text)
    grammar = _grammar()
    pub = parse_published(published)
    digits = ft.folded.translate(_DIGITS)
    spans = []
    for m in grammar.regex.finditer(digits):
        value, until = grammar.read(m, pub)
        start, end = ft.original_span(m.start(), m.end())
        spans.append(DateSpan(start, end, value, until))
    return spans
