"""Forces and bases known by a description, through the whole pipeline: which phrases become
Force and Place nodes (exact sets, so a spurious node fails too), whose forces they are, and
their keys (one force per article and owner, not shared across articles)."""

from __future__ import annotations

import pytest

from kg.model import Article, Entity
from kg.pipeline import extract

TURKEY, RUSSIA, FRANCE, EGYPT = "country/turkey", "country/russia", "country/france", "country/egypt"


def _article(text: str) -> Article:
    (article,) = extract(text, "test")
    return article


def _nodes(text: str, kind: str) -> list[Entity]:
    return [e for e in _article(text).entities.values() if e.type == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # troops a state sends, the verb's object
        ("وأرسلت تركيا جنوداً إلى الصومال.", {("جنوداً", (TURKEY,))}),
        ("وقالت الوزارة إن روسيا أرسلت مقاتلات إلى سوريا.", {("مقاتلات", (RUSSIA,))}),
        # a unit with coordinated adjectives, whole; with its purpose after لـ
        ("وتضم القوة وحدات برية وبحرية.", {("وحدات برية وبحرية", ())}),
        ("وتشارك فرنسا بقوات للتدخل السريع.", {("قوات للتدخل السريع", (FRANCE,))}),
        ("وانتشرت القوات الجوية والبحرية المصرية في المنطقة.", {("القوات الجوية والبحرية المصرية", (EGYPT,))}),
        # a conjunct that does not agree is another noun: "وحدات جوية" and no more
        ("ووصلت وحدات جوية ومدربون إلى المطار.", {("وحدات جوية", ())}),
        ("وأكد الجيش أن الجنود الإسرائيليين انسحبوا.", {("الجنود الإسرائيليين", ("country/israel",))}),
        # the verb's object after a force told verb first does not agree with its nationality
        ("وأوقفت قوات الشرطة الأردنية المشتبه به أمس.", {("قوات الشرطة الأردنية", ("country/jordan",))}),
        ("وفتح الجنود الإسرائيليون النار على المتظاهرين.", {("الجنود الإسرائيليون", ("country/israel",))}),
        ("وتفرق القوات التركية التجمعات بالقوة.", {("القوات التركية", (TURKEY,))}),
        # a nationality's broken plural (الروس، الأتراك) owns the troops as its sound plural does
        ("وانتشر الجنود الروس قرب المطار.", {("الجنود الروس", (RUSSIA,))}),
        ("وأصيب خمسة من المقاتلين الأتراك.", {("المقاتلين الأتراك", (TURKEY,))}),
        ("وطردت قوات مصرية مدعومة من فرنسا المسلحين.", {("قوات مصرية", (EGYPT,))}),
        # an adjective that agrees with it goes on naming it; a word of loyalty names its owner
        ("وانتشرت القوات الأردنية الخاصة في المدينة.", {("القوات الأردنية الخاصة", ("country/jordan",))}),
        ("ووصلت الفصائل السورية الموالية لتركيا إلى المدينة.", {("الفصائل السورية الموالية لتركيا", (TURKEY,))}),
        # a branch named by its relational adjective is the state's the article is about
        (
            "أعلن الأردن إغلاق الحدود. وقالت الحكومة إن القوات الأمنية أغلقت الطريق.",
            {("القوات الأمنية", ("country/jordan",))},
        ),
        # the opposition is a force when armed, with or without its nationality; alone it is none
        ("وسيطرت المعارضة المسلحة على البلدة.", {("المعارضة المسلحة", ())}),
        # ... fighting its state: the nisba in its name is the land it fights in, not its owner
        ("وتقدمت المعارضة العراقية المسلحة نحو المدينة.", {("المعارضة العراقية المسلحة", ())}),
        ("وقال قائد في الجيش السوري الحر إن قواته صامدة.", {("الجيش السوري الحر", ())}),
        ("وانتقدت المعارضة الحكومة.", set()),
        # troops nobody sends or owns, and an object come before them, make no force
        ("وعاد الجنود إلى ديارهم.", set()),
        ("أرسلت روسيا مساعدات إلى سوريا لدعم المقاتلين هناك.", set()),
        # a coalition or force a state is told to lead by a verb is a force, the state's
        ("وقصفت طائرات تحالف تقوده فرنسا مواقع المسلحين.", {("تحالف تقوده فرنسا", (FRANCE,))}),
        ("وانسحب التحالف العسكري الذي تقوده تركيا من البلدة.", {("التحالف العسكري الذي تقوده تركيا", (TURKEY,))}),
        ("وتقدمت القوات التي تقودها مصر نحو الحدود.", {("القوات التي تقودها مصر", (EGYPT,))}),
        # a coalition a person leads is a political list; one nobody leads is no force either
        ("وفاز تحالف يقوده رجل الدين في الانتخابات.", set()),
        ("وأعلن التحالف الذي يقوده الشيخ أحمد فوزه.", set()),
        ("وتشكل تحالف جديد في البرلمان.", set()),
        # troops named by a people's broken plural: its state owns them; a people with no state, none
        ("ووصل المرتزقة الروس إلى الميناء.", {("المرتزقة الروس", (RUSSIA,))}),
        ("وقال إن الجنود الأتراك بقوا في مواقعهم.", {("الجنود الأتراك", (TURKEY,))}),
        # a people without a state: the nationality after it is where they live, no owner
        ("وقال إن المقاتلين الأكراد السوريين انسحبوا.", {("المقاتلين الأكراد السوريين", ())}),
        # the nominative plural reads as the oblique one does
        ("وانسحب المقاتلون الأكراد من البلدة.", {("المقاتلون الأكراد", ())}),
        ("ووصل مقاتلون مصريون إلى الحدود.", {("مقاتلون مصريون", (EGYPT,))}),
        # indefinite troops and an indefinite people, with its nationalities after it
        ("وقال إن مقاتلين أكراد عبروا النهر.", {("مقاتلين أكراد", ())}),
        ("ووصل جنود أتراك إلى الحدود.", {("جنود أتراك", (TURKEY,))}),
        # a people's plural no nisba list reads bare (also a family name): its state from the people
        ("وقال إن مقاتلين روس وصلوا إلى الميناء.", {("مقاتلين روس", (RUSSIA,))}),
        ("وقال جون روس إن الجنود عادوا.", set()),
        ("وهاجم مسلحون أكراد عراقيون القرية.", {("مسلحون أكراد عراقيون", ())}),
        # armed men are a force only when a people names them, not by a nationality or a sender
        ("وقال إن المسلحين الأكراد انسحبوا.", {("المسلحين الأكراد", ())}),
        ("وقال إن المسلحين السوريين انسحبوا.", set()),
        ("وقالت الوزارة إن روسيا أرسلت مسلحين إلى ليبيا.", set()),
        # troops named by their people take no owner from a state's force they are listed with
        (
            "وتدور اشتباكات في المنطقة بين القوات التركية والمقاتلين الأكراد.",
            {("القوات التركية", (TURKEY,)), ("المقاتلين الأكراد", ())},
        ),
        # a people alone is no force
        ("وقتل أكراد وأتراك في الهجوم.", set()),
        # nor do they give the state they name to others, or take the one state others are sent by
        (
            "ونقلت الحافلة 13 مقاتلا وأسرهم. ووصل المرتزقة الروس إلى الميناء.",
            {("13 مقاتلا", ()), ("المرتزقة الروس", (RUSSIA,))},
        ),
        (
            "وأرسلت تركيا جنوداً إلى الحدود. وانسحب المقاتلين الأكراد من البلدة.",
            {("جنوداً", (TURKEY,)), ("المقاتلين الأكراد", ())},
        ),
        # a branch named by a noun in construct (مكافحة الشغب), its nationality, then the verb's object
        ("وفرقت قوات مكافحة الشغب التركية المتظاهرين في أنقرة.", {("قوات مكافحة الشغب التركية", (TURKEY,))}),
        ("وتدخلت شرطة مكافحة الشغب لتفريق المحتجين.", {("شرطة مكافحة الشغب", ())}),
        # a place's name ends the construct: the definite noun after it is the verb's object
        ("وأكد ضابط في شرطة محافظة نينوى العثور على الجثث.", {("شرطة محافظة نينوى", ())}),
        ("وقال إن قوات إقليم كردستان العراق انسحبت.", {("قوات إقليم كردستان العراق", ("country/iraq",))}),
        # security services: a force with the word of security after its head, none without
        ("وشنت أجهزة الأمن المصرية حملة اعتقالات واسعة.", {("أجهزة الأمن المصرية", (EGYPT,))}),
        ("وداهمت الأجهزة الأمنية منزل المشتبه به.", {("الأجهزة الأمنية", ())}),
        ("وتملك إيران أجهزة الطرد المركزي الحديثة.", set()),
        ("وقالت أجهزة المخابرات إنها رصدت الاتصالات.", set()),
        # a head noun with a verb or a preposition's object taken in is no force's name
        ("وقال إن قواته استعانت بالطيران.", set()),
        ("وانضم فصيل بالحديث عن الهدنة.", set()),
    ],
)
def test_described_forces(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(f.label_ar, tuple(f.affiliation)) for f in _nodes(text, "Force")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's arm by its own words and its nationality: a force of that state
        ("وقصفت المدفعية الأردنية مواقع المهربين.", {("المدفعية الأردنية", ("country/jordan",))}),
        ("وقال إن الدفاع الجوي المصري أسقط طائرة مسيرة.", {("الدفاع الجوي المصري", (EGYPT,))}),
        ("وشن سلاح الجو الفرنسي غارات على المسلحين.", {("سلاح الجو الفرنسي", (FRANCE,))}),
        ("وأعلنت البحرية التركية وصول سفينتين.", {("البحرية التركية", (TURKEY,))}),
        ("وقصف الطيران الحربي الروسي مواقع المسلحين.", {("الطيران الحربي الروسي", (RUSSIA,))}),
        # named in a person's title: a force of its own, the title kept whole
        ("وأكد قائد البحرية التركية أن السفن وصلت إلى الميناء.", {("البحرية التركية", (TURKEY,))}),
        ("وقال مدير الطيران المدني المصري إن الرحلات ستستأنف.", set()),
        # a country whose name is also its nisba (سورية، السعودية) owns it too
        ("واعترضت الدفاعات الجوية السورية صاروخين.", {("الدفاعات الجوية السورية", ("country/syria",))}),
        # without a nationality, after a noun it qualifies, or with another adjective between: no arm
        ("وقصفت المدفعية الثقيلة أطراف البلدة.", set()),
        ("ووصلت السفن البحرية التركية إلى الميناء.", set()),
        # a nisba of another gender qualifies the noun before the arm: the system's, no air force
        ("وتحدث عن منظومة الطيران التركية في المنطقة.", set()),
        # after a force's head it is that force's genitive, all of it one force
        ("وأطلقت وحدات الدفاع الجوي المصرية صواريخ.", {("وحدات الدفاع الجوي المصرية", (EGYPT,))}),
        ("وقالت هيئة الطيران المدني المصري إن الرحلات ستستأنف.", set()),
        # aviation that is also an airline, near a word of civil aviation: no air force
        ("وهبطت طائرة تابعة للطيران الفرنسي في المطار وعلى متنها 200 راكب.", set()),
    ],
)
def test_arms_of_a_state(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(f.label_ar, tuple(f.affiliation)) for f in _nodes(text, "Force")} == expected


