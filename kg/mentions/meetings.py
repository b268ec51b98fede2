"""A meeting, reception or visit told by its past verb (issue 18): "استقبل X Y"، "التقى X بـY"،
"اجتمع X مع Y"، "زار X البلد". Such a sentence tells one meeting with no event noun; its sides,
place and date stand around the verb.

As with a call (``kg.mentions.calls``), the meeting is a Dialogue whose phrase runs from its verb
to the side met (or the country or place visited): the verb is the only token the proposal
claims, so both sides keep their own mentions and the relations stage reads them as its sides.
A meeting is read only where both sides are named and its verb is past: "سيزور"، "يلتقي" tell
one planned, and a negated verb none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.lexicon import word_set
from kg.matcher import verb_forms
from kg.mentions import calls
from kg.mentions.base import TokenView
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import BY, CLAUSE_GAP_RE, COMMA_GAP_RE, CONJUNCTIONS, COUNTRY, PLACES, WITH
from kg.model import Mention, MentionType, Source
from kg.text import fold

#: Past verbs of meeting and visiting, by how they name the side met: directly (استقبل), after
#: بـ or مع (اجتمع), either way (التقى), or as the country visited (زار: a visit to a town or a
#: front of one's own country meets no one).
_MEETING_VERBS = {form: record["id"] for form, record in verb_forms("event_words", "meeting_verb").items()}
_DIRECT, _WITH, _EITHER, _VISIT = "direct", "with", "either", "place"
#: Present verbs of a visit going on, read only after a relative pronoun on the visitor
#: ("X، الذي يزور البلد حاليا").
_VISITING_NOW = frozenset(verb_forms("event_words", "visiting_now"))
_RELATIVES = word_set("function_words", "relative")
#: The verbs a mention of a meeting told by its verb holds.
_TELLING = _MEETING_VERBS.keys() | _VISITING_NOW
_VERB_PREFIXES = ("", *CONJUNCTIONS)
#: Prepositions whose object a side before the verb is (مع X، التقى Y): written apart, or as
#: the side's proclitic (بـ، لـ).
_PREPOSITIONS = frozenset().union(
    *(word_set("function_words", label) for label in ("with", "to", "at", "in", "of", "about", "on", "between"))
)
_PREPOSITION_CLITICS = word_set("function_words", "by") | word_set("function_words", "for")
_IN = word_set("function_words", "in")
#: A negation right before the verb: "ما التقى" tells no meeting.
_NEGATIONS = word_set("statement_words", "negation")
#: A conditional before the verb or its subject: "إذا التقى X Y" supposes a meeting, tells none.
_UNREAL = word_set("event_words", "unreal")
#: ... and right before the verb only: "إن زار" (before the subject, إن is a complementiser).
_UNREAL_VERB = _UNREAL | word_set("event_words", "unreal_verb") | _NEGATIONS
#: Counts of times (مرات، مرتين): "زار X البلد أربع مرات" tells several visits, no one of them.
_TIMES = word_set("event_words", "times")
#: Words after the side met within which a count of times stands (أربع مرات).
_TIMES_REACH = 2
#: The comma around a title in apposition.
_PAUSE = "\u060c"
#: Most tokens from the verb to the side met (a titled subject and a day between).
_REACH = 14


def propose_meetings(view: TokenView) -> Iterator[Proposal]:
    """Meetings, receptions and visits told by a past verb with both sides named, and visits
    going on told by a relative clause on the visitor."""
    yield from calls.read_unclaimed(view, _MEETING_VERBS.keys(), _meeting_at)
    yield from calls.read_unclaimed(view, _VISITING_NOW, _visit_going_on)


def met_by_verb(mention: Mention) -> bool:
    """Whether a dialogue mention is a meeting or visit told by its verb."""
    return mention.type == MentionType.DIALOGUE and told_as_met(mention.text)


def told_as_met(text: str) -> bool:
    """Whether a dialogue's words hold the verb of a meeting or visit (its mention or label)."""
    words = (fold(word) for word in text.split())
    return any(w in _TELLING or w[1:] in _MEETING_VERBS and w[0] in CONJUNCTIONS for w in words)


