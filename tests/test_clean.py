"""kg.clean: text functions and segmentation of scraped pages."""

from __future__ import annotations

import pytest

from kg import clean
from kg.text import fold, strip_clitics

BODY = (
    "قال وزير الخارجية المصري في مؤتمر صحافي عقده في القاهرة اليوم إن المحادثات مع الجانب الأردني "
    "تناولت ملفات التعاون الاقتصادي والأمني بين البلدين."
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [("الأميركية", "الامريكيه"), ("إسْتراتيجيّة", "ستراتيجيه"), ("مـصـطـفى", "مصطفي"), ("مسؤول", "مسوول")],
)
def test_fold(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("وبغداد", "بغداد"),
        ("للقوات", "القوات"),
        ("بالعراق", "العراق"),
        ("فلواشنطن", "واشنطن"),
        # ل before a word that begins with ل: the preposition alone
        ("للقاء", "لقاء"),
        ("وللبنان", "لبنان"),
    ],
)
def test_strip_clitics_offers_the_stem(word, stem):
    assert stem in [s for _, s in strip_clitics(fold(word))]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def test_keeps_headline_and_body_drops_furniture():
    text = page(
        "الرئيسيةأخبارسياسة",
        "مصر والأردن تبحثان التعاون الأمني",
        "time reading iconدقائق القراءة - 3",
        "صورة أرشيفية للقاء سابق",
        "صورة أرشيفية للقاء سابق",
        "القاهرة - أحمد علي",
        BODY,
        "اقرأ أيضاً:",
        "عنوان خبر آخر لا صلة له",
    )
    [article] = clean.split_articles(text, "x.txt")
    assert article.title == "مصر والأردن تبحثان التعاون الأمني"
    assert article.text == BODY


def test_appended_article_is_dropped():
    second = "البيت الأبيض يعلق على المفاوضات"
    text = page(
        "عنوان الخبر الأول هنا", BODY, second, "تعليق صورة مكرر", "تعليق صورة مكرر", BODY.replace("المصري", "الليبي")
    )
    [article] = clean.split_articles(text, "x.txt")
    assert article.text == BODY


def test_published_date_from_header():
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", "تاريخ النشر: 2023-08-09", BODY), "x.txt")
    assert article.published == "2023-08-09"
    assert article.text == BODY


@pytest.mark.parametrize(
    ("line", "published"),
    [("الثلاثاء 12 آذار 2024 - 10:30", "2024-03-12"), ("2024-03-12", "2024-03-12"), ("بغداد 12 آذار 2024", None)],
)
def test_published_date_from_a_line_of_its_own(line, published):
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", line, BODY), "x.txt")
    assert article.published == published


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        ("تونس - 14 أكتوبر 2022: ", "2022-10-14"),
        ("عمّان، 3 شباط (فبراير) 2020 (بترا) - ", "2020-02-03"),
        ("أعلن الوزير أن الاتفاق الموقع في 14 أكتوبر 2022 - وهو الأول - ", None),  # a date the story tells
        ("القاهرة في 14 أكتوبر 2022 /أ ش أ/ ", "2022-10-14"),
    ],
)
def test_published_date_from_the_dateline_of_the_first_paragraph(opening, published):
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", opening + BODY), "x.txt")
    assert article.published == published


SECOND = (
    "وأضاف الوزير أن اللجنة المشتركة بين البلدين ستجتمع قبل نهاية العام لمتابعة تنفيذ ما اتفق عليه "
    "في مجالي النقل والطاقة."
)


@pytest.mark.parametrize(
    "links",
    [
        ["اقرأ أيضاً: رئيس وزراء نيبال يلتقي نظيره البنغالي لبحث مشاريع المياه المشتركة في المنطقة"],
        ["اقرأ أيضاً:", "رئيس وزراء نيبال يلتقي نظيره البنغالي", "البرلمان الفنلندي يصادق على الموازنة"],
    ],
)
def test_a_read_also_link_or_list_is_dropped_and_the_story_goes_on(links):
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", BODY, *links, SECOND), "x.txt")
    assert article.text == BODY + "\n\n" + SECOND


