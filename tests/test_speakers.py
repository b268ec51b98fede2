"""kg.speakers, kg.speaker_phrases and kg.unknown_names: who a statement is credited to, read
from the syntax whether or not a word list knows the speaker.

Articles go through the whole extraction pipeline (mentions, resolve, relations, statements), so
each case checks what a reader of the graph gets. The sentences are written for these tests.
"""

from __future__ import annotations

import re

import pytest

from kg.model import Article
from kg.pipeline import extract


def article_of(body: str) -> Article:
    """The extracted article of a body under a one-line title."""
    return extract("خبر اليوم\n\n" + body, "test")[0]


def credited(body: str) -> list[tuple[str, list[str], str]]:
    """(cue, speaker labels, content) of each statement of the body."""
    article = article_of(body)
    return [(s.cue, [article.entities[k].label_ar for k in s.speakers], s.content) for s in article.statements]


@pytest.mark.parametrize(
    ("body", "speaker", "country"),
    [
        # nisbas that open with the letters of the prepositions ل and ب
        ("وقالت مصادر ليبية إن المفاوضات بين الطرفين ستستأنف الأسبوع المقبل.", "مصادر ليبية", "country/libya"),
        ("وذكر مسؤولون بريطانيون أن الحكومة تدرس فرض عقوبات جديدة.", "مسؤولون بريطانيون", "country/united-kingdom"),
    ],
)
def test_a_source_with_a_nisba_is_a_person_of_that_country(body: str, speaker: str, country: str) -> None:
    article = article_of(body)
    assert [[article.entities[k].label_ar for k in s.speakers] for s in article.statements] == [[speaker]]
    (key,) = article.statements[0].speakers
    assert article.entities[key].type == "Person"
    assert article.entities[key].affiliation == [country]


@pytest.mark.parametrize("day", ["", "، الخميس،"])
def test_a_verb_takes_a_noun_as_its_content_with_its_clitic_preposition(day: str) -> None:
    found = credited(f"وأفادت مصادر سودانية{day} بوصول وفد حكومي إلى العاصمة التشادية.")
    assert found == [("وأفادت", ["مصادر سودانية"], "بوصول وفد حكومي إلى العاصمة التشادية")]


def test_the_name_after_the_subjects_name_rest_is_not_the_content() -> None:
    found = credited("وأفاد المرصد السوري لحقوق الإنسان بمقتل ثلاثة مدنيين في قصف على القرية.")
    assert [(cue, content) for cue, _speakers, content in found] == [("وأفاد", "بمقتل ثلاثة مدنيين في قصف على القرية")]


def test_an_unknown_name_after_a_title_is_the_titles_holder() -> None:
    # no list knows the name and the tagger doubts it; it stands between the title and the clause
    article = article_of("وقال وزير الدولة لشؤون النقل سلوم حمدات إن الطرق المغلقة ستفتح غدا.")
    (statement,) = article.statements
    (key,) = statement.speakers
    person = article.entities[key]
    assert (person.type, person.label_ar, person.role) == ("Person", "سلوم حمدات", "وزير الدولة لشؤون النقل")
    # the title is no entity of its own any more: it names the same man
    assert [e.label_ar for e in article.entities.values() if e.type == "Person"] == ["سلوم حمدات"]
    assert {m.entity for m in article.mentions if m.type == "Person"} == {key}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # set off by commas as the title's apposition, the date after it
        ("قال المتحدث باسم هيئة الموانئ، زامي أق دولي، الخميس، إن الرصيف الجديد سيفتح قريبا.", "زامي أق دولي"),
        # no comma: the day, with a part of the day before it, closes the name
        ("أعلن المتحدث باسم الهيئة زامي أق دولي فجر الخميس، إغلاق الميناء أمام السفن.", "زامي أق دولي"),
        ("أعلن المتحدث باسم الهيئة زامي أق دولي، إغلاق الميناء أمام السفن.", "زامي أق دولي"),
    ],
)
def test_an_unknown_name_set_off_after_a_title_is_the_titles_holder(body: str, name: str) -> None:
    article = article_of(body + "\nوذكر دولي أن العمل سيستأنف الأسبوع المقبل.")
    assert [[article.entities[k].label_ar for k in s.speakers] for s in article.statements] == [[name], [name]]


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        # the title serves a body the mentions stage knows; the surname has the article
        (
            "قال مدير العمليات في منظمة الصحة العالمية، نديم الزهراوي، إن اللقاحات ستصل قريبا.",
            "نديم الزهراوي",
            "مدير العمليات في منظمة الصحة العالمية",
        ),
        # the name the mentions stage found, where it was said after it
        (
            "وقال أمين عام منظمة التعاون الإسلامي، طارق الهنيدي في ختام الاجتماع إن الدول ستتحرك.",
            "طارق الهنيدي",
            "أمين عام منظمة التعاون الإسلامي",
        ),
    ],
)
def test_a_name_set_off_by_a_comma_after_a_title_with_a_body_is_the_speaker(body: str, name: str, role: str) -> None:
    article = article_of(body)
    assert [[article.entities[k].label_ar for k in s.speakers] for s in article.statements] == [[name]]
    person = article.entities[article.statements[0].speakers[0]]
    assert person.role == role
    assert [article.entities[k].type for k in person.affiliation] == ["Organization"]  # the body served
    assert role not in [e.label_ar for e in article.entities.values()]  # the title is no entity of its own


def test_a_clause_set_off_after_a_title_naming_someone_known_is_no_name() -> None:
    found = credited("وقال متحدث باسم الخارجية الفرنسية، رافق بومبيو في جولته، إن المحادثات كانت مثمرة.")
    assert [speakers for _cue, speakers, _content in found] == [["متحدث باسم الخارجية الفرنسية"]]


@pytest.mark.parametrize("gap", [" ", ""])
def test_saying_after_an_unnamed_source_is_no_word_of_it(gap: str) -> None:
    found = credited(f'ونقلت الوكالة عن مسؤول عسكري أردني قوله{gap}"الطائرات أطلقت عدة صواريخ باتجاه المواقع".')
    assert [speakers for _cue, speakers, _content in found] == [["مسؤول عسكري أردني"]]


