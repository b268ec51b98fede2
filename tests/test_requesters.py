"""Who asked for a meeting sits in it: kg.requesters through the whole pipeline."""

from __future__ import annotations

import pytest

from kg.pipeline import extract

JORDAN, EGYPT, TUNISIA = "country/jordan", "country/egypt", "country/tunisia"


def _participants(text: str) -> list[str]:
    """The participants of the one dialogue ``text`` tells."""
    (article,) = extract(text, "requesters.txt")
    (dialogue,) = [e for e in article.entities.values() if e.type == "Dialogue"]
    return dialogue.participants


@pytest.mark.parametrize(
    ("text", "requesters"),
    [
        # the request set off by commas after a day and the session's noun
        ("عقد مجلس الأمن الدولي مساء الأحد جلسة علنية، بطلب من الأردن، للاطلاع على تقرير المبعوث.", [JORDAN]),
        # a verb between the noun and the request; two requesters coordinated
        ("وقال المتحدث إن الاجتماع الوزاري ينعقد بناء على طلب من مصر وتونس، لبحث الوضع.", [EGYPT, TUNISIA]),
        # the request with no من before the requester
        ("ويأتي هذا الاجتماع بناء على طلب الأردن على خلفية الأزمة الأخيرة.", [JORDAN]),
    ],
)
def test_the_requester_takes_part(text: str, requesters: list[str]) -> None:
    assert set(requesters) <= set(_participants(text))


def test_a_request_in_a_later_clause_is_for_something_else() -> None:
    text = "عقد مجلس الأمن الدولي جلسة مغلقة، وقال دبلوماسيون إن القرار اتخذ بطلب من مصر."
    assert EGYPT not in _participants(text)