def test_teasers_captions_and_breadcrumbs_are_dropped():
    text = page(
        "الرئيسية | أخبار | عربي ودولي",
        "مصر والأردن تبحثان التعاون الأمني",
        "شاهد: لحظة وصول الوفد البرتغالي إلى المطار",
        BODY,
        "صورة: وزير الخارجية خلال المؤتمر الصحافي في القاهرة",
        SECOND,
    )
    [article] = clean.split_articles(text, "x.txt")
    assert article.title == "مصر والأردن تبحثان التعاون الأمني"
    assert article.text == BODY + "\n\n" + SECOND


def test_related_headlines_listed_after_the_story_are_dropped_but_a_cut_off_last_paragraph_stays():
    headlines = ("السويد تستدعي سفير بيلاروسيا لديها", "وزير الخارجية الإيطالي يصل إلى الرباط")
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", BODY, *headlines), "x.txt")
    assert article.text == BODY
    cut = "وقال الوزير إن الجانبين اتفقا على"
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", BODY, cut), "x.txt")
    assert article.text == BODY + "\n\n" + cut


@pytest.mark.parametrize(
    ("last", "kept"), [("سامي علي/ هدى سعيد", False), ("نادية كمال", False), ("ويبلغ عدد ال", True)]
)
def test_a_byline_closing_the_story_is_dropped_but_a_cut_off_sentence_stays(last, kept):
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", BODY, SECOND, last), "x.txt")
    assert article.text == "\n\n".join((BODY, SECOND, last) if kept else (BODY, SECOND))


@pytest.mark.parametrize("dateline", ["الأحد 3 نيسان 2022", "نيروبي - 3 أبريل 2022: ", "نيروبي - محمد علي"])
def test_a_second_story_with_its_own_date_or_byline_is_dropped(dateline):
    second = "كينيا وإثيوبيا تتفقان على إعادة فتح المعبر الحدودي"
    other = "أعلنت الحكومة الكينية أنها اتفقت مع إثيوبيا على إعادة فتح المعبر الحدودي بين البلدين أمام حركة التجارة."
    lines = [dateline, other] if dateline.endswith(("2022", "علي")) else [dateline + other]
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", BODY, SECOND, second, *lines), "x.txt")
    assert article.text == BODY + "\n\n" + SECOND


@pytest.mark.parametrize("footer", ["المصدر:وكالة الأنباء الأردنية", "الوسوم", "أخبار ذات صلة"])
def test_a_footer_ends_the_story_with_or_without_a_space_after_its_colon(footer):
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", BODY, footer, SECOND), "x.txt")
    assert article.text == BODY


def test_a_short_line_closed_by_a_photo_credit_is_a_caption():
    caption = "وزيرا خارجية مصر والأردن خلال المؤتمر الصحافي في القاهرة (رويترز)"
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", BODY, caption, SECOND), "x.txt")
    assert article.text == BODY + "\n\n" + SECOND


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("السبت 9 رمضان 1445 هـ - 16 آذار 2024 م", "2024-03-16"),  # Hijri beside Gregorian
        ("١٦/٣/٢٠٢٤ - ١٠:٣٠ ص", "2024-03-16"),  # Arabic-Indic digits, day first
        ("السبت 16/مارس/2024 - 10:30 م", "2024-03-16"),
    ],
)
def test_published_date_from_page_date_lines_of_other_outlets(line, published):
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", line, BODY), "x.txt")
    assert article.published == published
    assert article.text == BODY


@pytest.mark.parametrize(
    "line",
    [
        "التاريخ: 16-03-2024",  # a cue of its own
        "نشر بـ 16 آذار 2024",
        "كتب: سامر الحلبي | 16 آذار 2024",  # a byline beside the date
        "سامر الحلبي - 16 آذار 2024",
        "16 آذار 2024 | 1523 مشاهدة",  # a counter beside it
        "المصدر: وكالات | 16 آذار 2024",  # a source line above the story ends nothing
        "Published 16 March 2024",  # in English
    ],
)
def test_published_date_beside_a_byline_a_counter_or_a_cue(line):
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", line, BODY, SECOND), "x.txt")
    assert (article.published, article.text) == ("2024-03-16", BODY + "\n\n" + SECOND)