def test_a_subject_before_qad_is_the_verbs_and_its_participles_and_the_words_after_the_verb_its_object() -> None:
    found = credited(
        "وقال المتحدث باسم الحكومة الهولندية إن لاهاي ستواصل الحوار.\n"
        'وكان ماكرون قد انتقد الخطة الجديدة للنقابات، قائلاً إنها "تتجاهل مطالب العمال منذ سنوات"، '
        "مضيفاً أن الحكومة لن تتراجع."
    )
    assert [(cue, speakers) for cue, speakers, _content in found][1:] == [
        ("انتقد", ["إيمانويل ماكرون"]),
        ("قائلاً", ["إيمانويل ماكرون"]),
        ("مضيفاً", ["إيمانويل ماكرون"]),
    ]


def test_a_participle_after_a_lead_in_goes_with_the_person_its_verb_has_for_subject() -> None:
    found = credited(
        "وقال المتحدث باسم الحكومة الهولندية إن لاهاي ستواصل الحوار.\n"
        "وفي هذا السياق وجه ماكرون، الأسبوع الماضي، رسالة إلى النقابات، موضحاً أن الحكومة لن تتراجع."
    )
    assert [(cue, speakers) for cue, speakers, _content in found][1:] == [("موضحاً", ["إيمانويل ماكرون"])]


@pytest.mark.parametrize(
    ("document", "verb", "author"),
    [
        ("تغريدة للبرادعي على حسابه", "قال", "محمد البرادعي"),  # by the surname, ل before the article
        ("بيان لوزارة الخارجية المصرية", "قالت", "وزارة الخارجية المصرية"),
    ],
)
def test_a_bare_verb_after_the_document_it_came_in_is_the_documents_author(
    document: str, verb: str, author: str
) -> None:
    found = credited(
        "قال وزير الخارجية الأردني أيمن الصفدي إن الحوار سيستمر.\n"
        "ووصف محمد البرادعي الزيارة بأنها متأخرة.\n"
        f'جاء ذلك في {document}، حيث {verb}: "لن تغير الزيارة شيئا في الواقع".'
    )
    assert [(cue, speakers) for cue, speakers, _content in found][-1] == (verb, [author])


def test_a_verbal_noun_content_is_not_given_up_for_a_clause_after_a_comma() -> None:
    found = credited(
        "أعلنت المملكة الأردنية الهاشمية، الثلاثاء، تأييدها للخطوات التي اتخذتها الحكومة المصرية، "
        "معبرة عن أملها بأن تنجح المفاوضات."
    )
    (cue, speakers, content), *_rest = found
    assert (cue, speakers) == ("أعلنت", ["الأردن"])
    assert content.startswith("تأييدها للخطوات")


def test_a_name_after_a_preposition_right_before_a_verb_is_no_subject() -> None:
    found = credited(
        "ونفى المتحدث باسم الحكومة الهولندية أن يكون الوزير قد استقال.\n"
        'وعندما سئل ماكرون عن موقف بلاده إزاء سوريا قال "نحن لسنا طرفا في هذه الحرب".'
    )
    assert [(cue, speakers) for cue, speakers, _content in found][-1] == ("قال", ["إيمانويل ماكرون"])


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        ("وكان الإعلام الأردني أفاد، الأربعاء، أنه تم التوصل إلى اتفاق بين الطرفين.", [["الإعلام الأردني"]]),
        ("وذكر الإعلام الرسمي الأردني أن الاتفاق سيوقع غدا.", [["الإعلام الرسمي الأردني"]]),
        ("وقال الإعلام إن الاتفاق سيوقع غدا.", []),  # no country's: no one
    ],
)
def test_a_countrys_media_by_its_nisba_speak(body: str, speakers: list[list[str]]) -> None:
    assert [found for _cue, found, _content in credited(body)] == speakers


def test_a_bodys_genitive_name_ends_before_the_day() -> None:
    found = credited("وقال المرصد الأردني لشؤون المياه الجمعة إن الجفاف يهدد المحاصيل.")
    assert [speakers for _cue, speakers, _content in found] == [["المرصد الأردني لشؤون المياه"]]


def test_a_relaying_agency_with_its_quoted_short_name_passes_its_source_on() -> None:
    found = credited('ونقلت وكالة الأنباء الأردنية "بترا" عن مصدر طبي قوله إن سبعة على الأقل أصيبوا بجروح.')
    assert [speakers for _cue, speakers, _content in found] == [["مصدر طبي"]]


def test_a_lead_in_set_off_after_a_title_is_no_name() -> None:
    found = credited("قال المتحدث باسم الهيئة، عقب اجتماع مطول، إن العمل سيستأنف غدا.")
    assert [speakers for _cue, speakers, _content in found] == [["المتحدث باسم الهيئة"]]


def test_a_feminine_verb_goes_on_with_a_woman_named_under_a_masculine_title() -> None:
    found = credited(
        "وقال وزير الدولة لشؤون الاستثمار نبيلة كرايسلر إن الحكومة ستخفض الضرائب.\n"
        "وأضافت أن القرار يشمل الشركات الناشئة."
    )
    assert [(cue, speakers) for cue, speakers, _content in found] == [
        ("وقال", ["نبيلة كرايسلر"]),
        ("وأضافت", ["نبيلة كرايسلر"]),
    ]


@pytest.mark.parametrize(
    ("body", "speaker", "affiliation"),
    [
        # a source tied by في or ب to a body no list knows
        ("وذكر مصدر في الجمارك أن الشحنة ضبطت في الميناء.", "مصدر في الجمارك", []),
        ("وقال مسؤول في سلاح البحرية الهندي إن السفينة عادت.", "مسؤول في سلاح البحرية الهندي", ["country/india"]),
        ("وقال مسؤول كبير بالإدارة إن القرار لم يتخذ بعد.", "مسؤول كبير بالإدارة", []),
    ],
)
def test_a_source_of_a_body_no_list_knows(body: str, speaker: str, affiliation: list[str]) -> None:
    article = article_of(body)
    (statement,) = article.statements
    (key,) = statement.speakers
    assert (article.entities[key].label_ar, article.entities[key].affiliation) == (speaker, affiliation)


def test_a_definite_body_with_a_nisba_speaks_for_itself() -> None:
    article = article_of("وقالت الشرطة الكينية إن عشرة أشخاص اعتقلوا بعد المواجهات.")
    (statement,) = article.statements
    (key,) = statement.speakers
    assert (article.entities[key].type, article.entities[key].label_ar) == ("Force", "الشرطة الكينية")
    assert article.entities[key].affiliation == ["country/kenya"]


