"""The relations stage: dialogue participants, places and dates; agreement parties and dates.

Articles are built with their mentions written out (as the mentions/resolve stages would give
them); countries that only a nisba adjective names come from the real gazetteer. The force rules
the stage also runs are tested in test_forces.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Article
from kg.pipeline import extract
from kg.relations import find_relations
from tests import mentioned

DATA = Path(__file__).resolve().parent / "data"

IRAQ, US, IRAN = "country/iraq", "country/united-states", "country/iran"

#: surface form -> (type, key).
NAMES = {
    "العراق": ("Country", IRAQ),
    "بغداد": ("Country", IRAQ),
    "الولايات المتحدة": ("Country", US),
    "الولايات المتحدة الأمريكية": ("Country", US),
    "واشنطن": ("Country", US),
    "العاصمة واشنطن": ("Place", "place/washington"),
    "طهران": ("Country", IRAN),
    "ثابت العباسي": ("Person", "person/thabit-al-abbasi"),
    "لويد أوستن": ("Person", "person/lloyd-austin"),
    "سيليست والاندر": ("Person", "person/celeste-wallander"),
    "مصطفى الكاظمي": ("Person", "person/mustafa-al-kadhimi"),
    "محمد شياع السوداني": ("Person", "person/mohammed-shia-al-sudani"),
    "البرلمان العراقي": ("Organization", "organization/iraqi-council-of-representatives"),
    "التحالف الدولي": ("Organization", "organization/global-coalition"),
    "الحوار الاستراتيجي": ("Dialogue", "dialogue/strategic"),
    "حوار التعاون الأمني المشترك": ("Dialogue", "dialogue/jscd"),
    "زيارة": ("Dialogue", "dialogue/visit"),
    "اتفاقية الإطار الاستراتيجي": ("Agreement", "agreement/sfa"),
    "لجنة عسكرية عليا": ("Agreement", "agreement/hmc"),
    "القانون": ("Agreement", "agreement/law"),
    "القوات الأمريكية": ("Force", "force/us-forces"),
    "القوات الأميركية": ("Force", "force/us-forces"),
    "قوات التحالف الدولي": ("Force", "force/coalition-forces"),
    "قوات الأمن العراقية": ("Force", "force/iraqi-security-forces"),
    "قوات البيشمركة": ("Force", "force/peshmerga"),
    "الفصائل المدعومة من طهران": ("Force", "force/militias"),
    "الجيش الإيراني": ("Force", "force/iran-army"),
    "كتائب حزب الله": ("Force", "force/kataib-hezbollah"),
    "حزب الله": ("Organization", "organization/hezbollah"),
    "قوات سوريا الديمقراطية": ("Force", "force/syrian-democratic-forces"),
    "سوريا": ("Country", "country/syria"),
}


def make_article(text: str) -> Article:
    """The article with its NAMES mentions, after the relations stage."""
    return find_relations(mentioned.make_article(text, NAMES))


@pytest.mark.parametrize(
    ("text", "key", "participants"),
    [
        ("عقدت الجولة الثالثة من الحوار الاستراتيجي بين واشنطن وبغداد عبر الفيديو.", "dialogue/strategic", [US, IRAQ]),
        ("انطلق الحوار الاستراتيجي الأمريكي العراقي اليوم.", "dialogue/strategic", [US, IRAQ]),
        (  # delegation with a nisba and its leader; the visited capital
            "وزار وفد عراقي برئاسة وزير الدفاع ثابت العباسي واشنطن في إطار حوار التعاون الأمني المشترك.",
            "dialogue/jscd",
            [IRAQ, "person/thabit-al-abbasi", US],
        ),
        (  # a genitive visitor, the country he acts for (the gazetteer's nationality) and the destination
            "وبدأ البحث خلال زيارة وزير الدفاع لويد أوستن إلى العراق في مارس.",
            "dialogue/visit",
            ["person/lloyd-austin", US, IRAQ],
        ),
        (  # the holders written between the verb and the event
            "وعقدت بغداد وواشنطن الجولة الثالثة من الحوار الاستراتيجي عبر الفيديو.",
            "dialogue/strategic",
            [IRAQ, US],
        ),
        (  # a meeting told in a sentence that names no event goes to the current dialogue
            "اختتم حوار التعاون الأمني المشترك أعماله. والتقى العباسي بوزير الدفاع الأميركي لويد أوستن.",
            "dialogue/jscd",
            ["person/lloyd-austin", US],
        ),
    ],
)
def test_dialogue_participants(text: str, key: str, participants: list[str]) -> None:
    found = make_article(text).entities[key].participants
    assert set(found) == set(participants), found  # no participant missing, none spurious


def test_dialogue_dates_and_place() -> None:
    article = make_article(
        "وجرى حوار التعاون الأمني المشترك بين وزارتي الدفاع في البلدين في العاصمة واشنطن من 7 إلى 8 أغسطس (آب) 2023."
    )
    dialogue = article.entities["dialogue/jscd"]
    assert (dialogue.start_date, dialogue.end_date) == ("2023-08-07", "2023-08-08")
    assert dialogue.location == "place/washington"


@pytest.mark.parametrize("until", ["حتى", "لغاية", "إلى غاية"])
def test_an_event_lasts_until_the_date_after_hatta(until: str) -> None:
    article = make_article(f"بدأت يوم 10 آذار 2024 أعمال الحوار الاستراتيجي، وتستمر {until} 14 آذار 2024.")
    dialogue = article.entities["dialogue/strategic"]
    assert (dialogue.start_date, dialogue.end_date) == ("2024-03-10", "2024-03-14")


def test_place_and_date_before_the_event() -> None:
    article = make_article("انطلقت في العاصمة واشنطن، يوم 15 أيار 2024، أعمال الحوار الاستراتيجي.")
    dialogue = article.entities["dialogue/strategic"]
    assert (dialogue.location, dialogue.start_date) == ("place/washington", "2024-05-15")


def test_delegation_leader_written_before_the_delegation() -> None:
    article = make_article("بدأ الحوار الاستراتيجي في بغداد. وترأس الوفد العراقي ثابت العباسي.")
    assert set(article.entities["dialogue/strategic"].participants) == {"person/thabit-al-abbasi", IRAQ}


def test_the_host_is_the_place() -> None:
    article = make_article("واستضافت بغداد الحوار الاستراتيجي بمشاركة وفد أمريكي.")
    dialogue = article.entities["dialogue/strategic"]
    assert (dialogue.location, set(dialogue.participants)) == (IRAQ, {IRAQ, US})


def test_each_event_takes_its_own_date() -> None:
    article = make_article(
        "بما في ذلك الحوار الاستراتيجي بين الولايات المتحدة والعراق في يوليو (تموز) 2021، "
        "وحوار التعاون الأمني المشترك في فبراير (شباط) 2023."
    )
    assert article.entities["dialogue/strategic"].start_date == "2021-07"
    assert article.entities["dialogue/jscd"].start_date == "2023-02"


@pytest.mark.parametrize(
    ("text", "key", "parties", "date"),
    [
        (
            "وفقاً لاتفاقية الإطار الاستراتيجي بين الولايات المتحدة والعراق لعام 2008.",
            "agreement/sfa",
            [US, IRAQ],
            "2008",
        ),
        (  # "between the two countries": the article's principal countries
            "زار وفد من بغداد واشنطن. واتفق الوفدان على تشكيل لجنة عسكرية عليا بين البلدين.",
            "agreement/hmc",
            [IRAQ, US],
            None,
        ),
        (
            "ورفضت واشنطن القانون الذي أقره البرلمان العراقي في 5 يناير 2020.",
            "agreement/law",
            ["organization/iraqi-council-of-representatives"],
            "2020-01-05",
        ),
        (  # a force's nationality inside the agreement's phrase is no party
            "وصوت البرلمان العراقي على القانون بإخراج القوات الأمريكية عام 2020.",
            "agreement/law",
            [],
            "2020",
        ),
        (  # the signers written before the agreement
            "ووقعت بغداد وواشنطن في 17 نوفمبر 2008 اتفاقية الإطار الاستراتيجي.",
            "agreement/sfa",
            [IRAQ, US],
            "2008-11-17",
        ),
        (  # the sides far into the phrase, after a participle and a year
            "اتفاقية الإطار الاستراتيجي الموقعة عام 2008 بين الولايات المتحدة الأمريكية والعراق.",
            "agreement/sfa",
            [US, IRAQ],
            "2008",
        ),
    ],
)
def test_agreement_parties_and_date(text: str, key: str, parties: list[str], date: str | None) -> None:
    agreement = make_article(text).entities[key]
    assert set(agreement.parties) == set(parties), agreement.parties
    assert "force/us-forces" not in agreement.parties and (parties or US not in agreement.parties)
    assert agreement.date == date


def test_event_phrase_stops_before_the_rest_of_the_clause() -> None:
    article = make_article("ويواجه الحوار الاستراتيجي بين بغداد وواشنطن ضغوطاً متزايدة من الفصائل الموالية لطهران.")
    assert article.entities["dialogue/strategic"].participants == [IRAQ, US]


def test_a_surname_is_no_nationality() -> None:
    """السوداني in a name is no Sudanese: the visit gains the visitor, not Sudan."""
    article = make_article("وبدأ البحث خلال زيارة لويد أوستن إلى العراق ولقاء محمد شياع السوداني.")
    assert "country/sudan" not in article.entities
    assert "person/mohammed-shia-al-sudani" in article.entities["dialogue/visit"].participants


def test_whole_pipeline_on_an_unseen_article() -> None:
    """Real segmentation, mentions and resolution before the stage, on another outlet's article."""
    (article,) = extract((DATA / "unseen_coalition_call.txt").read_text(encoding="utf-8"), "unseen")
    by_label = {e.label_ar: e for e in article.entities.values()}
    assert by_label["قوات التحالف الدولي"].affiliation == ["organization/global-coalition"]
    assert by_label["الفصائل المسلحة الموالية لإيران"].affiliation == [IRAN]
    talks = next(e for e in article.entities.values() if e.type == "Dialogue")
    assert {IRAQ, US} <= set(talks.participants) and IRAN not in talks.participants
    committee = next(e for e in article.entities.values() if e.type == "Agreement")
    assert committee.date == "2024-01"


