"""Telephone calls told by a verb (kg.mentions.calls), through the whole pipeline: exact sets
of Dialogue nodes with their participants, so a spurious call or side fails too."""

from __future__ import annotations

import pytest

from kg.model import Entity
from kg.pipeline import extract


def _dialogues(text: str) -> list[tuple[Entity, dict[str, Entity]]]:
    (article,) = extract(text, "test")
    return [(e, article.entities) for e in article.entities.values() if e.type == "Dialogue"]


def _named(text: str) -> set[tuple[str, frozenset[str]]]:
    """Each dialogue's label and the labels of its participants."""
    return {(e.label_ar, frozenset(entities[k].label_ar for k in e.participants)) for e, entities in _dialogues(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the caller after the verb, the one called after بـ, a day between
        (
            "واتصل الرئيس التونسي قيس سعيد، الخميس، بالرئيس الجزائري عبد المجيد تبون وبحثا العلاقات.",
            {
                (
                    "اتصل الرئيس التونسي قيس سعيد، الخميس، بالرئيس الجزائري عبد المجيد تبون",
                    frozenset({"قيس سعيد", "عبد المجيد تبون", "تونس", "الجزائر"}),
                )
            },
        ),
        # the one called as the verb's object, after a title no rule reads as a person
        (
            "وهاتف رئيس الوزراء الإيطالي ماريو دراغي نظيره اليوناني كيرياكوس ميتسوتاكيس أمس.",
            {
                (
                    "هاتف رئيس الوزراء الإيطالي ماريو دراغي نظيره اليوناني كيرياكوس ميتسوتاكيس",
                    frozenset({"ماريو دراغي", "كيرياكوس ميتسوتاكيس", "إيطاليا", "اليونان"}),
                )
            },
        ),
        # a verb of talking made a call by "هاتفياً" (no name of the caller's), the other side after مع
        (
            "وتحدث وزير الخارجية الكندي هاتفيا مع نظيره الياباني يوشيماسا هاياشي.",
            {
                (
                    "تحدث وزير الخارجية الكندي هاتفيا مع نظيره الياباني يوشيماسا هاياشي",
                    frozenset({"وزير الخارجية الكندي", "يوشيماسا هاياشي", "كندا", "اليابان"}),
                )
            },
        ),
        # a title no rule reads before the one called, and a second one called joined to it (the
        # label ends at the second's title, أمير الكويت, a title of its own; its holder after the
        # honorific is still a side)
        (
            "واتصل الرئيس الفرنسي إيمانويل ماكرون، مساء الأحد، بالعاهل الأردني الملك عبد الله بن الحسين"
            " وأمير الكويت الشيخ نواف الأحمد.",
            {
                (
                    "اتصل الرئيس الفرنسي إيمانويل ماكرون، مساء الأحد، بالعاهل الأردني الملك عبد الله بن الحسين"
                    " وأمير الكويت",
                    frozenset({"إيمانويل ماكرون", "عبد الله بن الحسين", "نواف الأحمد", "فرنسا", "الأردن", "الكويت"}),
                )
            },
        ),
        # the caller as the subject before the verb, with its title
        (
            "وذكر البيان أن الرئيس الكيني وليام روتو تحدث هاتفيا الأحد مع نظيره الأوغندي يويري موسيفيني.",
            {
                (
                    "الرئيس الكيني وليام روتو تحدث هاتفيا الأحد مع نظيره الأوغندي يويري موسيفيني",
                    frozenset({"وليام روتو", "يويري موسيفيني", "كينيا", "أوغندا"}),
                )
            },
        ),
        # a dual verb: the two named before it are the sides
        (
            "وكان الرئيس الكيني وليام روتو والرئيس التنزاني سامية حسن قد تحدثا هاتفيا.",
            {("تحدثا هاتفيا", frozenset({"وليام روتو", "سامية حسن", "كينيا", "تنزانيا"}))},
        ),
        # no call: the one called is no one named, or a pronoun; the caller a station; a noun
        ("وقالت الشاهدة إنها اتصلت بالشرطة فورا، ثم اتصل به صديقه.", set()),
        ("واتصلت إذاعة محلية بالمواطن أحمد سعيد وسألته عن الحادث.", set()),
        ("وتواصلت قناة محلية هاتفيا مع الناشطة منى سالم التي نفت ذلك.", set()),
        ("وأضاف أن هاتف الصحفي أحمد علي كان مغلقا.", set()),
    ],
)
def test_calls_told_by_a_verb(text: str, expected: set[tuple[str, frozenset[str]]]) -> None:
    assert _named(text) == expected


def test_a_call_takes_the_day_told_between_its_sides() -> None:
    ((call, _entities),) = _dialogues(
        "واتصل الرئيس التونسي قيس سعيد يوم 14 أكتوبر 2021 بالرئيس الجزائري عبد المجيد تبون."
    )
    assert call.start_date == "2021-10-14"