def test_a_definite_title_with_a_nisba_met_first_is_a_person_of_its_own() -> None:
    # "لوكالة ..." after the title is whom he spoke to, not the body he serves
    found = credited("وقال القنصل الأردني لوكالة الأنباء إن الجالية بخير.\nوأضاف القنصل أن السفارة تتابع.")
    assert found == [
        ("وقال", ["القنصل الأردني"], "الجالية بخير"),
        ("وأضاف", ["القنصل الأردني"], "السفارة تتابع"),
    ]


def test_a_definite_title_refers_back_to_the_person_it_was_given_to() -> None:
    found = credited("وقال القنصل الأردني زياد المجالي إن الجالية بخير.\nوقال القنصل الأردني إن السفارة تتابع.")
    assert [speakers for _cue, speakers, _content in found] == [["زياد المجالي"], ["زياد المجالي"]]


def test_a_plural_verb_does_not_go_on_with_one_person() -> None:
    found = credited("وقال وزير الخارجية المصري سامح شكري إن مصر ترفض التصعيد.\nوأضافوا أن الحوار مستمر.")
    assert [(cue, speakers) for cue, speakers, _content in found] == [("وقال", ["سامح شكري"])]


def test_a_subject_no_one_knows_before_qad_is_no_last_speaker() -> None:
    # the body named by its head alone speaks for itself, not for the last speaker
    found = credited("وقال وزير الخارجية المصري سامح شكري إن مصر ترفض التصعيد.\nوكان الائتلاف قد حذر من أن الهدنة هشة.")
    assert [(cue, speakers) for cue, speakers, _content in found] == [("وقال", ["سامح شكري"]), ("حذر", ["الائتلاف"])]


def test_a_verb_inside_a_clause_does_not_go_on_with_the_last_speaker() -> None:
    found = credited(
        "وقال وزير الخارجية المصري سامح شكري إن مصر ترفض التصعيد.\n"
        "ونشر التنظيم شريطا مصورا يدعو إلى الانضمام إلى صفوفه.\n"
        "لكنه أضاف أن القاهرة تتابع."
    )
    assert [(cue, speakers) for cue, speakers, _content in found] == [("وقال", ["سامح شكري"]), ("أضاف", ["سامح شكري"])]


def test_the_name_right_after_the_verb_is_its_subject() -> None:
    found = credited(
        "التقى المبعوث الأممي هانس غروندبرغ بوزير الخارجية اليمني أحمد عوض بن مبارك.\n"
        "وأضاف غروندبرغ الذي خلف المبعوث السابق مارتن غريفيث أنه سيواصل جهوده."
    )
    assert [speakers for _cue, speakers, _content in found] == [["هانس غروندبرغ"]]


def test_moving_something_to_a_place_is_no_report() -> None:
    found = credited(
        "وقال وزير الخارجية المصري سامح شكري إن مصر ترفض القرار.\nوجاء ذلك بعد نقل السفارة الأمريكية إلى القدس."
    )
    assert [cue for cue, _speakers, _content in found] == ["وقال"]


def test_a_subject_before_qad_after_kana_speaks() -> None:
    found = credited(
        "وقال الرئيس التركي رجب طيب أردوغان إن بلاده لن تتراجع.\n"
        "وكان الرئيس التركي قد أكد في تصريحات سابقة أن العملية ستستمر."
    )
    assert [speakers for _cue, speakers, _content in found] == [["رجب طيب أردوغان"], ["رجب طيب أردوغان"]]


def test_a_feminine_verb_does_not_go_on_with_a_country_after_a_preposition() -> None:
    found = credited(
        "وقالت الوزيرة سميرة الخطيب إن الوزارة تدعم الفنانين.\n"
        "وافتتحت مهرجانا للفنون في المغرب، كما قالت في حديث مع الإذاعة إن الدعم سيزيد."
    )
    assert [speakers for _cue, speakers, _content in found] == [["سميرة الخطيب"], ["سميرة الخطيب"]]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a body no list knows, its head feminine like its verb, with a genitive after ل
        ("وقالت الفيدرالية الدولية للصحفيين إن الحكم ضربة لحرية الصحافة.", "الفيدرالية الدولية للصحفيين"),
        # its name stops at the place after في
        ("وأعلنت المفوضية العليا للانتخابات في كينيا أن نسبة المشاركة بلغت 40 في المئة.", "المفوضية العليا للانتخابات"),
        # a comma and a date between it and the clause
        ("وأكدت الجمعية الكويتية لحقوق العمال، الأحد، أن العمال يستحقون الحماية.", "الجمعية الكويتية لحقوق العمال"),
    ],
)
def test_an_unknown_definite_body_before_the_clause_is_the_speaker(body: str, speaker: str) -> None:
    article = article_of(body)
    (statement,) = article.statements
    (key,) = statement.speakers
    assert (article.entities[key].label_ar, article.entities[key].type) == (speaker, "Organization")


def test_an_unknown_body_is_referred_back_to_by_its_head() -> None:
    found = credited(
        "وأعلنت المفوضية العليا للانتخابات أن نسبة المشاركة بلغت 40 في المئة.\n"
        "وأضافت المفوضية أن النتائج النهائية ستعلن يوم الاثنين."
    )
    assert [speakers for _cue, speakers, _content in found] == [["المفوضية العليا للانتخابات"]] * 2


def test_a_title_and_an_unknown_name_are_no_body() -> None:
    # a feminine title before a name is a person (or nobody known), never an Organization
    article = article_of("وكشفت الناشطة سلمى قادري أن السلطات اعتقلت العشرات.")
    assert not [e for e in article.entities.values() if e.type == "Organization"]


@pytest.mark.parametrize(
    "second",
    [
        "واعتبر حقوقيون وصحفيون أن القرار يضر بالفقراء.",  # a nominative plural
        "وقال عدد من الذين شاركوا في المظاهرة إن الشرطة أطلقت النار.",  # a quantifier before a clause
        "وأكد الزعيمان على ضرورة الحوار بين الأحزاب.",  # a definite dual
    ],
)
def test_a_subject_known_by_its_form_is_not_the_last_speaker(second: str) -> None:
    found = credited("وقال وزير الخارجية أيمن الصفدي إن الحكومة ستخفض الضرائب.\n" + second)
    assert [(cue, speakers) for cue, speakers, _content in found] == [("وقال", ["أيمن الصفدي"])]


def test_a_masculine_verb_does_not_go_on_with_the_subject_of_a_feminine_verb() -> None:
    found = credited("وقالت وزارة الخارجية إن الحدود ستفتح غدا.\nويرى أن القرار جاء متأخرا.")
    assert [(cue, speakers) for cue, speakers, _content in found] == [("وقالت", ["وزارة الخارجية"])]