def test_an_arm_in_a_title_leaves_the_title_its_person() -> None:
    text = "وقال قائد سلاح الجو الروسي إن الطائرات جاهزة."
    labels = {(e.type, e.label_ar) for e in _article(text).entities.values()}
    assert {("Person", "قائد سلاح الجو الروسي"), ("Force", "سلاح الجو الروسي")} <= labels


def test_one_states_arm_in_two_spellings_is_one_force() -> None:
    """The air defence told in the singular and the plural, with or without a head of forces, is
    one force, keyed by the arm and its state alone (the same in every article)."""
    text = "وتصدت الدفاعات الجوية المصرية للهجوم. وقال إن قوات الدفاع الجوي المصري أسقطت طائرتين."
    (force,) = _nodes(text, "Force")
    assert (force.key, sorted([force.label_ar, *force.alt_labels]), force.affiliation) == (
        "force/dfAE-jwy-egypt",
        ["الدفاعات الجوية المصرية", "قوات الدفاع الجوي المصري"],
        [EGYPT],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وافتتحت الإمارات قاعدة عسكرية جديدة في إريتريا.", {"قاعدة عسكرية جديدة في إريتريا"}),
        # bases nowhere named, or several, are no place of their own
        ("وتبحث الحكومة عن قاعدة عسكرية جديدة.", set()),
        ("وانتقلت القوات إلى قواعد عسكرية أصغر.", set()),
    ],
)
def test_bases(text: str, expected: set[str]) -> None:
    assert {p.label_ar for p in _nodes(text, "Place")} == expected


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # units the article does not say whose are those of the one state it tells sending troops
        ("نشرت تركيا جنوداً في قطر. وقال السفير إن وحدات جوية وبحرية ستصل لاحقاً.", (TURKEY,)),
        # ... but not when it tells two
        ("نشرت تركيا جنوداً في قطر، وأرسلت روسيا مقاتلات. ووصلت وحدات جوية وبحرية.", ()),
    ],
)
def test_units_of_the_sole_sender(text: str, owners: tuple[str, ...]) -> None:
    (units,) = [f for f in _nodes(text, "Force") if f.label_ar == "وحدات جوية وبحرية"]
    assert tuple(units.affiliation) == owners


