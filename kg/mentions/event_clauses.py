"""Words right after a dialogue's head that tell it:

- the day it is in construct with, before whom it is between or with: "اجتماع الثلاثاء بين X
  وY"، "لقاء الخميس مع الوفد" (the day names the meeting, and its phrase reads on to its sides); a
  day with no side after it is left to the date rules ("اجتماع الأحد" alone);
- a verb of bringing together after an indefinite head, with whom it brought together named after
  it, tells the talks held: "مؤتمر يضم قادة الجيوش"، "اجتماع ضم وزراء الخارجية"، "قمة جمعت الرئيس X
  ونظيره Y". Whom is a member's plural title (``event_words`` "members") or an actor a rule found;
  a dual or a group told before ("لقاء جمع الرجلين"، "يضم الدول الأربع") refers back to talks the
  article told, and the future (سيضم) tells talks to come;
- who meet, named by their plural title: "اجتماع وزراء الخارجية العرب"، "اجتماع لقادة الجيوش";
  or a body after لـ, whose meeting it is and names one meeting: "اجتماع لمجلس الوزراء"؛
- where talks went or met, past "له" (زيارة له إلى ليبيا، زيارة له في لندن، قمة في طهران), and whom
  they are with when no rule names them (اجتماع مع القادة العسكريين), not the press (an interview).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.lexicon import definite, sense, word_set
from kg.mentions.agreements_told import unnamed_side_end
from kg.mentions.base import TokenView
from kg.mentions.event_places import destination_end
from kg.mentions.words import BETWEEN, COUNTRY, FOR, FORCE, IN, NAMED_ACTORS, ORGANIZATION, PLACES, WITH
from kg.text import strip_article

if TYPE_CHECKING:
    from kg.mentions.events import EventPhrases

#: The days of the week.
_WEEKDAYS = word_set("date_words", "weekday")
#: Verbs of bringing together (ضم، جمع), past and present.
_GATHERING = word_set("event_words", "gathering")
#: Plural titles after a meeting head that name who meet (وزراء، قادة).
MEMBERS = word_set("event_words", "members")
#: Whom an interview is with (محرري، صحيفة، قناة): "لقاء مع" them is no talks.
_PRESS_WITH = word_set("event_words", "press_with")
#: Heads a body after لـ holds no event of: a visit's or tour's destination, a sitting's house.
_NOT_THE_BODYS = frozenset({sense("head_nouns", "visit"), sense("head_nouns", "tour")}) | word_set(
    "event_words", "sitting"
)
#: Who may be brought together, named.
_GATHERED = (COUNTRY, FORCE, *NAMED_ACTORS)


def day_before_sides(view: EventPhrases, day: int) -> bool:
    """Whether token ``day`` is a day of the week that "بين" or "مع" and a side follow."""
    k = day + 1
    if k + 1 >= len(view.tokens) or view.tokens[day].folded not in _WEEKDAYS:
        return False
    if not (view.joined(day - 1) and view.joined(day) and view.joined(k)):
        return False
    word = view.tokens[k].folded
    if word == BETWEEN:
        return view._coordinated_actors(k + 1) is not None
    return word == WITH and view._counterpart_end(k) is not None


def members_end(view: EventPhrases, i: int) -> int | None:
    """The last token of the plural title chain right after the meeting head at token i, after
    its لـ or not, that names who meet: "اجتماع وزراء الخارجية العرب"، "اجتماع لقادة جيوش دول
    الساحل" (the chain ends before a name, which the head's phrase reads on into, and before
    another event's head); else None. After a definite head the plural is a verb's object: "وضمت
    المحادثات وزراء الخارجية"."""
    k = i + 1
    if k >= len(view.tokens) or not view.joined(i) or k in view.claimed or definite(view.tokens[i].stem()):
        return None
    token = view.tokens[k]
    if not any(stem in MEMBERS for skip, stem in token.readings if not skip or token.folded.startswith(FOR)):
        return None
    chain = view._chain(k, clause_stops=False)
    # "اجتماع وزراء الخارجية التحضيري للقمة العربية": the summit is an event of its own
    return next((j - 1 for j in range(k + 1, chain + 1) if view._head(j)), chain)