def meetings_apart(spans: Iterable[tuple[int, int, Mention]]) -> tuple[set[int], set[str | None]]:
    """How the meetings told by their verb stand to the article's other dialogues, given its
    mentions as (start, end, mention): the starts of those that are part of an event told by its
    noun before them (a meeting on a visit), whose sentences, like those of the meetings told
    before these made nodes, tell who met at the events current, not an event of their own; and
    the keys of the meetings first told by their verb ("استقبل X Y ... وجرى اللقاء"), whose sides
    their own sentence tells: no other sentence's meeting is theirs. A visit going on (X، الذي
    يزور البلد) is of both: the sentence that tells it in passing tells other events' sides."""
    seen: set[str | None] = set()
    on_another, apart = set(), set()
    for start, _end, mention in sorted(spans, key=lambda span: span[0]):
        if mention.type != MentionType.DIALOGUE:
            continue
        if met_by_verb(mention):
            if mention.entity in seen and mention.entity not in apart or _going_on(mention.text):
                on_another.add(start)  # a visit going on is what the sentence tells in passing
            if mention.entity not in seen:
                apart.add(mention.entity)
        seen.add(mention.entity)
    return on_another, apart


def visit_by_verb(label: str) -> bool:
    """Whether an event labelled by the words that tell it is a visit told by its verb: "زار X
    البلد"، "يزور البلد" (X، الذي يزور البلد)."""
    words = label.split()
    first = fold(words[0]) if words else ""
    return first in _VISITING_NOW or _MEETING_VERBS.get(first) == _VISIT


def _going_on(text: str) -> bool:
    """Whether a meeting's words are those of a visit going on (يزور البلد)."""
    words = text.split()
    return bool(words) and fold(words[0]) in _VISITING_NOW


def told_by_verb(mention: Mention) -> bool:
    """Whether a dialogue mention is told by its verb, a call's or a meeting's: its sides are
    inside its span."""
    return calls.told_by_verb(mention) or met_by_verb(mention)


def _meeting_at(view: TokenView, i: int) -> Proposal | None:
    """The meeting told by the verb at token i, else None."""
    skip, verb = next(((s, stem) for s, stem in view.tokens[i].readings if stem in _MEETING_VERBS), (0, ""))
    if not verb or view.tokens[i].folded[:skip] not in _VERB_PREFIXES:
        return None
    if _not_told(view, i):
        return None
    how = _MEETING_VERBS[verb]
    # the subject after the verb ("استقبل الرئيس X الوزير Y"), then the side met after it
    first = calls.side_from(view, i + 1)
    if first is not None:
        subject = _past_apposition(view, calls.side_end(view, first))
        met = _once(view, _met_from(view, _past_days(view, subject + 1, i), how))
        if met is not None and not _subjects_own(view, subject, met):
            return view.offer(MentionType.DIALOGUE, i, i, Source.HEAD_NOUN, skip, reach=met)
    # or the subject before it ("الرئيس X استقبل الوزير Y"): the phrase opens at the subject
    before = calls.subject_before(view, i)
    if before is not None and (_object_of_preposition(view, before) or _not_told(view, before.first, at_verb=False)):
        return None
    met = _once(view, _met_from(view, _past_days(view, i + 1, i), how)) if before is not None else None
    if before is None or met is None:
        return None
    held = frozenset(k for k in range(before.first, i) if k in view.claimed)
    return Proposal(
        MentionType.DIALOGUE, before.first, i, Source.HEAD_NOUN, before.skip, met, rule=Rule.MEETING, held=held
    )


def _visit_going_on(view: TokenView, i: int) -> Proposal | None:
    """The visit going on told by the present verb at token i after a relative pronoun on the
    visitor ("الوزير X، الذي يزور البلد حاليا"): the phrase runs from the pronoun to the state,
    and the relations stage reads the visitor it refers back to (``kg.subjects``)."""
    relative = i - 1
    if relative < 1 or view.tokens[i].readings[0][0] or not view.joined(relative):
        return None
    if view.tokens[relative].folded not in _RELATIVES:
        return None
    visitor = calls.subject_before(view, relative)
    met = _once(view, _met_from(view, _past_days(view, i + 1, i), _VISIT)) if visitor is not None else None
    if visitor is None or met is None or _object_of_preposition(view, visitor):
        return None
    return view.offer(MentionType.DIALOGUE, i, i, Source.HEAD_NOUN, 0, reach=met)