def test_troops_of_one_owner_are_one_force() -> None:
    """Two descriptions of the fighters one state sends are one force with both labels."""
    (force,) = _nodes("أرسلت روسيا مقاتلات إلى ليبيا، ثم نشرت روسيا مقاتلات عسكرية هناك.", "Force")
    assert (force.label_ar, force.alt_labels, force.affiliation) == ("مقاتلات", ["مقاتلات عسكرية"], [RUSSIA])


def test_troops_in_two_cases_are_one_force() -> None:
    """The nominative and the oblique plural of one people's or one state's fighters are one
    force, keyed by the noun's one form (مقاتلين)."""
    text = "وقال إن المقاتلين المصريين انسحبوا. وأكد أن المقاتلون المصريون سيعودون."
    (force,) = _nodes(text, "Force")
    assert (force.label_ar, force.alt_labels, force.key.split("--")[0]) == (
        "المقاتلين المصريين",
        ["المقاتلون المصريون"],
        "force/mqAtlyn",
    )


def test_one_states_troops_told_by_its_people_in_two_cases_are_one_force() -> None:
    """Russian mercenaries told indefinite and definite are one force of Russia."""
    (force,) = _nodes("ووصل مرتزقة روس إلى الميناء. وقال إن المرتزقة الروس انسحبوا.", "Force")
    assert (force.label_ar, force.alt_labels, force.affiliation) == ("مرتزقة روس", ["المرتزقة الروس"], [RUSSIA])


