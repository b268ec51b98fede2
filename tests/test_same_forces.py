"""One force told in other words within an article (``kg.same_forces``): a branch with a head
of forces before it and the branch alone, one people's fighters and its militia."""

from __future__ import annotations

from kg.model import Entity
from kg.pipeline import extract


def _forces(text: str) -> list[Entity]:
    (article,) = extract(text, "test")
    return [e for e in article.entities.values() if e.type == "Force"]


def _names(force: Entity) -> set[str]:
    return {force.label_ar, *force.alt_labels}


def test_a_branch_with_a_head_of_forces_is_the_branch() -> None:
    """ "قوات الشرطة" and "الشرطة" of one state are one force."""
    text = "وقال الجيش الأردني إن قوات الشرطة اعتقلت رجلا، وأضافت الشرطة أن التحقيق مستمر."
    police = [f for f in _forces(text) if "الشرطة" in _names(f)]
    assert len(police) == 1
    assert _names(police[0]) == {"الشرطة", "قوات الشرطة"}


def test_a_peoples_fighters_and_its_militia_are_one_force() -> None:
    """ "المقاتلين الأكراد" and "مليشيا كردية", owned alike, are one force; another people's
    militia is another."""
    text = "وهاجم المقاتلين الأكراد البلدة، ثم انسحبت مليشيا كردية بعد يومين، وقاتلت مليشيا تركمانية."
    forces = _forces(text)
    kurds = [f for f in forces if "مليشيا كردية" in _names(f)]
    assert len(kurds) == 1 and len(_names(kurds[0])) == 2
    assert any("مليشيا تركمانية" in _names(f) for f in forces if f is not kurds[0])


def test_fighters_join_a_militia_already_keyed_by_its_group() -> None:
    """ "الميليشيا الكردية" takes its group's key (head and group, no entity's key) before
    "المقاتلين الأكراد" joins it: the two are one force, and the article is extracted."""
    text = "وقصفت الطائرات مواقع الميليشيا الكردية قرب المدينة، وقال مسؤول إن عشرات المقاتلين الأكراد انسحبوا."
    (kurds,) = [f for f in _forces(text) if "الميليشيا الكردية" in _names(f)]
    assert _names(kurds) == {"الميليشيا الكردية", "المقاتلين الأكراد"}


def test_a_peoples_soldiers_are_not_its_mercenaries() -> None:
    """A state's soldiers and its people's mercenaries, owned alike, are two forces."""
    text = "ووصل المرتزقة الروس إلى الميناء. وقال إنه لا يوجد جنود روس هناك."
    assert sorted(f.label_ar for f in _forces(text)) == ["المرتزقة الروس", "جنود روس"]


def test_militias_named_by_their_state_alone_are_its_named_militia() -> None:
    """ "ميليشيات إيران" and "الميليشيات الإيرانية" are the one militia the article names by its
    group and Iran's nisba; with no such militia they are one force of Iran, and a militia of
    another state stays apart."""
    named = (
        "وقالت مصادر إن ميليشيات الحوثي الإيرانية قصفت أحياء في المدينة، وإن ميليشيات إيران زرعت ألغاما، "
        "وإن الجيش تقدم رغم مقاومة الميليشيات الإيرانية."
    )
    (militia,) = [f for f in _forces(named) if "ميليشيات إيران" in _names(f)]
    # the Houthis' militia is the gazetteer's Houthi fighters, by its label
    assert _names(militia) == {"الحوثيون", "ميليشيات الحوثي الإيرانية", "ميليشيات إيران", "الميليشيات الإيرانية"}
    unnamed = "وتقدمت الميليشيات الإيرانية في الريف، وأرسلت ميليشيات إيران تعزيزات، وقاتلت ميليشيا حزب الله اللبنانية."
    forces = _forces(unnamed)
    (iran,) = [f for f in forces if "ميليشيات إيران" in _names(f)]
    assert _names(iran) == {"ميليشيات إيران", "الميليشيات الإيرانية"}
    assert any("ميليشيا حزب الله اللبنانية" in _names(f) for f in forces if f is not iran)


def test_a_groups_militia_is_the_gazetteers_fighters_named_by_the_groups_plural() -> None:
    """ "ميليشيات الحوثي" and "الحوثيين" are one force, the gazetteer's, also where the article
    names the militia alone (its key is the same in every article)."""
    both = "وقصفت ميليشيات الحوثي مواقع قرب الساحل، ثم انسحب الحوثيين من القرية بعد يومين."
    alone = "وقصفت الميليشيات الحوثية مواقع قرب الساحل، ثم انسحبت من القرية بعد يومين."
    for text in (both, alone):
        forces = _forces(text)
        assert [f.key for f in forces] == ["force/houthi-fighters"]
        assert {"ميليشيات الحوثي", "الميليشيات الحوثية"} & _names(forces[0])


def test_a_groups_militia_the_gazetteer_has_no_fighters_for_keeps_its_group_key() -> None:
    forces = _forces("وهاجمت ميليشيات الزنتان مطار العاصمة، وقالت ميليشيات الزنتان إنها تقدمت.")
    assert [f.key for f in forces] == ["force/mlycyA-zntAn"]


