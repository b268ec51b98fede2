"""benchmarks.entities_probe: the actors of unlabelled articles, listed by type and source."""

from __future__ import annotations

from benchmarks import entities_probe


def test_the_probe_lists_each_actor_with_the_rule_that_found_it(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("وقال وزير الخارجية العراقي فؤاد حسين إن بغداد ترحب بالقرار.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("وقال السفير أمام الأمم المتحدة إن النظام السوري يرفض.", encoding="utf-8")
    listing = tmp_path / "entities.tsv"
    assert entities_probe.main([str(tmp_path), "--list", str(listing)]) == 0
    rows = {tuple(line.split("\t")[:4]) for line in listing.read_text(encoding="utf-8").splitlines()}
    # a person's first mention is his role, and "بغداد" the government of Iraq
    assert ("a.txt", "Person", "role", "person/fuad-hussein") in rows
    assert ("a.txt", "Country", "gazetteer", "country/iraq") in rows
    assert ("b.txt", "Organization", "gazetteer", "organization/united-nations") in rows
    assert ("b.txt", "Country", "head-noun", "country/syria") in rows
    assert capsys.readouterr().out.startswith("articles=2  Person=1")
