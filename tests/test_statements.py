"""The statements stage: reporting cues, speakers and content spans.

Articles are built with their mentions written out (as the mentions/resolve stages would give
them), so each case tests the speaker and content rules alone. Sentences come from several
outlets' styles, not only from the seeds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Article
from kg.pipeline import extract
from kg.statements import find_statements
from tests import mentioned

DATA = Path(__file__).resolve().parent / "data"

#: surface form -> (type, key) of the actors the test articles mention.
NAMES = {
    "عباس عراقجي": ("Person", "person/araghchi"),
    "عراقجي": ("Person", "person/araghchi"),
    "فؤاد حسين": ("Person", "person/fuad-hussein"),
    "باسم العوادي": ("Person", "person/awadi"),
    "الخزعلي": ("Person", "person/khazali"),
    "ديفيد شينكر": ("Person", "person/schenker"),
    "مسؤول أمريكي": ("Person", "person/us-official"),
    "المسؤول": ("Person", "person/us-official"),
    "وزارة الخارجية العراقية": ("Organization", "org/iraq-mfa"),
    "الخارجية الأمريكية": ("Organization", "org/us-state"),
    "القيادة المركزية": ("Organization", "org/centcom"),
    "الحكومة العراقية": ("Country", "country/iraq"),
    "العراق": ("Country", "country/iraq"),
    "بغداد": ("Country", "country/iraq"),
    "الولايات المتحدة": ("Country", "country/united-states"),
    "واشنطن": ("Country", "country/united-states"),
    "إيران": ("Country", "country/iran"),
    "الفصائل المسلحة": ("Force", "force/armed-factions"),
    "الحوار الاستراتيجي": ("Dialogue", "dialogue/strategic"),
}
DIALOGUE_SIDES = ["country/iraq", "country/united-states"]


def make_article(text: str) -> Article:
    """The article with its NAMES mentions; the dialogue's sides are Iraq and the US."""
    article = mentioned.make_article(text, NAMES)
    if "dialogue/strategic" in article.entities:
        article.entities["dialogue/strategic"].participants = list(DIALOGUE_SIDES)
    return article


def statements_of(text: str) -> list[tuple[str, list[str], str, bool]]:
    """(cue, speakers, content, direct) of each statement found in ``text``."""
    article = find_statements(make_article(text))
    return [(s.cue, s.speakers, s.content, s.direct_quote) for s in article.statements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # verb, title + name, adverbial, paraphrase (Al Jazeera style)
            "وقال وزير الخارجية الإيراني عباس عراقجي، في مؤتمر صحفي، إن طهران لن تتفاوض تحت الضغط.",
            [("وقال", ["person/araghchi"], "طهران لن تتفاوض تحت الضغط", False)],
        ),
        (  # أن followed by a quotation: a direct quote
            "أكدت وزارة الخارجية العراقية في بيان أن “العراق يرفض أي اعتداء على أراضيه من أي جهة كانت”.",
            [("أكدت", ["org/iraq-mfa"], "العراق يرفض أي اعتداء على أراضيه من أي جهة كانت", True)],
        ),
        (  # feminine verb, organisation subject
            "قالت الخارجية الأمريكية إن الوزير سيزور المنطقة الأسبوع المقبل.",
            [("قالت", ["org/us-state"], "الوزير سيزور المنطقة الأسبوع المقبل", False)],
        ),
        (  # attribution preposition heading the clause
            "وبحسب المتحدث باسم الحكومة باسم العوادي، فإن الحكومة ستعقد اجتماعاً طارئاً.",
            [("وبحسب", ["person/awadi"], "الحكومة ستعقد اجتماعاً طارئاً", False)],
        ),
        (  # subject before the verb, set off by commas (Al-Mada style)
            "مساعد وزير الخارجية الأمريكي، ديفيد شينكر، قال إن واشنطن تريد اتفاقية أمنية مع بغداد.",
            [("قال", ["person/schenker"], "واشنطن تريد اتفاقية أمنية مع بغداد", False)],
        ),
        (  # subject right before the verb
            "الخزعلي رأى أن “العلاج الصحيح ليس باستمرار الاتكال على قوات أجنبية”.",
            [("رأى", ["person/khazali"], "العلاج الصحيح ليس باستمرار الاتكال على قوات أجنبية", True)],
        ),
        (  # a participle continues the clause's speaker
            "وقال مسؤول أمريكي إن المحادثات مستمرة، مشيراً إلى أن الاتفاق بات قريباً.",
            [
                ("وقال", ["person/us-official"], "المحادثات مستمرة", False),
                ("مشيراً", ["person/us-official"], "الاتفاق بات قريباً", False),
            ],
        ),
        (  # وأضاف with a colon and no subject: the previous speaker
            "قال عراقجي إن بلاده مستعدة للحوار. وأضاف: «لن نقبل بأي شروط مسبقة من أي طرف كان».",
            [
                ("قال", ["person/araghchi"], "بلاده مستعدة للحوار", False),
                ("وأضاف", ["person/araghchi"], "لن نقبل بأي شروط مسبقة من أي طرف كان", True),
            ],
        ),
        (  # the joint statement and "the two sides" speak for the dialogue and its sides
            "وجاء الحوار الاستراتيجي بين بغداد وواشنطن. وأكد الجانبان أن التعاون الأمني سيستمر. "
            "وأشار البيان المشترك إلى أن اللجنة العسكرية ستجتمع قريباً.",
            [
                ("وأكد", DIALOGUE_SIDES, "التعاون الأمني سيستمر", False),
                ("وأشار", DIALOGUE_SIDES, "اللجنة العسكرية ستجتمع قريباً", False),
            ],
        ),
        (  # "البيان" refers back to whoever issued one, even in an article with a dialogue
            "وناقش الحوار الاستراتيجي الملفات. وقالت وزارة الخارجية العراقية في بيان إن الوزير سافر. "
            "وأضاف البيان أن الزيارة تستمر يومين.",
            [
                ("وقالت", ["org/iraq-mfa"], "الوزير سافر", False),
                ("وأضاف", ["org/iraq-mfa"], "الزيارة تستمر يومين", False),
            ],
        ),
        (  # two countries coordinated as the subject
            "أكدت الولايات المتحدة والعراق، الثلاثاء، التزامهما المشترك بمواصلة التعاون العسكري.",
            [
                (
                    "أكدت",
                    ["country/united-states", "country/iraq"],
                    "التزامهما المشترك بمواصلة التعاون العسكري",
                    False,
                )
            ],
        ),
        (  # a bare feminine verb takes the sentence's non-person actor
            "وكانت القيادة المركزية أصدرت تقريراً، قالت فيه إن الهجمات تراجعت بشكل كبير.",
            [("قالت", ["org/centcom"], "الهجمات تراجعت بشكل كبير", False)],
        ),
        (  # a joint statement "issued by" an actor speaks for it (Shafaq News style)
            "وفق بيان صادر عن وزارة الخارجية العراقية، فإن الوزير سيزور طهران غداً.",
            [("وفق", ["org/iraq-mfa"], "الوزير سيزور طهران غداً", False)],
        ),
        (  # مبيناً: a participle written only in forms that cannot be read as بين "between"
            "وقال عراقجي إن الحوار مستمر، مبيناً أن الجولة المقبلة ستعقد في مسقط.",
            [
                ("وقال", ["person/araghchi"], "الحوار مستمر", False),
                ("مبيناً", ["person/araghchi"], "الجولة المقبلة ستعقد في مسقط", False),
            ],
        ),
        (  # a bare verb before إلى أن continues the speaker (إلى folds to الى but is no noun)
            "قال عراقجي إن الحوار مستمر. وأشار إلى أن الجولة المقبلة في مسقط.",
            [
                ("قال", ["person/araghchi"], "الحوار مستمر", False),
                ("وأشار", ["person/araghchi"], "الجولة المقبلة في مسقط", False),
            ],
        ),
        (  # a known person's last name with no mention of its own
            "وقال فؤاد حسين إن الحوار مستمر. وأكد الخزعلي رفضه. وقال حسين إن الجولة في مسقط.",
            [
                ("وقال", ["person/fuad-hussein"], "الحوار مستمر", False),
                ("وأكد", ["person/khazali"], "رفضه", False),
                ("وقال", ["person/fuad-hussein"], "الجولة في مسقط", False),
            ],
        ),
        (  # Iraqi press: وبيّن أن, وزاد أن
            "وقال عراقجي إن الحوار مستمر. وبيّن أن الجولة المقبلة في مسقط. وزاد أن الموعد لم يحدد.",
            [
                ("وقال", ["person/araghchi"], "الحوار مستمر", False),
                ("وبيّن", ["person/araghchi"], "الجولة المقبلة في مسقط", False),
                ("وزاد", ["person/araghchi"], "الموعد لم يحدد", False),
            ],
        ),
        (  # a content ends where a و-verb opens the next clause, even one that makes no statement
            "وأعلن عراقجي اعتقال أحد الحراس وقال مصدر إنه يشتبه في تورطه.",
            [("وأعلن", ["person/araghchi"], "اعتقال أحد الحراس", False)],
        ),
        (  # a tweet
            "وكتب عراقجي في تغريدة: “الدبلوماسية هي الطريق الوحيد للحل”.",
            [("وكتب", ["person/araghchi"], "الدبلوماسية هي الطريق الوحيد للحل", True)],
        ),
        (  # a relative clause's verb speaks for the whole phrase before التي, not the name inside it
            "وتنشط الفصائل المسلحة، التي تطالب بخروج القوات الأجنبية من العراق فوراً، في المدن.",
            [("تطالب", ["force/armed-factions"], "بخروج القوات الأجنبية من العراق فوراً", False)],
        ),
        (  # a news agency quoting a speaker: "عن X قوله"
            "ونقلت وكالة الأنباء عن عراقجي قوله إن المحادثات كانت بناءة.",
            [("قوله", ["person/araghchi"], "المحادثات كانت بناءة", False)],
        ),
        (  # a bare verb continues the person who opens the sentence, not the last speaker
            "قال عراقجي إن الحوار مستمر. وكان فؤاد حسين قد التقى نظيره في بغداد، حيث شدد على أن الحل سياسي.",
            [
                ("قال", ["person/araghchi"], "الحوار مستمر", False),
                ("شدد", ["person/fuad-hussein"], "الحل سياسي", False),
            ],
        ),
        (  # the quotation comes first, the verb after it
            "«لن نقبل بأي شروط مسبقة في المفاوضات»، قال عراقجي للصحفيين.",
            [("قال", ["person/araghchi"], "لن نقبل بأي شروط مسبقة في المفاوضات", True)],
        ),
        (  # hamza-less spelling and present tense
            "ويقول عراقجي ان المفاوضات لم تصل الى طريق مسدود.",
            [("ويقول", ["person/araghchi"], "المفاوضات لم تصل الى طريق مسدود", False)],
        ),
    ],
)
def test_finds_speaker_and_content(text: str, expected: list) -> None:
    assert statements_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a bare noun after the genitive speaker
            "وتصاعد التوتر بعد تأكيد عراقجي رفض طهران أي شروط مسبقة.",
            [("تأكيد", ["person/araghchi"], "رفض طهران أي شروط مسبقة", False)],
        ),
        (  # the noun's object preposition; the phrase ends where the sentence goes on
            "وجاء ذلك بعد إعلان الخارجية الأمريكية عن فرض عقوبات جديدة، فيما التزمت طهران الصمت.",
            [("إعلان", ["org/us-state"], "فرض عقوبات جديدة", False)],
        ),
        (  # a comma inside the phrase does not end it
            "وجاء ذلك بعد إعلان الخارجية الأمريكية عن عقوبات جديدة، بقيمة مليار دولار، على طهران.",
            [("إعلان", ["org/us-state"], "عقوبات جديدة، بقيمة مليار دولار، على طهران", False)],
        ),
        (
            "وتصاعد التوتر عقب تحذير واشنطن من عواقب أي تصعيد في المنطقة.",
            [("تحذير", ["country/united-states"], "عواقب أي تصعيد في المنطقة", False)],
        ),
        (
            "ورفضت الحكومة مطالبات إيران بإخراج القوات الأجنبية.",
            [("مطالبات", ["country/iran"], "بإخراج القوات الأجنبية", False)],
        ),
        (  # a title set off by a comma before the name
            "وجاء ذلك عقب تأكيد وزير الخارجية الإيراني، عباس عراقجي على أن طهران لن تتفاوض.",
            [("تأكيد", ["person/araghchi"], "طهران لن تتفاوض", False)],
        ),
    ],
)
def test_a_verbal_noun_with_its_genitive_speaker_is_a_statement(text: str, expected: list) -> None:
    assert statements_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ونفت بغداد مزاعم واشنطن بأن الفصائل قصفت القاعدة.",
            [("مزاعم", ["country/united-states"], "الفصائل قصفت القاعدة", False)],
        ),
        (  # the claim's clause after a comma
            "وردت طهران على اتهامات الحكومة العراقية، بأنها تسلح الفصائل.",
            [("اتهامات", ["country/iraq"], "تسلح الفصائل", False)],
        ),
    ],
)
def test_a_claim_noun_reports_the_clause_right_after_its_genitive(text: str, expected: list) -> None:
    assert statements_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the clause after the addressee is what the describer said, not the claim
        "ووصف عراقجي اتهامات واشنطن لبلاده بدعم الفصائل بأنها كاذبة.",
        "وكرر عراقجي مزاعم قديمة بأن بغداد تدعم الفصائل.",  # no genitive speaker
    ],
)
def test_a_claim_noun_far_from_its_clause_reports_nothing_itself(text: str) -> None:
    assert all(cue not in ("اتهامات", "مزاعم") for cue, *_rest in statements_of(text))


