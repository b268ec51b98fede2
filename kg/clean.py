"""Cleaning and segmentation: raw page text -> the main Article.

``split_articles`` keeps the headline (``Article.title``) and the body of the main story, and
drops what a scraper glues around it: menus and breadcrumbs before the headline, bylines and
reading-time lines, photo captions (printed twice), "read also" and related-headline lists,
tag and source lines, the leads of other stories a page appends, and a second full article
appended after the first. The stored text (``Article.text``) is the kept body paragraphs; every
offset downstream indexes it. The Arabic text functions it reads lines with (``fold`` ...) are
``kg.text``'s.
"""

from __future__ import annotations

import re
from functools import cache

from kg import page_dates, resources, spans
from kg.furniture import Furniture
from kg.model import Article
from kg.text import clitics, fold, has_arabic

__all__ = ["split_articles"]

# ---------------------------------------------------------------- segmentation

#: A menu or breadcrumb line: two or more short items between bars or arrows (الرئيسية | أخبار).
_MENU_SEPARATOR_RE = re.compile(r"\s*[|\u203a\u00bb>]\s*")
#: The separators alone: a line without one is one item, no menu (most lines: no split for them).
_MENU_MARK_RE = re.compile(r"[|\u203a\u00bb>]")
_MENU_ITEM_WORDS = 3
#: A line that only names a list ("اقرأ أيضاً:") has at most this many words; longer, it is one link.
_LIST_HEAD_WORDS = 4


@cache
def _furniture() -> Furniture:
    return Furniture(resources.load("page_furniture"), fold)


def _is_menu(line: str) -> bool:
    if not _MENU_MARK_RE.search(line):  # the split's leading \s* is tried at every character
        return False
    items = [item for item in _MENU_SEPARATOR_RE.split(line) if item]
    return len(items) >= 2 and all(len(item.split(None, _MENU_ITEM_WORDS)) <= _MENU_ITEM_WORDS for item in items)


#: A short header line with a dash, slash or bar is a dateline/byline ("واشنطن -هبة نصر").
_BYLINE_RE = re.compile(r"[-\u2013\u2014/|]")
_BYLINE_MAX_WORDS = 5
#: A source tag glued before the first paragraph ("الأمة| أكدت ...").
_SOURCE_TAG_RE = re.compile(r"^[^\s|]{2,20}\s*\|\s*")
#: A headline has at least this many words and fewer than the longest headline; a line at least
#: as long as ``_PARAGRAPH_WORDS`` (or ending in a full stop) is a body paragraph.
_HEADLINE_MIN_WORDS = 3
_PARAGRAPH_WORDS = 20
_SENTENCE_END = (".", "\u061f", "!", ":")
#: Quotation marks and brackets that may close a sentence after its full stop.
_CLOSING_MARKS = "\"'\u201d\u2019\u00bb)] "
#: A paragraph that opens with a dateline: a place of a few words, maybe an agency in brackets,
#: then a dash ("عمّان (أ ف ب) - أعلن"، "القدس (CNN)-- شيّع").
_DATELINE_OPENING_RE = re.compile(r"^(?:[^\W\d]+\s+){0,3}[^\W\d]+\s*(?:\([^()]{1,30}\)\s*)?[-\u2013\u2014]{1,2}\s*\w")