def test_a_relayed_speaker_goes_on_after_a_feminine_relaying_verb() -> None:
    found = credited(
        "ونقلت وكالة الأنباء الرسمية عن وزير الخارجية أيمن الصفدي قوله إن الحكومة ستخفض الضرائب.\n"
        "وأضاف أن القرار نهائي."
    )
    assert [speakers for _cue, speakers, _content in found] == [["أيمن الصفدي"], ["أيمن الصفدي"]]


@pytest.mark.parametrize(
    ("body", "speaker", "kind"),
    [
        # a nisba of a direction (غربي folds to غرب for places, yet qualifies the source)
        ("قال دبلوماسي غربي في تصريح للصحفيين إن المفاوضات متعثرة.", "دبلوماسي غربي", "Person"),
        # the phrase is whole when its body is named; a noun content follows it
        (
            "وأكد متحدث باسم جهاز الدفاع المدني الكندي عدم وقوع إصابات.",
            "متحدث باسم جهاز الدفاع المدني الكندي",
            "Person",
        ),
        # a body named by its head alone
        ("وقالت الشرطة في بيان لها إن المشتبه به اعتقل.", "الشرطة", "Force"),
        # a reporter works for the outlet after ل (a source speaks to it)
        ("وقال مراسل لوكالة الأنباء الأردنية في المكان إن الطريق أغلق.", "مراسل لوكالة الأنباء الأردنية", "Person"),
        # a group of people, told apart by any word after it: a genitive noun, an adjective, a nisba,
        # the body it belongs to (with a second one coordinated to it)
        ("وأكد شهود عيان أن الشرطة فرقت المتجمعين أمام المحكمة.", "شهود عيان", "Person"),
        ("وذكر سكان محليون أن التيار الكهربائي انقطع عن الحي ليلا.", "سكان محليون", "Person"),
        ("وقال نشطاء حقوقيون إن السلطات نقلت المعتقلين إلى سجن آخر.", "نشطاء حقوقيون", "Person"),
        ("وقال برلمانيون من الأغلبية إن الميزانية ستعرض الأسبوع المقبل.", "برلمانيون من الأغلبية", "Person"),
        (
            "وقال برلمانيون من الأغلبية والمعارضة إن الميزانية ستعرض قريبا.",
            "برلمانيون من الأغلبية والمعارضة",
            "Person",
        ),
        # or alone, right before what it said
        ("وقال ناشطون إن السلطات نقلت المعتقلين إلى سجن آخر.", "ناشطون", "Person"),
        ("ويرى مراقبون، أن الهدنة لن تصمد طويلا.", "مراقبون", "Person"),
        ("ويقول المسؤولون إن الجسر سيفتح أمام السيارات في الربيع.", "المسؤولون", "Person"),
    ],
)
def test_an_unnamed_speaker_phrase_is_read_whole(body: str, speaker: str, kind: str) -> None:
    article = article_of(body)
    (statement,) = article.statements
    (key,) = statement.speakers
    assert (article.entities[key].label_ar, article.entities[key].type) == (speaker, kind)


@pytest.mark.parametrize(
    "body",
    [
        "قال مصدر مطلع إن الاجتماع تأجل إلى الأسبوع المقبل.",  # identifies no one (GOLD_FORMAT)
        "وأفادت التقارير بأن الاجتماع تأجل إلى الأسبوع المقبل.",  # a generic head alone
    ],
)
def test_a_speaker_no_one_could_tell_apart_makes_no_statement(body: str) -> None:
    assert article_of(body).statements == []


def test_a_statement_that_came_in_a_document_makes_its_speaker_the_documents_issuer() -> None:
    found = credited(
        "أعلن المتحدث باسم الخارجية الكندية سامر خليل تأييد بلاده للقرار.\n"
        "جاء ذلك في بيان وصل إلى الصحفيين نسخة منه.\n"
        'وأضاف البيان: "إن الحكومة ستواصل العمل مع شركائها".'
    )
    assert [(cue, speakers) for cue, speakers, _content in found] == [
        ("أعلن", ["سامر خليل"]),
        ("وأضاف", ["سامر خليل"]),
    ]


def test_a_feminine_noun_after_a_masculine_verb_is_its_object_not_its_speaker() -> None:
    found = credited("ونفى الرئيس سامر خليل ارتكاب أي مخالفات، واتهم الشرطة ووسائل الإعلام بالتآمر عليه.")
    assert "الشرطة" not in [speaker for _cue, speakers, _content in found for speaker in speakers]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a feminine verb, a quoted name opening with a feminine noun, its object after it
        ('ودعت "هيئة علماء الساحل" الحكومة إلى فتح المعابر.', "هيئة علماء الساحل"),
        # a masculine verb and a clause after the quoted name
        ("وقال «تجمع الأطباء المستقلين» إن المستشفيات تعمل بنصف طاقتها.", "تجمع الأطباء المستقلين"),
        # a name holding words the mentions stage reads on their own (الحوار الوطني)
        ('وأعلنت "لجنة الحوار الوطني" أن الجلسة الأولى ستعقد غداً.', "لجنة الحوار الوطني"),
    ],
)
def test_a_quoted_name_right_after_its_verb_is_the_speaker(body: str, speaker: str) -> None:
    article = article_of(body)
    (statement,) = article.statements
    assert [(article.entities[k].label_ar, article.entities[k].type) for k in statement.speakers] == [
        (speaker, "Organization")
    ]
    assert not statement.content.startswith(('"', "\u00ab"))


def test_a_quotation_after_its_verb_that_is_what_was_said_names_no_speaker() -> None:
    statements = credited('وقال وزير المالية سامي النجار إن العجز تراجع. وأكد "أن الإصلاحات ستستمر".')
    assert [speakers for _cue, speakers, _content in statements] == [["سامي النجار"], ["سامي النجار"]]


@pytest.mark.parametrize(
    "body",
    [
        # before عن, set off by a comma
        "أعلن المتحدث الإعلامي لوزارة الزراعة التونسية، عن إتلاف أطنان من المبيدات المهربة.",
        "وقال المتحدث الرسمي لوزارة الزراعة التونسية إن الموسم سيكون جيداً.",
    ],
)
def test_a_definite_title_tied_to_a_known_body_is_a_speaker_of_its_own(body: str) -> None:
    article = article_of(body)
    (statement,) = article.statements
    (key,) = statement.speakers
    speaker = article.entities[key]
    assert speaker.type == "Person"
    assert speaker.label_ar.startswith("المتحدث") and speaker.label_ar.endswith("وزارة الزراعة التونسية")
    assert [article.entities[k].label_ar for k in speaker.affiliation] == ["وزارة الزراعة التونسية"]


