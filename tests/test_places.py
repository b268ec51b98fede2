"""Places and people the gazetteer knows, and the places named after them (kg.mentions.heads, kg.resolve)."""

from __future__ import annotations

import pytest

from kg import pipeline
from kg.mentions import find_mentions
from kg.model import Article, Source


def places(text: str) -> dict[str, tuple[str, list[str]]]:
    """Each Place entity's key -> (label, other labels)."""
    [article] = pipeline.extract(text, "t.txt", disable=("statements", "relations"))
    return {e.key: (e.label_ar, e.alt_labels) for e in article.entities.values() if e.type == "Place"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("وصلت تعزيزات عسكرية إلى منبج صباح اليوم.", "place/manbij"),
        ("وتقدمت القوات على أطراف الحديدة الجنوبية.", "place/hodeidah"),
        ("تجمع المتظاهرون في خان يونس بعد صلاة الجمعة.", "place/khan-yunis"),
    ],
)
def test_a_city_of_the_region_is_a_known_place(text: str, key: str):
    assert key in places(text)


def test_a_facility_named_by_a_known_city_is_a_place_of_its_own():
    found = places("هبطت الطائرة في مطار بغداد الدولي، ثم أبحرت السفينة من ميناء عدن.")
    assert found["place/mTAr-bgdAd-dwly"][0] == "مطار بغداد الدولي"
    assert "place/mynAC-Edn" in found
    assert "place/aden" in found  # the city keeps its own mention


@pytest.mark.parametrize("kind", ["محافظة", "بلدة", "مدينة"])
def test_a_kind_of_place_before_a_known_place_is_that_place(kind: str):
    found = places(f"نزحت عائلات من {kind} إدلب، وقال سكان في إدلب إن القصف توقف.")
    assert found["place/idlib"] == ("إدلب", [f"{kind} إدلب"])
    assert len(found) == 1


def test_a_place_in_a_family_name_is_no_place():
    [article] = pipeline.extract("قال القائد إسماعيل بن الخليل إن الهجوم فشل.", "t.txt", disable=("statements",))
    assert not [e for e in article.entities.values() if e.type == "Place"]
    assert any(e.label_ar == "إسماعيل بن الخليل" for e in article.entities.values())


def test_a_direction_adjective_after_a_known_place_is_in_the_countryside_s_name():
    found = places("تقدمت القوات في ريف حلب الشرقي أمس، وقصفت الطائرات ريف إدلب الجنوبي.")
    labels = {label for label, _ in found.values()}
    assert {"ريف حلب الشرقي", "ريف إدلب الجنوبي"} <= labels


def test_a_direction_alone_is_no_place():
    found = places("وقال سكان في الريف الغربي إن القصف استمر، وفر آخرون إلى الريف.")
    assert not [label for label, _ in found.values() if "ريف" in label]


def test_a_town_is_no_pronoun_for_a_country():
    # بلدة (a town) and بلده (his country) fold alike; only the second refers to a country
    text = "قال الوزير إن بلده لن يقبل، وقال سكان في بلدة قريبة إن القصف استمر."
    article = find_mentions(Article(source="t", text=text))
    assert [m.text for m in article.mentions if m.source == Source.PRONOUN] == ["بلده"]


def test_a_quarter_of_a_known_country_is_one_place_however_written():
    found = places(
        "قصفت الطائرات مواقع في شمال شرق سوريا.\n\nوتقدمت القوات في شمال شرقي سورية، "
        "وانسحب المقاتلون إلى الشمال الشرقي السوري."
    )
    assert found == {"place/cmAl-crq--syria": ("شمال شرق سوريا", ["شمال شرقي سورية", "الشمال الشرقي السوري"])}
    # and in another article, under the same key
    assert "place/cmAl-crq--syria" in places("وصلت تعزيزات إلى الشمال الشرقي السوري أمس.")


@pytest.mark.parametrize(
    "text",
    [
        "قصفت الطائرات مواقع في جنوب سوريا أمس.",
        "سقطت صواريخ على بلدات شمالي إسرائيل.",
        "انسحب المقاتلون إلى الشمال السوري بعد الاتفاق.",
    ],
)
def test_one_direction_of_a_country_only_locates(text: str):
    assert not places(text)


