"""kg.mentions: where a personal name ends when its words look like function words or verbs."""

from __future__ import annotations

import pytest

from kg.mentions import find_mentions
from kg.model import Article


def person_names(text: str) -> set[str]:
    article = find_mentions(Article(source="t", text=text))
    return {m.text for m in article.mentions if m.type == "Person"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال المحلل خالد علي للصحفيين إن الوضع صعب.", "خالد علي"),
        ("وأكد النائب ماهر علي أن الجلسة تأجلت.", "ماهر علي"),
    ],
)
def test_a_name_word_spelt_with_yeh_is_no_preposition(text, name):
    assert name in person_names(text)


def test_the_preposition_spelt_with_alef_maksura_still_ends_a_name():
    names = person_names("وقال المحلل خالد على الهاتف إن الوضع صعب.")
    assert "خالد" in names and not any("على" in n for n in names)


def test_yeh_spelt_preposition_before_a_definite_word_is_no_name_word():
    names = person_names("وقال المدرب سامر يوسف إن فوز اللاعب كمال علي المنافس كان سهلاً.")
    assert not any("علي" in n for n in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وكان القائد أحمد سالم يسيطر على المدينة.", "أحمد سالم"),
        ("وقال محمد سالم وعمر يوسف قرر الاستقالة.", "يوسف"),
    ],
)
def test_a_name_ends_before_the_verb_whose_subject_it_is(text, name):
    names = person_names(text)
    assert name in names
    assert not any(n.startswith(name + " ") for n in names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("وقال رئيس مجلس الشيوخ خالد المهدي وحسن عبيدات إن الوضع خطير.", {"خالد المهدي", "حسن عبيدات"}),
        ("والتقى الرئيس بالوزيرين أحمد سالم ويوسف الحسن أمس.", {"أحمد سالم", "يوسف الحسن"}),
    ],
)
def test_the_second_of_two_coordinated_names_is_a_name_without_its_conjunction(text, names):
    found = person_names(text)
    assert names <= found
    assert not any(n.startswith("و") for n in found)


def test_a_given_name_that_opens_with_waw_keeps_it():
    assert "وليد حداد" in person_names("وقال الناشط وليد حداد إن الوضع صعب.")


def test_a_noun_after_a_titled_name_and_its_conjunction_is_no_name():
    names = person_names("بعد إقالة وزير الدفاع خالد المهدي وتعيين جون سميث خلفا له.")
    assert {"خالد المهدي", "جون سميث"} <= names
    assert not any("تعيين" in n for n in names)


def test_a_feminine_official_word_after_a_feminine_noun_is_its_adjective():
    assert not person_names("وصل المبعوث إلى العاصمة في مهمة دبلوماسية طارئة لبحث الأزمة.")
    assert "دبلوماسية غربية" in person_names("وقالت دبلوماسية غربية إن الاتفاق قريب.")


def test_an_official_word_before_a_preposition_and_the_article_is_no_unnamed_official():
    assert not person_names("وقال إن الغاز مصدر للقيمة المضافة في البلاد.")
    assert "مسؤول بالحكومة العراقية" in person_names("وقال مسؤول بالحكومة العراقية إن الاتفاق قريب.")


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        # the holder's first word ends like an adjective (-ان، -ى): a place's name takes none in construct
        ("وكان محافظ حمص طلال البرازي قد أعلن أن الطريق مفتوح.", "محافظ حمص", "طلال البرازي"),
        ("وأعلن محافظ كربلاء عثمان الجبوري أن المعبر مغلق.", "محافظ كربلاء", "عثمان الجبوري"),
        ("وقال رئيس مجلس محافظة البصرة مثنى السعدي إن الموازنة تأخرت.", "رئيس مجلس محافظة البصرة", "مثنى السعدي"),
        ("وأكد وزير خارجية مصر مرعى الشريف أن الزيارة مهمة.", "وزير خارجية مصر", "مرعى الشريف"),
        # a place no list knows, governed by the title or body in construct: its name ends there
        ("وأعلن محافظ بابل عثمان الجبوري أن المعبر مغلق.", "محافظ بابل", "عثمان الجبوري"),
        ("وقال رئيس بلدية دوما سلمان الأحمد إن المدينة مدمرة.", "رئيس بلدية دوما", "سلمان الأحمد"),
        ("وقال رئيس مجلس محافظة بابل مثنى السعدي إن الموازنة تأخرت.", "رئيس مجلس محافظة بابل", "مثنى السعدي"),
    ],
)
def test_a_name_after_a_title_that_ends_in_a_place_is_the_holder_not_the_title(text, role, name):
    article = find_mentions(Article(source="t", text=text))
    people = {m.text: m for m in article.mentions if m.type == "Person"}
    assert name in people, sorted(people)
    assert people[name].role is not None and people[name].role.text == role
    assert not any(n.startswith(role + " ") for n in people)


