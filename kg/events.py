"""Events in the resolve stage: which dialogue or agreement a phrase names (``EventResolver``),
and, once the relations stage has read them, keys for events known only by a description
(``identify_events``): an agreement by its kind and parties, a visit by who goes where."""

from __future__ import annotations

import re

from kg import resources
from kg.actors import add_keys
from kg.document import document
from kg.event_names import (
    before_complement,
    collectives,
    established,
    event_core,
    inner_event,
    kind_words,
    naming_words,
    same_event,
    without_for,
)
from kg.lexicon import Lexicon, definite, sense, single_word, word_ids, word_set
from kg.mentions import EVENT_TYPES, RELATIVE_WORDS
from kg.mentions.arms import is_branch
from kg.mentions.event_places import nisba_base, relational
from kg.mentions.meetings import met_by_verb, told_as_met
from kg.mentions.named_actions import resolution_number
from kg.mentions.possessed_forces import possessed_suffix
from kg.mentions.words import NISBA, adjective_like
from kg.model import Article, Entity, Mention, Source
from kg.namesakes import drop_namesakes
from kg.naming import ResolveState, article_digest, bare, name_words, slug
from kg.same_events import another_of_its_kind, event_head, named_by_place, same_visitor, talks_during_visit
from kg.same_forces import in_construct, same_forces
from kg.state_forces import ARMED_FORCES
from kg.text import fold, strip_article

#: Event heads of one-off occurrences (keys carry the article digest).
_ONE_OFF_HEADS = frozenset(fold(r["pattern"]) for r in resources.load("head_nouns") if r.get("one_off"))
_VISIT = sense("head_nouns", "visit")
_WITH = single_word("function_words", "with")
#: Most words of a gazetteer event name that other talks may bear too (الحوار الاستراتيجي).
_GENERIC_NAME_WORDS = 2
#: How many of a gazetteer event's sides an article names for its short name to be that event:
#: both of a two-sided one, two of a deal among many (an article on the Iran deal names Iran and
#: the United States, seldom all seven states).
_SIDES_NAMED = 2
#: Plural nouns of troops (جنود، مرتزقة), keyed by the noun and the owner alone.
_TROOPS = word_ids("force_words", "troops")  # a troops noun -> the form its cases share
#: Words of belonging or backing after a force (موالية، مقربة): its owner is named after them.
_BACKING = word_set("force_words", "backed")
#: Verbs of leading after a coalition (تحالف تقوده فرنسا): the state after it leads it.
_LEADING = word_set("force_words", "leading")
#: "During it" (خلالها): talks held then are part of the event told just before.
_DURING = word_set("event_words", "during")
#: Ending of the key of an event told as another of a kind told before under that key.
_ANOTHER_SUFFIX = "-2"
#: Characters read past an event phrase for the word that says it is another one.
_ANOTHER_READ = 12
#: Most words between "during it" and the talks it holds (يجري خلالها الرئيس محادثات).
_DURING_REACH = 3
_CLAUSE_END_RE = re.compile(r"[.!?\u061f\u060c,\n]")
#: Relational adjectives that tell what an event is about (أمني، نووي), masculine singular.
_KINDS = word_set("event_words", "kind")
#: Relational adjectives of blocs (عربي، خليجي): like a country's, they name a side.
_BLOCS = word_set("bloc_nisba")


