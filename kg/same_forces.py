"""One state's forces told in other words, within one article (issue 18): "الجيش السوري"،
"قوات النظام"، "القوات الحكومية" and "القوات المسلحة السورية" in an article on Syria are one
force, as its army is its armed forces; "الشرطة" is "الشرطة البريطانية" when the article gives
the police that state; "ميليشيات الحوثي الإيرانية" and "الميليشيا الحوثية المدعومة" are one
militia, by its head and its group. The relations stage has given each force its owner by then; this finds
the forces to merge, and ``kg.events`` merges them (``merge_entities``).
"""

from __future__ import annotations

from kg import resources
from kg.actors import ACTOR_TYPES
from kg.lexicon import WORD_RE, Lexicon, definite, flagged_words, word_ids, word_set
from kg.mentions.arms import ARMS, is_branch
from kg.mentions.coalitions import COALITION_UNITS, COALITIONS, FIGHTERS, for_coalition
from kg.mentions.event_places import nisba_base
from kg.mentions.joint_forces import states_named
from kg.mentions.numbered_units import is_numbered
from kg.mentions.possessed_forces import possessed_suffix
from kg.mentions.words import ACCUSATIVE, NISBA, OWN_COUNTRY
from kg.model import Article, Entity
from kg.naming import article_digest, slug
from kg.state_forces import REGULAR, WHOLE_HEADS, national, state_forces
from kg.text import fold, strip_article

_COUNTRY, _FORCE = "country/", "force/"
#: Heads of a group's fighters -> the one head their spellings and numbers share (مليشيات -> ميليشيا).
_GROUP_HEADS = word_ids("force_words", "group_head")
#: Words after a militia head that describe it and name no group (المسلحة، الإرهابية).
_EPITHETS = flagged_words("epithets", "militia")
#: A people's broken plural -> the stem its nisba shares (الأكراد، كردية -> كرد).
_PEOPLE_STEMS = {fold(r["pattern"]): fold(r["id"]) for r in resources.load("peoples") if r.get("troops")}
#: Heads of a people's fighters (مقاتلين، مليشيا): named by the people, one force within an article.
_FIGHTER_HEADS = word_set("force_words", "troops") | frozenset(_GROUP_HEADS)
#: Nouns of a part of a force in construct with it (وحدات الجيش).
_PART_HEADS = word_set("force_words", "part_head")
#: A nisba's endings in every inflection (حوثي، حوثيون، حوثيين).
_NISBA_INFLECTED = (NISBA, *(NISBA + ending for ending in word_set("nisba_endings")))


def same_forces(article: Article, lex: Lexicon) -> dict[str, str]:
    """The forces one article tells in other words: those naming one state's forces as a whole
    (``kg.state_forces.national``, keyed as in every article by ``state_forces``), and a branch
    and its fuller name: old key -> the key of the one they become, a gazetteer entry's where
    there is one, else the fullest name's (the map holds that key too, so the merge keeps that
    entity). Two gazetteer entries are never merged."""
    by_state: dict[str, list[Entity]] = {}
    for entity in article.entities.values():
        if entity.type == "Force" and (state := national(entity, lex)):
            by_state.setdefault(state, []).append(entity)
    renamed: dict[str, str] = {}
    for state, forces in by_state.items():
        known = [e.key for e in forces if e.key in lex.gazetteer]
        if len(known) > 1:
            continue
        target = known[0] if known else state_forces(article, lex, state, forces)
        if target is None and len(forces) < 2:
            continue
        # else the fullest name: "القوات المسلحة المصرية" over "القوات المسلحة"
        target = target or max(forces, key=lambda e: len(e.label_ar.split())).key
        if target in article.entities:
            renamed[target] = target
        # the fullest name first: a key no entity has keeps the first force renamed to it
        renamed.update(
            {e.key: target for e in sorted(forces, key=lambda e: -len(e.label_ar.split())) if e.key != target}
        )
    for old, new in [
        *_same_group(article, lex).items(),
        *_same_arm(article, lex).items(),
        *_same_joint_forces(article, lex).items(),
        *_known_coalition_units(article, lex).items(),
    ]:
        renamed.setdefault(old, renamed.get(new, new))
    pairs = [*_same_people(article, lex), *_branches_with_head(article), *_same_coalition(article, lex)]
    pairs += _parts_of_the_army(article, lex)
    for old, new in [*pairs, *_militias_by_owner(article, lex, renamed)]:
        renamed[old] = _joined(renamed, article, new)
    for branch, fuller in _branches_named_in_full(article, lex):
        renamed.setdefault(branch, _joined(renamed, article, fuller))
    digest = article_digest(article.text)
    for unit in (e for e in article.entities.values() if e.type == "Force" and is_numbered(e.label_ar)):
        # "اللواء 47" is one unit of one army: of its owner in every article, else of this one
        owner = unit.affiliation[0].split("/")[-1] if len(unit.affiliation) == 1 else digest
        renamed.setdefault(unit.key, f"{unit.key}--{owner}")
    for possessed, named in _possessed_named(article, lex):
        renamed.setdefault(possessed, _joined(renamed, article, named) if named in article.entities else named)
    return renamed