def test_a_claim_inside_what_someone_said_does_not_take_over_the_next_bare_verb() -> None:
    found = statements_of("وقال عراقجي إن مزاعم واشنطن بأن طهران تسلح الفصائل كاذبة. وأضاف أن بلاده لن تتفاوض.")
    assert found[-1] == ("وأضاف", ["person/araghchi"], "بلاده لن تتفاوض", False)


@pytest.mark.parametrize(
    "text",
    [
        "عراقجي أبلغ وزارة الخارجية العراقية أن طهران لن تتفاوض.",
        "وكان عراقجي قد أبلغ وزارة الخارجية العراقية في بغداد أن طهران لن تتفاوض.",
    ],
)
def test_whom_a_subject_written_first_told_is_no_speaker(text: str) -> None:
    assert statements_of(text) == [("أبلغ", ["person/araghchi"], "طهران لن تتفاوض", False)]


@pytest.mark.parametrize(
    "text",
    [
        "وطالب عراقجي الحكومة العراقية ومجلس النواب بإخراج القوات الأجنبية.",
        "وطالب عراقجي، بغداد بإخراج القوات الأجنبية.",  # a name with ب is whom he asked
    ],
)
def test_whom_a_demand_was_made_of_stands_before_what_was_asked(text: str) -> None:
    assert statements_of(text) == [("وطالب", ["person/araghchi"], "بإخراج القوات الأجنبية", False)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("وأضاف في حديث لوكالة الأنباء الرسمية في طهران أن بلاده لن تتفاوض.", "بلاده لن تتفاوض"),
        ("وقال خلال مؤتمر صحفي مشترك مع نظيره في بغداد إن بلاده لن تتفاوض.", "بلاده لن تتفاوض"),
    ],
)
def test_a_bare_verb_says_where_it_was_said_before_its_content(text: str, content: str) -> None:
    """Where the words were said (في حديث لـ، خلال مؤتمر صحفي) stands between a continued verb
    and its clause, however long it is."""
    found = statements_of("قال عراقجي إن المفاوضات صعبة. " + text)
    assert [(speakers, said) for _cue, speakers, said, _direct in found] == [
        (["person/araghchi"], "المفاوضات صعبة"),
        (["person/araghchi"], content),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ووجهت بغداد رسالة تحذير لإيران من عواقب التصعيد.",  # whom the warning was addressed to
        "ويأتي إعلان عراقجي عشية زيارته إلى بغداد.",  # a time word, not what was announced
        "وجاء إعلان عراقجي، بعد ساعات من الهجوم.",
    ],
)
def test_a_verbal_noun_without_its_genitive_speaker_and_content_is_none(text: str) -> None:
    assert statements_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "ولم يعلن الجيش العراقي عن خسائره في المعركة.",  # negated
        "وأكد مسؤول آخر طلب عدم ذكر اسمه أن المحادثات مستمرة.",  # no known speaker
        "وطالب المتظاهرون بإخراج القوات الأجنبية من العراق.",  # no reporting verb
        "وذلك وفقاً لاتفاقية الإطار الاستراتيجي الموقعة بين البلدين.",  # وفقاً not heading a clause
        "وأشار إلى أن الوضع الأمني مستقر.",  # bare verb, nobody spoke before
        "وكتب عراقجي مقالاً عن العلاقات مع بغداد.",  # كتب needs a quotation or أن
    ],
)
def test_finds_no_statement(text: str) -> None:
    assert statements_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "واجتمع الوزير بين الجلسات مع عراقجي في بغداد.",  # بين "between"
        "وفي حين أفاض بيان بين بغداد وواشنطن بالتفاصيل، فإنه لم تصدر ردود فعل.",  # بين X وY "between"
        "يذكر أن بغداد استضافت جولة سابقة.",  # passive "it is recalled"
        "ويعتبر العراق شريكاً مهماً لطهران.",  # passive "is considered"
        "ويقول محلل إن الاتفاق بعيد.",  # an unidentified speaker
        "وأكدت المصادر أن الاتفاق بعيد.",
        "وأكد عضو البرلمان علي البنداوي أن الاتفاق بعيد.",  # a title whose name no mention found
        "وقال البابا من مقر إقامته الصيفي إنه يصلي للسلام.",  # a subject no mention found
        "وكشف التقرير أن الاتفاق بعيد.",
        # the participle speaks for the same unknown subject, not for عراقجي
        "وقال البابا من مقر إقامته إنه يصلي للسلام، مشيراً إلى أن الحرب يجب أن تتوقف.",
    ],
)
def test_no_statement_continues_the_last_speaker_wrongly(text: str) -> None:
    """After a statement, these sentences add none (a bare verb would credit عراقجي)."""
    found = statements_of("قال عراقجي إن المفاوضات صعبة. " + text)
    assert [(cue, content) for cue, _speakers, content, _direct in found] == [("قال", "المفاوضات صعبة")]


