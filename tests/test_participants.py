"""Who takes part in talks and who is bound by an agreement, read from the syntax of the sentence
(``kg.participants`` and the agreement rules of ``kg.relations``).

Each case gives the mentions the earlier stages would give (``tests.mentioned``), so it exercises
the relation rules alone, and asserts the exact set: a side missing or a spurious one fails it.
"""

from __future__ import annotations

import pytest

from kg.model import Article, Entity, Mention, Source
from kg.relations import find_relations
from tests import mentioned

EGYPT, JORDAN, SAUDI, KUWAIT = "country/egypt", "country/jordan", "country/saudi-arabia", "country/kuwait"
TUNISIA, ALGERIA, ETHIOPIA, SUDAN = "country/tunisia", "country/algeria", "country/ethiopia", "country/sudan"
FACTIONS = "force/opposition-factions"
SISI, SAFADI, TEBBOUNE = "person/sisi", "person/safadi", "person/tebboune"
#: name -> (key, the role the resolve stage gives the person)
PERSONS = {
    "عبد الفتاح السيسي": (SISI, "الرئيس المصري"),
    "أيمن الصفدي": (SAFADI, "وزير الخارجية الأردني"),
    "عبد المجيد تبون": (TEBBOUNE, "الرئيس الجزائري"),
}
NAMES = {
    **{name: ("Person", key) for name, (key, _role) in PERSONS.items()},
    **{role: ("Person", key) for _name, (key, role) in PERSONS.items()},
    "القاهرة": ("Place", "place/cairo"),
    "الخرطوم": ("Place", "place/khartoum"),
    "جدة": ("Place", "place/jeddah"),
    "البيت الأبيض": ("Organization", "organization/white-house"),
    "الجزائر": ("Country", ALGERIA),
    "إثيوبيا": ("Country", ETHIOPIA),
    "السعودية": ("Country", SAUDI),
    "الكويت": ("Country", KUWAIT),
    "حماس": ("Organization", "organization/hamas"),
    "المتحدث": ("Person", "person/spokesman"),
    "الفصائل المعارضة": ("Force", FACTIONS),
    "اللقاء": ("Dialogue", "dialogue/talks"),
    "زيارة": ("Dialogue", "dialogue/talks"),
    "زيارته": ("Dialogue", "dialogue/talks"),
    "لقائه": ("Dialogue", "dialogue/talks"),
    "اجتماعها": ("Dialogue", "dialogue/talks"),
    "تفاهمها": ("Agreement", "agreement/mou"),
    "الزيارة": ("Dialogue", "dialogue/talks"),
    "محادثات": ("Dialogue", "dialogue/talks"),
    "مذكرة التفاهم": ("Agreement", "agreement/mou"),
    "الاتفاقية الأمنية": ("Agreement", "agreement/security"),
    "حفل التوقيع": ("Dialogue", "dialogue/signing"),
    "وساطة مصرية": ("Dialogue", "dialogue/mediation"),
    "مصر": ("Country", EGYPT),
    "السودان": ("Country", SUDAN),
}