def split_articles(text: str, source: str) -> list[Article]:
    """Return the main article of one source text (an appended second article is dropped).

    The appended article is dropped rather than returned as an article of its own: a scraper
    glues on the opening of the next story, whose furniture (headline, captions, lists) cannot
    be told from its body reliably, and whose source and date would be the main story's, so
    its statements would be credited to the wrong page and day. Its own URL gives it whole.
    """
    lines = [line.strip() for line in text.splitlines()]
    counts: dict[str, int] = {}
    for line in lines:
        if line:
            counts[line] = counts.get(line, 0) + 1
    furniture = _furniture()
    title, body_from = _find_title(lines)
    kept: list[tuple[int, str]] = []  # (line number, text)
    body_started = in_links = False
    first_paragraph = stop = len(lines)
    for number in range(body_from, len(lines)):
        line = lines[number]
        if not line:
            continue
        key = fold(line)
        words = len(line.split())
        if furniture.end.match(key) and words <= 10 and not body_started:
            in_links = True  # a list above the story ("الأكثر قراءة"), or its source line
            continue
        if (furniture.end.match(key) and words <= 10) or (body_started and _starts_appended_article(lines, number)):
            stop = number
            break
        if furniture.link.match(key):  # "اقرأ أيضاً: <headline>", or the head of a list of them
            in_links = words <= _LIST_HEAD_WORDS
            continue
        if in_links and not _is_paragraph(line):
            continue  # a headline of the list
        in_links = False
        if (
            counts[line] > 1
            or line == title
            or not has_arabic(line)
            or furniture.dropped(key, _is_paragraph(key))
            or _is_menu(line)
            or (not body_started and words <= _BYLINE_MAX_WORDS and _BYLINE_RE.search(line))
            or (not _is_paragraph(line) and (page_dates.is_date_line(line) or page_dates.line_date(line)))
        ):
            continue
        if not body_started:
            # where the desk filed from is the page's furniture, not what the story tells
            line = furniture.credited_dateline.sub("", _SOURCE_TAG_RE.sub("", line))
            body_started = _is_paragraph(line)
            if body_started:
                first_paragraph = number
        kept.append((number, line))
    kept = kept[: len(kept) - _trailing_headlines(kept)]
    kept = _without_headline_lists(kept[: len(kept) - _trailing_leads(kept)])
    body = ""
    for index, (number, line) in enumerate(kept):
        if index:
            gap = lines[kept[index - 1][0] + 1 : number]
            body += "\n\n" if any(not g for g in gap) else "\n"
        body += line
    published = _find_published(lines[:first_paragraph])
    if published is None and first_paragraph < len(lines):
        published = page_dates.dateline_date(lines[first_paragraph])
    if published is None and kept:  # the date printed under the story, before any list of links
        tail = lines[kept[-1][0] + 1 : stop]
        links = next((n for n, line in enumerate(tail) if furniture.link.match(fold(line))), len(tail))
        published = _find_published(tail[:links])
    return [Article(source=source, text=body, title=title, published=published or page_dates.source_date(source))]


def _trailing_headlines(kept: list[tuple[int, str]]) -> int:
    """How many lines at the end are headlines of related stories listed with no heading: two or
    more short lines that do not end a sentence, after the story's paragraphs. One such line is
    the story's own last paragraph, cut off by the scraper ("ويصل عدد ال"), unless it has no more
    words than a byline or a tag and does not go on with the story ("سامي علي/ هدى سعيد")."""
    run = 0
    for _number, line in reversed(kept):
        if _is_paragraph(line):
            break
        run += 1
    last = kept[-1][1] if kept else ""
    if run == 1 < len(kept) and len(last.split()) <= _BYLINE_MAX_WORDS and not _goes_on(last):
        return 1
    return run if 2 <= run < len(kept) else 0


#: A run of at least this many leads of other stories ends some pages, this many of them dated by
#: a weekday by a comma ("رحبت البحرين، الثلاثاء، بقرار ..."، "قال مساء الأربعاء، إن") or one of them, not the
#: last, cut off by the scraper mid-sentence; a page appends at most ``_LEADS_MAX`` of them, so the
#: paragraphs before those are the story's own even when they open alike (an opinion piece's).
_LEADS_RUN, _LEADS_DATED, _LEADS_MAX = 3, 2, 5
_WEEKDAY = spans.words_pattern("date_words", "weekday")
_WEEKDAY_BY_COMMA_RE = re.compile(rf"\u060c\s*{_WEEKDAY}(?!\w)|(?<!\w){_WEEKDAY}\s*\u060c")
_OPENING_MARKS = "\"'\u201c\u00ab([-\u2013"
#: A story's first sentence may open with a quotation ("\"...\".. بهذه الكلمات رد ...").
_QUOTATION_MARKS = "\"'\u201c\u00ab"
#: A paragraph's first word of this many letters after ``و`` or ``ف`` that is no function word
#: ("وفي"، "ولم") opens with the verb's own first letter ("وصل"، "وسط"، "فتح"), not a conjunction.
_ROOT_REST = 2


