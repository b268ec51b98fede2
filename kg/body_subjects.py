"""A body no rule knows, named by a definite noun phrase as a verb's subject (وقالت المفوضية
العليا للانتخابات إن): typed by its head noun (``head_nouns.jsonl``)."""

from __future__ import annotations

from kg.cues import ARTICLE, BREAK_RE, COMPLEMENTISER_RE, FOR, strip_article
from kg.speaker_phrases import FEMININE_END, MAX_WORDS, Phrase, PhraseReader, body_head, names_no_one
from kg.text import fold as lexicon_fold
from kg.unknown_names import INNER_GAP_RE, WORD_RE


def read_body(reader: PhraseReader, pos: int, limit: int, feminine: bool) -> Phrase | None:
    """A definite noun phrase no rule knows, written as a verb's subject and ending it
    (وقالت المفوضية العليا للانتخابات إن): a body typed by its head noun, or an Organization
    when a feminine verb has a feminine head (الفيدرالية، الكتلة). The phrase runs while its
    words are definite (العليا، الدولية) or a genitive after ل (للانتخابات، لشؤون اللاجئين)."""
    words = list(WORD_RE.finditer(reader.text, pos, limit))
    if not words or words[0].start() != pos or not words[0].group().startswith(ARTICLE):
        return None
    head = strip_article(words[0].group())
    if names_no_one(reader, head):
        return None
    kind = body_head(reader.lex, head)
    feminine_head = lexicon_fold(head).endswith(FEMININE_END) and not reader.names.country_nisba(head)
    if kind is None and feminine and feminine_head:
        kind = "Organization"
    if kind is None:
        return None
    end = words[0].end()
    for index, word in enumerate(words[1 : MAX_WORDS + 2], start=1):
        folded = word.group()
        if not INNER_GAP_RE.match(reader.text[end : word.start()]) or word.start() in reader.names.date_starts:
            break
        if folded in reader.lex.stopwords or BREAK_RE.fullmatch(folded) or COMPLEMENTISER_RE.fullmatch(folded):
            break
        following = words[index + 1].group() if index + 1 < len(words) else ""
        genitive = folded[:1] == FOR and (folded[1:].startswith(FOR) or following.startswith(ARTICLE))
        if not (folded.startswith(ARTICLE) or genitive):
            break
        end = word.end()
    if not reader.names.ends_subject(end, limit):
        return None  # "وقالت الناشطة [a name] إن": a title and a name, not a body
    return Phrase([reader.entity(kind, pos, end, [])], pos, end)
