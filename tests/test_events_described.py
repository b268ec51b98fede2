"""Dialogues and agreements known by a description, through the whole pipeline: which phrases
become event nodes (exact sets, so a spurious node fails too) and who takes part in them."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.pipeline import extract

EVENT_TYPES = ("Dialogue", "Agreement")


def _article(text: str) -> Article:
    (article,) = extract(text, "test")
    return article


def events_of(text: str) -> set[tuple[str, str]]:
    """(type, label) of every dialogue and agreement node the text gives."""
    return {(e.type, e.label_ar) for e in _article(text).entities.values() if e.type in EVENT_TYPES}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relational adjective tells the kind: no one need be said to sign it
        ("وقال الوزير إن القوات ستنتشر في إطار اتفاق عسكري.", {("Agreement", "اتفاق عسكري")}),
        # an indefinite head in construct with a definite word is a definite phrase
        ("وألقى الوزير كلمة في جلسة الافتتاح.", {("Dialogue", "جلسة الافتتاح")}),
        ("وتم الإفراج عن الرهائن عبر وساطة قطرية.", {("Dialogue", "وساطة قطرية")}),
        # a document is an agreement when someone signs it
        ("ووقع وزيرا خارجية البلدين على وثيقة إعلان المبادئ.", {("Agreement", "إعلان المبادئ")}),
        # ... and no agreement when nobody does
        ("وأعلن الرئيس أن بلاده لن تقبل إعلان الحرب.", set()),
        # a visit told with how long it lasts, called with its length
        ("ووصل الرئيس إلى باريس في زيارة رسمية تستمر ثلاثة أيام.", {("Dialogue", "زيارة رسمية تستمر ثلاثة أيام")}),
        ("وتوجه الوزير إلى عمان في زيارة تستغرق أسبوعاً.", {("Dialogue", "زيارة تستغرق أسبوعاً")}),
        # an agreement in construct with a place's name is definite by it
        ("وقال الوزير إن اتفاق جنيف لم يطبق بعد.", {("Agreement", "اتفاق جنيف")}),
        ("وطالبت المعارضة باحترام اتفاقية باريس منذ سنوات.", {("Agreement", "اتفاقية باريس")}),
        # a verb after the head opens a clause, no genitive: no name
        ("وتسعى الحكومة إلى اتفاق يجنبها العقوبات الدولية.", set()),
        # a time word is no genitive that names talks, nor a possessed head's complement
        ("وناقشت جلسة الأمس الموازنة.", set()),
        ("وفاجأت الجميع بإعلانها الاعتزال.", set()),
        # an indefinite head alone names no event
        ("لا بد من اتفاق جديد.", set()),
        # a speaker wishing for a kind of agreement tells none
        ('وقال الوزير: "نريد اتفاقاً أمنياً قوياً مع جيراننا".', set()),
    ],
)
def test_described_events(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a law named by adjectives alone is a body of law; one named by a noun is a law
        (
            "وطالبت المنظمة باحترام القانون الدولي الإنساني وبتطبيق قانون المطبوعات.",
            {("Agreement", "قانون المطبوعات")},
        ),
        ("وقال المتحدث إن القانون الدولي يكفل ذلك.", set()),
        ("وطالب باحترام القانون الدولي والقانون الدولي الإنساني.", set()),
        # a scope or manner adjective tells no one event; a kind or a side does
        ("ودعا الأمين العام إلى اتفاق دولي يحمي المدنيين.", set()),
        ("وأشار إلى أن جولة خارجية تنتظر الوزير.", set()),
        ("وطالب الوفد بهدنة إنسانية في المدينة.", {("Agreement", "هدنة إنسانية")}),
        ("وتحدثت الصحيفة عن محادثات سرية في جنيف.", {("Dialogue", "محادثات سرية")}),
        # an interview, a court hearing, a trading session: no talks
        ("وقال الوزير في لقاء تلفزيوني إن الحدود آمنة.", set()),
        ("وأرجأت المحكمة جلسة النطق بالحكم إلى الشهر المقبل.", set()),
        # a meeting or a round in a sentence about sport is a match or a matchday
        ("وحقق النادي فوزا ثمينا في لقاء الإياب على ملعبه بهدفين.", set()),
        ("وتصدر النادي الترتيب بعد الجولة الخامسة إثر فوزه في المباراة.", set()),
    ],
)
def test_events_need_their_own_words(text: str, expected: set[tuple[str, str]]) -> None:
    """Generic event words, bodies of law and other senses of a dialogue head make no node."""
    assert events_of(text) == expected


def test_mediation_by_nisba() -> None:
    """A mediation's nisba names the state that mediates."""
    (mediation,) = [
        e for e in _article("وتم الإفراج عن الرهائن عبر وساطة قطرية.").entities.values() if e.type == "Dialogue"
    ]
    assert mediation.participants == ["country/qatar"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agreement someone reaches, told by its scope: purpose, span, place, what it provides
        ("وتوصل الطرفان إلى هدنة لمدة ثلاثة أيام.", {("Agreement", "هدنة")}),
        ("وتوصلت الحكومة والمتمردون إلى اتفاق لوقف القتال.", {("Agreement", "اتفاق")}),
        ("وتوصل الوسطاء إلى هدنة في البلدة.", {("Agreement", "هدنة")}),
        # reached with no scope, or only hoped for: no agreement by its word alone
        ("وقال إن الأطراف توصلت إلى اتفاق.", set()),
        ("ويأمل الوسطاء التوصل إلى هدنة لمدة يومين.", set()),
    ],
)
def test_agreements_reached_told_by_their_scope(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verbal noun of its making told done (تم، بعد، عن): the story's agreement, named by its purpose
        ("وأعلنت الحكومة عن التوصل لاتفاق لعودة الهدوء إلى الحدود.", {("Agreement", "اتفاق لعودة الهدوء")}),
        ("وتم التوصل إلى اتفاق لإخلاء الجرحى من البلدة.", {("Agreement", "اتفاق لإخلاء الجرحى")}),
        ("وعاد السكان بعد التوصل إلى اتفاق مع الحكومة الصومالية.", {("Agreement", "اتفاق مع الحكومة الصومالية")}),
        # the announcement itself told done: the agreement was made
        ("وهدأت المدينة بعد الإعلان عن التوصل لاتفاق لعودة الهدوء.", {("Agreement", "اتفاق لعودة الهدوء")}),
        # sought, not made; or no word after it that tells which
        ("ويأمل الوسطاء في التوصل إلى اتفاق لعودة الهدوء.", set()),
        ("ونتوقع الإعلان عن التوصل لاتفاق لعودة الهدوء إلى الحدود.", set()),
        ("وعاد السكان بعد التوصل إلى اتفاق شمل البلدة.", set()),
    ],
)
def test_agreements_told_made_by_a_verbal_noun(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agreement told by what it provides, after على or بـ: one agreement, named by its content
        ("وكشف مسؤول محلي عن اتفاق يقضي بانسحاب المسلحين من الحي.", {("Agreement", "اتفاق يقضي بانسحاب المسلحين")}),
        ("وأعلن المجلس العسكري اتفاقا ينص على تبادل الأسرى.", {("Agreement", "اتفاقا ينص على تبادل الأسرى")}),
        # only called for: no agreement made
        ("وطالب النواب باتفاق يقضي بانسحاب المسلحين من الحي.", set()),
        # a proposal is no agreement
        ("ورفضت الحكومة مقترحا يقضي بتقاسم السلطة.", set()),
    ],
)
def test_agreements_told_by_what_they_provide(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tour named by its stops, with no verb that starts it
        (
            "ووصل المبعوث إلى عمان في إطار جولة تشمل عددا من عواصم المنطقة.",
            {("Dialogue", "جولة تشمل عددا من عواصم المنطقة")},
        ),
        ("وتأتي المحادثات ضمن جولة شملت مصر والأردن.", {("Dialogue", "جولة شملت مصر والأردن")}),
        # a visit told made by a relative clause: who made it and where it went
        ("وتأتي الخطوة بعد زيارة قام بها وفد برلماني إلى بغداد.", {("Dialogue", "زيارة قام بها")}),
        # ... by a verb that carries its object pronoun, its forms derived by rule (a defective verb)
        ("ويعقد الوزير لقاءات خلال زيارة يجريها إلى تونس.", {("Dialogue", "زيارة يجريها إلى تونس")}),
        ("وأشاد الأمير بنتائج جولة أجراها في دول الخليج.", {("Dialogue", "جولة أجراها")}),
        ("وجاء القرار عقب زيارة أجرتها الوزيرة إلى عمان.", {("Dialogue", "زيارة أجرتها")}),
    ],
)
def test_visits_and_tours_told_made_or_by_their_stops(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


def test_a_visit_told_made_by_a_verb_carrying_its_pronoun_has_its_visitor_and_host() -> None:
    """ "زيارة أجراها X إلى Y": X made it, to Y."""
    (visit,) = [
        e
        for e in _article("وتأتي الخطوة بعد زيارة أجراها الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر.").entities.values()
        if e.type == "Dialogue"
    ]
    assert set(visit.participants) == {"person/emmanuel-macron", "country/algeria", "country/france"}
    assert visit.location == "country/algeria"


def test_a_side_named_by_its_nationality_is_a_party() -> None:
    """ "اتفاق بين النظام الليبي والمتمردين": the regime is Libya's side."""
    (agreement,) = [
        e
        for e in _article("وتوصل الوسطاء إلى اتفاق بين النظام الليبي والمتمردين.").entities.values()
        if e.type == "Agreement"
    ]
    assert agreement.parties == ["country/libya"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tour told with how long it lasts, like a visit; the length after لـ or لمدة
        ("وبدأ الرئيس جولة تستمر لأربعة أيام.", {("Dialogue", "جولة تستمر لأربعة أيام")}),
        ("ووصل الوزير إلى روما في زيارة تستمر لمدة يومين.", {("Dialogue", "زيارة تستمر لمدة يومين")}),
        # a round of talks is no tour
        ("وعقد الوفدان جولة جديدة من المحادثات.", {("Dialogue", "جولة جديدة من المحادثات")}),
    ],
)
def test_tours_told_with_their_length(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visit or tour told by its kind, with its visitor on it, was made
        ("وكان الملك في القاهرة في زيارة رسمية.", {("Dialogue", "زيارة رسمية")}),
        ("وكان المشير في روما في جولة خارجية الشهر الماضي.", {("Dialogue", "جولة خارجية")}),
        ("ويأتي ذلك ضمن جولة إقليمية يقوم بها الوزير.", {("Dialogue", "جولة إقليمية يقوم بها")}),
        # ... or by the country or city it goes to
        ("ووصل الرئيس إلى موسكو في زيارة لروسيا تستمر يومين.", {("Dialogue", "زيارة لروسيا")}),
        ("وزار الوزير المخيم ضمن زيارة له إلى الأردن.", {("Dialogue", "زيارة له إلى الأردن")}),
        # ... not to a family or a ministry
        ("وكان الرجل في زيارة لأسرته.", set()),
        ("وقال الرئيس في زيارة لوزارة الداخلية إن العدد كبير.", set()),
        # ... not a round of fighting (no kind), nor a bare one
        ("وقتل عشرة في جولة قتال جديدة.", set()),
        ("وقال إنه يفكر في زيارة.", set()),
    ],
)
def test_visits_told_by_their_kind(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "parties"),
    [
        # an agreement or understanding with its counterpart after مع: the counterpart is a party
        ("وقال إن الاتفاق مع إيران انتهى.", {("Agreement", "الاتفاق مع إيران")}, ["country/iran"]),
        # and the possessor of "its agreement" is the other (kg.referents)
        (
            "وتنتظر أنقرة تنفيذ اتفاقها مع روسيا.",
            {("Agreement", "اتفاقها مع روسيا")},
            ["country/russia", "country/turkey"],
        ),
        (
            "وأشاد الوزير بتفاهم تركيا مع روسيا حول إدلب.",
            {("Agreement", "تفاهم تركيا مع روسيا")},
            ["country/turkey", "country/russia"],
        ),
        # an indefinite one: reached with its counterpart, or only wished for
        (
            "وتوصلت حماس إلى هدنة مع إسرائيل.",
            {("Agreement", "هدنة مع إسرائيل")},
            ["country/israel", "organization/hamas"],
        ),
        ('وقال الوزير: "نريد معاهدة دفاع قوية مع الأردن".', set(), []),
        # an understanding with its sides named is one someone entered
        (
            "وأعلن عن تفاهم بين الأردن ومصر.",
            {("Agreement", "تفاهم بين الأردن ومصر")},
            ["country/jordan", "country/egypt"],
        ),
        # done in concert with someone, a misunderstanding, a spirit: no agreement
        ("وتم نقل المعدات بالاتفاق مع الحكومة الأردنية.", set(), []),
        ("وجرى الأمر بالتفاهم مع روسيا.", set(), []),
        ("وقال إن هناك سوء تفاهم مع الشرطة.", set(), []),
        ("ودعا إلى روح التفاهم بين الشعوب.", set(), []),
        ("وأكد الوزير أن التفاهم قائم.", set(), []),
    ],
)
def test_agreements_with_a_counterpart(text: str, expected: set[tuple[str, str]], parties: list[str]) -> None:
    """ "الاتفاق مع X"، "تفاهمها مع X": an agreement told with the side it is made with."""
    article = _article(text)
    assert {(e.type, e.label_ar) for e in article.entities.values() if e.type in EVENT_TYPES} == expected
    assert [p for e in article.entities.values() if e.type == "Agreement" for p in e.parties] == parties