def test_a_definite_title_serving_another_body_is_not_the_last_speaker() -> None:
    statements = credited(
        "وقال المتحدث الرسمي لوزارة الصحة الليبية إن الوضع مستقر. "
        "وقال وزير الداخلية الليبي خالد الورفلي إن الطرق آمنة. "
        "وأضاف المتحدث الرسمي لوزارة الصحة الليبية أن اللقاحات وصلت. "
        "وأكد المتحدث الرسمي لوزارة التعليم الليبية أن الامتحانات في موعدها."
    )
    speakers = [speakers for _cue, speakers, _content in statements]
    assert speakers == [
        ["المتحدث الرسمي لوزارة الصحة الليبية"],
        ["خالد الورفلي"],
        ["المتحدث الرسمي لوزارة الصحة الليبية"],
        ["المتحدث الرسمي لوزارة التعليم الليبية"],
    ]


def test_the_statement_refers_back_to_its_issuer_across_other_speakers() -> None:
    statements = credited(
        "وأصدرت وزارة الخارجية الكويتية بياناً حول القمة. "
        "وقال وزير الخارجية العماني بدر البوسعيدي إن القمة ناجحة. "
        "وأضاف البيان أن الكويت ستستضيف القمة المقبلة.\n\n"
        "وفي بيان مشترك صدر عن تونس وليبيا، اتفق البلدان على فتح المعبر. "
        "وقال وزير الداخلية الليبي خالد الورفلي إن المعبر آمن. "
        "وجاء في البيان المشترك أن اللجنة ستجتمع شهرياً.\n\n"
        "ونشرت الرئاسة الجزائرية بياناً على صفحتها. وتابع البيان أن الرئيس سيزور روما."
    )
    said = {content: speakers for _cue, speakers, content in statements}
    assert said["الكويت ستستضيف القمة المقبلة"] == ["وزارة الخارجية الكويتية"]
    assert said["اللجنة ستجتمع شهرياً"] == ["تونس", "ليبيا"]
    assert said["الرئيس سيزور روما"] == ["الرئاسة الجزائرية"]


def test_a_group_of_people_alone_speaks_only_before_what_it_said() -> None:
    found = credited(
        "وقال وزير المالية سامي الخطيب إن العجز تراجع.\nوتظاهر ناشطون أمام الوزارة، وقال ناشطون في المدينة."
    )
    assert [speakers for _cue, speakers, _content in found] == [["سامي الخطيب"]]


def test_a_group_named_in_another_case_refers_back_to_it() -> None:
    found = credited("وقال مسؤولون مغاربة إن الطريق سيغلق يومين.\nلكن أحد المسؤولين أكد أن الإغلاق قد يطول.")
    assert [speakers for _cue, speakers, _content in found] == [["مسؤولون مغاربة"], ["مسؤولون مغاربة"]]


@pytest.mark.parametrize(
    ("body", "speaker", "affiliation"),
    [
        ("وقال أحد سكان المدينة إن القصف استمر طوال الليل.", "أحد سكان المدينة", []),
        ('وقال أحد الرهائن: "عاملونا بقسوة".', "أحد الرهائن", []),
        # the addressee after ل is no part of the group, and the content starts after it
        (
            "وأكد أحد أعضاء وفد حركة حماس لوكالة الأنباء الألمانية التوصل إلى اتفاق.",
            "أحد أعضاء وفد حركة حماس",
            ["حماس"],
        ),
    ],
)
def test_one_of_a_group_is_an_unnamed_person(body: str, speaker: str, affiliation: list[str]) -> None:
    article = article_of(body)
    (statement,) = article.statements
    (key,) = statement.speakers
    entity = article.entities[key]
    assert (entity.label_ar, entity.type) == (speaker, "Person")
    assert [article.entities[k].label_ar for k in entity.affiliation] == affiliation
    assert not statement.content.startswith("لوكالة")


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        ("وقال بعض الشهود إن الشرطة أطلقت النار في الهواء.", ["الشهود"]),
        ("وأكد عدد من قادة المعارضة أن الانتخابات مزورة.", ["قادة المعارضة"]),
        ("وأعرب بعض دبلوماسيي الاتحاد الأوروبي عن قلقهم من التصعيد.", ["دبلوماسيي الاتحاد الأوروبي"]),
        ("ويرى معظم المحللين، أن الاقتصاد يتراجع.", ["المحللين"]),
        ("وأكدت بعض الدول الأوروبية والصين أنها ستلتزم بالاتفاق.", ["الدول الأوروبية", "الصين"]),
        ("وبحسب العديد من السكان، فإن القصف استمر حتى الفجر.", ["السكان"]),
    ],
)
def test_a_part_of_a_group_speaks_as_the_group(body: str, speakers: list[str]) -> None:
    found = credited("وقال وزير الخارجية أيمن الصفدي إن الحكومة ستخفض الضرائب.\n" + body)
    assert [names for _cue, names, _content in found] == [["أيمن الصفدي"], speakers]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقال أعضاء في البرلمان العراقي إن الجلسة تأجلت.", "أعضاء في البرلمان العراقي"),
        ("وقال قادة في المعارضة إن الهدنة انهارت.", "قادة في المعارضة"),
        ("وقال أهالي الضحايا إن التحقيق لم يبدأ بعد.", "أهالي الضحايا"),
        ("وأكد ممثلو النقابات أن الإضراب مستمر.", "ممثلو النقابات"),
    ],
)
def test_members_and_leaders_of_a_body_speak_not_the_last_speaker(body: str, speaker: str) -> None:
    found = credited("وقال وزير الخارجية أيمن الصفدي إن الحكومة ستخفض الضرائب.\n" + body)
    assert [names for _cue, names, _content in found] == [["أيمن الصفدي"], [speaker]]
    assert not found[1][2].startswith(speaker.split()[0])


@pytest.mark.parametrize(
    "second",
    [
        "واستنكرت العديد من الدول الهجوم، من بينها الأردن.",  # the object in the phrase
        "ويسود هدوء حذر معظم مدن المحافظة بعد التوصل إلى هدنة.",  # an adjective read as a cue, a time word
    ],
)
def test_a_group_before_an_object_is_no_subject(second: str) -> None:
    found = credited("وقال وزير الخارجية أيمن الصفدي إن الحكومة ستخفض الضرائب.\n" + second)
    assert [names for _cue, names, _content in found] == [["أيمن الصفدي"]]


