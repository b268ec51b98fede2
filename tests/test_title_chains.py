"""A person named right after a title chain ending in a body serves that body (kg.title_chains),
whether or not the person makes a statement."""

from __future__ import annotations

import pytest

from kg.pipeline import extract

UN = "organization/united-nations"
ARAB_LEAGUE = "organization/arab-league"


def affiliation(text: str, person: str) -> list[str]:
    article = extract(text, "chain.txt")[0]
    return article.entities[person].affiliation


@pytest.mark.parametrize(
    ("text", "person", "body"),
    [
        # an indefinite title in construct with its body
        ("وأجرى أمين عام الأمم المتحدة أنطونيو غوتيريش محادثات في عمان.", "person/antonio-guterres", UN),
        # the definite title, the body after its لـ clitic, the person at talks, not speaking
        (
            "التقى الأمين العام لجامعة الدول العربية أحمد أبو الغيط وزير الخارجية في القاهرة.",
            "person/ahmed-aboul-gheit",
            ARAB_LEAGUE,
        ),
    ],
)
def test_a_title_chain_ending_in_a_body_makes_the_named_person_its(text: str, person: str, body: str) -> None:
    assert body in affiliation(text, person)


@pytest.mark.parametrize(
    "text",
    [
        # a preposition, not a title, before the body
        "وبحث وزير الخارجية مع الأمم المتحدة أنطونيو غوتيريش الأزمة.",
        # a comma sets the name off from the body
        "والتقى رئيس الوزراء بممثلي الأمم المتحدة، أنطونيو غوتيريش وآخرين.",
    ],
)
def test_no_chain_without_a_title_written_up_to_the_body(text: str) -> None:
    assert UN not in affiliation(text, "person/antonio-guterres")


SAUDI = "country/saudi-arabia"
SALMAN = "person/salman-bin-abdulaziz"


def test_a_title_chain_before_the_honorific_a_name_takes_in_makes_its_state_the_persons() -> None:
    """The name's mention takes the honorific in (الملك [name]): the title before it is still his."""
    text = "وزار العاهل السعودي الملك سلمان بن عبد العزيز القاهرة. وقالت السعودية إنها تدعم مصر."
    assert affiliation(text, SALMAN) == [SAUDI]


def test_only_the_last_title_before_the_honorific_is_the_persons() -> None:
    """The first title is the host's, the subject of the verb; the one right before the name his."""
    text = (
        "واستقبل العاهل الأردني العاهل السعودي الملك سلمان بن عبد العزيز في عمان. "
        "وقالت الأردن والسعودية إنهما تدعمان مصر."
    )
    assert affiliation(text, SALMAN) == [SAUDI]
