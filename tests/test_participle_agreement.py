"""kg.continuations: a participle with no reporting clause of its own in its sentence goes on
with the last speaker only when it agrees with him (plural or dual: more than one or a group;
feminine: a woman or a body). The sentences are written for these tests; each goes through the
whole extraction pipeline.
"""

from __future__ import annotations

from kg.pipeline import extract


def speakers_of(body: str) -> list[tuple[str, list[str]]]:
    """(cue, speaker labels) of each statement of the body under a one-line title."""
    article = extract("خبر اليوم\n\n" + body, "test")[0]
    return [(s.cue, [article.entities[k].label_ar for k in s.speakers]) for s in article.statements]


OPENING = "قال وزير الخارجية الأمريكي مايك بومبيو إن بلاده لن تتراجع عن العقوبات.\n"


def test_a_feminine_participle_after_an_unnamed_woman_is_not_the_last_man() -> None:
    found = speakers_of(OPENING + "ولكن الممثلة رفضت هذه الرواية، قائلة إن الصور التقطت في مكان آخر.")
    assert found == [("قال", ["مايك بومبيو"])]


def test_a_plural_participle_after_an_unnamed_group_is_not_the_last_man() -> None:
    found = speakers_of(OPENING + "وتناقل ناشطون كثر صورا للاجتماع، مؤكدين أن اللقاء جرى سرا.")
    assert ("مؤكدين", ["مايك بومبيو"]) not in found


def test_a_masculine_participle_still_goes_on_with_the_last_man() -> None:
    found = speakers_of(OPENING + "وهاجم الاتفاق النووي بشدة، مضيفا أن إيران لم تلتزم به.")
    assert found[-1] == ("مضيفا", ["مايك بومبيو"])


def test_a_feminine_participle_goes_on_with_a_body() -> None:
    found = speakers_of(
        "قالت وزارة الخارجية الأردنية إن الحدود ستبقى مغلقة.\n"
        "ورفضت دعوات فتح المعابر في الوقت الحالي، مشيرة إلى أن الوضع الأمني لا يسمح بذلك."
    )
    assert found[-1] == ("مشيرة", ["وزارة الخارجية الأردنية"])


def test_a_feminine_participle_goes_on_with_a_woman_by_her_title() -> None:
    found = speakers_of(
        OPENING + "ووجهت المتحدثة باسم الخارجية الأمريكية هيذر نويرت انتقادات حادة للخطة، واصفة إياها بأنها غير واقعية."
    )
    assert found[-1] == ("واصفة", ["هيذر نويرت"])


def test_a_feminine_participle_goes_on_with_the_subject_of_a_feminine_verb() -> None:
    # no word list knows her given name, and no title is given her: her verb says she is a woman
    found = speakers_of(
        OPENING + "وكانت كريستين لاغارد قد زارت العاصمة الشهر الماضي.\n"
        "ورفضت لاغارد هذه الانتقادات، مؤكدة أن الصندوق لن يغير سياسته."
    )
    assert found[-1] == ("مؤكدة", ["كريستين لاغارد"])