def test_one_peoples_armed_men_and_fighters_are_one_force() -> None:
    """Armed men of a people told indefinite and its fighters told definite are one force."""
    text = "وهاجم مسلحون أكراد القرية. وقال إن المقاتلين الأكراد انسحبوا بعد ذلك."
    (force,) = _nodes(text, "Force")
    assert (force.label_ar, force.alt_labels) == ("مسلحون أكراد", ["المقاتلين الأكراد"])


def test_troops_are_keyed_within_their_article() -> None:
    """Two articles' Turkish troops are not known to be one force."""
    first = _nodes("وأرسلت تركيا جنوداً إلى الصومال.", "Force")[0].key
    second = _nodes("وأرسلت تركيا جنوداً إلى ليبيا.", "Force")[0].key
    assert first != second


@pytest.mark.parametrize(
    ("text", "strengths"),
    [
        # the counts of casualties, arrests and of a share of them are no force's strength
        ("وأعلن الجيش عن مصرع 12 جنديا في الهجوم.", {}),
        ("وأفادت المصادر بمقتل 35 مقاتلا من الجماعة المسلحة.", {}),
        ("وتمكنت الشرطة من القبض على 80 عنصرا من العصابة.", {}),
        ("وقال الجيش إن قواته قتلت أكثر من 200 من المقاتلين الأكراد.", {}),
        ("وقال إن الشرطة اعتقلت 40 عنصرا من الجماعة.", {}),
        # a verb of killing or detaining in any person and tense, inflected by rule
        ("وقال الجيش إن جنوده قتلوا 40 مقاتلا في المعارك.", {}),
        ("وقالت الوزارة إن عناصرها يعتقلون 30 مقاتلا كل أسبوع.", {}),
        # ... or a few words after the count, in its clause
        ("وقال المرصد إن 35 مقاتلا من قوات الحكومة قتلوا في الهجوم.", {}),
        ("وذكرت المصادر أن أكثر من 90 عنصرا من القوات الحكومية لقوا مصرعهم.", {}),
        ("وأصيب خمسة جنود أتراك في الهجوم.", {}),
        ("وقتل في المعارك العشرات، بينهم أربعة ضباط عراقيين و9 جنود أتراك.", {}),
        # a range is no exact count; "أحد" counts no one
        ("وتراوح عدد الحراس بين 300 و400 عنصر.", {}),
        ("وأصيب أحد أفراد قوات الأمن العراقية.", {}),
        # elements of a plan are no troops
        ("وقال المحلل إن الخطة تقوم على 4 عناصر أساسية.", {}),
        # an approximate count keeps its number; a member word counts the troops a state sends
        ("وتنشر تركيا نحو 5 آلاف جندي في شمال العراق.", {5000}),
        ("وأرسلت تركيا ألفي عنصر إلى قطر.", {2000}),
        ("وقالت المصادر إن عشرات الجنود الأتراك وصلوا إلى الحدود.", {}),
    ],
)
def test_only_exact_counts_of_troops_are_strengths(text: str, strengths: set[int]) -> None:
    (article,) = extract(text, "test")
    assert {e.strength for e in article.entities.values() if e.strength is not None} == set(strengths)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a force whose head needs an owner names it by a word of belonging or backing
        (
            "وقالت المصادر إن القوات التابعة للحكومة الأردنية انتشرت على الحدود.",
            {("القوات التابعة للحكومة الأردنية", ("country/jordan",))},
        ),
        ("وأكد أن قوات موالية لأنقرة تتقدم نحو البلدة.", {("قوات موالية لأنقرة", (TURKEY,))}),
        # any force head, and a backer after من, named in the force's phrase
        ("وانتشرت ميليشيات مقربة من روسيا في الريف.", {("ميليشيات مقربة من روسيا", (RUSSIA,))}),
        ("وتقدمت فصائل موالية لمصر نحو الحدود.", {("فصائل موالية لمصر", (EGYPT,))}),
        # the regime a force is loyal to, with its nisba and no word after it
        ("وهاجمت القوات الموالية للنظام الروسي البلدة.", {("القوات الموالية للنظام الروسي", (RUSSIA,))}),
        # a nationality already owns it: the backer, and the word of backing, are no part of its name
        (
            "وتقدم الجيش المصري المدعوم من فرنسا.",
            {("الجيش المصري", (EGYPT,))},
        ),
    ],
)
def test_forces_named_by_their_owner(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(e.label_ar, tuple(e.affiliation)) for e in _nodes(text, "Force")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country whose name is also its nisba (السعودية) ends the phrase: it owns the force
        (
            "وأعلنت قوات الدفاع الجوي السعودية اعتراض طائرة.",
            {("قوات الدفاع الجوي السعودية", ("country/saudi-arabia",))},
        ),
        # "its forces": the country named before them in their sentence
        ("وقالت مصر إن قواتها الخاصة جاهزة.", {("قواتها الخاصة", (EGYPT,))}),
        # a proper name that holds a country's name names no owner
        ("وتقدمت قوات سوريا الديمقراطية نحو البلدة.", {("قوات سوريا الديمقراطية", ())}),
    ],
)
def test_owners_by_country_name_and_pronoun(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(e.label_ar, tuple(e.affiliation)) for e in _nodes(text, "Force")} == expected


