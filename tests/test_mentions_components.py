"""kg.mentions: the components propose, one pure function (resolve_overlaps) decides by priority."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from kg.document import build
from kg.lexicon import lexicon
from kg.mentions import COMPONENTS, PRIORITY, Proposal, Rule, propose_mentions, resolve_overlaps
from kg.mentions.base import Context
from kg.mentions.gazetteer import GazetteerNames, QuotedNames
from kg.mentions.people import People
from kg.model import MentionType, Source

PERSON, PLACE, ORGANIZATION = MentionType.PERSON, MentionType.PLACE, MentionType.ORGANIZATION


def context(text: str) -> Context:
    return Context.of(build(text), lexicon(), None)


def run(ctx: Context, *components: type) -> list[Proposal]:
    """The proposals each component makes over what the ones before it kept, and what is kept."""
    proposals: list[Proposal] = []
    kept: list[Proposal] = []
    for component in components:
        proposals += component(ctx, kept).propose()
        kept = resolve_overlaps(proposals)
    return kept


def test_every_rule_has_a_declared_priority() -> None:
    assert sorted(PRIORITY) == sorted(Rule)
    assert {component.rule for component in COMPONENTS} | {Rule.GROWN_NAME} == set(Rule)


def test_a_lower_priority_proposal_overlapping_a_kept_one_is_dropped() -> None:
    head = Proposal(PLACE, 2, 3, Source.HEAD_NOUN, rule=Rule.HEAD)
    tagged = Proposal(PERSON, 3, 4, Source.TAGGER, rule=Rule.TAGGER)  # shares token 3 with the head phrase
    latin = Proposal(ORGANIZATION, 5, 5, Source.LATIN, rule=Rule.LATIN)
    assert resolve_overlaps([tagged, head, latin]) == [head, latin]


def test_a_later_proposal_of_a_higher_rule_wins_and_order_is_kept() -> None:
    place = Proposal(PLACE, 1, 1, Source.GAZETTEER, rule=Rule.GAZETTEER)
    outlet = Proposal(ORGANIZATION, 1, 2, Source.QUOTED, rule=Rule.QUOTED)  # proposed after it, ranks above
    piece = Proposal(PERSON, 6, 6, Source.TITLE, rule=Rule.PEOPLE)
    name = Proposal(PERSON, 5, 6, Source.TITLE, rule=Rule.GROWN_NAME, held=frozenset({6}))
    assert resolve_overlaps([place, piece, outlet, name]) == [outlet, name]


def test_a_proposal_takes_in_what_it_holds_and_its_reach_claims_nothing() -> None:
    country = Proposal(MentionType.COUNTRY, 4, 4, Source.GAZETTEER, rule=Rule.GAZETTEER)
    role = Proposal(PERSON, 1, 4, Source.ROLE, rule=Rule.PEOPLE, held=frozenset({4}))  # "... في بغداد"
    event = Proposal(MentionType.DIALOGUE, 6, 6, Source.HEAD_NOUN, reach=9, rule=Rule.HEAD)
    after = Proposal(MentionType.COUNTRY, 8, 8, Source.PRONOUN, rule=Rule.OWN_COUNTRY)
    unheld = Proposal(PERSON, 0, 1, Source.TAGGER, rule=Rule.TAGGER)
    assert resolve_overlaps([country, role, event, after, unheld]) == [country, role, event, after]


def test_resolving_changes_no_proposal_and_is_repeatable() -> None:
    proposals = [
        Proposal(PLACE, 0, 1, Source.HEAD_NOUN, rule=Rule.HEAD),
        Proposal(ORGANIZATION, 1, 1, Source.MINISTRY, rule=Rule.MINISTRY),
    ]
    before = list(proposals)
    assert resolve_overlaps(proposals) == resolve_overlaps(proposals) == proposals[:1]
    assert proposals == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        proposals[0].last = 3  # type: ignore[misc]


def test_a_quoted_outlet_outranks_the_place_the_gazetteer_found_in_its_name() -> None:
    ctx = context('وقال الناطق لـ"القدس العربي" إن الوفد وصل')
    (place,) = GazetteerNames(ctx).propose()
    assert (place.kind, place.entity) == (PLACE, "place/jerusalem")
    kept = run(ctx, GazetteerNames, QuotedNames)
    assert [(p.kind, p.source, ctx.text[slice(*ctx.span(p))]) for p in kept] == [
        (ORGANIZATION, Source.QUOTED, "القدس العربي")
    ]


def test_a_name_proposal_links_the_role_that_introduced_it() -> None:
    ctx = context("واستقبل رئيس الوزراء الأردني فيصل الزعبي الوفد")
    role, name = [p for p in People(ctx).propose() if p.kind == PERSON]
    assert (role.source, ctx.text[slice(*ctx.span(role))]) == (Source.ROLE, "رئيس الوزراء الأردني")
    assert name.role is role and ctx.text[slice(*ctx.span(name))] == "فيصل الزعبي"


def test_a_component_reads_what_was_kept_before_it() -> None:
    ctx = context("أعلن السفير الأمريكي في دمشق كريم سلامة أن")
    alone = People(ctx).propose()
    after_gazetteer = People(ctx, GazetteerNames(ctx).propose()).propose()
    # the role's chain takes in the city the gazetteer found as where he serves, and holds it
    (role,) = [p for p in after_gazetteer if p.source == Source.ROLE]
    assert ctx.text[slice(*ctx.span(role))] == "السفير الأمريكي في دمشق" and role.held
    assert not any(p.source == Source.ROLE and p.last == role.last for p in alone)


def test_the_stage_makes_each_mention_once_from_the_kept_proposals() -> None:
    mentions = propose_mentions(build('وقال الناطق لـ"القدس العربي" إن السفير كريم سلامة وصل'), lexicon())
    assert [(m.type, m.text) for m in mentions if m.type != PERSON] == [(ORGANIZATION, "القدس العربي")]
    assert all(isinstance(m.type, MentionType) for m in mentions)


def test_the_mention_rules_read_their_words_from_data() -> None:
    """No Arabic word, affix or letter is written in a string of the mention rules' code: every
    one is a record of ``kg/data`` (docstrings and comments may quote Arabic)."""
    arabic = re.compile("[\u0621-\u064a\u0671-\u06d3]")
    root = Path(__file__).resolve().parent.parent / "kg"
    found = []
    for path in [*sorted((root / "mentions").glob("*.py")), root / "spans.py", root / "document.py", root / "model.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        found += [
            f"{path.name}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and arabic.search(node.value)
        ]
    assert not found


def test_word_tests_answer_for_the_written_word_and_each_token_keeps_its_clitics() -> None:
    # two writings of one title, bare and after و: the memo is by folded word, the clitic
    # length is the token's own
    ctx = context("وقال الوزير ناصر الأحمد إن والوزير ناصر الأحمد في المدينة.")
    view = People(ctx, [])
    words = [t.folded for t in ctx.tokens]
    said, minister, name, minister_again, at = 0, 1, 2, 5, words.index("في")
    assert view.finite_verb(said) and not view.finite_verb(name)
    assert view.is_word(name) and not view.is_word(at) and not view.is_word(minister)
    label, skip = view._title_reading(minister)
    assert label is not None and skip == 0
    assert view._title_reading(minister_again) == (label, 1)
    assert view._title_reading(name) == (None, 0)
    view.claimed[name] = PLACE  # claimed by another type: no part of a name any more
    assert not view.is_word(name)
    assert ctx.word_tests.may_name(ctx.tokens[name].folded)  # the word itself still may be