@pytest.mark.parametrize(
    "text",
    [
        # a plural verb with its subject written before it: not the talks' sides
        "وقال وزير الخارجية التركي مولود جاويش أوغلو إن المحادثات بناءة. ولكن كثيرين انتقدوا نتائج المحادثات.",
        "والتقى الوزير نوابا أكدوا أن المحادثات فشلت.",
        # a plural verb after a subject no one could name goes on with it, not with the sides
        "وقال الأطباء في حينه إن الرئيس بخير. لكنهم كشفوا بعد يومين أن حالته تدهورت.",
    ],
)
def test_a_plural_verb_whose_subject_is_unknown_is_not_the_dialogue_sides(text: str) -> None:
    talks = "عقدت الولايات المتحدة وتركيا محادثات في أنقرة يوم الخميس حول الأزمة السورية. "
    (article,) = extract(talks + text, "t.txt")
    assert all(len(s.speakers) == 1 for s in article.statements), article.statements


def test_cue_inside_a_quotation_is_part_of_it() -> None:
    text = "وقال عراقجي: “إيران أكدت مراراً أنها لا تسعى إلى امتلاك سلاح نووي بأي شكل”."
    assert statements_of(text) == [
        ("وقال", ["person/araghchi"], "إيران أكدت مراراً أنها لا تسعى إلى امتلاك سلاح نووي بأي شكل", True)
    ]


def test_cue_inside_a_paraphrase_is_part_of_it() -> None:
    text = "وبحسب المسؤول، فإن الطرفين أكدا أن المهمة ستتغير مع تطور الحملة."
    assert statements_of(text) == [
        ("وبحسب", ["person/us-official"], "الطرفين أكدا أن المهمة ستتغير مع تطور الحملة", False)
    ]


def test_quoted_cue_with_its_own_subject_is_a_statement() -> None:
    text = "وأكد البلدان «أن القوات موجودة بدعوة من الحكومة، فيما أكدت الحكومة العراقية التزامها بحماية المستشارين»."
    article = find_statements(make_article("ناقش الحوار الاستراتيجي بين بغداد وواشنطن الملفات. " + text))
    assert [(s.cue, s.speakers) for s in article.statements] == [
        ("وأكد", DIALOGUE_SIDES),
        ("أكدت", ["country/iraq"]),
    ]


def test_statement_date_resolves_against_publication() -> None:
    article = make_article("قال مسؤول أمريكي، الجمعة، إن الاجتماع سيعقد في بغداد.")
    article.published = "2023-08-14"
    (statement,) = find_statements(article).statements
    assert (statement.date, statement.content) == ("2023-08-11", "الاجتماع سيعقد في بغداد")


def test_offsets_index_the_article_text() -> None:
    text = "وأَوضحَ المسؤولُ أنّ الاجتماعَ سيُعقدُ في بغداد."
    article = find_statements(make_article(text.replace("المسؤولُ", "المسؤول")))
    (statement,) = article.statements
    stored = article.text
    assert stored[statement.cue_start : statement.cue_end] == statement.cue == "وأَوضحَ"
    assert stored[statement.content_start : statement.content_end] == statement.content
    assert statement.content == "الاجتماعَ سيُعقدُ في بغداد"
    assert stored[statement.speaker_start : statement.speaker_end] == "المسؤول"


def test_whole_pipeline_on_an_unseen_article() -> None:
    """Real segmentation, mentions and resolution before the stage, on another outlet's article."""
    (article,) = extract((DATA / "unseen_tehran_baghdad.txt").read_text(encoding="utf-8"), "unseen")
    found = [
        (s.cue, article.entities[s.speakers[0]].label_ar, s.content.split()[0], s.direct_quote)
        for s in article.statements
    ]
    assert found[:5] == [
        ("حذر", "عباس عراقجي", "أي", False),
        ("وقال", "عباس عراقجي", "المنطقة", True),
        ("وأضاف", "عباس عراقجي", "بلاده", False),
        ("قال", "فؤاد حسين", "العراق", False),
        ("مشيراً", "فؤاد حسين", "الحكومة", False),
    ]
    contents = " ".join(s.content for s in article.statements)
    assert "رسائل عبر بغداد" not in contents  # "أشارت تقارير": no identifiable speaker
    assert "شهدت تطوراً" not in contents  # "يذكر أن": no report


def test_an_official_named_by_the_body_he_serves_speaks_and_is_referred_back_to() -> None:
    (article,) = extract(
        "قال مسؤول في وزارة الدفاع الأمريكية (البنتاغون)، طلب عدم الكشف عن هويته، إن واشنطن لا تخطط "
        'لسحب قواتها.\n\nوأضاف المسؤول أن "المهمة لم تنته بعد".',
        "t.txt",
    )
    speakers = [article.entities[k].label_ar for s in article.statements for k in s.speakers]
    assert speakers == ["مسؤول في وزارة الدفاع الأمريكية"] * 2


def test_a_source_speaks_and_a_bare_verb_continues_the_subject_after_a_lead_in() -> None:
    (article,) = extract(
        "أفاد مصدر أمني، اليوم السبت، بأن طائرة مسيرة استهدفت القاعدة.\n\n"
        "ووفقاً لوكالة الأنباء العراقية، فإن القائد العام وجه بفتح تحقيق.\n\n"
        "من جهته، دان المتحدث باسم الخارجية الأمريكية ماثيو ميلر الهجوم، وقال إن واشنطن ستحمي قواتها.",
        "t.txt",
    )
    speakers = [(s.cue, article.entities[s.speakers[0]].label_ar) for s in article.statements]
    assert speakers == [("أفاد", "مصدر أمني"), ("ووفقاً", "وكالة الأنباء العراقية"), ("وقال", "ماثيو ميلر")]


def test_one_speech_act_under_two_cues_is_one_statement_of_both_speakers() -> None:
    (article,) = extract(
        'وعلى لسان المتحدث باسم الحكومة العراقية باسم العوادي، أعلنت بغداد أنها "لن تسمح بجر العراق إلى '
        'صراعات المنطقة".',
        "t.txt",
    )
    [statement] = article.statements
    assert statement.cue == "وعلى لسان" and "country/iraq" in statement.speakers and len(statement.speakers) == 2


