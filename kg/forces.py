"""Forces: whose force it is, where it stands, and how strong it is.

A force takes the nationality adjective on or right after its name (القوات الأميركية، جيش
عراقي)، the backer inside or after it ("الفصائل المدعومة من طهران"، "الموالية لإيران")، the body
its descriptive name names after the head noun ("قوات التحالف" -> التحالف الدولي)، the force or
body it belongs to ("فيلق القدس بالحرس الثوري")، and the owner of a force that lists it
("قوات الأمن العراقية، بضمنها قوات البيشمركة"). A proper name (كتائب حزب الله، قوات سوريا
الديمقراطية) names no owner by its words. A strength ("أكثر من 5000 جندي أمريكي"، "2500 عسكري")
goes to the force mention it belongs to, else to the force of the nationality written after it.
Forces named by their words alone (قوات الأمن، القوات الحكومية) are owned in ``kg.force_branches``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg import counts, resources
from kg.actors import ACTOR_TYPES, AND_RE, ArticleActors, add_keys
from kg.event_names import before_complement
from kg.force_backers import (
    BACKED_INSIDE_RE,
    BACKER_GAP_RE,
    backed_by,
    backer_owns,
    belongs,
    government_force,
    opposed_before,
    opposed_force,
)
from kg.force_branches import own_branches
from kg.force_owners import FORCE_HEAD_RE, fighters_owner, named_owner
from kg.force_possessors import drop_unmentioned, leader_in_construct, possessed_entity, possessor
from kg.lexicon import affix, definite, single_word
from kg.matcher import inflect
from kg.mentions.military import TROOP_PEOPLES
from kg.mentions.possessed_forces import possessed_suffix
from kg.mentions.words import AND
from kg.model import Entity, Mention
from kg.naming import article_digest, slug
from kg.pronoun_backers import read_pronoun_backers
from kg.spans import fold, words_pattern


def _words(label: str) -> str:
    return words_pattern("force_words", label)


_OF = words_pattern("function_words", "of")
_ARTICLE = single_word("affixes", "article")
#: The conjunctions a verb may carry (وأرسلت، فنشرت), as a character class.
_CONJUNCTIONS = "".join(resources.words("affixes", "conjunction", fold))
_SUFFIX = words_pattern("function_words", "pronoun_suffix")
_FOR = words_pattern("function_words", "for")
_INCLUDING_RE = re.compile(rf"{_words('including')}[\s\u060c,]*$")
#: The branch a count of soldiers is drawn from: "جندي من القوات البرية"، "من القوات الخاصة التركية".
_BRANCH_RE = re.compile(
    rf"\s+{_OF}\s+(?P<branch>(?:{_ARTICLE})?{_words('branch_head')}(?:\s+{_ARTICLE}\w+){{1,2}})(?!\w)"
)
_OF_RE = re.compile(rf"^\s*{words_pattern('function_words', 'by')}$")
#: "عملية عاصفة الحزم التي قامت بها المملكة"، "الحملة التي تقودها واشنطن": who carries out a force's action.
_CARRIED_OUT_RE = re.compile(
    rf"^\s*{words_pattern('function_words', 'relative')}\s+{_words('carried_out')}(?:{_SUFFIX})?(?:\s+ب{_SUFFIX})?\s+$"
)
#: "قوات التحالف بقيادة الولايات المتحدة": the state that leads a force.
_LED_BY_RE = re.compile(rf"^\s*{_words('led_by')}\s+$")
#: "تحالف تقوده فرنسا"، "التحالف الذي تقوده السعودية": a verb of leading inside a force's phrase.
_LEADING_INSIDE_RE = re.compile(rf"(?<!\w){_words('leading')}(?!\w)")
#: How far after a force its backer or owner may be named, or before a count its force.
_AFTER_CHARS = 40
#: Between a force and the count of its members: "القوات الأمريكية البالغ عددها 2500 جندي"، "التي
#: يبلغ قوامها"، "ويبلغ عدد أفرادها".
_COUNT_OF_RE = re.compile(
    rf"^[\s\u060c,]*(?:{words_pattern('function_words', 'relative')}\s+)?(?:و?{_words('amounting_verb')}\s+)?"
    rf"(?:و?(?:{_ARTICLE})?{_words('amounting')}ة?\s+)?و?{_words('count')}(?:\s+\w+)?(?:ها|هم)\s*$"
)
#: The plurals of a people without a state (الأكراد): troops they name are no state's by a nationality.
_STATELESS = frozenset(fold(r["pattern"]) for r in resources.load("peoples") if r.get("stateless"))
#: Words of a military operation ("عملية X"), which is no force and no body one serves in.
OPERATION_WORDS = frozenset(resources.words("force_words", "operation", fold))
_TROOP_WORDS = frozenset(resources.words("force_words", "troops", fold))
_BRANCH_WORDS = frozenset(resources.words("force_words", "branch_head", fold))
#: The nouns of forces and troops (قوة، قوات، جنود), read before a count of members.
_FORCE_NOUNS = (
    frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r["label"] == "Force") | _TROOP_WORDS
)
_IN = single_word("function_words", "in")
_IN_GAP_RE = re.compile(rf"^\s+{words_pattern('function_words', 'in')}\s+$")
#: How far before a count a casualty word may start, and how many words may stand between them in
#: its clause (قتل فيها 14 عنصرا، قتل خلاله على الأقل 26 مقاتلا) or after the count before a verb
#: of casualties (من قوات النظام قتلوا).
_CASUALTY_CHARS, _CASUALTY_WORDS = 40, 4
#: Between two counts joined by و: at most a nationality word (ثلاثة ضباط سوريين و7 مقاتلين).
_JOINED_COUNT_RE = re.compile(r"[ \t\u00a0]*(?:\w+[ \t\u00a0]+)?")
#: The clitic ب of a verbal noun (بمقتل).
_BY = single_word("function_words", "by")
#: The proclitics a noun may carry (وبالقوات، للقوة).
_CLITICS = _CONJUNCTIONS + _BY + single_word("function_words", "for")
#: How far before a count the verb of the state that keeps or sends the troops may stand.
_DEPLOY_CHARS = 80
#: How far before a force the verb that sends it may stand: its subject and a word or two between.
_OBJECT_CHARS = 30
#: Most words between that verb and the state, its subject (a time: "أرسلت أمس تركيا").
_SUBJECT_GAP_WORDS = 1


class _StrengthGrammar:
    """The strength regexes, compiled once from ``kg/data/force_words.jsonl`` and the number grammar.

    A strength is an optional approximation (نحو، أكثر من)، a count (``kg.counts``: "2500"،
    "5 آلاف"، "ثلاثة آلاف") and a personnel noun (جندي، مقاتل، مراقب), or a bare count before
    "من <force>". The verbs of keeping or sending troops (تنشر، أرسلت، شاركت) name the state the
    count belongs to; a casualty word before a count (مقتل 12 جنديا) makes it no strength.
    """

    def __init__(self, records: list[dict]) -> None:
        words = {
            label: [fold(r["pattern"]) for r in records if r["label"] == label]
            for label in ("approx", "personnel", "deploy", "casualty", "part")
        }
        verbs = [form for r in records if r["label"] == "casualty_verb" for form in inflect(r)]
        words["casualty"] += verbs
        approx, personnel = counts.alternation(words["approx"]), counts.alternation(words["personnel"])
        self.strength = re.compile(
            rf"(?<!\w)(?:(?:{approx})\s+)?(?:[وبل]|وب)?(?P<n>{counts.count_pattern()})"
            rf"(?:\s+(?P<unit>{personnel})(?!\w)|(?=\s+{_OF}\s))"
        )
        #: personnel words that also mean elements or individuals (عناصر، أفراد): they count a
        #: force named beside them, and make none of their own ("3 عناصر لرد قوي")
        self.members = frozenset(fold(r["pattern"]) for r in records if r["label"] == "personnel" and r.get("member"))
        self.deploy = re.compile(rf"(?<!\w)[{_CONJUNCTIONS}]?(?:{counts.alternation(words['deploy'])})(?!\w)")
        #: a casualty (بمقتل 43 عنصرا، القبض على 20 فردا) or a share of a group counted before
        #: (بينهم 19 ضابطا) right before a count: no strength
        not_strength = counts.alternation(words["casualty"] + words["part"])
        self.casualty = re.compile(
            rf"(?<!\w)[{_CONJUNCTIONS}{_BY}]?(?:{not_strength})(?:[ \t]+[^\s\u060c,.:]+){{0,{_CASUALTY_WORDS}}}\s+$"
        )
        #: a verb of casualties a few words after the count, in its clause: "35 مقاتلا من قوات النظام
        #: قتلوا"، "5 مقاتلين سوريين أصيبوا"
        fell = counts.alternation(verbs + [fold(r["pattern"]) for r in records if r["label"] == "casualty_after"])
        self.casualty_after = re.compile(
            rf"(?:[ \t]+[^\s\u060c,.:]+){{0,{_CASUALTY_WORDS}}}?[ \t]+[{_CONJUNCTIONS}]?(?:{fell})(?!\w)"
        )


@lru_cache(maxsize=1)
def _grammar() -> _StrengthGrammar:
    return _StrengthGrammar(resources.load("force_words"))


def read_forces(actors: ArticleActors) -> None:
    """Fill each force's affiliation (and location "في X")."""
    entities = actors.article.entities
    forces = [t for t in actors.mentions if t[2].type == "Force"]
    split: set[str] = set()  # the keys of possessed forces' mentions, keyed anew by their owners
    for start, end, mention in forces:
        entity = actors.entity(mention)
        # "المعارضة السورية المسلحة"، "الجيش السوري الحر"، "المقاتلين الأكراد السوريين": the land it
        # fights or lives in, not its owner
        opposed = (
            opposed_force(entity)
            or opposed_before(actors, start)
            or bool(_STATELESS.intersection(fold(entity.label_ar).split()))
        )
        # the nisba right after its phrase, not one coordinated with it: "القوات الروسية والأتراك"
        after_nisba = end if actors.text[end:].lstrip().startswith(AND) else actors.words_after(end, 1)
        owners = [] if opposed else actors.nisba_countries(start, after_nisba)
        if not owners and not opposed:  # "مقاتلين روس": a people's plural no nisba list reads bare
            owners = [k for w in fold(entity.label_ar).split() if (k := _people_state(actors, w))]
        if not owners and not opposed:
            owners = _country_named_as_nisba(actors, mention, start, end)  # "الدفاعات الجوية السورية"
        # a nationality owns it, or its government (القوات الحكومية): a backer does not (الجيش المصري المدعوم من فرنسا)
        national = bool(owners) or government_force(entity)
        backer = BACKED_INSIDE_RE.search(actors.text, start, end)  # "المليشيات المدعومة من طهران"
        if backer and national and backer_owns(entity):  # "الفصائل السورية الموالية لتركيا": Turkey's
            owners, national = [], False
        if backer and (not national or belongs(backer.group())):
            owners += [
                k
                for k in actors.named(backer.end(), end, entity.key)
                if entities[k].type in ("Organization", "Country", "Force")
            ]
        led = _LEADING_INSIDE_RE.search(actors.text, start, end)  # the state that leads it, in its phrase
        if led:
            owners += [k for k in actors.named(led.end(), end, entity.key) if entities[k].type == "Country"]
        after = actors.within(end, end + _AFTER_CHARS)
        if after:
            gap = actors.text[end : after[0][0]]
            if _OF_RE.match(gap) and not national and after[0][2].type in ("Force", "Organization"):
                owners.append(after[0][2].entity)
            if _CARRIED_OUT_RE.match(gap) and after[0][2].type in ("Country", "Organization"):
                owners.append(after[0][2].entity)
            if _LED_BY_RE.match(gap) and after[0][2].type == "Country":  # not its commander
                owners.append(after[0][2].entity)
            if _IN_GAP_RE.match(gap) and after[0][2].type in ("Country", "Place"):
                entity.location = entity.location or after[0][2].entity
            if _IN_GAP_RE.match(gap) and after[0][2].type == "Force" and not national:
                owners.append(after[0][2].entity)  # "الفرقة الرابعة في الجيش السوري": a unit of that army
        # the backer is the first actor named after the force, by a backing word of its own: not
        # that of another noun joined to it ("X والقوات الموالية لـY" is no X's)
        backed = [t for t in after[:1] if t[0] - end < 40 and backed_by(actors.text[end : t[0]])]
        if backer and backer.end() == end and after and BACKER_GAP_RE.match(actors.text[end : after[0][0]]):
            backed = after[:1]  # the mention ends on its backing word: "ميليشيات مدعومة" من إيران
        backed_inside = backer is not None and backer.end() < end and owners and not national
        if backed_inside:
            backed = []  # "ميليشيات مقربة من إيران": its backer named in it, none after it
        if backed and backed[0][2].type in ACTOR_TYPES and (not national or belongs(actors.text[end : backed[0][0]])):
            owners.append(backed[0][2].entity)
        owners += _country_at_end(actors, start, end)  # "قوات الدفاع الجوي السعودية"
        if not owners:
            owners = leader_in_construct(actors, start, end) or fighters_owner(actors, mention, start, end)
        if not owners:
            owners = named_owner(actors, mention, entity.key)
        suffix = possessed_suffix(mention.text.split()[0])
        if not owners and suffix:
            owners = possessor(actors, mention, start, suffix)  # "وقالت السعودية إن قواتها ..."
        if not owners and not opposed:  # a force known by a national name: "الحرس الثوري الإيراني"
            owners = actors.countries_named(_known_nisbas(actors, entity))
        if not owners and not _operation(entity):  # troops a state sends, the verb's object: "نشرت تركيا جنوداً"
            owners = _deployer(actors, start, _OBJECT_CHARS, sent=True)
        if suffix and owners:  # "قواتها" of Iran and "قواتها" of Russia in one article are two forces
            split.add(entity.key)
            entity = possessed_entity(actors, mention, owners)
        add_keys(entity.affiliation, owners, entity.key)
    drop_unmentioned(actors.article, split)
    # a force listed under another ("بضمنها"، "و") shares its owner when it names none
    for (_s1, e1, m1), (s2, _e2, m2) in zip(forces, forces[1:], strict=False):
        first, second = entities[m1.entity], entities[m2.entity]
        gap = actors.text[e1:s2]
        listed = _INCLUDING_RE.search(gap) or AND_RE.match(gap) and not FORCE_HEAD_RE.match(fold(m2.text))
        # named by their people, whose they are is told: not the Turkish forces' (القوات التركية والمسلحين الأكراد)
        if first.affiliation and not second.affiliation and listed and not _by_people(second):
            add_keys(second.affiliation, first.affiliation, second.key)
    own_branches(actors)
    read_pronoun_backers(actors)  # after the owners of the forces a pronoun stands for