def test_the_regime_s_forces_a_direction_of_its_country_locates_are_its_own():
    text = "تقدمت قوات النظام في جنوب سوريا، بعد أن أعلنت روسيا وتركيا وإيران دعمها للمحادثات."
    [article] = pipeline.extract(text, "t.txt", disable=("statements",))
    [regime] = [e for e in article.entities.values() if e.type == "Force"]
    assert regime.affiliation == ["country/syria"]


@pytest.mark.parametrize("written", ["مولود جاويش أوغلو", "مولود تشاووش أوغلو", "مولود تشاوش أوغلو"])
def test_a_known_person_is_one_entity_in_each_spelling(written: str):
    [article] = pipeline.extract(f"قال وزير الخارجية التركي {written} إن المحادثات مستمرة.", "t.txt")
    assert "person/mevlut-cavusoglu" in article.entities


@pytest.mark.parametrize(
    "text",
    [
        "سقطت قذائف على قرى تقع جنوب شرقي مدينة حمص أمس.",
        "نزحت عائلات من شمال محافظة حلب بعد القصف.",
        "تدور المعارك غرب الموصل منذ أسبوع.",
    ],
)
def test_a_direction_of_a_city_or_province_only_locates_it(text: str):
    found = places(text)
    assert len(found) == 1  # the city or province, with no "south of" place beside it
    assert not [label for label, _ in found.values() if label.split()[0] in {"جنوب", "شمال", "غرب"}]


def test_a_direction_of_a_region_wider_than_a_country_is_a_place():
    found = places("تنشط الجماعات في شمال أفريقيا، وانتشرت القوات في شمالي الضفة الغربية.")
    labels = {label for label, _ in found.values()}
    assert {"شمال أفريقيا", "شمالي الضفة الغربية", "أفريقيا", "الضفة الغربية"} <= labels


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        ("سقطت قذائف على بلدات تقع جنوب دمشق مساء أمس.", "place/damascus"),
        ("انفجرت عبوة ناسفة في حي يقع شمال شرقي بغداد.", "place/baghdad"),
        ("تظاهر مئات في ميدان وسط القاهرة.", "place/cairo"),
    ],
)
def test_a_direction_of_a_capital_locates_the_city_not_the_state(text: str, capital: str):
    [article] = pipeline.extract(text, "t.txt", disable=("statements", "relations"))
    kinds = {e.key: e.type for e in article.entities.values()}
    assert kinds == {capital: "Place"}  # no "south of" place, and no government the capital stands for


def test_a_capital_without_a_direction_still_stands_for_its_state():
    [article] = pipeline.extract("وأعلنت دمشق رفضها للقرار.", "t.txt", disable=("statements", "relations"))
    assert {e.key for e in article.entities.values()} == {"country/syria"}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("تقدمت القوات اليمنية في الساحل الغربي نحو المدينة.", "place/yemen-west-coast"),
        ("هدمت السلطات منزلا في القدس الشرقية أمس.", "place/east-jerusalem"),
        ("عاد الوفد إلى الأراضي الفلسطينية المحتلة بعد الجولة.", "place/palestinian-territories"),
        ("رست السفينة قبالة جزيرة سقطرى في بحر العرب.", "place/socotra"),
        ("سقطت قذيفة على سوق شعبي في محافظة حجة.", "place/hajjah"),
    ],
)
def test_a_place_written_with_an_adjective_or_a_common_noun_is_known(text: str, key: str):
    assert key in places(text)


def test_a_common_noun_that_names_a_province_is_no_place_alone():
    # حجة (an argument) names a province only after its kind of place
    assert not places("قدم المحامي حجة قوية أمام المحكمة.")


def test_the_police_of_a_capital_a_direction_locates_is_its_state_s():
    text = "قالت الشرطة إن سيارة مفخخة انفجرت قرب سوق شعبي جنوب غربي بغداد، وأدانت فرنسا التفجير."
    [article] = pipeline.extract(text, "t.txt", disable=("statements",))
    [police] = [e for e in article.entities.values() if e.type == "Force"]
    assert police.affiliation == ["country/iraq"]
    assert "place/baghdad" in article.entities


def test_joint_forces_are_a_force_of_no_one_state():
    text = (
        "وقال قائد ميداني إن القوات المشتركة سيطرت على مواقع جديدة قرب الساحل، "
        "بعد انسحاب الميليشيات الإيرانية من المنطقة في اليمن."
    )
    [article] = pipeline.extract(text, "t.txt", disable=("statements",))
    [joint] = [e for e in article.entities.values() if e.type == "Force" and e.label_ar == "القوات المشتركة"]
    assert joint.affiliation == []  # neither Yemen's nor Iran's


