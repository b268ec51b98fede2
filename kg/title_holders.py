"""Titles and their holders: the person a title phrase names, when no list knows the name.

The mentions stage may read a title (وزير الدولة لشؤون النقل) as an entity of its own when it
cannot read the name beside it. The speaker rules then read that name from the syntax: written
right after the title and before the clause (وزير ... [name] إن), or before the title (أعلن [name]
المتحدث باسم الشركة أن). The name becomes a person with the title as its role, and the title
entity is merged into it everywhere in the article (mentions, statements, relations). A title
written before a known person's name becomes that person's role when the mentions stage gave
none, so a definite title later (القنصل) refers back to him. A name set off by a comma after a
speaker's title (مدير الهيئة، [name]، قال), known or not, is the title's holder: the title its
role, the body the title serves its affiliation, and no title entity is made. So is the name
after a title that serves in a place or body (مدير X في Y، [name]، قال; سفير X لدى Y [name] إن).
A definite title alone as a verb's subject (وقال الوزير) is the last speaker only when that one
holds no other title and is no group, else the latest person met under it, else no one known
(``kg.unnamed_titles`` then makes it an official the article does not name).
"""

from __future__ import annotations

import itertools
import re

from kg.cues import ARTICLE, BY, COMPLEMENTISER_RE, FOR, CueLexicon, statement_words, strip_article
from kg.model import Article, Entity, Mention, Source
from kg.spans import FoldedText, MentionSpans, fold
from kg.unknown_names import INNER_GAP_RE, WORD_RE, UnknownNames

#: Most words of a title phrase written before a name.
_MAX_TITLE_WORDS = 6
#: Punctuation that keeps a lead-in from being a title (من جانبه، قال).
_PUNCTUATION = '\u060c,:;"\u201c\u201d\u00ab\u00bb()'
#: A comma setting a name off from the title before it.
_SET_OFF_RE = re.compile(r"[ \t\u00a0]*[\u060c,][ \t\u00a0]*")
#: Most words of the place or body a title serves in, after في / لدى / إلى (في الأمم المتحدة بجنيف).
_MAX_PLACE_WORDS = 6
#: في، لدى، إلى: the place or body a title serves in follows them (مبعوث X إلى Y [name])
_PLACE_LINKS = frozenset(statement_words("title_place"))
#: Most rank words between a set-off comma and the name (العميد الركن).
_MAX_RANK_WORDS = 2