def _country_at_end(actors: ArticleActors, start: int, end: int) -> list[str]:
    """The country whose name, as the nisba it also is, ends a force's phrase after its head:
    "قوات الدفاع الجوي السعودية" (a country's mention there, not a proper name's word: "قوات
    سوريا الديمقراطية" names none), nor the country a body's name in the phrase ends on (مقاتلات
    التحالف العربي لدعم الشرعية في اليمن: the coalition's, not Yemen's)."""
    if _body_at_end(actors, start, end):
        return []
    return [
        m.entity
        for s, e, m in actors.within(start + 1, end + 1)
        if m.type == "Country" and e == end and actors.text[s:e].startswith(_ARTICLE)
    ]


def _body_at_end(actors: ArticleActors, start: int, end: int) -> bool:
    """Whether a body's name inside a force's phrase ends it (قوات التحالف العربي لدعم الشرعية في
    اليمن): a country that name ends on is where the body works, not the force's owner."""
    return any(m.type == "Organization" and e == end for _s, e, m in actors.within(start + 1, end))


def _country_named_as_nisba(actors: ArticleActors, mention: Mention, start: int, end: int) -> list[str]:
    """The country whose own name ends a force's phrase with the article, as the nisba it also
    is, when no mention took it: "الشرطة السورية" (سورية is Syria's name, so no nisba reads it)."""
    words = mention.text.split()
    # "قوات التحالف لدعم الشرعية في اليمن": a name after في is where it acts, no nisba
    if len(words) < 2 or not fold(words[-1]).startswith(_ARTICLE) or words[-2] == _IN:
        return []
    if _body_at_end(actors, start, end):
        return []
    key = actors.lexicon.country_entity(actors.article, words[-1])
    return [key] if key else []


