"""Dates of talks and agreements, from the dateline and the dates written around them."""

from __future__ import annotations

import pytest

from kg import clean, pipeline


def events(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Label -> (start date or date, end date) of the dialogues and agreements of one page."""
    [article] = pipeline.extract(text, "t.txt")
    return {
        e.label_ar: (e.start_date or e.date, e.end_date)
        for e in article.entities.values()
        if e.type in ("Dialogue", "Agreement")
    }


def test_a_date_past_the_comma_after_talks_is_theirs_resolved_against_the_dateline():
    page = (
        "وزيرا خارجية البرتغال والمغرب يبحثان التعاون\n\n"
        "الرباط - 6 مارس 2023: عقد وزير الخارجية البرتغالي ونظيره المغربي جولة محادثات في الرباط، "
        "أول أمس السبت، تناولت ملفات الهجرة والطاقة بين البلدين."
    )
    assert clean.split_articles(page, "t.txt")[0].published == "2023-03-06"
    assert events(page)["جولة محادثات"] == ("2023-03-04", None)


MEETING = (
    "تونس والأردن تبحثان التعاون العسكري\n\n"
    "عمّان - 14 أكتوبر 2022: بحث وزير الدفاع الأردني مع نظيره التونسي سبل تعزيز التعاون الدفاعي "
    "بين البلدين في مختلف المجالات.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("ووقع الوزيران في ختام اللقاء مذكرة تفاهم للتعاون في مجال التدريب العسكري.", "2022"),
        # a commitment to an agreement tells nothing of when it was made
        ("وجدد البلدان التزامهما بمذكرة تفاهم للتعاون في مجال التدريب العسكري.", None),
        # signed, but not in the story: three years before it
        ("وكان البلدان قد وقعا مذكرة تفاهم للتعاون في مجال التدريب العسكري قبل ثلاث سنوات.", "2019"),
        # signed, with the year later in its sentence
        ("وكانت تونس قد وقعت على مذكرة تفاهم للتعاون في مجال التدريب العسكري، وصادقت عليها في عام 2018.", "2018"),
        # a year ahead tells what the agreement plans, not when it was made
        ("ووقع الوزيران مذكرة تفاهم للتعاون في مجال التدريب العسكري، على أن تبدأ الدورات في عام 2024.", "2022"),
    ],
)
def test_an_agreement_signed_in_the_story_takes_the_year_of_its_dateline(sentence, year):
    assert events(MEETING + sentence)["مذكرة تفاهم"] == (year, None)


def test_talks_that_last_two_days_end_the_day_after_they_start():
    page = (
        "الرئيس الكيني يبحث أمن الحدود مع إثيوبيا\n\n"
        "نيروبي - 12 مارس 2023: بدأ الرئيس الكيني اليوم محادثات مع رئيس الوزراء الإثيوبي "
        "تستمر يومين حول أمن الحدود بين البلدين."
    )
    [(start, end)] = [dates for label, dates in events(page).items() if label.startswith("محادثات")]
    assert (start, end) == ("2023-03-12", "2023-03-13")


HEADLINE = "تونس والأردن تبحثان التعاون العسكري\n\n"


def test_talks_yesterday_under_a_page_date_line_with_the_hijri_date():
    page = (
        HEADLINE + "الجمعة 18 ربيع الأول 1444 هـ - 14 أكتوبر 2022\n\n"
        "عقد وزيرا خارجية الأردن وتونس أمس جولة محادثات في عمّان تناولت التعاون الأمني بين البلدين."
    )
    assert events(page) == {"جولة محادثات": ("2022-10-13", None)}


def test_talks_announced_for_days_of_next_month_under_a_numeric_page_date():
    page = (
        HEADLINE + "١٤/١٠/٢٠٢٢\n\n"
        "أعلنت وزارة الخارجية الأردنية أن الجولة الثانية من الحوار الاستراتيجي بين الأردن وتونس ستعقد "
        "بين 3 و5 نوفمبر المقبل في تونس."
    )
    [dates] = events(page).values()
    assert dates == ("2022-11-03", "2022-11-05")


@pytest.mark.parametrize(
    "sentence",
    [
        "استؤنفت المفاوضات بين الحكومة والمعارضة في الدوحة بعد تعليقها في يوليو الماضي، وفق ما أعلن الوسطاء اليوم.",
        "وعقدت جولة المفاوضات بين الحكومة والمعارضة في الدوحة بعد ظهر اليوم.",  # a time of day, no other happening
    ],
)
def test_a_date_in_a_clause_of_another_happening_is_not_the_talks_date(sentence):
    page = "استئناف المفاوضات في الدوحة\n\nالخميس 13 أكتوبر 2022\n\n" + sentence
    [dates] = events(page).values()
    assert dates == ("2022-10-13", None)


def test_the_first_meeting_in_years_is_dated_by_its_day_not_by_the_years():
    page = (
        "وزيرا خارجية البلدين يلتقيان في جاكرتا\n\n"
        "نشر في: 6 أيار 2025\n\n"
        "التقى وزير الخارجية الماليزي نظيره الإندونيسي في جاكرتا، اليوم الثلاثاء، في أول اجتماع رسمي "
        "بين البلدين منذ خمس سنوات."
    )
    [(start, _end)] = [dates for label, dates in events(page).items() if label.startswith("اجتماع")]
    assert start == "2025-05-06"


def test_the_first_meeting_since_a_year_is_not_dated_by_that_year():
    page = (
        "وزيرا خارجية البلدين يلتقيان في جاكرتا\n\n"
        "نشر في: 6 أيار 2025\n\n"
        "التقى وزير الخارجية الماليزي نظيره الإندونيسي في جاكرتا في أول اجتماع رسمي بين البلدين منذ عام 2016."
    )
    assert [dates for label, dates in events(page).items() if label.startswith("اجتماع")] == [(None, None)]


def test_an_agreement_is_dated_by_its_own_signing_told_after_since():
    page = (
        "الحكومة والحركات المسلحة تبحثان تنفيذ الاتفاق\n\n"
        "وتعثر تنفيذ اتفاق الطائف منذ توقيعه في 2017 بين الحكومة والحركات المسلحة في الشمال."
    )
    assert events(page)["اتفاق الطائف"] == ("2017", None)


def test_the_first_in_years_told_before_an_agreement_does_not_date_it():
    page = (
        "وزير الداخلية يزور العاصمة المجاورة\n\n"
        "نشر في: 6 أيار 2025\n\n"
        "وجاءت زيارة الوزير إلى لوساكا، وهي الأولى منذ ثلاث سنوات، بعد أيام من توقيع اتفاق أمني بين البلدين."
    )
    assert events(page)["اتفاق أمني بين البلدين"] == (None, None)


def test_an_agreement_told_after_a_saying_is_not_dated_by_the_saying():
    page = (
        "الحكومة تتهم جارتها بخرق الاتفاق\n\n"
        "نشر في: 6 أيار 2025\n\n"
        "وأعلن وزير الخارجية الغابوني، الاثنين، أن الجارة الشمالية خرقت مرارا اتفاقية ترسيم الحدود بين البلدين."
    )
    assert events(page)["اتفاقية ترسيم الحدود بين البلدين"] == (None, None)


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("وأعلن الجانبان في ختام اللقاء أنه تم التوصل إلى اتفاق تعاون أمني بين البلدين.", "2022"),
        ("وأعلن الجانبان في ختام اللقاء عن التوصل لاتفاق تعاون أمني بين البلدين.", "2022"),
        ("وعاد الهدوء إلى الحدود بعد توقيع اتفاق تعاون أمني بين البلدين.", "2022"),
        # named by its purpose alone: no one named with it
        ("وأعلنت الحكومة عن التوصل لاتفاق لعودة الهدوء إلى الحدود.", "2022"),
        # wished for or awaited, not made
        ("ودعا الوزيران إلى ضرورة التوصل إلى اتفاق تعاون أمني بين البلدين.", None),
        ("وسعى الوزيران للتوصل إلى اتفاق تعاون أمني بين البلدين.", None),
        ("وتوتر الوضع على الحدود قبل توقيع اتفاق تعاون أمني بين البلدين.", None),
        # the making told done in the passive, the verbal noun in construct with the agreement
        ("وجرى توقيع اتفاق لتبادل المعلومات بين البلدين.", "2022"),
        # the announcement of its making only awaited (one reading with the mentions stage's)
        ("ويتوقع المراقبون الإعلان عن التوصل إلى اتفاق تعاون أمني بين البلدين.", None),
    ],
)
def test_an_agreement_told_as_reached_takes_the_year_of_its_dateline(sentence, year):
    [(date, _end)] = [dates for label, dates in events(MEETING + sentence).items() if label.startswith("اتفاق")]
    assert date == year


@pytest.mark.parametrize(
    ("sentence", "label", "year"),
    [
        # agreed on or signed, told by the definite verbal noun before على
        ("وتم الاتفاق على هدنة بين الجيش والفصائل المسلحة في المدينة.", "هدنة بين الجيش والفصائل", "2022"),
        ("وجرى التوقيع على مذكرة تفاهم للتعاون الأمني بين البلدين.", "مذكرة تفاهم", "2022"),
        # only called for
        ("وطالب الوزير بالاتفاق على هدنة بين الجيش والفصائل.", "هدنة بين الجيش والفصائل", None),
    ],
)
def test_an_agreement_agreed_on_or_signed_takes_the_year_of_its_dateline(sentence, label, year):
    assert events(MEETING + sentence)[label] == (year, None)


@pytest.mark.parametrize(
    ("sentence", "label", "year"),
    [
        ("وقال الوزير إن الهدنة الجديدة صامدة على الحدود بين البلدين.", "الهدنة الجديدة", "2022"),
        ("وبموجب القانون الجديد تنظم الدولة عبور الشاحنات.", "القانون الجديد", "2022"),
        # proposed or drafted, not made
        ("وبموجب القانون الجديد المقترح تنظم الدولة عبور الشاحنات.", "القانون الجديد المقترح", None),
        ("وقال الوزير إن مشروع الاتفاقية الجديدة ينظم عبور الشاحنات بين البلدين.", "الاتفاقية الجديدة", None),
    ],
)
def test_a_definite_agreement_told_the_newest_takes_the_year_of_its_dateline(sentence, label, year):
    assert events(MEETING + sentence)[label] == (year, None)


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # a date after the page's day is when it comes into force or is decided on, not when it was made
        ("ويبدأ سريان اتفاقية التعاون الأمني بين البلدين في 20 كانون الثاني المقبل.", None),
        ("وحدد الرئيس يوم 20 تشرين الثاني المقبل موعدا للبت في اتفاقية التعاون الأمني بين البلدين.", None),
        ("ووقع الوزيران اتفاقية التعاون الأمني بين البلدين في 2 أكتوبر الجاري.", "2022-10-02"),
    ],
)
def test_an_agreement_is_not_dated_after_its_page(sentence, date):
    assert events(MEETING + sentence)["اتفاقية التعاون الأمني بين البلدين"] == (date, None)


def test_a_definite_agreement_is_not_dated_by_what_is_done_about_it_before_it():
    page = MEETING + "وانتقد الوزير الأردني الأحد الاتفاق الحدودي بين البلدين ووصفه بالمجحف."
    assert events(page)["الاتفاق الحدودي بين البلدين"] == (None, None)


def test_a_definite_agreement_after_its_signing_is_not_dated_by_the_page():
    page = MEETING + "وتحسنت العلاقات بين البلدين بعد توقيع الاتفاق الحدودي بينهما."
    assert events(page)["الاتفاق الحدودي"] == (None, None)


def arrival_page(arrived: str) -> str:
    return (
        "المبعوث الأممي في مهمة عاجلة إلى العاصمة الصومالية\n\n"
        "نشر في: 7 أيار 2025\n\n"
        f"وصل المبعوث الأممي إلى مقديشو {arrived}في مهمة عاجلة لبحث الأزمة السياسية بين الحكومة والمعارضة.\n\n"
        "وغادر المطار متوجها إلى القصر الرئاسي الذي تحرسه القوات الحكومية منذ العام 2021.\n\n"
        "وتأتي الزيارة في وقت تشهد فيه البلاد توترا متصاعدا."
    )


@pytest.mark.parametrize(
    ("arrived", "start"),
    [
        ("الثلاثاء ", "2025-05-06"),
        # the year the next arrival's sentence names tells something else
        ("", None),
    ],
)
def test_a_visit_named_by_its_noun_alone_is_dated_by_the_arrival_told_before(arrived, start):
    assert events(arrival_page(arrived))["الزيارة"] == (start, None)


WITHDRAWAL = "كندا تنسحب من الاتفاقية\n\nأوتاوا - 10 نوفمبر 2022: أعلنت الحكومة الكندية"
FREE_TRADE = "اتفاقية التجارة الحرة مع تشيلي"


@pytest.mark.parametrize(
    ("sentence", "label", "date"),
    [
        # the dates around a withdrawal are the withdrawal's
        ("، الأربعاء، انسحابها من اتفاقية التجارة الحرة مع تشيلي بعد خلاف حول الرسوم.", FREE_TRADE, None),
        (" انسحابها من اتفاقية التجارة الحرة مع تشيلي في 8 نوفمبر الجاري بعد خلاف.", FREE_TRADE, None),
        # and so are those around another happening toward it
        ("، الأربعاء، حرصها على الحفاظ على اتفاقية التجارة الحرة مع تشيلي رغم الخلاف.", FREE_TRADE, None),
        # but a clause telling the agreement made dates it
        (
            " انسحابها من اتفاقية التجارة الحرة الموقعة مع تشيلي في عام 1996، بعد خلاف حول الرسوم.",
            "اتفاقية التجارة الحرة الموقعة مع تشيلي",
            "1996",
        ),
    ],
)
def test_an_agreement_withdrawn_from_is_not_dated_by_the_withdrawal(sentence, label, date):
    assert events(WITHDRAWAL + sentence)[label] == (date, None)


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # told at its close, the day is the event's last; its first is unknown
        ("وقال الرئيس في ختام زيارته إلى روما، الخميس، إن العلاقات متينة.", (None, "2022-10-13")),
        # ... or the one the length its sentence tells gives
        (
            "وصدر بيان مشترك في ختام زيارة استمرت ثلاثة أيام للرئيس الأردني إلى إيطاليا، الخميس.",
            ("2022-10-11", "2022-10-13"),
        ),
        # not at its close: the day is its first
        ("وقال الرئيس خلال زيارته إلى روما، الخميس، إن العلاقات متينة.", ("2022-10-13", None)),
    ],
)
def test_a_date_told_at_an_events_close_is_its_last_day(sentence, dates):
    visits = [found for label, found in _start_end(MEETING + sentence).items() if label.startswith("زيار")]
    assert visits == [dates]


def _start_end(text: str) -> dict[str, tuple[str | None, str | None]]:
    """Label -> (start date, end date) of the dialogues of one page."""
    [article] = pipeline.extract(text, "t.txt")
    return {e.label_ar: (e.start_date, e.end_date) for e in article.entities.values() if e.type == "Dialogue"}


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # the clause telling it made, its sides and a list between it and its date
        ("ودعا الوزير إلى احترام المعاهدة التي وقعت بين الجزائر ودول الساحل (مالي والنيجر) في مارس 2012.", "2012-03"),
        # told made right after its name; the day of a saying before it in its sentence is not its own
        ("وأكد الوزير الأحد تمسك بلاده باتفاقية الحدود البحرية، الموقعة مع تونس في عام 2009.", "2009"),
    ],
)
def test_an_agreement_told_made_is_dated_by_that_clause(sentence, date):
    found = events("الجزائر - الأحد 14 أكتوبر 2018\n" + sentence)
    assert [when for when, _end in found.values()] == [date], found


@pytest.mark.parametrize(
    ("sentence", "label", "year"),
    [
        ("واستند الوفد إلى اتفاقية 1975 في تمسكه بحقوق بلاده.", "اتفاقية 1975", "1975"),
        ("وقال الوزير إن معاهدة عام 1962 لم تعد تلزم حكومته.", "معاهدة عام 1962", "1962"),
    ],
)
def test_an_agreement_named_by_its_year_is_one_agreement_of_that_year(sentence, label, year):
    assert events(MEETING + sentence)[label] == (year, None)


def test_a_count_after_a_deal_is_no_year():
    assert "صفقة 5000" not in events(MEETING + "وأبرمت الحكومة صفقة 5000 سيارة مع شركة يابانية.")


def test_a_year_after_a_declaration_dates_the_declaring_and_names_no_agreement():
    found = events(MEETING + "واحتفل السكان بذكرى إعلان الجمهورية عام 1956 في ساحات المدن.")
    assert not any(label.startswith("إعلان") for label in found)
