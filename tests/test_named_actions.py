"""Ceasefire agreements and military operations named by what they do, through the whole
pipeline (exact sets of Agreement and Force nodes, so a spurious node fails too)."""

from __future__ import annotations

import pytest

from kg.model import Entity
from kg.pipeline import extract


def _nodes(text: str, kind: str) -> list[Entity]:
    (article,) = extract(text, "test")
    return [e for e in article.entities.values() if e.type == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the agreement with where it holds; the ceasefire named later refers back to it
        (
            "وجرى التوصل إلى اتفاق لوقف إطلاق النار في غزة. وقال الوزير إن وقف النار صامد.",
            {("اتفاق لوقف إطلاق النار في غزة", ("وقف النار",))},
        ),
        ("وأعلنت الأطراف هدنة لوقف إطلاق النار.", {("هدنة لوقف إطلاق النار", ())}),
        # a ceasefire called for, or told with no agreement before it, is no agreement
        ("ودعت الأمم المتحدة إلى وقف إطلاق النار.", set()),
        ("وقال الوزير إن وقف النار صامد.", set()),
    ],
)
def test_ceasefires(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(a.label_ar, tuple(a.alt_labels)) for a in _nodes(text, "Agreement")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare ceasefire with a clause that tells it reached between its sides is an agreement
        (
            "وصمد وقف إطلاق النار الذي تم التوصل إليه بين مالي والنيجر أمس.",
            {("وقف إطلاق النار الذي تم التوصل إليه بين مالي والنيجر", ("country/mali", "country/niger"))},
        ),
        (
            "وقال الوزير إن وقف النار الذي توصلت إليه تشاد مع السودان صامد.",
            {("وقف النار الذي توصلت إليه تشاد مع السودان", ("country/chad", "country/sudan"))},
        ),
        # a clause that only calls for it names no agreement
        ("وخرق الجيش وقف إطلاق النار الذي دعت إليه تشاد مع السودان.", set()),
    ],
)
def test_ceasefires_reached_between_sides(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(a.label_ar, tuple(sorted(a.parties))) for a in _nodes(text, "Agreement")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # named in quotation marks after its noun; the name alone later is the same force
        (
            'وبدأت تركيا عملية "نبع الفرات" في سوريا. وقالت أنقرة إن نبع الفرات ستستمر.',
            {("نبع الفرات", ())},
        ),
        # named after its noun unquoted, quoted elsewhere; whoever carries it out owns it
        (
            'وأيد عملية درع الصحراء التي قامت بها السعودية، وقال إن "درع الصحراء" ناجحة.',
            {("عملية درع الصحراء", ("country/saudi-arabia",))},
        ),
        # a process of talks is no operation, and a quoted phrase with no operation noun is none
        ('وتحدث عن "الحوار الوطني" وعن عملية الحوار الوطني.', set()),
        ('وقال إن "درع الصحراء" ناجحة.', set()),
    ],
)
def test_operations(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    assert {(f.label_ar, tuple(f.affiliation)) for f in _nodes(text, "Force")} == expected


def test_ceasefires_are_keyed_within_their_article() -> None:
    """A ceasefire agreement is described, not named: two articles' are not known to be one."""
    first = _nodes("وجرى التوصل إلى اتفاق لوقف إطلاق النار في غزة.", "Agreement")[0].key
    second = _nodes("وجرى التوصل إلى اتفاق لوقف إطلاق النار في السودان.", "Agreement")[0].key
    assert first != second