def read_strengths(actors: ArticleActors) -> None:
    """Give forces the personnel counts the article states ("أكثر من 5000 جندي أمريكي"); a count
    of soldiers no force mention or nationality claims is a force of its own ("150 ألف مقاتل")."""
    grammar = _grammar()
    skipped = None  # where the last count that is no strength ended
    for m in grammar.strength.finditer(actors.text):
        # "بينهم ثلاثة ضباط سوريين و7 مقاتلين": a count joined to one that is no strength is none either
        joined = (
            skipped is not None
            and m.group().startswith(AND)
            and _JOINED_COUNT_RE.fullmatch(actors.text, skipped, m.start()) is not None
        )
        before = grammar.casualty.search(actors.text, max(0, m.start() - _CASUALTY_CHARS), m.start())
        if joined or before or grammar.casualty_after.match(actors.text, m.end()):
            skipped = m.end()
            continue
        number = counts.count_value(m.group("n"))
        if number is None:
            continue
        force = _force_for_strength(actors, m.start(), m.end(), by_nationality=bool(m.group("unit")))
        member = m.group("unit") and fold(m.group("unit")) in grammar.members
        if force is None and m.group("unit") and (not member or _among_troops(actors, m.start(), m.end())):
            force = _counted_force(actors, m.start("n"), m.end())
        if force and force.strength is None:
            force.strength = number
    _own_by_sole_sender(actors)