def test_its_forces_are_keyed_by_owner_within_their_article() -> None:
    """ "قواتها الخاصة" of two articles is no one force."""
    keys = {
        e.key
        for text in ("وقالت مصر إن قواتها الخاصة جاهزة.", "وأكدت تركيا أن قواتها الخاصة انسحبت.")
        for e in _nodes(text, "Force")
    }
    assert len(keys) == 2


SYRIA, IRAN = "country/syria", "country/iran"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a branch named by its words alone belongs to the one state whose forces the article names
        (
            "وقال الجيش الأردني إن القوات الجوية قصفت مواقع، وإن قوات الأمن اعتقلت عشرة، وشاركت الشرطة في التفتيش.",
            {
                ("القوات المسلحة الأردنية", ("country/jordan",)),
                ("القوات الجوية", ("country/jordan",)),
                ("قوات الأمن", ("country/jordan",)),
                ("الشرطة", ("country/jordan",)),
            },
        ),
        # branches joined by و are one unit; a branch that is a force of its own (الشرطة) is not joined
        (
            "وشاركت وحدات الصاعقة والمظلات وقوات التدخل السريع في الحملة.",
            {("وحدات الصاعقة والمظلات", ()), ("قوات التدخل السريع", ())},
        ),
        ("وكلف الوزير القوات الخاصة والشرطة بالمهمة.", {("القوات الخاصة", ()), ("الشرطة", ())}),
        # a relational adjective goes with the branch; a verb's object does not
        ("واعتقلت الشرطة العسكرية الشاب.", {("الشرطة العسكرية", ())}),
        # two states' forces named: a branch alone is nobody's
        (
            "وتقدم الجيش العراقي، وانسحبت القوات الإيرانية، وقصفت القوات الجوية البلدة.",
            {
                ("الجيش العراقي", ("country/iraq",)),
                ("القوات المسلحة الإيرانية", (IRAN,)),
                ("القوات الجوية", ()),
            },
        ),
        # the same words with a nationality elsewhere tell whose: "قوات النظام" after "النظام السوري"
        (
            "واتهم النظام السوري الفصائل بخرق الهدنة، وقصفت قوات النظام البلدة، وانسحبت القوات الإيرانية منها.",
            # Syria's forces as a whole: the gazetteer's army of Syria (kg.same_forces), as in every article
            {("الجيش السوري", (SYRIA,)), ("القوات المسلحة الإيرانية", (IRAN,))},
        ),
        # a branch that keeps a state's own order is the state's the article is about, not a
        # foreign force's named beside it
        (
            "وقالت القوات الروسية إن قوات النظام تقدمت نحو البلدة في سوريا، وإن سوريا ستستعيد السيطرة.",
            {("القوات الروسية", ("country/russia",)), ("الجيش السوري", (SYRIA,))},
        ),
        # police nobody commands is no force: a title's genitive
        ("وقال مدير الشرطة إن الوضع هادئ.", set()),
        # no state's forces named: the country the article is about, named more than all others
        ("وقال ناشطون في الأردن إن قوات الأمن اعتقلت المدون.", {("قوات الأمن", ("country/jordan",))}),
        (
            "وقال ناشطون أردنيون في الأردن إن قوات الأمن اعتقلت المدون بعد عودته من سوريا.",
            {("قوات الأمن", ("country/jordan",))},
        ),
        ("وقال ناشطون في الأردن إن قوات الأمن اعتقلت المدون بعد عودته من سوريا.", {("قوات الأمن", ())}),
    ],
)
def test_branches_named_by_their_words_alone(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(e.label_ar, tuple(e.affiliation)) for e in _nodes(text, "Force")} == expected


