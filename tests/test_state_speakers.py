"""kg.speaker_phrases: "the authorities" of a country (السلطات الأردنية، السلطات في الأردن) are that
country speaking, as the gold convention has it; qualified by anything else they are a body of
their own. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from kg.pipeline import extract


def speakers(body: str) -> list[list[str]]:
    """The speakers (key and type) of each statement of a body under a one-line title."""
    article = extract("خبر اليوم\n\n" + body, "test")[0]
    return [[f"{k}:{article.entities[k].type}" for k in s.speakers] for s in article.statements]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وقالت السلطات الأردنية إن المعبر سيفتح أمام الشاحنات الأسبوع المقبل.", [["country/jordan:Country"]]),
        ("وأعلنت السلطات في الأردن، الأحد، أن المعبر سيفتح أمام الشاحنات.", [["country/jordan:Country"]]),
        ("وكانت السلطات المغربية قد أكدت أنها أوقفت عشرات المهربين.", [["country/morocco:Country"]]),
        (
            "أعلنت السلطات القطرية والتركية أن الرحلات بين البلدين ستستأنف.",
            [["country/qatar:Country", "country/turkey:Country"]],
        ),
    ],
)
def test_the_authorities_of_a_country_are_the_country(body: str, expected: list[list[str]]) -> None:
    assert speakers(body) == expected


def test_authorities_qualified_otherwise_are_a_body_of_their_own() -> None:
    (said,) = speakers("وقالت السلطات الصحية الأردنية إن عدد الإصابات تراجع خلال الأسبوع.")
    assert len(said) == 1 and said[0].startswith("organization/") and said[0].endswith(":Organization")


def test_the_phrase_of_one_country_is_a_mention_of_it() -> None:
    article = extract("خبر اليوم\n\nوقالت السلطات الأردنية إن المعبر سيفتح أمام الشاحنات الأسبوع المقبل.", "test")[0]
    phrases = [(m.text, m.entity) for m in article.mentions if m.entity == "country/jordan"]
    assert phrases == [("السلطات الأردنية", "country/jordan")]
    assert "السلطات الأردنية" in article.entities["country/jordan"].alt_labels