def _among_troops(actors: ArticleActors, start: int, end: int) -> bool:
    """Whether a count of a member word (عناصر، أفراد) counts troops: a force's noun stands before
    it in its sentence ("القوة الدولية التي تضم نحو ألفي عنصر") or a state keeps or sends them; else
    they are elements or people ("تقوم الخطة على 3 عناصر"، "أسرة من 10 أفراد")."""
    words = actors.text[actors.ft.sentence_start(start) : start].split()
    named = any(w.lstrip(_CLITICS).removeprefix(_ARTICLE) in _FORCE_NOUNS for w in words)
    return named or bool(_count_owners(actors, start, end))


def _own_by_sole_sender(actors: ArticleActors) -> None:
    """Forces the article describes without naming whose they are ("وحدات جوية وبحرية"، "3 آلاف
    جندي من القوات البرية") are those of the one state whose described forces it tells, when
    it tells one: an article on Turkish troops sent to a base speaks of Turkish units there.
    Proper names (جماعات المعارضة المسلحة، قوات سوريا الديمقراطية) are left as they are."""
    digest = article_digest(actors.article.text)
    described = [
        e
        for e in actors.article.entities.values()
        if e.type == "Force" and not _operation(e) and _described(e, digest, actors)
    ]
    owners = {key for e in described for key in e.affiliation}
    if len(owners) != 1:
        return
    for force in described:
        add_keys(force.affiliation, sorted(owners), force.key)


