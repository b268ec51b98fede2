"""Forces: owners named by nationality, backer, descriptive name or the force that lists them;
strengths. Mentions are written out; countries implied by a nisba come from the real gazetteer."""

from __future__ import annotations

import pytest

from kg import forces, resources
from kg.actors import ActorLexicon, ArticleActors
from kg.model import Article
from tests import mentioned

IRAQ, US, IRAN = "country/iraq", "country/united-states", "country/iran"

#: surface form -> (type, key), gazetteer keys where the gazetteer knows the entity.
NAMES = {
    "العراق": ("Country", IRAQ),
    "واشنطن": ("Country", US),
    "الولايات المتحدة": ("Country", US),
    "طهران": ("Country", IRAN),
    "تركيا": ("Country", "country/turkey"),
    "السعودية": ("Country", "country/saudi-arabia"),
    "روسيا": ("Country", "country/russia"),
    "التحالف الدولي": ("Organization", "organization/global-coalition"),
    "حزب الله": ("Organization", "organization/hezbollah"),
    "القوات الأمريكية": ("Force", "force/us-forces"),
    "القوات الأميركية": ("Force", "force/us-forces"),
    "قوات التحالف الدولي": ("Force", "force/coalition-forces"),
    "قوات الأمن العراقية": ("Force", "force/iraqi-security-forces"),
    "قوات البيشمركة": ("Force", "force/peshmerga"),
    "الفصائل المدعومة من طهران": ("Force", "force/militias"),
    "الجيش الإيراني": ("Force", "force/iran-army"),
    "كتائب حزب الله": ("Force", "force/kataib-hezbollah"),
    "قوات سوريا الديمقراطية": ("Force", "force/syrian-democratic-forces"),
    "فيلق القدس": ("Force", "force/quds-force"),
    "الحرس الثوري": ("Force", "force/irgc"),
    "القوات الحكومية": ("Force", "force/government-forces"),
    "قوات النظام": ("Force", "force/regime-forces"),
    "القوات الموالية للحكومة": ("Force", "force/loyalist-forces"),
    "الفصائل المعارضة للحكومة": ("Force", "force/opposition-factions"),
    "سامر خليل": ("Person", "person/samer-khalil"),
}


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    """The project's nisba lexicon and gazetteer."""
    return ActorLexicon(resources.load("nisba"), resources.load_gazetteer())


@pytest.fixture
def read(lexicon: ActorLexicon):
    """Read one text's forces (owners, then strengths) and return the article."""

    def run(text: str) -> Article:
        actors = ArticleActors(mentioned.make_article(text, NAMES), lexicon)
        forces.read_forces(actors)
        forces.read_strengths(actors)
        return actors.article

    return run


@pytest.mark.parametrize(
    ("text", "key", "owner"),
    [
        ("انسحبت القوات الأمريكية من قاعدة عين الأسد.", "force/us-forces", US),
        ("وشاركت قوات التحالف الدولي في العملية.", "force/coalition-forces", "organization/global-coalition"),
        ("وهاجمت الفصائل المدعومة من طهران القاعدة.", "force/militias", IRAN),
        ("التعاون مع قوات الأمن العراقية، بضمنها قوات البيشمركة، مستمر.", "force/peshmerga", IRAQ),
    ],
)
def test_force_affiliation(read, text: str, key: str, owner: str) -> None:
    assert read(text).entities[key].affiliation == [owner]  # the owner, and no spurious one


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("وأعلنت كتائب حزب الله تعليق عملياتها، فيما رحب حزب الله بالقرار.", "force/kataib-hezbollah"),
        ("وسيطرت قوات سوريا الديمقراطية على البلدة.", "force/syrian-democratic-forces"),
    ],
)
def test_a_proper_force_name_names_no_owner(read, text: str, key: str) -> None:
    """كتائب حزب الله is a militia of its own, not Hezbollah's brigades; the SDF are no Syrian state force."""
    assert read(text).entities[key].affiliation == []