def test_a_states_forces_and_its_army_are_the_gazetteers_one_force_its_air_force_another() -> None:
    text = "وقال الجيش الإسرائيلي إن القوات الإسرائيلية أغلقت المعبر، وإن القوات الجوية الإسرائيلية قصفت موقعا."
    forces = {f.key: _names(f) for f in _forces(text)}
    assert forces["force/israel-defense-forces"] >= {"الجيش الإسرائيلي", "القوات الإسرائيلية"}
    assert len(forces) == 2


def test_units_of_the_army_are_the_one_army_the_article_names_by_its_state() -> None:
    one = "وقال الجيش السوري إن وحدات الجيش سيطرت على التلال المحيطة بالبلدة."
    assert [f.key for f in _forces(one)] == ["force/syrian-arab-army"]
    # two armies named: which one's units is not told
    two = "وقال الجيش السوري إن وحدات الجيش سيطرت على التلال، فيما أعلن الجيش اللبناني إغلاق الحدود."
    assert len(_forces(two)) == 3


def _keyed(text: str) -> dict[str, set[str]]:
    return {f.key: _names(f) for f in _forces(text)}


def test_a_states_forces_as_a_whole_take_one_key_in_every_article_whatever_their_words() -> None:
    """An article that names Egypt's army only as "الجيش المصري", another only as "القوات المسلحة
    المصرية", a third only as "القوات المسلحة" of Egypt: one force, with one key, in all three."""
    army = _keyed("وأعلن الجيش المصري مقتل عشرة مسلحين في شمال سيناء.")
    armed = _keyed("وقالت القوات المسلحة المصرية إنها دمرت مخازن أسلحة في سيناء.")
    owned = _keyed("وفي مصر، أحبطت القوات المسلحة هجوما في سيناء.")
    (key,) = army
    assert set(armed) == {key} and owned.keys() == {key}
    assert army[key] == {"الجيش المصري"} and armed[key] == {"القوات المسلحة المصرية"}


def test_a_states_government_forces_alone_are_the_gazetteers_army_of_that_state() -> None:
    """ "قوات النظام السوري" in an article that names Syria's army no other way is the gazetteer's
    Syrian army, as it is where the article names both."""
    (force,) = _forces("وقصفت قوات النظام السوري بلدات في ريف إدلب أمس.")
    assert force.key == "force/syrian-arab-army"
    assert "قوات النظام السوري" in _names(force)


def test_a_contingent_and_soldiers_of_a_state_keep_their_own_key() -> None:
    """ "قوات مصرية" (some Egyptian forces) and "جنود أمريكيون" are a contingent of this article,
    not the state's forces as a whole in every article."""
    forces = _forces("وقال مسؤول إن قوات مصرية وصلت إلى الحدود.")
    assert [f.label_ar for f in forces] == ["قوات مصرية"]
    assert not forces[0].key.startswith("force/armed-forces--")


def test_a_lebanese_party_named_forces_is_no_army() -> None:
    """ "القوات اللبنانية" is the Lebanese party, never the Lebanese army."""
    (article,) = extract("وحقق حزب القوات اللبنانية تقدما في الانتخابات، وانتشر الجيش اللبناني في بيروت.", "test")
    assert article.entities["organization/lebanese-forces"].type == "Organization"
    assert [f.key for f in _forces_of(article)] == ["force/lebanese-armed-forces"]


def _forces_of(article) -> list[Entity]:  # noqa: ANN001 - an extracted article
    return [e for e in article.entities.values() if e.type == "Force"]


def test_a_group_named_with_a_country_spelt_another_way_is_that_group_not_the_states_army() -> None:
    """ "قوات سوريا الديموقراطية" (ديموقراطية for ديمقراطية) is the gazetteer's group, not
    "قوات سوريا", the state's forces, with a word left over."""
    forces = _forces("وقال متحدث إن قوات سوريا الديموقراطية سيطرت على قرية شرق نهر الفرات.")
    assert [f.key for f in forces] == ["force/syrian-democratic-forces"]


def test_a_known_coalitions_forces_take_one_key_however_much_of_its_name_is_written() -> None:
    """Forces of the Arab coalition named with its short name in one article and its full name
    in another are one force; its aircraft are another unit of it."""
    short = _keyed("وقالت قوات التحالف العربي إنها استعادت السيطرة على المدينة.")
    full = _keyed("وتقدمت قوات التحالف العربي لدعم الشرعية في اليمن نحو الساحل الغربي.")
    aircraft = _keyed("وشن طيران التحالف العربي غارات على مواقع الحوثيين.")
    (key,) = short
    assert set(full) == {key}, (short, full)
    assert key.endswith("--arab-coalition") and key not in aircraft, aircraft


def test_an_unknown_coalitions_forces_keep_their_words() -> None:
    """The forces of a coalition no list knows keep keys minted from their own words."""
    forces = _keyed("وقالت قوات التحالف الإسلامي العسكري إنها أنهت مناوراتها في الصحراء.")
    assert not any(key.endswith("--arab-coalition") for key in forces), forces
