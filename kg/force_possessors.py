"""Whose a force named by its possessor is: in construct (جيش مصر، قوات حفتر، قوات بلاده) or by
a pronoun suffix on its noun (قواتها، قواته، قواتنا الأمنية) (issue 18).

A suffix of the third person refers back to an actor of its gender named before the force in its
sentence (ها to a state, الحكومة or القوات; ه to a man, الجيش or لبنان): the last state, else the
nearest actor (``_owner``: "اتهمت أنقرة ... بقصف قواتها"، "أعلن الجيش الإسرائيلي تعزيز قواته").
The first person (قواتنا)
is the speaker's: the first person named in the sentence of the last one named before it (وقال
وزير X فلان ... مع نظيره Y: "... قواتنا"), which may be a few sentences back when the quote goes
on (وأضاف "... قواتنا").
"""

from __future__ import annotations

from kg import resources
from kg.actors import AND_RE, ArticleActors
from kg.mentions.possessed_forces import FIRST_PERSON
from kg.model import Article, Entity, Mention, Source
from kg.namesakes import namesakes
from kg.naming import article_digest
from kg.spans import fold
from kg.text import strip_article

#: Suffixes that refer to a feminine possessor (قواتها: True) and to a masculine one (قواته: False);
#: others (قواتهم) to either.
_FEMININE_SUFFIX = {
    fold(r["pattern"]): r["feminine"]
    for r in resources.load("force_words")
    if r["label"] == "possessor_suffix" and "feminine" in r
}
_FEMININE_ENDINGS = tuple(resources.words("force_words", "feminine_ending", fold))
_MASCULINE = frozenset(resources.words("force_words", "masculine_state", fold))
#: Head nouns, whose gender a body's name takes (حزب، الجيش، تنظيم).
_HEADS = frozenset(fold(r["pattern"]) for r in resources.load("head_nouns"))
_OWNERS = ("Country", "Organization", "Force", "Person")
#: How far back the speaker of "قواتنا" may be named: a paragraph or two of a quote that goes on.
_SPEAKER_CHARS = 400


def leader_in_construct(actors: ArticleActors, start: int, end: int) -> list[str]:
    """Whose forces a force in construct with a state or a person is: the state (جيش مصر); for a
    person (قوات الأسد), the state his role or the gazetteer gives him, else the person himself."""
    ending = [(s, m) for s, e, m in actors.within(start + 1, end) if e == end]
    # the outermost name only: a country a body's name ends on is where the body works (قوات التحالف
    # العربي لدعم الشرعية في اليمن), not the state in construct with the force
    inside = [m for s, m in ending if s == min(s for s, _m in ending)]
    states = [m.entity for m in inside if m.type == "Country"]  # "شرطة بنغلاديش"، "جيش مصر"، "قوات بلاده"
    # "جيش خالد بن الوليد" is named after him, not his
    named_after = namesakes(actors.article, lambda key: actors.lexicon.gazetteer_entry(key) is not None)
    people = [m.entity for m in inside if m.type == "Person" and m.entity not in named_after]
    return (states or actors.role_countries(people) or people)[:1]


def possessor(actors: ArticleActors, mention: Mention, start: int, suffix: str) -> list[str]:
    """The owner of a force whose noun carries the pronoun ``suffix`` (folded), read back from
    ``start`` in its sentence (see the module docstring)."""
    if suffix in FIRST_PERSON:
        since = max(0, start - _SPEAKER_CHARS)
        people = [s for s, _e, m in actors.within(since, start) if m.type == "Person" and m.entity]
        said = actors.within(actors.ft.sentence_start(people[-1]), start) if people else []
        speaker = next((m.entity for _s, _e, m in said if m.type == "Person" and m.entity), None)
        return actors.role_countries([speaker])[:1] if speaker else []
    feminine = _FEMININE_SUFFIX.get(suffix)
    before = [
        (e, m)
        for _s, e, m in actors.within(actors.ft.sentence_start(start), start)
        if m is not mention and m.type in _OWNERS and m.entity
    ]
    if not before:
        return []
    # the actor it is joined to (القوات الإيرانية وميليشياتها), else the last state of its gender
    # named in the sentence before ("أعلنت الدنمارك، العضو في التحالف ضد داعش، سحب قواتها"، "وسعت
    # إسرائيل حربها على لبنان ودخلت قواتها"), else the nearest actor of its gender that has forces
    if AND_RE.match(actors.text[before[-1][0] : start]):
        return _owner(actors, before[-1][1])
    agreeing = [m for _e, m in reversed(before) if feminine is None or _feminine(actors, m) in (feminine, None)]
    state = next((m for m in agreeing if m.type == "Country"), None)
    return next((owner for m in ([state] if state else agreeing) if (owner := _owner(actors, m))), [])


def _feminine(actors: ArticleActors, mention: Mention) -> bool | None:
    """Whether an actor is named in the feminine: a head noun or plural in ة or ات (الحكومة
    المصرية، القوات، حركة X: a body by its full name, as "الجهاد" is "حركة الجهاد"), or a state's
    name (مصر، بغداد) but for the few masculine ones (لبنان، العراق); a man and a body by another
    head noun (الجيش، حزب الله) are masculine; None for a name that does not tell (البوليساريو)."""
    if mention.type == "Person":
        return False
    words = fold(mention.text if mention.type == "Country" else actors.entity(mention).label_ar).split()
    if words[0].endswith(_FEMININE_ENDINGS):
        return True
    if mention.type == "Country" and mention.source != Source.HEAD_NOUN:
        return " ".join(words) not in _MASCULINE
    return False if strip_article(words[0]) in _HEADS else None


def _owner(actors: ArticleActors, possessor: Mention) -> list[str]:
    """Whose forces the forces of a possessor are: a state's or group's its own, those of a body
    named with its state's nisba that state's (الخارجية الإيرانية ... قواتها), a person's his
    state's or body's (none for a man no role places), a force's its owner's or, owned by none,
    that force itself (one force with it: ``kg.same_forces``)."""
    if possessor.type == "Person":
        keys = [possessor.entity]
        return actors.role_countries(keys)[:1] or actors.role_bodies(keys, top=True)[:1]
    owner = actors.entity(possessor)
    if owner.type == "Force":
        return owner.affiliation[:1] or [owner.key]
    named = actors.lexicon.nisba_names(possessor.text) if owner.type == "Organization" else []
    return actors.countries_named(named)[:1] or [owner.key]


def possessed_entity(actors: ArticleActors, mention: Mention, owners: list[str]) -> Entity:
    """The entity of a possessed force's mention: one per owner within its article ("قواتها" of
    Iran and "قواتها" of Russia are two forces, which one label made one), keyed so."""
    entity = actors.entity(mention)
    key = f"{entity.key}--{owners[0].split('/')[-1]}-{article_digest(actors.article.text)}"
    # the article's own mention, of which the stage reads a copy typed as its entity
    for named in (
        m for m in actors.article.mentions if (m.start, m.end, m.entity) == (mention.start, mention.end, entity.key)
    ):
        named.entity = key
    mention.entity = key
    return actors.article.entities.setdefault(key, Entity(key=key, type=entity.type, label_ar=entity.label_ar))


def drop_unmentioned(article: Article, keys: set[str]) -> None:
    """Remove the entities of ``keys`` no mention names any more (possessed forces' keyed anew)."""
    named = {m.entity for m in article.mentions}
    for key in keys - named:
        article.entities.pop(key, None)