def test_an_envoy_at_a_body_keeps_the_body_in_his_role_and_his_name_after_it():
    article = find_mentions(Article(source="t", text="وقال سفير اليابان لدى الأمم المتحدة كينجي سوزوكي إن القرار مهم."))
    people = {m.text: m for m in article.mentions if m.type == "Person"}
    assert "كينجي سوزوكي" in people, sorted(people)
    assert people["كينجي سوزوكي"].role.text == "سفير اليابان لدى الأمم المتحدة"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وأشاد الوزير فيتوريني بالمبادرة الإقليمية.", "فيتوريني"),
        ("والتقى المبعوث تيسيني والوفد المرافق له.", "تيسيني"),
        ("وأعلن السفير برانكوفيتش للصحفيين أن الزيارة تأجلت.", "برانكوفيتش"),
    ],
)
def test_a_name_ends_before_a_preposition_or_conjunction_with_the_article(text, name):
    names = person_names(text)
    assert name in names and not any(n.startswith(name + " ") for n in names), names


def _roles(text: str) -> dict[str, str]:
    """Each titled person's name -> the role written with it."""
    article = find_mentions(Article(source="t", text=text))
    people = [m for m in article.mentions if m.type == "Person"]
    roles = {m.entity: m.text for m in people if m.source == "role"}
    return {m.text: roles.get(m.entity, "") for m in people if m.source != "role"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("دعما لحكومة الرئيس المعترف به دوليا سامر الخطيب في الحرب.", "سامر الخطيب", "الرئيس المعترف به دوليا"),
        ("وقال الرئيس المعترف به دولياً كمال بورنان إن الحرب ستنتهي.", "كمال بورنان", "الرئيس المعترف به دولياً"),
    ],
)
def test_a_title_s_participle_with_its_complement_comes_before_the_name(text, name, role):
    assert _roles(text).get(name) == role


def test_a_participle_s_complement_before_a_comma_names_nobody():
    names = person_names("وقال وزير بالحكومة غير المعترف بها دوليا، قضى كمال بورنان شهرا في المدينة.")
    assert not any(name.startswith(("به", "دولي", "قضى")) for name in names)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("وقال وزير الأوقاف في البلاد، محمد الخطيب، إن المساجد ستفتح.", "محمد الخطيب", "وزير الأوقاف"),
        ("وأكد مدير المستشفى بالعاصمة، كمال بورنان، أن المصابين بخير.", "كمال بورنان", "مدير المستشفى"),
    ],
)
def test_a_name_set_off_by_commas_after_the_title_s_complement_is_its_holder(text, name, role):
    assert _roles(text).get(name) == role


def test_no_name_after_the_complement_without_a_second_comma():
    names = person_names("وقال وزير الخارجية في بيان، إن المحادثات فشلت.")
    assert not any(name.startswith("إن") for name in names)


def test_a_body_in_construct_with_the_title_is_no_complement():
    # لجنة only looks like ل and a noun: the role is the title with its body
    assert _roles("وقال رئيس لجنة الدفاع في مجلس النواب، كمال بورنان، إن الميزانية كافية.").get("كمال بورنان") != "رئيس"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال علي لاريجاني إن البرلمان سيصوت غداً.", "علي لاريجاني"),
        ("وأوضح المتحدث أن علي بن يوسف غادر البلاد.", "علي بن يوسف"),
    ],
)
def test_a_name_opens_with_ali_spelt_with_yeh(text, name):
    assert name in person_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال الدبلوماسي علي صعيد آخر، إن المفاوضات بطيئة.",
        "واستمر الحصار علي مدار عامين كاملين.",
        "وشدد المسؤول علي ضرورة إنهاء الأزمة.",
    ],
)
def test_ali_spelt_for_the_preposition_opens_no_name(text):
    assert not any(n.startswith("علي") for n in person_names(text))