@pytest.mark.parametrize("footer", ["تاريخ النشر: 16 آذار 2024", "16/03/2024 - 10:30"])
def test_published_date_printed_under_the_story(footer):
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", BODY, SECOND, footer), "x.txt")
    assert (article.published, article.text) == ("2024-03-16", BODY + "\n\n" + SECOND)


def test_a_date_under_a_list_of_links_is_another_story_s():
    lines = [BODY, "اقرأ أيضاً:", "وزير الخارجية يستقبل نظيره العماني في القاهرة", "12 آذار 2024"]
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", *lines), "x.txt")
    assert article.published is None


@pytest.mark.parametrize(
    ("source", "published"),
    [
        ("crawl/misr-news-20240316-0042.txt", "2024-03-16"),
        ("https://example.com/ar/politics/2024/03/16/talks.html", "2024-03-16"),
        ("story_2024-03-16.txt", "2024-03-16"),
        ("gulf_summit_2024.txt", None),  # a year alone is no date
        ("000_3cef20240316a0f7.txt", None),  # digits inside a hash
        ("item-20241340.txt", None),  # no such month
    ],
)
def test_published_date_from_the_source_name_when_the_page_states_none(source, published):
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", BODY), source)
    assert article.published == published


def test_the_page_s_own_date_wins_over_the_source_name():
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", "16/03/2024", BODY), "news-20240301.txt")
    assert article.published == "2024-03-16"


def test_published_date_after_a_place_and_an_agency_s_initials():
    paragraph = "القاهرة - أ ش أ - 16 آذار 2024: " + BODY
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", paragraph), "x.txt")
    assert article.published == "2024-03-16"


@pytest.mark.parametrize(
    "line",
    [
        "منذ 3 ساعات",  # when it was posted, counted from the reader's now
        "قبل 20 دقيقة",
        "السبت 6 رمضان 1445 هـ",  # a Hijri date line alone
        "شاهد.. وزير الخارجية يصل إلى عمان",  # a link written with dots for its colon
        "بالصور: الاستعدادات للقمة في القاهرة",
        "يمكنكم متابعة آخر الأخبار بعد تحميل تطبيق الموقع على هواتفكم الذكية.",  # addresses the readers
    ],
)
def test_page_lines_that_are_no_story_are_dropped(line):
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", BODY, line, SECOND), "x.txt")
    assert article.text == BODY + "\n\n" + SECOND


def test_published_date_from_a_numeric_dateline():
    [article] = clean.split_articles(page("عنوان الخبر الأول هنا", "الدوحة 16-3-2024 (قنا) - " + BODY), "x.txt")
    assert article.published == "2024-03-16"


@pytest.mark.parametrize(
    "furniture",
    [
        "تابعونا على تلغرام لآخر الأخبار",  # a follow line inside the story: it goes on after it
        "شارك المقال عبر واتساب",
        "فرانس24/ أ ف ب",  # a credit after a slash
        "جانب من الاجتماع في الدوحة - أرشيفية",
        "وزير الخارجية البرتغالي يغرد عن اللقاء pic.twitter.com/AbCdEf12",
        "للاطلاع على النص الكامل: https://example.org/nas",
        "إعداد: سلمى الحسيني",
        "0 تعليق",
        "1,250 مشاهدة",
        "اقرأ: (البرلمان الفنلندي يصادق على الموازنة الجديدة)",
    ],
)
def test_share_lines_credits_embeds_and_bylines_are_dropped_and_the_story_goes_on(furniture):
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", BODY, furniture, SECOND), "x.txt")
    assert article.text == BODY + "\n\n" + SECOND


def test_a_sentence_that_starts_like_furniture_or_holds_an_address_stays():
    joined = "انضم الأردن إلى مبادرة إقليمية للمياه تشمل مصر والعراق."
    address = "وأوضح الوزير أن التسجيل يتم عبر الموقع https://example.org/register حتى نهاية الشهر."
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", BODY, joined, address), "x.txt")
    assert article.text == "\n\n".join((BODY, joined, address))


