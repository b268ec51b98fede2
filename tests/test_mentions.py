"""kg.mentions: what the mentions stage finds in sentences (seed-like and unseen)."""

from __future__ import annotations

import pytest

from kg.mentions import find_mentions
from kg.model import Article, Source


def mentions_of(text: str) -> dict[str, tuple[str, str | None]]:
    article = find_mentions(Article(source="t", text=text))
    for m in article.mentions:
        assert text[m.start : m.end] == m.text
    return {m.text: (m.type, m.entity) for m in article.mentions}


@pytest.mark.parametrize(
    ("text", "span", "kind", "entity"),
    [
        ("وصل الوفد إلى بغداد أمس", "بغداد", "Place", "place/baghdad"),
        ("اتفقت بغداد وواشنطن على الخطة", "واشنطن", "Country", "country/united-states"),
        ("وأكدت للقوات الأمريكية استعدادها", "لقوات الأمريكية", "Force", "force/us-forces"),
        (
            "أعلنت وزارة الدفاع العراقية أمس",
            "وزارة الدفاع العراقية",
            "Organization",
            "organization/iraqi-ministry-of-defense",
        ),
        ("قال وزير النفط الكويتي سعد البراك إن", "سعد البراك", "Person", None),
        ("وصرح العميد ركن خالد المحمداوي بأن", "خالد المحمداوي", "Person", None),
        ("قال مسؤول عسكري تركي إن", "مسؤول عسكري تركي", "Person", None),
        ("وفي حوار له عبر الهاتف مع معهد واشنطن قال الوزير إن", "حوار له عبر الهاتف مع معهد واشنطن", "Dialogue", None),
        ("وعقد الوزير لقاء مع وزارة الخارجية الأردنية أمس", "لقاء مع وزارة الخارجية الأردنية", "Dialogue", None),
        ("وعقد الوزير اجتماعاً مع نظيره الأردني أمس", "اجتماعاً مع نظيره الأردني", "Dialogue", None),
        ('وقال المسؤول لـ"الشرق"، إن الموقف لم يتغير', "الشرق", "Organization", None),
        (
            "واستأنف البلدان المفاوضات غير المباشرة مع الولايات المتحدة",
            "المفاوضات غير المباشرة مع الولايات المتحدة",
            "Dialogue",
            None,
        ),
        ("وأضاف في تصريح لـ«العربية نت» أن الموقف لم يتغير", "العربية نت", "Organization", None),
        ("أكد رئيس هيئة الأركان المصرية أن", "رئيس هيئة الأركان المصرية", "Person", None),
        ("هاجمت الفصائل المسلحة مواقع", "الفصائل المسلحة", "Force", None),
        (
            "وقعت الحكومة اتفاقية التعاون الدفاعي بين مصر والأردن لعام 2019",
            "اتفاقية التعاون الدفاعي بين مصر والأردن لعام 2019",
            "Agreement",
            None,
        ),
        (
            "انطلقت الجولة الثانية من الحوار الاستراتيجي بين مصر والولايات المتحدة",
            "الجولة الثانية من الحوار الاستراتيجي بين مصر والولايات المتحدة",
            "Dialogue",
            None,
        ),
        ("وأشار إلى زيارته إلى تركيا وقطر", "زيارته إلى تركيا وقطر", "Dialogue", None),
        ("نفذت قوات التحالف غارة في شمال شرق سوريا", "شمال شرق سوريا", "Place", None),
        ("وبحسب بيان لمكتب رئيس الوزراء، فإن اللجنة ستجتمع", "مكتب رئيس الوزراء", "Organization", None),
        # a compound given name (عبد العزيز) is one word of a name; بن and آل carry a name on
        ("وقال الرئيس الجزائري عبد العزيز بوتفليقة إن", "عبد العزيز بوتفليقة", "Person", None),
        ("واستقبل الرئيس زين العابدين بن علي الوفد", "زين العابدين بن علي", "Person", None),
        ("وقال الأمير طلال بن عبد العزيز آل سعود إن", "طلال بن عبد العزيز آل سعود", "Person", None),
        # a role's genitive in لل keeps its article (للأمين العام); a hyphen joins a double surname
        ("وقال الممثل الخاص للأمين العام محمد الحسان إن", "الممثل الخاص للأمين العام", "Person", None),
        ("وقالت الممثلة الخاصة جينين هينيس-بلاسخارت إن", "جينين هينيس-بلاسخارت", "Person", None),
        ("على تمديد ولاية بعثة الأمم المتحدة لمساعدة العراق (يونامي)", "يونامي", "Organization", "organization/unami"),
        ('وفي تصريح لـ"الشرق الأوسط"، لفت مصدر دبلوماسي', "الشرق الأوسط", "Organization", None),
        ("رئيس أركان الجيش الفريق أول ركن عبد الأمير يار الله، فيما", "عبد الأمير يار الله", "Person", None),
        ("وأعربت الخارجية التركية عن قلقها", "الخارجية التركية", "Organization", None),
        ("وأعلنت شركة Lenovo وDell أرباحهما", "Dell", "Organization", None),
        ("وعقد الجانبان جلسة مباحثات رسمية تناولت العلاقات", "جلسة مباحثات رسمية", "Dialogue", None),
        ("وعقد الوزيران اجتماعاً في بغداد", "اجتماعاً", "Dialogue", None),
        # a head noun with a pronoun suffix is someone's event (the hamza of لقاء sits on ئ)
        ("وقال خلال اجتماعه مع نظيره العماني إن", "اجتماعه مع نظيره العماني", "Dialogue", None),
        ("وأضاف خلال لقائه نظيره العماني بدر البوسعيدي في مسقط", "لقائه نظيره العماني بدر البوسعيدي", "Dialogue", None),
        ("بتنفيذ اتفاقية تنظيم الملاحة في خور عبد الله", "خور عبد الله", "Place", None),
        ("وقال مسؤول كبير في الحكومة العراقية إن", "مسؤول كبير في الحكومة العراقية", "Person", None),
        ("وأفاد مصدر أمني بأن", "مصدر أمني", "Person", None),
        ("ونقلت الأسوشيتد برس عن مصادر في حركة فتح", "الأسوشيتد برس", "Organization", "organization/associated-press"),
        ("واتهمت أنقرة حزب العمال الكردستاني بالهجوم", "حزب العمال الكردستاني", "Organization", "organization/pkk"),
        # the second باسم is the spokesman's given name, not another "on behalf of"
        ("أكد المتحدث باسم الحكومة العراقية باسم العوادي أن", "باسم العوادي", "Person", None),
    ],
)
def test_finds(text, span, kind, entity):
    found = mentions_of(text)
    assert span in found, found
    assert found[span][0] == kind
    if entity:
        assert found[span][1] == entity


