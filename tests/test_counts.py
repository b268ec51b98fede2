"""kg.counts: cardinal numbers in digits, words or both."""

from __future__ import annotations

import re

import pytest

from kg.counts import count_pattern, count_value
from kg.spans import fold


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2500", 2500),
        ("1,200", 1200),
        ("٧٥٠", 750),
        ("40 ألف", 40000),
        ("7 آلاف", 7000),
        ("أربعة آلاف", 4000),
        ("ألف", 1000),
        ("ألفين وثلاثمائة", 2300),
        ("ستة آلاف وخمسمائة", 6500),
        ("سبع مئة", 700),
        ("مئتي ألف", 200000),
        ("ألف الجنود", None),
        ("ثلاثة عشر", 13),
        ("اثنا عشر", 12),
        ("مليون", 1000000),
        ("خمسة وعشرون", 25),
        ("ألفي", 2000),
        # two numbers of a range are no one count ("بين 400 و500")
        ("400 و500", None),
        ("ثلاثين وأربعين", None),
        # a teen's lead alone counts no one ("أحد أفراده")
        ("أحد", None),
    ],
)
def test_count_value(text: str, value: int | None) -> None:
    folded = fold(text)
    whole = re.fullmatch(count_pattern(), folded)
    assert (count_value(folded) if whole else None) == value