@pytest.mark.parametrize("opening", ["عمّان (بترا) - ", "القدس -- ", "نواكشوط – "])
def test_a_second_story_whose_first_paragraph_opens_with_a_dateline_is_dropped(opening):
    second = "موريتانيا والسنغال توقعان اتفاقا للصيد البحري"
    other = "وقعت موريتانيا والسنغال اتفاقا جديدا ينظم الصيد البحري في المياه المشتركة بين البلدين لمدة خمس سنوات."
    text = page("مصر والأردن تبحثان التعاون الأمني", BODY, SECOND, second, opening + other)
    [article] = clean.split_articles(text, "x.txt")
    assert article.text == BODY + "\n\n" + SECOND


def test_related_headlines_listed_inside_the_story_are_dropped_but_a_subheading_stays():
    headlines = ("البرلمان الفنلندي يصادق على الموازنة الجديدة", "السويد تستدعي سفير بيلاروسيا لديها للمرة الثانية")
    subheading = "تعاون في الطاقة"
    text = page("مصر والأردن تبحثان التعاون الأمني", BODY, *headlines, subheading, SECOND)
    [article] = clean.split_articles(text, "x.txt")
    assert article.text == "\n\n".join((BODY, subheading, SECOND))


@pytest.mark.parametrize(
    "lines",
    [
        ("البرلمان الفنلندي يصادق على الموازنة الجديدة بعد جدل طويل",),  # one headline of another story
        ("تشيلي: توقيف ناشط بيئي بارز في سانتياغو",),
        ("ما مصير المهاجرين العالقين على حدود بيلاروسيا؟", "السويد تستدعي سفير بيلاروسيا لديها للمرة الثانية"),
        # a link left without its read word
        (".. أيضا/ البرلمان الفنلندي يصادق على الموازنة الجديدة بعد جدل طويل بين الأحزاب حول الضرائب والإنفاق العام",),
    ],
)
def test_related_headlines_and_links_between_paragraphs_are_dropped(lines):
    text = page("مصر والأردن تبحثان التعاون الأمني", BODY, *lines, SECOND)
    [article] = clean.split_articles(text, "x.txt")
    assert article.text == BODY + "\n\n" + SECOND


def test_the_outlets_disclaimer_on_a_line_of_its_own_is_dropped_but_a_paragraph_that_says_so_stays():
    disclaimer = "علما أن الموقع لا يمكنه التأكد من صحة الصور المتداولة على شبكات التواصل."
    paragraph = (
        "وتداول ناشطون صورا قالوا إنها تظهر آثار القصف على الحي الشرقي من المدينة، وقال مسؤول محلي إن "
        "المستشفى استقبل عشرات الجرحى، علما أن الموقع لا يمكنه التأكد من صحة الصور المتداولة على شبكات التواصل."
    )
    text = page("مصر والأردن تبحثان التعاون الأمني", BODY, disclaimer, paragraph, SECOND)
    [article] = clean.split_articles(text, "x.txt")
    assert article.text == "\n\n".join((BODY, paragraph, SECOND))


@pytest.mark.parametrize(
    "lines",
    [
        ("تعاون في الطاقة والنقل",),  # a subheading
        ("وأضاف الوزير في ختام المؤتمر أن بلاده مستعدة",),  # a paragraph the scraper cut off
        (
            "وزير الخارجية الأردني يصل إلى القاهرة في زيارة تستمر يومين "
            "يلتقي خلالها الرئيس ورئيس الوزراء وعددا من الوزراء",
        ),
        ("منذ مطلع العام، هل التقيت بأي مسؤول أجنبي؟", "وهل تلقيت أموالا من جهة خارجية؟"),  # questions the story quotes
    ],
)
def test_subheadings_cut_off_paragraphs_and_quoted_questions_stay(lines):
    text = page("مصر والأردن تبحثان التعاون الأمني", BODY, *lines, SECOND)
    [article] = clean.split_articles(text, "x.txt")
    assert article.text == "\n\n".join((BODY, *lines, SECOND))


@pytest.mark.parametrize(
    "opening",
    [
        "ليما، البيرو (CNN)-- ",
        "كيتو، الإكوادور (CNN) – ",
        "نيروبي (أ ف ب) - ",
        "عمّان، 3 شباط (فبراير) 2020 (بترا) - ",
    ],
)
def test_a_dateline_credited_to_an_outlet_is_dropped_from_the_first_paragraph(opening):
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", opening + BODY, SECOND), "x.txt")
    assert article.text == BODY + "\n\n" + SECOND