def test_one_of_a_group_read_before_is_that_group() -> None:
    found = credited("وقال مسؤولون أمريكيون إن المفاوضات تعثرت.\nوقال أحد المسؤولين إن الجولة المقبلة ستعقد قريبا.")
    assert [speakers for _cue, speakers, _content in found] == [["مسؤولون أمريكيون"], ["مسؤولون أمريكيون"]]


@pytest.mark.parametrize(
    "second",
    [
        "وقال أحد كبار موظفي شركة النفط الوطنية العاملة بالجنوب إن الرواتب تأخرت.",  # no short group
        "وقال أحد الذين شاركوا في المظاهرة إن الشرطة تدخلت.",  # a relative clause
        "وتقول إحدى الروايات التاريخية إن المدينة بنيت قبل ألف عام.",  # one of some things
    ],
)
def test_one_of_no_short_group_is_nobody_known(second: str) -> None:
    found = credited("وقال وزير المالية سامي الخطيب إن العجز تراجع.\n" + second)
    assert [speakers for _cue, speakers, _content in found] == [["سامي الخطيب"]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وطالب وزير الصحة رامي الحداد بفتح تحقيق في الحادث.", [("وطالب", ["رامي الحداد"], "بفتح تحقيق في الحادث")]),
        (
            "فيما طالب المرصد السوري لحقوق الإنسان بحماية المدنيين.",
            [("طالب", ["المرصد السوري لحقوق الإنسان"], "بحماية المدنيين")],
        ),
        ("وقتل طالب جامعي بالرصاص في المدينة.", []),  # a student
        ("وطالب الحسيني من أبرز وجوه الحي.", []),  # a given name: no demand follows
    ],
)
def test_the_past_of_demand_is_a_cue_only_where_it_opens_a_clause(body: str, expected: list) -> None:
    assert credited(body) == expected


def test_a_plural_verb_and_participle_go_on_with_a_group_of_people() -> None:
    found = credited(
        "وقال نشطاء معارضون إن القصف طال مدرسة في القرية، مؤكدين أن الضحايا من الأطفال.\n"
        "وأضافوا أن فرق الإنقاذ لم تصل بعد."
    )
    assert [(cue, speakers) for cue, speakers, _content in found] == [
        ("وقال", ["نشطاء معارضون"]),
        ("مؤكدين", ["نشطاء معارضون"]),
        ("وأضافوا", ["نشطاء معارضون"]),
    ]


def test_the_sources_are_not_a_group_of_people_met_before() -> None:
    found = credited(
        "وقال سكان محليون إن الطائرات حلقت فوق البلدة طوال الليل.\n"
        "وأصيب عشرة أشخاص في القصف، وفق المصادر الطبية.\n"
        "وقال الشهود إن الدخان غطى السوق."
    )
    assert [(cue, speakers) for cue, speakers, _content in found] == [("وقال", ["سكان محليون"]), ("وقال", ["الشهود"])]


def test_a_group_of_people_as_an_object_is_not_the_last_person() -> None:
    found = credited(
        "وقال نائب الرئيس التونسي إن الانتخابات ستجري في موعدها. "
        "وقالت هيئة الأرصاد إن العاصفة تقترب من الساحل وحثت السكان على البقاء في منازلهم."
    )
    assert [speakers for _cue, speakers, _content in found] == [["نائب الرئيس التونسي"], ["هيئة الأرصاد"]]


@pytest.mark.parametrize(
    "body",
    [
        "ونقلت الإذاعة عن نشطاء معارضين قولهم إن الاعتقالات طالت العشرات.",
        "ونقلت الإذاعة عن نشطاء معارضين تأكيدهم أن الاعتقالات طالت العشرات.",
    ],
)
def test_a_group_of_people_a_relaying_verb_names_is_the_source(body: str) -> None:
    found = credited(body)
    assert [(speakers, content) for _cue, speakers, content in found] == [
        (["نشطاء معارضين"], "الاعتقالات طالت العشرات")
    ]


def test_a_dual_verb_after_qad_has_both_coordinated_subjects_before_it() -> None:
    found = credited("وكان الرئيس الفرنسي إيمانويل ماكرون والمستشارة الألمانية أنجيلا ميركل قد أكدا أن الحوار مستمر.")
    assert [(cue, speakers) for cue, speakers, _content in found] == [("أكدا", ["إيمانويل ماكرون", "أنجيلا ميركل"])]


@pytest.mark.parametrize(
    "second",
    [
        "وقال الرئيس التونسي الباجي قائد السبسي إن البلاد تجاوزت الأزمة.",  # another country's president
        "وأكد الرئيس التونسي أن البلاد تجاوزت الأزمة.",
    ],
)
def test_a_title_with_another_nisba_is_not_the_person_met_before(second: str) -> None:
    found = credited("قال رئيس الوزراء العراقي حيدر العبادي إن الانتخابات ستجري في موعدها.\n\n" + second)
    assert [speakers for _cue, speakers, _content in found][0] == ["حيدر العبادي"]
    assert all(speakers != ["حيدر العبادي"] for _cue, speakers, _content in found[1:])


def test_a_title_with_the_same_nisba_is_the_person_met_before() -> None:
    found = credited("قال وزير الخارجية الأردني أيمن الصفدي إن المعبر سيفتح.\n\nوأكد الوزير الأردني أن الأمن مستتب.")
    assert [speakers for _cue, speakers, _content in found] == [["أيمن الصفدي"], ["أيمن الصفدي"]]


@pytest.mark.parametrize(
    ("body", "speaker", "affiliation"),
    [
        ("وقال مسؤولان تونسيان إن الحدود ستفتح الأسبوع المقبل.", "مسؤولان تونسيان", ["country/tunisia"]),
        ("وقال مصدران إن الوزير سيقدم استقالته.", "مصدران", []),
        # an adverbial between the group and what it said: its number told it apart already
        ("وقال مصدران في وقت لاحق، إن الوزير عدل عن استقالته.", "مصدران", []),
        ("وذكر دبلوماسيان أوروبيان أن الاجتماع أرجئ.", "دبلوماسيان أوروبيان", []),
    ],
)
def test_two_unnamed_speakers_are_one_unnamed_person(body: str, speaker: str, affiliation: list[str]) -> None:
    article = article_of(body)
    (statement,) = article.statements
    (key,) = statement.speakers
    person = article.entities[key]
    assert (person.type, person.label_ar, person.affiliation) == ("Person", speaker, affiliation)


