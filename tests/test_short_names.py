"""kg.short_names: a body named by a short form and in full is one entity."""

from __future__ import annotations

from kg import pipeline


def bodies(text: str) -> dict[str, list[str]]:
    [article] = pipeline.extract(text, "t.txt", disable=("relations", "statements"))
    return {
        key: [e.label_ar, *e.alt_labels] for key, e in article.entities.items() if e.type in ("Organization", "Force")
    }


def test_a_short_form_after_the_full_name_with_a_genitive_lam_is_that_body():
    found = bodies("أعلنت الهيئة العامة المستقلة للاستثمار خطتها أمس.\n\nوقالت هيئة الاستثمار إن المشاريع ستبدأ قريبا.")
    assert len(found) == 1, found


def test_a_short_form_before_the_full_name_is_that_body():
    found = bodies("وقال مسؤول إن حلف الأطلسي سيجتمع.\n\nوقال الأمين العام لحلف شمال الأطلسي إن الاجتماع سيعقد غدا.")
    assert list(found) == ["organization/nato"], found
    assert "حلف الأطلسي" in found["organization/nato"]


def test_a_ministry_named_without_its_country_is_not_the_one_named_with_it():
    found = bodies(
        "وقال مدير إدارة الشؤون العربية بوزارة الخارجية إن المباحثات مثمرة.\n\nورحبت وزارة الخارجية الأمريكية بالاتفاق."
    )
    assert len(found) == 2, found


def test_forces_are_not_joined_by_their_words():
    found = bodies("تقدمت القوات الموالية للحكومة السورية نحو البلدة.\n\nوقصفت قوات الحكومة مواقع المعارضة.")
    assert len(found) == 2, found


def test_a_known_body_named_by_the_words_before_its_genitive_is_that_body_where_the_genitive_is_named():
    found = bodies("دعت الأمم المتحدة إلى وقف القتال.\n\nوقال دبلوماسيون إن الجمعية العامة ستصوت على القرار غدا.")
    assert "organization/un-general-assembly" in found, found
    assert "الجمعية العامة" in found["organization/un-general-assembly"]


def test_the_words_before_a_known_bodys_genitive_alone_are_not_that_body():
    found = bodies("وقال رئيس النادي إن الجمعية العامة ستنعقد الشهر المقبل لانتخاب مجلس إدارة جديد.")
    assert "organization/un-general-assembly" not in found, found


def test_a_body_named_by_its_name_alone_is_the_one_named_with_its_head_noun():
    found = bodies('أعلن تنظيم النصرة مسؤوليته عن الهجوم.\n\nوقال بيان لـ"النصرة" إن عناصره انسحبوا.')
    assert list(found) == ["organization/tnZym-nSrh"], found
    assert "النصرة" in found["organization/tnZym-nSrh"]


def test_a_name_alone_two_bodies_share_after_their_heads_stays_apart():
    found = bodies(
        "أعلن تنظيم النصرة مسؤوليته عن الهجوم.\n\nونفت حركة النصرة أي صلة بالتنظيم.\n\n"
        'وقال بيان لـ"النصرة" إن عناصره انسحبوا.'
    )
    assert len(found) == 3, found


def test_a_bodys_command_before_its_short_form_is_that_body():
    found = bodies(
        "شن التحالف العربي لدعم الشرعية في اليمن غارات على مواقع المتمردين.\n\n"
        "وذكرت قيادة التحالف في بيان أنها فتحت تحقيقا في الحادث."
    )
    assert list(found) == ["organization/arab-coalition"], found
    assert "قيادة التحالف" in found["organization/arab-coalition"]


def test_a_command_whose_phrase_goes_on_past_the_short_form_is_not_that_body():
    found = bodies(
        "اتهمت أنقرة حزب العمال الكردستاني بتنفيذ الهجوم.\n\nوقال الرئيس أمام قيادة الحزب الحاكم إن العملية مستمرة."
    )
    assert "قيادة الحزب" not in found.get("organization/pkk", []), found


def test_a_command_of_an_indefinite_body_is_no_body_of_the_article():
    found = bodies("حظرت السلطات جماعة الإخوان المسلمين.\n\nواتهم المدعي الرجل بتولي قيادة جماعة، وهو ما نفاه.")
    assert "قيادة جماعة" not in found.get("organization/muslim-brotherhood", []), found