def make_article(text: str) -> Article:
    """The article with its NAMES mentions and its persons' roles, after the relations stage."""
    return mentioned.relations_of(text, NAMES, dict(PERSONS.values()))


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        (  # whom the subject of "received" receives, past the place and the day
            "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة أمس وزير الخارجية الأردني أيمن الصفدي، "
            "وجرى خلال اللقاء بحث الأوضاع.",
            {SISI, SAFADI, EGYPT, JORDAN},
        ),
        (  # a body after في is where they met, not whom
            "والتقى الرئيس المصري عبد الفتاح السيسي في البيت الأبيض، وجرى خلال اللقاء بحث الأوضاع.",
            {SISI, EGYPT},
        ),
        (  # the host who receives a visitor, and a visitor the article does not name, by his nationality
            "ووصل الرئيس التونسي إلى الجزائر في زيارة رسمية، وكان في استقباله الرئيس الجزائري عبد المجيد تبون.",
            {TUNISIA, ALGERIA, TEBBOUNE},
        ),
        (  # a holder the article does not name, by his nationality
            "وأجرى الملك الأردني محادثات مع ولي العهد السعودي في جدة.",
            {JORDAN, SAUDI},
        ),
        (  # the one the subject acts with, before "during" the event
            "واتفق أيمن الصفدي مع عبد الفتاح السيسي على ضرورة التهدئة خلال اللقاء في القاهرة.",
            {SAFADI, SISI, JORDAN, EGYPT},
        ),
        (  # the sides named by a relative clause after the event, a title and its name between commas
            "ونشرت الصحيفة تفاصيل اللقاء، الذي جرى بين وزير الخارجية الأردني، أيمن الصفدي، والرئيس المصري "
            "عبد الفتاح السيسي في القاهرة.",
            {SAFADI, SISI, JORDAN, EGYPT},
        ),
        (  # states that open the sentence, "during" the event
            "واتفقت السعودية والكويت خلال اللقاء على تنسيق المواقف.",
            {SAUDI, KUWAIT},
        ),
        (  # but not the body that relays the words of the person at the event
            "ونقلت حماس عن أيمن الصفدي قوله خلال اللقاء إن الأوضاع صعبة.",
            {SAFADI, JORDAN},
        ),
        (  # "his visit", a few words after him
            "وأصدر عبد الفتاح السيسي، أمس، بيانا بشأن زيارته إلى الخرطوم.",
            {SISI, EGYPT, SUDAN},
        ),
        (  # the one who makes the visit, named after it
            "وجاء ذلك خلال الزيارة التي يقوم بها ولي العهد السعودي.",
            {SAUDI},
        ),
        (  # the subject of the clause that holds the talks, not the one who reports them
            "وقال المتحدث إن أيمن الصفدي نقل الرسالة خلال محادثات مع الرئيس الجزائري عبد المجيد تبون.",
            {SAFADI, JORDAN, TEBBOUNE, ALGERIA},
        ),
        (  # a state that seeks talks "with" another is their other side
            "وقال المتحدث إن السعودية تسعى إلى مواصلة محادثات مع الكويت.",
            {SAUDI, KUWAIT},
        ),
        (  # but not the body that reports them, before the complementiser
            "وذكرت حماس أن محادثات مع الكويت بدأت أمس.",
            {KUWAIT},
        ),
        (  # heading to a country on a visit: the country visited, not the city left
            "وغادر الرئيس القاهرة متوجها إلى إثيوبيا في زيارة تستغرق يومين.",
            {ETHIOPIA},
        ),
        # an event that opens the sentence "during": its subject after the comma speaks at it
        ("وخلال اللقاء، قال وزير الخارجية الأردني أيمن الصفدي إن التنسيق مستمر.", {SAFADI, JORDAN}),
        ("وفي كلمته باللقاء، دعا الرئيس المصري عبد الفتاح السيسي إلى التهدئة.", {SISI, EGYPT}),
        # past the other side the event names itself, or "his" event that names it
        (
            "وفي اللقاء مع الرئيس الجزائري عبد المجيد تبون، قال أيمن الصفدي إن التنسيق مستمر.",
            {TEBBOUNE, ALGERIA, SAFADI, JORDAN},
        ),
        (
            "وخلال لقائه بالرئيس الجزائري عبد المجيد تبون، أكد أيمن الصفدي أن التنسيق مستمر.",
            {TEBBOUNE, ALGERIA, SAFADI, JORDAN},
        ),
        # not "after" it
        ("وبعد اللقاء، قال أيمن الصفدي إن التنسيق مستمر.", set()),
        ("وبعد اللقاء مع الرئيس الجزائري عبد المجيد تبون، قال أيمن الصفدي إن التنسيق مستمر.", {TEBBOUNE, ALGERIA}),
        # nor when the event does not open the sentence
        ("وأشار الوزير إلى قضايا نوقشت خلال اللقاء، وقال عبد الفتاح السيسي إن الحل قريب.", set()),
        # "قام X بزيارة": who does the visit holds it
        ("وقام الرئيس المصري عبد الفتاح السيسي أمس بزيارة إلى السودان.", {SISI, EGYPT, SUDAN}),
        # but not those of another deed before it
        ("وقامت السعودية بدعم الكويت قبل الزيارة.", set()),
        # whom the relative clause that holds it is about, also with no comma before it
        ("ورحبت الكتل بالرئيس المصري عبد الفتاح السيسي الذي أجرى أمس محادثات في الكويت.", {SISI, EGYPT, KUWAIT}),
        ("وحضر أيمن الصفدي الذي استهل أمس زيارة إلى السودان.", {SAFADI, JORDAN, SUDAN}),
        # not one whose relative clause does something else to it
        ("وحضر أيمن الصفدي الذي انتقد الزيارة.", set()),
        # a delegation stands for the body named after it, in the event's sentence
        ("ووصل إلى الكويت أمس وفد من حماس للمشاركة في محادثات مع مصر.", {KUWAIT, EGYPT, "organization/hamas"}),
        # not from a sentence that names no event
        ("ووصل وفد حماس إلى الكويت أمس. وبدأت محادثات مع مصر.", {EGYPT}),
        # who speaks "in a statement after" the event, or acts "in the wake of" it, was not at it
        ("وقال أيمن الصفدي في تصريح عقب اللقاء إن التنسيق مستمر.", set()),
        ("وطالبت الكتل باستقالة الرئيس المصري عبد الفتاح السيسي، في أعقاب اللقاء.", set()),
        # but who speaks in a statement during it was
        ("وقال أيمن الصفدي في تصريح خلال اللقاء إن التنسيق مستمر.", {SAFADI, JORDAN}),
    ],
)
def test_participants_of_meetings_receptions_and_visits(text: str, participants: set[str]) -> None:
    found = make_article(text).entities["dialogue/talks"].participants
    assert set(found) == participants, found


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (  # a later verb of the agreement's sentence binds its subject
            "وأكد الوزير ضرورة تنفيذ مذكرة التفاهم، وقال إن السعودية والكويت وافقتا على إعادة العلاقات.",
            {"agreement/mou": {SAUDI, KUWAIT}},
        ),
        (  # but not when its object is another agreement
            "ورحب الوزير بمذكرة التفاهم، وقال إن الكويت وقعت الاتفاقية الأمنية أيضا.",
            {"agreement/mou": set(), "agreement/security": {KUWAIT}},
        ),
    ],
)
def test_a_later_verb_of_the_sentence_binds_its_subject(text: str, parties: dict[str, set[str]]) -> None:
    article = make_article(text)
    assert {key: set(article.entities[key].parties) for key in parties} == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # who withdraws from an agreement was bound by it: the verb's subject, a noun's possessor, a nisba
        ("وقالت السعودية إنها ستنسحب من مذكرة التفاهم.", {SAUDI}),
        ("وانتقد الوزير انسحاب الكويت من مذكرة التفاهم.", {KUWAIT}),
        ("ورحبت الكويت بالانسحاب الأردني من مذكرة التفاهم.", {JORDAN}),
        # the state of the person who decides it, right before the noun
        ("وانتقد الوزير قرار الرئيس المصري عبد الفتاح السيسي الانسحاب من مذكرة التفاهم.", {EGYPT}),
        # but not a place left under the agreement
        ("وبدأ انسحاب القوات من مصر بموجب مذكرة التفاهم.", set()),
        # an armed force named as a side: a signer after the verb, a side after "بين" past a comma
        ("وتوصلت السعودية والفصائل المعارضة إلى مذكرة التفاهم أمس.", {SAUDI, FACTIONS}),
        ("وأعلن الوسطاء مذكرة التفاهم، بين السعودية والفصائل المعارضة، بعد أيام.", {SAUDI, FACTIONS}),
        # a force a word after the verb ("عناصر X")، and one that reaches it with a state (مع)
        ("وتوصلت عناصر الفصائل المعارضة إلى مذكرة التفاهم أمس.", {FACTIONS}),
        ("وتوصلت السعودية مع الفصائل المعارضة إلى مذكرة التفاهم أمس.", {SAUDI, FACTIONS}),
        # the force as the second side after one no rule names
        ("ونصت مذكرة التفاهم بين الدولة الجارة والفصائل المعارضة على التهدئة.", {FACTIONS}),
        # but not a force the agreement speaks of
        ("ونصت مذكرة التفاهم بين مصر والسودان على انسحاب الفصائل المعارضة.", {EGYPT, SUDAN}),
        # who says they reached it, past the words set off after their name (a person for his state)
        ("وأعلنت السعودية، في بيان أمس، أنها توصلت إلى مذكرة التفاهم.", {SAUDI}),
        ("وأعلن أيمن الصفدي أنه وقع مذكرة التفاهم.", {JORDAN}),
        # not after an impersonal "أنه من"
        ("وقالت السعودية أنه من المقرر أن توقع الكويت مذكرة التفاهم.", {KUWAIT}),
        # the subject of "agreed to"
        ("وقال الوزير إن السعودية والكويت وافقتا على مذكرة التفاهم.", {SAUDI, KUWAIT}),
        # a subject past a complementiser and a particle, also in quotation marks
        ("وأعلنت حماس أنها سوف تلتزم بمذكرة التفاهم.", {"organization/hamas"}),
        ('وأعلنت حركة "حماس" أنها ستلتزم بمذكرة التفاهم.', {"organization/hamas"}),
        # who reached it, after it past a comma, with its capitals standing for the states
        ("وأكد الوزير أن مذكرة التفاهم، التي توصلت إليها القاهرة والخرطوم بعد مفاوضات طويلة، صامدة.", {EGYPT, SUDAN}),
        # an armed force among them, and the other side after مع, past signers no rule names
        ("وقال إن مذكرة التفاهم التي توصلت إليها الفصائل المعارضة والخرطوم صامدة.", {FACTIONS, SUDAN}),
        ("وقال إن مذكرة التفاهم التي وقعتها الدول العربية الكبرى مع الكويت صامدة.", {KUWAIT}),
        ("وقال إن مذكرة التفاهم التي توصلت لها مصر مع الفصائل المعارضة صامدة.", {EGYPT, FACTIONS}),
        # but not a source named after a comma and وفقا
        ("وانتقد مذكرة التفاهم التي وقعتها القاهرة، وفقا لما أوردته حماس.", {EGYPT}),
        # while a comma and the و of the next name's own word join it
        ("وقال إن مذكرة التفاهم التي وقعتها القاهرة بعد مفاوضات طويلة، والخرطوم صامدة.", {EGYPT, SUDAN}),
    ],
)
def test_parties_from_verbs_before_and_after_the_agreement(text: str, parties: set[str]) -> None:
    found = make_article(text).entities["agreement/mou"].parties
    assert set(found) == parties, found


