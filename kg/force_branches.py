"""Forces named by their words alone (قوات الأمن، القوات الجوية، القوات الحكومية، قوات النظام):
whose they are, which the article tells elsewhere (النظام السوري، الحكومة اليمنية) or by the
country it is about."""

from __future__ import annotations

import re
from collections import Counter

from kg import resources
from kg.actors import ArticleActors, add_keys
from kg.lexicon import single_word
from kg.mentions.arms import is_branch
from kg.mentions.words import direction_word
from kg.spans import fold
from kg.text import strip_article

_ARTICLE = single_word("affixes", "article")
_CONJUNCTIONS = "".join(resources.words("affixes", "conjunction", fold))
_BY = single_word("function_words", "by")
#: Branches that keep a state's own order (الأمن، الشرطة، النظام).
_DOMESTIC = frozenset(resources.words("force_words", "domestic", fold))
#: Branches of several sides' units (المشتركة): no one state's.
_JOINT = frozenset(resources.words("force_words", "joint", fold))
#: A state's government (الحكومة، النظام، الحكومية), as the word of a force's name.
_GOVERNMENT = frozenset(resources.words("force_words", "government", fold))
_BACKED_WORDS = frozenset(resources.words("force_words", "backed", fold))
_LAM = single_word("function_words", "for")
#: How far before a place its direction's word may start (شمال شرقي: the longest).
_DIRECTION_REACH = 12
_MILITIA_HEADS = frozenset(
    resources.words("force_words", "group_head", fold) + resources.words("force_words", "fighters", fold)
)
#: A government noun with its proclitics (للنظام، والحكومة), the nisba of its state after it.
_GOVERNMENT_RE = re.compile(
    rf"(?<!\w)[{_CONJUNCTIONS}]?{_BY}?(?:{_ARTICLE}|{_LAM}{_LAM})"
    rf"(?:{'|'.join(sorted(w.removeprefix(_ARTICLE) for w in _GOVERNMENT))})\s+"
)


def own_branches(actors: ArticleActors) -> None:
    """Give a branch named by its words alone (قوات الأمن، القوات الجوية، قوات النظام) its state:
    the one the article names with those words elsewhere (القوات المسلحة المصرية، النظام السوري);
    else, for a branch that keeps a state's own order (``force_words`` "domestic": الشرطة، قوات
    النظام), the country the article is about (``_main_country``: not the Russian forces' state
    in an article on Syria); else the one state whose forces the article names by nationality or
    owner (an article on the Egyptian army's campaign speaks of Egypt's air force), or, with none
    named, the country the article is about. Joint forces (القوات المشتركة) are no one state's.
    A government's force (القوات الحكومية، قوات النظام، القوات الموالية للحكومة) is the state's
    whose government the article names by its nisba
    (الحكومة اليمنية، للنظام السوري), when one is; when it names several, the one named last
    before the force in its sentence; else the country the article is about."""
    forces = [e for e in actors.article.entities.values() if e.type == "Force"]
    main = _main_country(actors)
    states = {k for e in forces for k in e.affiliation if k.startswith("country/")} or main
    home = _territory(actors) or main  # "درعا السورية": not Russia's in an article on its troops there
    local = _named_by_place(actors)
    for force in forces:
        if force.affiliation or force.key in local:
            continue
        words = fold(force.label_ar).split()
        if _serves_government(words):  # "القوات الحكومية"، "القوات الموالية للحكومة"
            owners = _government_countries(actors)
            if len(owners) > 1:
                owners = _government_before(actors, force.key)
            owners = owners if len(owners) == 1 else sorted(home)
        elif not is_branch(force.label_ar) or _JOINT & set(words):
            continue
        else:
            owners = _named_with_nationality(actors, words[1:])
        if len(owners) != 1:
            owners = sorted(home if _DOMESTIC & {*words, _ARTICLE + words[0].removeprefix(_ARTICLE)} else states)
        if len(owners) == 1:
            add_keys(force.affiliation, owners, force.key)


def _named_by_place(actors: ArticleActors) -> set[str]:
    """The forces named in construct with a place (شرطة دبي، شرطة نيويورك): a city's own, whose
    state the place's name does not tell, and not the state the article is about."""
    places = [(start, end) for start, end, m in actors.mentions if m.type == "Place"]
    return {
        m.entity
        for start, end, m in actors.mentions
        if m.type == "Force" and any(start < first and last == end for first, last in places)
    }


