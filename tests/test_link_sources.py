"""Gazetteer links: each traced to where it was confirmed, and the region's bodies, capitals and
leaders linked when an article names them."""

from __future__ import annotations

import pytest

from kg import link_sources, pipeline
from kg.resources import GazetteerEntry


def linked(text: str) -> dict[str, tuple[str, str | None]]:
    """Entity key -> (type, QID) of the entities one article mentions."""
    [article] = pipeline.extract(text, "t.txt", disable=("statements",))
    return {key: (e.type, e.wikidata) for key, e in article.entities.items()}


def test_every_link_of_the_gazetteer_has_a_record_of_its_source():
    assert link_sources.unsourced_links() == []


def test_a_link_with_no_record_or_another_item_is_reported():
    entries = [
        GazetteerEntry("place/atlantis", "Place", "أطلانتس", wikidata="Q123"),
        GazetteerEntry("place/lemuria", "Place", "ليموريا", wikidata="Q456"),
        GazetteerEntry("place/mu", "Place", "مو"),
    ]
    sources = {
        "place/lemuria": {"label": "place/lemuria", "id": "Q789", "seen_in": "a table"},
        "place/mu": {"label": "place/mu", "id": "Q111", "seen_in": "a table"},
    }
    problems = link_sources.unsourced_links(entries, sources)
    assert [p.split(":")[0] for p in problems] == ["place/atlantis", "place/lemuria", "place/mu"]
    assert "Q789" in problems[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقال الأمين العام لجامعة الدول العربية أحمد أبو الغيط إن وزراء الخارجية سيجتمعون الأسبوع المقبل.",
            {"organization/arab-league": ("Organization", "Q7172"), "person/ahmed-aboul-gheit": ("Person", "Q58108")},
        ),
        (
            "ووصل المدير العام للوكالة الدولية للطاقة الذرية رافائيل غروسي إلى فيينا بعد جولة في المنطقة.",
            {"organization/iaea": ("Organization", "Q41984"), "person/rafael-grossi": ("Person", "Q51107051"),
             "place/vienna": ("Place", "Q1741")},
        ),
        (
            "ودعا مجلس الأمن الدولي والاتحاد الأفريقي ومنظمة التعاون الإسلامي إلى وقف إطلاق النار في السودان.",
            {"organization/un-security-council": ("Organization", "Q37470"),
             "organization/african-union": ("Organization", "Q7159"), "organization/oic": ("Organization", "Q47543"),
             "country/sudan": ("Country", "Q1049")},
        ),
        (
            "واستقبل ولي العهد السعودي محمد بن سلمان الرئيس التركي رجب طيب أردوغان في جدة.",
            {"person/mohammed-bin-salman": ("Person", "Q6889872"), "person/recep-tayyip-erdogan": ("Person", "Q39259")},
        ),
    ],
    ids=["arab-league", "iaea-in-vienna", "un-au-oic", "gulf-and-turkish-leaders"],
)
def test_the_regions_bodies_and_leaders_link(text, expected):
    found = linked(text)
    assert {key: found.get(key) for key in expected} == expected


def test_a_capital_links_as_the_city_where_it_is_a_place_and_as_its_state_where_it_acts():
    found = linked("عقد الوفد اجتماعا في الدوحة. وأعلنت الدوحة أن المحادثات ستستأنف.")
    assert found["place/doha"] == ("Place", "Q3861")
    assert found["country/qatar"] == ("Country", "Q846")


def test_a_state_named_by_a_city_that_is_also_its_name_is_not_linked_to_the_city():
    # تونس is Tunisia; only تونس العاصمة is the city
    found = linked("وصل الوزير إلى تونس في زيارة رسمية، ثم انتقل إلى تونس العاصمة.")
    assert found["country/tunisia"] == ("Country", "Q948")
    assert found["place/tunis"] == ("Place", "Q3572")