def test_a_signing_is_attended_by_the_parties_of_what_is_signed() -> None:
    article = make_article(
        "ووقعت مصر والسودان مذكرة التفاهم أمس. وألقى الوزير كلمة خلال حفل التوقيع، ثم غادر بعد اللقاء."
    )
    assert set(article.entities["dialogue/signing"].participants) == {EGYPT, SUDAN}
    assert article.entities["dialogue/talks"].participants == []  # a meeting that is no signing


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # a mediation is attended by the parties of the agreement its sentence says it brought about
        ("وتوصلت السعودية والكويت إلى مذكرة التفاهم عبر وساطة مصرية.", {SAUDI, KUWAIT, EGYPT}),
        # not by those of an agreement of another sentence
        ("ووقعت السعودية والكويت مذكرة التفاهم. وبدأت وساطة مصرية أمس.", {EGYPT}),
    ],
)
def test_a_mediation_is_attended_by_the_parties_of_what_it_brings_about(text: str, participants: set[str]) -> None:
    assert set(make_article(text).entities["dialogue/mediation"].participants) == participants


def test_the_subjects_after_an_agreement_that_follows_its_verb() -> None:
    """ "وقعت على الاتفاق X وY": the agreement, a reference back, stands between the verb and its subjects."""
    article = mentioned.make_article("وفي العام الماضي، وقعت على مذكرة التفاهم السعودية والكويت.", NAMES)
    for mention in article.mentions:
        mention.source = Source.BACK_REFERENCE if mention.type == "Agreement" else mention.source
    assert set(find_relations(article).entities["agreement/mou"].parties) == {SAUDI, KUWAIT}


