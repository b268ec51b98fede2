"""The sides of talks read through the whole pipeline (``kg.event_phrases``, ``kg.participants``):
each case names the dialogue by a word of its label and asserts its participants' labels."""

from __future__ import annotations

import pytest

from kg.pipeline import extract


def _participants(text: str, word: str) -> set[str]:
    (article,) = extract(text, "test")
    (dialogue,) = [e for e in article.entities.values() if e.type == "Dialogue" and word in e.label_ar]
    return {article.entities[k].label_ar for k in dialogue.participants}


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # the mention ends inside the sides of بين; a name set off by commas does not end them
        (
            "وبحث الطرفان الملف خلال مكالمة هاتفية بين الرئيس المصري، عبد الفتاح السيسي، "
            "والعاهل الأردني الملك عبد الله الثاني، مساء الثلاثاء.",
            "مكالمة",
            {"عبد الفتاح السيسي", "عبد الله الثاني", "مصر", "الأردن"},
        ),
    ],
)
def test_the_sides_after_between_run_past_the_mention(text: str, word: str, expected: set[str]) -> None:
    assert _participants(text, word) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # who sends it: the subject right before the delegation
        ("وأرسلت القاهرة وفدا أمنيا إلى بيروت لبحث الأزمة.", "وفدا", {"مصر", "لبنان"}),
        ("وأوفدت الأردن وفدين رسميين لدمشق وبغداد لبحث ملف المياه.", "وفدين", {"الأردن", "سوريا", "العراق"}),
        # who leads it, and the state he serves
        (
            "ورأس وزير الخارجية الأردني أيمن الصفدي وفدا رسميا إلى دمشق لبحث ملف اللاجئين.",
            "وفدا",
            {"أيمن الصفدي", "الأردن", "سوريا"},
        ),
    ],
)
def test_who_sends_or_leads_a_delegation_takes_part(text: str, word: str, expected: set[str]) -> None:
    assert _participants(text, word) == expected


@pytest.mark.parametrize(
    "text",
    [
        "الرياض - وشارك العراق والأردن في القمة الثلاثية التي عقدت في عمان.",
        "الرياض - واس - شارك العراق والأردن في القمة الثلاثية.",
    ],
)
def test_the_place_of_a_dateline_is_no_subject(text: str) -> None:
    assert _participants(text, "القمة") == {"العراق", "الأردن"}


def _parties(text: str) -> set[str]:
    (article,) = extract(text, "test")
    (agreement,) = [e for e in article.entities.values() if e.type == "Agreement"]
    return {article.entities[k].label_ar for k in agreement.parties}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the city it is signed in names a state that is no party
        ("ووقعت تونس وليبيا اتفاقية للتعاون الجمركي في القاهرة.", {"تونس", "ليبيا"}),
        ("ووقعت الحكومة الصومالية اتفاق سلام مع جبهة التحرير في نيروبي.", {"الصومال", "جبهة التحرير"}),
        # nor the city it is named after; two capitals after بين are its sides
        ("وصادقت تونس على اتفاقية باريس للمناخ.", {"تونس"}),
        ("وقال المتحدث إن الاتفاق بين الرباط ومدريد صامد.", {"المغرب", "إسبانيا"}),
    ],
)
def test_where_an_agreement_is_signed_binds_no_one(text: str, expected: set[str]) -> None:
    assert _parties(text) == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # "them": every person the clause names before the event
        (
            "وأكد الرئيس التونسي قيس سعيد والرئيس الجزائري عبد المجيد تبون، الخميس، بعد قمة ثنائية "
            "جمعتهما في الجزائر، أن التعاون سيتعزز.",
            "قمة",
            {"قيس سعيد", "عبد المجيد تبون", "تونس", "الجزائر"},
        ),
        # "him": the subject before it, and whom it brings him together with
        (
            "وقال وزير الخارجية الأردني أيمن الصفدي بعد الاجتماع الذي جمعه بوزير الخارجية المصري "
            "سامح شكري إن الحوار كان صريحا.",
            "الاجتماع",
            {"أيمن الصفدي", "سامح شكري", "الأردن", "مصر"},
        ),
        # its object: those it brings together
        (
            "وتناول اللقاء الذي جمع وزير الخارجية القطري محمد بن عبد الرحمن ونظيره الكويتي "
            "سالم الصباح ملف الحدود.",
            "اللقاء",
            {"محمد بن عبد الرحمن", "سالم الصباح", "قطر", "الكويت"},
        ),
    ],
)
def test_a_verb_of_bringing_together_names_the_sides(text: str, word: str, expected: set[str]) -> None:
    assert _participants(text, word) == expected


