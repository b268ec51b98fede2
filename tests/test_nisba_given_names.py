"""kg.mentions: a given name that is also a nisba (تركي، مصري) after a title, before a family name."""

from __future__ import annotations

import pytest

from kg.mentions import find_mentions
from kg.model import Article


def person_names(text: str) -> set[str]:
    article = find_mentions(Article(source="t", text=text))
    return {m.text for m in article.mentions if m.type == "Person"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال المتحدث باسم القوات المشتركة العقيد تركي العنزي إن الدفاعات اعترضت الطائرة.", "تركي العنزي"),
        ("وأوضح الناطق باسم وزارة الداخلية، العميد مصري الحربي، أن الدورية لم تصب.", "مصري الحربي"),
        ("وأكد الأمير تركي بن فهد أن الزيارة ناجحة.", "تركي بن فهد"),
        ("وذكر قائد اللواء الثالث، العقيد ركن تركي الشمري، أن الوحدات انسحبت.", "تركي الشمري"),
    ],
)
def test_a_bare_nisba_after_a_definite_title_opens_a_name(text, name):
    assert name in person_names(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("وقال السفير التركي في القاهرة إن العلاقات متينة.", "التركي"),
        ("وقال مسؤول تركي الخميس إن المفاوضات مستمرة.", "تركي"),
        ("واعتقلت الشرطة عاملا في المصنع، مصري الجنسية، بتهمة السرقة.", "مصري"),
    ],
)
def test_a_nisba_that_agrees_with_its_noun_is_no_given_name(text, word):
    assert not any(n.startswith(word + " ") or n == word for n in person_names(text))