@pytest.mark.parametrize(
    ("text", "label", "participants"),
    [
        # talks a relative clause says someone runs, with whom or between whom
        (
            "وتحدث عن المفاوضات التي يجريها الأردن مع إسرائيل.",
            "المفاوضات التي يجريها الأردن مع إسرائيل",
            ["country/jordan", "country/israel"],
        ),
        (
            "وأكد أن المحادثات التي تتولاها مصر بين حماس وإسرائيل مستمرة.",
            "المحادثات التي تتولاها مصر بين حماس وإسرائيل",
            ["country/egypt", "organization/hamas", "country/israel"],
        ),
    ],
)
def test_talks_run_by_a_party(text: str, label: str, participants: list[str]) -> None:
    """ "المفاوضات التي يجريها X مع Y": who runs the talks and whom they are with take part."""
    (talks,) = [e for e in _article(text).entities.values() if e.type in EVENT_TYPES]
    assert (talks.type, talks.label_ar, talks.participants) == ("Dialogue", label, participants)


def test_a_relative_clause_naming_a_place_tells_no_talks() -> None:
    """ "المحادثات التي جرت في القاهرة مع ...": only a runner may stand in the clause."""
    assert events_of("وتناول المحادثات التي جرت في القاهرة مع الوفد.") == set()