def _trailing_leads(kept: list[tuple[int, str]]) -> int:
    """How many paragraphs at the end are the leads of other stories a page appends as teasers:
    three to five in a row after the story's first paragraph (a lead printed without its full
    stop may be shorter than a paragraph, though longer than a headline), none going on with the story (no
    opening conjunction, connective, bracket, dash or list number: a lead may open with a
    quotation or a preposition, as a story does), at least two of them dated by a weekday set off
    by a comma, as
    a story's first sentence is, or one of them but the last ending mid-sentence, as the
    scraper cuts a teaser off."""
    run = 0
    for _number, line in reversed(kept[1:]):
        lead_length = _is_paragraph(line) or len(line.split()) >= _LINKED_HEADLINE_WORDS.stop
        if not lead_length or (_goes_on(line) and not _may_open_story(line)) or line[:1].isdigit():
            break
        run += 1
    leads = [line for _number, line in kept[len(kept) - run :]][-_LEADS_MAX:]
    dated = sum(bool(_WEEKDAY_BY_COMMA_RE.search(spans.fold(line))) for line in leads)
    cut = any(not _ends_sentence(line) for line in leads[:-1])
    return len(leads) if len(leads) >= _LEADS_RUN and (dated >= _LEADS_DATED or cut) else 0


def _may_open_story(paragraph: str) -> bool:
    """Whether a paragraph opens as a story's first sentence may: with a quotation, or with a
    preposition of time or place (``lead-opening`` in page_furniture.jsonl: "في رد على ..."،
    "بعد أن أعلن ...")."""
    first = paragraph.split()[0]
    return first[:1] in _QUOTATION_MARKS or fold(first) in _furniture_words("lead-opening")


def _goes_on(paragraph: str) -> bool:
    """Whether a paragraph opens as one that goes on with a story: with the conjunction و/ف, a
    connective or a preposition (``continuing`` in page_furniture.jsonl), a quotation mark or a
    bracket."""
    first = fold(paragraph.split()[0]) if paragraph.split() else ""
    if first[:1] in clitics().conjunction:
        rest = first[1:]
        return len(rest) != _ROOT_REST or rest in _function_words()
    return first[:1] in _OPENING_MARKS or first in _furniture_words("continuing")


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSING_MARKS).endswith(_SENTENCE_END)


@cache
def _function_words() -> frozenset[str]:
    return frozenset(fold(r["pattern"]) for r in resources.load("stopwords"))


@cache
def _furniture_words(label: str) -> frozenset[str]:
    return frozenset(fold(r["pattern"]) for r in resources.load("page_furniture") if r["label"] == label)


#: Related headlines listed inside a story with no heading come two to five at a time; more short
#: lines in a row are verse or a list the story gives.
_LISTED_HEADLINES = range(2, 6)
_LISTED_HEADLINE_WORDS = 4
#: One headline of another story set between two paragraphs has a headline's length; a subheading
#: of the story is shorter ("العقبات أمام الدستور"), a paragraph the scraper cut off longer.
_LINKED_HEADLINE_WORDS = range(5, 15)
_QUESTION_MARKS = ("?", "\u061f")


