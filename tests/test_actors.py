"""Where an article names actors: nisbas in every inflection, known names, capitals, gazetteer entities."""

from __future__ import annotations

import pytest

from kg import resources
from kg.actors import ActorLexicon, ArticleActors, NameIndex, bare
from kg.model import Article
from kg.spans import fold
from tests import mentioned

IRAQ, US = "country/iraq", "country/united-states"


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    """The project's nisba lexicon and gazetteer."""
    return ActorLexicon(resources.load("nisba"), resources.load_gazetteer())


def read(lexicon: ActorLexicon, text: str, names: dict[str, tuple[str, str]] | None = None) -> ArticleActors:
    """One text read for the relation rules, with the given mentions."""
    return ArticleActors(mentioned.make_article(text, names or {}), lexicon)


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("القوات الأميركية والعراقية", [US, IRAQ]),
        ("وفداً عراقياً وآخر أمريكياً", [IRAQ, US]),
        ("وزارتي الدفاع والخارجية الأميركيتين", [US]),
        ("مسؤولين أمريكيين ونظراءهم الإيرانيين", [US, "country/iran"]),
        ("في سوريا وليبيا وتركيا", []),  # country names, not accusative nisbas
        # a name taking the article is the adjective ("سورية" is Syria), unless the name takes it too
        ("الحكومة السورية والقوات السعودية", ["country/syria"]),
        ("مساعدات للسورية والسوداني", ["country/syria", "country/sudan"]),
        ("زار سورية والسعودية", []),
    ],
)
def test_nisbas_in_every_inflection(lexicon: ActorLexicon, text: str, countries: list[str]) -> None:
    actors = read(lexicon, text)
    assert actors.nisba_countries(0, len(actors.text)) == countries


def test_a_surname_inside_a_person_mention_is_no_nisba(lexicon: ActorLexicon) -> None:
    actors = read(lexicon, "والتقى محمد شياع السوداني", {"محمد شياع السوداني": ("Person", "person/sudani")})
    assert actors.nisba_countries(0, len(actors.text)) == []


def test_a_nisba_country_becomes_an_article_entity_from_the_gazetteer(lexicon: ActorLexicon) -> None:
    actors = read(lexicon, "الجيش العراقي")
    assert actors.nisba_countries(0, len(actors.text)) == [IRAQ]
    entity = actors.article.entities[IRAQ]
    assert (entity.type, entity.label_ar, entity.wikidata) == ("Country", "العراق", "Q796")


def test_a_capital_names_its_country(lexicon: ActorLexicon) -> None:
    actors = read(lexicon, "الحوار الاستراتيجي بين واشنطن وبغداد")
    assert actors.named(0, len(actors.text)) == [US, IRAQ]


def test_name_index_looks_inside_the_name_being_read() -> None:
    index = NameIndex({"قوات تحالف دولي": {"force"}, "تحالف دولي": {"coalition"}})
    text = fold("وشاركت قوات التحالف الدولي")
    assert index.find(text, 0, len(text)) == [(7, {"force"})]
    assert index.find(text, 0, len(text), skip="force") == [(12, {"coalition"})]


def test_name_index_finds_only_whole_names_inside_the_stretch() -> None:
    index = NameIndex({bare("بغداد"): {"iq"}, bare("واشنطن"): {"us"}, bare("الولايات المتحدة"): {"us"}})
    text = fold("زار بغداد ثم الولايات المتحدة وواشنطن")
    washington = text.index("وواشنطن")
    assert index.find(text, 0, len(text)) == [(4, {"iq"}), (13, {"us"}), (washington, {"us"})]
    assert index.find(text, 0, washington) == [(4, {"iq"}), (13, {"us"})]
    assert index.find(text, 0, len(text) - 1) == [(4, {"iq"}), (13, {"us"})]  # واشنطن cut short
    assert index.find(text, 5, len(text)) == [(13, {"us"}), (washington, {"us"})]  # بغداد begun before


def test_role_mentions_give_a_persons_country(lexicon: ActorLexicon) -> None:
    article: Article = mentioned.make_article(
        "رئيس الوزراء العراقي مصطفى الكاظمي",
        {"رئيس الوزراء العراقي": ("Person", "person/kadhimi"), "مصطفى الكاظمي": ("Person", "person/kadhimi")},
    )
    article.mentions[0].source = "role"
    assert ArticleActors(article, lexicon).role_countries(["person/kadhimi"]) == [IRAQ]
