"""Where the mention rules open: the few tokens a rule visits instead of asking every token
(kg.mentions.base.TokenView.before_open_quotes, kg.mentions.people.People._openings), each a
superset of the tokens the rule's own test accepts."""

from kg import document
from kg.lexicon import lexicon
from kg.mentions.base import Context, TokenView
from kg.mentions.people import People
from kg.mentions.words import OPEN_QUOTE_RE


def _context(text: str) -> Context:
    return Context.of(document.build(text), lexicon(), None)


def test_before_open_quotes_lists_the_gaps_an_opening_mark_stands_in() -> None:
    text = '«بداية» قال المتحدث لـ"الشرق" إن عملية “الفجر” بدأت وأضاف: «انتهى»'
    view = TokenView(_context(text))
    found = view.before_open_quotes()
    marked = [i for i in range(len(view.tokens) - 1) if any(mark in view.gap(i) for mark in '"“«')]
    # the mark before the first token has no token before it; a straight mark may close too
    assert found == marked and len(found) == 4
    assert {i for i in range(len(view.tokens) - 1) if OPEN_QUOTE_RE.match(view.gap(i))} <= set(found)


def test_before_open_quotes_is_empty_without_marks() -> None:
    assert TokenView(_context("قال المتحدث إن الاجتماع انتهى.")).before_open_quotes() == []


def test_people_opens_where_a_title_name_nationality_or_reporting_verb_may_start() -> None:
    text = "وقال وزير الخارجية سامر الخطيب إن الأمريكي جون سميث وصل إلى بغداد أمس."
    people = People(_context(text))
    opening = people._openings()
    words = [text[t.start : t.end] for t in people.tokens]
    assert {words[i] for i in opening} >= {"وقال", "وزير", "الأمريكي", "إلى"}
    assert "بغداد" not in {words[i] for i in opening} and "أمس" not in {words[i] for i in opening}
    # every token outside the openings proposes nothing but a surname, as asking it would
    for i in set(range(len(people.tokens))) - opening:
        probe = People(_context(text))
        assert probe._person_at(i) == i and not probe.proposals