def _described(force: Entity, digest: str, actors: ArticleActors) -> bool:
    """Whether a force is known by a description of this article, not by a name: counted (its key
    carries the article), a troop noun, or an indefinite unit phrase (قوات للعمليات الخاصة); not
    one named by its possessor (قواتها), whose owner that names."""
    if possessed_suffix(force.label_ar.split()[0]):
        return False
    if force.key.endswith(digest):
        return True
    if actors.lexicon.gazetteer_entry(force.key):
        return False
    words = fold(force.label_ar).split()
    if _by_people(force):
        return False  # "المقاتلين الأكراد": named by their people, whose they are is told
    head = words[0].removeprefix(_ARTICLE)
    if head in _TROOP_WORDS or head.removesuffix("ا") in _TROOP_WORDS:  # جنوداً
        return True
    # a state's units (not groups or militias), definite only inside a لـ complement
    return head in _BRANCH_WORDS and not any(w.startswith(_ARTICLE) for w in before_complement(words))


def _people_state(actors: ArticleActors, word: str) -> str | None:
    """The country entity of the state of an indefinite people's plural that nisba.jsonl lists
    only with its article, as bare it is also a family name (روس: the state of الروس)."""
    if word not in TROOP_PEOPLES or definite(word):
        return None
    states = actors.lexicon.nisba_names(affix("article") + word)
    return actors.lexicon.country_entity(actors.article, states[0]) if states else None