_WORDS = [
    "الحوار الاستراتيجي",
    "بين",
    "و",
    "بغداد",
    "واشنطن",
    "البلدين",
    "القوات الأمريكية",
    "2500",
    "جندي",
    "أمريكي",
    "في",
    "7",
    "أغسطس",
    "2023",
    "لعام",
    "وفد",
    "عراقي",
    "برئاسة",
    "ثابت العباسي",
    "التقى",
    "زيارة",
    "إلى",
    "العراق",
    "،",
    ".",
    "بضمنها",
    "قوات البيشمركة",
    "المدعومة من",
    "طهران",
    "السوداني",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40))
def test_any_text_gives_relations_between_known_entities(words: list[str]) -> None:
    """Whatever the word salad, every relation points at an entity of the article."""
    article = make_article(" ".join(words))
    for entity in article.entities.values():
        for key in (*entity.participants, *entity.parties, *entity.affiliation, entity.location):
            assert key is None or (key in article.entities and key != entity.key)
        for value in (entity.start_date, entity.end_date, entity.date):
            assert value is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value)


def events_of(text: str) -> dict[str, tuple[str, list[str]]]:
    """Dialogue and agreement keys of a text run through the whole pipeline: key -> (type, actors)."""
    [article] = extract(text, "t.txt")
    return {
        key: (e.type, sorted(e.participants or e.parties))
        for key, e in article.entities.items()
        if e.type in ("Dialogue", "Agreement")
    }