def test_one_of_two_sources_read_before_is_those_sources() -> None:
    found = credited("وقال مصدران مطلعان إن الوفد وصل.\nوأضاف أحد المصدرين أن المحادثات ستبدأ غدا.")
    assert [speakers for _cue, speakers, _content in found] == [["مصدران مطلعان"], ["مصدران مطلعان"]]


@pytest.mark.parametrize(
    "body",
    [
        "أكد مراقبون دوليون أن الانتخابات جرت بهدوء.\nونقلت الإذاعة عن مراقبين دوليين قولهم إن المشاركة مرتفعة.",
        "قال مسؤولان أمنيان إن المسلحين فروا.\nونقلت الإذاعة عن مسؤولين أمنيين قولهما إن البحث مستمر.",
    ],
)
def test_an_unnamed_group_in_another_case_is_one_group(body: str) -> None:
    speakers = {key for s in article_of(body).statements for key in s.speakers}
    assert len(speakers) == 1


def test_an_unnamed_speaker_and_a_group_of_its_kind_stay_two() -> None:
    found = credited("قال مسؤول أمني إن المسلحين فروا.\nوقال مسؤولون أمنيون إن البحث مستمر في القرى.")
    assert [speakers for _cue, speakers, _content in found] == [["مسؤول أمني"], ["مسؤولون أمنيون"]]


def test_a_named_outlet_after_a_speakers_nisba_is_whom_they_spoke_to() -> None:
    article = article_of("وقال مسؤولون فرنسيون لرويترز إن السفينة غادرت الميناء.")
    (statement,) = article.statements
    (key,) = statement.speakers
    person = article.entities[key]
    assert (person.label_ar, person.affiliation) == ("مسؤولون فرنسيون", ["country/france"])


def test_a_blame_verb_without_the_blame_makes_no_speaker() -> None:
    # "carried": the subject is read as no speaker, so no unnamed person is made for it
    article = article_of("وحمل متظاهرون غاضبون لافتات كتبت عليها شعارات ضد الحكومة.")
    assert article.statements == []
    assert not [e for e in article.entities.values() if e.label_ar.startswith("متظاهرون")]


@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        # set off by commas after the body the title serves in; no list knows the name
        (
            "من جانبه، أوضح رئيس مجلس الإدارة في الهيئة الوطنية للطيران، سامر الخطيب، أن الرحلات ستستأنف.",
            "سامر الخطيب",
            "رئيس مجلس الإدارة في الهيئة الوطنية للطيران",
        ),
        # no comma: the name the mentions stage found right after the place
        (
            "وقال منسق الشؤون الإنسانية في الأمم المتحدة للأراضي المحتلة جون سميث إن البعثة ستبقى.",
            "جون سميث",
            "منسق الشؤون الإنسانية في الأمم المتحدة للأراضي المحتلة",
        ),
        # an envoy to a body: إلى ties the title to the place it serves in
        (
            "وقال مبعوث الأردن إلى الأمم المتحدة جون سميث إن البعثة ستبقى.",
            "جون سميث",
            "مبعوث الأردن إلى الأمم المتحدة",
        ),
        # a rank between the comma and the name
        (
            "وأكد سفير بلاده لدى الاتحاد الأفريقي، العميد مالك الراشد، أن البعثة ستبقى.",
            "مالك الراشد",
            "سفير بلاده لدى الاتحاد الأفريقي",
        ),
    ],
)
def test_a_name_after_a_title_serving_in_a_place_is_the_speaker_not_the_last_one(
    body: str, name: str, role: str
) -> None:
    article = article_of("وقال الوزير خالد العمر إن الطرق ستفتح. " + body)
    assert [[article.entities[k].label_ar for k in s.speakers] for s in article.statements] == [["خالد العمر"], [name]]
    person = article.entities[article.statements[1].speakers[0]]
    assert person.role == role
    title = re.split(" (?:في|لدى|إلى) ", role)[0]
    assert not [e for e in article.entities.values() if e.label_ar == title]  # no entity of its own


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # علي spelt with yeh is a given name, though it folds to the preposition على
        ("وقال مدير الهيئة علي مجاور إن العمل سيستأنف.", "علي مجاور"),
        ("وأكد سفير اليمن في الأمم المتحدة، علي مجاور، أن الحكومة منفتحة.", "علي مجاور"),
        # the preposition على after the title is no name
        ("وقال مدير الهيئة على هامش المؤتمر إن العمل سيستأنف.", "مدير الهيئة"),
        # nor is على spelt with yeh, when no clause or comma closes the words after it
        ("وشدد مدير الهيئة علي ضرورة الإسراع في تنفيذ الاتفاق.", None),
    ],
)
def test_ali_spelt_with_yeh_opens_a_name_after_a_title(body: str, speaker: str | None) -> None:
    assert [speakers for _cue, speakers, _content in credited(body)] == ([[speaker]] if speaker else [])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the last speaker was a group: the prosecutor is no one of them, but an unnamed official
        ("وقال خبراء إن المحاكمة ستطول. من جهته، قال النائب العام انه سيكون حاضرا.", [["خبراء"], ["النائب العام"]]),
        # the last speaker holds another title: "the minister" is not the prime minister
        (
            "قال رئيس الوزراء سامي العلي إن المحاكمة ستطول. وقال الوزير إن الجلسة ستعقد غدا.",
            [["سامي العلي"]],
        ),
        # a name no list knows after the definite title is the speaker
        ("وقال خبراء إن المحاكمة ستطول. من جهته، قال الوزير علي مجاور إنه سيكون حاضرا.", [["خبراء"], ["علي مجاور"]]),
        # the same title refers back; so does a synonym of an unnamed speaker's title
        ("قال وزير الخارجية سامي العلي إن المحاكمة ستطول. وأضاف الوزير أن الجلسة ستعقد غدا.", [["سامي العلي"]] * 2),
        ("وقال الناطق باسم الخارجية إن الجلسة ستعقد. وتابع المتحدث أن المحاكمة ستطول.", [["الناطق باسم الخارجية"]] * 2),
    ],
)
def test_a_definite_title_is_not_the_last_speaker_when_that_one_holds_another(
    body: str, expected: list[list[str]]
) -> None:
    assert [speakers for _cue, speakers, _content in credited(body)] == expected