def test_a_visit_goes_where_its_lam_says() -> None:
    """ "زيارة ترامب للقدس": the place after the clitic لـ is where the visit goes."""
    (visit,) = [e for e in _article("وانتقد المعارض زيارة ترامب للقدس.").entities.values() if e.type in EVENT_TYPES]
    assert (visit.label_ar, visit.location) == ("زيارة ترامب للقدس", "place/jerusalem")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a resolution named by its number: after the body that passed it, رقم, or in brackets
        ("وطالب الوزير بتطبيق قرار مجلس الأمن رقم 1559 كاملا.", {("Agreement", "قرار مجلس الأمن رقم 1559")}),
        ("ودعت الجامعة إلى احترام القرار الأممي (2334) بشأن الاستيطان.", {("Agreement", "القرار الأممي (2334")}),
        ("وقال إن القرار 242 ما زال ساريا.", {("Agreement", "القرار 242")}),
        # a year is no number of a resolution, and a resolution with no number is no agreement
        ("وصدر قرار في عام 2013 بإغلاق المعبر.", set()),
        ("وأعلن الوزير القرار أمس.", set()),
    ],
)
def test_resolutions_named_by_their_number(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the deal among many states by its short name where two of its sides are named
        ("وقالت طهران إن الاتفاق النووي صامد رغم انسحاب واشنطن منه.", {"agreement/iran-nuclear-deal"}),
        ("ودعت باريس وبرلين إيران إلى البقاء في الاتفاق النووي الإيراني.", {"agreement/iran-nuclear-deal"}),
        # one side named only: the short name is no known deal
        ("وأكدت طوكيو أن الاتفاق النووي مع الولايات المتحدة قائم.", set()),
    ],
)
def test_a_known_deal_among_many_states(text: str, expected: set[str]) -> None:
    """A gazetteer agreement with many parties is named by its short name when the article names
    two of them; fewer, and the same words are some other deal."""
    keys = {e.key for e in _article(text).entities.values() if e.type == "Agreement"}
    assert keys & {"agreement/iran-nuclear-deal"} == expected


