"""The extractor's output on every sample corpus equals its committed snapshot.

A change to the extractor that changes any triple fails here, naming each article and its
diff; when the change is meant, ``python -m benchmarks.snapshot --refresh`` writes the new
snapshot and the commit lists what changed and why.
"""

from __future__ import annotations

import pytest

from benchmarks import snapshot


@pytest.mark.parametrize("corpus", list(snapshot.CORPORA))
def test_output_equals_snapshot(corpus: str) -> None:
    if not snapshot.CORPORA[corpus].present():
        pytest.skip(f"the {corpus} texts are not next to the repository")
    reports = snapshot.differences(corpus, snapshot.current(corpus))
    assert not reports, "\n".join(reports)


def test_a_changed_article_is_named_with_its_diff() -> None:
    found = snapshot.current("tests")
    name = sorted(found)[0]
    found[name] = [line for line in found[name] if "isnad:Statement" not in line] + ["A isnad:mentions res:x"]
    reports = snapshot.differences("tests", found)
    assert len(reports) == 1
    assert name in reports[0] and "-A/statement/" in reports[0] and "+A isnad:mentions res:x" in reports[0]


def test_a_held_out_article_is_named_without_its_diff() -> None:
    found = snapshot.current("tests")
    name = sorted(found)[0]
    found[name] = found[name] + ["A isnad:mentions res:x"]
    reports = snapshot.differences("tests", found, held_out=(name[:3],))
    assert reports == [f"{name}: output changed (held out: diff not shown)"]


def test_long_literals_are_digested_and_iris_prefixed() -> None:
    text = "نص " * 30
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    article = "https://w3id.org/isnad/id/article/0123abcd"
    lines = snapshot.canonical_lines(
        f'<{article}> <{nif}isString> "{text}"@ar .\n<{article}/mention/3-7> <{nif}anchorOf> "<http://x> ب"@ar .\n'
    )
    assert lines[0].startswith('A nif:isString "#') and text not in lines[0]
    assert lines[1] == 'A/mention/3-7 nif:anchorOf "<http://x> ب"@ar'