def _joined(renamed: dict[str, str], article: Article, key: str) -> str:
    """The key a force joining ``key`` takes: the one ``key`` already becomes. An entity others
    join keeps its own entry so the merge keeps it; a group's key (``_same_group``) is no
    entity's, and its merge keeps the first force renamed to it."""
    target = renamed.get(key, key)
    if target in article.entities:
        renamed.setdefault(target, target)
    return target


def _same_group(article: Article, lex: Lexicon) -> dict[str, str]:
    """Forces named by one head and one group, whatever their other words (ميليشيات الحوثي
    الإيرانية، الميليشيا الحوثية المدعومة): old key -> the key of the head and group alone, which
    names that group's fighters in every article."""
    by_group: dict[tuple[str, str], list[Entity]] = {}
    for entity in article.entities.values():
        words = _words(entity) if entity.type == "Force" else []
        named = len(words) >= 2 and definite(words[1]) and words[1] not in _EPITHETS  # not "المسلحة"
        if named and words[0] in _GROUP_HEADS and entity.key not in lex.gazetteer and not _owner_only(entity, lex):
            stem = nisba_base(strip_article(words[1]), keep=3)
            by_group.setdefault((_GROUP_HEADS[words[0]], stem), []).append(entity)
    renamed = {}
    for (head, stem), forces in by_group.items():
        known = _fighters_named_by_group(lex, stem)
        if known:  # "ميليشيات الحوثي" are the gazetteer's "الحوثيون": that entity, which the merge keeps
            article.entities.setdefault(known, lex.gazetteer[known].entity())
            renamed[known] = known
        # the shortest name first, which the merged force is called by
        key = known or f"force/{slug([head, stem])}"
        renamed.update({e.key: key for e in sorted(forces, key=lambda e: len(e.label_ar))})
    return renamed


def _fighters_named_by_group(lex: Lexicon, stem: str) -> str | None:
    """The gazetteer's force named by a group's nisba in the plural alone (الحوثيون، الحوثيين for
    the group "الحوثي"): the group's fighters, which its militia (ميليشيات الحوثي) is."""
    forms = {stem + ending for ending in _NISBA_INFLECTED}
    for key, entry in lex.gazetteer.items():
        labels = [fold(label).split() for label in (entry.label_ar, *entry.aliases)] if entry.type == "Force" else []
        if any(len(words) == 1 and strip_article(words[0]) in forms for words in labels):
            return key
    return None


def _owner_only(force: Entity, lex: Lexicon) -> str | None:
    """The one state a militia is named by alone, by its name or nisba among epithets
    (ميليشيات إيران، الميليشيات الإرهابية الإيرانية), when that state owns it; else None."""
    words = _words(force)
    if len(words) < 2 or words[0] not in _GROUP_HEADS or len(force.affiliation) != 1:
        return None
    state = force.affiliation[0]
    owner = [w for w in words[1:] if w not in _EPITHETS]
    # "الميليشيات الليبية" are all of a state's militias, "ميليشيا ليبية" one of them
    named = owner and all(lex.nisba_country(w) == state and definite(w) or lex.lookup([w]) == state for w in owner)
    return state if named and state.startswith(_COUNTRY) else None


def _militias_by_owner(article: Article, lex: Lexicon, renamed: dict[str, str]) -> list[tuple[str, str]]:
    """(force, key) pairs: militias named by their owning state alone (ميليشيات إيران،
    الميليشيات الإيرانية) are one force of that state, and the one militia the article names by
    its group and that state's nisba (ميليشيات الحوثي الإيرانية) when there is one; else keyed
    by their head and state, which names them in every article."""
    by_owner: dict[tuple[str, str], list[Entity]] = {}
    for entity in article.entities.values():
        if entity.type == "Force" and entity.key not in lex.gazetteer and (state := _owner_only(entity, lex)):
            by_owner.setdefault((_GROUP_HEADS[_words(entity)[0]], state), []).append(entity)
    pairs = []
    for (head, state), forces in by_owner.items():
        grouped = {renamed.get(e.key, e.key) for e in article.entities.values() if _group_of(e, head, state, lex)}
        target = grouped.pop() if len(grouped) == 1 else f"force/{slug([head])}--{state.removeprefix(_COUNTRY)}"
        pairs += [(e.key, target) for e in sorted(forces, key=lambda e: len(e.label_ar))]
    return pairs


