"""Continuations: who speaks when a reporting verb has no written subject.

A verb or participle with no subject reads its person and number (``CueForm.number``): a
participle continues its clause's speaker (no one, when its clause's verb named no one known),
or the person who opens its sentence, or the last speaker, if it agrees with him (a plural or
dual participle not one person, a feminine one a woman or a body: "وتناقل ناشطون ...، مؤكدين"
is not the last minister's); a dual or plural verb the sides of the article's main
dialogue, or the last speakers if they were more than one, but no one when a word other than a
connector stands before it (its subject is written there: "ولكن كثيرين انتقدوا") or a verb
since the last speaker had a subject no one could name ("وقال الأطباء ... لكنهم كشفوا"); a
feminine verb the nearest body before it in its sentence, or the last speaker if that was a
woman (by her verb, or by her given name under a masculine title) or a body; the body must stand
where a subject can (not after a preposition, no comma between); a masculine verb the person
who opens the sentence, else the last speaker (وأضاف، وتابع، وأشار إلى أن، ولفت), across
sentences and paragraphs, unless that speaker was the subject of a feminine verb (a woman or a
body). Only a verb that opens its clause (وقال، كما قال، "وفي السياق، قال"، "فإنه يقول") goes on
with the last speaker; one inside a clause ("ونشر صوره يدعو إلى") does not.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg import resources
from kg.cues import BREAK_RE, COMPLEMENTISER_RE, CONJUNCTIONS, CONNECTORS, Cue, statement_words, strip_article
from kg.issuers import document_author
from kg.lexicon import word_set
from kg.spans import MentionSpans, words_pattern
from kg.spans import fold as fold_text
from kg.subject_gaps import FEMININE_END
from kg.text import fold

if TYPE_CHECKING:
    from kg.speakers import SpeakerReader

_FEMALE_NAMES = word_set("given_names", "female")
_PRONOUNS = statement_words("pronoun_suffix")
#: أن/إن without a pronoun: "فإنه يقول" goes on with him, "أن يقول" is no clause of its own.
_BARE_COMPLEMENTISER_RE = re.compile(words_pattern("complementisers", "that"))
#: What keeps a person from being the subject of the sentence's first verb: a quotation, a
#: comma or a bracket before him.
_MARKS = '"\u201c\u00ab\u060c,()'
#: A participle's ending, folded -> its number (m, f, many), longest first (مشيرتين before مشيرين).
_PARTICIPLE_NUMBERS = sorted(
    ((fold_text(r["suffix"]), r["number"]) for r in resources.load("verb_inflection") if r["label"] == "participle"),
    key=lambda pair: -len(pair[0]),
)
#: The ending of a past verb whose subject is a woman or a body (قالت، رفضت).
_FEMININE_PAST = next(
    r["suffix"] for r in resources.load("verb_inflection") if r["label"] == "past" and r["number"] == "f"
)
#: Most words of a lead-in and its verb before that subject (وفي هذا الشأن أصدر X).
_MAX_LEAD_IN_WORDS = 4
#: A person this many words into the sentence or fewer is its subject (وكان رئيس الوزراء ...).
_MAX_LEAD_WORDS = 2


def continued(reader: SpeakerReader, cue: Cue, sentence: int, earlier: list[list[str]]) -> list[str]:
    """The speakers of a cue with no written subject, by its person and number.

    Args:
        reader: the article's speaker reader (its mentions, dialogue sides and last speakers).
        cue: the cue.
        sentence: folded offset where its sentence starts.
        earlier: the speakers of the statements found earlier in the same sentence.
    """
    number, text, mentions = cue.form.number, reader.text, reader.mentions
    previous = reader.previous if opens_clause(text, cue, sentence) else []
    author = document_author(reader, sentence, cue.start, cue.end) if not earlier else []
    if author and (number != "f" or all(reader.article.entities[k].type != "Person" for k in author)):
        return author  # "جاء ذلك في تغريدة لـX ...، حيث قال"، "في بيان للوزارة، حيث قالت"
    if cue.form.kind == "participle":
        governing = [speakers for speakers in earlier if speakers]
        if governing:
            return governing[-1]
        if earlier:  # "وطالبت [someone unread] ...، زاعمة": its clause's verb named no one known
            return []
        # "وتعهد الرئيس بايدن بالرد، قائلاً"، "وفي الشأن أصدر X ...، موضحاً": its sentence's subject
        opener = sentence_opener(mentions, text, sentence, cue.start)
        found = opener or _first_subject(mentions, text, sentence, cue.start) or reader.previous
        number = _participle_number(text, cue)
        if number == "f" and opener and _feminine_verb_before(mentions, text, sentence, cue.start):
            return opener  # "ورفضت [a woman's surname] الاتهام، مؤكدة": the subject of a feminine verb
        # "وكتب نواب ... قائلين"، "لكن الممثلة أكدت ...، قائلة": a subject no one could name, not him
        return found if _agrees(reader, found, number) else []
    if number in ("dual", "plural"):  # the sides, or speakers in the plural (not one person)
        if not opens_clause(text, cue, sentence) or reader.previous_unknown:
            return []  # "ولكن كثيرين انتقدوا"، "الذين اتهموا": its subject is written before it
        if number == "plural" and previous and set(previous) <= reader.phrases.plural:
            return previous  # "وقال شهود عيان ... وأضافوا": a group of people goes on
        return reader.dialogue_sides or (previous if len(previous) > 1 else [])
    if number == "f":
        for start, end, mention in reversed(mentions.within(sentence, cue.start)):
            if end <= cue.start and mention.type != "Person" and _subject_place(text, sentence, start, end, cue):
                if not reader.ft.quote_at(start) or reader.ft.quote_at(cue.start):
                    return reader.keys_of(mention)
        entities = reader.article.entities
        women = all(entities[k].type != "Person" or _female(entities[k].label_ar) for k in previous)
        # "وقالت الوزيرة ... وقالت:"، "وقال الوزير [a woman's name] ... وأضافت": she goes on
        return previous if previous and (reader.previous_feminine or women) else []
    if not earlier and (opener := sentence_opener(mentions, text, sentence, cue.start)):
        return opener
    if previous and reader.previous_many:  # "وأكد الجانبان ... وأضاف": the one who spoke before them
        return reader.previous_person if len(reader.previous_person) == 1 else []
    if previous and not (number == "m" and reader.previous_feminine):
        return previous  # a masculine verb does not go on with the subject of a feminine one
    persons = [t for t in mentions.within(sentence, cue.start) if t[1] <= cue.start and t[2].type == "Person"]
    return reader.keys_of(persons[-1][2]) if persons else []


def opens_clause(text: str, cue: Cue, sentence: int) -> bool:
    """Whether a verb opens its clause: with و/ف, first in its sentence, after a connector
    (كما، لكنه)، a lead-in set off by a comma or colon, or أن/إن with its pronoun (فإنه يقول)."""
    lead = text[sentence : cue.start].split()
    if cue.prefixed or not lead or lead[-1][-1:] in ",\u060c:":
        return True
    # "ولكنه أضاف"، "وكما قال": the connector with و/ف before it
    words = {lead[-1], lead[-1][1:]} if lead[-1][:1] in CONJUNCTIONS else {lead[-1]}
    if (words | {w[: -len(p)] for w in words for p in _PRONOUNS if w.endswith(p)}) & CONNECTORS:
        return True  # "كما قال"، "لكنه أضاف"
    return bool(COMPLEMENTISER_RE.fullmatch(lead[-1])) and not _BARE_COMPLEMENTISER_RE.fullmatch(lead[-1])


def sentence_opener(mentions: MentionSpans, text: str, sentence: int, cue_start: int) -> list[str]:
    """The person who opens the sentence as its subject, within a few words of its start
    ("وكان رئيس الوزراء السوداني قد التقى بلينكن، حيث شدد على أن"): a bare verb or participle
    after it continues him, not the last speaker. A lead-in set off by a comma ("من جهته، دان
    ...") does not count."""
    persons = [t for t in mentions.within(sentence, cue_start) if t[1] <= cue_start and t[2].type == "Person"]
    if not persons:
        return []
    lead = re.split(r"[\u060c,]", text[sentence : persons[0][0]])[-1]
    return [persons[0][2].entity] if len(lead.split()) <= _MAX_LEAD_WORDS else []


def _first_subject(mentions: MentionSpans, text: str, sentence: int, cue_start: int) -> list[str]:
    """The first person of the sentence, when it stands where a subject can: after the verb of
    a lead-in ("وفي هذا الشأن أصدر X، ...، موضحاً"), not after a preposition, a complementiser
    or in a quotation."""
    persons = [t for t in mentions.within(sentence, cue_start) if t[1] <= cue_start and t[2].type == "Person"]
    if not persons:
        return []
    lead = text[sentence : persons[0][0]].split()
    if not 0 < len(lead) <= _MAX_LEAD_IN_WORDS or any(COMPLEMENTISER_RE.fullmatch(w) for w in lead):
        return []
    if any(mark in text[sentence : persons[0][0]] for mark in _MARKS):
        return []
    return [] if BREAK_RE.fullmatch(lead[-1]) else [persons[0][2].entity]


def _subject_place(text: str, sentence: int, start: int, end: int, cue: Cue) -> bool:
    """Whether a body named before a verb may be its subject: right before it (واشنطن تقول), or
    anywhere before it but after a preposition (... في إسرائيل، كما قالت: not Israel)."""
    if not text[end : cue.start].strip(' \u060c,"\u201d\u00bb'):
        return True
    lead = text[sentence:start].split()
    return not (lead and BREAK_RE.fullmatch(lead[-1]) or text[start - 1 : start].isalpha())


def _participle_number(text: str, cue: Cue) -> str:
    """A participle's number by its ending: m (مضيفاً), f (مضيفة), many (مضيفين، مضيفتين), else ""."""
    return next((number for suffix, number in _PARTICIPLE_NUMBERS if text.endswith(suffix, cue.start, cue.end)), "")


def _feminine_verb_before(mentions: MentionSpans, text: str, sentence: int, cue_start: int) -> bool:
    """Whether the sentence's first person stands right after its first word and that word has
    the feminine ending of a past verb (ورفضت X، قالت X): a woman or a body."""
    persons = [t for t in mentions.within(sentence, cue_start) if t[1] <= cue_start and t[2].type == "Person"]
    lead = text[sentence : persons[0][0]].split() if persons else []
    return len(lead) == 1 and lead[0].endswith(_FEMININE_PAST)


def _agrees(reader: SpeakerReader, keys: list[str], number: str) -> bool:
    """Whether speakers found outside a participle's sentence clause may be its subject: a
    participle in the plural or dual goes on with more than one or a group of people, never one
    person; a feminine one with a woman or a body, not a man."""
    entities = reader.article.entities
    persons = [k for k in keys if entities[k].type == "Person"]
    if number == "many":
        return len(keys) > 1 or set(keys) <= reader.phrases.plural or not persons
    if number == "f":
        feminine = keys == reader.previous and reader.previous_feminine
        return feminine or all(_female(entities[k].label_ar) or _female_role(entities[k].role) for k in persons)
    return True


def _female_role(role: str | None) -> bool:
    """Whether a person's title is a woman's: its head with the feminine ending (السفيرة، المتحدثة)."""
    head = strip_article(fold_text(role).split()[0]) if role and role.split() else ""
    return head.endswith(FEMININE_END)


def _female(name: str) -> bool:
    """Whether a person's name opens with a woman's given name (a woman titled وزير)."""
    words = fold(name).split()
    return bool(words) and words[0] in _FEMALE_NAMES