def test_a_verb_of_another_clause_binds_no_one_to_the_agreement() -> None:
    article = make_article("ووقعت الكويت على الطلب السعودي، وما زالت مذكرة التفاهم معلقة.")
    assert article.entities["agreement/mou"].parties == []


def test_a_person_serves_the_state_their_title_names_not_where_they_are_sent() -> None:
    names = {
        **NAMES,
        "حسام زكي": ("Person", "person/zaki"),
        "هانس غروندبرغ": ("Person", "person/grundberg"),
        "الأردن": ("Country", JORDAN),
        "اليمن": ("Country", "country/yemen"),
    }
    article = mentioned.make_article(
        "وقال سفير مصر لدى الأردن حسام زكي إن مصر والأردن واليمن شركاء، وأيده المبعوث الأممي إلى اليمن هانس غروندبرغ.",
        names,
    )
    article.entities["person/zaki"].role = "سفير مصر لدى الأردن"
    article.entities["person/grundberg"].role = "المبعوث الأممي إلى اليمن"
    article = find_relations(article)
    assert article.entities["person/zaki"].affiliation == [EGYPT]
    assert article.entities["person/grundberg"].affiliation == []


def _with_titles(article: Article, titles: dict[str, str]) -> Article:
    """The article after the relations stage, its ``titles`` (surface -> person key) made title
    mentions of those persons (the names inside a title stay mentions of their own)."""
    for surface, key in titles.items():
        start = article.text.index(surface)
        article.mentions.append(Mention("Person", surface, start, start + len(surface), key, source=Source.ROLE))
        article.entities.setdefault(key, Entity(key=key, type="Person", label_ar=surface)).role = surface
    article.mentions.sort(key=lambda m: m.start)
    return find_relations(article)