@pytest.mark.parametrize(
    "text, parties",
    [
        ("ووقعت تركيا والعراق مذكرة تفاهم أمنية في أنقرة.", ["country/iraq", "country/turkey"]),
        ("قال مسؤول إن واشنطن وبغداد تؤسسان لشراكة دفاعية دائمة.", [IRAQ, US]),
        ("وقال إن تركيا والعراق وقعتا مذكرة تفاهم أمنية.", ["country/iraq", "country/turkey"]),
    ],
)
def test_a_described_agreement_someone_enters_is_one_with_its_parties(text, parties):
    [(kind, found)] = events_of(text).values()
    assert (kind, found) == ("Agreement", parties)


@pytest.mark.parametrize(
    "text",
    ["وتحدث عن شراكة حقيقية بين الشعبين.", "وأكد أهمية الشراكة مع الاتحاد الأوروبي.", "وكان هناك اتفاق كامل على ذلك."],
)
def test_a_partnership_or_accord_in_passing_is_no_agreement(text):
    assert events_of(text) == {}


def test_a_round_of_named_talks_is_a_dialogue():
    found = events_of("أعلن الوزير أن بلاده ستعقد جولة جديدة من المحادثات الأمنية مع العراق الشهر المقبل.")
    assert [(kind, actors) for kind, actors in found.values()] == [("Dialogue", [IRAQ])]


