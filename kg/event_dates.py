"""When an event took place: the dated expressions of an article as the dialogue and agreement
rules ask for them (the first date in an event's phrase, the date it lasts until, its duration)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from kg import dates
from kg.actors import ArticleActors
from kg.counts import alternation
from kg.document import document
from kg.matcher import Match
from kg.mentions.agreements_told import DocumentTokens, told_reached
from kg.spans import fold, words_pattern
from kg.text import strip_article, strip_clitics

_UNTIL, _DAY = words_pattern("function_words", "until"), words_pattern("function_words", "day")
_UNTIL_RE = re.compile(rf"(?<!\w){_UNTIL}\s+(?:{_DAY}\s+)?$")
#: "بعد تعليقها في"، "منذ توقفها في": a clause of another happening opens; "بعد ظهر" is a time of day.
#: "منذ توقيعه في"، "منذ انطلاقها في": the event's own happening, whose date is the event's.
_OTHER_HAPPENING_RE = re.compile(
    rf"(?<!\w)[\u0648\u0641]?{words_pattern('date_words', 'other-happening')}\s+"
    rf"(?!(?:{words_pattern('date_words', 'day-part')}|{words_pattern('date_words', 'own-happening')})(?!\w))"
    r"\w[^\u060c,;:.!?\u061f]*$"
)
#: "أول لقاء بين البلدين منذ سبع سنوات": a length counted back after "the first" is no date of the event.
_FIRST_RE = re.compile(rf"(?<!\w){words_pattern('date_words', 'first-of')}(?!\w)[^\u060c,;:.!?\u061f]*$")
_SINCE_RE = re.compile(rf"{words_pattern('date_words', 'ago')}\s")
#: "منذ عام 2015": the year rule's expression starts at the year's noun, after the "since".
_SINCE_BEFORE_RE = re.compile(rf"(?<!\w){words_pattern('date_words', 'ago')}\s+$")
#: How far before a date its "since" is looked for: the word and its spaces.
_SINCE_REACH = 8
#: "أعلن الوزير، السبت، أن ...": a date before the complementiser is the saying's, not what is said.
_THAT_RE = re.compile(
    rf"(?<!\w)[\u0628\u0641]?{words_pattern('complementisers', 'that')}"
    rf"{words_pattern('function_words', 'pronoun_suffix')}?(?!\w)"
)


#: "أول" may stand this many characters before the length it counts ("أول اجتماع رسمي بين البلدين منذ").
_FIRST_REACH = 50
#: How far before an agreement told the newest a word telling it planned is looked for.
_PLANNED_REACH = 40
#: The longest first word of an agreement's phrase read for its article.
_WORD_REACH = 30


def _telling(tells: str) -> str:
    """A regex group matching the definite forms of the adjectives that tell an event ``tells``."""
    return "(?:" + alternation(map(fold, dates.telling_forms(tells))) + ")"


_PLANNED = _telling("planned")
#: "الاتفاق الأخير"، "الهدنة الجديدة": an agreement the adjective right after its noun tells the newest.
#: Not one a word after it or right before it tells planned: "القانون الجديد المقترح"، "مشروع القانون الجديد".
_RECENT_RE = re.compile(rf"\S+\s+{_telling('recent')}(?!\w)(?!\s+{_PLANNED}(?!\w))")
_PLANNED_BEFORE_RE = re.compile(
    rf"(?<!\w)[\u0648\u0628\u0644\u0641]?(?:{words_pattern('date_words', 'draft')}|{_PLANNED})\s+$"
)
#: "الموقع"، "الذي وقع"، "المبرمة": an agreement's clause telling it made.
_MADE_RE = re.compile(rf"(?<!\w)[\u0648]?{words_pattern('date_words', 'made')}(?!\w)")
#: ... told right after the agreement's name, in a relative clause or not ("، الذي وقع"، " الموقع").
_MADE_AFTER_RE = re.compile(rf"[\s\u060c,]*(?:{words_pattern('function_words', 'relative')}\s+)?{_MADE_RE.pattern}")
#: "الحفاظ على الاتفاق"، "مصير الاتفاق"، "التزامها بالاتفاق": another happening toward the agreement
#: named right after it.
_ABOUT_RE = re.compile(
    rf"(?<!\w)[\u0648\u0644\u0628]?{words_pattern('date_words', 'about-agreement')}\s+"
    rf"(?:{words_pattern('function_words', 'on')}\s+|{words_pattern('function_words', 'of')}\s+)?[\u0628\u0644]?$"
)
_ABOUT_REACH = 30
#: "في ختام زيارته"، "عقب اختتام أعمال القمة": the event's close right before its phrase.
_CLOSING_RE = re.compile(
    rf"(?<!\w)[\u0648\u0641\u0628\u0644]?{words_pattern('date_words', 'closing')}"
    rf"\s+(?:{words_pattern('date_words', 'closing-of')}\s+)?$"
)
_CLOSING_REACH = 24
#: The visit triggers that tell one arriving or visiting (``relation_triggers.jsonl``), not its noun.
_VISIT_VERBS = ("verb", "arrive")
#: The length of an ISO day ("2024-03-05").
_DAY = 10


@dataclass
class EventPhrase:
    """An event mention's phrase in the folded text."""

    start: int  #: folded span of an event mention and the words after it that name its actors
    end: int
    date_end: int  #: where a date of the event may still stand