def test_a_person_serves_the_body_their_title_names() -> None:
    names = {
        **NAMES,
        "الأمم المتحدة": ("Organization", "organization/united-nations"),
        "اليمن": ("Country", "country/yemen"),
    }
    text = "وقال المتحدث باسم حماس إن اللقاء مفيد، وأيده المبعوث الأممي إلى اليمن."
    titles = {"المتحدث باسم حماس": "person/spokesman", "المبعوث الأممي إلى اليمن": "person/envoy"}
    article = _with_titles(mentioned.make_article(text, names), titles)
    assert article.entities["person/spokesman"].affiliation == ["organization/hamas"]
    # the bloc of the nisba, not where he is sent
    assert article.entities["person/envoy"].affiliation == ["organization/united-nations"]


@pytest.mark.parametrize(
    ("title", "participants"),
    [
        # one who serves no state takes part for the body his title names
        ("المبعوث الأممي", {"person/envoy", "organization/united-nations", SISI, EGYPT}),
        # one who serves a state takes part for the state, not also for his ministry
        ("مبعوث وزارة الخارجية الكويتية", {"person/envoy", KUWAIT, SISI, EGYPT}),
        # and so does one whose body is a state's by its name ("جهاز الأمن الكويتي")
        ("رئيس جهاز الأمن", {"person/envoy", KUWAIT, SISI, EGYPT}),
    ],
)
def test_a_participant_acts_for_the_body_or_the_state_of_his_title(title: str, participants: set[str]) -> None:
    names = {**NAMES, "وزارة الخارجية": ("Organization", "organization/foreign-ministry")}
    names["جهاز الأمن"] = ("Organization", "organization/security-service")
    text = f"والتقى {title} الرئيس المصري عبد الفتاح السيسي، وجرى خلال اللقاء بحث الأوضاع. "
    article = mentioned.make_article(text + "وأشاد جهاز الأمن الكويتي باللقاء.", names)
    article.entities["organization/security-service"].alt_labels.append("جهاز الأمن الكويتي")
    article = _with_titles(article, {title: "person/envoy", "الرئيس المصري": SISI})
    assert set(article.entities["dialogue/talks"].participants) == participants


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # who says they hold talks with someone is their first side, past "إنها"/"أنه"
        ("وقالت حماس أمس إنها مستعدة للدخول في محادثات مع الكويت.", {"organization/hamas", KUWAIT}),
        ("وأعلن أيمن الصفدي أنه سيجري محادثات مع الكويت.", {SAFADI, JORDAN, KUWAIT}),
        # not who reports the talks of others, nor an impersonal "أنه"
        ("وقالت حماس إن السعودية ستجري محادثات مع الكويت.", {SAUDI, KUWAIT}),
        ("وقال أيمن الصفدي أنه من الصعب إجراء محادثات مع الكويت.", {KUWAIT}),
    ],
)
def test_who_says_they_hold_talks_with_someone_is_a_side(text: str, participants: set[str]) -> None:
    names = {**NAMES, "محادثات مع الكويت": ("Dialogue", "dialogue/talks")}
    article = mentioned.relations_of(text, names, dict(PERSONS.values()))
    assert set(article.entities["dialogue/talks"].participants) == participants


def test_a_force_named_inside_the_event_as_its_other_side() -> None:
    names = {**NAMES, "محادثات مع الفصائل المعارضة": ("Dialogue", "dialogue/talks")}
    text = "وأجرت السعودية محادثات مع الفصائل المعارضة أمس، ثم قالت الفصائل المعارضة إنها مستعدة لنزع السلاح."
    article = find_relations(mentioned.make_article(text, names))
    assert set(article.entities["dialogue/talks"].participants) == {SAUDI, FACTIONS}


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        # a known official whose title names no state serves the state he acts for, which the article names
        ("وقال الرئيس رجب طيب أردوغان إن تركيا لن تتراجع.", ["country/turkey"]),
        # but a state the article does not name is not made up for him
        ("وقال الرئيس رجب طيب أردوغان إن الحل قريب.", []),
    ],
)
def test_a_known_official_serves_the_state_he_acts_for(text: str, affiliation: list[str]) -> None:
    names = {
        "رجب طيب أردوغان": ("Person", "person/recep-tayyip-erdogan"),
        "تركيا": ("Country", "country/turkey"),
    }
    article = mentioned.make_article(text, names)
    article.entities["person/recep-tayyip-erdogan"].role = "الرئيس"
    article = find_relations(article)
    assert article.entities["person/recep-tayyip-erdogan"].affiliation == affiliation