def test_a_states_army_regime_forces_and_armed_forces_are_one_force() -> None:
    """ "الجيش السوري"، "قوات النظام"، "القوات الحكومية": one state's forces as a whole."""
    text = "وقال النظام السوري إن الجيش السوري دخل البلدة، ثم تقدمت قوات النظام، وانسحبت القوات الحكومية لاحقا."
    forces = _nodes(text, "Force")
    assert len(forces) == 1
    assert {forces[0].label_ar, *forces[0].alt_labels} == {"الجيش السوري", "قوات النظام", "القوات الحكومية"}
    assert forces[0].affiliation == [SYRIA]


def test_a_states_soldiers_are_its_army() -> None:
    """ "الجنود المصريون" in an article that names "الجيش المصري": one force; its mercenaries are not."""
    text = "وقال الجيش المصري إن الجنود المصريين عبروا الحدود، وقاتل مرتزقة مصريون إلى جانبهم."
    forces = _nodes(text, "Force")
    army = [f for f in forces if "الجنود المصريين" in {f.label_ar, *f.alt_labels}]
    assert len(army) == 1 and "الجيش المصري" in {army[0].label_ar, *army[0].alt_labels}
    assert len(forces) == 2


def test_a_branch_is_keyed_by_its_state_across_articles() -> None:
    """ "القوات الجوية" of Jordan is one force in two articles on it, not Iraq's; with no state
    told it stays its article's own."""
    jordan = "وقال الجيش الأردني إن القوات الجوية قصفت مواقع."
    iraq = "وقال الجيش العراقي إن القوات الجوية قصفت مواقع."
    alone = "وقصفت القوات الجوية مواقع."

    def key(text: str) -> str:
        (force,) = [e for e in _nodes(text, "Force") if e.label_ar == "القوات الجوية"]
        return force.key

    assert key(jordan) == key(jordan + " وعاد الهدوء.")
    assert len({key(jordan), key(iraq), key(alone), key(alone + " وعاد الهدوء.")}) == 4


