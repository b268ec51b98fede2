"""Military phrases the head-noun chain leaves short or does not read (issue 18).

- A unit described by coordinated adjectives: "وحدات جوية وبحرية"، "القوات البرية والبحرية
  المصرية" (the chain stops at the conjunction), or by its purpose after لـ: "قوات للعمليات الخاصة".
- A force whose head needs an owner, named by a word of belonging or backing before a known
  actor: "القوات التابعة للحكومة السورية" (the owner is read after it, by ``kg.forces``).
- Troops named by a plural noun (``force_words`` "troops": جنود، مرتزقة، مقاتلات) that a
  nationality owns ("جنود أتراك") or a state sends, the verb before it in its clause ("نشرت
  تركيا جنوداً"، "أرسلت موسكو مقاتلات"). A count before the noun makes it a strength
  (``kg.forces``), not a phrase of its own.
- A force in construct with the known actor that owns it: "جيش مصر"، "قوات حفتر".
- A state's branch or arm named without its owner, or by its own words and its nationality
  (``kg.mentions.arms``): "قوات الأمن"، "الشرطة العسكرية"، "المدفعية الإسرائيلية".
- A force named by its nationality or kind whose clause goes on after it, the verb before it
  (``_agreeing``): "ألقت قوات الأمن المغربية القبض"، "أطلق الجنود الإسرائيليون النار"، "إطلاق فرقة
  إرهابية النار"، "قوات عراقية مدعومة من ...". The word after its adjectives does not agree with
  them (in number and gender, or in definiteness), so it is the verb's object, no word of the name.
- A military base where it stands: "قاعدة عسكرية جديدة في قطر" (a Place; without "في X" it is
  a kind of place, and several bases are no one place).

Proposals come before the head-noun rule's, so a phrase read here is not read again shorter.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from kg import counts, resources
from kg.lexicon import affix, definite, flagged_words, single_word, word_set
from kg.mentions.arms import ARM_OPENINGS, MAX_ADJECTIVES, SECURITY_HEADS, arm, branch, branch_end, security_services
from kg.mentions.base import TokenView
from kg.mentions.coalitions import (
    COALITION_UNITS,
    COALITION_WORDS,
    FIGHTERS,
    coalition_owned,
    coalition_unit,
    fighters_of,
)
from kg.mentions.event_places import relational
from kg.mentions.heads import ALONE_HEADS
from kg.mentions.namesakes import named_after
from kg.mentions.numbered_units import NUMBERED_UNITS, numbered_unit
from kg.mentions.possessed_forces import possessed_force, possessed_forms
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import CLAUSE_GAP_RE, OBLIQUE_PLURAL, WRITTEN_FEMININE, adjective_like
from kg.model import MentionType, Source
from kg.spans import fold
from kg.text import strip_article

_TROOPS = word_set("force_words", "troops")
#: Troops a people's plural alone makes a force (المسلحين الأكراد): a nationality or a sender does not.
_PEOPLE_ONLY = frozenset(fold(r["pattern"]) for r in resources.load("force_words") if r.get("people_only"))
#: A people's broken plural that owns troops after it (الروس، الأكراد): no nisba the lexicon reads.
TROOP_PEOPLES = flagged_words("peoples", "troops")
#: Nouns that name a force only when "armed" qualifies them (المعارضة المسلحة), and that word.
_ARMED_ONLY, _ARMED = word_set("force_words", "armed_only"), word_set("force_words", "armed")
_BASES = word_set("force_words", "base")
#: Adjectives that make a base a military one (عسكرية، جوية، بحرية).
_MILITARY = word_set("force_words", "military")
_DEPLOY = word_set("force_words", "deploy")
#: Words of belonging or backing after a force (التابعة، الموالية، المدعومة).
_BACKED = word_set("force_words", "backed")
#: A coalition (تحالف), a force when a state leads it, and the verbs of leading (تقوده، يقودها).
_LEADING = word_set("force_words", "leading")
_RELATIVE = word_set("function_words", "relative")
#: What a force may belong to or be backed by.
_OWNERS = (MentionType.COUNTRY, MentionType.GOVERNMENT, MentionType.ORGANIZATION, MentionType.FORCE)
#: Who owns a force named in construct with it (جيش مصر، قوات حفتر، قوات حلف شمال الأطلسي).
_NAMED_OWNERS = (MentionType.COUNTRY, MentionType.PERSON, MentionType.ORGANIZATION)
#: What a head noun alone names as an owner (لحكومة، لوزارة; not بقوات: another force).
_BODIES = (MentionType.GOVERNMENT, MentionType.ORGANIZATION)
#: Force nouns with a pronoun suffix (قواتها، جيشه): ``possessed_force`` reads them.
_POSSESSED = frozenset(possessed_forms())
_IN = single_word("function_words", "in")
_FROM = word_set("function_words", "of")  # من
_TO = word_set("function_words", "to")
#: Most words between a verb of sending and the troops it sends (its subject, a date).
_DEPLOY_REACH = 5
_ACCUSATIVE, _AND, _FOR_THE = affix("accusative_alef"), affix("and"), affix("for_the")
_ARTICLE = affix("article")
_FOR = single_word("function_words", "for")
#: Most words after a force head before the word that ends its phrase (قوات الأمن المغربية).
_MAX_CHAIN = 5
#: Plural endings: the feminine one ends in ت (ات); the masculine ones, with the oblique (ون، ين).
_FEMININE_PLURAL = tuple(w for w in word_set("nisba_endings", "plural") if w.endswith(affix("open_feminine")))
_MASCULINE_PLURAL = tuple(word_set("nisba_endings", "plural") - set(_FEMININE_PLURAL)) + OBLIQUE_PLURAL


def propose_military(view: TokenView) -> Iterator[Proposal]:
    """Force and base phrases, in text order (see the module docstring)."""
    units = view.lex.single_heads["Force"]
    #: each rule below opens with one of these nouns
    heads = units | _TROOPS | _BASES | _ARMED_ONLY | COALITION_WORDS | ARM_OPENINGS | COALITION_UNITS | FIGHTERS
    heads |= _POSSESSED | NUMBERED_UNITS | SECURITY_HEADS
    after = 0  # where the next phrase may start
    for i in view.ctx.doc.tokens_reading(_with_accusatives(heads)):  # the tokens _noun may read as a head
        if i < after:
            continue
        proposal = None
        if i not in view.claimed and _noun(view, i, heads) is not None and not _genitive(view, i):
            proposal = (
                named_after(view, i)  # before the rules that read on past a person's name
                or security_services(view, i)
                or numbered_unit(view, i)
                or coalition_unit(view, i)
                or coalition_owned(view, i, units | COALITION_UNITS)
                or fighters_of(view, i)
                or _led(view, i, units | COALITION_WORDS)
                or _unit(view, i, units)
                or _agreeing(view, i, units | _TROOPS)
                or _backed(view, i)
                or _construct(view, i)
                or _armed(view, i)
                or branch(view, i, _noun(view, i, view.lex.owned_heads))
                or _troops(view, i)
                or _base(view, i)
                or arm(view, i)
                or possessed_force(view, i)
            )
        elif view.claimed.get(i) == MentionType.PERSON and _noun(view, i, ARM_OPENINGS) is not None:
            proposal = arm(view, i)  # "قائد سلاح الجو الروسي": the arm a person's title names
        if proposal is not None:
            yield proposal
            after = proposal.last + 1


@cache
def _with_accusatives(nouns: frozenset[str]) -> frozenset[str]:
    """``nouns`` and their indefinite accusatives (جنودا), as ``_noun`` reads them."""
    return nouns | {noun + _ACCUSATIVE for noun in nouns}


def _noun(view: TokenView, i: int, nouns: frozenset[str]) -> tuple[int, bool] | None:
    """(clitic length, definite) when token i is one of ``nouns`` (with its article, its clitics
    or the alef of the accusative: جنوداً), else None."""
    for skip, stem in view.tokens[i].readings:
        bare = stem[2:] if definite(stem) else stem
        if bare in nouns or (not definite(stem) and bare.endswith(_ACCUSATIVE) and bare[: -len(_ACCUSATIVE)] in nouns):
            return skip, definite(stem)
    return None


def _genitive(view: TokenView, i: int) -> bool:
    """Whether token i is the genitive of a head or title before it (قيادة القوات البحرية)."""
    if i == 0 or not view.joined(i - 1):
        return False
    before = view.tokens[i - 1].stem()  # a noun in construct carries no article
    return not definite(before) and (before in view.lex.titles or before in view.lex.heads)


def _adjectives(view: TokenView, i: int, is_definite: bool) -> tuple[int, bool, bool]:
    """The adjectives after the noun at token i that agree with it in definiteness, joined by و
    or not: (last token, whether a و joined one, whether one is a country's nisba)."""
    last, coordinated, nisba = i, False, False
    while last + 1 < len(view.tokens) and last - i < MAX_ADJECTIVES and view.joined(last):
        if last + 1 in view.claimed:
            break
        word = view.tokens[last + 1].folded
        joined = word.startswith(_AND) and not view.lex.nisba_country(word)
        bare = word[1:] if joined else word
        # any definite word follows a definite one (القوات الخاصة، للتدخل السريع); an indefinite one is an adjective
        if bare in view.lex.stopwords or definite(bare) != is_definite or not (is_definite or adjective_like(bare)):
            break
        # a conjunct agrees with the adjective before it: "جوية وبحرية", not "جوية ومدربين"
        if joined and (last == i or bare[-2:] != view.tokens[last].folded[-2:]):
            break
        last += 1
        coordinated = coordinated or joined
        nisba = nisba or bool(view.lex.nisba_country(bare))
    return last, coordinated, nisba


def _unit(view: TokenView, i: int, units: frozenset[str]) -> Proposal | None:
    """ "وحدات جوية وبحرية"، "قوات للعمليات الخاصة": a unit the head-noun chain would cut short."""
    found = _noun(view, i, units)
    if found is None:
        return None
    skip, is_definite = found
    last, coordinated, _ = _adjectives(view, i, is_definite)
    if coordinated:
        return view.offer(MentionType.FORCE, i, last, Source.HEAD_NOUN, skip)
    purpose = i + 1
    if is_definite or last > i or purpose >= len(view.tokens) or not view.joined(i) or purpose in view.claimed:
        return None
    if not view.tokens[purpose].folded.startswith(_FOR_THE):
        return None
    last, _, _ = _adjectives(view, purpose, True)
    if last == purpose:
        return None  # "قوة للوصول إلى ...": a purpose with no adjective is a verbal noun, no unit
    return view.offer(MentionType.FORCE, i, last, Source.HEAD_NOUN, skip)


def _agreement_class(word: str) -> str:
    """The number and gender an adjective's ending shows: a masculine or feminine plural, a
    feminine singular, else a masculine singular (broken plurals such as الروس read so too)."""
    if word.endswith(_MASCULINE_PLURAL):
        return "masculine plural"
    if word.endswith(_FEMININE_PLURAL):
        return "feminine plural"
    return "feminine" if word.endswith(WRITTEN_FEMININE) else "masculine"


def _agreeing(view: TokenView, i: int, heads: frozenset[str]) -> Proposal | None:
    """A force head and its words up to its last adjective, when the word after that adjective
    does not agree with it and so begins the rest of the clause: after a nationality (or a
    relational adjective) a definite word of another number or gender that is no relational
    adjective itself (المغربية القبض، الإسرائيليون النار، الإسرائيلية التظاهرات), after an
    indefinite adjective any definite word (إرهابية النار), and after either a word of backing
    (عراقية مدعومة من: the nationality owns it). None where no such word follows: the head-noun
    rule reads the phrase as before."""
    found = _noun(view, i, heads)
    if found is None:
        return None
    skip, is_definite = found
    adjective = None  # the last adjective read
    k = i
    if not is_definite and (branch_last := branch_end(view, i + 1)) is not None:
        k, is_definite = branch_last, True  # "قوات مكافحة الإرهاب التركية": a branch's words in construct
    while k + 1 < len(view.tokens) and k - i < _MAX_CHAIN and view.joined(k) and k + 1 not in view.claimed:
        word = view.tokens[k + 1].folded
        if adjective is not None and (_backed_from(view, k + 1) or definite(word) and not _adjective(view, word)):
            if not (is_definite or view.lex.nisba_country(view.tokens[adjective].folded)):
                return None  # "وحدات حماية المرأة": a noun in ية is no adjective
            if is_definite and not _backed_from(view, k + 1) and _same_class(view, k + 1, adjective):
                return None  # it may be one more adjective (الجيش السوري الحر)
            break
        if k == i and not is_definite and definite(word) and not _adjective(view, word):
            is_definite = True  # a head in construct with a definite noun: "قوات الأمن"
        elif definite(word) != is_definite or not (is_definite or adjective_like(word)):
            return None  # the phrase ends before a word of another kind: the head-noun rule's
        if _adjective(view, word):
            adjective = k + 1
        elif adjective is not None:
            return None
        k += 1
    else:
        return None
    if adjective is None or adjective != k:
        return None
    return view.offer(MentionType.FORCE, i, adjective, Source.HEAD_NOUN, skip)


def _same_class(view: TokenView, k: int, adjective: int) -> bool:
    """Whether token k shows the number and gender the adjective at token ``adjective`` shows,
    read as written (the folded tokens write ة as ه: المشتبه is no feminine)."""
    written = [fold(view.text[view.tokens[j].start : view.tokens[j].end]) for j in (k, adjective)]
    return _agreement_class(written[0]) == _agreement_class(written[1])


def _backed_from(view: TokenView, k: int) -> bool:
    """Whether token k is a word of backing with its backer after من (مدعومة من): the force's
    nationality before it owns it; a word of loyalty (الموالية لأنقرة) names its owner instead."""
    return (
        view.tokens[k].folded in _BACKED
        and k + 1 < len(view.tokens)
        and view.joined(k)
        and view.tokens[k + 1].folded in _FROM
    )


def _adjective(view: TokenView, word: str) -> bool:
    """Whether a folded word is a relational adjective or a nationality (العراقية، الروس)."""
    return relational(word) or view.lex.nisba_country(word) is not None


def _backed(view: TokenView, i: int) -> Proposal | None:
    """ "القوات التابعة للحكومة السورية"، "قوات موالية لطهران"، "ميليشيات مقربة من إيران": a force
    that names its owner by a word of belonging or backing before a known actor (after لـ or من),
    reaching over that actor (``kg.forces`` reads the owner after the word)."""
    found = _noun(view, i, view.lex.single_heads["Force"])
    if found is None:
        return None
    skip, is_definite = found
    last, _, nisba = _adjectives(view, i, is_definite)  # a definite backing word reads as one of them
    if nisba:
        return None  # owned by its nationality (القوات السورية المدعومة من ...): the head-noun rule's
    word = next((k for k in range(i + 1, last + 2) if k < len(view.tokens) and view.tokens[k].folded in _BACKED), None)
    if word is None or word + 1 >= len(view.tokens) or not view.joined(word):
        return None
    by = word  # the token before the owner: the backing word, or من after it
    if view.tokens[word + 1].folded in _FROM and word + 2 < len(view.tokens) and view.joined(word + 1):
        by = word + 1
    owner = _owner_end(view, by + 1)  # "موالية لأنقرة"، "مقربة من إيران"
    if any(not view.joined(k) for k in range(i, word)) or owner is None:
        return None
    # the phrase reaches over its owner, which keeps its own mention: the force is called by both
    return view.offer(MentionType.FORCE, i, word, Source.HEAD_NOUN, skip, reach=owner)


def _led(view: TokenView, i: int, heads: frozenset[str]) -> Proposal | None:
    """ "تحالف تقوده الولايات المتحدة"، "التحالف العربي الذي تقوده السعودية"، "القوات التي تقودها
    تركيا": a force or coalition a state is told to lead by a verb (after الذي/التي when the head is
    definite), reaching over that state (``kg.forces`` reads it as the owner, as after بقيادة). A
    coalition a person leads is a political list, no force."""
    found = _noun(view, i, heads)
    if found is None:
        return None
    last, _, _ = _adjectives(view, i, found[1])  # a verb in ه reads as an indefinite adjective
    last = next((k - 1 for k in range(i + 1, last + 1) if view.tokens[k].folded in _LEADING), last)
    verb = last + 1 + (found[1] and last + 1 < len(view.tokens) and view.tokens[last + 1].folded in _RELATIVE)
    if verb + 1 >= len(view.tokens) or verb == last + 1 and found[1] or view.tokens[verb].folded not in _LEADING:
        return None
    if any(not view.joined(k) for k in range(i, verb + 1)) or view.claimed.get(verb + 1) != MentionType.COUNTRY:
        return None
    # the phrase reaches over its leader, which keeps its own mention: the force is called by both
    return view.offer(MentionType.FORCE, i, verb, Source.HEAD_NOUN, found[0], reach=view._claimed_end(verb + 1))


def _owner_end(view: TokenView, i: int) -> int | None:
    """The last token of a known actor, or of a body, government or regime by its head noun and
    the definite words after it (للحكومة السورية، للنظام السوري), starting at token i; None when
    none does."""
    if view.claimed.get(i) in _OWNERS:
        return view._claimed_end(i)
    head = view.ctx.head_nouns.read(view.tokens[i], None)
    if head is None or head[0] not in _BODIES:
        return None
    if any(strip_article(stem) in ALONE_HEADS for _, stem in view.tokens[i].readings):
        # "للنظام السوري": a regime names its state by the nisba alone, no other word
        nisba = i + 1 < len(view.tokens) and view.joined(i) and view.lex.nisba_country(view.tokens[i + 1].folded)
        return i + 1 if nisba else i
    end = i
    while end + 1 < len(view.tokens) and end - i < MAX_ADJECTIVES and view.joined(end):
        if end + 1 in view.claimed or not definite(view.tokens[end + 1].folded):
            break
        end += 1
    return end


def _construct(view: TokenView, i: int) -> Proposal | None:
    """ "جيش مصر"، "قوات حفتر"، "قوات حلف شمال الأطلسي": a force in construct with the known
    actor that owns it, up to that actor's name (``kg.forces`` reads the owner there)."""
    found = _noun(view, i, view.lex.owned_heads)
    if found is None or found[1] or not view.joined(i) or view.claimed.get(i + 1) not in _NAMED_OWNERS:
        return None
    # the phrase reaches over its owner, which keeps its own mention: the force is called by both
    return view.offer(MentionType.FORCE, i, i, Source.HEAD_NOUN, found[0], reach=view._claimed_end(i + 1))


def _armed(view: TokenView, i: int) -> Proposal | None:
    """ "المعارضة المسلحة"، "المعارضة السورية المسلحة": a body that is a force when armed (the
    opposition alone is a political side), with its nationality between."""
    found = _noun(view, i, _ARMED_ONLY)
    if found is None or not found[1]:
        return None
    k = i + 1
    if k < len(view.tokens) and view.joined(i) and view.lex.nisba_country(view.tokens[k].folded):
        k += 1  # "المعارضة السورية المسلحة"
    if k < len(view.tokens) and view.joined(k - 1) and k not in view.claimed and view.tokens[k].folded in _ARMED:
        return view.offer(MentionType.FORCE, i, k, Source.HEAD_NOUN, found[0])
    return None


def _troops(view: TokenView, i: int) -> Proposal | None:
    """Troops a nationality owns or a state sends: "المرتزقة الروس"، "نشرت تركيا جنوداً"."""
    found = _noun(view, i, _TROOPS)
    if found is None or (i > 0 and counts.is_count(view.tokens[i - 1].folded)):
        return None
    skip, is_definite = found
    last, _, nisba = _adjectives(view, i, is_definite)
    people = next((k for k in range(i + 1, last + 1) if view.tokens[k].folded in TROOP_PEOPLES), None)
    if people is None and not is_definite and _indefinite_people(view, i + 1):
        people, last = i + 1, _nationalities_after(view, i + 1)  # "مقاتلون أكراد": a plural, no adjective
    if people is not None:  # "المرتزقة الروس"، "المقاتلين الأكراد السوريين": up to its nationalities
        while people < last and view.lex.nisba_country(view.tokens[people + 1].folded):
            people += 1
        return view.offer(MentionType.FORCE, i, people, Source.HEAD_NOUN, skip)
    if _noun(view, i, _PEOPLE_ONLY):
        return None
    if nisba or _sent(view, i):
        return view.offer(MentionType.FORCE, i, last, Source.HEAD_NOUN, skip)
    return None


def _indefinite_people(view: TokenView, k: int) -> bool:
    """Whether token k is a people's indefinite plural right after the troops noun before it."""
    if k >= len(view.tokens) or k in view.claimed or not view.joined(k - 1):
        return False
    word = view.tokens[k].folded
    return word in TROOP_PEOPLES and not definite(word)


def _nationalities_after(view: TokenView, k: int) -> int:
    """The last of the nisbas right after token k (مسلحون أكراد سوريون), or k."""
    while k + 1 < len(view.tokens) and view.joined(k) and view.lex.nisba_country(view.tokens[k + 1].folded):
        k += 1
    return k


def _sent(view: TokenView, i: int) -> bool:
    """Whether token i is the object of a verb of sending or keeping troops a few words before it
    in its clause, its subject or a time between ("أرسلت موسكو أمس مقاتلات"; not "أرسلت مقاتلات
    إلى ليبيا لدعم المرتزقة", whose object came first)."""
    for k in range(i - 1, max(-1, i - 1 - _DEPLOY_REACH), -1):
        if not view.joined(k, CLAUSE_GAP_RE):
            return False
        if any(stem in _DEPLOY for _, stem in view.tokens[k].readings):
            return True
        word = view.tokens[k].folded
        if k not in view.claimed and (word in _TO or word.startswith(_FOR) or _noun(view, k, _TROOPS)):
            return False
    return False


def _base(view: TokenView, i: int) -> Proposal | None:
    """ "قاعدة عسكرية جديدة في قطر": a military base, with the place it stands in."""
    found = _noun(view, i, _BASES)
    if found is None or found[1] or i + 1 >= len(view.tokens) or not view.joined(i):
        return None
    if view.tokens[i + 1].folded not in _MILITARY:
        return None
    last, _, _ = _adjectives(view, i, False)
    where = last + 2
    if not (where < len(view.tokens) and view.joined(last) and view.tokens[last + 1].folded == _IN):
        return None
    if not view.joined(last + 1) or view.claimed.get(where) not in ("Country", "Place"):
        return None  # a base nowhere named is a kind of place, no place of its own
    reach = where
    while reach + 1 < len(view.tokens) and view.claimed.get(reach + 1) == view.claimed[where] and view.joined(reach):
        reach += 1
    return view.offer(MentionType.PLACE, i, last, Source.HEAD_NOUN, found[0], reach=reach)


class MilitaryPhrases(TokenView):
    """Units with coordinated adjectives or a purpose, troops owned or sent, bases where they stand."""

    rule = Rule.MILITARY

    def propose(self) -> list[Proposal]:
        return list(propose_military(self))