def _without_headline_lists(kept: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The kept lines without the related headlines a page lists inside the story: two to five
    lines in a row of a few words that end no sentence, or one of a headline's length that does
    not go on with the story, after a paragraph that ends one and before a paragraph or a
    subheading (a subheading stands alone and is shorter; a line a scraper wrapped follows one
    that ends no sentence)."""
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(kept):
        end = index
        while end < len(kept) and _is_listed_headline(kept[end][1]):
            end += 1
        if (
            (end - index in _LISTED_HEADLINES or end - index == 1 and _is_linked_headline(kept[index][1]))
            and out
            and _ends_sentence(out[-1][1])
            and end < len(kept)
            and (_is_paragraph(kept[end][1]) or len(kept[end][1].split()) < _LISTED_HEADLINE_WORDS)
        ):
            index = end
            continue
        out.extend(kept[index : max(end, index + 1)])
        index = max(end, index + 1)
    return out


def _is_listed_headline(line: str) -> bool:
    """Whether a line may be one of a list of related headlines: a few words that end no
    sentence, or a short question ("ما صلاحيات الرئيس في النظام الجديد؟"): a list of links
    holds those too, and two questions in a row with no answer between are no story's, unless
    they go on with it ("منذ ذلك الحين، هل ...؟": questions the story quotes)."""
    words = len(line.split())
    if line.rstrip(_CLOSING_MARKS).endswith(_QUESTION_MARKS):
        return words in _LINKED_HEADLINE_WORDS and not _goes_on(line)
    return not _is_paragraph(line) and words >= _LISTED_HEADLINE_WORDS


def _is_linked_headline(line: str) -> bool:
    """Whether a line standing alone between paragraphs reads as another story's headline: a
    headline's length, no sentence's end, and no opening that goes on with the story (و/ف, a
    connective, a quote)."""
    return len(line.split()) in _LINKED_HEADLINE_WORDS and not _is_paragraph(line) and not _goes_on(line)


def _is_paragraph(line: str) -> bool:
    """A body paragraph: long, or ending as a sentence does; a headline or link is neither."""
    # split no further than the count asked (asked of every line; a paragraph has many words)
    return len(line.split(None, _PARAGRAPH_WORDS - 1)) >= _PARAGRAPH_WORDS or _ends_sentence(line)


def _find_title(lines: list[str]) -> tuple[str | None, int]:
    """The headline and the line where the body search starts (menus before it are skipped)."""
    furniture = _furniture()
    for number, line in enumerate(lines):
        words = len(line.split())
        if words < _HEADLINE_MIN_WORDS or not has_arabic(line) or _is_menu(line):
            continue
        key = fold(line)
        if furniture.dropped(key, _is_paragraph(key)) or furniture.link.match(key):
            continue
        # a headline may ask a question ("هل تنجح الوساطة؟"); a body paragraph has a paragraph's length
        question = len(line.split()) < _PARAGRAPH_WORDS and line.rstrip(_CLOSING_MARKS).endswith(_QUESTION_MARKS)
        if (_is_paragraph(line) and not question) or line.endswith("."):
            return None, number
        return line, number + 1
    return None, 0


def _starts_appended_article(lines: list[str], number: int) -> bool:
    """Whether line ``number`` is the headline of a second article: a caption printed twice
    follows it, or a line that dates or datelines a story ("الخميس 3 آذار 2022"، "بغداد - ..."،
    a paragraph opening "عمّان (أ ف ب) - أعلن ...")."""
    following = [n for n in range(number + 1, min(len(lines), number + 6)) if lines[n]]
    if len(following) >= 2 and lines[following[0]] == lines[following[1]] != lines[number]:
        return True
    if not following or _is_paragraph(lines[number]) or len(lines[number].split()) < _HEADLINE_MIN_WORDS:
        return False
    after = lines[following[0]]
    byline = len(after.split()) <= _BYLINE_MAX_WORDS and _BYLINE_RE.search(after)
    opens_story = _is_paragraph(after) and _DATELINE_OPENING_RE.match(fold(after))
    return bool(byline or opens_story or _find_published([after]) or page_dates.dateline_date(after))


def _find_published(header: list[str]) -> str | None:
    """The publication date the page header (or footer) states, as ISO: after a cue ("تاريخ النشر:
    2023-08-09"), or on a line or a part of a line of its own with at most a weekday, a time and
    the Hijri date ("الثلاثاء 12 آذار 2024 - 10:30"، "كتب: أحمد علي | 12 آذار 2024")."""
    cue_re = _furniture().published
    for line in header:
        key = fold(line)
        cue = cue_re.search(key)
        if value := page_dates.full_date(key[cue.end() :]) if cue else page_dates.line_date(line):
            return value
    return None
