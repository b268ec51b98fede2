"""A telephone call told by its verb (issue 18): "اتصل X بـY"، "هاتف X نظيره Y"، "تحدث X هاتفياً مع
Y" (or "مع Y هاتفياً")، "تباحث الرئيسان هاتفياً". The head-noun rule reads a call told by its noun (اتصالاً هاتفياً مع
Y); told by a verb, the call has no noun, and its sides and date stand around the verb.

A call is a Dialogue whose phrase runs from its verb to the one called: the verb is the only
token the proposal claims, so the caller and the one called keep their own mentions, and the
relations stage reads them as its sides (and a day between them as its date). A call is read
only where both sides are named (the caller may be left unwritten after هاتفياً, or stand before
a dual verb): "اتصلت بالشرطة"، "اتصل به" and a radio station calling a guest are no talks.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator

from kg.lexicon import definite, word_set
from kg.matcher import verb_forms
from kg.mentions.base import TokenView
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import (
    AND,
    BETWEEN,
    BY,
    BY_PHONE,
    CLAUSE_GAP_RE,
    CONJUNCTIONS,
    COUNTRY,
    NAME_PARTICLES,
    PERSON,
    VISIT_TO,
    WITH,
)
from kg.model import Mention, MentionType, Source
from kg.text import fold, strip_article

#: The numbers of a verb's past forms (verb_inflection.jsonl) read for one side and for two.
_SINGULAR, _DUAL = ("m", "f"), "dual"
#: Verbs of calling whose object is the one called, by how it is written: after بـ (اتصل) or
#: directly (هاتف).
_CALL_VERBS = {
    form: fold(record["id"])
    for number in _SINGULAR
    for form, record in verb_forms("event_words", "call_verb", number).items()
}
#: Dual verbs of talking: "X وY تحدثا هاتفياً" names both sides before the verb.
_PHONE_DUALS = frozenset(verb_forms("event_words", "phone_verb", _DUAL))
#: Verbs of talking that the adverb "by telephone" makes a call (تحدث، تباحث، بحث).
_PHONE_VERBS = frozenset().union(*(verb_forms("event_words", "phone_verb", n) for n in _SINGULAR)) | _PHONE_DUALS
_VERBS = _CALL_VERBS.keys() | _PHONE_VERBS
#: A call's noun without "by telephone" (اتصال، مكالمة): a call only between two persons it names,
#: or between the two the dual pronoun after it refers back to (اتصال بينهما: the relations stage
#: reads them as its sides).
_CALL_NOUNS = word_set("event_words", "call_noun")
#: ... and with its caller's pronoun (اتصاله، مكالمتها): the one called after بـ or مع names the call.
_POSSESSED_CALLS = word_set("event_words", "possessed_call")
_BETWEEN_PAIR = word_set("function_words", "between_pair")
_BY, _DIRECT = "by", "direct"
#: Words of a day between the verb and the one called (الثلاثاء، يوم الأحد، أمس، مساء).
_DAY_WORDS = frozenset().union(
    *(word_set("date_words", label) for label in ("weekday", "weekday-lead", "relative", "day-part")),
    (word for month in word_set("months") for word in month.split()),
)
#: Words of a title no rule claimed before the name of the one called (ولي العهد السعودي).
_TITLE_WORDS = 3
_WITH_TO = frozenset({WITH, *VISIT_TO})
#: The proclitics a verb may carry: none, or a conjunction.
_VERB_PREFIXES = ("", *CONJUNCTIONS)
#: ... and a call's noun: none, a conjunction, بـ (باتصال), not the article (الاتصال).
_NOUN_PREFIXES = (*_VERB_PREFIXES, BY, *(c + BY for c in CONJUNCTIONS))
_PRONOUNS = word_set("function_words", "pronoun_suffix")
_STOPWORDS = word_set("stopwords")
#: Fewest letters of a word after بـ (بها، بن are no "بـ + a name").
_SHORTEST_WORD = 3
#: Who may call or be called: a person, or a state standing for its leader.
_SIDES = (PERSON, COUNTRY)
#: Most tokens from the verb to the one called (a titled caller, a day, the adverb, مع).
_REACH = 14


def propose_calls(view: TokenView) -> Iterator[Proposal]:
    """Calls told by a verb with both sides named, or by a noun with a person on each side."""
    yield from read_unclaimed(view, _VERBS, _call_at)
    yield from read_unclaimed(view, _CALL_NOUNS | _POSSESSED_CALLS, _noun_call_at)


def read_unclaimed(
    view: TokenView, words: Collection[str], read: Callable[[TokenView, int], Proposal | None]
) -> Iterator[Proposal]:
    """What ``read`` proposes at each token reading one of ``words`` that no rule has claimed (the
    call and meeting verbs and nouns are read this way)."""
    for i in view.ctx.doc.tokens_reading(words):
        if i not in view.claimed and (proposal := read(view, i)) is not None:
            yield proposal


def _noun_call_at(view: TokenView, i: int) -> Proposal | None:
    """The call its noun at token i tells between two persons: the caller in construct with it
    or its pronoun, and the one called after بـ or مع ("اتصال الرئيس X بنظيره Y"، "اتصاله بالملك
    Y")، only the one called after مع ("في اتصال مع الوزير Y", whose caller the sentence gives),
    or the two a dual pronoun refers back to ("خلال اتصال بينهما"); else None. The one called is
    a person, or a title before a state (بأمير الكويت)."""
    skip, stem = next(((s, w) for s, w in view.tokens[i].readings if w in _CALL_NOUNS | _POSSESSED_CALLS), (None, ""))
    # definite too, between two sides: "الاتصال بين الرئيس X والملك Y"
    told = next((s for s, w in view.tokens[i].readings if strip_article(w) in _CALL_NOUNS), None)
    if told is not None and (end := _pair_between(view, i)) is not None:
        return view.offer(MentionType.DIALOGUE, i, i, Source.HEAD_NOUN, told, reach=end)
    if skip is None or view.tokens[i].folded[:skip] not in _NOUN_PREFIXES:
        return None  # "الاتصال بذويه": the act of getting in touch
    if i + 1 < len(view.tokens) and view.joined(i) and view.tokens[i + 1].folded in _BETWEEN_PAIR:
        pair = _persons_before(view, i) >= 2  # "ولا اتصال بينهما" after two states is no call
        return view.offer(MentionType.DIALOGUE, i, i, Source.HEAD_NOUN, skip, reach=i + 1) if pair else None
    k, caller = i + 1, stem in _POSSESSED_CALLS
    if (
        not caller
        and k < len(view.tokens)
        and view.joined(i, CLAUSE_GAP_RE)
        and _person_at(view, k)
        and unprefixed(view, k)
    ):
        k, caller = side_end(view, k) + 1, True
    if k + 1 >= len(view.tokens) or not view.joined(k - 1, CLAUSE_GAP_RE):
        return None
    word = view.tokens[k].folded
    if word == WITH and view.joined(k):
        k += 1
    elif not (caller and word.startswith(BY) and word[len(BY) :] not in _PRONOUNS):
        return None
    first = side_from(view, k, prefixed=True)
    if first is None or not (_person_at(view, first) or first > k and view.claimed.get(first) == COUNTRY):
        return None  # "اتصال مع وكالة الأنباء"، "اتصال بدمشق": no talks between persons
    return view.offer(MentionType.DIALOGUE, i, i, Source.HEAD_NOUN, skip, reach=side_end(view, first))


def _pair_between(view: TokenView, i: int) -> int | None:
    """The last token of the two sides a call's noun at token i is told between, a person first
    ("الاتصال بين الرئيس X والملك Y", past one adjective: "الاتصال الهاتفي بين"), definite or not;
    else None: "قنوات الاتصال بين البلدين" is no talks."""
    k = i + 1
    if k + 1 < len(view.tokens) and view.joined(i) and k not in view.claimed and definite(view.tokens[k].folded):
        k += 1  # its adjective
    if not (k + 1 < len(view.tokens) and view.joined(k - 1) and view.joined(k) and view.tokens[k].folded == BETWEEN):
        return None
    first = side_from(view, k + 1)
    if first is None or not _person_at(view, first):
        return None
    end = side_end(view, first)
    # the second side opens at its "و", or at the name after the title "و" opens
    joined = next((j for j in range(first + 1, end + 1) if view.tokens[j].folded.startswith(AND)), None)
    second = joined is not None and any(p.kind in _SIDES and joined <= p.first <= end for p in view.kept)
    return end if second else None


def _persons_before(view: TokenView, i: int) -> int:
    """How many persons the sentence names before token i (by names: a title and the name it
    introduces are one person)."""
    first = i
    while first > 0 and view.joined(first - 1, CLAUSE_GAP_RE):
        first -= 1
    named = (p for p in view.kept if p.kind == PERSON and not p.read_only and p.source != Source.ROLE)
    return len({p.first for p in named if first <= p.first < i})


def _person_at(view: TokenView, k: int) -> bool:
    """Whether a person's kept name or title opens at token k."""
    return view.claimed.get(k) == PERSON and name_at(view, k) is not None


def told_by_verb(mention: Mention) -> bool:
    """Whether a dialogue mention is a call told by its verb (at its start, or after its caller):
    its sides are inside its span."""
    words = (fold(word) for word in mention.text.split())
    return mention.type == MentionType.DIALOGUE and any(
        w in _VERBS or w[1:] in _VERBS and w[0] in CONJUNCTIONS for w in words
    )


def _call_at(view: TokenView, i: int) -> Proposal | None:
    """The call told by the verb at token i, else None."""
    skip, verb = next(((s, stem) for s, stem in view.tokens[i].readings if stem in _VERBS), (0, ""))
    if not verb or view.tokens[i].folded[:skip] not in _VERB_PREFIXES:
        return None  # "الهاتف"، "ببحث": a noun
    by_phone, caller, called = False, None, None
    k = i + 1
    while k < len(view.tokens) and k - i <= _REACH and view.joined(k - 1, CLAUSE_GAP_RE):
        token = view.tokens[k]
        if token.folded in BY_PHONE:
            by_phone = True
        elif token.folded in _WITH_TO and (by_phone or verb in _PHONE_VERBS):
            called = person_from(view, k + 1) if view.joined(k) else None  # "هاتفياً مع X"
            # "تحدث X إلى Y هاتفياً": the adverb after the one called (or taken into a name no rule knows)
            by_phone = by_phone or called is not None and _by_phone_after(view, called)
            called = called if by_phone else None
            break
        elif caller is None and (first := side_from(view, k)) is not None:
            caller = k = side_end(view, first)
            # a name not known may have taken the adverb in: "مارك غارنو هاتفيا"
            by_phone = by_phone or view.tokens[k].folded in BY_PHONE
        elif caller is not None or by_phone:
            # "اتصل X بالرئيس Y"، "اتصل هاتفياً بـY"; "هاتف X نظيره Y"
            # بـ on a word, not a pronoun (به) nor a name's particle (بن)
            prefixed = token.folded.startswith(BY) and len(token.folded) - len(BY) >= _SHORTEST_WORD
            prefixed = prefixed and token.folded[len(BY) :] not in _PRONOUNS
            if prefixed and _CALL_VERBS.get(verb) == _BY or _CALL_VERBS.get(verb) == _DIRECT and unprefixed(view, k):
                called = person_from(view, k)
            if called is not None or not day_word(token.folded):
                break
        elif not day_word(token.folded):
            break
        k += 1
    if called is None and by_phone and verb in _PHONE_DUALS:
        called = k - 1  # "تحدث الرئيسان هاتفياً"، "X وY تحدثا هاتفياً": both sides named already
    if called is None or not (by_phone or caller is not None and verb in _CALL_VERBS):
        return None
    subject = subject_before(view, i) if caller is None and verb not in _PHONE_DUALS else None
    if subject is None:
        return view.offer(MentionType.DIALOGUE, i, i, Source.HEAD_NOUN, skip, reach=called)
    # "X تحدث هاتفياً مع Y": the phrase opens at the caller, whose mention it takes in
    held = frozenset(k for k in range(subject.first, i) if k in view.claimed)
    return Proposal(
        MentionType.DIALOGUE, subject.first, i, Source.HEAD_NOUN, subject.skip, called, rule=Rule.CALL, held=held
    )


def _by_phone_after(view: TokenView, end: int) -> bool:
    """Whether "by telephone" ends the side whose last token is ``end`` or comes right after it."""
    after = end + 1 < len(view.tokens) and view.joined(end) and view.tokens[end + 1].folded in BY_PHONE
    return view.tokens[end].folded in BY_PHONE or after


def subject_before(view: TokenView, i: int) -> Proposal | None:
    """The side named right before the verb at token i, as its subject ("الرئيس X تحدث"، "X، تحدث"),
    with the title that introduced it; None when the verb opens its clause."""
    if i == 0 or not view.joined(i - 1, CLAUSE_GAP_RE):
        return None
    subject = max(
        (p for p in view.kept if p.last == i - 1 and p.kind in _SIDES and not p.read_only),
        key=lambda p: -p.first,
        default=None,
    )
    if subject is None:
        return None
    return subject.role if subject.role is not None and subject.role.last == subject.first - 1 else subject


def person_from(view: TokenView, k: int) -> int | None:
    """The last token of the side named from token k, past a title no rule claimed ("ولي العهد
    السعودي الأمير X"), else None."""
    first = side_from(view, k, prefixed=True)
    return None if first is None else side_end(view, first)


def side_from(view: TokenView, k: int, prefixed: bool = False) -> int | None:
    """The first token of the name of a side at token k or after a title no rule claimed
    ("العاهل السعودي الملك X"), written with no proclitic unless ``prefixed``; else None."""
    for j in range(k, min(k + _TITLE_WORDS + 1, len(view.tokens))):
        if view.claimed.get(j) in _SIDES:
            return j if name_at(view, j) is not None and (prefixed or unprefixed(view, j)) else None
        word = view.tokens[j].folded
        # the word right after مع or بـ opens no clause: "مع ولي العهد"
        if view.claimed.get(j) or not view.joined(j, CLAUSE_GAP_RE) or not _title_like(word, prefixed and j == k):
            return None
    return None


def _title_like(word: str, first: bool) -> bool:
    """Whether an unclaimed word may be part of a title: no function word, and, but ``first``
    after a preposition, no new clause opened by a conjunction ("وبحثا الوضع في")."""
    return (first or not word.startswith(CONJUNCTIONS)) and word not in _STOPWORDS and word not in _WITH_TO


def day_word(word: str) -> bool:
    """Whether a folded word tells the day (الثلاثاء، يوم، 12، مارس، مساء)."""
    return word in _DAY_WORDS or word.isdigit()


def side_end(view: TokenView, k: int) -> int:
    """The last token of the side named from token k: its name, or its title and the name the
    title introduced ("الرئيس حسن روحاني"، "الرئيس الأمريكي، دونالد ترامب")."""
    proposal = name_at(view, k)
    if proposal is None:
        return k
    name = name_at(view, proposal.last + 1)
    named = name is not None and (name.role == proposal or proposal.source == Source.ROLE and name.skip == 0)
    end = name.last if named and view.joined(proposal.last, CLAUSE_GAP_RE) else proposal.last
    # the rest of a name whose first words are known: "الملك سلمان بن عبد العزيز"
    while end + 1 < len(view.tokens) and view.joined(end):
        after_particle = view.tokens[end].folded in NAME_PARTICLES  # its word may be claimed alone (العزيز)
        if not after_particle and (end + 1 in view.claimed or view.tokens[end + 1].folded not in NAME_PARTICLES):
            break
        if after_particle and view.claimed.get(end + 1, PERSON) != PERSON:
            break
        end += 1
    # and a second side joined to it: "بالملك X وأمير قطر الشيخ Y"
    # (not a name whose own first letter is و: "قيس سعيد وزير الخارجية" is two sides, not one)
    if not (view.joined(end) and view.tokens[end + 1].folded.startswith(AND)) or unprefixed(view, end + 1):
        return end
    second = side_from(view, end + 1, prefixed=True)
    if second is None:
        return end
    end = side_end(view, second)
    if view.claimed.get(second) == COUNTRY and view.joined(end) and unprefixed(view, end + 1):
        end = side_end(view, end + 1)  # the state in a title before the name: "أمير قطر الشيخ Y"
    return end


def name_at(view: TokenView, k: int) -> Proposal | None:
    """The kept proposal of a side that opens at token k, if any."""
    names = [p for p in view.kept if p.first == k and p.kind in _SIDES and not p.read_only]
    return max(names, key=lambda p: p.last, default=None)  # "الملك سلمان" over its title "الملك"


def unprefixed(view: TokenView, k: int) -> bool:
    """Whether the name kept at token k starts at the token's first letter (no بـ written on it)."""
    proposal = name_at(view, k)
    return proposal is not None and proposal.skip == 0


class PhoneCalls(TokenView):
    """Calls told by a verb, with both sides named."""

    rule = Rule.CALL

    def propose(self) -> list[Proposal]:
        return list(propose_calls(self))
