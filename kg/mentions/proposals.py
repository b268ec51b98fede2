"""What the mention components propose, and the one function that decides between them.

Each component of the mentions stage reads the article and proposes typed token spans
(``Proposal``); ``resolve_overlaps`` keeps some of them by the declared ``PRIORITY`` of the rule
that made each. Nothing is changed once proposed: a longer reading of a name is a proposal of
its own that outranks the shorter one, and a proposal that loses is dropped, not edited.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kg.model import MentionType, Source


class Rule(StrEnum):
    """The component rule that made a proposal, which ``PRIORITY`` ranks. ``Source`` says what
    kind of naming a span is, which resolve reads: one rule makes spans of several sources
    (``PEOPLE``: role, title, given-name, unnamed, surname ...), and a source may come from
    several rules (``HEAD`` and ``DIRECTION`` both make head-noun spans)."""

    GAZETTEER = "gazetteer"  #: a name the gazetteer knows
    QUOTED = "quoted"  #: a quoted name after لـ: an outlet
    PEOPLE = "people"  #: titles, roles and the names they introduce; unnamed officials; surnames
    DUAL = "dual"  #: a dual naming two known bodies
    MILITARY = "military"  #: units, troops and bases the head-noun chain cuts short (kg.mentions.military)
    NAMED_ACTION = "named-action"  #: ceasefire agreements, named operations (kg.mentions.named_actions)
    TIMED_VISIT = "timed-visit"  #: a visit told with how long it lasts (kg.mentions.visits)
    CALL = "call"  #: a telephone call told by its verb (kg.mentions.calls)
    MEETING = "meeting"  #: a meeting, reception or visit told by its past verb (kg.mentions.meetings)
    DELEGATION = "delegation"  #: a delegation sent somewhere, as its visit (kg.mentions.delegations)
    HEAD = "head"  #: head-noun phrases, dialogues and agreements
    MINISTRY = "ministry"  #: a portfolio with a nisba
    DIRECTION = "direction"  #: a direction before a country or place
    OWN_COUNTRY = "own-country"  #: "his country"
    TAGGER = "tagger"  #: a name the statistical tagger is sure of
    GROWN_NAME = "grown-name"  #: the tagger's longer name around names the rules found in it
    LATIN = "latin"  #: a lone Latin-script word
    RECURRING = "recurring"  #: a name found before, written again
    JOINT = "joint"  #: a force grown over coordinated nisbas (kg.mentions.joint_forces)


#: Which rule's proposal keeps the tokens two proposals want, first first. Components run in
#: ``kg.mentions.COMPONENTS`` order and read what was kept before them; the order here differs
#: where a later reading of the same words is the better one: a quoted outlet over the place
#: the gazetteer found in its name (لـ"الشرق الأوسط"), the tagger's full name over the pieces
#: the rules found of it ("حسين" of "صدام حسين").
PRIORITY: tuple[Rule, ...] = (
    Rule.QUOTED,
    Rule.JOINT,
    Rule.GAZETTEER,
    Rule.GROWN_NAME,
    Rule.PEOPLE,
    Rule.DUAL,
    Rule.MILITARY,
    Rule.NAMED_ACTION,
    Rule.TIMED_VISIT,
    Rule.CALL,
    Rule.MEETING,
    Rule.DELEGATION,
    Rule.HEAD,
    Rule.MINISTRY,
    Rule.DIRECTION,
    Rule.OWN_COUNTRY,
    Rule.TAGGER,
    Rule.LATIN,
    Rule.RECURRING,
)
_RANK = {rule: rank for rank, rule in enumerate(PRIORITY)}


@dataclass(frozen=True)
class Proposal:
    """A span a rule proposes: tokens ``first``..``last`` naming a ``kind``, found as ``source``.

    ``skip``: clitic characters of the first token left out of the span. ``reach``: the span's
    last token when it runs past the tokens it claims (an event's naming phrase "الحوار بين بغداد
    وواشنطن", whose actors keep mentions of their own). ``role``: the title or role proposal
    that introduced a person's name. ``held``: the tokens of the span already claimed when it
    was proposed, which it takes in knowingly (a role with the place it serves in, a visit with
    its visitor); it overlaps nothing else. ``read_only``: words a rule read that name nothing
    (a lone indefinite event noun): they keep other rules off, and make no mention.
    """

    kind: MentionType
    first: int
    last: int
    source: Source
    skip: int = 0
    reach: int | None = None
    entity: str | None = None
    rule: Rule = Rule.HEAD
    role: Proposal | None = None
    held: frozenset[int] = frozenset()
    read_only: bool = False

    @property
    def tokens(self) -> range:
        """The token indexes the proposal claims."""
        return range(self.first, self.last + 1)


def resolve_overlaps(proposals: Iterable[Proposal]) -> list[Proposal]:
    """The proposals to keep, in the order given: taken by the rank of their rule in
    ``PRIORITY`` (in the order given within a rule), a proposal is kept unless it claims a token
    a kept proposal claims and its own ``held`` does not hold."""
    given = list(proposals)
    taken: set[int] = set()
    kept: list[int] = []
    ranks = [_RANK[proposal.rule] for proposal in given]
    for index in sorted(range(len(given)), key=ranks.__getitem__):  # a stable sort: ties stay in order
        proposal = given[index]
        tokens = range(proposal.first, proposal.last + 1)
        if taken.isdisjoint(tokens) or taken.intersection(tokens) <= proposal.held:
            kept.append(index)
            taken.update(tokens)
    return [given[index] for index in sorted(kept)]


def claims(kept: Sequence[Proposal]) -> dict[int, MentionType]:
    """Token index -> the type of the first of ``kept`` that claims the token."""
    claimed: dict[int, MentionType] = {}
    for proposal in reversed(kept):
        claimed.update(dict.fromkeys(range(proposal.first, proposal.last + 1), proposal.kind))
    return claimed
