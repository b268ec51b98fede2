"""Where a verb's subject stands and ends: the gaps that keep a subject next to its verb, a
preposition's object that is no subject, a feminine noun that is a masculine verb's object, and
a clause that makes the definite noun before it a subject (the speaker rules, ``kg.speakers``)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from kg.cues import ARTICLE, BREAK_RE, BY, COMPLEMENTISER_RE, FOR, statement_words, strip_article
from kg.model import Mention
from kg.spans import FoldedText, MentionSpans, fold

QUOTE_CLOSERS = '"\u201d\u00bb'
#: Nothing but spaces and closing quotation marks between a subject and its verb.
ADJACENT_GAP_RE = re.compile(rf"^[\s{QUOTE_CLOSERS}]*$")
_COMMA_GAP_RE = re.compile(rf"^[\s{QUOTE_CLOSERS}]*[\u060c,][\s\u060c,]*$")
_WORD_RE = re.compile(r"\S+")
_APPOSITION_GAP_RE = re.compile(r"[\s\"\u201c\u00ab]*$")
_LETTERS_RE = re.compile(r"\w+")
#: Third-person pronoun suffixes on a noun (تأييدها، رفضه، دعمهم), the longest first.
_POSSESSIVES = sorted((w for w in statement_words("pronoun_suffix") if w.startswith("\u0647")), key=len, reverse=True)
#: A noun with its pronoun has this many letters or more (دعمه).
_MIN_POSSESSED_LETTERS = 4
FEMININE_END = "\u0629"  #: teh marbuta
#: How far after an unknown definite noun a clause makes that noun the verb's subject.
_CLAUSE_REACH_CHARS = 80
#: Up to four more words and the colon before what was said.
_COLON_RE = re.compile(r"(?:\s+[^\s\u060c,.:\"\u201c\u00ab]+){0,4}\s*:")


def after_preposition(text: str, sentence: int, start: int) -> bool:
    """Whether the word right before ``start`` in its sentence is a preposition (or another word
    that ends a subject): what follows it is no subject."""
    lead = text[sentence:start].split()
    return bool(lead) and bool(BREAK_RE.fullmatch(lead[-1]))


def feminine_word(phrase: str) -> bool:
    """Whether a phrase is one definite word with the feminine ending (الشرطة، الحكومة)."""
    words = phrase.split()
    return len(words) == 1 and words[0].startswith(ARTICLE) and words[0].endswith(FEMININE_END)


def clause_follows(ft: FoldedText, pos: int) -> bool:
    """Whether أن/إن follows within a few words, outside any quotation."""
    stop = pos
    for word in _WORD_RE.finditer(ft.folded, pos):
        stop = word.end()
        if word.start() - pos > _CLAUSE_REACH_CHARS:
            break
    return any(not ft.quote_at(m.start()) for m in COMPLEMENTISER_RE.finditer(ft.folded, pos, stop))


def colon_follows(ft: FoldedText, pos: int) -> bool:
    """Whether the colon before what was said follows within a few words, no comma before it
    and outside any quotation (وقالت الأم: "..."، وقالت الأسرة في بيانها: "...")."""
    colon = _COLON_RE.match(ft.folded, pos)
    return colon is not None and not ft.quote_at(colon.end() - 1)


def subject_gap(text: str, gap: str, sentence: int, subject_start: int) -> bool:
    """Whether ``gap`` keeps a subject next to its verb: nothing, or a comma when the subject
    opens its sentence."""
    if ADJACENT_GAP_RE.match(gap):
        return True
    return bool(_COMMA_GAP_RE.match(gap)) and not BREAK_RE.search(text, sentence, subject_start)


def apposition(
    text: str,
    first: tuple[int, int, Mention],
    second: tuple[int, int, Mention],
    outlets: Collection[str],
    heads: Collection[str],
) -> bool:
    """Whether the mention ``second`` names the outlet or body ``first`` right before it: in
    quotation marks ("وكالة أنباء «رويترز»"), after an outlet's head, or a name no body head
    opens ("حركة المقاومة الإسلامية حماس"); else two names side by side are a verb's subject and
    object (اتهمت تركيا اليونان بـ، طالبت الجامعة العربية مجلس الأمن بـ). Heads are folded,
    without the article."""
    gap = _APPOSITION_GAP_RE.match(text, first[1], second[0])
    if gap is None:
        return False
    head, named = (strip_article(fold(m[2].text).split()[0]) for m in (first, second))
    if gap.group().strip() or named not in heads and first[2].type != "Country":
        return True
    return head in outlets


def skip_lead(text: str, pos: int, limit: int, date_starts: dict[int, int]) -> int:
    """The first offset from ``pos`` past spaces, commas and a date set off there (قال، الجمعة، إن)."""
    dated = False
    while True:
        while pos < limit and (text[pos].isspace() or text[pos] in "\u060c,"):
            pos += 1
        if dated or pos not in date_starts:
            return pos
        pos, dated = date_starts[pos], True


def possessed_object(ft: FoldedText, pos: int, mentions: MentionSpans, known: Iterable[Collection[str]]) -> bool:
    """Whether the word at ``pos``, right after a verb, is a noun with its subject's pronoun that
    no clause follows (أعلنت تأييدها للقرار، جدد رفضه): the verb's object, so the verb's subject
    is written before it (والبحرين التي أعلنت تأييدها) or not at all. Not a name (نصرالله), a
    preposition with its pronoun (قال فيها), a title or head with it (وقال محاميه إن), nor one a
    name follows (كتب محاميه [name]). ``known``: lists of titles, heads and function words, folded."""
    word = _LETTERS_RE.match(ft.folded, pos)
    folded = word.group() if word else ""
    if len(folded) < _MIN_POSSESSED_LETTERS or folded.startswith(ARTICLE) or folded[:1] in (FOR, BY):
        return False
    suffix = next((p for p in _POSSESSIVES if folded.endswith(p)), None)
    stem = folded[: -len(suffix)] if suffix else ""
    if word is None or len(stem) < _MIN_POSSESSED_LETTERS - 1 or any(stem in k or folded in k for k in known):
        return False
    after = word.end() + 1
    if mentions.within(pos, pos + 1) or any(t[2].type == "Person" for t in mentions.within(after, after + 1)):
        return False
    stop = min(ft.sentence_end(pos), word.end() + _CLAUSE_REACH_CHARS)
    return not any(not ft.quote_at(m.start()) for m in COMPLEMENTISER_RE.finditer(ft.folded, word.end(), stop))