def _by_people(force: Entity) -> bool:
    """Whether a force is named by a people's plural (المقاتلين الأكراد، مسلحون أكراد)."""
    return bool(TROOP_PEOPLES.intersection(fold(force.label_ar).split()))


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
    for key in _count_owners(actors, start, end):
        owned = [
            e
            for e in actors.article.entities.values()
            if e.type == "Force" and key in e.affiliation and not _operation(e)
        ]
        if owned:
            return owned[0]
        if force := actors.lexicon.national_force(actors.article, key):
            return force
    return None


def _count_owners(actors: ArticleActors, start: int, end: int) -> list[str]:
    """The countries a count of soldiers belongs to: the nisba right after it (جندي تركي), else the
    state that keeps or sends them, named after the verb before the count in its clause (تنشر
    الولايات المتحدة ...، شاركت السعودية بـ...)."""
    return actors.nisba_countries(end, actors.words_after(end, 1)) or _deployer(actors, start)


def _deployer(actors: ArticleActors, start: int, reach: int = _DEPLOY_CHARS, sent: bool = False) -> list[str]:
    """The state that keeps or sends the troops named at ``start``, the verb before them in their
    clause within ``reach`` characters: named after the verb (تنشر الولايات المتحدة ...، شاركت
    السعودية بـ...), else its subject right before the verb (أن موسكو أرسلت مقاتلات). With ``sent``,
    the troops must be the verb's object: no count of troops between them, which would be its
    object ("نشرت 70 جندياً في البلدة لدعم X": X is not the sender's)."""
    clause = max(actors.ft.sentence_start(start), actors.text.rfind("\u060c", 0, start) + 1, start - reach)
    verbs = list(_grammar().deploy.finditer(actors.text, clause, start))
    if not verbs:
        return []
    verb = verbs[-1]
    if sent and _grammar().strength.search(actors.text, verb.end(), start):
        return []
    after = [
        m.entity
        for s, _e, m in actors.within(verb.end(), start)
        if m.type == "Country" and len(actors.text[verb.end() : s].split()) <= _SUBJECT_GAP_WORDS
    ]
    before = [
        m.entity
        for _s, e, m in actors.within(verb.start() - _AFTER_CHARS, verb.start())
        if m.type == "Country" and not actors.text[e : verb.start()].strip()
    ]
    return (after or before)[:1]


def _counted_force(actors: ArticleActors, start: int, end: int) -> Entity:
    """A force known only by its count ("150 ألف مقاتل"، "1500 مراقب"), or by the unnamed branch
    the count is "of" ("3 آلاف جندي من القوات البرية"), owned by the state the text names for it;
    keyed within its article (two articles' "1500 مراقب" are not one force)."""
    branch = _BRANCH_RE.match(actors.text, end)
    if branch:
        start, end = branch.span("branch")
    begin, stop = actors.ft.original_span(start, end)
    label = actors.article.text[begin:stop]
    key = f"force/{slug(fold(label).split())}-{article_digest(actors.article.text)}"
    force = actors.article.entities.setdefault(key, Entity(key=key, type="Force", label_ar=label))
    owners = actors.nisba_countries(start, end) if branch else []
    add_keys(force.affiliation, owners or _count_owners(actors, start, end), key)
    return force


def _operation(force: Entity) -> bool:
    """Whether a force is an operation (عملية عاصفة الحزم): carried out by its owner, not sent,
    and no body of troops a count belongs to."""
    return fold(force.label_ar).split()[0] in OPERATION_WORDS


def _known_nisbas(actors: ArticleActors, force: Entity) -> list[str]:
    """The countries a force's other names (its labels, the gazetteer's aliases) name by nisba."""
    known = actors.lexicon.gazetteer_entry(force.key)
    names = [force.label_ar, *force.alt_labels, *(known.aliases if known else ())]
    return actors.lexicon.nisba_names(" ، ".join(names))