def test_a_participle_with_no_statement_before_it_goes_with_its_sentence_subject() -> None:
    (article,) = extract(
        'وقالت القيادة المركزية الأمريكية إن الهجوم "نفذته ميليشيات".\n\n'
        'وتعهد الرئيس الأمريكي جو بايدن بالرد، قائلاً: "سنحاسب جميع المسؤولين".',
        "t.txt",
    )
    assert [(s.cue, s.speakers) for s in article.statements][-1] == ("قائلاً", ["person/joe-biden"])


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("واستبعد مصدر حكومي أن يتم الانسحاب قبل نهاية العام.", "واستبعد", "مصدر حكومي"),
        ("ورجح المحلل السياسي إحسان الشمري أن تتأجل الانتخابات.", "ورجح", "إحسان الشمري"),
    ],
)
def test_verbs_of_judging_report_too(text: str, cue: str, speaker: str) -> None:
    (article,) = extract(text, "t.txt")
    assert [(s.cue, article.entities[s.speakers[0]].label_ar) for s in article.statements] == [(cue, speaker)]


_WORDS = [
    "قال",
    "وأضاف",
    "أكدت",
    "مشيراً",
    "بحسب",
    "إلى",
    "أن",
    "إن",
    "البيان",
    "الجانبان",
    "عراقجي",
    "بغداد",
    "،",
    ".",
    "«",
    "»",
    "“",
    "”",
    '"',
    ":",
    "\n",
    "\n\n",
    "قوله",
    "عن",
    "التي",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40))
def test_any_text_gives_well_formed_statements(words: list[str]) -> None:
    """Whatever the word salad, statements index the text and name known speakers."""
    article = find_statements(make_article(" ".join(words)))
    for s in article.statements:
        assert article.text[s.cue_start : s.cue_end] == s.cue
        assert article.text[s.content_start : s.content_end] == s.content != ""
        assert s.speakers and all(k in article.entities for k in s.speakers)
        assert all(article.entities[k].type != "Dialogue" for k in s.speakers)  # speakers are actors


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("من جانبها، قالت السفيرة الأمريكية في بغداد ألينا رومانوسكي إن واشنطن تدعم الحكومة.", "ألينا رومانوسكي"),
        ("وقال المبعوث الأممي إلى العراق محمد الحسان إن الانتخابات ستجري في موعدها.", "محمد الحسان"),
        ("وقال سفير العراق لدى واشنطن نزار الخير الله إن العلاقات قوية.", "نزار الخير الله"),
        ("وصرح النائب عن ائتلاف دولة القانون محمد الصيهود للصحافيين بأن القرار نهائي.", "محمد الصيهود"),
        ("وقال المستشار الألماني أولاف شولتس إن برلين تدعم بغداد.", "أولاف شولتس"),
    ],
)
def test_a_role_with_its_complements_before_the_name(text: str, speaker: str) -> None:
    """Definite titles (السفيرة، المبعوث)، where or whom a role serves (في، إلى، لدى، عن) and a
    name written with a hamza alef (ألينا is no ال + ينا), run through the whole pipeline."""
    [article] = extract(text, "t.txt")
    [statement] = article.statements
    assert [article.entities[k].label_ar for k in statement.speakers] == [speaker]


def _speakers(text: str) -> list[tuple[str, str]]:
    """(cue, first speaker's label) of each statement the whole pipeline finds in ``text``."""
    (article,) = extract(text, "t.txt")
    return [(s.cue, article.entities[s.speakers[0]].label_ar) for s in article.statements]


def test_a_spokesman_no_rule_knows_becomes_a_person_of_the_body_he_speaks_for() -> None:
    (article,) = extract(
        "موسكو - وقال متحدث باسم وزارة الخارجية الروسية إن بلاده لن تقبل العقوبات الأوروبية الجديدة.\n\n"
        "وأضاف المتحدث أن الرد سيكون متناسباً مع حجم الخطوة.",
        "t.txt",
    )
    keys = [s.speakers for s in article.statements]
    assert len(keys) == 2 and keys[0] == keys[1]
    spokesman = article.entities[keys[0][0]]
    assert (spokesman.type, spokesman.label_ar) == ("Person", "متحدث باسم وزارة الخارجية الروسية")
    assert spokesman.role == spokesman.label_ar
    assert [article.entities[k].label_ar for k in spokesman.affiliation] == ["وزارة الخارجية الروسية"]


def test_sources_and_media_no_list_names_speak_and_are_referred_back_to() -> None:
    (article,) = extract(
        "الخرطوم - أفادت مصادر عسكرية سودانية، مساء الأحد، بأن الجيش استعاد السيطرة على الجسر.\n\n"
        "وأضافت المصادر أن المعارك ما زالت مستمرة شرقي المدينة.\n\n"
        "وذكرت وسائل إعلام محلية أن آلاف الأسر نزحت من الأحياء الشرقية.",
        "t.txt",
    )
    speakers = [article.entities[s.speakers[0]] for s in article.statements]
    assert [e.label_ar for e in speakers] == ["مصادر عسكرية سودانية"] * 2 + ["وسائل إعلام محلية"]
    assert [e.type for e in speakers] == ["Person", "Person", "Organization"]
    assert speakers[0].affiliation == ["country/sudan"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'غزة - وصل وفد أمني مصري إلى القطاع لمتابعة تثبيت التهدئة، وفقاً لما ذكرته وكالة أنباء "رويترز".\n\n'
            'وقالت حركة "حماس" إنها ستلتزم بالتهدئة ما التزم بها الطرف الآخر، حسبما نقلت وكالة "رويترز".',
            [
                ("وفقاً", "رويترز", "وصل وفد أمني مصري إلى القطاع لمتابعة تثبيت التهدئة"),
                ("وقالت", "حماس", "ستلتزم بالتهدئة ما التزم بها الطرف الآخر"),
            ],
        ),
        (  # a ل-genitive in the source's name, no comma before it, a definite head before the stop
            "بيروت - انقطعت الكهرباء عن معظم أحياء المدينة، بحسب المرصد اللبناني لحقوق الإنسان.\n\n"
            "ونزح نحو ثلاثة آلاف شخص من القرى الحدودية وفق الأمم المتحدة.\n\n"
            "وارتفع عدد المصابين إلى أربعين، وفق المرصد.\n\n"
            "ويتم توزيع المساعدات وفق الحصص المعتمدة.",
            [
                ("بحسب", "المرصد اللبناني لحقوق الإنسان", "انقطعت الكهرباء عن معظم أحياء المدينة"),
                ("وفق", "الأمم المتحدة", "ونزح نحو ثلاثة آلاف شخص من القرى الحدودية"),
                ("وفق", "المرصد اللبناني لحقوق الإنسان", "وارتفع عدد المصابين إلى أربعين"),
            ],
        ),
        (  # a document with ل and its issuer after صادر عن, opening the sentence before فقد
            "ووفقا لبيان صادر عن الجيش الأردني فقد دمرت الطائرات مخزنا للأسلحة قرب الحدود.",
            [("ووفقا", "القوات المسلحة الأردنية", "فقد دمرت الطائرات مخزنا للأسلحة قرب الحدود")],
        ),
        (  # the source's short name in quotation marks after its name (an agency no gazetteer knows)
            'أسقطت الدفاعات الجوية طائرتين مسيرتين فوق الميناء، حسبما ذكرت وكالة أنباء الساحل الرسمية "ساحل".',
            [("حسبما", "وكالة أنباء الساحل الرسمية", "أسقطت الدفاعات الجوية طائرتين مسيرتين فوق الميناء")],
        ),
        (  # a source set off by commas inside what it reported: the whole sentence is its report
            "وتتضمن الخطة، بحسب المرصد الأردني لشؤون المياه، إنشاء ثلاثة سدود جديدة.\n\n"
            "وانطلقت، وفق المرصد، حملة لترشيد الاستهلاك في العاصمة.",
            [
                (
                    "بحسب",
                    "المرصد الأردني لشؤون المياه",
                    "وتتضمن الخطة، بحسب المرصد الأردني لشؤون المياه، إنشاء ثلاثة سدود جديدة",
                ),
                ("وفق", "المرصد الأردني لشؤون المياه", "وانطلقت، وفق المرصد، حملة لترشيد الاستهلاك في العاصمة"),
            ],
        ),
        (  # figures, statistics or estimates of a body: the body is the source (none without one)
            "عمان - وارتفع عدد النازحين إلى ثلاثة آلاف، بحسب أرقام المرصد الأردني لشؤون المياه.\n\n"
            "ويعمل في الميناء نحو ألفي عامل، وفقاً لإحصاءات الأمم المتحدة.\n\n"
            "وتراجع إنتاج القمح بنسبة الخمس وفق بيانات رسمية.",
            [
                ("بحسب", "المرصد الأردني لشؤون المياه", "وارتفع عدد النازحين إلى ثلاثة آلاف"),
                ("وفقاً", "الأمم المتحدة", "ويعمل في الميناء نحو ألفي عامل"),
            ],
        ),
    ],
)
def test_a_source_named_after_the_sentence_it_reported_speaks_that_sentence(text: str, expected: list) -> None:
    (article,) = extract(text, "t.txt")
    found = [(s.cue, article.entities[s.speakers[0]].label_ar, s.content) for s in article.statements]
    assert found == expected