@pytest.mark.parametrize(
    ("text", "key", "owner"),
    [
        # Turkey is named more often, but the government named by its nisba is Syria's
        (
            "وقالت تركيا إن القوات الحكومية هاجمت البلدة، واتهمت تركيا النظام السوري بخرق الهدنة.",
            "force/government-forces",
            "country/syria",
        ),
        # the government noun with proclitics: "للنظام"
        (
            "وقالت واشنطن إن قوات النظام قصفت القرية، وحذرت الولايات المتحدة من تقديم السلاح للنظام السوري.",
            "force/regime-forces",
            "country/syria",
        ),
        (
            "واندلعت اشتباكات قرب الميناء مع القوات الموالية للحكومة، وقالت الحكومة اليمنية إنها صدت الهجوم.",
            "force/loyalist-forces",
            "country/yemen",
        ),
        # two governments named: the one the force's own sentence names before it; "السورية" is
        # the nisba, though "سورية" also names the country
        (
            "ورفضت الحكومة التركية التعليق. وتقدم روسيا دعما جويا للحكومة السورية وتنسق مع القوات الحكومية في الشمال.",
            "force/government-forces",
            "country/syria",
        ),
        (
            "وقالت الحكومة السورية إنها مستعدة للحوار. وأعلنت الحكومة العراقية أن القوات الحكومية استعادت المعبر.",
            "force/government-forces",
            "country/iraq",
        ),
        # a backer named with a government's force does not own it: the government's state does
        (
            "وقالت الحكومة اليمنية إن القوات الحكومية، مدعومة من السعودية، تقدمت نحو المطار.",
            "force/government-forces",
            "country/yemen",
        ),
        (
            "وأعلنت الحكومة السورية أن قوات النظام المدعومة من روسيا سيطرت على البلدة.",
            "force/regime-forces",
            "country/syria",
        ),
    ],
)
def test_government_forces_belong_to_the_state_whose_government_is_named(read, text: str, key: str, owner: str) -> None:
    assert read(text).entities[key].affiliation == [owner]


def test_forces_opposed_to_the_government_are_not_its_own(read) -> None:
    text = "وسيطرت الفصائل المعارضة للحكومة على التلة، فيما قالت الحكومة السورية إنها ستستعيدها."
    assert read(text).entities["force/opposition-factions"].affiliation == []


def test_a_coalition_belongs_to_the_state_that_leads_it(read) -> None:
    text = "وقصفت قوات التحالف الدولي بقيادة الولايات المتحدة مواقع التنظيم شرقي النهر."
    assert read(text).entities["force/coalition-forces"].affiliation == [US]


def test_a_force_led_by_its_commander_is_not_his(read) -> None:
    text = "وتقدمت قوات البيشمركة بقيادة سامر خليل نحو البلدة."
    assert read(text).entities["force/peshmerga"].affiliation == []


def test_strength_without_a_force_mention_goes_to_the_national_force(read) -> None:
    article = read("وينتشر في العراق نحو 2500 جندي أمريكي ضمن مهمة التحالف الدولي.")
    force = article.entities["force/us-forces"]
    assert (force.strength, force.affiliation) == (2500, [US])


@pytest.mark.parametrize(
    ("text", "key", "country"),
    [
        ("وتنشر الولايات المتحدة أكثر من 2500 جندي في العراق.", "force/us-forces", US),
        ("ولدى واشنطن نحو 2500 جندي في العراق.", "force/us-forces", US),
        ("وتنشر تركيا أكثر من 2500 جندي في قواعد شمالي العراق.", "force/turkish-armed-forces", "country/turkey"),
    ],
)
def test_strength_of_the_state_that_keeps_the_troops(read, text: str, key: str, country: str) -> None:
    force = read(text).entities[key]
    assert (force.strength, force.affiliation) == (2500, [country])


