"""The word lists and limits the mention components read (all from ``kg/data`` via ``kg.lexicon``)."""

from __future__ import annotations

import re

from kg import resources
from kg.lexicon import flagged_words, single_word, word_set
from kg.model import MentionType
from kg.text import fold, strip_article

#: The mention types as plain names (an enum member read as a class attribute is slow in the
#: rules' inner loops).
PERSON = MentionType.PERSON
ORGANIZATION = MentionType.ORGANIZATION
COUNTRY = MentionType.COUNTRY
FORCE = MentionType.FORCE
PLACE = MentionType.PLACE
AGREEMENT = MentionType.AGREEMENT
DIALOGUE = MentionType.DIALOGUE
GOVERNMENT = MentionType.GOVERNMENT
#: Mention types a place phrase, a body phrase, a named actor is of.
PLACES = (COUNTRY, PLACE)
BODIES = (ORGANIZATION, FORCE)
NAMED_ACTORS = (ORGANIZATION, PERSON)
DIGITS_RE = re.compile(r"^\d+$")
#: Gaps that keep words in one phrase: spaces; a hyphen also inside gazetteer names.
SPACE_GAP_RE = re.compile(r"^[ \t\u00a0]+$")
NAME_JOIN_RE = re.compile(r"^(?:[ \t\u00a0]+|-)$")
NAME_GAP_RE = re.compile(r"^[ \t\u00a0]*[-\u2013]?[ \t\u00a0]*$")
COMMA_GAP_RE = re.compile(r"^[ \t\u00a0]*[\u060c,][ \t\u00a0]*$")

#: Words before a capital that make it the place rather than its government.
PLACE_CUES = word_set("place_cues") - word_set("place_cues", "office") - word_set("place_cues", "district_seat")
#: Kinds of place written before a place's name and no part of it (مدينة درعا is درعا).
PLACE_CATEGORIES = word_set("place_cues", "category")
#: Places built at a city and named by it (مطار، ميناء).
FACILITIES = word_set("place_cues", "facility")
#: A district written before its name (مديرية كتاف), and the domains that make the word an office (مديرية الأمن).
DISTRICTS = word_set("place_cues", "district")
DISTRICT_OFFICES = word_set("place_cues", "office")
DISTRICT_SEATS = word_set("place_cues", "district_seat")
#: A title or body in construct with the name of the place it governs: "محافظ حمص"، "بلدية الرقة".
PLACE_GOVERNORS = word_set("place_cues", "governed")
#: The words of the relations' "leader" triggers: among them "led by" (بقيادة، برئاسة), whose
#: leadership noun names no body; whoever follows it leads.
LED_BY = frozenset(
    fold(word)
    for record in resources.load("relation_triggers")
    if record["label"] == "leader"
    for token in record["tokens"]
    for word in token.get("words", ())
)
#: Words that end a personal name or a title chain besides the stopword list.
NAME_PARTICLES = word_set("name_particles", "particle")
#: Function words that, spelt with yeh rather than alef maksura, are given names (علي, not على).
YEH_GIVEN_NAMES = flagged_words("stopwords", "given_name")
#: Most words of a personal name a rule reads (طلال بن عبد العزيز آل سعود).
MAX_NAME_WORDS = 6
VISIT_TO = word_set("function_words", "to")
#: "By telephone" (هاتفياً، هاتفيا): it makes talking a call, and no name takes it in.
BY_PHONE = word_set("event_words", "by_phone")
BETWEEN = single_word("function_words", "between")
WITH = single_word("function_words", "with")
NON = single_word("function_words", "non")
#: The grade written after a rank: "الفريق أول"، "الفريق أول ركن".
RANK_GRADES = word_set("rank_grades")


def _affixes(label: str) -> tuple[str, ...]:
    """The affixes of ``kg/data/affixes.jsonl`` under ``label``, folded, for ``str.endswith``."""
    return tuple(sorted(word_set("affixes", label)))


def _alternation(name: str, label: str) -> str:
    return resources.alternation(name, label, fold)


