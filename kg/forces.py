"""Forces: whose force it is, where it stands, and how strong it is.

A force takes the nationality adjective on or right after its name (القوات الأميركية، جيش
عراقي)، the backer inside or after it ("الفصائل المدعومة من طهران"، "الموالية لإيران")، the body
its descriptive name names after the head noun ("قوات التحالف" -> التحالف الدولي)، the force or
body it belongs to ("فيلق القدس بالحرس الثوري")، and the owner of a force that lists it
("قوات الأمن العراقية، بضمنها قوات البيشمركة"). A proper name (كتائب حزب الله، قوات سوريا
الديمقراطية) names no owner by its words. A strength ("أكثر من 5000 جندي أمريكي"، "2500 عسكري")
goes to the force mention it belongs to, else to the force of the nationality written after it.
"""

from __future__ import annotations

import re

from kg.actors import ACTOR_TYPES, AND_RE, ArticleActors, add_keys, bare
from kg.model import Entity, Mention
from kg.spans import fold, words_pattern


def _words(label: str) -> str:
    return words_pattern("force_words", label)


_OF = words_pattern("function_words", "of")
_FOR = words_pattern("function_words", "for")
_INCLUDING_RE = re.compile(rf"{_words('including')}[\s\u060c,]*$")
_BACKED_RE = re.compile(rf"{_words('backed')}\s+(?:{_OF}|{_FOR})?\s*$")
#: Head nouns of a descriptive force name, which names its owner itself when it has one.
_FORCE_HEAD_RE = re.compile(rf"^(?:ال)?{_words('descriptive_head')}(?!\w)")
_BACKED_INSIDE_RE = re.compile(rf"(?<!\w)(?:ال)?{_words('backed_stem')}(?:ة|ين)?(?:\s+{_OF})?(?!\w)")
_OF_RE = re.compile(rf"^\s*{words_pattern('function_words', 'by')}$")
_BACKER_GAP_RE = re.compile(rf"^\s*(?:{_OF}\s+|{_FOR})?$")
#: How far after a force its backer or owner may be named, or before a count its force.
_AFTER_CHARS = 40
#: A personnel count: "أكثر من 5000 جندي"، "2 ألف عسكري"، or a bare number before "من <force>".
_STRENGTH_RE = re.compile(
    rf"(?:{_words('approximately')}\s+)?"
    rf"(?P<n>\d[\d,\u066c]*)\s*(?P<k>{_words('thousand')})?"
    rf"(?:\s+(?P<unit>{_words('personnel')})(?!\w)|(?=\s+{_OF}\s))"
)
#: Between a force and the count of its members: "القوات الأمريكية البالغ عددها 2500 جندي".
_COUNT_OF_RE = re.compile(rf"^[\s\u060c,]*(?:و?(?:ال)?{_words('amounting')}ة?\s+)?و?{_words('count')}(?:ها|هم)\s*$")
#: A state keeping troops somewhere, its name between the verb and the count: "تنشر الولايات
#: المتحدة أكثر من 2500 جندي في العراق"، "لدى واشنطن 900 جندي".
_DEPLOYS_RE = re.compile(rf"(?<!\w){_words('deploy')}\s+(?P<who>[^\d.\u060c]{{2,40}}?)\s*$")
_IN_GAP_RE = re.compile(rf"^\s+{words_pattern('function_words', 'in')}\s+$")
_CASUALTY_RE = re.compile(rf"{_words('casualty')}\s+$")


