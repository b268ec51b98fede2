"""Delegations as the visit or talks they stand for (kg.mentions.delegations), through the whole
pipeline: exact sets of Dialogue nodes, so a spurious one fails too."""

from __future__ import annotations

import pytest

from kg.mentions.event_places import relational
from kg.pipeline import extract
from kg.text import fold


def _dialogues(text: str) -> set[str]:
    (article,) = extract(text, "test")
    return {e.label_ar for e in article.entities.values() if e.type == "Dialogue"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sent to a place after إلى or لـ, described by its kind and nationality
        ("وقالت الحكومة إنها سترسل وفدا أمنيا إلى بيروت.", {"وفدا أمنيا إلى بيروت"}),
        ("وأرسلت الجزائر وفدين عسكريين لتونس والمغرب.", {"وفدين عسكريين لتونس والمغرب"}),
        # arriving, from a body named
        ("ووصل وفد من البرلمان الأوروبي إلى الخرطوم.", {"وفد من البرلمان الأوروبي إلى الخرطوم"}),
        # led by someone named, then where it arrived
        (
            "ووصل وفد عراقي برئاسة وزير الخارجية فؤاد حسين إلى طهران.",
            {"وفد عراقي برئاسة وزير الخارجية فؤاد حسين إلى طهران"},
        ),
        # sent to negotiate
        ("واتفقت الفصائل مع وفد التفاوض الروسي على تسليم السلاح.", {"وفد التفاوض الروسي"}),
        # no destination, no talks: a delegation that only speaks or accompanies
        ("وقال الوفد الفرنسي إن الأجواء كانت إيجابية.", set()),
        ("وانضم وفد المعارضة إلى الاجتماعات.", set()),
        # the subject of a verb of visiting: a visit the article names elsewhere, if at all
        ("وزار وفد تجاري تركي ليبيا الأسبوع الماضي.", set()),
        ("وأرسلت مصر وفدا تجاريا ليبيا.", set()),
        # who makes a visit the article tells by its noun: that visit's node only
        ("وأدان الحزب زيارة الوفد البرلماني إلى دمشق.", {"زيارة الوفد البرلماني إلى دمشق"}),
        # a noun after it that only ends like an adjective: no description, no destination
        ("وعاد الوفد الصيني من رحلته إلى شبه الجزيرة.", set()),
    ],
)
def test_delegations_with_a_destination_or_talks(text: str, expected: set[str]) -> None:
    assert _dialogues(text) == expected


@pytest.mark.parametrize(
    ("word", "singular", "any_inflection"),
    [("الأمنية", True, True), ("عسكريين", False, True), ("أمنيا", False, True), ("رحلته", False, False)],
)
def test_a_relational_adjective_in_any_inflection(word: str, singular: bool, any_inflection: bool) -> None:
    assert (relational(fold(word)), relational(fold(word), any_inflection=True)) == (singular, any_inflection)
