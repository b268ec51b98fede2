"""Forces named with coordinated nationalities (issue 20).

"القوات الأمريكية والعراقية"، "الطائرات الروسية والسورية": a force's phrase ending on a country's
nisba, then و and another country's nisba of the same number and gender, names the forces of both
states as one joint force, owned by each: the second nisba is part of its name, not the start of
another phrase, and the first state's own forces are another force. "القوات الأمريكية والعراقيون"
(no agreement) stops at the first nisba. The joint force's phrase is a proposal of its own, after
every other rule, and outranks the force it grows from, whatever rule found that (the gazetteer's
"القوات الأمريكية" too): it names no entity the gazetteer knows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kg.lexicon import Lexicon, affix, definite
from kg.mentions.base import TokenView
from kg.mentions.proposals import Proposal, Rule
from kg.mentions.words import WRITTEN_FEMININE
from kg.model import MentionType, Source

_AND = affix("and")
#: Most nationalities one joint force names.
_MAX_STATES = 4


class JointForces(TokenView):
    """Forces kept so far, grown over the nisbas coordinated with the one they end on."""

    rule = Rule.JOINT

    def propose(self) -> list[Proposal]:
        grown = []
        for proposal in self.kept:
            last = _joint_end(self, proposal) if proposal.kind == MentionType.FORCE and proposal.reach is None else None
            if last is not None:
                grown.append(replace(proposal, last=last, rule=self.rule, entity=None, source=Source.HEAD_NOUN))
        return grown


def _joint_end(view: TokenView, proposal: Proposal) -> int | None:
    """The last nisba coordinated with the one ``proposal`` ends on, if one follows it."""
    last = proposal.last
    states = {view.lex.nisba_country(view.tokens[last].folded)} - {None}
    while states and len(states) < _MAX_STATES and (state := _coordinated(view, last)) and state not in states:
        states.add(state)
        last += 1
    return last if last != proposal.last else None


def _coordinated(view: TokenView, last: int) -> str | None:
    """The country whose nisba token last + 1 is, after و, agreeing with the nisba at token last."""
    k = last + 1
    if k >= len(view.tokens) or k in view.claimed or not view.joined(last):
        return None
    word = view.tokens[k].folded
    bare = word[len(_AND) :]
    if not word.startswith(_AND) or not definite(bare):
        return None
    written = [view.text[view.tokens[j].start : view.tokens[j].end] for j in (last, k)]
    if written[0].endswith(WRITTEN_FEMININE) != written[1].endswith(WRITTEN_FEMININE):
        return None
    return view.lex.nisba_country(bare)


def states_named(lex: Lexicon, words: Iterable[str]) -> set[str]:
    """The countries whose nisbas ``words`` hold, coordinated (والعراقية) or not."""
    return {state for w in words if (state := lex.nisba_country(w.removeprefix(_AND) if w != _AND else w))}