@pytest.mark.parametrize(
    "first",
    [
        "قال وزير الخارجية المصري في مؤتمر صحافي عقده في القاهرة (أمس) - وهو الأول منذ سنوات - إن المحادثات مفيدة.",
        "نتائج الجولة الثالثة: الأهلي (مصر) - الوداد (المغرب) 2 - 1، والترجي (تونس) - الهلال (السودان) صفر - صفر.",
    ],
)
def test_a_bracket_that_credits_no_outlet_stays(first):
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", first, SECOND), "x.txt")
    assert article.text == first + "\n\n" + SECOND


STORY_LEAD = (
    "نواكشوط - أعلنت الحكومة الموريتانية، الأحد، إطلاق خطة وطنية لمكافحة التصحر في الولايات الشرقية "
    "بتمويل من شركائها الدوليين."
)
STORY_MORE = (
    "وقال وزير البيئة في مؤتمر صحفي إن الخطة تمتد خمس سنوات وتشمل زراعة ملايين الأشجار على طول "
    "الطريق الرابط بين الولايات الشرقية والعاصمة."
)
OTHER_LEADS = [
    "استقبل رئيس الوزراء الماليزي، الاثنين، وفدا من رجال الأعمال اليابانيين لبحث فرص الاستثمار في قطاع "
    "الطاقة المتجددة.",
    "أعلنت الشرطة الكينية، الثلاثاء، توقيف ثلاثة أشخاص يشتبه في تورطهم بعملية سطو على مصرف في وسط العاصمة.",
    "كشف وزير المالية الإكوادوري عن خطة لخفض الدين العام خلال العامين المقبلين بعد مفاوضات مع صندوق النقد.",
]


def test_leads_of_other_stories_appended_after_the_story_are_dropped():
    lines = [STORY_LEAD, STORY_MORE, *OTHER_LEADS]
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", *lines), "x")
    assert article.text == STORY_LEAD + "\n\n" + STORY_MORE


def test_paragraphs_that_open_without_a_conjunction_but_tell_no_other_story_are_kept():
    own = [
        "تأتي الخطة بعد موجة جفاف ضربت الولايات الشرقية خلال السنوات الثلاث الماضية وأضرت بالمراعي.",
        "تعتمد آلاف الأسر في تلك الولايات على تربية المواشي، وتخشى فقدان مصدر رزقها إذا استمر الجفاف.",
        "أكد خبراء أن نجاح الخطة مرهون بإشراك السكان المحليين في رعاية الأشجار بعد غرسها.",
    ]
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", STORY_LEAD, STORY_MORE, *own), "x")
    assert article.text == "\n\n".join([STORY_LEAD, STORY_MORE, *own])


#: Leads of other stories a page appends undated, the scraper cutting some off mid-sentence.
CUT_LEADS = [
    "طالبت نقابة الصحفيين التونسيين بالإفراج عن مراسل محلي أوقف أثناء تغطيته احتجاجات في مدينة قفصة الجنوبية "
    "وسط انتقادات واسعة من منظمات حقوقية محلية ودولية",
    "نشر لاعب كرة القدم المغربي صورة له مع عائلته في أول ظهور منذ إصابته، وتلقى آلاف التعليقات من المشجعين "
    "الذين تمنوا له الشفاء العاجل.",
    "رفضت المحكمة الإدارية في الكويت طعنا قدمه عدد من المرشحين على نتائج الانتخابات البلدية الأخيرة، مؤكدة "
    "أن الإجراءات التي اتبعتها اللجنة العليا كانت سليمة",
]


def test_undated_leads_cut_off_mid_sentence_are_dropped():
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", STORY_LEAD, STORY_MORE, *CUT_LEADS), "x")
    assert article.text == STORY_LEAD + "\n\n" + STORY_MORE