def test_a_future_holding_verb_gives_the_participants():
    found = events_of("وستعقد بغداد وأنقرة جولة جديدة من المحادثات الأمنية الشهر المقبل.")
    assert [actors for _, actors in found.values()] == [["country/iraq", "country/turkey"]]


def test_his_country_before_a_holding_verb_is_the_speakers_country():
    found = events_of("أعلن وزير الدفاع التركي يشار غولر أن بلاده ستعقد جولة جديدة من المحادثات الأمنية مع العراق.")
    assert [actors for _, actors in found.values()] == [["country/iraq", "country/turkey"]]


def test_a_known_agreement_named_at_talks_keeps_no_date_of_theirs():
    [article] = extract(
        "اختتمت في واشنطن، من 12 إلى 14 آذار/مارس 2024، أعمال الجولة الثانية من الحوار الأمني المشترك بين العراق "
        "والولايات المتحدة.\n\nوأوضح البيان المشترك أن الطرفين يؤكدان التزامهما باتفاقية الإطار الاستراتيجي.",
        "t.txt",
    )
    agreement = article.entities["agreement/us-iraq-strategic-framework-agreement"]
    assert agreement.date is None and sorted(agreement.parties) == [IRAQ, US]


def test_forces_of_an_unseen_article_take_their_backer_and_strength() -> None:
    (article,) = extract(
        'وقالت القيادة المركزية الأمريكية إن الهجوم "نفذته ميليشيات مدعومة من إيران".\n\n'
        "وتنتشر في الأردن قوة أمريكية قوامها نحو 3000 عسكري.",
        "unseen",
    )
    forces = {e.label_ar: e for e in article.entities.values() if e.type == "Force"}
    assert forces["ميليشيات مدعومة من إيران"].affiliation == [IRAN]
    assert (forces["قوة أمريكية"].affiliation, forces["قوة أمريكية"].strength) == ([US], 3000)


def test_the_clause_after_a_reference_back_names_no_participant() -> None:
    (article,) = extract(
        "عقدت اللجنة العسكرية العليا بين العراق والولايات المتحدة جولتها الثانية في بغداد.\n\n"
        'وأكد الطرفان أن "المباحثات ركزت على تقييم خطر تنظيم داعش".\n\n'
        "وقال الوزير إن المباحثات ناقشت ملف تنظيم داعش.",
        "unseen",
    )
    talks = [e for e in article.entities.values() if e.type == "Dialogue"]
    assert talks and all("organization/isis" not in e.participants for e in talks)


MOROCCO, ALGERIA, MAURITANIA = "country/morocco", "country/algeria", "country/mauritania"
FRANCE, GERMANY, JORDAN, OMAN = "country/france", "country/germany", "country/jordan", "country/oman"
#: Officials of the sentences below: surface -> key, and each key's role as the resolve stage gives it.
OFFICIALS = {
    "ناصر بوريطة": ("person/bourita", "وزير الخارجية المغربي"),
    "أحمد عطاف": ("person/attaf", "وزير الخارجية الجزائري"),
    "محمد سالم ولد مرزوك": ("person/merzoug", "وزير الخارجية الموريتاني"),
    "إيمانويل ماكرون": ("person/emmanuel-macron", "الرئيس الفرنسي"),
    "أولاف شولتس": ("person/scholz", "المستشار الألماني"),
    "بدر البوسعيدي": ("person/busaidi", "وزير الخارجية العماني"),
    "يوسف الحنيطي": ("person/huneiti", "رئيس هيئة الأركان الأردني"),
    "أيمن الصفدي": ("person/safadi", "وزير الخارجية الأردني"),
}
OFFICIAL_NAMES = {
    **NAMES,
    **{name: ("Person", key) for name, (key, _role) in OFFICIALS.items()},
    **{role: ("Person", key) for _name, (key, role) in OFFICIALS.items()},
    "نواكشوط": ("Place", "place/nouakchott"),
    "مسقط": ("Place", "place/muscat"),
    "المحادثات": ("Dialogue", "dialogue/talks"),
    "المشاورات": ("Dialogue", "dialogue/talks"),
    "القمة": ("Dialogue", "dialogue/talks"),
    "مذكرة التفاهم": ("Agreement", "agreement/mou"),
    "المغرب": ("Country", MOROCCO),
    "الصين": ("Country", "country/china"),
    "روسيا": ("Country", "country/russia"),
    "ألمانيا": ("Country", GERMANY),
    "الجزائر": ("Country", ALGERIA),
}