def test_a_resolution_is_keyed_by_its_number_in_every_article() -> None:
    """Two articles writing one resolution's body, رقم and brackets differently (and a clitic ل
    before its noun) give it one key; another number is another resolution."""
    texts = (
        "ودعا الوزير إلى الالتزام بالقرار الأممي رقم (1701) في الجنوب.",
        "وأكد السفير أن قرار مجلس الأمن 1701 يلزم الطرفين، وأشار لقرار 1559 أيضا.",
    )
    keys = [{e.key for e in _article(text).entities.values() if e.type == "Agreement"} for text in texts]
    assert keys == [{"agreement/resolution-1701"}, {"agreement/resolution-1701", "agreement/resolution-1559"}]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks something happened during, or on the sidelines of, took place
        ("وقال الوزيران خلال اجتماع مشترك إن الحدود آمنة.", {("Dialogue", "اجتماع مشترك")}),
        ("والتقى الوزير نظيره على هامش اجتماع لحلف شمالي الأطلسي.", {("Dialogue", "اجتماع لحلف شمالي الأطلسي")}),
        # an interview is no talks; talks only wished for are none
        ("وقال الأمير خلال لقاء مع محرري صحيفة محلية إن الحرب ستنتهي.", set()),
        ("وعقد الأمير لقاء مع محرري صحيفة محلية.", set()),
        ("وقال الرئيس خلال زيارة لإلقاء كلمة إن السلام ممكن.", set()),
        ("ودعا الوزير إلى اجتماع مشترك.", set()),
    ],
)
def test_talks_during_which_something_happened(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body two sides set up is an arrangement they entered
        ("وأعلن الطرفان تشكيل لجنة عسكرية مشتركة.", {("Agreement", "لجنة عسكرية مشتركة")}),
        # a body someone calls for is set up by no one yet: neither an arrangement nor a body
        ("وطالبت تركيا، في بيان لها أمس، بتشكيل لجنة دولية مستقلة.", set()),
        ("ودعا الوزير إلى تشكيل لجنة تحقيق دولية.", set()),
        ('ودعت مصر، الأحد، "الهند وفرنسا" إلى تشكيل لجنة تقصي حقائق دولية.', set()),
        ("وطالبت تركيا، في بيان لها في 3 مايو/ أيار الماضي، بتشكيل لجنة دولية مستقلة.", set()),
    ],
)
def test_a_body_called_for_is_no_node(text: str, expected: set[tuple[str, str]]) -> None:
    article = _article(text)
    assert {(e.type, e.label_ar) for e in article.entities.values() if e.type != "Country"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body one actor sets up is a body, no arrangement anyone entered
        ("وأصدر الملك أمرا بتشكيل لجنة عليا للتحقيق في الحادثة.", {("Organization", "لجنة عليا")}),
        ("وتعمل رئيسة الحكومة على تشكيل ائتلاف جديد.", {("Organization", "ائتلاف جديد")}),
        # ... one sides agree on, or one told joint, is an arrangement they entered
        ("واتفق الوزيران على إنشاء مجلس تنسيق أعلى.", {("Agreement", "مجلس تنسيق أعلى")}),
        ("وأعلنت الحكومتان تأسيس مركز عمليات مشترك.", {("Agreement", "مركز عمليات مشترك")}),
        ("وقال المتحدث إنه تم الاتفاق على تشكيل لجنة عسكرية.", {("Agreement", "الاتفاق على تشكيل لجنة عسكرية")}),
    ],
)
def test_a_body_set_up_is_an_agreement_only_when_agreed(text: str, expected: set[tuple[str, str]]) -> None:
    article = _article(text)
    assert {(e.type, e.label_ar) for e in article.entities.values() if e.type != "Country"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state or its capital after "إعلان" is who announces: no declaration
        ("وجاء القرار بعد أسبوع من إعلان تركيا السيطرة على المدينة.", set()),
        ("ورحبت الوزارة بإعلان الرياض تقديم مئة مليون دولار للاجئين.", set()),
        ("وتزامن ذلك مع إعلان الولايات المتحدة انسحابها من المعاهدة.", set()),
        # a city's name names a declaration
        ("ووقع البلدان على إعلان جدة للسلام.", {("Agreement", "إعلان جدة")}),
        # ... and so does a capital its clause ends at
        ("وأكد الوزراء تمسكهم بإعلان الرياض، باعتباره أساسا للحل.", {("Agreement", "إعلان الرياض")}),
    ],
)
def test_a_state_announcing_is_no_declaration(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "another" past the head's adjectives: a second call, not the one told before
        "وأجرى رئيس الوزراء اتصالا هاتفيا مع الرئيس الفرنسي، ثم أجرى اتصالا هاتفيا آخر مع المستشار الألماني.",
        "وعقد وزير الخارجية المصري لقاء مع نظيره الأردني صباحا، ثم عقد لقاء آخر مع نظيره السعودي مساء.",
    ],
)
def test_another_event_of_its_kind_is_its_own(text: str) -> None:
    dialogues = [e for e in _article(text).entities.values() if e.type == "Dialogue"]
    assert len(dialogues) == 2, [(e.label_ar, e.alt_labels) for e in dialogues]