@pytest.mark.parametrize(
    ("text", "strength"),
    [
        ("ونشرت واشنطن القوات الأمريكية في العراق، وهناك أكثر من 5000 جندي أمريكي في العراق الآن.", 5000),
        ("وتحتفظ القوات الأميركية بنحو 2500 عسكري أميركي في البلاد.", 2500),
        ("تقدر القوات الأمريكية بـ 2 ألف جندي أمريكي.", 2000),
        ("وتنتشر القوات الأمريكية البالغ عددها 2500 جندي في قاعدتين.", 2500),
        ("وبقي نحو 900 من القوات الأمريكية في سوريا.", 900),
        # a relative clause with the verb of counting
        ("وانسحبت القوات الأمريكية التي يبلغ قوامها نحو 4 آلاف جندي من القاعدة.", 4000),
        ("وتتمركز القوات الأمريكية، ويبلغ عدد أفرادها 1800 عسكري، قرب الحدود.", 1800),
    ],
)
def test_force_strength(read, text: str, strength: int) -> None:
    assert read(text).entities["force/us-forces"].strength == strength


@pytest.mark.parametrize(
    "text",
    [
        "وأعلنت القوات الأمريكية مقتل 12 عنصرا أمريكيا في الهجوم.",
        "وزارت القوات الأمريكية 3 من القواعد.",  # a bare number names no force after "من"
        # a casualty word a few words before the count, in its clause
        "ووقع انفجار قتل فيه 7 من القوات الأمريكية قرب القاعدة.",
        "وأسفر الهجوم الذي قتل خلاله على الأقل 11 عنصرا من القوات الأمريكية عن دمار.",
    ],
)
def test_no_strength(read, text: str) -> None:
    assert read(text).entities["force/us-forces"].strength is None


def test_nisba_country_is_created_from_the_gazetteer(read) -> None:
    article = read("وأجرى الجيش الإيراني مناورات.")
    assert article.entities["force/iran-army"].affiliation == [IRAN]
    assert article.entities[IRAN].type == "Country"
    assert article.entities[IRAN].wikidata == "Q794"


def test_a_force_known_by_a_national_name_belongs_to_that_country(read) -> None:
    """The gazetteer knows الحرس الثوري also as الحرس الثوري الإيراني."""
    assert read("وقال قائد في الحرس الثوري إن").entities["force/irgc"].affiliation == [IRAN]


def test_a_force_belongs_to_the_force_written_after_it(read) -> None:
    article = read("قائد فيلق القدس بالحرس الثوري.")
    assert article.entities["force/quds-force"].affiliation == ["force/irgc"]


def test_strength_in_number_words_goes_to_the_national_force(read) -> None:
    force = read("ويتمركز نحو أربعة آلاف جندي تركي في القاعدة.").entities["force/turkish-armed-forces"]
    assert (force.strength, force.affiliation) == (4000, ["country/turkey"])


def counted_forces(article: Article) -> dict[str, tuple[int | None, list[str]]]:
    """Label -> (strength, affiliation) of the forces known only by a count or a branch."""
    named = {key for _type, key in NAMES.values()} | {e.key for e in resources.load_gazetteer()}
    return {
        e.label_ar: (e.strength, e.affiliation)
        for e in article.entities.values()
        if e.type == "Force" and e.key not in named
    }


def test_a_count_of_soldiers_no_force_claims_is_a_force_of_its_own(read) -> None:
    article = read("وشاركت تركيا بـ20 طائرة و1800 مقاتل في المناورات، ووصل 600 مراقب إلى المدينة.")
    assert counted_forces(article) == {"600 مراقب": (600, [])}
    assert article.entities["force/turkish-armed-forces"].strength == 1800


def test_a_count_drawn_from_a_branch_makes_the_branch_the_force(read) -> None:
    found = counted_forces(read("وأضاف أن ألفي جندي من القوات الخاصة سيصلون الشهر المقبل."))
    assert found == {"القوات الخاصة": (2000, [])}


def test_casualties_are_no_force(read) -> None:
    assert counted_forces(read("وأعلنت الوزارة مقتل ثلاثة عشر جنديا في الهجوم.")) == {}