def officials_article(text: str, names: dict[str, tuple[str, str]] | None = None) -> Article:
    """The article with its mentions (OFFICIAL_NAMES and ``names``) and its officials' roles,
    after the relations stage."""
    return mentioned.relations_of(text, {**OFFICIAL_NAMES, **(names or {})}, dict(OFFICIALS.values()))


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        (  # three sides after بين, each a title and a name: the persons and the countries they act for
            "وانطلقت في نواكشوط المحادثات بين وزير الخارجية المغربي ناصر بوريطة ووزير الخارجية الجزائري "
            "أحمد عطاف ووزير الخارجية الموريتاني محمد سالم ولد مرزوك.",
            {"person/bourita", "person/attaf", "person/merzoug", MOROCCO, ALGERIA, MAURITANIA},
        ),
        (  # two sides after مع, beyond the few words of the event's phrase
            "وعقد الملك القمة مع الرئيس الفرنسي إيمانويل ماكرون والمستشار الألماني أولاف شولتس في عمّان.",
            {"person/emmanuel-macron", "person/scholz", FRANCE, GERMANY},
        ),
        (  # a visit told in a sentence of its own: the visitor, the country he acts for, the destination
            "وتتواصل المشاورات في مسقط منذ أسبوع. وزار وزير الخارجية العماني بدر البوسعيدي طهران أمس.",
            {"person/busaidi", OMAN, IRAN},
        ),
        (  # who issues a joint statement took part in the talks
            "وانطلقت المحادثات أمس. وأكد بيان مشترك صادر عن المغرب والجزائر أن الحوار سيستمر.",
            {MOROCCO, ALGERIA},
        ),
        (  # the visitor before the verb
            "وتتواصل المشاورات في مسقط منذ أسبوع. وكان بدر البوسعيدي قد زار طهران أمس.",
            {"person/busaidi", OMAN, IRAN},
        ),
    ],
)
def test_participants_from_the_syntax(text: str, participants: set[str]) -> None:
    found = officials_article(text).entities["dialogue/talks"].participants
    assert set(found) == participants, found  # none missing, none spurious


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (  # the counterpart's nisba between the signing verb and the agreement is a party
            "ووقع رئيس هيئة الأركان الأردني يوسف الحنيطي ونظيره العراقي مذكرة التفاهم.",
            {JORDAN, IRAQ},
        ),
        (  # who attends the signing is no party to it
            "ووقعت بغداد وعمّان مذكرة التفاهم بحضور السفير الأمريكي.",
            {IRAQ, JORDAN},
        ),
        (  # who signed it, named after it past a comma
            "وتمسكت طهران بمذكرة التفاهم، التي وقعتها أيضا الصين وروسيا وألمانيا.",
            {"country/china", "country/russia", GERMANY},
        ),
        (  # nor who backs it
            "ووقعت بغداد وعمّان مذكرة التفاهم برعاية أمريكية.",
            {IRAQ, JORDAN},
        ),
    ],
)
def test_parties_from_the_syntax(text: str, parties: set[str]) -> None:
    found = officials_article(text, {"عمّان": ("Country", JORDAN)}).entities["agreement/mou"].parties
    assert set(found) == parties, found


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("وانطلقت القمة العربية أمس.", {"organization/arab-league"}),
        ("واختتمت القمة الخليجية الأمريكية أمس.", {"organization/gcc", US}),
        # the nisba in a state's name is no bloc's
        ("وانطلقت المحادثات في المملكة العربية السعودية أمس.", {"country/saudi-arabia"}),
    ],
)
def test_a_blocs_nisba_in_the_events_name_makes_the_bloc_take_part(text: str, participants: set[str]) -> None:
    names = {
        "القمة العربية": ("Dialogue", "dialogue/talks"),
        "القمة الخليجية الأمريكية": ("Dialogue", "dialogue/talks"),
        "المملكة العربية السعودية": ("Country", "country/saudi-arabia"),
    }
    found = officials_article(text, names).entities["dialogue/talks"].participants
    assert set(found) == participants, found