def test_a_channel_speaks_for_its_body_and_a_definite_head_refers_back_to_it() -> None:
    assert _speakers(
        "القدس - ووفقاً لموقع هيئة البث الإسرائيلية، فقد وافقت الحكومة على المقترح المصري.\n\n"
        "وأشارت الهيئة إلى أن القرار اتخذ بالإجماع."
    ) == [("ووفقاً", "هيئة البث الإسرائيلية"), ("وأشارت", "هيئة البث الإسرائيلية")]


def test_an_office_speaks_as_itself_and_a_bracketed_short_name_is_its_body() -> None:
    found = _speakers(
        "واشنطن - أعلنت القيادة العسكرية الأمريكية في أوروبا (يوكوم)، أن طائراتها وصلت إلى القاعدة.\n\n"
        "وأكدت يوكوم من مقرها في ألمانيا أن المهمة دفاعية بحتة.\n\n"
        "وجاء في بيان لوزارة الدفاع الأمريكية أن التدريبات ستستمر أسبوعين."
    )
    assert [label for _cue, label in found] == ["القيادة العسكرية الأمريكية"] * 2 + ["وزارة الدفاع الأمريكية"]


def test_a_participle_spelt_like_a_verbal_noun_does_not_cut_a_content_short() -> None:
    (article,) = extract(
        "القاهرة - وقال وزير الخارجية المصري سامح شكري إن الوفدين يهدفان إلى متابعة تنفيذ الاتفاق بدقة.",
        "t.txt",
    )
    assert [s.content for s in article.statements] == ["الوفدين يهدفان إلى متابعة تنفيذ الاتفاق بدقة"]


def test_a_name_no_rule_knows_after_a_title_and_its_body_speaks_and_recurs_by_surname() -> None:
    (article,) = extract(
        "القاهرة - اجتمع وزراء النقل العرب اليوم في القاهرة.\n\n"
        "وأعلن أمين عام رابطة الموانئ العربية ناصيف الكرملي أن الاجتماع المقبل سيعقد في تونس.\n\n"
        "وأضاف الكرملي أن الموانئ جاهزة لاستقبال السفن الكبيرة.",
        "t.txt",
    )
    keys = [s.speakers for s in article.statements]
    assert len(keys) == 2 and keys[0] == keys[1]
    person = article.entities[keys[0][0]]
    assert (person.type, person.label_ar, person.role) == ("Person", "ناصيف الكرملي", "أمين عام رابطة الموانئ العربية")


def test_an_unnamed_speaker_with_nothing_to_tell_him_apart_makes_no_statement() -> None:
    assert _speakers("وأكد مسؤول آخر طلب عدم ذكر اسمه أن المحادثات مستمرة.\n\nوقالت مصادر مطلعة إن الاتفاق قريب.") == []


def test_a_relaying_verb_credits_the_source_after_its_preposition() -> None:
    assert _speakers(
        'عمان - ونقلت وكالة "رويترز" عن وزير الخارجية الأردني أيمن الصفدي القول إن بلاده ترفض التهجير.\n\n'
        "ونقلت صحيفة محلية عن مصادر حكومية أردنية أن الحدود ستبقى مغلقة."
    ) == [("ونقلت", "أيمن الصفدي"), ("ونقلت", "مصادر حكومية أردنية")]


def test_a_subject_before_its_verb_is_a_speaker_phrase_or_else_no_one_known() -> None:
    assert _speakers(
        "الكويت - وصل وزير الخارجية السعودي إلى الكويت اليوم.\n\n"
        "مصادر دبلوماسية خليجية قالت إن الزيارة تمهد لقمة مقبلة.\n\n"
        "الوزير الضيف قال للصحفيين إن المحادثات كانت صريحة."
    ) == [("قالت", "مصادر دبلوماسية خليجية")]


def test_a_definite_body_with_its_nisba_speaks_and_a_bracketed_short_name_is_the_outer_body() -> None:
    (article,) = extract(
        "الرياض - وأعلنت السفارة الأمريكية في الرياض، في بيان، أنها ترحب بنتائج الاجتماع.\n\n"
        "وبحسب وكالة الأنباء السعودية الرسمية (واس)، فإن الوزيرين بحثا الأوضاع في اليمن.\n\n"
        "وأوضحت واس أن الوزيرين وقعا مذكرة تفاهم.",
        "t.txt",
    )
    speakers = [article.entities[s.speakers[0]] for s in article.statements]
    # the agency is known (kg/data/gazetteer.ttl): its name ends before الرسمية
    assert [e.label_ar for e in speakers] == ["السفارة الأمريكية"] + ["وكالة الأنباء السعودية"] * 2
    assert (speakers[0].type, speakers[0].affiliation) == ("Organization", ["country/united-states"])


def test_a_statement_named_by_the_nisbas_of_its_issuers_is_theirs() -> None:
    (article,) = extract(
        "جدة - استؤنفت المحادثات بين الطرفين السودانيين اليوم في جدة.\n\n"
        "وقال بيان سعودي أمريكي مشترك إن المحادثات ستركز على وقف إطلاق النار.\n\n"
        "وأكد البيان السعودي الأمريكي أن الوسيطين سيواصلان جهودهما.",
        "t.txt",
    )
    assert [s.speakers for s in article.statements] == [["country/saudi-arabia", "country/united-states"]] * 2


def test_an_outlet_head_before_a_quoted_name_no_list_knows_is_that_outlet() -> None:
    assert _speakers(
        "الرباط - وصل الوفد الإسرائيلي إلى الرباط.\n\n"
        'وقال موقع "والا" الإخباري إن الاتفاق يشمل التعاون الاستخباري.\n\n'
        "وأشار الموقع إلى أن الوفد يضم عشرين ضابطاً."
    ) == [("وقال", "والا"), ("وأشار", "والا")]


def test_a_force_and_a_ministry_by_portfolio_no_list_knows_speak_and_a_negated_cue_stays_silent() -> None:
    assert _speakers(
        "الخرطوم - بدأت جولة جديدة من المحادثات في جدة.\n\n"
        "وقالت الخارجية السعودية في بيان إن المحادثات تهدف إلى وقف دائم لإطلاق النار.\n\n"
        "وأعلنت قوات الدعم السريع ترحيبها باستئناف المحادثات، مشيرة إلى أنها أرسلت وفدها.\n\n"
        "ولم يعلن الجيش السوداني عن موقفه من الجولة."
    ) == [("وقالت", "الخارجية السعودية"), ("وأعلنت", "قوات الدعم السريع"), ("مشيرة", "قوات الدعم السريع")]


def test_a_quotation_the_page_never_closes_is_the_content_not_a_clause_inside_it() -> None:
    (article,) = extract(
        "القاهرة - اجتمع وزيرا خارجية مصر والأردن اليوم.\n\n"
        'وقال وزير الخارجية الأردني أيمن الصفدي رئيس الوفد "نرى أن الحل الوحيد هو إقامة الدولة',
        "t.txt",
    )
    assert [(s.content, s.direct_quote) for s in article.statements] == [("نرى أن الحل الوحيد هو إقامة الدولة", True)]


