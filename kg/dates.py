"""Date grammar: Arabic date expressions -> ISO dates ("YYYY-MM-DD", "YYYY-MM" or "YYYY").

Every word is data: month names (Gregorian يناير…ديسمبر, Levantine كانون الثاني…كانون الأول,
Maghrebi جانفي…) in ``kg/data/months.jsonl``; weekdays, ordinals, relative expressions (أمس،
الأسبوع الماضي), the shift words (الماضي، المقبل، الجاري), year leads (لعام، مطلع) and the
joints of ranges in ``kg/data/date_words.jsonl``.
The grammar reads: numeric dates "14/7/2019"، "2019-07-14" (day first, as Arabic pages write
them); day ranges "من 7 إلى 8 أغسطس (آب) 2023"، "بين 3 و5 أيار"، across months "من 28 شباط إلى
2 آذار"; "7 أغسطس 2023"، ordinal days "السابع من آب 2023"، "يوليو/ تموز 2021"، "لعام 2008"/"مطلع
2020"، "مارس الماضي"، "3 نيسان المقبل"; weekdays "الجمعة"، "أمس الخميس"، "غداً الأحد"، "الأربعاء
المقبل"، "يومي السبت والأحد"، "ليل الجمعة السبت" (the night's first day), "الخميس 10 مايو" (the
date's), a weekday in a clause of what is to come ("سيزور الكويت الأحد": the next one); relative
expressions; days and parts of the current, last or next month ("الخامس من الشهر الجاري"، "مطلع
الشهر"). Expressions that need the publication date
resolve against ``Article.published`` when the article gives one and stay unresolved (value
None) otherwise, and so does what the text leaves open ("أيار الماضي" written in May). A weekday
is written with its article: "أحد المسؤولين" is no Sunday. Arabic-Indic digits are read like
ASCII digits.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kg import counts, resources, text
from kg.counts import alternation
from kg.lexicon import affix
from kg.matcher import verb_forms
from kg.regex_prefix import prefix_lookahead
from kg.spans import FoldedText, fold

#: Arabic-Indic (U+0660-0669) and Persian (U+06F0-06F9) digits -> ASCII.
_DIGITS = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "0123456789" * 2,
)
#: The verb lexicons whose future forms (ستعقد، سيزور، سيوقع، سيعلن) tell a weekday after them ahead.
_FUTURE_VERBS = ("holding_verbs", "relation_verbs", "agreement_verbs", "reporting_verbs")
#: A future word stands at most this many words before the weekday it moves ahead.
_FUTURE_REACH = 8
#: A word calling for a meeting stands at most this many words before its noun ("دعت الرابطة إلى عقد قمة").
_CALL_REACH = 4
#: "كان" stands at most this many words before the future word it puts in the past ("وكان من المقرر").
_WAS_REACH = 3
#: The characters before a weekday its clause is looked for in: more than eleven long words.
_FUTURE_CHARS = 160
#: What ends the clause a weekday is read in: "سيزور موسكو، بحسب ما أعلن الكرملين الأحد".
_CLAUSE_END_RE = re.compile(r"[\u060c\u061b\u061f,;:.!?\n]")
#: Any of those digits: most texts have none, and a search for them costs a tenth of
#: ``str.translate`` over Arabic text, which looks every character up in the table.
_NON_ASCII_DIGIT_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def _ascii_digits(text: str) -> str:
    """``text`` with its Arabic-Indic and Persian digits written as ASCII digits (same length)."""
    return text.translate(_DIGITS) if _NON_ASCII_DIGIT_RE.search(text) else text


@dataclass(frozen=True)
class DateSpan:
    """One date expression: its ``Article.text`` span and ISO value(s)."""

    start: int
    end: int
    value: str | None  #: ISO start, None when relative and no publication date is known
    until: str | None = None  #: ISO end of a range ("من 7 إلى 8 أغسطس")


def _rule(name: str, body: str) -> str:
    """A rule's regex with its groups named ``<rule>_<group>``: Python wants group names unique
    across the alternation of all rules."""
    return re.sub(r"\(\?P([<=])(\w+)", rf"(?P\1{name}_\2", body)


class _Grammar:
    """The date regexes, compiled once from the month, weekday, relative and ordinal lexicon."""

    def __init__(self, records: list[dict]) -> None:
        def table(label: str, value: type = int) -> dict:
            return {fold(r["pattern"]): value(r["id"]) for r in records if r["label"] == label}

        def words(label: str) -> str:
            return "(?:" + alternation(fold(r["pattern"]) for r in records if r["label"] == label) + ")"

        self.month, self.weekday, self.ordinal = table("month"), table("weekday"), table("ordinal")
        self.relative, self.shift, self.lead = table("relative", str), table("shift"), table("weekday-lead")
        self.days = table("days")
        self.ago = table("ago-unit", str)
        self.period = table("period", str)
        prefix = affix("future")
        self.future = {form for name in _FUTURE_VERBS for form in verb_forms(name) if form.startswith(prefix)}
        # the future words, and the adjectives that tell an event planned (الزيارة المرتقبة، المزمع عقده)
        planned = telling_forms("planned")
        expected = [r["pattern"] for r in records if r["label"] == "future"] + planned
        self.expected = {text.fold(word) for word in expected}
        self.future |= self.expected
        stops = [r["pattern"] for r in records if r["label"] == "other-happening"]
        self.clause_stops = {text.fold(word) for word in stops + resources.words("function_words", "relative")}
        that = resources.words("complementisers", "that")
        suffixes = ["", *resources.words("function_words", "pronoun_suffix")]
        self.that = {text.fold(t + suffix) for t in that for suffix in suffixes}
        self.was = {text.fold(r["pattern"]) for r in records if r["label"] == "was"}
        calls = resources.words("event_words", "demand")
        self.calls = {text.fold(word) for word in calls}
        self.meetings = _meeting_forms()
        #: A clause with none of these letters at a word's start holds no future word: most do not.
        self.ahead_hint = re.compile(
            rf"(?<!\w)[\u0648\u0641]?(?:\u0633|{words('future')}|{alternation(map(fold, planned + calls))})"
        )
        months, ordinals, weekdays = (words(label) for label in ("month", "ordinal", "weekday"))
        shifts, of = words("shift"), words("of")
        shift = rf"\s+(?P<rel>{shifts})"
        # "أيار/مايو"، "أيار (مايو)"، "مايو أيار": a month named in both calendars
        month = rf"(?P<m>{months})(?:\s*[(/]\s*{months}\s*\)?|[^\S\n]+{months}(?!\w))?"
        # "الخميس 10 مايو"، "السبت (الموافق 5 أيار)": the weekday of a date written out is its own
        day_of_week = rf"(?:[\u0648\u0641]?(?P<dw>{weekdays})\s*[,\u060c]?\s*\(?\s*(?:{words('weekday-date')}\s+)?)?"
        year = rf"(?:\s*[\u060c,/-]?\s*(?:{of}\s+)?(?:{words('year-noun')}\s+)?(?P<y>(?:19|20)\d\d))"
        # "تموز من العام الماضي": the year counted from publication
        the_year = alternation(fold(r["pattern"]) for r in records if r["label"] == "period" and r["id"] == "y")
        year_rel = rf"\s+{of}\s+(?:{the_year})\s+(?P<yrel>{shifts})"
        to = rf"\s*(?:{words('range-to')}|-|\u2013)\s*"
        opening = rf"(?:{words('range-from')}\s+)?"
        the_month = rf"(?:{words('this')}\s+)?{words('the-month')}"
        # "12 الجاري"، "الشهر الجاري": the month a day belongs to, counted from publication
        which_month = rf"(?:{the_month}\s+(?P<rel>{shifts})|(?P<mrel>{words('month-shift')}))"
        week = alternation(fold(r["pattern"]) for r in records if r["label"] == "period" and r["id"] == "w")
        week_of = rf"(?:{week})\s+{ordinals}\s+{of}"  # "الأسبوع الأول من": the month is known, not the day
        closing = rf"(?:{year}|{year_rel}|{shift})?"  # the year, or which one: "3 نيسان المقبل"
        # a look-behind for each noun: Python's look-behinds have one width each
        nouns = [fold(r["pattern"]) for r in records if r["label"] == "year-of"]
        year_of = "(?:" + "|".join(rf"(?<={re.escape(noun)}\s)" for noun in nouns) + ")"
        month_lead = rf"(?:{words('month-lead')}|{words('month-part')}|{words('month-noun')}|{week_of})"
        rules = {
            # 5/3/2023 is read day first, as Arabic pages write it; 2023-03-05 year first
            "numeric": r"(?P<d1>\d{1,2})(?P<sep>[/.-])(?P<n>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)"
            r"|(?P<iy>(?:19|20)\d\d)(?P<isep>[/.-])(?P<in>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?:T[\d:.+-]+Z?)?",
            "months": rf"{opening}(?P<d0>\d{{1,2}})\s+(?P<m0>{months}){to}(?P<d1>\d{{1,2}})\s+{month}{closing}",
            "range": rf"{opening}(?P<d0>\d{{1,2}}){to}(?P<d1>\d{{1,2}})\s+{month}{closing}",
            # "05/مارس/2023"، "5 من مارس" too
            "day": rf"{day_of_week}(?P<d1>\d{{1,2}})(?:\s+{of}\s+|\s+|\s*[/-]\s*){month}{closing}",
            "ordinal": rf"{day_of_week}(?P<o>{ordinals})\s+{of}\s+(?:{words('month-noun')}\s+)?{month}{closing}",
            "dayrel": rf"(?:(?P<d1>\d{{1,2}})|(?P<o>{ordinals}))\s+(?:{of}\s+)?{which_month}",
            "rangerel": rf"{opening}(?P<d0>\d{{1,2}}){to}(?P<d1>\d{{1,2}})\s+(?:{of}\s+)?{which_month}",
            "part": rf"(?:{words('month-part')}|{week_of})\s+{the_month}(?:{shift})?",
            "month": rf"{month}(?:{year}|{year_rel})",
            "monthrel": rf"(?:{words('month-noun')}\s+)?{month}{shift}",
            # "في آذار"، "منتصف شهر أيار": a month's name is a date after a word that makes it one
            "monthlead": rf"{month_lead}\s+(?:{words('month-noun')}\s+)?{month}{closing}",
            "year": rf"[\u0648\u0641]?[\u0628\u0644]?{words('year-lead')}\s+(?P<y>(?:19|20)\d\d)(?![/.-]\d)",
            # "اتفاق 2015": the year an agreement's noun names, the noun left to the agreement
            "yearof": rf"{year_of}(?P<y>(?:19|20)\d\d)(?![/.,-]?\d)",
            # "والخميس، أعلن": a sentence may open with the day after its conjunction; two days
            # are one event's ("يومي السبت والأحد"، "من الأحد إلى الخميس"), or a night's ("ليل الجمعة السبت")
            "weekday": rf"[\u0648\u0641]?(?:(?P<lead>{words('weekday-lead')})\s+)?(?P<w>{weekdays})"
            rf"(?:(?:(?P<join>{to})|[^\S\n]+)(?P<w2>{weekdays}))?(?:{shift})?",
            "relative": rf"(?P<rel>{words('relative')})",
            "period": rf"(?P<p>{words('period')})\s+(?P<rel>{shifts})",  # "الشهر الفائت"
            # "منذ عام 2015" is the year rule's; "منذ عامين" counts back, "قبل يومين (فقط) من القمة" not
            "ago": rf"{words('ago')}\s+(?:(?P<n>{counts.count_pattern()})\s+)?(?P<unit>{words('ago-unit')})"
            rf"(?!\s*\d|(?:\s+{words('ago-adverb')})*\s+{words('ago-anchor')}(?!\w))",
        }
        # The word-start check stands once before the alternation, not in each rule: inside a
        # word it fails before any rule is tried.
        bodies = [rf"(?P<{name}>{_rule(name, body)}(?!\w))" for name, body in rules.items()]
        alternatives = f"(?:{'|'.join(bodies)})"
        # and, after it, what the first five characters of any rule can be: most words fail there
        pattern = rf"(?<!\w){prefix_lookahead(alternatives, 5)}{alternatives}"
        # Its 75 groups cost half of a scan, so the text is scanned without those no backreference
        # needs, and only the expressions found are matched again, with their groups, by the
        # first rule that matches there (``rules``, in order): the same expression, since groups
        # change what is captured, never what matches, and the rule the alternation would take.
        referenced = set(re.findall(r"\(\?P=(\w+)\)", pattern))
        self.scan = re.compile(
            re.sub(r"\(\?P<(\w+)>", lambda m: m.group() if m.group(1) in referenced else "(?:", pattern)
        )
        #: (name, regex) of each rule, in order: the first whose regex matches an expression reads it
        self.rules = [(name, re.compile(body)) for name, body in zip(rules, bodies, strict=True)]
        #: "الـ12 من الشهر": the article before a day's digits, blanked out before matching
        self.day_article = re.compile(rf"(?<!\w){words('day-article')}(?=\s?\d)")
        leads = words("duration")
        conjunctions = "".join(resources.words("affixes", "conjunction", fold))
        # the verb may open its clause with its conjunction and have the event's noun, definite,
        # between it and the length: "، وتستغرق الزيارة يومين"
        noun = rf"(?:{affix('article')}\w+\s+)?"
        self.duration = re.compile(
            rf"(?<!\w)[{conjunctions}]?{leads}\s+{noun}(?:(?P<n>{counts.count_pattern()})\s+)?"
            rf"(?P<unit>{alternation(self.days)})(?!\w)"
        )

    def told_ahead(self, before: str) -> bool:
        """Whether the clause ending in ``before`` (the text up to a weekday) tells what is to
        come: a future verb ("سيلتقي الوزيران يوم الثلاثاء"، "ستوقع الاتفاق الخميس") or word
        ("من المقرر أن"), or a meeting only called for ("دعت إلى اجتماع طارئ الجمعة"), with no
        clause of another time opened after it ("... بعد أن التقى",
        "سيعلن أن الوزير التقى")."""
        clause = _CLAUSE_END_RE.split(before)[-1].split()[-_FUTURE_REACH - _WAS_REACH :]
        if not self.ahead_hint.search(" ".join(clause)):
            return False
        readings = [{stem for _n, stem in text.strip_clitics(text.fold(word))} for word in clause]
        for i in range(len(readings) - 1, max(-1, len(readings) - _FUTURE_REACH - 1), -1):
            if readings[i] & self.that:  # "من المقرر أن يلتقي"، not "سيعلن أن الوزير التقى"
                i -= 1
                if i < 0 or not readings[i] & self.expected:
                    return False
            elif readings[i] & self.clause_stops:
                return False
            elif not readings[i] & self.future:
                i = self._call_of(readings, i)  # "دعت موسكو إلى اجتماع طارئ الجمعة": to come
                if i < 0:
                    continue
            # "وكان من المقرر أن يصلوا الأربعاء": what was to come when the story was told
            return not any(reading & self.was for reading in readings[max(0, i - _WAS_REACH) : i])
        return False

    def _call_of(self, readings: list[set[str]], i: int) -> int:
        """The word calling for the meeting whose noun is word i, shortly before it ("دعت الرابطة
        إلى عقد قمة"، "طالبوا بعقد جلسة"), or -1: a meeting only called for is to come."""
        if readings[i] & self.meetings:
            for k in range(i - 1, max(-1, i - _CALL_REACH - 1), -1):
                if readings[k] & self.calls:
                    return k
        return -1

    def read(
        self, rule: str, m: re.Match, published: dt.date | None, ahead: bool = False
    ) -> tuple[str | None, str | None]:
        """(value, until) of one match of the rule named ``rule``; with ``ahead``, a weekday
        with no word saying which is the next one from publication on."""
        groups = {k[len(rule) + 1 :]: v for k, v in m.groupdict().items() if k.startswith(rule + "_") and v}
        year = int(groups["y"]) if "y" in groups else None
        if "yrel" in groups:  # "من العام الماضي"
            if published is None:
                return None, None
            year = published.year + self.shift[groups["yrel"]]
        month = self.month.get(groups["m"]) if "m" in groups else None
        shift = self.shift.get(groups.get("rel") or groups.get("mrel", ""))
        if rule == "numeric":
            if "iy" in groups:
                return iso_date(int(groups["iy"]), int(groups["in"]), int(groups["id"])), None
            return iso_date(year, int(groups["n"]), int(groups["d1"])), None
        if rule in ("months", "range", "day", "ordinal"):
            day = int(groups["d1"]) if "d1" in groups else self.ordinal[groups["o"]]
            year = year or _year_for(month, shift, published, day)
            if year is None and "dw" in groups and published:
                # "الاثنين 14 أيار الماضي" written on 17 May: this May's or last year's, told by
                # the weekday (this year's 14 May is a Monday)
                year = _year_of_weekday(self.weekday[groups["dw"]], month, day, published)
            if year is None:
                return None, None
            if rule in ("day", "ordinal"):
                return iso_date(year, month, day), None
            first_month = self.month[groups["m0"]] if rule == "months" else month
            # "من 30 كانون الأول إلى 2 كانون الثاني 2024": the range began in the year before
            start = iso_date(year - (first_month > month), first_month, int(groups["d0"]))
            until = iso_date(year, month, day)
            return (start, until) if start and until and start < until else (None, None)
        if rule == "month" or rule == "monthlead":
            year = year or _year_for(month, shift, published)
            return (f"{year:04d}-{month:02d}" if year else None), None
        if rule in ("year", "yearof"):
            return f"{year:04d}", None
        if published is None:
            return None, None
        if rule in ("dayrel", "rangerel", "part"):  # "الخامس من الشهر الجاري"، "مطلع الشهر الماضي"
            months = published.year * 12 + published.month - 1 + (shift or 0)
            year, month = months // 12, months % 12 + 1
            if rule == "part":
                return f"{year:04d}-{month:02d}", None
            day = int(groups["d1"]) if "d1" in groups else self.ordinal[groups["o"]]
            if rule == "dayrel":
                return iso_date(year, month, day), None
            start, until = iso_date(year, month, int(groups["d0"])), iso_date(year, month, day)  # "من 12 إلى 14 الجاري"
            return (start, until) if start and until and start < until else (None, None)
        if rule == "monthrel":
            year = _year_for(month, shift, published)
            return (f"{year:04d}-{month:02d}" if year else None), None
        if rule == "relative":
            return _shift(published, self.relative[groups["rel"]]), None
        if rule == "period":
            return _shift(published, f"{shift:+d}{self.period[groups['p']]}"), None
        if rule == "ago":
            unit = self.ago[groups["unit"]]
            count = counts.count_value(groups["n"]) if "n" in groups else None
            if unit[0] == "*" and not count:
                return None, None  # "قبل أيام": some days, how many is not said
            return _shift(published, f"-{(count or 1) * (1 if unit[0] == '*' else int(unit[0]))}{unit[-1]}"), None
        weekday = self.weekday[groups["w"]]
        lead = self.lead.get(groups.get("lead", ""), 0)
        start = _weekday(published, weekday, lead or int(ahead and shift is None), shift)
        if "join" not in groups:  # one day, or a night's first: "ليل الجمعة السبت"
            return start, None
        # "يومي الأحد والاثنين": the second day follows the first
        days = (self.weekday[groups["w2"]] - weekday) % 7
        return start, (dt.date.fromisoformat(start) + dt.timedelta(days=days)).isoformat() if days else None


def _meeting_forms() -> set[str]:
    """The folded forms of the nouns of a one-off meeting (``head_nouns`` Dialogue heads marked
    "one_off": اجتماع، جلسة، قمة), bare, definite and with an accusative alef (اجتماعا)."""
    article, alef = resources.words("affixes", "article")[0], resources.words("affixes", "accusative_alef")[0]
    nouns = [r["pattern"] for r in resources.load("head_nouns") if r["label"] == "Dialogue" and r.get("one_off")]
    return {text.fold(form) for noun in nouns for form in (noun, article + noun, noun + alef)}


def telling_forms(tells: str) -> list[str]:
    """The definite forms, masculine and feminine, of the adjectives (``event_words`` records with
    "tells") that tell an event ``tells``: "planned" (المرتقب، المزمعة) or "recent" (الأخير، الجديدة)."""
    article, feminine = resources.words("affixes", "article")[0], resources.words("affixes", "feminine")[0]
    adjectives = [r["pattern"] for r in resources.load("event_words") if r.get("tells") == tells]
    return [article + stem + ending for stem in adjectives for ending in ("", feminine)]


def iso_date(year: int, month: int, day: int) -> str | None:
    """The ISO form of a day, None when there is no such day (30 February)."""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_for(month: int, shift: int | None, published: dt.date | None, day: int = 15) -> int | None:
    """The year of a month written without one: the next (shift +1: "آذار المقبل"), the last
    before publication's month (-1: "آذار الماضي"), the current (0: "الجاري"), or with no word
    the one that puts the day nearest the publication date ("3 تشرين الثاني" written on 14
    October is weeks ahead, not eleven months back)."""
    if published is None:
        return None
    if shift is None:
        near = [
            (abs((dt.date(y, month, min(day, 28)) - published).days), y)
            for y in (published.year + d for d in (-1, 0, 1))
        ]
        return min(near)[1]
    if shift and month == published.month:
        return None  # "آذار الماضي" written in March: this March's past days or last year's
    if shift > 0:
        return published.year + (month <= published.month)
    # "آذار قبل الماضي" (-2) is a year before "آذار الماضي"
    return published.year - (shift < 0 and month >= published.month) - max(0, -shift - 1)


def _year_of_weekday(weekday: int, month: int, day: int, published: dt.date) -> int | None:
    """The year, of publication's and the one before, in which the day falls on ``weekday``."""
    for year in (published.year, published.year - 1):
        if (date := iso_date(year, month, day)) and dt.date.fromisoformat(date).weekday() == weekday:
            return year
    return None


def _weekday(published: dt.date, weekday: int, lead: int, shift: int | None) -> str:
    """The date of a weekday: the latest such day up to publication, the last one before it
    ("الخميس الماضي"), or the next from publication on ("غداً الأحد"، "الأحد المقبل")."""
    if lead > 0 or (shift or 0) > 0:
        ahead = (weekday - published.weekday()) % 7
        return (published + dt.timedelta(days=ahead or 7 * (shift or 0))).isoformat()
    back = (published.weekday() - weekday) % 7
    if shift and shift < 0:  # "الأربعاء قبل الماضي" (-2) is a week before "الأربعاء الماضي"
        back = (back or 7) + 7 * (-shift - 1)
    return (published - dt.timedelta(days=back)).isoformat()


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
    for m in grammar.duration.finditer(_ascii_digits(text)):
        count = counts.count_value(m.group("n")) if m.group("n") else 1
        if count:
            found.append((m.start(), m.end(), count * grammar.days[m.group("unit")]))
    return found


def last_day(start: str, days: int, back: bool = False) -> str | None:
    """The ISO date an event that starts on ``start`` (a full date) and lasts ``days`` ends on;
    with ``back``, the date one that ends on ``start`` began on."""
    first = parse_published(start)
    step = dt.timedelta(days=days - 1)
    return (first - step if back else first + step).isoformat() if first and days > 1 else None


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
    digits = _ascii_digits(ft.folded)
    digits = grammar.day_article.sub(lambda m: " " * len(m.group()), digits)  # same length: offsets hold
    spans = []
    for found in grammar.scan.finditer(digits):
        rule, m = next((name, m) for name, regex in grammar.rules if (m := regex.match(digits, found.start())))
        ahead = (
            rule == "weekday"
            and pub is not None
            and grammar.told_ahead(digits[max(0, m.start() - _FUTURE_CHARS) : m.start()])
        )
        value, until = grammar.read(rule, m, pub, ahead)
        start, end = ft.original_span(m.start(), m.end())
        spans.append(DateSpan(start, end, value, until))
    return spans