def test_a_new_round_of_talks_is_those_talks() -> None:
    text = "وانطلقت المحادثات بين مصر والسودان في الخرطوم. وتعقد جولة جديدة من المحادثات الأسبوع المقبل."
    dialogues = [e for e in _article(text).entities.values() if e.type == "Dialogue"]
    assert len(dialogues) == 1, [(e.label_ar, e.alt_labels) for e in dialogues]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ل before a head noun that begins with ل (لقاء، لجنة) is the preposition alone, or the
        # preposition and the article; the label keeps the noun's own ل, and no article in construct
        ("وسافر الوزير إلى عمان للقاء الملك عبد الله الثاني.", {("Dialogue", "لقاء الملك عبد الله الثاني")}),
        # ... and ل before the article of a noun that does not (للمفاوضات) keeps reading as before
        ("ودعا الرئيس إلى العودة للمفاوضات المباشرة.", {("Dialogue", "المفاوضات المباشرة")}),
    ],
)
def test_a_head_noun_after_lam_that_begins_with_lam(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks or a conference in construct with a place's name are the meeting held there
        ("وقال الوزير إن محادثات جنيف لم تحقق أي تقدم.", {("Dialogue", "محادثات جنيف")}),
        ("وتعهدت الدول المشاركة في مؤتمر بروكسل بتقديم المساعدات.", {("Dialogue", "مؤتمر بروكسل")}),
        # talks named by a country are talks about it, not there: no name of their own
        ("وقال الوزير إن محادثات سوريا لم تحقق أي تقدم.", set()),
        # consultations are talks too; a verb after the place's name is no part of the name
        ("وأعلن المبعوث فشل مشاورات جنيف.", {("Dialogue", "مشاورات جنيف")}),
        ("وقال المبعوث إن محادثات جنيف ستبدأ الخميس.", {("Dialogue", "محادثات جنيف")}),
        # ... but a state written as its capital's name is where they meet
        ("وانتهت قمة طهران الثلاثية دون بيان ختامي.", {("Dialogue", "قمة طهران الثلاثية")}),
        ("وقال المبعوث إن محادثات موسكو كانت صريحة.", {("Dialogue", "محادثات موسكو")}),
        # a place no list knows, read as a name by the tagger, names them too, with its definite adjectives
        ("وقال الوزير إن محادثات أستانة الأخيرة لم تحقق أي تقدم.", {("Dialogue", "محادثات أستانة الأخيرة")}),
        # ... also ending like a nisba, which no feminine head takes as its adjective
        ("ويشارك الوفد الحكومي في محادثات سوتشي.", {("Dialogue", "محادثات سوتشي")}),
        # ... not an adjective agreeing with a masculine head, nor a word with a clitic on a name
        ("وقال الوزير إن حوار سلمي ممكن.", set()),
        ("وسئل عن زيارتهما لعبد الرحمن في السجن.", set()),
        # a conference named by its place keeps its aim (one definite noun in لـ)
        ("وألقى الوزير كلمة أمام مؤتمر ميونيخ للأمن.", {("Dialogue", "مؤتمر ميونيخ للأمن")}),
        ("وتعهد المشاركون في مؤتمر بروكسل للمانحين بدعم اللاجئين.", {("Dialogue", "مؤتمر بروكسل للمانحين")}),
        ("وقال أمام مؤتمر موسكو للأمن الدولي إن الحرب انتهت.", {("Dialogue", "مؤتمر موسكو للأمن الدولي")}),
        # a definite head is in construct with no name after it; a meeting among football words is a match
        ("وقال إن اللقاء بن سلمان كان مهما.", {("Dialogue", "اللقاء")}),
        ("وأصيب اللاعب في لقاء ليفربول وريال مدريد بحسب اتحاد كرة القدم.", set()),
        # ... not a summit's purpose, nor a body's name
        ("وقال في قمة طهران للبحث في الأزمة إن الحل سياسي.", {("Dialogue", "قمة طهران")}),
    ],
)
def test_meetings_named_by_their_place(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "له" before where a visit went or met: its name goes on over the place
        ("وقال الرئيس خلال زيارة له إلى فرنسا إن الحرب ستنتهي.", {("Dialogue", "زيارة له إلى فرنسا")}),
        ("وقال الرئيس خلال زيارة لها لموسكو إن الحرب ستنتهي.", {("Dialogue", "زيارة لها لموسكو")}),
        ("وهتف المتظاهرون ضده خلال زيارة له في لندن.", {("Dialogue", "زيارة له في لندن")}),
        # talks named by nothing else are named by where they meet ...
        ("وعقد الوزير اجتماعا في بغداد.", {("Dialogue", "اجتماعا في بغداد")}),
        ("وقال الوزير خلال اجتماع في بغداد إن الحرب ستنتهي.", {("Dialogue", "اجتماع في بغداد")}),
        # ... or by a group no rule names that they are with
        ("وقال الوزير في اجتماع مع القادة العسكريين إن الحرب ستنتهي.", {("Dialogue", "اجتماع مع القادة العسكريين")}),
        ("وقال الوزير خلال لقاء مع شيوخ العشائر إن الحرب ستنتهي.", {("Dialogue", "لقاء مع شيوخ العشائر")}),
        # a definite head there is the meeting told before; the press are no side
        ("وقال الوزير إن الاجتماع في بغداد كان مثمرا.", {("Dialogue", "الاجتماع")}),
        ("وقال الوزير إن لقاء مع الصحفيين غير مفيد.", set()),
        ("وقال الوزير في حوار مع برنامج أسبوعي إن الحرب ستنتهي.", set()),
    ],
)
def test_talks_named_by_where_they_meet_or_an_unnamed_side(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "label", "parties"),
    [
        # an agreement a relative clause says was reached or signed, with whom or between whom
        (
            "وقال إن الاتفاق الذي جرى التوصل إليه بين الأردن والولايات المتحدة ما زال ساريا.",
            "الاتفاق الذي جرى التوصل إليه بين الأردن والولايات المتحدة",
            {"country/jordan", "country/united-states"},
        ),
        (
            "وقال إن الاتفاق الذي توصلت إليه تركيا مع روسيا يضمن الهدوء.",
            "الاتفاق الذي توصلت إليه تركيا مع روسيا",
            {"country/turkey", "country/russia"},
        ),
        # its sides are phrases of their own: a force named there is a party
        (
            "وتم ذلك تنفيذا للاتفاق الذي تم التوصل إليه بين الحكومة السورية والفصائل المسلحة.",
            "الاتفاق الذي تم التوصل إليه بين الحكومة السورية والفصائل",
            {"country/syria", "force/fSAyl-mslHh"},
        ),
    ],
)
def test_agreements_told_with_a_relative_clause(text: str, label: str, parties: set[str]) -> None:
    (agreement,) = [e for e in _article(text).entities.values() if e.type in EVENT_TYPES]
    assert (agreement.type, agreement.label_ar, set(agreement.parties)) == ("Agreement", label, parties)