class EventResolver:
    """The resolve stage's rules for dialogues and agreements, built once from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        #: gazetteer events: key -> (name-word cores of its aliases, participants)
        self.event_cores: dict[str, tuple[list[frozenset[str]], frozenset[str]]] = {}
        for entry in lex.gazetteer.values():
            if entry.type in EVENT_TYPES:
                cores = [bare(event_core(name_words(a))) for a in (entry.label_ar, *entry.aliases)]
                self.event_cores[entry.key] = (cores, frozenset(entry.participants))

    def fits(self, mention: Mention, mentions: list[Mention]) -> bool:
        """Whether a gazetteer event's sides are this article's: no other country named in the phrase
        around it ("الجولة الثالثة من الحوار الاستراتيجي بين العراق وإيران" is not the US-Iraq Strategic
        Dialogue its words name), and, for a short name any talks may bear (الحوار الاستراتيجي), all
        of them named somewhere in the article."""
        sides = set(self.lex.gazetteer[mention.entity].participants)
        if not sides:
            return True
        generic = len(name_words(mention.text)) <= _GENERIC_NAME_WORDS
        if generic and not _sides_named(sides, {m.entity for m in mentions if m.entity}):
            return False
        around = [o for o in mentions if o.type in EVENT_TYPES and o.start <= mention.start and mention.end <= o.end]
        return not any(
            m.type == "Country" and m.entity not in sides and o.start <= m.start and m.end <= o.end
            for o in around
            for m in mentions
        )

    def resolve(self, state: ResolveState, mention: Mention, mentions: list[Mention]) -> str | None:
        """The key of a dialogue or agreement mention: the event it refers back to, a gazetteer
        event or one met before that shares its name words, else a key of its own (None for a
        weak phrase that names none of those)."""
        previous = state.last_of.get(mention.type)
        if mention.type == "Dialogue" and previous and _during(state.article.text, mention.start):
            return previous  # "في زيارة تستغرق يومين، يجري خلالها محادثات": the visit's talks
        if met_by_verb(mention):
            if _quoted(state, mention):
                return None  # a meeting a statement recounts is the talks the article tells, if any
            # its words are its sides, never a reference back to the last meeting: a key of its own,
            # which ``identify_events`` completes with its sides (the same reception in two articles);
            # one on an event told just before joins it once its sides are known (``kg.meeting_parts``)
            return f"{mention.type.lower()}/{slug(naming_words(event_core(name_words(mention.text))))}"
        if mention.type == "Agreement" and (number := resolution_number(mention.text)):
            return f"agreement/resolution-{number}"  # "القرار الأممي 2216" = "قرار مجلس الأمن رقم (2216)"
        words = name_words(mention.text)
        # "اتصالا هاتفيا آخر": not the call told before, nor one of its name
        # (talks only: "اتفاق نووي جديد" is mostly a deal wished for, and "الاتفاق" after it the one in force)
        another = mention.type == "Dialogue" and another_of_its_kind(
            words, state.article.text[mention.end : mention.end + _ANOTHER_READ]
        )
        core = inner_event(event_core(words), mention.type, self.lex)
        if mention.type == "Agreement":
            core = established(words, core)
        named_by = naming_words(core)
        same_head = state.last_by_head.get((mention.type, event_head(mention.text)))
        if len(named_by) == 1 < len(core) and not another:
            # "الاتفاقية الدولية التاريخية": described, not named: the one told before, if any; with
            # none told, a one-off (الزيارة المرتقبة) is this article's own, else it names none
            previous = same_head or state.last_of.get(mention.type)
            if previous or strip_article(core[0]) not in _ONE_OFF_HEADS:
                return previous
        if not another and (mention.source == Source.BACK_REFERENCE or (len(core) == 1 and definite(core[0]))):
            # "الزيارة" is the last visit told, not the talks told since; else the last event
            # ... but "الزيارة التي قام بها ..." describes a visit of its own when none was told
            described = len(words) > len(core) and words[len(core)] in RELATIVE_WORDS
            previous = same_head or (None if described else state.last_of.get(mention.type))
            # "وجرى خلال اللقاء ..." after "استقبل X Y": a meeting the article told by its verb alone
            first_told = previous is None and strip_article(core[0]) in _ONE_OFF_HEADS
            if previous or not first_told and (mention.source == Source.BACK_REFERENCE or len(words) == len(core)):
                return previous
        names = bare(without_for(w) for w in named_by)
        inside = {
            o.entity
            for o in mentions
            if o is not mention and mention.start <= o.start and o.end <= mention.end and o.entity
        }
        mentioned = {e.key for e in state.entities.values()} | {m.entity for m in mentions if m.entity}
        for key, (cores, participants) in self.event_cores.items():
            if self.lex.gazetteer[key].type != mention.type or not _sides_named(participants, mentioned):
                continue
            if inside & participants != inside & {k for k in inside if k.startswith("country/")} and inside:
                continue
            if any(same_event(names, c) for c in cores if len(c) >= 2 and len(names) >= 2):
                return key
        for key, known in state.event_cores.items():
            if state.entities[key].type == mention.type and same_event(names, known) and not another:
                return key
        if mention.source == Source.WEAK and not (self._specific(core) and not _quoted(state, mention)):
            return None
        if self.lex.unpossessed(strip_article(core[0])) in self.lex.committed_heads and _WITH not in words[1:]:
            return None  # "إعلانها الاعتزال": her announcing, no declaration anyone entered ("تفاهمها مع روسيا" is one)
        key = f"{mention.type.lower()}/{slug(named_by)}"  # "الاتفاق النووي الحالي" is "الاتفاق النووي"
        head = strip_article(core[0])
        if (
            mention.source == Source.WEAK  # a description, not a name: "اتفاق السلام" of this article
            or head in _ONE_OFF_HEADS
            or self.lex.unpossessed(head)
            or len(named_by) == 1  # "المؤتمر المقترح": this article's conference
            # definite by its own words, not by a لـ complement's (اتفاق لوقف إطلاق النار is indefinite)
            or not any(definite(w) and w not in collectives() for w in before_complement(core))
        ):
            key += f"-{state.digest}"
            if mention.type == "Agreement":
                # a description varies between outlets past its kind: "لجنة عسكرية عليا" = "لجنة عسكرية مشتركة"
                kind = f"agreement/{slug(kind_words(core))}-{state.digest}"
                key = key if kind in state.event_cores else kind
        if another and key in state.event_cores:
            key += _ANOTHER_SUFFIX  # told twice, "another nuclear deal" is one deal of its own
        state.event_cores[key] = names
        return key

    def _specific(self, core: list[str]) -> bool:
        """Whether an indefinite event phrase nobody is said to enter still names one event by its
        words: a relational adjective right after its head tells its kind (اتفاق أمني، وساطة مصرية،
        مذكرة تفاهم عسكرية), or a definite genitive right after a one-word head makes the phrase
        definite (جلسة التوقيع، اتفاق السلام). A head that needs someone to enter it (شراكة) stays
        a mere word, and so does a head alone."""
        head = strip_article(core[0])
        if (self.lex.unpossessed(head) or head) in self.lex.committed_heads:
            return False
        head_words = 2 if len(core) > 1 and f"{core[0]} {core[1]}" in self.lex.heads else 1
        if head_words == 1 and head not in self.lex.heads and not self.lex.unpossessed(head):
            return False  # "وقف النار" refers back to an agreement; it names none by its words
        rest = core[head_words:]
        # no genitive after a possessed head (إعلانها الاعتزال) nor a time word (جلسة الأمس)
        genitive = head_words == 1 and not self.lex.unpossessed(head) and rest and definite(rest[0])
        return bool(rest) and (
            genitive and strip_article(rest[0]) not in self.lex.stopwords or self._telling(rest[0])
        )

    def _telling(self, word: str) -> bool:
        """Whether a relational adjective after an event head tells which event it is: its kind
        (اتفاق أمني، هدنة إنسانية) or a side (وساطة مصرية، قمة خليجية); a scope or manner
        (اتفاق دولي، زيارة رسمية، جولة خارجية) or a verb the chain took in (محادثات ستجري) does not."""
        if not relational(word):
            return False
        base = nisba_base(strip_article(word)) + NISBA
        return base in _KINDS or base in _BLOCS or self.lex.nisba_country(word) is not None


def _sides_named(sides: set[str] | frozenset[str], named: set[str]) -> bool:
    """Whether an article names enough of a gazetteer event's sides (``_SIDES_NAMED``)."""
    return len(sides & named) >= min(len(sides), _SIDES_NAMED)