def test_a_branch_is_the_force_named_with_its_nisba() -> None:
    """ "الشرطة" after "الشرطة الأردنية" is that police, not a second force."""
    forces = _nodes("وقالت الشرطة الأردنية إنها اعتقلت رجلا، وأضافت الشرطة أن التحقيق مستمر.", "Force")
    assert [(e.label_ar, e.alt_labels, e.affiliation) for e in forces] == [
        ("الشرطة الأردنية", ["الشرطة"], ["country/jordan"])
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a force in construct with the actor that owns it, up to that actor's name
        ("ودخل جيش مصر البلدة.", {("جيش مصر", ("country/egypt",))}),
        ("وانتشرت قوات حلف شمال الأطلسي في البلدة.", {("قوات حلف شمال الأطلسي", ("organization/nato",))}),
        # a leader's forces are his state's, as his title gives it
        ("وقال الرئيس السوري بشار الأسد إن قوات الأسد دخلت البلدة.", {("قوات الأسد", (SYRIA,))}),
        # the state's army by its name and by its nisba is one force
        ("وقال الجيش الأردني إن جيش الأردن مستعد.", {("القوات المسلحة الأردنية", ("country/jordan",))}),
    ],
)
def test_forces_in_construct_with_their_owner(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(e.label_ar, tuple(e.affiliation)) for e in _nodes(text, "Force")} == expected