def test_a_source_closing_its_sentence_after_what_it_reported_keeps_the_rest_of_its_name() -> None:
    assert _speakers(
        "بيروت - وصل الموفد الفرنسي إلى بيروت مساء الأحد، على ما أفادت به الوكالة الوطنية للإعلام.\n\n"
        "ويبدو الوضع هادئاً، على ما يبدو، في العاصمة."
    ) == [("على ما", "الوكالة الوطنية للإعلام")]


def test_a_statement_issued_by_three_sides_after_its_adjective_is_all_three_sides() -> None:
    (article,) = extract(
        "بكين - التقى الوزيران في بكين اليوم.\n\n"
        "وقال البيان الثلاثي الصادر عن السعودية وإيران والصين إن البلدين اتفقا على فتح السفارتين.",
        "t.txt",
    )
    assert [s.speakers for s in article.statements] == [["country/saudi-arabia", "country/iran", "country/china"]]


def test_a_numbered_channel_with_its_nisba_speaks() -> None:
    assert _speakers(
        "القدس - وصل الوفد إلى الرباط.\n\nوقالت القناة 12 العبرية إن المذكرة تشمل التعاون الاستخباري."
    ) == [("وقالت", "القناة 12 العبرية")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # body heads the mention rules do not list (تحالف، مرصد) and their definite form later
            "قال تحالف دعم الحكومة في الصومال، إن قافلة إغاثة وصلت إلى الميناء، الاثنين.\n\n"
            "وأوضح التحالف في بيان، إن الشاحنات تحمل أدوية وأغذية للنازحين.\n\n"
            "وأفاد المرصد الصومالي لحقوق الإنسان بأن الطرق ما زالت مغلقة في الجنوب.",
            [("قال", "تحالف دعم الحكومة"), ("وأوضح", "تحالف دعم الحكومة"), ("وأفاد", "المرصد الصومالي لحقوق الإنسان")],
        ),
        (  # تلفزيون، مراسل، سلطات; a definite noun after a definite nisba is the verb's object
            "طرابلس - أعلن التلفزيون الليبي القبض على ثلاثة مهربين، الخميس.\n\n"
            "وذكر مراسل وكالة الأنباء الألمانية أن اشتباكات تجري قرب الميناء.\n\n"
            "وقالت السلطات المالطية إن قارباً غرق قبالة سواحلها.",
            [("أعلن", "التلفزيون الليبي"), ("وذكر", "مراسل وكالة الأنباء الألمانية"), ("وقالت", "مالطا")],
        ),
    ],
)
def test_bodies_and_reporters_no_list_names_speak_and_are_referred_back_to(text: str, expected: list) -> None:
    assert _speakers(text) == expected


def test_a_bare_feminine_verb_continues_the_speaker_of_a_feminine_verb() -> None:
    """A bare "وقالت:" after a statement made with a feminine verb continues its speaker, even a person
    (a woman minister); after a masculine verb it does not."""
    names = {"ليلى حسن": ("Person", "person/laila"), "عراقجي": ("Person", "person/araghchi")}
    quote = "«سنواصل العمل مع شركائنا في المنطقة»"
    for verb, expected in (("وقالت", [["person/laila"]] * 2), ("وقال", [["person/araghchi"]])):
        speaker = "ليلى حسن" if verb == "وقالت" else "عراقجي"
        article = find_statements(mentioned.make_article(f"{verb} {speaker} إن الوفد وصل. وقالت: {quote}.", names))
        assert [s.speakers for s in article.statements] == expected


def test_concluding_with_a_saying_continues_the_speaker() -> None:
    found = statements_of("قال عراقجي إن الحوار مستمر. وختم بالقول: «الدبلوماسية هي الطريق الوحيد».")
    assert found[1] == ("وختم", ["person/araghchi"], "الدبلوماسية هي الطريق الوحيد", True)
    assert statements_of("قال عراقجي إن الحوار مستمر. واختتم الوزير زيارته إلى بغداد.")[1:] == []


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (  # "جاء في بيان لـ X": the issuer "البيان" refers back to
            "وجاء في بيان لوزارة الخارجية العراقية أن الوزير سافر. وأضاف البيان أن الزيارة تستمر يومين.",
            [["org/iraq-mfa"], ["org/iraq-mfa"]],
        ),
        (  # "أعلنت X في بيان الأحد ..." with the content right after: X issued it
            "وكانت الخارجية الأمريكية أعلنت في بيان الأحد إغلاق السفارة. وأضاف البيان أن الموظفين غادروا.",
            [["org/us-state"], ["org/us-state"]],
        ),
        (  # no "في بيان" at all: "البيان" is the last body that spoke
            "أعلنت القيادة المركزية حظر التجول في المدينة. وأضاف البيان أن الدوريات ستعتقل المخالفين.",
            [["org/centcom"], ["org/centcom"]],
        ),
    ],
)
def test_the_statement_refers_back_to_its_issuer(text: str, speakers: list[list[str]]) -> None:
    assert [s for _cue, s, _content, _direct in statements_of(text)] == speakers


def test_the_statement_refers_back_to_the_body_that_issued_it_after_a_long_subject() -> None:
    (article,) = extract(
        "خبر\n\nوقال المتحدث باسم حركة فتح نبيل شعث في بيان إن الهدوء سيعود إلى المدينة خلال ساعات.\n\n"
        "ومساء الجمعة أعلن الجيش الإسرائيلي في بيان مقتل أحد جنوده على الحدود.\n\n"
        "وقال البيان إن الجندي أصيب بنيران قناص.",
        "t.txt",
    )
    labels = [[article.entities[k].label_ar for k in s.speakers] for s in article.statements]
    assert labels[-1] == ["الجيش الإسرائيلي"]


def test_which_led_x_to_is_no_report() -> None:
    """ "مما دعا طهران إلى" is "which led Tehran to", not Tehran calling for anything."""
    assert statements_of("أحرق متظاهرون القنصلية مما دعا إيران إلى سحب موظفيها من المدينة.") == []


def test_a_trailing_source_does_not_take_a_report_whose_speaker_is_unknown() -> None:
    """ "وقال X إن ...، وفقاً لوكالة": the agency relays X even when no rule knows X."""
    text = "وقال البابا في بيان إن الحرب يجب أن تتوقف فوراً، وفقاً لوزارة الخارجية العراقية."
    assert statements_of(text) == []


def test_a_trailing_source_with_its_date_an_outlet_portal_and_a_statement_issued_by() -> None:
    found = _speakers(
        "غزة - توفي طفل قرب الحدود، بحسب ما أعلنت وزارة الصحة الفلسطينية، الثلاثاء.\n\n"
        "وأصدرت محكمة الجنايات حكمها على عشرين متهما وفقا لما أوردته بوابة الأهرام.\n\n"
        "ويأتي ذلك في وقت حرج. وجاء في تقرير صدر عن الأمم المتحدة في سبتمبر أن المعابر مغلقة.\n\n"
        "وطالبت روسيا بإدخال تعديلات على نص المشروع."
    )
    assert found == [
        ("بحسب", "وزارة الصحة الفلسطينية"),
        ("وفقا", "بوابة الأهرام"),
        ("وجاء في", "الأمم المتحدة"),
        ("وطالبت", "روسيا"),
    ]


def test_the_outlet_spoken_to_is_no_part_of_the_speaker_and_the_verb_of_a_source_is_no_statement() -> None:
    (article,) = extract(
        'بغداد - وذكرت مصادر عسكرية لـ"سكاي نيوز عربية" أن الغارات استهدفت مواقع للمسلحين.\n\n'
        "وتجمع أنصاره في وسط بغداد للاحتفال، بحسب ما قال زيد الزاملي (33 عاما).",
        "t.txt",
    )
    found = [(s.cue, article.entities[s.speakers[0]].label_ar) for s in article.statements]
    assert found == [("وذكرت", "مصادر عسكرية"), ("بحسب", "زيد الزاملي")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("وأدانت وزارة الخارجية العراقية الهجوم على البعثة الدبلوماسية.", "وأدانت"),
        ("ودانت الحكومة العراقية القصف الذي استهدف المدنيين.", "ودانت"),
        ("وندد عراقجي بالعقوبات الجديدة على بلاده.", "وندد"),
        ("واستنكرت الخارجية الأمريكية اقتحام السفارة في بغداد.", "واستنكرت"),
        ("ورحب فؤاد حسين باستئناف الحوار الاستراتيجي مع واشنطن.", "ورحب"),
        ("واتهم عراقجي الولايات المتحدة بعرقلة المفاوضات.", "واتهم"),
        ("وأشادت الخارجية الأمريكية بدور الحكومة العراقية في الوساطة.", "وأشادت"),
        ("وحث فؤاد حسين إيران على ضبط النفس.", "وحث"),
        ("وطالبت الحكومة العراقية بانسحاب القوات الأجنبية.", "وطالبت"),
        ("وهدد عراقجي بالرد على أي اعتداء.", "وهدد"),
        ("وتفيد وزارة الخارجية العراقية بأن الوزير سيزور طهران.", "وتفيد"),
        ("وتعهد عراقجي بأن بلاده ستواصل الحوار.", "وتعهد"),
    ],
)
def test_speech_acts_beyond_saying_are_statements(text: str, cue: str) -> None:
    """Condemning, welcoming, accusing, praising, urging, demanding, threatening, pledging."""
    assert [c for c, _speakers, _content, _direct in statements_of(text)] == [cue]