def _during(text: str, start: int) -> bool:
    """Whether "during it" (خلالها) stands a few words before ``start`` in its clause."""
    clause = _CLAUSE_END_RE.split(text[max(0, start - 80) : start])[-1]
    return any(word in _DURING for word in name_words(clause)[-_DURING_REACH:])


def _quoted(state: ResolveState, mention: Mention) -> bool:
    """Whether a mention stands inside a direct quotation, where a speaker names kinds of events
    ("نريد أن تكون لدينا اتفاقية أمنية") more than the events the article tells."""
    folded = document(state.article).folded
    return folded.quote_at(folded.folded_index(mention.start)) is not None


def identify_events(article: Article, lex: Lexicon) -> Article:
    """Key the events known only by a description by what they are, so two articles describing
    one share its IRI (needs the relations stage), once the events one article tells twice are
    one (``kg.same_events``):

    - an agreement by its kind (``kind_words``) and its parties: "لجنة عسكرية عليا بين البلدين" in
      one article and "لجنة عسكرية مشتركة بين الولايات المتحدة والعراق" in another are one entity
      (not by its year: an article often dates an agreement by the talks that reached it, another
      not at all); with fewer than two parties it keeps its article-scoped key;
    - a visit by who goes where, and its year (its own date, else the article's): "الزيارة التي
      قام بها وفد عسكري عراقي إلى الولايات المتحدة" = "ويجري الوفد العراقي ... زيارة إلى
      الولايات المتحدة"; with no place, or no visiting country, it keeps its article-scoped key;
    - a named event the gazetteer lacks, by its name and its countries when it has two or more
      ("الحوار الاستراتيجي" of Iraq and Iran is not that of Iraq and Turkey).
    """
    merge_entities(article, named_by_place(article, lex))
    merge_entities(article, same_visitor(article, lex))
    merge_entities(article, talks_during_visit(article, lex))
    suffix = "-" + article_digest(article.text)
    renamed: dict[str, str] = {}
    for key, entity in article.entities.items():
        if not key.endswith(suffix):
            countries = sorted(_slug_of(k) for k in {*entity.participants, *entity.parties} if k.startswith("country/"))
            if entity.type in EVENT_TYPES and key not in lex.gazetteer and len(countries) >= 2:
                renamed[key] = "--".join([key, *countries])  # "الحوار الاستراتيجي" of Iraq and Iran
            continue
        if entity.type == "Agreement" and len(entity.parties) >= 2:
            parts = [key[: -len(suffix)], *sorted(_slug_of(p) for p in entity.parties)]
            renamed[key] = "--".join(parts)
        elif entity.type == "Dialogue" and entity.location and event_head(entity.label_ar) == _VISIT:
            place = lex.gazetteer.get(entity.location)
            host = place.capital_of if place and place.capital_of else entity.location  # to Baghdad = to Iraq
            hosts = (host, entity.location)
            visitors = sorted(_slug_of(p) for p in entity.participants if p.startswith("country/") and p not in hosts)
            year = (entity.start_date or article.published or "")[:4]
            if visitors:
                parts = [f"dialogue/{slug([_VISIT])}", *visitors, "to", _slug_of(host)]
                renamed[key] = "--".join(parts + [year] if year else parts)
    if len(set(renamed.values())) < len(renamed) or set(renamed.values()) & set(article.entities):
        return article  # two descriptions would become one key: leave them as they are
    rename_entities(article, renamed)
    return article


