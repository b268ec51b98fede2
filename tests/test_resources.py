"""kg.resources: pattern records and the Turtle gazetteer, read from real files."""

from __future__ import annotations

import re

import pytest

from kg import resources
from kg.errors import InputError


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A private kg/data folder (cache cleared, so each test reads its own files)."""
    monkeypatch.setattr(resources, "DATA_DIR", tmp_path)
    resources.load.cache_clear()
    yield tmp_path
    resources.load.cache_clear()


def test_load_returns_records_in_order(data_dir):
    (data_dir / "verbs.jsonl").write_text(
        '{"label": "verb", "pattern": "قال"}\n\n{"label": "verb", "pattern": "أكد"}\n'
    )
    assert [r["pattern"] for r in resources.load("verbs")] == ["قال", "أكد"]


@pytest.mark.parametrize("line", ['{"pattern": "قال"}', "not json", '["label"]'])
def test_malformed_record_names_file_and_line(data_dir, line):
    (data_dir / "bad.jsonl").write_text('{"label": "ok"}\n' + line + "\n")
    with pytest.raises(InputError, match=r"bad\.jsonl:2"):
        resources.load("bad")


def test_empty_resource_warns(data_dir):
    (data_dir / "empty.jsonl").write_text("\n")
    with pytest.warns(UserWarning, match="empty"):
        assert resources.load("empty") == []


def test_unknown_resource_lists_available(data_dir):
    (data_dir / "titles.jsonl").write_text('{"label": "title"}\n')
    with pytest.raises(InputError, match="titles"):
        resources.load("nope")


def test_gazetteer_entries_carry_keys_labels_and_verified_links():
    entries = {e.key: e for e in resources.load_gazetteer()}
    iraq = entries["country/iraq"]
    assert (iraq.type, iraq.label_ar, iraq.label_en, iraq.wikidata) == ("Country", "العراق", "Iraq", "Q796")
    assert entries["place/washington"].capital_of == "country/united-states"
    assert all(k.isascii() for k in entries)


def test_gazetteer_entry_without_arabic_label_is_refused(tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text(
        "@prefix isnad: <https://w3id.org/isnad/ontology#> .\n@base <https://w3id.org/isnad/id/> .\n"
        '@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n<country/x> a isnad:Country ; rdfs:label "X"@en .\n'
    )
    with pytest.raises(InputError, match="Arabic"):
        resources.load_gazetteer(path)


def test_words_are_folded_once_each_in_file_order(data_dir):
    (data_dir / "verbs.jsonl").write_text(
        '{"label": "visit", "pattern": "زار"}\n{"label": "meet", "pattern": "التقى"}\n'
        '{"label": "visit", "pattern": "أجرى"}\n{"label": "visit", "pattern": "اجرى"}\n'
    )
    assert resources.words("verbs", "visit", fold=lambda w: w.replace("أ", "ا")) == ["زار", "اجرى"]


def test_alternation_groups_words_by_their_proclitics(data_dir):
    (data_dir / "verbs.jsonl").write_text(
        '{"label": "visit", "pattern": "زار", "proclitics": "وف"}\n{"label": "visit", "pattern": "زيارة"}\n'
        '{"label": "visit", "pattern": "يزور", "proclitics": "وف"}\n{"label": "meet", "pattern": "التقى"}\n'
    )
    regex = re.compile(rf"(?<!\w){resources.alternation('verbs', 'visit')}(?!\w)")
    assert [m.group() for m in regex.finditer("فزار ثم وزيارة ويزور التقى زيارة")] == ["فزار", "ويزور", "زيارة"]


def test_alternation_of_no_words_is_an_error(data_dir):
    (data_dir / "verbs.jsonl").write_text('{"label": "visit", "pattern": "زار"}\n')
    with pytest.raises(InputError, match="no words labelled 'meet'"):
        resources.alternation("verbs", "meet")