def test_every_past_form_of_a_verb_of_talking_is_derived() -> None:
    """The data lists each verb once, its masculine past; the feminine dual (تباحثتا) is derived
    by the past suffixes of verb_inflection.jsonl, as the reporting verbs' forms are."""
    text = "وكانت الرئيسة التنزانية سامية حسن والرئيسة السلوفاكية زوزانا تشابوتوفا قد تباحثتا هاتفيا."
    assert {label for label, _ in _named(text)} == {"تباحثتا هاتفيا"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the caller in construct with the noun, the one called after بـ
        (
            "وجاء القرار بعد اتصال الرئيس المصري عبد الفتاح السيسي بالعاهل الأردني الملك عبد الله الثاني.",
            {
                (
                    "اتصال الرئيس المصري عبد الفتاح السيسي بالعاهل الأردني الملك عبد الله الثاني",
                    frozenset({"عبد الفتاح السيسي", "عبد الله الثاني", "مصر", "الأردن"}),
                )
            },
        ),
        # the one called after مع; the caller is the sentence's subject
        (
            "وأكد وزير الخارجية الأردني أيمن الصفدي في اتصال مع نظيره العراقي فؤاد حسين دعم بلاده.",
            {
                (
                    "اتصال مع نظيره العراقي فؤاد حسين",
                    frozenset({"أيمن الصفدي", "فؤاد حسين", "الأردن", "العراق"}),
                )
            },
        ),
        # the caller the noun's pronoun, the one called after بـ
        (
            "واستقبل الرئيس الفرنسي إيمانويل ماكرون الوزير بعد يومين من اتصاله بالرئيس الروسي فلاديمير بوتين.",
            {
                (
                    "اتصاله بالرئيس الروسي فلاديمير بوتين",
                    frozenset({"إيمانويل ماكرون", "فرنسا", "فلاديمير بوتين", "روسيا"}),
                )
            },
        ),
        # the one called by a title before his state, no name
        (
            "وجاء اتصال الرئيس الفرنسي إيمانويل ماكرون بأمير الكويت مساء الاثنين بعد أيام من التوتر.",
            {
                (
                    "اتصال الرئيس الفرنسي إيمانويل ماكرون بأمير الكويت",
                    frozenset({"إيمانويل ماكرون", "فرنسا", "الكويت"}),
                )
            },
        ),
        ("وقالت الوزيرة إن اتصالها بذويها انقطع منذ أيام.", set()),
        ("وقال إن اتصاله بالسلطات الكويتية لم ينقطع.", set()),
        # "between the two": the two persons the sentence named before it
        (
            "وبحث رئيس الوزراء الإيطالي ماريو دراغي مع الرئيس التونسي قيس سعيد خلال اتصال بينهما ملف الهجرة.",
            {("اتصال بينهما", frozenset({"ماريو دراغي", "قيس سعيد", "إيطاليا", "تونس"}))},
        ),
        # getting in touch with a place, a body or one's family is no call between two persons
        ("وقال إن الحكومة ليس لها أي اتصال بدمشق.", set()),
        ("وقال الناطق إن القطيعة بين البلدين تامة ولا اتصال بينهما.", set()),
        ("وقال الرئيس الجزائري عبد المجيد تبون إن البلدين لا اتصال بينهما.", set()),
        ("ورفض المتحدث التعليق في اتصال مع وكالة الأنباء الأردنية.", set()),
        ("وطالبت المنظمة بتمكين المعتقلين من الاتصال بذويهم.", set()),
    ],
)
def test_calls_told_by_their_noun_alone(text: str, expected: set[tuple[str, frozenset[str]]]) -> None:
    assert _named(text) == expected


@pytest.mark.parametrize(
    ("text", "label", "sides"),
    [
        # "by telephone" after the one called, after مع or إلى
        (
            "وتحدث الرئيس التونسي قيس سعيد مع نظيره الجزائري عبد المجيد تبون هاتفيا الأحد.",
            "تحدث الرئيس التونسي قيس سعيد مع نظيره الجزائري عبد المجيد تبون",
            {"قيس سعيد", "عبد المجيد تبون"},
        ),
        (
            "وتحدث وزير الخارجية القطري إلى نظيره العماني بدر البوسعيدي هاتفياً وبحثا الأزمة.",
            "تحدث وزير الخارجية القطري إلى نظيره العماني بدر البوسعيدي",
            {"بدر البوسعيدي"},
        ),
    ],
)
def test_a_call_told_by_the_adverb_after_the_one_called(text: str, label: str, sides: set[str]) -> None:
    [(call, entities)] = _dialogues(text)
    assert call.label_ar.startswith(label)
    # (a name no rule knows may take the adverb in: "تبون هاتفيا", the name rules' concern)
    named = {entities[k].label_ar for k in call.participants}
    assert all(any(name.startswith(side) for name in named) for side in sides)


def test_talks_with_no_telephone_are_no_call() -> None:
    assert not _dialogues("وتحدث الرئيس التونسي قيس سعيد مع نظيره الجزائري عبد المجيد تبون عن التجارة.")


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # definite, between a titled person and a king
        (
            "ولم يكشف القصر عن مضمون الاتصال بين الرئيس اللبناني ميشال عون والملك عبد الله الثاني.",
            {"ميشال عون", "عبد الله الثاني"},
        ),
        # past its adjective
        (
            "وتناول الاتصال الهاتفي بين الرئيس التونسي قيس سعيد والرئيس الجزائري عبد المجيد تبون الأوضاع.",
            {"قيس سعيد", "عبد المجيد تبون"},
        ),
    ],
)
def test_a_call_told_between_two_sides(text: str, sides: set[str]) -> None:
    ((call, entities),) = _dialogues(text)
    assert sides <= {entities[k].label_ar for k in call.participants}


@pytest.mark.parametrize(
    "text",
    [
        "وشدد السفير على أهمية قنوات الاتصال بين البلدين.",  # no person: no talks
        "وانقطع الاتصال بين الرئيس التونسي قيس سعيد ومؤيديه.",  # one side only
    ],
)
def test_contact_between_no_two_persons_is_no_call(text: str) -> None:
    assert _dialogues(text) == []