def read_forces(actors: ArticleActors) -> None:
    """Fill each force's affiliation (and location "في X")."""
    entities = actors.article.entities
    forces = [t for t in actors.mentions if t[2].type == "Force"]
    for start, end, mention in forces:
        entity = actors.entity(mention)
        owners = actors.nisba_countries(start, actors.words_after(end, 1))
        if backer := _BACKED_INSIDE_RE.search(actors.text, start, end):  # "المليشيات المدعومة من طهران"
            owners += [
                k
                for k in actors.named(backer.end(), end, entity.key)
                if entities[k].type in ("Organization", "Country", "Force")
            ]
        after = actors.within(end, end + _AFTER_CHARS)
        if after:
            gap = actors.text[end : after[0][0]]
            if _OF_RE.match(gap) and after[0][2].type in ("Force", "Organization"):
                owners.append(after[0][2].entity)
            if _IN_GAP_RE.match(gap) and after[0][2].type in ("Country", "Place"):
                entity.location = entity.location or after[0][2].entity
        backed = [t for t in after if t[0] - end < 40 and _BACKED_RE.search(actors.text[end : t[0]])]
        if backer and backer.end() == end and after and _BACKER_GAP_RE.match(actors.text[end : after[0][0]]):
            backed = after[:1]  # the mention ends on its backing word: "ميليشيات مدعومة" من إيران
        if backed and backed[0][2].type in ACTOR_TYPES:
            owners.append(backed[0][2].entity)
        if not owners:
            owners = _owner_named_short(actors, mention, entity.key)
        if not owners:  # a force known by a national name: "الحرس الثوري الإيراني"
            owners = actors.countries_named(_known_nisbas(actors, entity))
        add_keys(entity.affiliation, owners, entity.key)
    # a force listed under another ("بضمنها"، "و") shares its owner when it names none
    for (_s1, e1, m1), (s2, _e2, m2) in zip(forces, forces[1:], strict=False):
        first, second = entities[m1.entity], entities[m2.entity]
        gap = actors.text[e1:s2]
        listed = _INCLUDING_RE.search(gap) or AND_RE.match(gap) and not _FORCE_HEAD_RE.match(fold(m2.text))
        if first.affiliation and not second.affiliation and listed:
            add_keys(second.affiliation, first.affiliation, second.key)


def _owner_named_short(actors: ArticleActors, mention: Mention, own: str) -> list[str]:
    """The owner a descriptive force name names after its head noun, in full or by its first
    words: "قوات التحالف الدولي"، "قوات التحالف" -> the one known body named (or whose name
    starts) "التحالف"; "قوات سوريا الديمقراطية" names no owner."""
    words = bare(mention.text).split()
    if len(words) < 2 or not _FORCE_HEAD_RE.match(fold(mention.text)):
        return []
    short = " ".join(words[1:])
    owners = {
        key
        for key, label in actors.lexicon.labels(actors.article)
        if key != own and (label == short or label.startswith(short + " "))
    }
    if len(owners) != 1:
        return []
    (key,) = owners
    return [actors.lexicon.known_entity(actors.article, key) if key not in actors.article.entities else key]


def read_strengths(actors: ArticleActors) -> None:
    """Give forces the personnel counts the article states ("أكثر من 5000 جندي أمريكي")."""
    for m in _STRENGTH_RE.finditer(actors.text):
        if _CASUALTY_RE.search(actors.text[max(0, m.start() - 12) : m.start()]):
            continue
        number = int(re.sub(r"\D", "", m.group("n")))
        if m.group("k"):
            number *= 1000
        force = _force_for_strength(actors, m.start(), m.end(), by_nationality=bool(m.group("unit")))
        if force and force.strength is None:
            force.strength = number


def _force_for_strength(actors: ArticleActors, start: int, end: int, by_nationality: bool) -> Entity | None:
    """The force a strength belongs to: a force mention covering it, right after it ("2500 من
    القوات الأمريكية") or counted before it ("القوات الأمريكية البالغ عددها 2500 جندي"); else,
    when ``by_nationality``, the force owned by the nisba right after it (5000 جندي أمريكي)."""
    for s, e, mention in actors.within(start - _AFTER_CHARS, end + 6):
        if mention.type != "Force":
            continue
        if (
            s <= start < e
            or s <= end <= e
            or 0 <= s - end <= 5
            or e <= start
            and _COUNT_OF_RE.match(actors.text[e:start])
        ):
            return actors.entity(mention)
    if not by_nationality:
        return None
    countries = actors.nisba_countries(end, actors.words_after(end, 1)) or _deploying_countries(actors, start)
    for key in countries:
        owned = [e for e in actors.article.entities.values() if e.type == "Force" and key in e.affiliation]
        if owned:
            return owned[0]
        if force := actors.lexicon.national_force(actors.article, key):
            return force
    return None


def _deploying_countries(actors: ArticleActors, start: int) -> list[str]:
    """The country that keeps the troops a count before ``start`` counts (تنشر الولايات المتحدة ...)."""
    m = _DEPLOYS_RE.search(actors.text, max(0, start - 60), start)
    if m is None:
        return []
    return [
        mention.entity for _s, _e, mention in actors.within(m.start("who"), m.end("who")) if mention.type == "Country"
    ][:1]


def _known_nisbas(actors: ArticleActors, force: Entity) -> list[str]:
    """The countries a force's other names (its labels, the gazetteer's aliases) name by nisba."""
    known = actors.lexicon.gazetteer_entry(force.key)
    names = [force.label_ar, *force.alt_labels, *(known.aliases if known else ())]
    return actors.lexicon.nisba_names(" ، ".join(names))