def test_dual_names_both_bodies():
    article = find_mentions(Article(source="t", text="بحث وفد من وزارتي الدفاع والخارجية الأميركيتين"))
    keys = {m.entity for m in article.mentions if m.source == "dual"}
    assert keys == {"organization/us-department-of-defense", "organization/us-department-of-state"}


def test_a_title_chain_ends_before_the_reported_saying():
    # "نقل عن X القول إن": القول is the saying, no word of X's title
    found = mentions_of("ونقلت الصحيفة عن العقيد فارس الدوري قائد الشرطة المحلية القول إن الطريق مغلق")
    assert "قائد الشرطة المحلية" in found
    assert not any("القول" in text for text in found)


@pytest.mark.parametrize("text", ["تحدث عن القوات الأجنبية المقاتلة", "ذهب إلى المنطقة مساء", "قال إن الأمر واضح"])
def test_no_mention_for_unowned_or_generic_words(text):
    assert not [
        m for m in find_mentions(Article(source="t", text=text)).mentions if m.type in ("Force", "Place", "Person")
    ]


def test_a_body_in_al_takes_no_role_after_it():
    found = mentions_of("واستدعت الوزارة السفير التركي في بغداد يشار كوناي، وسلمته مذكرة")
    assert not [text for text in found if text.startswith("الوزارة")], found


def test_a_portfolio_that_is_an_adjective_names_no_ministry():
    found = mentions_of("وانتقد السياسة الخارجية التركية بشدة")
    assert not [kind for kind, _ in found.values() if kind == "Organization"], found


def test_a_press_conference_is_no_dialogue():
    found = mentions_of("وقال الوزير في مؤتمر صحفي مع نظيره العراقي فؤاد حسين إن")
    assert not [text for text, (kind, _) in found.items() if kind == "Dialogue"], found


def test_a_quoted_phrase_not_after_li_is_no_body():
    assert "الشرق" not in mentions_of('ووصف الخطة بأنها "الشرق" الجديد')


def test_led_by_a_role_is_no_office():
    found = mentions_of("وصل وفد بقيادة وزير الدفاع إلى بغداد")
    assert not [text for text, (kind, _) in found.items() if kind == "Organization"], found


@pytest.mark.parametrize(
    "text",
    ["وكتب على اللافتة The person taking this picture وقال إن", "وقال Michael Schumacher إن", "TT\n\nوقال"],
)
def test_latin_words_in_a_run_or_alone_on_a_line_name_no_body(text):
    assert not [m for m in find_mentions(Article(source="t", text=text)).mentions if m.source == "latin"]


def test_mentions_say_which_rule_found_them_and_a_name_links_its_role() -> None:
    article = find_mentions(Article(source="t", text="قال وزير النفط الكويتي سعد البراك إن الإنتاج مستمر"))
    assert all(isinstance(m.source, Source) for m in article.mentions)
    (name,) = [m for m in article.mentions if m.text == "سعد البراك"]
    assert name.source is Source.TITLE
    assert name.role is not None and name.role.text == "وزير النفط الكويتي" and name.role.source is Source.ROLE


def test_a_place_head_before_the_last_word_of_the_text():
    """A place head followed by another at the very end of the text ("مطار المدينة.") is read
    without running past the last token (an IndexError dropped the whole article)."""
    article = find_mentions(Article(source="t", text="وباتت القوات على بعد كيلومترات من مطار المدينة."))
    assert all(m.end <= len(article.text) for m in article.mentions)