def test_a_groups_militia_is_one_force_whatever_its_epithets() -> None:
    """ "ميليشيات القذافي الإجرامية" and "الميليشيا القذافية المسلحة" are one militia, keyed by
    head and group in every article; another group's militia is another force."""
    text = (
        "وهاجمت ميليشيات القذافي الإجرامية القرية. وقال السكان إن الميليشيا القذافية المسلحة انسحبت، "
        "فيما تقدمت مليشيات الجنجويد."
    )
    forces = _nodes(text, "Force")
    by_key = {e.key: {e.label_ar, *e.alt_labels} for e in forces}
    assert sorted(map(len, by_key.values())) == [1, 2]
    alone = {e.key for e in _nodes("وهاجمت ميليشيا القذافي القرية.", "Force")}
    assert alone & set(by_key)


@pytest.mark.parametrize(
    ("text", "forces", "people"),
    [
        # a group's noun with a person's name, bare or quoted, is a force called after him, not his
        ("وقصفت الطائرات مواقع جيش سعيد بن عامر قرب الحدود.", {("جيش سعيد بن عامر", ())}, set()),
        (
            'وسيطر فصيل "أسامة بن زيد" المبايع لتنظيم داعش على بلدة.',
            {("فصيل أسامة بن زيد", ("organization/isis",))},
            set(),
        ),
        (
            'وانسحب جيش سعيد بن عامر الذي بايع تنظيم "الدولة الإسلامية" من البلدة.',
            {("جيش سعيد بن عامر", ("organization/isis",))},
            set(),
        ),
        # a leader the article names himself owns the forces named after him
        (
            "وقال المشير خليفة حفتر إن قوات حفتر تقدمت.",
            {("قوات حفتر", ("person/xlfh-Hftr",))},
            {"خليفة حفتر"},
        ),
    ],
)
def test_groups_named_after_a_person(text: str, forces: set, people: set[str]) -> None:
    article = _article(text)
    found = {(e.label_ar, tuple(e.affiliation)) for e in article.entities.values() if e.type == "Force"}
    assert found == forces
    assert {e.label_ar for e in article.entities.values() if e.type == "Person"} == people


def test_a_force_named_by_its_city_is_not_the_main_countrys() -> None:
    """ "شرطة دبي" in an article about Israel is Dubai's police, not Israel's: its city names it."""
    text = "وقال رئيس الوزراء الإسرائيلي إن إسرائيل سترد. وأعلنت إسرائيل ذلك. ووقع المعهد اتفاقية تعاون مع شرطة دبي."
    assert {(f.label_ar, tuple(f.affiliation)) for f in _nodes(text, "Force")} == {("شرطة دبي", ())}


@pytest.mark.parametrize(
    ("text", "label", "owners"),
    [
        # a government's force is the state's whose places the article tells, not the foreign
        # state whose troops and envoys it names more often
        (
            "وبدأ الإجلاء من مدينة درعا في جنوب سوريا. وقال مراسل إن القوات الروسية فتشت الحافلات بعد أن"
            " استبعد المفاوضون الروس ذلك. وكانت قوات النظام قد أطلقت بدعم روسي عملية عسكرية.",
            "قوات النظام",
            ("country/syria",),
        ),
        # a branch in construct with a state is that state's, whatever the article is about
        (
            "وقال الرئيس الأمريكي إن الولايات المتحدة تدعم الإصلاح. واعتقلت شرطة بنغلاديش نحو 200 شخص.",
            "شرطة بنغلاديش",
            ("country/bangladesh",),
        ),
    ],
)
def test_whose_state_a_branch_is(text: str, label: str, owners: tuple[str, ...]) -> None:
    (force,) = [f for f in _nodes(text, "Force") if label in (f.label_ar, *f.alt_labels)]
    assert tuple(force.affiliation) == owners


def test_a_body_named_by_its_first_words_only_is_one_the_article_names() -> None:
    # "قوات الحكومة": the government the article tells of, not the one the gazetteer lists whose
    # name opens with "حكومة"
    article = _article("وقال ناشطون في السودان إن قوات الحكومة استعادت السيطرة على البلدة بعد معارك عنيفة.")
    assert not any("kurdistan" in key for key in article.entities)
    (force,) = [e for e in article.entities.values() if e.type == "Force"]
    assert force.affiliation == ["country/sudan"]
