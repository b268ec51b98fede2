"""kg.descriptions: a head noun with epithets only refers back to the body of that head met last."""

from __future__ import annotations

from kg import pipeline


def keys(text: str) -> dict[str, str]:
    """Each body mention's text -> its entity key."""
    [article] = pipeline.extract(text, "t.txt", disable=("statements",))
    return {m.text: m.entity for m in article.mentions if m.type in ("Organization", "Force")}


def test_an_epithet_description_is_the_group_named_before_it():
    found = keys("تبنى تنظيم القاعدة الهجوم على الثكنة. وقال شهود إن عناصر التنظيم الإرهابي انسحبوا ليلا.")
    assert found["التنظيم الإرهابي"] == found["تنظيم القاعدة"]


def test_an_epithet_description_of_fighters_is_the_militia_named_before_it():
    found = keys("قصفت ميليشيات الحوثي حيا سكنيا في المدينة. وأكد الجيش أن الميليشيات المتمردة تكبدت خسائر.")
    assert found["الميليشيات المتمردة"] == found["ميليشيات الحوثي"]


def test_a_description_joins_the_last_body_of_its_head_only():
    found = keys("هاجم تنظيم القاعدة قرية، ثم هاجمت حركة الشباب قرية أخرى. وقال مسؤول إن الحركة المتشددة تراجعت.")
    assert found["الحركة المتشددة"] == found["حركة الشباب"]
    assert found["الحركة المتشددة"] != found["تنظيم القاعدة"]


def test_a_description_before_any_named_body_stays_its_own():
    found = keys("قال مسؤول إن التنظيم المتطرف هاجم القرية.")
    assert found["التنظيم المتطرف"].endswith("tnZym-mtTrf")


def test_a_known_body_named_again_by_its_head_alone_is_that_body():
    # the head (مرصد) is in no head-noun list: a known body's own first word counts
    found = keys(
        "أفاد المرصد السوري لحقوق الإنسان بسقوط قتلى في القصف. "
        'وأشار تقرير نشره موقع تابع لـ"المرصد" إلى أن القصف استمر.'
    )
    assert found["المرصد"] == "organization/sohr"


def test_a_speaker_named_by_the_head_of_a_body_after_li_is_that_body():
    # "للمرصد ..." leaves the mention "لمرصد ...": its head is still مرصد
    [article] = pipeline.extract(
        "وأشارت أرقام للمرصد السوري لحقوق الإنسان إلى سقوط عشرات القتلى. وقال المرصد إن القصف استمر.",
        "t.txt",
    )
    assert article.statements
    assert all(s.speakers == ["organization/sohr"] for s in article.statements)