def test_a_party_official_and_sources_before_the_verb_object_speak() -> None:
    """قيادي heads a person's phrase; sources followed by the verb's object (مقتل ...) are no
    title waiting for a name."""
    found = _speakers(
        "عدن - وأكدت مصادر عسكرية وطبية مقتل ثلاثة جنود في المواجهات قرب المطار.\n\n"
        "وقال قيادي في حركة حماس إن الحركة ستلتزم بالتهدئة."
    )
    assert found == [("وأكدت", "مصادر عسكرية وطبية"), ("وقال", "قيادي في حركة حماس")]


@pytest.mark.parametrize(
    ("body", "speaker", "content"),
    [
        # where it said so, after the source that closes the sentence
        (
            "قتل خمسة مدنيين في قصف على البلدة، بحسب ما أعلنت وزارة الصحة في المدينة.",
            "وزارة الصحة",
            "قتل خمسة مدنيين في قصف على البلدة",
        ),
        (
            "وقررت الحكومة استدعاء سفيرها لدى البرازيل، وفق ما أعلنت وزارة الخارجية في بيان.",
            "وزارة الخارجية",
            "وقررت الحكومة استدعاء سفيرها لدى البرازيل",
        ),
        # a date, a comma and a new clause after the source
        (
            "ونزح أكثر من ألف شخص من القرى الحدودية بحسب ما أعلنت الأمم المتحدة الخميس، وتوجه معظمهم إلى المدن.",
            "الأمم المتحدة",
            "ونزح أكثر من ألف شخص من القرى الحدودية",
        ),
    ],
)
def test_a_source_after_what_it_reported_may_be_followed_by_where_and_a_new_clause(
    body: str, speaker: str, content: str
) -> None:
    article = extract("خبر\n\n" + body, "t")[0]
    assert [([article.entities[k].label_ar for k in s.speakers], s.content) for s in article.statements] == [
        ([speaker], content)
    ]


def test_a_relative_clause_on_a_source_set_off_by_a_comma_is_a_statement_of_its_own() -> None:
    article = extract(
        "خبر\n\nوتأتي التعزيزات في إطار التحضيرات للهجوم، وفق سالم الأحمدي، الذي أشار إلى أن العملية ستكون سريعة.", "t"
    )[0]
    assert [(s.cue, [article.entities[k].label_ar for k in s.speakers]) for s in article.statements] == [
        ("وفق", ["سالم الأحمدي"]),
        ("أشار", ["سالم الأحمدي"]),
    ]


def test_a_denial_takes_a_noun_as_its_content() -> None:
    article = extract("خبر\n\nونفت الحكومة المصرية وجود أي خلاف مع السودان.", "t")[0]
    assert [([article.entities[k].label_ar for k in s.speakers], s.content) for s in article.statements] == [
        (["مصر"], "وجود أي خلاف مع السودان")
    ]


def test_a_noun_content_inside_a_quotation_stays_in_the_quotation() -> None:
    # the denial is part of what the minister said, not a statement of the government's
    article = extract(
        'خبر\n\nوقال وزير الخارجية أيمن الصفدي "منذ سنوات، تنفي الحكومة أي تورط في النزاع الدائر هناك".', "t"
    )[0]
    assert [(s.cue, [article.entities[k].label_ar for k in s.speakers]) for s in article.statements] == [
        ("وقال", ["أيمن الصفدي"])
    ]


def test_a_noun_content_ends_where_a_connector_opens_the_next_report() -> None:
    (article,) = extract(
        "وأكد وزير الخارجية الأردني أيمن الصفدي وجود دبابات داخل المدينة "
        "فيما ذكر سكان المدينة أن نحو مئة جندي وصلوا إليها أمس.",
        "t.txt",
    )
    found = [(s.cue, [article.entities[k].label_ar for k in s.speakers], s.content) for s in article.statements]
    assert found == [
        ("وأكد", ["أيمن الصفدي"], "وجود دبابات داخل المدينة"),
        ("ذكر", ["سكان المدينة"], "نحو مئة جندي وصلوا إليها أمس"),
    ]


def test_a_noun_content_ends_at_a_contrasting_connector_before_a_report_it_could_not_credit() -> None:
    (article,) = extract(
        "وأكد وزير الخارجية الأردني أيمن الصفدي وجود دبابات داخل المدينة فيما ذكر آخرون أن الجنود انسحبوا.",
        "t.txt",
    )
    assert [s.content for s in article.statements] == ["وجود دبابات داخل المدينة"]


def test_a_bare_verb_reaches_its_clause_past_an_adjunct_set_off_by_commas() -> None:
    (article,) = extract(
        "وقال وزير الخارجية الأردني أيمن الصفدي إن الحدود ستبقى مفتوحة.\n\n"
        "وأضاف، خلال لقائه وفدا برلمانيا في عمان، أن التجارة بين البلدين سترتفع.",
        "t.txt",
    )
    found = [(s.cue, [article.entities[k].label_ar for k in s.speakers], s.content) for s in article.statements]
    assert found[1:] == [("وأضاف", ["أيمن الصفدي"], "التجارة بين البلدين سترتفع")]