def test_sources_in_a_place_are_told_apart_by_it() -> None:
    found = credited("وقالت مصادر في مدينة درعا إن الاشتباكات مستمرة منذ الصباح. وأكدت المصادر أن عشرات العائلات نزحت.")
    assert [speakers for _cue, speakers, _content in found] == [["مصادر في مدينة درعا"]] * 2


@pytest.mark.parametrize(
    ("body", "label", "affiliation"),
    [
        # no name after the title, no one spoke before and no one was met under it
        ("ونشرت الصحف تفاصيل القضية.\nوقال النائب العام إن التحقيق سيستمر.", "النائب العام", []),
        (
            "أعلنت السلطات البحرينية القبض على خلية.\nودعا المسؤول البحريني المواطنين إلى الحذر.",
            "المسؤول البحريني",
            ["country/bahrain"],
        ),
    ],
)
def test_a_definite_title_naming_no_one_met_is_an_unnamed_official(
    body: str, label: str, affiliation: list[str]
) -> None:
    article = article_of(body)
    (statement,) = [s for s in article.statements if s.cue.startswith(("وقال", "ودعا"))]
    (key,) = statement.speakers
    official = article.entities[key]
    assert (official.type, official.label_ar, official.role, official.affiliation) == (
        "Person",
        label,
        label,
        affiliation,
    )
    assert key.startswith("person/unnamed-")  # the article's own: merged with no named person elsewhere


def test_an_unnamed_definite_title_is_referred_back_to() -> None:
    found = credited("وقال الوزير الفرنسي إن المفاوضات مستمرة.\nوأضاف الوزير أن الحل قريب.")
    assert [speakers for _cue, speakers, _content in found] == [["الوزير الفرنسي"], ["الوزير الفرنسي"]]


def test_a_bare_definite_title_naming_no_one_met_is_no_one() -> None:
    # "الرئيس" alone is most often a head of state the article names without his title
    assert credited("وقال الرئيس إن المفاوضات مستمرة.") == []


@pytest.mark.parametrize(
    ("body", "speaker", "role"),
    [
        (
            "وأكد مدير عام الهيئة العامة للطيران المدني حمد السويدي أن الرحلات ستعود غدا.",
            "حمد السويدي",
            "مدير عام الهيئة العامة للطيران المدني",
        ),
        ("وقال مدير عام الشركة إن الأرباح زادت.", "مدير عام الشركة", "مدير عام الشركة"),
    ],
)
def test_a_two_word_title_before_a_body_keeps_the_name_after_the_body(body: str, speaker: str, role: str) -> None:
    article = article_of(body)
    (statement,) = article.statements
    (key,) = statement.speakers
    assert (article.entities[key].label_ar, article.entities[key].role) == (speaker, role)


def test_a_participle_after_a_verb_that_named_no_one_is_no_last_speakers() -> None:
    # the feminine verb cannot go on with the man who spoke last, so neither can its participle
    found = credited(
        "وقال وزير الخارجية المصري سامح شكري إن مصر ترفض التصعيد.\n"
        "وطالبت أيضا بالإفراج عن المعتقلين، مضيفة أن الحوار هو الحل."
    )
    assert [(cue, speakers) for cue, speakers, _content in found if speakers] == [("وقال", ["سامح شكري"])]


def test_our_correspondent_is_one_unnamed_person_of_the_article() -> None:
    article = article_of(
        "وقال مراسلنا إن القصف استهدف مواقع في شمال المدينة.\n\n"
        "وسيطرت القوات على التلال المحيطة بالبلدة، حسبما أفاد مراسلنا.\n\n"
        "وأشار المراسل إلى أن الغارات توقفت مساء الأحد."
    )
    speakers = [s.speakers for s in article.statements]
    assert len(speakers) == 3 and speakers[0] == speakers[1] == speakers[2]
    (key,) = speakers[0]
    assert key.startswith("person/unnamed-")
    assert (article.entities[key].type, article.entities[key].label_ar) == ("Person", "مراسل")


def test_a_definite_correspondent_alone_is_the_articles_own_and_a_named_one_refers_back() -> None:
    assert [found for _cue, found, _content in credited("وقال المراسل إن الطائرة وصلت إلى المطار بعد الظهر.")] == [
        ["مراسل"]
    ]
    found = credited("وقال مراسل وكالة رويترز إن الطائرة وصلت إلى المطار.\n\nوأضاف مراسلنا أن الركاب نزلوا.")
    assert [speakers for _cue, speakers, _content in found] == [["مراسل وكالة رويترز"], ["مراسل وكالة رويترز"]]


@pytest.mark.parametrize(
    ("body", "country"),
    [
        # a sound plural of the nisba
        ("ويقول الأردنيون إن الأسعار ارتفعت كثيرا هذا العام.", "الأردن"),
        # a broken plural
        ("وقال الأتراك إن الحدود ستبقى مغلقة حتى الربيع.", "تركيا"),
    ],
)
def test_a_people_by_its_plural_nisba_speaks_as_its_country(body: str, country: str) -> None:
    assert credited(body)[0][1] == [country]


def test_a_singular_nisba_after_the_verb_is_no_people() -> None:
    # most often a surname: no country speaks
    assert not [s for _cue, s, _content in credited("وقال المصري إن الفريق سيلعب مباراته غدا.") if s]


def test_a_subject_inside_a_relative_clause_does_not_go_on_speaking() -> None:
    found = credited("وقال سامي الحداد إن الحكومة ستفتح المعبر الذي أعلن الأردنيون أنه آمن. وأضاف أن العمل سيبدأ غدا.")
    assert [(cue, speakers) for cue, speakers, _content in found] == [
        ("وقال", ["سامي الحداد"]),
        ("أعلن", ["الأردن"]),
        ("وأضاف", ["سامي الحداد"]),
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the outlet a bare source spoke to tells it apart: it is the source of that report
        ("وقال مصدر لوكالة الأنباء الإيطالية إن المعبر سيفتح غدا أمام المسافرين.", "مصدر"),
        ("وذكر مصدر مطلع لصحيفة الحياة أن الوزير سيستقيل خلال أيام.", "مصدر مطلع"),
        ("وأكد مسؤول أمني لقناة العربية أن الحدود ستبقى مغلقة.", "مسؤول أمني"),
    ],
)
def test_a_source_speaking_to_an_outlet_is_the_speaker_without_it(body: str, speaker: str) -> None:
    assert [labels for _, labels, _ in credited(body)] == [[speaker]]