class TitleHolders:
    """One article's titles read as entities of their own, and the persons found to hold them."""

    def __init__(self, article: Article, ft: FoldedText, names: UnknownNames, cues: CueLexicon) -> None:
        self.article = article
        self.ft = ft
        self.names = names
        self.titles = cues.titles  #: person titles (folded, no article) that open a title phrase
        self.place_links = _PLACE_LINKS
        self.groups = cues.group_heads  #: heads of groups of people (خبراء): no title refers to one
        #: a title entity -> the person found to hold it
        self.merged: dict[str, str] = {}

    def holder(self, pos: int, role: tuple[int, int, Mention], limit: int) -> tuple[str, int, int] | None:
        """(key, start, end) of the person holding a title the mentions stage read as an entity of
        its own, named (with a name no rule knew) before the title from ``pos`` or right after it."""
        start, end, mention = role
        title = self.article.entities.get(mention.entity or "")
        if title is None or fold(title.label_ar) != fold(mention.text):
            return None  # the title stands for a person named elsewhere (الرئيس for بوش)
        names, text = self.names, self.ft.folded
        if start > pos and (name_end := names.name_between(pos, start)) is not None:
            key = names.named(pos, pos, name_end, [])
            self._hold(role, key)
            return key, pos, end
        if start != pos:
            return None
        name_start = end
        while name_start < limit and text[name_start] in " \u060c,":
            name_start += 1
        name_end = names.name_after(name_start, limit, before_clause=True)
        if name_end is None:
            return None
        key = names.named(name_start, name_start, name_end, [])
        self._hold(role, key)
        return key, start, name_end

    def set_off(self, pos: int, end: int, limit: int, affiliation: list[str]) -> tuple[str, int] | None:
        """(key, end) of the person a title phrase from ``pos`` to ``end`` names right after a
        comma, ending the subject (مدير الهيئة، [name]، إن; مدير الهيئة، [name] في ختام الاجتماع
        إن): the name's mention, or a name no list knows; the title becomes the person's role, the
        body it serves an affiliation."""
        comma = _SET_OFF_RE.match(self.ft.folded, end)
        if not comma:
            return None
        start = comma.end()
        names = [t for t in self.names.mentions.within(start, start + 1) if t[0] == start and t[2].type == "Person"]
        names = [t for t in names if t[2].source != Source.ROLE and t[2].entity in self.article.entities]
        if names:
            key, stop = names[0][2].entity, max(t[1] for t in names)
        elif (stop := self.names.name_after(start, limit, True, set_off=True)) is not None:
            key = self.names.named(pos, end, stop, affiliation)
        else:
            return None
        person = self.article.entities[key]
        person.role = person.role or self.article.text[slice(*self.ft.original_span(pos, end))]
        person.affiliation += [k for k in affiliation if k not in person.affiliation]
        return key, stop

    def in_place(self, pos: int, limit: int) -> tuple[str, int] | None:
        """(key, end) of the person a title names after the body or place it serves in (مدير
        المكتب في الهيئة الوطنية، [name]، قال; سفير بلاده لدى الأمم المتحدة [name] إن): the title
        opens at ``pos``, في/لدى/إلى ties it to definite words or mentions, and the name
        follows them set off by a comma (a name no list knows too, ranks before it) or right after
        them as a person mention. The title and place become the person's role, a body among
        them an affiliation, and a title entity the mentions stage made merges into the person."""
        text = self.ft.folded
        first = WORD_RE.match(text, pos, limit)  # asked at every subject: most open no title
        if first is None or strip_article(first.group()) not in self.titles:
            return None
        words = list(itertools.islice(WORD_RE.finditer(text, pos, limit), _MAX_TITLE_WORDS + _MAX_PLACE_WORDS + 2))
        link = next(
            (i for i, w in enumerate(words[1 : _MAX_TITLE_WORDS + 1], 1) if w.group() in self.place_links), None
        )
        if link is None or any(
            not INNER_GAP_RE.match(text[a.end() : b.start()]) for a, b in itertools.pairwise(words[: link + 1])
        ):
            return None
        if self._named_at(pos, words[link].start()):
            return None  # a name inside the title: the subject rules read it
        for index in range(link + 1, min(len(words), link + 2 + _MAX_PLACE_WORDS)):
            word, gap = words[index], text[words[index - 1].end() : words[index].start()]
            if index > link + 1 and _SET_OFF_RE.fullmatch(gap):
                return self._hold_in_place(pos, words, (link, index), limit, set_off=True)
            if not INNER_GAP_RE.match(gap):
                return None
            if index > link + 1 and self._named_at(word.start(), word.end()):
                return self._hold_in_place(pos, words, (link, index), limit)
            if not self._place_word(word):
                return None
        return None

    def _hold_in_place(
        self, pos: int, words: list[re.Match[str]], at: tuple[int, int], limit: int, set_off: bool = False
    ) -> tuple[str, int] | None:
        """The holder of a title in a place, the link at ``words[at[0]]``, whose name opens at
        ``words[at[1]]`` (``in_place``); a name ``set_off`` by a comma may be one no list knows,
        or follow a rank (العميد الركن [name])."""
        link, index = at
        title_end, start = words[index - 1].end(), words[index].start()
        named = self._named_at(start, start + 1)
        if named is None and set_off and strip_article(words[index].group()) in self.titles:
            ranks = words[index + 1 : index + 1 + _MAX_RANK_WORDS]
            named = next((n for w in ranks if (n := self._named_at(w.start(), w.start() + 1))), None)
        if named and self.names.ends_subject(named[1], limit):
            key, stop = named[2].entity or "", named[1]
        elif set_off and (stop := self.names.name_after(start, limit, True, set_off=True)) is not None:
            key = self.names.named(pos, start, stop, [])
        else:
            return None
        if not self.names.ends_subject(stop, limit):
            return None
        bodies = [
            t[2].entity
            for t in self.names.mentions.within(words[link].end(), title_end)
            if t[2].type in ("Organization", "Force") and t[2].entity in self.article.entities
        ]
        roles = [t for t in self.names.mentions.within(pos, pos + 1) if t[2].source == Source.ROLE]
        if roles and roles[0][1] <= title_end:
            self._hold(roles[0], key)  # the title the mentions stage made an entity of its own
        person = self.article.entities[key]
        person.role = self.article.text[slice(*self.ft.original_span(pos, title_end))]
        person.affiliation += [k for k in bodies[:1] if k and k not in person.affiliation and k != key]
        return key, stop

    def name_mention(self, mention: Mention) -> bool:
        """Whether a person mention is a name, not a title or the role standing for its holder."""
        words = fold(mention.text).split()
        return mention.source != Source.ROLE and bool(words) and strip_article(words[0]) not in self.titles

    def _named_at(self, start: int, stop: int) -> tuple[int, int, Mention] | None:
        """A person's name mention starting in [start, stop): not a title, nor an unnamed speaker
        (سفير اليمن) whose role is its label."""
        entities = self.article.entities
        found = [
            t
            for t in self.names.mentions.within(start, stop)
            if t[2].type == "Person"
            and t[2].source != Source.ROLE
            and (person := entities.get(t[2].entity or ""))
            and person.role != person.label_ar
        ]
        return max(found, key=lambda t: t[1]) if found else None

    def _place_word(self, word: re.Match[str]) -> bool:
        """Whether a word may belong to the body or place a title serves in: a mention's, or a
        definite word (with ل/ب before it: للأراضي، بالإسكندرية), not a function word."""
        folded, names = word.group(), self.names
        if folded in names.lex.stopwords or COMPLEMENTISER_RE.fullmatch(folded):
            return False
        if names.mentions.within(word.start(), word.start() + 2) or names.places.within(word.start(), word.start() + 2):
            return True
        clitic = folded[:1] in (BY, FOR) and folded[1:].startswith(ARTICLE)
        return folded.startswith((ARTICLE, FOR + FOR)) or clitic

    def definite(self, pos: int, end: int, limit: int, previous: list[str], mentions: MentionSpans) -> list[str]:
        """Whom a definite title written from ``pos`` to ``end`` as a verb's subject names: the
        name right after it and its nisbas, when no list knows it (وقال الوزير [name] إن);
        else the last persons who spoke, unless each holds another title (the last speaker was
        "رئيس الوزراء" or "خبراء": "النائب العام" is someone else); else the latest person met
        under this title; else no one known, not the last speaker."""
        head, entities = head_word(self.ft.folded[pos:end]), self.article.entities
        named_at = self.names.nisba_end(end)
        while named_at < limit and self.ft.folded[named_at].isspace():
            named_at += 1
        if (name_end := self.names.name_after(named_at, limit, before_clause=True)) is not None:
            return [self.names.named(pos, named_at, name_end, [])]
        if previous and not all(self._holds_other_title(entities[k], head) for k in previous if k in entities):
            return list(previous)
        return [k for k in self.titled(head, pos, mentions) if self.names.nisbas_agree(end, [k])]

    def _holds_other_title(self, person: Entity, head: str) -> bool:
        """Whether a person's role opens with a title other than ``head``, or the person is a
        group; an unnamed speaker read from its title (its role its label) may be named by a
        synonym of that title (الناطق، المتحدث)."""
        role = person.role or ""
        if head_word(role) in self.groups:
            return True
        return bool(role) and head_word(role) != head and role != person.label_ar

    def give_role(self, pos: int, person: tuple[int, int, Mention]) -> None:
        """Note the title phrase written from ``pos`` to a person's name (القنصل السعودي محمد
        العتيبي) as the person's role, when the mentions stage gave none."""
        holder = self.article.entities.get(person[2].entity or "")
        lead = self.ft.folded[pos : person[0]]
        if holder is None or holder.role or any(ch in _PUNCTUATION for ch in lead):
            return
        if len(lead.split()) <= _MAX_TITLE_WORDS:
            begin, end = self.ft.original_span(pos, person[0])
            holder.role = self.article.text[begin:end].strip() or None

    def titled(self, head: str, pos: int, mentions: MentionSpans) -> list[str]:
        """The latest person before ``pos`` whose role opens with the folded title ``head``
        (القنصل after "القنصل السعودي محمد العتيبي")."""
        entities = self.article.entities
        found = [
            mention.entity
            for start, _end, mention in mentions
            if start < pos
            and (person := entities.get(mention.entity or ""))
            and person.type == "Person"
            and person.role
            and head_word(person.role) == head
        ]
        return found[-1:]

    def merge(self) -> dict[str, str]:
        """Replace, everywhere in the article, each title entity whose holder was found by that
        person; return the replacements (old key -> new key)."""
        entities = self.article.entities
        for old, new in self.merged.items():
            entities.pop(old, None)
            for entity in entities.values():
                for keys in (entity.participants, entity.parties, entity.affiliation):
                    keys[:] = list(dict.fromkeys(new if k == old else k for k in keys if k != entity.key))
        return self.merged

    def _hold(self, role: tuple[int, int, Mention], key: str) -> None:
        """Make the person ``key`` the holder of a title read as an entity of its own: the title is
        the person's role, and the title entity becomes the person."""
        start, end, mention = role
        person = self.article.entities[key]
        person.role = self.article.text[slice(*self.ft.original_span(start, end))]
        old = self.article.entities.get(mention.entity or "")
        if old is None or old.key == key:
            return
        absorb(self.article, old, person, self.merged)


def absorb(article: Article, old: Entity, person: Entity, merged: dict[str, str]) -> None:
    """Make ``old`` the entity ``person``: its mentions and affiliations become his, and the
    replacement is recorded in ``merged`` for ``TitleHolders.merge`` to carry everywhere."""
    person.affiliation += [k for k in old.affiliation if k not in person.affiliation]
    merged[old.key] = person.key
    for other in article.mentions:
        other.entity = person.key if other.entity == old.key else other.entity


def head_word(text: str) -> str:
    """The folded first word of a phrase, without its article."""
    words = fold(text).split()
    return strip_article(words[0]) if words else ""