def test_the_command_of_joint_forces_stays_a_body():
    [article] = pipeline.extract("وأصدرت قيادة القوات المشتركة بيانا أمس.", "t.txt", disable=("statements",))
    assert {e.type for e in article.entities.values()} == {"Organization"}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("وأفرج عن قائد الحرس الوطني السابق بعد تسوية مالية.", "الحرس الوطني"),
        ("وقال رئيس أركان الجيش الأردني الأسبق إن الحدود آمنة.", "الجيش الأردني"),
        ("وقال رئيس الهيئة الوطنية السابق إن الانتخابات نزيهة.", "الهيئة الوطنية"),
    ],
)
def test_a_title_s_term_of_office_is_no_part_of_the_body_it_serves(text: str, body: str):
    [article] = pipeline.extract(text, "t.txt", disable=("statements",))
    names = {
        name
        for e in article.entities.values()
        if e.type in ("Force", "Organization")
        for name in (e.label_ar, *e.alt_labels)
    }
    assert body in names
    assert not [name for name in names if name.split()[-1] in {"السابق", "الأسبق"}]


@pytest.mark.parametrize(
    "text",
    [
        "وسقطت قذائف على منطقة جنوب المدينة أمس.",
        "وتمركزت القوات في منطقة شرقي البلدة.",
        "وعاد النازحون إلى منطقة الجنوب بعد المعارك.",
    ],
)
def test_a_direction_alone_after_a_kind_of_place_names_none(text: str):
    assert not places(text)


def test_a_province_named_by_a_direction_adjective_is_a_place():
    assert [label for label, _ in places("وقعت الحادثة في محافظة الشرقية أمس.").values()] == ["محافظة الشرقية"]



def test_a_district_before_its_name_is_a_place_and_its_seat_too():
    """"مديرية" before a name is a district (Yemen's), a Place named by the name alone too, and the
    known place when the gazetteer knows the name; before an office's domain it is a directorate."""
    found = places("تقدمت القوات في مديرية ذباب وفي مديرية المخا، ثم دخلت مركز مديرية موزع غربي تعز.")
    labels = {label: alt for label, alt in found.values()}
    assert "ذباب" in labels["مديرية ذباب"]
    assert "مديرية المخا" in found["place/mocha"][1]
    assert "مركز مديرية موزع" in labels
    [article] = pipeline.extract("وأعلنت مديرية الأمن العام في المحافظة توقيف مطلوبين.", "t.txt")
    assert [e.type for e in article.entities.values() if e.label_ar.startswith("مديرية")] == ["Organization"]


def test_a_consulate_named_by_its_state_is_a_place_as_an_embassy_is():
    found = places("احتشد المحتجون أمام القنصلية التركية في أربيل، ثم ساروا إلى السفارة الفرنسية.")
    assert {"القنصلية التركية", "السفارة الفرنسية"} <= {label for label, _ in found.values()}


def test_a_river_s_branch_written_in_common_nouns_is_a_known_place():
    found = places("وقالت الخرطوم إن ملء السد لن يضر بمياه النيل الأزرق.")
    assert "place/blue-nile" in found


def test_a_nisba_agreeing_with_the_kind_of_place_after_a_bare_name_is_no_part_of_it():
    """"مدينة X الساحلية" is the coastal city X; a facility keeps its own adjective (قاعدة X الجوية),
    and a name's own second word stays (بيت الفقيه)."""
    found = places("وصل النازحون إلى مدينة بنزرت الساحلية ثم إلى قاعدة حميميم الجوية وإلى مديرية بيت الفقيه.")
    labels = {label for label, _ in found.values()}
    assert {"مدينة بنزرت", "قاعدة حميميم الجوية", "مديرية بيت الفقيه"} <= labels


def test_a_dual_kind_of_place_names_two_places():
    """"بلدتي X وY": each name a place of its own, without the conjunction; a known one keeps its key."""
    found = places("ودخلت القوافل إلى بلدتي نبل والزهراء، ثم إلى محافظتي حمص وحماة.")
    labels = {label for label, _ in found.values()}
    assert {"نبل", "الزهراء"} <= labels
    assert "place/homs" in found
    assert not [label for label in labels if label.startswith("و")]
