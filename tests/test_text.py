"""kg.text: spelling variants written one way, found without trying every variant at every character."""

from kg.text import normalize_letters, normalize_spelling


def _spelled(text: str) -> str:
    return normalize_spelling(normalize_letters(text))


def test_a_variant_written_as_a_plain_word_is_written_one_way_anywhere_in_a_long_text() -> None:
    filler = "وقال المتحدث إن الاجتماع انتهى دون اتفاق. " * 20
    assert _spelled(filler + "السفير الأميركي") == normalize_letters(filler + "السفير الأمريكي")


def test_a_variant_opened_by_a_word_boundary_is_read_only_at_a_word_start() -> None:
    # "شمال شرقي" -> "شمال شرق": the direction nisba after a direction, at a word start only
    assert _spelled("في شمال شرقي سوريا") == normalize_letters("في شمال شرق سوريا")
    # inside a word (الشمالي) the letters are there but no word starts at them: left as written
    assert _spelled("في الجانب الشمالي من المدينة") == normalize_letters("في الجانب الشمالي من المدينة")


def test_a_text_without_any_variant_is_returned_as_it_is() -> None:
    text = normalize_letters("أعلنت الحكومة عن خطة جديدة للتعاون الاقتصادي مع الدول المجاورة.")
    assert normalize_spelling(text) is text