def test_the_nisba_in_a_states_name_inside_the_event_is_no_blocs() -> None:
    found = events_of("وبدأ العاهل الأردني أمس زيارة إلى الجمهورية العربية السورية.")
    assert found and all("organization/arab-league" not in actors for _kind, actors in found.values()), found


def test_a_person_serves_the_country_of_their_role() -> None:
    """A minister serves the state his title names; a state the article does not name is no new node."""
    article = officials_article(
        "وقال وزير الخارجية الأردني أيمن الصفدي إن الأردن يدعم الحوار، وأيده الرئيس الفرنسي إيمانويل ماكرون.",
        {"الأردن": ("Country", JORDAN)},
    )
    assert article.entities["person/safadi"].affiliation == [JORDAN]
    assert article.entities["person/emmanuel-macron"].affiliation == [] and FRANCE not in article.entities


#: Three states lead the article; two others make the event the "two sides" word refers to.
_OTHER_STATES_FIRST = (
    "قال وزير الخارجية الفرنسي إن فرنسا وألمانيا تدعمان الحل السياسي في المنطقة. "
    "وأكدت ألمانيا أن فرنسا شريك أساسي، فيما دعت فرنسا إلى التهدئة.\n\n"
)


def _only(text: str, kind: str):
    (article,) = extract(text, "probe")
    [entity] = [e for e in article.entities.values() if e.type == kind]
    return entity


def test_the_two_countries_are_the_last_two_named_before_them() -> None:
    text = "وبحثت تونس مع الجزائر أمس ملف الطاقة. ووقع البلدان مذكرة تفاهم للتعاون في مجال الطاقة."
    agreement = _only(_OTHER_STATES_FIRST + text, "Agreement")
    assert set(agreement.parties) == {"country/tunisia", "country/algeria"}, agreement.parties


def test_the_two_sides_of_talks_with_two_holders_add_nobody() -> None:
    text = "وعقدت مصر والأردن جولة جديدة من المحادثات بين الجانبين في عمان يوم الأحد."
    dialogue = _only(_OTHER_STATES_FIRST + text, "Dialogue")
    assert set(dialogue.participants) == {"country/egypt", "country/jordan"}, dialogue.participants


def test_coordinated_indefinite_nisbas_each_own_the_force() -> None:
    force = _only("وأعلن الجيش أن قوات روسية وإيرانية انتشرت قرب الحدود.", "Force")
    assert set(force.affiliation) == {"country/russia", "country/iran"}, force.affiliation


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (  # two leaders named by coordinated nisbas
            "وعقد الرئيسان المصري والسوداني جولة من المحادثات الأمنية أمس في الخرطوم.",
            {"country/egypt", "country/sudan"},
        ),
        (  # two ministers of coordinated states
            "وأجرى وزيرا خارجية مصر والأردن محادثات أمنية في عمان أمس.",
            {"country/egypt", "country/jordan"},
        ),
    ],
)
def test_two_officials_of_coordinated_states_hold_talks_for_both(text: str, states: set[str]) -> None:
    dialogue = _only(text, "Dialogue")
    assert set(dialogue.participants) == states, dialogue.participants


def test_two_ministers_named_by_coordinated_nisbas_sign_for_both_states() -> None:
    agreement = _only("ووقع وزيرا الدفاع المصري والسوداني اتفاقية تعاون عسكري.", "Agreement")
    assert set(agreement.parties) == {"country/egypt", "country/sudan"}, agreement.parties