def test_a_counterpart_after_the_preposition_bi_names_his_state() -> None:
    text = "وقال وزير الخارجية الروسي سيرغي لافروف بعد اللقاء الذي جمعه بنظيريه التركي والإيراني إن المحادثات مثمرة."
    assert _participants(text, "اللقاء") == {"سيرغي لافروف", "روسيا", "تركيا", "إيران"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where the talks were held, between their head and whom they were with
        (
            "وكان الرئيس المصري عبد الفتاح السيسي قد بحث الملف في محادثات في الرياض مع نظيره الفرنسي.",
            {"عبد الفتاح السيسي", "مصر", "فرنسا", "السعودية"},
        ),
        # a seat where they were held is no side of them
        (
            "وذكر الوزير أن المسألة طرحها الرئيس المصري عبد الفتاح السيسي في اجتماع له في البيت الأبيض مع ترامب.",
            {"عبد الفتاح السيسي", "مصر", "دونالد ترامب", "الولايات المتحدة"},
        ),
    ],
)
def test_talks_held_somewhere_with_someone(text: str, expected: set[str]) -> None:
    assert _participants(text, "مع") == expected  # the label runs on to whom they were with


def test_a_visit_told_beside_a_match_is_still_a_visit() -> None:
    # words of sport make a meeting a match (لقاء الفريقين), not a visit one
    text = (
        "وتابع وزير الخارجية المصري سامح شكري المباراة في الملعب خلال زيارته إلى الأردن، "
        "والتقى الملك عبد الله الثاني."
    )
    assert {"سامح شكري", "الأردن"} <= _participants(text, "زيارته")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # the day the meeting was held, in construct with its head, before its sides
        (
            "وبعد اجتماع الأحد بين الرئيس الأمريكي جو بايدن ونظيره الفرنسي إيمانويل ماكرون، "
            "قال البيت الأبيض إنه كان مثمرا.",
            "الأحد",
            {"جو بايدن", "إيمانويل ماكرون", "الولايات المتحدة", "فرنسا"},
        ),
        (
            "وقال الوزير إن لقاء الخميس مع نظيره التركي مولود جاويش أوغلو كان صريحا.",
            "الخميس",
            {"مولود جاويش أوغلو", "تركيا"},
        ),
    ],
)
def test_a_meeting_named_by_its_day_before_its_sides(text: str, word: str, expected: set[str]) -> None:
    assert _participants(text, word) == expected


def test_a_meeting_named_by_its_day_alone_is_no_dialogue() -> None:
    (article,) = extract("وقال الوزير إن اجتماع الثلاثاء كان صريحا.", "test")
    assert [e.label_ar for e in article.entities.values() if e.type == "Dialogue"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the host named after the visit, or before "during" it, serves the state visited
        (
            "وجاءت الخطوة بعد زيارة رئيس الوزراء الإيطالي ماريو دراغي للجزائر، حيث حاول إقناع الرئيس"
            " الجزائري عبد المجيد تبون بزيادة إمدادات الغاز.",
            {"ماريو دراغي", "إيطاليا", "الجزائر", "عبد المجيد تبون"},
        ),
        (
            "وكان رئيس الوزراء الإيطالي ماريو دراغي قد عرض على الرئيس الجزائري عبد المجيد تبون خلال"
            " زيارته إلى الجزائر زيادة إمدادات الغاز.",
            {"ماريو دراغي", "إيطاليا", "الجزائر", "عبد المجيد تبون"},
        ),
        # who comments on the visit is no host of it
        (
            "وقال الرئيس الجزائري عبد المجيد تبون معلقا على زيارة رئيس الوزراء الإيطالي ماريو دراغي"
            " للجزائر إن العلاقات ممتازة.",
            {"ماريو دراغي", "إيطاليا", "الجزائر"},
        ),
    ],
)
def test_a_visits_sentence_names_its_host(text: str, expected: set[str]) -> None:
    assert _participants(text, "زيار") == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # what the talks are about names no side of them; their place after it is still theirs
        ("وعقد مجلس الأمن الدولي اجتماعا طارئا حول ليبيا.", "اجتماع", {"مجلس الأمن الدولي"}),
        # the sides after the topic still are
        (
            "وتجري منذ أسبوع مفاوضات حول مصير الميناء بين الحكومة الصومالية وجبهة التحرير.",
            "مفاوضات",
            {"الصومال", "جبهة التحرير"},
        ),
    ],
)
def test_what_talks_are_about_is_no_side(text: str, word: str, expected: set[str]) -> None:
    assert _participants(text, word) == expected


def test_the_place_after_the_topic_is_where_talks_are_held() -> None:
    (article,) = extract("وعقد وزراء الخارجية العرب اجتماعا حول ليبيا في القاهرة أمس.", "test")
    (dialogue,) = [e for e in article.entities.values() if e.type == "Dialogue"]
    assert dialogue.location is not None
    assert article.entities[dialogue.location].label_ar in {"القاهرة", "مصر"}
    assert "country/libya" not in dialogue.participants
