"""The page furniture a scraper leaves around a story, as ``kg/data/page_furniture.jsonl`` lists
it: which lines of a page are captions, bylines, links, share buttons, disclaimers or credits.
``kg.clean`` decides with it which lines are the story's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.spans import trie_regex

#: A line of its own saying the outlet cannot verify has at most this many words; a longer
#: paragraph that says so also tells the story.
_DISCLAIMER_WORDS = 25


class Furniture:
    """The page furniture of ``kg/data/page_furniture.jsonl``. Matched at the start of a folded
    line: ``end`` (related lists, tags, footers: the story is over), ``link`` ("اقرأ أيضاً"، "شاهد:":
    a link to another story, or alone the head of a list of them), ``caption`` (صورة:، تصوير),
    ``furniture`` (bylines, page dates), ``published`` (a publication date's cue), ``share`` (share,
    subscribe, follow). ``counter``: a number and one word ("0 تعليق"). Anywhere in the line:
    ``reading-time``, ``embed`` (an embedded post), ``url`` (a web address), ``disclaimer`` (the
    outlet cannot verify what circulates; a line of its own only). ``credit``: a photo or
    agency credit closing the line, in brackets or after a dash or slash. ``share``, ``url`` and
    ``credit`` drop only lines that are no sentence; ``reader`` (a line addressing the readers:
    "يمكنكم تحميل تطبيقنا") drops sentences too. ``elapsed``: a line that only says how long
    ago the page was posted ("منذ 3 ساعات")."""

    def __init__(self, records: list[dict], fold: Callable[[str], str]) -> None:
        def forms(label: str) -> list[str]:
            return sorted({fold(r["pattern"]) for r in records if r["label"] == label}, key=len, reverse=True)

        def starts(label: str) -> re.Pattern[str]:
            # a form ending in a letter ends a word there; one ending in ":" or "/" may run on
            # "شاهد.." and "شاهد…" as "شاهد:"
            parts = [
                re.escape(f).replace(":", r"\s*(?::|\.\.|\u2026)").replace("/", r"\s*/") + r"(?!\w)" * f[-1].isalnum()
                for f in forms(label)
            ]
            return re.compile(rf"^\W*(?:{'|'.join(parts)})", re.IGNORECASE)

        def anywhere(label: str) -> re.Pattern[str]:
            return re.compile("|".join(map(re.escape, forms(label))), re.IGNORECASE)

        def found_anywhere(label: str) -> re.Pattern[str]:
            # only asked whether a line holds one (searched in every line): a prefix trie, the same words
            return re.compile(trie_regex(forms(label)), re.IGNORECASE)

        self.end, self.link, self.caption, self.furniture, self.published_line, self.share, self.reader = (
            starts(label) for label in ("end", "link", "caption", "furniture", "published", "share", "reader")
        )
        #: a cue anywhere in a header line: the publication date follows it
        self.published = anywhere("published")
        self.reading_time, self.embed, self.url, self.disclaimer = (
            found_anywhere(label) for label in ("reading-time", "embed", "url", "disclaimer")
        )
        counters = "|".join(map(re.escape, forms("counter")))
        self.counter = re.compile(rf"^\W*\d[\d,.]*\s*(?:{counters})\W*$", re.IGNORECASE)
        leads, units = ("|".join(map(re.escape, forms(label))) for label in ("elapsed-lead", "elapsed"))
        self.elapsed = re.compile(rf"^\W*(?:{leads})\s+(?:\d+\s*)?(?:{units})\W*$")
        credits = "|".join(map(re.escape, forms("credit")))
        #: the dateline credited to an outlet or agency in brackets, and its dash: "دبي، الإمارات
        #: العربية المتحدة (CNN)-- "، "عمّان، 3 شباط (فبراير) 2020 (بترا) - ", read in the raw line
        raw = sorted({re.escape(r["pattern"]) for r in records if r["label"] == "credit"}, key=len, reverse=True)
        outlet = rf"(?:[A-Za-z][A-Za-z .]{{1,20}}|\s*(?:{'|'.join(raw)})\s*)"
        self.credited_dateline = re.compile(
            rf"^(?:\S+\s+){{0,6}}?\S*\({outlet}\)\s*[-\u2013\u2014]{{1,2}}\s*(?=\w|[\"\u00ab\u201c])",
            re.IGNORECASE,
        )
        self.credit = re.compile(
            rf"(?:\((?:[^()]*[^\w()])?(?:{credits})(?:[^\w()][^()]*)?\)|(?:^|[-\u2013\u2014/|])\s*(?:{credits}))\W*$",
            re.IGNORECASE,
        )

    def dropped(self, key: str, paragraph: bool) -> bool:
        """Whether a folded line is a caption, a byline or page date, a reading-time line or an
        embedded post; a short line closed by a photo credit ("... في الرباط (رويترز)"، "... -
        أ ف ب") is a caption, one that asks to share or follow is furniture, unless it is a
        ``paragraph`` of the story."""
        if any(p.match(key) for p in (self.caption, self.furniture, self.published_line, self.reader)):
            return True
        if self.reading_time.search(key) or self.embed.search(key) or self.counter.match(key):
            return True
        if self.disclaimer.search(key) and len(key.split()) <= _DISCLAIMER_WORDS:
            return True
        if self.elapsed.match(key):  # "منذ 3 ساعات": when the page was posted, counted from the reader's now
            return True
        return not paragraph and bool(self.credit.search(key) or self.share.match(key) or self.url.search(key))