def body_end(view: EventPhrases, i: int) -> int | None:
    """The last token of the body named after لـ right after the indefinite meeting head at token
    i, whose meeting it is ("اجتماع لمجلس الوزراء"،
    "مؤتمر لحزب العمال"), else None; a visit goes to the body (زيارة لمجلس النواب), and a sitting
    is a parliament's or a court's own (جلسة للبرلمان). The event's phrase reaches over the body and
    claims none of it: the body keeps its own mention (one the gazetteer knows is claimed by then
    and read on into as a name)."""
    k, head = i + 1, strip_article(view.tokens[i].stem())
    if k >= len(view.tokens) or not view.joined(i) or k in view.claimed or definite(view.tokens[i].stem()):
        return None
    if {head, view.lex.unpossessed(head)} & _NOT_THE_BODYS:
        return None
    body = view.tokens[k].folded.startswith(FOR) and (view._head(k) or (None, 0))[:2] == (ORGANIZATION, len(FOR))
    return view._chain(k) if body else None


def gathered(view: TokenView, i: int, last: int) -> bool:
    """Whether the indefinite dialogue head at token i, its chain ending at token ``last``, is
    followed within that chain, or right after it, by a verb of bringing together and whom it
    brought together."""
    if definite(view.tokens[i].folded):
        return False
    for k in range(i + 1, min(last + 1, len(view.tokens) - 2) + 1):
        if not (view.joined(k - 1) and view.joined(k)):
            return False
        if view.tokens[k].folded in _GATHERING:
            member = view.tokens[k + 1]
            return view.claimed.get(k + 1) in _GATHERED or any(stem in MEMBERS for _, stem in member.readings)
    return False


def with_the_press(view: TokenView, i: int) -> bool:
    """Whether the head at token i is met with the press: "لقاء مع محرري صحيفة"، "حوار مع
    قناة": an interview, no talks."""
    k = i + 2
    return (
        k < len(view.tokens)
        and view.joined(i)
        and view.joined(i + 1)
        and view.tokens[i + 1].folded == WITH
        and any(stem in _PRESS_WITH for _, stem in view.tokens[k].readings)
    )


def own_place_end(view: TokenView, k: int) -> int | None:
    """The last token of the place named from token k on where talks went or met: after إلى or
    في (له إلى ليبيا، في طهران) or written after لـ (له لموسكو); else None."""
    if k >= len(view.tokens) or not view.joined(k - 1):
        return None
    if view.tokens[k].folded == IN and k + 1 < len(view.tokens) and view.joined(k):
        return view._claimed_end(k + 1) if view.claimed.get(k + 1) in PLACES else None
    return destination_end(view, k)


def bare_talks_end(view: EventPhrases, last: int) -> int:
    """The last token of the phrase of an indefinite dialogue head alone at token ``last``, named
    by nothing else: by where the talks meet (قمة في طهران) or whom they are with, a group no rule
    names (اجتماع مع القادة العسكريين); ``last`` when neither follows."""
    if last + 1 >= len(view.tokens):
        return last
    place = own_place_end(view, last + 1) if view.tokens[last + 1].folded == IN else None
    return unnamed_counterpart_end(view, last) if place is None else place


def unnamed_counterpart_end(view: EventPhrases, last: int) -> int:
    """The last token of whom talks at token ``last`` are with, a group no rule names ("اجتماع
    مع القادة العسكريين"); ``last`` when the group is a name the tagger reads (لقاء مع سكاي نيوز:
    the name rules read it), a title (مع نظيره: a person a rule of its own reads) or the press
    (لقاء مع برنامج: an interview)."""
    end = unnamed_side_end(view, last)
    if end == last or view._tagged_name(last + 2) or with_the_press(view, last):
        return last
    return last if any(stem in view.lex.titles for _, stem in view.tokens[last + 2].readings) else end