def _group_of(force: Entity, head: str, state: str, lex: Lexicon) -> bool:
    """Whether a militia of ``head`` is named by its group and described by ``state``'s nisba
    (ميليشيات الحوثي الإيرانية), owned by that state alone."""
    words = _words(force) if force.type == "Force" and force.affiliation == [state] else []
    return (
        len(words) >= 3
        and _GROUP_HEADS.get(words[0]) == head
        and definite(words[1])
        and not lex.nisba_country(words[1])
        and words[1] not in _EPITHETS
        and any(lex.nisba_country(w) == state for w in words[2:])
    )


def _same_arm(article: Article, lex: Lexicon) -> dict[str, str]:
    """Forces naming one state's arm in any of its spellings, with or without a head of forces
    before it (الدفاع الجوي السوري، الدفاعات الجوية السورية، قوات الدفاع الجوي السورية): old key ->
    the key of the arm and its one state, which names that arm in every article."""
    renamed = {}
    for entity in sorted(article.entities.values(), key=lambda e: len(e.label_ar)):
        words = fold(entity.label_ar).split() if entity.type == "Force" else []
        if words and strip_article(words[0]) in WHOLE_HEADS:
            words = words[1:]  # "قوات الدفاع الجوي"
        states = [k for k in entity.affiliation if k.startswith(_COUNTRY)]
        arm = next((ARMS[w] for w in ARMS if tuple(words[: len(w)]) == w), None)
        of_coalition = any(for_coalition(w) for w in words)  # "قوات الدفاع الجوي للتحالف": no state's arm
        if arm and len(states) == len(entity.affiliation) == 1 and entity.key not in lex.gazetteer and not of_coalition:
            renamed[entity.key] = f"force/{slug(arm.split())}-{states[0].removeprefix(_COUNTRY)}"
    return renamed


def _same_people(article: Article, lex: Lexicon) -> list[tuple[str, str]]:
    """(force, force) pairs of one people's fighters told in other words (المقاتلين الأكراد،
    مليشيا كردية): a fighters' head and the people by its plural or its nisba, with the same
    owners (none for a people without a state); each pair's second is the first named of them."""
    by_people: dict[tuple[str, frozenset[str], bool], list[Entity]] = {}
    for entity in article.entities.values():
        words = _words(entity) if entity.type == "Force" and entity.key not in lex.gazetteer else []
        if len(words) == 2 and words[0] in _FIGHTER_HEADS:
            people = _PEOPLE_STEMS.get(words[1]) or nisba_base(strip_article(words[1]), keep=3)
            if people in _PEOPLE_STEMS.values():
                regular = words[0].removesuffix(ACCUSATIVE) in REGULAR  # جنودا
                by_people.setdefault((people, frozenset(entity.affiliation), regular), []).append(entity)
    pairs = []
    for forces in by_people.values():
        first = min(forces, key=lambda e: _first_mention(article, e.key))
        pairs += [(e.key, first.key) for e in forces if e is not first]
    return pairs


def _same_coalition(article: Article, lex: Lexicon) -> list[tuple[str, str]]:
    """(force, force) pairs of one coalition's units told by several nouns (قوات التحالف، طيران
    التحالف الدولي، مقاتلات التحالف), or of one group's fighters (مقاتلي تنظيم داعش، عناصر تنظيم
    الدولة), with the same owners: one force of that coalition or group, the gazetteer's where it
    knows one, else the first named. Owned by none, a coalition's units are still one (an article
    tells of one coalition), a group's fighters when the words after their noun are the same."""
    by_owners: dict[tuple[bool, frozenset[str] | tuple[str, ...]], list[Entity]] = {}
    for entity in article.entities.values():
        words = fold(entity.label_ar).split() if entity.type == "Force" else []
        coalition = len(words) >= 2 and words[0] in COALITION_UNITS and words[1] in COALITIONS
        if coalition or len(words) >= 2 and words[0] in FIGHTERS:
            owned = frozenset(entity.affiliation) or (() if coalition else tuple(words[1:]))
            by_owners.setdefault((coalition, owned), []).append(entity)
    pairs = []
    for (coalition, owned), forces in by_owners.items():
        known = [e.key for e in forces if e.key in lex.gazetteer]
        if len(known) > 1:
            continue
        if not known and coalition and (body := _known_coalition_force(article, lex, owned)):
            known = [body]  # "قوات التحالف" of التحالف الدولي: the gazetteer's قوات التحالف الدولي
        first = known[0] if known else min(forces, key=lambda e: _first_mention(article, e.key)).key
        pairs += [(e.key, first) for e in forces if e.key != first]
    return pairs


