"""Finding a set of names in a folded text: one pattern per set of names, shared by indexes."""

from __future__ import annotations

from kg.actors import bare
from kg.name_index import NameIndex
from kg.spans import fold


def test_indexes_holding_the_same_names_at_other_places_keep_their_own_values() -> None:
    # both searches hold بغداد and واشنطن only, so they share one pattern, whose groups number
    # the names by their place in it, not in either index
    first = NameIndex({bare("بغداد"): {"iq"}, bare("واشنطن"): {"us"}})
    second = NameIndex({bare("الولايات المتحدة"): {"us"}, bare("واشنطن"): {"dc"}, bare("بغداد"): {"baghdad"}})
    text = fold("بين بغداد وواشنطن")
    washington = text.index("وواشنطن")
    assert first.find(text, 0, len(text)) == [(4, {"iq"}), (washington, {"us"})]
    assert second.find(text, 0, len(text)) == [(4, {"baghdad"}), (washington, {"dc"})]


def test_names_sharing_their_first_letters_are_each_found() -> None:
    # every name's longest word opens with the article: each is filed under a pair of its own
    names = {bare(name): {name} for name in ("الجيش العراقي", "الحشد الشعبي", "الجيش السوري", "الأمم المتحدة")}
    index = NameIndex(names)
    text = fold("وقال الحشد الشعبي إن الجيش السوري والأمم المتحدة")
    found = [values for _offset, values in index.find(text, 0, len(text))]
    assert found == [{"الحشد الشعبي"}, {"الجيش السوري"}, {"الأمم المتحدة"}]