def label_by_phrase(article: Article) -> None:
    """Label an event its article tells by a head word alone ("اجتماعا"، "الزيارة") by a phrase it
    is also told by (اجتماع وزراء الخارجية، زيارة المسجد): one of the same head first, then one
    a definite word names (اجتماع مجلس الوزراء, not اجتماع تحضيراً), the shortest; the head alone
    stays among its other labels. Keys are not touched."""
    for entity in article.entities.values():
        if entity.type not in EVENT_TYPES or len(name_words(entity.label_ar)) != 1:
            continue
        # not the words of a meeting told by its verb (استقبل X Y): the clause tells it, names it not
        phrases = [label for label in entity.alt_labels if _phrase_label(name_words(label)) and not told_as_met(label)]
        if not phrases:
            continue
        head = event_head(entity.label_ar)
        fuller = min(phrases, key=lambda label: (event_head(label) != head, *_vagueness(name_words(label))))
        entity.alt_labels[entity.alt_labels.index(fuller)] = entity.label_ar
        entity.label_ar = fuller


def _vagueness(words: list[str]) -> tuple[bool, int]:
    """How little a phrase names an event: no definite word after its head, then its length."""
    return not any(definite(word) for word in words[1:]), len(words)


def _phrase_label(words: list[str]) -> bool:
    """Whether an event's other label is a phrase that may name it: more than its head, and not a
    definite head before a definite noun, the verb's subject before its object or its own subject
    after it ("وحضر اللقاء السفير ..."), nor another of its kind ("اتفاقا مماثلا")."""
    if len(words) < 2 or another_of_its_kind(words, ""):
        return False
    return not (definite(words[0]) and definite(words[1]) and not relational(words[1]))


def _slug_of(key: str) -> str:
    """The part of an entity key after its type: country/iraq -> iraq."""
    return key.split("/", 1)[-1]


def rename_entities(article: Article, renamed: dict[str, str]) -> None:
    """Give entities new keys everywhere the article refers to them."""
    if not renamed:
        return

    def new(key: str) -> str:
        return renamed.get(key, key)

    for mention in article.mentions:
        mention.entity = mention.entity and new(mention.entity)
    for entity in article.entities.values():
        entity.key = new(entity.key)
        entity.participants = [new(k) for k in entity.participants]
        entity.parties = [new(k) for k in entity.parties]
        entity.affiliation = [new(k) for k in entity.affiliation]
        entity.location = entity.location and new(entity.location)
    for statement in article.statements:
        statement.speakers = [new(k) for k in statement.speakers]
    article.entities = {entity.key: entity for entity in article.entities.values()}