def _known_coalition_force(article: Article, lex: Lexicon, owners: frozenset[str] | tuple[str, ...]) -> str | None:
    """The gazetteer's force named by a head of forces and the one body that owns a coalition's
    units (قوات + التحالف الدولي), when it knows one."""
    bodies = [article.entities[k] for k in owners if k in article.entities]
    if len(bodies) != 1 or len(owners) != 1 or bodies[0].type != "Organization":
        return None
    name = fold(bodies[0].label_ar).split()
    known = (lex.lookup([head, *name]) for head in sorted(WHOLE_HEADS))
    return next((key for key in known if key and key.startswith(_FORCE)), None)


def _branches_with_head(article: Article) -> list[tuple[str, str]]:
    """(force, branch) pairs: a branch told with a head of forces before it (قوات الشرطة) and the
    branch by its own words (الشرطة), of the same owners."""
    forces = [e for e in article.entities.values() if e.type == "Force" and e.affiliation]
    by_words = {(tuple(_words(e)), tuple(e.affiliation)): e.key for e in forces if is_branch(e.label_ar)}
    pairs = []
    for force in forces:
        words = _words(force)
        if len(words) >= 2 and words[0] in WHOLE_HEADS:
            bare = (strip_article(words[1]), *words[2:])
            if (branch := by_words.get((bare, tuple(force.affiliation)))) and branch != force.key:
                pairs.append((force.key, branch))
    return pairs


def _parts_of_the_army(article: Article, lex: Lexicon) -> list[tuple[str, str]]:
    """(force, army) pairs: a part of "the army" told without its state or other words (وحدات
    الجيش، قوات الجيش) and the one army the article names by its state (الجيش السوري)."""
    forces = [e for e in article.entities.values() if e.type == "Force"]
    armies = {}  # the army's definite head (الجيش) -> the keys of the armies it heads
    for force in forces:
        if national(force, lex):
            armies.setdefault(fold(force.label_ar).split()[0], set()).add(force.key)
    pairs = []
    for force in forces:
        words = fold(force.label_ar).split()
        army = armies.get(words[-1], set()) if len(words) == 2 and not force.affiliation else set()
        if words[0] in _PART_HEADS and len(army) == 1:
            pairs.append((force.key, army.pop()))
    return pairs


def _first_mention(article: Article, key: str) -> int:
    """Where an entity is first mentioned in its article."""
    return min((m.start for m in article.mentions if m.entity == key), default=len(article.text))


def _branches_named_in_full(article: Article, lex: Lexicon) -> list[tuple[str, str]]:
    """(branch, force) pairs: a branch named by its words alone ("الشرطة") and the force of its one
    owner the article names by those words and its nisba ("الشرطة البريطانية")."""
    forces = [e for e in article.entities.values() if e.type == "Force" and len(e.affiliation) == 1]
    pairs = []
    for branch in forces:
        words = _words(branch)
        if not is_branch(branch.label_ar) or any(lex.nisba_country(w) for w in words):
            continue
        pairs += [
            (branch.key, other.key)
            for other in forces
            if other is not branch
            and other.affiliation == branch.affiliation
            and [w for w in _words(other) if not lex.nisba_country(w)] == words
            and len(_words(other)) > len(words)
        ][:1]
    return pairs


def _possessed_named(article: Article, lex: Lexicon) -> list[tuple[str, str]]:
    """(force, key) pairs: a force named by its possessor (قواتنا الأمنية، قواتها، قوات بلاده) and
    the force of its one owner the article names by the same noun and words with the owner's
    nisba (القوات الأمنية العراقية) or, for a bare noun of a state's forces, as a whole
    (``kg.state_forces.national``: القوات العراقية). One "قوات بلاده" the article names no other way is keyed
    by its owner: "his country" names another state in another article. A pronoun's force
    (قواتها، قواتنا) was keyed by its owner within its article when that owner was read
    (``kg.force_possessors.possessed_entity``)."""
    forces = [e for e in article.entities.values() if e.type == "Force"]
    pairs = []
    for force in forces:
        head, rest, own_country = _possessed_words(force)
        if head is None or len(force.affiliation) != 1:
            continue
        named = next((o.key for o in forces if o is not force and _names(o, force, head, rest, lex)), None)
        if named or own_country:
            pairs.append((force.key, named or f"{force.key}--{slug(force.affiliation[0].split('/')[-1:])}"))
    return pairs


