"""Bodies no rule knows, named as a verb's subject by a definite noun phrase that ends it
(وقالت المفوضية العليا للانتخابات إن): typed by the phrase's head noun (``head_nouns.jsonl``),
or an Organization when a feminine verb has a feminine head. The speaker phrases a cue's words
open with (``kg.speaker_phrases``) are read by their syntax; these by the verb they follow."""

from __future__ import annotations

from kg.cues import ARTICLE, BREAK_RE, COMPLEMENTISER_RE, FOR, strip_article
from kg.speaker_phrases import MAX_WORDS, Phrase, PhraseReader, body_head, names_no_one
from kg.text import fold as lexicon_fold
from kg.unknown_names import INNER_GAP_RE, WORD_RE

#: The feminine ending of a noun, folded (ة folds to ه).
_FEMININE_END = lexicon_fold("\u0629")
#: The endings of a singular nisba (ي, which ى folds to; ة as above), folded: a singular is no people.
_SINGULAR_ENDS = (lexicon_fold("\u064a"), _FEMININE_END)


def read_body(reader: PhraseReader, pos: int, limit: int, feminine: bool) -> Phrase | None:
    """A definite noun phrase no rule knows, written as a verb's subject and ending it
    (وقالت المفوضية العليا للانتخابات إن): a body typed by its head noun, or an Organization
    when a feminine verb has a feminine head (الفيدرالية، الكتلة). The phrase runs while its
    words are definite (العليا، الدولية) or a genitive after ل (للانتخابات، لشؤون اللاجئين).
    A people named by its plural nisba (``_people``) speaks as its country."""
    words = list(WORD_RE.finditer(reader.text, pos, limit))
    if not words or words[0].start() != pos or not words[0].group().startswith(ARTICLE):
        return None
    head = strip_article(words[0].group())
    if names_no_one(reader, head):
        return None
    if people := _people(reader, pos, head, limit):
        return people
    kind = body_head(reader.lex, head)
    feminine_head = lexicon_fold(head).endswith(_FEMININE_END) and not reader.names.country_nisba(head)
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


def _people(reader: PhraseReader, pos: int, head: str, limit: int) -> Phrase | None:
    """A people named by the plural of its nisba as a verb's subject (ويقول الأردنيون إن، وقال
    الأتراك إن): its country speaks. A singular nisba is no people: after a verb it is most
    often a surname (وقال المصري إن)."""
    if lexicon_fold(head).endswith(_SINGULAR_ENDS):
        return None
    countries, end = reader.names.nisba_countries(pos)
    if not countries or not reader.names.ends_subject(end, limit):
        return None
    return Phrase(countries, pos, end)