#: Word-final and word-initial letters the rules read (``kg/data/affixes.jsonl``).
AND = single_word("affixes", "and")
CONJUNCTIONS = _affixes("conjunction")
ARTICLE = single_word("affixes", "article")
#: ل before the article, whose alef drops: للأمين.
FOR_THE = single_word("affixes", "for_the")
FEMININE = single_word("affixes", "feminine")
#: The feminine ending as written (ة), which the fold makes ه like a pronoun suffix.
WRITTEN_FEMININE = resources.words("affixes", "feminine")[0]
NISBA = single_word("affixes", "nisba")
ADJECTIVE_ENDINGS = _affixes("adjective_ending")
#: "قوله" and its kin after an unnamed speaker (نقلت الوكالة عن مصدر أمني قوله): the cue, no adjective.
ATTRIBUTED_CUES = frozenset(fold(r["pattern"]) for r in resources.load("reporting_verbs") if r["label"] == "attributed")
#: A feminine noun's dual in construct: وزارتي، وزارتا.
DUAL_CONSTRUCT = _affixes("dual_construct")
#: Dual and plural endings of nouns such as "the two sides": البلدين، الطرفين.
OBLIQUE_PLURAL = _affixes("oblique_plural")
#: The accusative's tanween alef: "عقد اجتماعاً".
ACCUSATIVE = single_word("nisba_endings", "accusative")
BY = single_word("function_words", "by")
COUNT_NOUN_RE = re.compile(rf"^{AND}?{_alternation('force_words', 'count')}{_alternation('affixes', 'count_pronoun')}$")
TANWEEN_RE = re.compile("[\u064b-\u064d]")
#: A ministry's portfolio that names it with a nisba after it: الخارجية الإيرانية = وزارة الخارجية الإيرانية.
PORTFOLIOS = word_set("role_words", "portfolio")
GENERAL = word_set("role_words", "general")
#: Words that tell a term of office apart (السابق، الراحل), bare: "الرئيس الفرنسي السابق" is
#: another office than "الرئيس الفرنسي".
TENURE = frozenset(strip_article(word) for word in word_set("role_words", "tenure"))
PRESS = word_set("role_words", "press")
AUDIENCE = word_set("role_words", "audience")
#: Outlets a title's holder speaks to after ل (لوكالة، لصحيفة): told to, once the role is complete.
OUTLETS = word_set("role_words", "outlet")
#: What an outlet is for after its proper name (وكالة تسنيم للأنباء): part of its name.
OUTLET_PURPOSES = word_set("role_words", "outlet_purpose")
PEOPLES = flagged_words("peoples", "group")
#: The proclitic ك, "as" (كمنظمة).
LIKE = single_word("affixes", "like")
FOR = single_word("function_words", "for")
OPEN_QUOTE_RE = re.compile(r'^[ \t\u00a0]*["\u201c\u00ab][ \t\u00a0]*$')
CLOSE_QUOTE_RE = re.compile(r'^[ \t\u00a0]*["\u201d\u00bb]')
#: Most words of a quoted name after لـ.
MAX_QUOTED_NAME = 4
#: Most words of a body head before the quoted name it introduces (وكالة أنباء «X»).
MAX_HEAD_WORDS = 2
THROUGH = single_word("function_words", "through")
HIS = frozenset(FOR + suffix for suffix in word_set("function_words", "pronoun_suffix"))
#: A participle's complement pointing back to the noun it describes (المعترف به، الموالية لها).
RESUMPTIVE = HIS | frozenset(BY + suffix for suffix in word_set("function_words", "pronoun_suffix"))
#: Relative pronouns: "الزيارة التي قام بها ..." describes the event before it.
RELATIVE_WORDS = word_set("function_words", "relative")
#: Most words of a relative clause between an event and its destination (التي قام بها مؤخراً).
RELATIVE_CLAUSE_WORDS = 4
#: Verbs of what an agreement holds (يتضمن إنشاء مركز): what is set up there is no agreement itself.
PROVIDES = word_set("content_verbs", "provides")
STIPULATES = word_set("content_verbs", "stipulates")
ON = single_word("function_words", "on")
YEAR_WORDS = word_set("function_words", "year") | word_set("function_words", "the_year")
#: Verbal nouns of setting something up: "على تشكيل لجنة" makes the body an agreement's content.
ESTABLISH_WORDS = frozenset(
    clitic + noun for noun in word_set("establishing_nouns") for clitic in ("", *word_set("function_words", "by"))
)
OF = word_set("function_words", "of")
#: "حركة الملاحة، حركة نزوح": the head noun of a movement followed by what moves is traffic, no body.
TRAFFIC_HEADS = word_set("traffic_words", "head")
TRAFFIC = word_set("traffic_words", "traffic")
#: Ordinal adjectives (الثاني، الثالثة): after a body's head noun they rank, naming no body (حلّ في المركز الثاني).
ORDINALS = word_set("date_words", "ordinal")
#: Participles that tie a body to another after its name (التابع لـ، الموالية لـ، المدعومة من).
AFFILIATED = word_set("force_words", "backed")
#: The pronoun after a word of backing or alliance ending a force's name, for the actor named before
#: it (الفصائل الموالية لها، الميليشيات المتحالفة معه، المدعومة منها): part of the force's name.
TIES = AFFILIATED | word_set("force_words", "allied")
TIE_PRONOUNS = frozenset(p + s for p in (FOR, WITH, *OF) for s in word_set("function_words", "pronoun_suffix"))
#: Words no name goes on with (``kg/data/name_stops.jsonl``): where a body is (المتواجدة)، what it
#: does (المفاوض)، an adverb of time (اعتبارا)، and a word that ties it to another (التابعة).
NAME_STOPS = word_set("name_stops") | AFFILIATED
#: Prepositions after which a name and the title after it (no comma) are one person: "عن X قائد
#: الشرطة"; after a transitive verb the title may be its object (استقبل X وزيرَ الخارجية).
APPOSITION_AFTER = OF | VISIT_TO | word_set("function_words", "about") | {WITH}
INSIDE_OF = word_set("function_words", "inside_of")
INSIDE_OF_PRONOUN = word_set("function_words", "inside_of_pronoun")
IN = single_word("function_words", "in")
#: Where an unnamed official serves: "مسؤول في وزارة ..."، "ضابط من الجيش ...".
SERVES_IN = frozenset({IN, *OF})
#: Prepositions that open a participle's complement (الواقعة في، المطلة على، المجاورة من).
PARTICIPLE_COMPLEMENTS = frozenset({IN, ON, WITH, BETWEEN, *OF, *VISIT_TO}) | word_set("place_cues", "complement")
#: A role's complement: في + where it serves, عن + whom a deputy represents.
ROLE_OF = {
    IN: PLACES,
    **dict.fromkeys(word_set("function_words", "to"), PLACES),
    # "مندوب روسيا لدى الأمم المتحدة": an envoy is accredited at a state or a body
    **dict.fromkeys(word_set("function_words", "at"), (*PLACES, ORGANIZATION)),
    **dict.fromkeys(word_set("function_words", "about"), (*PLACES, ORGANIZATION)),
}
#: Alefs with hamza (U+0623, U+0625, U+0622): a word written أل/إل/آل (ألينا، إلهام) starts with
#: no article, which is ال.
HAMZA_ALEF_RE = re.compile(r"[\u0623\u0625\u0622]")
#: "His/her country": the country of the person speaking or acting (أكد أن بلاده ستعقد ...).
OWN_COUNTRY = word_set("own_country")
#: The countryside of a place (ريف), a part of any place, a city's too.
COUNTRYSIDE = word_set("directions", "countryside")
DIRECTIONS = word_set("directions", "direction") | COUNTRYSIDE
#: Places wider than a country whose parts a direction names as it names a country's.
DIVIDED_REGIONS = word_set("directions", "region")
#: Third-person pronoun suffixes, which no personal name ends in (وغيرهم، بعضهما).
PRONOUN_SUFFIX_RE = re.compile(rf"{_alternation('affixes', 'plural_pronoun')}$")
#: Pronoun suffixes a definite word cannot carry (التزامها is no adjective of الحكومة).
SUFFIXED_RE = re.compile(rf"{_alternation('affixes', 'possessive')}$")
#: Third-person possessive suffixes (وقتها، مواقفهم), which end no personal name after its first word.
THIRD_PERSON_SUFFIX_RE = re.compile(rf"{_alternation('affixes', 'third_person_possessive')}$")
#: A feminine noun with a pronoun suffix (خارجيته، حكومتها): definite by its suffix, so what
#: follows it bare is no adjective of it (وزير خارجيته جان إيف لو دريان: the holder's name).
SUFFIXED_FEMININE_RE = re.compile(
    rf"{_alternation('affixes', 'open_feminine')}{_alternation('affixes', 'noun_pronoun')}$"
)
#: A word written in Latin script as a name is: capitalised or an acronym (CNN، Apple، IntelCenter),
#: after an Arabic clitic or none (وDell).
LATIN_NAME_RE = re.compile(r"(?P<clitic>[\u0648\u0628\u0644\u0641]?)(?:[A-Z][a-z]+(?:[A-Z][a-z]+)*|[A-Z]{2,})")
#: Event heads whose occurrences are one-off events rather than recurring named ones.
EVENT_TYPES = frozenset({DIALOGUE, AGREEMENT})
MAX_CHAIN = 6
#: Words back from a described agreement within which its verb may stand (verb, subject, a date).
COMMIT_REACH = 16
#: A gap inside one clause: spaces, or a comma setting off a subject or a date.
CLAUSE_GAP_RE = re.compile(r"^[ \t\u00a0]*[\u060c,]?[ \t\u00a0]*$")
MAX_ROLE = 12
#: The tagger's probability of "no name" under which it assents to a name found on weak evidence:
#: a bare word after a reporting verb (the rule alone also takes objects: أكدت مصداقية) or a
#: given name that is also a word (حسن النوايا).
ASSENT_OUTSIDE = 0.6


def adjective_like(word: str) -> bool:
    """An indefinite adjective ending: -ي، -ية، -يين/-ين، -ون، -ان، -ا (عسكرية، دفاعي، عليا)."""
    return word.endswith(ADJECTIVE_ENDINGS) and len(word) > 2


def direction_word(word: str) -> bool:
    """Whether a folded word without its clitics is a direction or its adjective, with or without
    the article (ريف، الشمال، الغربي، الشرقية)."""
    bare = strip_article(word)
    stem = bare.removesuffix(FEMININE)
    return bare in DIRECTIONS or stem.endswith(NISBA) and stem[: -len(NISBA)] in DIRECTIONS


def is_arabic(word: str) -> bool:
    """Whether a word starts with an Arabic letter."""
    return bool(_ARABIC_LETTER_RE.match(word))


#: Arabic letters hamza (U+0621) to yeh (U+064A).
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")