def identify_forces(article: Article, lex: Lexicon) -> Article:
    """Key the forces known only by a description within their article, by what they are and
    whose: troops by their noun and owners ("جنوداً" and "جنود" sent by Turkey are one force,
    "مقاتلات" and "مقاتلات عسكرية" sent by Russia too), an indefinite unit by its words (وحدات
    جوية وبحرية). Two articles' "جنود" are not known to be one force; a branch named by its words
    alone (قوات الأمن) is keyed by its state, and within its article when none is told. One
    state's forces told in other words are one first (``kg.same_forces``)."""
    merge_entities(article, same_forces(article, lex))
    suffix = "-" + article_digest(article.text)
    renamed: dict[str, str] = {}
    fragments = set()
    for key, entity in article.entities.items():
        if entity.type != "Force" or key in lex.gazetteer or key.endswith(suffix) or key.startswith(ARMED_FORCES):
            continue
        words = [w.removesuffix("ا") if len(w) > 3 else w for w in name_words(entity.label_ar)]
        if is_branch(entity.label_ar) and not any(lex.nisba_country(w) for w in words):
            # "قوات الأمن" of Egypt is one force in every article on it, and not Iraq's
            owners = sorted(_slug_of(k) for k in entity.affiliation)
            # a count of it (3 آلاف جندي من القوات البرية) is this article's contingent, not the branch
            shared = owners and entity.strength is None
            renamed[key] = "--".join([key, *owners]) if shared else key + suffix
            continue
        if in_construct(article, key):
            continue  # "جيش مصر": definite by the name it is in construct with
        troops = strip_article(words[0]) in _TROOPS
        if not entity.affiliation and possessed_suffix(entity.label_ar.split()[0]):
            fragments.add(key)  # "قواته" whose possessor the article does not name: no force of its own
            continue
        # "قواتها الخاصة": its forces, whose owner the article tells: keyed by owner, not shared
        possessed = bool(lex.unpossessed(words[0]))
        if not troops and not possessed and any(definite(w) for w in before_complement(words)):
            continue
        if not troops and _fragment(words, lex):
            fragments.add(key)
            continue
        owners = sorted(_slug_of(k) for k in entity.affiliation)
        kind = slug([_TROOPS[strip_article(words[0])]] if troops else words)  # المقاتلون = المقاتلين
        renamed[key] = "--".join([f"force/{kind}", *owners]) + suffix
    article.mentions = [m for m in article.mentions if m.entity not in fragments]
    for key in fragments:
        del article.entities[key]
    merge_entities(article, renamed)
    return article


def _fragment(words: list[str], lex: Lexicon) -> bool:
    """Whether an indefinite force phrase is a head noun with words the chain took in by mistake,
    not its adjectives: a verb or a noun after it ("قواته استعانت"، "قوة مركز مالي"), a
    preposition's object ("فصيل بالحديث"); a possessed head takes definite adjectives alone."""
    if lex.unpossessed(words[0]) and len(words) > 1:
        return not all(definite(w) for w in words[1:])  # "قواتها الخاصة" is one, "قواتها خارج" not
    rest = [w.removeprefix("و") if len(w) > 3 else w for w in before_complement(words)[1:]]
    backing = next((k for k, w in enumerate(rest) if w in _BACKING or w in _LEADING), None)
    # "ميليشيات مقربة من إيران"، "تحالف تقوده فرنسا": its owner after
    rest = rest if backing is None else rest[: backing + 1]
    return any(not adjective_like(w) or definite(w) or definite(w[1:]) for w in rest)


def merge_entities(article: Article, renamed: dict[str, str]) -> None:
    """Rename entities; those given one key become one entity with the labels and relations of all."""
    kept: dict[str, Entity] = {}
    for old, new in renamed.items():
        entity = article.entities[old]
        first = kept.setdefault(new, entity)
        if first is entity:
            continue
        del article.entities[old]
        for label in (entity.label_ar, *entity.alt_labels):
            first.add_label(label)
        for relation in ("affiliation", "participants", "parties"):
            add_keys(getattr(first, relation), getattr(entity, relation), first.key)
        for attribute in ("location", "strength", "start_date", "end_date", "date"):
            setattr(first, attribute, getattr(first, attribute) or getattr(entity, attribute))
    rename_entities(article, renamed)


class EventIdentifier:
    """The identify stage (``identify_events``, ``identify_forces``), built once from the lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def __call__(self, article: Article) -> Article:
        """Key the article's events and forces known only by a description by what they are."""
        article = identify_forces(identify_events(article, self.lex), self.lex)
        label_by_phrase(article)
        return drop_namesakes(article, self.lex.gazetteer.__contains__)  # "جيش خالد بن الوليد" names no person