def _serves_government(words: list[str]) -> bool:
    """Whether a force's folded label words name it its state's government's: the head noun, maybe
    a backing word, then a government word that ends it (القوات الحكومية، قوات النظام، القوات
    الموالية للحكومة; not "الفصائل المعارضة للحكومة")."""
    rest = words[1:]
    if rest and rest[0] in _BACKED_WORDS:
        rest = rest[1:]
    if len(rest) != 1:  # "قوة النظام الإسلامي" names which regime itself
        return False
    (word,) = rest
    if word.startswith(_LAM + _LAM):  # للحكومة: ل and the article's ل
        word = _ARTICLE + word.removeprefix(_LAM + _LAM)
    return word in _GOVERNMENT


def _government_countries(actors: ArticleActors) -> list[str]:
    """The countries whose nisba follows a government noun anywhere in the article (الحكومة
    اليمنية، للنظام السوري)."""
    return _nisba_after(actors, _GOVERNMENT_RE)


def _government_before(actors: ArticleActors, force: str) -> list[str]:
    """The countries whose government the sentences of a force's mentions name last before it
    ("تدعم إيران الحكومة السورية وتعمل مع القوات الحكومية": Syria's, in an article that also
    names Israel's government)."""
    found: set[str] = set()
    for start, _end, mention in actors.mentions:
        if mention.entity != force:
            continue
        sentence = actors.ft.sentence_start(start)
        named = list(_GOVERNMENT_RE.finditer(actors.text, sentence, start))
        if named:
            found.update(actors.nisba_countries(named[-1].end(), actors.words_after(named[-1].end(), 1)))
    return sorted(found)


def _main_country(actors: ArticleActors) -> set[str]:
    """The country an article is about: named, by name or nisba, more often than all others
    together (an article on Egypt that names Syria and Iraq once); else none. A nisba inside a
    militia's name tells who backs it, not what the article is about: "ميليشيات الحوثي الإيرانية"
    in an article on Yemen."""
    lex, article = actors.lexicon, actors.article
    named = Counter(m.entity for _s, _e, m in actors.mentions if m.type == "Country" and m.entity)
    militias = [(s, e) for s, e, m in actors.mentions if m.type == "Force" and _militia(m.text)]
    for start, _e, form in actors.nisbas:  # the article's own countries only: no entity is made here
        if any(first <= start < last for first, last in militias):
            continue
        named.update(filter(None, [lex.country_entity(article, lex.country_of_nisba(form), known=False)]))
    ranked = named.most_common()
    if not ranked or ranked[0][1] <= sum(n for _key, n in ranked[1:]):
        return set()
    return {ranked[0][0]}


def _militia(text: str) -> bool:
    """Whether a force's words open with a militia's or fighters' noun (ميليشيات، مسلحي)."""
    head = fold(text).split()[0]
    return strip_article(head) in _MILITIA_HEADS or head in _MILITIA_HEADS


def _territory(actors: ArticleActors) -> set[str]:
    """The country the article's places lie in, as it tells them: a country in a place's name
    (شمال شرق سوريا) or a direction locates (جنوب سوريا), its capital so located (شمال بغداد: the
    city, which lies in its state), or its nisba right after a place (درعا السورية); none when it
    tells two."""
    lex, article = actors.lexicon, actors.article
    places = [(start, end) for start, end, m in actors.mentions if m.type == "Place"]
    found = {
        m.entity
        for start, end, m in actors.mentions
        if m.type == "Country" and m.entity and any(first <= start and end <= last for first, last in places)
    }
    for start, _end, m in actors.mentions:
        if m.type in ("Country", "Place") and _after_direction(actors.text, start):
            found.update(filter(None, [m.entity if m.type == "Country" else lex.capital_country(m.entity)]))
    for start, _end, form in actors.nisbas:
        if any(0 < start - last <= 1 for _first, last in places):
            found.update(filter(None, [lex.country_entity(article, lex.country_of_nisba(form), known=False)]))
    return found if len(found) == 1 else set()


def _after_direction(text: str, start: int) -> bool:
    """Whether the word before offset ``start`` is a direction (جنوب، شمالي، شرق)."""
    before = text[max(0, start - _DIRECTION_REACH) : start].split()
    return bool(before) and direction_word(before[-1])


def _named_with_nationality(actors: ArticleActors, words: list[str]) -> list[str]:
    """The countries whose nisba follows ``words`` anywhere in the article (النظام -> "النظام السوري")."""
    return _nisba_after(actors, re.compile(rf"(?<!\w){re.escape(' '.join(words))}\s+")) if words else []


def _nisba_after(actors: ArticleActors, pattern: re.Pattern[str]) -> list[str]:
    """The countries whose nisba is the word right after a match of ``pattern`` in the article."""
    found: set[str] = set()
    for m in pattern.finditer(actors.text):
        found.update(actors.nisba_countries(m.end(), actors.words_after(m.end(), 1)))
    return sorted(found)