@pytest.mark.parametrize(
    ("body", "content"),
    [
        # the verb's object, what it describes, stands before بأن
        (
            'ووصف متحدث باسم الخارجية الفرنسية المحادثات بين الوفدين بأنها كانت "مثمرة وصريحة".',
            'المحادثات بين الوفدين بأنها كانت "مثمرة وصريحة"',
        ),
        # and after its participle
        (
            "وقال وزير الخارجية الأردني أيمن الصفدي إن الاجتماع كان مفيدا، واصفا المحادثات بأنها صريحة وبناءة.",
            "المحادثات بأنها صريحة وبناءة",
        ),
        # an adjunct set off by commas is no object
        ("ووصف المتحدث باسم الحكومة، في مؤتمر صحفي، بأن الوضع مستقر.", "الوضع مستقر"),
    ],
)
def test_what_a_describing_verb_describes_is_part_of_its_content(body: str, content: str) -> None:
    (article,) = extract(body, "t.txt")
    assert article.statements[-1].content == content


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وحمّل عراقجي واشنطن المسؤولية الكاملة عن انهيار المحادثات.",
            [("وحمّل", ["person/araghchi"], "واشنطن المسؤولية الكاملة عن انهيار المحادثات", False)],
        ),
        (  # the required word in quotation marks
            'وحمّل عراقجي واشنطن "المسؤولية" عن انهيار المحادثات.',
            [("وحمّل", ["person/araghchi"], 'واشنطن "المسؤولية" عن انهيار المحادثات', False)],
        ),
        (
            "وأنحى عراقجي باللائمة على واشنطن في تعثر المفاوضات.",
            [("وأنحى", ["person/araghchi"], "باللائمة على واشنطن في تعثر المفاوضات", False)],
        ),
    ],
)
def test_a_blame_verb_is_a_report_with_the_blame_it_lays(text: str, expected: list) -> None:
    assert statements_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وحمل عراقجي رسالة من طهران إلى واشنطن.",  # carried a letter: no blame
        "وألقى عراقجي كلمة أمام المؤتمر في طهران.",  # delivered a speech
    ],
)
def test_a_blame_verb_without_the_blame_is_no_report(text: str) -> None:
    assert statements_of(text) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # what the verb describes is its pronoun; the subject after it, a name set off by commas
        (
            'في حين وصفته وزيرة التضامن في المغرب، سامية الحسني، بأنه "عمل بربري لا يغتفر".',
            [("وصفته", "سامية الحسني")],
        ),
        # no subject: the speaker of the sentence before goes on
        (
            'وقال الرئيس سامي العلي إن الاتفاق سيئ. ووصفه بأنه "أسوأ اتفاق في التاريخ كله".',
            [("وقال", "سامي العلي"), ("ووصفه", "سامي العلي")],
        ),
        # after a relative or a preposition it names what was described, or is the verbal noun
        ('وانتقد الوزير سامي العلي ما وصفه بأنه "تدخل أجنبي سافر في البلاد".', [("وانتقد", "سامي العلي")]),
        ('وأشارت الصحيفة إلى وصفه الرئيس بأنه "رجل لا يعرف التاريخ أبدا".', [("وأشارت", "الصحيفة")]),
    ],
)
def test_a_describing_verb_with_an_object_pronoun_is_a_cue(body: str, expected: list[tuple[str, str]]) -> None:
    article = extract("خبر اليوم\n\n" + body, "test")[0]
    found = [(s.cue, " + ".join(article.entities[k].label_ar for k in s.speakers)) for s in article.statements]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # verb first, the day set off between the subject and عن; the content is the noun after عن
            "وعبّر عراقجي، الأحد، عن قلقه من أن يتصاعد التوتر في المنطقة.",
            [("وعبّر", ["person/araghchi"], "قلقه من أن يتصاعد التوتر في المنطقة", False)],
        ),
        (  # noun first
            "عراقجي عبّر عن ارتياحه لنتائج الجولة الأخيرة.",
            [("عبّر", ["person/araghchi"], "ارتياحه لنتائج الجولة الأخيرة", False)],
        ),
        (  # continued, and a verb that is also a noun (طالب) with its object right after it
            "قال فؤاد حسين إن الحوار مستمر. وعبر عن أمله في نهاية الأزمة. وطالب بالعودة إلى المفاوضات.",
            [
                ("قال", ["person/fuad-hussein"], "الحوار مستمر", False),
                ("وعبر", ["person/fuad-hussein"], "أمله في نهاية الأزمة", False),
                ("وطالب", ["person/fuad-hussein"], "بالعودة إلى المفاوضات", False),
            ],
        ),
        ("ونشر عراقجي رسالة عبر حسابه على تويتر عن العلاقات مع بغداد.", []),  # عبر "via"
        ("وعبرت القوات العراقية الحدود عن طريق معبر قريب.", []),  # crossed, with an object before عن
    ],
)
def test_expressing_takes_the_noun_after_its_preposition(text: str, expected: list) -> None:
    """عبّر X عن: a report only with عن after its subject or right after it."""
    assert statements_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وكانت الأهداف التي رفعها المتظاهرون معبرة عن مطالب الشعب.",  # a participle that reflects
        "وحرصت الحكومة العراقية على تبادل الهدايا التي عبرت عن عمق العلاقات.",  # after a relative
    ],
)
def test_expressing_as_reflecting_is_no_report(text: str) -> None:
    assert statements_of("قال عراقجي إن الحوار مستمر. " + text)[1:] == []


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("عراقجي دعا واشنطن إلى رفع العقوبات.", "person/araghchi", "واشنطن إلى رفع العقوبات"),
        ("وكانت الخارجية الأمريكية طالبت إيران بوقف القصف.", "org/us-state", "إيران بوقف القصف"),
        ("كما أن فؤاد حسين حث واشنطن على حماية البعثات.", "person/fuad-hussein", "واشنطن على حماية البعثات"),
        ("وكانت بغداد اتهمت واشنطن بانتهاك سيادتها.", "country/iraq", "واشنطن بانتهاك سيادتها"),
    ],
)
def test_a_subject_before_a_bare_verb_speaks_and_the_noun_after_is_its_object(
    text: str, speaker: str, content: str
) -> None:
    """X دعا Y إلى: the subject written before a verb without و opens its clause; Y is who was called on."""
    assert [(speakers, found) for _cue, speakers, found, _direct in statements_of(text)] == [([speaker], content)]


def test_a_bare_verb_after_a_noun_of_another_clause_keeps_the_subject_after_it() -> None:
    """ "بعد لقائه X دعا Y": X is a verbal noun's object, not the subject written before the verb."""
    found = statements_of("وبعد لقائه عراقجي دعا فؤاد حسين إلى الحوار.")
    assert [speakers for _cue, speakers, _content, _direct in found] == [["person/fuad-hussein"]]


def test_a_subject_before_a_bare_verb_inside_what_was_said_makes_no_statement_of_its_own() -> None:
    """وقال X إن Y دعا Z إلى: Y's call is part of X's statement, and Z is no speaker."""
    found = statements_of("وقال عراقجي إن فؤاد حسين دعا واشنطن إلى الحوار.")
    assert found == [("وقال", ["person/araghchi"], "فؤاد حسين دعا واشنطن إلى الحوار", False)]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("بغداد - باسم العوادي أعلن عراقجي أن المحادثات مستمرة.", "person/araghchi", "المحادثات مستمرة"),  # a byline
        ("فؤاد حسين أعرب فؤاد حسين عن قلقه.", "person/fuad-hussein", "عن قلقه"),  # a glued headline
        ("عراقجي حذر واشنطن من أن التصعيد خطير.", "person/araghchi", "التصعيد خطير"),  # an object before من أن
        ("عراقجي وصف واشنطن بأنها شريك صعب.", "person/araghchi", "واشنطن بأنها شريك صعب"),  # before بأن
    ],
)
def test_a_name_before_a_verb_is_no_subject_when_what_was_said_follows_the_subject_after_it(
    text: str, speaker: str, content: str
) -> None:
    """ "X أعلن Y أن": Y, followed by what was said, is the subject; "X حذر Y من أن": Y is the object."""
    assert [(speakers, found) for _cue, speakers, found, _direct in statements_of(text)] == [([speaker], content)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the issuer written after the verb that put the document out
            "قال عراقجي إن المفاوضات صعبة. ونشر مسؤول أمريكي تقريرا، أكد فيه أن الفصائل المسلحة تتراجع.",
            ("أكد", ["person/us-official"], "الفصائل المسلحة تتراجع", False),
        ),
        (  # the issuer before it (وكان X قد أصدر); the pronoun is no word of what was asked
            "قال عراقجي إن المفاوضات صعبة. وكان الخزعلي قد أصدر بيانا، دعا فيه إلى سحب القوات الأجنبية.",
            ("دعا", ["person/khazali"], "إلى سحب القوات الأجنبية", False),
        ),
    ],
)
def test_a_verb_with_the_pronoun_of_a_document_speaks_for_who_put_it_out(text: str, expected: tuple) -> None:
    """"أصدر X بياناً قال فيه": X, not the last speaker (here Araghchi), speaks in it."""
    assert statements_of(text)[-1] == expected


def test_a_verb_with_the_pronoun_of_no_document_put_out_goes_on_with_the_last_speaker() -> None:
    found = statements_of("قال عراقجي إن المفاوضات صعبة. وفي اللقاء الذي جرى في بغداد، أكد فيه أن طهران لن تتفاوض.")
    assert found[-1] == ("أكد", ["person/araghchi"], "طهران لن تتفاوض", False)


@pytest.mark.parametrize(
    "text",
    [
        'وقالت الأم في حديثها: "لن ننسى ابننا أبدا".',
        'وكتب الطبيب: "المستشفى يعمل بلا كهرباء".',
    ],
)
def test_a_definite_noun_no_one_knows_before_the_colon_is_the_subject_not_the_last_speaker(text: str) -> None:
    assert statements_of("قال عراقجي إن المفاوضات صعبة. " + text) == [
        ("قال", ["person/araghchi"], "المفاوضات صعبة", False)
    ]


def test_a_bare_verb_before_where_it_said_so_and_the_colon_goes_on_with_the_last_speaker() -> None:
    found = statements_of('قال عراقجي إن المفاوضات صعبة. وقال في حديثه للصحفيين: "لن نتفاوض تحت الضغط".')
    assert found[-1] == ("وقال", ["person/araghchi"], "لن نتفاوض تحت الضغط", True)