def test_a_writer_who_spells_the_preposition_with_yeh_opens_no_name_with_it():
    assert "علي سامي يوسف" in person_names("ورد المتحدث علي سامي يوسف.")
    names = person_names("وعلق المتحدث علي الحكم. ورد المتحدث علي سامي يوسف.")
    assert not any(n.startswith("علي") for n in names)


def test_a_known_given_name_third_ends_a_name_as_the_fathers():
    assert "سامي حسن علي" in person_names("وقال الوزير سامي حسن علي إن الخطة جاهزة.")


def test_a_title_ending_in_a_noun_with_its_pronoun_takes_no_bare_adjective():
    names = person_names("وأرسلت الحكومة وزير داخليتها جان كلود مارتان إلى الحدود.")
    assert "وزير داخليتها" in names
    assert "جان كلود مارتان" in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال الناشط فادي حسن إن السجن ظالم. وطالبت المنظمة بالإفراج الفوري لفادي حسن أمس.", "فادي حسن"),
        ("وقال المحامي منصور العتيبي إن القضية معقدة. ووجهت الدعوة لمنصور العتيبي لحضور المؤتمر.", "منصور العتيبي"),
    ],
)
def test_a_preposition_before_a_given_name_stays_out_of_the_name(text, name):
    names = person_names(text)
    assert name in names and not any(n.startswith(("ل", "ب")) for n in names)


@pytest.mark.parametrize(
    "text",
    [
        "وتقدم نجل الوزير بإقالة المدير العام من منصبه.",
        "وقال المبعوث الخاص بعملية التسوية في المنطقة إن الحل قريب.",
        "وقالت الحكومة إن اللجان الفرعية ستعمل لإنهاء الأزمة.",
    ],
)
def test_a_title_followed_by_a_preposition_names_nobody_after_it(text):
    assert not any(n[0] in "لب" for n in person_names(text))


def test_the_preposition_is_no_part_of_a_full_name_after_its_surname():
    names = person_names("وقال الوزير كريم الجبوري إن الوضع هادئ. وتعود الخطة الأولى لبن الجبوري نفسه.")
    assert "لبن الجبوري" not in names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال المتحدث باسم الوزارة بسام الخطيب إن الاجتماع انتهى.", "بسام الخطيب"),
        ("وقال المتحدث باسم وزارة الصحة باسم الجبوري إن الوضع مستقر.", "باسم الجبوري"),
    ],
)
def test_a_name_that_opens_with_a_preposition_letter_stays_whole(text, name):
    assert name in person_names(text)


def test_words_of_prepositions_before_given_names_open_no_name():
    names = person_names("وقال المسؤول: لدينا ثقة كبيرة بالنتائج، وتبدل الميزان لصالح زياد في النهاية.")
    assert not any(n.startswith(("دينا", "صالح")) for n in names)


@pytest.mark.parametrize(
    ("text", "name", "after"),
    [
        ("وغادر السفير كريم فوراً إلى العاصمة.", "كريم", "فوراً"),
        ("ووصل الأمير فيصل وزوجته إلى المطار مساء الخميس.", "فيصل", "وزوجته"),
        ("وكان الوزير سامي وقتها يقيم في الخارج.", "سامي", "وقتها"),
        ("ونقلت الصحيفة عن المحلل رامي سلامة قوله إن الأزمة طويلة.", "رامي سلامة", "قوله"),
    ],
)
def test_a_name_ends_before_a_word_the_sentence_says_of_it(text, name, after):
    names = person_names(text)
    assert name in names
    assert not any(after in n for n in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال الوزير سامي أبو سها إن الحملة مستمرة.", "سامي أبو سها"),
        ("وأعلن الكاتب حسن شحاته أن الكتاب صدر.", "حسن شحاته"),
    ],
)
def test_a_short_word_or_one_without_a_conjunction_keeps_its_final_letters(text, name):
    assert name in person_names(text)