class EventDates:
    """The dated expressions of one article as the event rules ask for them."""

    def __init__(self, actors: ArticleActors) -> None:
        self.ft = actors.ft
        self.text = actors.text
        self.spans = actors.dates  #: (folded start, folded end, DateSpan), dated ones only
        self._article = actors.article

    @cached_property
    def _tokens(self) -> DocumentTokens:
        """The article's tokens, read only for an indefinite agreement's verbal noun (``_reached``)."""
        return DocumentTokens(self._article.text, document(self._article).tokens)

    @cached_property
    def _starts(self) -> list[int]:
        return [token.start for token in self._tokens.tokens]

    def first(self, phrase: EventPhrase) -> dates.DateSpan | None:
        """The first date within an event's phrase, but for one of another happening told in it."""
        for s, _e, span in self.spans:
            if phrase.start <= s < phrase.date_end and not self._of_another_happening(phrase.start, s):
                return span
        return None

    def _of_another_happening(self, event: int, date: int) -> bool:
        """Whether the date at ``date`` stands in a clause of another happening opened after the
        event's mention, with no comma between: "استؤنفت المفاوضات بعد تعليقها في تموز الماضي"
        (the date is the suspension's; "..., أعلن الوسطاء اليوم" is past the comma), or counts the
        time since the last such event: "في أول لقاء بينهما منذ سبع سنوات"."""
        return self._first_in(date) or bool(_OTHER_HAPPENING_RE.search(self.text, event, date))

    def _first_in(self, date: int) -> bool:
        """Whether the date at ``date`` is a length counted back, or a year since, after "the first"
        in its clause: "وهي الأولى منذ عامين"، "أول زيارة له منذ عام 2016" say how long there was
        none, not when anything happened."""
        since = _SINCE_RE.match(self.text, date) or _SINCE_BEFORE_RE.search(
            self.text, max(0, date - _SINCE_REACH), date
        )
        return bool(since and _FIRST_RE.search(self.text, max(0, date - _FIRST_REACH), date))

    def told_as_made(self, phrase: EventPhrase) -> bool:
        """Whether an agreement's phrase, indefinite, follows a verbal noun telling it made: "تم
        التوصل إلى اتفاق"، "بعد توقيع مذكرة". Undated, such an agreement is the story's news; a
        definite one ("بعد توقيع الاتفاق النووي") may be one the reader knows from years before,
        unless its noun is told the newest: "الاتفاق الأخير بين البلدين"، "الهدنة الجديدة"."""
        if _RECENT_RE.match(self.text, phrase.start):
            return not _PLANNED_BEFORE_RE.search(self.text, max(0, phrase.start - _PLANNED_REACH), phrase.start)
        return not self._definite(phrase.start) and self._reached(phrase.start)

    def _reached(self, start: int) -> bool:
        """Whether the agreement named at folded ``start`` is told made by the words before it,
        as the mentions stage reads them (``agreements_told.told_reached``)."""
        original = self.ft.original(start)
        i = bisect.bisect_right(self._starts, original) - 1
        return i >= 0 and told_reached(self._tokens, i, original - self._starts[i])

    def _definite(self, start: int) -> bool:
        """Whether the agreement named at ``start`` is definite ("الاتفاق"، "بالمعاهدة")."""
        words = self.text[start : start + _WORD_REACH].split()[:1]
        return not words or any(stem != strip_article(stem) for _n, stem in strip_clitics(words[0]))

    def made(self, phrase: EventPhrase, name_end: int) -> dates.DateSpan | None:
        """The date an agreement's own name holds ("اتفاق عام 2015"), or the first in its
        sentence after a word that tells it made, written in its name or right after it ("الاتفاق
        الموقع في 2015"، "الاتفاق الذي وقع بين X وY (...) في تموز 2015")."""
        made = _MADE_RE.search(self.text, phrase.start, name_end) or _MADE_AFTER_RE.match(self.text, name_end)
        stop = self.ft.sentence_end(phrase.start)
        for s, _e, span in self.spans:
            if phrase.start <= s < stop and (s < name_end or made and s >= made.end()):
                return span
        return None

    def told_about(self, phrase: EventPhrase) -> bool:
        """Whether an agreement is named after a word of another happening toward it ("الحفاظ
        على الاتفاق"، "مصير الاتفاق"), whose dates are that happening's."""
        return bool(_ABOUT_RE.search(self.text, max(0, phrase.start - _ABOUT_REACH), phrase.start))

    @staticmethod
    def of_making(date: str | None, published: str | None) -> str | None:
        """``date`` as an agreement's, unless it lies after the page's day: then it tells a deadline
        or an entry into force ("الاتفاق الذي يبدأ سريانه في نيسان المقبل"، "قبل 12 مايو موعد
        البت في الاتفاق"), or a signing only planned, not when the agreement was made."""
        return None if date and published and date > published[: len(date)] else date

    def made_in(self, phrase: EventPhrase, published: str) -> str:
        """The year of an agreement its sentence tells made: of the date nearest it there, on or
        before publication ("ووقعت سوريا على المعاهدة، ووافقت على تدمير مخزونها في عام 2013"),
        else of publication ("وقع البلدان اتفاقية"): the story's news."""
        span = self.nearest(phrase)
        year = span.value[:4] if span and span.value else published[:4]
        return year if year <= published[:4] else published[:4]

    def arrival(self, visits: list[tuple[int, int, Match]], before: int) -> dates.DateSpan | None:
        """The day told with the last arrival or visit verb before ``before`` whose sentence
        names one: "وصل المبعوث إلى العاصمة السبت ... وتأتي الزيارة في وقت": a visit named by its
        noun alone is the one the story told arriving. A year or a month in that sentence tells
        something else ("... الذين يسيطرون على المدينة منذ العام 2014")."""
        for start, _end, _visit in reversed([v for v in visits if v[0] < before and v[2].id in _VISIT_VERBS]):
            sentence, stop = self.ft.sentence_start(start), self.ft.sentence_end(start)
            for s, _e, span in self.spans:
                if sentence <= s < stop and len(span.value or "") == _DAY and not self._of_another_happening(start, s):
                    return span
        return None

    def first_and_last(self, span: dates.DateSpan, phrase: EventPhrase) -> tuple[str | None, str | None]:
        """An event's first and last day from a date told in its phrase. Told at its close ("في
        ختام زيارته إلى لندن، الخميس"), the date is its last day, and its first is the one the
        length its sentence tells gives ("في ختام زيارة استمرت ثلاثة أيام"), else unknown."""
        if span.until or not _CLOSING_RE.search(self.text, max(0, phrase.start - _CLOSING_REACH), phrase.start):
            return span.value, span.until
        return self.last_day_told(span.value, [phrase], back=True) if span.value else None, span.value

    def until(self, sentence: int, phrase: EventPhrase) -> dates.DateSpan | None:
        """The date the event's sentence says it lasts until: "وتستمر حتى 14 آذار الجاري"."""
        stop = self.ft.sentence_end(phrase.start)
        for s, _e, span in self.spans:
            if phrase.start <= s < stop and _UNTIL_RE.search(self.text, sentence, s):
                return span
        return None

    def before(self, sentence: int, pos: int) -> dates.DateSpan | None:
        """The last date between a sentence's start and ``pos``, but for one of a saying whose
        complementiser stands between ("أعلن الوزير، السبت، أن السلطة ... القانون الدولي": the
        agreement was not made that day). Talks told after "أعلن ...، الأحد، أن" mostly were held
        that day, so ``nearest`` does not skip such a date. A definite agreement takes none: it is
        one the reader knows, and the day is of what is said or done about it ("أكد الرئيس
        الاثنين أن بلاده ستلتزم بالاتفاق النووي")."""
        if self._definite(pos):
            return None
        earlier = [
            span
            for s, e, span in self.spans
            if sentence <= s < pos and not self._first_in(s) and not _THAT_RE.search(self.text, e, pos)
        ]
        return earlier[-1] if earlier else None

    def last_day_told(self, start_date: str, phrases: list[EventPhrase], back: bool = False) -> str | None:
        """The end of talks whose sentence says how long they last: "في زيارة تستغرق يومين"
        (with ``back``, the first day of talks that end on ``start_date``)."""
        for phrase in phrases:
            sentence = self.ft.folded[self.ft.sentence_start(phrase.start) : self.ft.sentence_end(phrase.start)]
            for _start, _end, days in dates.find_durations(sentence):
                return dates.last_day(start_date, days, back)
        return None

    def nearest(self, phrase: EventPhrase) -> dates.DateSpan | None:
        """The date nearest an event in its sentence, past a comma its phrase stops at: "عقد
        الوزيران جولة محادثات في المدينة، أمس الخميس"."""
        start, stop = self.ft.sentence_start(phrase.start), self.ft.sentence_end(phrase.start)
        near = [
            (min(abs(s - phrase.start), abs(s - phrase.end)), d)
            for s, _, d in self.spans
            if start <= s < stop and not self._of_another_happening(phrase.start, s)
        ]
        return min(near, key=lambda pair: pair[0])[1] if near else None