def _subjects_own(view: TokenView, subject: int, met: int) -> bool:
    """Whether what reads as the side met, right after the subject ending at token ``subject``
    and ending at token ``met``, is the subject's own: the name its titles introduce ("التقى
    الأمير الشيخ X": no subject but X's titles) or a chain of its titles with no name ("استقبل
    الشيخ X نائب رئيس الدولة رئيس الوزراء ... الوفود")."""
    k = subject + 1
    spaced = view.joined(subject)
    if not (spaced or view.joined(subject, COMMA_GAP_RE)) or (side := calls.side_from(view, k)) is None:
        return False
    name = calls.name_at(view, side)
    if spaced and name is not None and name.role is not None and name.role.last <= subject:
        return True
    titles = [p for p in view.kept if k <= p.first <= met and p.kind == MentionType.PERSON and not p.read_only]
    if not titles or any(p.source != Source.ROLE for p in titles):
        return False
    after = calls.name_at(view, met + 1) if met + 1 < len(view.tokens) and view.joined(met) else None
    return len(titles) > 1 or (after is not None and after.source == Source.ROLE)


def _once(view: TokenView, met: int | None) -> int | None:
    """The side met at token ``met``, unless a count of times follows it (several meetings)."""
    if met is None:
        return None
    after = range(met + 1, min(met + 1 + _TIMES_REACH, len(view.tokens)))
    return None if any(view.tokens[k].folded in _TIMES and view.joined(k - 1) for k in after) else met


def _past_apposition(view: TokenView, end: int) -> int:
    """The last token of the subject that ends at token end, with the title set between commas
    after its name ("الفريق X، رئيس الأركان، الفريق Y"): that title is the subject's, not whom it meets."""
    k = end + 1
    if k >= len(view.tokens) or _PAUSE not in view.gap(end) or (first := calls.side_from(view, k)) is None:
        return end
    title = calls.side_end(view, first)
    return title if title + 1 < len(view.tokens) and _PAUSE in view.gap(title) else end


def _not_told(view: TokenView, k: int, at_verb: bool = True) -> bool:
    """Whether the word before token k (the verb, or else its subject) denies (ما) or supposes
    (إذا، لو) what the verb tells."""
    if k == 0 or not view.joined(k - 1):
        return False
    words = _UNREAL_VERB if at_verb else _UNREAL
    word = view.tokens[k - 1].folded
    return word in words or word[:1] in CONJUNCTIONS and word[1:] in words


def _object_of_preposition(view: TokenView, side: Proposal) -> bool:
    """Whether the side named before a verb is the object of a preposition, not its subject:
    "وقبيل لقائه مع X، التقى Y"، "بعد اجتماعه بـX، استقبل Y"."""
    own = view.tokens[side.first].folded[: side.skip]
    return any(own.endswith(clitic) for clitic in _PREPOSITION_CLITICS) or (
        side.first > 0 and view.joined(side.first - 1) and view.tokens[side.first - 1].folded in _PREPOSITIONS
    )


def _past_days(view: TokenView, k: int, i: int) -> int:
    """The first token from token k on that tells neither the day ("أمس"، "الثلاثاء") nor the
    place ("في القاهرة"), within reach of the verb at token i."""
    while k < len(view.tokens) and k - i < _REACH:
        if calls.day_word(view.tokens[k].folded):
            k += 1
        elif view.tokens[k].folded in _IN and (place := _place_at(view, k + 1)) is not None:
            k = place + 1
        else:
            break
    return k


def _place_at(view: TokenView, k: int, kinds: tuple[MentionType, ...] = PLACES) -> int | None:
    """The last token of a place or state (of ``kinds``) named at token k, with no proclitic and
    in the phrase of the token before, else None."""
    if k >= len(view.tokens) or not view.joined(k - 1, CLAUSE_GAP_RE):
        return None
    places = [p for p in view.kept if p.first == k and p.kind in kinds and p.skip == 0 and not p.read_only]
    return max((p.last for p in places), default=None)


def _met_from(view: TokenView, k: int, how: str) -> int | None:
    """The last token of the side met named at token k, as the verb names it, else None."""
    if k >= len(view.tokens) or not view.joined(k - 1, CLAUSE_GAP_RE):
        return None
    word = view.tokens[k].folded
    if how in (_WITH, _EITHER):
        if word == WITH:
            return calls.person_from(view, k + 1) if view.joined(k) else None
        if word.startswith(BY) and not calls.unprefixed(view, k):
            return calls.person_from(view, k)
    if how in (_DIRECT, _EITHER):
        first = calls.side_from(view, k)
        return None if first is None else calls.side_end(view, first)
    if how != _VISIT:
        return None
    return _place_at(view, k, (COUNTRY,))


class Meetings(TokenView):
    """Meetings, receptions and visits told by a past verb, with both sides named."""

    rule = Rule.MEETING

    def propose(self) -> list[Proposal]:
        return list(propose_meetings(self))