def test_leads_shorter_than_a_paragraph_without_a_full_stop_are_leads():
    # a lead the page prints without its full stop, shorter than a paragraph, in the run and closing it
    short_leads = [
        "أعلنت وزارة الصحة البوليفية عن حملة تطعيم جديدة تشمل الأطفال في المناطق الريفية النائية خلال الشهر المقبل",
        "استدعت الخارجية النرويجية سفير بلادها لدى تشيلي للتشاور بعد خلاف حول صفقة لصيد الأسماك في المياه الجنوبية",
    ]
    lines = [STORY_LEAD, STORY_MORE, CUT_LEADS[0], short_leads[0], CUT_LEADS[2], short_leads[1]]
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", *lines), "x")
    assert article.text == STORY_LEAD + "\n\n" + STORY_MORE


def test_a_story_whose_last_paragraph_lacks_a_full_stop_keeps_it():
    closing = "ومن المنتظر أن تعلن الحكومة تفاصيل المرحلة الثانية من الخطة بعد انتهاء موسم الأمطار في الولايات الشرقية"
    own = "تأتي الخطة بعد موجة جفاف ضربت الولايات الشرقية خلال السنوات الثلاث الماضية وأضرت بالمراعي."
    lines = [STORY_LEAD, STORY_MORE, own, closing]
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", *lines), "x")
    assert article.text == "\n\n".join(lines)


def test_a_lead_opening_with_a_verb_whose_root_begins_with_waw_is_a_lead():
    arrival = (
        "وصل رئيس الوزراء الإثيوبي، الأربعاء، إلى العاصمة الكينية في زيارة رسمية يبحث خلالها ملفات الأمن "
        "والتجارة بين البلدين."
    )
    lines = [STORY_LEAD, STORY_MORE, OTHER_LEADS[0], arrival, OTHER_LEADS[1]]
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", *lines), "x")
    assert article.text == STORY_LEAD + "\n\n" + STORY_MORE


#: Leads of other stories opening as a story's first sentence may: with a preposition, with a
#: quotation; dated by a weekday that only one comma sets off.
OPENING_LEADS = [
    OTHER_LEADS[2],
    "في رد على أسئلة الصحفيين، نفى وزير الداخلية البيروفي مساء الخميس، أي صلة لحكومته بإقالة قائد الشرطة في العاصمة.",
    '"لن نقبل بأي تسوية على حساب المزارعين".. بهذه الكلمات رد رئيس الوزراء النيوزيلندي على منتقدي اتفاق التجارة، '
    "الأحد.",
]


def test_leads_opening_with_a_preposition_or_a_quotation_are_leads():
    lines = [STORY_LEAD, STORY_MORE, *OPENING_LEADS]
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", *lines), "x")
    assert article.text == STORY_LEAD + "\n\n" + STORY_MORE


def test_a_list_of_dated_items_closing_the_story_is_kept():
    listed = [
        "- الأحد: أعلنت الحكومة خطة لغرس مليون شجرة على طول الطريق الرابط بين الولايات الشرقية والعاصمة.",
        "- الاثنين: بدأت فرق وزارة البيئة غرس الأشجار الأولى قرب العاصمة بمشاركة متطوعين من الولايات الشرقية.",
        "- الثلاثاء: وصلت الدفعة الأولى من التمويل الدولي إلى حساب الخطة بعد توقيع اتفاق مع الجهات المانحة.",
    ]
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", STORY_LEAD, STORY_MORE, *listed), "x")
    assert article.text == "\n\n".join([STORY_LEAD, STORY_MORE, *listed])


def test_no_more_than_five_leads_are_dropped_after_paragraphs_that_open_alike():
    own = [
        "تأتي الخطة بعد موجة جفاف ضربت الولايات الشرقية خلال السنوات الثلاث الماضية وأضرت بالمراعي.",
        "تعتمد آلاف الأسر في تلك الولايات على تربية المواشي، وتخشى فقدان مصدر رزقها إذا استمر الجفاف.",
    ]
    lines = [STORY_LEAD, STORY_MORE, *own, *OTHER_LEADS, *CUT_LEADS[:2]]
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", *lines), "x")
    assert article.text == "\n\n".join([STORY_LEAD, STORY_MORE, *own])