def _possessed_words(force: Entity) -> tuple[str | None, list[str], bool]:
    """A force named by its possessor: its noun without the pronoun or "بلاده" (قوات), the words
    after it, and whether "بلاده" names the owner; (None, [], False) for any other force."""
    words = fold(force.label_ar).split()
    suffix = possessed_suffix(words[0])
    if suffix:
        return words[0][: -len(suffix)], words[1:], False
    if len(words) == 2 and words[1] in OWN_COUNTRY:
        return words[0], [], True
    return None, [], False


def _names(other: Entity, force: Entity, head: str, rest: list[str], lex: Lexicon) -> bool:
    """Whether ``other``, of the same owner, names the possessed ``force`` (its noun ``head`` and
    words ``rest``) by a label with or without its owner's nisba, or as its owner's forces as a
    whole, or is the force it is of ("قال قائد في الجيش X إن قواته": ``kg.force_possessors``)."""
    if force.affiliation == [other.key]:
        return True
    if other.affiliation != force.affiliation or _possessed_words(other)[0] is not None:
        return False
    if not rest and head in WHOLE_HEADS and national(other, lex):
        return True
    for label in (other.label_ar, *other.alt_labels):  # "القوات الروسية" aka "القوات المسلحة"
        words = fold(label).split()
        if strip_article(words[0]) == head and [w for w in words[1:] if not lex.nisba_country(w)] == rest:
            return True
    return False


def _words(force: Entity) -> list[str]:
    """A force label's folded words, its head without the article (الشرطة -> شرطه)."""
    words = fold(force.label_ar).split()
    return [strip_article(words[0]), *words[1:]] if words else []


def in_construct(article: Article, key: str) -> bool:
    """Whether a force is named in construct with an actor the article names (جيش مصر، قوات حفتر)."""
    return any(
        o.end == m.end
        and m.start < o.start
        and o.type in ACTOR_TYPES
        and len(WORD_RE.findall(article.text, m.start, o.start)) == 1  # right after the head noun (فصيل "X")
        for m in article.mentions
        if m.entity == key
        for o in article.mentions
    )


def _same_joint_forces(article: Article, lex: Lexicon) -> dict[str, str]:
    """Joint forces named by one head and the nisbas of the same states in any order or spelling
    (القوات الروسية والسورية، القوات السورية والروسية): old key -> the key of the head and the
    states, which names that joint force in every article."""
    renamed = {}
    for entity in article.entities.values():
        words = fold(entity.label_ar).split() if entity.type == "Force" else []
        states = states_named(lex, words[1:])
        joint = len(states) >= 2 and len(states) == len(words) - 1 and set(entity.affiliation) == states
        if joint and entity.key not in lex.gazetteer:
            owners = "--".join(sorted(key.rpartition("/")[2] for key in states))
            renamed[entity.key] = f"force/{slug([strip_article(words[0])])}--{owners}"
    return renamed


def _known_coalition_units(article: Article, lex: Lexicon) -> dict[str, str]:
    """A coalition's units owned by the one known body the article names (قوات التحالف العربي،
    قوات التحالف العربي لدعم الشرعية في اليمن): old key -> the key of the unit's noun and that
    body, which names that unit in every article however much of the coalition's name it writes.
    A body whose forces the gazetteer knows (قوات التحالف الدولي) is left to ``_same_coalition``."""
    renamed = {}
    for entity in article.entities.values():
        words = fold(entity.label_ar).split() if entity.type == "Force" else []
        unit = len(words) >= 2 and words[0] in COALITION_UNITS and words[1] in COALITIONS
        if unit and entity.key not in lex.gazetteer and len(entity.affiliation) == 1:
            body = entity.affiliation[0]
            known = body in lex.gazetteer and lex.gazetteer[body].type == "Organization"
            if known and _known_coalition_force(article, lex, frozenset({body})) is None:  # not the gazetteer's
                renamed[entity.key] = f"force/{slug([words[0]])}--{body.rpartition('/')[2]}"
    return renamed