def test_a_relative_clause_naming_no_side_names_no_agreement() -> None:
    """ "الاتفاق الذي أبرمته مع القوى الكبرى": no side is named, so it refers back to none told."""
    assert events_of("وقال الرئيس إن الاتفاق الذي أبرمته بلاده مع القوى الكبرى جيد.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks told held by a verb of holding right after them, a relative clause with no pronoun
        ("وقال الوزير إن الاتفاق تم خلال اجتماع عقد يوم الأحد في عمان.", {("Dialogue", "اجتماع")}),
        ("وأكد الرئيسان عقب جلسة مباحثات عقدت بالقصر التزامهما بالاتفاق.", {("Dialogue", "جلسة مباحثات")}),
        # ... not talks to come, nor a bare sitting (of a court as much as of talks)
        ("وقال إن اجتماعا سيعقد الأسبوع المقبل.", set()),
        ("وقضت المحكمة في جلسة عقدت الأحد بسجنه.", set()),
    ],
)
def test_talks_told_held_by_a_verb_after_them(text: str, expected: set[tuple[str, str]]) -> None:
    assert events_of(text) == expected


@pytest.mark.parametrize(
    ("text", "label", "body"),
    [
        ("وأعلن الرئيس خلال اجتماع لمجلس الوزراء الخميس خطة لدعم الزراعة.", "اجتماع لمجلس الوزراء", "مجلس الوزراء"),
        ("وتحدث زعيم المعارضة في مؤتمر لحزب العمال عن الانتخابات.", "مؤتمر لحزب العمال", "حزب العمال"),
    ],
)
def test_a_meeting_of_a_body_named_after_for_is_its_meeting(text: str, label: str, body: str) -> None:
    article = _article(text)
    [meeting] = [e for e in article.entities.values() if e.type == "Dialogue"]
    assert meeting.label_ar == label
    assert any(article.entities[key].label_ar == body for key in meeting.participants)


def test_a_visit_to_a_body_is_no_meeting_of_it() -> None:
    assert ("Dialogue", "زيارة لمجلس النواب") not in events_of("وقام الوفد بزيارة لمجلس النواب أمس.")


def test_a_sitting_of_a_parliament_is_no_meeting_of_it() -> None:
    assert not events_of("وانتقد النائب الحكومة خلال جلسة للبرلمان يوم الاثنين.")