def test_a_numbered_list_the_story_gives_is_kept():
    listed = [
        "لم تكن الخطة الحالية الأولى من نوعها، فقد أطلقت الحكومات السابقة خططا مشابهة تعثرت كلها بسبب "
        "نقص التمويل وضعف المتابعة، وأبرزها ما يلي",
        "12 آذار/مارس: أعلنت الحكومة خطة لغرس مليون شجرة على طول الطريق الرابط بين الولايات الشرقية "
        "والعاصمة خلال ثلاث سنوات بتمويل من البنك الدولي",
        "3 أيار/مايو: توقف تمويل الخطة بعد خلاف بين الحكومة والجهات المانحة حول أولويات الإنفاق في الولايات الشرقية.",
    ]
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", STORY_LEAD, STORY_MORE, *listed), "x")
    assert article.text == "\n\n".join([STORY_LEAD, STORY_MORE, *listed])


def test_a_headline_asking_a_question_is_the_title_and_the_dateline_after_it_is_dropped():
    first = "بيروت، لبنان (CNN)-- قال وزير الخارجية اللبناني، الاثنين، إن بلاده ستطلب دعما دوليا لإعادة إعمار المرفأ."
    [article] = clean.split_articles(page("هل تنجح خطة إعادة إعمار المرفأ؟", first, SECOND), "x.txt")
    assert article.title == "هل تنجح خطة إعادة إعمار المرفأ؟"
    assert article.text.startswith("قال وزير الخارجية اللبناني")


def test_an_opinion_pieces_line_saying_the_views_are_the_writers_is_dropped():
    note = "كتب هذا المقال الباحث سمير الخطيب، والآراء الواردة فيه تعبر عن رأي كاتبها ولا تعكس بالضرورة رأي الموقع."
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", note, BODY, SECOND), "x.txt")
    assert note not in article.text
    assert BODY in article.text


@pytest.mark.parametrize(
    "byline",
    [
        "هذا المقال بقلم سمير الخطيب، باحث في شؤون الطاقة ومحاضر في جامعة خاصة بالعاصمة الأردنية، والآراء الواردة "
        "أدناه تعبر عن رأي الكاتب ولا تعكس بالضرورة وجهة نظر الموقع.",
        "هذا التحليل بقلم ليلى حداد، مراسلة الشؤون الاقتصادية",
        "ملاحظة المحرر: كريم سالم نائب سابق في البرلمان، والآراء الواردة أدناه تعكس وجهة نظره ولا تعبر بالضرورة "
        "عن رأي الموقع.",
    ],
)
def test_the_line_heading_an_opinion_piece_with_its_writer_is_dropped(byline):
    [article] = clean.split_articles(page("مصر والأردن تبحثان التعاون الأمني", byline, BODY, SECOND), "x.txt")
    assert "بقلم" not in article.text and "المحرر" not in article.text
    assert article.text.startswith(BODY[:20])


def test_closing_paragraphs_of_the_story_opening_with_a_connective_are_kept():
    own = [
        "أما وزير الزراعة، فقال، الاثنين، إن وزارته ستوزع البذور على المزارعين في الولايات الشرقية مجانا.",
        "بالمقابل، انتقدت أحزاب المعارضة، الثلاثاء، الخطة وقالت إنها تتجاهل أسباب الجفاف الحقيقية في البلاد.",
        "أما البنك الدولي فأكد، الأربعاء، أن تمويل الخطة سيصل على ثلاث دفعات خلال السنوات الخمس المقبلة.",
    ]
    [article] = clean.split_articles(page("موريتانيا تطلق خطة لمكافحة التصحر", STORY_LEAD, STORY_MORE, *own), "x")
    assert article.text == "\n\n".join([STORY_LEAD, STORY_MORE, *own])


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("الرئيسية | أخبار | رياضة", True),
        ("الرئيسية › أخبار العالم › سياسة", True),
        ("الرئيسية | أخبار الشرق الأوسط اليوم", False),  # an item of four words is a link, not a menu item
        ("قال المتحدث إن الاجتماع انتهى دون اتفاق على موعد الجولة المقبلة", False),  # no separator
        ("أخبار |", False),  # one item
        ("", False),
    ],
)
def test_a_menu_is_two_or_more_short_items_between_separators(line: str, menu: bool) -> None:
    assert clean._is_menu(line) is menu
